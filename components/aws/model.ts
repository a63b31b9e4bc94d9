/**
 * Args, validation and plan of an AWS pilot: which instance type realizes the model's nodes, how the pilot's nodes
 * fall into racks (one cluster placement group each), the EFA interfaces of each instance and the footprint tags.
 * Pure (no @pulumi/aws import), so the plan is tested without Pulumi.
 */
import { z } from "zod";
import { AwsInstanceTypeSpec, catalog } from "../catalog";
import type { Assert, SameShape } from "../catalog/schemaCommon";
import { gpuNodePoolModel, GpuNodePoolFootprint } from "../model/gpuNodePool";
import { childName, wholeNumberIn } from "../model/ranges";
import { defaultRackIds } from "../model/rackGroup";
import { lookup, nested, parseArgs, reject, Subject } from "../model/validate";
import { FOOTPRINT_TAGS } from "./tags";

export { FOOTPRINT_TAGS, REQUIRED_INSTANCE_TAGS } from "./tags";

/** Most EC2 instances one pilot launches (its `nodeCount`). */
export const MAX_PILOT_NODES = 256;

/** Args of an AwsGpuCluster: the slice of the model it mirrors, and how it is placed and launched on EC2. */
export interface AwsGpuClusterArgs {
  /** Rack design id from the catalog that the pilot mirrors; its node design gives the accelerator and GPUs per node. */
  design: string;
  /** Accelerator id fitted in the nodes. @default the node design's own accelerator */
  accelerator?: string;
  /** EC2 instances to launch, one per node (1 to 256). */
  nodeCount: number;
  /** Nodes per rack; each rack of the pilot becomes one cluster placement group (1 to 128). @default the rack design's nodes per rack */
  nodesPerRack?: number;
  /** EC2 instance type; must carry the same accelerator and GPUs per node. @default the catalog's default type for the accelerator */
  instanceType?: string;
  /** Campus the pilot mirrors, for the `aicluster:campus` tag. */
  campus: string;
  /** Hall the pilot mirrors, for the `aicluster:hall` tag. */
  hall: string;
  /** Rack group the pilot mirrors, for the `aicluster:rack-group` tag and the default rack ids. */
  rackGroup: string;
  /** Ids of the racks the pilot's racks stand for, one per pilot rack. @default `<rackGroup>-r0001`, `<rackGroup>-r0002`, ... */
  rackIds?: string[];
  /** Existing subnet to launch into (its availability zone must match `availabilityZone` when reserving). @default a new VPC and subnet for the pilot */
  subnetId?: string;
  /** VPC of `subnetId`, for the security group created when `securityGroupIds` is not given. @default the created VPC; required with `subnetId` and no `securityGroupIds` */
  vpcId?: string;
  /** Availability zone of the new subnet and of capacity reservations, e.g. `us-east-2b`. @default none: AWS picks (an error with `reserveCapacity`) */
  availabilityZone?: string;
  /** IPv4 CIDR of the VPC created when no `subnetId` is given (a /16 to /28 block). @default 10.64.0.0/16 */
  vpcCidrBlock?: string;
  /** IPv4 CIDR of the subnet created when no `subnetId` is given (a /16 to /28 block). @default 10.64.0.0/20 */
  subnetCidrBlock?: string;
  /** Security groups of every interface (at least one). @default a new group allowing all traffic among its members (EFA needs it) and all egress */
  securityGroupIds?: string[];
  /** EFA interfaces per instance (0 to the type's EFA network cards). @default every EFA card of the instance type */
  efaInterfacesPerNode?: number;
  /** Create an On-Demand Capacity Reservation per placement group, sized to its nodes. @default false */
  reserveCapacity?: boolean;
  /** When created reservations end, ISO 8601 date-time. @default none: they run until cancelled */
  capacityReservationEndDate?: string;
  /** Existing reservation or Capacity Block (`cr-` id) to launch into; required for types sold only as Capacity Blocks. @default none */
  capacityReservationId?: string;
  /** Whether `capacityReservationId` is a Capacity Block (instances then launch with the `capacity-block` market type). @default true for types sold only as Capacity Blocks, else false */
  capacityBlock?: boolean;
  /** SSM parameter holding the AMI id (`resolve:ssm:` in the launch template). @default the AWS Deep Learning Base OSS NVIDIA Driver GPU AMI (Ubuntu 22.04) for the type's architecture */
  amiSsmParameter?: string;
  /** AMI id; overrides `amiSsmParameter`. @default none */
  amiId?: string;
  /** Shell script run at first boot (user data, plain text; it is base64-encoded for the launch template). @default none */
  userData?: string;
  /** EC2 key pair for SSH. @default none */
  keyName?: string;
  /** Root volume size, GiB (8 to 16,384). @default 512 */
  rootVolumeGb?: number;
  /** Extra tags on every resource; the `aicluster:` tags always win. @default none */
  tags?: Record<string, string>;
}

/** One network interface of an instance, as the launch template declares it. */
export interface PlannedInterface {
  /** Network card the interface is on (0 for the primary). */
  networkCardIndex: number;
  /** Device index on that card: 0 for the primary, 1 for an EFA on card 0, 0 for an EFA on the other cards. */
  deviceIndex: number;
  /** `interface` (ENA) for the primary; `efa-only` for the EFA devices. */
  interfaceType: "interface" | "efa-only";
}

/** One rack of the pilot: one cluster placement group. */
export interface PlannedRack {
  /** Id of the modelled rack the pilot rack stands for (a `rackIds` entry, or the rack group's default id). */
  rackId: string;
  /** Indexes (0-based) of the pilot's nodes in this rack. */
  nodes: number[];
}

/** The pilot's nodes as the model sizes them (`nodePowerKw` is each instance's `aicluster:it-kw` tag), and how AWS realizes them. */
export interface AwsPilotPlan extends Pick<GpuNodePoolFootprint, "accelerator" | "nodeCount" | "gpusPerNode" | "gpuCount" | "nodePowerKw" | "itLoadKw"> {
  /** The catalog's instance type that realizes the nodes. */
  instanceType: Readonly<AwsInstanceTypeSpec>;
  /** The pilot's racks, each a cluster placement group. */
  racks: PlannedRack[];
  /** Network interfaces of every instance: the primary, then one EFA-only interface per EFA card used. */
  interfaces: PlannedInterface[];
  /** `resolve:ssm:<parameter>` or an AMI id. */
  imageId: string;
  /** Instances launch into a Capacity Block (market type `capacity-block`). */
  capacityBlock: boolean;
  /** When created reservations end, ISO 8601 date-time. @default none: they run until cancelled */
  capacityReservationEndDate?: string;
}

/** AWS Deep Learning Base OSS NVIDIA Driver GPU AMI (Ubuntu 22.04), latest, per architecture (AWS DLAMI release notes). */
export const DEFAULT_AMI_SSM_PARAMETERS = {
  /** For x86_64 instance types (P5, P6-B200). */
  x86_64: "/aws/service/deeplearning/ami/x86_64/base-oss-nvidia-driver-gpu-ubuntu-22.04/latest/ami-id",
  /** For arm64 (Grace) instance types (P6e-GB200). */
  arm64: "/aws/service/deeplearning/ami/arm64/base-oss-nvidia-driver-gpu-ubuntu-22.04/latest/ami-id",
} as const;

const cidr = z
  .string({ error: "an IPv4 CIDR block from /16 to /28, e.g. 10.64.0.0/16" })
  .regex(/^(\d{1,3}\.){3}\d{1,3}\/(1[6-9]|2[0-8])$/, { error: "an IPv4 CIDR block from /16 to /28, e.g. 10.64.0.0/16" });

const schema = z.strictObject({
  design: z.string({ error: "a rack design id (string)" }),
  accelerator: z.string({ error: "an accelerator id (string)" }).optional(),
  nodeCount: wholeNumberIn(1, MAX_PILOT_NODES),
  nodesPerRack: wholeNumberIn(1, 128).optional(),
  instanceType: z.string({ error: "an EC2 instance type (string)" }).optional(),
  campus: childName,
  hall: childName,
  rackGroup: childName,
  rackIds: z.array(z.string().min(1, { error: "a non-empty rack id" }), { error: "a list of rack ids" }).optional(),
  subnetId: z.string().regex(/^subnet-[0-9a-f]{8,17}$/, { error: "a subnet id, subnet-<8 to 17 hex digits>" }).optional(),
  vpcId: z.string().regex(/^vpc-[0-9a-f]{8,17}$/, { error: "a VPC id, vpc-<8 to 17 hex digits>" }).optional(),
  availabilityZone: z.string().regex(/^[a-z]{2}(-[a-z]+)+-\d[a-z]$/, { error: "an availability zone name, e.g. us-east-2b" }).optional(),
  vpcCidrBlock: cidr.optional(),
  subnetCidrBlock: cidr.optional(),
  securityGroupIds: z.array(z.string().regex(/^sg-[0-9a-f]{8,17}$/, { error: "a security group id, sg-<8 to 17 hex digits>" })).min(1, { error: "at least one security group id" }).optional(),
  efaInterfacesPerNode: wholeNumberIn(0, 64).optional(),
  reserveCapacity: z.boolean({ error: "true or false" }).optional(),
  capacityReservationEndDate: z.iso.datetime({ error: "an ISO 8601 date-time, e.g. 2027-03-31T00:00:00Z" }).optional(),
  capacityReservationId: z.string().regex(/^cr-[0-9a-f]{8,17}$/, { error: "a capacity reservation id, cr-<8 to 17 hex digits>" }).optional(),
  capacityBlock: z.boolean({ error: "true or false" }).optional(),
  amiSsmParameter: z.string().regex(/^\/[\w./-]+$/, { error: "an SSM parameter path starting with /" }).optional(),
  amiId: z.string().regex(/^ami-[0-9a-f]{8,17}$/, { error: "an AMI id, ami-<8 to 17 hex digits>" }).optional(),
  userData: z.string({ error: "a shell script (string)" }).max(12_000, { error: "at most 12,000 characters (EC2 allows 16 KB once base64-encoded)" }).optional(),
  keyName: z.string().min(1, { error: "a key pair name" }).optional(),
  rootVolumeGb: wholeNumberIn(8, 16_384).optional(),
  tags: z.record(z.string(), z.string(), { error: "a map of tag names to strings" }).optional(),
});

/**
 * The parsed args: the shape of `AwsGpuClusterArgs` itself, declared rather than inferred from zod so that the public
 * .d.ts needs no zod types (the check below keeps the two equal).
 */
export type ValidAwsGpuClusterArgs = AwsGpuClusterArgs;
/** @internal */
export type ValidAwsGpuClusterArgsMatchSchema = Assert<SameShape<ValidAwsGpuClusterArgs, z.infer<typeof schema>>>;

/** Accelerators that have an AWS instance type in the catalog, sorted. */
export function acceleratorsOnAws(): string[] {
  return [...new Set(catalog.awsInstanceTypes.list().map((t) => t.acceleratorId))].sort();
}

/** The instance type asked for, or the catalog's default for the accelerator; it must carry the node's GPUs. */
function instanceTypeFor(args: ValidAwsGpuClusterArgs, accelerator: string, gpusPerNode: number, subject: Subject): Readonly<AwsInstanceTypeSpec> {
  const types = catalog.awsInstanceTypes;
  if (args.instanceType === undefined) {
    const found = types.list().find((t) => t.acceleratorId === accelerator && t.defaultForAccelerator);
    if (!found) {
      reject(subject, {
        field: "accelerator",
        value: accelerator,
        allowed: `an accelerator with an AWS instance type in the catalog (${acceleratorsOnAws().join(", ")}); register one with catalog.awsInstanceTypes.register() or set instanceType`,
      });
    }
    return checkShape(found, "accelerator", accelerator, gpusPerNode, subject);
  }
  const asked = lookup(types, args.instanceType, "instanceType", subject);
  if (asked.acceleratorId !== accelerator) {
    reject(subject, { field: "instanceType", value: asked.id, allowed: `an instance type with ${accelerator} GPUs: "${asked.id}" has ${asked.acceleratorId}` });
  }
  return checkShape(asked, "instanceType", asked.id, gpusPerNode, subject);
}

function checkShape(t: Readonly<AwsInstanceTypeSpec>, field: string, value: string, gpusPerNode: number, subject: Subject): Readonly<AwsInstanceTypeSpec> {
  if (t.gpusPerInstance !== gpusPerNode) {
    reject(subject, { field, value, allowed: `an instance type with ${gpusPerNode} GPUs, as the node design has: "${t.id}" has ${t.gpusPerInstance}` });
  }
  return t;
}

/** Primary ENA on card 0, then one EFA-only interface per EFA card (device 1 on card 0, device 0 elsewhere), per the EC2 EFA guide. */
export function plannedInterfaces(efaCards: readonly number[]): PlannedInterface[] {
  return [
    { networkCardIndex: 0, deviceIndex: 0, interfaceType: "interface" },
    ...efaCards.map((card): PlannedInterface => ({ networkCardIndex: card, deviceIndex: card === 0 ? 1 : 0, interfaceType: "efa-only" })),
  ];
}

/** Validated args and plan; fails with an AiclusterInputError naming the field, its value and what is allowed. */
export function awsPilotModel(
  rawArgs: AwsGpuClusterArgs,
  subject: Subject,
): {
  /** The args, validated. */
  args: ValidAwsGpuClusterArgs;
  /** What the pilot launches, as plain values. */
  plan: AwsPilotPlan;
} {
  const args = parseArgs(schema, rawArgs, subject);
  const design = lookup(catalog.rackDesigns, args.design, "design", subject);
  const nodesPerRack = args.nodesPerRack ?? design.nodesPerRack;
  if (nodesPerRack > design.nodesPerRack) {
    reject(subject, { field: "nodesPerRack", value: nodesPerRack, allowed: `a whole number from 1 to ${design.nodesPerRack} (rack design "${design.id}")` });
  }
  const nodes = nested(subject, "design", () => gpuNodePoolModel({ nodeDesign: design.nodeDesignId, nodeCount: args.nodeCount, accelerator: args.accelerator }, subject));
  const instanceType = instanceTypeFor(args, nodes.accelerator, nodes.gpusPerNode, subject);

  const efaCards = instanceType.efaNetworkCardIndexes;
  const efaCount = args.efaInterfacesPerNode ?? efaCards.length;
  if (efaCount > efaCards.length) {
    reject(subject, { field: "efaInterfacesPerNode", value: efaCount, allowed: `a whole number from 0 to ${efaCards.length} (the EFA network cards of ${instanceType.id})` });
  }
  if (instanceType.purchase === "capacity-block-only" && args.capacityReservationId === undefined) {
    reject(subject, { field: "capacityReservationId", value: undefined, allowed: `a Capacity Block reservation id (cr-...): ${instanceType.id} is sold only as Capacity Blocks` });
  }
  if (instanceType.purchase === "capacity-block-only" && args.reserveCapacity) {
    reject(subject, { field: "reserveCapacity", value: true, allowed: `false: ${instanceType.id} cannot be reserved On-Demand; launch into the Capacity Block given as capacityReservationId` });
  }
  if (args.reserveCapacity && args.capacityReservationId !== undefined) {
    reject(subject, { field: "reserveCapacity", value: true, allowed: "false when capacityReservationId is given (launch into that reservation, or create new ones, not both)" });
  }
  if (args.reserveCapacity && args.availabilityZone === undefined) {
    reject(subject, { field: "availabilityZone", value: undefined, allowed: "an availability zone (e.g. us-east-2b): capacity reservations are made in one zone" });
  }
  if (args.capacityBlock !== undefined && args.capacityReservationId === undefined) {
    reject(subject, { field: "capacityBlock", value: args.capacityBlock, allowed: "unset unless capacityReservationId is given" });
  }
  if (args.capacityBlock === false && instanceType.purchase === "capacity-block-only") {
    reject(subject, { field: "capacityBlock", value: false, allowed: `true (or unset): ${instanceType.id} is sold only as Capacity Blocks` });
  }
  if (args.capacityReservationEndDate !== undefined && !args.reserveCapacity) {
    reject(subject, { field: "capacityReservationEndDate", value: args.capacityReservationEndDate, allowed: "unset unless reserveCapacity is true" });
  }
  if (args.subnetId !== undefined && args.securityGroupIds === undefined && args.vpcId === undefined) {
    reject(subject, { field: "vpcId", value: undefined, allowed: "the VPC id of subnetId (for the EFA security group), or give securityGroupIds" });
  }
  if (args.subnetId === undefined && args.vpcId !== undefined) {
    reject(subject, { field: "vpcId", value: args.vpcId, allowed: "unset unless subnetId is given (a new VPC is created)" });
  }
  if (args.subnetId !== undefined && (args.vpcCidrBlock !== undefined || args.subnetCidrBlock !== undefined)) {
    reject(subject, { field: args.vpcCidrBlock !== undefined ? "vpcCidrBlock" : "subnetCidrBlock", value: args.vpcCidrBlock ?? args.subnetCidrBlock, allowed: "unset when subnetId is given (no VPC is created)" });
  }

  const rackCount = Math.ceil(args.nodeCount / nodesPerRack);
  const rackIds = args.rackIds ?? defaultRackIds(args.rackGroup, rackCount);
  if (rackIds.length !== rackCount) {
    reject(subject, { field: "rackIds", value: rackIds, allowed: `${rackCount} rack ids: ${args.nodeCount} nodes at ${nodesPerRack} per rack fill ${rackCount} rack(s)` });
  }
  const racks = rackIds.map((rackId, r) => ({
    rackId,
    nodes: Array.from({ length: Math.min(nodesPerRack, args.nodeCount - r * nodesPerRack) }, (_, i) => r * nodesPerRack + i),
  }));

  return {
    args,
    plan: {
      instanceType,
      accelerator: nodes.accelerator,
      nodeCount: nodes.nodeCount,
      gpusPerNode: nodes.gpusPerNode,
      gpuCount: nodes.gpuCount,
      nodePowerKw: nodes.nodePowerKw,
      itLoadKw: nodes.itLoadKw,
      racks,
      interfaces: plannedInterfaces(efaCards.slice(0, efaCount)),
      imageId: args.amiId ?? `resolve:ssm:${args.amiSsmParameter ?? DEFAULT_AMI_SSM_PARAMETERS[instanceType.architecture]}`,
      capacityReservationEndDate: args.capacityReservationEndDate,
      capacityBlock: args.capacityBlock ?? instanceType.purchase === "capacity-block-only",
    },
  };
}

/** kW as a tag value: three decimals (watts), no exponent. */
export function kwTag(kw: number): string {
  return String(Math.round(kw * 1000) / 1000);
}

/** Tags of a pilot resource: the user's, then the footprint's (which win); `rack` and `itKw` only where they apply. */
export function pilotTags(
  args: Pick<ValidAwsGpuClusterArgs, "campus" | "hall" | "rackGroup" | "tags">,
  plan: Pick<AwsPilotPlan, "accelerator">,
  extra: { rack?: string; itKw?: number; gpus?: number } = {},
): Record<string, string> {
  return {
    ...args.tags,
    [FOOTPRINT_TAGS.campus]: args.campus,
    [FOOTPRINT_TAGS.hall]: args.hall,
    [FOOTPRINT_TAGS.rackGroup]: args.rackGroup,
    [FOOTPRINT_TAGS.accelerator]: plan.accelerator,
    ...(extra.rack !== undefined ? { [FOOTPRINT_TAGS.rack]: extra.rack } : {}),
    ...(extra.gpus !== undefined ? { [FOOTPRINT_TAGS.gpus]: String(extra.gpus) } : {}),
    ...(extra.itKw !== undefined ? { [FOOTPRINT_TAGS.itKw]: kwTag(extra.itKw) } : {}),
  };
}
