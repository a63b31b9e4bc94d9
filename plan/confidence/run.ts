/**
 * A confidence run: the plan's campuses planned again with their uncertain figures drawn from their sourced ranges
 * (components/uncertainty/figures.ts) and their climates' weather drawn from other generated years, the rules
 * evaluated on every sample as on the plan itself, and each budget's spread, violation probability and tornado read
 * from the results. Nothing is estimated: every sample is a full plan of every campus.
 */
import * as os from "node:os";
import { show } from "../../components/format/numbers";
import * as path from "node:path";
import { planCampus } from "../../components/model/plan";
import { figuresRead, recordingCatalog, type UncertainFigure } from "../../components/uncertainty/figures";
import { latinHypercube, quantileOfSorted, triangularQuantile } from "../../components/uncertainty/sampling";
import type { EnforcedFinding, PackConfig } from "../../policies/evaluate";
import { systemClock, utcDay, type Clock } from "../../policies/exemptions";
import type { EnforcementLevel, QuantifiedFix } from "../../policies/finding";
import type { ResourceView } from "../../policies/view";
import { runCampuses, type RunCampus } from "../campusPlans";
import { runSamples } from "./pool";
import { budgetKey, type SampleBudget, type SampleRequest, type SamplerInput } from "./sampler";
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
  /** EPW weather files (real years, e.g. TMY3 or a station's) drawn from beside the generated years: every campus on each in turn. */
  weatherFiles?: string[];
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
  /** Threads to plan the samples on at most (1: this thread only). @default the machine's cores */
  workers?: number;
  /** Estimated seconds of work from which worker threads start (they cost about a second each to start). @default 3 */
  workersFromSeconds?: number;
}

/** One thread per core the process may use. */
export function defaultWorkers(): number {
  return typeof os.availableParallelism === "function" ? os.availableParallelism() : os.cpus().length;
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

/** A confidence run's report, and what made it: the samples' input and requests and each sample's result (for the fixes of fragile budgets). */
export interface ConfidenceSampling {
  report: ConfidenceReport;
  input: SamplerInput;
  samples: SampleRequest[];
  results: Map<string, SampleBudget>[];
}

export async function confidenceRun(run: PlanRun, options: ConfidenceOptions): Promise<ConfidenceReport> {
  return (await confidenceSampling(run, options)).report;
}

export async function confidenceSampling(run: PlanRun, options: ConfidenceOptions): Promise<ConfidenceSampling> {
  const started = process.hrtime.bigint();
  const seed = options.seed ?? "aicluster";
  const weatherYears = options.weatherYears ?? 10;
  const weatherFiles = (options.weatherFiles ?? []).map((f) => path.resolve(f));
  const weathers = weatherYears + weatherFiles.length;
  const fragileAbove = options.fragileAbove ?? 0.1;
  const fragileLevel = options.fragileLevel ?? "advisory";
  const { campuses, others } = campusesToPlan(run);
  const figures = allFigures(campuses);
  const base = budgetRows(run.findings);
  const input: SamplerInput = {
    campuses: campuses.map((c) => ({ name: c.plan.name, args: c.plan.args, catalog: c.plan.catalog.entries(), figures: c.figures, climateIds: c.climateIds, view: c.view, known: [...c.known] })),
    generatedYears: weatherYears, weatherFiles,
    others, today: utcDay(options.clock ?? systemClock), base: base.map((b) => ({ policy: b.policy, budget: b.budget, resourceName: b.resourceName })),
    ...(options.policyConfig ? { policyConfig: options.policyConfig } : {}),
  };

  // The samples: a Latin hypercube with one dimension per group of figures drawn together (the points of a curve)
  // and one for the weather year.
  const groups = [...new Set(figures.map((f) => f.group))];
  const dimension = new Map(groups.map((g, d) => [g, d]));
  const samples: SampleRequest[] = latinHypercube(options.samples, groups.length + 1, seed).map((point) => ({
    values: figures.map((f) => [f.key, triangularQuantile(point[dimension.get(f.group)!], f.low, f.base, f.high)]),
    weatherYear: Math.min(weathers - 1, Math.floor(point[groups.length] * weathers)),
  }));
  // The tornado: each group at its low and at its high, the others at base; and each other weather year at base figures.
  const at = (g: string, end: "low" | "high"): SampleRequest => ({ values: figures.filter((f) => f.group === g).map((f) => [f.key, f[end]]), weatherYear: 0 });
  const tornadoRequests = groups.flatMap((g) => [at(g, "low"), at(g, "high")]);
  const yearRequests = Array.from({ length: weathers - 1 }, (_, i): SampleRequest => ({ values: [], weatherYear: i + 1 }));
  const requests = [...samples, ...tornadoRequests, ...yearRequests];
  const results = (await runSamples(input, requests, {
    workers: options.workers ?? defaultWorkers(),
    ...(options.workersFromSeconds === undefined ? {} : { workersFromSeconds: options.workersFromSeconds }),
    ...(options.onProgress ? { onProgress: (done: number) => options.onProgress!(done * campuses.length) } : {}),
  })).map((r) => new Map(r));

  const perBudget = new Map<string, SampleBudget[]>();
  for (const result of results.slice(0, samples.length)) {
    for (const [key, row] of result) (perBudget.get(key) ?? perBudget.set(key, []).get(key)!).push(row);
  }
  const ends = groups.map((g, i) => ({ figure: g, low: results[samples.length + 2 * i], high: results[samples.length + 2 * i + 1] }));
  const years = results.slice(samples.length + tornadoRequests.length);
  const modelRuns = requests.length * campuses.length;

  const budgets: BudgetConfidence[] = base.map((b) => {
    const rows = perBudget.get(budgetKey(b)) ?? [];
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

  const tornado: BudgetTornado[] = base.map((b) => {
    const k = budgetKey(b);
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

  const report: ConfidenceReport = {
    samples: options.samples, seed, weatherYears,
    ...(weatherFiles.length ? { weatherFiles: weatherFiles.map((f) => path.relative(process.cwd(), f) || f) } : {}),
    method: "latin hypercube, triangular (low, base, high)", fragileAbove, fragileLevel,
    figures: figures.map((f) => ({ key: f.key, low: f.low, base: f.base, high: f.high, note: f.note, group: f.group })),
    budgets, tornado, modelRuns,
    wallSeconds: Number(process.hrtime.bigint() - started) / 1e9,
  };
  return { report, input, samples, results: results.slice(0, samples.length) };
}

/** The fragile budgets as findings: a budget that holds at the catalog's figures but fails in too many samples. */
export function fragileFindings(report: ConfidenceReport, run: PlanRun, fixes: ReadonlyMap<string, QuantifiedFix[]> = new Map()): EnforcedFinding[] {
  return report.budgets.filter((b) => b.status === "fragile").map((b) => {
    const at = run.findings.find((f) => f.policy === b.policy && f.budget === b.budget && f.resourceName === b.resourceName);
    const tornado = report.tornado.find((t) => t.policy === b.policy && t.budget === b.budget);
    const deciders = (tornado?.bars ?? []).slice(0, 2).map((bar) => bar.figure);
    const share = (x: number) => `${(x * 100).toFixed(1)} %`;
    return {
      policy: "confidence", status: "violation", enforcementLevel: report.fragileLevel,
      resourceUrn: at?.resourceUrn ?? "", resourceName: b.resourceName,
      budget: `${b.policy}: ${b.budget}`, measured: b.violationProbability, limit: report.fragileAbove, unit: "", bound: "max",
      message: `${b.resourceName}: ${b.policy} ${b.budget} holds at the catalog's figures but fails in ${share(b.violationProbability)} of ${show(report.samples)} samples, above the ${share(report.fragileAbove)} allowed (fragile)`,
      remediation: deciders.length
        ? `widen the margin, or narrow what decides it with better data: ${deciders.join(", ")}`
        : "widen the margin",
      ...(fixes.has(budgetKey(b)) ? { fixes: fixes.get(budgetKey(b))! } : {}),
    };
  });
}
