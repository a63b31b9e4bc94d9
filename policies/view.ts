/** The normalized view of a resource every rule reads, whatever produced it: the engine, mocks, or the offline planner. */
import type { PublishedByType } from "../components/model/published";
import { TYPE_TOKENS } from "../components/model/typeTokens";

export interface ResourceView {
  /** Type token, e.g. `aicluster:index:DataHall`. */
  type: string;
  urn: string;
  name: string;
  /** URN of the parent resource, when it has one. */
  parent?: string;
  /** For aicluster components: the footprint registered with registerOutputs (what stack policies see). */
  props: Record<string, unknown>;
}

/** The types rules select: aicluster's components (components/model/typeTokens.ts) and the EC2 instances of a pilot. */
export const TYPES = { ...TYPE_TOKENS, awsInstance: "aws:ec2/instance:Instance" } as const;

export const RACK_TYPES = [TYPES.liquidRack, TYPES.airRack] as const;

declare const PUBLISHED: unique symbol;

/**
 * A view of a resource selected by its type, carrying (in its type only) the outputs `F` that type publishes, so that
 * rules name fields by typed keys: renaming a footprint field makes a rule that reads it fail to compile, rather than
 * silently become not applicable. Nothing changes at run time: the props are still whatever the producer gave.
 */
export interface ViewOf<F> extends ResourceView {
  readonly [PUBLISHED]?: F;
}

/** What resources of type `T` publish: the component's outputs, or `unknown` (any key) for a type that is not aicluster's. */
export type PublishedBy<T extends string> = T extends keyof PublishedByType ? PublishedByType[T] : unknown;

/**
 * The keys of `F` whose values (when present) are of type `V`; any key when `F` is unknown (a view not selected by an
 * aicluster type, e.g. a resource type of your own).
 */
export type KeysWith<F, V> = unknown extends F ? string : { [K in keyof F]-?: NonNullable<F[K]> extends V ? K : never }[keyof F] & string;

/** The keys of `F`; any key when `F` is unknown. */
export type KeyOf<F> = unknown extends F ? string : keyof F & string;

/** Resources of one or more types, typed by what those types publish. */
export function ofType<T extends string>(resources: readonly ResourceView[], ...types: T[]): ViewOf<PublishedBy<T>>[] {
  return resources.filter((r) => (types as readonly string[]).includes(r.type));
}

/** The raw value at a published key (undefined when missing, unknown during preview, or of another shape). */
export function prop<F>(view: ViewOf<F>, key: NoInfer<KeyOf<F>>): unknown {
  return view.props[key];
}

/** A finite number at `key`, or undefined when missing or not yet known (unknown values during preview). */
export function numberProp<F>(view: ViewOf<F>, key: NoInfer<KeysWith<F, number>>): number | undefined {
  const v = view.props[key];
  return typeof v === "number" && Number.isFinite(v) ? v : undefined;
}

/** A string at `key`, or undefined when missing or not yet known. */
export function stringProp<F>(view: ViewOf<F>, key: NoInfer<KeysWith<F, string>>): string | undefined {
  const v = view.props[key];
  return typeof v === "string" ? v : undefined;
}

/** The string-valued tags of a resource (`props.tags`), empty when it has none. */
export function tagsOf(view: ResourceView): Record<string, string> {
  const tags = view.props.tags;
  if (!tags || typeof tags !== "object") return {};
  return Object.fromEntries(Object.entries(tags as Record<string, unknown>).filter((e): e is [string, string] => typeof e[1] === "string"));
}
