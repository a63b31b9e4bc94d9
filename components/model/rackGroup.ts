/** Args, validation and footprint of a group of identical racks (a row or pod) and the nodes in them. */
import { capexTotal, rackHardwareCapex } from "../costs/capex";
import type { UsdRange } from "../costs/range";
import { z } from "zod";
import { fixed } from "../format/numbers";
import type { Catalog, RackDesignSpec } from "../catalog";
import { coolantFlowLpm, rackItPowerKw, splitHeat, W_PER_KW } from "../physics";
import { gpuNodePoolModel, GpuNodePoolFootprint } from "./gpuNodePool";
import { DEFAULT_CDU_MARGIN, DEFAULT_DELTA_T_K, DEFAULT_SUPPLY_TEMP_C } from "./defaults";
import { gpuPowerCapShape, MIN_GPU_POWER_CAP_FRACTION, numberIn, wholeNumberIn } from "./ranges";
import { lookup, modelledName, parseArgs, reject, Subject, catalogOf } from "./validate";

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
  /**
   * Provisioned GPU power, W per GPU: the power each GPU is capped at and counted at (IT load, heat, cooling,
   * facility power, energy, water); from 30 % to 100 % of the accelerator's nameplate board power (a cap cannot
   * raise power); not with `gpuPowerCapFraction`. The rest of the node and rack (CPUs, NICs, switch trays, fans) is
   * unchanged. @default the accelerator's nameplate board power (a hall's `gpuPowerCapW`, when its racks give none)
   */
  gpuPowerCapW?: number;
  /**
   * Provisioned GPU power as a fraction of the accelerator's nameplate board power (0.3 to 1), e.g. 0.8 for a
   * 1,200 W GB200 provisioned at 960 W; not with `gpuPowerCapW`.
   * @default 1: nameplate (a hall's `gpuPowerCapFraction`, when its racks give none)
   */
  gpuPowerCapFraction?: number;
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
  /** Number of racks in the group. @integer */
  rackCount: number;
  /** Id of each rack, one per rack. */
  rackIds: string[];
  /** Nodes fitted in each rack. @integer */
  nodesPerRack: number;
  /** Footprint of all the group's nodes, as one node pool. */
  nodes: GpuNodePoolFootprint;
  /** Nodes in the group: rackCount × nodesPerRack. @integer */
  nodeCount: number;
  /** GPUs in the group. @integer */
  gpuCount: number;
  /** Power each GPU is counted at, W: the accelerator's nameplate board power, or the provisioned cap. */
  gpuPowerW: number;
  /** Whether gpuPowerW is the accelerator's nameplate or a provisioned cap below it (`gpuPowerCapW` or `gpuPowerCapFraction`, the group's or its hall's). */
  gpuPowerBasis: GpuPowerBasis;
  /** The accelerator's nameplate board power, W (the catalog's): what a provisioned gpuPowerW is a share of. */
  nameplateGpuPowerW: number;
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

/** Where a rack group's GPU power comes from: the accelerator's nameplate, or a provisioned cap below it. */
export type GpuPowerBasis = "nameplate" | "provisioned";

/** A provisioned GPU power as a rack group or a hall states it: one of the two fields, or neither. */
export interface GpuPowerCap {
  /** Provisioned GPU power, W per GPU. */
  gpuPowerCapW?: number;
  /** Provisioned GPU power as a fraction of the accelerator's nameplate board power. */
  gpuPowerCapFraction?: number;
}

/** Refuses a cap given both ways (a rack group's or a hall's). */
export function requireOneGpuPowerCap(cap: GpuPowerCap, subject: Subject): void {
  if (cap.gpuPowerCapW !== undefined && cap.gpuPowerCapFraction !== undefined) {
    reject(subject, {
      field: "gpuPowerCapFraction", value: cap.gpuPowerCapFraction,
      allowed: `unset when gpuPowerCapW is given (${cap.gpuPowerCapW} W): state the provisioned GPU power one way, in W or as a fraction of nameplate`,
    });
  }
}

/**
 * The power each GPU is counted at, W, for a nameplate of `nameplateW`: the cap in W, or the fraction × nameplate,
 * or the nameplate. A cap in W outside 30 % to 100 % of the nameplate is refused, naming the accelerator.
 */
export function provisionedGpuPowerW(
  cap: GpuPowerCap, nameplateW: number, acceleratorId: string, subject: Subject, fromHall = false,
): { gpuPowerW: number; gpuPowerBasis: GpuPowerBasis } {
  if (cap.gpuPowerCapW !== undefined) {
    const lowest = MIN_GPU_POWER_CAP_FRACTION * nameplateW;
    if (cap.gpuPowerCapW > nameplateW || cap.gpuPowerCapW < lowest) {
      reject(subject, {
        field: "gpuPowerCapW", value: cap.gpuPowerCapW,
        allowed: `a number from ${fixed(lowest, 0)} to ${nameplateW} W (${MIN_GPU_POWER_CAP_FRACTION * 100} % to 100 % of accelerator "${acceleratorId}"'s ${nameplateW} W nameplate; a cap cannot raise power)${fromHall ? "; the hall's gpuPowerCapW, which this rack group takes as it states none" : ""}`,
      });
    }
    return cap.gpuPowerCapW === nameplateW ? { gpuPowerW: nameplateW, gpuPowerBasis: "nameplate" } : { gpuPowerW: cap.gpuPowerCapW, gpuPowerBasis: "provisioned" };
  }
  if (cap.gpuPowerCapFraction !== undefined && cap.gpuPowerCapFraction < 1) {
    return { gpuPowerW: cap.gpuPowerCapFraction * nameplateW, gpuPowerBasis: "provisioned" };
  }
  return { gpuPowerW: nameplateW, gpuPowerBasis: "nameplate" };
}

/** Most racks one group may have (its `rackCount`). */
export const MAX_RACKS_PER_GROUP = 100_000;

/** Racks of a design's default fill that `rackCount` racks of `nodesPerRack` nodes amount to (what the hardware price is per). */
export function rackEquivalents(catalog: Catalog, design: string, nodesPerRack: number, rackCount: number): number {
  return (rackCount * nodesPerRack) / catalog.rackDesigns.get(design).nodesPerRack;
}

const common = {
  design: z.string({ error: "a rack design id (string)" }),
  rackCount: wholeNumberIn(1, MAX_RACKS_PER_GROUP),
  rackIds: z.array(z.string().min(1, { error: "a non-empty rack id" }), { error: "a list of rack ids" }).optional(),
  nodesPerRack: wholeNumberIn(1, 128).optional(),
  accelerator: z.string({ error: "an accelerator id (string)" }).optional(),
  ...gpuPowerCapShape,
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
 * `rackIdPrefix` names the default rack ids (the rack component's name), `hallCap` the provisioned GPU power its
 * hall gives racks that state none (already validated by the hall).
 */
export function rackGroupModel(
  rawArgs: LiquidCooledRackArgs, subject: Subject, cooling: "air" | "liquid", rackIdPrefix = modelledName(subject), hallCap: GpuPowerCap = {},
): RackGroupFootprint {
  const args: LiquidCooledRackArgs = parseArgs(cooling === "liquid" ? liquidSchema : airSchema, rawArgs, subject);
  requireOneGpuPowerCap(args, subject);
  const design: RackDesignSpec = lookup(catalogOf(subject).rackDesigns, args.design, "design", subject);
  if (design.cooling !== cooling) {
    const fitting = catalogOf(subject).rackDesigns.list().filter((d) => d.cooling === cooling).map((d) => d.id);
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

  // The group's own cap, else its hall's, else nameplate; checked against the accelerator's nameplate once it is known.
  const ownCap = args.gpuPowerCapW !== undefined || args.gpuPowerCapFraction !== undefined;
  const cap: GpuPowerCap = ownCap ? { gpuPowerCapW: args.gpuPowerCapW, gpuPowerCapFraction: args.gpuPowerCapFraction } : hallCap;
  let gpuPower: { gpuPowerW: number; gpuPowerBasis: GpuPowerBasis; nameplateGpuPowerW: number } | undefined;
  const nodeArgs = { nodeDesign: design.nodeDesignId, nodeCount: nodesPerRack * args.rackCount, accelerator: args.accelerator };
  const nodes = gpuNodePoolModel(nodeArgs, subject, (nameplateW) => {
    gpuPower = { ...provisionedGpuPowerW(cap, nameplateW, args.accelerator ?? catalogOf(subject).nodeDesigns.get(design.nodeDesignId).acceleratorId, subject, !ownCap), nameplateGpuPowerW: nameplateW };
    return gpuPower.gpuPowerW;
  });
  if (gpuPower === undefined) throw new Error("the node pool model did not ask for the GPU power");
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
  const hardware = rackHardwareCapex(catalogOf(subject), design.id, rackEquivalents(catalogOf(subject), design.id, nodesPerRack, args.rackCount));
  const base = {
    design: design.id, cooling, rackCount: args.rackCount, rackIds, nodesPerRack, nodes,
    nodeCount: nodes.nodeCount, gpuCount: nodes.gpuCount, ...gpuPower, itLoadPerRackKw, ratedKwPerRack: design.ratedKw, itLoadKw, ...heat,
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
