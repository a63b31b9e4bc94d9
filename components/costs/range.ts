/** Arithmetic on low / base / high cost ranges: every roll-up is a sum of non-negative terms, so order is kept. */
import type { UsdRange } from "../catalog/costSchema";

export type { UsdRange };

/** The three estimates of a range, in order. */
export const ESTIMATES = ["low", "base", "high"] as const;
/** One estimate of a range: "low", "base" or "high". */
export type Estimate = (typeof ESTIMATES)[number];

export const ZERO: Readonly<UsdRange> = Object.freeze({ low: 0, base: 0, high: 0 });

/** r × k (k ≥ 0). */
export function scaled(r: Readonly<UsdRange>, k: number): UsdRange {
  return { low: r.low * k, base: r.base * k, high: r.high * k };
}

/** a + b. */
export function plus(a: Readonly<UsdRange>, b: Readonly<UsdRange>): UsdRange {
  return { low: a.low + b.low, base: a.base + b.base, high: a.high + b.high };
}

/** a − b, end by end (b a part of a: what is left of it). */
export function minus(a: Readonly<UsdRange>, b: Readonly<UsdRange>): UsdRange {
  return { low: a.low - b.low, base: a.base - b.base, high: a.high - b.high };
}

/** Σ ranges. */
export function total(ranges: readonly Readonly<UsdRange>[]): UsdRange {
  return ranges.reduce<UsdRange>((s, r) => plus(s, r), { ...ZERO });
}

/** A single figure as a range (a contract's stated price). */
export function exactly(value: number): UsdRange {
  return { low: value, base: value, high: value };
}

/** Whether a value (read back from outputs or JSON) is a range of three finite numbers. */
export function isUsdRange(value: unknown): value is UsdRange {
  if (typeof value !== "object" || value === null) return false;
  const r = value as Record<string, unknown>;
  return [r.low, r.base, r.high].every((n) => typeof n === "number" && Number.isFinite(n));
}

/** a / k for k > 0, the zero range otherwise (a unit cost with no units). */
export function per(a: Readonly<UsdRange>, k: number): UsdRange {
  return k > 0 ? scaled(a, 1 / k) : { ...ZERO };
}
