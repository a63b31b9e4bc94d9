/**
 * Each plan of a comparison as one shape, whatever it came from: a JSON report file (read and checked by the baseline
 * reader, plan/baseline/parse.ts, plus the parts only the comparison reads: config, year ledger, costs, confidence),
 * or a stack variant planned here under the mocks as `aicluster check` plans it (stack config, the program's run,
 * buildReport). Files are read and stack configs loaded for every plan before any program runs, so bad input fails
 * in milliseconds; a problem is a UsageError naming the argument.
 */
import * as path from "node:path";
import { z } from "zod";
import { problemsFromZod } from "../../components/catalog/issues";
import { kindOf } from "../../policies/config";
import { MAX_BASELINE_BYTES, parseBaselineReport } from "../baseline";
import { isBadInput, type ProgramRunner } from "../check";
import { fileError, readJsonFile } from "../jsonFile";
import { DEFAULT_TIMEOUT_SECONDS, UsageError } from "../options";
import { programEntry, runProgramEntry } from "../program";
import { assertOnePulumiSdk, readPulumiProject, type PulumiProject } from "../project";
import { progressReporter } from "../progress";
import { buildReport, type PlanReport } from "../report";
import { isProgramFile, runProgram } from "../runProgram";
import { loadStackConfigWithSecrets, PROJECT_ROOT, readProject, type StackConfig } from "../stackConfig";
import { FILE_ALLOWED, shownArg, type CompareMode, type PlanSource } from "./args";

/** A { low, base, high } range in US dollars. */
export interface Range {
  low: number;
  base: number;
  high: number;
}

/**
 * What the comparison reads of a campus's money (components/finance/types.ts CampusFinance, reports since issue 35):
 * each range is the low-cost, base and high-cost estimate (so NPV's `high` is its most negative); a range that is
 * absent, or was not finite (null in JSON), is left out.
 */
export interface ComparedFinance {
  /** How the campus is financed (own-balance-sheet, joint-venture, sale-leaseback), as the report gives it. */
  structure: string;
  /** Catalog id of the cost of capital, or "stated". */
  costOfCapital?: string;
  /** Discount rate, share per year. */
  discountRate?: Range;
  levelisedCostUsdPerGpuHour?: Range;
  tcoUsd?: Range;
  presentValueCostUsd?: Range;
  npvUsd?: Range;
  refreshCapexUsd?: Range;
}

/** The ranges of a ComparedFinance, in the order the comparison shows them. */
export const FINANCE_RANGES = ["levelisedCostUsdPerGpuHour", "tcoUsd", "presentValueCostUsd", "npvUsd", "refreshCapexUsd"] as const;

/**
 * What the comparison reads of a plan: a PlanReport is one (buildReport's), and so is a JSON report read back (where
 * a value that was not finite is null).
 */
export interface ComparedPlan {
  project: string;
  stack: string;
  /** As the report prints it: secrets `[secret]`, other namespaces' values `[not shown]`. */
  config: Record<string, string>;
  verdict: "pass" | "fail";
  budgets: readonly {
    policy: string;
    budget: string;
    resourceName: string;
    used: number | null;
    limit: number | null;
    unit: string;
    headroom: number | null;
    violations: number;
    exempted?: number;
  }[];
  findings: readonly {
    policy: string;
    status: "violation" | "pass" | "not-applicable";
    resourceUrn: string;
    resourceName: string;
    budget?: string;
    message: string;
    enforcementLevel: string;
    exemption?: unknown;
  }[];
  years: readonly {
    campus: string;
    /** First year with every hall online (absent: an undated campus, or a report without it). */
    fullBuildYear?: number;
    rows: readonly ComparedYearRow[];
  }[];
  costs: readonly { campus: string; capexUsd?: Range; costUsdPerGpuHour?: Range; finance?: ComparedFinance }[];
  confidence?: {
    samples: number;
    budgets: readonly { policy: string; budget: string; unit: string; p10: number | null; p90: number | null; violationProbability: number | null }[];
  };
}

/**
 * A year of a campus's ledger as the comparison reads it. Consumed water, scarcity-weighted water (m³ world-eq) and
 * IT energy are absent in reports from before they were published, and scarcity-weighted water for a site whose
 * water scarcity is not known; null: not finite.
 */
export interface ComparedYearRow {
  year?: number;
  firmMw: number | null;
  peakFacilityPowerMw: number | null;
  firmHeadroomMw: number | null;
  facilityEnergyMwh: number | null;
  waterM3: number | null;
  itEnergyMwh?: number | null;
  waterConsumedM3?: number | null;
  scarcityWeightedWaterM3?: number | null;
}

/** One column of the comparison: its label (the argument as written, or a report file's name) and its plan. */
export interface Column {
  label: string;
  plan: ComparedPlan;
}

// ------------------------------------------------------------------------------------------- JSON report files

const figure = z.number({ error: "a number, or null (a value that was not finite)" }).nullable();
const text = z.string({ error: "a string" });
const range = z.object({ low: figure, base: figure, high: figure }, { error: "an object { low, base, high }" });

/**
 * A campus's money as the report writes it (`costs[].finance`): the figures the comparison shows are checked, the
 * rest (cash flows, parties, refreshes, rental bands) is not read. Structure and the four ranges the report always
 * carries are required; the others may be absent.
 */
const finance = z.object({
  structure: text,
  costOfCapital: text.optional(),
  discountRate: range.optional(),
  presentValueYear: z.number({ error: "a whole year" }).int({ error: "a whole year" }).optional(),
  tcoUsd: range,
  presentValueCostUsd: range.optional(),
  npvUsd: range,
  levelisedCostUsdPerGpuHour: range,
  refreshCapexUsd: range.optional(),
}, { error: "an object (a campus's money: structure, discountRate, tcoUsd, npvUsd, ...)" });

/** The parts of a report the baseline reader does not read (it checks project, stack, budgets, findings, verdict). */
const COMPARED_PARTS = z.object({
  config: z.record(z.string(), text, { error: "an object of strings (the stack config)" }).optional(),
  years: z.array(z.object({
    campus: text,
    fullBuildYear: z.number({ error: "a whole year" }).int({ error: "a whole year" }).optional(),
    rows: z.array(z.object({
      year: z.number({ error: "a whole year" }).int({ error: "a whole year" }).optional(),
      firmMw: figure, peakFacilityPowerMw: figure, firmHeadroomMw: figure, facilityEnergyMwh: figure, waterM3: figure,
      itEnergyMwh: figure.optional(), waterConsumedM3: figure.optional(), scarcityWeightedWaterM3: figure.optional(),
    }, { error: "an object (a year of the ledger)" }), { error: "a list of years" }),
  }, { error: "an object (a campus's years)" }), { error: "a list of campuses' years" }),
  costs: z.array(z.object({ campus: text, capexUsd: range.optional(), costUsdPerGpuHour: range.optional(), finance: finance.optional() }, { error: "an object (a campus's costs)" }), { error: "a list of campuses' costs" }).optional(),
  confidence: z.object({
    samples: z.number({ error: "a number" }),
    budgets: z.array(z.object({ policy: text, budget: text, unit: text, p10: figure, p90: figure, violationProbability: figure }, { error: "an object (a budget's confidence)" }), { error: "a list of budgets" }),
  }, { error: "an object (the confidence run)" }).optional(),
});

/** A range of numbers, or of JSON's null for a value that was not finite. */
type RangeIn = { low: number | null; base: number | null; high: number | null };

const finiteNumber = (n: number | null): n is number => typeof n === "number" && Number.isFinite(n);

/** A range read back from JSON or taken from a report: only when all three figures are finite (else shown as absent). */
function finiteRange(r: RangeIn | undefined): Range | undefined {
  return r && finiteNumber(r.low) && finiteNumber(r.base) && finiteNumber(r.high) ? { low: r.low, base: r.base, high: r.high } : undefined;
}

/** What the comparison reads of a campus's money, in memory or from JSON (the rest of CampusFinance is not read). */
interface FinanceIn {
  structure: string;
  costOfCapital?: string;
  discountRate?: RangeIn;
  levelisedCostUsdPerGpuHour?: RangeIn;
  tcoUsd?: RangeIn;
  presentValueCostUsd?: RangeIn;
  npvUsd?: RangeIn;
  refreshCapexUsd?: RangeIn;
}

/**
 * The figures of a campus's money the comparison shows, as a fresh object (a report's in memory and read back from
 * its JSON file give the same one): ranges not finite are left out.
 */
export function comparedFinance(f: FinanceIn | undefined): ComparedFinance | undefined {
  if (!f) return undefined;
  const out: ComparedFinance = { structure: f.structure };
  if (f.costOfCapital !== undefined) out.costOfCapital = f.costOfCapital;
  const rate = finiteRange(f.discountRate);
  if (rate) out.discountRate = rate;
  for (const key of FINANCE_RANGES) {
    const r = finiteRange(f[key]);
    if (r) out[key] = r;
  }
  return out;
}

/** A JSON report file as a plan to compare; `origin` names it in messages (`report a.json`). */
export function parseComparedReport(value: unknown, origin: string): ComparedPlan {
  const core = parseBaselineReport(value, origin);
  const parsed = COMPARED_PARTS.safeParse(value);
  if (!parsed.success) {
    const problems = problemsFromZod(parsed.error, value);
    const first = problems[0];
    const more = problems.length > 1 ? ` (and ${problems.length - 1} more ${problems.length === 2 ? "problem" : "problems"})` : "";
    throw fileError(`${origin}: ${first.field} = ${kindOf(first.value)}; allowed: ${first.allowed}${more}`);
  }
  const parts = parsed.data;
  return {
    project: core.project, stack: core.stack, verdict: core.verdict, budgets: core.budgets, findings: core.findings,
    config: parts.config ?? {},
    years: parts.years,
    costs: (parts.costs ?? []).map((c) => {
      const capex = finiteRange(c.capexUsd);
      const perHour = finiteRange(c.costUsdPerGpuHour);
      const money = comparedFinance(c.finance);
      return { campus: c.campus, ...(capex ? { capexUsd: capex } : {}), ...(perHour ? { costUsdPerGpuHour: perHour } : {}), ...(money ? { finance: money } : {}) };
    }),
    ...(parts.confidence ? { confidence: parts.confidence } : {}),
  };
}

/** The plan in a JSON report file, checked (a UsageError naming the argument, the field and what is allowed). */
export function readComparedReport(file: string): ComparedPlan {
  const origin = `report ${shownArg(file)}`;
  let value: unknown;
  try {
    value = readJsonFile(file, origin, MAX_BASELINE_BYTES, FILE_ALLOWED);
  } catch (e) {
    // The reader says what is wrong (no such file, invalid JSON at ...); the comparison also says what it takes.
    if (e instanceof UsageError && !e.message.includes("allowed")) throw fileError(`${e.message}; allowed: ${FILE_ALLOWED}`);
    throw e;
  }
  return parseComparedReport(value, origin);
}

// ---------------------------------------------------------------------------------------------- stack variants

/** A PlanReport as a plan to compare (costs absent: none; of a campus's money, the figures the comparison shows). */
export function comparedFromReport(report: PlanReport): ComparedPlan {
  return {
    ...report,
    costs: (report.costs ?? []).map((c) => {
      const { finance: f, ...rest } = c;
      const money = comparedFinance(f);
      return { ...rest, ...(money ? { finance: money } : {}) };
    }),
  };
}

/** Where stack variants are planned: the project, and how its program runs under the mocks. */
export interface VariantProject {
  project: PulumiProject;
  runner: ProgramRunner;
  /** A stack without a config file: refused (this repository's stacks all have one) or run on the project's defaults. */
  missingStackFile: "error" | "defaults";
}

/** This repository's stacks (npm run compare), as npm run plan runs them. */
export async function repositoryProject(): Promise<VariantProject> {
  // Imported by a name the compiler does not follow (plan/runPlan.ts, like plan/cli.ts, is left out of the package
  // build): the package's aicluster bin ships without this repository's stack program, and never plans it.
  const runPlanModule: string = "../runPlan";
  const { runPlan } = (await import(runPlanModule)) as { runPlan: ProgramRunner };
  return { project: readProject(PROJECT_ROOT), runner: runPlan, missingStackFile: "error" };
}

/**
 * A user's Pulumi TypeScript or JavaScript project (aicluster compare --project), run as `aicluster check` runs it:
 * its entry file under the mock runtime, which must be installed on the @pulumi/pulumi the program loads.
 */
export function userProject(dir: string): VariantProject {
  const project = readPulumiProject(dir);
  const shown = path.relative(process.cwd(), project.file) || project.file;
  if (project.runtime !== "nodejs") {
    throw new UsageError(`${shown}: runtime = ${JSON.stringify(project.runtime)}; allowed: nodejs (aicluster compare plans TypeScript and JavaScript programs under mocks; compare JSON reports of aicluster check --engine instead)`, false);
  }
  const entry = programEntry(project);
  assertOnePulumiSdk(project.dir);
  return {
    project,
    runner: (input) => runProgram({ ...input, program: () => runProgramEntry(project, entry, (file) => isProgramFile(project.dir, file)) }),
    missingStackFile: "defaults",
  };
}

/** Bad input met while planning a variant, named by its argument (a config value the program refuses, say). */
function namedBy(source: PlanSource, e: unknown): unknown {
  return isBadInput(e) ? new UsageError(`stack variant ${shownArg(source.arg)}: ${e.message}`, false) : e;
}

/** A report file label: its name, or the path as written when two files share a name. */
function labels(sources: readonly PlanSource[]): string[] {
  const names = sources.map((s) => (s.kind === "file" ? path.basename(s.file) : s.arg));
  return sources.map((s, i) => (s.kind === "file" && names.filter((n) => n === names[i]).length > 1 ? s.arg : names[i]));
}

/**
 * Every plan of the comparison, in the order given: files read and stack configs loaded first (bad input fails before
 * any program runs), then each variant planned in turn (the mock runtime is one per process).
 */
export async function loadColumns(sources: readonly PlanSource[], mode: CompareMode, projectDir = "."): Promise<Column[]> {
  const names = labels(sources);
  const plans = new Map<number, ComparedPlan>();
  sources.forEach((s, i) => {
    if (s.kind === "file") plans.set(i, readComparedReport(s.file));
  });
  const variants = sources.flatMap((s, i) => (s.kind === "variant" ? [{ s, i }] : []));
  const where = variants.length === 0 ? undefined : mode === "repository" ? await repositoryProject() : userProject(projectDir);
  const configs = new Map<number, StackConfig>();
  for (const { s, i } of variants) {
    try {
      configs.set(i, loadStackConfigWithSecrets(s.stack, s.overrides, where!.project, { missingStackFile: where!.missingStackFile }));
    } catch (e) {
      throw namedBy(s, e);
    }
  }
  for (const { s, i } of variants) {
    const { config, secretKeys, stack } = configs.get(i)!;
    const progress = progressReporter(`planning ${names[i]}`);
    try {
      const run = await where!.runner({ project: where!.project, stack, config, secretKeys, locate: false, onProgress: (n) => progress.update(n), timeoutSeconds: DEFAULT_TIMEOUT_SECONDS });
      plans.set(i, comparedFromReport(buildReport(run, 1)));
    } catch (e) {
      throw namedBy(s, e);
    } finally {
      progress.done();
    }
  }
  return sources.map((_, i) => ({ label: names[i], plan: plans.get(i)! }));
}
