/**
 * The planner's report in the formats CI systems read: SARIF 2.1.0 (code scanning), JUnit XML (test reports) and
 * GitHub Actions workflow commands (annotations, and the Markdown report in the job summary). Pure functions of the
 * PlanReport, plus the full findings list (passes included) for JUnit, which the report itself leaves out.
 *
 * Every result is located at the program line that created its resource when the run recorded one (the campus a
 * budget belongs to: `new Campus(...)` in the user's program), else at the stack's config file without a line.
 * Paths are relative to the repository root, which code scanning resolves them against.
 */
import { createHash } from "node:crypto";
import * as fs from "node:fs";
import type { EnforcedFinding } from "../policies/evaluate";
import { blocks, describeExemption, exemptionNote, expiredSuffix } from "../policies/exemptions";
import { isBlocking } from "../policies/finding";
import { RULES } from "../policies/rules";
import type { ReportLocation } from "./locations";
import { jsonSafe, showControls, textSafe, workflowCommandSafe } from "./neutralise";
import type { PlanReport } from "./report";

/** This repository's stack config file, relative to its root: where results point in a report without locations. */
export function stackConfigPath(stack: string): string {
  return `stacks/Pulumi.${stack}.yaml`;
}

/** Where a finding points: the program line that created its resource when recorded, else the stack config file. */
export function findingLocation(report: PlanReport, f: Pick<EnforcedFinding, "resourceUrn">): ReportLocation {
  return report.locations?.resources[f.resourceUrn] ?? report.locations?.stackConfig ?? { file: stackConfigPath(report.stack) };
}

/**
 * A finding's identity across runs: sha256 (first 32 hex digits) of policy, resource URN, budget and year. Numbers
 * and messages are left out, so the same broken budget keeps its fingerprint while its figures move.
 */
export function findingFingerprint(f: Pick<EnforcedFinding, "policy" | "resourceUrn" | "budget" | "year">): string {
  return createHash("sha256").update([f.policy, f.resourceUrn, f.budget ?? "", f.year === undefined ? "" : String(f.year)].join("\u0000")).digest("hex").slice(0, 32);
}

/** The finding's message with its fix (and a lapsed exemption, when one has), one line of text (raw: each format escapes it). */
function messageWithFix(f: EnforcedFinding): string {
  return `${f.remediation ? `${f.message} Fix: ${f.remediation}` : f.message}${expiredSuffix(f)}`;
}

/** `exempted (reason, until 2026-12-31)` for an exempted violation. */
function exemptedPrefix(f: EnforcedFinding): string {
  return f.exemption ? `exempted (${describeExemption(f.exemption)})` : "";
}

// ---------------------------------------------------------------------------------------------------------------- SARIF

export const SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json";
/** The partialFingerprints key (versioned: a change in what is hashed gets a new key, not silently new values). */
export const FINGERPRINT_KEY = "aiclusterFinding/v1";

export type SarifLevel = "error" | "warning" | "note";

/**
 * A finding's SARIF level: `error` for a violation of a blocking rule (mandatory, remediate), `warning` for an
 * advisory one, and `note` for a check that could not be made (not-applicable: a value the rule needs is missing).
 * Not-applicable findings are kept as notes rather than dropped, so a check that silently stopped running shows up.
 * An exempted violation keeps its level and carries a SARIF `suppressions` entry instead (see sarifLog).
 */
export function sarifLevel(f: EnforcedFinding): SarifLevel {
  if (f.status === "not-applicable") return "note";
  return isBlocking(f.enforcementLevel) ? "error" : "warning";
}

/**
 * The SARIF log (an object; JSON.stringify it). Results: the report's findings (violations and not-applicable). An
 * exempted violation carries SARIF's own `suppressions` (kind external: the policy config; status accepted; the
 * reason and expiry as justification), which GitHub code scanning reads as a dismissed alert; the run's `properties`
 * list every exemption and what became of it.
 */
export function sarifLog(report: PlanReport): Record<string, unknown> {
  const results = report.findings.filter((f) => f.status !== "pass");
  const policies = [...new Set([...results.map((f) => f.policy), ...report.budgets.map((b) => b.policy)])];
  const ruleIndex = new Map(policies.map((p, i) => [p, i]));
  const levelOf = (policy: string): string | undefined =>
    report.findings.find((f) => f.policy === policy)?.enforcementLevel ?? report.budgets.find((b) => b.policy === policy)?.enforcementLevel;
  const physicalLocation = (f: EnforcedFinding) => {
    const at = findingLocation(report, f);
    return { artifactLocation: { uri: at.file }, ...(at.line ? { region: { startLine: at.line } } : {}) };
  };
  return {
    $schema: SARIF_SCHEMA,
    version: "2.1.0",
    runs: [{
      tool: {
        driver: {
          name: "aicluster",
          rules: policies.map((policy) => {
            const rule = RULES.find((r) => r.name === policy);
            const description = rule?.description ?? policy;
            const level = levelOf(policy) ?? rule?.enforcementLevel;
            return {
              id: policy,
              name: policy,
              shortDescription: { text: description },
              fullDescription: { text: description },
              help: { text: rule?.remediationSteps ?? description },
              defaultConfiguration: { level: level === "advisory" ? "warning" : "error" },
              properties: { enforcementLevel: level, ...(rule ? { severity: rule.severity } : {}) },
            };
          }),
        },
      },
      automationDetails: { id: `aicluster/${report.stack}/` },
      ...(report.exemptions && report.exemptions.length > 0 ? { properties: { exemptions: report.exemptions } } : {}),
      results: results.map((f) => ({
        ruleId: f.policy,
        ruleIndex: ruleIndex.get(f.policy)!,
        level: sarifLevel(f),
        message: { text: sarifMessage(messageWithFix(f)) },
        locations: [{
          physicalLocation: physicalLocation(f),
          logicalLocations: [{ name: f.resourceName, fullyQualifiedName: f.resourceUrn, kind: "resource" }],
        }],
        partialFingerprints: { [FINGERPRINT_KEY]: findingFingerprint(f) },
        ...(f.status === "violation" && f.exemption
          ? { suppressions: [{ kind: "external", status: "accepted", justification: `${describeExemption(f.exemption)} (policy config exemption of "${f.exemption.pattern}")` }] }
          : {}),
        properties: {
          status: f.status, enforcementLevel: f.enforcementLevel,
          ...(f.budget === undefined ? {} : { budget: f.budget }),
          ...(f.measured === undefined ? {} : { measured: f.measured }),
          ...(f.limit === undefined ? {} : { limit: f.limit }),
          ...(f.unit === undefined ? {} : { unit: f.unit }),
          ...(f.year === undefined ? {} : { year: f.year }),
          ...(f.at === undefined ? {} : { at: f.at }),
          ...(f.exemption === undefined ? {} : { exemption: f.exemption }),
          ...(f.expiredExemption === undefined ? {} : { expiredExemption: f.expiredExemption }),
        },
      })),
    }],
  };
}

/**
 * A SARIF message's text: SARIF reads `[text](target)` in a message as an embedded link (which code scanning shows as
 * one) and asks for brackets that are not one to be escaped with a backslash (SARIF 2.1.0, 3.11.6). The report puts
 * no links in messages, so every bracket is a user's. No `markdown` message is written: code scanning would render it.
 */
export function sarifMessage(text: string): string {
  return text.replace(/[[\]]/g, "\\$&");
}

/** The SARIF log as JSON, through jsonSafe: the same value, and nothing a terminal or the Actions runner acts on if printed. */
export function renderSarif(report: PlanReport): string {
  return jsonSafe(JSON.stringify(sarifLog(report), null, 2));
}

// ---------------------------------------------------------------------------------------------------------------- JUnit

/**
 * Controls XML 1.0 allows but a terminal acts on (DEL, C1, line separators, bidirectional formatting), shown as
 * escapes like textSafe's: a JUnit file is often printed to a CI log.
 */
const XML_ALLOWED_CONTROLS = /[\u007f-\u009f\u2028\u2029\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/**
 * Escapes text for XML 1.0 content and double-quoted attributes: the five entities, line breaks and tabs as character
 * references (an attribute's value would otherwise have them normalised to spaces; and none can begin a line of the
 * file), characters XML 1.0 forbids (other C0 controls, lone surrogates, U+FFFE/U+FFFF) dropped, the controls it
 * allows shown as escapes, and a legacy workflow command's `[` as a reference (the parsed text is the same). By hand
 * rather than with a builder: the output is one fixed shape of four elements, and the planner stays free of runtime
 * dependencies.
 */
export function escapeXml(text: string): string {
  return text.replace(/[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, "")
    .replace(XML_ALLOWED_CONTROLS, showControls)
    .replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&apos;")
    .replace(/\t/g, "&#9;").replace(/\n/g, "&#10;").replace(/\r/g, "&#13;")
    .replace(/##\[/g, "##&#91;");
}

function testcaseName(f: EnforcedFinding): string {
  return `${f.resourceName}: ${f.budget ?? "check"}${f.year === undefined ? "" : ` (${f.year})`}`;
}

/**
 * JUnit XML: one testsuite per policy, one testcase per resource and budget checked. A violation of a blocking rule
 * is a `<failure>`; an advisory violation passes (Pulumi does not block on it, nor does the exit code) with the
 * warning in `<system-out>`; an exempted violation (of any level) and a check that could not be made are
 * `<skipped>`, the exemption's reason and expiry in the message. `allFindings` is the run's full list (passes
 * included); without it only the report's findings (violations, not-applicable) become testcases.
 */
export function renderJunit(report: PlanReport, allFindings: readonly EnforcedFinding[] = report.findings): string {
  const byPolicy = new Map<string, EnforcedFinding[]>();
  for (const f of allFindings) (byPolicy.get(f.policy) ?? byPolicy.set(f.policy, []).get(f.policy)!).push(f);
  const failed = blocks;
  const exempted = (f: EnforcedFinding) => f.status === "violation" && f.exemption !== undefined;
  const count = (list: readonly EnforcedFinding[]) => ({
    tests: list.length, failures: list.filter(failed).length, skipped: list.filter((f) => f.status === "not-applicable" || exempted(f)).length,
  });
  const attrs = (a: Record<string, string | number>) => Object.entries(a).map(([k, v]) => ` ${k}="${escapeXml(String(v))}"`).join("");
  const total = count(allFindings);
  const out = ['<?xml version="1.0" encoding="UTF-8"?>', `<testsuites${attrs({ name: `aicluster ${report.stack}`, ...total, errors: 0 })}>`];
  for (const [policy, list] of byPolicy) {
    out.push(`  <testsuite${attrs({ name: policy, ...count(list), errors: 0 })}>`);
    out.push(`    <properties><property${attrs({ name: "enforcementLevel", value: list[0].enforcementLevel })}/></properties>`);
    for (const f of list) {
      const head = `    <testcase${attrs({ name: testcaseName(f), classname: `${report.stack}.${policy}` })}`;
      if (failed(f)) out.push(`${head}>`, `      <failure${attrs({ message: f.message, type: f.enforcementLevel })}>${escapeXml(messageWithFix(f))}</failure>`, "    </testcase>");
      else if (exempted(f)) {
        out.push(`${head}>`, `      <skipped${attrs({ message: `${exemptedPrefix(f)}: ${f.message}` })}/>`);
        out.push(`      <system-out>${escapeXml(`exempted ${f.enforcementLevel} violation: ${messageWithFix(f)}`)}</system-out>`, "    </testcase>");
      }
      else if (f.status === "violation") out.push(`${head}>`, `      <system-out>${escapeXml(`advisory violation: ${messageWithFix(f)}`)}</system-out>`, "    </testcase>");
      else if (f.status === "not-applicable") out.push(`${head}>`, `      <skipped${attrs({ message: f.message })}/>`, "    </testcase>");
      else out.push(`${head}/>`);
    }
    out.push("  </testsuite>");
  }
  out.push("</testsuites>");
  return out.join("\n") + "\n";
}

// ----------------------------------------------------------------------------------------------------- GitHub Actions

/** A workflow command's message: `%`, CR and LF escaped as GitHub's toolkit does (escapeData), other controls shown as escapes. */
export function escapeGithubData(text: string): string {
  return workflowCommandSafe(text, "data");
}

/** A workflow command's property value: as data, plus `:` and `,` (escapeProperty). */
export function escapeGithubProperty(text: string): string {
  return workflowCommandSafe(text, "property");
}

/**
 * GitHub Actions workflow commands, one line per finding: `::error` for a violation of a blocking rule, `::warning`
 * for an advisory one, `::notice` for a check that could not be made and for an exempted violation (its message
 * led by `exempted (reason, until …)`), each on the stack's config file and titled with the policy; a `::warning`
 * per expired exemption and a `::notice` per unused one; then one plain summary line, which counts the exempted
 * violations. (GitHub shows at most 10 annotations of each kind per step.)
 */
export function renderGithub(report: PlanReport): string {
  const fileOf = (at: ReportLocation) => `file=${escapeGithubProperty(at.file)}${at.line ? `,line=${at.line}` : ""}`;
  const file = fileOf(findingLocation(report, { resourceUrn: "" }));
  const lines = report.findings.filter((f) => f.status !== "pass").map((f) => {
    const exempted = f.status === "violation" && f.exemption !== undefined;
    const command = f.status === "not-applicable" || exempted ? "notice" : isBlocking(f.enforcementLevel) ? "error" : "warning";
    const text = exempted ? `${exemptedPrefix(f)}: ${messageWithFix(f)}` : messageWithFix(f);
    return `::${command} ${fileOf(findingLocation(report, f))},title=${escapeGithubProperty(f.policy)}::${escapeGithubData(text)}`;
  });
  for (const e of report.exemptions ?? []) {
    if (e.state === "applied") continue;
    const title = `${e.policy} exemption ${e.state}`;
    lines.push(`::${e.state === "expired" ? "warning" : "notice"} ${file},title=${escapeGithubProperty(title)}::${escapeGithubData(exemptionNote(e))}`);
  }
  const blocking = report.findings.filter(blocks).length;
  const exempted = report.findings.filter((f) => f.status === "violation" && f.exemption !== undefined).length;
  const exemptedPart = exempted > 0 ? `${exempted} exempted` : "";
  const detail = report.verdict === "pass"
    ? (exemptedPart ? ` (${exemptedPart})` : "")
    : ` (${blocking} mandatory violation${blocking === 1 ? "" : "s"}${exemptedPart ? `; ${exemptedPart}` : ""})`;
  // A plain log line: the stack name as text (a line of its own, never a command).
  lines.push(`aicluster plan ${textSafe(report.stack)}: ${report.verdict === "pass" ? "PASS" : "FAIL"}${detail}`);
  return lines.join("\n");
}

/**
 * Appends `markdown` to the job summary file named by GITHUB_STEP_SUMMARY, when set; returns the file written. The
 * Markdown is the report's (renderMarkdown, renderBaselineMarkdown), whose user-supplied strings are already inert.
 */
export function appendStepSummary(markdown: string, env: NodeJS.ProcessEnv = process.env): string | undefined {
  const file = env.GITHUB_STEP_SUMMARY;
  if (!file) return undefined;
  fs.appendFileSync(file, markdown.endsWith("\n") ? markdown : `${markdown}\n`);
  return file;
}
