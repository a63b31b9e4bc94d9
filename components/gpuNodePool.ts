import * as pulumi from "@pulumi/pulumi";
import { TYPE_TOKENS } from "./model/typeTokens";
import { gpuNodePoolModel, GpuNodePoolArgs, GpuNodePoolFootprint } from "./model/gpuNodePool";
import { atPulumiBoundary } from "./errors";
import { ModelledOptions, withoutModelled } from "./model/handoff";
import { PlainMembers } from "./plainMembers";
import type { GpuNodePoolOutputs } from "./model/published";
import { OutputsOf, publishFootprint } from "./publish";

export type { GpuNodePoolArgs, GpuNodePoolFootprint };

const members = new PlainMembers<GpuNodePool, { footprint: GpuNodePoolFootprint }>("GpuNodePool");

/**
 * A pool of identical GPU nodes: one resource whatever the node count, so resources grow with racks, not GPUs.
 * Publishes `nodeCount`, `gpuCount`, `nodePowerKw` and `itLoadKw` (at maximum node power).
 */
export class GpuNodePool extends pulumi.ComponentResource implements OutputsOf<GpuNodePoolOutputs> {
  /** The type token the component registers under, `aicluster:index:GpuNodePool`. */
  static readonly type = TYPE_TOKENS.nodePool;

  /** The footprint as plain numbers, for parents that roll it up. */
  get footprint(): GpuNodePoolFootprint {
    return members.of(this).footprint;
  }
  declare readonly nodeDesign: pulumi.Output<string>;
  declare readonly accelerator: pulumi.Output<string>;
  declare readonly nodeCount: pulumi.Output<number>;
  declare readonly gpusPerNode: pulumi.Output<number>;
  declare readonly gpuCount: pulumi.Output<number>;
  declare readonly nodePowerKw: pulumi.Output<number>;
  declare readonly itLoadKw: pulumi.Output<number>;
  declare readonly gpuMemoryGb: pulumi.Output<number>;

  constructor(name: string, args: GpuNodePoolArgs, opts?: pulumi.ComponentResourceOptions & ModelledOptions<GpuNodePoolFootprint>) {
    const footprint = opts?.modelled ?? atPulumiBoundary(() => gpuNodePoolModel(args, { type: GpuNodePool.type, name }));
    super(GpuNodePool.type, name, args, withoutModelled(opts));
    members.set(this, { footprint });
    this.registerOutputs(publishFootprint<GpuNodePoolOutputs>(this, footprint));
  }
}
