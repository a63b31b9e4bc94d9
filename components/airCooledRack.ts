import * as pulumi from "@pulumi/pulumi";
import { TYPE_TOKENS } from "./model/typeTokens";
import type { GpuNodePool } from "./gpuNodePool";
import { RackGroupArgs, RackGroupFootprint } from "./model/rackGroup";
import { buildRackGroup, rackGroupFootprintOf, rackGroupMembers, rackGroupPlan } from "./rackGroup";
import { PlannedOptions, withoutPlan } from "./model/handoff";
import type { PlannedRackGroup } from "./model/plan";
import type { AirCooledRackOutputs } from "./model/published";
import type { OutputsOf } from "./publish";
// <generated:output-types> written by scripts/outputs.ts from the footprint (npm run outputs); do not edit
import type { UsdRange } from "./catalog/costSchema";
// </generated:output-types>

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
  // <generated:outputs> written by scripts/outputs.ts from the footprint (npm run outputs); do not edit
  /** Rack design id from the catalog. */
  declare readonly design: pulumi.Output<string>;
  /** How the racks are cooled: the rack design's cooling. */
  declare readonly cooling: pulumi.Output<string>;
  /** Number of racks in the group. */
  declare readonly rackCount: pulumi.Output<number>;
  /** Id of each rack, one per rack. */
  declare readonly rackIds: pulumi.Output<string[]>;
  /** Nodes fitted in each rack. */
  declare readonly nodesPerRack: pulumi.Output<number>;
  /** Nodes in the group: rackCount × nodesPerRack. */
  declare readonly nodeCount: pulumi.Output<number>;
  /** GPUs in the group. */
  declare readonly gpuCount: pulumi.Output<number>;
  /** Power each GPU is counted at, W: the accelerator's nameplate board power, or the provisioned cap. */
  declare readonly gpuPowerW: pulumi.Output<number>;
  /** Whether gpuPowerW is the accelerator's nameplate or a provisioned cap below it (`gpuPowerCapW` or `gpuPowerCapFraction`, the group's or its hall's). */
  declare readonly gpuPowerBasis: pulumi.Output<string>;
  /** The accelerator's nameplate board power, W (the catalog's): what a provisioned gpuPowerW is a share of. */
  declare readonly nameplateGpuPowerW: pulumi.Output<number>;
  /** IT load of one rack at the rack input, kW. */
  declare readonly itLoadPerRackKw: pulumi.Output<number>;
  /** Power the design's distribution is rated for, per rack, kW. */
  declare readonly ratedKwPerRack: pulumi.Output<number>;
  /** IT load of all the group's racks at the rack input, kW at full utilisation. */
  declare readonly itLoadKw: pulumi.Output<number>;
  /** Heat taken by the racks' liquid loops (cold plates), kW: IT load × the design's liquid capture fraction. */
  declare readonly heatToLiquidKw: pulumi.Output<number>;
  /** Heat left to room air, kW: the rest of the IT load. */
  declare readonly heatToAirKw: pulumi.Output<number>;
  /** Facility-water flow through all racks of the group, L/min (0 for air-cooled racks). */
  declare readonly coolantFlowLpm: pulumi.Output<number>;
  /** CDU capacity for all racks of the group, kW (0 for air-cooled racks). */
  declare readonly cduCapacityKw: pulumi.Output<number>;
  /** Hardware capex of the group's racks, USD (low, base, high); absent when the cost catalog has no price for the design. */
  declare readonly capexUsd: pulumi.Output<UsdRange | undefined>;
  // </generated:outputs>

  constructor(name: string, args: AirCooledRackArgs, opts?: pulumi.ComponentResourceOptions & PlannedOptions<PlannedRackGroup>) {
    const plan = rackGroupPlan(AirCooledRack.type, name, args, opts);
    super(AirCooledRack.type, name, args, withoutPlan(opts));
    this.registerOutputs(buildRackGroup(this, plan));
  }
}
