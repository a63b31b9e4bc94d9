/**
 * A hall's year hour by hour. Every overhead (losses, air handling, CDU pumps) is proportional to the IT load, so a
 * hall's hour is its full-load figures times the hour's IT fraction, plus the plant's power factor that hour and its
 * trim chiller's compressor power (per kW of heat, at the hour's lift):
 *   facility_h = u_h × (nonCoolingKw + coolingRatedKw × powerFactor_h + heatLoadKw × trimKwPerKwHeat_h),  heat_h = u_h × heatLoadKw.
 * Identical halls (many, on a gigawatt campus) share one computation.
 */
import { KWH_PER_MWH, LITRES_PER_M3 } from "../physics/constants";
import { evaporationLitresPerKwhHeat } from "../physics/water";
import { argMax, HOURS, worstDay } from "./calendar";
import type { PlantHours } from "./plantHours";
import { ObjectMemo } from "../memo";

export interface HallHoursInput {
  itLoadKw: number;
  /** Facility power at full IT load without the plant: IT, losses, air handling, CDU pumps, kW. */
  nonCoolingKw: number;
  /** Heat the plant rejects at full IT load, kW. */
  heatLoadKw: number;
  /** Plant fans and pumps at full IT load and full fan speed (their rating), kW; a trim chiller's power comes from the plant's hours. */
  coolingRatedKw: number;
  /** Make-up water per kWh of heat rejected by evaporation, L (evaporation + blowdown). */
  makeupLitresPerKwhHeat: number;
  /** The plant's hours; none when the hall has no plant. */
  plant?: PlantHours;
  /** IT load each hour as a fraction of full load. */
  itFraction: Float64Array;
}

export interface HallHours {
  /** Facility power each hour at the hall's IT profile, kW. */
  facilityKw: Float64Array;
  /** Facility power each hour at full IT load (what firm capacity must carry), kW. */
  fullLoadFacilityKw: Float64Array;
  /** IT power each hour, kW. */
  itKw: Float64Array;
  /** Make-up water each hour, m³. */
  waterM3: Float64Array;
  /** Trim chiller compressor power each hour at the hall's IT profile, kW (all 0 without a trim chiller). */
  trimKw: Float64Array;
  /**
   * The evaporated share of the make-up water, 0-1: evaporation / (evaporation + blowdown) = (cycles − 1) / cycles.
   * The evaporated water is what the hall consumes (blowdown is discharged and returns to the basin), the volume a
   * water-scarcity factor (AWARE) weighs; 0 for a hall that evaporates none.
   */
  evaporatedShareOfMakeup: number;
  annualItEnergyMwh: number;
  annualFacilityEnergyMwh: number;
  /** Trim chiller energy over the year, MWh (part of annualFacilityEnergyMwh). */
  annualTrimEnergyMwh: number;
  /** Trim chiller power at full IT load in its worst hour, kW. */
  peakTrimKw: number;
  waterM3PerYear: number;
  peakFacilityPowerKw: number;
  peakHour: number;
  peakDailyWaterM3: number;
  worstWaterDay: number;
}

/** The key of a hall without a plant in the memo by plant. */
const NO_PLANT: object = Object.freeze({});
/**
 * Hall hours by plant hours, IT profile and the hall's figures. The plant's hours and the profile are memoised values
 * themselves (one object per distinct design and weather year, per distinct profile), so they key by identity.
 */
const memo = new ObjectMemo<object, ObjectMemo<Float64Array, HallHours>>();

/** The hall's 8,760 hours, computed once per distinct plant, profile and figures (shared: read-only). */
export function hallHours(input: HallHoursInput): HallHours {
  const byProfile = memo.get(input.plant ?? NO_PLANT, "", () => new ObjectMemo());
  const key = [input.itLoadKw, input.nonCoolingKw, input.heatLoadKw, input.coolingRatedKw, input.makeupLitresPerKwhHeat].join("|");
  return byProfile.get(input.itFraction, key, () => computeHallHours(input));
}

function computeHallHours(input: HallHoursInput): HallHours {
  const { itLoadKw, nonCoolingKw, heatLoadKw, coolingRatedKw, plant, itFraction } = input;
  const facilityKw = new Float64Array(HOURS);
  const fullLoadFacilityKw = new Float64Array(HOURS);
  const itKw = new Float64Array(HOURS);
  const waterM3 = new Float64Array(HOURS);
  const trimKw = new Float64Array(HOURS);
  // m³ per kWh of heat rejected by evaporation.
  const m3PerKwhEvaporated = input.makeupLitresPerKwhHeat / LITRES_PER_M3;
  let itKwh = 0;
  let facilityKwh = 0;
  let water = 0;
  let trimKwh = 0;
  let peakTrimKw = 0;
  for (let h = 0; h < HOURS; h++) {
    const u = itFraction[h];
    const fullTrimKw = plant ? heatLoadKw * plant.trimKwPerKwHeat[h] : 0;
    if (fullTrimKw > peakTrimKw) peakTrimKw = fullTrimKw;
    trimKw[h] = u * fullTrimKw;
    trimKwh += trimKw[h];
    const full = nonCoolingKw + coolingRatedKw * (plant ? plant.powerFactor[h] : 0) + fullTrimKw;
    fullLoadFacilityKw[h] = full;
    facilityKw[h] = u * full;
    itKw[h] = u * itLoadKw;
    // One hour at a power of P kW is P kWh.
    waterM3[h] = plant ? u * heatLoadKw * plant.evaporativeShare[h] * m3PerKwhEvaporated : 0;
    itKwh += itKw[h];
    facilityKwh += facilityKw[h];
    water += waterM3[h];
  }
  const peakHour = argMax(fullLoadFacilityKw);
  const day = worstDay(waterM3);
  return {
    facilityKw, fullLoadFacilityKw, itKw, waterM3, trimKw,
    evaporatedShareOfMakeup: input.makeupLitresPerKwhHeat > 0 ? evaporationLitresPerKwhHeat() / input.makeupLitresPerKwhHeat : 0,
    annualItEnergyMwh: itKwh / KWH_PER_MWH,
    annualFacilityEnergyMwh: facilityKwh / KWH_PER_MWH,
    annualTrimEnergyMwh: trimKwh / KWH_PER_MWH,
    peakTrimKw,
    waterM3PerYear: water,
    peakFacilityPowerKw: fullLoadFacilityKw[peakHour],
    peakHour,
    peakDailyWaterM3: day.total,
    worstWaterDay: day.day,
  };
}
