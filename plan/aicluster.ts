#!/usr/bin/env node
/**
 * The `aicluster` command of the npm package. `aicluster check [project dir] --stack <name>` runs the user's own
 * Pulumi TypeScript or JavaScript program under Pulumi's mock runtime (no CLI, no cloud account, no state) with the
 * aicluster rules and the user's policy config, and reports in the formats CI tools read.
 * Exit codes: 0 pass, 1 a mandatory policy violated, 2 bad input, 3 a crash.
 */
import * as path from "node:path";
import { check, EXIT, reportError } from "./check";
import { toolPackage } from "./ciFormats";
import { runCommand } from "./exit";
import { CHECK_USAGE, parseOptions, UsageError } from "./options";
import { programEntry, runProgramEntry } from "./program";
import { assertOnePulumiSdk, readPulumiProject } from "./project";
import { isProgramFile, runProgram } from "./runProgram";
import { runEngine } from "./engine/runEngine";
import { compareMain } from "./compare/cli";

export const AICLUSTER_USAGE = `usage: aicluster <command> [options]

commands:
  check [project dir] --stack <name>   check a Pulumi program against the aicluster rules (aicluster check --help)
  compare <plan> <plan> [...]          two or more plans side by side: JSON reports or stack variants (aicluster compare --help)
  --version                            the package version
  --help                               this text`;

/**
 * `aicluster check` in process: `argv` is what follows `check` on the command line. Returns the exit code of a run
 * that could be made (0 pass, 1 a mandatory policy violated); bad input is thrown (a UsageError, a PolicyConfigError,
 * ...), not turned into exit code 2 as `main` does, so a caller can tell what was wrong.
 *
 * @example
 * ```ts
 * import { checkCommand } from "./plan/aicluster"; // from this repository's root
 *
 * try {
 *   await checkCommand([".", "--stack", "prometheus", "--format", "yaml"]);
 * } catch (e) {
 *   console.log((e as Error).name, (e as Error).message);
 *   // UsageError --format yaml: allowed text, json, markdown or html, or for CI sarif, junit, codequality or github (several comma-separated)
 * }
 * ```
 */
export async function checkCommand(argv: readonly string[]): Promise<number> {
  const options = parseOptions(argv, "check");
  if (options.help) {
    console.log(CHECK_USAGE);
    return EXIT.pass;
  }
  const project = readPulumiProject(options.projectDir ?? ".");
  if (options.engine) {
    // Any language the engine runs: its own language host loads the program.
    return check(options, project, (input) =>
      runEngine({ ...input, project, stackReference: options.stack, timeoutSeconds: options.timeoutSeconds, ...(options.policyConfigFile ? { policyConfigFile: options.policyConfigFile } : {}), ...(options.policyPacks ? { policyPacks: options.policyPacks } : {}) }), { stackConfig: "runner" });
  }
  if (project.runtime !== "nodejs") {
    throw new UsageError(`${path.relative(process.cwd(), project.file) || project.file}: runtime = ${JSON.stringify(project.runtime)}; allowed: nodejs (under mocks aicluster check runs TypeScript and JavaScript programs; add --engine to preview a program in any language under the real engine)`, false);
  }
  const entry = programEntry(project);
  assertOnePulumiSdk(project.dir);
  return check(options, project, (input) => runProgram({ ...input, program: () => runProgramEntry(project, entry, (file) => isProgramFile(project.dir, file)) }));
}

/**
 * The `aicluster` command in process, as the npm package's bin runs it: `argv` is the command line after `aicluster`.
 * Prints what the command prints, and returns its exit code: 0 pass, 1 a mandatory policy violated, 2 bad input
 * (reported on stderr with the usage), 3 the program failed or the checker crashed. The package publishes it as the
 * `aicluster` bin only (its exports name no `plan/` module): in this repository, import it from `plan/aicluster`.
 *
 * @example
 * ```ts
 * import * as fs from "node:fs";
 * import { main } from "./plan/aicluster"; // from this repository's root
 *
 * // The folder holding Pulumi.yaml (this repository's), the stack, the report's format and file: as on the command line.
 * const code = await main(["check", ".", "--stack", "prometheus", "--format", "json", "--out", "prometheus.json"]);
 * // prints: wrote the json report to prometheus.json (59 KB): FAIL
 * const report = JSON.parse(fs.readFileSync("prometheus.json", "utf8"));
 * console.log(code, report.verdict); // 1 fail
 * console.log(report.findings.filter((f: { status: string; enforcementLevel: string }) => f.status === "violation" && f.enforcementLevel === "mandatory").map((f: { policy: string }) => f.policy));
 * // [ 'firm-power', 'energy-adequacy' ]
 * console.log(await main(["check", ".", "--stack", "prometheus", "--format", "yaml"])); // 2 (the problem and the usage on stderr)
 * ```
 */
export async function main(argv: readonly string[]): Promise<number> {
  const [command, ...rest] = argv;
  try {
    if (command === undefined || command === "--help" || command === "-h" || command === "help") {
      console.log(AICLUSTER_USAGE);
      return command === undefined ? EXIT.badInput : EXIT.pass;
    }
    if (command === "--version" || command === "-v") {
      console.log(toolPackage().version);
      return EXIT.pass;
    }
    if (command === "check") return await checkCommand(rest);
    if (command === "compare") return await compareMain(rest);
    throw new UsageError(`unknown command ${JSON.stringify(command)}; allowed: check or compare`);
  } catch (e) {
    return reportError(e, command === "check" ? CHECK_USAGE : AICLUSTER_USAGE);
  }
}

if (require.main === module) {
  runCommand(() => main(process.argv.slice(2)), "aicluster");
}
