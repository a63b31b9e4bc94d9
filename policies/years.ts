/**
 * Budgets checked in every year of a campus's horizon. A campus publishes its ledger (`years`, one row per year;
 * one undated row without a timeline); a rule picks the measured value and limit of each row, and reports the first
 * failing year (naming every failing year), or, when every year holds, the tightest one.
 */
import type { YearRow } from "../components/years/ledger";
import { BudgetCheck, check, Finding } from "./finding";
import type { CampusOutputs } from "../components/model/published";
import { prop, type ResourceView, type ViewOf } from "./view";

/** A ledger row as a rule reads it: any field may be missing when another producer published the campus. */
export type YearView = Partial<YearRow> & Record<string, unknown>;

/** The rows of `years`, or undefined when the campus published none (or they are unknown during preview). */
export function yearRows(view: ViewOf<CampusOutputs>): YearView[] | undefined {
  const rows = prop(view, "years");
  if (!Array.isArray(rows) || rows.length === 0 || !rows.every((r) => r !== null && typeof r === "object" && !Array.isArray(r))) return undefined;
  return rows as YearView[];
}

/** A finite number at `key` of a row, or undefined. */
export function rowNumber(row: YearView, key: keyof YearRow): number | undefined {
  const v = row[key];
  return typeof v === "number" && Number.isFinite(v) ? v : undefined;
}

/** A string at `key` of a row, or undefined. */
export function rowString(row: YearView, key: keyof YearRow): string | undefined {
  const v = row[key];
  return typeof v === "string" ? v : undefined;
}

/** `2029`, `2029-2031`, `2029-2031, 2034` (runs of consecutive years). */
export function yearRanges(years: readonly number[]): string {
  const runs: string[] = [];
  for (let i = 0; i < years.length; ) {
    let j = i;
    while (j + 1 < years.length && years[j + 1] === years[j] + 1) j++;
    runs.push(i === j ? `${years[i]}` : `${years[i]}-${years[j]}`);
    i = j + 1;
  }
  return runs.join(", ");
}

/** ` in 2029` for a dated row, nothing for an undated one. */
export function inYear(row: YearView): string {
  return typeof row.year === "number" ? ` in ${row.year}` : "";
}

export interface YearlyValue {
  measured: number;
  limit: number;
  /** The hour or day the value comes from; defaults to the row's year. */
  at?: string;
}

function holds(v: YearlyValue, bound: "max" | "min"): boolean {
  return bound === "max" ? v.measured <= v.limit : v.measured >= v.limit;
}

/** Margin relative to the limit (negative: broken), to find the tightest year. */
function relativeMargin(v: YearlyValue, bound: "max" | "min"): number {
  const margin = bound === "max" ? v.limit - v.measured : v.measured - v.limit;
  return margin / Math.max(Math.abs(v.limit), 1e-9);
}

/**
 * Checks one budget in every row. `pick` gives a row's value and limit (undefined: not checked that year, e.g. no
 * demand). Returns the violation of the first failing year (its message from `broken`, given the row and the
 * failing years), or a pass on the tightest year; undefined when no row was checked.
 */
export function checkEachYear(
  policy: string,
  campus: ResourceView,
  rows: readonly YearView[],
  budget: Omit<BudgetCheck, "measured" | "limit" | "at">,
  pick: (row: YearView) => YearlyValue | undefined,
  broken: (row: YearView, value: YearlyValue, failingYears: string) => { message: string; remediation: string },
): Finding | undefined {
  const bound = budget.bound ?? "max";
  const checked = rows.flatMap((row) => {
    const value = pick(row);
    return value === undefined ? [] : [{ row, value }];
  });
  if (checked.length === 0) return undefined;
  const failing = checked.filter((c) => !holds(c.value, bound));
  const chosen = failing[0] ?? checked.reduce((a, b) => (relativeMargin(b.value, bound) < relativeMargin(a.value, bound) ? b : a));
  const year = typeof chosen.row.year === "number" ? chosen.row.year : undefined;
  const at = chosen.value.at ?? (year === undefined ? undefined : String(year));
  const failingYears = yearRanges(failing.flatMap((f) => (typeof f.row.year === "number" ? [f.row.year] : [])));
  const finding = check(policy, campus, { ...budget, bound, measured: chosen.value.measured, limit: chosen.value.limit, ...(at === undefined ? {} : { at }) }, () =>
    broken(chosen.row, chosen.value, failingYears),
  );
  return year === undefined ? finding : { ...finding, year };
}

/** ` (failing in 2029-2031)` when more than the first year fails. */
export function alsoFailing(row: YearView, failingYears: string): string {
  return failingYears && failingYears !== String(row.year) ? ` (failing in ${failingYears})` : "";
}
