/**
 * Validation once per tree: a parent validates its whole subtree before it registers anything (so bad input fails
 * before any resource exists), then hands each child the footprint it already computed for that child's args.
 * The child takes it instead of validating and computing again. Keyed by the args object the parent builds for the
 * child, so only that parent's own call can be served; any other construction validates as usual.
 */
const handed = new WeakMap<object, unknown>();

/** Marks `args` (built by the parent for one child) as already modelled; returns `args`. */
export function handOff<A extends object>(args: A, footprint: unknown): A {
  handed.set(args, footprint);
  return args;
}

/** The footprint a parent handed over for `args`, or `model()` when there is none. */
export function modelOnce<A extends object, F>(args: A, model: () => F): F {
  const footprint = handed.get(args);
  if (footprint === undefined) return model();
  handed.delete(args);
  return footprint as F;
}

/** A child's footprint as the parent holds it, without the name the parent keys it by. */
export function withoutName<F extends { name: string }>({ name: _name, ...footprint }: F): Omit<F, "name"> {
  return footprint;
}
