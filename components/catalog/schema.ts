/**
 * Schemas of the catalog's entries. Built-in entries and user extensions go through
 * the same schemas, so a custom accelerator is as checked as a built-in one.
 */
import { z } from "zod";
import { AMBIENT_BASES, type AmbientBasis } from "../physics/cooling";
import { AWS_PURCHASE_OPTIONS, AwsInstanceTypeSpec } from "./awsInstanceTypes";

import { type FigureRanges, figureRangesSchema, rangesFitEntry } from "./figureRange";
import { type Assert, bothFinite, fail, id, type SameShape, type Source, sourceSchema } from "./schemaCommon";

/** @internal */
export { sourceSchema } from "./schemaCommon";
export type { Source } from "./schemaCommon";
/** @internal */
export { climateSchema } from "./climateSchema";
export type { ClimateSpec, SeasonalSd, SiteLocation } from "./climateSchema";

/** How a generation source delivers hour by hour (see generationSourceSchema). */
export const HOURLY_PROFILES = ["flat", "solar", "wind", "dispatchable", "storage"] as const;

/** How an accelerator may be cooled: air only, liquid only (cold plates), or either. */
export const COOLING_KINDS = ["air", "liquid", "air-or-liquid"] as const;

/** An accelerator (GPU) model. */
export interface AcceleratorSpec {
  /** Catalog id: lower-case letters, digits, '.' and '-'. */
  id: string;
  /** Vendor, e.g. "NVIDIA". */
  vendor: string;
  /** Model name, e.g. "B200". */
  model: string;
  /** Board power, W (above 0, up to 5,000). */
  boardPowerW: number;
  /** Memory, GB (above 0, up to 2,000). */
  memoryGb: number;
  /** How the accelerator may be cooled; a "liquid" one cannot go in an air-cooled node design. */
  cooling: (typeof COOLING_KINDS)[number];
  /**
   * Sourced plausible ranges of uncertain figures, by field ("boardPowerW"): a confidence run draws each between its
   * low and high. Each holds the entry's own value and the entry stays valid with the field at either end.
   * @default none: every figure is taken as given
   */
  ranges?: FigureRanges;
  /** Where the figures come from. */
  source: Source;
}

const acceleratorFields = z.strictObject({
  id,
  vendor: z.string().min(1),
  model: z.string().min(1),
  boardPowerW: z.number().positive().max(5000),
  memoryGb: z.number().positive().max(2000),
  cooling: z.enum(COOLING_KINDS),
  /** Sourced plausible ranges of uncertain figures, by field path. */
  ranges: figureRangesSchema.optional(),
  source: sourceSchema,
});
/** @internal */
export const acceleratorSchema = acceleratorFields.superRefine(rangesFitEntry(acceleratorFields));
/** @internal */
export type AcceleratorSpecMatchesSchema = Assert<SameShape<AcceleratorSpec, z.infer<typeof acceleratorSchema>>>;

/** A GPU node design: an accelerator times GPUs per node, plus the host around them. */
export interface NodeDesignSpec {
  /** Catalog id: lower-case letters, digits, '.' and '-'. */
  id: string;
  /** Human-readable description: the system and its configuration. */
  description: string;
  /** Accelerator the design ships with; pools may fit another one if it stays within maxPowerW. */
  acceleratorId: string;
  /** GPUs per node, a whole number from 1 to 64. */
  gpusPerNode: number;
  /** CPUs, NICs/DPUs, fans, storage, PSU losses: node power beyond the GPUs' board power, W (0 to 20,000). */
  hostOverheadW: number;
  /** Maximum node power from the vendor's datasheet (or derived as stated in the source note), W (above 0, up to 100,000). */
  maxPowerW: number;
  /** How the node is cooled; an air-cooled design accepts only accelerators that can be air-cooled. */
  cooling: "air" | "liquid";
  /**
   * Sourced plausible ranges of uncertain figures, by field ("hostOverheadW"): a confidence run draws each between its
   * low and high. Each holds the entry's own value and the entry stays valid with the field at either end (the node's
   * power with its own accelerator within maxPowerW is checked at registration).
   * @default none: every figure is taken as given
   */
  ranges?: FigureRanges;
  /** Where the figures come from. */
  source: Source;
}

const nodeDesignFields = z.strictObject({
  id,
  description: z.string().min(1),
  /** Accelerator the design ships with; pools may fit another one if it stays within maxPowerW. */
  acceleratorId: id,
  gpusPerNode: z.number().int().min(1).max(64),
  /** CPUs, NICs/DPUs, fans, storage, PSU losses: node power beyond the GPUs' board power, W. */
  hostOverheadW: z.number().min(0).max(20000),
  /** Maximum node power from the vendor's datasheet (or derived as stated in the source note), W. */
  maxPowerW: z.number().positive().max(100000),
  cooling: z.enum(["air", "liquid"]),
  /** Sourced plausible ranges of uncertain figures, by field path. */
  ranges: figureRangesSchema.optional(),
  source: sourceSchema,
});
/** @internal */
export const nodeDesignSchema = nodeDesignFields.superRefine(rangesFitEntry(nodeDesignFields));
/** @internal */
export type NodeDesignSpecMatchesSchema = Assert<SameShape<NodeDesignSpec, z.infer<typeof nodeDesignSchema>>>;

/** A rack design: nodes, switches and the rack's own power and cooling. */
export interface RackDesignSpec {
  /** Catalog id: lower-case letters, digits, '.' and '-'. */
  id: string;
  /** Human-readable description: the rack and its configuration. */
  description: string;
  /** Catalog id of the node design the rack holds. */
  nodeDesignId: string;
  /** Nodes per rack, a whole number from 1 to 128. */
  nodesPerRack: number;
  /** Switches per rack, a whole number from 0 to 64. */
  switchesPerRack: number;
  /** Power of one switch, W (0 to 10,000). */
  switchPowerW: number;
  /** Rack overhead beyond nodes and switches, W (0 to 20,000). */
  rackOverheadW: number;
  /** Rack-level power conversion (power shelves), 0.5 to 1; 1 where node PSUs already include their losses. */
  powerConversionEfficiency: number;
  /** Power the rack's distribution is rated for, kW (above 0, up to 2,000): nodes beyond it cannot be powered. */
  ratedKw: number;
  /** How the rack is cooled: an air-cooled rack group needs an "air" design, a liquid-cooled one a "liquid" design. */
  cooling: "air" | "liquid";
  /** Share of rack heat taken by the liquid loop (cold plates), 0 to 1; the rest goes to room air. */
  liquidCaptureFraction: number;
  /** Lowest facility-water supply temperature the rack accepts, °C (2 to 70). */
  minSupplyTempC: number;
  /** Highest facility-water supply temperature the rack accepts, °C (2 to 70). */
  maxSupplyTempC: number;
  /** The CDU between the facility water and a liquid-cooled rack's loop, with its own source; required for a "liquid" design, unset for an "air" one. */
  cdu?: CduSpec;
  /**
   * Sourced plausible ranges of uncertain figures, by field path ("switchPowerW", "cdu.approachK"): a confidence run
   * draws each between its low and high. Each holds the entry's own value and the entry stays valid with the field at
   * either end (the default fill within ratedKw is checked at registration).
   * @default none: every figure is taken as given
   */
  ranges?: FigureRanges;
  /** Where the figures come from. */
  source: Source;
}

/** The coolant distribution unit a liquid-cooled rack design is deployed with. */
export interface CduSpec {
  /** Approach of its liquid-to-liquid heat exchanger: rack-loop supply minus facility-water supply, K (0 to 15). */
  approachK: number;
  /** Where the figure comes from. */
  source: Source;
}

/** @internal */
export const cduSchema = z.strictObject({
  /** Rack-loop supply minus facility-water supply across the CDU's heat exchanger, K. */
  approachK: z.number().min(0).max(15),
  source: sourceSchema,
});
/** @internal */
export type CduSpecMatchesSchema = Assert<SameShape<CduSpec, z.infer<typeof cduSchema>>>;

const rackDesignFields = z.strictObject({
  id,
  description: z.string().min(1),
  nodeDesignId: id,
  nodesPerRack: z.number().int().min(1).max(128),
  switchesPerRack: z.number().int().min(0).max(64),
  switchPowerW: z.number().min(0).max(10000),
  rackOverheadW: z.number().min(0).max(20000),
  /** Rack-level power conversion (power shelves); 1 where node PSUs already include their losses. */
  powerConversionEfficiency: z.number().min(0.5).max(1),
  /** Power the rack's distribution is rated for, kW: nodes beyond it cannot be powered. */
  ratedKw: z.number().positive().max(2000),
  cooling: z.enum(["air", "liquid"]),
  /** Share of rack heat taken by the liquid loop (cold plates); the rest goes to room air. */
  liquidCaptureFraction: z.number().min(0).max(1),
  /** Facility-water supply temperatures the rack accepts, °C. */
  minSupplyTempC: z.number().min(2).max(70),
  maxSupplyTempC: z.number().min(2).max(70),
  /** The CDU a liquid-cooled design is deployed with (its heat-exchanger approach, sourced). */
  cdu: cduSchema.optional(),
  /** Sourced plausible ranges of uncertain figures, by field path ("cdu.approachK" for the CDU's). */
  ranges: figureRangesSchema.optional(),
  source: sourceSchema,
}).superRefine((r, ctx) => {
  if (bothFinite(r.minSupplyTempC, r.maxSupplyTempC) && r.minSupplyTempC > r.maxSupplyTempC) {
    fail(ctx, "minSupplyTempC", `at most maxSupplyTempC (${r.maxSupplyTempC} °C)`);
  }
  if (r.cooling === "air" && r.liquidCaptureFraction !== 0) {
    fail(ctx, "liquidCaptureFraction", "0 for an air-cooled rack");
  }
  if (r.cooling === "liquid" && r.liquidCaptureFraction === 0) {
    fail(ctx, "liquidCaptureFraction", "above 0 for a liquid-cooled rack");
  }
  // A liquid-cooled rack reaches the facility water through a CDU, whose approach sets the plant's setpoint; an air-cooled one has none.
  if (r.cooling === "liquid" && r.cdu === undefined) {
    fail(ctx, "cdu", "a CDU { approachK, source } for a liquid-cooled rack (its heat-exchanger approach sets the facility-water setpoint)");
  }
  if (r.cooling === "air" && r.cdu !== undefined) {
    fail(ctx, "cdu", "unset for an air-cooled rack (no CDU between it and the facility water)");
  }
});
/** @internal */
export const rackDesignSchema = rackDesignFields.superRefine(rangesFitEntry(rackDesignFields));
/** @internal */
export type RackDesignSpecMatchesSchema = Assert<SameShape<RackDesignSpec, z.infer<typeof rackDesignSchema>>>;

/** A heat-rejection technology (dry cooler, adiabatic cooler, evaporative tower, chiller). */
export interface CoolingTechnologySpec {
  /** Catalog id: lower-case letters, digits, '.' and '-'. */
  id: string;
  /** Human-readable description of the technology. */
  description: string;
  /** Share of the heat rejected by evaporating water in an hour the plant runs wet (a tower: every hour; a hybrid: above its switch-over), 0-1. */
  evaporativeFraction: number;
  /** Cycles of concentration of the recirculating water (sets blowdown), 1.5 to 20. */
  cyclesOfConcentration: number;
  /** Fans and pumps of the plant, kW per kW of heat rejected (0 to 1): the typical value. */
  powerKwPerKwHeat: number;
  /** The range powerKwPerKwHeat may be set in, [min, max], each 0 to 1. */
  powerKwPerKwHeatRange: [number, number];
  /** The ambient temperature that limits the plant in its hottest hours: "dry-bulb", "wet-bulb" (a plant that evaporates water) or "mechanical" (a chiller). */
  ambientBasis: AmbientBasis;
  /** Approach of the coldest supply to the limiting ambient (the wet bulb when a wet-bulb plant runs wet), K (0 to 30). */
  approachK: number;
  /** A hybrid (adiabatic) plant's approach to the dry bulb when it runs dry, K (0 to 30). @default unset: the plant does not switch between dry and wet */
  dryApproachK?: number;
  /** Supply temperature of a mechanical plant, °C (0 to 40; ignored for the others). */
  mechanicalSupplyC: number;
  /** Heat-rejection capacity of one unit (cell, cooler, chiller), kW (above 0), used when a plant does not set it. */
  defaultUnitCapacityKw: number;
  /**
   * Sourced plausible ranges of uncertain figures, by field ("approachK"): a confidence run draws each between its low
   * and high. Each holds the entry's own value and the entry stays valid with the field at either end. The fans' and
   * pumps' power has its own range, powerKwPerKwHeatRange.
   * @default none: every figure is taken as given
   */
  ranges?: FigureRanges;
  /** Where the figures come from. */
  source: Source;
}

const coolingTechnologyFields = z.strictObject({
  id,
  description: z.string().min(1),
  /** Share of the heat rejected by evaporating water in an hour the plant runs wet (a tower: every hour; a hybrid: above its switch-over), 0-1. */
  evaporativeFraction: z.number().min(0).max(1),
  /** Cycles of concentration of the recirculating water (sets blowdown). */
  cyclesOfConcentration: z.number().min(1.5).max(20),
  /** Fans and pumps of the plant, kW per kW of heat rejected: typical value and the range it may be set in. */
  powerKwPerKwHeat: z.number().min(0).max(1),
  powerKwPerKwHeatRange: z.tuple([z.number().min(0).max(1), z.number().min(0).max(1)]),
  ambientBasis: z.enum(AMBIENT_BASES),
  /** Approach of the coldest supply to the limiting ambient (the wet bulb when a wet-bulb plant runs wet), K. */
  approachK: z.number().min(0).max(30),
  /** A hybrid (adiabatic) plant's approach to the dry bulb when it runs dry, K: set only for plants that switch between dry and wet. */
  dryApproachK: z.number().min(0).max(30).optional(),
  /** Supply temperature of a mechanical plant, °C (ignored for the others). */
  mechanicalSupplyC: z.number().min(0).max(40),
  /** Heat-rejection capacity of one unit (cell, cooler, chiller), kW, used when a plant does not set it. */
  defaultUnitCapacityKw: z.number().positive(),
  /** Sourced plausible ranges of uncertain figures, by field path. */
  ranges: figureRangesSchema.optional(),
  source: sourceSchema,
}).superRefine((t, ctx) => {
  const [low, high]: unknown[] = Array.isArray(t.powerKwPerKwHeatRange) ? t.powerKwPerKwHeatRange : [];
  // Only a range whose ends passed their own 0-1 checks is compared, so a bad end is reported once.
  if (typeof low === "number" && typeof high === "number" && bothFinite(low, high) && low >= 0 && high <= 1) {
    if (low > high) {
      fail(ctx, "powerKwPerKwHeatRange", `[min, max] with min at most max (here ${low} > ${high})`);
    } else if (bothFinite(t.powerKwPerKwHeat) && (t.powerKwPerKwHeat < low || t.powerKwPerKwHeat > high)) {
      fail(ctx, "powerKwPerKwHeat", `within powerKwPerKwHeatRange (${low} to ${high})`);
    }
  }
  // The ambient basis is the temperature that limits the plant in its hottest hours (plantHour). Evaporating water
  // cools toward the wet bulb, so a plant that evaporates is wet-bulb-limited: the built-in adiabatic cooler runs dry
  // (approach dryApproachK to the dry bulb) until wetting its pads makes colder water, then wet (approachK to the wet
  // bulb). A "dry-bulb" plant that evaporates would be charged the water and not credited the cooling: contradictory.
  // Conversely a "wet-bulb" plant that evaporates nothing has nothing to bring it below the dry bulb.
  // "mechanical" plants may or may not evaporate (water-cooled chillers reject through towers), so they are not checked.
  if (t.ambientBasis === "dry-bulb" && bothFinite(t.evaporativeFraction) && t.evaporativeFraction > 0) {
    fail(ctx, "evaporativeFraction", `0 for ambientBasis "dry-bulb" (a plant that evaporates water is limited by the wet bulb: use "wet-bulb", as the built-in adiabatic cooler does)`);
  }
  if (t.ambientBasis === "wet-bulb" && bothFinite(t.evaporativeFraction) && t.evaporativeFraction === 0) {
    fail(ctx, "evaporativeFraction", `above 0 for ambientBasis "wet-bulb" (only evaporation cools below the dry bulb: a plant that does not evaporate is "dry-bulb")`);
  }
  if (t.dryApproachK !== undefined && t.ambientBasis !== "wet-bulb") {
    fail(ctx, "dryApproachK", `unset for ambientBasis "${t.ambientBasis}" (only a wet-bulb plant can also run dry)`);
  }
});
/** @internal */
export const coolingTechnologySchema = coolingTechnologyFields.superRefine(rangesFitEntry(coolingTechnologyFields));
/** @internal */
export type CoolingTechnologySpecMatchesSchema = Assert<SameShape<CoolingTechnologySpec, z.infer<typeof coolingTechnologySchema>>>;

/** One point of an ambient derating curve: the share of ISO-rated (15 °C) output available at a dry bulb. */
export interface AmbientDeratingPoint {
  /** Dry-bulb temperature, °C (-60 to 60). */
  dryBulbC: number;
  /** Available output / ISO-rated output at that temperature, above 0 and at most 1.2. */
  fraction: number;
}

/** How a generator's available output falls (or rises) with the dry bulb: piecewise linear between points, flat beyond the ends. */
export interface AmbientDerating {
  /** Points in strictly increasing dryBulbC, one of them at 15 °C (ISO 3977-2 rating conditions) with fraction 1. */
  points: AmbientDeratingPoint[];
  /** Where the curve comes from. */
  source: Source;
}

/** The ISO rating temperature of gas turbines and engines (ISO 3977-2, ISO 3046-1 site ratings are corrected to it), °C. */
export const ISO_RATING_DRY_BULB_C = 15;

/** @internal */
export const ambientDeratingSchema = z.strictObject({
  points: z.array(z.strictObject({ dryBulbC: z.number().min(-60).max(60), fraction: z.number().gt(0).max(1.2) })).min(2),
  source: sourceSchema,
}).superRefine((d, ctx) => {
  const pts = d.points;
  for (let i = 1; i < pts.length; i++) {
    if (bothFinite(pts[i - 1].dryBulbC, pts[i].dryBulbC) && !(pts[i].dryBulbC > pts[i - 1].dryBulbC)) {
      ctx.addIssue({ code: "custom", path: ["points", i, "dryBulbC"], message: `above ${pts[i - 1].dryBulbC} (points in strictly increasing dry bulb)` });
      return;
    }
  }
  const iso = pts.find((p) => p.dryBulbC === ISO_RATING_DRY_BULB_C);
  if (!iso) ctx.addIssue({ code: "custom", path: ["points"], message: `a point at dryBulbC ${ISO_RATING_DRY_BULB_C} (the ISO rating, fraction 1)` });
  else if (iso.fraction !== 1) ctx.addIssue({ code: "custom", path: ["points", pts.indexOf(iso), "fraction"], message: `1 at dryBulbC ${ISO_RATING_DRY_BULB_C} (the ISO rating the contracted MW is stated at)` });
});
/** @internal */
export type AmbientDeratingMatchesSchema = Assert<SameShape<AmbientDerating, z.infer<typeof ambientDeratingSchema>>>;

/** A generation source (grid mix, gas, nuclear, solar, wind, storage). */
export interface GenerationSourceSpec {
  /** Catalog id: lower-case letters, digits, '.' and '-'. */
  id: string;
  /** Human-readable description of the source. */
  description: string;
  /**
   * Combustion (operational) gCO2e per kWh delivered, 0 to 2,000: the stack emissions of generation (0 for nuclear,
   * wind, solar, hydro and storage; a grid mix's operational output emission rate, e.g. eGRID's). The basis of GHG
   * Protocol Scope 2 reporting, and a campus's default `carbonBasis` ("operational").
   */
  combustionGPerKwh: number;
  /** Lifecycle gCO2e per kWh delivered (0 to 2,000; at least combustionGPerKwh): combustion plus fuel supply, methane leakage, construction and decommissioning (IPCC AR5 lifecycle medians). */
  lifecycleGPerKwh: number;
  /** Average output / nameplate over a year, 0-1. */
  capacityFactor: number;
  /** A firm utility service (grid supply under a tariff), firm in any market. @default false */
  gridService?: boolean;
  /** Follows the load up to contracted MW (grid service, gas, storage); must be true exactly for the "dispatchable" and "storage" profiles. */
  dispatchable: boolean;
  /** Counts as clean energy (nuclear, solar, wind): a virtual PPA may buy only a clean source's certificates. */
  clean: boolean;
  /**
   * How the source delivers hour by hour: "flat" (must-run at its capacity factor: nuclear), "solar" (the sun's
   * path at the site), "wind" (a seasonal and daily profile), "dispatchable" (follows the load up to contracted MW:
   * grid service, gas), "storage" (a battery: shifts surplus energy, generates none).
   */
  hourlyProfile: (typeof HOURLY_PROFILES)[number];
  /** Storage: hours of discharge at contracted MW (above 0, up to 100). @default unset (required for storage only) */
  storageHours?: number;
  /**
   * A dispatchable generator's available output vs the hour's dry bulb (contracted MW are ISO-rated, at 15 °C). Only
   * for hourlyProfile "dispatchable" and not for a grid service (a utility's firm service is firm under its tariff).
   * @default unset: output does not depend on the weather
   */
  ambientDerating?: AmbientDerating;
  /**
   * Sourced plausible ranges of uncertain figures, by field path ("capacityFactor", a derating point's
   * "ambientDerating.points.2.fraction"): a confidence run draws each between its low and high. Each holds the
   * entry's own value and the entry stays valid with the field at either end.
   * @default none: every figure is taken as given
   */
  ranges?: FigureRanges;
  /** Where the figures come from. */
  source: Source;
}

const generationSourceFields = z.strictObject({
  id,
  description: z.string().min(1),
  /** Combustion (operational, stack) gCO2e per kWh delivered. */
  combustionGPerKwh: z.number().min(0).max(2000),
  /** Lifecycle gCO2e per kWh delivered (at least the combustion figure). */
  lifecycleGPerKwh: z.number().min(0).max(2000),
  /** Average output / nameplate over a year, 0-1. */
  capacityFactor: z.number().min(0).max(1),
  /**
   * A firm utility service (grid supply under a tariff): the utility carries the capacity obligation, so the contracted
   * MW is firm in any market, and its energy is grid energy that certificates of clean contracts can cover
   * (market-based carbon). Generators and storage are accredited by the contract's market (catalog `markets`).
   */
  gridService: z.boolean().optional(),
  dispatchable: z.boolean(),
  clean: z.boolean(),
  /**
   * How the source delivers hour by hour: "flat" (must-run at its capacity factor: nuclear), "solar" (the sun's
   * path at the site), "wind" (a seasonal and daily profile), "dispatchable" (follows the load up to contracted MW:
   * grid service, gas), "storage" (a battery: shifts surplus energy, generates none).
   */
  hourlyProfile: z.enum(HOURLY_PROFILES),
  /** Storage: hours of discharge at contracted MW (energy = MW × hours). */
  storageHours: z.number().positive().max(100).optional(),
  ambientDerating: ambientDeratingSchema.optional(),
  /** Sourced plausible ranges of uncertain figures, by field path (array elements by index). */
  ranges: figureRangesSchema.optional(),
  source: sourceSchema,
}).superRefine((g, ctx) => {
  // Who follows the load must agree with the hourly profile: dispatchable sources and storage are dispatched, the rest deliver what they generate.
  const dispatched = g.hourlyProfile === "dispatchable" || g.hourlyProfile === "storage";
  if (typeof g.dispatchable === "boolean" && g.dispatchable !== dispatched) {
    fail(ctx, "dispatchable", `${dispatched} for hourlyProfile "${g.hourlyProfile}"`);
  }
  if (bothFinite(g.combustionGPerKwh, g.lifecycleGPerKwh) && g.lifecycleGPerKwh < g.combustionGPerKwh) {
    fail(ctx, "lifecycleGPerKwh", `at least combustionGPerKwh (${g.combustionGPerKwh} gCO2e/kWh): a lifecycle figure includes the stack emissions`);
  }
  if (g.hourlyProfile === "storage" && g.storageHours === undefined) fail(ctx, "storageHours", `hours of discharge (above 0, up to 100) for hourlyProfile "storage"`);
  if (g.hourlyProfile !== "storage" && g.storageHours !== undefined) fail(ctx, "storageHours", `unset for hourlyProfile "${g.hourlyProfile}" (only storage has a duration)`);
  if (g.hourlyProfile === "storage" && bothFinite(g.capacityFactor) && g.capacityFactor !== 0) fail(ctx, "capacityFactor", `0 for hourlyProfile "storage" (a battery generates no net energy)`);
  if (g.gridService === true && g.hourlyProfile !== "dispatchable") fail(ctx, "gridService", `false or unset for hourlyProfile "${g.hourlyProfile}" (grid service follows the load: "dispatchable")`);
  if (g.ambientDerating !== undefined && g.hourlyProfile !== "dispatchable") fail(ctx, "ambientDerating", `unset for hourlyProfile "${g.hourlyProfile}" (only a dispatchable generator is derated by the weather)`);
  else if (g.ambientDerating !== undefined && g.gridService === true) fail(ctx, "ambientDerating", `unset for a grid service (firm under its tariff: the utility carries the hot-day derating)`);
});
/** @internal */
export const generationSourceSchema = generationSourceFields.superRefine(rangesFitEntry(generationSourceFields));
/** @internal */
export type GenerationSourceSpecMatchesSchema = Assert<SameShape<GenerationSourceSpec, z.infer<typeof generationSourceSchema>>>;


/** An EC2 instance type that realizes nodes of one accelerator (declared with the built-ins, which the policy pack reads without zod). @internal */
export const awsInstanceTypeSchema: z.ZodType<AwsInstanceTypeSpec> = z
  .strictObject({
    id,
    acceleratorId: id,
    gpusPerInstance: z.number().int().min(1).max(64),
    architecture: z.enum(["x86_64", "arm64"]),
    efaNetworkCardIndexes: z.array(z.number().int().min(0).max(63)).max(64),
    purchase: z.enum(AWS_PURCHASE_OPTIONS),
    defaultForAccelerator: z.boolean(),
    source: sourceSchema,
  })
  .refine((t) => new Set(t.efaNetworkCardIndexes).size === t.efaNetworkCardIndexes.length, {
    message: "network card indexes must be distinct",
    path: ["efaNetworkCardIndexes"],
  });
export type { AwsInstanceTypeSpec };

export { AWS_PURCHASE_OPTIONS };
