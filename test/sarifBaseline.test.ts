/**
 * SARIF and JUnit as CI triage reads them (issue 33): the driver's version and informationUri, automationDetails.id
 * naming project and stack, baselineState against a baseline report (new, unchanged, updated, absent), fingerprints
 * and JUnit test case names that stay the same when the year moves, and each testcase's file.
 */
import { createHash } from "node:crypto";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import Ajv from "ajv-draft-04";
import addFormats from "ajv-formats";
import { XMLParser } from "fast-xml-parser";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { compareReports, parseBaselineReport } from "../plan/baseline";
import { FINGERPRINT_KEY, findingFingerprint, packageInformationUri, renderJunit, renderSarif, sarifLog, testcaseName, toolPackage } from "../plan/ciFormats";
import { withSchemaVersion } from "../plan/cli";
import { reportLocations } from "../plan/locations";
import { buildReport, PlanReport } from "../plan/report";
import { PlanRun, runPlan } from "../plan/runPlan";
import { loadStackConfig } from "../plan/stackConfig";
import type { EnforcedFinding } from "../policies/evaluate";
import { junitSchemaErrors } from "./helpers/schemas";

const SCHEMA_FILE = require.resolve("@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json");
const PACKAGE = JSON.parse(fs.readFileSync(path.join(__dirname, "..", "package.json"), "utf8")) as { version: string; homepage?: string; repository?: unknown };

interface Result {
  ruleId: string;
  ruleIndex: number;
  level: string;
  message: { text: string };
  baselineState?: string;
  partialFingerprints: Record<string, string>;
  locations: { physicalLocation: { artifactLocation: { uri: string } } }[];
  properties: Record<string, unknown>;
}
interface Log { runs: { tool: { driver: Record<string, unknown> & { rules: { id: string }[] } }; automationDetails: { id: string }; results: Result[] }[] }

let run: PlanRun;
let report: PlanReport;
let tmp = "";

beforeAll(async () => {
  run = await runPlan({ stack: "prometheus", config: loadStackConfig("prometheus") });
  report = buildReport(run, 3);
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), "aicluster-sarif-baseline-"));
}, 60_000);
afterAll(() => tmp && fs.rmSync(tmp, { recursive: true, force: true }));

const URN = "urn:pulumi:demo::aicluster::aicluster:index:Campus::c";
const finding = (over: Partial<EnforcedFinding>): EnforcedFinding => ({
  policy: "water-permit", status: "violation", enforcementLevel: "mandatory", resourceUrn: URN, resourceName: "c",
  budget: "annual water (permit)", message: "c: annual water 2.0 million m³ over the permit 1.5 million m³ in 2030", remediation: "recycle", year: 2030, ...over,
});
const handMade = (findings: EnforcedFinding[]): PlanReport => ({ ...report, project: "aicluster", stack: "demo", findings, budgets: [], exemptions: [], locations: undefined });
/** A report as `--format json` writes it and `--baseline` reads it back. */
const asBaseline = (r: PlanReport) => parseBaselineReport(JSON.parse(JSON.stringify(withSchemaVersion(r))), "--baseline base.json");
const sha = (...parts: string[]) => createHash("sha256").update(parts.join("\u0000")).digest("hex").slice(0, 32);

describe("the SARIF driver and run", () => {
  it("carries the package's version (semanticVersion too), no invented informationUri, and automationDetails.id <project>/<stack>/", () => {
    const log = sarifLog(report) as unknown as Log;
    const driver = log.runs[0].tool.driver;
    expect(driver.name).toBe("aicluster");
    expect(driver.version).toBe(PACKAGE.version);
    expect(driver.version).toBe("0.1.0");
    expect(driver.semanticVersion).toBe("0.1.0");
    // package.json names no homepage or repository: the driver has no informationUri rather than a made-up one.
    expect(PACKAGE.homepage).toBeUndefined();
    expect(PACKAGE.repository).toBeUndefined();
    expect(toolPackage()).toEqual({ version: "0.1.0" });
    expect("informationUri" in driver).toBe(false);
    expect(log.runs[0].automationDetails).toEqual({ id: "aicluster/prometheus/" });
    expect((sarifLog(handMade([]), undefined, { version: "1.2.3", informationUri: "https://example.org/aicluster" }) as unknown as Log).runs[0]).toMatchObject({
      tool: { driver: { name: "aicluster", version: "1.2.3", semanticVersion: "1.2.3", informationUri: "https://example.org/aicluster" } },
      automationDetails: { id: "aicluster/demo/" },
    });
  });

  it("takes informationUri from package.json's homepage, else its repository, else none", () => {
    expect(packageInformationUri({ homepage: "https://aicluster.dev/docs", repository: "https://github.com/o/r" })).toBe("https://aicluster.dev/docs");
    expect(packageInformationUri({ repository: { type: "git", url: "git+https://github.com/o/r.git" } })).toBe("https://github.com/o/r");
    expect(packageInformationUri({ repository: "https://github.com/o/r" })).toBe("https://github.com/o/r");
    // Not a URL code scanning can open: left out.
    expect(packageInformationUri({ repository: "github:o/r" })).toBeUndefined();
    expect(packageInformationUri({ homepage: "docs/ci.md" })).toBeUndefined();
    expect(packageInformationUri({})).toBeUndefined();
  });
});

describe("baselineState", () => {
  const kept = finding({});
  const moved = finding({ policy: "firm-power", budget: "firm power (peak hour + headroom)", message: "c: peak 1,055 MW over firm 703 MW in 2029", year: 2029, remediation: "add firm supply" });
  const gone = finding({ policy: "pue-max", budget: "PUE", enforcementLevel: "advisory", message: "c: PUE 1.31 over 1.3", remediation: "economise", year: undefined });
  const fresh = finding({ policy: "wue-max", budget: "WUE", enforcementLevel: "advisory", message: "c: WUE 0.4 L/kWh over 0.01 L/kWh", remediation: "dry coolers", year: undefined });
  let baseline: ReturnType<typeof asBaseline>;
  let now: PlanReport;
  beforeAll(() => {
    baseline = asBaseline(handMade([kept, moved, gone, finding({ policy: "carbon", status: "pass", budget: "supply carbon intensity" })]));
    // Now: the water finding as it was, firm power failing from 2030 with other figures, PUE fixed, WUE new.
    now = handMade([kept, { ...moved, year: 2030, message: "c: peak 1,061 MW over firm 703 MW in 2030" }, fresh]);
  });

  it("marks each result new, unchanged or updated, and emits the baseline's finding that is gone as absent", () => {
    const log = sarifLog(now, baseline) as unknown as Log;
    const results = log.runs[0].results;
    expect(results.map((r) => [r.ruleId, r.baselineState])).toEqual([
      ["water-permit", "unchanged"], ["firm-power", "updated"], ["wue-max", "new"], ["pue-max", "absent"],
    ]);
    // The absent result: the baseline's level and message, its fingerprint, located as this run locates its resource.
    expect(results[3]).toEqual({
      ruleId: "pue-max",
      ruleIndex: log.runs[0].tool.driver.rules.findIndex((r) => r.id === "pue-max"),
      level: "warning",
      message: { text: "c: PUE 1.31 over 1.3 Fix: economise" },
      locations: [{
        physicalLocation: { artifactLocation: { uri: "stacks/Pulumi.demo.yaml" } },
        logicalLocations: [{ name: "c", fullyQualifiedName: URN, kind: "resource" }],
      }],
      partialFingerprints: { "aiclusterFinding/v2": sha("pue-max", URN, "PUE") },
      baselineState: "absent",
      properties: { status: "violation", enforcementLevel: "advisory", budget: "PUE" },
    });
    // The updated one keeps its fingerprint across the year it moved to; the year is a property.
    expect(results[1].partialFingerprints).toEqual({ "aiclusterFinding/v2": sha("firm-power", URN, "firm power (peak hour + headroom)") });
    expect(results[1].properties).toEqual({ status: "violation", enforcementLevel: "mandatory", budget: "firm power (peak hour + headroom)", year: 2030 });
    expect(log.runs[0].tool.driver.rules.map((r) => r.id)).toEqual(["water-permit", "firm-power", "wue-max", "pue-max"]);
    // Without a baseline no result has a baselineState.
    expect((sarifLog(now) as unknown as Log).runs[0].results.map((r) => r.baselineState)).toEqual([undefined, undefined, undefined]);
  });

  it("agrees with the baseline comparison on what is new, still failing and fixed", () => {
    const diff = compareReports(baseline, now);
    expect(diff.findings.new.map((f) => f.policy)).toEqual(["wue-max"]);
    expect(diff.findings.stillFailing.map((f) => f.policy)).toEqual(["water-permit", "firm-power"]);
    expect(diff.findings.fixed.map((f) => f.policy)).toEqual(["pue-max"]);
  });

  it("counts a changed level or exemption as updated, and validates against the SARIF 2.1.0 schema", () => {
    const levelChanged = handMade([{ ...kept, enforcementLevel: "advisory" }]);
    expect((sarifLog(levelChanged, baseline) as unknown as Log).runs[0].results[0].baselineState).toBe("updated");
    const exempted = handMade([{ ...kept, exemption: { pattern: "c", reason: "permit amendment filed" } }]);
    expect((sarifLog(exempted, baseline) as unknown as Log).runs[0].results[0].baselineState).toBe("updated");
    const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false });
    addFormats(ajv);
    const validate = ajv.compile(JSON.parse(fs.readFileSync(SCHEMA_FILE, "utf8")));
    const log = JSON.parse(renderSarif(now, baseline));
    expect(validate(log), JSON.stringify(validate.errors, null, 2)).toBe(true);
    expect(validate({ ...log, runs: [{ ...log.runs[0], results: [{ ...log.runs[0].results[0], baselineState: "gone" }] }] })).toBe(false);
  });

  it("a real run against its own report is unchanged throughout; against a report whose years were a year earlier, updated, never new", () => {
    const same = (sarifLog(report, asBaseline(report)) as unknown as Log).runs[0].results;
    expect(same.length).toBe(report.findings.length);
    expect(new Set(same.map((r) => r.baselineState))).toEqual(new Set(["unchanged"]));
    const earlier = asBaseline({ ...report, findings: report.findings.map((f) => (f.year === undefined ? f : { ...f, year: f.year - 1 })) });
    const states = (sarifLog(report, earlier) as unknown as Log).runs[0].results.map((r) => r.baselineState);
    const dated = report.findings.filter((f) => f.year !== undefined).length;
    expect(dated).toBeGreaterThan(0);
    expect(states.filter((s) => s === "updated")).toHaveLength(dated);
    expect(states.filter((s) => s === "new" || s === "absent")).toEqual([]);
  });
});

describe("fingerprints stable across years, and baselines written before that", () => {
  it("hashes policy, URN and budget under aiclusterFinding/v2; the year stays a result property", () => {
    expect(FINGERPRINT_KEY).toBe("aiclusterFinding/v2");
    expect(findingFingerprint(finding({}))).toBe(sha("water-permit", URN, "annual water (permit)"));
    expect(findingFingerprint(finding({ year: 2041 }))).toBe(findingFingerprint(finding({})));
    expect(findingFingerprint(finding({ budget: undefined }))).toBe(sha("water-permit", URN, ""));
    const r = (sarifLog(handMade([finding({ year: 2041 })])) as unknown as Log).runs[0].results[0];
    expect(r.partialFingerprints).toEqual({ "aiclusterFinding/v2": sha("water-permit", URN, "annual water (permit)") });
    expect(r.properties.year).toBe(2041);
  });

  it("matches a baseline report written before the change (findings with a year, no stored fingerprint) with the year moved", () => {
    // A JSON report as the planner wrote it before: the comparison reads findings, never fingerprints, and computes
    // them for both sides with today's findingFingerprint, so old reports pair as new ones do.
    const old = {
      schemaVersion: 1, project: "aicluster", stack: "demo", resourceCount: 1, budgets: [], verdict: "fail",
      findings: [{
        policy: "water-permit", status: "violation", resourceUrn: URN, resourceName: "c", budget: "annual water (permit)", year: 2029,
        message: "c: annual water over the permit in 2029", remediation: "recycle", enforcementLevel: "mandatory",
      }],
    };
    const diff = compareReports(parseBaselineReport(old, "--baseline old.json"), handMade([finding({ year: 2030 })]));
    expect(diff.findings.new).toEqual([]);
    expect(diff.findings.fixed).toEqual([]);
    expect(diff.findings.stillFailing.map((f) => [f.policy, f.year, f.fingerprint])).toEqual([["water-permit", 2030, sha("water-permit", URN, "annual water (permit)")]]);
    const states = (sarifLog(handMade([finding({ year: 2030 })]), parseBaselineReport(old, "--baseline old.json")) as unknown as Log).runs[0].results.map((r) => r.baselineState);
    expect(states).toEqual(["updated"]);
  });
});

describe("JUnit names and files", () => {
  const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: "@_", isArray: (name) => name === "testsuite" || name === "testcase", htmlEntities: true });
  const cases = (xml: string) =>
    (parser.parse(xml).testsuites.testsuite as { testcase: Record<string, string>[] }[]).flatMap((s) => s.testcase.map((c) => [c["@_classname"], c["@_name"], c["@_file"]]));

  it("names each case by resource and budget: the same names in two runs whose years and figures differ", () => {
    const first = renderJunit(report, run.findings);
    // The second run as a model change would give it: every year a year later, every figure in the messages other.
    const later = run.findings.map((f) => ({ ...f, ...(f.year === undefined ? {} : { year: f.year + 1 }), message: `${f.message} (2031: 7 % more)`, ...(f.measured === undefined ? {} : { measured: f.measured * 1.07 }) }));
    const second = renderJunit({ ...report, findings: report.findings.map((f) => ({ ...f, ...(f.year === undefined ? {} : { year: f.year + 1 }) })) }, later);
    expect(first).not.toBe(second);
    expect(cases(second)).toEqual(cases(first));
    const names = cases(first).map((c) => `${c[0]} / ${c[1]}`);
    expect(new Set(names).size).toBe(run.findings.length);
    expect(names).toEqual(expect.arrayContaining([
      "prometheus.firm-power / prometheus: firm power (peak hour + headroom)",
      "prometheus.energy-adequacy / prometheus: unserved hours",
      "prometheus.carbon / prometheus: supply carbon intensity (location-based)",
      "prometheus.contract-expiry / prometheus-aep-green-chapel: check",
    ]));
    for (const [, name] of cases(first)) expect(name).not.toMatch(/\b(19|20)\d\d\b/);
    expect(testcaseName(finding({ year: 2030 }))).toBe("c: annual water (permit)");
    expect(testcaseName(finding({ budget: undefined }))).toBe("c: check");
  });

  it("gives each case a file: the stack's config file for the repository's stacks, and validates against the schema", async () => {
    const xml = renderJunit(report, run.findings);
    expect(new Set(cases(xml).map((c) => c[2]))).toEqual(new Set(["stacks/Pulumi.prometheus.yaml"]));
    expect(await junitSchemaErrors(xml)).toEqual([]);
  });

  it("points a case at the program line's file when the run recorded one, else at the stack config, else at Pulumi.yaml", () => {
    const other = "urn:pulumi:demo::aicluster::aicluster:index:Campus::d";
    const located: PlanReport = {
      ...handMade([finding({}), finding({ resourceUrn: other, resourceName: "d" })]),
      locations: { stackConfig: { file: "infra/Pulumi.demo.yaml" }, resources: { [URN]: { file: "infra/index.ts", line: 12 } } },
    };
    expect(cases(renderJunit(located)).map((c) => c[2])).toEqual(["infra/index.ts", "infra/Pulumi.demo.yaml"]);
    // A project whose stack has no config file (run on the project's defaults): the project file, which exists.
    const project = path.join(tmp, "repo");
    fs.mkdirSync(path.join(project, ".git"), { recursive: true });
    fs.mkdirSync(path.join(project, "infra"));
    fs.writeFileSync(path.join(project, "infra", "Pulumi.yaml"), "name: demo\nruntime: nodejs\n");
    const missing = reportLocations(path.join(project, "infra"), path.join(project, "infra", "Pulumi.dev.yaml"), new Map(), []);
    expect(missing.stackConfig).toEqual({ file: "infra/Pulumi.yaml" });
    fs.writeFileSync(path.join(project, "infra", "Pulumi.dev.yaml"), "config: {}\n");
    expect(reportLocations(path.join(project, "infra"), path.join(project, "infra", "Pulumi.dev.yaml"), new Map(), []).stackConfig).toEqual({ file: "infra/Pulumi.dev.yaml" });
    expect(cases(renderJunit({ ...handMade([finding({})]), locations: { stackConfig: missing.stackConfig, resources: {} } })).map((c) => c[2])).toEqual(["infra/Pulumi.yaml"]);
  });
});
