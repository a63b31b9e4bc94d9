/**
 * Ambient derating of a dispatchable generator: the share of its ISO-rated (15 °C) output available at a dry bulb,
 * piecewise linear between the catalog's points and flat beyond the first and last (the curve says nothing outside
 * its points, so the nearest stated fraction holds). Pure.
 */
import type { AmbientDeratingPoint } from "../catalog/schema";
import { HOURS_PER_YEAR } from "./constants";

/** Available output / ISO-rated output at `dryBulbC` on `points` (sorted by dry bulb, at least one). */
export function deratingAt(points: readonly AmbientDeratingPoint[], dryBulbC: number): number {
  const n = points.length;
  if (dryBulbC <= points[0].dryBulbC) return points[0].fraction;
  if (dryBulbC >= points[n - 1].dryBulbC) return points[n - 1].fraction;
  let i = 1;
  while (points[i].dryBulbC < dryBulbC) i++;
  const a = points[i - 1];
  const b = points[i];
  return a.fraction + ((b.fraction - a.fraction) * (dryBulbC - a.dryBulbC)) / (b.dryBulbC - a.dryBulbC);
}

/** deratingAt for each of the 8,760 hours of a dry-bulb series. */
export function hourlyDerating(points: readonly AmbientDeratingPoint[], dryBulbC: ArrayLike<number>): Float64Array {
  const out = new Float64Array(HOURS_PER_YEAR);
  for (let h = 0; h < HOURS_PER_YEAR; h++) out[h] = deratingAt(points, dryBulbC[h]);
  return out;
}
