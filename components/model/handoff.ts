/**
 * Validation once per tree: a parent validates its whole subtree before it registers anything (so bad input fails
 * before any resource exists), then hands each child the footprint it already computed for that child's args. The
 * child takes it instead of validating and computing again: a 5 GW plan models each hall once, not once per level.
 *
 * The hand-off is explicit: the Pulumi components take the footprint in their options (`{ parent: this, modelled }`,
 * see `ModelledOptions`), and a stack hands its campus the model it validated first (stacks/program.ts).
 */

/** The options through which a caller hands a component the footprint it already modelled. */
export interface ModelledOptions<F> {
  /**
   * The footprint the model computed for these very args, by a parent for its child or by a stack for its campus;
   * the component takes it instead of validating and modelling again. Anything else is a programming error: a
   * footprint that does not come from the same args publishes figures that are not the args'.
   * @internal
   */
  readonly modelled?: F;
}

/** `opts` as Pulumi should see them, without `modelled`: the same object when there is none (the usual case for users). */
export function withoutModelled<O extends object>(opts: (O & ModelledOptions<unknown>) | undefined): O | undefined {
  if (opts === undefined || !("modelled" in opts)) return opts;
  const { modelled: _modelled, ...rest } = opts;
  return rest as O;
}

/** A child's footprint as the parent holds it, without the name the parent keys it by. */
export function withoutName<F extends { name: string }>({ name: _name, ...footprint }: F): Omit<F, "name"> {
  return footprint;
}
