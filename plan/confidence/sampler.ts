/**
 * One sample of a confidence run: every campus planned with the drawn figure values and weather year, the rules
 * evaluated over the result as over the run, and what each budget came to. Built from plain data (`SamplerInput`), so
 * the same code runs in the checker's thread and in worker threads (./pool.ts), and a sample gives the same result in
 * either.
 */
import { Catalog, type CatalogEntries } from "../../components/catalog/registry";
import type { CampusArgs } from "../../components/model/campus";
import { planCampus } from "../../components/model/plan";
import { catalogWith, type UncertainFigure } from "../../components/uncertainty/figures";
import { evaluatePolicies, fixedClock, type PackConfig } from "../../policies/evaluate";
import { RULES } from "../../policies/rules";
import type { ResourceView } from "../../policies/view";
import { viewsOf } from "../campusPlans";
import { budgetRows } from "../report";

/** A budget's identity across samples. */
export const budgetKey = (r: { policy: string; budget: string }) => `${r.policy}\u0000${r.budget}`;

/** One campus as a sample plans it. */
export interface SamplerCampus {
  name: string;
  args: CampusArgs;
  catalog: CatalogEntries;
  /** The figures its plan reads, and the climates whose weather it reads. */
  figures: UncertainFigure[];
  climateIds: string[];
  /** Its view in the run, and the run's views under it by type and name. */
  view: ResourceView;
  known: [string, ResourceView][];
}

/** Everything a sample needs, as plain data (structured-clonable to a worker). */
export interface SamplerInput {
  campuses: SamplerCampus[];
  /** The run's views outside every campus (they stay as they are). */
  others: ResourceView[];
  policyConfig?: PackConfig;
  /** The day exemptions' expiry is checked against, `YYYY-MM-DD`. */
  today: string;
  /** The budgets of the run: each sample reports these, on the resource tightest in the run. */
  base: { policy: string; budget: string; resourceName: string }[];
  /** Generated weather years (0: the climate's own), then these EPW files (absolute paths), by weather index. */
  generatedYears: number;
  weatherFiles: string[];
}

/** Which figures are where, and which weather: generated year `weatherYear` (0: the climate's own), or past the generated years an EPW file. */
export interface SampleRequest {
  values: [string, number][];
  weatherYear: number;
}

/** A campus's args on an EPW file's year instead of its own weather (every hall on it). */
function onWeatherFile(args: CampusArgs, file: string): CampusArgs {
  return { ...args, weatherFile: file, halls: args.halls.map((h) => ("weatherFile" in h && (h as { weatherFile?: string }).weatherFile !== undefined ? { ...h, weatherFile: file } : h)) };
}

/** One budget in one sample. */
export interface SampleBudget {
  /** Whether any resource violates it (no live exemption covering it). */
  violated: boolean;
  /** The used value, limit and headroom of the resource tightest in the run. */
  used: number;
  limit: number;
  headroom: number;
}

export type SampleResult = [string, SampleBudget][];

export class Sampler {
  private readonly campuses: (SamplerCampus & { catalogValue: Catalog; knownMap: Map<string, ResourceView> })[];

  constructor(private readonly input: SamplerInput) {
    this.campuses = input.campuses.map((c) => ({ ...c, catalogValue: Catalog.fromEntries(c.catalog), knownMap: new Map(c.known) }));
  }

  /** Every campus planned with the request's figures and weather year, and each budget of the run in it. */
  run(request: SampleRequest): SampleResult {
    const values = new Map(request.values);
    const views: ResourceView[] = [...this.input.others];
    for (const c of this.campuses) {
      const year = request.weatherYear;
      const file = year >= this.input.generatedYears ? this.input.weatherFiles[year - this.input.generatedYears] : undefined;
      const weatherSeed = year === 0 || file !== undefined ? undefined : (climate: { id: string; weatherSeed?: string }) => `${climate.weatherSeed ?? climate.id}~year-${year}`;
      const catalog = catalogWith(c.catalogValue, c.figures, values, { ids: c.climateIds, ...(weatherSeed ? { weatherSeed } : {}) });
      views.push(...viewsOf(planCampus(c.name, file === undefined ? c.args : onWeatherFile(c.args, file), catalog), { view: c.view, known: c.knownMap }));
    }
    const { findings } = evaluatePolicies(views, this.input.policyConfig, RULES, { clock: fixedClock(this.input.today) });
    const rows = new Map(budgetRows(findings).map((r) => [budgetKey(r), r]));
    const out: SampleResult = [];
    for (const b of this.input.base) {
      const row = rows.get(budgetKey(b));
      const own = findings.find((f) => f.policy === b.policy && f.budget === b.budget && f.resourceName === b.resourceName && f.measured !== undefined && f.limit !== undefined);
      if (!row || !own) continue;
      const headroom = (own.bound ?? "max") === "max" ? own.limit! - own.measured! : own.measured! - own.limit!;
      out.push([budgetKey(b), { violated: row.violations - (row.exempted ?? 0) > 0, used: own.measured!, limit: own.limit!, headroom }]);
    }
    return out;
  }
}
