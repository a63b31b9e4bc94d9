/**
 * The comparison worded: headings, lines and tables of strings, the same for every format (render.ts escapes every
 * string for its format, so names, labels, config values and messages go in as they are). Numbers are formatted with
 * components/format/numbers.ts.
 */
import { show, usd } from "../../components/format/numbers";
import type { Align } from "../../components/format/table";
import { Comparison, FindingLine, noDifferences, type BudgetLine, type CostLine, type Differences, type WaterCell, type WaterLine } from "./compare";
import type { Range } from "./load";
import { NOT_KNOWN } from "../../report/data";

export type Block =
  | { kind: "title"; text: string }
  | { kind: "heading"; text: string }
  | { kind: "line"; text: string }
  | { kind: "table"; header: string[]; rows: string[][]; align: Align[] };

/** What marks a budget whose verdict differs between plans (and the verdict row, when the plans' verdicts differ). */
export const MARK = "≠";

/** The line the comparison carries when nothing differs. */
export const NO_DIFFERENCES = "no differences";

/** Shown where a plan has no such row. */
const ABSENT = "-";

/** Shown for a figure a plan's campus does not have (no AWARE factor for its site, a report from before it was published), and for a difference from it. */
export { NOT_KNOWN };

/** A figure in a budget's unit (shares as percent), `not finite` for a value JSON held as null. */
function figure(n: number | null, unit = ""): string {
  return n === null ? "not finite" : unit === "share" ? show(n * 100) : show(n);
}

function unitText(unit: string): string {
  return unit === "share" ? "%" : unit;
}

/** A difference: `0`, `+1.5`, `-0.25`; `-` where it cannot be taken. */
function difference(d: number | null | undefined, unit = ""): string {
  if (d === undefined || d === null) return ABSENT;
  return d === 0 ? "0" : `${d > 0 ? "+" : ""}${figure(d, unit)}`;
}

function dollarDifference(d: number | null | undefined): string {
  if (d === undefined || d === null) return ABSENT;
  return d === 0 ? "0" : `${d > 0 ? "+" : ""}${usd(d)}`;
}

/** `$39.5M ($32.2M–$49.3M)`: base, then low–high (`-$62.0M (-$48.0M to -$80.3M)` when an end is negative). */
function rangeText(r: Range | undefined): string {
  return r ? `${usd(r.base)} (${usd(r.low)}${r.low < 0 || r.high < 0 ? " to " : "–"}${usd(r.high)})` : ABSENT;
}

/** A rate per year in percent: `8.7 % (7.4–10 %)`, base then low–high. */
function rateText(r: Range | undefined): string {
  return r ? `${show(r.base * 100)} % (${show(r.low * 100)}–${show(r.high * 100)} %)` : ABSENT;
}

/** A difference of rates in percentage points: `0`, `+1.3 pp`, `-0.7 pp`; `-` where it cannot be taken. */
function rateDifference(d: number | null | undefined): string {
  if (d === undefined || d === null) return ABSENT;
  return d === 0 ? "0" : `${d > 0 ? "+" : ""}${show(d * 100)} pp`;
}

/** Whether a text differs from plan A's: `same`, `differs`; `-` where either plan has none. */
function textDifference(d: boolean | null | undefined): string {
  return d === undefined || d === null ? ABSENT : d ? "differs" : "same";
}

/** `fails` when every plan agrees, else `A fails, B holds` (`-` for a plan without the budget). */
function perPlan(values: readonly (string | undefined)[], letters: readonly string[]): string {
  const shown = values.map((v) => v ?? ABSENT);
  return shown.every((v) => v === shown[0]) ? shown[0] : shown.map((v, i) => `${letters[i]} ${v}`).join(", ");
}

function headerBlocks(c: Comparison): Block[] {
  const plans = c.columns.map((col) => col.plan);
  const verdictMark = c.differences.verdict ? MARK : "";
  const rows = [
    ["", "label", ...c.columns.map((col) => col.label)],
    ["", "project", ...plans.map((p) => p.project)],
    ["", "stack", ...plans.map((p) => p.stack)],
    [verdictMark, "verdict", ...plans.map((p) => p.verdict.toUpperCase())],
    ...c.configKeys.map((k) => ["", `config ${k}`, ...plans.map((p) => (Object.hasOwn(p.config, k) ? p.config[k] : ABSENT))]),
    ["", "budgets", ...plans.map((p) => show(p.budgets.length))],
    ["", "violations", ...plans.map((p) => show(p.findings.filter((f) => f.status === "violation").length))],
  ];
  return [{ kind: "table", header: ["", "plan", ...c.letters], rows, align: ["left", "left", ...c.letters.map((): Align => "left")] }];
}

function plural(n: number, one: string, many = `${one}s`): string {
  return `${show(n)} ${n === 1 ? one : many}`;
}

/** `differences: verdict, 1 config key, 9 budgets (2 verdicts, marked ≠), ...`, or `no differences`. */
export function differencesLine(d: Differences): string {
  if (noDifferences(d)) return NO_DIFFERENCES;
  const parts = [
    ...(d.project ? ["project"] : []),
    ...(d.stack ? ["stack"] : []),
    ...(d.verdict ? [`verdict (marked ${MARK})`] : []),
    ...(d.configKeys > 0 ? [plural(d.configKeys, "config key")] : []),
    ...(d.budgets > 0 ? [`${plural(d.budgets, "budget")}${d.budgetVerdicts > 0 ? ` (${plural(d.budgetVerdicts, "verdict")}, marked ${MARK})` : ""}`] : []),
    ...(d.confidence > 0 ? [plural(d.confidence, "confidence row")] : []),
    ...(d.costs > 0 ? [plural(d.costs, "campus's costs", "campuses' costs")] : []),
    ...(d.ledgerYears > 0 ? [`${plural(d.ledgerYears, "campus-year")} of the ledger`] : []),
    ...(d.water > 0 ? [plural(d.water, "campus's water", "campuses' water")] : []),
    ...(d.findings > 0 ? [`${plural(d.findings, "violation")} not in every plan`] : []),
  ];
  return `differences: ${parts.join(", ")}`;
}

function budgetBlocks(c: Comparison): Block[] {
  if (c.budgets.length === 0) return [{ kind: "heading", text: "Budgets" }, { kind: "line", text: "No budgets in any plan." }];
  const others = c.letters.slice(1);
  const header = ["", "policy", "budget", "unit", ...c.letters.flatMap((l, i) => [`${l} used`, `${l} headroom`, ...(i > 0 ? [`${l}−A used`, `${l}−A headroom`] : [])]), "verdict", "tightest resource"];
  const row = (b: BudgetLine): string[] => [
    b.marked ? MARK : "", b.policy, b.budget, unitText(b.unit),
    ...b.cells.flatMap((cell, i) => [
      cell ? figure(cell.used, b.unit) : ABSENT, cell ? figure(cell.headroom, b.unit) : ABSENT,
      ...(i > 0 ? [difference(b.usedDiff[i], b.unit), difference(b.headroomDiff[i], b.unit)] : []),
    ]),
    perPlan(b.cells.map((cell) => cell?.verdict), c.letters),
    perPlan(b.cells.map((cell) => cell?.resourceName), c.letters),
  ];
  return [
    { kind: "heading", text: "Budgets" },
    {
      kind: "line",
      text: `Each budget at its tightest resource: used, and headroom (the room left before it breaks; negative: broken by that much)${others.length > 0 ? `; ${others.map((l) => `${l}−A`).join(", ")}: that plan's figure minus plan A's` : ""}. ${MARK}: the plans' verdicts on the budget differ.`,
    },
    { kind: "table", header, rows: c.budgets.map(row), align: header.map((_, i): Align => (i >= 4 && i < header.length - 2 ? "right" : "left")) },
  ];
}

function confidenceBlocks(c: Comparison): Block[] {
  if (c.confidence.length === 0) return [];
  const header = ["policy", "budget", "unit", ...c.letters.flatMap((l) => [`${l} P(violation)`, `${l} P10`, `${l} P90`])];
  const rows = c.confidence.map((line) => [
    line.policy, line.budget, unitText(line.unit),
    ...line.cells.flatMap((cell) => (cell ? [cell.violationProbability === null ? "not finite" : `${show(cell.violationProbability * 100)} %`, figure(cell.p10, line.unit), figure(cell.p90, line.unit)] : [ABSENT, ABSENT, ABSENT])),
  ]);
  const samples = c.columns.map((col, i) => `${c.letters[i]} ${col.plan.confidence ? show(col.plan.confidence.samples) : ABSENT}`).join(", ");
  return [
    { kind: "heading", text: "Confidence" },
    { kind: "line", text: `Each budget over the catalog's ranges and other weather years (--samples): the share of samples in which it is violated, and the used value's 10th and 90th percentiles. Samples: ${samples}.` },
    { kind: "table", header, rows, align: header.map((_, i): Align => (i >= 3 ? "right" : "left")) },
  ];
}

function costBlocks(c: Comparison): Block[] {
  if (c.costs.length === 0) return [];
  const header = ["campus", ...c.letters.flatMap((l, i) => [`${l} capex`, `${l} $/GPU-h`, ...(i > 0 ? [`${l}−A capex`, `${l}−A $/GPU-h`] : [])])];
  const rows = c.costs.map((line) => [
    line.campus,
    ...line.cells.flatMap((cell, i) => [
      rangeText(cell?.capexUsd), rangeText(cell?.costUsdPerGpuHour),
      ...(i > 0 ? [dollarDifference(line.capexDiff[i]), dollarDifference(line.costPerGpuHourDiff[i])] : []),
    ]),
  ]);
  return [
    { kind: "heading", text: "Costs" },
    { kind: "line", text: "Capex over the horizon and cost per GPU-hour in the full-build year, each base (low–high); the differences are of the base figures." },
    { kind: "table", header, rows, align: header.map((_, i): Align => (i >= 1 ? "right" : "left")) },
    ...moneyBlocks(c),
  ];
}

/** The rows of the money table: label, each plan's cell, each difference from plan A. */
const MONEY_ROWS: readonly { label: string; cell: (line: CostLine, i: number) => string; diff: (line: CostLine, i: number) => string }[] = [
  { label: "levelised $/GPU-h", cell: (l, i) => rangeText(l.cells[i]?.finance?.levelisedCostUsdPerGpuHour), diff: (l, i) => dollarDifference(l.levelisedCostDiff[i]) },
  { label: "TCO", cell: (l, i) => rangeText(l.cells[i]?.finance?.tcoUsd), diff: (l, i) => dollarDifference(l.tcoDiff[i]) },
  { label: "PV of costs", cell: (l, i) => rangeText(l.cells[i]?.finance?.presentValueCostUsd), diff: (l, i) => dollarDifference(l.presentValueCostDiff[i]) },
  { label: "NPV", cell: (l, i) => rangeText(l.cells[i]?.finance?.npvUsd), diff: (l, i) => dollarDifference(l.npvDiff[i]) },
  { label: "refresh capex", cell: (l, i) => rangeText(l.cells[i]?.finance?.refreshCapexUsd), diff: (l, i) => dollarDifference(l.refreshCapexDiff[i]) },
  { label: "discount rate", cell: (l, i) => rateText(l.cells[i]?.finance?.discountRate), diff: (l, i) => rateDifference(l.discountRateDiff[i]) },
  { label: "cost of capital", cell: (l, i) => l.cells[i]?.finance?.costOfCapital ?? ABSENT, diff: (l, i) => textDifference(l.costOfCapitalDiffers[i]) },
  { label: "structure", cell: (l, i) => l.cells[i]?.finance?.structure ?? ABSENT, diff: (l, i) => textDifference(l.structureDiffers[i]) },
];

/**
 * The campuses' money (reports since the finance outputs), one row per figure, a column per plan and per difference
 * from plan A; only the campuses some plan has it for, and none when no plan has it (older reports).
 */
function moneyBlocks(c: Comparison): Block[] {
  const lines = c.costs.filter((line) => line.cells.some((cell) => cell?.finance !== undefined));
  if (lines.length === 0) return [];
  const others = c.letters.slice(1);
  const header = ["campus", "money", ...c.letters.flatMap((l, i) => [l, ...(i > 0 ? [`${l}−A`] : [])])];
  const rows = lines.flatMap((line) => MONEY_ROWS.map((r) => [line.campus, r.label, ...line.cells.flatMap((_, i) => [r.cell(line, i), ...(i > 0 ? [r.diff(line, i)] : [])])]));
  return [
    {
      kind: "line",
      text: "Money over the horizon: levelised cost per GPU-hour with a capital charge, total cost of ownership (capex, refresh included, plus opex, undiscounted), "
        + "present value of costs and net present value (negative: a cost) at the base discount rate, and refresh capex, each base (low-cost–high-cost estimate: "
        + "NPV's high-cost end is its most negative); the discount rate per year, the cost of capital it comes from and the financing structure"
        + `${others.length > 0 ? `; ${others.map((l) => `${l}−A`).join(", ")}: that plan's base figure minus plan A's (rates in percentage points, pp), same or differs for a text` : ""}`
        + "; - where a plan has none (a report from before the money was published).",
    },
    { kind: "table", header, rows, align: header.map((_, i): Align => (i >= 2 ? "right" : "left")) },
  ];
}

function ledgerBlocks(c: Comparison): Block[] {
  if (c.ledger.length === 0) return [];
  const header = ["year", ...c.letters.flatMap((l) => [`${l} firm MW`, `${l} peak MW`, `${l} headroom MW`, `${l} GWh`, `${l} water m³`])];
  const align = header.map((_, i): Align => (i >= 1 ? "right" : "left"));
  return [
    { kind: "heading", text: "Year ledger" },
    { kind: "line", text: "Per campus and year: firm MW delivering, facility power in the peak hour, firm headroom (negative: short), facility energy and make-up water." },
    ...c.ledger.flatMap((campus): Block[] => [
      { kind: "line", text: `Campus ${campus.campus}:` },
      {
        kind: "table", header, align,
        rows: campus.years.map((y) => [
          y.year === undefined ? "undated" : String(y.year),
          ...y.cells.flatMap((cell) => (cell ? [figure(cell.firmMw), figure(cell.peakMw), figure(cell.headroomMw), figure(cell.energyGwh), figure(cell.waterM3)] : [ABSENT, ABSENT, ABSENT, ABSENT, ABSENT])),
        ]),
      },
    ]),
  ];
}

/** The rows of the water table: label, each plan's cell (the campus present), each difference from plan A (both present). */
const WATER_ROWS: readonly { label: string; cell: (c: WaterCell) => string; diff: (line: WaterLine, i: number) => string }[] = [
  { label: "full-build year", cell: (c) => (c.year === undefined ? "undated" : String(c.year)), diff: (l, i) => textDifference(l.yearDiffers[i]) },
  { label: "consumed water m³", cell: (c) => knownFigure(c.consumedM3), diff: (l, i) => knownDifference(l.consumedDiff[i]) },
  { label: "scarcity-weighted water m³ world-eq", cell: (c) => knownFigure(c.weightedM3), diff: (l, i) => knownDifference(l.weightedDiff[i]) },
  { label: "scarcity-weighted WUE L world-eq/kWh", cell: (c) => knownFigure(c.weightedWueLPerKwh), diff: (l, i) => knownDifference(l.weightedWueDiff[i]) },
];

/** A figure, `not finite` for a value JSON held as null, `not known` for one the plan does not have. */
function knownFigure(n: number | null | undefined): string {
  return n === undefined ? NOT_KNOWN : figure(n);
}

/** A difference (`0`, `+1.5`, `-0.25`), `not known` where either plan lacks the figure. */
function knownDifference(d: number | null | undefined): string {
  return d === undefined || d === null ? NOT_KNOWN : difference(d);
}

/**
 * Each campus's water in each plan's full-build year: consumed (evaporated) water, that water weighted by the site's
 * monthly AWARE factors (m³ world-eq) and per kWh of IT energy, a column per plan and per difference from plan A.
 */
function waterBlocks(c: Comparison): Block[] {
  if (c.water.length === 0) return [];
  const others = c.letters.slice(1);
  const header = ["campus", "water", ...c.letters.flatMap((l, i) => [l, ...(i > 0 ? [`${l}−A`] : [])])];
  const rows = c.water.flatMap((line) => WATER_ROWS.map((r) => [
    line.campus, r.label,
    ...line.cells.flatMap((cell, i) => [
      cell ? r.cell(cell) : ABSENT,
      ...(i > 0 ? [cell && line.cells[0] ? r.diff(line, i) : ABSENT] : []),
    ]),
  ]));
  return [
    { kind: "heading", text: "Water" },
    {
      kind: "line",
      text: "Per campus in each plan's full-build year: water consumed (evaporated; blowdown returns to the basin), that water weighted by the site's monthly AWARE 2.0 factors "
        + "(m³ world-equivalent), and the scarcity-weighted water per kWh of IT energy"
        + `${others.length > 0 ? `; ${others.map((l) => `${l}−A`).join(", ")}: that plan's figure minus plan A's` : ""}`
        + `; ${NOT_KNOWN} where a plan lacks the figure (no AWARE factor for its site, or a report from before it was published), - where a plan has no such campus.`,
    },
    { kind: "table", header, rows, align: header.map((_, i): Align => (i >= 2 ? "right" : "left")) },
  ];
}

/** `all`, `B only`, `A, C only`, or the counts where some plan has it more than once. */
function inPlans(f: FindingLine, letters: readonly string[]): string {
  if (!f.notInAll) return "all";
  if (f.counts.some((n) => n > 1)) return f.counts.map((n, i) => `${letters[i]} ×${n}`).join(", ");
  return `${letters.filter((_, i) => f.counts[i] > 0).join(", ")} only`;
}

/** The finding's messages, one per distinct text, each led by the plans that have it: `A, B: <message>`. */
function messageGroups(f: FindingLine, letters: readonly string[]): string[] {
  const groups = new Map<string, string[]>();
  f.messages.forEach((m, i) => {
    if (m !== undefined) (groups.get(m) ?? groups.set(m, []).get(m)!).push(letters[i]);
  });
  return [...groups].map(([m, plans]) => `${plans.join(", ")}: ${m}`);
}

function findingBlocks(c: Comparison): Block[] {
  const counts = c.columns.map((col, i) => `${c.letters[i]} ${show(col.plan.findings.filter((f) => f.status === "violation").length)}`).join(", ");
  const notInAll = c.findings.filter((f) => f.notInAll).length;
  const summary = `Violations: ${counts}; ${notInAll === 0 ? "every one is in every plan" : `${plural(notInAll, "is", "are")} not in every plan`} (matched by policy, resource and budget; a message that differs between plans is shown for each).`;
  if (c.findings.length === 0) return [{ kind: "heading", text: "Findings" }, { kind: "line", text: "No violations in any plan." }];
  const header = ["in", "policy", "resource", "level", "message"];
  // Those not in every plan first.
  const ordered = [...c.findings.filter((f) => f.notInAll), ...c.findings.filter((f) => !f.notInAll)];
  return [
    { kind: "heading", text: "Findings" },
    { kind: "line", text: summary },
    { kind: "table", header, rows: ordered.flatMap((f) => messageGroups(f, c.letters).map((m) => [inPlans(f, c.letters), f.policy, f.resourceName, f.level, m])), align: [] },
  ];
}

/** The comparison as blocks: the plans, what differs, budgets, confidence, costs, the year ledger, water and the findings. */
export function compareDocument(c: Comparison): Block[] {
  return [
    { kind: "title", text: `aicluster compare: ${c.columns.length} plans` },
    ...headerBlocks(c),
    { kind: "line", text: differencesLine(c.differences) },
    ...budgetBlocks(c),
    ...confidenceBlocks(c),
    ...costBlocks(c),
    ...ledgerBlocks(c),
    ...waterBlocks(c),
    ...findingBlocks(c),
  ];
}
