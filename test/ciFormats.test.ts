/**
 * The planner's CI formats (plan/ciFormats.ts): SARIF 2.1.0 checked against the official schema (the copy that
 * @microsoft/jest-sarif ships, draft-04, hence ajv-draft-04), JUnit XML parsed back, GitHub workflow commands and
 * the job summary, and the command line that writes several formats to --output-dir.
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import Ajv from "ajv-draft-04";
import addFormats from "ajv-formats";
import { XMLParser } from "fast-xml-parser";
import { junitSchemaErrors } from "./helpers/schemas";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { EnforcedFinding } from "../policies/evaluate";
import { RULES } from "../policies/rules";
import {
  appendStepSummary, escapeGithubData, escapeGithubProperty, escapeXml, FINGERPRINT_KEY, findingFingerprint, renderGithub, renderJunit,
  sarifLog, SARIF_SCHEMA, stackConfigPath,
} from "../plan/ciFormats";
import { main } from "../plan/cli";
import { buildReport, PlanReport } from "../plan/report";
import { PlanRun, runPlan } from "../plan/runPlan";
import { loadStackConfig } from "../plan/stackConfig";

const SCHEMA_FILE = require.resolve("@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json");

interface SarifResult {
  ruleId: string;
  ruleIndex: number;
  level: string;
  message: { text: string };
  partialFingerprints: Record<string, string>;
  locations: { physicalLocation: { artifactLocation: { uri: string } }; logicalLocations: { name: string; fullyQualifiedName: string }[] }[];
}
interface SarifRule { id: string; shortDescription: { text: string }; fullDescription: { text: string }; help: { text: string } }
interface Sarif { $schema: string; version: string; runs: { tool: { driver: { name: string; rules: SarifRule[] } }; results: SarifResult[] }[] }

let run: PlanRun;
let report: PlanReport;
let dir = "";

beforeAll(async () => {
  run = await runPlan({ stack: "prometheus", config: loadStackConfig("prometheus") });
  report = buildReport(run, 3);
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "aicluster-ci-"));
}, 60_000);
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const finding = (over: Partial<EnforcedFinding>): EnforcedFinding => ({
  policy: "water-permit", status: "violation", enforcementLevel: "mandatory", resourceUrn: "urn:pulumi:s::p::aicluster:index:Campus::c", resourceName: "c",
  budget: "annual water", message: "c: annual water over the permit", remediation: "recycle", ...over,
});

const handMade = (findings: EnforcedFinding[]): PlanReport => ({ ...report, stack: "demo", findings, budgets: [], locations: undefined });

describe("sarif", () => {
  it("validates against the SARIF 2.1.0 schema", () => {
    const schema = JSON.parse(fs.readFileSync(SCHEMA_FILE, "utf8"));
    // The schema's language pattern is not a valid regular expression in unicode mode.
    const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false });
    addFormats(ajv);
    const validate = ajv.compile(schema);
    const log = sarifLog(report);
    expect(validate(log), JSON.stringify(validate.errors, null, 2)).toBe(true);
    // The schema bites: a wrong version, or a result without a message, does not validate.
    expect(validate({ ...log, version: "2.0.0" })).toBe(false);
    const run0 = (log.runs as Record<string, unknown>[])[0];
    expect(validate({ ...log, runs: [{ ...run0, results: [{ ruleId: "x" }] }] })).toBe(false);
    // A hand-made report with every level (a not-applicable finding without a budget, an exempted violation with
    // SARIF suppressions) validates too.
    const exempted = finding({ policy: "firm-power", exemption: { pattern: "c", reason: "accepted by the board", expires: "2026-12-31" } });
    const mixed = sarifLog(handMade([finding({}), finding({ enforcementLevel: "advisory", policy: "pue-max" }), finding({ status: "not-applicable", budget: undefined }), exempted]));
    expect(validate(mixed), JSON.stringify(validate.errors, null, 2)).toBe(true);
    const mixedResults = (mixed.runs as { results: { ruleId: string; level: string; suppressions?: unknown }[] }[])[0].results;
    expect(mixedResults.find((r) => r.ruleId === "firm-power")).toMatchObject({ level: "error", suppressions: [{ kind: "external", status: "accepted", justification: 'accepted by the board, until 2026-12-31 (policy config exemption of "c")' }] });
    expect(mixedResults.filter((r) => r.suppressions !== undefined)).toHaveLength(1);
  });

  it("fails prometheus on firm-power and energy-adequacy: errors for mandatory, warnings for advisory, a rule for every policy", () => {
    const log = sarifLog(report) as unknown as Sarif;
    expect(log.$schema).toBe(SARIF_SCHEMA);
    expect(log.version).toBe("2.1.0");
    expect(log.runs).toHaveLength(1);
    const { tool, results } = log.runs[0];
    expect(tool.driver.name).toBe("aicluster");
    const ruleIds = tool.driver.rules.map((r) => r.id);
    for (const r of results) {
      expect(ruleIds).toContain(r.ruleId);
      expect(tool.driver.rules[r.ruleIndex].id).toBe(r.ruleId);
    }
    for (const b of report.budgets) expect(ruleIds).toContain(b.policy);
    for (const rule of tool.driver.rules) {
      const def = RULES.find((d) => d.name === rule.id)!;
      expect(rule.shortDescription.text).toBe(def.description);
      expect(rule.fullDescription.text).toBe(def.description);
      expect(rule.help.text).toBe(def.remediationSteps);
    }
    const errors = results.filter((r) => r.level === "error").map((r) => r.ruleId);
    expect(new Set(errors)).toEqual(new Set(["firm-power", "energy-adequacy"]));
    expect(results).toHaveLength(report.findings.length);
    report.findings.forEach((f, i) => {
      const r = results[i];
      expect(r.level).toBe(f.status === "not-applicable" ? "note" : f.enforcementLevel === "advisory" ? "warning" : "error");
      expect(r.message.text).toBe(`${f.message} Fix: ${f.remediation}`);
      expect(r.locations[0].physicalLocation.artifactLocation.uri).toBe("stacks/Pulumi.prometheus.yaml");
      expect(r.locations[0].logicalLocations[0]).toMatchObject({ name: f.resourceName, fullyQualifiedName: f.resourceUrn });
      expect(r.partialFingerprints[FINGERPRINT_KEY]).toMatch(/^[0-9a-f]{32}$/);
    });
    expect(results.some((r) => r.level === "warning")).toBe(true);
  });

  it("has stable fingerprints: the same run twice gives the same, another budget another, another year the same", async () => {
    const again = buildReport(await runPlan({ stack: "prometheus", config: loadStackConfig("prometheus") }), 3);
    const prints = (r: PlanReport) => (sarifLog(r) as unknown as Sarif).runs[0].results.map((x) => x.partialFingerprints[FINGERPRINT_KEY]);
    expect(prints(again)).toEqual(prints(report));
    expect(new Set(prints(report)).size).toBe(report.findings.length);
    const base = finding({ year: 2030 });
    expect(findingFingerprint(base)).toBe(findingFingerprint({ ...base, message: "other numbers", measured: 5 } as EnforcedFinding));
    expect(findingFingerprint(base)).not.toBe(findingFingerprint({ ...base, budget: "peak-day water" }));
    // The year is not part of it (it moves with the model; SARIF carries it as a property).
    expect(findingFingerprint(base)).toBe(findingFingerprint({ ...base, year: 2031 } as EnforcedFinding));
    expect(findingFingerprint(base)).not.toBe(findingFingerprint({ ...base, policy: "wue-max" }));
  }, 60_000);
});

describe("junit", () => {
  const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: "@_", isArray: (name) => name === "testsuite" || name === "testcase", htmlEntities: true });

  it("has a suite per policy, failures for the mandatory violations, a testcase per finding (passes included)", () => {
    const doc = parser.parse(renderJunit(report, run.findings));
    const suites = doc.testsuites.testsuite as { "@_name": string; "@_failures": string; "@_skipped": string; testcase: Record<string, unknown>[] }[];
    expect(suites.map((s) => s["@_name"])).toEqual([...new Set(run.findings.map((f) => f.policy))]);
    const mandatory = run.findings.filter((f) => f.status === "violation" && (f.enforcementLevel === "mandatory" || f.enforcementLevel === "remediate"));
    expect(Number(doc.testsuites["@_failures"])).toBe(mandatory.length);
    expect(Number(doc.testsuites["@_tests"])).toBe(run.findings.length);
    for (const s of suites) {
      const own = run.findings.filter((f) => f.policy === s["@_name"]);
      expect(s.testcase).toHaveLength(own.length);
      expect(Number(s["@_failures"])).toBe(mandatory.filter((f) => f.policy === s["@_name"]).length);
      expect(s.testcase.filter((c) => c.failure !== undefined)).toHaveLength(Number(s["@_failures"]));
    }
    expect(new Set(suites.filter((s) => Number(s["@_failures"]) > 0).map((s) => s["@_name"]))).toEqual(new Set(["firm-power", "energy-adequacy"]));
  });

  it("validates against the JUnit XML schema (test/schemas/junit.xsd), which rejects a broken document", async () => {
    expect(await junitSchemaErrors(renderJunit(report, run.findings))).toEqual([]);
    // The schema bites: a testcase without a name, and one both failed and skipped.
    const broken = renderJunit(report, run.findings).replace(/<testcase name="[^"]*"/, "<testcase");
    expect((await junitSchemaErrors(broken)).join("\n")).toMatch(/name.*required/i);
    const both = '<testsuites><testsuite name="x" tests="1" failures="1" errors="0"><testcase name="a" classname="b"><failure/><skipped/></testcase></testsuite></testsuites>';
    expect(await junitSchemaErrors(both)).not.toEqual([]);
  });

  it("skips not-applicable checks, passes advisory violations with the warning, and escapes XML", () => {
    const nasty = `a <b> & "c" 'd'\nsecond line\u0001`;
    const xml = renderJunit(handMade([
      finding({ message: nasty }),
      finding({ status: "not-applicable", budget: undefined, message: "no value yet" }),
      finding({ enforcementLevel: "advisory", policy: "pue-max", budget: "PUE" }),
      finding({ status: "pass", budget: "peak-day water" }),
    ]));
    expect(xml).not.toContain("\u0001");
    const doc = parser.parse(xml);
    const suites = doc.testsuites.testsuite;
    expect(doc.testsuites).toMatchObject({ "@_tests": "4", "@_failures": "1", "@_skipped": "1" });
    const water = suites.find((s: { "@_name": string }) => s["@_name"] === "water-permit");
    expect(water.testcase[0].failure["@_message"]).toBe(`a <b> & "c" 'd'\nsecond line`);
    expect(water.testcase[1].skipped).toMatchObject({ "@_message": "no value yet" });
    expect(water.testcase[2].failure).toBeUndefined();
    const pue = suites.find((s: { "@_name": string }) => s["@_name"] === "pue-max");
    expect(pue["@_failures"]).toBe("0");
    expect(pue.testcase[0]["system-out"]).toContain("advisory violation: c: annual water over the permit Fix: recycle");
    expect(escapeXml(`<&>"'`)).toBe("&lt;&amp;&gt;&quot;&apos;");
  });
});

describe("github", () => {
  it("annotates mandatory violations as errors and advisory ones as warnings, on the stack's config file", () => {
    const lines = renderGithub(report).split("\n");
    const file = `file=${escapeGithubProperty(stackConfigPath("prometheus"))}`;
    expect(lines.filter((l) => l.startsWith("::error ")).map((l) => l.match(/title=([^:]+)::/)![1]).sort()).toEqual(["energy-adequacy", "firm-power"]);
    expect(lines.some((l) => l.startsWith(`::warning ${file},title=`))).toBe(true);
    for (const l of lines.slice(0, -1)) expect(l).toMatch(new RegExp(`^::(error|warning|notice) ${file},title=[\\w-]+::.+ Fix: `));
    expect(lines.at(-1)).toBe("aicluster plan prometheus: FAIL (2 mandatory violations)");
  });

  it("escapes % and line breaks in messages, and : and , in properties", () => {
    const text = renderGithub(handMade([finding({ message: "100% over\r\nthe permit", remediation: "cut, then: recycle", policy: "a:b,c" })]));
    expect(text.split("\n")[0]).toBe("::error file=stacks/Pulumi.demo.yaml,title=a%3Ab%2Cc::100%25 over%0D%0Athe permit Fix: cut, then: recycle");
    expect(escapeGithubData("50%\n")).toBe("50%25%0A");
  });

  it("appends the Markdown report to GITHUB_STEP_SUMMARY, keeping what earlier steps wrote", () => {
    const file = path.join(dir, "summary-unit.md");
    fs.writeFileSync(file, "earlier step\n");
    expect(appendStepSummary("### report", { GITHUB_STEP_SUMMARY: file })).toBe(file);
    expect(fs.readFileSync(file, "utf8")).toBe("earlier step\n### report\n");
    expect(appendStepSummary("ignored", {})).toBeUndefined();
  });
});

describe("npm run plan with CI formats", () => {
  const quiet = () => {
    const logs = vi.spyOn(console, "log").mockImplementation(() => {});
    const errors = vi.spyOn(console, "error").mockImplementation(() => {});
    return { logs, errors, done: () => vi.restoreAllMocks() };
  };

  it("--format sarif,junit --output-dir writes both files and exits 1 for prometheus", async () => {
    const out = path.join(dir, "reports");
    fs.mkdirSync(out);
    const q = quiet();
    const code = await main(["prometheus", "--format", "sarif,junit", "--output-dir", out]);
    q.done();
    expect(code).toBe(1);
    expect(fs.readdirSync(out).sort()).toEqual(["aicluster-prometheus.sarif", "aicluster-prometheus.xml"]);
    expect(JSON.parse(fs.readFileSync(path.join(out, "aicluster-prometheus.sarif"), "utf8")).version).toBe("2.1.0");
    expect(fs.readFileSync(path.join(out, "aicluster-prometheus.xml"), "utf8")).toMatch(/^<\?xml version="1.0" encoding="UTF-8"\?>\n<testsuites /);
  }, 60_000);

  it("--output-dir makes its folder and parents on a fresh runner; a file in the way, or a path under one, exits 2 naming it", async () => {
    const fresh = path.join(dir, "fresh", "nested", "reports");
    expect(fs.existsSync(path.join(dir, "fresh"))).toBe(false);
    let q = quiet();
    const code = await main(["prometheus", "--format", "sarif,json", "--output-dir", fresh]);
    q.done();
    expect(code).toBe(1);
    expect(fs.readdirSync(fresh).sort()).toEqual(["aicluster-prometheus.json", "aicluster-prometheus.sarif"]);

    const file = path.join(dir, "a-file");
    fs.writeFileSync(file, "not a folder");
    for (const [target, why] of [[file, "it is not a folder"], [path.join(file, "reports"), "making it failed: ENOTDIR"]] as const) {
      q = quiet();
      const refused = await main(["prometheus", "--format", "sarif,json", "--output-dir", target]);
      const errors = q.errors.mock.calls.map((c) => String(c[0]));
      q.done();
      expect(refused).toBe(2);
      expect(errors[0]).toBe(`error: --output-dir ${target}: allowed a folder, or a path where one can be made (${why})`);
    }
  }, 60_000);

  it("--format text,json without --output-dir exits 2 naming the flag", async () => {
    const q = quiet();
    const code = await main(["prometheus", "--format", "text,json"]);
    const errors = q.errors.mock.calls.map((c) => String(c[0]));
    const printed = q.logs.mock.calls.length;
    q.done();
    expect(code).toBe(2);
    expect(errors[0]).toMatch(/^error: --format text,json: .*--output-dir/);
    expect(printed).toBe(0);
  });

  it("--format github prints annotations and appends the Markdown report to GITHUB_STEP_SUMMARY; json has schemaVersion 1", async () => {
    const summary = path.join(dir, "summary-cli.md");
    fs.writeFileSync(summary, "before\n");
    vi.stubEnv("GITHUB_STEP_SUMMARY", summary);
    const q = quiet();
    const code = await main(["prometheus", "--format", "github,json"]);
    const printed = q.logs.mock.calls.map((c) => String(c[0]));
    q.done();
    vi.unstubAllEnvs();
    expect(code).toBe(1);
    expect(JSON.parse(printed[0])).toMatchObject({ schemaVersion: 1, stack: "prometheus", verdict: "fail" });
    expect(Object.keys(JSON.parse(printed[0]))[0]).toBe("schemaVersion");
    // The program line that created the campus (stacks/ is this repository's program).
    expect(printed[1]).toMatch(/^::error file=stacks\/\w+\.ts,line=\d+,title=firm-power::/m);
    const text = fs.readFileSync(summary, "utf8");
    expect(text.startsWith("before\n### aicluster plan: `prometheus` FAILS")).toBe(true);
  }, 60_000);
});
