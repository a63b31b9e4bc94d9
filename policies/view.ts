/** The normalized view of a resource every rule reads, whatever produced it: the engine, mocks, or the offline planner. */
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

export const RACK_TYPES: readonly string[] = [TYPES.liquidRack, TYPES.airRack];

/** A finite number at `key`, or undefined when missing or not yet known (unknown values during preview). */
export function numberProp(view: ResourceView, key: string): number | undefined {
  const v = view.props[key];
  return typeof v === "number" && Number.isFinite(v) ? v : undefined;
}

/** A string at `key`, or undefined when missing or not yet known. */
export function stringProp(view: ResourceView, key: string): string | undefined {
  const v = view.props[key];
  return typeof v === "string" ? v : undefined;
}

/** Resources of one or more types. */
export function ofType(resources: readonly ResourceView[], ...types: string[]): ResourceView[] {
  return resources.filter((r) => types.includes(r.type));
}

/** The string-valued tags of a resource (`props.tags`), empty when it has none. */
export function tagsOf(view: ResourceView): Record<string, string> {
  const tags = view.props.tags;
  if (!tags || typeof tags !== "object") return {};
  return Object.fromEntries(Object.entries(tags as Record<string, unknown>).filter((e): e is [string, string] => typeof e[1] === "string"));
}
