/**
 * Schemas of the cost catalog: what things cost to buy (capex per unit the model already counts), to run (energy,
 * water, maintenance) and how long they last. Every figure is a low / base / high range in US dollars, because few
 * of them are public list prices; each entry cites its source and says how the range was sized.
 */
import { z } from "zod";
import { type Assert, fail, id, orderedRangeSchema, type SameShape, type Source, sourceSchema } from "./schemaCommon";

/** A cost as a range, USD (or USD per unit): low ≤ base ≤ high. */
export interface UsdRange {
  /** Low estimate, USD. */
  low: number;
  /** Base estimate, USD. */
  base: number;
  /** High estimate, USD. */
  high: number;
}

/** A cost figure as a range, all ≥ 0 in the catalog. @internal */
export const usdRangeSchema: z.ZodType<UsdRange> = orderedRangeSchema(0, 1e12);

/** Years an asset is depreciated over (straight line), 1 to 100 (Meta depreciates servers over 5.5). */
const usefulLifeYears = z.number().min(1).max(100);
/** Maintenance and support per year as a share of the asset's capex, 0 to 0.5. */
const maintenanceShareOfCapex = z.number().min(0).max(0.5);

/** IT hardware of one rack design: the rack with its nodes, switches, power shelves and in-rack cooling. */
export interface RackHardwareCostSpec {
  /** The rack design id this prices. */
  id: string;
  /** Capex of one rack with its nodes, switches, power shelves and in-rack cooling, USD per rack. */
  usdPerRack: UsdRange;
  /** Years the hardware is depreciated over (straight line), 1 to 100. */
  usefulLifeYears: number;
  /** Maintenance and support per year as a share of capex, 0 to 0.5. */
  maintenanceShareOfCapex: number;
  /** Where the figures come from, and how the range was sized. */
  source: Source;
}

/** @internal */
export const rackHardwareCostSchema = z.strictObject({
  /** The rack design id this prices. */
  id,
  usdPerRack: usdRangeSchema,
  usefulLifeYears,
  maintenanceShareOfCapex,
  source: sourceSchema,
});
/** @internal */
export type RackHardwareCostSpecMatchesSchema = Assert<SameShape<RackHardwareCostSpec, z.infer<typeof rackHardwareCostSchema>>>;

/** Heat-rejection plant of one cooling technology, per kW of installed capacity (all units, spares included). */
export interface CoolingPlantCostSpec {
  /** The cooling technology id this prices. */
  id: string;
  /** Capex per kW of installed heat-rejection capacity (all units, spares included), USD/kW. */
  usdPerKw: UsdRange;
  /** Years the plant is depreciated over (straight line), 1 to 100. */
  usefulLifeYears: number;
  /** Maintenance per year as a share of capex, 0 to 0.5. */
  maintenanceShareOfCapex: number;
  /** Where the figures come from, and how the range was sized. */
  source: Source;
}

/** @internal */
export const coolingPlantCostSchema = z.strictObject({
  /** The cooling technology id this prices. */
  id,
  usdPerKw: usdRangeSchema,
  usefulLifeYears,
  maintenanceShareOfCapex,
  source: sourceSchema,
});
/** @internal */
export type CoolingPlantCostSpecMatchesSchema = Assert<SameShape<CoolingPlantCostSpec, z.infer<typeof coolingPlantCostSchema>>>;

/** A data-hall building class: shell, electrical and mechanical fit-out per MW of critical IT, and the network per GPU. */
export interface FacilityCostSpec {
  /** Catalog id: lower-case letters, digits, '.' and '-'. */
  id: string;
  /** Human-readable description of the building class. */
  description: string;
  /** Land, shell and core (structure, envelope, site work), per MW of critical IT. */
  shellUsdPerMwIt: UsdRange;
  /** Substations, switchgear, UPS, generators, distribution, per MW of critical IT. */
  electricalUsdPerMwIt: UsdRange;
  /** Mechanical fit-out without the heat-rejection plant (CDUs, piping, air handling), per MW of critical IT. */
  mechanicalUsdPerMwIt: UsdRange;
  /** Scale-out network (switches, optics, cables) per GPU. */
  networkUsdPerGpu: UsdRange;
  /** Years the shell and core is depreciated over (straight line), 1 to 100. */
  shellUsefulLifeYears: number;
  /** Years the electrical fit-out is depreciated over (straight line), 1 to 100. */
  electricalUsefulLifeYears: number;
  /** Years the mechanical fit-out is depreciated over (straight line), 1 to 100. */
  mechanicalUsefulLifeYears: number;
  /** Years the network is depreciated over (straight line), 1 to 100. */
  networkUsefulLifeYears: number;
  /** Facility maintenance per year as a share of shell, electrical and mechanical capex, 0 to 0.5. */
  maintenanceShareOfCapex: number;
  /** Where the figures come from, and how the ranges were sized. */
  source: Source;
}

/** @internal */
export const facilityCostSchema = z.strictObject({
  id,
  description: z.string().min(1),
  /** Land, shell and core (structure, envelope, site work), per MW of critical IT. */
  shellUsdPerMwIt: usdRangeSchema,
  /** Substations, switchgear, UPS, generators, distribution, per MW of critical IT. */
  electricalUsdPerMwIt: usdRangeSchema,
  /** Mechanical fit-out without the heat-rejection plant (CDUs, piping, air handling), per MW of critical IT. */
  mechanicalUsdPerMwIt: usdRangeSchema,
  /** Scale-out network (switches, optics, cables) per GPU. */
  networkUsdPerGpu: usdRangeSchema,
  shellUsefulLifeYears: usefulLifeYears,
  electricalUsefulLifeYears: usefulLifeYears,
  mechanicalUsefulLifeYears: usefulLifeYears,
  networkUsefulLifeYears: usefulLifeYears,
  /** Facility maintenance per year as a share of shell, electrical and mechanical capex. */
  maintenanceShareOfCapex,
  source: sourceSchema,
});
/** @internal */
export type FacilityCostSpecMatchesSchema = Assert<SameShape<FacilityCostSpec, z.infer<typeof facilityCostSchema>>>;

/** Generation a campus owns (a contract with `owned: true`): capex per kW and what each MWh costs to make. */
export interface GenerationCostSpec {
  /** The generation source id this prices. */
  id: string;
  /** Capex per kW of nameplate (the owned contract's contracted MW), USD/kW. */
  usdPerKw: UsdRange;
  /** Fuel and variable O&M per MWh generated. */
  variableUsdPerMwh: UsdRange;
  /** Years the plant is depreciated over (straight line), 1 to 100. */
  usefulLifeYears: number;
  /** Maintenance per year as a share of capex, 0 to 0.5. */
  maintenanceShareOfCapex: number;
  /** Where the figures come from, and how the ranges were sized. */
  source: Source;
}

/** @internal */
export const generationCostSchema = z.strictObject({
  /** The generation source id this prices. */
  id,
  usdPerKw: usdRangeSchema,
  /** Fuel and variable O&M per MWh generated. */
  variableUsdPerMwh: usdRangeSchema,
  usefulLifeYears,
  maintenanceShareOfCapex,
  source: sourceSchema,
});
/** @internal */
export type GenerationCostSpecMatchesSchema = Assert<SameShape<GenerationCostSpec, z.infer<typeof generationCostSchema>>>;

/** Price of energy bought under a contract of one generation source, when the contract states none. */
export interface EnergyPriceSpec {
  /** The generation source id this prices. */
  id: string;
  /** Price of energy delivered, USD/MWh (with capacityUsdPerMwDay or demandUsdPerKwMonth: the energy and delivery part only, those charges billed apart). */
  usdPerMwh: UsdRange;
  /** Nominal change of usdPerMwh per year from priceYear, share (−0.1 to 0.2). @default 0: the price holds in every year */
  escalationPerYear?: number;
  /** The year usdPerMwh is quoted for (2000 to 2100); required with escalationPerYear. @default none */
  priceYear?: number;
  /** Capacity price of the market the grid contract buys in, USD per MW-day, billed on the peak MW the campus draws from the contract in the year. @default none: capacity is in usdPerMwh */
  capacityUsdPerMwDay?: UsdRange;
  /** Demand charge, USD per kW-month, billed on the year's peak MW drawn, at least minimumDemandShare × the contracted MW. @default none: delivery is in usdPerMwh */
  demandUsdPerKwMonth?: UsdRange;
  /** Share of the contracted MW billed as demand however little is drawn (a large-load tariff's minimum demand, 0 to 1); with demandUsdPerKwMonth. @default 0 */
  minimumDemandShare?: number;
  /** Where the figures come from, and how the range was sized. */
  source: Source;
}

/** @internal */
export const energyPriceSchema = z.strictObject({
  /** The generation source id this prices. */
  id,
  usdPerMwh: usdRangeSchema,
  escalationPerYear: z.number().min(-0.1).max(0.2).optional(),
  priceYear: z.number().int().min(2000).max(2100).optional(),
  capacityUsdPerMwDay: usdRangeSchema.optional(),
  demandUsdPerKwMonth: usdRangeSchema.optional(),
  minimumDemandShare: z.number().min(0).max(1).optional(),
  source: sourceSchema,
}).superRefine((e, ctx) => {
  if (e.escalationPerYear !== undefined && e.escalationPerYear !== 0 && e.priceYear === undefined) fail(ctx, "priceYear", "the year usdPerMwh is quoted for (2000 to 2100): an escalation needs a year to start from");
  if (e.minimumDemandShare !== undefined && e.demandUsdPerKwMonth === undefined) fail(ctx, "minimumDemandShare", "unset without demandUsdPerKwMonth: a minimum demand bills the demand charge");
});
/** @internal */
export type EnergyPriceSpecMatchesSchema = Assert<SameShape<EnergyPriceSpec, z.infer<typeof energyPriceSchema>>>;

/** Price of water at a site (its climate id), per m³ of make-up water. */
export interface WaterPriceSpec {
  /** The climate id this prices. */
  id: string;
  /** Price of make-up water, USD/m³. */
  usdPerM3: UsdRange;
  /** Where the figures come from, and how the range was sized. */
  source: Source;
}

/** @internal */
export const waterPriceSchema = z.strictObject({
  /** The climate id this prices. */
  id,
  usdPerM3: usdRangeSchema,
  source: sourceSchema,
});
/** @internal */
export type WaterPriceSpecMatchesSchema = Assert<SameShape<WaterPriceSpec, z.infer<typeof waterPriceSchema>>>;
