/**
 * The campuses of a mock run as plans the checker can make again with other figures (a confidence run) or other args
 * (the smallest fix): each campus's plan with the run's views of its resources, and the views of a new plan of it in
 * the run's place, so the rules see it exactly as they saw the run.
 */
import { plannedResources, type PlannedCampus, type PlannedResource } from "../components/model/plan";
import { TYPES, type ResourceView } from "../policies/view";
import type { PlanRun } from "./runProgram";

/** Raised when a run's campus cannot be planned again (its plan did not reach the checker). */
export class ReplanError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "ReplanError";
  }
}

export interface RunCampus {
  /** The campus's view in the run. */
  view: ResourceView;
  plan: PlannedCampus;
  /** The run's views under the campus, by type and name. */
  known: ReadonlyMap<string, ResourceView>;
}

const slot = (type: string, name: string) => `${type}\u0000${name}`;

/** The run's campuses with their plans, and the views that belong to no campus (they stay as they are). */
export function runCampuses(run: PlanRun, purpose: string): { campuses: RunCampus[]; others: ResourceView[] } {
  const byUrn = new Map(run.views.map((v) => [v.urn, v]));
  const owner = new Map<string, string | undefined>();
  const campusOf = (v: ResourceView): string | undefined => {
    if (owner.has(v.urn)) return owner.get(v.urn);
    const parent = v.parent === undefined ? undefined : byUrn.get(v.parent);
    const found = v.type === TYPES.campus ? v.urn : parent ? campusOf(parent) : undefined;
    owner.set(v.urn, found);
    return found;
  };
  const under = new Map<string, Map<string, ResourceView>>();
  const others: ResourceView[] = [];
  for (const v of run.views) {
    const campus = campusOf(v);
    if (campus === undefined) others.push(v);
    else (under.get(campus) ?? under.set(campus, new Map()).get(campus)!).set(slot(v.type, v.name), v);
  }
  const campuses = run.views.filter((v) => v.type === TYPES.campus).map((view) => {
    const plan = run.plans?.get(view.urn);
    if (!plan) throw new ReplanError(`campus ${view.name}: its plan did not reach the checker, so it cannot be ${purpose} (this runs under the mocks, with this checker's pulumi-aicluster release in the program)`);
    return { view, plan, known: under.get(view.urn) ?? new Map() };
  });
  return { campuses, others };
}

/**
 * The views of `plan` (a new plan of `campus`) as the run would have had them: a resource the run had keeps its URN,
 * a new one (a contract a fix adds) gets one under its parent's; parents are linked as the engine links them.
 */
export function viewsOf(plan: PlannedCampus, campus: Pick<RunCampus, "view" | "known">): ResourceView[] {
  const views: ResourceView[] = [];
  const walk = (p: PlannedResource, parent: string | undefined) => {
    const urn = p === plan ? campus.view.urn : campus.known.get(slot(p.type, p.name))?.urn ?? `${parent}$${p.type}::${p.name}`;
    views.push({ type: p.type, urn, name: p.name, ...(parent === undefined ? {} : { parent }), props: p.outputs as Record<string, unknown> });
    for (const c of p.children) walk(c, urn);
  };
  walk(plan, campus.view.parent);
  return views;
}

/** Every resource name of a plan (a campus's subtree). */
export function namesOf(plan: PlannedCampus): Set<string> {
  return new Set(plannedResources(plan).map((p) => p.name));
}

/** Each campus by the URN of every resource its plan creates (the campus's own included). */
export function campusByResourceUrn(campuses: readonly RunCampus[]): Map<string, RunCampus> {
  const byUrn = new Map<string, RunCampus>();
  for (const c of campuses) for (const v of viewsOf(c.plan, c)) byUrn.set(v.urn, c);
  return byUrn;
}
