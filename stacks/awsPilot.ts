/**
 * The AWS pilot of a stack (`aicluster:cloud` = `aws`): `aicluster:awsPilotNodes` instances shaped like one rack of
 * the stack's topology, namely the first modelled rack group whose accelerator has an AWS instance type in the catalog.
 * The pilot is validated with the campus, before anything registers; @pulumi/aws is loaded only when it is built,
 * so `cloud: none` stacks never need it, the AWS plugin or credentials.
 */
import type { AwsGpuCluster, ModelledAwsPilot } from "../components/aws/awsGpuCluster";
import { acceleratorsOnAws, AwsGpuClusterArgs, awsPilotModel } from "../components/aws/model";
import type { CampusFootprint } from "../components/model/campus";
import { TYPE_TOKENS } from "../components/model/typeTokens";
import type { AwsPilotSettings, StackSettings } from "./settings";
import { StackConfigError } from "./settings";

/** The rack group the pilot mirrors and the hall it is in. */
function pilotRackGroup(footprint: CampusFootprint, stack: string) {
  const mapped = new Set(acceleratorsOnAws());
  for (const hall of footprint.halls) {
    const group = hall.rackGroups.find((g) => mapped.has(g.nodes.accelerator));
    if (group) return { hall: hall.name, group };
  }
  const fitted = [...new Set(footprint.halls.flatMap((h) => h.rackGroups.map((g) => g.nodes.accelerator)))].join(", ");
  throw new StackConfigError(stack, [
    { key: "aicluster:cloud", value: "aws", allowed: `"none": no rack group of this topology has an accelerator with an AWS instance type (fitted: ${fitted}; mapped: ${[...mapped].join(", ")})` },
  ]);
}

export const pilotName = (settings: StackSettings) => `${settings.plan.name}-aws-pilot`;

/**
 * Args of the stack's pilot and their model, validated: throws (naming the field or config key) before anything
 * registers; the stack hands the model to AwsGpuCluster (`plan`) so it does not validate again.
 */
export function awsPilotArgs(footprint: CampusFootprint, settings: StackSettings & { aws: AwsPilotSettings }, stack: string): { args: AwsGpuClusterArgs; modelled: ModelledAwsPilot } {
  const { hall, group } = pilotRackGroup(footprint, stack);
  const { pilotNodes, reserveCapacity, ...rest } = settings.aws;
  const pilotRacks = Math.ceil(pilotNodes / group.nodesPerRack);
  const args: AwsGpuClusterArgs = {
    design: group.design,
    accelerator: group.nodes.accelerator,
    nodeCount: pilotNodes,
    nodesPerRack: group.nodesPerRack,
    campus: settings.plan.name,
    hall,
    rackGroup: group.name,
    rackIds: group.rackIds.length >= pilotRacks ? group.rackIds.slice(0, pilotRacks) : undefined,
    ...(reserveCapacity ? { reserveCapacity } : {}),
    ...Object.fromEntries(Object.entries(rest).filter(([, v]) => v !== undefined)),
  };
  return { args, modelled: awsPilotModel(args, { type: TYPE_TOKENS.awsPilot, name: pilotName(settings) }) };
}

/** The AwsGpuCluster class, loading @pulumi/aws (and the module behind it) on first use. */
export async function loadAwsGpuCluster(): Promise<typeof AwsGpuCluster> {
  return (await import("../components/aws")).AwsGpuCluster;
}
