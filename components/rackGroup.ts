/**
 * What LiquidCooledRack and AirCooledRack share: a row or pod of identical racks as one resource with a count and a
 * list of rack ids, and one child `GpuNodePool` (`<name>-nodes`) holding every node of the group.
 *
 * The two classes extend ComponentResource directly (not a common base class) because Pulumi's component-package
 * analyzer only recognises direct subclasses and reads only the fields a class declares itself.
 */
import * as pulumi from "@pulumi/pulumi";
import { TYPE_TOKENS } from "./model/typeTokens";
import { GpuNodePool } from "./gpuNodePool";
import { atPulumiBoundary } from "./errors";
import type { LiquidCooledRackArgs, RackGroupFootprint } from "./model/rackGroup";
import { PlannedRackGroup, planRackGroup } from "./model/plan";
import type { PlannedOptions } from "./model/handoff";
import { createPlannedChildren } from "./plannedChildren";
import { PlainMembers } from "./plainMembers";
import type { RackGroupOutputs } from "./model/published";
import { publishFootprint } from "./publish";

export type { RackGroupOutputs };

export const rackGroupMembers = new PlainMembers<pulumi.ComponentResource, { plan: PlannedRackGroup; nodes: GpuNodePool }>(
  "rack group",
);

/** The plan a parent handed over, or the group's own for the args (validated before the component registers). */
export function rackGroupPlan(type: typeof TYPE_TOKENS.liquidRack | typeof TYPE_TOKENS.airRack, name: string, args: LiquidCooledRackArgs, opts: PlannedOptions<PlannedRackGroup> | undefined): PlannedRackGroup {
  return opts?.plan ?? atPulumiBoundary(() => planRackGroup(type, name, args));
}

/** Creates the group's node pool and returns the outputs to register; call at the end of the constructor. */
export function buildRackGroup(group: pulumi.ComponentResource, plan: PlannedRackGroup): RackGroupOutputs {
  const [nodes] = createPlannedChildren(group, plan, { [GpuNodePool.type]: GpuNodePool }) as GpuNodePool[];
  rackGroupMembers.set(group, { plan, nodes });
  return publishFootprint<RackGroupOutputs>(group, plan.outputs);
}

/** The footprint of a group component (its plan's). */
export function rackGroupFootprintOf(group: pulumi.ComponentResource): RackGroupFootprint {
  return rackGroupMembers.of(group).plan.footprint;
}
