/**
 * `--baseline <report.json>`: this plan compared with an earlier JSON report (the base branch's). Per budget, the
 * headroom before and after and its change; the findings that are new, fixed or still failing (matched by
 * findingFingerprint); the verdicts and resource counts. Rendered as a PR comment (Markdown, under GitHub's size
 * limit, with a hidden marker a CI job finds to update one comment in place) and as text for a terminal.
 *
 * The baseline file is read like `--policy-config`: a regular file only, a size cap, a nesting bound, strict JSON whose
 * syntax errors are given by line and column, and no echo of the file's content: a bad field is named with the kind
 * of its value ("a string"), never the value (the path may be anything a user typed, a credentials file included).
 */
import { z } from "zod";
import { problemsFromZod } from "../components/catalog/issues";
import { kindOf } from "../policies/config";
import { ENFORCEMENT_LEVELS, EnforcementLevel, isBlocking } from "../policies/finding";
import { findingFingerprint, matchFindings } from "./ciFormats";
import { fileError, readJsonFile } from "./jsonFile";
import type { PlanReport } from "./report";
import { quantity } from "../components/format/numbers";
import { markdownTable, textTable } from "../components/format/table";
import { commandSafeLines, markdownSafe, textSafe } from "./neutralise";

// ------------------------------------------------------------------------------------------------ reading the file

/** The JSON report versions this planner reads (plan/check.ts JSON_SCHEMA_VERSION writes the newest). */
export const SUPPORTED_BASELINE_VERSIONS: readonly number[] = [1];

/** A plan report is tens of kB (a few MB with --hourly at full scale): 64 MiB is far above any, and bounds memory. */
export const MAX_BASELINE_BYTES = 64 * 1024 * 1024;

/** A value that JSON may hold as null: the planner writes ±Infinity and NaN (a share of a limit of 0) as null. */
const finiteOrNull = z.number({ error: "a number, or null (a value that was not finite)" }).nullable();
const text = z.string({ error: "a string" });
const wholeCount = z.number({ error: "a whole number ≥ 0" }).int({ error: "a whole number ≥ 0" }).min(0, { error: "a whole number ≥ 0" });
const level = z.enum(ENFORCEMENT_LEVELS as [EnforcementLevel, ...EnforcementLevel[]], { error: `one of ${ENFORCEMENT_LEVELS.join(", ")}` });

const BUDGET_ROW = z.object({
  policy: text, budget: text, enforcementLevel: level, resourceName: text,
  used: finiteOrNull, limit: finiteOrNull, unit: text, bound: z.enum(["max", "min"], { error: "max or min" }),
  headroom: finiteOrNull, headroomShare: finiteOrNull.optional(), violations: wholeCount, at: text.optional(),
  // Of the violations, those an exemption covers (reports written with exemptions).
  exempted: wholeCount.optional(),
}, { error: "an object (a budget row)" });

const FINDING = z.object({
  policy: text, status: z.enum(["violation", "pass", "not-applicable"], { error: "violation, pass or not-applicable" }),
  resourceUrn: text, resourceName: text, budget: text.optional(), measured: finiteOrNull.optional(), limit: finiteOrNull.optional(),
  unit: text.optional(), year: z.number({ error: "a whole year" }).int({ error: "a whole year" }).optional(),
  message: text, remediation: text, enforcementLevel: level,
  // Written by the exemptions feature; any value present marks the finding as exempted (not blocking).
  exemption: z.unknown().optional(),
}, { error: "an object (a finding)" });

/** Only what the comparison reads; other fields of the report (and unknown ones) are allowed and dropped. */
const BASELINE_REPORT = z.object({
  schemaVersion: z.number(),
  project: text, stack: text, resourceCount: wholeCount,
  budgets: z.array(BUDGET_ROW, { error: "a list of budget rows" }),
  findings: z.array(FINDING, { error: "a list of findings" }),
  verdict: z.enum(["pass", "fail"], { error: "pass or fail" }),
});

/** The parts of an earlier JSON report (`npm run plan -- <stack> --format json`) that the comparison reads. */
export type BaselineReport = z.infer<typeof BASELINE_REPORT>;

/** A value for a message: its kind only (`a string`, `a number`, `a list of 2`, `(missing)`), never what the file says. */
function valueText(v: unknown): string {
  return kindOf(v);
}

/** Problems shown in one message; the rest are counted (a report broken everywhere would otherwise list each row). */
const PROBLEMS_SHOWN = 3;

/**
 * Checks a parsed JSON value as a baseline report; `origin` names it in messages (`--baseline base.json`). The
 * schemaVersion is checked first, so a file that is not a report (or a newer one) gets that message alone.
 */
export function parseBaselineReport(value: unknown, origin: string): BaselineReport {
  const reportHint = "the JSON report of npm run plan -- <stack> --format json";
  if (value === null || typeof value !== "object" || Array.isArray(value)) {
    throw fileError(`${origin}: ${valueText(value)}; allowed: a JSON object, ${reportHint}`);
  }
  const version = (value as Record<string, unknown>).schemaVersion;
  const allowedVersions = SUPPORTED_BASELINE_VERSIONS.join(" or ");
  if (typeof version !== "number" || !SUPPORTED_BASELINE_VERSIONS.includes(version)) {
    const newer = typeof version === "number" && version > Math.max(...SUPPORTED_BASELINE_VERSIONS);
    throw fileError(
      `${origin}: schemaVersion = ${newer ? `a number above ${Math.max(...SUPPORTED_BASELINE_VERSIONS)}` : valueText(version)}; allowed: ${allowedVersions} (${newer ? "the baseline was written by a newer planner than this one" : reportHint})`,
    );
  }
  const parsed = BASELINE_REPORT.safeParse(value);
  if (parsed.success) return parsed.data;
  const problems = problemsFromZod(parsed.error, value);
  const lines = problems.slice(0, PROBLEMS_SHOWN).map((p) => `${p.field} = ${valueText(p.value)}; allowed: ${p.allowed}`);
  if (problems.length > PROBLEMS_SHOWN) lines.push(`... and ${problems.length - PROBLEMS_SHOWN} more problems`);
  throw fileError(lines.length === 1 ? `${origin}: ${lines[0]}` : `${origin}: ${problems.length} problems:\n  - ${lines.join("\n  - ")}`);
}

/** The earlier report in `file`, checked (a UsageError naming `--baseline <file>`, the field, the kind of value and what is allowed). */
export function readBaselineReport(file: string, capBytes = MAX_BASELINE_BYTES): BaselineReport {
  const option = `--baseline ${file}`;
  return parseBaselineReport(readJsonFile(file, option, capBytes, "a JSON report file (npm run plan -- <stack> --format json)"), option);
}

// ------------------------------------------------------------------------------------------------------ comparing

export type BudgetStatus = "broken now" | "worse" | "new" | "removed" | "not comparable" | "fixed now" | "improved" | "unchanged";

/** One budget in both runs (or one of them). Headroom is in `unit`: the room left before the budget breaks, negative when broken. */
export interface BudgetDiff {
  policy: string;
  budget: string;
  /** The tightest resource now (the baseline's, for a removed budget). */
  resourceName: string;
  /** The baseline's tightest resource, set only when another resource is the tightest now. */
  resourceNameBefore?: string;
  unit: string;
  enforcementLevel: EnforcementLevel;
  /** null: the budget is not in that run (status new / removed), or its headroom was not a finite number. */
  headroomBefore: number | null;
  headroomAfter: number | null;
  /** headroomAfter − headroomBefore: positive = more room than before. null when either is null, or the unit or bound changed. */
  headroomChange: number | null;
  /** Resources over the budget in each run (null: not in that run). */
  violationsBefore: number | null;
  violationsAfter: number | null;
  status: BudgetStatus;
  /** What else changed, in words: the tightest resource, the unit, the bound, the enforcement level, the violation count, exemptions now. */
  notes: string[];
}

/** A finding as the comparison lists it. */
export interface FindingRef {
  /** findingFingerprint: policy, URN and budget (not the year: the first failing year moves with the model). */
  fingerprint: string;
  policy: string;
  status: "violation" | "not-applicable";
  resourceName: string;
  resourceUrn: string;
  budget?: string;
  year?: number;
  enforcementLevel: EnforcementLevel;
  /** An exemption covers it: listed, but it does not fail the plan. */
  exempted: boolean;
  /** A violation at a blocking level (mandatory, remediate) without an exemption: it fails the plan. */
  blocking: boolean;
  message: string;
  remediation: string;
}

export interface BaselineDiff {
  /** This run's project and stack (the PR comment's marker). */
  project: string;
  stack: string;
  baseline: { project: string; stack: string; schemaVersion: number };
  /** Set when the baseline is of another stack or project: compared all the same, and flagged in every rendering. */
  mismatch?: string;
  verdict: { before: "pass" | "fail"; after: "pass" | "fail" };
  resourceCount: { before: number; after: number };
  /** This run's budgets in its order, then the baseline's budgets that are gone. */
  budgets: BudgetDiff[];
  findings: {
    /** In this run, not in the baseline. */
    new: FindingRef[];
    /** In the baseline, not in this run (as the baseline had them). */
    fixed: FindingRef[];
    /** In both (as this run has them). */
    stillFailing: FindingRef[];
  };
}

/** What compareReports reads of a run: a PlanReport in memory, or a report read back from JSON. */
type Comparable = Pick<PlanReport, "project" | "stack" | "resourceCount" | "verdict"> & {
  budgets: readonly {
    policy: string; budget: string; enforcementLevel: string; resourceName: string; unit: string; bound: "max" | "min";
    headroom: number | null; violations: number; exempted?: number;
  }[];
  findings: readonly {
    policy: string; status: "violation" | "pass" | "not-applicable"; resourceUrn: string; resourceName: string; budget?: string;
    year?: number; message: string; remediation: string; enforcementLevel: string; exemption?: unknown;
  }[];
};

/**
 * Headroom changes smaller than this share of the larger headroom count as unchanged: the same design gives the same
 * floats, and differences a billionth of the value come from summation order, not from the design.
 */
export const HEADROOM_TOLERANCE = 1e-9;

/** A finite number, or null; −0 read as 0 (JSON writes it as 0, so a report read back would differ from one in memory). */
function finite(n: number | null | undefined): number | null {
  return typeof n === "number" && Number.isFinite(n) ? n + 0 : null;
}

function levelOf(value: string): EnforcementLevel {
  return (ENFORCEMENT_LEVELS as readonly string[]).includes(value) ? (value as EnforcementLevel) : "mandatory";
}

type Row = Comparable["budgets"][number];

function budgetDiff(before: Row | undefined, after: Row | undefined): BudgetDiff {
  const row = (after ?? before)!;
  const base = { policy: row.policy, budget: row.budget, resourceName: row.resourceName, unit: row.unit, enforcementLevel: levelOf(row.enforcementLevel) };
  if (!before || !after) {
    const h = finite(row.headroom);
    return {
      ...base, headroomBefore: before ? h : null, headroomAfter: after ? h : null, headroomChange: null,
      violationsBefore: before ? before.violations : null, violationsAfter: after ? after.violations : null,
      status: before ? "removed" : "new", notes: h === null ? ["headroom not finite"] : [],
    };
  }
  const notes: string[] = [];
  if (before.resourceName !== after.resourceName) notes.push(`tightest resource was ${before.resourceName}`);
  if (before.unit !== after.unit) notes.push(`unit was ${before.unit || "(none)"}`);
  if (before.bound !== after.bound) notes.push(`bound was ${before.bound}`);
  if (before.enforcementLevel !== after.enforcementLevel) notes.push(`enforcement was ${before.enforcementLevel}`);
  // Broken now or fixed now already says it when one side has none over.
  if (before.violations > 0 && after.violations > 0 && before.violations !== after.violations) notes.push(`resources over ${before.violations} → ${after.violations}`);
  const hb = finite(before.headroom);
  const ha = finite(after.headroom);
  if ((after.exempted ?? 0) > 0) notes.push(`${after.exempted} of ${after.violations} over exempted`);
  if (hb === null) notes.push("headroom before not finite");
  if (ha === null) notes.push("headroom after not finite");
  const comparable = hb !== null && ha !== null && before.unit === after.unit && before.bound === after.bound;
  const raw = comparable ? ha - hb : null;
  const change = raw !== null && Math.abs(raw) <= HEADROOM_TOLERANCE * Math.max(Math.abs(ha!), Math.abs(hb!)) ? 0 : raw;
  const brokenBefore = before.violations > 0;
  const brokenAfter = after.violations > 0;
  const status: BudgetStatus =
    !brokenBefore && brokenAfter ? "broken now"
    : brokenBefore && !brokenAfter ? "fixed now"
    : change === null ? "not comparable"
    : change > 0 ? "improved"
    : change < 0 ? "worse"
    // Same headroom on the tightest resource, but more or fewer resources over the budget.
    : after.violations > before.violations ? "worse"
    : after.violations < before.violations ? "improved"
    : "unchanged";
  return {
    ...base, ...(before.resourceName !== after.resourceName ? { resourceNameBefore: before.resourceName } : {}),
    headroomBefore: hb, headroomAfter: ha, headroomChange: change, violationsBefore: before.violations, violationsAfter: after.violations,
    status, notes,
  };
}

/** Pairs budgets by policy, budget and tightest resource, then by policy and budget alone (the tightest resource changed). */
function pairBudgets(before: readonly Row[], after: readonly Row[]): BudgetDiff[] {
  const used = new Set<number>();
  const matchOf = new Map<number, number>();
  for (const key of [(r: Row) => `${r.policy}\u0000${r.budget}\u0000${r.resourceName}`, (r: Row) => `${r.policy}\u0000${r.budget}`]) {
    // The baseline's unpaired rows by key, in order: a key given twice pairs in order (indexed, for reports of thousands).
    const waiting = new Map<string, number[]>();
    before.forEach((b, i) => void (used.has(i) || (waiting.get(key(b)) ?? waiting.set(key(b), []).get(key(b))!).push(i)));
    after.forEach((a, j) => {
      const i = matchOf.has(j) ? undefined : waiting.get(key(a))?.shift();
      if (i === undefined) return;
      used.add(i);
      matchOf.set(j, i);
    });
  }
  return [
    ...after.map((a, j) => budgetDiff(matchOf.has(j) ? before[matchOf.get(j)!] : undefined, a)),
    ...before.filter((_, i) => !used.has(i)).map((b) => budgetDiff(b, undefined)),
  ];
}

function findingRef(f: Comparable["findings"][number]): FindingRef {
  const enforcementLevel = levelOf(f.enforcementLevel);
  const exempted = f.exemption !== undefined && f.exemption !== null;
  return {
    fingerprint: findingFingerprint(f), policy: f.policy, status: f.status === "not-applicable" ? "not-applicable" : "violation",
    resourceName: f.resourceName, resourceUrn: f.resourceUrn, ...(f.budget === undefined ? {} : { budget: f.budget }),
    ...(f.year === undefined ? {} : { year: f.year }), enforcementLevel, exempted,
    blocking: f.status === "violation" && isBlocking(enforcementLevel) && !exempted, message: f.message, remediation: f.remediation,
  };
}

/** Findings matched by fingerprint, as multisets: two findings with one fingerprint in a run pair with two in the other. */
function pairFindings(before: readonly FindingRef[], after: readonly FindingRef[]): BaselineDiff["findings"] {
  const { partner, gone } = matchFindings(before, after);
  return {
    new: after.filter((_, j) => partner[j] === undefined),
    fixed: gone.map((i) => before[i]),
    stillFailing: after.filter((_, j) => partner[j] !== undefined),
  };
}

/** This run (`after`) against the baseline (`before`). Every number in the result is finite or null: it is JSON as is. */
export function compareReports(before: BaselineReport, after: PlanReport | BaselineReport): BaselineDiff {
  const b = before as Comparable;
  const a = after as Comparable;
  const differs = [
    ...(b.project !== a.project ? [`project ${b.project}`] : []),
    ...(b.stack !== a.stack ? [`stack ${b.stack}`] : []),
  ];
  const findings = (r: Comparable) => r.findings.filter((f) => f.status !== "pass").map(findingRef);
  return {
    project: a.project, stack: a.stack,
    baseline: { project: b.project, stack: b.stack, schemaVersion: before.schemaVersion },
    ...(differs.length > 0 ? { mismatch: `baseline is ${differs.join(", ")}` } : {}),
    verdict: { before: b.verdict, after: a.verdict },
    resourceCount: { before: b.resourceCount, after: a.resourceCount },
    budgets: pairBudgets(b.budgets, a.budgets),
    findings: pairFindings(findings(b), findings(a)),
  };
}

// ------------------------------------------------------------------------------------------------------ rendering

/** Characters GitHub allows in an issue or PR comment. */
export const GITHUB_COMMENT_MAX_CHARS = 65_536;
/** What renderBaselineMarkdown aims under by default: room for a CI job to add a line or a link. */
export const BASELINE_MARKDOWN_MAX_CHARS = 60_000;

/** Project and stack as the marker spells them: letters, digits, `.`, `_`, `-` (anything else would end or spoof the comment). */
function markerName(s: string): string {
  return s.replace(/[^A-Za-z0-9._-]/g, "_").slice(0, 100);
}

/** The hidden first line of the PR comment, one per project and stack: a CI job finds its comment by it and edits it. */
export function baselineMarker(project: string, stack: string): string {
  return `<!-- aicluster-plan:${markerName(project)}/${markerName(stack)} -->`;
}

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** `✅ PASS (was FAIL): 2 findings fixed, 0 new; budgets: 1 worse, 3 improved` (without the icon when `icons` is false). */
export function baselineHeadline(diff: BaselineDiff, icons = true): string {
  const verdict = (v: "pass" | "fail") => v.toUpperCase();
  const icon = icons ? `${diff.verdict.after === "pass" ? "✅" : "❌"} ` : "";
  const blocking = diff.findings.new.filter((f) => f.blocking).length;
  const counts = new Map<BudgetStatus, number>();
  for (const b of diff.budgets) counts.set(b.status, (counts.get(b.status) ?? 0) + 1);
  const budgets = (["broken now", "worse", "fixed now", "improved", "new", "removed", "not comparable"] as const)
    .filter((s) => counts.has(s)).map((s) => `${counts.get(s)} ${s}`);
  return `${icon}${verdict(diff.verdict.after)} (was ${verdict(diff.verdict.before)}): ${plural(diff.findings.fixed.length, "finding")} fixed, ` +
    `${diff.findings.new.length} new${blocking > 0 ? ` (${blocking} blocking)` : ""}` +
    `${budgets.length > 0 ? `; budgets: ${budgets.join(", ")}` : "; budgets unchanged"}${diff.mismatch ? ` (${diff.mismatch})` : ""}`;
}

/** Cells of a headroom before or after: `—` where the budget is not in that run, `not finite` where its value was not. */
function headroomCell(b: BudgetDiff, side: "before" | "after"): string {
  const h = side === "before" ? b.headroomBefore : b.headroomAfter;
  const absent = side === "before" ? b.violationsBefore === null : b.violationsAfter === null;
  return absent ? "—" : h === null ? "not finite" : quantity(h, b.unit);
}

function changeCell(b: BudgetDiff): string {
  const d = b.headroomChange;
  return d === null ? "—" : d === 0 ? "0" : `${d > 0 ? "+" : ""}${quantity(d, b.unit)}`;
}

const STATUS_ORDER: readonly BudgetStatus[] = ["broken now", "worse", "new", "removed", "not comparable", "fixed now", "improved", "unchanged"];

/** Changed budgets, worst first (stable within a status), and unchanged ones. */
function budgetGroups(diff: BaselineDiff): { changed: BudgetDiff[]; unchanged: BudgetDiff[] } {
  const rank = (b: BudgetDiff) => STATUS_ORDER.indexOf(b.status);
  const changed = diff.budgets.filter((b) => b.status !== "unchanged").sort((x, y) => rank(x) - rank(y));
  return { changed, unchanged: diff.budgets.filter((b) => b.status === "unchanged") };
}

const SIGN_CONVENTION = "Headroom is the room left before a budget breaks (negative: broken by that much); Δ = after − before, positive = more room.";

function findingLevel(f: FindingRef): string {
  return f.status === "not-applicable" ? "not applicable" : f.exempted ? `exempted (${f.enforcementLevel})` : f.enforcementLevel;
}

function findingText(f: FindingRef): string {
  const year = f.year !== undefined && !f.message.includes(String(f.year)) ? ` (${f.year})` : "";
  return `${f.message}${year}${f.status === "violation" && f.remediation ? `. Fix: ${f.remediation}` : ""}`;
}

/** Text from a report as one Markdown-inert line (markdownSafe), cut to at most `max` characters first. */
function md(s: string, max = 300): string {
  return markdownSafe(s.length > max ? `${s.slice(0, max - 1)}…` : s);
}

/** Cells of the baseline's Markdown are escaped whole by `md` (pipes included), so the table takes them as they are. */
const asEscaped = (s: string) => s;

const BUDGET_HEADER = ["status", "policy", "budget", "tightest resource", "headroom before", "headroom after", "Δ"];
const STATUS_ICONS: Record<BudgetStatus, string> = {
  "broken now": "🔴", worse: "🔻", new: "🆕", removed: "➖", "not comparable": "❔", "fixed now": "🟢", improved: "🔺", unchanged: "⚪",
};

function budgetCells(b: BudgetDiff, icons: boolean): string[] {
  const notes = b.notes.length > 0 ? ` (${b.notes.join("; ")})` : "";
  return [
    `${icons ? `${STATUS_ICONS[b.status]} ` : ""}${b.status}`, b.policy, b.budget, `${b.resourceName}${notes}`,
    headroomCell(b, "before"), headroomCell(b, "after"), changeCell(b),
  ];
}

/** At most `limit` items, then `... and N more <noun>`. */
function capped<T>(items: readonly T[], limit: number, line: (t: T) => string[], noun: string): string[] {
  const shown = items.slice(0, limit).flatMap(line);
  return items.length > limit ? [...shown, `... and ${items.length - limit} more ${noun}`] : shown;
}

function resourceChange(r: BaselineDiff["resourceCount"]): string {
  const d = r.after - r.before;
  return `${r.before} → ${r.after} (${d === 0 ? "no change" : `${d > 0 ? "+" : ""}${d}`})`;
}

function markdownWith(diff: BaselineDiff, limit: number): string {
  const { changed, unchanged } = budgetGroups(diff);
  const row = (b: BudgetDiff) => budgetCells(b, true).map((c) => md(c));
  const table = (rows: readonly BudgetDiff[], noun: string) =>
    rows.length === 0 ? [] : [...markdownTable(BUDGET_HEADER, rows.slice(0, limit).map(row), asEscaped), ...(rows.length > limit ? ["", `... and ${rows.length - limit} more ${noun}`] : [])];
  const item = (f: FindingRef) => [`- **${md(findingLevel(f))}** ${md(f.policy)}: ${md(findingText(f), 600)}`];
  const r = diff.resourceCount;
  const out = [
    baselineMarker(diff.project, diff.stack),
    `### ${md(baselineHeadline(diff))}`,
    "",
    `aicluster plan of stack ${md(diff.stack, 100)} (project ${md(diff.project, 100)}) compared with the baseline report of stack ${md(diff.baseline.stack, 100)}.`,
    ...(diff.mismatch ? ["", `> **Warning**: ${md(diff.mismatch, 300)}: the comparison is between different stacks or projects.`] : []),
    "",
    `Resources: ${resourceChange(r)}. ${SIGN_CONVENTION}`,
    "",
  ];
  out.push(...(changed.length > 0 ? [`**Budgets that changed (${changed.length})**`, "", ...table(changed, "budgets changed")] : ["No budget changed."]), "");
  out.push(`**New findings (${diff.findings.new.length})**`, "", ...(diff.findings.new.length > 0 ? capped(diff.findings.new, limit, item, "new findings") : ["None."]), "");
  out.push(`**Fixed findings (${diff.findings.fixed.length})**`, "", ...(diff.findings.fixed.length > 0 ? capped(diff.findings.fixed, limit, item, "fixed findings") : ["None."]), "");
  if (unchanged.length > 0) out.push(`<details><summary>Unchanged budgets (${unchanged.length})</summary>`, "", ...table(unchanged, "unchanged budgets"), "", "</details>", "");
  if (diff.findings.stillFailing.length > 0) {
    out.push(`<details><summary>Still failing (${diff.findings.stillFailing.length})</summary>`, "", ...capped(diff.findings.stillFailing, limit, item, "findings still failing"), "", "</details>", "");
  }
  return commandSafeLines(out.join("\n"));
}

/**
 * The comparison as a PR comment: the marker line first, a headline, the budgets that changed, the new and fixed
 * findings, and (collapsed) the unchanged budgets and the findings still failing. Lists are cut with `... and N more`
 * as far as it takes to stay within `maxChars` (UTF-16 units, never fewer than GitHub's characters).
 */
export function renderBaselineMarkdown(diff: BaselineDiff, maxChars = BASELINE_MARKDOWN_MAX_CHARS): string {
  let last = "";
  for (const limit of [Infinity, 500, 200, 100, 50, 20, 10, 5, 0]) {
    last = markdownWith(diff, limit);
    if (last.length <= maxChars) return last;
  }
  // With every list cut to nothing the comment is a few kB (names are cut at 100-300 characters): only a tiny maxChars gets here.
  return `${last.slice(0, Math.max(0, maxChars - 40))}\n\n... (cut to ${maxChars} characters)`;
}

/** Text from a report for a terminal: controls and line breaks shown as escapes, workflow commands broken (textSafe). */
const plain = textSafe;

/** The comparison for a terminal: every budget (changed first), the new and fixed findings, the count still failing. */
export function renderBaselineText(diff: BaselineDiff): string {
  const { changed, unchanged } = budgetGroups(diff);
  const r = diff.resourceCount;
  const item = (f: FindingRef) => `  [${plain(findingLevel(f))}] ${plain(f.policy)}: ${plain(findingText(f))}`;
  const out = [
    `Compared with the baseline (stack ${plain(diff.baseline.stack)}, project ${plain(diff.baseline.project)}): ${plain(baselineHeadline(diff, false))}`,
    ...(diff.mismatch ? [`Warning: ${plain(diff.mismatch)}: the comparison is between different stacks or projects.`] : []),
    `Resources: ${resourceChange(r)}`,
    "",
    `Budgets against the baseline. ${SIGN_CONVENTION}`,
    ...textTable([BUDGET_HEADER, ...[...changed, ...unchanged].map((b) => budgetCells(b, false).map(plain))], { indent: "  " }),
    "",
    diff.findings.new.length === 0 ? "New findings: none" : `New findings (${diff.findings.new.length}):`,
    ...diff.findings.new.map(item),
    diff.findings.fixed.length === 0 ? "Fixed findings: none" : `Fixed findings (${diff.findings.fixed.length}):`,
    ...diff.findings.fixed.map(item),
    `Still failing: ${diff.findings.stillFailing.length} (listed under Findings)`,
  ];
  return commandSafeLines(out.join("\n"));
}
