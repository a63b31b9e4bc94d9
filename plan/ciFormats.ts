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
import * as path from "node:path";
import type { EnforcedFinding } from "../policies/evaluate";
import { blocks, describeExemption, exemptionNote, expiredSuffix } from "../policies/exemptions";
import { fixText, isBlocking } from "../policies/finding";
import { RULES } from "../policies/rules";
import type { BaselineReport } from "./baseline";
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
 * A finding's identity across runs: sha256 (first 32 hex digits) of policy, resource URN and budget. Numbers,
 * messages and the year are left out, so the same broken budget keeps its fingerprint while its figures move, and
 * while its first failing year moves with them (the year is a result property). Each rule gives at most one finding
 * per resource and budget, so the three name a finding. Reports are compared by recomputing the fingerprint from
 * both reports' findings (the JSON report stores none), so a baseline written before the year left it still matches.
 */
export function findingFingerprint(f: Pick<EnforcedFinding, "policy" | "resourceUrn" | "budget">): string {
  return createHash("sha256").update([f.policy, f.resourceUrn, f.budget ?? ""].join("\u0000")).digest("hex").slice(0, 32);
}

/**
 * Findings matched by fingerprint, as multisets: the n-th finding of a fingerprint in `after` pairs with the n-th of
 * that fingerprint in `before`. Returns, for each of `after`, the index of its partner in `before` (undefined: new),
 * and the indexes of `before` left without one (gone now). The baseline comparison and SARIF's baselineState both
 * pair this way, so they agree on what is new.
 */
export function matchFindings(before: readonly { fingerprint: string }[], after: readonly { fingerprint: string }[]): { partner: (number | undefined)[]; gone: number[] } {
  const waiting = new Map<string, number[]>();
  before.forEach((f, i) => void (waiting.get(f.fingerprint) ?? waiting.set(f.fingerprint, []).get(f.fingerprint)!).push(i));
  const partner = after.map((f) => waiting.get(f.fingerprint)?.shift());
  const paired = new Set(partner.filter((i): i is number => i !== undefined));
  return { partner, gone: before.map((_, i) => i).filter((i) => !paired.has(i)) };
}

/** The finding's message with its fix (and a lapsed exemption, when one has), one line of text (raw: each format escapes it). */
function messageWithFix(f: EnforcedFinding): string {
  return `${f.remediation ? `${f.message} Fix: ${fixText(f)}` : f.message}${expiredSuffix(f)}`;
}

/** `exempted (reason, until 2026-12-31)` for an exempted violation. */
function exemptedPrefix(f: EnforcedFinding): string {
  return f.exemption ? `exempted (${describeExemption(f.exemption)})` : "";
}

// ---------------------------------------------------------------------------------------------------------------- SARIF

export const SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json";
/**
 * The partialFingerprints key (versioned: a change in what is hashed gets a new key, not silently new values). v1
 * hashed the year too; v2 (policy, URN, budget) is stable across years.
 */
export const FINGERPRINT_KEY = "aiclusterFinding/v2";

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

/** What SARIF reads of the baseline: its findings (a JSON report read back, or a report in memory). */
export type SarifBaseline = Pick<BaselineReport, "findings">;

/** SARIF 2.1.0 §3.27.24: how a result relates to the baseline run. */
export type BaselineState = "new" | "unchanged" | "updated" | "absent";

/** The package that makes the log: its name, version and the URL package.json gives for it (homepage, else repository). */
export interface ToolPackage {
  version: string;
  informationUri?: string;
}

/** An http(s) URL package.json gives for the package: `homepage`, else `repository` (a URL or `{ url }`, `git+` and `.git` dropped). */
export function packageInformationUri(pkg: { homepage?: unknown; repository?: unknown }): string | undefined {
  const repository = typeof pkg.repository === "string" ? pkg.repository
    : pkg.repository && typeof pkg.repository === "object" ? (pkg.repository as { url?: unknown }).url : undefined;
  for (const candidate of [pkg.homepage, typeof repository === "string" ? repository.replace(/^git\+/, "").replace(/\.git$/, "") : undefined]) {
    if (typeof candidate === "string" && /^https?:\/\/\S+$/.test(candidate)) return candidate;
  }
  return undefined;
}

let toolPackageCache: ToolPackage | undefined;

/**
 * pulumi-aicluster's own package.json, found above this file (plan/ in the repository, dist/plan/ in the package):
 * its version, and its homepage or repository when it names one. None is invented: without one the driver carries
 * the version alone.
 */
export function toolPackage(): ToolPackage {
  if (toolPackageCache) return toolPackageCache;
  for (let dir = __dirname; path.dirname(dir) !== dir; dir = path.dirname(dir)) {
    const file = path.join(dir, "package.json");
    if (!fs.existsSync(file)) continue;
    const pkg = JSON.parse(fs.readFileSync(file, "utf8")) as { name?: unknown; version?: unknown; homepage?: unknown; repository?: unknown };
    if (pkg.name !== "pulumi-aicluster") continue;
    const informationUri = packageInformationUri(pkg);
    return (toolPackageCache = { version: typeof pkg.version === "string" ? pkg.version : "0.0.0", ...(informationUri ? { informationUri } : {}) });
  }
  return (toolPackageCache = { version: "0.0.0" });
}

/** The SARIF level of a finding of a baseline report (its enforcement level read as a string). */
function baselineLevel(f: BaselineReport["findings"][number]): SarifLevel {
  if (f.status === "not-applicable") return "note";
  return isBlocking(f.enforcementLevel) ? "error" : "warning";
}

/**
 * The SARIF log (an object; JSON.stringify it). Results: the report's findings (violations and not-applicable). An
 * exempted violation carries SARIF's own `suppressions` (kind external: the policy config; status accepted; the
 * reason and expiry as justification), which GitHub code scanning reads as a dismissed alert; the run's `properties`
 * list every exemption and what became of it.
 *
 * With a `baseline` (an earlier JSON report), every result carries `baselineState` (SARIF 2.1.0 §3.27.24), findings
 * paired by fingerprint as the baseline comparison pairs them: `new` (not in the baseline), `unchanged` (in both with
 * the same level, message, year and exemption), `updated` (in both, one of those changed: figures in the message
 * moved, the first failing year moved, a level or an exemption changed), and `absent`: a finding of the baseline that is gone now, emitted as the baseline
 * had it (its level and message), located where this run would locate its resource.
 *
 * The driver carries the package's `version` and `semanticVersion`, and `informationUri` only when package.json names a
 * homepage or repository. `automationDetails.id` is `<project>/<stack>/`: code scanning keeps one analysis per
 * project and stack.
 */
/**
 * The run's own properties: the exemptions' summary, and with `--samples` the confidence of each budget (how a
 * verdict holds over the catalog's ranges and weather years; the fragile ones are results as well).
 */
function runProperties(report: PlanReport): Record<string, unknown> | undefined {
  const c = report.confidence;
  const properties = {
    ...(report.exemptions && report.exemptions.length > 0 ? { exemptions: report.exemptions } : {}),
    ...(c ? {
      confidence: {
        samples: c.samples, seed: c.seed, weatherYears: c.weatherYears, method: c.method, fragileAbove: c.fragileAbove,
        budgets: c.budgets.map((b) => ({
          policy: b.policy, budget: b.budget, unit: b.unit, resourceName: b.resourceName, baseUsed: b.baseUsed, p10: b.p10, p50: b.p50, p90: b.p90,
          limit: b.limit, headroomP10: b.headroomP10, violationProbability: b.violationProbability, status: b.status,
        })),
      },
    } : {}),
  };
  return Object.keys(properties).length > 0 ? properties : undefined;
}

export function sarifLog(report: PlanReport, baseline?: SarifBaseline, tool: ToolPackage = toolPackage()): Record<string, unknown> {
  const results = report.findings.filter((f) => f.status !== "pass");
  const before = baseline ? baseline.findings.filter((f) => f.status !== "pass") : [];
  const match = baseline
    ? matchFindings(before.map((f) => ({ fingerprint: findingFingerprint(f) })), results.map((f) => ({ fingerprint: findingFingerprint(f) })))
    : undefined;
  const absent = match ? match.gone.map((i) => before[i]) : [];
  const policies = [...new Set([...results.map((f) => f.policy), ...report.budgets.map((b) => b.policy), ...absent.map((f) => f.policy)])];
  const ruleIndex = new Map(policies.map((p, i) => [p, i]));
  const levelOf = (policy: string): string | undefined =>
    report.findings.find((f) => f.policy === policy)?.enforcementLevel ?? report.budgets.find((b) => b.policy === policy)?.enforcementLevel
    ?? absent.find((f) => f.policy === policy)?.enforcementLevel;
  const physicalLocation = (f: Pick<EnforcedFinding, "resourceUrn">) => {
    const at = findingLocation(report, f);
    return { artifactLocation: { uri: at.file }, ...(at.line ? { region: { startLine: at.line } } : {}) };
  };
  const exempted = (f: { status: string; exemption?: unknown }) => f.status === "violation" && f.exemption !== undefined && f.exemption !== null;
  const stateOf = (f: EnforcedFinding, j: number): { baselineState?: BaselineState } => {
    if (!match) return {};
    const i = match.partner[j];
    if (i === undefined) return { baselineState: "new" };
    const was = before[i];
    const same = baselineLevel(was) === sarifLevel(f) && was.message === f.message && was.remediation === f.remediation
      && was.year === f.year && exempted(was) === exempted(f);
    return { baselineState: same ? "unchanged" : "updated" };
  };
  const properties = (f: Omit<BaselineReport["findings"][number], "enforcementLevel"> & { enforcementLevel: string; at?: string; expiredExemption?: unknown }) => ({
    status: f.status, enforcementLevel: f.enforcementLevel,
    ...(f.budget === undefined ? {} : { budget: f.budget }),
    ...(f.measured === undefined ? {} : { measured: f.measured }),
    ...(f.limit === undefined ? {} : { limit: f.limit }),
    ...(f.unit === undefined ? {} : { unit: f.unit }),
    ...(f.year === undefined ? {} : { year: f.year }),
    ...(f.at === undefined ? {} : { at: f.at }),
    ...(f.exemption === undefined ? {} : { exemption: f.exemption }),
    ...(f.expiredExemption === undefined ? {} : { expiredExemption: f.expiredExemption }),
  });
  const { version, informationUri } = tool;
  return {
    $schema: SARIF_SCHEMA,
    version: "2.1.0",
    runs: [{
      tool: {
        driver: {
          name: "aicluster",
          version,
          semanticVersion: version,
          ...(informationUri ? { informationUri } : {}),
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
      automationDetails: { id: `${report.project}/${report.stack}/` },
      ...(runProperties(report) ? { properties: runProperties(report) } : {}),
      results: [
        ...results.map((f, j) => ({
          ruleId: f.policy,
          ruleIndex: ruleIndex.get(f.policy)!,
          level: sarifLevel(f),
          message: { text: sarifMessage(messageWithFix(f)) },
          locations: [{
            physicalLocation: physicalLocation(f),
            logicalLocations: [{ name: f.resourceName, fullyQualifiedName: f.resourceUrn, kind: "resource" }],
          }],
          partialFingerprints: { [FINGERPRINT_KEY]: findingFingerprint(f) },
          ...stateOf(f, j),
          ...(f.status === "violation" && f.exemption
            ? { suppressions: [{ kind: "external", status: "accepted", justification: `${describeExemption(f.exemption)} (policy config exemption of "${f.exemption.pattern}")` }] }
            : {}),
          properties: properties(f),
        })),
        ...absent.map((f) => ({
          ruleId: f.policy,
          ruleIndex: ruleIndex.get(f.policy)!,
          level: baselineLevel(f),
          message: { text: sarifMessage(f.remediation ? `${f.message} Fix: ${fixText(f)}` : f.message) },
          locations: [{
            physicalLocation: physicalLocation(f),
            logicalLocations: [{ name: f.resourceName, fullyQualifiedName: f.resourceUrn, kind: "resource" }],
          }],
          partialFingerprints: { [FINGERPRINT_KEY]: findingFingerprint(f) },
          baselineState: "absent" as const,
          properties: properties(f),
        })),
      ],
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
export function renderSarif(report: PlanReport, baseline?: SarifBaseline): string {
  return jsonSafe(JSON.stringify(sarifLog(report, baseline), null, 2));
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

/**
 * A testcase's name: the resource and the budget, nothing that changes with the model (no year, no figure), so CI
 * tracks one test across runs (a test's history, flakiness and "new failures" read it by name and class).
 */
export function testcaseName(f: Pick<EnforcedFinding, "resourceName" | "budget">): string {
  return `${f.resourceName}: ${f.budget ?? "check"}`;
}

/**
 * JUnit XML: one testsuite per policy, one testcase per resource and budget checked. A violation of a blocking rule
 * is a `<failure>`; an advisory violation passes (Pulumi does not block on it, nor does the exit code) with the
 * warning in `<system-out>`; an exempted violation (of any level) and a check that could not be made are
 * `<skipped>`, the exemption's reason and expiry in the message. `allFindings` is the run's full list (passes
 * included); without it only the report's findings (violations, not-applicable) become testcases.
 *
 * Each testcase's `file` is where the finding comes from, as SARIF locates it: the program file that created its
 * resource when the run recorded it, else the stack's config file, else (no config file) the project's Pulumi.yaml.
 * Its name is the resource and budget (testcaseName): the same in every run, whatever the year or the figures.
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
      const head = `    <testcase${attrs({ name: testcaseName(f), classname: `${report.stack}.${policy}`, file: findingLocation(report, f).file })}`;
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
