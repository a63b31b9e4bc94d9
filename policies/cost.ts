/** Reading the cost figures a campus publishes (ranges of low / base / high USD). */
import { isUsdRange, type UsdRange } from "../components/costs/range";
import type { CampusOutputs } from "../components/model/published";
import { KeysWith, prop, ViewOf } from "./view";

export const ESTIMATES = ["low", "base", "high"] as const;
export type Estimate = (typeof ESTIMATES)[number];

/** A range at `value`, or undefined when missing, unknown or not three finite numbers. */
export function asRange(value: unknown): UsdRange | undefined {
  return isUsdRange(value) ? { low: value.low, base: value.base, high: value.high } : undefined;
}

/** A published range by key. */
export function rangeProp<F>(view: ViewOf<F>, key: NoInfer<KeysWith<F, UsdRange>>): UsdRange | undefined {
  return asRange(prop(view, key));
}

/** What the campus could not price (empty when complete), or undefined when not published. */
export function costMissingOf(view: ViewOf<CampusOutputs>): string[] | undefined {
  const m = prop(view, "costMissing");
  return Array.isArray(m) && m.every((x) => typeof x === "string") ? (m as string[]) : undefined;
}

