/** Args, validation and footprint of a data hall: rack groups, network, air handling, electrical losses and its cooling plant. */
import { z } from "zod";
import {
  electricalLossKw, heatTransportPowerKw, networkPowerKw, powerUsageEffectiveness, waterUsageEffectiveness,
} from "../physics";
import { argMax, dayLabel, hourLabel } from "../hours/calendar";
import { hallHours, HallHours } from "../hours/hallHours";
import { constantProfile, expandProfile, PROFILE_LENGTHS, profileMean } from "../hours/itProfile";
import { hoursAbove, type PlantHours } from "../hours/plantHours";
import type { WeatherYear } from "../weather/types";
import { coolingPlantWithHours, CoolingPlantFootprint, PlantDesignArgs, plantDesignShape } from "./coolingPlant";
import { AIR_PATH_SERVICES, airPathModel, type AirPathArgs, type AirPathService } from "./airPath";
import {
  DEFAULT_AIR_HANDLING_KW_PER_KW_HEAT, DEFAULT_CDU_PUMP_KW_PER_KW_HEAT,
  DEFAULT_ELECTRICAL_LOSS_FRACTION, DEFAULT_NETWORK_W_PER_GPU, DEFAULT_TRIM_CHILLER_TECHNOLOGY, DEFAULT_UTILISATION,
} from "./defaults";
import { childName, gpuPowerCapShape, numberIn } from "./ranges";
import { requireUniqueIdentities } from "./identity";
import { LiquidCooledRackArgs, rackEquivalents, rackGroupModel, RackGroupFootprint, requireOneGpuPowerCap } from "./rackGroup";
import { capexTotal, CapexLine, combined, coolingPlantCapex, facilityCapex, rackHardwareCapex } from "../costs/capex";
import type { UsdRange } from "../costs/range";
import { DEFAULT_FACILITY_COST } from "../catalog/costs";
import { weatherFileArg } from "./weather";
import { lookup, modelledName, nested, parseArgs, reject, requireUniqueNames, Subject, sumFields, sumOf, catalogOf } from "./validate";
import type { AnnualFigures, HallTotals } from "./annualFigures";

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
  /** Average / maximum IT power over a year: the IT load is this fraction of full load every hour. @default 0.8 (or the mean of `itLoadProfile`) */
  utilisation?: number;
  /** IT load as a fraction of full load (0-1) per hour of the day (24 values), per month (12) or per hour of the year (8,760); not with `utilisation`. Its peak must be at least 0.01 (1 % of full load). @default constant at `utilisation` */
  itLoadProfile?: number[];
  /** Approach of the CDUs' heat exchangers: rack-loop supply minus facility-water supply, K (0 to 15), for every liquid-cooled group. @default each rack design's CDU approach from the catalog (3 K for the built-in designs) */
  cduApproachK?: number;
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
  /**
   * Provisioned GPU power for the hall's rack groups that state none, W per GPU: from 30 % to 100 % of each group's
   * accelerator nameplate board power; not with `gpuPowerCapFraction`. @default none: each group's own, else nameplate
   */
  gpuPowerCapW?: number;
  /**
   * Provisioned GPU power for the hall's rack groups that state none, as a fraction of each group's accelerator
   * nameplate board power (0.3 to 1); not with `gpuPowerCapW`. @default none: each group's own, else nameplate (1)
   */
  gpuPowerCapFraction?: number;
  /** Building class from the cost catalog (`facilityCosts`): shell, electrical and mechanical capex per MW of IT, and the network per GPU. @default "hyperscale-liquid-ai" */
  facilityCost?: string;
  /**
   * How the heat that goes to room air (the racks' air share, the network, the air-handling fans, the electrical
   * losses) is cooled: the supply air it must hold and where the coils' water comes from.
   * @default supply air 23 °C through coils 5 K below it (18 °C water); in a hall whose facility water is warmer than that (warm-water racks), an air loop of its own: the plant's free cooling with a chiller in series; else the facility water
   */
  airPath?: AirPathArgs;
}

/** Args of a DataHall: its design, and the climate its plant runs in. */
export interface DataHallArgs extends HallDesignArgs {
  /** Climate id from the catalog; required with `cooling`. A campus passes its own. @default none (an error with `cooling`) */
  climate?: string;
  /** EnergyPlus weather file (EPW) whose hours replace the climate's generated year. A campus passes its own. @default none */
  weatherFile?: string;
}

/** What a campus gives each hall beyond its args: the shared weather year and the year to label hours with. */
export interface HallContext {
  /** The weather year to run the hall's hours on. @default the hall's own: its weatherFile, or the year generated from its climate */
  weather?: WeatherYear;
  /** Calendar year the hall's hour and day labels carry (`2027-07-14 15:00`). @default none: labels without a year (`07-14 15:00`) */
  year?: number;
}

/** A rack group as its hall models it: with the hours its supply temperature is missed (liquid-cooled groups with a plant). */
export type HallRackGroupFootprint = RackGroupFootprint & {
  /** Name of the group in the hall's `racks`. */
  name: string;
  /** Hours of the year the plant's facility water is warmer than this group needs (its supply temperature minus its CDU approach); set for liquid-cooled groups of a hall with a plant. @integer */
  supplyTempMissedHours?: number;
};

/** What a data hall draws, rejects, consumes and costs: the roll-up of its rack groups, plus network, losses and its plant. */
export interface DataHallFootprint extends HallTotals, AnnualFigures {
  /** Footprint of each rack group, in the order of `racks`. */
  rackGroups: HallRackGroupFootprint[];
  /** Footprint of the hall's cooling plant (absent without `cooling`). */
  plant?: CoolingPlantFootprint;
  /** Scale-out network power, kW: GPUs × networkWPerGpu. */
  networkKw: number;
  /** Heat the air path cools at full IT load, kW: heat to room air, the air-handling fans and the electrical losses. */
  airPathHeatKw: number;
  /** How the air path's water is made: "economised-chiller", "chiller" (an air loop of its own) or "facility-water" (the coils on the plant's facility water). */
  airPathService: AirPathService;
  /** Supply air (server inlet) the air path holds, °C. */
  supplyAirC: number;
  /** Water the air path's coils need, °C: supply air minus the coil approach. */
  airPathWaterC: number;
  /** CDU capacity of all liquid-cooled groups, kW. */
  cduCapacityKw: number;
  /** Transformer, UPS and distribution losses at full IT load, kW: IT load × electricalLossFraction. */
  electricalLossKw: number;
  /** Room air-handling fan power at full IT load, kW: heat to air × airHandlingKwPerKwHeat. */
  airHandlingKw: number;
  /** CDU pump power at full IT load, kW: heat to liquid × cduPumpKwPerKwHeat. */
  cduPumpKw: number;
  /** Heat the plant must reject: everything drawn inside the hall, kW. */
  heatLoadKw: number;
  /** Facility power at full IT load in the worst hour of the year (the plant's power then), kW. */
  peakFacilityPowerKw: number;
  /** That hour, `MM-DD HH:00` in local standard time (`YYYY-MM-DD HH:00` in a dated campus). */
  peakHour: string;
  /** PUE in that hour: peak facility power / full IT load. */
  peakHourPue: number;
  /** Average / maximum IT power over the year, 0-1 (the mean of itLoadProfile when one is given). */
  utilisation: number;
  /** Approach of the CDUs' heat exchangers, K: the arg; else the catalog approach of the rack design whose loop sets the facility-water setpoint; 0 in a hall without liquid-cooled racks (no CDU). */
  cduApproachK: number;
  /** Highest rack IT load in the hall, kW. */
  maxRackItLoadKw: number;
  /** The hall's maxRackKw arg, kW (absent when unset). */
  maxRackKw?: number;
  /**
   * Worst hour of the year: coldest rack-loop supply any liquid-cooled rack asks for, minus the CDU approach, minus
   * the facility water the plant holds that hour, K (negative: the racks get warmer water than they ask for).
   */
  supplyTempMarginK?: number;
  /** Hours of the year in which some liquid-cooled rack group gets warmer water than it asks for. @integer */
  supplyTempMissedHours?: number;
  /** The hour of the smallest margin. */
  worstSupplyTempHour?: string;
  /** Hours of the year in which the air path's coils get water warmer than they need, so the supply air misses its target (absent without a plant). @integer */
  airSupplyMissedHours?: number;
  /** Worst hour of the year: water the coils need minus the coldest the air path can make that hour, K (negative: the supply air is warmer than its target; absent without a plant). */
  airSupplyMarginK?: number;
  /** The hour of the smallest air path margin (absent without a plant). */
  worstAirSupplyHour?: string;
  /** Capex by category (IT hardware, network, shell, electrical, mechanical, cooling plant), each with its life and maintenance share. */
  capex: CapexLine[];
  /** Total capex, USD (low, base, high). */
  capexUsd: UsdRange;
  /** What the cost catalog has no price for (then capex is incomplete and the capex rules fail). */
  costMissing: string[];
}

/** The least peak an itLoadProfile may have: 1 % of full IT load (a smaller peak is no load to plan, and underflows the mean). */
const MIN_PROFILE_PEAK = 0.01;
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
  itLoadProfile: z
    .array(numberIn(0, 1, "(fraction of full IT load)"), { error: "a list of fractions of full IT load" })
    .refine((p) => (PROFILE_LENGTHS as readonly number[]).includes(p.length), { error: `24 (hours of the day), 12 (months) or 8,760 (hours of the year) values` })
    // A hall that never draws power has nothing to plan (and its plant would be sized for a utilisation of 0).
    .refine((p) => p.some((v) => v >= MIN_PROFILE_PEAK), { error: `at least one value of ${MIN_PROFILE_PEAK} or more (1 % of full IT load): a hall whose IT load is below that in every hour has no load to plan (and a peak like 5e-324 averages to 0)` })
    .optional(),
  cduApproachK: numberIn(0, 15, "K").optional(),
  weatherFile: weatherFileArg.optional(),
  facilityCost: z.string({ error: "a facility cost id (string)" }).optional(),
  airPath: z
    .strictObject(
      {
        service: z.enum(AIR_PATH_SERVICES, { error: `one of ${AIR_PATH_SERVICES.join(", ")}` }).optional(),
        supplyAirC: numberIn(15, 35, "°C").optional(),
        coilApproachK: numberIn(1, 15, "K").optional(),
        waterDeltaTK: numberIn(4, 20, "K").optional(),
        chillerRatedKwPerKwCooling: numberIn(0, 1, "kW per kW of cooling").optional(),
      },
      { error: "an air path { service?, supplyAirC?, coilApproachK?, waterDeltaTK?, chillerRatedKwPerKwCooling? }" },
    )
    .optional(),
  ...gpuPowerCapShape,
});

/**
 * The air path's worst hour: the one whose coldest water is warmest; among hours tied there (a loop whose chiller
 * carries the whole load makes exactly its supply in every such hour), the one its chiller works hardest in.
 */
function airWorstHour(hours: PlantHours): number {
  let worst = 0;
  for (let h = 1; h < hours.coldestC.length; h++) {
    const c = hours.coldestC[h];
    const w = hours.coldestC[worst];
    if (c > w || (c === w && hours.trimKwPerKwHeat[h] > hours.trimKwPerKwHeat[worst])) worst = h;
  }
  return worst;
}

/** The CDU approach of a liquid-cooled rack design, K, from the catalog (the rack design schema requires it of every liquid-cooled design). */
function cduApproachOf(designId: string, subject: Subject): number {
  const cdu = catalogOf(subject).rackDesigns.get(designId).cdu;
  if (cdu === undefined) throw new Error(`rack design "${designId}" is liquid-cooled but has no cdu: the catalog schema should have refused it`);
  return cdu.approachK;
}

/** Names of a hall's children: one per rack group, and its plant. */
export function rackGroupChildName(hallName: string, groupName: string): string {
  return `${hallName}-${groupName}`;
}
/** Name of a hall's cooling plant: `<hall>-cooling`. */
export function plantChildName(hallName: string): string {
  return `${hallName}-cooling`;
}

/** Validated footprint of a hall and of every child it will create. */
export function dataHallModel(rawArgs: DataHallArgs, subject: Subject, context: HallContext = {}): DataHallFootprint {
  return dataHallWithHours(rawArgs, subject, context).footprint;
}

/** The footprint and the hall's hours (a campus sums them). */
export function dataHallWithHours(
  rawArgs: DataHallArgs, subject: Subject, context: HallContext = {},
): { footprint: DataHallFootprint; hours: HallHours; supplyMarginK?: () => Float64Array } {
  const args = parseArgs(schema, rawArgs, subject);
  requireUniqueNames(rawArgs.racks, "racks", subject);
  requireOneGpuPowerCap(args, subject);
  const hallCap = { gpuPowerCapW: args.gpuPowerCapW, gpuPowerCapFraction: args.gpuPowerCapFraction };
  const groups = rawArgs.racks.map(({ name, ...groupArgs }, i) => {
    const footprint = nested(subject, `racks[${i}]`, () => {
      const design = lookup(catalogOf(subject).rackDesigns, groupArgs.design, "design", subject);
      return rackGroupModel(groupArgs, subject, design.cooling, rackGroupChildName(modelledName(subject), name), hallCap);
    });
    return { name, ...footprint };
  });
  // A campus checks identity across all its halls, with full paths; a hall on its own checks its groups.
  if (subject.as === undefined) requireUniqueIdentities(subject, [{ hallName: modelledName(subject), path: "", groups }], rackGroupChildName);
  // Looked up whenever given (not only for the plant), and reported against the field the user wrote.
  if (args.climate !== undefined) lookup(catalogOf(subject).climates, args.climate, "climate", subject);
  if (args.cooling && args.climate === undefined) {
    reject(subject, { field: "climate", value: undefined, allowed: `a climate id (needed by the cooling plant): ${catalogOf(subject).climates.ids().join(", ")}` });
  }
  if (args.itLoadProfile !== undefined && args.utilisation !== undefined) {
    reject(subject, { field: "utilisation", value: args.utilisation, allowed: "unset when itLoadProfile is given (the profile's mean is the utilisation)" });
  }

  const itFraction = args.itLoadProfile ? expandProfile(args.itLoadProfile) : constantProfile(args.utilisation ?? DEFAULT_UTILISATION);
  const utilisation = args.itLoadProfile ? profileMean(itFraction) : (args.utilisation ?? DEFAULT_UTILISATION);
  const gpuCount = sumOf(groups, (g) => g.gpuCount);
  const networkKw = networkPowerKw(gpuCount, args.networkWPerGpu ?? DEFAULT_NETWORK_W_PER_GPU);
  const racksItKw = sumOf(groups, (g) => g.itLoadKw);
  const itLoadKw = racksItKw + networkKw;
  const heatToLiquidKw = sumOf(groups, (g) => g.heatToLiquidKw);
  // Assumption: network racks are air-cooled.
  const heatToAirKw = sumOf(groups, (g) => g.heatToAirKw) + networkKw;
  const lossKw = electricalLossKw(itLoadKw, args.electricalLossFraction ?? DEFAULT_ELECTRICAL_LOSS_FRACTION);
  const airHandlingKw = heatTransportPowerKw(heatToAirKw, args.airHandlingKwPerKwHeat ?? DEFAULT_AIR_HANDLING_KW_PER_KW_HEAT);
  const cduPumpKw = heatTransportPowerKw(heatToLiquidKw, args.cduPumpKwPerKwHeat ?? DEFAULT_CDU_PUMP_KW_PER_KW_HEAT);
  // All power drawn inside the building ends as heat the plant rejects.
  const heatLoadKw = itLoadKw + lossKw + airHandlingKw + cduPumpKw;
  // Each liquid-cooled group needs facility water its rack-loop supply minus its CDU's approach (the hall's arg, else its design's, from the catalog).
  const facilityWaterNeeds = groups.flatMap((g) => {
    if (g.supplyTempC === undefined) return [];
    const approachK = args.cduApproachK ?? cduApproachOf(g.design, subject);
    return [{ approachK, needC: g.supplyTempC - approachK }];
  });
  const coldestNeed = facilityWaterNeeds.reduce<(typeof facilityWaterNeeds)[number] | undefined>((a, b) => (a === undefined || b.needC < a.needC ? b : a), undefined);
  const cduApproachK = args.cduApproachK ?? coldestNeed?.approachK ?? 0;
  // The air path: room air's heat, the fans that move it and the electrical rooms' losses, through coils that need colder water.
  const airPath = airPathModel(args.airPath, { airPathHeatKw: heatToAirKw + airHandlingKw + lossKw, liquidNeedC: coldestNeed?.needC }, subject);
  // The plant holds the facility water the coldest rack loop needs behind its CDU, or the coils' water when they are on it.
  const setpointC = airPath.facilitySetpointC;
  const modelled = args.cooling
    ? nested(subject, "cooling", () =>
        coolingPlantWithHours(
          { ...args.cooling!, climate: args.climate!, heatLoadKw, utilisation, setpointC, weatherFile: args.weatherFile, ...(airPath.airLoop ? { airLoop: airPath.airLoop } : {}) },
          subject,
          { weather: context.weather, itFraction, year: context.year },
        ),
      )
    : undefined;
  const plant = modelled?.footprint;
  // Fans and pumps scale with the plant's hourly power factor; the chillers' power comes from the plant's hours.
  const plantFansKw = plant?.coolingPowerKw ?? 0;
  const coolingPowerKw = plantFansKw + (plant?.trimPowerKw ?? 0) + (plant?.airChillerPowerKw ?? 0);
  const nonCoolingKw = itLoadKw + lossKw + airHandlingKw + cduPumpKw;
  const facilityPowerKw = nonCoolingKw + coolingPowerKw;
  const year: HallHours = hallHours({
    itLoadKw, nonCoolingKw, heatLoadKw, coolingRatedKw: plantFansKw, makeupLitresPerKwhHeat: modelled?.makeupLitresPerKwhHeat ?? 0, plant: modelled?.hours, itFraction,
  });
  const rackGroups = groups.map((g) =>
    modelled && g.supplyTempC !== undefined
      ? { ...g, supplyTempMissedHours: hoursAbove(modelled.hours, g.supplyTempC - (args.cduApproachK ?? cduApproachOf(g.design, subject))) }
      : g,
  );
  const facilityCost = args.facilityCost === undefined ? DEFAULT_FACILITY_COST : lookup(catalogOf(subject).facilityCosts, args.facilityCost, "facilityCost", subject).id;
  const capex = combined([
    ...groups.map((g) => rackHardwareCapex(catalogOf(subject), g.design, rackEquivalents(catalogOf(subject), g.design, g.nodesPerRack, g.rackCount))),
    facilityCapex(catalogOf(subject), facilityCost, itLoadKw, gpuCount),
    ...(plant ? [coolingPlantCapex(catalogOf(subject), plant.technology, plant.installedCapacityKw)] : []),
    ...(plant && plant.trimCapacityKw > 0 ? [coolingPlantCapex(catalogOf(subject), DEFAULT_TRIM_CHILLER_TECHNOLOGY, plant.trimCapacityKw)] : []),
    ...(plant && plant.airChillerCapacityKw > 0 ? [coolingPlantCapex(catalogOf(subject), DEFAULT_TRIM_CHILLER_TECHNOLOGY, plant.airChillerCapacityKw)] : []),
  ]);
  // The coils' water each hour: the air loop's when it has one, else the facility water's (the plant's coldest).
  const airHours = modelled ? (modelled.airHours ?? modelled.hours) : undefined;
  const airWorst = airHours ? airWorstHour(airHours) : -1;
  const warmest = modelled ? argMax(modelled.hours.coldestC) : -1;
  const supplyChecked = modelled !== undefined && coldestNeed !== undefined;
  const footprint: DataHallFootprint = {
    rackGroups,
    plant,
    ...sumFields(groups, ["rackCount", "nodeCount", "coolantFlowLpm", "cduCapacityKw"]),
    gpuCount,
    itLoadKw,
    networkKw,
    heatToLiquidKw,
    heatToAirKw,
    airPathHeatKw: airPath.airPathHeatKw,
    airPathService: airPath.service,
    supplyAirC: airPath.supplyAirC,
    airPathWaterC: airPath.waterC,
    electricalLossKw: lossKw,
    airHandlingKw,
    cduPumpKw,
    heatLoadKw,
    coolingPowerKw,
    facilityPowerKw,
    peakFacilityPowerKw: year.peakFacilityPowerKw,
    peakHour: hourLabel(year.peakHour, context.year),
    peakHourPue: powerUsageEffectiveness(year.peakFacilityPowerKw, itLoadKw),
    pue: powerUsageEffectiveness(year.annualFacilityEnergyMwh, year.annualItEnergyMwh),
    utilisation,
    cduApproachK,
    annualItEnergyMwh: year.annualItEnergyMwh,
    annualFacilityEnergyMwh: year.annualFacilityEnergyMwh,
    waterM3PerYear: year.waterM3PerYear,
    peakDailyWaterM3: year.peakDailyWaterM3,
    worstWaterDay: dayLabel(year.worstWaterDay, context.year),
    wueLPerKwh: waterUsageEffectiveness(year.waterM3PerYear, year.annualItEnergyMwh),
    maxRackItLoadKw: Math.max(...groups.map((g) => g.itLoadPerRackKw)),
    maxRackKw: args.maxRackKw,
    supplyTempMarginK: supplyChecked ? coldestNeed.needC - modelled.hours.coldestC[warmest] : undefined,
    supplyTempMissedHours: supplyChecked ? hoursAbove(modelled.hours, coldestNeed.needC) : undefined,
    worstSupplyTempHour: supplyChecked ? hourLabel(warmest, context.year) : undefined,
    airSupplyMissedHours: airHours ? hoursAbove(airHours, airPath.waterC) : undefined,
    airSupplyMarginK: airHours ? airPath.waterC - airHours.coldestC[airWorst] : undefined,
    worstAirSupplyHour: airHours ? hourLabel(airWorst, context.year) : undefined,
    capex: capex.lines,
    capexUsd: capexTotal(capex),
    costMissing: capex.missing,
  };
  // Each hour's supply margin (facility water asked for minus the coldest the plant can make), for reports; made on demand.
  const supplyMarginK = supplyChecked ? () => modelled.hours.coldestC.map((c) => coldestNeed.needC - c) : undefined;
  return { footprint, hours: year, ...(supplyMarginK ? { supplyMarginK } : {}) };
}
