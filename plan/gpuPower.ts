/**
 * The GPU power each campus's rack groups are counted at: the accelerators' nameplate, or a provisioned cap below it
 * (a rack group's or its hall's `gpuPowerCapW` / `gpuPowerCapFraction`). The plan states it either way, so that
 * neither a cap nor the nameplate is assumed silently.
 */
import { upTo } from "../components/format/numbers";
import { numberProp, ofType, prop, RACK_TYPES, TYPES, type ResourceView } from "../policies/view";

/** One rack group's GPU power, as its footprint published it. */
export interface RackGroupGpuPower {
  /** The rack group resource's name. */
  group: string;
  /** Accelerator id of its nodes (from its node pool; absent when unknown). */
  accelerator?: string;
  /** The accelerator's nameplate board power, W (absent from a group that does not publish it). */
  nameplateW?: number;
  /** Power each GPU is counted at, W. */
  gpuPowerW: number;
  /** `nameplate`, or `provisioned` (a cap below nameplate). */
  basis: "nameplate" | "provisioned";
  /** GPUs in the group. */
  gpuCount: number;
}

/** A campus's rack groups and the GPU power each is counted at. */
export interface CampusGpuPower {
  campus: string;
  groups: RackGroupGpuPower[];
}

/** The rack groups under each campus (any depth), in the order of the views. */
export function campusGpuPower(views: readonly ResourceView[]): CampusGpuPower[] {
  const byUrn = new Map(views.map((v) => [v.urn, v]));
  const pools = new Map(ofType(views, TYPES.nodePool).filter((v) => v.parent !== undefined).map((v) => [v.parent!, v]));
  const racks = ofType(views, ...RACK_TYPES);
  return ofType(views, TYPES.campus).map((c) => {
    const under = (v: ResourceView): boolean => {
      for (let p = v.parent, depth = 0; p !== undefined && depth < 64; p = byUrn.get(p)?.parent, depth++) if (p === c.urn) return true;
      return false;
    };
    const groups = racks.filter(under).flatMap((r): RackGroupGpuPower[] => {
      const gpuPowerW = numberProp(r, "gpuPowerW");
      if (gpuPowerW === undefined) return [];
      const pool = pools.get(r.urn);
      const accelerator = pool ? prop(ofType([pool], TYPES.nodePool)[0], "accelerator") : undefined;
      const id = typeof accelerator === "string" ? accelerator : undefined;
      // As the rack group published it (the catalog the plan used), never read again from a catalog here.
      const nameplateW = numberProp(r, "nameplateGpuPowerW");
      return [{
        group: r.name, ...(id !== undefined ? { accelerator: id } : {}), ...(nameplateW !== undefined ? { nameplateW } : {}),
        gpuPowerW, basis: prop(r, "gpuPowerBasis") === "provisioned" ? "provisioned" : "nameplate", gpuCount: numberProp(r, "gpuCount") ?? 0,
      }];
    });
    return { campus: c.name, groups };
  });
}

const watts = (w: number) => `${upTo(w, 1)} W`;

/**
 * `nameplate (1,200 W gb200)`; `nameplate in every rack group (1,400 W gb300 in 13, 2,300 W rubin in 12)`; or
 * `provisioned 960 W (80 % of 1,200 W gb200) in rack groups a, b; nameplate in the others (1,200 W gb200 in 2)`:
 * provisioned groups are named, one clause per power and accelerator; nameplate groups are counted per accelerator.
 */
export function gpuPowerLine(c: CampusGpuPower): string {
  if (c.groups.length === 0) return "no rack groups";
  const provisioned = new Map<string, string[]>();
  const nameplate = new Map<string, number>();
  for (const g of c.groups) {
    const acc = g.accelerator ?? "GPU";
    if (g.basis === "nameplate") {
      const key = `${watts(g.gpuPowerW)} ${acc}`;
      nameplate.set(key, (nameplate.get(key) ?? 0) + 1);
    } else {
      const key = `provisioned ${watts(g.gpuPowerW)}${g.nameplateW ? ` (${upTo((100 * g.gpuPowerW) / g.nameplateW, 1)} % of ${watts(g.nameplateW)} ${acc})` : ` (${acc})`}`;
      provisioned.set(key, [...(provisioned.get(key) ?? []), g.group]);
    }
  }
  const plates = [...nameplate.entries()];
  const plateText = plates.length === 1 && provisioned.size === 0 ? `(${plates[0][0]})` : `(${plates.map(([k, n]) => `${k} in ${n}`).join(", ")})`;
  if (provisioned.size === 0) return plates.length === 1 ? `nameplate ${plateText}` : `nameplate in every rack group ${plateText}`;
  const capped = [...provisioned.entries()].map(([k, groups]) => `${k} in rack group${groups.length === 1 ? "" : "s"} ${groups.join(", ")}`);
  return [...capped, ...(plates.length > 0 ? [`nameplate in the others ${plateText}`] : [])].join("; ");
}
