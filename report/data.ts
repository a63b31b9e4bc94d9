/**
 * What the HTML report draws, read from a plan's resource views (the footprints each component registered), its
 * report (budgets, findings, tree, ledgers) and the hours the campus model kept. Plain data: the charts only lay it
 * out, so they can be tested on hand-built data.
 */
import { recordedCampusHours, recordedSupplyMarginK } from "../components/model/campus";
import { catalog } from "../components/catalog";
import type { CostYearRow } from "../components/costs/campusCost";
import type { YearRow } from "../components/years/ledger";
import type { EnforcedFinding } from "../policies/evaluate";
import { TYPES, type ResourceView } from "../policies/view";
import type { BudgetRow, PlanReport, TreeNode } from "../plan/report";

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

export interface CampusData {
  name: string;
  weather?: string;
  fullBuildYear?: number;
  contracts: ContractFlow[];
  unservedMwh: number;
  halls: HallEnergy[];
  waterPermitM3PerYear?: number;
  plants: PlantWater[];
  /** Per hour of the full-build year: the smallest supply-temperature margin over the halls (K) and unserved MW. */
  supplyMarginK?: number[];
  unservedMw?: number[];
  years: YearRow[];
  costYears: CostYearRow[];
  strips: HallStrip[];
}

export interface ReportData {
  stack: string;
  verdict: "pass" | "fail";
  campuses: CampusData[];
  budgets: BudgetRow[];
  findings: EnforcedFinding[];
  tree: TreeNode[];
}

const num = (v: unknown): number => (typeof v === "number" && Number.isFinite(v) ? v : 0);
const str = (v: unknown): string => (typeof v === "string" ? v : "");

/** Views whose parent is `urn`, of one of `types`. */
function childrenOf(views: readonly ResourceView[], urn: string, ...types: string[]): ResourceView[] {
  return views.filter((v) => v.parent === urn && types.includes(v.type));
}

/** A hall's name without its campus prefix (`prometheus-hall-1` → `hall-1`). */
function shortName(full: string, parent: string): string {
  return full.startsWith(`${parent}-`) ? full.slice(parent.length + 1) : full;
}

function hallEnergy(hall: ResourceView, plant: ResourceView | undefined, campus: string): HallEnergy {
  const p = hall.props;
  const itKw = num(p.itLoadKw);
  const hoursAtFullLoad = itKw > 0 ? (num(p.annualItEnergyMwh) * 1000) / itKw : 0; // Σ utilisation over the hours
  const mwh = (kw: number) => (kw * hoursAtFullLoad) / 1000;
  return {
    name: shortName(hall.name, campus),
    racksMwh: mwh(itKw - num(p.networkKw)),
    networkMwh: mwh(num(p.networkKw)),
    coolingMwh: num(plant?.props.coolingEnergyMwhPerYear),
    electricalLossMwh: mwh(num(p.electricalLossKw)),
    airHandlingMwh: mwh(num(p.airHandlingKw)),
    cduPumpsMwh: mwh(num(p.cduPumpKw)),
  };
}

function plantWater(plant: ResourceView, hall: string): PlantWater {
  const technology = str(plant.props.technology);
  const makeupM3 = num(plant.props.waterM3PerYear);
  // Blowdown = make-up / cycles of concentration (mass balance; physics/water.ts).
  const cycles = catalog.coolingTechnologies.has(technology) ? catalog.coolingTechnologies.get(technology).cyclesOfConcentration : Infinity;
  const blowdownM3 = makeupM3 / cycles;
  return { hall, technology, makeupM3, evaporationM3: makeupM3 - blowdownM3, blowdownM3 };
}

function strip(hall: ResourceView, views: readonly ResourceView[], campus: string): HallStrip {
  const groups = childrenOf(views, hall.urn, TYPES.liquidRack, TYPES.airRack).map((g) => ({
    name: shortName(g.name, hall.name), design: str(g.props.design), rackCount: num(g.props.rackCount),
    itLoadPerRackKw: num(g.props.itLoadPerRackKw), ratedKwPerRack: num(g.props.ratedKwPerRack),
  }));
  const plant = childrenOf(views, hall.urn, TYPES.coolingPlant)[0];
  const maxRackKw = hall.props.maxRackKw;
  return {
    name: shortName(hall.name, campus),
    ...(typeof maxRackKw === "number" ? { maxRackKw } : {}),
    groups,
    ...(plant ? {
      plant: {
        technology: str(plant.props.technology), redundancy: str(plant.props.redundancy), heatLoadKw: num(plant.props.heatLoadKw),
        installedCapacityKw: num(plant.props.installedCapacityKw), firmCapacityKw: num(plant.props.firmCapacityKw),
      },
    } : {}),
  };
}

function campusData(campus: ResourceView, views: readonly ResourceView[], report: PlanReport): CampusData {
  const hours = recordedCampusHours(campus.name);
  const margin = recordedSupplyMarginK(campus.name);
  const halls = childrenOf(views, campus.urn, TYPES.dataHall);
  const contracts = childrenOf(views, campus.urn, TYPES.powerContract).map((c) => {
    const name = shortName(c.name, campus.name);
    return {
      name, source: str(c.props.source), contractedMw: num(c.props.contractedMw), firmMw: num(c.props.firmMw), delivery: str(c.props.delivery) || "physical",
      suppliedMwh: num(hours?.supply.suppliedMwh[name]),
    };
  });
  const plants = halls.flatMap((h) => childrenOf(views, h.urn, TYPES.coolingPlant).map((p) => plantWater(p, shortName(h.name, campus.name))));
  const permit = campus.props.waterPermitM3PerYear;
  return {
    name: campus.name,
    ...(typeof campus.props.weather === "string" ? { weather: campus.props.weather } : {}),
    ...(typeof campus.props.fullBuildYear === "number" ? { fullBuildYear: campus.props.fullBuildYear } : {}),
    contracts,
    unservedMwh: num(hours?.supply.unservedMwh),
    halls: halls.map((h) => hallEnergy(h, childrenOf(views, h.urn, TYPES.coolingPlant)[0], campus.name)),
    ...(typeof permit === "number" ? { waterPermitM3PerYear: permit } : {}),
    plants,
    ...(margin ? { supplyMarginK: Array.from(margin) } : {}),
    ...(hours ? { unservedMw: Array.from(hours.supply.unservedMw) } : {}),
    years: report.years.find((y) => y.campus === campus.name)?.rows ?? [],
    costYears: report.costs?.find((c) => c.campus === campus.name)?.rows ?? [],
    strips: halls.map((h) => strip(h, views, campus.name)),
  };
}

/** The report's data from a plan's views and report (call in the process that ran the plan: the hours are kept there). */
export function reportData(views: readonly ResourceView[], report: PlanReport): ReportData {
  return {
    stack: report.stack,
    verdict: report.verdict,
    campuses: views.filter((v) => v.type === TYPES.campus).map((c) => campusData(c, views, report)),
    budgets: report.budgets,
    findings: report.findings,
    tree: report.tree,
  };
}
