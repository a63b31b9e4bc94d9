/**
 * What LiquidCooledRack and AirCooledRack share: a row or pod of identical racks as one resource with a count and a
 * list of rack ids, and one child `GpuNodePool` (`<name>-nodes`) holding every node of the group.
 *
 * The two classes extend ComponentResource directly (not a common base class) because Pulumi's component-package
 * analyzer only recognises direct subclasses and reads only the fields a class declares itself.
 */
import * as pulumi from "@pulumi/pulumi";
import { GpuNodePool } from "./gpuNodePool";
import { atPulumiBoundary } from "./errors";
import type { ModelledOptions } from "./model/handoff";
import { LiquidCooledRackArgs, rackGroupModel, RackGroupFootprint } from "./model/rackGroup";
import { PlainMembers } from "./plainMembers";
import type { RackGroupOutputs } from "./model/published";
import { publishFootprint } from "./publish";

export type { RackGroupOutputs };

export const rackGroupMembers = new PlainMembers<pulumi.ComponentResource, { footprint: RackGroupFootprint; nodes: GpuNodePool }>(
  "rack group",
);

/** The footprint a parent handed over, or the model's for the args (validated before the component registers). */
export function rackGroupFootprint(type: string, cooling: "air" | "liquid", name: string, args: LiquidCooledRackArgs, opts: ModelledOptions<RackGroupFootprint> | undefined): RackGroupFootprint {
  return opts?.modelled ?? atPulumiBoundary(() => rackGroupModel(args, { type, name }, cooling));
}

/** Creates the group's node pool and returns the outputs to register; call at the end of the constructor. */
export function buildRackGroup(group: pulumi.ComponentResource, name: string, footprint: RackGroupFootprint): RackGroupOutputs {
  const { nodes, ...outputs } = footprint;
  const nodeArgs = { nodeDesign: nodes.nodeDesign, nodeCount: nodes.nodeCount, accelerator: nodes.accelerator };
  rackGroupMembers.set(group, { footprint, nodes: new GpuNodePool(`${name}-nodes`, nodeArgs, { parent: group, modelled: nodes }) });
  return publishFootprint<RackGroupOutputs>(group, outputs);
}
