/**
 * A deterministic hourly weather year from a compact climate description (monthly normals, day-to-day variability,
 * ASHRAE design values). Method:
 * 1. Daily maximum and minimum follow a smooth periodic curve through the monthly normals (cubic through mid-month
 *    anchors, the anchors adjusted until each month's mean equals its normal).
 * 2. Day-to-day weather is a lag-one autoregressive (AR(1)) anomaly with the climate's persistence and seasonal
 *    standard deviation, shared by the maximum and minimum, plus a smaller anomaly of the daily range; each month's
 *    mean anomaly is removed by the same smooth curve, so the monthly normals hold exactly before step 5 (which then
 *    corrects the daily extremes for what its tail map moved).
 * 3. The hours follow Parton and Logan's diurnal model (1981): a sine from the minimum, just before sunrise, peaking
 *    1.86 h after solar noon, then an exponential decay from sunset to the next minimum (sunrise and sunset from the
 *    site's latitude and longitude, in local standard time).
 * 4. The dew point follows its monthly normals with its own AR(1) anomaly (partly correlated with the temperature's),
 *    interpolated between days, never above the dry bulb; its monthly means are corrected after that cap and after
 *    step 5's wet-bulb map.
 * 5. The upper tails are calibrated to the design values: a monotone piecewise-linear map of the warmest 20 % of the
 *    hours puts 35 h (0.4 % of 8,760) above the 0.4 % dry bulb and 88 h (1 %) above the 1 % dry bulb; the wet bulb
 *    (from dry bulb, dew point and the pressure at the site's elevation) is mapped the same way against the evaporation
 *    design wet bulbs, kept at most the dry bulb, and the dew point of the mapped hours recomputed so the three stay
 *    consistent.
 * Checked against real years: test/realWeather.test.ts generates the twin of five NREL TMY3 stations (every input
 * measured on the station's own files) and compares the hours above 32 °C, the humid hours and two halls' water and
 * missed hours with the real year's.
 * Seeded from the climate's weatherSeed, else its id (no Math.random); memoized per climate content.
 */
import { hasHourlyInputs, type ClimateSpec, type HourlyClimateSpec } from "../catalog/climateSchema";
import { dewPointFromWetBulbUnchecked, pressureKpaAtElevation, wetBulbUnchecked } from "../physics/psychrometrics";
import { DAY_MONTH, DAYS_PER_YEAR, HOURS_PER_YEAR, MONTH_DAYS, MONTH_START_DAY, monthlyMeans } from "./calendar";
import type { InputProblem } from "../catalog/issues";
import { show } from "../format/numbers";
import { WeatherInputError } from "./errors";
import type { WeatherYear } from "./types";
import { ValueMemo } from "../memo";
import { hashString, uniforms } from "../random";

/** Hours above the 0.4 % design values in a year of 8,760 hours: 35. */
export const HOURS_ABOVE_04_PERCENT = Math.round(0.004 * HOURS_PER_YEAR); // 35
/** Hours above the 1 % design values in a year of 8,760 hours: 88. */
export const HOURS_ABOVE_1_PERCENT = Math.round(0.01 * HOURS_PER_YEAR); // 88

/**
 * Correlation of the dew-point anomaly with the temperature anomaly (assumption: warm spells are mostly humid ones in
 * the humid climates modelled here; 0.5).
 */
const DEW_TEMPERATURE_CORRELATION = 0.5;
/** Passes of the daily-extreme correction around the tail map, at most (each is about 2 ms). */
const TAIL_ITERATIONS = 8;
/** Passes of the dew point's monthly correction for the cap at the dry bulb (each cheap: no wet bulb). */
const CAP_ITERATIONS = 4;
/** The wet-bulb map's effect on the dew point is estimated on every this-many hours (prime to 24). */
const DEW_ESTIMATE_STRIDE = 5;
/** Share of a month's error corrected per pass after the first (a rank-based tail map can make full steps oscillate; 0.5 converged too slowly once the map reached down to the 20 % value, 0.8 settles within the passes). */
const TAIL_DAMPING = 0.8;
/** Stop early once every month's mean daily extreme is within this of its normal, K. */
const TAIL_CONVERGED_K = 0.02;
/** Standard deviation of the daily-range anomaly as a share of the normal range (assumption: cloudy and clear days, 0.2). */
const RANGE_SD_SHARE = 0.2;

// ---------------------------------------------------------------------------------------------------------------------
// Deterministic random numbers

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
 * Parton and Logan's diurnal air temperature model (W. J. Parton, J. A. Logan, "A model for diurnal variation in soil
 * and air temperature", Agricultural Meteorology 23 (1981) 205-216, doi:10.1016/0002-1571(81)90105-9), with its
 * coefficients for air at 150 cm: the maximum 1.86 h after solar noon (a), the minimum 0.17 h before sunrise (c), and
 * the night's exponential decay 2.20 (b).
 */
const PL_MAX_LAG_H = 1.86;
const PL_MIN_LAG_H = -0.17;
const PL_NIGHT_DECAY = 2.2;
/** Day length is held within these, h: the model needs a night and a day (beyond the polar circles one of them vanishes). */
const MIN_DAY_LENGTH_H = 6;
const MAX_DAY_LENGTH_H = 18;

/** Each day's sunrise and sunset in local standard time, h (declination by Cooper's formula, the longitude's offset from the zone's meridian). */
function sunTimes(latitudeDeg: number, longitudeDeg: number, utcOffsetHours: number): { sunrise: Float64Array; sunset: Float64Array } {
  const sunrise = new Float64Array(DAYS_PER_YEAR);
  const sunset = new Float64Array(DAYS_PER_YEAR);
  const phi = (latitudeDeg * Math.PI) / 180;
  const clockShift = (15 * utcOffsetHours - longitudeDeg) / 15;
  for (let d = 0; d < DAYS_PER_YEAR; d++) {
    const delta = ((23.44 * Math.PI) / 180) * Math.sin((2 * Math.PI * (284 + d + 1)) / 365);
    const cosOmega = Math.min(1, Math.max(-1, -Math.tan(phi) * Math.tan(delta)));
    const halfDay = Math.min(MAX_DAY_LENGTH_H, Math.max(MIN_DAY_LENGTH_H, (2 * Math.acos(cosOmega) * 180) / Math.PI / 15)) / 2;
    sunrise[d] = 12 - halfDay + clockShift;
    sunset[d] = 12 + halfDay + clockShift;
  }
  return { sunrise, sunset };
}

/**
 * Hourly dry bulb from daily extremes: hour h of day d is the value at the end of the hour, t = h + 1 (local standard
 * time), by Parton and Logan's model. By day (from the minimum, just before sunrise, to sunset) a sine whose peak lies
 * 1.86 h after solar noon: the air warms from sunrise, fastest in the morning, and stays near its maximum from late
 * morning to mid-afternoon; after sunset it cools exponentially toward the next day's minimum, fast at first.
 * The previous shape, a half-cosine from a sunrise minimum to a 15:00 maximum and another down to the next sunrise,
 * rose too late and fell too slowly: against the TMY3 summers of Chicago, Dulles and Tampa it was about 2 h late in
 * the morning (too cool, with too low a wet bulb) and about 2 K too warm at 20:00 (too many hours near the day's
 * maximum, where the hours above 32 °C are).
 */
function diurnal(tMax: Float64Array, tMin: Float64Array, shape: DiurnalShape): Float64Array {
  const out = new Float64Array(HOURS_PER_YEAR);
  const n = DAYS_PER_YEAR;
  for (let i = 0; i < HOURS_PER_YEAR; i++) {
    const d = Math.floor(i / 24);
    const w = shape.weight[i];
    if (shape.kind[i] === DAYTIME) {
      out[i] = tMin[d] + (tMax[d] - tMin[d]) * w;
    } else {
      // The night after day `from`'s sunset, toward the next day's minimum.
      const from = shape.kind[i] === NIGHT_BEFORE ? (d + n - 1) % n : d;
      const to = (from + 1) % n;
      const atSunset = tMin[from] + (tMax[from] - tMin[from]) * shape.sunsetFraction[from];
      out[i] = tMin[to] + (atSunset - tMin[to]) * w;
    }
  }
  return out;
}

const DAYTIME = 0;
/** An hour before the day's minimum: the night after the previous day's sunset. */
const NIGHT_BEFORE = 1;
/** An hour after the day's sunset. */
const NIGHT_AFTER = 2;

/**
 * Where each hour lies in Parton and Logan's day, which depends only on the sun (so it is computed once per climate):
 * by day, the share of the day's range above its minimum; by night, the share of the sunset's excess over the next
 * minimum still left; and each day's sunset temperature as a share of its range.
 */
interface DiurnalShape {
  kind: Uint8Array;
  weight: Float64Array;
  sunsetFraction: Float64Array;
}

function diurnalShape(sun: { sunrise: Float64Array; sunset: Float64Array }): DiurnalShape {
  const n = DAYS_PER_YEAR;
  const kind = new Uint8Array(HOURS_PER_YEAR);
  const weight = new Float64Array(HOURS_PER_YEAR);
  const sunsetFraction = new Float64Array(n);
  const decayEnd = Math.exp(-PL_NIGHT_DECAY);
  /** By day: the sine of the hours since the minimum, over the day length plus twice the maximum's lag. */
  const dayShare = (d: number, t: number): number =>
    Math.sin((Math.PI * (t - (sun.sunrise[d] + PL_MIN_LAG_H))) / (sun.sunset[d] - sun.sunrise[d] + 2 * PL_MAX_LAG_H));
  /** By night, `hours` after day d's sunset: the exponential decay, displaced so it ends on the next minimum (the original form leaves e^-b of the sunset excess). */
  const nightShare = (d: number, hours: number): number => {
    const length = 24 + sun.sunrise[(d + 1) % n] + PL_MIN_LAG_H - sun.sunset[d];
    return (Math.exp((-PL_NIGHT_DECAY * hours) / length) - decayEnd) / (1 - decayEnd);
  };
  for (let d = 0; d < n; d++) sunsetFraction[d] = dayShare(d, sun.sunset[d]);
  for (let d = 0; d < n; d++) {
    const prev = (d + n - 1) % n;
    for (let h = 0; h < 24; h++) {
      const t = h + 1;
      const i = d * 24 + h;
      if (t < sun.sunrise[d] + PL_MIN_LAG_H) {
        kind[i] = NIGHT_BEFORE;
        weight[i] = nightShare(prev, t + 24 - sun.sunset[prev]);
      } else if (t <= sun.sunset[d]) {
        kind[i] = DAYTIME;
        weight[i] = dayShare(d, t);
      } else {
        kind[i] = NIGHT_AFTER;
        weight[i] = nightShare(d, t - sun.sunset[d]);
      }
    }
  }
  return { kind, weight, sunsetFraction };
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

/** Share of the year above the map's lower anchor: the value exceeded 20 % of the time (1,752 h). */
const TAIL_ANCHOR_SHARE = 0.2;

/**
 * A monotone map of the upper tail so that `HOURS_ABOVE_1_PERCENT` values lie above `design1` and
 * `HOURS_ABOVE_04_PERCENT` above `design04`: piecewise linear through (x20, x20), (x1, design1), (x04, design04) where
 * x20, x1, x04 are the series' own values exceeded 20 %, 1 % and 0.4 % of the time, slope 1 above x04, identity below
 * x20. The lower anchor is the 20 % value, not the 5 % one it was: where the normals' year is too hot or too cold at
 * its 1 % value, its whole warm season is (the day-to-day spread the normals imply is off for the hot months), and a
 * map from the 5 % value crammed the correction into the top 5 % of the hours. At Tampa (TMY3 normals, 1 % value
 * 33.0 °C) the year's own 1 % value was 1.5 K too hot, and compressing 438 h into 0.55 K below 33.0 °C put 549 h above
 * 32 °C where the real year has 276; at Chicago the humid hours below the 1 % wet bulb were too few for the opposite
 * reason. A map from the 20 % value spreads the same correction over the warm season's hours.
 * When the series' 20 % value is not below design1 the normals contradict the design values: the failure says which 1 %
 * values the normals allow (a year that silently missed its design hours would pass rules it should fail).
 */
function calibrateTail(series: Float64Array, design1: number, design04: number): Float64Array | TailProblem {
  const sorted = Float64Array.from(series).sort().reverse();
  // Counts for a whole year (35, 88 and 1,752 of 8,760 h), scaled for a sample of its hours.
  const count = (hours: number) => Math.max(1, Math.round((hours * series.length) / HOURS_PER_YEAR));
  const x04 = exceededBy(sorted, count(HOURS_ABOVE_04_PERCENT));
  const x1 = exceededBy(sorted, count(HOURS_ABOVE_1_PERCENT));
  const lower = exceededBy(sorted, count(TAIL_ANCHOR_SHARE * HOURS_PER_YEAR));
  if (!(lower < design1 - 0.05 && lower < x1) || !(x1 < x04) || !(design1 < design04)) return { lowest1PercentC: lower + 0.05 };
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
  const gauss = gaussians(hashString(`aicluster-weather:${c.weatherSeed ?? c.id}`));
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
  const shape = diurnalShape(sunTimes(location.latitudeDeg, location.longitudeDeg, location.utcOffsetHours));
  let best: { dryBulb: Float64Array; errorK: number } = { dryBulb: new Float64Array(0), errorK: Infinity };
  for (let iteration = 0; iteration < TAIL_ITERATIONS; iteration++) {
    const dryBulb = calibrateTail(diurnal(tMax, tMin, shape), c.designDryBulb1C, c.designDryBulbC);
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

  // 4. Dew point: its own anomaly, capped at the dry bulb.
  const sdDew = seasonalCurve(variability.dewPointSdK);
  const rho = DEW_TEMPERATURE_CORRELATION;
  const dewAnomaly = withoutMonthlyMeans(eT.map((e, d) => sdDew[d] * (rho * e + Math.sqrt(1 - rho * rho) * eDewOwn[d])));
  // 5b. Wet bulb at the site's pressure, its tail against the evaporation design wet bulbs, the dew point of the
  // mapped hours recomputed. The map moves the dew point of every hour above the 20 % wet bulb (up where the normals'
  // humid hours are too few), so the dew point's monthly means are corrected for the cap and for the map.
  const pressureKpa = pressureKpaAtElevation(location.elevationM);
  let targets = [...normals.dewPointC];
  // What the capped dew point's monthly means aim at before the map: the normals, less what the map then adds.
  let goal = [...normals.dewPointC];
  /** The dew point from monthly targets, capped at the dry bulb, the targets first corrected for the cap (cheap: no wet bulb). */
  const cappedDewPoint = (): Float64Array => {
    let dew: Float64Array = new Float64Array(HOURS_PER_YEAR);
    for (let iteration = 0; iteration < CAP_ITERATIONS; iteration++) {
      const base = smoothThroughMonthlyMeans(targets);
      dew = dailyToHourly(base.map((v, d) => v + dewAnomaly[d])).map((v, i) => Math.min(v, dryBulb[i]));
      if (iteration < CAP_ITERATIONS - 1) {
        const means = monthlyMeans(dew);
        targets = targets.map((t, m) => t + (goal[m] - means[m]));
      }
    }
    return dew;
  };
  /** The wet bulb of the given hours, its tail mapped, and the dew point those hours then have. */
  const mapWetBulb = (dew: Float64Array, hours: Int32Array) => {
    const raw = Float64Array.from(hours, (i) => wetBulbUnchecked(dryBulb[i], dew[i], pressureKpa));
    const mapped = calibrateTail(raw, c.designWetBulb1C, c.designWetBulbC);
    if (!(mapped instanceof Float64Array)) return mapped;
    const wet = new Float64Array(hours.length);
    const mappedDew = Float64Array.from(hours, (i) => dew[i]);
    hours.forEach((i, k) => {
      const wb = Math.min(mapped[k], dryBulb[i]);
      wet[k] = wb;
      if (wb !== raw[k]) mappedDew[k] = Math.min(dewPointFromWetBulbUnchecked(dryBulb[i], wb, pressureKpa), dryBulb[i]);
    });
    return { wet, mappedDew };
  };
  // First an estimate on every fifth hour (5 is prime to 24, so every hour of the day is sampled): how far the map
  // moves each month's mean dew point, which the dew point's targets then anticipate. Then the year itself: one pass of
  // 8,760 wet bulbs instead of two (each is most of a year's generation time).
  const sample = Int32Array.from({ length: Math.ceil(HOURS_PER_YEAR / DEW_ESTIMATE_STRIDE) }, (_, k) => k * DEW_ESTIMATE_STRIDE);
  const sampled = mapWetBulb(cappedDewPoint(), sample);
  if ("mappedDew" in sampled) {
    const moved = new Float64Array(12), counts = new Float64Array(12);
    const dew = cappedDewPoint();
    sample.forEach((i, k) => {
      const m = DAY_MONTH[Math.floor(i / 24)];
      moved[m] += sampled.mappedDew[k] - dew[i];
      counts[m]++;
    });
    goal = goal.map((g, m) => g - moved[m] / counts[m]);
  }
  const all = Int32Array.from({ length: HOURS_PER_YEAR }, (_, i) => i);
  const year = mapWetBulb(cappedDewPoint(), all);
  if (!("mappedDew" in year)) throw new WeatherInputError(c.id, [tailProblem("designWetBulb1C", c.designWetBulb1C, "designWetBulbC", c.designWetBulbC, year)]);
  const dewPoint = year.mappedDew;
  const wetBulb = year.wet;

  const problems = designHourProblems(dryBulb, [
    { field: "designDryBulbC", value: c.designDryBulbC, hours: HOURS_ABOVE_04_PERCENT },
    { field: "designDryBulb1C", value: c.designDryBulb1C, hours: HOURS_ABOVE_1_PERCENT },
  ]).concat(designHourProblems(wetBulb, [
    { field: "designWetBulbC", value: c.designWetBulbC, hours: HOURS_ABOVE_04_PERCENT },
    { field: "designWetBulb1C", value: c.designWetBulb1C, hours: HOURS_ABOVE_1_PERCENT },
  ]));
  if (problems.length > 0) throw new WeatherInputError(c.id, problems);

  return { origin: `generated from climate "${c.id}"${c.weatherSeed === undefined ? "" : ` (seed "${c.weatherSeed}")`}`, location: { ...location }, dryBulbC: dryBulb, wetBulbC: wetBulb, dewPointC: dewPoint };
}


/** weatherYearOf without the memo: a fresh year every call (for tests and benchmarks). */
export function generateWeatherYear(climate: HourlyClimateSpec): WeatherYear {
  return generate(climate);
}

/** Generated years by the climate's content (components/memo.ts). */
const memo = new ValueMemo<WeatherYear>();

/**
 * The hourly weather year of a climate: 8,760 hours from 1 January 00:00 local standard time. Deterministic (seeded by
 * the climate's weatherSeed, else its id) and memoized by the climate's content, so identical halls share one year: treat the arrays as
 * read-only. Fails with a WeatherInputError naming the missing fields for a climate without normals, variability,
 * location or 1 % design values.
 *
 * @example
 * ```ts
 * import { Catalog } from "pulumi-aicluster/catalog";
 * import { weatherYearOf } from "pulumi-aicluster/weather";
 *
 * const ohio = Catalog.withBuiltins().climates.get("central-ohio");
 * const year = weatherYearOf(ohio);
 * console.log(year.origin, year.dryBulbC.length); // generated from climate "central-ohio" 8760
 * // Hour 4,932 is 24 July 12:00 local standard time (205 days × 24 + 12): dry and wet bulb, °C.
 * console.log(year.dryBulbC[4932].toFixed(1), year.wetBulbC[4932].toFixed(1)); // 30.1 24.1
 * // The same climate gives the same year (the very same arrays: treat them as read-only) ...
 * console.log(weatherYearOf(ohio) === year); // true
 * // ... and the year is seeded by the climate's id: a copy under another id is another year of the same climate.
 * console.log(weatherYearOf({ ...ohio, id: "ohio-copy" }).dryBulbC[4932] === year.dryBulbC[4932]); // false
 * ```
 */
export function weatherYearOf(climate: ClimateSpec): WeatherYear {
  return memo.get(JSON.stringify(climate), () => generateOrRefuse(climate));
}

function generateOrRefuse(climate: ClimateSpec): WeatherYear {
  if (!hasHourlyInputs(climate)) {
    const missing = (["location", "normals", "variability", "designDryBulb1C", "designWetBulb1C"] as const).filter((f) => climate[f] === undefined);
    throw new WeatherInputError(
      climate.id,
      missing.map((field) => ({ field, value: undefined, allowed: "given: the hourly weather year is generated from location, normals, variability and the 1 % design values (or read an EPW file with readEpwFile)" })),
    );
  }
  return generateWeatherYear(climate);
}
