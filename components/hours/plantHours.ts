/**
 * A plant design in a weather year, hour by hour. Independent of the heat load (power and water scale with it), so
 * every hall with the same technology, setpoint and weather shares one computation.
 */
import { PlantHour, PlantHourDesign, plantHour, requirePlantHourDesign } from "../physics/hourlyCooling";
import { AirLoopDesign, airLoopHourFunction, requireAirLoopDesign } from "../physics/airLoop";
import type { WeatherYear } from "../weather/types";
import { HOURS } from "./calendar";
import { ObjectMemo } from "../memo";

export interface PlantHours {
  design: PlantHourDesign;
  /** Facility-water supply held each hour, °C. */
  supplyC: Float64Array;
  /** Plant power each hour / rated plant power at the same heat load. */
  powerFactor: Float64Array;
  /** Share of each hour's heat rejected by evaporation. */
  evaporativeShare: Float64Array;
  /** Coldest water the plant could make each hour, °C (the setpoint is held while this is at most the setpoint). */
  coldestC: Float64Array;
  /** The coldest-water series sorted ascending, to count the hours above any threshold by binary search. */
  sortedColdestC: Float64Array;
  /** Share of each hour's heat the trim chiller removes (all 0 without one). */
  trimLoadFraction: Float64Array;
  /** Trim chiller compressor power each hour per kW of the plant's heat load (all 0 without one). */
  trimKwPerKwHeat: Float64Array;
  /** Hours the plant evaporates water. */
  wetHours: number;
  /** Hours a compressor runs: every hour of a chiller plant, the trim hours of a free-cooling plant. */
  mechanicalHours: number;
  /** Hours the trim chiller runs (0 without one). */
  trimHours: number;
}

/** Plant hours per weather year (itself memoised by value: components/memo.ts) and design. */
const memo = new ObjectMemo<WeatherYear, PlantHours>();

function designKey(d: PlantHourDesign): string {
  const trim = d.trim ? [d.trim.capacityFraction, d.trim.ratedKwPerKwCooling, d.trim.facilityDeltaTK] : ["-"];
  return [d.ambientBasis, d.approachK, d.dryApproachK ?? "-", d.mechanicalSupplyC, d.wetEvaporativeFraction, d.setpointC, d.designDryBulbC, ...trim].join("|");
}

/** The plant's 8,760 hours in `weather`, computed once per distinct design and weather year. */
export function plantHours(design: PlantHourDesign, weather: WeatherYear): PlantHours {
  return cached(weather, designKey(design), () => {
    requirePlantHourDesign(design);
    return computeHours(design, weather, (db, wb) => plantHour(design, db, wb));
  });
}

/**
 * The hours of the air path's own loop as `design`'s plant serves it (see components/physics/airLoop.ts): per kW of
 * the loop's heat, its supply, the plant's fans on it, the water evaporated on it and its chiller's power.
 */
export function airLoopHours(design: PlantHourDesign, loop: AirLoopDesign, weather: WeatherYear): PlantHours {
  const key = ["air", loop.service, loop.supplyC, loop.deltaTK, loop.ratedKwPerKwCooling, loop.chillerCoolestC, designKey(design)].join("|");
  return cached(weather, key, () => {
    requirePlantHourDesign(design);
    requireAirLoopDesign(loop);
    return computeHours(design, weather, airLoopHourFunction(design, loop));
  });
}

function cached(weather: WeatherYear, key: string, compute: () => PlantHours): PlantHours {
  return memo.get(weather, key, compute);
}

function computeHours(design: PlantHourDesign, weather: WeatherYear, hourOf: (dryBulbC: number, wetBulbC: number) => PlantHour): PlantHours {
  const supplyC = new Float64Array(HOURS);
  const powerFactor = new Float64Array(HOURS);
  const evaporativeShare = new Float64Array(HOURS);
  const coldestC = new Float64Array(HOURS);
  const trimLoadFraction = new Float64Array(HOURS);
  const trimKwPerKwHeat = new Float64Array(HOURS);
  let wetHours = 0;
  let mechanicalHours = 0;
  let trimHours = 0;
  for (let h = 0; h < HOURS; h++) {
    const hour = hourOf(weather.dryBulbC[h], weather.wetBulbC[h]);
    supplyC[h] = hour.supplyC;
    coldestC[h] = hour.coldestC;
    powerFactor[h] = hour.powerFactor;
    evaporativeShare[h] = hour.evaporativeShare;
    trimLoadFraction[h] = hour.trimLoadFraction;
    trimKwPerKwHeat[h] = hour.trimKwPerKwHeat;
    if (hour.mode === "wet") wetHours++;
    if (hour.mode === "mechanical") mechanicalHours++;
    else if (hour.trimLoadFraction > 0) mechanicalHours++;
    if (hour.trimLoadFraction > 0) trimHours++;
  }
  return {
    design, supplyC, powerFactor, evaporativeShare, coldestC, sortedColdestC: Float64Array.from(coldestC).sort(), trimLoadFraction, trimKwPerKwHeat,
    wetHours, mechanicalHours, trimHours,
  };
}

/**
 * One plant serving two loops: the facility water (`facility`, per kW of its heat) and the air path's colder loop
 * (`air`, per kW of its heat), with `airShare` of the plant's heat on the air loop. Per kW of the plant's whole heat,
 * fans, evaporation and compressor power are the two loops' figures weighted by their shares; supply and coldest
 * water are the facility loop's (what the racks' supply check reads). An hour counts as wet, mechanical or trimmed
 * when either loop is.
 */
export function twoLoopPlantHours(facility: PlantHours, air: PlantHours, airShare: number): PlantHours {
  // Identical halls give the same two loops and share: one blend, so their hall hours are computed once too.
  return blends.get(facility, "", () => new ObjectMemo()).get(air, String(airShare), () => blend(facility, air, airShare));
}

/** Blends per facility loop, per air loop, per air share (weak on both loops: they live as long as their weather year's memo). */
const blends = new ObjectMemo<PlantHours, ObjectMemo<PlantHours, PlantHours>>();

function blend(facility: PlantHours, air: PlantHours, airShare: number): PlantHours {
  const f = 1 - airShare;
  const powerFactor = new Float64Array(HOURS);
  const evaporativeShare = new Float64Array(HOURS);
  const trimLoadFraction = new Float64Array(HOURS);
  const trimKwPerKwHeat = new Float64Array(HOURS);
  let wetHours = 0;
  let mechanicalHours = 0;
  for (let h = 0; h < HOURS; h++) {
    powerFactor[h] = f * facility.powerFactor[h] + airShare * air.powerFactor[h];
    evaporativeShare[h] = f * facility.evaporativeShare[h] + airShare * air.evaporativeShare[h];
    trimLoadFraction[h] = f * facility.trimLoadFraction[h] + airShare * air.trimLoadFraction[h];
    trimKwPerKwHeat[h] = f * facility.trimKwPerKwHeat[h] + airShare * air.trimKwPerKwHeat[h];
    if (evaporativeShare[h] > 0) wetHours++;
    if (trimLoadFraction[h] > 0 || facility.design.ambientBasis === "mechanical") mechanicalHours++;
  }
  return {
    ...facility, powerFactor, evaporativeShare, trimLoadFraction, trimKwPerKwHeat, wetHours, mechanicalHours,
  };
}

/**
 * Hours in which the plant cannot make water at or below `limitC`. For a limit at or above the setpoint this is
 * the hours the supply it holds is warmer than the limit (supply = max(setpoint, coldest)).
 */
export function hoursAbove(plant: PlantHours, limitC: number): number {
  const sorted = plant.sortedColdestC;
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid] <= limitC) lo = mid + 1;
    else hi = mid;
  }
  return sorted.length - lo;
}
