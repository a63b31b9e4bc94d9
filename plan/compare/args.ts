/**
 * The command line of `aicluster compare` and `npm run compare`: options parsed with plan/args.ts (node:util
 * parseArgs), and each plan argument classified as a JSON report file or a stack variant (`<stack>` or
 * `<stack>:<key>=<value>,...`). Every mistake is a UsageError (exit 2) naming the argument, what is wrong and what is
 * allowed, thrown before any plan runs.
 */
import * as fs from "node:fs";
import { isValidStackName, isValidStackReference, STACK_NAME_ALLOWED, STACK_REFERENCE_ALLOWED } from "../../stacks/stackName";
import { OptionSpecs, parseCommandLine, stringValue } from "../args";
import { UsageError } from "../options";

export type CompareFormat = "text" | "markdown" | "html";

export const COMPARE_FORMATS: readonly CompareFormat[] = ["text", "markdown", "html"];

/** `aicluster compare` (a project folder, default the current one) or `npm run compare` (this repository). */
export type CompareMode = "aicluster" | "repository";

/** The most plans one comparison shows: one letter per column, A to Z. */
export const MAX_PLANS = 26;

/** One plan to compare: a JSON report file, or a stack of the project planned with config overrides. */
export type PlanSource =
  | { kind: "file"; arg: string; file: string }
  | { kind: "variant"; arg: string; stack: string; overrides: Record<string, string> };

export interface CompareOptions {
  sources: PlanSource[];
  format: CompareFormat;
  /** Write the comparison to this file instead of printing it. */
  out?: string;
  /** `aicluster compare`: the Pulumi project folder stack variants are planned in. */
  projectDir?: string;
  help: boolean;
}

const VARIANT_ALLOWED = "<stack> or <stack>:<key>=<value>[,<key>=<value>...], e.g. prometheus:scale=0.01";
export const FILE_ALLOWED = "a JSON report file (npm run plan -- <stack> --format json)";
const PLAN_ALLOWED = `${FILE_ALLOWED} or a stack variant ${VARIANT_ALLOWED}`;

const OPTIONS_TEXT = `Each plan is a JSON report file (written by npm run plan -- <stack> --format json or aicluster check ... --format
json), or a stack variant planned under the mocks: <stack>, or <stack>:<key>=<value>[,<key>=<value>...] with config
overrides (keys without a namespace get the project's; values cannot hold a comma), e.g. prometheus:scale=0.01 or
hyperion:phase=1. An argument naming an existing file, or ending in .json without a ':', is a file.

options:
  --format <f>       text (default), markdown or html (one self-contained page; needs --out)
  --out <file>       write the comparison to <file> instead of printing it
  --project <dir>    (aicluster compare) the Pulumi project folder stack variants are planned in (default: the
                     current folder)
  -h, --help         this text

exit codes: 0 the comparison was printed or written (whatever the verdicts), 2 bad input (arguments, options, report
files, stack config), 3 a program failed or the command crashed`;

export const COMPARE_USAGE = `usage: aicluster compare <plan> <plan> [<plan>...] [options]

Shows two or more plans side by side: each one's verdict and config, its budgets (used, headroom, the difference from
the first plan, and rows whose verdict differs marked ≠), confidence when a report has it, costs, the year ledger and
the violations, with those only in some plans named.

${OPTIONS_TEXT}`;

export const NPM_COMPARE_USAGE = `usage: npm run compare -- <plan> <plan> [<plan>...] [options]

aicluster compare applied to this repository: stack variants are its stacks (stacks/Pulumi.<stack>.yaml).

${OPTIONS_TEXT}`;

const OPTION_SPECS: OptionSpecs = {
  help: { type: "boolean", short: "h" },
  format: { type: "string" },
  out: { type: "string" },
  project: { type: "string" },
};

const OPTIONS_ALLOWED = "--format, --out, --project (aicluster compare) and --help";

/** An argument as a message shows it: JSON-quoted (it may hold anything), cut at 60 characters. */
export function shownArg(arg: string): string {
  return JSON.stringify(arg.length > 60 ? `${arg.slice(0, 57)}...` : arg);
}

/** Whether the argument is a report file: a path that exists, or one ending in `.json` (no `:`: a variant's value may end so). */
export function isFileArgument(arg: string): boolean {
  return fs.existsSync(arg) || (/\.json$/i.test(arg) && !arg.includes(":"));
}

/** `<stack>` or `<stack>:<key>=<value>,...` checked: the stack's name, each override a key and a value, each key once. */
export function parseVariant(arg: string, mode: CompareMode): PlanSource & { kind: "variant" } {
  const bad = (what: string, allowed = `${VARIANT_ALLOWED}; or ${FILE_ALLOWED}`) => new UsageError(`stack variant ${shownArg(arg)}: ${what}; allowed: ${allowed}`);
  const colon = arg.indexOf(":");
  const stack = colon < 0 ? arg : arg.slice(0, colon);
  const valid = mode === "aicluster" ? isValidStackReference(stack) : isValidStackName(stack);
  if (!valid) {
    if (stack === "") throw bad(colon < 0 ? "no stack name" : "no stack name before ':'");
    throw bad(`stack name ${shownArg(stack)}`, `${mode === "aicluster" ? STACK_REFERENCE_ALLOWED : `a stack name of ${STACK_NAME_ALLOWED}`}, with :<key>=<value>,... or without; or ${FILE_ALLOWED}`);
  }
  const overrides: Record<string, string> = {};
  if (colon < 0) return { kind: "variant", arg, stack, overrides };
  const rest = arg.slice(colon + 1);
  if (rest === "") throw bad("nothing after ':'");
  for (const part of rest.split(",")) {
    const eq = part.indexOf("=");
    if (eq < 0) throw bad(`${shownArg(part)} has no '='`);
    if (eq === 0) throw bad(`${shownArg(part)} has no key before '='`);
    const key = part.slice(0, eq);
    if (Object.hasOwn(overrides, key)) throw bad(`key ${shownArg(key)} given twice`);
    overrides[key] = part.slice(eq + 1);
  }
  return { kind: "variant", arg, stack, overrides };
}

/** Parses the command line after `compare`; throws a UsageError on the first mistake. */
export function parseCompareOptions(argv: readonly string[], mode: CompareMode): CompareOptions {
  const { values, positionals } = parseCommandLine(argv, OPTION_SPECS, (message) =>
    new UsageError(message.startsWith("unknown option") ? `${message}; allowed: ${OPTIONS_ALLOWED}` : message));
  const o: CompareOptions = { sources: [], format: "text", help: values.help === true };
  if (o.help) return o;
  const format = stringValue(values, "format");
  if (format !== undefined) {
    if (!(COMPARE_FORMATS as readonly string[]).includes(format)) throw new UsageError(`--format ${shownArg(format)}: allowed text, markdown or html (one format per run)`);
    o.format = format as CompareFormat;
  }
  o.out = stringValue(values, "out");
  if (o.format === "html" && o.out === undefined) throw new UsageError("--format html: needs --out <file> (the comparison is one HTML page)");
  const project = stringValue(values, "project");
  if (project !== undefined) {
    if (mode === "repository") throw new UsageError("--project: allowed with aicluster compare (npm run compare plans this repository's stacks)");
    o.projectDir = project;
  }
  if (positionals.length < 2) {
    throw new UsageError(`compare needs two or more plans, got ${positionals.length}${positionals.length === 1 ? ` (${shownArg(positionals[0])})` : ""}; allowed: ${PLAN_ALLOWED}`);
  }
  if (positionals.length > MAX_PLANS) throw new UsageError(`compare takes at most ${MAX_PLANS} plans (one column each, A to Z), got ${positionals.length}`);
  o.sources = positionals.map((arg) => (isFileArgument(arg) ? { kind: "file", arg, file: arg } : parseVariant(arg, mode)));
  return o;
}
