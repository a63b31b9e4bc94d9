/** The offline table: the plan with policies against bare components, same resource count, same mock runtime. */
import { Measurement, medianOf, runChild } from "./measure";
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
  baseline: Measurement;
  /** Plan / baseline, process wall time (start to exit). */
  ratio: number;
  /** Plan / baseline, the measured run only (without module loading and runtime start). */
  runRatio: number;
  /** Policy evaluation per resource, microseconds. */
  policyMicrosPerResource: number;
}

function planArgs(s: Scenario, scale: string): string[] {
  return ["plan", s.stack, scale, ...(s.phase ? [s.phase] : [])];
}

/** Plan and baseline alternate, so drift on a shared machine hits both alike. */
export function measureOffline(s: Scenario, scale: string, runs: number): OfflineRow {
  const plans: Measurement[] = [];
  const baselines: Measurement[] = [];
  for (let i = 0; i < runs; i++) {
    const plan = runChild(planArgs(s, scale));
    plans.push(plan);
    baselines.push(runChild(["baseline", String(plan.resources)]));
  }
  const plan = medianOf(plans);
  const baseline = medianOf(baselines);
  if (baseline.resources !== plan.resources) throw new Error(`baseline registered ${baseline.resources} resources, the plan ${plan.resources}`);
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
    policyMicrosPerResource: (plan.policySeconds / plan.resources) * 1e6,
  };
}
