/**
 * The AWS pilot of a stack (`aicluster:cloud` = `aws`): `aicluster:awsPilotNodes` instances shaped like one rack of
 * the stack's topology, namely the first modelled rack group whose accelerator has an AWS instance type in the catalog.
 * @pulumi/aws is loaded only here, so `cloud: none` stacks never need the AWS plugin or credentials.
 */
import type { Campus } from "../components";
import { catalog } from "../components/catalog";
import type { AwsGpuCluster } from "../components/aws";
import type { AwsPilotSettings, StackSettings } from "./settings";
import { StackConfigError } from "./settings";

/** The rack group the pilot mirrors, with the names its footprint tags carry. */
export function pilotRackGroup(campus: Campus, stack: string) {
  const mapped = new Set(catalog.awsInstanceTypes.list().map((t) => t.acceleratorId));
  const { footprint } = campus;
  for (const hall of footprint.halls) {
    for (const group of hall.rackGroups) {
      if (mapped.has(group.nodes.accelerator)) return { hall: hall.name, group };
    }
  }
  const fitted = [...new Set(footprint.halls.flatMap((h) => h.rackGroups.map((g) => g.nodes.accelerator)))].join(", ");
  throw new StackConfigError(stack, [
    { key: "aicluster:cloud", value: "aws", allowed: `"none": no rack group of this topology has an accelerator with an AWS instance type (fitted: ${fitted}; mapped: ${[...mapped].sort().join(", ")})` },
  ]);
}

export function awsPilot(campus: Campus, settings: StackSettings & { aws: AwsPilotSettings }, stack: string): AwsGpuCluster {
  // Loaded on demand: importing @pulumi/aws costs time and is only needed with cloud = aws.
  const { AwsGpuCluster } = require("../components/aws") as typeof import("../components/aws");
  const { hall, group } = pilotRackGroup(campus, stack);
  const { pilotNodes, ...aws } = settings.aws;
  const nodesPerRack = group.nodesPerRack;
  const pilotRacks = Math.ceil(pilotNodes / nodesPerRack);
  return new AwsGpuCluster(`${settings.plan.name}-aws-pilot`, {
    design: group.design,
    accelerator: group.nodes.accelerator,
    nodeCount: pilotNodes,
    nodesPerRack,
    campus: settings.plan.name,
    hall,
    rackGroup: group.name,
    rackIds: group.rackIds.length >= pilotRacks ? group.rackIds.slice(0, pilotRacks) : undefined,
    ...Object.fromEntries(Object.entries(aws).filter(([, v]) => v !== undefined && v !== false)),
  });
}
