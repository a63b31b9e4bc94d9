/** Building blocks every catalog schema shares: ids, sources, cross-field helpers. */
import { z } from "zod";

/**
 * Every schema here is strict: a field the schema does not know (a misspelt `maxPowerw`, say) is an error naming it,
 * not silently dropped. Cross-field rules are `superRefine`s below; zod runs them even when a field failed its own
 * check, so each rule compares only values that are finite numbers (`bothFinite`) and leaves the rest to the field checks.
 * @internal
 */
export const id = z
  .string()
  .regex(/^[a-z0-9][a-z0-9.-]*$/, "lower-case letters, digits, '.' and '-'");

/** Where a figure comes from: a document or page, and when it was checked. */
export interface Source {
  /** Title of the document or page, at least 3 characters. */
  title: string;
  /** Where it is published. @default none */
  url?: string;
  /** ISO date (YYYY-MM-DD) the figure was checked against the source. */
  checked: string;
  /** How the figure was derived, or what is assumed beyond the source. @default none */
  note?: string;
}

/**
 * The public declarations spell each catalog type out as a plain interface instead of `z.infer<typeof schema>`: zod's
 * own declaration files fail to type-check in a consumer without `esModuleInterop` (and without `skipLibCheck`), so
 * no public .d.ts may reference zod. `SameShape` (checked where each schema is declared) keeps interface and schema equal.
 * @internal
 */
export type SameShape<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
/** Compiles only when its argument is `true`. @internal */
export type Assert<T extends true> = T;

/** The schema of a `Source`. @internal */
export const sourceSchema = z.strictObject({
  title: z.string().min(3),
  url: z.string().url().optional(),
  /** ISO date the figure was checked against the source. */
  checked: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "an ISO date YYYY-MM-DD"),
  /** How the figure was derived, or what is assumed beyond the source. */
  note: z.string().optional(),
});
/** @internal */
export type SourceMatchesSchema = Assert<SameShape<Source, z.infer<typeof sourceSchema>>>;

/** True when every value is a finite number, so a cross-field rule can compare them. */
export function bothFinite(...values: unknown[]): boolean {
  return values.every((v) => typeof v === "number" && Number.isFinite(v));
}

/** Adds a problem on `field`; the message is what is allowed, shown as `field = value; allowed: <message>`. @internal */
export function fail(ctx: z.RefinementCtx, field: string, allowed: string): void {
  ctx.addIssue({ code: "custom", path: [field], message: allowed });
}

/**
 * A `{ low, base, high }` range of numbers from `min` to `max`, low ≤ base ≤ high (a cost, a rate). @internal
 */
export function orderedRangeSchema(min: number, max: number): z.ZodType<{ low: number; base: number; high: number }> {
  const n = () => z.number().min(min).max(max);
  return z.strictObject({ low: n(), base: n(), high: n() }).superRefine((r, ctx) => {
    if (bothFinite(r.low, r.base) && r.low > r.base) fail(ctx, "base", `at least low (${r.low}): a range is low ≤ base ≤ high`);
    if (bothFinite(r.base, r.high) && r.base > r.high) fail(ctx, "high", `at least base (${r.base}): a range is low ≤ base ≤ high`);
  });
}
