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
    expect(text).toMatch(/^differences: 1 config key, \d+ budgets, 1 campus's costs, 10 campus-years of the ledger$/m);
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
    for (const c of json.costs) c.campus = hostile;
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
    { name: "an unknown stack", args: () => ["prometheus", "nosuch"], message: () => 'stack variant "nosuch": no stack "nosuch": no stacks/Pulumi.nosuch.yaml; stacks: hyperion, prometheus' },
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
