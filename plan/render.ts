/** The plan report as text for a terminal or as Markdown for CI annotations (JSON is the report itself). */
import { show } from "../policies/finding";
import type { BudgetRow, CampusMonths, CampusYears, PlanReport, TreeNode } from "./report";

function value(v: unknown): string {
  if (Array.isArray(v)) return v.map(value).join(", ");
  return typeof v === "number" ? show(v) : v === undefined ? "-" : String(v);
}

/** Output rows, nested objects (e.g. `awsPilot`) flattened to `awsPilot.instanceType`. */
function outputRows(outputs: Record<string, unknown>, prefix = ""): [string, string][] {
  return Object.entries(outputs).flatMap(([k, v]): [string, string][] =>
    v !== null && typeof v === "object" && !Array.isArray(v) ? outputRows(v as Record<string, unknown>, `${prefix}${k}.`) : [[`${prefix}${k}`, value(v)]],
  );
}

function amount(n: number, unit: string): string {
  return unit === "share" ? `${show(n * 100)} %` : `${show(n)}${unit ? ` ${unit}` : ""}`;
}

function headroom(b: BudgetRow): string {
  // A share of a limit of 0 says nothing: show the headroom alone.
  const pct = Number.isFinite(b.headroomShare) && b.limit !== 0 ? ` (${show(b.headroomShare * 100)} %)` : "";
  return `${amount(b.headroom, b.unit)}${pct}`;
}

function status(b: BudgetRow): string {
  if (b.violations === 0) return "ok";
  return `${b.violations} over (${b.enforcementLevel})`;
}

const BUDGET_HEADER = ["policy", "budget", "checked", "used", "when", "limit", "headroom", "status"];

/** One budget row's cells, the same in every format. */
function budgetCells(b: BudgetRow): string[] {
  return [b.policy, b.budget, String(b.checked), amount(b.used, b.unit), b.at ?? "-", `${b.bound === "min" ? "≥" : "≤"} ${amount(b.limit, b.unit)}`, headroom(b), status(b)];
}

const MONTHLY_HEADER = ["month", "IT MWh", "facility MWh", "PUE", "water m³", "unserved MWh", "carbon-free"];

/** A campus's months and the year's total, the same cells in every format. */
function monthlyCells(c: CampusMonths): string[][] {
  const sum = (f: (r: CampusMonths["rows"][number]) => number) => c.rows.reduce((s, r) => s + f(r), 0);
  const it = sum((r) => r.itEnergyMwh);
  const facility = sum((r) => r.facilityEnergyMwh);
  // The year's carbon-free share weights each month by its demand (facility energy).
  const carbonFree = facility > 0 ? sum((r) => r.carbonFreeShare * r.facilityEnergyMwh) / facility : 0;
  const row = (month: string, itMwh: number, facilityMwh: number, waterM3: number, unservedMwh: number, share: number) => [
    month, show(itMwh), show(facilityMwh), itMwh > 0 ? FORMAT_PUE.format(facilityMwh / itMwh) : "-", show(waterM3), show(unservedMwh), `${show(share * 100)} %`,
  ];
  return [
    ...c.rows.map((r) => row(r.month, r.itEnergyMwh, r.facilityEnergyMwh, r.waterM3, r.unservedEnergyMwh, r.carbonFreeShare)),
    row("year", it, facility, sum((r) => r.waterM3), sum((r) => r.unservedEnergyMwh), carbonFree),
  ];
}

const YEARLY_HEADER = [
  "year", "halls", "GPUs", "IT MW", "peak MW", "firm MW", "headroom MW", "energy GWh", "PUE", "water m³", "peak-day m³",
  "gCO2e/kWh loc", "gCO2e/kWh mkt", "CFE", "unserved h", "contracts",
];

/** Names after a sign (`+a,b`), or their count past three (`+4 halls`); "" for none. */
function named(sign: string, names: readonly string[] | undefined, noun: string): string {
  if (!names || names.length === 0) return "";
  return names.length > 3 ? `${sign}${names.length} ${noun}` : `${sign}${names.join(",")}`;
}

/** A number as `show` prints it, or `-` when the row does not have it. */
function num(n: number | undefined): string {
  return typeof n === "number" && Number.isFinite(n) ? show(n) : "-";
}

/** A campus's years (or its one undated row), the same cells in every format; a firm shortfall is marked `!`. */
function yearlyCells(c: CampusYears): string[][] {
  return c.rows.map((r) => {
    const halls = named("+", r.hallsStarting, "halls");
    const contracts = [named("+", r.contractsStarting, "contracts"), named("−", r.contractsEnding, "contracts")].filter((s) => s).join(" ");
    return [
      r.year === undefined ? "-" : String(r.year),
      `${r.hallsOnline}${halls ? ` ${halls}` : ""}`,
      num(r.gpusOnline), num(r.itLoadMw), num(r.peakFacilityPowerMw), num(r.firmMw),
      `${num(r.firmHeadroomMw)}${r.firmHeadroomMw < 0 ? " !" : ""}`,
      num(r.facilityEnergyMwh === undefined ? undefined : r.facilityEnergyMwh / 1000),
      r.pue === undefined ? "-" : FORMAT_PUE.format(r.pue),
      num(r.waterM3), num(r.peakDailyWaterM3), num(r.carbonIntensityGPerKwh), num(r.marketCarbonIntensityGPerKwh),
      r.carbonFreeShare === undefined ? "-" : `${show(r.carbonFreeShare * 100)} %`,
      num(r.unservedHours),
      contracts || "-",
    ];
  });
}

/** `horizon 2026-2035, full build 2027`, or `undated`. */
function yearlyScope(c: CampusYears): string {
  const parts = [
    ...(c.horizonStartYear !== undefined && c.horizonEndYear !== undefined ? [`horizon ${c.horizonStartYear}-${c.horizonEndYear}`] : []),
    ...(c.fullBuildYear !== undefined ? [`full build ${c.fullBuildYear}`] : []),
  ];
  return parts.length > 0 ? parts.join(", ") : "undated";
}

/** A finding's message, with its year when the message does not already name it. */
function findingMessage(f: PlanReport["findings"][number]): string {
  return f.year !== undefined && !f.message.includes(String(f.year)) ? `${f.message} (${f.year})` : f.message;
}

// PUE differs in the third decimal between months; the general formatter would round it to two.
const FORMAT_PUE = new Intl.NumberFormat("en-US", { minimumFractionDigits: 3, maximumFractionDigits: 3 });

function levelOf(f: PlanReport["findings"][number]): string {
  return f.status === "not-applicable" ? "not applicable" : f.enforcementLevel;
}

function treeLines(nodes: readonly TreeNode[], prefix = ""): string[] {
  return nodes.flatMap((node, i) => {
    const last = i === nodes.length - 1;
    const more = node.hidden > 0 ? `  (+${node.hidden} more below)` : "";
    const line = `${prefix}${last ? "└─ " : "├─ "}${node.name}  [${node.type}]${more}`;
    return [line, ...treeLines(node.children, `${prefix}${last ? "   " : "│  "}`)];
  });
}

function table(rows: string[][]): string[] {
  if (rows.length === 0) return [];
  const widths = rows[0].map((_, c) => Math.max(...rows.map((r) => r[c].length)));
  return rows.map((r) => r.map((cell, c) => cell.padEnd(widths[c])).join("  ").trimEnd());
}

function configLine(r: PlanReport): string {
  const entries = Object.entries(r.config).map(([k, v]) => `${k}=${v}`);
  return entries.length > 0 ? entries.join(", ") : "(none)";
}

export function renderText(r: PlanReport): string {
  const out: string[] = [];
  out.push(`Plan of stack "${r.stack}" (project ${r.project}) under the mock runtime: no CLI, no cloud account`);
  out.push(`Config: ${configLine(r)}`);
  out.push("", `Resources: ${r.resourceCount}`);
  out.push(...table(r.resourcesByType.map((t) => [`  ${t.count}`, t.type])));
  out.push("", "Component tree:", ...treeLines(r.tree).map((l) => `  ${l}`));
  out.push("", "Outputs:", ...table(outputRows(r.outputs).map(([k, v]) => [`  ${k}`, v])));
  for (const c of r.years) {
    out.push("", `Year by year, campus ${c.campus} (${yearlyScope(c)}):`);
    out.push(...table([YEARLY_HEADER, ...yearlyCells(c)]).map((l) => `  ${l}`));
  }
  for (const c of r.monthly) {
    out.push("", `Year by month, campus ${c.campus} (weather: ${c.weather}):`);
    out.push(...table([MONTHLY_HEADER, ...monthlyCells(c)]).map((l) => `  ${l}`));
  }
  out.push("", "Budgets (the tightest resource of each; when: the worst hour or day it comes from):");
  out.push(...table([BUDGET_HEADER, ...r.budgets.map(budgetCells)]).map((l) => `  ${l}`));
  out.push("", r.findings.length === 0 ? "Findings: none" : "Findings:");
  for (const f of r.findings) {
    out.push(`  [${levelOf(f)}] ${f.policy}: ${findingMessage(f)}`);
    if (f.status === "violation") out.push(`      fix: ${f.remediation}`);
  }
  out.push("", `Verdict: ${r.verdict === "pass" ? "PASS, no mandatory policy violated" : "FAIL, a mandatory policy is violated"} (${show(r.wallSeconds)} s)`);
  return out.join("\n");
}

function mdTable(header: string[], rows: string[][]): string[] {
  const cell = (s: string) => s.replace(/\|/g, "\\|");
  return [`| ${header.join(" | ")} |`, `|${header.map(() => "---").join("|")}|`, ...rows.map((r) => `| ${r.map(cell).join(" | ")} |`)];
}

export function renderMarkdown(r: PlanReport): string {
  const out: string[] = [];
  out.push(`### aicluster plan: \`${r.stack}\` ${r.verdict === "pass" ? "passes" : "FAILS"}`, "");
  out.push(`Config: \`${configLine(r)}\`; ${r.resourceCount} resources; mock runtime, ${show(r.wallSeconds)} s.`, "");
  out.push(...mdTable(["resources", "type"], r.resourcesByType.map((t) => [String(t.count), `\`${t.type}\``])), "");
  out.push("<details><summary>Component tree</summary>", "", "```", ...treeLines(r.tree), "```", "", "</details>", "");
  out.push(...mdTable(["output", "value"], outputRows(r.outputs)), "");
  for (const c of r.years) {
    out.push(`Year by year, campus \`${c.campus}\` (${yearlyScope(c)}):`, "", ...mdTable(YEARLY_HEADER, yearlyCells(c)), "");
  }
  for (const c of r.monthly) {
    out.push(`Year by month, campus \`${c.campus}\` (weather: ${c.weather}):`, "", ...mdTable(MONTHLY_HEADER, monthlyCells(c)), "");
  }
  out.push(...mdTable(BUDGET_HEADER, r.budgets.map(budgetCells)), "");
  if (r.findings.length === 0) out.push("No findings.");
  for (const f of r.findings) {
    out.push(`- **${levelOf(f)}** \`${f.policy}\`: ${findingMessage(f)}${f.status === "violation" ? `. Fix: ${f.remediation}` : ""}`);
  }
  return out.join("\n");
}
