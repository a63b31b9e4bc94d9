/** Args, validation and footprint of a data hall: rack groups, network, air handling, electrical losses and its cooling plant. */
import { z } from "zod";
import {
  annualEnergyMwh, electricalLossKw, heatTransportPowerKw, networkPowerKw, powerUsageEffectiveness, waterUsageEffectiveness,
} from "../physics";
import { catalog } from "../catalog";
import { coolingPlantModel, CoolingPlantFootprint, PlantDesignArgs, plantDesignShape } from "./coolingPlant";
import {
  DEFAULT_AIR_HANDLING_KW_PER_KW_HEAT, DEFAULT_CDU_PUMP_KW_PER_KW_HEAT, DEFAULT_ELECTRICAL_LOSS_FRACTION, DEFAULT_NETWORK_W_PER_GPU, DEFAULT_UTILISATION,
} from "./defaults";
import { childName, numberIn } from "./ranges";
import { requireUniqueIdentities } from "./identity";
import { LiquidCooledRackArgs, rackGroupModel, RackGroupFootprint } from "./rackGroup";
import { lookup, modelledName, nested, parseArgs, reject, requireUniqueNames, Subject, sumFields, sumOf } from "./validate";

/** One group of identical racks in a hall; liquid-only fields apply to liquid-cooled designs. */
export interface HallRackGroupArgs extends LiquidCooledRackArgs {
  /** Name of the group, unique in the hall; the rack component is named `<hall>-<name>`. */
  name: string;
}

/** A hall's design: every DataHall arg except the climate, which a campus gives all its halls. */
export interface HallDesignArgs {
  /** Rack groups in the hall (at least one). */
  racks: HallRackGroupArgs[];
  /** The hall's heat-rejection plant. @default none: the hall reports no plant, and the policy pack flags it */
  cooling?: PlantDesignArgs;
  /** Average / maximum IT power over a year. @default 0.8 */
  utilisation?: number;
  /** Transformer, UPS and distribution losses as a share of IT load (0 to 0.5). @default 0.04 */
  electricalLossFraction?: number;
  /** Room air-handling fan power per kW of heat to air (0 to 0.5). @default 0.08 */
  airHandlingKwPerKwHeat?: number;
  /** CDU pump power per kW of heat to liquid (0 to 0.2). @default 0.01 */
  cduPumpKwPerKwHeat?: number;
  /** Scale-out network power per GPU, W (0 to 1,000). @default 60 */
  networkWPerGpu?: number;
  /** Highest rack IT load the hall's power and cooling distribution supports, kW (above 0, up to 2,000); checked by the policy pack. @default none: only each rack's own rating is checked */
  maxRackKw?: number;
}

export interface DataHallArgs extends HallDesignArgs {
  /** Climate id from the catalog; required with `cooling`. A campus passes its own. @default none (an error with `cooling`) */
  climate?: string;
}

export interface DataHallFootprint {
  rackGroups: (RackGroupFootprint & { name: string })[];
  plant?: CoolingPlantFootprint;
  rackCount: number;
  nodeCount: number;
  gpuCount: number;
  /** Racks plus network, kW at full load. */
  itLoadKw: number;
  networkKw: number;
  heatToLiquidKw: number;
  heatToAirKw: number;
  coolantFlowLpm: number;
  cduCapacityKw: number;
  electricalLossKw: number;
  airHandlingKw: number;
  cduPumpKw: number;
  /** Heat the plant must reject: everything drawn inside the hall, kW. */
  heatLoadKw: number;
  coolingPowerKw: number;
  facilityPowerKw: number;
  pue: number;
  utilisation: number;
  annualItEnergyMwh: number;
  annualFacilityEnergyMwh: number;
  waterM3PerYear: number;
  peakDailyWaterM3: number;
  wueLPerKwh: number;
  /** Highest rack IT load in the hall, kW. */
  maxRackItLoadKw: number;
  maxRackKw?: number;
  /** Coldest supply any liquid-cooled rack asks for minus the coldest the plant can hold on the design day, K (negative: the plant cannot make it). */
  supplyTempMarginK?: number;
}

const rackGroupSchema = z.looseObject({ name: childName });
const schema = z.strictObject({
  racks: z.array(rackGroupSchema, { error: "a list of rack groups" }).min(1, { error: "at least one rack group" }),
  climate: z.string({ error: "a climate id (string)" }).optional(),
  cooling: z.strictObject(plantDesignShape, { error: "a cooling plant design" }).optional(),
  utilisation: numberIn(0, 1, "(average / maximum IT power)", true).optional(),
  electricalLossFraction: numberIn(0, 0.5).optional(),
  airHandlingKwPerKwHeat: numberIn(0, 0.5).optional(),
  cduPumpKwPerKwHeat: numberIn(0, 0.2).optional(),
  networkWPerGpu: numberIn(0, 1000, "W").optional(),
  maxRackKw: numberIn(0, 2000, "kW", true).optional(),
});

/** Names of a hall's children: one per rack group, and its plant. */
export function rackGroupChildName(hallName: string, groupName: string): string {
  return `${hallName}-${groupName}`;
}
export function plantChildName(hallName: string): string {
  return `${hallName}-cooling`;
}

/** Validated footprint of a hall and of every child it will create. */
export function dataHallModel(rawArgs: DataHallArgs, subject: Subject): DataHallFootprint {
  const args = parseArgs(schema, rawArgs, subject);
  requireUniqueNames(rawArgs.racks, "racks", subject);
  const rackGroups = rawArgs.racks.map(({ name, ...groupArgs }, i) => {
    const footprint = nested(subject, `racks[${i}]`, () => {
      const design = lookup(catalog.rackDesigns, groupArgs.design, "design", subject);
      return rackGroupModel(groupArgs, subject, design.cooling, rackGroupChildName(modelledName(subject), name));
    });
    return { name, ...footprint };
  });
  // A campus checks identity across all its halls, with full paths; a hall on its own checks its groups.
  if (subject.as === undefined) requireUniqueIdentities(subject, [{ hallName: modelledName(subject), path: "", groups: rackGroups }], rackGroupChildName);
  // Looked up whenever given (not only for the plant), and reported against the field the user wrote.
  if (args.climate !== undefined) lookup(catalog.climates, args.climate, "climate", subject);
  if (args.cooling && args.climate === undefined) {
    reject(subject, { field: "climate", value: undefined, allowed: `a climate id (needed by the cooling plant): ${catalog.climates.ids().join(", ")}` });
  }

  const utilisation = args.utilisation ?? DEFAULT_UTILISATION;
  const gpuCount = sumOf(rackGroups, (g) => g.gpuCount);
  const networkKw = networkPowerKw(gpuCount, args.networkWPerGpu ?? DEFAULT_NETWORK_W_PER_GPU);
  const racksItKw = sumOf(rackGroups, (g) => g.itLoadKw);
  const itLoadKw = racksItKw + networkKw;
  const heatToLiquidKw = sumOf(rackGroups, (g) => g.heatToLiquidKw);
  // Assumption: network racks are air-cooled.
  const heatToAirKw = sumOf(rackGroups, (g) => g.heatToAirKw) + networkKw;
  const lossKw = electricalLossKw(itLoadKw, args.electricalLossFraction ?? DEFAULT_ELECTRICAL_LOSS_FRACTION);
  const airHandlingKw = heatTransportPowerKw(heatToAirKw, args.airHandlingKwPerKwHeat ?? DEFAULT_AIR_HANDLING_KW_PER_KW_HEAT);
  const cduPumpKw = heatTransportPowerKw(heatToLiquidKw, args.cduPumpKwPerKwHeat ?? DEFAULT_CDU_PUMP_KW_PER_KW_HEAT);
  // All power drawn inside the building ends as heat the plant rejects.
  const heatLoadKw = itLoadKw + lossKw + airHandlingKw + cduPumpKw;
  const plant = args.cooling
    ? nested(subject, "cooling", () => coolingPlantModel({ ...args.cooling!, climate: args.climate!, heatLoadKw, utilisation }, subject))
    : undefined;
  const coolingPowerKw = plant?.coolingPowerKw ?? 0;
  const facilityPowerKw = itLoadKw + lossKw + airHandlingKw + cduPumpKw + coolingPowerKw;
  const annualItEnergyMwh = annualEnergyMwh(itLoadKw, utilisation);
  const waterM3 = plant?.waterM3PerYear ?? 0;
  const liquidSupplies = rackGroups.flatMap((g) => (g.supplyTempC === undefined ? [] : [g.supplyTempC]));
  return {
    rackGroups,
    plant,
    ...sumFields(rackGroups, ["rackCount", "nodeCount", "coolantFlowLpm", "cduCapacityKw"]),
    gpuCount,
    itLoadKw,
    networkKw,
    heatToLiquidKw,
    heatToAirKw,
    electricalLossKw: lossKw,
    airHandlingKw,
    cduPumpKw,
    heatLoadKw,
    coolingPowerKw,
    facilityPowerKw,
    pue: powerUsageEffectiveness(facilityPowerKw, itLoadKw),
    utilisation,
    annualItEnergyMwh,
    // Assumption: overheads follow the IT load, so facility energy scales with the same utilisation.
    annualFacilityEnergyMwh: annualEnergyMwh(facilityPowerKw, utilisation),
    waterM3PerYear: waterM3,
    peakDailyWaterM3: plant?.peakDailyWaterM3 ?? 0,
    wueLPerKwh: waterUsageEffectiveness(waterM3, annualItEnergyMwh),
    maxRackItLoadKw: Math.max(...rackGroups.map((g) => g.itLoadPerRackKw)),
    maxRackKw: args.maxRackKw,
    supplyTempMarginK: plant && liquidSupplies.length > 0 ? Math.min(...liquidSupplies) - plant.achievableSupplyTempC : undefined,
  };
}
