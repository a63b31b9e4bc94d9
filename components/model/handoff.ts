/**
 * Validation once per tree: a parent plans its whole subtree before it registers anything (so bad input fails before
 * any resource exists), then hands each child its node of the plan (`{ parent: this, plan: child }`, see
 * `PlannedOptions` and components/model/plan.ts). The child takes it instead of validating and computing again: a
 * 5 GW plan models each hall once, not once per level; a stack hands its campus the plan it validated first
 * (stacks/program.ts). The AWS pilot takes its validated model the same way.
 */

/**
 * The options through which a parent hands a component its node of the planned tree (components/model/plan.ts): the
 * component creates exactly what the node says (its children with their args, its outputs) instead of planning again.
 * A node that was not planned for these very args is a programming error: the outputs would not be the args'.
 */
export interface PlannedOptions<P> {
  /** @internal */
  readonly plan?: P;
}

/** `opts` as the engine should see them, without `plan`: the same object when there is none (the usual case for users). */
export function withoutPlan<O extends object>(opts: (O & PlannedOptions<unknown>) | undefined): O | undefined {
  if (opts === undefined || !("plan" in opts)) return opts;
  const { plan: _plan, ...rest } = opts;
  return rest as O;
}
