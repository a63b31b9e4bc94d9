/**
 * A pilot slice of the modelled cluster on EC2: the same accelerator on the matching instance type, each pilot rack
 * a cluster placement group, EFA on every EFA network card, optional capacity reservations, and tags that carry the
 * model's footprint. Needs the optional peer dependency @pulumi/aws; import it from `pulumi-aicluster/aws`.
 */
import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { atPulumiBoundary } from "../errors";
import { PlannedOptions, withoutPlan } from "../model/handoff";
import { TYPE_TOKENS } from "../model/typeTokens";
import { AwsGpuClusterArgs, AwsPilotPlan, awsPilotModel, pilotTags, ValidAwsGpuClusterArgs } from "./model";

export type { AwsGpuClusterArgs, AwsPilotPlan };

/** What the model makes of a pilot's args: the validated args and the plan (what a stack hands over as `plan`). */
export type ModelledAwsPilot = ReturnType<typeof awsPilotModel>;

/** Network placement of every interface: the subnet and security groups. */
interface Network {
  subnetId: pulumi.Input<string>;
  securityGroupIds: pulumi.Input<string>[];
}

/**
 * Launches `nodeCount` GPU instances shaped like the rack design's nodes. Children are named `<name>-vpc`,
 * `<name>-subnet`, `<name>-efa` (security group), `<name>-<rack id>` (placement group), `<name>-<rack id>-cr`
 * (reservation), `<name>-lt` (launch template) and `<name>-<rack id>-n<i>` (instances).
 */
export class AwsGpuCluster extends pulumi.ComponentResource {
  /** The type token the component registers under, `aicluster:aws:GpuCluster`. */
  static readonly type = TYPE_TOKENS.awsPilot;

  /** The plan as plain values: instance type, racks, interfaces, footprint. */
  readonly plan: AwsPilotPlan;
  /** The EC2 instances, one per node, rack by rack (`<name>-<rack id>-n<i>`). */
  readonly instances: aws.ec2.Instance[];
  /** One cluster placement group per pilot rack (`<name>-<rack id>`). */
  readonly placementGroups: aws.ec2.PlacementGroup[];
  /** One On-Demand Capacity Reservation per placement group when `reserveCapacity` is set; empty otherwise. */
  readonly capacityReservations: aws.ec2.CapacityReservation[];
  /** The launch template every instance uses: AMI, instance type, user data and network interfaces (`<name>-lt`). */
  readonly launchTemplate: aws.ec2.LaunchTemplate;
  /** EC2 instance type of the nodes, e.g. `p6-b200.48xlarge`. */
  readonly instanceType: pulumi.Output<string>;
  /** Instances launched, one per node. */
  readonly nodeCount: pulumi.Output<number>;
  /** GPUs of all instances. */
  readonly gpuCount: pulumi.Output<number>;
  /** Modelled IT load of all instances, kW at full utilisation (nodes × the model's node power). */
  readonly itLoadKw: pulumi.Output<number>;
  /** EFA interfaces of each instance (the primary ENA interface not counted). */
  readonly efaInterfacesPerNode: pulumi.Output<number>;
  /** Ids of the instances, in the order of `instances`. */
  readonly instanceIds: pulumi.Output<string[]>;
  /** Subnet the instances run in: the one given, or the one created. */
  readonly subnetId: pulumi.Output<string>;

  constructor(name: string, args: AwsGpuClusterArgs, opts?: pulumi.ComponentResourceOptions & PlannedOptions<ModelledAwsPilot>) {
    const { args: valid, plan } = opts?.plan ?? atPulumiBoundary(() => awsPilotModel(args, { type: AwsGpuCluster.type, name }));
    super(AwsGpuCluster.type, name, args, withoutPlan(opts));
    this.plan = plan;
    const parent = { parent: this };
    const tags = pilotTags(valid, plan);

    const network = this.network(name, valid, tags, parent);
    this.placementGroups = plan.racks.map(
      (rack) => new aws.ec2.PlacementGroup(`${name}-${rack.rackId}`, { strategy: "cluster", tags: this.rackTags(valid, plan, rack.rackId, rack.nodes.length) }, parent),
    );
    this.capacityReservations = valid.reserveCapacity
      ? plan.racks.map(
          (rack, r) =>
            new aws.ec2.CapacityReservation(
              `${name}-${rack.rackId}-cr`,
              {
                instanceType: plan.instanceType.id,
                instancePlatform: "Linux/UNIX",
                availabilityZone: valid.availabilityZone!,
                instanceCount: rack.nodes.length,
                instanceMatchCriteria: "targeted",
                placementGroupArn: this.placementGroups[r].arn,
                endDateType: plan.capacityReservationEndDate ? "limited" : "unlimited",
                endDate: plan.capacityReservationEndDate,
                tags: this.rackTags(valid, plan, rack.rackId, rack.nodes.length),
              },
              parent,
            ),
        )
      : [];

    this.launchTemplate = new aws.ec2.LaunchTemplate(
      `${name}-lt`,
      {
        imageId: plan.imageId,
        instanceType: plan.instanceType.id,
        keyName: valid.keyName,
        userData: valid.userData === undefined ? undefined : Buffer.from(valid.userData, "utf8").toString("base64"),
        networkInterfaces: plan.interfaces.map((nic) => ({
          networkCardIndex: nic.networkCardIndex,
          deviceIndex: nic.deviceIndex,
          interfaceType: nic.interfaceType,
          subnetId: network.subnetId,
          securityGroups: network.securityGroupIds,
          deleteOnTermination: "true",
        })),
        blockDeviceMappings: [
          { deviceName: "/dev/sda1", ebs: { volumeSize: valid.rootVolumeGb ?? 512, volumeType: "gp3", encrypted: "true", deleteOnTermination: "true" } },
        ],
        // IMDSv2 only: the AWS-recommended default for new instances.
        metadataOptions: { httpEndpoint: "enabled", httpTokens: "required" },
        tags,
      },
      parent,
    );

    this.instances = plan.racks.flatMap((rack, r) => {
      const reservationId = valid.capacityReservationId ?? this.capacityReservations[r]?.id;
      return rack.nodes.map(
        (node) =>
          new aws.ec2.Instance(
            `${name}-${rack.rackId}-n${node + 1}`,
            {
              // Also given here (the template has it too) so resource policies can check it on the instance.
              instanceType: plan.instanceType.id,
              launchTemplate: { id: this.launchTemplate.id, version: this.launchTemplate.latestVersion.apply(String) },
              placementGroup: this.placementGroups[r].name,
              capacityReservationSpecification: reservationId === undefined ? undefined : { capacityReservationTarget: { capacityReservationId: reservationId } },
              instanceMarketOptions: plan.capacityBlock ? { marketType: "capacity-block" } : undefined,
              tags: pilotTags(valid, plan, { rack: rack.rackId, itKw: plan.nodePowerKw, gpus: plan.gpusPerNode }),
            },
            parent,
          ),
      );
    });

    this.instanceType = pulumi.output(plan.instanceType.id);
    this.nodeCount = pulumi.output(plan.nodeCount);
    this.gpuCount = pulumi.output(plan.gpuCount);
    this.itLoadKw = pulumi.output(plan.itLoadKw);
    this.efaInterfacesPerNode = pulumi.output(plan.interfaces.length - 1);
    this.instanceIds = pulumi.all(this.instances.map((i) => i.id));
    this.subnetId = pulumi.output(network.subnetId);
    this.registerOutputs({
      instanceType: this.instanceType,
      nodeCount: this.nodeCount,
      gpuCount: this.gpuCount,
      itLoadKw: this.itLoadKw,
      efaInterfacesPerNode: this.efaInterfacesPerNode,
      instanceIds: this.instanceIds,
      subnetId: this.subnetId,
    });
  }

  private rackTags(args: ValidAwsGpuClusterArgs, plan: AwsPilotPlan, rack: string, nodes: number): Record<string, string> {
    return pilotTags(args, plan, { rack, itKw: nodes * plan.nodePowerKw, gpus: nodes * plan.gpusPerNode });
  }

  /** The given subnet, or a new VPC and subnet; the given security groups, or one that lets EFA traffic flow among its members. */
  private network(name: string, args: ValidAwsGpuClusterArgs, tags: Record<string, string>, parent: pulumi.CustomResourceOptions): Network {
    let subnetId: pulumi.Input<string>;
    let vpcId: pulumi.Input<string> | undefined = args.vpcId;
    if (args.subnetId !== undefined) {
      subnetId = args.subnetId;
    } else {
      const vpc = new aws.ec2.Vpc(`${name}-vpc`, { cidrBlock: args.vpcCidrBlock ?? "10.64.0.0/16", enableDnsHostnames: true, enableDnsSupport: true, tags }, parent);
      const subnet = new aws.ec2.Subnet(
        `${name}-subnet`,
        { vpcId: vpc.id, cidrBlock: args.subnetCidrBlock ?? "10.64.0.0/20", availabilityZone: args.availabilityZone, tags },
        parent,
      );
      vpcId = vpc.id;
      subnetId = subnet.id;
    }
    if (args.securityGroupIds !== undefined) return { subnetId, securityGroupIds: args.securityGroupIds };
    // EFA needs a group that allows all inbound and outbound traffic to and from itself (EC2 EFA guide).
    const group = new aws.ec2.SecurityGroup(
      `${name}-efa`,
      {
        vpcId,
        description: "aicluster pilot: all traffic among members (EFA), all egress",
        ingress: [{ protocol: "-1", fromPort: 0, toPort: 0, self: true }],
        egress: [
          { protocol: "-1", fromPort: 0, toPort: 0, self: true },
          { protocol: "-1", fromPort: 0, toPort: 0, cidrBlocks: ["0.0.0.0/0"] },
        ],
        tags,
      },
      parent,
    );
    return { subnetId, securityGroupIds: [group.id] };
  }
}
