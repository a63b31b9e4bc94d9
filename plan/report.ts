/** What a plan run shows, as data: resources by type, the component tree, budgets, findings and the verdict. */
import { campusGpuPower, type CampusGpuPower } from "./gpuPower";
import type { CapexLine } from "../components/costs/capex";
import type { CostYearRow, Financing } from "../components/costs/campusCost";
import type { CampusFinance } from "../components/finance/types";
import { isUsdRange, type UsdRange } from "../components/costs/range";
import type { MonthlyRow } from "../components/hours/campusHours";
import type { YearRow } from "../components/years/ledger";
import type { CampusSeries } from "../components/model/plan";
import type { ConfidenceReport } from "./confidence/types";
import { reportProvenance, type ReportProvenance } from "./provenance";
import { utcDay } from "../policies/exemptions";
import { EnforcedFinding, hasMandatoryViolation } from "../policies/evaluate";
import type { ExemptionSummary } from "../policies/exemptions";
import type { FindingExemption } from "../policies/finding";
import { ofType, prop, TYPES } from "../policies/view";
import type { ResourceView } from "../policies/view";
import type { PlanRun } from "./runProgram";
import { printableConfig } from "./stackConfig";
import { reportLocations, type ReportLocations } from "./locations";
import { campusWorstTimes, type CampusWorstTimes } from "./worstTimes";
import { campusWaterScarcity, type CampusWaterScarcity } from "../report/data";

export interface TypeCount {
  type: string;
  count: number;
}

export interface TreeNode {
  name: string;
  type: string;
  children: TreeNode[];
  /** Resources below this node that the tree does not show (deeper than the depth, or past the sibling limit). */
  hidden: number;
}

/** The tightest of the resources one budget was checked on. */
export interface BudgetRow {
  policy: string;
  budget: string;
  enforcementLevel: string;
  /** Resources checked against this budget. */
  checked: number;
  /** The resource with the least headroom. */
  resourceName: string;
  used: number;
  limit: number;
  unit: string;
  bound: "max" | "min";
  /** Limit minus used (used minus limit for a minimum); negative when broken. */
  headroom: number;
  /** The worst hour or day the used value comes from, for budgets set by one. */
  at?: string;
  /**
   * Headroom as a share of the limit's size. Absent when the limit is 0 (a share of 0 is no number: any excess over a
   * limit of 0 is infinitely many times it), so a report never carries an infinite or null share; `headroom` still holds.
   */
  headroomShare?: number;
  violations: number;
  /** Of those violations, the ones a live exemption covers (counted in `violations`, not blocking). */
  exempted?: number;
}

export interface PlanReport {
  project: string;
  stack: string;
  /** Set when the real engine previewed the program (`aicluster check --engine`); absent under the mocks. */
  engine?: { previewSeconds: number };
  config: Record<string, string>;
  resourceCount: number;
  resourcesByType: TypeCount[];
  tree: TreeNode[];
  outputs: Record<string, unknown>;
  budgets: BudgetRow[];
  /** Each campus's build-out year by year over its horizon (one undated row for a campus without dates). */
  years: CampusYears[];
  /**
   * Each campus's cost: capex by category, totals, unit costs and the cost ledger year by year. Always set by
   * buildReport; optional only so that reports built by hand (tests, older JSON) stay valid: absent reads as none.
   */
  costs?: CampusCosts[];
  /** Each campus's year by month, from the hourly model. */
  monthly: CampusMonths[];
  /** Each campus's worst hours (or days) per hourly budget, one per day, worst first. Always set by buildReport; optional so hand-built and older reports stay valid. */
  worstTimes?: CampusWorstTimes[];
  /** Each campus's hourly series (8,760 values each), when asked for: they are large. */
  hourly?: CampusHourlySeries[];
  /** Each campus's rack groups and the GPU power each is counted at (nameplate or provisioned). Always set by buildReport; optional so hand-built and older reports stay valid. */
  gpuPower?: CampusGpuPower[];
  /** Violations (exempted ones included, each carrying its `exemption`) and checks that could not be made. */
  findings: EnforcedFinding[];
  /**
   * Every exemption in the policy config and what became of it: applied (it exempted violations; for a blocking rule
   * it lets the plan pass), expired, or unused. Always set by buildReport; optional so hand-built and older reports stay valid.
   */
  exemptions?: ExemptionSummary[];
  /** Where findings point in the repository (SARIF, annotations): the stack config file, and program lines when recorded. */
  locations?: ReportLocations;
  /** `--samples`: each budget over the catalog's ranges and other weather years, and what decides it. */
  confidence?: ConfidenceReport;
  /** What the report is: tool and version, the day, the scale, the weather. Always set by buildReport; optional so hand-built and older reports stay valid. */
  provenance?: ReportProvenance;
  verdict: "pass" | "fail";
  wallSeconds: number;
}

export interface CampusMonths {
  campus: string;
  /** The year the months are of: the campus's full-build year (absent for an undated campus). */
  year?: number;
  /** Where the weather hours come from. */
  weather: string;
  rows: MonthlyRow[];
}

export interface CampusYears {
  campus: string;
  /** The planning horizon, first and last year inclusive (absent for an undated campus). */
  horizonStartYear?: number;
  horizonEndYear?: number;
  /** First year with every hall online (absent for an undated campus). */
  fullBuildYear?: number;
  /** The campus's `years` output as published: one row per year of the horizon, or one undated row. */
  rows: YearRow[];
  /** The one basis the campus counted every carbon figure on ("operational": combustion; "lifecycle"); absent when the campus did not publish it. */
  carbonBasis?: "operational" | "lifecycle";
  /** Whether the campus counted proposed contracts ("exclude" or "count"); absent when it did not publish it. */
  proposedContracts?: "exclude" | "count";
  /**
   * What weighs the campus's consumed water by scarcity, as it published it: catalog id, AWARE region and annual
   * factor, baseline water stress, scarcity-weighted water and WUE in the full-build year; absent when the site's
   * water scarcity is not known.
   */
  waterScarcity?: CampusWaterScarcity;
}

/** A campus's cost outputs as published (a range the campus did not publish as { low, base, high } is left out). */
export interface CampusCosts {
  campus: string;
  /** First year with every hall online, the year of the unit costs per GPU-hour and per MWh (absent: undated). */
  fullBuildYear?: number;
  /** Capex lines as published (lines of one category with different lives or maintenance shares stay apart). */
  capex: CapexLine[];
  /** Total capex over the horizon, USD. */
  capexUsd?: UsdRange;
  capexUsdPerMwIt?: UsdRange;
  capexUsdPerGpu?: UsdRange;
  /** In the full-build year, USD. */
  costUsdPerGpuHour?: UsdRange;
  energyCostUsdPerMwh?: UsdRange;
  /** The campus's `costYears` output as published: one row per year of the horizon, or one undated row. */
  rows: CostYearRow[];
  /** What the cost catalog has no price for: the cost figures leave it out. */
  costMissing: string[];
  financing?: Financing;
  /** The campus's money over its horizon (cost of capital, present values, refresh, cash flows by party, rental bands), as published. */
  finance?: CampusFinance;
}

export interface CampusHourlySeries {
  campus: string;
  /** Calendar year of the series: the campus's full-build year (absent for an undated campus). */
  year?: number;
  /** Hour 0 is 1 January 00:00-01:00 local standard time, which is UTC plus this many hours. */
  utcOffsetHours: number;
  /** Hour 0 is 1 January 00:00-01:00 local standard time. */
  facilityMw: number[];
  itMw: number[];
  waterM3: number[];
  unservedMw: number[];
  cleanMw: number[];
}

/** Siblings of one type shown before the rest are counted as hidden. */
export const SIBLINGS_SHOWN = 3;

function typeName(type: string): string {
  return type.split(":").pop()!;
}

export function countByType(views: readonly ResourceView[]): TypeCount[] {
  const counts = new Map<string, number>();
  for (const v of views) counts.set(v.type, (counts.get(v.type) ?? 0) + 1);
  return [...counts].map(([type, count]) => ({ type, count })).sort((a, b) => b.count - a.count || a.type.localeCompare(b.type));
}

/** The component tree to `depth` levels; past SIBLINGS_SHOWN siblings of one type, the rest are only counted. */
export function componentTree(views: readonly ResourceView[], depth: number): TreeNode[] {
  const children = new Map<string | undefined, ResourceView[]>();
  const known = new Set(views.map((v) => v.urn));
  for (const v of views) {
    const parent = v.parent !== undefined && known.has(v.parent) ? v.parent : undefined;
    const list = children.get(parent) ?? children.set(parent, []).get(parent)!;
    list.push(v);
  }
  const size = (v: ResourceView): number => 1 + (children.get(v.urn) ?? []).reduce((s, c) => s + size(c), 0);
  const build = (v: ResourceView, level: number): TreeNode => {
    const kids = children.get(v.urn) ?? [];
    if (level >= depth) return { name: v.name, type: typeName(v.type), children: [], hidden: kids.reduce((s, c) => s + size(c), 0) };
    const shown: TreeNode[] = [];
    const perType = new Map<string, number>();
    let hidden = 0;
    for (const c of kids) {
      const n = (perType.get(c.type) ?? 0) + 1;
      perType.set(c.type, n);
      if (n <= SIBLINGS_SHOWN) shown.push(build(c, level + 1));
      else hidden += size(c);
    }
    return { name: v.name, type: typeName(v.type), children: shown, hidden };
  };
  return (children.get(undefined) ?? []).map((root) => build(root, 1));
}

/** One row per budget: how many resources were checked and the tightest of them. */
export function budgetRows(findings: readonly EnforcedFinding[]): BudgetRow[] {
  const rows = new Map<string, BudgetRow>();
  // The ranking share of each row's tightest resource: with a limit of 0, 0 when it holds and −Infinity when broken
  // (never published: the row omits headroomShare then).
  const shares = new Map<string, number>();
  for (const f of findings) {
    if (f.status === "not-applicable" || f.budget === undefined || f.measured === undefined || f.limit === undefined) continue;
    const bound = f.bound ?? "max";
    const headroom = bound === "max" ? f.limit - f.measured : f.measured - f.limit;
    const headroomShare = f.limit === 0 ? (headroom >= 0 ? 0 : -Infinity) : headroom / Math.abs(f.limit);
    const key = `${f.policy}\u0000${f.budget}`;
    const row = rows.get(key);
    const violations = (row?.violations ?? 0) + (f.status === "violation" ? 1 : 0);
    const exempted = (row?.exempted ?? 0) + (f.status === "violation" && f.exemption ? 1 : 0);
    // With a limit of 0 (a margin that must stay at or above 0 K) shares tie, so the smaller headroom is the tighter.
    const rowShare = shares.get(key) ?? Infinity;
    if (!row || headroomShare < rowShare || (headroomShare === rowShare && headroom < row.headroom)) {
      shares.set(key, headroomShare);
      rows.set(key, {
        policy: f.policy, budget: f.budget, enforcementLevel: f.enforcementLevel, checked: (row?.checked ?? 0) + 1,
        resourceName: f.resourceName, used: f.measured, limit: f.limit, unit: f.unit ?? "", bound, headroom,
        ...(f.limit === 0 ? {} : { headroomShare }), violations, exempted,
        ...(f.at === undefined ? {} : { at: f.at }),
      });
    } else {
      row.checked += 1;
      row.violations = violations;
      row.exempted = exempted;
    }
  }
  return [...rows.values()];
}

function isMonthlyRows(value: unknown): value is MonthlyRow[] {
  return Array.isArray(value) && value.length === 12 && value.every((r) => typeof r === "object" && r !== null && typeof (r as MonthlyRow).month === "string");
}

/** The monthly table each campus published. */
export function campusMonths(views: readonly ResourceView[]): CampusMonths[] {
  return ofType(views, TYPES.campus)
    .filter((v) => isMonthlyRows(prop(v, "monthly")))
    .map((v) => {
      const year = yearOf(prop(v, "fullBuildYear"));
      return { campus: v.name, ...(year === undefined ? {} : { year }), weather: String(prop(v, "weather") ?? "-"), rows: prop(v, "monthly") as MonthlyRow[] };
    });
}

function isYearRows(value: unknown): value is YearRow[] {
  return Array.isArray(value) && value.length > 0 && value.every((r) =>
    typeof r === "object" && r !== null &&
    typeof (r as YearRow).hallsOnline === "number" && typeof (r as YearRow).peakFacilityPowerMw === "number" && typeof (r as YearRow).firmMw === "number");
}

function yearOf(value: unknown): number | undefined {
  return typeof value === "number" && Number.isInteger(value) ? value : undefined;
}

/** The year-by-year ledger each campus published (campuses without a readable `years` output are left out). */
export function campusYears(views: readonly ResourceView[]): CampusYears[] {
  return ofType(views, TYPES.campus)
    .filter((v) => isYearRows(prop(v, "years")))
    .map((v) => {
      const start = yearOf(prop(v, "horizonStartYear"));
      const end = yearOf(prop(v, "horizonEndYear"));
      const full = yearOf(prop(v, "fullBuildYear"));
      const basis = prop(v, "carbonBasis");
      const proposed = prop(v, "proposedContracts");
      const scarcity = campusWaterScarcity((key) => prop(v, key as never));
      return {
        campus: v.name,
        ...(basis === "operational" || basis === "lifecycle" ? { carbonBasis: basis } : {}),
        ...(proposed === "exclude" || proposed === "count" ? { proposedContracts: proposed } : {}),
        ...(start === undefined ? {} : { horizonStartYear: start }),
        ...(end === undefined ? {} : { horizonEndYear: end }),
        ...(full === undefined ? {} : { fullBuildYear: full }),
        ...(scarcity ? { waterScarcity: scarcity } : {}),
        rows: prop(v, "years") as YearRow[],
      };
    });
}


/** The campus's totals and unit costs, each a { low, base, high } range. */
const COST_RANGE_KEYS = ["capexUsd", "capexUsdPerMwIt", "capexUsdPerGpu", "costUsdPerGpuHour", "energyCostUsdPerMwh"] as const;
type CostRangeKey = (typeof COST_RANGE_KEYS)[number];

function isCostRows(value: unknown): value is CostYearRow[] {
  return Array.isArray(value) && value.length > 0 && value.every((r) => typeof r === "object" && r !== null && isUsdRange((r as CostYearRow).capexUsd));
}

function isCapexLine(value: unknown): value is CapexLine {
  return typeof value === "object" && value !== null && typeof (value as CapexLine).category === "string" && isUsdRange((value as CapexLine).capexUsd);
}

/** Whether a published `finance` output has the shape the report reads (its ranges finite, its tables lists). */
function isCampusFinance(value: unknown): value is CampusFinance {
  if (typeof value !== "object" || value === null) return false;
  const f = value as CampusFinance;
  return typeof f.structure === "string" && isUsdRange(f.tcoUsd) && isUsdRange(f.npvUsd) && isUsdRange(f.levelisedCostUsdPerGpuHour)
    && Array.isArray(f.cashFlows) && Array.isArray(f.parties) && Array.isArray(f.rentalBands) && Array.isArray(f.refreshes);
}

/** Whether a published `financing` output is one the report can describe: each field it reads of the right type. */
function isFinancing(value: unknown): value is Financing {
  if (typeof value !== "object" || value === null) return false;
  const f = value as Record<string, unknown>;
  const numbers = ["partnerShareOfFacility", "leaseRatePerYear", "debtUsd", "couponRate", "debtIssueYear", "maturityYear", "partnerDebtShare", "partnerEquityReturn", "leaseTermYears", "saleYear", "salePriceUsd", "leaseRate"];
  const loan = f.constructionLoan as Record<string, unknown> | undefined;
  return (f.structure === undefined || typeof f.structure === "string")
    && (f.partner === undefined || typeof f.partner === "string")
    && numbers.every((k) => f[k] === undefined || (typeof f[k] === "number" && Number.isFinite(f[k])))
    && (loan === undefined || (typeof loan === "object" && loan !== null && ["shareOfCapex", "rate", "termYears"].every((k) => typeof loan[k] === "number" && Number.isFinite(loan[k]))));
}

/**
 * The cost outputs each campus published (campuses without a readable `costYears` output are left out; capex lines,
 * ranges, missing prices and financing that are not what the campus publishes are left out of its entry).
 */
export function campusCosts(views: readonly ResourceView[]): CampusCosts[] {
  return ofType(views, TYPES.campus)
    .filter((v) => isCostRows(prop(v, "costYears")))
    .map((v) => {
      const full = yearOf(prop(v, "fullBuildYear"));
      const ranges: Pick<CampusCosts, CostRangeKey> = {};
      for (const key of COST_RANGE_KEYS) {
        const range = prop(v, key);
        if (isUsdRange(range)) ranges[key] = range;
      }
      const capex = prop(v, "capex");
      const missing = prop(v, "costMissing");
      const financing = prop(v, "financing");
      const finance = prop(v, "finance");
      return {
        campus: v.name,
        ...(full === undefined ? {} : { fullBuildYear: full }),
        capex: Array.isArray(capex) ? capex.filter(isCapexLine) : [],
        ...ranges,
        rows: prop(v, "costYears") as CostYearRow[],
        costMissing: Array.isArray(missing) ? missing.filter((m): m is string => typeof m === "string") : [],
        ...(isFinancing(financing) ? { financing } : {}),
        ...(isCampusFinance(finance) ? { finance } : {}),
      };
    });
}

/** The hourly series of each campus of the run (by URN). */
export function campusHourlySeries(views: readonly ResourceView[], series: ReadonlyMap<string, CampusSeries>): CampusHourlySeries[] {
  return views.flatMap((v) => {
    const hours = v.type === TYPES.campus ? series.get(v.urn)?.hours : undefined;
    if (!hours) return [];
    return [{
      campus: v.name, ...(hours.year === undefined ? {} : { year: hours.year }), utcOffsetHours: hours.utcOffsetHours, facilityMw: Array.from(hours.facilityMw), itMw: Array.from(hours.itMw), waterM3: Array.from(hours.waterM3),
      unservedMw: Array.from(hours.supply.unservedMw), cleanMw: Array.from(hours.supply.cleanMw),
    }];
  });
}

/**
 * The exemptions' summary: the run's own (policies/evaluate.ts `evaluatePolicies`, which knows the config) when it has
 * one; otherwise what the findings show, applied and expired exemptions only (unused ones are only known from the
 * config), with the violating resources standing for the matched ones.
 */
export function exemptionSummaries(findings: readonly EnforcedFinding[], fromRun?: readonly ExemptionSummary[]): ExemptionSummary[] {
  if (fromRun) return [...fromRun];
  const byKey = new Map<string, ExemptionSummary>();
  const add = (f: EnforcedFinding, e: FindingExemption, state: "applied" | "expired") => {
    const key = `${state}\u0000${f.policy}\u0000${e.pattern}`;
    const s = byKey.get(key) ?? byKey.set(key, {
      policy: f.policy, enforcementLevel: f.enforcementLevel, resource: e.pattern, reason: e.reason,
      ...(e.expires === undefined ? {} : { expires: e.expires }), ...(e.ticket === undefined ? {} : { ticket: e.ticket }),
      state, violations: 0, violatingResources: [], matchedResources: 0,
    }).get(key)!;
    s.violations += 1;
    if (!s.violatingResources.includes(f.resourceName)) s.violatingResources.push(f.resourceName);
    s.matchedResources = s.violatingResources.length;
  };
  for (const f of findings) {
    if (f.status !== "violation") continue;
    if (f.exemption) add(f, f.exemption, "applied");
    else if (f.expiredExemption) add(f, f.expiredExemption, "expired");
  }
  return [...byKey.values()];
}

/** A plan run, with the exemptions' summary when the run evaluated with `evaluatePolicies`. */
export type PlanRunWithExemptions = PlanRun & { exemptions?: readonly ExemptionSummary[] };

export function buildReport(run: PlanRunWithExemptions, treeDepth: number, withHourly = false, madeOn: string = utcDay()): PlanReport {
  return {
    project: run.project,
    stack: run.stack,
    provenance: reportProvenance(run.views, run.outputs, run.config, run.project, madeOn),
    ...(run.engine ? { engine: { previewSeconds: run.engine.previewSeconds } } : {}),
    config: printableConfig(run.config, run.project, run.secretKeys),
    resourceCount: run.views.length,
    resourcesByType: countByType(run.views),
    tree: componentTree(run.views, treeDepth),
    // By name: the engine hands outputs over sorted, the mocks in the order the program exported them.
    outputs: Object.fromEntries(Object.entries(run.outputs).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))),
    budgets: budgetRows(run.findings),
    years: campusYears(run.views),
    costs: campusCosts(run.views),
    monthly: campusMonths(run.views),
    worstTimes: campusWorstTimes(run.views, run.series),
    gpuPower: campusGpuPower(run.views),
    ...(withHourly ? { hourly: campusHourlySeries(run.views, run.series) } : {}),
    findings: run.findings.filter((f) => f.status !== "pass"),
    exemptions: exemptionSummaries(run.findings, run.exemptions),
    // Runs built by hand (tests) may have no project folder: their results point at no file.
    ...(run.projectDir && run.stackConfigFile ? { locations: reportLocations(run.projectDir, run.stackConfigFile, run.locations ?? new Map(), new Set(run.findings.filter((f) => f.status !== "pass").map((f) => f.resourceUrn))) } : {}),
    verdict: hasMandatoryViolation(run.findings) ? "fail" : "pass",
    wallSeconds: run.wallSeconds,
  };
}
