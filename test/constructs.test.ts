/**
 * Parity (issue 23): the same args give the same footprints, the same resource views and the same findings through
 * the Pulumi components under mocks and through the constructs (`pulumi-aicluster/constructs`) under a plain
 * RootConstruct and a cdk8s App; a blocking violation fails validation with the message the Pulumi pack reports.
 * The AWS CDK App is in test/cdk.test.ts.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import fc from "fast-check";
import { RootConstruct } from "constructs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { CampusArgs } from "../components/model/campus";
import type { ResourceView } from "../policies/view";
import type { PackConfig } from "../policies/evaluate";
import { campusArb, envInt, SEED } from "./helpers/arbitraries";
import { installMocks, viewsOf } from "./helpers/mocks";
import { advisoryNotes, byName, comparable, constructTree, packReports, pulumiTree, TODAY, twoHallCampus, validationErrors } from "./helpers/parity";

installMocks();
let c: typeof import("../components");
let k: typeof import("../constructs");
let evaluatePolicies: typeof import("../policies/evaluate").evaluatePolicies;
let RULES: typeof import("../policies/rules").RULES;

beforeAll(async () => {
  c = await import("../components");
  k = await import("../constructs");
  ({ evaluatePolicies } = await import("../policies/evaluate"));
  ({ RULES } = await import("../policies/rules"));
});

const PROPERTY_RUNS = envInt("FC_CONSTRUCT_RUNS", 20);

interface Both {
  pulumi: import("../components").Campus;
  pulumiViews: ResourceView[];
  root: RootConstruct;
  construct: import("../constructs").Campus;
  constructViews: ResourceView[];
}

/** The same campus through both engines; the construct's policy options carry `config`. */
async function both(name: string, args: CampusArgs, config: PackConfig = {}): Promise<Both> {
  const pulumi = new c.Campus(name, args);
  const root = new RootConstruct();
  const construct = new k.Campus(root, name, args, { policy: { config, clock: k.fixedClock(TODAY) } });
  return { pulumi, pulumiViews: await viewsOf(name), root, construct, constructViews: k.viewsOf(root) };
}

describe("the same campus through the Pulumi components (mocks) and the constructs (RootConstruct)", () => {
  let base: Both;
  beforeAll(async () => {
    base = await both("par", twoHallCampus());
  });

  it("mirrors the Pulumi names as construct ids: campus, halls, rack groups, node pools, plants, contracts", () => {
    expect(base.root.node.findAll().filter(k.isAiclusterConstruct).map((n) => n.node.path).sort()).toEqual([
      "par", "par/par-grid", "par/par-hall-a", "par/par-hall-a/par-hall-a-cooling", "par/par-hall-a/par-hall-a-nvl", "par/par-hall-a/par-hall-a-nvl/par-hall-a-nvl-nodes",
      "par/par-hall-b", "par/par-hall-b/par-hall-b-cooling", "par/par-hall-b/par-hall-b-h100", "par/par-hall-b/par-hall-b-h100/par-hall-b-h100-nodes",
      "par/par-hall-b/par-hall-b-nvl2", "par/par-hall-b/par-hall-b-nvl2/par-hall-b-nvl2-nodes", "par/par-sun",
    ]);
    expect([...base.pulumiViews.map((v) => v.name)].sort()).toEqual(base.constructViews.map((v) => v.name).sort());
    expect(base.construct.halls[1].rackGroups.map((g) => g.constructor.name)).toEqual(["AirCooledRack", "LiquidCooledRack"]);
  });

  it("gives every construct the footprint of the component with the same name", () => {
    const pulumi = pulumiTree(base.pulumi, "par");
    const constructs = constructTree(base.root);
    expect([...constructs.keys()].sort()).toEqual([...pulumi.keys()].sort());
    expect(pulumi.size).toBe(13);
    for (const [name, footprint] of pulumi) expect(constructs.get(name), name).toEqual(footprint);
    // Real numbers, not two empty objects: 8 NVL72 racks at about 132 kW and 4 H100 racks.
    expect(base.construct.footprint.rackCount).toBe(12);
    expect(base.construct.footprint.gpuCount).toBe(8 * 72 + 4 * 32);
    expect(base.construct.footprint.itLoadKw).toBeGreaterThan(1000);
    // Water from the adiabatic coolers' wet hours (about 86 m³/yr since issue 32 counts the hour's wet-bulb depression).
    expect(base.construct.footprint.waterM3PerYear).toBeGreaterThan(50);
  });

  it("gives the rules the same views: type, name, parent and the registered outputs as props", () => {
    expect(comparable(base.constructViews)).toStrictEqual(comparable(base.pulumiViews));
    const campus = base.constructViews.find((v) => v.name === "par")!;
    expect(campus.props.waterM3PerYear).toBe(base.pulumi.footprint.waterM3PerYear);
    expect(campus.props).not.toHaveProperty("halls");
    expect(base.constructViews.find((v) => v.name === "par-hall-a")!.props.hasCoolingPlant).toBe(true);
  });

  it("finds the same with the default config; a fitting campus passes validation", () => {
    const pulumi = evaluatePolicies(base.pulumiViews, {}, RULES, { clock: k.fixedClock(TODAY) });
    const constructs = k.policyEvaluationOf(base.construct);
    expect(byName(constructs, base.constructViews)).toEqual(byName(pulumi, base.pulumiViews));
    expect(pulumi.findings.filter((f) => f.status === "pass").length).toBeGreaterThan(10);
    expect(packReports(base.pulumiViews)).toEqual([]);
    expect(validationErrors(base.root)).toEqual([]);
  });
});

describe("a broken water permit", () => {
  let broken: Both;
  beforeAll(async () => {
    const probe = new c.Campus("probe", twoHallCampus());
    broken = await both("wet", twoHallCampus({ waterPermitM3PerYear: probe.footprint.waterM3PerYear / 1.01 }));
  });

  it("fails validation on the campus with exactly the messages the Pulumi pack reports", () => {
    const reports = packReports(broken.pulumiViews);
    expect(reports).toHaveLength(1);
    expect(reports[0]).toMatch(/^wet in 2028: annual water [\d,.]+ m³\/yr exceeds the water permit of [\d,.]+ m³\/yr \(by 1 %\) \(failing in 2028-2036\)\. Fix: /);
    const errors = validationErrors(broken.root);
    expect(errors).toEqual(reports.map((m) => `[wet] ${m}`));
    expect(byName(k.policyEvaluationOf(broken.construct), broken.constructViews)).toEqual(byName(evaluatePolicies(broken.pulumiViews, {}, RULES, { clock: k.fixedClock(TODAY) }), broken.pulumiViews));
  });

  it("passes with the permit raised in policy config, as the pack does", () => {
    const config: PackConfig = { "water-permit": { waterPermitM3PerYear: 1e9 } };
    const root = new RootConstruct();
    new k.Campus(root, "wet", twoHallCampus({ waterPermitM3PerYear: broken.pulumi.footprint.waterM3PerYear / 1.01 }), { policy: { config } });
    expect(packReports(broken.pulumiViews, config)).toEqual([]);
    expect(validationErrors(root)).toEqual([]);
  });

  it("an exemption by name: no error, the exempted violation noted as metadata, the same findings and summary", async () => {
    const config: PackConfig = { "water-permit": { exemptions: [{ resource: "wet2", reason: "renewal filed", expires: "2026-12-31" }] } };
    const run = await both("wet2", twoHallCampus({ waterPermitM3PerYear: broken.pulumi.footprint.waterM3PerYear / 1.01 }), config);
    expect(validationErrors(run.root)).toEqual([]);
    const pulumi = evaluatePolicies(run.pulumiViews, config, RULES, { clock: k.fixedClock(TODAY) });
    const constructs = k.policyEvaluationOf(run.construct);
    expect(byName(constructs, run.constructViews)).toEqual(byName(pulumi, run.pulumiViews));
    expect(constructs.exemptions).toEqual(pulumi.exemptions);
    expect(constructs.exemptions.map((e) => e.state)).toEqual(["applied"]);
    const notes = run.construct.node.metadata.filter((m) => m.type === k.ADVISORY_METADATA).map((m) => m.data);
    expect(notes).toEqual([{ kind: "exempted", policy: "water-permit", message: expect.stringMatching(/^aicluster: water-permit: EXEMPTED \(renewal filed, until 2026-12-31\): wet2 in 2028: annual water .* \(by 1 %\) \(failing in 2028-2036\)$/) }]);
  });

  it("the exemption expired: it blocks again, with the pack's suffix", async () => {
    const config: PackConfig = { "water-permit": { exemptions: [{ resource: "wet3", reason: "renewal filed", expires: "2026-05-31" }] } };
    const root = new RootConstruct();
    new k.Campus(root, "wet3", twoHallCampus({ waterPermitM3PerYear: broken.pulumi.footprint.waterM3PerYear / 1.01 }), { policy: { config, clock: k.fixedClock(TODAY) } });
    expect(validationErrors(root)).toEqual([expect.stringMatching(/^\[wet3\] wet3 in 2028: annual water .*\. Fix: .* \(exemption expired 2026-05-31: renewal filed\)$/)]);
  });

  it("at advisory level: no error, the pack's message as metadata and through onAdvisory", () => {
    const seen: string[] = [];
    const root = new RootConstruct();
    const campus = new k.Campus(root, "wet", twoHallCampus({ waterPermitM3PerYear: broken.pulumi.footprint.waterM3PerYear / 1.01 }), {
      policy: { config: { "water-permit": "advisory" }, onAdvisory: (scope, note) => seen.push(`${scope.node.path} ${note.kind} ${note.message}`) },
    });
    expect(validationErrors(root)).toEqual([]);
    const reports = packReports(broken.pulumiViews, { "water-permit": "advisory" }, "advisory").filter((m) => m.startsWith("wet in 2028: annual water"));
    expect(reports).toHaveLength(1);
    expect(campus.node.metadata.map((m) => m.data)).toEqual([{ kind: "advisory", policy: "water-permit", message: reports[0] }]);
    expect(seen).toEqual([`wet advisory ${reports[0]}`]);
    validationErrors(root); // a second validation adds no second note
    expect(seen).toHaveLength(1);
  });
});

describe("a hall on its own", () => {
  it("is the top of its tree: the structure rule's findings, as the pack gives them for a lone DataHall component", async () => {
    const hallArgs = { climate: "central-ohio", racks: [{ name: "r", design: "gb200-nvl72", rackCount: 2 }] };
    new c.DataHall("lone", hallArgs);
    const pulumiViews = await viewsOf("lone");
    const root = new RootConstruct();
    new k.DataHall(root, "lone", hallArgs);
    expect(comparable(k.viewsOf(root))).toStrictEqual(comparable(pulumiViews));
    expect(k.viewsOf(root).find((v) => v.name === "lone")!.props.hasCoolingPlant).toBe(false);
    const reports = packReports(pulumiViews);
    expect(reports).toEqual(expect.arrayContaining([expect.stringMatching(/^lone: hall has no cooling plant/), expect.stringMatching(/^lone: hall is not on a campus/)]));
    expect(validationErrors(root)).toEqual(reports.map((m) => `[lone] ${m}`).sort());
  });
});

describe("bad input", () => {
  it("a bad arg: an AiclusterInputError naming the construct path, the same problems as the component's, nothing left in the tree", () => {
    const args = twoHallCampus({ halls: [{ name: "h", racks: [{ name: "r", design: "gb200-nvl72", rackCount: 0 }] }] });
    const caught = (fn: () => unknown) => {
      try {
        fn();
      } catch (e) {
        return e as Error & { problems: unknown[]; constructPath?: string };
      }
      throw new Error("expected an error");
    };
    const pulumi = caught(() => new c.Campus("bad", args));
    const root = new RootConstruct();
    const construct = caught(() => new k.Campus(root, "bad", args));
    expect(construct).toBeInstanceOf(c.AiclusterInputError);
    expect(construct).toBeInstanceOf(k.AiclusterConstructInputError);
    expect(construct.constructPath).toBe("bad");
    expect(construct.problems).toEqual(pulumi.problems);
    expect(construct.problems).toEqual([{ field: "halls[0].racks[0].rackCount", value: 0, allowed: expect.stringContaining("whole number") }]);
    expect(construct.message).toBe(`[bad] aicluster:index:Campus "bad" has invalid args: halls[0].racks[0].rackCount = 0; allowed: ${(pulumi.problems[0] as { allowed: string }).allowed}`);
    expect(root.node.children).toEqual([]);
  });

  it("a bad policy config fails where it is written; policy options on a nested construct are refused", () => {
    const root = new RootConstruct();
    expect(() => new k.Campus(root, "cfg", twoHallCampus(), { policy: { config: { "water-permit": { waterPermitM3: 5 } } } })).toThrow(/policy config of cfg: water-permit\.waterPermitM3 = 5; allowed: no such setting/);
    const campus = new k.Campus(root, "nest", twoHallCampus());
    expect(() => new k.PowerContract(campus, "extra", { counterparty: "x", source: "grid-pjm-ohio", contractedMw: 1 }, { policy: {} })).toThrow(
      "[nest/extra] aicluster: policy options are read from the top aicluster construct of a tree (nest); give them there",
    );
  });
});

describe("a cdk8s App", () => {
  let outdir: string;
  beforeAll(() => {
    outdir = fs.mkdtempSync(path.join(os.tmpdir(), "aicluster-cdk8s-"));
  });
  afterAll(() => fs.rmSync(outdir, { recursive: true, force: true }));

  it("fails synth on a broken permit with the pack's message, and synthesizes after the fix", async () => {
    const cdk8s = await import("cdk8s");
    const water = new c.Campus("k8s-probe", twoHallCampus()).footprint.waterM3PerYear;
    const broken = new cdk8s.App({ outdir });
    const chart = new cdk8s.Chart(broken, "chart");
    const campus = new k.Campus(chart, "k8s", twoHallCampus({ waterPermitM3PerYear: water / 1.01 }));
    expect(() => broken.synth()).toThrow(/\[chart\/k8s\] k8s in 2028: annual water .* exceeds the water permit of .* \(by 1 %\) \(failing in 2028-2036\)\. Fix: /);
    expect(constructTree(chart).get("k8s")).toEqual(campus.footprint);
    const fixed = new cdk8s.App({ outdir });
    new k.Campus(new cdk8s.Chart(fixed, "chart"), "k8s", twoHallCampus({ waterPermitM3PerYear: water * 1.01 }));
    expect(() => fixed.synth()).not.toThrow();
    expect(fs.readdirSync(outdir)).toEqual(["chart.k8s.yaml"]);
  });
});

describe("property: random valid campuses", () => {
  it("give equal footprints, views and findings in both engines", async () => {
    let n = 0;
    await fc.assert(
      fc.asyncProperty(campusArb, async (args) => {
        const name = `prop${n++}`;
        const run = await both(name, args);
        const pulumi = pulumiTree(run.pulumi, name);
        const constructs = constructTree(run.root);
        expect([...constructs.keys()].sort()).toEqual([...pulumi.keys()].sort());
        for (const [resource, footprint] of pulumi) expect(constructs.get(resource), resource).toEqual(footprint);
        expect(comparable(run.constructViews)).toStrictEqual(comparable(run.pulumiViews));
        const expected = evaluatePolicies(run.pulumiViews, {}, RULES, { clock: k.fixedClock(TODAY) });
        expect(byName(k.policyEvaluationOf(run.construct), run.constructViews)).toEqual(byName(expected, run.pulumiViews));
        expect(validationErrors(run.root).map((m) => m.replace(/^\[[^\]]*\] /, "")).sort()).toEqual(packReports(run.pulumiViews));
        expect(advisoryNotes(run.root)).toEqual(packReports(run.pulumiViews, {}, "advisory"));
      }),
      { seed: SEED, numRuns: PROPERTY_RUNS },
    );
  }, 300_000);
});
