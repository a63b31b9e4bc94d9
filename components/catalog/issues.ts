/** Turns zod issues into readable problems: field, value received, what is allowed. No Pulumi import. */

export interface InputProblem {
  /** Dotted path of the field, e.g. `racks[0].rackCount`. */
  field: string;
  /** The value that was given. */
  value: unknown;
  /** What would be accepted, e.g. `a whole number from 1 to 10000`. */
  allowed: string;
}

/** Dotted path of a field from its keys: `racks[0].rackCount`. */
export function fieldPath(path: readonly PropertyKey[]): string {
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

/**
 * "an Output" or "a Promise" for a value that is not there yet, by duck type so this layer needs no Pulumi import:
 * `__pulumiOutput` is the mark `pulumi.Output.isInstance` checks; any thenable counts as a Promise.
 */
export function deferredKind(value: unknown): "an Output" | "a Promise" | undefined {
  if (value === null || (typeof value !== "object" && typeof value !== "function")) return undefined;
  const v = value as { __pulumiOutput?: unknown; then?: unknown };
  if (v.__pulumiOutput === true) return "an Output";
  return typeof v.then === "function" ? "a Promise" : undefined;
}

/** Renders a value for a message: numbers and strings as written, NaN as NaN, undefined as (missing), an Output as "an Output". */
export function showValue(value: unknown): string {
  if (value === undefined) return "(missing)";
  const deferred = deferredKind(value);
  if (deferred) return deferred;
  if (typeof value === "number") return String(value);
  if (typeof value === "string") return JSON.stringify(value);
  try {
    const s = JSON.stringify(value);
    return s.length > 80 ? `${s.slice(0, 77)}...` : s;
  } catch {
    return String(value);
  }
}

/** What an unknown field is told. */
export const UNKNOWN_FIELD = "no such field (check the spelling)";

/**
 * One issue of a failed parse, as zod reports it. Declared structurally (a zod issue is one) so that the package's
 * public declarations need no zod types: zod's own .d.ts fail to type-check without `esModuleInterop`.
 */
export interface SchemaIssue {
  /** The kind of issue, e.g. `too_small`, `invalid_type`, `unrecognized_keys`, `custom`. */
  readonly code: string;
  /** Keys from the parsed value down to the field, e.g. `["racks", 0, "rackCount"]`. */
  readonly path: readonly PropertyKey[];
  /** What is allowed, as the schema words it. */
  readonly message: string;
  /** The unknown keys of an `unrecognized_keys` issue. */
  readonly keys?: readonly string[];
}

/** A failed parse's error (a `z.ZodError` is one). */
export interface SchemaError {
  /** Every issue the parse found. */
  readonly issues: readonly SchemaIssue[];
}

/** What validates a catalog entry: a zod schema, seen structurally. */
export interface EntrySchema<T> {
  /** Validates `input` without throwing: the parsed entry, or the issues that reject it. */
  safeParse(input: unknown):
    | {
        /** The input is a valid entry. */
        success: true;
        /** The parsed entry. */
        data: T;
      }
    | {
        /** The input is not a valid entry. */
        success: false;
        /** Why not, one issue per problem. */
        error: SchemaError;
      };
}

/**
 * One problem per zod issue; unrecognised keys are reported each on its own. Identical problems are listed once:
 * two checks can fail with one message (`.int()` and `.min()` both reject -9007199254740992).
 */
export function problemsFromZod(error: SchemaError, input: unknown): InputProblem[] {
  const problems: InputProblem[] = [];
  const seen = new Set<string>();
  const push = (problem: InputProblem) => {
    const key = `${problem.field}\u0000${problem.allowed}`;
    if (!seen.has(key)) problems.push(problem);
    seen.add(key);
  };
  for (const issue of error.issues) {
    if (issue.code === "unrecognized_keys") {
      for (const key of issue.keys ?? []) {
        push({ field: fieldPath([...issue.path, key]), value: valueAt(input, [...issue.path, key]), allowed: UNKNOWN_FIELD });
      }
      continue;
    }
    push({ field: fieldPath(issue.path) || "(args)", value: valueAt(input, issue.path), allowed: issue.message });
  }
  return problems;
}

/** A problem without its field: `<value>; allowed: <what>` (what Pulumi lists beside the property path). */
export function describeReason(problem: InputProblem): string {
  return `${showValue(problem.value)}; allowed: ${problem.allowed}`;
}

/** One line per problem. */
export function describeProblems(problems: readonly InputProblem[]): string {
  return problems.map((p) => `${p.field} = ${describeReason(p)}`).join("\n  - ");
}
