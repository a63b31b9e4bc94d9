/**
 * Two or more plans lined up, as data: per budget each plan's used value, headroom and verdict with the differences
 * from the first plan; confidence; costs; the year ledger; the violations and the plans holding each; and a count of
 * what differs. Numbers stay numbers here (document.ts words them); values absent from a plan are undefined, figures
 * that were not finite null.
 */
import { findingFingerprint } from "../ciFormats";
import { FINANCE_RANGES, type Column, type ComparedFinance, type ComparedPlan, type ComparedYearRow, type Range } from "./load";

/** A budget's verdict in one plan: violated (not exempted), violated but every violation exempted, or holding. */
export type BudgetVerdict = "fails" | "exempted" | "holds";

export interface BudgetCell {
  resourceName: string;
  used: number | null;
  headroom: number | null;
  unit: string;
  verdict: BudgetVerdict;
}

/** One (policy, budget) present in any plan. */
export interface BudgetLine {
  policy: string;
  budget: string;
  /** The unit of the first plan holding it. */
  unit: string;
  /** Per plan; undefined where the plan has no such budget. */
  cells: (BudgetCell | undefined)[];
  /**
   * Per plan: used minus the first plan's (index 0 undefined; 0 for the same figure up to RELATIVE_TOLERANCE; null
   * where either is absent or not finite, or the units differ).
   */
  usedDiff: (number | null | undefined)[];
  headroomDiff: (number | null | undefined)[];
  /** The plans that hold it do not all give it the same verdict. */
  marked: boolean;
}

export interface ConfidenceCell {
  p10: number | null;
  p90: number | null;
  violationProbability: number | null;
}

export interface ConfidenceLine {
  policy: string;
  budget: string;
  unit: string;
  cells: (ConfidenceCell | undefined)[];
}

export interface CostCell {
  capexUsd?: Range;
  costUsdPerGpuHour?: Range;
  /** The campus's money (absent: a report from before it was published, or a campus without it). */
  finance?: ComparedFinance;
}

/** Per plan, a base value minus the first plan's (index 0 undefined; 0 for the same figure; null where either is absent). */
export type Diffs = (number | null | undefined)[];

export interface CostLine {
  campus: string;
  cells: (CostCell | undefined)[];
  /** Base values minus the first plan's (index 0 undefined; null where either is absent). */
  capexDiff: Diffs;
  costPerGpuHourDiff: Diffs;
  /** Of the money: levelised cost per GPU-hour, TCO, PV of costs, NPV, refresh capex and discount rate, each as capexDiff. */
  levelisedCostDiff: Diffs;
  tcoDiff: Diffs;
  presentValueCostDiff: Diffs;
  npvDiff: Diffs;
  refreshCapexDiff: Diffs;
  discountRateDiff: Diffs;
  /** Per plan: whether its structure / cost of capital differs from the first plan's (index 0 undefined; null where either plan has no such text). */
  structureDiffers: (boolean | null | undefined)[];
  costOfCapitalDiffers: (boolean | null | undefined)[];
}

export interface LedgerCell {
  firmMw: number | null;
  peakMw: number | null;
  headroomMw: number | null;
  energyGwh: number | null;
  waterM3: number | null;
}

export interface LedgerYear {
  /** Undefined: the undated row of a campus without dates. */
  year?: number;
  cells: (LedgerCell | undefined)[];
  differs: boolean;
}

export interface LedgerCampus {
  campus: string;
  years: LedgerYear[];
}

/**
 * A campus's water in one plan's full-build year (an undated campus's one row): consumed (evaporated) water, m³,
 * scarcity-weighted water, m³ world-eq, and scarcity-weighted WUE, L world-eq per kWh of IT energy. Undefined: not
 * known (a site without an AWARE factor, a report from before the figure was published); null: not finite.
 */
export interface WaterCell {
  year?: number;
  consumedM3: number | null | undefined;
  weightedM3: number | null | undefined;
  weightedWueLPerKwh: number | null | undefined;
}

export interface WaterLine {
  campus: string;
  /** Per plan; undefined where the plan has no such campus. */
  cells: (WaterCell | undefined)[];
  /** Each figure minus the first plan's (index 0 undefined; null where either is not known or not finite). */
  consumedDiff: Diffs;
  weightedDiff: Diffs;
  weightedWueDiff: Diffs;
  /** Per plan: whether its full-build year differs from the first plan's (index 0 undefined; null where either has none). */
  yearDiffers: (boolean | null | undefined)[];
}

/** A violation, matched across plans by policy, resource (its URN without stack and project) and budget. */
export interface FindingLine {
  policy: string;
  resourceName: string;
  budget?: string;
  /** The enforcement level, `exempted (<level>)` when an exemption covers it, as the first plan holding it has it. */
  level: string;
  /** Each plan's message (its first such violation's); undefined where the plan does not have it. */
  messages: (string | undefined)[];
  /** How many such violations each plan has. */
  counts: number[];
  /** Not in every plan the same number of times. */
  notInAll: boolean;
}

export interface Differences {
  project: boolean;
  stack: boolean;
  verdict: boolean;
  /** Config keys whose value differs (or that only some plans set). */
  configKeys: number;
  /** Budgets with a used value or headroom that differs, or that only some plans hold. */
  budgets: number;
  /** Of those, the ones whose verdict differs (marked). */
  budgetVerdicts: number;
  confidence: number;
  costs: number;
  /** Campus-years of the ledger with a figure that differs, or that only some plans hold. */
  ledgerYears: number;
  /** Campuses whose water (consumed, scarcity-weighted, its WUE, the year) differs, or that only some plans hold. */
  water: number;
  /** Violations not in every plan. */
  findings: number;
}

export interface Comparison {
  columns: Column[];
  /** A, B, C, ...: each plan's column letter. */
  letters: string[];
  /** Config keys set in any plan, sorted. */
  configKeys: string[];
  budgets: BudgetLine[];
  confidence: ConfidenceLine[];
  costs: CostLine[];
  ledger: LedgerCampus[];
  water: WaterLine[];
  findings: FindingLine[];
  differences: Differences;
}

/** Whether nothing differs between the plans. */
export function noDifferences(d: Differences): boolean {
  return !d.project && !d.stack && !d.verdict && d.configKeys + d.budgets + d.budgetVerdicts + d.confidence + d.costs + d.ledgerYears + d.water + d.findings === 0;
}

/** Column letters: A to Z (args.ts caps the plans at 26). */
export function columnLetter(i: number): string {
  return String.fromCharCode(65 + i);
}

/**
 * Differences smaller than this share of the larger value are floating-point rounding (the same figure reached by
 * another order of operations at another scale), not a difference: shown as 0 and not counted.
 */
export const RELATIVE_TOLERANCE = 1e-9;

/** Whether a and b are the same figure: equal, or within RELATIVE_TOLERANCE of the larger (both null: the same too). */
export function sameFigure(a: number | null | undefined, b: number | null | undefined): boolean {
  if (typeof a !== "number" || typeof b !== "number") return a === b;
  return a === b || Math.abs(b - a) <= RELATIVE_TOLERANCE * Math.max(Math.abs(a), Math.abs(b));
}

/** b − a (0 for the same figure, see sameFigure), or null where either is absent or not a finite number. */
function minus(b: number | null | undefined, a: number | null | undefined): number | null {
  return typeof a === "number" && typeof b === "number" ? (sameFigure(a, b) ? 0 : b - a) : null;
}

/** Keys in order of first appearance over the plans. */
function unionBy<T>(lists: readonly (readonly T[])[], key: (t: T) => string): string[] {
  const keys = new Set<string>();
  for (const list of lists) for (const t of list) keys.add(key(t));
  return [...keys];
}

function budgetVerdict(b: ComparedPlan["budgets"][number]): BudgetVerdict {
  return b.violations - (b.exempted ?? 0) > 0 ? "fails" : b.violations > 0 ? "exempted" : "holds";
}

const budgetKey = (b: { policy: string; budget: string }) => `${b.policy}\u0000${b.budget}`;

function budgetLines(plans: readonly ComparedPlan[]): BudgetLine[] {
  return unionBy(plans.map((p) => p.budgets), budgetKey).map((key) => {
    const rows = plans.map((p) => p.budgets.find((b) => budgetKey(b) === key));
    const cells = rows.map((b): BudgetCell | undefined => b && { resourceName: b.resourceName, used: b.used, headroom: b.headroom, unit: b.unit, verdict: budgetVerdict(b) });
    const first = rows.find((b) => b !== undefined)!;
    const base = cells[0];
    const comparable = (c: BudgetCell | undefined) => base !== undefined && c !== undefined && c.unit === base.unit;
    const verdicts = new Set(cells.flatMap((c) => (c ? [c.verdict] : [])));
    return {
      policy: first.policy, budget: first.budget, unit: first.unit, cells,
      usedDiff: cells.map((c, i) => (i === 0 ? undefined : comparable(c) ? minus(c!.used, base!.used) : null)),
      headroomDiff: cells.map((c, i) => (i === 0 ? undefined : comparable(c) ? minus(c!.headroom, base!.headroom) : null)),
      marked: verdicts.size > 1,
    };
  });
}

function confidenceLines(plans: readonly ComparedPlan[]): ConfidenceLine[] {
  const lists = plans.map((p) => p.confidence?.budgets ?? []);
  return unionBy(lists, budgetKey).map((key) => {
    const rows = lists.map((l) => l.find((b) => budgetKey(b) === key));
    const first = rows.find((b) => b !== undefined)!;
    return { policy: first.policy, budget: first.budget, unit: first.unit, cells: rows.map((b) => b && { p10: b.p10, p90: b.p90, violationProbability: b.violationProbability }) };
  });
}

/** A fresh copy of a campus's money with only the fields the comparison shows (so cells compare field by field). */
function financeCell(f: ComparedFinance): ComparedFinance {
  const out: ComparedFinance = { structure: f.structure };
  if (f.costOfCapital !== undefined) out.costOfCapital = f.costOfCapital;
  if (f.discountRate) out.discountRate = f.discountRate;
  for (const key of FINANCE_RANGES) if (f[key]) out[key] = f[key];
  return out;
}

function costLines(plans: readonly ComparedPlan[]): CostLine[] {
  return unionBy(plans.map((p) => p.costs), (c) => c.campus).map((campus) => {
    const cells = plans.map((p): CostCell | undefined => {
      const c = p.costs.find((x) => x.campus === campus);
      return c && {
        ...(c.capexUsd ? { capexUsd: c.capexUsd } : {}), ...(c.costUsdPerGpuHour ? { costUsdPerGpuHour: c.costUsdPerGpuHour } : {}),
        ...(c.finance ? { finance: financeCell(c.finance) } : {}),
      };
    });
    const diff = (base: (c: CostCell | undefined) => number | undefined): Diffs => cells.map((c, i) => (i === 0 ? undefined : minus(base(c), base(cells[0]))));
    const textDiffers = (text: (c: CostCell | undefined) => string | undefined) =>
      cells.map((c, i) => {
        if (i === 0) return undefined;
        const a = text(cells[0]);
        const b = text(c);
        return a === undefined || b === undefined ? null : a !== b;
      });
    return {
      campus, cells,
      capexDiff: diff((c) => c?.capexUsd?.base),
      costPerGpuHourDiff: diff((c) => c?.costUsdPerGpuHour?.base),
      levelisedCostDiff: diff((c) => c?.finance?.levelisedCostUsdPerGpuHour?.base),
      tcoDiff: diff((c) => c?.finance?.tcoUsd?.base),
      presentValueCostDiff: diff((c) => c?.finance?.presentValueCostUsd?.base),
      npvDiff: diff((c) => c?.finance?.npvUsd?.base),
      refreshCapexDiff: diff((c) => c?.finance?.refreshCapexUsd?.base),
      discountRateDiff: diff((c) => c?.finance?.discountRate?.base),
      structureDiffers: textDiffers((c) => c?.finance?.structure),
      costOfCapitalDiffers: textDiffers((c) => c?.finance?.costOfCapital),
    };
  });
}

const yearKey = (year: number | undefined) => (year === undefined ? "undated" : String(year));

/** Whether two values are the same: figures by sameFigure, objects field by field, anything else by ===. */
function same(a: unknown, b: unknown): boolean {
  if (typeof a === "number" || typeof b === "number") return sameFigure(a as number | null | undefined, b as number | null | undefined);
  if (typeof a === "object" && a !== null && typeof b === "object" && b !== null) {
    const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
    return [...keys].every((k) => same((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
  }
  return a === b;
}

/** Whether every plan's cell is the same as the first's (absent in all counts as the same). */
function sameCells<T>(cells: readonly (T | undefined)[]): boolean {
  return cells.every((c) => same(c, cells[0]));
}

function ledger(plans: readonly ComparedPlan[]): LedgerCampus[] {
  return unionBy(plans.map((p) => p.years), (y) => y.campus).map((campus) => {
    const campusRows = plans.map((p) => p.years.find((y) => y.campus === campus)?.rows ?? []);
    const years = unionBy(campusRows, (r) => yearKey(r.year))
      .map((key) => (key === "undated" ? undefined : Number(key)))
      .sort((a, b) => (a ?? -Infinity) - (b ?? -Infinity));
    return {
      campus,
      years: years.map((year) => {
        const cells = campusRows.map((rows): LedgerCell | undefined => {
          const r = rows.find((x) => yearKey(x.year) === yearKey(year));
          return r && {
            firmMw: r.firmMw, peakMw: r.peakFacilityPowerMw, headroomMw: r.firmHeadroomMw,
            energyGwh: r.facilityEnergyMwh === null ? null : r.facilityEnergyMwh / 1000, waterM3: r.waterM3,
          };
        });
        return { ...(year === undefined ? {} : { year }), cells, differs: !sameCells(cells) };
      }),
    };
  });
}

/** A figure as read: a finite number, null (not finite), or undefined (absent). */
function figureOf(n: number | null | undefined): number | null | undefined {
  return n === undefined || n === null ? n : Number.isFinite(n) ? n : null;
}

/** A campus's water in its full-build year (the last row for a campus without one), or undefined without rows. */
function waterCell(campus: ComparedPlan["years"][number] | undefined): WaterCell | undefined {
  if (!campus || campus.rows.length === 0) return undefined;
  const r: ComparedYearRow = campus.rows.find((x) => x.year !== undefined && x.year === campus.fullBuildYear) ?? campus.rows[campus.rows.length - 1];
  const weighted = figureOf(r.scarcityWeightedWaterM3);
  const it = figureOf(r.itEnergyMwh);
  // m³ per MWh is L per kWh.
  const wue = weighted === undefined || weighted === null ? weighted : typeof it === "number" && it > 0 ? weighted / it : undefined;
  return { ...(r.year === undefined ? {} : { year: r.year }), consumedM3: figureOf(r.waterConsumedM3), weightedM3: weighted, weightedWueLPerKwh: wue };
}

function waterLines(plans: readonly ComparedPlan[]): WaterLine[] {
  return unionBy(plans.map((p) => p.years), (y) => y.campus).map((campus) => {
    const cells = plans.map((p) => waterCell(p.years.find((y) => y.campus === campus)));
    const diff = (f: (c: WaterCell) => number | null | undefined): Diffs =>
      cells.map((c, i) => (i === 0 ? undefined : c === undefined || cells[0] === undefined ? null : minus(f(c), f(cells[0]))));
    return {
      campus, cells,
      consumedDiff: diff((c) => c.consumedM3),
      weightedDiff: diff((c) => c.weightedM3),
      weightedWueDiff: diff((c) => c.weightedWueLPerKwh),
      yearDiffers: cells.map((c, i) => (i === 0 ? undefined : c?.year === undefined || cells[0]?.year === undefined ? null : c.year !== cells[0].year)),
    };
  });
}

/** A URN without its stack and project (`urn:pulumi:<stack>::<project>::`): plans of other stacks share resources by type path and name. */
export function resourcePath(urn: string): string {
  return urn.replace(/^urn:pulumi:[^:]*::[^:]*::/, "");
}

function findingLines(plans: readonly ComparedPlan[]): FindingLine[] {
  const lines = new Map<string, FindingLine>();
  plans.forEach((p, i) => {
    for (const f of p.findings) {
      if (f.status !== "violation") continue;
      const key = findingFingerprint({ policy: f.policy, resourceUrn: resourcePath(f.resourceUrn), ...(f.budget === undefined ? {} : { budget: f.budget }) });
      const line = lines.get(key) ?? lines.set(key, {
        policy: f.policy, resourceName: f.resourceName, ...(f.budget === undefined ? {} : { budget: f.budget }),
        level: f.exemption !== undefined ? `exempted (${f.enforcementLevel})` : f.enforcementLevel,
        messages: plans.map(() => undefined), counts: plans.map(() => 0), notInAll: false,
      }).get(key)!;
      line.counts[i] += 1;
      line.messages[i] ??= f.message;
    }
  });
  for (const line of lines.values()) line.notInAll = line.counts.some((c) => c !== line.counts[0]);
  return [...lines.values()];
}

function budgetDiffers(b: BudgetLine): boolean {
  return b.marked || !sameCells(b.cells);
}

/** The plans of `columns` lined up (the first is the one the differences are taken from). */
export function comparePlans(columns: readonly Column[]): Comparison {
  const plans = columns.map((c) => c.plan);
  const configKeys = [...new Set(plans.flatMap((p) => Object.keys(p.config)))].sort();
  const budgets = budgetLines(plans);
  const confidence = confidenceLines(plans);
  const costs = costLines(plans);
  const years = ledger(plans);
  const water = waterLines(plans);
  const findings = findingLines(plans);
  const all = <T>(values: readonly T[]) => values.every((v) => v === values[0]);
  return {
    columns: [...columns],
    letters: columns.map((_, i) => columnLetter(i)),
    configKeys,
    budgets, confidence, costs, ledger: years, water, findings,
    differences: {
      project: !all(plans.map((p) => p.project)),
      stack: !all(plans.map((p) => p.stack)),
      verdict: !all(plans.map((p) => p.verdict)),
      configKeys: configKeys.filter((k) => !all(plans.map((p) => (Object.hasOwn(p.config, k) ? p.config[k] : undefined)))).length,
      budgets: budgets.filter(budgetDiffers).length,
      budgetVerdicts: budgets.filter((b) => b.marked).length,
      confidence: confidence.filter((c) => !sameCells(c.cells)).length,
      costs: costs.filter((c) => !sameCells(c.cells)).length,
      ledgerYears: years.reduce((n, c) => n + c.years.filter((y) => y.differs).length, 0),
      water: water.filter((w) => !sameCells(w.cells)).length,
      findings: findings.filter((f) => f.notInAll).length,
    },
  };
}
