/**
 * A deterministic hourly weather year from a compact climate description (monthly normals, day-to-day variability,
 * ASHRAE design values). Method:
 * 1. Daily maximum and minimum follow a smooth periodic curve through the monthly normals (cubic through mid-month
 *    anchors, the anchors adjusted until each month's mean equals its normal).
 * 2. Day-to-day weather is a lag-one autoregressive (AR(1)) anomaly with the climate's persistence and seasonal
 *    standard deviation, shared by the maximum and minimum, plus a smaller anomaly of the daily range; each month's
 *    mean anomaly is removed by the same smooth curve, so the monthly normals hold exactly before step 5 (which then
 *    corrects the daily extremes for what its tail map moved).
 * 3. The hours follow a standard diurnal shape: the minimum at sunrise (to the hour, from the site's latitude and
 *    longitude, in local standard time), the maximum at 15:00, half-cosine rises and falls between them (the shape
 *    behind ASHRAE's fraction-of-daily-range table, Fundamentals ch. 14).
 * 4. The dew point follows its monthly normals with its own AR(1) anomaly (partly correlated with the temperature's),
 *    interpolated between days, never above the dry bulb; its monthly means are corrected after that cap.
 * 5. The upper tails are calibrated to the design values: a monotone piecewise-linear map of the hottest hours puts
 *    35 h (0.4 % of 8,760) above the 0.4 % dry bulb and 88 h (1 %) above the 1 % dry bulb; the wet bulb (from dry bulb,
 *    dew point and the pressure at the site's elevation) is mapped the same way against the evaporation design wet
 *    bulbs, kept at most the dry bulb, and the dew point of the mapped hours recomputed so the three stay consistent.
 * Seeded from the climate id (no Math.random); memoized per climate content.
 */
import { hasHourlyInputs, type ClimateSpec, type HourlyClimateSpec } from "../catalog/climateSchema";
import { dewPointFromWetBulbUnchecked, pressureKpaAtElevation, wetBulbUnchecked } from "../physics/psychrometrics";
import { DAY_MONTH, DAYS_PER_YEAR, HOURS_PER_YEAR, MONTH_DAYS, MONTH_START_DAY, monthlyMeans } from "./calendar";
import type { InputProblem } from "../catalog/issues";
import { show } from "../format/numbers";
import { WeatherInputError } from "./errors";
import type { WeatherYear } from "./types";

/** Hours above the 0.4 % design values in a year of 8,760 hours: 35. */
export const HOURS_ABOVE_04_PERCENT = Math.round(0.004 * HOURS_PER_YEAR); // 35
/** Hours above the 1 % design values in a year of 8,760 hours: 88. */
export const HOURS_ABOVE_1_PERCENT = Math.round(0.01 * HOURS_PER_YEAR); // 88

/** Hour (end of the hour, local standard time) of the daily maximum. */
const MAX_HOUR = 15;
/**
 * Correlation of the dew-point anomaly with the temperature anomaly (assumption: warm spells are mostly humid ones in
 * the humid climates modelled here; 0.5).
 */
const DEW_TEMPERATURE_CORRELATION = 0.5;
/** Passes of the daily-extreme correction around the tail map, at most (each is about 2 ms). */
const TAIL_ITERATIONS = 8;
/** Share of a month's error corrected per pass after the first (a rank-based tail map makes full steps oscillate). */
const TAIL_DAMPING = 0.5;
/** Stop early once every month's mean daily extreme is within this of its normal, K. */
const TAIL_CONVERGED_K = 0.02;
/** Standard deviation of the daily-range anomaly as a share of the normal range (assumption: cloudy and clear days, 0.2). */
const RANGE_SD_SHARE = 0.2;

// ---------------------------------------------------------------------------------------------------------------------
// Deterministic random numbers

/** 32-bit FNV-1a hash of a string: the seed. */
function hashString(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** mulberry32: a small, fast, well-mixed 32-bit PRNG; returns uniforms in (0, 1). */
function uniforms(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return (((t ^ (t >>> 14)) >>> 0) + 0.5) / 4294967296;
  };
}

/** Standard normal deviates (Box-Muller). */
function gaussians(seed: number): () => number {
  const u = uniforms(seed);
  let spare: number | undefined;
  return () => {
    if (spare !== undefined) {
      const s = spare;
      spare = undefined;
      return s;
    }
    const r = Math.sqrt(-2 * Math.log(u()));
    const theta = 2 * Math.PI * u();
    spare = r * Math.sin(theta);
    return r * Math.cos(theta);
  };
}

/** A unit-variance AR(1) series of `DAYS_PER_YEAR` days, spun up so the first day is not special. */
function ar1(next: () => number, persistence: number): Float64Array {
  const out = new Float64Array(DAYS_PER_YEAR);
  const innovation = Math.sqrt(1 - persistence * persistence);
  let e = next();
  for (let i = 0; i < 30; i++) e = persistence * e + innovation * next();
  for (let d = 0; d < DAYS_PER_YEAR; d++) {
    e = persistence * e + innovation * next();
    out[d] = e;
  }
  return out;
}

// ---------------------------------------------------------------------------------------------------------------------
// Smooth seasonal curves

/** Day (at the centre of a day, 0.5 = 1 January noon) of each month's middle. */
const MID_MONTH: readonly number[] = MONTH_DAYS.map((days, m) => MONTH_START_DAY[m] + days / 2);

/** Periodic cubic (Catmull-Rom) through 12 mid-month values, at each day's centre. */
function throughMidMonths(values: readonly number[]): Float64Array {
  const out = new Float64Array(DAYS_PER_YEAR);
  const v = (m: number) => values[((m % 12) + 12) % 12];
  for (let d = 0; d < DAYS_PER_YEAR; d++) {
    const t = d + 0.5;
    // The mid-month anchor at or before t (wrapping into December of the year before).
    let m = DAY_MONTH[d];
    if (t < MID_MONTH[m]) m -= 1;
    const start = m < 0 ? MID_MONTH[11] - DAYS_PER_YEAR : MID_MONTH[m];
    const end = m + 1 > 11 ? MID_MONTH[0] + DAYS_PER_YEAR : MID_MONTH[m + 1];
    const u = (t - start) / (end - start);
    const p0 = v(m - 1), p1 = v(m), p2 = v(m + 1), p3 = v(m + 2);
    const u2 = u * u, u3 = u2 * u;
    out[d] = 0.5 * (2 * p1 + (-p0 + p2) * u + (2 * p0 - 5 * p1 + 4 * p2 - p3) * u2 + (-p0 + 3 * p1 - 3 * p2 + p3) * u3);
  }
  return out;
}

/** A smooth daily curve whose monthly means equal `targets` (to 1e-6 K): the anchors are corrected a few times. */
export function smoothThroughMonthlyMeans(targets: readonly number[]): Float64Array {
  const anchors = [...targets];
  let curve = throughMidMonths(anchors);
  for (let iteration = 0; iteration < 12; iteration++) {
    const means = monthlyMeans(curve);
    let worst = 0;
    for (let m = 0; m < 12; m++) {
      const error = targets[m] - means[m];
      anchors[m] += error;
      worst = Math.max(worst, Math.abs(error));
    }
    curve = throughMidMonths(anchors);
    if (worst < 1e-6) break;
  }
  return curve;
}

/** Removes each month's mean of `series` (daily) smoothly, so every month of the result averages zero. */
function withoutMonthlyMeans(series: Float64Array): Float64Array {
  const correction = smoothThroughMonthlyMeans(monthlyMeans(series));
  return series.map((v, d) => v - correction[d]);
}

/** Seasonal standard deviations as a smooth daily curve (winter = Dec-Feb, spring = Mar-May, ...). */
function seasonalCurve(sd: { winter: number; spring: number; summer: number; autumn: number }): Float64Array {
  const season = [sd.winter, sd.winter, sd.spring, sd.spring, sd.spring, sd.summer, sd.summer, sd.summer, sd.autumn, sd.autumn, sd.autumn, sd.winter];
  return throughMidMonths(season).map((v) => Math.max(v, 0));
}

// ---------------------------------------------------------------------------------------------------------------------
// Diurnal shape

/**
 * Hour of the daily minimum, at the end of the hour in local standard time: sunrise to the nearest hour (declination
 * by Cooper's formula, the sunrise hour angle, and the longitude's offset from the time zone's meridian), within 3-9.
 */
function minimumHours(latitudeDeg: number, longitudeDeg: number, utcOffsetHours: number): Int32Array {
  const out = new Int32Array(DAYS_PER_YEAR);
  const phi = (latitudeDeg * Math.PI) / 180;
  const clockShift = (15 * utcOffsetHours - longitudeDeg) / 15;
  for (let d = 0; d < DAYS_PER_YEAR; d++) {
    const delta = ((23.44 * Math.PI) / 180) * Math.sin((2 * Math.PI * (284 + d + 1)) / 365);
    const cosOmega = Math.min(1, Math.max(-1, -Math.tan(phi) * Math.tan(delta)));
    const sunriseSolar = 12 - (Math.acos(cosOmega) * 180) / Math.PI / 15;
    out[d] = Math.min(9, Math.max(3, Math.round(sunriseSolar + clockShift)));
  }
  return out;
}

/** Half-cosine step from a (s = 0) to b (s = 1). */
function cosineStep(a: number, b: number, s: number): number {
  return a + (b - a) * 0.5 * (1 - Math.cos(Math.PI * s));
}

/** Hourly dry bulb from daily extremes: hour h of day d is the value at the end of the hour, t = h + 1. */
function diurnal(tMax: Float64Array, tMin: Float64Array, minHour: Int32Array): Float64Array {
  const out = new Float64Array(HOURS_PER_YEAR);
  const n = DAYS_PER_YEAR;
  for (let d = 0; d < n; d++) {
    const prev = (d + n - 1) % n;
    const next = (d + 1) % n;
    const tm = minHour[d];
    for (let h = 0; h < 24; h++) {
      const t = h + 1;
      let v: number;
      if (t <= tm) v = cosineStep(tMax[prev], tMin[d], (t - (MAX_HOUR - 24)) / (tm - (MAX_HOUR - 24)));
      else if (t <= MAX_HOUR) v = cosineStep(tMin[d], tMax[d], (t - tm) / (MAX_HOUR - tm));
      else v = cosineStep(tMax[d], tMin[next], (t - MAX_HOUR) / (24 + minHour[next] - MAX_HOUR));
      out[d * 24 + h] = v;
    }
  }
  return out;
}

/** Each day's highest and lowest hour. */
function dailyExtremes(hours: Float64Array): { max: Float64Array; min: Float64Array } {
  const max = new Float64Array(DAYS_PER_YEAR);
  const min = new Float64Array(DAYS_PER_YEAR);
  for (let d = 0; d < DAYS_PER_YEAR; d++) {
    let hi = -Infinity;
    let lo = Infinity;
    for (let i = d * 24; i < d * 24 + 24; i++) {
      if (hours[i] > hi) hi = hours[i];
      if (hours[i] < lo) lo = hours[i];
    }
    max[d] = hi;
    min[d] = lo;
  }
  return { max, min };
}

/** Daily values (at each day's noon) interpolated linearly to the hours. */
function dailyToHourly(daily: Float64Array): Float64Array {
  const out = new Float64Array(HOURS_PER_YEAR);
  const n = DAYS_PER_YEAR;
  for (let i = 0; i < HOURS_PER_YEAR; i++) {
    const t = (i + 1) / 24 - 0.5; // in days from the first noon
    const d0 = Math.floor(t);
    const f = t - d0;
    out[i] = (1 - f) * daily[(d0 + n) % n] + f * daily[(d0 + 1) % n];
  }
  return out;
}

// ---------------------------------------------------------------------------------------------------------------------
// Tail calibration

/** The value with exactly `count` values strictly above it (the midpoint of the sorted neighbours). */
function exceededBy(sortedDescending: Float64Array, count: number): number {
  return 0.5 * (sortedDescending[count - 1] + sortedDescending[count]);
}

/**
 * A monotone map of the upper tail so that `HOURS_ABOVE_1_PERCENT` values lie above `design1` and
 * `HOURS_ABOVE_04_PERCENT` above `design04`: piecewise linear through (x5, x5), (x1, design1), (x04, design04) where
 * x5, x1, x04 are the series' own values exceeded 5 %, 1 % and 0.4 % of the time, slope 1 above x04, identity below x5.
 * When the series' 5 % value is above design1 the lower anchor moves down (to the 10 %, then 20 % value) so the map
 * stays monotone. When even that fails the normals contradict the design values: the failure says which 1 % values
 * the normals allow (a year that silently missed its design hours would pass rules it should fail).
 */
function calibrateTail(series: Float64Array, design1: number, design04: number): Float64Array | TailProblem {
  const sorted = Float64Array.from(series).sort().reverse();
  const x04 = exceededBy(sorted, HOURS_ABOVE_04_PERCENT);
  const x1 = exceededBy(sorted, HOURS_ABOVE_1_PERCENT);
  // Lower anchors to try: the values exceeded 5 %, 10 % and 20 % of the time.
  const anchors = [0.05, 0.1, 0.2].map((share) => exceededBy(sorted, Math.round(share * HOURS_PER_YEAR)));
  const lower = anchors.find((x) => x < design1 - 0.05 && x < x1);
  if (lower === undefined || !(x1 < x04) || !(design1 < design04)) return { lowest1PercentC: anchors[2] + 0.05 };
  const map = (v: number): number => {
    if (v <= lower) return v;
    if (v <= x1) return lower + ((v - lower) * (design1 - lower)) / (x1 - lower);
    if (v <= x04) return design1 + ((v - x1) * (design04 - design1)) / (x04 - x1);
    return design04 + (v - x04);
  };
  return series.map(map);
}

/** Why a tail could not be mapped: the 1 % design value must lie above this (the year's 20 %-exceedance value from the normals). */
interface TailProblem {
  lowest1PercentC: number;
}

/**
 * Hours above each design value may differ from the 35 h (0.4 %) and 88 h (1 %) the definitions imply by at most this
 * share (the map lands on them exactly; only the wet bulb's cap at the dry bulb can move them, in very dry hours).
 */
export const DESIGN_HOURS_TOLERANCE = 0.25;

function hoursAbove(series: Float64Array, value: number): number {
  let n = 0;
  for (let i = 0; i < series.length; i++) if (series[i] > value) n++;
  return n;
}

/** The climate's problems with a mapped tail: a design value the year lands too few or too many hours above. */
function designHourProblems(series: Float64Array, checks: readonly { field: string; value: number; hours: number }[]): InputProblem[] {
  return checks.flatMap(({ field, value, hours }) => {
    const found = hoursAbove(series, value);
    if (Math.abs(found - hours) <= DESIGN_HOURS_TOLERANCE * hours) return [];
    return [{ field, value, allowed: `a design value the normals agree with: the generated year has ${found} h above it, not about ${hours} h (±${DESIGN_HOURS_TOLERANCE * 100} %)` }];
  });
}

/** The problem of a 1 % design value (with its 0.4 % one) that the climate's normals cannot reach. */
function tailProblem(field1: string, design1: number, field04: string, design04: number, problem: TailProblem): InputProblem {
  const above = show(problem.lowest1PercentC);
  return design1 < design04
    ? { field: field1, value: design1, allowed: `above ${above} °C, the value the year generated from the normals exceeds 20 % of the time (and below ${field04}, ${show(design04)} °C): a 1 % design value is exceeded only 88 h a year` }
    : { field: field1, value: design1, allowed: `below ${field04} (${show(design04)} °C): the 1 % value is exceeded more often than the 0.4 % one, so it is lower` };
}

// ---------------------------------------------------------------------------------------------------------------------
// The year

function generate(c: HourlyClimateSpec): WeatherYear {
  const { normals, variability, location } = c;
  const gauss = gaussians(hashString(`aicluster-weather:${c.id}`));
  const phi = variability.persistence;

  // 1-2. Daily extremes: smooth normals plus anomalies whose monthly means are zero.
  const baseMax = smoothThroughMonthlyMeans(normals.dailyMaxC);
  const baseMin = smoothThroughMonthlyMeans(normals.dailyMinC);
  const sdT = seasonalCurve(variability.dryBulbSdK);
  const eT = ar1(gauss, phi);
  const eRange = ar1(gauss, phi);
  const eDewOwn = ar1(gauss, phi);
  const shared = eT.map((e, d) => e * sdT[d]);
  const range = eRange.map((e, d) => e * RANGE_SD_SHARE * Math.max(baseMax[d] - baseMin[d], 0));
  let tMax = withoutMonthlyMeans(shared.map((a, d) => a + 0.5 * range[d])).map((a, d) => baseMax[d] + a);
  let tMin = withoutMonthlyMeans(shared.map((a, d) => a - 0.5 * range[d])).map((a, d) => baseMin[d] + a);
  // A day's range of at least 1 K (the range anomaly can otherwise cross the extremes on a few days).
  tMin = tMin.map((v, d) => Math.min(v, tMax[d] - 1));
  tMax = tMax.map((v, d) => Math.max(v, tMin[d] + 1));

  // 3 and 5a. Hours, their dry-bulb tail mapped onto the design dry bulbs. The map lifts (or lowers) the hottest hours,
  // which moves a hot month's mean daily maximum; the daily extremes are corrected by that month's error and the hours
  // made again. The map is rank-based, so a correction can move the tail from one hot month to the next and the
  // error can oscillate between them: the correction is damped after the first step and the best year is kept.
  const minHour = minimumHours(location.latitudeDeg, location.longitudeDeg, location.utcOffsetHours);
  let best: { dryBulb: Float64Array; errorK: number } = { dryBulb: new Float64Array(0), errorK: Infinity };
  for (let iteration = 0; iteration < TAIL_ITERATIONS; iteration++) {
    const dryBulb = calibrateTail(diurnal(tMax, tMin, minHour), c.designDryBulb1C, c.designDryBulbC);
    if (!(dryBulb instanceof Float64Array)) {
      // A correction pass that makes the tail unmappable ends the passes; the first pass failing is the climate's fault.
      if (iteration > 0) break;
      throw new WeatherInputError(c.id, [tailProblem("designDryBulb1C", c.designDryBulb1C, "designDryBulbC", c.designDryBulbC, dryBulb)]);
    }
    const { max, min } = dailyExtremes(dryBulb);
    const maxErrorByMonth = monthlyMeans(max).map((v, m) => v - normals.dailyMaxC[m]);
    const minErrorByMonth = monthlyMeans(min).map((v, m) => v - normals.dailyMinC[m]);
    const errorK = Math.max(...maxErrorByMonth.map(Math.abs), ...minErrorByMonth.map(Math.abs));
    if (errorK < best.errorK) best = { dryBulb, errorK };
    if (errorK < TAIL_CONVERGED_K) break;
    const step = iteration === 0 ? 1 : TAIL_DAMPING;
    const maxError = smoothThroughMonthlyMeans(maxErrorByMonth.map((e) => step * e));
    const minError = smoothThroughMonthlyMeans(minErrorByMonth.map((e) => step * e));
    tMax = tMax.map((v, d) => v - maxError[d]);
    tMin = tMin.map((v, d) => Math.min(v - minError[d], tMax[d] - 1));
  }
  const dryBulb = best.dryBulb;

  // 4. Dew point: its own anomaly, capped at the dry bulb, monthly means corrected for the cap.
  const sdDew = seasonalCurve(variability.dewPointSdK);
  const rho = DEW_TEMPERATURE_CORRELATION;
  const dewAnomaly = withoutMonthlyMeans(eT.map((e, d) => sdDew[d] * (rho * e + Math.sqrt(1 - rho * rho) * eDewOwn[d])));
  let targets = [...normals.dewPointC];
  let dewPoint = new Float64Array(HOURS_PER_YEAR);
  for (let iteration = 0; iteration < 4; iteration++) {
    const base = smoothThroughMonthlyMeans(targets);
    const hourly = dailyToHourly(base.map((v, d) => v + dewAnomaly[d]));
    dewPoint = hourly.map((v, i) => Math.min(v, dryBulb[i]));
    const means = monthlyMeans(dewPoint);
    targets = targets.map((t, m) => t + (normals.dewPointC[m] - means[m]));
  }

  // 5b. Wet bulb at the site's pressure, its tail against the evaporation design wet bulbs.
  const pressureKpa = pressureKpaAtElevation(location.elevationM);
  const rawWetBulb = dryBulb.map((db, i) => wetBulbUnchecked(db, dewPoint[i], pressureKpa));
  const mapped = calibrateTail(rawWetBulb, c.designWetBulb1C, c.designWetBulbC);
  if (!(mapped instanceof Float64Array)) throw new WeatherInputError(c.id, [tailProblem("designWetBulb1C", c.designWetBulb1C, "designWetBulbC", c.designWetBulbC, mapped)]);
  const wetBulb = new Float64Array(HOURS_PER_YEAR);
  for (let i = 0; i < HOURS_PER_YEAR; i++) {
    const wb = Math.min(mapped[i], dryBulb[i]);
    wetBulb[i] = wb;
    if (wb !== rawWetBulb[i]) dewPoint[i] = Math.min(dewPointFromWetBulbUnchecked(dryBulb[i], wb, pressureKpa), dryBulb[i]);
  }

  const problems = designHourProblems(dryBulb, [
    { field: "designDryBulbC", value: c.designDryBulbC, hours: HOURS_ABOVE_04_PERCENT },
    { field: "designDryBulb1C", value: c.designDryBulb1C, hours: HOURS_ABOVE_1_PERCENT },
  ]).concat(designHourProblems(wetBulb, [
    { field: "designWetBulbC", value: c.designWetBulbC, hours: HOURS_ABOVE_04_PERCENT },
    { field: "designWetBulb1C", value: c.designWetBulb1C, hours: HOURS_ABOVE_1_PERCENT },
  ]));
  if (problems.length > 0) throw new WeatherInputError(c.id, problems);

  return { origin: `generated from climate "${c.id}"`, location: { ...location }, dryBulbC: dryBulb, wetBulbC: wetBulb, dewPointC: dewPoint };
}


/** weatherYearOf without the memo: a fresh year every call (for tests and benchmarks). */
export function generateWeatherYear(climate: HourlyClimateSpec): WeatherYear {
  return generate(climate);
}

const MEMO_LIMIT = 64;
const memo = new Map<string, WeatherYear>();

/**
 * The hourly weather year of a climate: 8,760 hours from 1 January 00:00 local standard time. Deterministic (seeded by
 * the climate id) and memoized by the climate's content, so identical halls share one year: treat the arrays as
 * read-only. Fails with a WeatherInputError naming the missing fields for a climate without normals, variability,
 * location or 1 % design values.
 */
export function weatherYearOf(climate: ClimateSpec): WeatherYear {
  const key = JSON.stringify(climate);
  const cached = memo.get(key);
  if (cached) return cached;
  if (!hasHourlyInputs(climate)) {
    const missing = (["location", "normals", "variability", "designDryBulb1C", "designWetBulb1C"] as const).filter((f) => climate[f] === undefined);
    throw new WeatherInputError(
      climate.id,
      missing.map((field) => ({ field, value: undefined, allowed: "given: the hourly weather year is generated from location, normals, variability and the 1 % design values (or read an EPW file with readEpwFile)" })),
    );
  }
  const year = generateWeatherYear(climate);
  if (memo.size >= MEMO_LIMIT) memo.delete(memo.keys().next().value!);
  memo.set(key, year);
  return year;
}
