import * as pulumi from "@pulumi/pulumi";
import { GpuNodePool } from "./gpuNodePool";
import { LiquidCooledRackArgs, rackGroupModel, RackGroupFootprint } from "./model/rackGroup";
import { handOff, modelOnce } from "./model/handoff";
import { publishFootprint } from "./publish";

/** Outputs a rack group publishes: its footprint without the nested node pool (that is the child's). */
export type RackGroupOutputs = Omit<RackGroupFootprint, "nodes">;

/**
 * A row or pod of identical racks: one resource with a count and a list of rack ids, and one child
 * `GpuNodePool` (`<name>-nodes`) holding every node of the group. Base of LiquidCooledRack and AirCooledRack.
 */
export abstract class RackGroup extends pulumi.ComponentResource {
  /** The footprint as plain numbers, for parents that roll it up. */
  readonly footprint: RackGroupFootprint;
  /** The nodes of every rack in the group. */
  readonly nodes: GpuNodePool;
  declare readonly design: pulumi.Output<string>;
  declare readonly cooling: pulumi.Output<string>;
  declare readonly rackCount: pulumi.Output<number>;
  declare readonly rackIds: pulumi.Output<string[]>;
  declare readonly nodesPerRack: pulumi.Output<number>;
  declare readonly nodeCount: pulumi.Output<number>;
  declare readonly gpuCount: pulumi.Output<number>;
  declare readonly itLoadPerRackKw: pulumi.Output<number>;
  declare readonly ratedKwPerRack: pulumi.Output<number>;
  declare readonly itLoadKw: pulumi.Output<number>;
  declare readonly heatToLiquidKw: pulumi.Output<number>;
  declare readonly heatToAirKw: pulumi.Output<number>;
  declare readonly coolantFlowLpm: pulumi.Output<number>;
  declare readonly cduCapacityKw: pulumi.Output<number>;
  declare readonly supplyTempC: pulumi.Output<number | undefined>;
  declare readonly returnTempC: pulumi.Output<number | undefined>;

  protected constructor(type: string, cooling: "air" | "liquid", name: string, args: LiquidCooledRackArgs, opts?: pulumi.ComponentResourceOptions) {
    const footprint = modelOnce(args, () => rackGroupModel(args, { type, name }, cooling));
    super(type, name, args, opts);
    this.footprint = footprint;
    const { nodes, ...outputs } = footprint;
    const nodeArgs = handOff({ nodeDesign: nodes.nodeDesign, nodeCount: nodes.nodeCount, accelerator: nodes.accelerator }, nodes);
    this.nodes = new GpuNodePool(`${name}-nodes`, nodeArgs, { parent: this });
    this.registerOutputs(publishFootprint<RackGroupOutputs>(this, outputs));
  }
}
