/** Turns zod issues into readable problems: field, value received, what is allowed. No Pulumi import. */
import type { z } from "zod";

export interface InputProblem {
  /** Dotted path of the field, e.g. `racks[0].rackCount`. */
  field: string;
  /** The value that was given. */
  value: unknown;
  /** What would be accepted, e.g. `a whole number from 1 to 10000`. */
  allowed: string;
}

function fieldPath(path: readonly PropertyKey[]): string {
  return path.reduce<string>((acc, key) => (typeof key === "number" ? `${acc}[${key}]` : acc ? `${acc}.${String(key)}` : String(key)), "");
}

function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let v: unknown = input;
  for (const key of path) {
    if (v === null || typeof v !== "object") return undefined;
    v = (v as Record<PropertyKey, unknown>)[key];
  }
  return v;
}

/** Renders a value for a message: numbers and strings as written, NaN as NaN, undefined as (missing). */
export function showValue(value: unknown): string {
  if (value === undefined) return "(missing)";
  if (typeof value === "number") return String(value);
  if (typeof value === "string") return JSON.stringify(value);
  try {
    const s = JSON.stringify(value);
    return s.length > 80 ? `${s.slice(0, 77)}...` : s;
  } catch {
    return String(value);
  }
}

/** One problem per zod issue; unrecognised keys are reported each on its own. */
export function problemsFromZod(error: z.ZodError, input: unknown): InputProblem[] {
  const problems: InputProblem[] = [];
  for (const issue of error.issues) {
    if (issue.code === "unrecognized_keys") {
      for (const key of issue.keys) {
        problems.push({ field: fieldPath([...issue.path, key]), value: valueAt(input, [...issue.path, key]), allowed: "no such field (check the spelling)" });
      }
      continue;
    }
    problems.push({ field: fieldPath(issue.path) || "(args)", value: valueAt(input, issue.path), allowed: issue.message });
  }
  return problems;
}

/** One line per problem. */
export function describeProblems(problems: readonly InputProblem[]): string {
  return problems.map((p) => `${p.field} = ${showValue(p.value)}; allowed: ${p.allowed}`).join("\n  - ");
}
