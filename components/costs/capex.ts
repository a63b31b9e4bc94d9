/**
 * Capital cost of what the model counts, by category, from the cost catalog: rack hardware per rack, the network
 * per GPU, the building (shell, electrical, mechanical fit-out) per MW of critical IT, the heat-rejection plant per
 * kW of installed capacity, owned generation per kW. A price the catalog does not hold is reported as missing, never
 * counted as 0 silently: the campus publishes what is missing and the capex rules fail on it. The catalog is the
 * plan's (a value the caller passes), never read from a global.
 */
import type { Catalog } from "../catalog";
import { exactly, scaled, total, UsdRange, ZERO } from "./range";

export const CAPEX_CATEGORIES = ["it-hardware", "network", "shell", "electrical", "mechanical", "cooling-plant", "generation"] as const;
export type CapexCategory = (typeof CAPEX_CATEGORIES)[number];

/** Capex of one category of assets, with how they wear out. */
export interface CapexLine {
  /** it-hardware, network, shell, electrical, mechanical, cooling-plant or generation. */
  category: string;
  /** Capex, USD: low, base, high. */
  capexUsd: UsdRange;
  /** Years the assets are depreciated over (straight line). */
  usefulLifeYears: number;
  /** Maintenance and support per year as a share of capex. */
  maintenanceShareOfCapex: number;
}

/** Capex lines and what could not be priced. */
export interface Capex {
  lines: CapexLine[];
  /** What the catalog has no price for, e.g. `rack design "x" (rackHardwareCosts)`. */
  missing: string[];
}

export const EMPTY_CAPEX: Capex = Object.freeze({ lines: [], missing: [] }) as Capex;

/** Hardware of `rackCount` racks of a design. */
export function rackHardwareCapex(catalog: Catalog, design: string, rackCount: number): Capex {
  if (!catalog.rackHardwareCosts.has(design)) return { lines: [], missing: [`rack design "${design}" (rackHardwareCosts)`] };
  const c = catalog.rackHardwareCosts.get(design);
  return { lines: [{ category: "it-hardware", capexUsd: scaled(c.usdPerRack, rackCount), usefulLifeYears: c.usefulLifeYears, maintenanceShareOfCapex: c.maintenanceShareOfCapex }], missing: [] };
}

/** A heat-rejection plant of `installedKw` (all units, spares included). */
export function coolingPlantCapex(catalog: Catalog, technology: string, installedKw: number): Capex {
  if (!catalog.coolingPlantCosts.has(technology)) return { lines: [], missing: [`cooling technology "${technology}" (coolingPlantCosts)`] };
  const c = catalog.coolingPlantCosts.get(technology);
  return { lines: [{ category: "cooling-plant", capexUsd: scaled(c.usdPerKw, installedKw), usefulLifeYears: c.usefulLifeYears, maintenanceShareOfCapex: c.maintenanceShareOfCapex }], missing: [] };
}

/** The building of a hall of `itLoadKw` critical IT and its network for `gpuCount` GPUs. */
export function facilityCapex(catalog: Catalog, facilityCost: string, itLoadKw: number, gpuCount: number): Capex {
  if (!catalog.facilityCosts.has(facilityCost)) return { lines: [], missing: [`facility cost "${facilityCost}" (facilityCosts)`] };
  const f = catalog.facilityCosts.get(facilityCost);
  const mw = itLoadKw / 1000;
  const m = f.maintenanceShareOfCapex;
  return {
    lines: [
      { category: "network", capexUsd: scaled(f.networkUsdPerGpu, gpuCount), usefulLifeYears: f.networkUsefulLifeYears, maintenanceShareOfCapex: m },
      { category: "shell", capexUsd: scaled(f.shellUsdPerMwIt, mw), usefulLifeYears: f.shellUsefulLifeYears, maintenanceShareOfCapex: m },
      { category: "electrical", capexUsd: scaled(f.electricalUsdPerMwIt, mw), usefulLifeYears: f.electricalUsefulLifeYears, maintenanceShareOfCapex: m },
      { category: "mechanical", capexUsd: scaled(f.mechanicalUsdPerMwIt, mw), usefulLifeYears: f.mechanicalUsefulLifeYears, maintenanceShareOfCapex: m },
    ],
    missing: [],
  };
}

/** Generation a campus owns: `contractedMw` of a source. */
export function generationCapex(catalog: Catalog, source: string, contractedMw: number): Capex {
  if (!catalog.generationCosts.has(source)) return { lines: [], missing: [`generation source "${source}" (generationCosts)`] };
  const g = catalog.generationCosts.get(source);
  return { lines: [{ category: "generation", capexUsd: scaled(g.usdPerKw, contractedMw * 1000), usefulLifeYears: g.usefulLifeYears, maintenanceShareOfCapex: g.maintenanceShareOfCapex }], missing: [] };
}

/** Several capex results as one; lines of the same category, life and maintenance share merge. */
export function combined(parts: readonly Capex[]): Capex {
  const merged = new Map<string, CapexLine>();
  for (const line of parts.flatMap((p) => p.lines)) {
    const key = `${line.category}|${line.usefulLifeYears}|${line.maintenanceShareOfCapex}`;
    const seen = merged.get(key);
    merged.set(key, seen ? { ...seen, capexUsd: total([seen.capexUsd, line.capexUsd]) } : { ...line, capexUsd: { ...line.capexUsd } });
  }
  const order = (c: string) => CAPEX_CATEGORIES.indexOf(c as CapexCategory);
  return {
    lines: [...merged.values()].sort((a, b) => order(a.category) - order(b.category) || a.usefulLifeYears - b.usefulLifeYears),
    missing: [...new Set(parts.flatMap((p) => p.missing))],
  };
}

/** Capex by category (lines of one category summed). */
export function byCategory(capex: Capex): { category: string; capexUsd: UsdRange }[] {
  return CAPEX_CATEGORIES.flatMap((category) => {
    const lines = capex.lines.filter((l) => l.category === category);
    return lines.length ? [{ category, capexUsd: total(lines.map((l) => l.capexUsd)) }] : [];
  });
}

/** Total capex. */
export function capexTotal(capex: Capex): UsdRange {
  return capex.lines.length ? total(capex.lines.map((l) => l.capexUsd)) : { ...ZERO };
}

/** Price per MWh of energy a contract buys: its own, else the catalog's for its source (undefined: missing). */
export function energyPriceOf(catalog: Catalog, source: string, stated: number | undefined): UsdRange | undefined {
  if (stated !== undefined) return exactly(stated);
  return catalog.energyPrices.has(source) ? { ...catalog.energyPrices.get(source).usdPerMwh } : undefined;
}
