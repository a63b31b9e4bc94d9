import { Construct } from "constructs";
import { gpuNodePoolModel, GpuNodePoolArgs, GpuNodePoolFootprint } from "../components/model/gpuNodePool";
import { TYPES } from "../policies/view";
import { AiclusterConstruct, AiclusterConstructOptions, modelFor } from "./base";

export type { GpuNodePoolArgs, GpuNodePoolFootprint };

/** A pool of identical GPU nodes: the construct twin of the Pulumi `GpuNodePool`, same args, same footprint. */
export class GpuNodePool extends AiclusterConstruct<GpuNodePoolFootprint, GpuNodePoolFootprint> {
  /** Type token of the matching Pulumi component, `aicluster:index:GpuNodePool`: the type the rules see. */
  static readonly type = TYPES.nodePool;

  constructor(scope: Construct, id: string, args: GpuNodePoolArgs, options?: AiclusterConstructOptions<GpuNodePoolFootprint>) {
    const footprint = modelFor(scope, id, options, () => gpuNodePoolModel(args, { type: GpuNodePool.type, name: id }));
    super(scope, id, GpuNodePool.type, footprint, footprint, options);
  }
}
