/**
 * Moist-air psychrometrics: pressure at elevation, saturation vapour pressure, wet bulb and dew point.
 *
 * Formulas from ASHRAE Handbook Fundamentals (2017/2021), chapter 1 "Psychrometrics":
 * - standard atmosphere pressure at elevation Z: p = 101.325 (1 - 2.25577e-5 Z)^5.2559 kPa (eq. 3);
 * - saturation pressure of water vapour over liquid water, Hyland and Wexler (1983) as in eq. 6, used below 0 °C too
 *   (supercooled water; Hyland and Wexler fit it from -100 °C): dew points and wet bulbs are over water, the WMO and
 *   weather-file convention;
 * - humidity ratio W = 0.621945 pw / (p - pw) (eq. 20, 22);
 * - thermodynamic wet bulb t* from the psychrometric equation over water (eq. 35), solved by false position between
 *   the dew point and the dry bulb (t* always lies between them). The ice form (eq. 37) is not used: its latent heat
 *   makes W(t*) jump down at 0 °C, so air near freezing would have two wet bulbs 0.3 K apart and a 0.05 K change of the
 *   inputs could switch between them; over water the wet bulb is smooth (and differs from the ice form by tenths of a
 *   kelvin only below 0 °C, where no cooling plant is limited by it).
 * Pure functions; inputs guarded (guard.ts).
 */
import { PhysicsInputError, requireInRange } from "./guard";

/** Standard sea-level pressure, kPa. */
export const SEA_LEVEL_PRESSURE_KPA = 101.325;
/** Ratio of the molecular masses of water vapour and dry air (ASHRAE Fundamentals ch. 1). */
const EPSILON = 0.621945;

/** Temperature range the saturation formulas cover here, °C (ASHRAE's fits hold from -100 to 200 °C). */
const T_MIN_C = -100;
const T_MAX_C = 100;

/** Standard-atmosphere pressure at an elevation (ASHRAE Fundamentals ch. 1, eq. 3), kPa; elevation -500 to 9,000 m. */
export function pressureKpaAtElevation(elevationM: number): number {
  requireInRange("elevationM", elevationM, -500, 9000);
  return SEA_LEVEL_PRESSURE_KPA * Math.pow(1 - 2.25577e-5 * elevationM, 5.2559);
}

/** Saturation vapour pressure over liquid water (eq. 6, Hyland and Wexler), kPa. Unguarded. */
function saturationKpa(tC: number): number {
  const T = tC + 273.15;
  const lnPa = -5.8002206e3 / T + 1.3914993 + T * (-4.8640239e-2 + T * (4.1764768e-5 - 1.4452093e-8 * T)) + 6.5459673 * Math.log(T);
  return Math.exp(lnPa) / 1000;
}

/** Saturation pressure of water vapour over liquid water (supercooled below 0 °C) at a temperature, kPa; -100 to 100 °C. */
export function saturationPressureKpa(temperatureC: number): number {
  requireInRange("temperatureC", temperatureC, T_MIN_C, T_MAX_C);
  return saturationKpa(temperatureC);
}

/** Humidity ratio from vapour pressure (eq. 20), kg water per kg dry air. Unguarded. */
function humidityRatio(pwKpa: number, pKpa: number): number {
  return (EPSILON * pwKpa) / (pKpa - pwKpa);
}

/** Humidity ratio of air at a wet bulb t*, dry bulb t (eq. 35, over water). Unguarded. */
function humidityRatioAtWetBulb(t: number, tStar: number, pKpa: number): number {
  const wsStar = humidityRatio(saturationKpa(tStar), pKpa);
  return ((2501 - 2.326 * tStar) * wsStar - 1.006 * (t - tStar)) / (2501 + 1.86 * t - 4.186 * tStar);
}

function guardAir(dryBulbC: number, dewPointC: number, pressureKpa: number): void {
  requireInRange("dryBulbC", dryBulbC, T_MIN_C, T_MAX_C);
  requireInRange("dewPointC", dewPointC, T_MIN_C, T_MAX_C);
  requireInRange("pressureKpa", pressureKpa, 30, 120);
  // A dew point above the dry bulb is supersaturated air: not a state the formulas describe.
  if (dewPointC > dryBulbC) throw new PhysicsInputError("dewPointC", dewPointC, `a finite number from ${T_MIN_C} to dryBulbC (${dryBulbC})`);
  if (saturationKpa(dryBulbC) >= pressureKpa) {
    throw new PhysicsInputError("dryBulbC", dryBulbC, `below the boiling point at ${pressureKpa} kPa`);
  }
}

/**
 * Thermodynamic wet-bulb temperature, °C, of air at a dry bulb and dew point (°C) and a pressure (kPa): the t* at which
 * the psychrometric equation gives the air's humidity ratio, solved on [dew point, dry bulb] to 1e-6 K (well inside the
 * 0.05 K asked of it).
 */
export function wetBulbC(dryBulbC: number, dewPointC: number, pressureKpa: number): number {
  guardAir(dryBulbC, dewPointC, pressureKpa);
  return wetBulbUnchecked(dryBulbC, dewPointC, pressureKpa);
}

/**
 * wetBulbC without the guards, for loops over already-checked hours (8,760 calls per weather year). Root of
 * W(t*) - W = 0 on [dew point, dry bulb], where it is bracketed (W(dew point) >= W, W(dry bulb) <= W), by the Illinois
 * variant of false position with a bisection every fourth step: the bracket shrinks below 1e-6 K in about six to
 * twelve evaluations.
 */
export function wetBulbUnchecked(dryBulbC: number, dewPointC: number, pressureKpa: number): number {
  const w = humidityRatio(saturationKpa(dewPointC), pressureKpa);
  let a = dewPointC;
  let b = dryBulbC;
  if (b - a < 1e-9) return dryBulbC;
  // W(t*) increases with t*: too high a t* gives more moisture than the air holds.
  let fa = humidityRatioAtWetBulb(dryBulbC, a, pressureKpa) - w;
  let fb = humidityRatioAtWetBulb(dryBulbC, b, pressureKpa) - w;
  if (fa >= 0) return a;
  if (fb <= 0) return b;
  let side = 0;
  for (let i = 0; i < 100 && b - a > 1e-6; i++) {
    // Every fourth step bisects, so the bracket shrinks even where false position converges from one side only.
    const c = i % 4 === 3 ? 0.5 * (a + b) : (a * fb - b * fa) / (fb - fa);
    const fc = humidityRatioAtWetBulb(dryBulbC, c, pressureKpa) - w;
    if (Math.abs(fc) < 1e-12) return c;
    if (fc > 0) {
      b = c;
      fb = fc;
      if (side === -1) fa /= 2;
      side = -1;
    } else {
      a = c;
      fa = fc;
      if (side === 1) fb /= 2;
      side = 1;
    }
  }
  return 0.5 * (a + b);
}

/**
 * Dew point, °C, of air at a dry bulb and wet bulb (°C) and a pressure (kPa): the humidity ratio from the psychrometric
 * equation, its vapour pressure (inverse of eq. 20), and the temperature at which that pressure saturates.
 */
export function dewPointFromWetBulbC(dryBulbC: number, wetBulbC: number, pressureKpa: number): number {
  requireInRange("dryBulbC", dryBulbC, T_MIN_C, T_MAX_C);
  requireInRange("wetBulbC", wetBulbC, T_MIN_C, dryBulbC);
  requireInRange("pressureKpa", pressureKpa, 30, 120);
  return dewPointFromWetBulbUnchecked(dryBulbC, wetBulbC, pressureKpa);
}

/** dewPointFromWetBulbC without the guards. */
export function dewPointFromWetBulbUnchecked(dryBulbC: number, wetBulbC: number, pressureKpa: number): number {
  const w = Math.max(humidityRatioAtWetBulb(dryBulbC, wetBulbC, pressureKpa), 1e-7);
  const pw = (w * pressureKpa) / (EPSILON + w);
  return dewPointOfVapourPressure(pw, wetBulbC);
}

/** Temperature (at most `upperC`) whose saturation pressure is pwKpa: bisection on [-100 °C, upperC]. Unguarded. */
function dewPointOfVapourPressure(pwKpa: number, upperC: number): number {
  let lo = T_MIN_C;
  let hi = upperC;
  if (saturationKpa(hi) <= pwKpa) return hi;
  for (let i = 0; i < 40; i++) {
    const mid = 0.5 * (lo + hi);
    if (saturationKpa(mid) > pwKpa) hi = mid;
    else lo = mid;
  }
  return 0.5 * (lo + hi);
}

/** Relative humidity (0-1) of air at a dry bulb and dew point, °C: vapour pressure over saturation pressure. */
export function relativeHumidity(dryBulbC: number, dewPointC: number): number {
  requireInRange("dryBulbC", dryBulbC, T_MIN_C, T_MAX_C);
  requireInRange("dewPointC", dewPointC, T_MIN_C, dryBulbC);
  return saturationKpa(dewPointC) / saturationKpa(dryBulbC);
}
