/**
 * What it takes: for each violation whose budget has a knob (./knobs.ts), the smallest change that passes, found by
 * planning the campus again (never estimated by hand), checked by planning it with the change (it passes) and with a
 * change 1 % smaller (it fails). Mock runs only: the campuses' plans are needed.
 */
import { planCampus } from "../../components/model/plan";
import { evaluatePolicies, type EnforcedFinding, type PackConfig } from "../../policies/evaluate";
import { ALL_RULES_KEY } from "../../policies/config";
import type { Clock } from "../../policies/exemptions";
import type { Finding, QuantifiedFix } from "../../policies/finding";
import { RULES } from "../../policies/rules";
import type { ResourceView } from "../../policies/view";
import { campusByResourceUrn, runCampuses, viewsOf, type RunCampus } from "../campusPlans";
import type { PlanRun } from "../runProgram";
import { knobsFor, type Setting } from "./knobs";
import { smallestPassing } from "./search";

export interface FixOptions {
  policyConfig?: PackConfig;
  clock?: Clock;
}

/** The part of a policy config one rule reads: its own entry and the level set for all. */
function configFor(policy: string, config: PackConfig | undefined): PackConfig {
  const own = config?.[policy];
  const all = config?.[ALL_RULES_KEY];
  return { ...(own === undefined ? {} : { [policy]: own }), ...(all === undefined ? {} : { [ALL_RULES_KEY]: all }) };
}

/** Whether the finding's budget on its resource passes with the campus planned from `args`. */
function passesWith(setting: Setting, campus: RunCampus, others: readonly ResourceView[], finding: Finding, options: FixOptions): boolean {
  let views: ResourceView[];
  try {
    views = [...others, ...viewsOf(planCampus(campus.plan.name, setting.args, campus.plan.catalog), campus)];
  } catch {
    // A setting the model refuses is no fix.
    return false;
  }
  const rule = RULES.filter((r) => r.name === finding.policy);
  const { findings } = evaluatePolicies(views, configFor(finding.policy, setting.config ?? options.policyConfig), rule, options.clock ? { clock: options.clock } : {});
  return !findings.some((f) => f.status === "violation" && f.budget === finding.budget && f.resourceName === finding.resourceName);
}

/** The run's findings, each violation with a knob carrying its smallest fix. */
export function withFixes(run: PlanRun, options: FixOptions = {}): EnforcedFinding[] {
  if (!run.findings.some((f) => f.status === "violation")) return run.findings;
  const { campuses, others } = runCampuses(run, "planned again for its fixes");
  const campusOf = campusByResourceUrn(campuses);
  // Everything but the campus planned again stays as the run had it: each campus's views, made once.
  const views = new Map(campuses.map((c) => [c, viewsOf(c.plan, c)]));
  return run.findings.map((f) => {
    const campus = f.status === "violation" ? campusOf.get(f.resourceUrn) : undefined;
    const knobs = campus ? knobsFor(campus, f, options.policyConfig) : [];
    if (!campus || knobs.length === 0) return f;
    const rest = [...others, ...campuses.filter((c) => c !== campus).flatMap((c) => views.get(c)!)];
    const fixes = knobs.flatMap((knob): QuantifiedFix[] => {
      const found = smallestPassing((x) => passesWith(knob.apply(x), campus, rest, f, options), knob.from, knob.limit, knob.firstStep);
      return found ? [{
        change: knob.describe(found.value), value: found.value, from: knob.from, modelRuns: found.runs,
        checked: found.smallerFails ? "planned again: passes with it, fails with a change 1 % smaller" : "planned again: passes with it; a change 1 % smaller passes too, so the budget turns on more than this knob",
      }] : [];
    });
    return fixes.length ? { ...f, fixes } : f;
  });
}
