/**
 * What the HTML report draws, read from a plan's resource views (the footprints each component registered), its
 * report (budgets, findings, tree, ledgers) and the hours the campus model kept. Plain data: the charts only lay it
 * out, so they can be tested on hand-built data.
 */
import type { ReportProvenance } from "../plan/provenance";
import type { CampusSeries } from "../components/model/plan";
import type { CostYearRow } from "../components/costs/campusCost";
import type { CampusFinance } from "../components/finance/types";
import type { YearRow } from "../components/years/ledger";
import type { EnforcedFinding } from "../policies/evaluate";
import type { CampusOutputs, CoolingPlantOutputs, DataHallOutputs } from "../components/model/published";
import { ofType, prop, TYPES, type KeysWith, type PublishedBy, type ResourceView, type ViewOf } from "../policies/view";
import type { BudgetRow, PlanReport, TreeNode } from "../plan/report";
import type { ConfidenceReport } from "../plan/confidence/types";
import { energyOverFullLoadHoursMwh, fullLoadHours } from "../components/physics/power";

/** A contract's share of the full-build year's supply. */
export interface ContractFlow {
  name: string;
  source: string;
  contractedMw: number;
  firmMw: number;
  delivery: string;
  /** Energy taken from it in the full-build year, MWh (0 for a virtual PPA). */
  suppliedMwh: number;
}

/** Where one hall's energy goes in the full-build year, MWh. */
export interface HallEnergy {
  name: string;
  racksMwh: number;
  networkMwh: number;
  coolingMwh: number;
  electricalLossMwh: number;
  airHandlingMwh: number;
  cduPumpsMwh: number;
}

/** One hall's plant water in a year, m³. */
export interface PlantWater {
  hall: string;
  technology: string;
  makeupM3: number;
  evaporationM3: number;
  blowdownM3: number;
}

export interface RackGroupBlock {
  name: string;
  design: string;
  rackCount: number;
  itLoadPerRackKw: number;
  ratedKwPerRack: number;
}

export interface HallStrip {
  name: string;
  maxRackKw?: number;
  groups: RackGroupBlock[];
  plant?: { technology: string; redundancy: string; heatLoadKw: number; installedCapacityKw: number; firmCapacityKw: number };
}

/**
 * What weighs a campus's consumed water by scarcity (components/model/campus.ts): the catalog's water scarcity entry,
 * its AWARE 2.0 region and annual factor, Aqueduct's baseline water stress when the catalog has it, and the campus's
 * consumed water weighted by the monthly factors in its full-build year. Absent for a site whose scarcity is not known.
 * The texts come from the catalog, which users extend: every format escapes them like any user string.
 */
export interface CampusWaterScarcity {
  /** Catalog id of the water scarcity entry. */
  id: string;
  /** AWARE region, e.g. `US-TX`. */
  awareRegion: string;
  /** AWARE 2.0 annual factor, m³ world-eq per m³ consumed. */
  awareAnnualM3WorldEqPerM3: number;
  /** e.g. `extremely-high (score 4.39; Aqueduct 4.0, state)`; absent when the catalog has none. */
  baselineWaterStress?: string;
  /** Σ over months of consumed water × that month's AWARE factor, m³ world-eq (full-build year). */
  scarcityWeightedWaterM3PerYear: number;
  /** Scarcity-weighted water per IT kWh, L world-eq/kWh (absent when not published). */
  scarcityWeightedWueLPerKwh?: number;
}

/** A finite number (a published figure may be absent, or not a number in a report from another version). */
export const finite = (v: unknown): v is number => typeof v === "number" && Number.isFinite(v);

/** Shown in every format for a water-scarcity figure a campus does not have (its site's AWARE factor is not in the catalog). */
export const NOT_KNOWN = "not known";

/** A year's scarcity-weighted water, m³ world-eq: the row's, else the campus's published full-build figure; undefined when neither is known. */
export function weightedWaterOf(row: Pick<YearRow, "scarcityWeightedWaterM3">, scarcity: CampusWaterScarcity | undefined): number | undefined {
  return finite(row.scarcityWeightedWaterM3) ? row.scarcityWeightedWaterM3 : scarcity?.scarcityWeightedWaterM3PerYear;
}

/**
 * A campus's water scarcity as it published it (`waterScarcity`, `awareRegion`, `awareAnnualM3WorldEqPerM3`,
 * `baselineWaterStress`, `scarcityWeightedWaterM3PerYear`, `scarcityWeightedWueLPerKwh`); undefined when it published
 * none, or not in the shape it publishes (a region that is not a string, a factor or weighted water not finite).
 */
export function campusWaterScarcity(get: (key: string) => unknown): CampusWaterScarcity | undefined {
  const id = get("waterScarcity");
  const region = get("awareRegion");
  const factor = get("awareAnnualM3WorldEqPerM3");
  const weighted = get("scarcityWeightedWaterM3PerYear");
  if (typeof id !== "string" || typeof region !== "string" || !finite(factor) || !finite(weighted)) return undefined;
  const stress = get("baselineWaterStress");
  const wue = get("scarcityWeightedWueLPerKwh");
  return {
    id, awareRegion: region, awareAnnualM3WorldEqPerM3: factor,
    ...(typeof stress === "string" && stress !== "" ? { baselineWaterStress: stress } : {}),
    scarcityWeightedWaterM3PerYear: weighted,
    ...(finite(wue) ? { scarcityWeightedWueLPerKwh: wue } : {}),
  };
}

export interface CampusData {
  name: string;
  /**
   * Whether the campus's hourly series were there to read (kept by the model in this process, or handed back by the
   * engine). Without them the figures read from the hours (energy taken from each contract, unserved energy, the
   * hourly margins) are unknown, not zero: the charts that need them say so instead of drawing zeros.
   */
  hoursKept: boolean;
  weather?: string;
  fullBuildYear?: number;
  contracts: ContractFlow[];
  unservedMwh: number;
  halls: HallEnergy[];
  waterPermitM3PerYear?: number;
  /** The evaporated part of the make-up water in the full-build year (consumed; blowdown returns to the basin), m³ (absent in older reports). */
  waterConsumedM3PerYear?: number;
  /** What weighs that consumed water by scarcity; absent when the site's water scarcity is not known. */
  waterScarcity?: CampusWaterScarcity;
  /** The one basis the campus counted carbon on ("operational" or "lifecycle"), when it published it. */
  carbonBasis?: string;
  plants: PlantWater[];
  /** Per hour of the full-build year: the smallest supply-temperature margin over the halls (K) and unserved MW. */
  supplyMarginK?: number[];
  unservedMw?: number[];
  years: YearRow[];
  costYears: CostYearRow[];
  /** The campus's money over its horizon (cost of capital, present values, cash flows by party, rental bands), when it published it (absent in older reports: no money charts). */
  finance?: CampusFinance;
  strips: HallStrip[];
}

export interface ReportData {
  stack: string;
  verdict: "pass" | "fail";
  campuses: CampusData[];
  budgets: BudgetRow[];
  findings: EnforcedFinding[];
  tree: TreeNode[];
  /** `--samples`: each budget over the catalog's ranges and other weather years (absent: no confidence run). */
  confidence?: ConfidenceReport;
  /** What the report is: project, config, tool, day, scale, weather (absent in reports built by hand). */
  about?: { project: string; config: Record<string, string>; provenance?: ReportProvenance };
}

const num = (v: unknown): number => (typeof v === "number" && Number.isFinite(v) ? v : 0);
const str = (v: unknown): string => (typeof v === "string" ? v : "");

/** Views whose parent is `urn`, of one of `types`, typed by what they publish (fields by typed keys, as the rules read them). */
function childrenOf<T extends string>(views: readonly ResourceView[], urn: string, ...types: T[]): ViewOf<PublishedBy<T>>[] {
  return ofType(views, ...types).filter((v) => v.parent === urn);
}

/** A hall's name without its campus prefix (`prometheus-hall-1` → `hall-1`). */
function shortName(full: string, parent: string): string {
  return full.startsWith(`${parent}-`) ? full.slice(parent.length + 1) : full;
}

function hallEnergy(hall: ViewOf<DataHallOutputs>, plant: ViewOf<CoolingPlantOutputs> | undefined, campus: string): HallEnergy {
  const p = (key: KeysWith<DataHallOutputs, number>) => num(prop(hall, key));
  // Every part but cooling follows the IT profile: its energy is its kW over the hall's full-load hours (physics).
  const hours = fullLoadHours(p("annualItEnergyMwh"), p("itLoadKw"));
  const itKw = p("itLoadKw");
  const mwh = (kw: number) => energyOverFullLoadHoursMwh(kw, hours);
  return {
    name: shortName(hall.name, campus),
    racksMwh: mwh(itKw - p("networkKw")),
    networkMwh: mwh(p("networkKw")),
    coolingMwh: plant ? num(prop(plant, "coolingEnergyMwhPerYear")) : 0,
    electricalLossMwh: mwh(p("electricalLossKw")),
    airHandlingMwh: mwh(p("airHandlingKw")),
    cduPumpsMwh: mwh(p("cduPumpKw")),
  };
}

function plantWater(plant: ViewOf<CoolingPlantOutputs>, hall: string): PlantWater {
  const technology = str(prop(plant, "technology"));
  const makeupM3 = num(prop(plant, "waterM3PerYear"));
  // As the plant published them, at its own cycles of concentration (a plant's arg may differ from its technology's).
  return { hall, technology, makeupM3, evaporationM3: num(prop(plant, "evaporationM3PerYear")), blowdownM3: num(prop(plant, "blowdownM3PerYear")) };
}

function strip(hall: ViewOf<DataHallOutputs>, views: readonly ResourceView[], campus: string): HallStrip {
  const groups = childrenOf(views, hall.urn, TYPES.liquidRack, TYPES.airRack).map((g) => ({
    name: shortName(g.name, hall.name), design: str(prop(g, "design")), rackCount: num(prop(g, "rackCount")),
    itLoadPerRackKw: num(prop(g, "itLoadPerRackKw")), ratedKwPerRack: num(prop(g, "ratedKwPerRack")),
  }));
  const plant = childrenOf(views, hall.urn, TYPES.coolingPlant)[0];
  const maxRackKw = prop(hall, "maxRackKw");
  return {
    name: shortName(hall.name, campus),
    ...(typeof maxRackKw === "number" ? { maxRackKw } : {}),
    groups,
    ...(plant ? {
      plant: {
        technology: str(prop(plant, "technology")), redundancy: str(prop(plant, "redundancy")), heatLoadKw: num(prop(plant, "heatLoadKw")),
        installedCapacityKw: num(prop(plant, "installedCapacityKw")), firmCapacityKw: num(prop(plant, "firmCapacityKw")),
      },
    } : {}),
  };
}

function campusData(campus: ViewOf<CampusOutputs>, views: readonly ResourceView[], report: PlanReport, series: CampusSeries | undefined): CampusData {
  const hours = series?.hours;
  const margin = series?.supplyMarginK();
  const halls = childrenOf(views, campus.urn, TYPES.dataHall);
  const fullBuildYear = prop(campus, "fullBuildYear");
  const years = report.years.find((y) => y.campus === campus.name)?.rows ?? [];
  // The full-build year's row of the published ledger (an undated campus has one row): what each contract supplied.
  const fullYear = typeof fullBuildYear === "number" ? years.find((r) => r.year === fullBuildYear) : years[0];
  const contracts = childrenOf(views, campus.urn, TYPES.powerContract).map((c) => {
    const name = shortName(c.name, campus.name);
    const delivery = str(prop(c, "delivery")) || "physical";
    // A virtual PPA's energy is certificates, not energy the campus takes: it supplies nothing in the energy flows.
    const supplied = delivery === "physical" ? fullYear?.contracts?.find((y) => y.name === name)?.energyMwh : 0;
    return { name, source: str(prop(c, "source")), contractedMw: num(prop(c, "contractedMw")), firmMw: num(prop(c, "firmMw")), delivery, suppliedMwh: num(supplied) };
  });
  const plants = halls.flatMap((h) => childrenOf(views, h.urn, TYPES.coolingPlant).map((p) => plantWater(p, shortName(h.name, campus.name))));
  const permit = prop(campus, "waterPermitM3PerYear");
  const weather = prop(campus, "weather");
  const consumed = prop(campus, "waterConsumedM3PerYear");
  const scarcity = campusWaterScarcity((key) => prop(campus, key as never));
  const costs = report.costs?.find((c) => c.campus === campus.name);
  const finance = costs?.finance;
  return {
    name: campus.name,
    hoursKept: hours !== undefined,
    ...(typeof weather === "string" ? { weather } : {}),
    ...(typeof fullBuildYear === "number" ? { fullBuildYear } : {}),
    contracts,
    unservedMwh: num(prop(campus, "unservedEnergyMwh")),
    halls: halls.map((h) => hallEnergy(h, childrenOf(views, h.urn, TYPES.coolingPlant)[0], campus.name)),
    ...(typeof permit === "number" ? { waterPermitM3PerYear: permit } : {}),
    ...(finite(consumed) ? { waterConsumedM3PerYear: consumed } : {}),
    ...(scarcity ? { waterScarcity: scarcity } : {}),
    ...(typeof prop(campus, "carbonBasis") === "string" ? { carbonBasis: prop(campus, "carbonBasis") as string } : {}),
    plants,
    ...(margin ? { supplyMarginK: Array.from(margin) } : {}),
    ...(hours ? { unservedMw: Array.from(hours.supply.unservedMw) } : {}),
    years,
    costYears: costs?.rows ?? [],
    ...(finance && typeof finance === "object" ? { finance } : {}),
    strips: halls.map((h) => strip(h, views, campus.name)),
  };
}

/** The report's data from a plan's views and report (call in the process that ran the plan: the hours are kept there). */
/**
 * What the HTML report draws, from the run's published outputs (`views`), its campuses' series (by URN) and the
 * report built from them.
 */
export function reportData(run: { readonly views: readonly ResourceView[]; readonly series: ReadonlyMap<string, CampusSeries> }, report: PlanReport): ReportData {
  const { views, series } = run;
  return {
    stack: report.stack,
    verdict: report.verdict,
    campuses: ofType(views, TYPES.campus).map((c) => campusData(c, views, report, series.get(c.urn))),
    budgets: report.budgets,
    findings: report.findings,
    tree: report.tree,
    ...(report.confidence ? { confidence: report.confidence } : {}),
    about: { project: report.project, config: report.config, ...(report.provenance ? { provenance: report.provenance } : {}) },
  };
}
