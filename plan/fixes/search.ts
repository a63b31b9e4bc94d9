/**
 * The smallest value of one knob at which a budget passes, found by running the model: grown by doubling until it
 * passes, then bisected to a ten-thousandth, then rounded up to four significant figures and checked again (it must
 * pass) along with 1 % less (it must fail, or the knob is not what decides the budget there). Nothing is extrapolated.
 */

/** Rounds `x` (> 0) up to `digits` significant figures. */
export function ceilSignificant(x: number, digits = 4): number {
  if (x <= 0) return 0;
  const scale = 10 ** (Math.floor(Math.log10(x)) - digits + 1);
  // A float just above a round number (0.5000000001) is that number, not the next step up.
  // Through toPrecision, so 8,083 steps of 0.0001 read 0.8083, not 0.8082999999999999.
  return Number((Math.ceil(x / scale - 1e-9) * scale).toPrecision(digits));
}

export interface SearchResult {
  /** The value to state: passes when applied. */
  value: number;
  /** Whether 1 % less fails (true: the value is the smallest to about 1 %). */
  smallerFails: boolean;
  /** Model runs made. */
  runs: number;
}

/**
 * The smallest x in (from, limit] at which `passes(x)` holds, with passes monotone (false below some threshold, true
 * above): undefined when even `limit` fails. `from` must fail (it is the budget as planned).
 */
export function smallestPassing(passes: (x: number) => boolean, from: number, limit: number, firstStep: number): SearchResult | undefined {
  let runs = 0;
  const test = (x: number) => {
    runs++;
    return passes(x);
  };
  let lo = from;
  let hi = Math.min(limit, from + firstStep);
  // Grow until it passes (doubling the step), or give up at the limit.
  for (let step = firstStep; !test(hi); step *= 2) {
    if (hi >= limit) return undefined;
    lo = hi;
    hi = Math.min(limit, hi + step * 2);
  }
  while (hi - lo > 1e-4 * Math.abs(hi)) {
    const mid = (lo + hi) / 2;
    if (test(mid)) hi = mid;
    else lo = mid;
  }
  let value = Math.min(limit, from >= 0 ? ceilSignificant(hi) : hi);
  // Rounding up to four figures keeps it passing; if the model is not monotone there, the bisected value is stated.
  if (!test(value)) value = hi;
  const smaller = from + 0.99 * (value - from);
  return { value, smallerFails: !test(smaller), runs };
}
