/**
 * `npm run plan -- <stack>`: `aicluster check` applied to this repository's stack program (stacks/index.ts), under
 * Pulumi's mock runtime, with the policy pack's rules. Exit codes: 0 pass, 1 a mandatory policy violated, 2 bad input.
 */
import { check, EXIT, reportError } from "./check";
import { runCommand } from "./exit";
import { parseOptions, USAGE } from "./options";
import { runPlan } from "./runPlan";
import { PROJECT_ROOT, readProject } from "./stackConfig";

export { EXIT, exitCodeOf, isBadInput, JSON_SCHEMA_VERSION, withSchemaVersion } from "./check";

export async function main(argv: readonly string[]): Promise<number> {
  try {
    const options = parseOptions(argv, "plan");
    if (options.help) {
      console.log(USAGE);
      return EXIT.pass;
    }
    return await check(options, readProject(PROJECT_ROOT), runPlan, { missingStackFile: "error" });
  } catch (e) {
    return reportError(e, USAGE);
  }
}

if (require.main === module) {
  runCommand(() => main(process.argv.slice(2)), "the plan");
}
