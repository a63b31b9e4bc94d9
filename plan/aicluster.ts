#!/usr/bin/env node
/**
 * The `aicluster` command of the npm package. `aicluster check [project dir] --stack <name>` runs the user's own
 * Pulumi TypeScript or JavaScript program under Pulumi's mock runtime (no CLI, no cloud account, no state) with the
 * aicluster rules and the user's policy config, and reports in the formats CI tools read.
 * Exit codes: 0 pass, 1 a mandatory policy violated, 2 bad input, 3 a crash.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { check, EXIT, reportError } from "./check";
import { runCommand } from "./exit";
import { CHECK_USAGE, parseOptions, UsageError } from "./options";
import { programEntry, runProgramEntry } from "./program";
import { readPulumiProject } from "./project";
import { isProgramFile, runProgram } from "./runProgram";
import { runEngine } from "./engine/runEngine";

export const AICLUSTER_USAGE = `usage: aicluster <command> [options]

commands:
  check [project dir] --stack <name>   check a Pulumi program against the aicluster rules (aicluster check --help)
  --version                            the package version
  --help                               this text`;

function packageVersion(): string {
  for (let dir = __dirname; path.dirname(dir) !== dir; dir = path.dirname(dir)) {
    const file = path.join(dir, "package.json");
    if (fs.existsSync(file)) {
      const pkg = JSON.parse(fs.readFileSync(file, "utf8")) as { name?: string; version?: string };
      if (pkg.name === "pulumi-aicluster") return pkg.version ?? "unknown";
    }
  }
  return "unknown";
}

/** The program's @pulumi/pulumi must be the one the checker installs its mocks on, or the program would call a real engine. */
function assertOnePulumiSdk(projectDir: string): void {
  let theirs: string;
  try {
    theirs = require.resolve("@pulumi/pulumi", { paths: [projectDir] });
  } catch {
    throw new UsageError(`${projectDir}: @pulumi/pulumi is not installed for this program; run npm install in the project folder`, false);
  }
  const ours = require.resolve("@pulumi/pulumi");
  if (fs.realpathSync(theirs) !== fs.realpathSync(ours)) {
    throw new UsageError(
      `two copies of @pulumi/pulumi: the program loads ${theirs}, aicluster ${ours}; install pulumi-aicluster in the project itself (npm install --save-dev pulumi-aicluster), so both share one`,
      false,
    );
  }
}

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

export async function main(argv: readonly string[]): Promise<number> {
  const [command, ...rest] = argv;
  try {
    if (command === undefined || command === "--help" || command === "-h" || command === "help") {
      console.log(AICLUSTER_USAGE);
      return command === undefined ? EXIT.badInput : EXIT.pass;
    }
    if (command === "--version" || command === "-v") {
      console.log(packageVersion());
      return EXIT.pass;
    }
    if (command === "check") return await checkCommand(rest);
    throw new UsageError(`unknown command ${JSON.stringify(command)}; allowed: check`);
  } catch (e) {
    return reportError(e, command === "check" ? CHECK_USAGE : AICLUSTER_USAGE);
  }
}

if (require.main === module) {
  runCommand(() => main(process.argv.slice(2)), "aicluster");
}
