/**
 * An hourly onshore-wind generation profile: a documented, deterministic assumption (no site wind data), the same
 * for every site, scaled to the contract's capacity factor.
 *
 *   shape(h) = month(h) × diurnal(h) × synoptic(h), then fitted so the annual mean = capacity factor, each hour ≤ 1
 *   (fitProfileToMean: clipped at nameplate, the other hours rescaled until the mean holds).
 *
 * - month: US wind fleet monthly capacity factors, averaged over 2013 and 2014, from US EIA Electric Power Annual
 *   Table 4.8.B ("Capacity Factors for Utility Scale Generators Not Primarily Using Fossil Fuels"): Jan 36.9 %,
 *   Feb 35.1, Mar 37.9, Apr 42.2, May 36.0, Jun 34.5, Jul 26.2, Aug 22.3, Sep 26.8, Oct 31.3, Nov 39.7, Dec 30.9
 *   (only the ratios matter). EIA, "U.S. wind generation falls into regional patterns by season" (Today in Energy,
 *   30 Nov 2022) reports the same national pattern for 2016-2022: highest in March-April, lowest in July-August.
 * - diurnal: 1 + 0.15 cos(2π (hour − 1) / 24) in local standard time, highest at 01:00, lowest at 13:00. Assumption:
 *   the interior US fleet (Great Plains, Midwest) generates more at night (the nocturnal low-level jet at hub height);
 *   the ±15 % amplitude is our sizing, not a measured figure.
 * - synoptic: max(0.03, 1 + 1.5 × g(t)), g a fixed sum of three sinusoids with periods of 3.1, 4.7 and 7.3 days
 *   (weights 1, 0.8, 0.6, divided by their sum so |g| ≤ 1; weather systems cross the interior US every 3-7 days).
 *   Assumption: it gives the profile lulls near zero lasting up to a day and a half, and windy spells near
 *   nameplate, as one farm's output has, so that hourly dispatch sees the binding hours a smooth profile would hide.
 *   Measured on this profile at a 0.34 capacity factor: about 10 % of hours below 5 % of nameplate, 0.4 % at 95 % or
 *   more, the longest run below 10 % 35 hours; monthly means 0.22 (Aug) to 0.43 (Apr).
 * The floor of 0.03 keeps every hour's shape positive, so any capacity factor up to 1 is reachable.
 */
import { HOURS_PER_YEAR } from "./constants";
import { requireFraction } from "./guard";
import { DAYS_PER_MONTH, fitProfileToMean } from "./solar";
import { ValueMemo } from "../memo";

/** Relative monthly wind output (EIA Electric Power Annual Table 4.8.B, US wind, 2013-2014 mean capacity factor, %). */
export const WIND_MONTHLY_CAPACITY_FACTOR_PCT: readonly number[] = [36.9, 35.1, 37.9, 42.2, 36.0, 34.5, 26.2, 22.3, 26.8, 31.3, 39.7, 30.9];

/** Amplitude of the diurnal cycle, ± fraction (assumption). */
export const WIND_DIURNAL_AMPLITUDE = 0.15;

/** Local standard hour of the diurnal maximum (assumption: nocturnal low-level jet). */
export const WIND_DIURNAL_PEAK_HOUR = 1;

const SYNOPTIC: readonly { periodDays: number; weight: number; phase: number }[] = [
  { periodDays: 3.1, weight: 1, phase: 0.4 },
  { periodDays: 4.7, weight: 0.8, phase: 1.9 },
  { periodDays: 7.3, weight: 0.6, phase: 4.1 },
];
const SYNOPTIC_AMPLITUDE = 1.5;
const SYNOPTIC_FLOOR = 0.03;

let shapeCache: Float64Array | undefined;
/** Fitted profiles by capacity factor (components/memo.ts). */
const profileMemo = new ValueMemo<Float64Array>();

/** The unscaled shape, memoized (shared: do not modify). */
export function windShape(): Float64Array {
  if (shapeCache) return shapeCache;
  const shape = new Float64Array(HOURS_PER_YEAR);
  const weightSum = SYNOPTIC.reduce((a, s) => a + s.weight, 0);
  let h = 0;
  for (let m = 0; m < 12; m++) {
    const monthly = WIND_MONTHLY_CAPACITY_FACTOR_PCT[m];
    for (let d = 0; d < DAYS_PER_MONTH[m]; d++) {
      for (let hour = 0; hour < 24; hour++, h++) {
        const diurnal = 1 + WIND_DIURNAL_AMPLITUDE * Math.cos((2 * Math.PI * (hour - WIND_DIURNAL_PEAK_HOUR)) / 24);
        const tDays = (h + 0.5) / 24;
        let g = 0;
        for (const s of SYNOPTIC) g += s.weight * Math.sin((2 * Math.PI * tDays) / s.periodDays + s.phase);
        const synoptic = Math.max(SYNOPTIC_FLOOR, 1 + SYNOPTIC_AMPLITUDE * (g / weightSum));
        shape[h] = monthly * diurnal * synoptic;
      }
    }
  }
  shapeCache = shape;
  return shape;
}

/** The shared (memoized) profile; hourly dispatch reads it without copying. Do not modify the returned array. */
export function windProfileShared(capacityFactor: number): Float64Array {
  requireFraction("capacityFactor", capacityFactor);
  return profileMemo.get(String(capacityFactor), () => fitProfileToMean(windShape(), capacityFactor, "capacityFactor"));
}

/**
 * Hourly output of an onshore wind farm, fraction of nameplate, for the 8,760 hours of a 365-day year (hour 0 =
 * 1 January 00:00-01:00 local standard time): each hour in [0, 1], mean = capacityFactor (to ~1e-15). Higher in
 * spring and winter and at night (see the file comment for the sources and assumptions). Memoized per capacity
 * factor; returns a copy the caller may modify.
 */
export function windProfile(capacityFactor: number): Float64Array {
  return windProfileShared(capacityFactor).slice();
}
