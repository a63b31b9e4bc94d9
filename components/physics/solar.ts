/**
 * Solar geometry and an hourly solar generation profile.
 *
 * Geometry: the NOAA Global Monitoring Laboratory's "General Solar Position Calculations" (the formulas behind the
 * NOAA Solar Calculator), which take the equation of time and the declination from the Fourier series of
 * J. W. Spencer, "Fourier series representation of the position of the sun", Search 2(5), 172 (1971):
 *   fractional year  γ = 2π/365 × (dayOfYear − 1 + (hourUtc − 12)/24)                       (rad)
 *   equation of time = 229.18 × (0.000075 + 0.001868 cos γ − 0.032077 sin γ − 0.014615 cos 2γ − 0.040849 sin 2γ)   (min)
 *   declination δ    = 0.006918 − 0.399912 cos γ + 0.070257 sin γ − 0.006758 cos 2γ + 0.000907 sin 2γ
 *                      − 0.002697 cos 3γ + 0.00148 sin 3γ                                    (rad)
 *   true solar time  = local standard clock minutes + equation of time + 4 × longitude − 60 × utcOffset   (min)
 *   hour angle ω     = true solar time / 4 − 180                                             (deg)
 *   cos(zenith)      = sin φ sin δ + cos φ cos δ cos ω;  elevation = 90° − zenith
 * No atmospheric refraction (it lifts the sun by about 0.5° at the horizon; NOAA adds it for sunrise times only).
 * Accuracy of the series is about 0.03° in declination and a few seconds in the equation of time, far below the
 * hour resolution used here.
 *
 * Profile shape (an assumption, documented): a single-axis tracker turns its modules toward the sun through the day,
 * so its output rises faster after sunrise and stays nearer its noon value than a fixed panel's (a horizontal fixed
 * panel follows cos(zenith) = sin(elevation)). We take the clear-sky shape of each hour as
 *   shape = sin(elevation)^k,  k = SOLAR_TRACKING_EXPONENT = 0.5,
 * evaluated at the middle of the hour (sun below the horizon: 0). k = 0.5 puts the output at 30° elevation at 71 % of
 * the output with the sun overhead (a fixed horizontal panel: 50 %), the flat-topped day of a tracking plant. The
 * shape is then scaled so its annual mean equals the plant's capacity factor (which carries the clouds, losses and
 * inverter loading of the real plant: an expected-weather profile, not a particular year's weather), clipping at the
 * nameplate (1) as an inverter does and rescaling the unclipped hours until the mean holds (fitProfileToMean).
 */
import { HOURS_PER_YEAR } from "./constants";
import { PhysicsInputError, requireFraction, requireInRange } from "./guard";

/** Where the sun is computed: the fields of weather/types SiteLocation that solar geometry reads. */
export interface SolarSite {
  /** Degrees north (negative south), -90 to 90. */
  latitudeDeg: number;
  /** Degrees east (negative west), -180 to 180. */
  longitudeDeg: number;
  /** Local standard time minus UTC, hours (-12 to 14): the clock the hours are in (no daylight saving). */
  utcOffsetHours: number;
}

/** Exponent k of the single-axis-tracking shape sin(elevation)^k (assumption, see the file comment). */
export const SOLAR_TRACKING_EXPONENT = 0.5;

/** Days in each month of a 365-day year. */
export const DAYS_PER_MONTH: readonly number[] = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

const DEG = Math.PI / 180;

/** Fractional year γ, rad (NOAA), for a day of the year (1-365) and an hour of the day in UTC (may be fractional, may leave 0-24). */
export function fractionalYearRad(dayOfYear: number, hourUtc: number): number {
  return ((2 * Math.PI) / 365) * (dayOfYear - 1 + (hourUtc - 12) / 24);
}

/** Equation of time, minutes (apparent minus mean solar time), Spencer (1971) as given by NOAA. */
export function equationOfTimeMin(gammaRad: number): number {
  const g = gammaRad;
  return 229.18 * (0.000075 + 0.001868 * Math.cos(g) - 0.032077 * Math.sin(g) - 0.014615 * Math.cos(2 * g) - 0.040849 * Math.sin(2 * g));
}

/** Solar declination, rad, Spencer (1971) as given by NOAA. */
export function declinationRad(gammaRad: number): number {
  const g = gammaRad;
  return (
    0.006918 - 0.399912 * Math.cos(g) + 0.070257 * Math.sin(g) - 0.006758 * Math.cos(2 * g) + 0.000907 * Math.sin(2 * g) -
    0.002697 * Math.cos(3 * g) + 0.00148 * Math.sin(3 * g)
  );
}

/** Hour angle, degrees (0 at solar noon, negative in the morning), at a local standard clock time (hours after midnight). */
export function hourAngleDeg(localClockHours: number, longitudeDeg: number, utcOffsetHours: number, equationOfTimeMinutes: number): number {
  const trueSolarMin = localClockHours * 60 + equationOfTimeMinutes + 4 * longitudeDeg - 60 * utcOffsetHours;
  return trueSolarMin / 4 - 180;
}

/** Solar elevation above the horizon, degrees (negative below it; no refraction), from latitude, declination and hour angle. */
export function elevationDeg(latitudeDeg: number, declination: number, hourAngle: number): number {
  const lat = latitudeDeg * DEG;
  const cosZenith = Math.sin(lat) * Math.sin(declination) + Math.cos(lat) * Math.cos(declination) * Math.cos(hourAngle * DEG);
  return 90 - Math.acos(Math.min(1, Math.max(-1, cosZenith))) / DEG;
}

/** Sun elevation, degrees, at a local standard time: day of the year 1-365 and hours after local midnight (fractional). */
export function solarElevationDeg(site: SolarSite, dayOfYear: number, localClockHours: number): number {
  const gamma = fractionalYearRad(dayOfYear, localClockHours - site.utcOffsetHours);
  const eot = equationOfTimeMin(gamma);
  return elevationDeg(site.latitudeDeg, declinationRad(gamma), hourAngleDeg(localClockHours, site.longitudeDeg, site.utcOffsetHours, eot));
}

function checkSite(site: SolarSite): void {
  requireInRange("location.latitudeDeg", site.latitudeDeg, -90, 90);
  requireInRange("location.longitudeDeg", site.longitudeDeg, -180, 180);
  requireInRange("location.utcOffsetHours", site.utcOffsetHours, -12, 14);
}

/** Bounded memo: the oldest entry goes first once full (property tests call with many sites). */
class Memo<V> {
  private readonly map = new Map<string, V>();
  constructor(private readonly limit: number) {}
  get(key: string, make: () => V): V {
    const hit = this.map.get(key);
    if (hit !== undefined) return hit;
    const value = make();
    if (this.map.size >= this.limit) this.map.delete(this.map.keys().next().value as string);
    this.map.set(key, value);
    return value;
  }
}

const elevationMemo = new Memo<Float64Array>(32);
const profileMemo = new Memo<Float64Array>(64);

function siteKey(site: SolarSite): string {
  return `${site.latitudeDeg},${site.longitudeDeg},${site.utcOffsetHours}`;
}

/**
 * Sun elevation, degrees, at the middle of each of the 8,760 hours of a 365-day year in local standard time (hour 0 =
 * 1 January 00:00-01:00, elevation at 00:30). Memoized per site; the returned array is shared: do not modify it.
 */
export function hourlySolarElevationDeg(site: SolarSite): Float64Array {
  checkSite(site);
  return elevationMemo.get(siteKey(site), () => {
    const out = new Float64Array(HOURS_PER_YEAR);
    for (let h = 0; h < HOURS_PER_YEAR; h++) {
      const day = Math.floor(h / 24) + 1;
      out[h] = solarElevationDeg(site, day, (h % 24) + 0.5);
    }
    return out;
  });
}

/** The clear-sky tracking shape of one hour: sin(elevation)^k above the horizon, 0 below (see the file comment). */
export function solarShape(elevation: number): number {
  return elevation > 0 ? Math.pow(Math.sin(elevation * DEG), SOLAR_TRACKING_EXPONENT) : 0;
}

/**
 * Scale a non-negative shape so its mean over its length is `mean`, each value clipped at 1: finds the scale s with
 * Σ min(1, s × shape) = mean × n exactly (the hours clipped at 1 are the largest shapes; the rest share what is left
 * in proportion to their shape). `what` names the quantity in the error when the mean is unreachable (more than the
 * share of hours with a positive shape). Returns a new array.
 */
export function fitProfileToMean(shape: Float64Array, mean: number, what: string): Float64Array {
  requireFraction(what, mean);
  const n = shape.length;
  const out = new Float64Array(n);
  if (mean === 0 || n === 0) return out;
  const positive: number[] = [];
  for (let i = 0; i < n; i++) {
    const v = shape[i];
    if (!(v >= 0) || !Number.isFinite(v)) throw new PhysicsInputError(`${what} shape[${i}]`, v, "a finite number >= 0");
    if (v > 0) positive.push(v);
  }
  const target = mean * n;
  if (target > positive.length) {
    throw new PhysicsInputError(what, mean, `at most ${positive.length / n} (the share of hours that can generate at all: ${positive.length} of ${n})`);
  }
  if (target === positive.length) {
    for (let i = 0; i < n; i++) out[i] = shape[i] > 0 ? 1 : 0;
    return out;
  }
  // Descending; with j hours clipped, s = (target − j) / Σ(rest); the right j has s × sorted[j] ≤ 1 < s × sorted[j−1].
  const sorted = Float64Array.from(positive).sort().reverse();
  const suffix = new Float64Array(sorted.length + 1);
  for (let i = sorted.length - 1; i >= 0; i--) suffix[i] = suffix[i + 1] + sorted[i];
  let scale = 0;
  for (let j = 0; j < sorted.length; j++) {
    const s = (target - j) / suffix[j];
    if (s * sorted[j] <= 1) {
      scale = s;
      break;
    }
  }
  for (let i = 0; i < n; i++) out[i] = Math.min(1, scale * shape[i]);
  // Remove the float residue of the sum (a few ulps) from the unclipped hours so the mean is exact to ~1e-15.
  let sum = 0;
  for (let i = 0; i < n; i++) sum += out[i];
  const free = sum - countClipped(out);
  if (free > 0) {
    const fix = (target - countClipped(out)) / free;
    for (let i = 0; i < n; i++) if (out[i] > 0 && out[i] < 1) out[i] = Math.min(1, out[i] * fix);
  }
  return out;
}

function countClipped(values: Float64Array): number {
  let c = 0;
  for (let i = 0; i < values.length; i++) if (values[i] === 1) c++;
  return c;
}

/**
 * Hours of the year in which a tracking plant at the site can generate at all (the sun above the horizon at
 * mid-hour): a solar capacity factor is at most this count / 8,760 (about 0.5 anywhere off the poles).
 */
export function solarGeneratingHours(location: SolarSite): number {
  const elevation = hourlySolarElevationDeg(location);
  let n = 0;
  for (let h = 0; h < HOURS_PER_YEAR; h++) if (solarShape(elevation[h]) > 0) n++;
  return n;
}

/** The shared (memoized) profile; hourly dispatch reads it without copying. Do not modify the returned array. */
export function solarProfileShared(location: SolarSite, capacityFactor: number): Float64Array {
  checkSite(location);
  requireFraction("capacityFactor", capacityFactor);
  return profileMemo.get(`${siteKey(location)}|${capacityFactor}`, () => {
    const elevation = hourlySolarElevationDeg(location);
    const shape = new Float64Array(HOURS_PER_YEAR);
    for (let h = 0; h < HOURS_PER_YEAR; h++) shape[h] = solarShape(elevation[h]);
    return fitProfileToMean(shape, capacityFactor, "capacityFactor");
  });
}

/**
 * Hourly output of a single-axis-tracking solar plant, fraction of nameplate, for the 8,760 hours of a 365-day year
 * in local standard time at the site: 0 with the sun below the horizon at mid-hour, at most 1, mean = capacityFactor
 * (to ~1e-15). Throws PhysicsInputError for a site out of range, a capacity factor outside [0, 1], or one the site's
 * daylight cannot reach. Memoized per (site, capacity factor); returns a copy the caller may modify.
 */
export function solarProfile(location: SolarSite, capacityFactor: number): Float64Array {
  return solarProfileShared(location, capacityFactor).slice();
}
