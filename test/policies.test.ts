/**
 * The pack's machinery: the views the rules read, config naming a rule that does not exist, the @pulumi/policy
 * adapter, the documented policy config and the pack's version. Each rule's own cases are in test/rules/, one file
 * per family.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { installMocks, viewsOf } from "./helpers/mocks";
import { fitting } from "./rules/fixture";

installMocks();
type Components = typeof import("../components");
type Policies = typeof import("../policies/evaluate");
let c: Components;
let p: Policies;

beforeAll(async () => {
  c = await import("../components");
  p = await import("../policies/evaluate");
});


describe("the views the rules read", () => {
  it("are the registered outputs, with parents", async () => {
    new c.Campus("shape", fitting());
    const views = await viewsOf("shape");
    const campus = views.find((v) => v.type === "aicluster:index:Campus")!;
    expect(campus.props.waterPermitM3PerYear).toBe(10_000);
    expect(campus.props).not.toHaveProperty("halls");
    const hall = views.find((v) => v.type === "aicluster:index:DataHall")!;
    expect(hall.parent).toBe(campus.urn);
    expect(hall.props.hasCoolingPlant).toBe(true);
  });
});

describe("config", () => {
  it("rejects config for an unknown rule", () => {
    expect(() => p.evaluateRules([], { "water-permits": {} })).toThrow(/water-permits = \{\}; allowed: no such rule \(did you mean "water-permit"\?\); rules: firm-power, emergency-power, energy-adequacy, water-permit/);
  });
});

describe("the @pulumi/policy adapter", () => {
  it("reports the same violations through validateStack, with config from the engine", async () => {
    const { STACK_POLICIES } = await import("../policies/stackPolicies");
    const probe = new c.Campus("pack-probe", fitting());
    const args = fitting({ waterPermitM3PerYear: probe.footprint.waterM3PerYear / 1.01 });
    new c.Campus("pack", args);
    const views = await viewsOf("pack");
    const resources = views.map((v) => ({ ...v, parent: views.find((x) => x.urn === v.parent) }));
    const run = (name: string, config: object) => {
      const reported: { message: string; urn?: string }[] = [];
      const policy = STACK_POLICIES.find((s) => s.name === name)!;
      policy.validateStack({ resources, getConfig: () => config } as never, (message, urn) => reported.push({ message, urn }));
      return reported;
    };
    const water = run("water-permit", {});
    expect(water).toHaveLength(1);
    expect(water[0].message).toMatch(/^pack: annual water .* exceeds the water permit of .* \(by 1 %\)\. Fix: /);
    expect(water[0].urn).toMatch(/::pack$/);
    expect(run("water-permit", { waterPermitM3PerYear: 1e9 })).toEqual([]);
    // Issue 32: 0 meant "use the campus's" (here a permit it breaks by 1 %, so raising it to 0 passed nothing new, and
    // 0 never checked a permit of 0); now "campus" says that, and 0 is a real permit: no water at all.
    expect(run("water-permit", { waterPermitM3PerYear: "campus" }).map((r) => r.message)).toEqual(water.map((r) => r.message));
    const none = run("water-permit", { waterPermitM3PerYear: 0 });
    // The config's permit holds for every campus: the probe (which has none of its own) breaks it too.
    expect(none.map((r) => r.urn!.split("::").pop())).toEqual(["pack-probe", "pack"]);
    for (const r of none) expect(r.message).toMatch(/^pack(-probe)?: annual water .* exceeds the water permit of 0 m³\/yr \(a permit of 0 allows no water\)\. Fix: /);
    expect(STACK_POLICIES.map((s) => s.name)).toEqual(["firm-power", "emergency-power", "energy-adequacy", "water-permit", "pue-max", "wue-max", "rack-density", "cdu-capacity", "cooling-capacity", "supply-temperature", "carbon", "contract-expiry", "proposed-supply", "capex-budget", "unit-cost", "financing", "structure", "aws-instance-type", "aws-footprint-tags", "aws-pilot-size"]);
  });

  it("the documented policy-config.json names every rule with its defaults", async () => {
    const { RULES } = await import("../policies/rules");
    const documented = (await import("../policies/policy-config.json")).default as Record<string, Record<string, unknown>>;
    for (const rule of RULES) expect(documented[rule.name]).toEqual({ enforcementLevel: rule.enforcementLevel, ...rule.defaults });
    expect(Object.keys(documented)).toHaveLength(RULES.length);
  });

  it("the pack folder's package.json carries the project's version (the pack version the engine reports)", async () => {
    const pack = (await import("../policies/package.json")).default as { version: string };
    const project = (await import("../package.json")).default as { version: string };
    expect(pack.version).toBe(project.version);
  });
});
