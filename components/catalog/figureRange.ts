/**
 * Sourced plausible ranges of a catalog entry's uncertain figures (`ranges` on rack and node designs, accelerators,
 * cooling technologies, generation sources and markets): a confidence run draws each figure between its low and high,
 * most likely at the entry's own value. The schema checks that every range names a numeric field of the entry, holds
 * the entry's value, and that the entry is still valid with the field at either end.
 */
import { z } from "zod";
import { type EntrySchema, fieldPath, type SchemaIssue, showValue } from "./issues";

/** A sourced plausible range of one numeric field of a catalog entry: a confidence run draws the field between low and high, most likely at the entry's own value. */
export interface FigureRange {
  /** Lowest plausible value, in the field's unit (a finite number, at most the entry's value and below high). */
  low: number;
  /** Highest plausible value, in the field's unit (a finite number, at least the entry's value and above low). */
  high: number;
  /** Where the range comes from, or how it was sized when no source gives it (at least 3 characters). */
  note: string;
}

/** Ranges by field path: a top-level numeric field ("switchPowerW") or a nested one ("cdu.approachK"). */
export type FigureRanges = Record<string, FigureRange>;

/** Own property `key` of an object or array, or undefined (a path never reaches a prototype's members). */
function child(container: unknown, key: string): unknown {
  if (container === null || typeof container !== "object") return undefined;
  if (Array.isArray(container) && !/^(0|[1-9]\d*)$/.test(key)) return undefined;
  return Object.prototype.hasOwnProperty.call(container, key) ? (container as Record<string, unknown>)[key] : undefined;
}

/** The value at a dotted path of an entry ("cdu.approachK"; array elements by index, "ambientDerating.points.2.fraction"), or undefined. */
function valueAtPath(entry: unknown, path: string): unknown {
  return path.split(".").reduce<unknown>((value, key) => child(value, key), entry);
}

/**
 * The value at a dotted path of an entry, when it is a finite number. Array elements are named by index
 * ("ambientDerating.points.2.fraction"); a key that itself contains a "." (a market's accreditation of a source id
 * with a dot) cannot be named.
 */
export function numberAt(entry: unknown, path: string): number | undefined {
  const value = valueAtPath(entry, path);
  return typeof value === "number" && Number.isFinite(value) ? value : undefined;
}

/**
 * A copy of `entry` (deep enough: only objects on the path are copied) with `path` set to `value`; the entry itself is
 * not changed. Objects and arrays off the path are shared with `entry`. Throws when `path` does not name an existing
 * field (an unknown or misspelt path would otherwise add a field the entry does not have).
 */
export function withNumberAt<T>(entry: T, path: string, value: number): T {
  const keys = path.split(".");
  const set = (container: unknown, depth: number): unknown => {
    const key = keys[depth];
    if (container === null || typeof container !== "object" || child(container, key) === undefined) {
      throw new Error(`withNumberAt: no field "${path}" in the entry (at "${keys.slice(0, depth + 1).join(".")}")`);
    }
    const copy: Record<string, unknown> = Array.isArray(container) ? ([...container] as unknown as Record<string, unknown>) : { ...(container as Record<string, unknown>) };
    copy[key] = depth === keys.length - 1 ? value : set(copy[key], depth + 1);
    return copy;
  };
  return set(entry, 0) as T;
}

/** The dotted paths of an entry's finite numeric fields (its `ranges` and `source` left out), in field order. */
function numericPaths(entry: unknown): string[] {
  const paths: string[] = [];
  const walk = (value: unknown, prefix: string) => {
    if (typeof value === "number" && Number.isFinite(value)) paths.push(prefix);
    else if (value !== null && typeof value === "object") {
      for (const [key, nested] of Object.entries(value)) {
        if (prefix === "" && (key === "ranges" || key === "source")) continue;
        walk(nested, prefix ? `${prefix}.${key}` : key);
      }
    }
  };
  walk(entry, "");
  return paths;
}

/** "a string", "an object", ...: what a non-numeric field holds, for a message. */
function kindOf(value: unknown): string {
  if (Array.isArray(value)) return "a list";
  if (value === null) return "null";
  if (typeof value === "number") return `${value}, not a finite number`;
  const kind = typeof value;
  return `${/^[aeiou]/.test(kind) ? "an" : "a"} ${kind}`;
}

/**
 * A range end: any number here, so that a non-finite end reaches the entry's check and is reported on `ranges.<key>`
 * with the rest (`z.number()` would reject it on its own).
 */
const rangeEnd = z.custom<number>((v) => typeof v === "number", "a number, in the field's unit");

/** The schema of a `FigureRange`; its fit to the entry is checked by {@link rangesFitEntry}. @internal */
export const figureRangeSchema = z.strictObject({
  /** Lowest plausible value, in the field's unit. */
  low: rangeEnd,
  /** Highest plausible value, in the field's unit. */
  high: rangeEnd,
  /** Where the range comes from, or how it was sized. */
  note: z.string().min(3),
});
/** The schema of `FigureRanges`: ranges by dotted field path. @internal */
export const figureRangesSchema = z.record(z.string().min(1), figureRangeSchema);

/** A problem on `ranges.<key>` (the path kept as two keys, so the message shows the range given). */
function failRange(ctx: z.RefinementCtx, key: string, allowed: string): void {
  ctx.addIssue({ code: "custom", path: ["ranges", key], message: allowed });
}

/**
 * A superRefine that checks an entry's `ranges` against the entry: each key names a finite numeric field of the entry
 * (a dotted path for a nested one), low and high are finite with low < high, low ≤ the entry's value ≤ high, and the
 * entry with the field at low and at high passes `fields` (the entry's schema without this check: its field bounds and
 * cross-field rules), so a confidence run never draws an invalid figure. Each failure is reported on `ranges.<key>`,
 * one per range. Checks against the rest of the catalog (a node's power within its maxPowerW, a rack's default fill
 * within its ratedKw) are made at registration, not here: test/catalogRanges.test.ts registers every built-in range's ends.
 * @internal
 */
export function rangesFitEntry<T extends { ranges?: FigureRanges }>(fields: EntrySchema<unknown>): (entry: T, ctx: z.RefinementCtx<T>) => void {
  return (entry, ctx) => {
    const ranges: unknown = entry.ranges;
    if (ranges === null || typeof ranges !== "object" || Array.isArray(ranges)) return;
    const { ranges: _ranges, ...withoutRanges } = entry;
    // The entry's own problems, parsed once and only when a range fails: a bad field elsewhere, which every end would
    // repeat, and a bad value of the ranged field itself, which its range need not restate, are left to the entry's report.
    let own: { issues: Set<string>; fields: Set<string> } | undefined;
    const issueKey = (issue: SchemaIssue) => `${fieldPath(issue.path)}\u0000${issue.message}`;
    const ownProblems = () => {
      if (!own) {
        const parsed = fields.safeParse(withoutRanges);
        const issues = parsed.success ? [] : parsed.error.issues;
        own = { issues: new Set(issues.map(issueKey)), fields: new Set(issues.map((i) => i.path.map(String).join("."))) };
      }
      return own;
    };
    const isOwn = (issue: SchemaIssue) => ownProblems().issues.has(issueKey(issue));
    const fieldList = () => numericPaths(withoutRanges).join(", ");
    for (const [key, range] of Object.entries(ranges as Record<string, unknown>)) {
      if (range === null || typeof range !== "object") continue; // the range's own schema reports it
      const { low, high } = range as { low?: unknown; high?: unknown };
      const found = valueAtPath(withoutRanges, key); // never the ranges themselves: they are not in withoutRanges
      if (found === undefined) {
        failRange(ctx, key, `a numeric field of the entry, by dotted path (there is no "${key}"): ${fieldList()}`);
        continue;
      }
      if (typeof found !== "number") {
        failRange(ctx, key, `a numeric field of the entry, by dotted path ("${key}" is ${kindOf(found)}): ${fieldList()}`);
        continue;
      }
      // A non-finite value of the field is the field's own problem, and a non-number end the range schema's: reported there.
      if (!Number.isFinite(found) || typeof low !== "number" || typeof high !== "number") continue;
      if (!Number.isFinite(low) || !Number.isFinite(high)) {
        failRange(ctx, key, `finite low and high (here low ${low}, high ${high})`);
      } else if (!(low < high)) {
        failRange(ctx, key, `low below high (here low ${low}, high ${high}): a range of one value is no range, leave the field out of ranges`);
      } else if (low > found || high < found) {
        if (ownProblems().fields.has(key)) continue;
        if (low > found) failRange(ctx, key, `low at most ${key} (${found}): the range holds the entry's own value`);
        else failRange(ctx, key, `high at least ${key} (${found}): the range holds the entry's own value`);
      } else {
        for (const [end, value] of [["low", low], ["high", high]] as const) {
          const copy = withNumberAt(withoutRanges, key, value);
          const parsed = fields.safeParse(copy);
          const issue = parsed.success ? undefined : parsed.error.issues.find((i) => !isOwn(i));
          if (issue) {
            const field = fieldPath(issue.path) || "(entry)";
            const shown = showValue(issue.path.reduce<unknown>((v, k) => child(v, String(k)), copy));
            failRange(ctx, key, `low and high values the entry accepts as ${key} (at ${end} ${value}: ${field} = ${shown}; allowed: ${issue.message})`);
            break;
          }
        }
      }
    }
  };
}
