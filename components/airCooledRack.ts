import * as pulumi from "@pulumi/pulumi";
import { TYPE_TOKENS } from "./model/typeTokens";
import type { UsdRange } from "./costs/range";
import type { GpuNodePool } from "./gpuNodePool";
import { RackGroupArgs, RackGroupFootprint } from "./model/rackGroup";
import { buildRackGroup, rackGroupFootprintOf, rackGroupMembers, rackGroupPlan } from "./rackGroup";
import { PlannedOptions, withoutPlan } from "./model/handoff";
import type { PlannedRackGroup } from "./model/plan";
import type { AirCooledRackOutputs } from "./model/published";
import type { OutputsOf } from "./publish";

/** Args of an air-cooled rack group: those every rack group takes. */
export interface AirCooledRackArgs extends RackGroupArgs {}

/**
 * A row or pod of identical air-cooled racks (e.g. four HGX H100 servers each): all heat goes to room air.
 * Its nodes are one child GpuNodePool, `<name>-nodes`.
 */
export class AirCooledRack extends pulumi.ComponentResource implements OutputsOf<AirCooledRackOutputs> {
  /** The type token the component registers under, `aicluster:index:AirCooledRack`. */
  static readonly type = TYPE_TOKENS.airRack;

  /** The footprint as plain numbers, for parents that roll it up. */
  get footprint(): RackGroupFootprint {
    return rackGroupFootprintOf(this);
  }
  /** The nodes of every rack in the group. */
  get nodes(): GpuNodePool {
    return rackGroupMembers.of(this).nodes;
  }
  declare readonly design: pulumi.Output<string>;
  declare readonly cooling: pulumi.Output<string>;
  declare readonly rackCount: pulumi.Output<number>;
  declare readonly rackIds: pulumi.Output<string[]>;
  declare readonly nodesPerRack: pulumi.Output<number>;
  declare readonly nodeCount: pulumi.Output<number>;
  declare readonly gpuCount: pulumi.Output<number>;
  /** Power each GPU is counted at, W: the accelerator's nameplate, or the provisioned cap. */
  declare readonly gpuPowerW: pulumi.Output<number>;
  /** `"nameplate"` or `"provisioned"` (a cap below nameplate, the group's or its hall's). */
  declare readonly gpuPowerBasis: pulumi.Output<string>;
  /** The accelerator's nameplate board power, W: what a provisioned gpuPowerW is a share of. */
  declare readonly nameplateGpuPowerW: pulumi.Output<number>;
  declare readonly itLoadPerRackKw: pulumi.Output<number>;
  declare readonly ratedKwPerRack: pulumi.Output<number>;
  declare readonly itLoadKw: pulumi.Output<number>;
  declare readonly heatToLiquidKw: pulumi.Output<number>;
  declare readonly heatToAirKw: pulumi.Output<number>;
  declare readonly coolantFlowLpm: pulumi.Output<number>;
  declare readonly cduCapacityKw: pulumi.Output<number>;
  declare readonly capexUsd: pulumi.Output<UsdRange | undefined>;

  constructor(name: string, args: AirCooledRackArgs, opts?: pulumi.ComponentResourceOptions & PlannedOptions<PlannedRackGroup>) {
    const plan = rackGroupPlan(AirCooledRack.type, name, args, opts);
    super(AirCooledRack.type, name, args, withoutPlan(opts));
    this.registerOutputs(buildRackGroup(this, plan));
  }
}
