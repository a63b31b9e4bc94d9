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
  // <generated:outputs> written by scripts/outputs.ts from the footprint (npm run outputs); do not edit
  /** Node design id from the catalog. */
  declare readonly nodeDesign: pulumi.Output<string>;
  /** Accelerator id fitted in the nodes (the arg, or the node design's own). */
  declare readonly accelerator: pulumi.Output<string>;
  /** Number of nodes in the pool. */
  declare readonly nodeCount: pulumi.Output<number>;
  /** GPUs per node, from the node design. */
  declare readonly gpusPerNode: pulumi.Output<number>;
  /** GPUs in the pool: nodeCount × gpusPerNode. */
  declare readonly gpuCount: pulumi.Output<number>;
  /** Maximum power of one node, kW. */
  declare readonly nodePowerKw: pulumi.Output<number>;
  /** IT load of the whole pool at maximum node power, kW. */
  declare readonly itLoadKw: pulumi.Output<number>;
  /** GPU memory of the whole pool, GB. */
  declare readonly gpuMemoryGb: pulumi.Output<number>;
  // </generated:outputs>

  constructor(name: string, args: GpuNodePoolArgs, opts?: pulumi.ComponentResourceOptions & PlannedOptions<PlannedGpuNodePool>) {
    const plan = opts?.plan ?? atPulumiBoundary(() => planGpuNodePool(name, args));
    super(GpuNodePool.type, name, args, withoutPlan(opts));
    members.set(this, { plan });
    this.registerOutputs(publishFootprint<GpuNodePoolOutputs>(this, plan.outputs));
  }
}
