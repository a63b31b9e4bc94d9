/**
 * How a confidence run draws its samples: a Latin hypercube over the unit cube (each figure's range cut into as many
 * equal-probability strata as there are samples, each stratum drawn once), mapped onto each figure by the triangular
 * distribution of its low, base and high. The triangular is the usual reading of a three-point estimate: most likely
 * at the catalog's own figure, never outside the sourced range. Seeded from a string: the same seed draws the same
 * samples on every machine.
 */
import { hashString, uniforms } from "../random";

/**
 * The value at cumulative probability `u` (0-1) of the triangular distribution from `low` to `high` with its mode at
 * `mode`: the inverse of its distribution function.
 */
export function triangularQuantile(u: number, low: number, mode: number, high: number): number {
  if (high <= low) return low;
  const modeShare = (mode - low) / (high - low);
  return u < modeShare
    ? low + Math.sqrt(u * (high - low) * (mode - low))
    : high - Math.sqrt((1 - u) * (high - low) * (high - mode));
}

/** The probability that a triangular(low, mode, high) draw exceeds `x`: 1 minus its distribution function. */
export function triangularExceedance(x: number, low: number, mode: number, high: number): number {
  if (x <= low) return 1;
  if (x >= high) return 0;
  return x <= mode
    ? 1 - ((x - low) ** 2) / ((high - low) * (mode - low))
    : ((high - x) ** 2) / ((high - low) * (high - mode));
}

/**
 * `samples` points of a Latin hypercube in `dimensions` dimensions, each coordinate in (0, 1): in every dimension each
 * of the `samples` equal strata holds exactly one point. Deterministic in `seed`.
 */
export function latinHypercube(samples: number, dimensions: number, seed: string): number[][] {
  const random = uniforms(hashString(`aicluster-lhs:${seed}`));
  const points = Array.from({ length: samples }, () => new Array<number>(dimensions));
  for (let d = 0; d < dimensions; d++) {
    // A random permutation of the strata (Fisher-Yates), then a uniform position inside each.
    const strata = Array.from({ length: samples }, (_, i) => i);
    for (let i = samples - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [strata[i], strata[j]] = [strata[j], strata[i]];
    }
    for (let i = 0; i < samples; i++) points[i][d] = (strata[i] + random()) / samples;
  }
  return points;
}

/** The `q` quantile (0-1) of `sorted` (ascending), interpolated linearly between order statistics (Hyndman-Fan type 7). */
export function quantileOfSorted(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) throw new RangeError("quantile of no values");
  const h = (sorted.length - 1) * q;
  const lo = Math.floor(h);
  const hi = Math.min(lo + 1, sorted.length - 1);
  return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
}
