/**
 * The uncertain figures of a plan: every figure of a catalog entry the plan read that carries a range (an entry's
 * `ranges`, a cooling technology's `powerKwPerKwHeatRange`, each price's low/base/high), and the catalog a sample
 * plans with once its figures are drawn. Which entries a plan reads is recorded while it is made, so a figure the plan
 * never touches is never drawn (drawing it would change nothing, and would dilute the tornado).
 */
import type { Catalog } from "../catalog";
import type { CatalogSection } from "../catalog/registry";
import { numberAt, withNumberAt, type FigureRanges } from "../catalog/figureRange";

/** Catalog sections whose entries hold figures a plan reads. */
export const FIGURE_SECTIONS = [
  "accelerators", "nodeDesigns", "rackDesigns", "coolingTechnologies", "generationSources", "climates", "markets",
  "rackHardwareCosts", "coolingPlantCosts", "facilityCosts", "generationCosts", "energyPrices", "waterPrices",
] as const;
export type FigureSection = (typeof FIGURE_SECTIONS)[number];

/** One figure drawn by a confidence run. */
export interface UncertainFigure {
  /** `<section>/<entry id>/<field path>`, e.g. `rackDesigns/gb300-nvl72/switchPowerW`. */
  key: string;
  section: FigureSection;
  id: string;
  /** The field, a dotted path for a nested one (`cdu.approachK`; a price's base, `usdPerRack.base`). */
  path: string;
  low: number;
  /** The catalog's own figure: the most likely value. */
  base: number;
  high: number;
  /** Where the range comes from. */
  note: string;
  /**
   * Figures drawn together, at the same quantile of their ranges: the points of one curve (`ambientDerating.points.*.
   * fraction`), which drawn apart could cross and make no curve at all. Its own key for a figure on its own.
   */
  group: string;
}

type AnyEntry = { id: string } & Record<string, unknown>;

function sectionOf(catalog: Catalog, section: FigureSection): CatalogSection<AnyEntry> {
  return catalog[section] as unknown as CatalogSection<AnyEntry>;
}

/** `{ low, base, high }` of finite numbers with low <= base <= high: a price range. */
function isPriceRange(v: unknown): v is { low: number; base: number; high: number } {
  if (typeof v !== "object" || v === null) return false;
  const { low, base, high } = v as Record<string, unknown>;
  return [low, base, high].every((x) => typeof x === "number" && Number.isFinite(x)) && (low as number) <= (base as number) && (base as number) <= (high as number);
}

function sourceTitle(entry: AnyEntry): string {
  const source = entry.source as { title?: unknown } | undefined;
  return typeof source?.title === "string" ? source.title : "the entry's source";
}

/** The ranged figures of one entry, in a fixed order (its ranges, then the section's own range fields). */
export function entryFigures(section: FigureSection, entry: AnyEntry): UncertainFigure[] {
  const figures: UncertainFigure[] = [];
  const add = (path: string, low: number, high: number, note: string) => {
    const base = numberAt(entry, path);
    // A range with no width draws nothing.
    const group = /(^|\.)\d+(\.|$)/.test(path) ? `${section}/${entry.id}/${path.replace(/(^|\.)\d+(?=\.|$)/g, "$1*")}` : `${section}/${entry.id}/${path}`;
    if (base !== undefined && high > low) figures.push({ key: `${section}/${entry.id}/${path}`, section, id: entry.id, path, low, base, high, note, group });
  };
  const ranges = entry.ranges as FigureRanges | undefined;
  for (const [path, r] of Object.entries(ranges ?? {})) add(path, r.low, r.high, r.note);
  if (section === "coolingTechnologies" && Array.isArray(entry.powerKwPerKwHeatRange)) {
    const [low, high] = entry.powerKwPerKwHeatRange as [number, number];
    add("powerKwPerKwHeat", low, high, `the technology's powerKwPerKwHeatRange (${sourceTitle(entry)})`);
  }
  // Prices: every { low, base, high } field of a cost entry is drawn at its base.
  for (const [field, value] of Object.entries(entry)) {
    if (field !== "ranges" && isPriceRange(value)) add(`${field}.base`, value.low, value.high, `the price's low-high range (${sourceTitle(entry)})`);
  }
  return figures;
}

/**
 * A copy of `catalog` that records every entry read from the sections with figures (`<section>/<id>`), through `get`,
 * the one way the model reads an entry.
 */
export function recordingCatalog(catalog: Catalog): { catalog: Catalog; read: Set<string> } {
  const copy = catalog.copy();
  const read = new Set<string>();
  for (const section of FIGURE_SECTIONS) {
    const s = sectionOf(copy, section);
    const get = s.get.bind(s);
    s.get = (id: string) => {
      read.add(`${section}/${id}`);
      return get(id);
    };
  }
  return { catalog: copy, read };
}

/** The ranged figures of the entries in `read` (`<section>/<id>`), in section then id order. */
export function figuresRead(catalog: Catalog, read: ReadonlySet<string>): UncertainFigure[] {
  return FIGURE_SECTIONS.flatMap((section) =>
    sectionOf(catalog, section).list().filter((e) => read.has(`${section}/${e.id}`)).flatMap((e) => entryFigures(section, e as AnyEntry)));
}

/**
 * A copy of `catalog` with each figure at its drawn value, every entry registered again (so checked as a user's entry
 * is: a drawn figure can never make an invalid one), and each climate read given `weatherSeed` (another year of it)
 * when one is set. `values` holds a value per figure, by key.
 */
export function catalogWith(catalog: Catalog, figures: readonly UncertainFigure[], values: ReadonlyMap<string, number>, climates: { ids: readonly string[]; weatherSeed?: (climate: { id: string; weatherSeed?: string }) => string } = { ids: [] }): Catalog {
  const copy = catalog.copy();
  // Figures of one entry are set together, then the entry is registered once.
  const changed = new Map<string, { section: FigureSection; entry: AnyEntry }>();
  for (const f of figures) {
    const value = values.get(f.key);
    if (value === undefined || value === f.base) continue;
    const key = `${f.section}/${f.id}`;
    const current = changed.get(key)?.entry ?? (sectionOf(copy, f.section).get(f.id) as AnyEntry);
    changed.set(key, { section: f.section, entry: withNumberAt(current, f.path, value) });
  }
  if (climates.weatherSeed) {
    for (const id of climates.ids) {
      const key = `climates/${id}`;
      const current = changed.get(key)?.entry ?? (sectionOf(copy, "climates").get(id) as AnyEntry);
      changed.set(key, { section: "climates", entry: { ...current, weatherSeed: climates.weatherSeed(current as { id: string; weatherSeed?: string }) } });
    }
  }
  for (const { section, entry } of changed.values()) sectionOf(copy, section).register(entry, { replace: true });
  return copy;
}
