/**
 * Time value of money: discount factors, present values, the capital recovery factor (level annuities) and the
 * internal rate of return. Pure arithmetic, one formula each, years as whole calendar years: a flow of year y is
 * discounted (y − base year) times, so the base year's flows count at face value (end-of-year convention, as
 * spreadsheet NPV with the first flow at t = 0).
 */

/** A signed amount in a calendar year (undefined: an undated campus's one year, at t = 0). */
export interface DatedUsd {
  year?: number;
  usd: number;
}

/** 1 / (1 + rate)^years: what a dollar `years` from the base year is worth in it (years may be negative: compounding). */
export function discountFactor(rate: number, years: number): number {
  return Math.pow(1 + rate, -years);
}

/** Σ usd × discountFactor(rate, year − baseYear); an undated flow or an undefined base year counts at t = 0. */
export function presentValueUsd(flows: readonly DatedUsd[], rate: number, baseYear: number | undefined): number {
  let pv = 0;
  for (const f of flows) pv += f.usd * discountFactor(rate, f.year === undefined || baseYear === undefined ? 0 : f.year - baseYear);
  return pv;
}

/**
 * Capital recovery factor: the level payment per year, for `years` payments starting a year after the outlay, that
 * repays 1 with interest at `rate`: r / (1 − (1 + r)^−n), or 1 / n at a rate of 0. A fractional n (a 5.5-year life)
 * uses the same formula.
 * @example capitalRecoveryFactor(0.08, 10) // 0.149029...
 */
export function capitalRecoveryFactor(rate: number, years: number): number {
  if (!(years > 0)) throw new RangeError(`years must be above 0, got ${years}`);
  if (rate === 0) return 1 / years;
  // 1 − (1 + r)^−n as −expm1(−n × log1p(r)): exact for rates so small that 1 + r rounds to 1.
  return rate / -Math.expm1(-years * Math.log1p(rate));
}

/** The level annual payment that repays `principalUsd` with interest at `rate` over `years` yearly payments. */
export function annuityUsdPerYear(principalUsd: number, rate: number, years: number): number {
  return principalUsd * capitalRecoveryFactor(rate, years);
}

/** How many times a series of flows changes sign, zeros skipped. */
export function signChanges(flows: readonly number[]): number {
  let changes = 0;
  let last = 0;
  for (const f of flows) {
    if (f === 0) continue;
    if (last !== 0 && Math.sign(f) !== Math.sign(last)) changes++;
    last = f;
  }
  return changes;
}

/**
 * Internal rate of return of yearly flows (index 0 at t = 0): the rate r > −1 at which their present value is 0.
 * Defined only when the flows change sign exactly once: then there is exactly one such rate (Descartes' rule of
 * signs on x = 1 / (1 + r)); otherwise undefined, never a guess. Bisection to 1e-10 between −0.9999 and 100.
 */
export function internalRateOfReturn(flows: readonly number[]): number | undefined {
  if (signChanges(flows) !== 1) return undefined;
  const npv = (r: number) => flows.reduce((s, f, t) => s + f * Math.pow(1 + r, -t), 0);
  let lo = -0.9999;
  let hi = 100;
  let fLo = npv(lo);
  if (Math.sign(fLo) === Math.sign(npv(hi))) return undefined; // the root lies beyond 10,000 % a year
  for (let i = 0; i < 200 && hi - lo > 1e-10; i++) {
    const mid = (lo + hi) / 2;
    const fMid = npv(mid);
    if (fMid === 0) return mid;
    if (Math.sign(fMid) === Math.sign(fLo)) {
      lo = mid;
      fLo = fMid;
    } else hi = mid;
  }
  return (lo + hi) / 2;
}
