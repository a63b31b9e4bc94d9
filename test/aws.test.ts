/**
 * The AWS realization under Pulumi's mocks (no AWS plugin, no credentials): the mapping from accelerators to instance
 * types, the exact inputs sent for every AWS resource, the errors for bad mappings, and the AWS policy rules over
 * what the real component registers.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { installMockEngine, MockEngine } from "../plan/mockEngine";

// Placement groups get their name and ARN, launch templates a version, as AWS would return them.
const ACCOUNT = "123456789012";
const engine: MockEngine = installMockEngine({
  project: "aicluster-test",
  stack: "test",
  newResourceState: (type, inputs, name) => {
    if (type === "aws:ec2/placementGroup:PlacementGroup") return { ...inputs, name, arn: `arn:aws:ec2:us-east-2:${ACCOUNT}:placement-group/${name}` };
    if (type === "aws:ec2/launchTemplate:LaunchTemplate") return { ...inputs, latestVersion: 1 };
    return inputs;
  },
});

type Aws = typeof import("../components/aws");
let aws: Aws;
let policies: typeof import("../policies/api");

beforeAll(async () => {
  aws = await import("../components/aws");
  policies = await import("../policies/api");
});

const TAGS = (extra: Record<string, string> = {}) => ({
  "aicluster:campus": "ohio",
  "aicluster:hall": "hall-1",
  "aicluster:rack-group": "row-1",
  "aicluster:accelerator": "h100-sxm",
  ...extra,
});

function inputsOf(type: string, prefix: string) {
  return engine.registrations.filter((r) => r.type === type && r.name.startsWith(prefix)).map((r) => ({ name: r.name, inputs: r.inputs }));
}

describe("the accelerator -> instance type mapping", () => {
  const shape = (accelerator: string, design: string, extra: Record<string, unknown> = {}) => {
    const { plan } = aws.awsPilotModel({ design, accelerator, nodeCount: 1, campus: "c", hall: "h", rackGroup: "g", ...extra }, { type: "t", name: "n" });
    const efa = plan.interfaces.filter((i) => i.interfaceType === "efa-only");
    return [plan.instanceType.id, plan.gpusPerNode, efa.length, plan.instanceType.architecture];
  };

  it("maps each modelled NVIDIA accelerator to its EC2 type, GPUs per instance and EFA interfaces", () => {
    expect(shape("h100-sxm", "hgx-h100-air-rack")).toEqual(["p5.48xlarge", 8, 32, "x86_64"]);
    expect(shape("h200-sxm", "hgx-h100-air-rack")).toEqual(["p5en.48xlarge", 8, 16, "x86_64"]);
    expect(shape("h200-sxm", "hgx-h100-air-rack", { instanceType: "p5e.48xlarge" })).toEqual(["p5e.48xlarge", 8, 32, "x86_64"]);
    expect(shape("b200", "hgx-b200-air-rack")).toEqual(["p6-b200.48xlarge", 8, 8, "x86_64"]);
    expect(shape("gb200", "gb200-nvl72", { capacityReservationId: "cr-0123456789abcdef0" })).toEqual(["p6e-gb200.36xlarge", 4, 8, "arm64"]);
  });

  it("lays out the interfaces as the EC2 EFA guide says: ENA primary on card 0, then one EFA-only per EFA card", () => {
    const p5 = aws.awsPilotModel({ design: "hgx-h100-air-rack", nodeCount: 1, campus: "c", hall: "h", rackGroup: "g" }, { type: "t", name: "n" }).plan;
    expect(p5.interfaces.slice(0, 3)).toEqual([
      { networkCardIndex: 0, deviceIndex: 0, interfaceType: "interface" },
      { networkCardIndex: 0, deviceIndex: 1, interfaceType: "efa-only" },
      { networkCardIndex: 1, deviceIndex: 0, interfaceType: "efa-only" },
    ]);
    expect(p5.interfaces.at(-1)).toEqual({ networkCardIndex: 31, deviceIndex: 0, interfaceType: "efa-only" });
    const gb200 = aws.awsPilotModel({ design: "gb200-nvl72", nodeCount: 1, campus: "c", hall: "h", rackGroup: "g", capacityReservationId: "cr-0123456789abcdef0" }, { type: "t", name: "n" }).plan;
    expect(gb200.interfaces.map((i) => i.networkCardIndex)).toEqual([0, 1, 3, 5, 7, 9, 11, 13, 15]);
  });

  const bad = (args: Record<string, unknown>) => () =>
    aws.awsPilotModel({ design: "hgx-h100-air-rack", nodeCount: 2, campus: "c", hall: "h", rackGroup: "g", ...args } as never, { type: "aicluster:aws:GpuCluster", name: "pilot" });

  it("rejects an accelerator with no AWS instance type, naming the field, the value and the mapped ones", () => {
    expect(bad({ design: "mi300x-air-rack" })).toThrow(
      'aicluster:aws:GpuCluster "pilot" has invalid args: accelerator = "mi300x"; allowed: an accelerator with an AWS instance type in the catalog (b200, gb200, h100-sxm, h200-sxm); register one with catalog.awsInstanceTypes.register() or set instanceType',
    );
    expect(bad({ design: "gb300-nvl72" })).toThrow('accelerator = "gb300"; allowed: an accelerator with an AWS instance type');
  });

  it("rejects an instance type of another accelerator, an unknown one, and impossible purchase or network settings", () => {
    expect(bad({ instanceType: "p6-b200.48xlarge" })).toThrow('instanceType = "p6-b200.48xlarge"; allowed: an instance type with h100-sxm GPUs: "p6-b200.48xlarge" has b200');
    expect(bad({ instanceType: "p4d.24xlarge" })).toThrow('instanceType = "p4d.24xlarge"; allowed: an AWS instance type in the catalog: p5.48xlarge, p5e.48xlarge, p5en.48xlarge, p6-b200.48xlarge, p6e-gb200.36xlarge');
    expect(bad({ design: "gb200-nvl72" })).toThrow("capacityReservationId = (missing); allowed: a Capacity Block reservation id (cr-...): p6e-gb200.36xlarge is sold only as Capacity Blocks");
    expect(bad({ reserveCapacity: true })).toThrow("availabilityZone = (missing); allowed: an availability zone (e.g. us-east-2b)");
    expect(bad({ efaInterfacesPerNode: 33 })).toThrow("efaInterfacesPerNode = 33; allowed: a whole number from 0 to 32 (the EFA network cards of p5.48xlarge)");
    expect(bad({ subnetId: "subnet-0abc1234" })).toThrow("vpcId = (missing); allowed: the VPC id of subnetId (for the EFA security group), or give securityGroupIds");
    expect(bad({ design: "gb200-nvl72", capacityReservationId: "cr-0123456789abcdef0", capacityBlock: false })).toThrow("capacityBlock = false; allowed: true (or unset): p6e-gb200.36xlarge is sold only as Capacity Blocks");
    expect(bad({ nodeCount: 0 })).toThrow("nodeCount = 0; allowed: a whole number from 1 to 256");
    expect(bad({ nodeCount: 5, rackIds: ["only-one"] })).toThrow('rackIds = ["only-one"]; allowed: 2 rack ids: 5 nodes at 4 per rack fill 2 rack(s)');
  });
});

describe("AwsGpuCluster under mocks", () => {
  let pilot: InstanceType<Aws["AwsGpuCluster"]>;

  beforeAll(async () => {
    pilot = new aws.AwsGpuCluster("ohio-pilot", {
      design: "hgx-h100-air-rack",
      nodeCount: 5,
      campus: "ohio",
      hall: "hall-1",
      rackGroup: "row-1",
      availabilityZone: "us-east-2b",
      reserveCapacity: true,
      efaInterfacesPerNode: 2,
      userData: "#!/bin/bash\necho hi\n",
      tags: { team: "infra", "aicluster:hall": "spoofed" },
    });
    await engine.settle();
  });

  it("creates a VPC, subnet and EFA security group when no network is given", () => {
    expect(inputsOf("aws:ec2/vpc:Vpc", "ohio-pilot")).toEqual([
      { name: "ohio-pilot-vpc", inputs: { cidrBlock: "10.64.0.0/16", enableDnsHostnames: true, enableDnsSupport: true, tags: { team: "infra", ...TAGS() } } },
    ]);
    expect(inputsOf("aws:ec2/subnet:Subnet", "ohio-pilot")).toEqual([
      { name: "ohio-pilot-subnet", inputs: { vpcId: "ohio-pilot-vpc-id", cidrBlock: "10.64.0.0/20", availabilityZone: "us-east-2b", tags: { team: "infra", ...TAGS() } } },
    ]);
    const [sg] = inputsOf("aws:ec2/securityGroup:SecurityGroup", "ohio-pilot");
    expect(sg.inputs).toMatchObject({
      vpcId: "ohio-pilot-vpc-id",
      ingress: [{ protocol: "-1", fromPort: 0, toPort: 0, self: true }],
      egress: [{ protocol: "-1", fromPort: 0, toPort: 0, self: true }, { protocol: "-1", fromPort: 0, toPort: 0, cidrBlocks: ["0.0.0.0/0"] }],
    });
  });

  it("makes each pilot rack (4 HGX H100 nodes) a cluster placement group with a targeted reservation in it", () => {
    const rackKw = (nodes: number) => String(Math.round(nodes * 10.2 * 1000) / 1000);
    expect(inputsOf("aws:ec2/placementGroup:PlacementGroup", "ohio-pilot")).toEqual([
      { name: "ohio-pilot-row-1-r0001", inputs: { strategy: "cluster", tags: { team: "infra", ...TAGS({ "aicluster:rack": "row-1-r0001", "aicluster:gpus": "32", "aicluster:it-kw": rackKw(4) }) } } },
      { name: "ohio-pilot-row-1-r0002", inputs: { strategy: "cluster", tags: { team: "infra", ...TAGS({ "aicluster:rack": "row-1-r0002", "aicluster:gpus": "8", "aicluster:it-kw": rackKw(1) }) } } },
    ]);
    expect(inputsOf("aws:ec2/capacityReservation:CapacityReservation", "ohio-pilot").map((r) => r.inputs)).toEqual([
      {
        instanceType: "p5.48xlarge", instancePlatform: "Linux/UNIX", availabilityZone: "us-east-2b", instanceCount: 4, instanceMatchCriteria: "targeted",
        placementGroupArn: `arn:aws:ec2:us-east-2:${ACCOUNT}:placement-group/ohio-pilot-row-1-r0001`, endDateType: "unlimited",
        tags: { team: "infra", ...TAGS({ "aicluster:rack": "row-1-r0001", "aicluster:gpus": "32", "aicluster:it-kw": rackKw(4) }) },
      },
      {
        instanceType: "p5.48xlarge", instancePlatform: "Linux/UNIX", availabilityZone: "us-east-2b", instanceCount: 1, instanceMatchCriteria: "targeted",
        placementGroupArn: `arn:aws:ec2:us-east-2:${ACCOUNT}:placement-group/ohio-pilot-row-1-r0002`, endDateType: "unlimited",
        tags: { team: "infra", ...TAGS({ "aicluster:rack": "row-1-r0002", "aicluster:gpus": "8", "aicluster:it-kw": rackKw(1) }) },
      },
    ]);
  });

  it("declares the network interfaces, AMI, user data and IMDSv2 in one launch template", () => {
    const [lt] = inputsOf("aws:ec2/launchTemplate:LaunchTemplate", "ohio-pilot");
    const nic = (networkCardIndex: number, deviceIndex: number, interfaceType: string) => ({
      networkCardIndex, deviceIndex, interfaceType, subnetId: "ohio-pilot-subnet-id", securityGroups: ["ohio-pilot-efa-id"], deleteOnTermination: "true",
    });
    expect(lt).toEqual({
      name: "ohio-pilot-lt",
      inputs: {
        imageId: "resolve:ssm:/aws/service/deeplearning/ami/x86_64/base-oss-nvidia-driver-gpu-ubuntu-22.04/latest/ami-id",
        instanceType: "p5.48xlarge",
        userData: Buffer.from("#!/bin/bash\necho hi\n").toString("base64"),
        networkInterfaces: [nic(0, 0, "interface"), nic(0, 1, "efa-only"), nic(1, 0, "efa-only")],
        blockDeviceMappings: [{ deviceName: "/dev/sda1", ebs: { volumeSize: 512, volumeType: "gp3", encrypted: "true", deleteOnTermination: "true" } }],
        metadataOptions: { httpEndpoint: "enabled", httpTokens: "required" },
        tags: { team: "infra", ...TAGS() },
      },
    });
  });

  it("launches one instance per node from the template, in its rack's placement group and reservation, tagged with its footprint", async () => {
    const instances = inputsOf("aws:ec2/instance:Instance", "ohio-pilot");
    expect(instances.map((i) => i.name)).toEqual(["ohio-pilot-row-1-r0001-n1", "ohio-pilot-row-1-r0001-n2", "ohio-pilot-row-1-r0001-n3", "ohio-pilot-row-1-r0001-n4", "ohio-pilot-row-1-r0002-n5"]);
    expect(instances[4].inputs).toEqual({
      instanceType: "p5.48xlarge",
      launchTemplate: { id: "ohio-pilot-lt-id", version: "1" },
      placementGroup: "ohio-pilot-row-1-r0002",
      capacityReservationSpecification: { capacityReservationTarget: { capacityReservationId: "ohio-pilot-row-1-r0002-cr-id" } },
      tags: { team: "infra", ...TAGS({ "aicluster:rack": "row-1-r0002", "aicluster:gpus": "8", "aicluster:it-kw": "10.2" }) },
    });
    const resolve = <T>(o: import("@pulumi/pulumi").Output<T>) => new Promise<T>((done) => o.apply(done));
    expect(await resolve(pilot.gpuCount)).toBe(40);
    expect(await resolve(pilot.itLoadKw)).toBeCloseTo(51, 9);
    expect(await resolve(pilot.efaInterfacesPerNode)).toBe(2);
  });

  it("launches GB200 into a given Capacity Block, with the capacity-block market and the arm64 AMI, in a given subnet", async () => {
    new aws.AwsGpuCluster("gb-pilot", {
      design: "gb200-nvl72", nodeCount: 2, campus: "ohio", hall: "hall-1", rackGroup: "row-1",
      subnetId: "subnet-0abc1234def567890", securityGroupIds: ["sg-0abc1234def567890"], capacityReservationId: "cr-0123456789abcdef0",
    });
    await engine.settle();
    expect(inputsOf("aws:ec2/vpc:Vpc", "gb-pilot")).toEqual([]);
    expect(inputsOf("aws:ec2/securityGroup:SecurityGroup", "gb-pilot")).toEqual([]);
    expect(inputsOf("aws:ec2/capacityReservation:CapacityReservation", "gb-pilot")).toEqual([]);
    const [lt] = inputsOf("aws:ec2/launchTemplate:LaunchTemplate", "gb-pilot");
    expect(lt.inputs.imageId).toBe("resolve:ssm:/aws/service/deeplearning/ami/arm64/base-oss-nvidia-driver-gpu-ubuntu-22.04/latest/ami-id");
    expect((lt.inputs.networkInterfaces as { subnetId: string; securityGroups: string[] }[])[0]).toMatchObject({ subnetId: "subnet-0abc1234def567890", securityGroups: ["sg-0abc1234def567890"] });
    const [first] = inputsOf("aws:ec2/instance:Instance", "gb-pilot");
    expect(first.inputs).toMatchObject({
      instanceType: "p6e-gb200.36xlarge",
      placementGroup: "gb-pilot-row-1-r0001",
      capacityReservationSpecification: { capacityReservationTarget: { capacityReservationId: "cr-0123456789abcdef0" } },
      instanceMarketOptions: { marketType: "capacity-block" },
    });
    // A Capacity Block of an On-Demand type says so; an ODCR id alone does not get the capacity-block market.
    new aws.AwsGpuCluster("p5-block", { design: "hgx-h100-air-rack", nodeCount: 1, campus: "c", hall: "h", rackGroup: "g", capacityReservationId: "cr-0123456789abcdef1", capacityBlock: true });
    new aws.AwsGpuCluster("p5-odcr", { design: "hgx-h100-air-rack", nodeCount: 1, campus: "c", hall: "h", rackGroup: "g", capacityReservationId: "cr-0123456789abcdef2" });
    await engine.settle();
    expect(inputsOf("aws:ec2/instance:Instance", "p5-block")[0].inputs.instanceMarketOptions).toEqual({ marketType: "capacity-block" });
    expect(inputsOf("aws:ec2/instance:Instance", "p5-odcr")[0].inputs.instanceMarketOptions).toBeUndefined();
    // One GB200 NVL72 compute tray per instance: 4 GPUs, 2 trays in one rack.
    expect(inputsOf("aws:ec2/placementGroup:PlacementGroup", "gb-pilot")).toHaveLength(1);
  });
});

describe("the AWS policy rules over the real component", () => {
  const findingsOf = async (prefix: string, config = {}) => {
    await engine.settle();
    const views = engine.views(prefix);
    return policies.evaluateRules(views, config).filter((f) => f.policy.startsWith("aws-"));
  };

  it("pass on what AwsGpuCluster builds", async () => {
    new aws.AwsGpuCluster("ok-pilot", { design: "hgx-b200-air-rack", nodeCount: 2, campus: "c", hall: "h", rackGroup: "g" });
    const findings = await findingsOf("ok-pilot");
    expect(findings.filter((f) => f.status !== "pass")).toEqual([]);
    expect(findings.map((f) => f.policy).sort()).toEqual(["aws-footprint-tags", "aws-footprint-tags", "aws-instance-type", "aws-instance-type", "aws-pilot-size"]);
  });

  it("flag a pilot above the size cap, naming both numbers", async () => {
    new aws.AwsGpuCluster("big-pilot", { design: "hgx-b200-air-rack", nodeCount: 20, campus: "c", hall: "h", rackGroup: "g" });
    const [size] = (await findingsOf("big-pilot")).filter((f) => f.policy === "aws-pilot-size");
    expect(size.status).toBe("violation");
    expect(size.message).toBe("big-pilot: the pilot launches 20 instances, above the cap of 16");
    const [raised] = (await findingsOf("big-pilot", { "aws-pilot-size": { maxPilotNodes: 32 } })).filter((f) => f.policy === "aws-pilot-size");
    expect(raised.status).toBe("pass");
  });

  it("flag an instance whose type does not carry its declared accelerator, and one without footprint tags", async () => {
    const { ec2 } = await import("@pulumi/aws");
    new ec2.Instance("rogue-h100", { instanceType: "p6-b200.48xlarge", ami: "ami-0123456789abcdef0", tags: { "aicluster:accelerator": "h100-sxm" } });
    const findings = await findingsOf("rogue-h100");
    expect(findings.find((f) => f.policy === "aws-instance-type")?.message).toBe("rogue-h100: instance type p6-b200.48xlarge carries b200 GPUs, but the instance declares h100-sxm");
    expect(findings.find((f) => f.policy === "aws-footprint-tags")?.message).toBe(
      "rogue-h100: footprint tags missing aicluster:campus, aicluster:hall, aicluster:rack, aicluster:it-kw",
    );
    expect(findings.every((f) => f.status === "violation")).toBe(true);
  });
});
