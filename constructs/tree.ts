/** What marks an aicluster construct in a construct tree, and how the tree is read back as the rules' resource views. */
import type { IConstruct } from "constructs";
import type { ResourceView } from "../policies/view";

/** `Symbol.for`, so two copies of the package in one app (sources and dist, say) still recognise each other's constructs. */
const MARK: unique symbol = Symbol.for("pulumi-aicluster.construct") as never;

/** An aicluster construct as the tree sees it: its type token and what the Pulumi component would register as outputs. */
export interface IAiclusterConstruct extends IConstruct {
  /** The Pulumi type token of the matching component, e.g. `aicluster:index:Campus`. */
  readonly resourceType: string;
  /** The values the matching Pulumi component registers with registerOutputs (what stack policies see). */
  readonly outputs: object;
}

export function markAiclusterConstruct(c: IAiclusterConstruct): void {
  Object.defineProperty(c, MARK, { value: true, enumerable: false });
}

/** Whether `c` is an aicluster construct (of any copy of the package loaded in the app). */
export function isAiclusterConstruct(c: unknown): c is IAiclusterConstruct {
  return typeof c === "object" && c !== null && (c as Record<symbol, unknown>)[MARK] === true;
}

/** The nearest aicluster construct above `c` (not `c` itself), if any. */
export function aiclusterParent(c: IConstruct): IAiclusterConstruct | undefined {
  const scopes = c.node.scopes;
  for (let i = scopes.length - 2; i >= 0; i--) if (isAiclusterConstruct(scopes[i])) return scopes[i] as IAiclusterConstruct;
  return undefined;
}

/** The topmost aicluster construct at or above `c`: the one whose validation runs the rules for its tree. */
export function aiclusterRoot(c: IAiclusterConstruct): IAiclusterConstruct {
  return c.node.scopes.find(isAiclusterConstruct) ?? c;
}

/**
 * A value as the engine hands registered outputs to policies: object keys holding `undefined` are dropped (Pulumi's
 * serialization drops them too), everything else is kept as it is (numbers are not rounded or turned into strings).
 */
export function plainProps<T>(value: T): T {
  if (Array.isArray(value)) return value.map(plainProps) as T;
  if (typeof value !== "object" || value === null) return value;
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined).map(([k, v]) => [k, plainProps(v)])) as T;
}

/**
 * The resource views of an aicluster tree, as the Pulumi pack would see the same components: the URN is the construct
 * path (name patterns in exemptions match the same names in both engines; `urn:pulumi:` patterns match nothing here),
 * the name is the construct id (= the Pulumi resource name), the parent is the nearest aicluster construct above.
 */
export function viewsOf(root: IConstruct): ResourceView[] {
  return root.node.findAll().filter(isAiclusterConstruct).map((c): ResourceView => {
    const parent = aiclusterParent(c);
    return { type: c.resourceType, urn: c.node.path, name: c.node.id, ...(parent ? { parent: parent.node.path } : {}), props: plainProps(c.outputs) as Record<string, unknown> };
  });
}
