/**
 * `--baseline` (plan/baseline/: parse, compare, render): an earlier JSON report read back and checked, compared with this run per budget
 * and per finding, and rendered as a PR comment and as text. Real runs of prometheus at its stack scale (0.001) with
 * three policy configs give a budget fixed, one broken and a verdict turned; hand-made reports cover the rest.
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  BaselineDiff, baselineHeadline, baselineMarker, BASELINE_MARKDOWN_MAX_CHARS, compareReports, GITHUB_COMMENT_MAX_CHARS, parseBaselineReport,
  readBaselineReport, renderBaselineMarkdown, renderBaselineText, SUPPORTED_BASELINE_VERSIONS,
} from "../plan/baseline";
import { findingFingerprint } from "../plan/ciFormats";
import { JSON_SCHEMA_VERSION, withSchemaVersion } from "../plan/cli";
import { UsageError } from "../plan/options";
import { BudgetRow, buildReport, PlanReport } from "../plan/report";
import { runPlan } from "../plan/runPlan";
import { loadStackConfig } from "../plan/stackConfig";
import type { EnforcedFinding, PackConfig } from "../policies/evaluate";
import { envInt, SEED } from "./helpers/arbitraries";

/** The report as `--format json` writes it and as --baseline reads it back (Infinity and NaN become null). */
const asJson = (r: PlanReport): unknown => JSON.parse(JSON.stringify(withSchemaVersion(r)));
const asBaseline = (r: PlanReport) => parseBaselineReport(asJson(r), "--baseline base.json");

async function prometheus(policyConfig: PackConfig): Promise<PlanReport> {
  return buildReport(await runPlan({ stack: "prometheus", config: loadStackConfig("prometheus"), policyConfig }), 3);
}

let before: PlanReport; // PUE capped at 1.05: broken
let after: PlanReport; // PUE at its default 1.3 (holds), WUE capped at 0.01 L/kWh: broken
let passing: PlanReport; // the defaults, with the two failing power rules advisory: PASS
let exempt: PlanReport; // PUE capped at 1.05 (broken), with an exemption for the campus
let dir = "";

beforeAll(async () => {
  before = await prometheus({ "pue-max": { maxPue: 1.05 } });
  after = await prometheus({ "wue-max": { maxWueLPerKwh: 0.01 } });
  passing = await prometheus({ "firm-power": "advisory", "energy-adequacy": "advisory" });
  exempt = await prometheus({ "pue-max": { maxPue: 1.05, exemptions: [{ resource: "prometheus", reason: "chiller retrofit in 2027" }] } } as PackConfig);
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "aicluster-baseline-"));
}, 90_000);
afterAll(() => dir && fs.rmSync(dir, { recursive: true, force: true }));

const budgetOf = (d: BaselineDiff, policy: string) => d.budgets.find((b) => b.policy === policy)!;
const rowOf = (r: PlanReport, policy: string) => r.budgets.find((b) => b.policy === policy)!;

describe("comparing two real runs", () => {
  it("gives each budget's headroom before, after and its change", () => {
    const diff = compareReports(asBaseline(before), after);
    const pueUsed = rowOf(after, "pue-max").used;
    expect(pueUsed).toBeCloseTo(1.0842, 4);
    expect(rowOf(before, "pue-max").used).toBe(pueUsed);
    const pue = budgetOf(diff, "pue-max");
    expect(pue).toMatchObject({ status: "fixed now", headroomBefore: 1.05 - pueUsed, headroomAfter: 1.3 - pueUsed, violationsBefore: 1, violationsAfter: 0 });
    expect(pue.headroomChange).toBe(1.3 - pueUsed - (1.05 - pueUsed));
    expect(pue.headroomChange).toBeCloseTo(0.25, 12);

    const wueUsed = rowOf(after, "wue-max").used;
    // Issue 32: the adiabatic coolers evaporate by the hour's wet-bulb depression (0.01397 before, a constant 50 %
    // share; 0.010376 after) and also pre-cool the air path's 18 °C loop (0.048482 since).
    expect(wueUsed).toBeCloseTo(0.048482, 6);
    const wue = budgetOf(diff, "wue-max");
    expect(wue).toMatchObject({ status: "broken now", unit: "L/kWh", headroomBefore: 1 - wueUsed, headroomAfter: 0.01 - wueUsed });
    expect(wue.headroomChange).toBeCloseTo(-0.99, 12);

    const firm = budgetOf(diff, "firm-power");
    expect(firm).toMatchObject({ status: "unchanged", headroomChange: 0, unit: "MW", notes: [] });
    // 2026: AEP's 0.12 MW alone before Socrates's first delivery (2026-09-30), so firm power binds at the peak-load
    // hour before that date: 0.5742 MW of facility power (its air path's chillers included) + 10 % = 0.6316 MW
    // against 0.12 MW.
    expect(firm.headroomBefore).toBeCloseTo(0.12 - 0.6316, 3);
    expect(firm.headroomAfter).toBe(firm.headroomBefore);
    // The unserved-hours budget has a limit of 0: it has no share (absent, never null in JSON), and the baseline reads it.
    expect((asJson(before) as { budgets: { policy: string; headroomShare?: unknown }[] }).budgets.find((b) => b.policy === "energy-adequacy")).not.toHaveProperty("headroomShare");
    // The first failing year, 2026: the 6,528 hours before Socrates's first delivery on 2026-09-30 (272 days × 24).
    expect(budgetOf(diff, "energy-adequacy")).toMatchObject({ status: "unchanged", headroomBefore: -6528, headroomAfter: -6528, headroomChange: 0 });
    expect(diff.budgets.filter((b) => b.status === "unchanged")).toHaveLength(after.budgets.length - 2);
    expect(diff.resourceCount).toEqual({ before: 36, after: 36 });
    expect(diff.verdict).toEqual({ before: "fail", after: "fail" });
    expect(diff.mismatch).toBeUndefined();
  });

  it("lists the finding fixed, the new one and those still failing, matched by fingerprint", () => {
    const diff = compareReports(asBaseline(before), after);
    expect(diff.findings.new.map((f) => [f.policy, f.resourceName, f.blocking])).toEqual([["wue-max", "prometheus", true]]);
    expect(diff.findings.new[0].fingerprint).toBe(findingFingerprint(after.findings.find((f) => f.policy === "wue-max")!));
    expect(diff.findings.fixed.map((f) => [f.policy, f.resourceName, f.enforcementLevel])).toEqual([["pue-max", "prometheus", "mandatory"]]);
    // Three contract-expiry notes: the proposed socrates-expansion is not counted, so no renewal is asked of it.
    expect(diff.findings.stillFailing.map((f) => f.policy)).toEqual(["firm-power", "energy-adequacy", "carbon", "contract-expiry", "contract-expiry", "contract-expiry"]);
    expect(baselineHeadline(diff)).toBe("❌ FAIL (was FAIL): 1 finding fixed, 1 new (1 blocking); budgets: 1 broken now, 1 fixed now");
  });

  it("says PASS (was FAIL) when the blocking findings go, and notes an enforcement level that changed", () => {
    const diff = compareReports(asBaseline(before), passing);
    expect(baselineHeadline(diff)).toBe("✅ PASS (was FAIL): 1 finding fixed, 0 new; budgets: 1 fixed now");
    const firm = diff.findings.stillFailing.find((f) => f.policy === "firm-power")!;
    expect(firm).toMatchObject({ enforcementLevel: "advisory", blocking: false });
    expect(budgetOf(diff, "firm-power").notes).toEqual(["enforcement was mandatory"]);
    expect(budgetOf(diff, "firm-power").enforcementLevel).toBe("advisory");
  });

  it("counts an exempted violation as new but not blocking, and notes the exemption on its budget", () => {
    const diff = compareReports(asBaseline(after), exempt);
    expect(diff.findings.new.map((f) => [f.policy, f.exempted, f.blocking])).toEqual([["pue-max", true, false]]);
    expect(budgetOf(diff, "pue-max")).toMatchObject({ status: "broken now", notes: ["1 of 1 over exempted"] });
    expect(baselineHeadline(diff)).toBe("❌ FAIL (was FAIL): 1 finding fixed, 1 new; budgets: 1 broken now, 1 fixed now");
  });
});

describe("the PR comment", () => {
  it("starts with the marker line, the same for every comparison of the stack, then the headline", () => {
    const md = renderBaselineMarkdown(compareReports(asBaseline(before), after));
    const lines = md.split("\n");
    expect(lines[0]).toBe("<!-- aicluster-plan:aicluster/prometheus -->");
    expect(lines[0]).toBe(baselineMarker("aicluster", "prometheus"));
    expect(renderBaselineMarkdown(compareReports(asBaseline(after), passing)).split("\n")[0]).toBe(lines[0]);
    expect(lines[1]).toBe("### ❌ FAIL (was FAIL): 1 finding fixed, 1 new (1 blocking); budgets: 1 broken now, 1 fixed now");
    expect(md.split(lines[0])).toHaveLength(2);
  });

  it("shows headroom before → after with Δ signed (positive = more room), unchanged budgets collapsed", () => {
    const md = renderBaselineMarkdown(compareReports(asBaseline(before), after));
    const cells = (prefix: string) => md.split("\n").find((l) => l.startsWith(prefix))!.split(" | ").map((c) => c.replace(/^\| | \|$/g, ""));
    expect(cells("| 🟢 fixed now | pue-max |")).toEqual(["🟢 fixed now", "pue-max", "PUE", "prometheus", "-0.0342", "0.2158", "+0.25"]);
    expect(cells("| 🔴 broken now | wue-max |")).toEqual(["🔴 broken now", "wue-max", "WUE", "prometheus", "0.9515 L/kWh", "-0.0385 L/kWh", "-0.99 L/kWh"]);
    expect(md).toContain("Δ = after − before, positive = more room");
    const details = md.indexOf("<details><summary>Unchanged budgets (10)</summary>");
    expect(details).toBeGreaterThan(md.indexOf("| 🔴 broken now"));
    expect(md.indexOf("| ⚪ unchanged | firm-power |")).toBeGreaterThan(details);
    expect(md).toContain("**New findings (1)**\n\n- **mandatory** wue-max: prometheus: WUE 0.0485 L/kWh exceeds the maximum of 0.01. Fix: ");
    expect(md).toContain("**Fixed findings (1)**\n\n- **mandatory** pue-max: prometheus: PUE 1.084 exceeds the maximum of 1.05.");
    expect(md).toContain("<details><summary>Still failing (6)</summary>");
  });

  it("keeps text from a report inert: no second marker, no broken table, no HTML", () => {
    const evil = "<!-- aicluster-plan:x/y --> a | b `c` $1 and $2 <img src=x>\nnext line";
    const base = handReport({ findings: [] });
    const now = handReport({ budgets: [budget({ resourceName: evil })], findings: [finding({ message: evil })] });
    const md = renderBaselineMarkdown(compareReports(asBaseline(base), now));
    expect(md.split("<!--")).toHaveLength(2);
    expect(md).not.toContain("<img");
    const row = md.split("\n").find((l) => l.startsWith("| 🆕 new"))!;
    expect(row.replace(/\\\|/g, "").split("|")).toHaveLength(9);
    expect(md).toContain("a \\| b \\`c\\` \\$1 and \\$2 &lt;img src=x&gt; next line");
    expect(baselineMarker("my project", "a-->b")).toBe("<!-- aicluster-plan:my_project/a--_b -->");
  });

  it("stays under GitHub's comment limit for a very large report, cutting lists with '... and N more'", () => {
    const many = 4000;
    const long = "x".repeat(400);
    const budgets = Array.from({ length: many }, (_, i) => budget({ budget: `budget ${i}`, resourceName: `rack-${i}-${long}`, headroom: i, violations: 0 }));
    const base = handReport({ budgets, findings: Array.from({ length: many }, (_, i) => finding({ resourceUrn: urn(`old-${i}`), resourceName: `old-${i}`, message: `old ${i} ${long}` })) });
    const now = handReport({
      budgets: budgets.map((b, i) => ({ ...b, headroom: i % 2 === 0 ? i : i - 1 })),
      findings: Array.from({ length: many }, (_, i) => finding({ resourceUrn: urn(`new-${i}`), resourceName: `new-${i}`, message: `new ${i} ${long}` })),
    });
    const diff = compareReports(asBaseline(base), now);
    expect([diff.findings.new.length, diff.findings.fixed.length, diff.budgets.filter((b) => b.status === "worse").length]).toEqual([many, many, many / 2]);
    const md = renderBaselineMarkdown(diff);
    expect(md.length).toBeLessThanOrEqual(BASELINE_MARKDOWN_MAX_CHARS);
    expect(BASELINE_MARKDOWN_MAX_CHARS).toBeLessThan(GITHUB_COMMENT_MAX_CHARS);
    expect(md.split("\n")[0]).toBe("<!-- aicluster-plan:aicluster/demo -->");
    const shownNew = md.split("\n").filter((l) => l.startsWith("- **mandatory** water-permit: new ")).length;
    expect(shownNew).toBeGreaterThan(0);
    expect(md).toContain(`... and ${many - shownNew} more new findings`);
    const shownWorse = md.split("\n").filter((l) => l.startsWith("| 🔻 worse")).length;
    expect(md).toContain(`... and ${many / 2 - shownWorse} more budgets changed`);
    // A tighter cap cuts further and still holds; a small comparison is not cut at all.
    expect(renderBaselineMarkdown(diff, 10_000).length).toBeLessThanOrEqual(10_000);
    expect(renderBaselineMarkdown(compareReports(asBaseline(before), after))).not.toContain("... and");
  });
});

describe("the terminal text", () => {
  it("has the headline, every budget (changed first) and no control characters from the baseline", () => {
    const text = renderBaselineText(compareReports(asBaseline(before), after));
    expect(text.split("\n")[0]).toBe(
      "Compared with the baseline (stack prometheus, project aicluster): FAIL (was FAIL): 1 finding fixed, 1 new (1 blocking); budgets: 1 broken now, 1 fixed now",
    );
    const rows = text.split("\n").filter((l) => /^ {2}(broken now|fixed now|unchanged) /.test(l));
    expect(rows).toHaveLength(after.budgets.length);
    expect(rows[0]).toMatch(/^ {2}broken now +wue-max +WUE +prometheus +0\.9515 L\/kWh +-0\.0385 L\/kWh +-0\.99 L\/kWh$/);
    const evil = handReport({ findings: [finding({ message: "red \u001b[31mALERT\u001b[0m\r" })] });
    expect(renderBaselineText(compareReports(asBaseline(handReport({})), evil))).not.toMatch(/[\u0000-\u001f](?<!\n)/);
  });
});

// ---------------------------------------------------------------------------------------------- hand-made reports

const urn = (name: string) => `urn:pulumi:demo::aicluster::aicluster:index:Campus::${name}`;

function budget(over: Partial<BudgetRow> = {}): BudgetRow {
  return {
    policy: "water-permit", budget: "annual water (permit)", enforcementLevel: "mandatory", checked: 1, resourceName: "c",
    used: 90, limit: 100, unit: "m³/yr", bound: "max", headroom: 10, headroomShare: 0.1, violations: 0, ...over,
  };
}

function finding(over: Partial<EnforcedFinding> = {}): EnforcedFinding {
  return {
    policy: "water-permit", status: "violation", enforcementLevel: "mandatory", resourceUrn: urn("c"), resourceName: "c", budget: "annual water (permit)",
    measured: 110, limit: 100, unit: "m³/yr", message: "c: annual water 110 m³/yr exceeds the permit of 100", remediation: "recycle", ...over,
  };
}

function handReport(over: Partial<PlanReport>): PlanReport {
  return {
    project: "aicluster", stack: "demo", config: {}, resourceCount: 10, resourcesByType: [], tree: [], outputs: {}, budgets: [], years: [],
    monthly: [], findings: [], verdict: "pass", wallSeconds: 1, ...over,
  };
}

describe("comparing hand-made reports", () => {
  it("matches a budget whose tightest resource changed, and says so", () => {
    const diff = compareReports(asBaseline(handReport({ budgets: [budget({ resourceName: "hall-1", headroom: 10 })] })),
      handReport({ budgets: [budget({ resourceName: "hall-2", headroom: 4 })] }));
    expect(diff.budgets).toHaveLength(1);
    expect(diff.budgets[0]).toMatchObject({
      resourceName: "hall-2", resourceNameBefore: "hall-1", headroomBefore: 10, headroomAfter: 4, headroomChange: -6, status: "worse",
      notes: ["tightest resource was hall-1"],
    });
  });

  it("lists budgets new and removed, with no change", () => {
    const diff = compareReports(asBaseline(handReport({ budgets: [budget({ budget: "old" })] })), handReport({ budgets: [budget({ budget: "young", headroom: 3 })] }));
    expect(diff.budgets.map((b) => [b.budget, b.status, b.headroomBefore, b.headroomAfter, b.headroomChange])).toEqual([
      ["young", "new", null, 3, null],
      ["old", "removed", 10, null, null],
    ]);
    const md = renderBaselineMarkdown(diff);
    expect(md).toContain("| 🆕 new | water-permit | young | c | — | 3 m³/yr | — |");
    expect(md).toContain("| ➖ removed | water-permit | old | c | 10 m³/yr | — | — |");
  });

  it("handles a headroom that was not finite (null in JSON) explicitly: not comparable, never NaN", () => {
    const base = asBaseline(handReport({ budgets: [budget({ headroom: -Infinity, headroomShare: -Infinity, violations: 1 })] }));
    expect(base.budgets[0].headroom).toBeNull();
    const diff = compareReports(base, handReport({ budgets: [budget({ headroom: -2, violations: 1 })] }));
    expect(diff.budgets[0]).toMatchObject({ status: "not comparable", headroomBefore: null, headroomAfter: -2, headroomChange: null, notes: ["headroom before not finite"] });
    expect(renderBaselineMarkdown(diff)).toContain("| ❔ not comparable | water-permit | annual water (permit) | c (headroom before not finite) | not finite | -2 m³/yr | — |");
    expect(JSON.stringify(diff)).not.toMatch(/NaN|Infinity/);
  });

  it("counts more resources over a budget as worse when the tightest headroom holds", () => {
    const diff = compareReports(asBaseline(handReport({ budgets: [budget({ headroom: -1, violations: 1 })] })), handReport({ budgets: [budget({ headroom: -1, violations: 3 })] }));
    expect(diff.budgets[0]).toMatchObject({ status: "worse", headroomChange: 0, notes: ["resources over 1 → 3"] });
  });

  it("flags a baseline of another stack but compares it", () => {
    const diff = compareReports(asBaseline(handReport({ stack: "hyperion", verdict: "fail" })), handReport({}));
    expect(diff.mismatch).toBe("baseline is stack hyperion");
    expect(baselineHeadline(diff)).toBe("✅ PASS (was FAIL): 0 findings fixed, 0 new; budgets unchanged (baseline is stack hyperion)");
    expect(renderBaselineMarkdown(diff)).toContain("> **Warning**: baseline is stack hyperion: the comparison is between different stacks or projects.");
    expect(renderBaselineText(diff)).toContain("Warning: baseline is stack hyperion");
  });

  it("does not count an exempted finding as blocking, and names it exempted", () => {
    const exempted = { ...finding(), exemption: { reason: "permit renewal filed", expires: "2026-12-31" } } as EnforcedFinding;
    const diff = compareReports(asBaseline(handReport({})), handReport({ findings: [exempted] }));
    expect(diff.findings.new[0]).toMatchObject({ exempted: true, blocking: false });
    expect(baselineHeadline(diff)).toBe("✅ PASS (was PASS): 0 findings fixed, 1 new; budgets unchanged");
    expect(renderBaselineMarkdown(diff)).toContain("- **exempted (mandatory)** water-permit: c: annual water");
    // The baseline reader keeps the field (and any other unknown field is allowed).
    const withExtra = { ...(asJson(handReport({ findings: [exempted] })) as object), exemptions: [{ policy: "water-permit" }] };
    expect(parseBaselineReport(withExtra, "b").findings[0].exemption).toEqual({ reason: "permit renewal filed", expires: "2026-12-31" });
  });

  it("pairs findings with one fingerprint as multisets", () => {
    const twice = [finding({ message: "one" }), finding({ message: "two" })];
    const diff = compareReports(asBaseline(handReport({ findings: twice })), handReport({ findings: [finding({ message: "now" })] }));
    expect(diff.findings.stillFailing.map((f) => f.message)).toEqual(["now"]);
    expect(diff.findings.fixed.map((f) => f.message)).toEqual(["two"]);
    expect(diff.findings.new).toEqual([]);
    const grown = compareReports(asBaseline(handReport({ findings: [finding({ message: "one" })] })), handReport({ findings: [finding({ message: "a" }), finding({ message: "b" })] }));
    expect([grown.findings.stillFailing.map((f) => f.message), grown.findings.new.map((f) => f.message), grown.findings.fixed]).toEqual([["a"], ["b"], []]);
  });
});

describe("comparing a report with itself (property)", () => {
  const finiteOrNot = fc.oneof({ weight: 8, arbitrary: fc.double({ min: -1e6, max: 1e6, noNaN: true }) }, { weight: 1, arbitrary: fc.constantFrom(Infinity, -Infinity, NaN) });
  const budgetArb = fc.record({
    policy: fc.constantFrom("water-permit", "pue-max", "firm-power"), budget: fc.constantFrom("a", "b"), resourceName: fc.constantFrom("r1", "r2", "r3"),
    headroom: finiteOrNot, headroomShare: finiteOrNot, used: finiteOrNot, violations: fc.nat(3), unit: fc.constantFrom("MW", "", "share"),
    bound: fc.constantFrom("max" as const, "min" as const), enforcementLevel: fc.constantFrom("mandatory", "advisory"),
  }).map((b) => budget(b));
  const findingArb = fc.record({
    policy: fc.constantFrom("water-permit", "carbon"), resourceName: fc.constantFrom("r1", "r2"), budget: fc.option(fc.constantFrom("a", "b"), { nil: undefined }),
    year: fc.option(fc.integer({ min: 2025, max: 2040 }), { nil: undefined }), status: fc.constantFrom("violation" as const, "not-applicable" as const),
    enforcementLevel: fc.constantFrom("mandatory" as const, "advisory" as const), message: fc.string({ maxLength: 40 }),
  }).map((f) => finding({ ...f, resourceUrn: urn(f.resourceName) }));
  const reportArb = fc.record({
    budgets: fc.array(budgetArb, { maxLength: 12 }), findings: fc.array(findingArb, { maxLength: 12 }),
    verdict: fc.constantFrom("pass" as const, "fail" as const), resourceCount: fc.nat(5000),
  }).map((r) => handReport(r));

  it("has no new or fixed findings, and every headroom change is 0 (null only where the headroom is not finite)", () => {
    fc.assert(fc.property(reportArb, (r) => {
      const diff = compareReports(asBaseline(r), r);
      expect(diff.findings.new).toEqual([]);
      expect(diff.findings.fixed).toEqual([]);
      expect(diff.findings.stillFailing).toHaveLength(r.findings.length);
      expect(diff.budgets).toHaveLength(r.budgets.length);
      diff.budgets.forEach((b, i) => {
        const finiteHeadroom = Number.isFinite(r.budgets[i].headroom);
        expect(b.headroomChange).toBe(finiteHeadroom ? 0 : null);
        expect(b.status).toBe(finiteHeadroom ? "unchanged" : "not comparable");
        expect(b.resourceNameBefore).toBeUndefined();
      });
      expect(baselineHeadline(diff, false)).toMatch(/: 0 findings fixed, 0 new; budgets( unchanged|: \d+ not comparable)$/);
    }), { seed: SEED, numRuns: envInt("FC_RUNS", 200) });
  });
});

describe("reading a baseline file", () => {
  const write = (name: string, content: string) => {
    const file = path.join(dir, name);
    fs.writeFileSync(file, content);
    return file;
  };
  /** The one UsageError reading `file` gives: not the usage text, one line naming the file. */
  const problem = (file: string, capBytes?: number): string => {
    try {
      readBaselineReport(file, capBytes);
    } catch (e) {
      expect(e).toBeInstanceOf(UsageError);
      expect((e as UsageError).showUsage).toBe(false);
      expect((e as UsageError).message.startsWith(`--baseline ${file}: `)).toBe(true);
      return (e as UsageError).message.slice(`--baseline ${file}: `.length);
    }
    throw new Error(`no error reading ${file}`);
  };

  it("reads a real report back, the fields the comparison needs", () => {
    const file = write("before.json", JSON.stringify(withSchemaVersion(before), null, 2));
    const read = readBaselineReport(file);
    expect(read).toMatchObject({ schemaVersion: 1, project: "aicluster", stack: "prometheus", verdict: "fail", resourceCount: 36 });
    expect(read.budgets).toHaveLength(before.budgets.length);
    expect(read.findings).toHaveLength(before.findings.length);
    expect(SUPPORTED_BASELINE_VERSIONS).toContain(JSON_SCHEMA_VERSION);
  });

  it("rejects a missing file, a folder, a file over the cap and text that is not UTF-8", () => {
    expect(problem(path.join(dir, "absent.json"))).toBe("no such file");
    expect(problem(dir)).toBe("not a regular file (a folder); allowed: a JSON report file (npm run plan -- <stack> --format json)");
    expect(problem(write("big.json", JSON.stringify(asJson(before))), 1000)).toMatch(/^\d{5,} bytes; allowed: at most 1000 bytes$/);
    fs.writeFileSync(path.join(dir, "bin.json"), Buffer.from([0x7b, 0x22, 0xff, 0x22, 0x7d]));
    expect(problem(path.join(dir, "bin.json"))).toBe("not UTF-8 text; allowed: a JSON report file (npm run plan -- <stack> --format json)");
  });

  it("gives a syntax error by line and column without the file's content, and a key given twice", () => {
    const file = write("syntax.json", '{\n  "schemaVersion": 1,\n  "project": "secret-token-123"\n  "stack": "x"\n}');
    const message = problem(file);
    expect(message).toBe("invalid JSON at line 4, column 3: CommaExpected");
    expect(message).not.toContain("secret");
    expect(problem(write("twice.json", '{"schemaVersion": 1, "stack": "a", "stack": "b"}'))).toBe('key "stack" given twice in one object (line 1, column 36); allowed: each key once');
    expect(problem(write("empty.json", ""))).toBe("invalid JSON at line 1, column 1: ValueExpected");
  });

  it("rejects a schemaVersion it does not read, naming the versions allowed", () => {
    const report = asJson(before) as Record<string, unknown>;
    expect(problem(write("v2.json", JSON.stringify({ ...report, schemaVersion: 2 })))).toBe("schemaVersion = a number above 1; allowed: 1 (the baseline was written by a newer planner than this one)");
    expect(problem(write("v-str.json", JSON.stringify({ ...report, schemaVersion: "1" })))).toBe('schemaVersion = a string; allowed: 1 (the JSON report of npm run plan -- <stack> --format json)');
    const { schemaVersion: _, ...unversioned } = report;
    expect(problem(write("v-none.json", JSON.stringify(unversioned)))).toBe("schemaVersion = (missing); allowed: 1 (the JSON report of npm run plan -- <stack> --format json)");
    expect(problem(write("array.json", "[1, 2]"))).toBe("a list of 2; allowed: a JSON object, the JSON report of npm run plan -- <stack> --format json");
  });

  it("names the field, the value and what is allowed for a field of the wrong type", () => {
    const report = asJson(before) as { budgets: Record<string, unknown>[]; findings: Record<string, unknown>[] } & Record<string, unknown>;
    report.budgets[3].headroom = "x";
    expect(problem(write("type.json", JSON.stringify(report)))).toBe('budgets[3].headroom = a string; allowed: a number, or null (a value that was not finite)');
    const other = asJson(before) as typeof report;
    delete other.verdict;
    other.findings[1].enforcementLevel = "strict";
    expect(problem(write("two.json", JSON.stringify(other)))).toBe(
      '2 problems:\n  - findings[1].enforcementLevel = a string; allowed: one of advisory, mandatory, remediate, disabled\n  - verdict = (missing); allowed: pass or fail',
    );
    const long = asJson(before) as typeof report;
    long.stack = { nested: "x".repeat(500) };
    long.resourceCount = "y".repeat(500);
    const message = problem(write("long.json", JSON.stringify(long)));
    expect(message).toContain("resourceCount = a string");
    expect(message).not.toContain("yyy");
    expect(message).toContain("stack = an object; allowed: a string");
    expect(message.length).toBeLessThan(300);
  });
});
