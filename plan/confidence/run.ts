/**
 * A confidence run: the plan's campuses planned again with their uncertain figures drawn from their sourced ranges
 * (components/uncertainty/figures.ts) and their climates' weather drawn from other generated years, the rules
 * evaluated on every sample as on the plan itself, and each budget's spread, violation probability and tornado read
 * from the results. Nothing is estimated: every sample is a full plan of every campus.
 */
import { planCampus } from "../../components/model/plan";
import { catalogWith, figuresRead, recordingCatalog, type UncertainFigure } from "../../components/uncertainty/figures";
import { latinHypercube, quantileOfSorted, triangularQuantile } from "../../components/uncertainty/sampling";
import { evaluatePolicies, type EnforcedFinding, type PackConfig } from "../../policies/evaluate";
import type { Clock } from "../../policies/exemptions";
import type { EnforcementLevel } from "../../policies/finding";
import { RULES } from "../../policies/rules";
import type { ResourceView } from "../../policies/view";
import { runCampuses, viewsOf, type RunCampus } from "../campusPlans";
import { budgetRows, type BudgetRow } from "../report";
import type { PlanRun } from "../runProgram";
import type { BudgetConfidence, BudgetTornado, ConfidenceReport, TornadoBar } from "./types";

export interface ConfidenceOptions {
  /** Samples to draw, 2 or more. */
  samples: number;
  /** What the samples are drawn from. @default "aicluster" */
  seed?: string;
  /** Generated weather years to draw from: the climate's own and `weatherYears − 1` under other seeds. @default 10 */
  weatherYears?: number;
  /** A passing budget failing in more than this share of the samples is fragile. @default 0.1 */
  fragileAbove?: number;
  /** @default "advisory" */
  fragileLevel?: EnforcementLevel;
  /** The policy config the run was checked with. */
  policyConfig?: PackConfig;
  clock?: Clock;
  /** Bars per tornado. @default 5 */
  tornadoBars?: number;
  /** Called with the model runs made so far. */
  onProgress?: (modelRuns: number) => void;
}

/** A budget's identity across samples. */
const keyOf = (r: { policy: string; budget: string }) => `${r.policy}\u0000${r.budget}`;

/** One budget in one sample. */
interface SampleBudget {
  /** Whether any resource violates it (no live exemption covering it). */
  violated: boolean;
  /** The used value, limit and headroom of the resource tightest at the catalog's figures. */
  used: number;
  limit: number;
  headroom: number;
}

/** Violations no live exemption covers. */
const blocking = (r: BudgetRow) => r.violations - (r.exempted ?? 0);

interface CampusToPlan extends RunCampus {
  /** The figures this campus's plan read, and the climates whose weather it read. */
  figures: UncertainFigure[];
  climateIds: string[];
}

/** The run's campuses, each with the figures and climates its plan reads. */
function campusesToPlan(run: PlanRun): { campuses: CampusToPlan[]; others: ResourceView[] } {
  const { campuses, others } = runCampuses(run, "sampled");
  return {
    others,
    campuses: campuses.map((c) => {
      const recording = recordingCatalog(c.plan.catalog);
      planCampus(c.plan.name, c.plan.args, recording.catalog);
      const climateIds = [...recording.read].filter((k) => k.startsWith("climates/")).map((k) => k.slice("climates/".length));
      return { ...c, figures: figuresRead(c.plan.catalog, recording.read), climateIds };
    }),
  };
}

/** Every figure of every campus once, by key, in first-seen order. */
function allFigures(campuses: readonly CampusToPlan[]): UncertainFigure[] {
  const byKey = new Map<string, UncertainFigure>();
  for (const c of campuses) for (const f of c.figures) if (!byKey.has(f.key)) byKey.set(f.key, f);
  return [...byKey.values()];
}

export function confidenceRun(run: PlanRun, options: ConfidenceOptions): ConfidenceReport {
  const started = process.hrtime.bigint();
  const seed = options.seed ?? "aicluster";
  const weatherYears = options.weatherYears ?? 10;
  const fragileAbove = options.fragileAbove ?? 0.1;
  const fragileLevel = options.fragileLevel ?? "advisory";
  const { campuses, others } = campusesToPlan(run);
  const figures = allFigures(campuses);
  let modelRuns = 0;

  /** What one sample gives each budget: its row (violations over every resource) and the base's tightest resource's finding. */
  const base = budgetRows(run.findings);
  const budgetsWith = (values: ReadonlyMap<string, number>, weatherYear: number): Map<string, SampleBudget> => {
    const views: ResourceView[] = [...others];
    for (const c of campuses) {
      const weatherSeed = weatherYear === 0 ? undefined : (climate: { id: string; weatherSeed?: string }) => `${climate.weatherSeed ?? climate.id}~year-${weatherYear}`;
      const catalog = catalogWith(c.plan.catalog, c.figures, values, { ids: c.climateIds, ...(weatherSeed ? { weatherSeed } : {}) });
      const sampled = planCampus(c.plan.name, c.plan.args, catalog);
      modelRuns++;
      options.onProgress?.(modelRuns);
      views.push(...viewsOf(sampled, c));
    }
    const { findings } = evaluatePolicies(views, options.policyConfig, RULES, options.clock ? { clock: options.clock } : {});
    const rows = new Map(budgetRows(findings).map((r) => [keyOf(r), r]));
    const out = new Map<string, SampleBudget>();
    for (const b of base) {
      const row = rows.get(keyOf(b));
      const own = findings.find((f) => f.policy === b.policy && f.budget === b.budget && f.resourceName === b.resourceName && f.measured !== undefined && f.limit !== undefined);
      if (!row || !own) continue;
      const headroom = (own.bound ?? "max") === "max" ? own.limit! - own.measured! : own.measured! - own.limit!;
      out.set(keyOf(b), { violated: blocking(row) > 0, used: own.measured!, limit: own.limit!, headroom });
    }
    return out;
  };

  // One dimension per group of figures drawn together (the points of a curve), one for the weather year.
  const groups = [...new Set(figures.map((f) => f.group))];
  const dimension = new Map(groups.map((g, d) => [g, d]));
  const points = latinHypercube(options.samples, groups.length + 1, seed);
  const perBudget = new Map<string, SampleBudget[]>();
  for (const point of points) {
    const values = new Map(figures.map((f) => [f.key, triangularQuantile(point[dimension.get(f.group)!], f.low, f.base, f.high)]));
    const year = Math.min(weatherYears - 1, Math.floor(point[groups.length] * weatherYears));
    for (const [key, row] of budgetsWith(values, year)) (perBudget.get(key) ?? perBudget.set(key, []).get(key)!).push(row);
  }

  const budgets: BudgetConfidence[] = base.map((b) => {
    const rows = perBudget.get(keyOf(b)) ?? [];
    const used = rows.map((r) => r.used).sort((x, y) => x - y);
    const headroom = rows.map((r) => r.headroom).sort((x, y) => x - y);
    const violated = rows.filter((r) => r.violated).length;
    const probability = rows.length === 0 ? 0 : violated / rows.length;
    const fails = blocking(b) > 0;
    return {
      policy: b.policy, budget: b.budget, unit: b.unit, bound: b.bound, resourceName: b.resourceName,
      baseUsed: b.used, baseHeadroom: b.headroom, limit: b.limit,
      limitLow: Math.min(b.limit, ...rows.map((r) => r.limit)), limitHigh: Math.max(b.limit, ...rows.map((r) => r.limit)),
      p10: rows.length ? quantileOfSorted(used, 0.1) : b.used,
      p50: rows.length ? quantileOfSorted(used, 0.5) : b.used,
      p90: rows.length ? quantileOfSorted(used, 0.9) : b.used,
      headroomP10: rows.length ? quantileOfSorted(headroom, 0.1) : b.headroom,
      violationProbability: probability, samples: rows.length,
      status: fails ? "fails" : probability > fragileAbove ? "fragile" : "holds",
    };
  });

  // The tornado: each figure at its low and its high, the others at base; and the weather years at base figures.
  const atBase = new Map<string, number>();
  const ends = groups.map((g) => {
    const members = figures.filter((f) => f.group === g);
    return {
      figure: g,
      low: budgetsWith(new Map(members.map((f) => [f.key, f.low])), 0),
      high: budgetsWith(new Map(members.map((f) => [f.key, f.high])), 0),
    };
  });
  const years = Array.from({ length: weatherYears - 1 }, (_, i) => budgetsWith(atBase, i + 1));
  const tornado: BudgetTornado[] = base.map((b) => {
    const k = keyOf(b);
    const bars: TornadoBar[] = ends.flatMap((e) => {
      const low = e.low.get(k)?.used;
      const high = e.high.get(k)?.used;
      return low === undefined || high === undefined ? [] : [{ figure: e.figure, usedAtLow: low, usedAtHigh: high, swing: Math.abs(high - low) }];
    });
    const yearUsed = [b.used, ...years.map((y) => y.get(k)?.used).filter((u): u is number => u !== undefined)];
    if (yearUsed.length > 1) bars.push({ figure: "weather year", usedAtLow: Math.min(...yearUsed), usedAtHigh: Math.max(...yearUsed), swing: Math.max(...yearUsed) - Math.min(...yearUsed) });
    // A bar moves the budget when its swing is more than rounding: a millionth of the base value.
    const moving = bars.filter((bar) => bar.swing > 1e-6 * Math.max(1, Math.abs(b.used))).sort((x, y) => y.swing - x.swing || (x.figure < y.figure ? -1 : 1));
    return { policy: b.policy, budget: b.budget, unit: b.unit, baseUsed: b.used, bars: moving.slice(0, options.tornadoBars ?? 5) };
  });

  return {
    samples: options.samples, seed, weatherYears, method: "latin hypercube, triangular (low, base, high)", fragileAbove, fragileLevel,
    figures: figures.map((f) => ({ key: f.key, low: f.low, base: f.base, high: f.high, note: f.note, group: f.group })),
    budgets, tornado, modelRuns,
    wallSeconds: Number(process.hrtime.bigint() - started) / 1e9,
  };
}

/** The fragile budgets as findings: a budget that holds at the catalog's figures but fails in too many samples. */
export function fragileFindings(report: ConfidenceReport, run: PlanRun): EnforcedFinding[] {
  return report.budgets.filter((b) => b.status === "fragile").map((b) => {
    const at = run.findings.find((f) => f.policy === b.policy && f.budget === b.budget && f.resourceName === b.resourceName);
    const tornado = report.tornado.find((t) => t.policy === b.policy && t.budget === b.budget);
    const deciders = (tornado?.bars ?? []).slice(0, 2).map((bar) => bar.figure);
    const share = (x: number) => `${(x * 100).toFixed(1)} %`;
    return {
      policy: "confidence", status: "violation", enforcementLevel: report.fragileLevel,
      resourceUrn: at?.resourceUrn ?? "", resourceName: b.resourceName,
      budget: `${b.policy}: ${b.budget}`, measured: b.violationProbability, limit: report.fragileAbove, unit: "", bound: "max",
      message: `${b.resourceName}: ${b.policy} ${b.budget} holds at the catalog's figures but fails in ${share(b.violationProbability)} of ${report.samples} samples, above the ${share(report.fragileAbove)} allowed (fragile)`,
      remediation: deciders.length
        ? `widen the margin, or narrow what decides it with better data: ${deciders.join(", ")}`
        : "widen the margin",
    };
  });
}
