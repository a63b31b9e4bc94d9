/**
 * AWS CDK (issue 23.3, 23.4): the campus construct inside an aws-cdk-lib App. `app.synth()` fails on a broken water
 * permit with the Pulumi pack's message and passes on a fitting campus; the footprints, views and findings equal the
 * Pulumi components' under mocks; advisory notes become CDK warnings; EC2 instances associated with a rack group carry
 * the same `aicluster:` tags as the Pulumi pilot's (AwsGpuCluster under mocks) and pass the same AWS tagging rule.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { App, Stack, Tags } from "aws-cdk-lib";
import * as ec2 from "aws-cdk-lib/aws-ec2";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ResourceView } from "../policies/view";
import { installMocks, viewsOf } from "./helpers/mocks";
import { byName, comparable, constructTree, packReports, pulumiTree, TODAY, twoHallCampus } from "./helpers/parity";

const registrations = installMocks();
let c: typeof import("../components");
let aws: typeof import("../components/aws");
let k: typeof import("../constructs");
let cdk: typeof import("../constructs/cdk");
let evaluatePolicies: typeof import("../policies/evaluate").evaluatePolicies;
let RULES: typeof import("../policies/rules").RULES;

let outdir: string;
beforeAll(async () => {
  c = await import("../components");
  aws = await import("../components/aws");
  k = await import("../constructs");
  cdk = await import("../constructs/cdk");
  ({ evaluatePolicies } = await import("../policies/evaluate"));
  ({ RULES } = await import("../policies/rules"));
  outdir = fs.mkdtempSync(path.join(os.tmpdir(), "aicluster-cdk-"));
});
afterAll(() => fs.rmSync(outdir, { recursive: true, force: true }));

/** A fresh App writing into its own folder under the test's temporary one. */
function newApp(): App {
  return new App({ outdir: fs.mkdtempSync(path.join(outdir, "app-")) });
}

/** What `app.synth()` throws (it must throw). */
function synthError(app: App): string {
  try {
    app.synth();
  } catch (e) {
    return (e as Error).message;
  }
  throw new Error("expected app.synth() to fail");
}

describe("a campus in an AWS CDK App", () => {
  let water: number;
  beforeAll(() => {
    water = new c.Campus("cdk-probe", twoHallCampus()).footprint.waterM3PerYear;
  });

  it("fails app.synth() on a broken water permit with the pack's message, and passes once the permit fits", async () => {
    new c.Campus("cdk", twoHallCampus({ waterPermitM3PerYear: water / 1.01 }));
    const [expected] = packReports(await viewsOf("cdk"));
    const broken = newApp();
    new k.Campus(new Stack(broken, "Infra"), "cdk", twoHallCampus({ waterPermitM3PerYear: water / 1.01 }));
    const message = synthError(broken);
    console.log(`AWS CDK app.synth(), broken permit:\n${message}`);
    expect(message).toBe(`Validation failed with the following errors:\n  [Infra/cdk] ${expected}`);
    expect(expected).toMatch(/^cdk in 2028: annual water [\d,.]+ m³\/yr exceeds the water permit of [\d,.]+ m³\/yr \(by 1 %\) \(failing in 2028-2036\)\. Fix: use dry or adiabatic cooling/);

    const fixed = newApp();
    const stack = new Stack(fixed, "Infra");
    new k.Campus(stack, "cdk", twoHallCampus({ waterPermitM3PerYear: water * 1.01 }));
    const assembly = fixed.synth();
    const artifact = assembly.getStackByName("Infra");
    console.log(`AWS CDK app.synth(), permit raised: stacks ${assembly.stacks.map((s) => s.stackName).join(", ")}; messages ${JSON.stringify(artifact.messages.map((m) => m.entry.data))}`);
    expect(artifact.messages).toEqual([]);
  });

  it("the footprints, views and findings are those of the Pulumi components", async () => {
    const pulumi = new c.Campus("cdk-par", twoHallCampus({ waterPermitM3PerYear: water / 1.01 }));
    const pulumiViews = await viewsOf("cdk-par");
    const app = newApp();
    const stack = new Stack(app, "Infra");
    const campus = new k.Campus(stack, "cdk-par", twoHallCampus({ waterPermitM3PerYear: water / 1.01 }), { policy: { clock: k.fixedClock(TODAY) } });
    const expected = pulumiTree(pulumi, "cdk-par");
    const got = constructTree(stack);
    expect([...got.keys()].sort()).toEqual([...expected.keys()].sort());
    for (const [name, footprint] of expected) expect(got.get(name), name).toEqual(footprint);
    const views: ResourceView[] = k.viewsOf(stack);
    expect(views.find((v) => v.name === "cdk-par")!.urn).toBe("Infra/cdk-par");
    expect(comparable(views)).toStrictEqual(comparable(pulumiViews));
    expect(byName(k.policyEvaluationOf(campus), views)).toEqual(byName(evaluatePolicies(pulumiViews, {}, RULES, { clock: k.fixedClock(TODAY) }), pulumiViews));
    expect(synthError(app)).toMatch(/^Validation failed with the following errors:\n {2}\[Infra\/cdk-par\] cdk-par in 2028: annual water/);
  });

  it("advisory findings become CDK warnings through cdkAnnotations; the app synthesizes", () => {
    const app = newApp();
    const stack = new Stack(app, "Infra");
    new k.Campus(stack, "cdk-adv", twoHallCampus({ waterPermitM3PerYear: water / 1.01 }), { policy: { config: { "water-permit": "advisory" }, onAdvisory: cdk.cdkAnnotations } });
    const messages = app.synth().getStackByName("Infra").messages;
    expect(messages.map((m) => ({ level: m.level, id: m.id }))).toEqual([{ level: "warning", id: "/Infra/cdk-adv" }]);
    expect(messages[0].entry.data).toMatch(/^cdk-adv in 2028: annual water .*\. Fix: .* \[ack: aicluster:water-permit\]$/);
  });
});

describe("FootprintTags: EC2 instances associated with a rack group", () => {
  const AMI = "resolve:ssm:/aws/service/deeplearning/ami/x86_64/base-oss-nvidia-driver-gpu-ubuntu-22.04/latest/ami-id";

  it("carry the Pulumi pilot's aicluster: tags (the footprint's win over a user's), and pass the aws-footprint-tags rule", async () => {
    const app = newApp();
    const stack = new Stack(app, "Gpu");
    const campus = new k.Campus(stack, "tagged", twoHallCampus());
    const group = campus.halls[1].rackGroups[0];
    expect(group.node.id).toBe("tagged-hall-b-h100");
    const vpc = new ec2.Vpc(stack, "Vpc", { maxAzs: 1, natGateways: 0, subnetConfiguration: [{ name: "public", subnetType: ec2.SubnetType.PUBLIC }] });
    const l2 = new ec2.Instance(stack, "Node0", { vpc, instanceType: new ec2.InstanceType("p5.48xlarge"), machineImage: ec2.MachineImage.fromSsmParameter(AMI.slice("resolve:ssm:".length)) });
    const l1 = new ec2.CfnInstance(stack, "Node1", { instanceType: "p5.48xlarge", imageId: AMI });
    new ec2.CfnInstance(stack, "Stray", { instanceType: "t3.micro", imageId: AMI });
    cdk.FootprintTags.associate(l2, group);
    cdk.FootprintTags.associate(l1, group);
    Tags.of(stack).add("team", "infra");
    Tags.of(stack).add("aicluster:hall", "spoofed");
    const template = app.synth().getStackByName("Gpu").template as { Resources: Record<string, { Type: string; Properties: { InstanceType: string; Tags?: { Key: string; Value: string }[] } }> };
    const instances = Object.entries(template.Resources).filter(([, r]) => r.Type === "AWS::EC2::Instance");
    const tagsOf = (id: string) => Object.fromEntries(instances.find(([logical]) => logical.startsWith(id))![1].Properties.Tags!.map((t) => [t.Key, t.Value]));

    // The Pulumi pilot mirroring the same rack group (2 nodes in its first rack), under mocks.
    new aws.AwsGpuCluster("tag-pilot", { design: "hgx-h100-air-rack", nodeCount: 2, campus: "tagged", hall: "hall-b", rackGroup: "h100", rackIds: [group.footprint.rackIds[0]], tags: { team: "infra" } });
    await viewsOf("tag-pilot");
    const pilotInstances = registrations.filter((r) => r.type === "aws:ec2/instance:Instance" && r.name.startsWith("tag-pilot"));
    expect(pilotInstances).toHaveLength(2);
    const pilotTags = pilotInstances[0].inputs.tags as Record<string, string>;
    expect(pilotTags).toEqual({
      team: "infra", "aicluster:campus": "tagged", "aicluster:hall": "hall-b", "aicluster:rack-group": "h100", "aicluster:accelerator": "h100-sxm",
      "aicluster:rack": "tagged-hall-b-h100-r0001", "aicluster:gpus": "8", "aicluster:it-kw": expect.stringMatching(/^\d+(\.\d+)?$/),
    });
    const { Name: _name, ...l2Tags } = tagsOf("Node0");
    expect(l2Tags).toEqual(pilotTags);
    expect(tagsOf("Node1")).toEqual(pilotTags);
    expect(Number(pilotTags["aicluster:it-kw"])).toBeCloseTo(group.footprint.nodes.nodePowerKw, 3);
    expect(tagsOf("Stray")).toEqual({ team: "infra", "aicluster:hall": "spoofed" });

    // The AWS tagging rule reads the CDK instances as it reads the pilot's.
    const views: ResourceView[] = instances.map(([logical, r]) => ({
      type: "aws:ec2/instance:Instance", urn: logical, name: logical, props: { instanceType: r.Properties.InstanceType, tags: Object.fromEntries((r.Properties.Tags ?? []).map((t) => [t.Key, t.Value])) },
    }));
    const findings = RULES.find((r) => r.name === "aws-footprint-tags")!.evaluate(views, {});
    expect(findings.map((f) => `${f.resourceName.slice(0, 5)} ${f.status}`).sort()).toEqual(["Node0 pass", "Node1 pass", "Stray violation"]);
    expect(findings.find((f) => f.status === "violation")!.message).toMatch(/^Stray: footprint tags missing aicluster:campus, aicluster:rack, aicluster:accelerator, aicluster:it-kw$/);
  }, 60_000);

  it("fills the group's racks in order, refuses more instances than modelled nodes, a foreign rack, and a group outside a campus", () => {
    const stack = new Stack(newApp(), "Fill");
    const campus = new k.Campus(stack, "fill", twoHallCampus({ halls: [{ name: "h", racks: [{ name: "g", design: "hgx-h100-air-rack", rackCount: 2 }], cooling: { technology: "adiabatic" } }] }));
    const group = campus.halls[0].rackGroups[0];
    const { nodeCount, nodesPerRack, rackIds } = group.footprint;
    expect(nodeCount).toBe(2 * nodesPerRack);
    const racks = Array.from({ length: nodeCount }, (_, i) => cdk.FootprintTags.associate(new ec2.CfnInstance(stack, `N${i}`, { instanceType: "p5.48xlarge", imageId: AMI }), group).rack);
    expect(racks).toEqual([...Array(nodesPerRack).fill(rackIds[0]), ...Array(nodesPerRack).fill(rackIds[1])]);
    expect(() => cdk.FootprintTags.associate(new ec2.CfnInstance(stack, "Extra", { instanceType: "p5.48xlarge", imageId: AMI }), group)).toThrow(
      `[Fill/Extra] aicluster: rack group fill-h-g models ${nodeCount} nodes and all are associated; allowed: at most ${nodeCount} instances per rack group, or a larger group`,
    );
    expect(() => cdk.FootprintTags.associate(new ec2.CfnInstance(stack, "Foreign", { instanceType: "p5.48xlarge", imageId: AMI }), group, { rack: "r9" })).toThrow(/^\[Fill\/Foreign\] aicluster: rack = "r9"; allowed: one of the racks of fill-h-g \(fill-h-g-r0001, fill-h-g-r0002\)$/);
    const lone = new k.AirCooledRack(stack, "lone", { design: "hgx-h100-air-rack", rackCount: 1 });
    expect(() => cdk.FootprintTags.associate(new ec2.CfnInstance(stack, "Orphan", { instanceType: "p5.48xlarge", imageId: AMI }), lone)).toThrow(/^\[Fill\/lone\] aicluster: FootprintTags.associate needs a rack group of a Campus/);
  });
});
