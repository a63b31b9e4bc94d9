/**
 * `npm run plan -- <stack>`: the stack program under Pulumi's mock runtime, with the policy pack's rules.
 * Exit codes: 0 pass, 1 a mandatory policy violated, 2 bad input (options, stack config, component args).
 */
import { WeatherFileError, WeatherInputError } from "../components/weather";
import { AiclusterInputError } from "../components";
import { CatalogError } from "../components/catalog";
import { DuplicateUrnError } from "./mockEngine";
import { PolicyConfigError } from "../policies/evaluate";
import { StackConfigError } from "../stacks/settings";
import { appendStepSummary, renderGithub, renderJunit, renderSarif } from "./ciFormats";
import { Format, FORMAT_EXTENSIONS, parseOptions, UsageError, USAGE } from "./options";
import { readPolicyConfigFile } from "./policyConfigFile";
import { progressReporter } from "./progress";
import { buildReport, PlanReport } from "./report";
import { renderMarkdown, renderText } from "./render";
import * as fs from "node:fs";
import * as path from "node:path";
import { writeReportFile } from "./outputFile";
import { htmlReport, reportData } from "../report";
import { mermaidEnergyPie, mermaidTree } from "../report/mermaid";
import { runPlan } from "./runPlan";
import { loadStackConfig } from "./stackConfig";

export const EXIT = { pass: 0, violation: 1, badInput: 2, crash: 3 } as const;

/** Errors that are the user's input, not the planner's fault: exit 2 with the message alone. */
export function isBadInput(e: unknown): e is Error {
  return (
    e instanceof UsageError || e instanceof StackConfigError || e instanceof AiclusterInputError || e instanceof PolicyConfigError ||
    e instanceof DuplicateUrnError || e instanceof CatalogError || e instanceof WeatherFileError || e instanceof WeatherInputError
  );
}

/** The exit code the planner gives for an error. */
export function exitCodeOf(e: unknown): number {
  return isBadInput(e) ? EXIT.badInput : EXIT.crash;
}

/** The JSON report's format version, first in the document: 1 until a field changes meaning or goes. */
export const JSON_SCHEMA_VERSION = 1;

export function withSchemaVersion(report: PlanReport): { schemaVersion: number } & PlanReport {
  return { schemaVersion: JSON_SCHEMA_VERSION, ...report };
}

export async function main(argv: readonly string[]): Promise<number> {
  let options;
  try {
    options = parseOptions(argv);
    if (options.help) {
      console.log(USAGE);
      return EXIT.pass;
    }
    if (options.outputDir !== undefined) {
      // Checked before the run, which takes seconds at full scale (writeReportFile checks each file again).
      const stat = fs.statSync(options.outputDir, { throwIfNoEntry: false });
      if (!stat?.isDirectory()) throw new UsageError(`--output-dir ${options.outputDir}: allowed an existing folder (${stat ? "it is not a folder" : "it does not exist"})`, false);
    }
    const config = loadStackConfig(options.stack, options.config);
    const policyConfig = options.policyConfigFile ? readPolicyConfigFile(options.policyConfigFile) : undefined;
    const progress = progressReporter(`planning ${options.stack}`);
    const run = await runPlan({ stack: options.stack, config, policyConfig, onProgress: (n) => progress.update(n) });
    progress.done();
    const report = buildReport(run, options.treeDepth, options.hourly);
    const formats = options.formats;
    const summaryFile = formats.includes("github") ? process.env.GITHUB_STEP_SUMMARY : undefined;
    // The pictures read the hours the model kept in this process: made here, right after the run.
    const data = formats.includes("html") || formats.includes("markdown") || options.htmlFile || summaryFile ? reportData(run.views, report) : undefined;
    if (options.htmlFile) writeReportFile("--html", options.htmlFile, htmlReport(data!));
    const markdown = (htmlLink?: string) =>
      renderMarkdown(report, { pictures: [mermaidTree(report.tree), ...data!.campuses.map(mermaidEnergyPie)], ...(htmlLink ? { htmlReport: htmlLink } : {}) });
    const render = (format: Exclude<Format, "github">, htmlLink?: string): string =>
      format === "json" ? JSON.stringify(withSchemaVersion(report), null, 2)
      : format === "html" ? htmlReport(data!)
      : format === "markdown" ? markdown(htmlLink)
      : format === "sarif" ? renderSarif(report)
      : format === "junit" ? renderJunit(report, run.findings)
      : renderText(report);
    const verdict = report.verdict === "pass" ? "PASS" : "FAIL";
    const files = formats.filter((f): f is Exclude<Format, "github"> => f !== "github");
    if (options.outputDir !== undefined) {
      const fileOf = (f: Exclude<Format, "github">) => path.join(options!.outputDir!, `aicluster-${options!.stack}.${FORMAT_EXTENSIONS[f]}`);
      // A Markdown report written next to the HTML one links to it (by its name: the two sit in one folder).
      const htmlLink = files.includes("html") ? path.basename(fileOf("html")) : options.htmlFile;
      for (const f of files) {
        const rendered = render(f, htmlLink);
        writeReportFile("--output-dir", fileOf(f), rendered);
        console.log(`wrote the ${f} report to ${fileOf(f)} (${(Buffer.byteLength(rendered) / 1024).toFixed(0)} KB): ${verdict}`);
      }
    } else if (files.length === 1) {
      const rendered = render(files[0], options.htmlFile);
      if (options.out) {
        writeReportFile("--out", options.out, rendered);
        console.log(`wrote the ${files[0]} report to ${options.out} (${(Buffer.byteLength(rendered) / 1024).toFixed(0)} KB): ${verdict}`);
      } else {
        console.log(rendered);
      }
    }
    if (formats.includes("github")) {
      console.log(renderGithub(report));
      if (summaryFile) {
        try {
          appendStepSummary(markdown(), { GITHUB_STEP_SUMMARY: summaryFile });
        } catch (e) {
          throw new UsageError(`GITHUB_STEP_SUMMARY ${summaryFile}: cannot be appended to (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`, false);
        }
      }
    }
    return report.verdict === "pass" ? EXIT.pass : EXIT.violation;
  } catch (e) {
    if (isBadInput(e)) {
      console.error(`error: ${e.message}`);
      if (e instanceof UsageError && e.showUsage) console.error(`\n${USAGE}`);
      return EXIT.badInput;
    }
    console.error(e);
    if (!process.env.AICLUSTER_STACK_TRACES) console.error("(stack traces are off while the program runs; rerun with AICLUSTER_STACK_TRACES=1 to see one)");
    return EXIT.crash;
  }
}

if (require.main === module) {
  main(process.argv.slice(2)).then((code) => process.exit(code));
}
