/**
 * `aicluster compare <plan> <plan> [...]` and `npm run compare -- <plan> <plan> [...]`: two or more plans (JSON report
 * files, or stack variants planned under the mocks) side by side, in text, Markdown or HTML. Exit codes: 0 the
 * comparison was printed or written (comparing is not a verdict), 2 bad input, 3 a program failed or a crash.
 */
import { count } from "../../components/format/numbers";
import { EXIT, reportError } from "../check";
import { runCommand } from "../exit";
import { writeReportFiles } from "../outputFile";
import { COMPARE_USAGE, CompareMode, NPM_COMPARE_USAGE, parseCompareOptions } from "./args";
import { comparePlans } from "./compare";
import { compareDocument } from "./document";
import { loadColumns } from "./load";
import { renderComparison } from "./render";

/**
 * The comparison in process: `argv` is what follows `compare`. Prints it (or writes it to --out) and returns 0; bad
 * input is thrown (a UsageError naming the argument), as `checkCommand` throws it, so a caller can tell what was wrong.
 * `mode` "aicluster" plans stack variants in --project (default the current folder), "repository" in this repository.
 */
export async function compareCommand(argv: readonly string[], mode: CompareMode = "aicluster"): Promise<number> {
  const options = parseCompareOptions(argv, mode);
  if (options.help) {
    console.log(mode === "aicluster" ? COMPARE_USAGE : NPM_COMPARE_USAGE);
    return EXIT.pass;
  }
  const columns = await loadColumns(options.sources, mode, options.projectDir);
  const text = renderComparison(compareDocument(comparePlans(columns)), options.format);
  if (options.out === undefined) {
    console.log(text);
  } else {
    writeReportFiles([{ flag: "--out", file: options.out, text: `${text}\n` }]);
    console.log(`wrote the ${options.format} comparison of ${columns.length} plans to ${options.out} (${count(Math.round(Buffer.byteLength(text) / 1024))} KB)`);
  }
  return EXIT.pass;
}

/** `compareCommand` with errors reported as the checker reports them (message on stderr, usage for a bad option): the exit code. */
export async function compareMain(argv: readonly string[], mode: CompareMode = "aicluster"): Promise<number> {
  try {
    return await compareCommand(argv, mode);
  } catch (e) {
    return reportError(e, mode === "aicluster" ? COMPARE_USAGE : NPM_COMPARE_USAGE);
  }
}

if (require.main === module) {
  runCommand(() => compareMain(process.argv.slice(2), "repository"), "the comparison");
}
