import { Construct } from "constructs";
import type { GpuNodePoolArgs, GpuNodePoolFootprint } from "../components/model/gpuNodePool";
import { PlannedGpuNodePool, planGpuNodePool } from "../components/model/plan";
import { TYPES } from "../policies/view";
import { AiclusterConstruct, AiclusterConstructOptions, planFor } from "./base";

export type { GpuNodePoolArgs, GpuNodePoolFootprint };

/** A pool of identical GPU nodes: the construct twin of the Pulumi `GpuNodePool`, same args, same footprint. */
export class GpuNodePool extends AiclusterConstruct<GpuNodePoolFootprint, GpuNodePoolFootprint> {
  /** Type token of the matching Pulumi component, `aicluster:index:GpuNodePool`: the type the rules see. */
  static readonly type = TYPES.nodePool;

  constructor(scope: Construct, id: string, args: GpuNodePoolArgs, options?: AiclusterConstructOptions<PlannedGpuNodePool>) {
    super(scope, id, planFor(scope, id, options, () => planGpuNodePool(id, args)), options);
  }
}
