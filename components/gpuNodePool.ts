import * as pulumi from "@pulumi/pulumi";
import { TYPE_TOKENS } from "./model/typeTokens";
import { GpuNodePoolArgs, GpuNodePoolFootprint } from "./model/gpuNodePool";
import { atPulumiBoundary } from "./errors";
import { PlannedOptions, withoutPlan } from "./model/handoff";
import { PlannedGpuNodePool, planGpuNodePool } from "./model/plan";
import { PlainMembers } from "./plainMembers";
import type { GpuNodePoolOutputs } from "./model/published";
import { OutputsOf, publishFootprint } from "./publish";

export type { GpuNodePoolArgs, GpuNodePoolFootprint };

const members = new PlainMembers<GpuNodePool, { plan: PlannedGpuNodePool }>("GpuNodePool");

/**
 * A pool of identical GPU nodes: one resource whatever the node count, so resources grow with racks, not GPUs.
 * Publishes `nodeCount`, `gpuCount`, `nodePowerKw` and `itLoadKw` (at maximum node power).
 */
export class GpuNodePool extends pulumi.ComponentResource implements OutputsOf<GpuNodePoolOutputs> {
  /** The type token the component registers under, `aicluster:index:GpuNodePool`. */
  static readonly type = TYPE_TOKENS.nodePool;

  /** The footprint as plain numbers, for parents that roll it up. */
  get footprint(): GpuNodePoolFootprint {
    return members.of(this).plan.footprint;
  }
  declare readonly nodeDesign: pulumi.Output<string>;
  declare readonly accelerator: pulumi.Output<string>;
  declare readonly nodeCount: pulumi.Output<number>;
  declare readonly gpusPerNode: pulumi.Output<number>;
  declare readonly gpuCount: pulumi.Output<number>;
  declare readonly nodePowerKw: pulumi.Output<number>;
  declare readonly itLoadKw: pulumi.Output<number>;
  declare readonly gpuMemoryGb: pulumi.Output<number>;

  constructor(name: string, args: GpuNodePoolArgs, opts?: pulumi.ComponentResourceOptions & PlannedOptions<PlannedGpuNodePool>) {
    const plan = opts?.plan ?? atPulumiBoundary(() => planGpuNodePool(name, args));
    super(GpuNodePool.type, name, args, withoutPlan(opts));
    members.set(this, { plan });
    this.registerOutputs(publishFootprint<GpuNodePoolOutputs>(this, plan.outputs));
  }
}
