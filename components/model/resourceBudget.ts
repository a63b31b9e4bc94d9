/**
 * How many resources a campus will register and about how much memory that takes, computed from its args before
 * anything is modelled or registered, so an oversized plan fails at once with a named error instead of exhausting
 * the heap minutes later.
 */
import type { CampusArgs } from "./campus";

/**
 * Memory of an offline plan (mock engine, Node 20, @pulumi/pulumi 3.248), measured as peak RSS with
 * `/usr/bin/time npm run plan -- hyperion --scale 1 --config racksPerGroup=<n>` on 2026-11-25:
 * 1,667 resources 232 MB; 13,029 resources 878 MB; 26,029 resources 1,094 MB; 64,068 resources 2,750 MB.
 * A line through the two largest gives about 43 KB per resource over a 230 MB base; rounded up to 44 KB.
 * Rack ids are a few dozen bytes each (512 B allows for the arrays and outputs that carry them).
 */
export const BYTES_PER_RESOURCE = 44 * 1024;
export const BYTES_PER_RACK = 512;
/** Memory the runtime and modules take before the first resource, bytes. */
export const BASE_BYTES = 230 * 1024 * 1024;

/** Default most resources one stack or campus may register: about 1.9 GB by the estimate, under 2 GB. */
export const DEFAULT_MAX_RESOURCES = 40_000;

export interface ResourceEstimate {
  resources: number;
  racks: number;
  rackGroups: number;
  /** Estimated peak memory of an offline plan, bytes. */
  bytes: number;
}

function count(value: unknown): number {
  return typeof value === "number" && Number.isFinite(value) && value > 0 ? value : 0;
}

/** Resources a campus registers: itself, each contract, each hall, its plant, and two per rack group (the group and its node pool). */
export function estimateCampusResources(args: Pick<CampusArgs, "halls" | "powerContracts">): ResourceEstimate {
  let resources = 1 + (Array.isArray(args.powerContracts) ? args.powerContracts.length : 0);
  let racks = 0;
  let rackGroups = 0;
  for (const hall of Array.isArray(args.halls) ? args.halls : []) {
    const groups = Array.isArray(hall?.racks) ? hall.racks : [];
    resources += 1 + (hall?.cooling ? 1 : 0) + 2 * groups.length;
    rackGroups += groups.length;
    for (const g of groups) racks += count(g?.rackCount);
  }
  return { resources, racks, rackGroups, bytes: BASE_BYTES + resources * BYTES_PER_RESOURCE + racks * BYTES_PER_RACK };
}

export { megabytes } from "../format/numbers";
