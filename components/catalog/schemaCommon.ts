/** Building blocks every catalog schema shares: ids, sources, cross-field helpers. */
import { z } from "zod";

/**
 * Every schema here is strict: a field the schema does not know (a misspelt `maxPowerw`, say) is an error naming it,
 * not silently dropped. Cross-field rules are `superRefine`s below; zod runs them even when a field failed its own
 * check, so each rule compares only values that are finite numbers (`bothFinite`) and leaves the rest to the field checks.
 */
export const id = z
  .string()
  .regex(/^[a-z0-9][a-z0-9.-]*$/, "lower-case letters, digits, '.' and '-'");

/** Where a figure comes from: a document or page, and when it was checked. */
export const sourceSchema = z.strictObject({
  title: z.string().min(3),
  url: z.string().url().optional(),
  /** ISO date the figure was checked against the source. */
  checked: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "an ISO date YYYY-MM-DD"),
  /** How the figure was derived, or what is assumed beyond the source. */
  note: z.string().optional(),
});
export type Source = z.infer<typeof sourceSchema>;

/** True when every value is a finite number, so a cross-field rule can compare them. */
export function bothFinite(...values: unknown[]): boolean {
  return values.every((v) => typeof v === "number" && Number.isFinite(v));
}

/** Adds a problem on `field`; the message is what is allowed, shown as `field = value; allowed: <message>`. */
export function fail(ctx: z.RefinementCtx, field: string, allowed: string): void {
  ctx.addIssue({ code: "custom", path: [field], message: allowed });
}
