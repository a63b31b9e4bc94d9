/**
 * Reading `--baseline <report.json>`: the earlier JSON report (the base branch's) that this plan is compared with.
 * The file is read like `--policy-config`: a regular file only, a size cap, a nesting bound, strict JSON whose
 * syntax errors are given by line and column, and no echo of the file's content: a bad field is named with the kind
 * of its value ("a string"), never the value (the path may be anything a user typed, a credentials file included).
 */
import { z } from "zod";
import { problemsFromZod } from "../../components/catalog/issues";
import { kindOf } from "../../policies/config";
import { ENFORCEMENT_LEVELS, EnforcementLevel } from "../../policies/finding";
import { fileError, readJsonFile } from "../jsonFile";

/** The JSON report versions this planner reads (plan/check.ts JSON_SCHEMA_VERSION writes the newest). */
export const SUPPORTED_BASELINE_VERSIONS: readonly number[] = [1];

/** A plan report is tens of kB (a few MB with --hourly at full scale): 64 MiB is far above any, and bounds memory. */
export const MAX_BASELINE_BYTES = 64 * 1024 * 1024;

/** A value that JSON may hold as null: the planner writes ±Infinity and NaN (a share of a limit of 0) as null. */
const finiteOrNull = z.number({ error: "a number, or null (a value that was not finite)" }).nullable();
const text = z.string({ error: "a string" });
const wholeCount = z.number({ error: "a whole number ≥ 0" }).int({ error: "a whole number ≥ 0" }).min(0, { error: "a whole number ≥ 0" });
const level = z.enum(ENFORCEMENT_LEVELS as [EnforcementLevel, ...EnforcementLevel[]], { error: `one of ${ENFORCEMENT_LEVELS.join(", ")}` });

const BUDGET_ROW = z.object({
  policy: text, budget: text, enforcementLevel: level, resourceName: text,
  used: finiteOrNull, limit: finiteOrNull, unit: text, bound: z.enum(["max", "min"], { error: "max or min" }),
  headroom: finiteOrNull, headroomShare: finiteOrNull.optional(), violations: wholeCount, at: text.optional(),
  // Of the violations, those an exemption covers (reports written with exemptions).
  exempted: wholeCount.optional(),
}, { error: "an object (a budget row)" });

const FINDING = z.object({
  policy: text, status: z.enum(["violation", "pass", "not-applicable"], { error: "violation, pass or not-applicable" }),
  resourceUrn: text, resourceName: text, budget: text.optional(), measured: finiteOrNull.optional(), limit: finiteOrNull.optional(),
  unit: text.optional(), year: z.number({ error: "a whole year" }).int({ error: "a whole year" }).optional(),
  message: text, remediation: text, enforcementLevel: level,
  // Written by the exemptions feature; any value present marks the finding as exempted (not blocking).
  exemption: z.unknown().optional(),
}, { error: "an object (a finding)" });

/** Only what the comparison reads; other fields of the report (and unknown ones) are allowed and dropped. */
const BASELINE_REPORT = z.object({
  schemaVersion: z.number(),
  project: text, stack: text, resourceCount: wholeCount,
  budgets: z.array(BUDGET_ROW, { error: "a list of budget rows" }),
  findings: z.array(FINDING, { error: "a list of findings" }),
  verdict: z.enum(["pass", "fail"], { error: "pass or fail" }),
});

/** The parts of an earlier JSON report (`npm run plan -- <stack> --format json`) that the comparison reads. */
export type BaselineReport = z.infer<typeof BASELINE_REPORT>;

/** A value for a message: its kind only (`a string`, `a number`, `a list of 2`, `(missing)`), never what the file says. */
function valueText(v: unknown): string {
  return kindOf(v);
}

/** Problems shown in one message; the rest are counted (a report broken everywhere would otherwise list each row). */
const PROBLEMS_SHOWN = 3;

/**
 * Checks a parsed JSON value as a baseline report; `origin` names it in messages (`--baseline base.json`). The
 * schemaVersion is checked first, so a file that is not a report (or a newer one) gets that message alone.
 */
export function parseBaselineReport(value: unknown, origin: string): BaselineReport {
  const reportHint = "the JSON report of npm run plan -- <stack> --format json";
  if (value === null || typeof value !== "object" || Array.isArray(value)) {
    throw fileError(`${origin}: ${valueText(value)}; allowed: a JSON object, ${reportHint}`);
  }
  const version = (value as Record<string, unknown>).schemaVersion;
  const allowedVersions = SUPPORTED_BASELINE_VERSIONS.join(" or ");
  if (typeof version !== "number" || !SUPPORTED_BASELINE_VERSIONS.includes(version)) {
    const newer = typeof version === "number" && version > Math.max(...SUPPORTED_BASELINE_VERSIONS);
    throw fileError(
      `${origin}: schemaVersion = ${newer ? `a number above ${Math.max(...SUPPORTED_BASELINE_VERSIONS)}` : valueText(version)}; allowed: ${allowedVersions} (${newer ? "the baseline was written by a newer planner than this one" : reportHint})`,
    );
  }
  const parsed = BASELINE_REPORT.safeParse(value);
  if (parsed.success) return parsed.data;
  const problems = problemsFromZod(parsed.error, value);
  const lines = problems.slice(0, PROBLEMS_SHOWN).map((p) => `${p.field} = ${valueText(p.value)}; allowed: ${p.allowed}`);
  if (problems.length > PROBLEMS_SHOWN) lines.push(`... and ${problems.length - PROBLEMS_SHOWN} more problems`);
  throw fileError(lines.length === 1 ? `${origin}: ${lines[0]}` : `${origin}: ${problems.length} problems:\n  - ${lines.join("\n  - ")}`);
}

/** The earlier report in `file`, checked (a UsageError naming `--baseline <file>`, the field, the kind of value and what is allowed). */
export function readBaselineReport(file: string, capBytes = MAX_BASELINE_BYTES): BaselineReport {
  const option = `--baseline ${file}`;
  return parseBaselineReport(readJsonFile(file, option, capBytes, "a JSON report file (npm run plan -- <stack> --format json)"), option);
}
