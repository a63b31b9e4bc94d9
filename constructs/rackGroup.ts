/**
 * Rack groups: a row or pod of identical racks as one construct, with one child `GpuNodePool` (`<id>-nodes`), as the
 * Pulumi LiquidCooledRack and AirCooledRack have (components/rackGroup.ts builds the same child from the same footprint).
 */
import { Construct } from "constructs";
import { LiquidCooledRackArgs, RackGroupArgs, rackGroupModel, RackGroupFootprint } from "../components/model/rackGroup";
import { TYPES } from "../policies/view";
import { AiclusterConstruct, AiclusterConstructOptions, modelFor } from "./base";
import { GpuNodePool } from "./gpuNodePool";

export type { LiquidCooledRackArgs, RackGroupArgs, RackGroupFootprint };

/** Outputs a rack group publishes: its footprint without the nested node pool (that is the child's). */
export type RackGroupOutputs = Omit<RackGroupFootprint, "nodes">;

/** What the two rack-group constructs share. */
export abstract class RackGroupConstruct extends AiclusterConstruct<RackGroupFootprint, RackGroupOutputs> {
  /** The nodes of every rack in the group (`<id>-nodes`). */
  readonly nodes: GpuNodePool;

  protected constructor(scope: Construct, id: string, type: string, cooling: "air" | "liquid", args: LiquidCooledRackArgs, options: AiclusterConstructOptions<RackGroupFootprint> | undefined) {
    const footprint = modelFor(scope, id, options, () => rackGroupModel(args, { type, name: id }, cooling));
    const { nodes, ...outputs } = footprint;
    super(scope, id, type, footprint, outputs, options);
    const nodeArgs = { nodeDesign: nodes.nodeDesign, nodeCount: nodes.nodeCount, accelerator: nodes.accelerator };
    this.nodes = new GpuNodePool(this, `${id}-nodes`, nodeArgs, { modelled: nodes });
  }
}

/** A row or pod of identical liquid-cooled racks: the construct twin of the Pulumi `LiquidCooledRack`. */
export class LiquidCooledRack extends RackGroupConstruct {
  /** Type token of the matching Pulumi component, `aicluster:index:LiquidCooledRack`: the type the rules see. */
  static readonly type = TYPES.liquidRack;

  constructor(scope: Construct, id: string, args: LiquidCooledRackArgs, options?: AiclusterConstructOptions<RackGroupFootprint>) {
    super(scope, id, LiquidCooledRack.type, "liquid", args, options);
  }
}

/** Args of an air-cooled rack group: those every rack group takes. */
export interface AirCooledRackArgs extends RackGroupArgs {}

/** A row or pod of identical air-cooled racks: the construct twin of the Pulumi `AirCooledRack`. */
export class AirCooledRack extends RackGroupConstruct {
  /** Type token of the matching Pulumi component, `aicluster:index:AirCooledRack`: the type the rules see. */
  static readonly type = TYPES.airRack;

  constructor(scope: Construct, id: string, args: AirCooledRackArgs, options?: AiclusterConstructOptions<RackGroupFootprint>) {
    super(scope, id, AirCooledRack.type, "air", args, options);
  }
}
