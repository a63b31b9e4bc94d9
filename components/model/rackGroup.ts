/** Args, validation and footprint of a group of identical racks (a row or pod) and the nodes in them. */
import { capexTotal, rackHardwareCapex } from "../costs/capex";
import type { UsdRange } from "../costs/range";
import { z } from "zod";
import { fixed } from "../format/numbers";
import { catalog, RackDesignSpec } from "../catalog";
import { coolantFlowLpm, rackItPowerKw, splitHeat, W_PER_KW } from "../physics";
import { gpuNodePoolModel, GpuNodePoolFootprint } from "./gpuNodePool";
import { DEFAULT_CDU_MARGIN, DEFAULT_DELTA_T_K, DEFAULT_SUPPLY_TEMP_C } from "./defaults";
import { numberIn, wholeNumberIn } from "./ranges";
import { lookup, modelledName, parseArgs, reject, Subject } from "./validate";

/** Args every rack group takes (an AirCooledRack's args). */
export interface RackGroupArgs {
  /** Rack design id from the catalog, e.g. `"gb200-nvl72"`. */
  design: string;
  /** Number of identical racks in the group (1 to 100,000). */
  rackCount: number;
  /** Ids of the racks, one per rack. @default `<name>-r0001`, `<name>-r0002`, ... */
  rackIds?: string[];
  /** Nodes fitted in each rack (1 to the design's slots). @default the design's nodes per rack */
  nodesPerRack?: number;
  /** Accelerator id fitted in the nodes. @default the node design's own accelerator */
  accelerator?: string;
}

/** Args of a LiquidCooledRack: those of every rack group, plus the rack loop's temperatures and CDU capacity. */
export interface LiquidCooledRackArgs extends RackGroupArgs {
  /** Facility-water supply temperature at the rack, °C, within the design's range (ASHRAE W17-W45). @default 35 */
  supplyTempC?: number;
  /** Coolant temperature rise across the rack, K (4 to 20). @default 10 */
  deltaTK?: number;
  /** CDU capacity serving each rack, kW. @default 1.2 × the rack's heat to liquid */
  cduCapacityKwPerRack?: number;
}

/** What a group of identical racks draws and rejects, and its nodes. */
export interface RackGroupFootprint {
  /** Rack design id from the catalog. */
  design: string;
  /** How the racks are cooled: the rack design's cooling. */
  cooling: "air" | "liquid";
  /** Number of racks in the group. */
  rackCount: number;
  /** Id of each rack, one per rack. */
  rackIds: string[];
  /** Nodes fitted in each rack. */
  nodesPerRack: number;
  /** Footprint of all the group's nodes, as one node pool. */
  nodes: GpuNodePoolFootprint;
  /** Nodes in the group: rackCount × nodesPerRack. */
  nodeCount: number;
  /** GPUs in the group. */
  gpuCount: number;
  /** IT load of one rack at the rack input, kW. */
  itLoadPerRackKw: number;
  /** Power the design's distribution is rated for, per rack, kW. */
  ratedKwPerRack: number;
  /** IT load of all the group's racks at the rack input, kW at full utilisation. */
  itLoadKw: number;
  /** Heat taken by the racks' liquid loops (cold plates), kW: IT load × the design's liquid capture fraction. */
  heatToLiquidKw: number;
  /** Heat left to room air, kW: the rest of the IT load. */
  heatToAirKw: number;
  /** Facility-water flow through all racks of the group, L/min (0 for air-cooled racks). */
  coolantFlowLpm: number;
  /** CDU capacity for all racks of the group, kW (0 for air-cooled racks). */
  cduCapacityKw: number;
  /** Coolant supply temperature at the rack, °C (undefined for air-cooled racks). */
  supplyTempC?: number;
  /** Coolant return temperature: supply plus the temperature rise across the rack (deltaTK), °C (undefined for air-cooled racks). */
  returnTempC?: number;
  /** Hardware capex of the group's racks, USD (low, base, high); absent when the cost catalog has no price for the design. */
  capexUsd?: UsdRange;
}

/** Most racks one group may have (its `rackCount`). */
export const MAX_RACKS_PER_GROUP = 100_000;

/** Racks of a design's default fill that `rackCount` racks of `nodesPerRack` nodes amount to (what the hardware price is per). */
export function rackEquivalents(design: string, nodesPerRack: number, rackCount: number): number {
  return (rackCount * nodesPerRack) / catalog.rackDesigns.get(design).nodesPerRack;
}

const common = {
  design: z.string({ error: "a rack design id (string)" }),
  rackCount: wholeNumberIn(1, MAX_RACKS_PER_GROUP),
  rackIds: z.array(z.string().min(1, { error: "a non-empty rack id" }), { error: "a list of rack ids" }).optional(),
  nodesPerRack: wholeNumberIn(1, 128).optional(),
  accelerator: z.string({ error: "an accelerator id (string)" }).optional(),
};
const airSchema = z.strictObject(common);
const liquidSchema = z.strictObject({
  ...common,
  supplyTempC: numberIn(2, 70, "°C").optional(),
  deltaTK: numberIn(4, 20, "K").optional(),
  cduCapacityKwPerRack: numberIn(0, 2000, "kW", true).optional(),
});

/** `<group>-r0001`, `<group>-r0002`, ...: zero-padded to at least four digits so ids sort in rack order. */
export function defaultRackIds(groupName: string, count: number): string[] {
  const width = Math.max(4, String(count).length);
  return Array.from({ length: count }, (_, i) => `${groupName}-r${String(i + 1).padStart(width, "0")}`);
}

/**
 * Validated footprint of a rack group; `cooling` is the kind the component class accepts,
 * `rackIdPrefix` names the default rack ids (the rack component's name).
 */
export function rackGroupModel(rawArgs: LiquidCooledRackArgs, subject: Subject, cooling: "air" | "liquid", rackIdPrefix = modelledName(subject)): RackGroupFootprint {
  const args: LiquidCooledRackArgs = parseArgs(cooling === "liquid" ? liquidSchema : airSchema, rawArgs, subject);
  const design: RackDesignSpec = lookup(catalog.rackDesigns, args.design, "design", subject);
  if (design.cooling !== cooling) {
    const fitting = catalog.rackDesigns.list().filter((d) => d.cooling === cooling).map((d) => d.id);
    reject(subject, { field: "design", value: design.id, allowed: `${cooling === "air" ? "an" : "a"} ${cooling}-cooled rack design: ${fitting.join(", ")}` });
  }
  const nodesPerRack = args.nodesPerRack ?? design.nodesPerRack;
  if (nodesPerRack > design.nodesPerRack) {
    reject(subject, { field: "nodesPerRack", value: nodesPerRack, allowed: `a whole number from 1 to ${design.nodesPerRack} (slots in rack design "${design.id}")` });
  }
  const rackIds = args.rackIds ?? defaultRackIds(rackIdPrefix, args.rackCount);
  if (rackIds.length !== args.rackCount) {
    reject(subject, { field: "rackIds", value: `${rackIds.length} ids`, allowed: `exactly rackCount (${args.rackCount}) ids` });
  }
  if (new Set(rackIds).size !== rackIds.length) {
    reject(subject, { field: "rackIds", value: rackIds, allowed: "ids without duplicates" });
  }

  const nodes = gpuNodePoolModel({ nodeDesign: design.nodeDesignId, nodeCount: nodesPerRack * args.rackCount, accelerator: args.accelerator }, subject);
  const itLoadPerRackKw = rackItPowerKw({
    nodesPerRack,
    nodePowerW: nodes.nodePowerKw * W_PER_KW,
    switchesPerRack: design.switchesPerRack,
    switchPowerW: design.switchPowerW,
    rackOverheadW: design.rackOverheadW,
    powerConversionEfficiency: design.powerConversionEfficiency,
  });
  if (itLoadPerRackKw > design.ratedKw) {
    reject(subject, {
      field: args.accelerator !== undefined ? "accelerator" : "nodesPerRack",
      value: args.accelerator ?? nodesPerRack,
      allowed: `a fit within the ${design.ratedKw} kW the rack design "${design.id}" is rated for; this one draws ${fixed(itLoadPerRackKw, 1)} kW per rack`,
    });
  }
  const itLoadKw = itLoadPerRackKw * args.rackCount;
  const heat = splitHeat(itLoadKw, design.liquidCaptureFraction);
  // Priced per rack of the design at its default fill: a rack with fewer nodes costs proportionally less.
  const hardware = rackHardwareCapex(design.id, rackEquivalents(design.id, nodesPerRack, args.rackCount));
  const base = {
    design: design.id, cooling, rackCount: args.rackCount, rackIds, nodesPerRack, nodes,
    nodeCount: nodes.nodeCount, gpuCount: nodes.gpuCount, itLoadPerRackKw, ratedKwPerRack: design.ratedKw, itLoadKw, ...heat,
    ...(hardware.lines.length ? { capexUsd: capexTotal(hardware) } : {}),
  };
  if (cooling === "air") return { ...base, coolantFlowLpm: 0, cduCapacityKw: 0 };

  const supplyTempC = args.supplyTempC ?? DEFAULT_SUPPLY_TEMP_C;
  if (supplyTempC < design.minSupplyTempC || supplyTempC > design.maxSupplyTempC) {
    reject(subject, { field: "supplyTempC", value: supplyTempC, allowed: `a number from ${design.minSupplyTempC} to ${design.maxSupplyTempC} °C (rack design "${design.id}")` });
  }
  const deltaTK = args.deltaTK ?? DEFAULT_DELTA_T_K;
  const liquidPerRackKw = heat.heatToLiquidKw / args.rackCount;
  return {
    ...base,
    coolantFlowLpm: coolantFlowLpm(heat.heatToLiquidKw, deltaTK),
    cduCapacityKw: (args.cduCapacityKwPerRack ?? liquidPerRackKw * DEFAULT_CDU_MARGIN) * args.rackCount,
    supplyTempC,
    returnTempC: supplyTempC + deltaTK,
  };
}
