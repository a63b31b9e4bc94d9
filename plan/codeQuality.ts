/**
 * The planner's report as a GitLab Code Quality report (the `artifacts:reports:codequality` JSON: an array of issues,
 * a subset of the Code Climate issue format). A pure function of the PlanReport, like the SARIF log in ./ciFormats,
 * and built from the same parts: the same findings, the same location (the program line that created the resource,
 * else the stack's config file, repository-relative) and the same stable fingerprint (policy, URN and budget; no
 * year, no figures), so a finding keeps its identity in GitLab's merge request widget as it does in code scanning.
 *
 * GitLab requires, per issue: `description`, `check_name`, `fingerprint` (unique in the report), `severity` (one of
 * `info`, `minor`, `major`, `critical`, `blocker`) and `location.path` with `location.lines.begin` (or
 * `location.positions.begin.line`). Exactly those are written, nothing else.
 *
 * Which findings become issues:
 * - a violation of a blocking rule (mandatory, remediate) that no live exemption covers: `blocker` (it fails the run,
 *   exit 1, as it blocks `pulumi preview`);
 * - a violation of an advisory rule: `major` (a broken budget that does not block);
 * - a check that could not be made (not-applicable: a value the rule needs is missing): `info`, kept as SARIF keeps it
 *   as a note, so a check that silently stopped running shows up;
 * - an **exempted** violation: left out. GitLab's format has no suppression (SARIF has `suppressions`, JUnit
 *   `skipped`), and GitLab lists every issue of the report in the merge request as a code quality finding: an
 *   exemption is the policy owner's decision that the violation no longer counts, so it is not reported as one. The
 *   exemption itself stays visible in the JSON, Markdown, SARIF and JUnit reports and in the summary. A violation
 *   whose exemption has expired counts again and is an issue, its description saying the exemption lapsed.
 * Passes are never issues.
 */
import type { EnforcedFinding } from "../policies/evaluate";
import { expiredSuffix } from "../policies/exemptions";
import { fixText, isBlocking } from "../policies/finding";
import { findingFingerprint, findingLocation } from "./ciFormats";
import { jsonSafe } from "./neutralise";
import type { PlanReport } from "./report";

/** GitLab Code Quality severities, lowest to highest. */
export type CodeQualitySeverity = "info" | "minor" | "major" | "critical" | "blocker";

/** One issue of a GitLab Code Quality report: the fields GitLab documents as required, and no others. */
export interface CodeQualityIssue {
  /** The finding's message and its fix, as SARIF's message text (plus a lapsed exemption's note). */
  description: string;
  /** The policy (rule) name, e.g. `water-permit`. */
  check_name: string;
  /** The finding's stable fingerprint (findingFingerprint: SARIF's `aiclusterFinding/v2`), 32 hex digits. */
  fingerprint: string;
  severity: CodeQualitySeverity;
  location: {
    /** Repository-relative, forward slashes: the program file that created the resource, else the stack's config file. */
    path: string;
    /** The program line; 1 when the finding points at a whole file (GitLab requires a line). */
    lines: { begin: number };
  };
}

/** The file name extension `--output-dir` would give the format: `aicluster-<stack>.codequality.json`. */
export const CODE_QUALITY_EXTENSION = "codequality.json";

/** A finding's Code Quality severity, or undefined when it is no issue (a pass, or a violation a live exemption covers). */
export function codeQualitySeverity(f: Pick<EnforcedFinding, "status" | "enforcementLevel" | "exemption">): CodeQualitySeverity | undefined {
  if (f.status === "not-applicable") return "info";
  if (f.status !== "violation" || f.exemption !== undefined) return undefined;
  return isBlocking(f.enforcementLevel) ? "blocker" : "major";
}

/** The report's issues, in the report's order of findings. */
export function codeQualityIssues(report: PlanReport): CodeQualityIssue[] {
  const issues: CodeQualityIssue[] = [];
  for (const f of report.findings) {
    const severity = codeQualitySeverity(f);
    if (severity === undefined) continue;
    const at = findingLocation(report, f);
    issues.push({
      description: `${f.remediation ? `${f.message} Fix: ${fixText(f)}` : f.message}${expiredSuffix(f)}`,
      check_name: f.policy,
      fingerprint: findingFingerprint(f),
      severity,
      location: { path: at.file, lines: { begin: at.line ?? 1 } },
    });
  }
  return issues;
}

/**
 * The Code Quality report as JSON text (for `aicluster-<stack>.codequality.json`), through jsonSafe as the SARIF log
 * is: the same value, and nothing a terminal or the Actions runner acts on if the file is printed to a log.
 */
export function renderCodeQuality(report: PlanReport): string {
  return jsonSafe(JSON.stringify(codeQualityIssues(report), null, 2));
}
