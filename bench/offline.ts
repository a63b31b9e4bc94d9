/**
 * The offline table: the plan with policies against a replay of its own resources (same args, same registered
 * outputs, same tree) as bare components under the same mock runtime, and the pure campus model as the floor.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { Measurement, medianOf, minOf, runChild } from "./measure";
import type { Scenario } from "./scenarios";

export interface OfflineRow {
  scenario: string;
  scale: string;
  resources: number;
  gpus: number;
  facilityMw: number;
  resourcesPerMw: number;
  verdict: string;
  plan: Measurement;
  /** The replay: the plan's resources as bare components with the same args and registered outputs. */
  baseline: Measurement;
  /** Plan / baseline, process wall time (start to exit). */
  ratio: number;
  /** Plan / baseline, the measured run only (without module loading and runtime start). */
  runRatio: number;
  /** The old baseline, as many bare components with no args and no outputs (`--compare-baselines`). */
  bare?: Measurement;
  /** Plan / bare, process wall time. */
  bareRatio?: number;
  /** The campus model alone, no Pulumi: the fastest of the runs (runSeconds cold, warmSeconds warm). */
  model: Measurement;
  /** Policy evaluation per resource, microseconds. */
  policyMicrosPerResource: number;
}

export interface OfflineOptions {
  runs: number;
  compareBaselines: boolean;
}

function stackArgs(s: Scenario, scale: string): string[] {
  return [s.stack, scale, ...(s.phase ? [s.phase] : [])];
}

/**
 * The plan is captured once (not measured); then plan, replay (and bare) alternate, so drift on a shared machine hits
 * them alike; the pure model runs after, as often.
 */
export function measureOffline(s: Scenario, scale: string, o: OfflineOptions): OfflineRow {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "aicluster-bench-"));
  try {
    const file = path.join(dir, "capture.json");
    const captured = runChild(["capture", file, ...stackArgs(s, scale)]);
    const plans: Measurement[] = [];
    const baselines: Measurement[] = [];
    const bares: Measurement[] = [];
    const models: Measurement[] = [];
    for (let i = 0; i < o.runs; i++) {
      const plan = runChild(["plan", ...stackArgs(s, scale)]);
      plans.push(plan);
      baselines.push(runChild(["replay", file]));
      if (o.compareBaselines) bares.push(runChild(["bare", String(plan.resources)]));
    }
    for (let i = 0; i < o.runs; i++) models.push(runChild(["model", ...stackArgs(s, scale)]));
    const plan = medianOf(plans);
    const baseline = medianOf(baselines);
    const bare = bares.length ? medianOf(bares) : undefined;
    const model = minOf(models);
    for (const [what, m] of [["capture", captured], ["replay", baseline], ["bare baseline", bare]] as const) {
      if (m && m.resources !== plan.resources) throw new Error(`${what} registered ${m.resources} resources, the plan ${plan.resources}`);
    }
    if (model.gpus !== plan.gpus) throw new Error(`the pure model counts ${model.gpus} GPUs, the plan ${plan.gpus}`);
    return {
      scenario: s.label,
      scale,
      resources: plan.resources,
      gpus: plan.gpus ?? 0,
      facilityMw: plan.facilityMw ?? 0,
      resourcesPerMw: plan.resources / (plan.facilityMw ?? 1),
      verdict: plan.verdict ?? "?",
      plan,
      baseline,
      ratio: plan.processSeconds / baseline.processSeconds,
      runRatio: plan.runSeconds / baseline.runSeconds,
      ...(bare ? { bare, bareRatio: plan.processSeconds / bare.processSeconds } : {}),
      model,
      policyMicrosPerResource: (plan.policySeconds / plan.resources) * 1e6,
    };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
