/** Args, validation and footprint of a heat-rejection plant. */
import { capexTotal, combined, coolingPlantCapex, type Capex } from "../costs/capex";
import type { UsdRange } from "../costs/range";
import { z } from "zod";
import { fixed } from "../format/numbers";
import { KWH_PER_MWH } from "../physics/constants";
import {
  achievableSupplyTempC, AIR_LOOP_SERVICES, type AirLoopDesign, type AirLoopService, firmRejectionCapacityKw, heatTransportPowerKw, makeupLitresPerKwhHeat, blowdownOfMakeup, evaporationOfMakeup, REDUNDANCY_SCHEMES, type TrimChillerDesign, trimmedColdestC,
  unitsRequired,
} from "../physics";
import { argMax, dayLabel, hourLabel } from "../hours/calendar";
import { hallHours } from "../hours/hallHours";
import { constantProfile } from "../hours/itProfile";
import { airLoopHours, hoursAbove, plantHours, PlantHours, twoLoopPlantHours } from "../hours/plantHours";
import type { WeatherYear } from "../weather/types";
import { DEFAULT_AIR_LOOP_DELTA_T_K, DEFAULT_FACILITY_DELTA_T_K, DEFAULT_PLANT_SETPOINT_C, DEFAULT_REDUNDANCY, DEFAULT_TRIM_CHILLER_TECHNOLOGY, DEFAULT_UTILISATION } from "./defaults";
import { weatherFileArg, weatherOf } from "./weather";
import { numberIn, wholeNumberIn } from "./ranges";
import { lookup, parseArgs, reject, Subject, catalogOf } from "./validate";

/**
 * A trim chiller after a free-cooling plant: in each hour the free cooling cannot make the setpoint, it cools the
 * facility water the rest of the way, up to its capacity. A chiller in series, downstream of the free cooler: air-cooled,
 * or water-cooled on the tower behind an evaporative-tower plant.
 */
export interface TrimChillerArgs {
  /** Cooling capacity of the trim chiller as a share of the facility water's heat at full IT load (the plant's heat load less its air loop's; above 0, up to 1): 1 covers the whole facility-water range. */
  capacityFraction: number;
  /** Compressor power per kW of cooling at the AHRI rating point (35 °C air, 6.7 °C leaving water), within the "chiller" technology's range (0.24 to 0.4); the hourly model scales it with the lift. @default the catalog "chiller" technology's 0.34 (ASHRAE 90.1-2019 minimum) */
  ratedKwPerKwCooling?: number;
  /** Facility-water range at full load, return minus supply, K (4 to 20): the lift a trim of capacityFraction 1 covers. @default 10 (the rack loops' default ΔT: a CDU with equal flows on both sides) */
  facilityDeltaTK?: number;
}

/**
 * The air path's own colder loop, which the plant serves beside the facility water (a hall gives it from its
 * `airPath`): the coils that cool the room air need water a few kelvin below the supply air, colder than a warm rack loop's.
 */
export interface AirLoopArgs {
  /** How the loop's water is made, "economised-chiller" (the plant's free cooling in the hours the weather allows, a chiller in series sized for the whole loop heat, air-cooled or, behind a tower, water-cooled on it; against a "chiller" plant, the plant's own chillers) or "chiller" (a dedicated air-cooled chilled-water plant, no free cooling). */
  service: string;
  /** Heat on the loop at full IT load, kW (0 up to the plant's heat load); the rest of the plant's heat is on the facility water. */
  heatLoadKw: number;
  /** Water the loop must supply, °C (5 to 35). */
  supplyC: number;
  /** Loop range at full load, return minus supply, K (4 to 20). @default 10 (as the facility loop) */
  deltaTK?: number;
  /** Its chiller's compressor power per kW of cooling at the AHRI rating point (35 °C air, 6.7 °C leaving water), within the "chiller" technology's range (0.24 to 0.4). @default the catalog "chiller" technology's 0.34 (ASHRAE 90.1-2019 minimum) */
  ratedKwPerKwCooling?: number;
}

/** What a hall says about its cooling plant; the hall supplies the climate and the heat load. */
export interface PlantDesignArgs {
  /** Cooling technology id from the catalog: `"dry-cooler"`, `"adiabatic"`, `"evaporative-tower"`, `"chiller"`. */
  technology: string;
  /** `"N"`, `"N+1"` or `"2N"`: units that may be out of service while the plant still rejects the full load. @default "N+1" */
  redundancy?: string;
  /** Installed units (1 to 100,000). @default the fewest that carry the heat load under the redundancy */
  units?: number;
  /** Capacity of one unit, kW (above 0, up to 1,000,000). @default the technology's typical unit */
  unitCapacityKw?: number;
  /** Fan and pump power per kW of heat rejected (0 to 1), within the technology's range. @default the technology's typical value */
  powerKwPerKwHeat?: number;
  /** Share of the heat rejected by evaporation in an hour the plant runs wet, 0-1. @default the technology's value */
  evaporativeFraction?: number;
  /** Cycles of concentration of the recirculating water (1.5 to 20). @default the technology's value */
  cyclesOfConcentration?: number;
  /** A trim chiller for the hours free cooling misses the setpoint (not for a "chiller" plant). @default none: those hours the plant misses its setpoint */
  trimChiller?: TrimChillerArgs;
}

/** What a hall gives its plant beyond the design: the air path's loop, when the hall has one. */
export interface PlantLoadArgs {
  /** The air path's own colder loop, served beside the facility water. @default none: all the heat is on the facility water */
  airLoop?: AirLoopArgs;
}

/** Args of a CoolingPlant on its own: the design, plus what a hall would give it (climate, heat load, setpoint). */
export interface CoolingPlantArgs extends PlantDesignArgs, PlantLoadArgs {
  /** Climate id from the catalog (design dry- and wet-bulb temperatures). */
  climate: string;
  /** Heat the plant must reject at full IT load, kW (0 to 100,000,000). */
  heatLoadKw: number;
  /** Average / peak heat over a year, for annual water and energy. @default 0.8 */
  utilisation?: number;
  /** Facility-water supply the plant is asked to hold, °C (5 to 60). @default 32: a 35 °C rack loop behind the 3 K CDU approach of the catalog's liquid-cooled rack designs */
  setpointC?: number;
  /** EnergyPlus weather file (EPW) whose hours replace the climate's generated year. @default none: the climate's generated year */
  weatherFile?: string;
}

/** What a hall gives the plant it models: its weather, its IT profile, and the year to label hours with. */
export interface PlantContext {
  /** The weather year to run the plant's hours on. @default the plant's own climate or weather file */
  weather?: WeatherYear;
  /** IT load as a fraction of full load (0-1), for each of the 8,760 hours: the heat the plant rejects follows it. */
  itFraction: Float64Array;
  /** Calendar year the hour and day labels carry. @default none: labels without a year */
  year?: number;
}

/** `{ capexUsd }` when priced, nothing otherwise. */
function capexOf(capex: Capex): { capexUsd?: UsdRange } {
  return capex.lines.length ? { capexUsd: capexTotal(capex) } : {};
}

/** What a heat-rejection plant installs, draws, consumes and achieves over a year of weather. */
export interface CoolingPlantFootprint {
  /** Cooling technology id from the catalog. */
  technology: string;
  /** Climate id from the catalog. */
  climate: string;
  /** Redundancy scheme: "N", "N+1" or "2N". */
  redundancy: string;
  /** Installed units (spares included). @integer */
  units: number;
  /** Heat-rejection capacity of one unit, kW. */
  unitCapacityKw: number;
  /** Capacity of all installed units, kW: units × unitCapacityKw. */
  installedCapacityKw: number;
  /** Capex of the plant (all units, spares included), USD (low, base, high); absent when the cost catalog has no price for the technology. */
  capexUsd?: UsdRange;
  /** Capacity with the redundant units out of service, kW. */
  firmCapacityKw: number;
  /** Heat the plant must reject at full IT load, kW. */
  heatLoadKw: number;
  /** Fans and pumps of the plant at full load, kW. */
  coolingPowerKw: number;
  /** Facility-water supply the plant is asked to hold, °C. */
  setpointC: number;
  /** Heat rejected over the year at the hall's (or the arg's) utilisation, MWh. */
  heatEnergyMwhPerYear: number;
  /** Energy of the plant's fans, pumps and compressors over the year, MWh. */
  coolingEnergyMwhPerYear: number;
  /** Make-up water over the year (evaporation and blowdown), m³. */
  waterM3PerYear: number;
  /** The blowdown in that make-up water, at the plant's own cycles of concentration, m³ (0 when it evaporates none). */
  blowdownM3PerYear: number;
  /** The evaporated part of that make-up water (make-up − blowdown), m³. */
  evaporationM3PerYear: number;
  /** The plant's cycles of concentration: the arg, else its technology's (what blowdown is reckoned at). */
  cyclesOfConcentration: number;
  /** Make-up water on the worst simulated day, m³. */
  peakDailyWaterM3: number;
  /** The worst simulated water day (`MM-DD`, with the year when known). */
  worstWaterDay: string;
  /** Coldest facility-water supply the plant can hold at the climate's 0.4 % design conditions, °C. */
  achievableSupplyTempC: number;
  /** Warmest supply the plant holds in any hour of the year, °C: in the hour its coldest possible water is warmest. */
  warmestSupplyTempC: number;
  /** That hour, `MM-DD HH:00` in local standard time (with the year when known). */
  warmestSupplyHour: string;
  /** Hours in which the plant cannot hold its setpoint. @integer */
  hoursAboveSetpoint: number;
  /** Hours the plant evaporates water (a tower: all; a hybrid: above its switch-over). @integer */
  wetHours: number;
  /** Hours a compressor runs (a chiller: all; a free-cooling plant: its trim hours, else none). @integer */
  mechanicalHours: number;
  /** Cooling capacity of the trim chiller, kW (0 without one). */
  trimCapacityKw: number;
  /** Hours the trim chiller runs: those in which free cooling alone misses the setpoint (0 without one). @integer */
  trimHours: number;
  /** Trim chiller compressor energy over the year, MWh (part of coolingEnergyMwhPerYear; 0 without one). */
  trimEnergyMwhPerYear: number;
  /** Trim chiller compressor power at full IT load in its worst hour, kW (0 without one). */
  trimPowerKw: number;
  /** How the air path's loop is cooled (absent without one): "economised-chiller" or "chiller". */
  airLoopService?: AirLoopService;
  /** Heat on the air path's loop at full IT load, kW (0 without one). */
  airLoopHeatKw: number;
  /** Water the air path's loop supplies, °C (absent without one). */
  airLoopSupplyC?: number;
  /** Cooling capacity of the air loop's own chiller, kW: the whole loop heat (0 without one, or when the plant's own chillers make its water). */
  airChillerCapacityKw: number;
  /** Hours the air loop's chiller runs: those free cooling alone cannot make the loop's water in (every hour for a dedicated chiller; 0 without one). @integer */
  airChillerHours: number;
  /** The air loop chiller's compressor energy over the year, MWh (part of coolingEnergyMwhPerYear; 0 without one). */
  airChillerEnergyMwhPerYear: number;
  /** The air loop chiller's compressor power at full IT load in its worst hour, kW (0 without one). */
  airChillerPowerKw: number;
}

/** The zod shape of a hall's cooling plant design (the args a data hall passes on). @internal */
export const plantDesignShape = {
  technology: z.string({ error: "a cooling technology id (string)" }),
  redundancy: z.enum(REDUNDANCY_SCHEMES, { error: `one of ${REDUNDANCY_SCHEMES.join(", ")}` }).optional(),
  units: wholeNumberIn(1, 100_000).optional(),
  unitCapacityKw: numberIn(0, 1_000_000, "kW", true).optional(),
  powerKwPerKwHeat: numberIn(0, 1, "kW per kW of heat").optional(),
  evaporativeFraction: numberIn(0, 1).optional(),
  cyclesOfConcentration: numberIn(1.5, 20).optional(),
  trimChiller: z
    .strictObject(
      {
        capacityFraction: numberIn(0, 1, "(trim capacity / heat load)", true),
        ratedKwPerKwCooling: numberIn(0, 1, "kW per kW of cooling").optional(),
        facilityDeltaTK: numberIn(4, 20, "K").optional(),
      },
      { error: "a trim chiller { capacityFraction, ratedKwPerKwCooling?, facilityDeltaTK? }" },
    )
    .optional(),
};

/** The zod shape of the air loop a hall gives its plant. @internal */
export const airLoopShape = z.strictObject(
  {
    service: z.enum(AIR_LOOP_SERVICES, { error: `one of ${AIR_LOOP_SERVICES.join(", ")}` }),
    heatLoadKw: numberIn(0, 100_000_000, "kW"),
    supplyC: numberIn(5, 35, "°C"),
    deltaTK: numberIn(4, 20, "K").optional(),
    ratedKwPerKwCooling: numberIn(0, 1, "kW per kW of cooling").optional(),
  },
  { error: "an air loop { service, heatLoadKw, supplyC, deltaTK?, ratedKwPerKwCooling? }" },
);

const schema = z.strictObject({
  ...plantDesignShape,
  airLoop: airLoopShape.optional(),
  climate: z.string({ error: "a climate id (string)" }),
  heatLoadKw: numberIn(0, 100_000_000, "kW"),
  utilisation: numberIn(0, 1, "(average / peak)", true).optional(),
  setpointC: numberIn(5, 60, "°C").optional(),
  weatherFile: weatherFileArg.optional(),
});

/** Validated footprint of a plant; fails when its installed units cannot reject the heat load at all. */
export function coolingPlantModel(rawArgs: CoolingPlantArgs, subject: Subject, context?: PlantContext): CoolingPlantFootprint {
  return coolingPlantWithHours(rawArgs, subject, context).footprint;
}

/** What a hall builds its own hours on: the plant's hours and its make-up water per kWh evaporated. */
export interface ModelledPlant {
  footprint: CoolingPlantFootprint;
  /** The plant's hours per kW of its whole heat (both loops when it serves an air loop); supply and coldest water are the facility water's. */
  hours: PlantHours;
  /** The air loop's own hours, per kW of its heat (absent without an air loop). */
  airHours?: PlantHours;
  /** Evaporation plus blowdown at the plant's cycles of concentration, L per kWh of heat evaporated. */
  makeupLitresPerKwhHeat: number;
}

/** The footprint and the plant's hours (a hall builds its own hours on them). */
export function coolingPlantWithHours(rawArgs: CoolingPlantArgs, subject: Subject, context?: PlantContext): ModelledPlant {
  const args = parseArgs(schema, rawArgs, subject);
  const tech = lookup(catalogOf(subject).coolingTechnologies, args.technology, "technology", subject);
  const climate = lookup(catalogOf(subject).climates, args.climate, "climate", subject);
  const redundancy = args.redundancy ?? DEFAULT_REDUNDANCY;
  const unitCapacityKw = args.unitCapacityKw ?? tech.defaultUnitCapacityKw;
  const units = args.units ?? unitsRequired(args.heatLoadKw, unitCapacityKw, redundancy);
  const installedCapacityKw = units * unitCapacityKw;
  if (installedCapacityKw < args.heatLoadKw) {
    reject(subject, {
      field: args.units !== undefined ? "units" : "unitCapacityKw",
      value: args.units ?? unitCapacityKw,
      allowed: `enough capacity for the ${fixed(args.heatLoadKw, 0)} kW heat load; ${units} × ${fixed(unitCapacityKw, 0)} kW = ${fixed(installedCapacityKw, 0)} kW installed`,
    });
  }
  const [minPower, maxPower] = tech.powerKwPerKwHeatRange;
  const powerKwPerKwHeat = args.powerKwPerKwHeat ?? tech.powerKwPerKwHeat;
  if (powerKwPerKwHeat < minPower || powerKwPerKwHeat > maxPower) {
    reject(subject, { field: "powerKwPerKwHeat", value: powerKwPerKwHeat, allowed: `a number from ${minPower} to ${maxPower} kW per kW of heat (technology "${tech.id}")` });
  }
  // A technology that never evaporates (no water circuit: dry coolers, air-cooled chillers) cannot be given water use.
  if (args.evaporativeFraction !== undefined && args.evaporativeFraction > 0 && tech.evaporativeFraction === 0) {
    reject(subject, { field: "evaporativeFraction", value: args.evaporativeFraction, allowed: `0 or unset: technology "${tech.id}" rejects heat without evaporating water` });
  }
  const cycles = args.cyclesOfConcentration ?? tech.cyclesOfConcentration;
  const makeupLitres = makeupLitresPerKwhHeat(cycles);
  const setpointC = args.setpointC ?? DEFAULT_PLANT_SETPOINT_C;
  const airLoop = airLoopDesign(args.airLoop, args.heatLoadKw, tech, subject);
  const airHeatKw = args.airLoop?.heatLoadKw ?? 0;
  const facilityHeatKw = args.heatLoadKw - airHeatKw;
  const trim = trimDesign(args.trimChiller, tech, subject);
  const weather = context?.weather ?? weatherOf(climate, args.weatherFile, subject);
  const itFraction = context?.itFraction ?? constantProfile(args.utilisation ?? DEFAULT_UTILISATION);
  const design = {
    ambientBasis: tech.ambientBasis, approachK: tech.approachK, dryApproachK: tech.dryApproachK, mechanicalSupplyC: tech.mechanicalSupplyC,
    wetEvaporativeFraction: args.evaporativeFraction ?? tech.evaporativeFraction, setpointC, designDryBulbC: climate.designDryBulbC,
  };
  const facilityHours = plantHours({ ...design, ...(trim ? { trim } : {}) }, weather);
  const airHours = airLoop ? airLoopHours(design, airLoop, weather) : undefined;
  // Per kW of the plant's whole heat: the two loops weighted by their heat (a plant with no heat keeps the facility loop's hours).
  const hours = airHours && args.heatLoadKw > 0 ? twoLoopPlantHours(facilityHours, airHours, airHeatKw / args.heatLoadKw) : facilityHours;
  const coolingPowerKw = heatTransportPowerKw(args.heatLoadKw, powerKwPerKwHeat);
  // The plant alone: its own power is the "facility", its heat the hall's.
  const year = hallHours({
    itLoadKw: args.heatLoadKw, nonCoolingKw: 0, heatLoadKw: args.heatLoadKw, coolingRatedKw: coolingPowerKw,
    makeupLitresPerKwhHeat: makeupLitres, plant: hours, itFraction,
  });
  const trimYear = compressorYear(facilityHeatKw, facilityHours.trimKwPerKwHeat, itFraction);
  const airYear = airHours ? compressorYear(airHeatKw, airHours.trimKwPerKwHeat, itFraction) : { energyMwh: 0, peakKw: 0 };
  const warmest = argMax(hours.coldestC);
  const trimCapacityKw = trim ? trim.capacityFraction * facilityHeatKw : 0;
  // The air loop's own chiller: sized for the whole loop heat; none when the plant's own chillers make its water.
  const airChillerCapacityKw = airLoop && !(airLoop.service === "economised-chiller" && tech.ambientBasis === "mechanical") ? airHeatKw : 0;
  const freeAchievableC = achievableSupplyTempC({
    ambientBasis: tech.ambientBasis,
    designDryBulbC: climate.designDryBulbC,
    designWetBulbC: climate.designWetBulbC,
    approachK: tech.approachK,
    mechanicalSupplyC: tech.mechanicalSupplyC,
  });
  const capex = combined([
    coolingPlantCapex(catalogOf(subject), tech.id, installedCapacityKw),
    ...(trim ? [coolingPlantCapex(catalogOf(subject), DEFAULT_TRIM_CHILLER_TECHNOLOGY, trimCapacityKw)] : []),
    ...(airChillerCapacityKw > 0 ? [coolingPlantCapex(catalogOf(subject), DEFAULT_TRIM_CHILLER_TECHNOLOGY, airChillerCapacityKw)] : []),
  ]);
  return {
    hours,
    airHours,
    makeupLitresPerKwhHeat: makeupLitres,
    footprint: {
      technology: tech.id,
      climate: climate.id,
      redundancy,
      units,
      unitCapacityKw,
      installedCapacityKw,
      ...capexOf(capex),
      firmCapacityKw: firmRejectionCapacityKw(units, unitCapacityKw, redundancy),
      heatLoadKw: args.heatLoadKw,
      coolingPowerKw,
      setpointC,
      heatEnergyMwhPerYear: year.annualItEnergyMwh,
      coolingEnergyMwhPerYear: year.annualFacilityEnergyMwh,
      waterM3PerYear: year.waterM3PerYear,
      blowdownM3PerYear: blowdownOfMakeup(year.waterM3PerYear, cycles),
      evaporationM3PerYear: evaporationOfMakeup(year.waterM3PerYear, cycles),
      cyclesOfConcentration: cycles,
      peakDailyWaterM3: year.peakDailyWaterM3,
      worstWaterDay: dayLabel(year.worstWaterDay, context?.year),
      achievableSupplyTempC: trim ? trimmedColdestC(freeAchievableC, setpointC, trim) : freeAchievableC,
      warmestSupplyTempC: hours.supplyC[warmest],
      warmestSupplyHour: hourLabel(warmest, context?.year),
      hoursAboveSetpoint: hoursAbove(hours, setpointC),
      wetHours: hours.wetHours,
      mechanicalHours: hours.mechanicalHours,
      trimCapacityKw,
      trimHours: facilityHours.trimHours,
      trimEnergyMwhPerYear: trimYear.energyMwh,
      trimPowerKw: trimYear.peakKw,
      ...(airLoop ? { airLoopService: airLoop.service, airLoopSupplyC: airLoop.supplyC } : {}),
      airLoopHeatKw: airHeatKw,
      airChillerCapacityKw,
      airChillerHours: airHours && airChillerCapacityKw > 0 ? airHours.trimHours : 0,
      airChillerEnergyMwhPerYear: airChillerCapacityKw > 0 ? airYear.energyMwh : 0,
      airChillerPowerKw: airChillerCapacityKw > 0 ? airYear.peakKw : 0,
    },
  };
}

/** A compressor's year: energy at the IT profile and power at full IT load in its worst hour, for `heatKw` of heat at `kwPerKwHeat` each hour. */
function compressorYear(heatKw: number, kwPerKwHeat: Float64Array, itFraction: Float64Array): { energyMwh: number; peakKw: number } {
  let kwh = 0;
  let peakKw = 0;
  for (let h = 0; h < kwPerKwHeat.length; h++) {
    const fullKw = heatKw * kwPerKwHeat[h];
    if (fullKw > peakKw) peakKw = fullKw;
    kwh += itFraction[h] * fullKw;
  }
  return { energyMwh: kwh / KWH_PER_MWH, peakKw };
}

/**
 * The air loop's design from its args: its chiller's efficiency defaults to the catalog's air-cooled chiller (sourced,
 * at the AHRI rating point) and must stay within that technology's range; its heat cannot exceed the plant's.
 */
function airLoopDesign(args: z.infer<typeof airLoopShape> | undefined, plantHeatKw: number, tech: { id: string }, subject: Subject): AirLoopDesign | undefined {
  if (args === undefined) return undefined;
  if (args.heatLoadKw > plantHeatKw) {
    reject(subject, { field: "airLoop.heatLoadKw", value: args.heatLoadKw, allowed: `at most the plant's heat load, ${fixed(plantHeatKw, 0)} kW (technology "${tech.id}")` });
  }
  const { chiller, ratedKwPerKwCooling } = catalogChillerRating(args.ratedKwPerKwCooling, "airLoop.ratedKwPerKwCooling", subject);
  return { service: args.service, supplyC: args.supplyC, deltaTK: args.deltaTK ?? DEFAULT_AIR_LOOP_DELTA_T_K, ratedKwPerKwCooling, chillerCoolestC: chiller.mechanicalSupplyC };
}

/**
 * A chiller's compressor power per kW of cooling at the AHRI rating point: the given figure, or the catalog's
 * air-cooled chiller's (sourced); either must lie within that technology's range, else an error naming `field`.
 * One check for the trim chiller, the air loop's chiller and a hall's air path. @internal
 */
export function catalogChillerRating(given: number | undefined, field: string, subject: Subject) {
  const chiller = lookup(catalogOf(subject).coolingTechnologies, DEFAULT_TRIM_CHILLER_TECHNOLOGY, field.split(".")[0], subject);
  const [low, high] = chiller.powerKwPerKwHeatRange;
  const ratedKwPerKwCooling = given ?? chiller.powerKwPerKwHeat;
  if (ratedKwPerKwCooling < low || ratedKwPerKwCooling > high) {
    reject(subject, { field, value: ratedKwPerKwCooling, allowed: `a number from ${low} to ${high} kW per kW of cooling (technology "${chiller.id}")` });
  }
  return { chiller, ratedKwPerKwCooling };
}

/**
 * The trim chiller's design from its args: its efficiency defaults to the catalog's air-cooled chiller (sourced, at the
 * AHRI rating point) and must stay within that technology's range; a chiller plant takes no trim.
 */
function trimDesign(args: TrimChillerArgs | undefined, tech: { id: string; ambientBasis: string }, subject: Subject): TrimChillerDesign | undefined {
  if (args === undefined) return undefined;
  if (tech.ambientBasis === "mechanical") {
    reject(subject, { field: "trimChiller", value: args, allowed: `unset for technology "${tech.id}" (a mechanical plant holds its setpoint in any weather; trim chillers follow free-cooling plants)` });
  }
  const { ratedKwPerKwCooling } = catalogChillerRating(args.ratedKwPerKwCooling, "trimChiller.ratedKwPerKwCooling", subject);
  return { capacityFraction: args.capacityFraction, ratedKwPerKwCooling, facilityDeltaTK: args.facilityDeltaTK ?? DEFAULT_FACILITY_DELTA_T_K };
}
