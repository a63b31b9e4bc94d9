/**
 * The floor of a plan: the campus model alone (validation and physics of the whole tree, no Pulumi), for the campus a
 * stack builds at a scale. The args are derived as `stacks/program.ts` derives them (settings from the stack's config,
 * the site plan scaled, the resource limit added); test/benchBaseline.test.ts checks they equal what the plan's Campus
 * registers.
 */
import { Campus, CampusArgs } from "../components";
import { campusModel } from "../components/model/campus";
import type { Subject } from "../components/model/validate";
import { loadStackConfig } from "../plan/stackConfig";
import { parseSettings } from "../stacks/settings";
import { scaleSitePlan } from "../stacks/sitePlan";

const NAMESPACE = "aicluster:";

export interface ModelInput {
  args: CampusArgs;
  subject: Subject;
}

/** The campus args and subject of `stack` at `scale` (and `phase`), as the stack program builds them. */
export function stackCampus(stack: string, scale: string, phase?: string): ModelInput {
  const config = loadStackConfig(stack, { [`${NAMESPACE}scale`]: scale, ...(phase ? { [`${NAMESPACE}phase`]: phase } : {}) });
  const keys = Object.keys(config).flatMap((k) => (k.startsWith(NAMESPACE) ? [k.slice(NAMESPACE.length)] : []));
  const settings = parseSettings(stack, (key) => config[`${NAMESPACE}${key}`], keys);
  const scaled = scaleSitePlan(settings.plan, settings);
  return { args: { ...scaled.args, maxResources: settings.maxResources }, subject: { type: Campus.type, name: settings.plan.name } };
}

/** One campus model run; returns the GPU count so the work cannot be dropped. */
export function runModel(input: ModelInput): number {
  return campusModel(input.args, input.subject).gpuCount;
}
