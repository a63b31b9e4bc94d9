/**
 * The comparison rendered as a PR comment (Markdown, under GitHub's size limit, with a hidden marker a CI job finds to
 * update one comment in place) and as text for a terminal. Text from either report is neutralised for each medium.
 */
import { quantity } from "../../components/format/numbers";
import { markdownTable, textTable } from "../../components/format/table";
import { commandSafeLines, markdownSafe, textSafe } from "../neutralise";
import type { BaselineDiff, BudgetDiff, BudgetStatus, FindingRef } from "./compare";

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
