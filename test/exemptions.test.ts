/**
 * Policy exemptions (policies/exemptions.ts, issue 22): the config's validation, name and URN patterns, expiry at
 * the end of its UTC day, the verdict, every output format, the @pulumi/policy adapter, and a property: the verdict
 * fails exactly when a blocking violation has no live exemption, and no finding is ever dropped.
 */
import * as fs from "node:fs";
import Ajv from "ajv-draft-04";
import addFormats from "ajv-formats";
import fc from "fast-check";
import { XMLParser } from "fast-xml-parser";
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { z } from "zod";
import { renderGithub, renderJunit, sarifLog } from "../plan/ciFormats";
import { renderMarkdown, renderText } from "../plan/render";
import { buildReport, exemptionSummaries, PlanReport, PlanRunWithExemptions } from "../plan/report";
import { runPlan } from "../plan/runPlan";
import { loadStackConfig } from "../plan/stackConfig";
import {
  evaluatePolicies, hasMandatoryViolation, PackConfig, PolicyConfigError, PolicyEvaluation, resolvePackConfig,
} from "../policies/evaluate";
import { Exemption, fixedClock, isLive, resourceMatcher, utcDay } from "../policies/exemptions";
import { check, EnforcementLevel, isBlocking } from "../policies/finding";
import { defineRule } from "../policies/rule";
import { RULES } from "../policies/rules";
import { stackPolicy } from "../policies/stackPolicies";
import { numberProp, ResourceView } from "../policies/view";
import { SEED } from "./helpers/arbitraries";
import { globByTable } from "./helpers/globOracle";

const SARIF_SCHEMA_FILE = require.resolve("@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json");

// ------------------------------------------------------------------------------------------------------- fixtures

/** A rule over `test:Hall` resources: each one's `kw` must not exceed `limitKw`. */
const hallPower = defineRule({
  name: "hall-power",
  description: "Hall power within its limit.",
  enforcementLevel: "mandatory",
  severity: "high",
  remediationSteps: "Shrink the hall.",
  config: { limitKw: z.number().default(100).describe("Limit, kW.") },
  evaluate(resources, config) {
    return resources.filter((r) => r.type === "test:Hall").map((v) =>
      check(this.name, v, { budget: "hall power", measured: numberProp(v, "kw")!, limit: config.limitKw, unit: "kW" }, () => ({
        message: `${v.name}: hall power ${numberProp(v, "kw")} kW exceeds ${config.limitKw} kW`, remediation: "shrink the hall",
      })));
  },
});

/** An advisory twin of hallPower, so exemptions of advisory rules show too. */
const hallNoise = defineRule({
  name: "hall-noise",
  description: "Hall noise within its limit.",
  enforcementLevel: "advisory",
  severity: "low",
  remediationSteps: "Quieter fans.",
  config: {},
  evaluate(resources) {
    return resources.filter((r) => r.type === "test:Hall").map((v) =>
      check(this.name, v, { budget: "noise", measured: numberProp(v, "dba")!, limit: 70, unit: "dBA" }, () => ({ message: `${v.name}: noise over 70 dBA`, remediation: "quieter fans" })));
  },
});

const RULES_UNDER_TEST = [hallPower, hallNoise];

const urnOf = (name: string) => `urn:pulumi:dev::proj::test:Site$test:Hall::${name}`;
const hall = (name: string, kw: number, dba = 60): ResourceView => ({ type: "test:Hall", urn: urnOf(name), name, props: { kw, dba } });
/** hall-a and hall-c break the 100 kW limit, hall-b holds it; hall-c is loud. */
const HALLS = [hall("hall-a", 150), hall("hall-b", 90), hall("hall-c", 200, 80)];

const exemptA = (over: Partial<Exemption> = {}): Exemption => ({ resource: "hall-a", reason: "temporary load test", expires: "2026-12-31", ...over });

function evaluate(config: PackConfig, day = "2026-06-01", views: readonly ResourceView[] = HALLS): PolicyEvaluation {
  return evaluatePolicies(views, config, RULES_UNDER_TEST, { clock: fixedClock(day) });
}

/** A plan report over the fixture halls, as the planner builds it (the run's other fields are not read for these views). */
function reportOf(e: PolicyEvaluation, stack = "demo"): PlanReport {
  const run = { project: "proj", stack, config: {}, outputs: {}, registrations: [], views: HALLS, findings: e.findings, exemptions: e.exemptions, wallSeconds: 0.5, policySeconds: 0 };
  return buildReport(run as unknown as PlanRunWithExemptions, 2);
}

/** The problems a config gives against the real rules, as [key, allowed] pairs. */
function problems(config: unknown): { policy: string; key: string; value: unknown; allowed: string }[] {
  try {
    resolvePackConfig(config, RULES);
  } catch (e) {
    expect(e).toBeInstanceOf(PolicyConfigError);
    return (e as PolicyConfigError).problems;
  }
  return [];
}

const water = (exemptions: unknown) => ({ "water-permit": { enforcementLevel: "mandatory", exemptions } });

// ------------------------------------------------------------------------------------------------------- config

describe("exemptions in the policy config", () => {
  it("parse in full, with defaults for the rule's own settings", () => {
    const resolved = resolvePackConfig(water([{ resource: "prometheus", reason: "permit renewal filed", expires: "2024-02-29", ticket: "OPS-12" }]), RULES);
    expect(resolved.get("water-permit")!.exemptions).toEqual([{ resource: "prometheus", reason: "permit renewal filed", expires: "2024-02-29", ticket: "OPS-12" }]);
    expect(resolved.get("water-permit")!.config).toEqual({ waterPermitM3PerYear: "campus", dailyWaterCapM3: "campus", maxScarcityWeightedWaterM3PerYear: "off" });
    expect(resolved.get("pue-max")!.exemptions).toEqual([]);
  });

  it("reject an empty reason, a missing one, or one of two lines, naming rule, key, value and what is allowed", () => {
    expect(problems(water([{ resource: "c", reason: "" }]))).toEqual([
      { policy: "water-permit", key: "exemptions[0].reason", value: "", allowed: expect.stringMatching(/^not empty/) },
    ]);
    expect(problems(water([{ resource: "c", reason: "   " }]))[0]).toMatchObject({ key: "exemptions[0].reason", value: "   " });
    expect(problems(water([{ resource: "c" }]))).toEqual([
      { policy: "water-permit", key: "exemptions[0].reason", value: undefined, allowed: expect.stringMatching(/^required/) },
    ]);
    expect(problems(water([{ resource: "c", reason: "a\nb" }]))[0]).toMatchObject({ key: "exemptions[0].reason", allowed: expect.stringMatching(/one line/) });
    expect(() => resolvePackConfig(water([{ resource: "c", reason: "" }]), RULES)).toThrow(/water-permit\.exemptions\[0\]\.reason = ""; allowed: not empty/);
  });

  it("reject a date that is not on the calendar or not YYYY-MM-DD", () => {
    for (const bad of ["2026-02-30", "2025-02-29", "2026-13-01", "2026-1-5", "31/12/2026", "2026-12-31T00:00:00Z"]) {
      expect(problems(water([{ resource: "c", reason: "r", expires: bad }])), bad).toEqual([
        { policy: "water-permit", key: "exemptions[0].expires", value: bad, allowed: expect.stringMatching(/^a calendar date YYYY-MM-DD/) },
      ]);
    }
    expect(problems(water([{ resource: "c", reason: "r", expires: 20261231 }]))[0]).toMatchObject({ key: "exemptions[0].expires", value: 20261231 });
  });

  it("reject an unknown key with a suggestion, and an empty ticket", () => {
    expect(problems(water([{ resource: "c", reason: "r", tickt: "OPS-1" }]))).toEqual([
      { policy: "water-permit", key: "exemptions[0].tickt", value: "OPS-1", allowed: 'no such exemption field (did you mean "ticket"?); an exemption takes resource, reason, expires, ticket' },
    ]);
    expect(problems(water([{ resource: "c", reason: "r", ticket: "" }]))[0]).toMatchObject({ key: "exemptions[0].ticket", value: "" });
  });

  it("reject an empty pattern, one with spaces at an end, one of wildcards alone, and the same pattern twice", () => {
    for (const bad of ["", " c", "c ", "*", "**", "urn:pulumi:*"]) {
      expect(problems(water([{ resource: bad, reason: "r" }])), JSON.stringify(bad)).toEqual([
        { policy: "water-permit", key: "exemptions[0].resource", value: bad, allowed: expect.any(String) },
      ]);
    }
    expect(problems(water([{ resource: "*", reason: "r" }]))[0].allowed).toMatch(/set its enforcementLevel to advisory/);
    expect(problems(water([{ resource: "c", reason: "r" }, { resource: "c", reason: "s" }]))).toEqual([
      { policy: "water-permit", key: "exemptions[1].resource", value: "c", allowed: "each resource pattern once per rule; exemptions[0] already names it" },
    ]);
  });

  it("reject exemptions that are not a list, and report every problem of a config at once", () => {
    expect(problems(water({ resource: "c", reason: "r" }))).toEqual([
      { policy: "water-permit", key: "exemptions", value: { resource: "c", reason: "r" }, allowed: expect.stringMatching(/^a list of exemptions/) },
    ]);
    const all = problems({ ...water([{ resource: "", reason: "" }]), "pue-max": { maxPue: 0.5, exemptions: [{ resource: "h", reason: "r", expires: "2026-02-30" }] } });
    expect(all.map((p) => `${p.policy}.${p.key}`)).toEqual(["water-permit.exemptions[0].resource", "water-permit.exemptions[0].reason", "pue-max.exemptions[0].expires", "pue-max.maxPue"]);
  });

  it("are declared in every rule's JSON configSchema, which the engine checks config against", () => {
    const ajv = new Ajv({ strict: false });
    addFormats(ajv);
    for (const rule of RULES) {
      expect(rule.configSchema.exemptions, rule.name).toMatchObject({ type: "array", default: [] });
      expect(Object.keys(rule.defaults)).not.toContain("exemptions");
    }
    const validate = ajv.compile({ type: "object", properties: RULES[0].configSchema, additionalProperties: false });
    expect(validate({ exemptions: [{ resource: "urn:pulumi:*::c", reason: "r", expires: "2026-12-31", ticket: "T-1" }] })).toBe(true);
    expect(validate({ exemptions: [{ resource: "c", reason: "r", owner: "me" }] })).toBe(false);
    expect(validate({ exemptions: [{ resource: "c", reason: "r", expires: "2026-02-30" }] })).toBe(false);
    expect(validate({ exemptions: [{ resource: "c", reason: "" }] })).toBe(false);
    expect(validate({ exemptions: [{ resource: "c" }] })).toBe(false);
  });

  it("the example policy config parses, and a rule may not name the reserved key itself", () => {
    const example = JSON.parse(fs.readFileSync("policies/examples/exemptions.json", "utf8"));
    const resolved = resolvePackConfig(example, RULES);
    expect(resolved.get("water-permit")!.exemptions).toHaveLength(1);
    const reserved = { ...hallNoise, config: { exemptions: z.array(z.string()).default([]).describe("x") } };
    expect(() => defineRule(reserved as never)).toThrow(/reserved config key/);
  });
});

// ------------------------------------------------------------------------------------------------------- matching

describe("patterns and expiry", () => {
  const r = (name: string, urn = urnOf(name)) => ({ name, urn });

  it("a name pattern matches the whole name, `*` any run of characters, everything else literally", () => {
    const m = resourceMatcher("hall-*");
    expect([m(r("hall-a")), m(r("hall-")), m(r("hall-a-b")), m(r("my-hall-a")), m(r("hall"))]).toEqual([true, true, true, false, false]);
    expect(resourceMatcher("hall")(r("hall-a"))).toBe(false);
    expect(resourceMatcher("a.c")(r("abc"))).toBe(false);
    expect(resourceMatcher("a.c")(r("a.c"))).toBe(true);
    expect(resourceMatcher("h$(x)+[1]")(r("h$(x)+[1]"))).toBe(true);
    expect(resourceMatcher("*-b")(r("hall-b"))).toBe(true);
    // A name pattern never matches the URN.
    expect(resourceMatcher("*test:Hall::hall-a")(r("hall-a"))).toBe(false);
  });

  it("a URN pattern matches the whole URN, exactly or with `*`, and not the name", () => {
    expect(resourceMatcher(urnOf("hall-a"))(r("hall-a"))).toBe(true);
    expect(resourceMatcher(urnOf("hall-a"))(r("hall-ab"))).toBe(false);
    expect(resourceMatcher("urn:pulumi:dev::proj::*::hall-*")(r("hall-b"))).toBe(true);
    expect(resourceMatcher("urn:pulumi:prod::proj::*::hall-*")(r("hall-b"))).toBe(false);
    expect(resourceMatcher("urn:pulumi:hall-a")(r("urn:pulumi:hall-a", "urn:x"))).toBe(false);
  });

  it("an exemption applies through the end of its expiry day (UTC), and not the day after", () => {
    expect(isLive({ expires: "2026-12-31" }, "2026-12-31")).toBe(true);
    expect(isLive({ expires: "2026-12-31" }, "2027-01-01")).toBe(false);
    expect(isLive({}, "2999-01-01")).toBe(true);
    expect(utcDay(() => new Date("2026-12-31T23:59:59.999Z"))).toBe("2026-12-31");
    // Half past midnight in UTC+2 is still the 31st in UTC.
    expect(utcDay(() => new Date("2027-01-01T00:30:00+02:00"))).toBe("2026-12-31");
    expect(() => utcDay(() => new Date("nope"))).toThrow(/valid Date/);
    expect(() => fixedClock("2026-02-30")).toThrow(/today = "2026-02-30"; allowed: a calendar date YYYY-MM-DD/);

    const on = (day: string) => evaluate({ "hall-power": { exemptions: [exemptA(), { resource: "hall-c", reason: "r2" }] } }, day);
    const a = (e: PolicyEvaluation) => e.findings.find((f) => f.policy === "hall-power" && f.resourceName === "hall-a")!;
    expect(a(on("2026-12-31")).exemption).toEqual({ pattern: "hall-a", reason: "temporary load test", expires: "2026-12-31" });
    expect(a(on("2026-12-31")).expiredExemption).toBeUndefined();
    expect(a(on("2027-01-01")).exemption).toBeUndefined();
    expect(a(on("2027-01-01")).expiredExemption).toEqual({ pattern: "hall-a", reason: "temporary load test", expires: "2026-12-31" });
    expect(hasMandatoryViolation(on("2026-12-31").findings)).toBe(false);
    expect(hasMandatoryViolation(on("2027-01-01").findings)).toBe(true);
  });
});

// ------------------------------------------------------------------------------------------------------- verdict

describe("the verdict", () => {
  it("flips from fail to pass when every blocking violation is exempted, and back when an exemption expires", () => {
    const none = evaluate({});
    expect(none.findings.filter((f) => f.status === "violation").map((f) => `${f.policy}/${f.resourceName}`)).toEqual(["hall-power/hall-a", "hall-power/hall-c", "hall-noise/hall-c"]);
    expect(hasMandatoryViolation(none.findings)).toBe(true);

    const config = { "hall-power": { exemptions: [exemptA(), { resource: "urn:pulumi:dev::proj::*::hall-c", reason: "decommissioned in Q1", ticket: "DC-9" }] } };
    const live = evaluate(config, "2026-12-31");
    expect(hasMandatoryViolation(live.findings)).toBe(false);
    expect(reportOf(live).verdict).toBe("pass");
    // Nothing dropped: the same findings, in the same order, the violations marked.
    expect(live.findings.map((f) => [f.policy, f.resourceName, f.status])).toEqual(none.findings.map((f) => [f.policy, f.resourceName, f.status]));
    expect(live.findings.filter((f) => f.exemption).map((f) => f.resourceName)).toEqual(["hall-a", "hall-c"]);
    expect(reportOf(live).findings.filter((f) => f.status === "violation")).toHaveLength(3);

    const lapsed = evaluate(config, "2027-01-01");
    expect(hasMandatoryViolation(lapsed.findings)).toBe(true);
    expect(reportOf(lapsed).verdict).toBe("fail");
    expect(lapsed.exemptions.map((e) => [e.resource, e.state, e.violations])).toEqual([["hall-a", "expired", 1], ["urn:pulumi:dev::proj::*::hall-c", "applied", 1]]);
  });

  it("an exemption of one rule does not exempt another rule's violation on the same resource", () => {
    const e = evaluate({ "hall-noise": { exemptions: [{ resource: "hall-*", reason: "ear defenders issued" }] } });
    expect(hasMandatoryViolation(e.findings)).toBe(true);
    expect(e.findings.filter((f) => f.exemption).map((f) => `${f.policy}/${f.resourceName}`)).toEqual(["hall-noise/hall-c"]);
  });

  it("lists applied, expired and unused exemptions, and never exempts passes or checks not made", () => {
    const e = evaluate({
      "hall-power": {
        exemptions: [
          exemptA(),
          { resource: "hall-b", reason: "holds anyway" },
          { resource: "hall-z*", reason: "typo" },
          { resource: "hall-c", reason: "old", expires: "2026-01-31" },
        ],
      },
    });
    expect(e.exemptions.map(({ resource, state, violations, violatingResources, matchedResources }) => ({ resource, state, violations, violatingResources, matchedResources }))).toEqual([
      { resource: "hall-a", state: "applied", violations: 1, violatingResources: ["hall-a"], matchedResources: 1 },
      { resource: "hall-b", state: "unused", violations: 0, violatingResources: [], matchedResources: 1 },
      { resource: "hall-z*", state: "unused", violations: 0, violatingResources: [], matchedResources: 0 },
      { resource: "hall-c", state: "expired", violations: 1, violatingResources: ["hall-c"], matchedResources: 1 },
    ]);
    expect(e.findings.find((f) => f.resourceName === "hall-b" && f.policy === "hall-power")!.exemption).toBeUndefined();
    expect(e.exemptions.every((s) => s.policy === "hall-power" && s.enforcementLevel === "mandatory")).toBe(true);
  });

  it("a disabled rule has no findings and its exemptions are not listed", () => {
    const e = evaluate({ "hall-power": { enforcementLevel: "disabled", exemptions: [exemptA()] } });
    expect(e.findings.some((f) => f.policy === "hall-power")).toBe(false);
    expect(e.exemptions).toEqual([]);
  });
});

// ------------------------------------------------------------------------------------------------------- formats

describe("every format shows exempted findings", () => {
  const config = {
    "hall-power": { exemptions: [exemptA({ ticket: "LOAD-7" }), { resource: "hall-c", reason: "old exemption", expires: "2026-01-31" }, { resource: "gone-*", reason: "hall removed" }] },
    "hall-noise": { exemptions: [{ resource: "hall-c", reason: "ear defenders issued" }] },
  };
  let e: PolicyEvaluation;
  let report: PlanReport;
  beforeAll(() => {
    e = evaluate(config);
    report = reportOf(e);
  });

  it("text: EXEMPTED on the finding, an Exemptions table, and the verdict says what was exempted", () => {
    const text = renderText(report);
    expect(text).toContain("[mandatory] hall-power: hall-a: hall power 150 kW exceeds 100 kW\n      EXEMPTED (temporary load test, until 2026-12-31; ticket LOAD-7): reported, does not block");
    expect(text).toContain("[mandatory] hall-power: hall-c: hall power 200 kW exceeds 100 kW\n      exemption EXPIRED 2026-01-31 (old exemption): it counts again");
    expect(text).toContain("[advisory] hall-noise: hall-c: noise over 70 dBA\n      EXEMPTED (ear defenders issued, no expiry)");
    const table = text.slice(text.indexOf("Exemptions ("), text.indexOf("Verdict:")).split("\n").filter((l) => l.startsWith("  "));
    expect(table[0]).toMatch(/^ {2}state +policy +level +resource +violations +reason +expires +ticket$/);
    expect(table.slice(1).map((l) => l.trim().split(/ {2,}/))).toEqual([
      ["applied", "hall-power", "mandatory", "hall-a", "1 (hall-a)", "temporary load test", "2026-12-31", "LOAD-7"],
      ["applied", "hall-noise", "advisory", "hall-c", "1 (hall-c)", "ear defenders issued", "never", "-"],
      ["expired", "hall-power", "mandatory", "hall-c", "1 (hall-c)", "old exemption", "2026-01-31", "-"],
      ["unused", "hall-power", "mandatory", "gone-*", "0 (matches no resource)", "hall removed", "never", "-"],
    ]);
    expect(text).toMatch(/Verdict: FAIL, a mandatory policy is violated \(1 mandatory violation exempted, see Exemptions\)/);
    expect(text).toMatch(/hall-power +hall power +3 +200 kW .* 2 over \(mandatory, 1 exempted\)/);
  });

  it("Markdown: EXEMPTED in the findings list and an Exemptions table", () => {
    const md = renderMarkdown(report);
    expect(md.split("\n")[0]).toBe("### aicluster plan: `demo` FAILS (1 mandatory violation exempted, see Exemptions)");
    expect(md).toContain("- **mandatory** **EXEMPTED (temporary load test, until 2026-12-31; ticket LOAD-7)** `hall-power`: hall-a: hall power 150 kW exceeds 100 kW. Fix: shrink the hall");
    expect(md).toContain("- **mandatory** **exemption EXPIRED 2026-01-31 (old exemption)** `hall-power`: hall-c");
    expect(md).toContain("#### Exemptions\n\n| state | policy | level | resource | violations | reason | expires | ticket |");
    expect(md).toContain("| unused | hall-power | mandatory | gone-* | 0 (matches no resource) | hall removed | never | - |");
  });

  it("text and Markdown warn about a pattern that covers every resource of a type the rule checks", () => {
    const broad = reportOf(evaluate({ "hall-power": { exemptions: [{ resource: "hall-*", reason: "load test" }] } }));
    const note = broad.exemptions!.find((x) => x.resource === "hall-*")!;
    expect(note.broad?.length).toBe(1);
    const types = `all ${note.broad![0].resources} resources of type ${note.broad![0].type}`;
    const text = renderText(broad);
    expect(text).toContain(`\nwarning: hall-power exemption: pattern "hall-*" matches ${types}; name the resources meant, or set the rule's enforcementLevel to stop it blocking\n`);
    expect(renderMarkdown(broad)).toContain(`\n- **warning**: hall-power exemption: pattern "hall-\\*" matches ${types}; name the resources meant, or set the rule's enforcementLevel to stop it blocking`);
    // The narrow exemptions above carry no warning.
    expect(renderText(report)).not.toContain("warning:");
  });

  it("JSON: the finding carries its exemption and the report lists every exemption", () => {
    const json = JSON.parse(JSON.stringify(report)) as PlanReport;
    const a = json.findings.find((f) => f.policy === "hall-power" && f.resourceName === "hall-a")!;
    expect(a).toMatchObject({ status: "violation", enforcementLevel: "mandatory", exemption: { pattern: "hall-a", reason: "temporary load test", expires: "2026-12-31", ticket: "LOAD-7" } });
    expect(json.exemptions!.map((x) => [x.policy, x.resource, x.state])).toEqual([
      ["hall-power", "hall-a", "applied"], ["hall-power", "hall-c", "expired"], ["hall-power", "gone-*", "unused"], ["hall-noise", "hall-c", "applied"],
    ]);
  });

  it("SARIF: suppressions on the exempted results, the level kept, and the log valid against the 2.1.0 schema", () => {
    const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false });
    addFormats(ajv);
    const validate = ajv.compile(JSON.parse(fs.readFileSync(SARIF_SCHEMA_FILE, "utf8")));
    const log = sarifLog(report);
    expect(validate(log), JSON.stringify(validate.errors, null, 2)).toBe(true);
    const results = (log.runs as { results: { ruleId: string; level: string; suppressions?: unknown[]; locations: { logicalLocations: { name: string }[] }[] }[] }[])[0].results;
    const of = (policy: string, name: string) => results.find((r) => r.ruleId === policy && r.locations[0].logicalLocations[0].name === name)!;
    expect(of("hall-power", "hall-a")).toMatchObject({
      level: "error",
      suppressions: [{ kind: "external", status: "accepted", justification: 'temporary load test, until 2026-12-31; ticket LOAD-7 (policy config exemption of "hall-a")' }],
    });
    expect(of("hall-power", "hall-c").level).toBe("error");
    expect(of("hall-power", "hall-c").suppressions).toBeUndefined();
    expect(of("hall-noise", "hall-c")).toMatchObject({ level: "warning", suppressions: [{ kind: "external", status: "accepted" }] });
    // The schema bites on suppressions too: an unknown kind does not validate.
    const bad = JSON.parse(JSON.stringify(log));
    bad.runs[0].results.find((r: { suppressions?: { kind: string }[] }) => r.suppressions)!.suppressions[0].kind = "waived";
    expect(validate(bad)).toBe(false);
  });

  it("JUnit: an exempted violation is skipped with its reason, not a failure", () => {
    const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: "@_", isArray: (name) => name === "testsuite" || name === "testcase" });
    const doc = parser.parse(renderJunit(report, e.findings));
    expect(doc.testsuites).toMatchObject({ "@_tests": "6", "@_failures": "1", "@_skipped": "2" });
    const power = doc.testsuites.testsuite.find((s: { "@_name": string }) => s["@_name"] === "hall-power");
    const byName = (n: string) => power.testcase.find((c: { "@_name": string }) => c["@_name"].startsWith(`${n}:`));
    expect(byName("hall-a").failure).toBeUndefined();
    expect(byName("hall-a").skipped["@_message"]).toBe("exempted (temporary load test, until 2026-12-31; ticket LOAD-7): hall-a: hall power 150 kW exceeds 100 kW");
    expect(byName("hall-c").failure["@_message"]).toBe("hall-c: hall power 200 kW exceeds 100 kW");
    expect(byName("hall-c").failure["#text"]).toContain("(exemption expired 2026-01-31: old exemption)");
  });

  it("GitHub: a notice per exempted violation, a warning per expired exemption, and the summary counts the exempted", () => {
    const lines = renderGithub(report).split("\n");
    expect(lines).toContain("::notice file=stacks/Pulumi.demo.yaml,title=hall-power::exempted (temporary load test, until 2026-12-31; ticket LOAD-7): hall-a: hall power 150 kW exceeds 100 kW Fix: shrink the hall");
    expect(lines).toContain("::error file=stacks/Pulumi.demo.yaml,title=hall-power::hall-c: hall power 200 kW exceeds 100 kW Fix: shrink the hall (exemption expired 2026-01-31: old exemption)");
    expect(lines.filter((l) => l.startsWith("::warning") && l.includes("title=hall-power exemption expired"))).toHaveLength(1);
    expect(lines.filter((l) => l.startsWith("::notice") && l.includes("title=hall-power exemption unused::hall-power exemption of \"gone-*\" is unused: its pattern matches no resource"))).toHaveLength(1);
    expect(lines.at(-1)).toBe("aicluster plan demo: FAIL (1 mandatory violation; 2 exempted)");
    const passing = reportOf(evaluate({ "hall-power": { exemptions: [exemptA(), { resource: "hall-c", reason: "r" }] } }));
    expect(renderGithub(passing).split("\n").at(-1)).toBe("aicluster plan demo: PASS (2 exempted)");
    expect(renderText(passing)).toMatch(/Verdict: PASS, no mandatory policy violated \(2 mandatory violations exempted, see Exemptions\)/);
  });

  it("a report built from findings alone still lists applied and expired exemptions", () => {
    const derived = exemptionSummaries(e.findings);
    expect(derived.map((s) => [s.policy, s.resource, s.state, s.violations])).toEqual([
      ["hall-power", "hall-a", "applied", 1], ["hall-power", "hall-c", "expired", 1], ["hall-noise", "hall-c", "applied", 1],
    ]);
  });
});

// ------------------------------------------------------------------------------------------------------- the real stack

describe("the Prometheus stack", () => {
  it("passes with its mandatory violations exempted on the campus, and fails again once they expire", async () => {
    const run = await runPlan({ stack: "prometheus", config: loadStackConfig("prometheus") });
    const blocking = run.findings.filter((f) => f.status === "violation" && isBlocking(f.enforcementLevel));
    expect(blocking.length).toBeGreaterThan(0);
    const policies = [...new Set(blocking.map((f) => f.policy))];
    const config = Object.fromEntries(policies.map((p) => [p, { exemptions: [{ resource: "prometheus", reason: "phase 1 accepted by the board", expires: "2027-06-30" }] }]));
    const live = evaluatePolicies(run.views, config, RULES, { clock: fixedClock("2027-06-30") });
    expect(hasMandatoryViolation(live.findings)).toBe(false);
    expect(live.findings).toHaveLength(run.findings.length);
    expect(live.exemptions.filter((x) => x.state === "applied").map((x) => x.policy)).toEqual(policies);
    const report = buildReport({ ...run, findings: live.findings, exemptions: live.exemptions }, 2);
    expect(report.verdict).toBe("pass");
    const expired = evaluatePolicies(run.views, config, RULES, { clock: fixedClock("2027-07-01") });
    expect(expired.findings.filter((f) => f.status === "violation" && isBlocking(f.enforcementLevel)).map((f) => f.message)).toEqual(blocking.map((f) => f.message));
    expect(buildReport({ ...run, findings: expired.findings, exemptions: expired.exemptions }, 2).verdict).toBe("fail");

    // The documented example: the campus's water-permit violation and the Socrates contracts' expiry notes exempted
    // (two: the proposed socrates-expansion is not counted, so contract-expiry asks no renewal of it).
    const example = evaluatePolicies(run.views, JSON.parse(fs.readFileSync("policies/examples/exemptions.json", "utf8")), RULES, { clock: fixedClock("2027-01-01") });
    expect(example.exemptions.map((x) => [x.policy, x.state, x.violations, x.violatingResources.length])).toEqual([["water-permit", "applied", 1, 1], ["contract-expiry", "applied", 2, 2]]);
    expect(example.findings.filter((f) => f.policy === "contract-expiry" && f.status === "violation" && !f.exemption).map((f) => f.resourceName)).toEqual(["prometheus-aep-green-chapel"]);
  }, 60_000);
});

// ------------------------------------------------------------------------------------------------------- the pack

describe("the @pulumi/policy adapter", () => {
  afterEach(() => {
    vi.useRealTimers();
    vi.restoreAllMocks();
  });

  function validate(day: string, config: Record<string, unknown>) {
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(new Date(`${day}T12:00:00Z`));
    const printed: string[] = [];
    vi.spyOn(console, "warn").mockImplementation((m: unknown) => void printed.push(String(m)));
    const reported: { message: string; urn?: string }[] = [];
    const resources = HALLS.map((h) => ({ ...h, parent: undefined }));
    stackPolicy(hallPower).validateStack!({ resources, getConfig: () => config } as never, (message, urn) => reported.push({ message, urn }));
    return { reported, printed };
  }

  it("does not report an exempted violation (so a mandatory policy does not block) but prints it", () => {
    const { reported, printed } = validate("2026-12-31", { exemptions: [exemptA(), { resource: "nowhere", reason: "stale" }] });
    expect(reported).toEqual([{ message: "hall-c: hall power 200 kW exceeds 100 kW. Fix: shrink the hall", urn: urnOf("hall-c") }]);
    expect(printed).toEqual([
      "aicluster: hall-power: EXEMPTED (temporary load test, until 2026-12-31): hall-a: hall power 150 kW exceeds 100 kW",
      'aicluster: hall-power exemption of "nowhere" is unused: its pattern matches no resource; remove it or fix the pattern (stale)',
    ]);
  });

  it("reports the violation again the day after the exemption expires, and says so", () => {
    const { reported, printed } = validate("2027-01-01", { exemptions: [exemptA()] });
    expect(reported.map((r) => r.urn)).toEqual([urnOf("hall-a"), urnOf("hall-c")]);
    expect(reported[0].message).toBe("hall-a: hall power 150 kW exceeds 100 kW. Fix: shrink the hall (exemption expired 2026-12-31: temporary load test)");
    expect(printed).toEqual(['aicluster: hall-power exemption of "hall-a" expired 2026-12-31: temporary load test; 1 violation (hall-a) count again']);
  });

  it("fails the validation on a bad exemption, naming the key", () => {
    expect(() => validate("2026-06-01", { exemptions: [{ resource: "hall-a", reason: "" }] })).toThrow(/policy pack config: hall-power\.exemptions\[0\]\.reason = an empty string/);
  });
});

// ------------------------------------------------------------------------------------------------------- property


describe("property: exemptions never hide a finding, and the verdict fails iff a blocking violation has no live exemption", () => {
  const NAMES = ["h1", "h2", "h10", "x.1", "hall"];
  const DAYS = ["2026-05-31", "2026-06-01", "2026-06-02"];
  const TODAY = "2026-06-01";
  /** Rules whose findings the property supplies. */
  let supplied: Record<string, { name: string; status: "violation" | "pass" | "not-applicable" }[]> = {};
  const rule = (name: string) => defineRule({
    name, description: name, enforcementLevel: "mandatory", severity: "low", remediationSteps: "-", config: {},
    evaluate: () => (supplied[name] ?? []).map((f) => ({
      policy: name, status: f.status, resourceUrn: `urn:pulumi:s::p::t:T::${f.name}`, resourceName: f.name, message: `${f.name} ${f.status}`, remediation: "-",
    })),
  });
  const rules = [rule("r1"), rule("r2")];
  const views: ResourceView[] = NAMES.map((n) => ({ type: "t:T", urn: `urn:pulumi:s::p::t:T::${n}`, name: n, props: {} }));

  const patternArb = fc.oneof(
    fc.constantFrom(...NAMES),
    fc.constantFrom("h*", "*1", "h*0", "x.*", "*a*", "nope"),
    fc.constantFrom(...NAMES).map((n) => `urn:pulumi:s::p::t:T::${n}`),
    fc.constantFrom("urn:pulumi:s::p::*::h*", "urn:pulumi:other::*::h1"),
  );
  const exemptionArb = fc.record({ resource: patternArb, reason: fc.constant("r"), expires: fc.option(fc.constantFrom(...DAYS), { nil: undefined }) })
    .map((e): Exemption => (e.expires === undefined ? { resource: e.resource, reason: e.reason } : { ...e, expires: e.expires }));
  const ruleArb = fc.record({
    level: fc.constantFrom<EnforcementLevel>("mandatory", "advisory", "remediate"),
    findings: fc.array(fc.record({ name: fc.constantFrom(...NAMES), status: fc.constantFrom<"violation" | "pass" | "not-applicable">("violation", "pass", "not-applicable") }), { maxLength: 6 }),
    exemptions: fc.uniqueArray(exemptionArb, { maxLength: 4, selector: (e) => e.resource }),
  });

  it("holds for any findings, levels and exemptions", () => {
    fc.assert(
      fc.property(ruleArb, ruleArb, (a, b) => {
        supplied = { r1: a.findings, r2: b.findings };
        const config = { r1: { enforcementLevel: a.level, exemptions: a.exemptions }, r2: { enforcementLevel: b.level, exemptions: b.exemptions } };
        const out = evaluatePolicies(views, config, rules, { clock: fixedClock(TODAY) });
        const expected = [["r1", a] as const, ["r2", b] as const].flatMap(([policy, spec]) => spec.findings.map((f) => ({ policy, level: spec.level, ...f, exemptions: spec.exemptions })));
        // No finding dropped, added or reordered; only violations carry an exemption.
        expect(out.findings.map((f) => [f.policy, f.resourceName, f.status, f.enforcementLevel])).toEqual(expected.map((f) => [f.policy, f.name, f.status, f.level]));
        expect(out.findings.filter((f) => f.status !== "violation" && (f.exemption || f.expiredExemption))).toEqual([]);
        const covered = (f: (typeof expected)[number]) => f.exemptions.some((e) =>
          (e.expires === undefined || e.expires >= TODAY) &&
          globByTable(e.resource, e.resource.startsWith("urn:pulumi:") ? `urn:pulumi:s::p::t:T::${f.name}` : f.name));
        const shouldFail = expected.some((f) => f.status === "violation" && isBlocking(f.level) && !covered(f));
        expect(hasMandatoryViolation(out.findings)).toBe(shouldFail);
        out.findings.forEach((f, i) => expect(f.exemption !== undefined, `${f.policy}/${f.resourceName}`).toBe(f.status === "violation" && covered(expected[i])));
        expect(out.exemptions).toHaveLength(a.exemptions.length + b.exemptions.length);
      }),
      { seed: SEED, numRuns: 300 },
    );
  });
});
