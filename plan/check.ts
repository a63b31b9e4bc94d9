/**
 * The checker behind `aicluster check` and `npm run plan`: runs a Pulumi program under the mock runtime with the
 * aicluster rules, then prints or writes the report in the formats asked for.
 * Exit codes: 0 pass, 1 a mandatory policy violated, 2 bad input (options, project, stack config, policy config,
 * component args), 3 the checker or the program crashed. `--fail-on advisory` makes any violation exit 1 and
 * `--soft-fail` a completed run exit 0 (see `verdictExit`); neither changes exit 2 or 3.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { BaselineDiff, compareReports, GITHUB_COMMENT_MAX_CHARS, readBaselineReport, renderBaselineMarkdown, renderBaselineText } from "./baseline";
import { count } from "../components/format/numbers";
import { isAiclusterType } from "../components/model/typeTokens";
import { Clock, EnforcedFinding, fixedClock } from "../policies/evaluate";
import { blocks, utcDay } from "../policies/exemptions";
import { appendStepSummary, findingFingerprint, matchFindings, renderGithub, renderJunit, renderSarif } from "./ciFormats";
import { ConfidenceFlags, Format, FORMAT_EXTENSIONS, PlanOptions, UsageError } from "./options";
import { confidenceSampling, defaultWorkers, fragileFindings, type ConfidenceSampling } from "./confidence/run";
import { fragileFixes } from "./fixes/fragile";
import { ReplanError } from "./campusPlans";
import { withFixes } from "./fixes";
import { readEpwFile } from "../components/weather/epwFile";
import { WeatherFileError } from "../components/weather/errors";
import type { PackConfig } from "../policies/evaluate";
import { renderCodeQuality } from "./codeQuality";
import { readPolicyConfigFile } from "./policyConfigFile";
import { jsonSafe, textSafe } from "./neutralise";
import { isProgramError } from "./programError";
import { progressReporter } from "./progress";
import { buildReport, PlanReport } from "./report";
import { renderMarkdown, renderText } from "./render";
import { ReportFile, writeReportFiles } from "./outputFile";
import type { PulumiProject } from "./project";
import type { OtherPackViolation, PlanRun } from "./runProgram";
import { loadStackConfigWithSecrets, stackReferenceIn } from "./stackConfig";


export const EXIT = { pass: 0, violation: 1, badInput: 2, crash: 3 } as const;

/**
 * Error classes that are the user's input, not the checker's fault: exit 2 with the message alone. Told apart by
 * name, not instanceof: a user's program may load its own copy of pulumi-aicluster (or, under a test runner, a second
 * instance of the same module), whose classes are not these.
 */
const BAD_INPUT_ERRORS = new Set([
  "UsageError", "StackConfigError", "AiclusterInputError", "PolicyConfigError", "DuplicateUrnError", "CatalogError",
  "WeatherFileError", "WeatherInputError", "InputPropertiesError", "InputPropertyError",
  // @pulumi/pulumi's own: a required config key missing, a config value of the wrong type.
  "ConfigMissingError", "ConfigTypeError", "ConfigEnumError", "ConfigRangeError", "ConfigPatternError",
]);

export function isBadInput(e: unknown): e is Error {
  return e instanceof Error && (BAD_INPUT_ERRORS.has(e.name) || BAD_INPUT_ERRORS.has(e.constructor?.name));
}

/** The exit code the checker gives for an error. */
export function exitCodeOf(e: unknown): number {
  return isBadInput(e) ? EXIT.badInput : EXIT.crash;
}

/** The JSON report's format version, first in the document: 1 until a field changes meaning or goes. */
export const JSON_SCHEMA_VERSION = 1;

export function withSchemaVersion(report: PlanReport, baseline?: BaselineDiff): { schemaVersion: number } & PlanReport & { baseline?: BaselineDiff } {
  return { schemaVersion: JSON_SCHEMA_VERSION, ...report, ...(baseline ? { baseline } : {}) };
}

/**
 * With a baseline, the Markdown report is the PR comment: the comparison first (its hidden marker the first line, so
 * a CI job can find and update its comment), then the full report folded, when both fit in one GitHub comment.
 */
export function markdownWithBaseline(diff: BaselineDiff, fullReport: string): string {
  const comment = renderBaselineMarkdown(diff);
  const folded = `${comment}\n\n<details><summary>Full report</summary>\n\n${fullReport}\n\n</details>\n`;
  return folded.length <= GITHUB_COMMENT_MAX_CHARS ? folded : `${comment}\n\n_The full report is longer than a GitHub comment allows: see the job's artifacts or summary._\n`;
}

/** How to run the program once the options and config are known. */
export type ProgramRunner = (input: {
  project: PulumiProject;
  stack: string;
  config: Record<string, string>;
  policyConfig?: ReturnType<typeof readPolicyConfigFile>;
  clock?: Clock;
  locate: boolean;
  onProgress: (n: number) => void;
  /** Secret config keys (namespaced): the program reads them as secrets. */
  secretKeys?: readonly string[];
  /** How long the program may take to settle (--timeout). */
  timeoutSeconds?: number;
}) => Promise<PlanRun>;

/** The HTML report draws its charts with ECharts: an optional peer of the package, checked before the run. */
function requireEcharts(): void {
  try {
    require.resolve("echarts");
  } catch {
    throw new UsageError("--format html and --html draw charts with ECharts, which is not installed: npm install --save-dev echarts", false);
  }
}

function kilobytes(text: string): string {
  return `${count(Math.round(Buffer.byteLength(text) / 1024))} KB`;
}

export interface CheckSettings {
  /**
   * A stack without a config file: run on the project's defaults, as `pulumi preview` runs a new stack (a user's
   * program), or refuse it (this repository's stacks, which all have one: a name not among them is a typo).
   * @default "defaults"
   */
  missingStackFile?: "defaults" | "error";
  /**
   * Where the stack's config comes from: read here from the project's files (the mocks need it), or left to the
   * runner (`--engine`: the engine reads config, secrets and ESC environments itself, and the run reports them).
   * @default "files"
   */
  stackConfig?: "files" | "runner";
}

/**
 * The folder `--output-dir` names, made with its parents when missing (a fresh CI runner has none, as `mkdir -p`
 * would), before the run, which takes seconds at full scale (writeReportFiles checks each file again). Something
 * other than a folder there, or a folder that cannot be made, is a usage error naming it.
 */
function prepareOutputDir(dir: string): void {
  const refuse = (why: string) => new UsageError(`--output-dir ${dir}: allowed a folder, or a path where one can be made (${why})`, false);
  const failed = (e: unknown) => refuse(`making it failed: ${(e as NodeJS.ErrnoException).code ?? "error"}`);
  let stat: fs.Stats | undefined;
  try {
    // Missing gives undefined; a file in the path (ENOTDIR) or a denied folder (EACCES) still throws.
    stat = fs.statSync(dir, { throwIfNoEntry: false });
  } catch (e) {
    throw failed(e);
  }
  if (stat?.isDirectory()) return;
  if (stat) throw refuse("it is not a folder");
  try {
    fs.mkdirSync(dir, { recursive: true });
  } catch (e) {
    throw failed(e);
  }
}

/** The confidence run `--samples` asks for, with its progress on stderr; a run that cannot be sampled is bad input. */
async function sampled(run: PlanRun, flags: ConfidenceFlags, policyConfig: PackConfig | undefined, clock: Clock | undefined): Promise<ConfidenceSampling> {
  // Each EPW file is read once before any sample, so a bad one fails in milliseconds, named by its flag.
  for (const file of flags.weatherFiles ?? []) {
    try {
      readEpwFile(file);
    } catch (e) {
      if (e instanceof WeatherFileError) throw new UsageError(`--weather-file ${file}: ${e.message}`, false);
      throw e;
    }
  }
  const progress = progressReporter(`sampling ${run.stack}`, process.stderr, "model runs");
  try {
    return await confidenceSampling(run, { ...flags, ...(policyConfig ? { policyConfig } : {}), ...(clock ? { clock } : {}), onProgress: (n) => progress.update(n) });
  } catch (e) {
    if (e instanceof ReplanError) throw new UsageError(`--samples: ${e.message}`, false);
    throw e;
  } finally {
    progress.done();
  }
}

/** Runs the check and renders its report; returns the exit code (errors are thrown; see `reportError`). */
export async function check(options: PlanOptions, project: PulumiProject, runner: ProgramRunner, settings: CheckSettings = {}): Promise<number> {
  if (options.outputDir !== undefined) prepareOutputDir(options.outputDir);
  // `acme/dev` and `acme/<project>/dev` name the stack `dev`, as the CLI's getStack() does; its secrets are listed.
  const stackConfig = settings.stackConfig === "runner"
    ? { config: {}, secretKeys: [], stack: stackReferenceIn(options.stack, project).reference.name }
    : loadStackConfigWithSecrets(options.stack, options.config, project, settings.missingStackFile ? { missingStackFile: settings.missingStackFile } : {});
  const { config, secretKeys, stack } = stackConfig;
  const policyConfig = options.policyConfigFile ? readPolicyConfigFile(options.policyConfigFile) : undefined;
  // Read before the run, so a bad file fails in milliseconds.
  const baseline = options.baselineFile !== undefined ? readBaselineReport(options.baselineFile) : undefined;
  const formats = options.formats;
  if (formats.includes("html") || options.htmlFile !== undefined) requireEcharts();
  const progress = progressReporter(`planning ${stack}`);
  // Locations (the program line that created a resource) only where a format shows them.
  const locate = formats.includes("sarif") || formats.includes("github") || formats.includes("junit") || formats.includes("codequality");
  const clock = options.today !== undefined ? fixedClock(options.today) : undefined;
  const run = await runner({ project, stack, config, secretKeys, policyConfig, ...(clock ? { clock } : {}), locate, onProgress: (n) => progress.update(n), timeoutSeconds: options.timeoutSeconds });
  progress.done();
  // What it takes: each failing budget's smallest fix, found by planning again (mock runs: the plans are here).
  if (run.plans) run.findings = withFixes(run, { ...(policyConfig ? { policyConfig } : {}), ...(clock ? { clock } : {}) });
  const sampling = options.confidence ? await sampled(run, options.confidence, policyConfig, clock) : undefined;
  const confidence = sampling?.report;
  // What it takes for a fragile budget: found on its samples, checked over all of them.
  const fragileFixesByBudget = sampling ? await fragileFixes(run, sampling, { ...(policyConfig ? { policyConfig } : {}), workers: options.confidence!.workers ?? defaultWorkers() }) : new Map();
  const fragile = confidence ? fragileFindings(confidence, run, fragileFixesByBudget) : [];
  const report = buildReport(confidence ? { ...run, findings: [...run.findings, ...fragile] } : run, options.treeDepth, options.hourly, utcDay(clock));
  if (confidence) report.confidence = confidence;
  const diff = baseline ? compareReports(baseline, report) : undefined;
  const summaryFile = formats.includes("github") ? process.env.GITHUB_STEP_SUMMARY : undefined;
  // The pictures read the hours the model kept in this process: made here, right after the run.
  const pictures = formats.includes("html") || formats.includes("markdown") || options.htmlFile || summaryFile
    ? { ...(await import("../report")), ...(await import("../report/mermaid")) } : undefined;
  const data = pictures ? pictures.reportData(run, report) : undefined;
  const fullMarkdown = (htmlLink?: string) =>
    renderMarkdown(report, { pictures: [pictures!.mermaidTree(report.tree), ...data!.campuses.map(pictures!.mermaidEnergyPie)], ...(htmlLink ? { htmlReport: htmlLink } : {}) });
  const markdown = (htmlLink?: string) => (diff ? markdownWithBaseline(diff, fullMarkdown(htmlLink)) : fullMarkdown(htmlLink));
  const render = (format: Exclude<Format, "github">, htmlLink?: string): string =>
    format === "json" ? jsonSafe(JSON.stringify(withSchemaVersion(report, diff), null, 2))
    : format === "html" ? pictures!.htmlReport(data!)
    : format === "markdown" ? markdown(htmlLink)
    : format === "sarif" ? renderSarif(report, baseline)
    : format === "junit" ? renderJunit(report, run.findings)
    : format === "codequality" ? renderCodeQuality(report)
    : diff ? `${renderText(report)}\n\n${renderBaselineText(diff)}` : renderText(report);
  const verdict = report.verdict === "pass" ? "PASS" : "FAIL";
  const files = formats.filter((f): f is Exclude<Format, "github"> => f !== "github");
  // Every report is rendered first, then all files are written together (or none, when one cannot be).
  const reportFiles: ReportFile[] = [];
  const wrote: string[] = [];
  let printed: string | undefined;
  if (options.htmlFile) reportFiles.push({ flag: "--html", file: options.htmlFile, text: pictures!.htmlReport(data!) });
  if (options.outputDir !== undefined) {
    const fileOf = (f: Exclude<Format, "github">) => path.join(options.outputDir!, `aicluster-${stack}.${FORMAT_EXTENSIONS[f]}`);
    // A Markdown report written next to the HTML one links to it (by its name: the two sit in one folder).
    const htmlLink = files.includes("html") ? path.basename(fileOf("html")) : options.htmlFile;
    for (const f of files) {
      const rendered = render(f, htmlLink);
      reportFiles.push({ flag: "--output-dir", file: fileOf(f), text: rendered });
      wrote.push(`wrote the ${f} report to ${fileOf(f)} (${kilobytes(rendered)}): ${verdict}`);
    }
  } else if (files.length === 1) {
    const rendered = render(files[0], options.htmlFile);
    if (options.out) {
      reportFiles.push({ flag: "--out", file: options.out, text: rendered });
      wrote.push(`wrote the ${files[0]} report to ${options.out} (${kilobytes(rendered)}): ${verdict}`);
    } else {
      printed = rendered;
    }
  }
  // GitHub's step summary is appended to, which cannot be undone: it goes last, once every report file is written.
  const appendSummary = summaryFile
    ? () => {
        try {
          appendStepSummary(markdown(), { GITHUB_STEP_SUMMARY: summaryFile });
        } catch (e) {
          throw new UsageError(`GITHUB_STEP_SUMMARY ${summaryFile}: cannot be appended to (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`, false);
        }
      }
    : undefined;
  if (options.createBaselineFile !== undefined) {
    // The plain report (no comparison in it): what --baseline reads on a later run.
    const text = jsonSafe(JSON.stringify(withSchemaVersion(report), null, 2));
    reportFiles.push({ flag: "--create-baseline", file: options.createBaselineFile, text });
    const violations = run.findings.filter((f) => f.status === "violation").length;
    wrote.push(`wrote the baseline to ${options.createBaselineFile} (${kilobytes(text)}): ${verdict}, ${count(violations)} ${violations === 1 ? "violation" : "violations"}`);
  }
  writeReportFiles(reportFiles, appendSummary);
  if (printed !== undefined) console.log(printed);
  for (const line of wrote) console.log(line);
  if (formats.includes("github")) console.log(renderGithub(report));
  // aicluster's own component types: a program with none of them gives the rules nothing to check.
  if (!run.views.some((v) => isAiclusterType(v.type))) {
    console.error(`note: the program registered no aicluster resources (${count(run.views.length)} ${run.views.length === 1 ? "resource" : "resources"} of other types), so the rules had no campus, hall or rack to check: the verdict covers none`);
  }
  const known = options.failOnNew && baseline ? baseline.findings.filter((f) => f.status === "violation") : undefined;
  const outcome = otherPacksExit(run.otherPackViolations ?? [], verdictExit(run.findings, options, known), options);
  if (outcome.note) console.error(`note: ${outcome.note}`);
  return outcome.code;
}

/**
 * `--engine --policy-pack`: the other packs' violations, one stderr line each (their text is data: made safe), and
 * their mandatory ones exit 1 as the engine's preview would fail on them (never with --soft-fail).
 */
function otherPacksExit(others: readonly OtherPackViolation[], outcome: { code: number; note?: string }, options: Pick<PlanOptions, "softFail">): { code: number; note?: string } {
  for (const v of others) {
    console.error(`policy pack ${textSafe(v.pack)}: ${v.level === "mandatory" ? "mandatory" : "advisory"} violation of ${textSafe(v.policy)}${v.resourceUrn ? ` on ${textSafe(v.resourceUrn)}` : ""}: ${textSafe(v.message)}`);
  }
  const blocking = others.filter((v) => v.level === "mandatory");
  if (blocking.length === 0 || options.softFail || outcome.code !== EXIT.pass) return outcome;
  const packs = [...new Set(blocking.map((v) => textSafe(v.pack)))].join(", ");
  return { code: EXIT.violation, note: `exit 1 for ${count(blocking.length)} mandatory ${blocking.length === 1 ? "violation" : "violations"} of other policy packs (${packs}); the aicluster verdict is ${outcome.note ? "in the note above" : "PASS"}` };
}

/** `1 mandatory violation (water-permit)`, `3 advisory violations (carbon, pue-max)`: how the exit notes count findings. */
function violationsCount(findings: readonly EnforcedFinding[], kind: string): string {
  const policies = [...new Set(findings.map((f) => f.policy))].join(", ");
  return `${count(findings.length)} ${kind}${findings.length === 1 ? "violation" : "violations"} (${policies})`;
}

/**
 * The exit code of a check that ran to the end, and a note for stderr when the triage flags make it differ from the
 * verdict. By default (`--fail-on mandatory`) 1 when a blocking violation (mandatory or remediate) is not exempted;
 * with `--fail-on advisory` 1 when any violation is not exempted; with `--soft-fail` always 0. With `--fail-on-new`
 * (`known`: the baseline's violations) only violations without a partner among the known ones count, paired by
 * fingerprint (policy, URN, budget) as multisets, as the baseline comparison and SARIF's baselineState pair them.
 * The verdict in the reports is the same either way: it speaks of the mandatory budgets.
 */
export function verdictExit(
  findings: readonly EnforcedFinding[],
  options: Pick<PlanOptions, "softFail" | "failOn">,
  known?: readonly Pick<EnforcedFinding, "policy" | "resourceUrn" | "budget">[],
): { code: number; note?: string } {
  const blocking = findings.filter(blocks);
  const open = findings.filter((f) => f.status === "violation" && f.exemption === undefined && f.enforcementLevel !== "disabled");
  if (options.softFail) {
    return blocking.length > 0 ? { code: EXIT.pass, note: `--soft-fail: exit 0 with the verdict FAIL, ${violationsCount(blocking, "mandatory ")}` } : { code: EXIT.pass };
  }
  if (known !== undefined) return newOnlyExit(findings, blocking, open, options, known);
  if (options.failOn === "advisory" && blocking.length === 0 && open.length > 0) {
    return { code: EXIT.violation, note: `--fail-on advisory: exit 1 for ${violationsCount(open, "advisory ")}; the verdict on the mandatory budgets is PASS` };
  }
  return { code: blocking.length > 0 ? EXIT.violation : EXIT.pass };
}

/** `--fail-on-new`: the exit of `verdictExit` counting only the violations the baseline does not hold. */
function newOnlyExit(
  findings: readonly EnforcedFinding[],
  blocking: readonly EnforcedFinding[],
  open: readonly EnforcedFinding[],
  options: Pick<PlanOptions, "failOn">,
  known: readonly Pick<EnforcedFinding, "policy" | "resourceUrn" | "budget">[],
): { code: number; note?: string } {
  const violations = findings.filter((f) => f.status === "violation");
  const { partner } = matchFindings(known.map((f) => ({ fingerprint: findingFingerprint(f) })), violations.map((f) => ({ fingerprint: findingFingerprint(f) })));
  const isNew = new Set(violations.filter((_, j) => partner[j] === undefined));
  const counted = options.failOn === "advisory" ? open : blocking;
  const fresh = counted.filter((f) => isNew.has(f));
  const kind = options.failOn === "advisory" ? "" : "mandatory ";
  const knownCount = counted.length - fresh.length;
  if (fresh.length > 0) {
    return knownCount === 0 ? { code: EXIT.violation } : { code: EXIT.violation, note: `--fail-on-new: exit 1 for ${violationsCount(fresh, `new ${kind}`)}; ${count(knownCount)} more ${knownCount === 1 ? "is" : "are"} in the baseline` };
  }
  return knownCount === 0 ? { code: EXIT.pass } : { code: EXIT.pass, note: `--fail-on-new: exit 0 with ${violationsCount(counted.filter((f) => !isNew.has(f)), kind)}, all in the baseline (verdict ${blocking.length > 0 ? "FAIL" : "PASS"})` };
}

/**
 * An error message as stderr may show it: it can quote a resource name or a value from the program, and CI runners
 * read stderr for workflow commands and terminals act on escapes, so each line is made safe as the reports' lines are.
 */
function safeMessage(message: string): string {
  // A tab (the SDK indents its config hints with one) acts on nothing: shown as spaces, not as an escape.
  return message.split("\n").map((line) => textSafe(line.replace(/\t/g, "  "))).join("\n");
}

/** Prints an error the way the checker reports it and returns its exit code. */
export function reportError(e: unknown, usage: string): number {
  if (isBadInput(e)) {
    console.error(`error: ${safeMessage(e.message)}`);
    if (e instanceof UsageError && e.showUsage) console.error(`\n${usage}`);
    return EXIT.badInput;
  }
  if (isProgramError(e)) {
    console.error(`error: ${safeMessage(e.message)}`);
    return EXIT.crash;
  }
  console.error(e);
  if (!process.env.AICLUSTER_STACK_TRACES) console.error("(stack traces are off while the program runs; rerun with AICLUSTER_STACK_TRACES=1 to see one)");
  return EXIT.crash;
}
