/**
 * What it takes for a fragile budget (one that holds at the catalog's figures but fails in more of a confidence run's
 * samples than allowed): the smallest change after which it fails in no more than the allowed share. With k failures
 * allowed out of n, the change must make the (k+1)-th worst sample pass; it is found by planning that sample again
 * (./search.ts), then checked by planning again every sample that failed (a knob only adds margin, so the others
 * hold), whose new violation share over the n samples the fix states (a knob that helps the
 * worst samples less than that one can leave more than k failing: then the fix says so).
 */
import { show } from "../../components/format/numbers";
import type { PackConfig } from "../../policies/evaluate";
import type { QuantifiedFix } from "../../policies/finding";
import { campusByResourceUrn, runCampuses } from "../campusPlans";
import { runSamples } from "../confidence/pool";
import { percent } from "../confidence/render";
import type { ConfidenceSampling } from "../confidence/run";
import { budgetKey, Sampler, type SamplerInput } from "../confidence/sampler";
import type { PlanRun } from "../runProgram";
import { knobsFor, type Setting } from "./knobs";
import { smallestPassing } from "./search";

/** The samples' input with one campus planned from the setting's args (and the setting's policy config). */
function withSetting(input: SamplerInput, campusName: string, setting: Setting): SamplerInput {
  return {
    ...input,
    campuses: input.campuses.map((c) => (c.name === campusName ? { ...c, args: setting.args } : c)),
    ...(setting.config ? { policyConfig: setting.config } : {}),
  };
}

/** The fixes of each fragile budget, by budget key. */
export async function fragileFixes(run: PlanRun, sampling: ConfidenceSampling, options: { policyConfig?: PackConfig; workers: number }): Promise<Map<string, QuantifiedFix[]>> {
  const fixes = new Map<string, QuantifiedFix[]>();
  const fragile = sampling.report.budgets.filter((b) => b.status === "fragile");
  if (fragile.length === 0) return fixes;
  const campusOf = campusByResourceUrn(runCampuses(run, "planned again for its fixes").campuses);
  const n = sampling.samples.length;
  const allowed = Math.floor(sampling.report.fragileAbove * n);
  for (const b of fragile) {
    const key = budgetKey(b);
    const finding = run.findings.find((f) => f.policy === b.policy && f.budget === b.budget && f.resourceName === b.resourceName);
    const campus = finding && campusOf.get(finding.resourceUrn);
    if (!finding || !campus) continue;
    // The (allowed + 1)-th worst sample by this resource's headroom: the one the fix must carry. A knob can help the
    // worst samples unevenly; when the share left failing is still above the allowed one, the next worse sample is
    // carried instead (up to three).
    const order = sampling.results.map((r, i) => ({ i, headroom: r.get(key)?.headroom ?? Infinity })).sort((x, y) => x.headroom - y.headroom);
    // Every knob only adds margin (MW, a permit, cycles, a warmer supply, a larger trim): a sample that held holds
    // with it, so a fix is checked on the samples that failed.
    const failed = sampling.results.flatMap((r, i) => (r.get(key)?.violated ? [sampling.samples[i]] : []));
    const found: QuantifiedFix[] = [];
    for (const knob of knobsFor(campus, finding, options.policyConfig, true)) {
      let best: QuantifiedFix | undefined;
      let runs = 0;
      for (let rank = Math.min(allowed, n - 1); rank >= Math.max(0, allowed - 2); rank--) {
        const target = sampling.samples[order[rank].i];
        const passes = (x: number) => {
          try {
            return !(new Map(new Sampler(withSetting(sampling.input, campus.plan.name, knob.apply(x))).run(target)).get(key)?.violated ?? true);
          } catch {
            return false;
          }
        };
        const result = smallestPassing(passes, knob.from, knob.limit, knob.firstStep);
        if (!result) break;
        const checked = await runSamples(withSetting(sampling.input, campus.plan.name, knob.apply(result.value)), failed, { workers: options.workers });
        runs += result.runs + failed.length;
        const share = checked.filter((r) => new Map(r).get(key)?.violated).length / n;
        const within = share <= sampling.report.fragileAbove;
        best = {
          change: knob.describe(result.value), value: result.value, from: knob.from, modelRuns: runs,
          checked: within
            ? `planned again over the ${show(n)} samples: fails in ${percent(share)}, within the ${percent(sampling.report.fragileAbove)} allowed`
            : `planned again over the ${show(n)} samples: still fails in ${percent(share)}, above the ${percent(sampling.report.fragileAbove)} allowed (the budget turns on more than this knob)`,
        };
        if (within) break;
      }
      if (best) found.push(best);
    }
    if (found.length) fixes.set(key, found);
  }
  return fixes;
}
