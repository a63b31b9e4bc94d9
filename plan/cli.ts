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
import { parseOptions, UsageError, USAGE } from "./options";
import { readPolicyConfigFile } from "./policyConfigFile";
import { progressReporter } from "./progress";
import { buildReport } from "./report";
import { renderMarkdown, renderText } from "./render";
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

export async function main(argv: readonly string[]): Promise<number> {
  let options;
  try {
    options = parseOptions(argv);
    if (options.help) {
      console.log(USAGE);
      return EXIT.pass;
    }
    const config = loadStackConfig(options.stack, options.config);
    const policyConfig = options.policyConfigFile ? readPolicyConfigFile(options.policyConfigFile) : undefined;
    const progress = progressReporter(`planning ${options.stack}`);
    const run = await runPlan({ stack: options.stack, config, policyConfig, onProgress: (n) => progress.update(n) });
    progress.done();
    const report = buildReport(run, options.treeDepth, options.hourly);
    // The pictures read the hours the model kept in this process: made here, right after the run.
    const data = options.format === "html" || options.format === "markdown" || options.htmlFile ? reportData(run.views, report) : undefined;
    if (options.htmlFile) writeReportFile("--html", options.htmlFile, htmlReport(data!));
    const rendered =
      options.format === "json" ? JSON.stringify(report, null, 2)
      : options.format === "html" ? htmlReport(data!)
      : options.format === "markdown" ? renderMarkdown(report, { pictures: [mermaidTree(report.tree), ...data!.campuses.map(mermaidEnergyPie)], ...(options.htmlFile ? { htmlReport: options.htmlFile } : {}) })
      : renderText(report);
    if (options.out) {
      writeReportFile("--out", options.out, rendered);
      console.log(`wrote the ${options.format} report to ${options.out} (${(Buffer.byteLength(rendered) / 1024).toFixed(0)} KB): ${report.verdict === "pass" ? "PASS" : "FAIL"}`);
    } else {
      console.log(rendered);
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
