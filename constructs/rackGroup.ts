/**
 * Rack groups: a row or pod of identical racks as one construct, with one child `GpuNodePool` (`<id>-nodes`), as the
 * Pulumi LiquidCooledRack and AirCooledRack have (components/rackGroup.ts builds the same child from the same footprint).
 */
import { Construct } from "constructs";
import type { LiquidCooledRackArgs, RackGroupArgs, RackGroupFootprint } from "../components/model/rackGroup";
import { PlannedRackGroup, planRackGroup } from "../components/model/plan";
import type { RackGroupOutputs } from "../components/model/published";
import { TYPES } from "../policies/view";
import { AiclusterConstruct, AiclusterConstructOptions, createPlannedConstructs, planFor } from "./base";
import { GpuNodePool } from "./gpuNodePool";

export type { LiquidCooledRackArgs, RackGroupArgs, RackGroupFootprint, RackGroupOutputs };

/** What the two rack-group constructs share. */
export abstract class RackGroupConstruct extends AiclusterConstruct<RackGroupFootprint, RackGroupOutputs> {
  /** The nodes of every rack in the group (`<id>-nodes`). */
  readonly nodes: GpuNodePool;

  protected constructor(scope: Construct, id: string, type: typeof TYPES.liquidRack | typeof TYPES.airRack, args: LiquidCooledRackArgs, options: AiclusterConstructOptions<PlannedRackGroup> | undefined) {
    const plan = planFor(scope, id, options, () => planRackGroup(type, id, args));
    super(scope, id, plan, options);
    [this.nodes] = createPlannedConstructs(this, plan, { [GpuNodePool.type]: GpuNodePool }) as GpuNodePool[];
  }
}

/** A row or pod of identical liquid-cooled racks: the construct twin of the Pulumi `LiquidCooledRack`. */
export class LiquidCooledRack extends RackGroupConstruct {
  /** Type token of the matching Pulumi component, `aicluster:index:LiquidCooledRack`: the type the rules see. */
  static readonly type = TYPES.liquidRack;

  constructor(scope: Construct, id: string, args: LiquidCooledRackArgs, options?: AiclusterConstructOptions<PlannedRackGroup>) {
    super(scope, id, LiquidCooledRack.type, args, options);
  }
}

/** Args of an air-cooled rack group: those every rack group takes. */
export interface AirCooledRackArgs extends RackGroupArgs {}

/** A row or pod of identical air-cooled racks: the construct twin of the Pulumi `AirCooledRack`. */
export class AirCooledRack extends RackGroupConstruct {
  /** Type token of the matching Pulumi component, `aicluster:index:AirCooledRack`: the type the rules see. */
  static readonly type = TYPES.airRack;

  constructor(scope: Construct, id: string, args: AirCooledRackArgs, options?: AiclusterConstructOptions<PlannedRackGroup>) {
    super(scope, id, AirCooledRack.type, args, options);
  }
}
