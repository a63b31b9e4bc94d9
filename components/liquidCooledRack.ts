import * as pulumi from "@pulumi/pulumi";
import { TYPE_TOKENS } from "./model/typeTokens";
import type { UsdRange } from "./costs/range";
import type { GpuNodePool } from "./gpuNodePool";
import { LiquidCooledRackArgs, RackGroupFootprint } from "./model/rackGroup";
import { buildRackGroup, rackGroupFootprintOf, rackGroupMembers, rackGroupPlan } from "./rackGroup";
import { PlannedOptions, withoutPlan } from "./model/handoff";
import type { PlannedRackGroup } from "./model/plan";
import type { LiquidCooledRackOutputs } from "./model/published";
import type { OutputsOf } from "./publish";

export type { LiquidCooledRackArgs };

/**
 * A row or pod of identical liquid-cooled racks (e.g. GB200 NVL72). Publishes IT load, the heat split
 * between liquid and air, coolant flow (Q = m·cp·ΔT), CDU capacity and supply/return temperatures.
 * Its nodes are one child GpuNodePool, `<name>-nodes`.
 */
export class LiquidCooledRack extends pulumi.ComponentResource implements OutputsOf<LiquidCooledRackOutputs> {
  /** The type token the component registers under, `aicluster:index:LiquidCooledRack`. */
  static readonly type = TYPE_TOKENS.liquidRack;

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
  declare readonly supplyTempC: pulumi.Output<number | undefined>;
  /** Hours of the year its hall's plant cannot make the facility water this group needs (set when the group is in a hall with a plant). */
  declare readonly supplyTempMissedHours: pulumi.Output<number | undefined>;
  declare readonly returnTempC: pulumi.Output<number | undefined>;
  declare readonly capexUsd: pulumi.Output<UsdRange | undefined>;

  constructor(name: string, args: LiquidCooledRackArgs, opts?: pulumi.ComponentResourceOptions & PlannedOptions<PlannedRackGroup>) {
    const plan = rackGroupPlan(LiquidCooledRack.type, name, args, opts);
    super(LiquidCooledRack.type, name, args, withoutPlan(opts));
    this.registerOutputs(buildRackGroup(this, plan));
  }
}
