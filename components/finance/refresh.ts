/**
 * Hardware refresh: every asset is replaced when its refresh cycle ends, for as long as what it serves runs within
 * the horizon. The cycle is the asset's useful life (the catalog's, sourced: Meta depreciates servers and network
 * over 5.5 years; a shell over 25), rounded up to whole years: the k-th replacement is placed in service in year
 * p + k × ⌈cycle⌉, p the year the original was, so each runs its whole straight-line life (a 5.5-year GB300 rack of
 * 2029 is replaced in 2035 and 2041). A replacement is like for like at the catalog's price, unless the campus names a later rack design for the
 * racks of a design (next generation): then the hall gets as many racks of the later design as its IT power carries
 * (the hall's power and cooling are the building's, sized for the racks it was built with), priced at that design's
 * rack price. A replacement retires what it replaces: its maintenance stops and its GPUs leave the count.
 */
import type { UsdRange } from "../catalog/costSchema";
import { type CapexLine, combined } from "../costs/capex";
import { plus } from "../costs/range";
import type { RefreshEvent } from "./types";

/** How a campus refreshes: like for like at end of life (the default), or never (assets run past their lives). */
export const REFRESH_POLICIES = ["like-for-like", "none"] as const;
export type RefreshPolicy = (typeof REFRESH_POLICIES)[number];

/** A rack group as a refresh sees it: its hardware, and what a rack of the next design would be. */
export interface RefreshRackGroup {
  design: string;
  /** Hardware capex of the group's racks, USD. */
  capexUsd: UsdRange;
  usefulLifeYears: number;
  maintenanceShareOfCapex: number;
  gpuCount: number;
  /** What replaces the racks at their refresh, when a later design is named: its racks that fit the group's IT power. */
  next?: { design: string; rackCount: number; gpuCount: number; capexUsd: UsdRange; usefulLifeYears: number; maintenanceShareOfCapex: number };
}

/** What a hall or an owned plant brings to a refresh. */
export interface RefreshableAsset {
  /** Hall or contract name (for the events). */
  name: string;
  /** Year placed in service (undefined: an undated campus, which has no refresh). */
  year?: number;
  /** Last year it runs (an owned plant's contract end); undefined: to the horizon's end. */
  untilYear?: number;
  /** Capex lines other than the rack groups' hardware. */
  lines: readonly CapexLine[];
  /** The rack groups whose hardware is the it-hardware line (each refreshed on its own cycle, possibly to a later design). */
  rackGroups: readonly RefreshRackGroup[];
}

/** An asset group in the cost ledger: placed in a year, retired when replaced. */
export interface LedgerAsset {
  /** Hall or contract it belongs to. */
  name: string;
  /** Year placed in service (undefined: the undated campus's one year). */
  year?: number;
  /** First year it no longer runs (its replacement's year); undefined: it runs to the horizon's end. */
  retiredYear?: number;
  lines: readonly CapexLine[];
  /** A replacement (its capex is refresh capex). */
  refresh: boolean;
  /** GPUs it carries (rack hardware only), counted while it runs. */
  gpuCount: number;
}

/** The years of the replacements of an asset placed in `placedYear` with a refresh cycle of `cycleYears`, up to `lastYear`. */
export function refreshYears(placedYear: number, cycleYears: number, lastYear: number): number[] {
  const years: number[] = [];
  // Whole years per cycle, rounded up (with a tolerance for floating point): each asset runs at least its whole life.
  const step = Math.ceil(cycleYears - 1e-9);
  for (let k = 1; ; k++) {
    const y = placedYear + k * step;
    if (y > lastYear) return years;
    years.push(y);
  }
}

/** One line's chain of replacements: the original, then each replacement, each retiring the one before. */
function chain(name: string, year: number | undefined, lastYear: number | undefined, line: CapexLine, gpuCount: number, policy: RefreshPolicy, events: RefreshEvent[]): LedgerAsset[] {
  if (policy === "none" || year === undefined || lastYear === undefined) return [{ name, year, lines: [line], refresh: false, gpuCount }];
  const years = refreshYears(year, line.usefulLifeYears, lastYear);
  const starts = [year, ...years];
  return starts.map((y, i) => {
    if (i > 0) events.push({ year: y, asset: name, category: line.category, capexUsd: { ...line.capexUsd } });
    return { name, year: y, ...(i + 1 < starts.length ? { retiredYear: starts[i + 1] } : {}), lines: [line], refresh: i > 0, gpuCount };
  });
}

/** A rack group's chain: like for like, or the first replacement to the next design and like for like after it. */
function groupChain(name: string, year: number | undefined, lastYear: number | undefined, g: RefreshRackGroup, policy: RefreshPolicy, events: RefreshEvent[]): LedgerAsset[] {
  const line: CapexLine = { category: "it-hardware", capexUsd: g.capexUsd, usefulLifeYears: g.usefulLifeYears, maintenanceShareOfCapex: g.maintenanceShareOfCapex };
  if (!g.next || policy === "none" || year === undefined || lastYear === undefined) return chain(name, year, lastYear, line, g.gpuCount, policy, events);
  const [first] = refreshYears(year, g.usefulLifeYears, lastYear);
  if (first === undefined) return [{ name, year, lines: [line], refresh: false, gpuCount: g.gpuCount }];
  const next = g.next;
  const nextLine: CapexLine = { category: "it-hardware", capexUsd: next.capexUsd, usefulLifeYears: next.usefulLifeYears, maintenanceShareOfCapex: next.maintenanceShareOfCapex };
  events.push({ year: first, asset: name, category: "it-hardware", toDesign: next.design, capexUsd: { ...next.capexUsd } });
  const later = chain(name, first, lastYear, nextLine, next.gpuCount, policy, events).map((a, i) => (i === 0 ? { ...a, refresh: true } : a));
  return [{ name, year, retiredYear: first, lines: [line], refresh: false, gpuCount: g.gpuCount }, ...later];
}

/**
 * The ledger's assets with their replacements over the horizon (to `horizonEndYear`), and every replacement as an
 * event in year order. An undated campus (no horizon) has none.
 */
export function withRefreshes(assets: readonly RefreshableAsset[], horizonEndYear: number | undefined, policy: RefreshPolicy): { assets: LedgerAsset[]; events: RefreshEvent[] } {
  const events: RefreshEvent[] = [];
  const out: LedgerAsset[] = [];
  for (const a of assets) {
    const last = horizonEndYear === undefined ? undefined : Math.min(horizonEndYear, a.untilYear ?? horizonEndYear);
    for (const line of a.lines) out.push(...chain(a.name, a.year, last, line, 0, policy, events));
    for (const g of a.rackGroups) out.push(...groupChain(a.name, a.year, last, g, policy, events));
  }
  return { assets: out, events: merged(events) };
}

/** Events of one year, asset, category and design as one (a hall's rack groups replaced together), in year order. */
function merged(events: readonly RefreshEvent[]): RefreshEvent[] {
  const byKey = new Map<string, RefreshEvent>();
  for (const e of events) {
    const key = `${e.year}|${e.asset}|${e.category}|${e.toDesign ?? ""}`;
    const seen = byKey.get(key);
    byKey.set(key, seen ? { ...seen, capexUsd: plus(seen.capexUsd, e.capexUsd) } : { ...e, capexUsd: { ...e.capexUsd } });
  }
  return [...byKey.values()].sort((x, y) => x.year - y.year);
}

/**
 * The same assets with those placed and retired in the same years merged, and their lines of one category, life and
 * maintenance share summed: every figure the cost ledger and the book values take is linear in capex, so the sums are
 * exact, and a 5 GW campus's thousand rack-group assets become a few dozen. Names and GPU counts are not kept.
 */
export function coalesced(assets: readonly LedgerAsset[]): LedgerAsset[] {
  const groups = new Map<string, { asset: LedgerAsset; lines: CapexLine[] }>();
  for (const a of assets) {
    const key = `${a.year ?? ""}|${a.retiredYear ?? ""}|${a.refresh}`;
    let g = groups.get(key);
    if (!g) groups.set(key, (g = { asset: { name: "", ...(a.year === undefined ? {} : { year: a.year }), ...(a.retiredYear === undefined ? {} : { retiredYear: a.retiredYear }), lines: [], refresh: a.refresh, gpuCount: 0 }, lines: [] }));
    g.lines.push(...a.lines);
  }
  // Lines of one category, life and maintenance share merge as a hall's capex lines do.
  return [...groups.values()].map((g) => ({ ...g.asset, lines: combined([{ lines: g.lines, missing: [] }]).lines }));
}
