/**
 * Args must be plain values: the model computes the footprint, and the components create their children, while the
 * constructor runs, before any Output or Promise could resolve. Finds each one so the message can say so by name
 * instead of showing the value's `toJSON` text. Duck-typed (see deferredKind): no Pulumi import here.
 */
import { deferredKind, fieldPath, InputProblem } from "../catalog/issues";

/** Args that decide how many resources are created: the lists of children, the counts, and whether a plant exists. */
const TREE_ARGS: ReadonlySet<string> = new Set(["halls", "racks", "powerContracts", "rackCount", "nodeCount", "cooling"]);

export const PLAIN_FOR_TREE = "pass a plain value: this argument decides how many resources are created";
export const PLAIN_FOR_MODEL = "pass a plain value: the footprint is computed from this argument when the component is created";

/** The plain-value reason for a field: the tree one when its nearest named key (not a list index) decides the tree. */
function reasonFor(path: readonly PropertyKey[]): string {
  const named = path.filter((key): key is string => typeof key === "string");
  return TREE_ARGS.has(named[named.length - 1] ?? "") ? PLAIN_FOR_TREE : PLAIN_FOR_MODEL;
}

function isPlainContainer(value: unknown): value is Record<string, unknown> | unknown[] {
  if (Array.isArray(value)) return true;
  if (value === null || typeof value !== "object") return false;
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

/** One problem per Output or Promise anywhere in `args` (plain objects and arrays are searched; cycles are not followed). */
export function deferredProblems(args: unknown): InputProblem[] {
  const problems: InputProblem[] = [];
  const seen = new Set<object>();
  // One path array, pushed and popped: hourly profiles hold 8,760 numbers and every nested model walks its args again.
  const path: PropertyKey[] = [];
  const visit = (value: unknown): void => {
    if (deferredKind(value)) {
      problems.push({ field: fieldPath(path) || "(args)", value, allowed: reasonFor(path) });
      return;
    }
    if (!isPlainContainer(value) || seen.has(value)) return;
    seen.add(value);
    const keys: PropertyKey[] = Array.isArray(value) ? [] : Object.keys(value);
    const length = Array.isArray(value) ? value.length : keys.length;
    for (let i = 0; i < length; i++) {
      const key = Array.isArray(value) ? i : keys[i];
      const item = (value as Record<PropertyKey, unknown>)[key];
      if (item === null || typeof item !== "object") continue;
      path.push(key);
      visit(item);
      path.pop();
    }
  };
  visit(args);
  return problems;
}
