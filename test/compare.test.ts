/**
 * `aicluster compare` (plan/compare/): a plan compared with itself shows no difference; stack variants of this
 * repository give the budgets that runPlan + buildReport give directly, and their differences; a verdict that differs
 * marks its row; user strings are inert in text, Markdown and HTML; bad input is one message and exit 2.
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { withSchemaVersion } from "../plan/check";
import {
  Column, compareCommand, compareDocument, compareMain, comparePlans, comparedFromReport, loadColumns, MARK, NO_DIFFERENCES, parseCompareOptions,
  readComparedReport, renderComparison, sameFigure,
} from "../plan/compare";
import { main as aicluster } from "../plan/aicluster";
import { jsonSafe } from "../plan/neutralise";
import { buildReport, PlanReport } from "../plan/report";
import { runPlan } from "../plan/runPlan";
import { loadStackConfig } from "../plan/stackConfig";

let dir = "";
let report: PlanReport;
let reportFile = "";

/** The JSON report as `npm run plan -- <stack> --format json` writes it. */
const jsonText = (value: unknown) => jsonSafe(JSON.stringify(value, null, 2));

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "cmp-"));
  report = buildReport(await runPlan({ stack: "prometheus", config: loadStackConfig("prometheus") }), 3);
  reportFile = path.join(dir, "prometheus.json");
  fs.writeFileSync(reportFile, jsonText(withSchemaVersion(report)));
}, 60_000);
afterAll(() => dir && fs.rmSync(dir, { recursive: true, force: true }));
afterEach(() => vi.restoreAllMocks());

/** What compareCommand prints (console.log), and its exit code. */
async function printed(argv: string[], mode: "aicluster" | "repository" = "repository"): Promise<{ code: number; out: string }> {
  const lines: string[] = [];
  vi.spyOn(console, "log").mockImplementation((...a: unknown[]) => void lines.push(a.join(" ")));
  const code = await compareCommand(argv, mode);
  vi.restoreAllMocks();
  return { code, out: lines.join("\n") };
}

/** Table rows marked as a differing verdict: text rows start with the mark, Markdown rows with `| ≠ |`, HTML cells hold it alone. */
function markedRows(out: string): string[] {
  return out.split("\n").filter((l) => l.startsWith(MARK) || l.startsWith(`| ${MARK} |`) || l.includes(`<td>${MARK}</td>`));
}

describe("a plan compared with itself", () => {
  it("shows no difference: every difference 0, no marked row, and the line \"no differences\", in every format", async () => {
    const { code, out } = await printed([reportFile, reportFile]);
    expect(code).toBe(0);
    const lines = out.split("\n");
    expect(lines.filter((l) => l === NO_DIFFERENCES)).toEqual(["no differences"]);
    expect(out).not.toMatch(/^differences:/m);
    expect(markedRows(out)).toEqual([]);
    const markdown = (await printed([reportFile, reportFile, "--format", "markdown"])).out;
    expect(markdown.split("\n")).toContain("no differences");
    expect(markedRows(markdown)).toEqual([]);
    const html = path.join(dir, "self.html");
    expect((await printed([reportFile, reportFile, "--format", "html", "--out", html])).out).toMatch(/^wrote the html comparison of 2 plans to .*self\.html \(\d+ KB\)$/);
    const page = fs.readFileSync(html, "utf8");
    expect(page).toContain("<p>no differences</p>");
    expect(markedRows(page)).toEqual([]);

    const c = comparePlans([{ label: "a", plan: readComparedReport(reportFile) }, { label: "b", plan: readComparedReport(reportFile) }]);
    expect(c.budgets.length).toBe(report.budgets.length);
    for (const b of c.budgets) {
      expect(b.marked).toBe(false);
      expect(b.usedDiff.slice(1)).toEqual([0]);
      expect(b.headroomDiff.slice(1)).toEqual([0]);
    }
    for (const line of c.costs) expect([line.capexDiff[1], line.costPerGpuHourDiff[1]]).toEqual([0, 0]);
    // The money too (prometheus publishes it).
    expect(c.costs.every((line) => line.cells[0]?.finance !== undefined)).toBe(true);
    for (const line of c.costs) {
      expect([line.levelisedCostDiff[1], line.tcoDiff[1], line.presentValueCostDiff[1], line.npvDiff[1], line.refreshCapexDiff[1], line.discountRateDiff[1]]).toEqual([0, 0, 0, 0, 0, 0]);
      expect([line.structureDiffers[1], line.costOfCapitalDiffers[1]]).toEqual([false, false]);
    }
    expect(c.findings.every((f) => !f.notInAll)).toBe(true);
    // The text's difference columns (B−A used, B−A headroom) hold only 0.
    const header = lines.find((l) => l.includes("B−A used"))!;
    const at = header.indexOf("B−A used");
    const rows = lines.slice(lines.indexOf(header) + 2, lines.indexOf(header) + 2 + report.budgets.length);
    for (const row of rows) expect(row.slice(at, header.indexOf("verdict")).trim().split(/\s+/)).toEqual(["0", "0"]);
  });

  it("the report in memory and read back from its JSON file are the same plan", () => {
    const c = comparePlans([{ label: "memory", plan: comparedFromReport(report) }, { label: "file", plan: readComparedReport(reportFile) }]);
    expect(compareDocument(c)).toContainEqual({ kind: "line", text: NO_DIFFERENCES });
  });
});

describe("stack variants of this repository", () => {
  it("prometheus and prometheus:scale=0.002: each column's budgets are those of runPlan + buildReport, the differences their subtraction", async () => {
    const { sources } = parseCompareOptions(["prometheus", "prometheus:scale=0.002"], "repository");
    expect(sources).toEqual([
      { kind: "variant", arg: "prometheus", stack: "prometheus", overrides: {} },
      { kind: "variant", arg: "prometheus:scale=0.002", stack: "prometheus", overrides: { scale: "0.002" } },
    ]);
    const columns = await loadColumns(sources, "repository");
    expect(columns.map((c) => c.label)).toEqual(["prometheus", "prometheus:scale=0.002"]);
    // Independently: the two reports built directly.
    const a = buildReport(await runPlan({ stack: "prometheus", config: loadStackConfig("prometheus") }), 3);
    const b = buildReport(await runPlan({ stack: "prometheus", config: loadStackConfig("prometheus", { scale: "0.002" }) }), 3);
    expect(columns[1].plan.config).toEqual({ "aicluster:scale": "0.002" });
    const c = comparePlans(columns);
    expect(c.budgets.map((l) => [l.policy, l.budget])).toEqual(a.budgets.map((r) => [r.policy, r.budget]));
    for (const line of c.budgets) {
      const ra = a.budgets.find((r) => r.policy === line.policy && r.budget === line.budget)!;
      const rb = b.budgets.find((r) => r.policy === line.policy && r.budget === line.budget)!;
      expect(line.cells[0]!.used).toBe(ra.used);
      expect(line.cells[1]!.used).toBe(rb.used);
      expect(line.cells[0]!.headroom).toBe(ra.headroom);
      expect(line.cells[1]!.headroom).toBe(rb.headroom);
      expect(line.usedDiff[1]).toBe(sameFigure(ra.used, rb.used) ? 0 : rb.used - ra.used);
      expect(line.headroomDiff[1]).toBe(sameFigure(ra.headroom, rb.headroom) ? 0 : rb.headroom - ra.headroom);
    }
    // Twice the scale: the firm-power budget's used value doubles, and the text shows both and their difference.
    const firm = c.budgets.find((l) => l.policy === "firm-power")!;
    expect(firm.usedDiff[1]).toBeGreaterThan(0);
    expect(firm.cells[1]!.used! / firm.cells[0]!.used!).toBeCloseTo(2, 1);
    const text = renderComparison(compareDocument(c), "text");
    expect(text).toMatch(/^differences: 1 config key, \d+ budgets, 1 campus's costs, 10 campus-years of the ledger, 1 campus's water$/m);
    const firmRow = text.split("\n").find((l) => l.includes("firm power (peak hour + headroom)"))!;
    const { show } = await import("../components/format/numbers");
    expect(firmRow.split(/\s{2,}/)).toEqual(expect.arrayContaining([show(a.budgets[0].used), show(b.budgets[0].used), `+${show(b.budgets[0].used - a.budgets[0].used)}`]));
    expect(markedRows(text)).toEqual([]);
  }, 60_000);

  it("a budget whose verdict differs (a report edited so the water permit fails) is marked, and only that one", async () => {
    const json = JSON.parse(fs.readFileSync(reportFile, "utf8"));
    const water = json.budgets.find((r: { budget: string }) => r.budget === "annual water (permit)");
    expect(water.violations).toBe(0);
    Object.assign(water, { used: water.limit * 2, headroom: -water.limit, headroomShare: -1, violations: 1 });
    const edited = path.join(dir, "water-fails.json");
    fs.writeFileSync(edited, JSON.stringify(json));
    const { code, out } = await printed([reportFile, edited]);
    expect(code).toBe(0);
    const marked = markedRows(out);
    expect(marked).toHaveLength(1);
    expect(marked[0]).toContain("annual water (permit)");
    expect(marked[0]).toContain("A holds, B fails");
    expect(out).toMatch(/^differences: 1 budget \(1 verdict, marked ≠\)$/m);
    const markdown = (await printed([reportFile, edited, "--format", "markdown"])).out;
    expect(markedRows(markdown)).toHaveLength(1);
  });
});

describe("user strings are inert in every format", () => {
  const hostile = "::error::x|<script>alert(1)</script>\nnext ##[warning]";
  let columns: Column[];
  let file = "";

  beforeAll(() => {
    const json = JSON.parse(fs.readFileSync(reportFile, "utf8"));
    json.config["aicluster:note"] = hostile;
    for (const y of json.years) y.campus = hostile;
    for (const c of json.costs) Object.assign(c, { campus: hostile, finance: { ...c.finance, structure: hostile, costOfCapital: hostile } });
    for (const b of json.budgets) b.resourceName = hostile;
    for (const f of json.findings) Object.assign(f, { resourceName: hostile, message: hostile });
    json.budgets[0].budget = hostile;
    // A file name is a label too.
    file = path.join(dir, "a|b<script>.json");
    fs.writeFileSync(file, JSON.stringify(json));
    columns = [{ label: path.basename(file), plan: readComparedReport(file) }, { label: "plain", plan: readComparedReport(reportFile) }];
  });

  const noCommandLines = (out: string) => expect(out.split("\n").filter((l) => /^\s*::/.test(l) || l.includes("##["))).toEqual([]);

  it("text: one line per value (line breaks shown as \\n), no workflow command at a line's start", async () => {
    const { out } = await printed([file, reportFile]);
    noCommandLines(out);
    // The hostile campus leads a row of the costs table: its `::` is broken there.
    expect(out).toMatch(/^\\::error::x\|<script>/m);
    expect(out).toContain("::error::x|<script>alert(1)</script>\\nnext ##\\[warning]");
    expect(out.split("\n").some((l) => l.startsWith("next"))).toBe(false);
    // A finding's resource (a cell of its own: its `::` broken) and each plan's message.
    expect(out).toMatch(/^all +firm-power +\\::error::x\|<script>alert\(1\)<\/script>\\nnext ##\\\[warning\] +mandatory +A: ::error::x/m);
    expect(out).toContain("a|b<script>.json");
  });

  it("Markdown: no HTML, pipes escaped (every table row has its header's cells), no line break", () => {
    const out = renderComparison(compareDocument(comparePlans(columns)), "markdown");
    noCommandLines(out);
    expect(out).not.toContain("<script>");
    expect(out).toContain("&lt;script&gt;");
    expect(out).toContain("x\\|&lt;script&gt;");
    expect(out).toContain("a\\|b&lt;script&gt;.json");
    const cells = (l: string) => l.replace(/\\\|/g, "").split("|").length;
    const lines = out.split("\n");
    lines.forEach((l, i) => {
      if (l.startsWith("|---")) {
        for (let j = i + 1; j < lines.length && lines[j].startsWith("|"); j++) expect(cells(lines[j]), lines[j]).toBe(cells(l));
      }
    });
  });

  it("a hostile financing structure and cost of capital: escaped in Markdown and HTML, one line in text", () => {
    const doc = compareDocument(comparePlans(columns));
    const markdown = renderComparison(doc, "markdown");
    // The hostile campus's row (plan A's), escaped whole: `::` at the cell's start, pipes, markup, the line break as a space.
    const escaped = "\\::error::x\\|&lt;script&gt;alert(1)&lt;/script&gt; next ##\\[warning\\]";
    expect(markdown.split("\n")).toContain(`| ${escaped} | structure | ${escaped} | - | - |`);
    expect(markdown.split("\n")).toContain(`| ${escaped} | cost of capital | ${escaped} | - | - |`);
    expect(markdown).not.toContain("<script");
    const html = renderComparison(doc, "html");
    expect(html).toContain("<td>structure</td><td class=\"n\">&#58;:error::x|&lt;script&gt;alert(1)&lt;/script&gt;\\nnext ##&#91;warning]</td>");
    expect(html).not.toMatch(/<script/i);
    const text = renderComparison(doc, "text");
    // Text: the structure on its row (its `::` broken, the line break shown as \n), no line of its own.
    expect(text).toMatch(/ structure +\\::error::x\|<script>alert\(1\)<\/script>\\nnext ##\\\[warning\] +- +-$/m);
    expect(text.split("\n").some((l) => l.startsWith("next"))).toBe(false);
  });

  it("HTML: no element but the page's own, text as references", async () => {
    const out = path.join(dir, "hostile.html");
    await printed([file, reportFile, "--format", "html", "--out", out]);
    const page = fs.readFileSync(out, "utf8");
    noCommandLines(page);
    expect(page).not.toMatch(/<script|<\/script/i);
    expect(page).toContain("&#58;:error::x|&lt;script&gt;alert(1)&lt;/script&gt;\\nnext ##&#91;warning]");
    expect(page).toContain("<title>aicluster compare: 2 plans</title>");
    // Self-contained: no external resource.
    expect(page).not.toMatch(/\b(src|href)=/);
    const tags = new Set([...page.matchAll(/<\/?([a-zA-Z0-9!]+)/g)].map((m) => m[1].toLowerCase()));
    expect([...tags].sort()).toEqual(["!doctype", "body", "h1", "h2", "head", "html", "meta", "p", "style", "table", "tbody", "td", "th", "thead", "title", "tr"]);
  });
});

describe("the campuses' money (costs[].finance): figures, differences from plan A, '-' for a report without it", () => {
  const FINANCE_A = {
    structure: "own-balance-sheet", costOfCapital: "hyperscaler", presentValueYear: 2026,
    discountRate: { low: 0.074, base: 0.087, high: 0.1 },
    levelisedCostUsdPerGpuHour: { low: 2.05, base: 2.75, high: 3.67 },
    tcoUsd: { low: 68.5e6, base: 88.8e6, high: 115e6 },
    presentValueCostUsd: { low: 53.5e6, base: 68.8e6, high: 88.7e6 },
    npvUsd: { low: -48e6, base: -62e6, high: -80.3e6 },
    refreshCapexUsd: { low: 22.9e6, base: 27.8e6, high: 34e6 },
    // Read by the report, not by the comparison.
    residualValueUsd: { low: 1, base: 2, high: 3 }, refreshes: [], cashFlows: [], parties: [], rentalBands: [],
  };
  const FINANCE_C = {
    ...FINANCE_A, structure: "sale-leaseback", costOfCapital: "stated",
    discountRate: { low: 0.06, base: 0.08, high: 0.1 },
    levelisedCostUsdPerGpuHour: { low: 2.5, base: 3.25, high: 4 },
    tcoUsd: { low: 70e6, base: 90e6, high: 120e6 },
    presentValueCostUsd: { low: 50e6, base: 65e6, high: 85e6 },
    npvUsd: { low: -40e6, base: -55e6, high: -75e6 },
    refreshCapexUsd: { low: 20e6, base: 25e6, high: 30e6 },
  };
  const CAPEX = { low: 32.2e6, base: 39.5e6, high: 49.3e6 };
  const PER_HOUR = { low: 1.69, base: 2.05, high: 2.53 };
  /** The prometheus report with its costs replaced by one hand-made campus (`finance` left out when undefined). */
  const reportWith = (name: string, finance: unknown) => {
    const json = JSON.parse(fs.readFileSync(reportFile, "utf8"));
    json.costs = [{ campus: "north", capexUsd: CAPEX, costUsdPerGpuHour: PER_HOUR, ...(finance === undefined ? {} : { finance }) }];
    const file = path.join(dir, name);
    fs.writeFileSync(file, JSON.stringify(json));
    return file;
  };
  /** The money table's rows of the text output, split into cells. */
  const moneyRows = (out: string) => {
    const lines = out.split("\n");
    const header = lines.findIndex((l) => /^campus +money /.test(l));
    expect(header).toBeGreaterThan(0);
    const rows: string[][] = [];
    for (let i = header + 2; i < lines.length && lines[i].startsWith("north"); i++) rows.push(lines[i].split(/\s{2,}/));
    return { header: lines[header].split(/\s{2,}/), rows };
  };
  let withA = "";
  let without = "";
  let withC = "";
  beforeAll(() => {
    withA = reportWith("money-a.json", FINANCE_A);
    without = reportWith("money-none.json", undefined);
    withC = reportWith("money-c.json", FINANCE_C);
  });

  it("one report with money and one without: A's figures, '-' for B and every difference", async () => {
    const { code, out } = await printed([withA, without]);
    expect(code).toBe(0);
    expect(out).not.toMatch(/NaN|undefined|null/);
    const { header, rows } = moneyRows(out);
    expect(header).toEqual(["campus", "money", "A", "B", "B−A"]);
    expect(rows).toEqual([
      ["north", "levelised $/GPU-h", "$2.75 ($2.05–$3.67)", "-", "-"],
      ["north", "TCO", "$88.8M ($68.5M–$115M)", "-", "-"],
      ["north", "PV of costs", "$68.8M ($53.5M–$88.7M)", "-", "-"],
      ["north", "NPV", "-$62.0M (-$48.0M to -$80.3M)", "-", "-"],
      ["north", "refresh capex", "$27.8M ($22.9M–$34.0M)", "-", "-"],
      ["north", "discount rate", "8.7 % (7.4–10 %)", "-", "-"],
      ["north", "cost of capital", "hyperscaler", "-", "-"],
      ["north", "structure", "own-balance-sheet", "-", "-"],
    ]);
    // The money is part of the campus's costs: they differ.
    expect(out).toMatch(/^differences: 1 campus's costs$/m);
    const c = comparePlans([{ label: "a", plan: readComparedReport(withA) }, { label: "b", plan: readComparedReport(without) }]);
    const line = c.costs[0];
    expect(line.cells[1]).toEqual({ capexUsd: CAPEX, costUsdPerGpuHour: PER_HOUR });
    expect([line.levelisedCostDiff, line.tcoDiff, line.npvDiff, line.discountRateDiff, line.structureDiffers]).toEqual([[undefined, null], [undefined, null], [undefined, null], [undefined, null], [undefined, null]]);
    // Reversed: the first plan has none, so no difference can be taken either.
    const reversed = moneyRows((await printed([without, withA])).out).rows;
    expect(reversed[3]).toEqual(["north", "NPV", "-", "-$62.0M (-$48.0M to -$80.3M)", "-"]);
    expect(reversed[7]).toEqual(["north", "structure", "-", "own-balance-sheet", "-"]);
  });

  it("two reports with money: each base figure minus A's, rates in percentage points, texts same or differs", async () => {
    const { out } = await printed([withA, withC]);
    expect(moneyRows(out).rows).toEqual([
      ["north", "levelised $/GPU-h", "$2.75 ($2.05–$3.67)", "$3.25 ($2.50–$4.00)", "+$0.500"],
      ["north", "TCO", "$88.8M ($68.5M–$115M)", "$90.0M ($70.0M–$120M)", "+$1.20M"],
      ["north", "PV of costs", "$68.8M ($53.5M–$88.7M)", "$65.0M ($50.0M–$85.0M)", "-$3.80M"],
      ["north", "NPV", "-$62.0M (-$48.0M to -$80.3M)", "-$55.0M (-$40.0M to -$75.0M)", "+$7.00M"],
      ["north", "refresh capex", "$27.8M ($22.9M–$34.0M)", "$25.0M ($20.0M–$30.0M)", "-$2.80M"],
      ["north", "discount rate", "8.7 % (7.4–10 %)", "8 % (6–10 %)", "-0.7 pp"],
      ["north", "cost of capital", "hyperscaler", "stated", "differs"],
      ["north", "structure", "own-balance-sheet", "sale-leaseback", "differs"],
    ]);
    const c = comparePlans([{ label: "a", plan: readComparedReport(withA) }, { label: "c", plan: readComparedReport(withC) }]);
    const line = c.costs[0];
    // 3.25 − 2.75, 90 − 88.8, 65 − 68.8, −55 − (−62), 25 − 27.8 ($M), 0.08 − 0.087.
    expect(line.levelisedCostDiff[1]).toBeCloseTo(0.5, 12);
    expect(line.tcoDiff[1]).toBeCloseTo(1.2e6, 3);
    expect(line.presentValueCostDiff[1]).toBeCloseTo(-3.8e6, 3);
    expect(line.npvDiff[1]).toBe(7e6);
    expect(line.refreshCapexDiff[1]).toBeCloseTo(-2.8e6, 3);
    expect(line.discountRateDiff[1]).toBeCloseTo(-0.007, 12);
    expect([line.capexDiff[1], line.costPerGpuHourDiff[1], line.structureDiffers[1], line.costOfCapitalDiffers[1]]).toEqual([0, 0, true, true]);
    // Markdown and HTML carry the same cells.
    const markdown = (await printed([withA, withC, "--format", "markdown"])).out;
    // Markdown escapes `$` (no inline maths).
    expect(markdown).toContain("| north | NPV | -\\$62.0M (-\\$48.0M to -\\$80.3M) | -\\$55.0M (-\\$40.0M to -\\$75.0M) | +\\$7.00M |");
    expect(markdown).toContain("| north | structure | own-balance-sheet | sale-leaseback | differs |");
    const page = path.join(dir, "money.html");
    await printed([withA, withC, "--format", "html", "--out", page]);
    expect(fs.readFileSync(page, "utf8")).toContain('<tr><td>north</td><td>discount rate</td><td class="n">8.7 % (7.4–10 %)</td><td class="n">8 % (6–10 %)</td><td class="n">-0.7 pp</td></tr>');
  });

  it("a report with money compared with itself: every difference 0 or same, and \"no differences\"", async () => {
    const { out } = await printed([withA, withA]);
    expect(out.split("\n")).toContain(NO_DIFFERENCES);
    expect(moneyRows(out).rows.map((r) => r[4])).toEqual(["0", "0", "0", "0", "0", "0", "same", "same"]);
  });

  it("no plan with money (older reports): no money table", async () => {
    const { out } = await printed([without, without]);
    expect(out).not.toMatch(/^campus +money /m);
    expect(out.split("\n")).toContain(NO_DIFFERENCES);
  });

  it("a figure that was not finite (null in JSON) is '-', never NaN or null", async () => {
    const file = reportWith("money-not-finite.json", { ...FINANCE_A, npvUsd: { low: null, base: null, high: -80.3e6 } });
    const { out } = await printed([withA, file]);
    expect(moneyRows(out).rows[3]).toEqual(["north", "NPV", "-$62.0M (-$48.0M to -$80.3M)", "-", "-"]);
    expect(out).not.toMatch(/NaN|null|undefined/);
  });
});

describe("bad input: one message naming the argument, what is wrong and what is allowed; exit 2", () => {
  const PLAN_ALLOWED = "a JSON report file (npm run plan -- <stack> --format json) or a stack variant <stack> or <stack>:<key>=<value>[,<key>=<value>...], e.g. prometheus:scale=0.01";
  const FILE_ALLOWED = "a JSON report file (npm run plan -- <stack> --format json)";
  const written = (name: string, text: string) => {
    fs.writeFileSync(path.join(dir, name), text);
    return path.join(dir, name);
  };
  const cases: { name: string; args: () => string[]; message: () => string }[] = [
    { name: "no plan", args: () => [], message: () => `compare needs two or more plans, got 0; allowed: ${PLAN_ALLOWED}` },
    { name: "one plan", args: () => ["prometheus"], message: () => `compare needs two or more plans, got 1 ("prometheus"); allowed: ${PLAN_ALLOWED}` },
    { name: "a report file that does not exist", args: () => [path.join(dir, "missing.json"), "prometheus"], message: () => `report ${JSON.stringify(path.join(dir, "missing.json"))}: no such file; allowed: ${FILE_ALLOWED}` },
    { name: "a folder", args: () => [dir, "prometheus"], message: () => `report ${JSON.stringify(dir)}: not a regular file (a folder); allowed: ${FILE_ALLOWED}` },
    {
      name: "invalid JSON",
      args: () => [written("cut.json", '{"schemaVersion": 1,'), "prometheus"],
      message: () => `report ${JSON.stringify(path.join(dir, "cut.json"))}: invalid JSON at line 1, column 21: PropertyNameExpected; allowed: ${FILE_ALLOWED}`,
    },
    {
      name: "JSON that is not a report",
      args: () => [written("other.json", '{"name": "x"}'), "prometheus"],
      message: () => `report ${JSON.stringify(path.join(dir, "other.json"))}: schemaVersion = (missing); allowed: 1 (the JSON report of npm run plan -- <stack> --format json)`,
    },
    {
      name: "a report without its year ledger",
      args: () => {
        const json = JSON.parse(fs.readFileSync(reportFile, "utf8"));
        delete json.years;
        fs.writeFileSync(path.join(dir, "no-years.json"), JSON.stringify(json));
        return [reportFile, path.join(dir, "no-years.json")];
      },
      message: () => `report ${JSON.stringify(path.join(dir, "no-years.json"))}: years = (missing); allowed: a list of campuses' years`,
    },
    {
      name: "a report whose money has a TCO that is a string",
      args: () => {
        const json = JSON.parse(fs.readFileSync(reportFile, "utf8"));
        json.costs[0].finance.tcoUsd = "88.8M";
        fs.writeFileSync(path.join(dir, "bad-tco.json"), JSON.stringify(json));
        return [reportFile, path.join(dir, "bad-tco.json")];
      },
      message: () => `report ${JSON.stringify(path.join(dir, "bad-tco.json"))}: costs[0].finance.tcoUsd = a string; allowed: an object { low, base, high }`,
    },
    {
      name: "a report whose money has a structure that is a number and a discount rate without a base",
      args: () => {
        const json = JSON.parse(fs.readFileSync(reportFile, "utf8"));
        json.costs[0].finance.structure = 1;
        json.costs[0].finance.discountRate = { low: 0.07, high: 0.1 };
        fs.writeFileSync(path.join(dir, "bad-structure.json"), JSON.stringify(json));
        return [reportFile, path.join(dir, "bad-structure.json")];
      },
      message: () => `report ${JSON.stringify(path.join(dir, "bad-structure.json"))}: costs[0].finance.structure = a number; allowed: a string (and 1 more problem)`,
    },
    {
      name: "a report whose money is not an object",
      args: () => {
        const json = JSON.parse(fs.readFileSync(reportFile, "utf8"));
        json.costs[0].finance = "lots";
        fs.writeFileSync(path.join(dir, "bad-finance.json"), JSON.stringify(json));
        return [reportFile, path.join(dir, "bad-finance.json")];
      },
      message: () => `report ${JSON.stringify(path.join(dir, "bad-finance.json"))}: costs[0].finance = a string; allowed: an object (a campus's money: structure, discountRate, tcoUsd, npvUsd, ...)`,
    },
    {
      name: "a variant without '='",
      args: () => ["prometheus", "prometheus:scale"],
      message: () => `stack variant "prometheus:scale": "scale" has no '='; allowed: <stack> or <stack>:<key>=<value>[,<key>=<value>...], e.g. prometheus:scale=0.01; or ${FILE_ALLOWED}`,
    },
    {
      name: "a variant with nothing after ':'",
      args: () => ["prometheus", "prometheus:"],
      message: () => `stack variant "prometheus:": nothing after ':'; allowed: <stack> or <stack>:<key>=<value>[,<key>=<value>...], e.g. prometheus:scale=0.01; or ${FILE_ALLOWED}`,
    },
    {
      name: "a variant with a key twice",
      args: () => ["prometheus", "prometheus:scale=0.01,scale=0.02"],
      message: () => `stack variant "prometheus:scale=0.01,scale=0.02": key "scale" given twice; allowed: <stack> or <stack>:<key>=<value>[,<key>=<value>...], e.g. prometheus:scale=0.01; or ${FILE_ALLOWED}`,
    },
    {
      name: "a variant whose stack name is none",
      args: () => ["prometheus", "prom etheus:scale=1"],
      message: () => `stack variant "prom etheus:scale=1": stack name "prom etheus"; allowed: a stack name of letters, digits, '-', '_' and '.', at most 100 characters (no path separators), with :<key>=<value>,... or without; or ${FILE_ALLOWED}`,
    },
    { name: "an unknown stack", args: () => ["prometheus", "nosuch"], message: () => 'stack variant "nosuch": no stack "nosuch": no stacks/Pulumi.nosuch.yaml; stacks: hyperion, prometheus, stargate-abilene' },
    { name: "an unknown option", args: () => ["prometheus", "hyperion", "--colour"], message: () => "unknown option --colour; allowed: --format, --out, --project (aicluster compare) and --help" },
    { name: "a format it does not write", args: () => ["prometheus", "hyperion", "--format", "json"], message: () => '--format "json": allowed text, markdown or html (one format per run)' },
    { name: "HTML without --out", args: () => ["prometheus", "hyperion", "--format", "html"], message: () => "--format html: needs --out <file> (the comparison is one HTML page)" },
    { name: "--project with npm run compare", args: () => ["prometheus", "hyperion", "--project", "."], message: () => "--project: allowed with aicluster compare (npm run compare plans this repository's stacks)" },
  ];

  it.each(cases)("$name", async ({ args, message }) => {
    const argv = args();
    await expect(compareCommand(argv, "repository")).rejects.toMatchObject({ name: "UsageError", message: message() });
    const errors: string[] = [];
    vi.spyOn(console, "error").mockImplementation((...a: unknown[]) => void errors.push(a.join(" ")));
    vi.spyOn(console, "log").mockImplementation(() => {});
    expect(await compareMain(argv, "repository")).toBe(2);
    expect(errors[0]).toBe(`error: ${message()}`);
  });

  it("aicluster compare: dispatched by the aicluster command, its usage on --help, bad input exit 2", async () => {
    const logs: string[] = [];
    const errors: string[] = [];
    vi.spyOn(console, "log").mockImplementation((...a: unknown[]) => void logs.push(a.join(" ")));
    vi.spyOn(console, "error").mockImplementation((...a: unknown[]) => void errors.push(a.join(" ")));
    expect(await aicluster(["compare", "--help"])).toBe(0);
    expect(logs[0]).toMatch(/^usage: aicluster compare <plan> <plan>/);
    expect(await aicluster(["compare", "prometheus"])).toBe(2);
    expect(errors[0]).toBe(`error: compare needs two or more plans, got 1 ("prometheus"); allowed: ${PLAN_ALLOWED}`);
    expect(await aicluster(["--help"])).toBe(0);
    expect(logs.join("\n")).toContain("compare <plan> <plan> [...]");
  });
});
