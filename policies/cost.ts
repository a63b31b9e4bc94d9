/** Reading the cost figures a campus publishes (ranges of low / base / high USD). */
import { ESTIMATES, type Estimate, isUsdRange, type UsdRange } from "../components/costs/range";
import type { CampusFinance } from "../components/finance/types";
import { show } from "../components/format/numbers";
import type { CampusOutputs } from "../components/model/published";
import { KeysWith, prop, ViewOf } from "./view";
import { type Finding, notApplicable, verdict } from "./finding";

export { ESTIMATES, type Estimate };

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


/** The money a campus publishes (`finance`) as a rule reads it: any field may be missing (older campuses, other producers). */
export type FinanceView = { readonly [K in keyof CampusFinance]?: unknown };

/** The campus's `finance`, or undefined when it published none (a campus from before it, or unknown during preview). */
export function financeOf(view: ViewOf<CampusOutputs>): FinanceView | undefined {
  const f = prop(view, "finance");
  return f !== null && typeof f === "object" && !Array.isArray(f) ? (f as FinanceView) : undefined;
}

/** A range of the campus's `finance` by key, or undefined when the campus published no finance or not that range. */
export function financeRange(finance: FinanceView | undefined, key: KeysWith<CampusFinance, UsdRange>): UsdRange | undefined {
  return asRange(finance?.[key]);
}

/**
 * `at the base discount rate of 8 % a year (cost of capital "x")`: the rate a figure of `finance` is discounted at, for
 * messages; empty when the campus published no rate at that end.
 */
export function discountedAt(finance: FinanceView | undefined, end: Estimate): string {
  const rates = finance?.discountRate;
  const rate = rates !== null && typeof rates === "object" ? (rates as Record<string, unknown>)[end] : undefined;
  if (typeof rate !== "number" || !Number.isFinite(rate)) return "";
  const source = finance?.costOfCapital;
  const from = source === "stated" ? " (stated by the campus)" : typeof source === "string" && source ? ` (cost of capital "${source}")` : "";
  return `at the ${end} discount rate of ${show(rate * 100)} % a year${from}`;
}

/**
 * The finding of a cost rule on a campus whose cost cannot be checked: not applicable when it publishes no
 * `costMissing`, a violation when the catalog lacks a price (an unpriced rack is not free); undefined when complete.
 * `what` names what was to be checked, e.g. "capex cannot be checked against its budget".
 */
export function incompleteCost(rule: string, campus: ViewOf<CampusOutputs>, what: string): Finding[] | undefined {
  const missing = costMissingOf(campus);
  if (missing === undefined) return [notApplicable(rule, campus, ["costMissing"])];
  if (missing.length === 0) return undefined;
  return [verdict(rule, campus, "", {
    message: `${campus.name}: ${what}: the cost catalog has no price for ${missing.join("; ")}`,
    remediation: "register the missing prices in the cost catalog (catalog.rackHardwareCosts, ...), or name a priced design",
  })];
}
