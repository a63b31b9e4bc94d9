/** Args, validation and footprint of a pool of identical GPU nodes. */
import { z } from "zod";
import { nodeItPowerW, W_PER_KW } from "../physics";
import { wholeNumberIn } from "./ranges";
import { lookup, parseArgs, reject, Subject, catalogOf } from "./validate";

/** Args of a GpuNodePool: a node design, how many nodes, and optionally another accelerator. */
export interface GpuNodePoolArgs {
  /** Node design id from the catalog, e.g. `"hgx-h100-8gpu"` or `"gb200-nvl72-tray"`. */
  nodeDesign: string;
  /** Number of identical nodes in the pool (0 to 10,000,000). */
  nodeCount: number;
  /** Accelerator id from the catalog. @default the node design's own accelerator */
  accelerator?: string;
}

/** What a pool of identical GPU nodes draws and holds. */
export interface GpuNodePoolFootprint {
  /** Node design id from the catalog. */
  nodeDesign: string;
  /** Accelerator id fitted in the nodes (the arg, or the node design's own). */
  accelerator: string;
  /** Number of nodes in the pool. @integer */
  nodeCount: number;
  /** GPUs per node, from the node design. @integer */
  gpusPerNode: number;
  /** GPUs in the pool: nodeCount × gpusPerNode. @integer */
  gpuCount: number;
  /** Maximum power of one node, kW. */
  nodePowerKw: number;
  /** IT load of the whole pool at maximum node power, kW. */
  itLoadKw: number;
  /** GPU memory of the whole pool, GB. */
  gpuMemoryGb: number;
}

/** Most nodes one pool may have (its `nodeCount`). */
export const MAX_NODES_PER_POOL = 10_000_000;

const schema = z.strictObject({
  nodeDesign: z.string({ error: "a node design id (string)" }),
  nodeCount: wholeNumberIn(0, MAX_NODES_PER_POOL),
  accelerator: z.string({ error: "an accelerator id (string)" }).optional(),
});

/**
 * Validated args and footprint; fails with an AiclusterInputError naming the field. `gpuPowerW`, internal (a rack
 * group's provisioned GPU power, already validated against the accelerator's nameplate): the power each GPU is
 * counted at instead of the accelerator's nameplate board power; the host's overhead stays as it is.
 */
export function gpuNodePoolModel(rawArgs: GpuNodePoolArgs, subject: Subject, gpuPowerW?: (nameplateW: number) => number): GpuNodePoolFootprint {
  const args = parseArgs(schema, rawArgs, subject);
  const design = lookup(catalogOf(subject).nodeDesigns, args.nodeDesign, "nodeDesign", subject);
  const accelerator = lookup(catalogOf(subject).accelerators, args.accelerator ?? design.acceleratorId, "accelerator", subject);
  if (design.cooling === "air" && accelerator.cooling === "liquid") {
    reject(subject, { field: "accelerator", value: accelerator.id, allowed: `an air-coolable accelerator: node design "${design.id}" is air-cooled` });
  }
  const nameplateNodeW = nodeItPowerW(design.gpusPerNode, accelerator.boardPowerW, design.hostOverheadW);
  if (nameplateNodeW > design.maxPowerW) {
    reject(subject, {
      field: "accelerator",
      value: accelerator.id,
      allowed: `an accelerator that keeps the node within its ${design.maxPowerW} W maximum (node design "${design.id}"); "${accelerator.id}" gives ${nameplateNodeW} W`,
    });
  }
  // The one place GPU watts enter: the nameplate, or the power the rack group provisions each GPU at.
  const nodePowerW = gpuPowerW === undefined ? nameplateNodeW : nodeItPowerW(design.gpusPerNode, gpuPowerW(accelerator.boardPowerW), design.hostOverheadW);
  const nodePowerKw = nodePowerW / W_PER_KW;
  return {
    nodeDesign: design.id,
    accelerator: accelerator.id,
    nodeCount: args.nodeCount,
    gpusPerNode: design.gpusPerNode,
    gpuCount: args.nodeCount * design.gpusPerNode,
    nodePowerKw,
    itLoadKw: args.nodeCount * nodePowerKw,
    gpuMemoryGb: args.nodeCount * design.gpusPerNode * accelerator.memoryGb,
  };
}
