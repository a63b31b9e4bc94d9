/**
 * Bad command lines for the planner: `main(argv)` returns the exit code (2 for every row) and prints one line
 * `error: <message>` naming the field. Most fail before the stack program runs; the last rows run it under the mock
 * engine and must still fail as bad input (the resource budget is checked before anything registers).
 */
import * as os from "node:os";

export interface CliContext {
  /** A policy config file holding `{"pue-max":{"enforcementLevel":"warn"}}`. */
  warnFile: string;
  /** A policy config file that is not JSON and holds SECRET. */
  secretFile: string;
}

/** What main caught, told apart by the message's shape (main prints `error: ` + the message for any bad input). */
export const MESSAGE_SHAPES: Record<string, RegExp> = {
  UsageError: /^(?!stack "|aicluster:index:)/,
  StackConfigError: /^stack "[^"]*" has invalid config: /,
  PolicyConfigError: /^--policy-config [^:]+: [\w-]+(\.\w+)? = .*; allowed: /,
};

export interface CliCase {
  name: string;
  argv: (ctx: CliContext) => string[];
  errorClass: keyof typeof MESSAGE_SHAPES;
  /** Text the `error: ` line must contain: the option, key or rule.key at fault. */
  field: string;
  /** More text the line must contain (what is allowed). */
  allowed?: string;
  notInMessage?: string;
  exit: 2;
  /** Most seconds the run may take. */
  withinSeconds?: number;
}

export const SECRET = "sk_live_51HvQzCliSecretToken";

export const CLI_CASES: CliCase[] = [
  { name: "unknown option", argv: () => ["prometheus", "--frobnicate"], errorClass: "UsageError", field: "--frobnicate", allowed: "unknown option", exit: 2 },
  { name: "--format xml", argv: () => ["prometheus", "--format", "xml"], errorClass: "UsageError", field: "--format xml", allowed: "allowed text, json, markdown or html", exit: 2 },
  { name: "--format html without --out", argv: () => ["prometheus", "--format", "html"], errorClass: "UsageError", field: "--format html", allowed: "needs --out <file>", exit: 2 },
  { name: "--html with --format html", argv: () => ["prometheus", "--format", "html", "--out", "/tmp/a.html", "--html", "/tmp/b.html"], errorClass: "UsageError", field: "--html", allowed: "not with --format html", exit: 2 },
  { name: "--out and --html the same file", argv: () => ["prometheus", "--out", "/tmp/same.txt", "--html", "/tmp/same.txt"], errorClass: "UsageError", field: "--out and --html name the same file", exit: 2 },
  { name: "--out in a folder that does not exist", argv: () => ["prometheus", "--out", "/nonexistent/dir/report.txt"], errorClass: "UsageError", field: "--out /nonexistent/dir/report.txt", allowed: "allowed a file in an existing folder", exit: 2 },
  { name: "--out a folder", argv: () => ["prometheus", "--out", os.tmpdir()], errorClass: "UsageError", field: `--out ${os.tmpdir()}`, allowed: "allowed a regular file (it is a folder)", exit: 2 },
  { name: "--html in a folder that does not exist", argv: () => ["prometheus", "--html", "/nonexistent/dir/report.html"], errorClass: "UsageError", field: "--html /nonexistent/dir/report.html", allowed: "allowed a file in an existing folder", exit: 2 },
  { name: "--format text,json without --output-dir", argv: () => ["prometheus", "--format", "text,json"], errorClass: "UsageError", field: "--format text,json", allowed: "several formats need --output-dir <dir>", exit: 2 },
  { name: "--format sarif,xml", argv: () => ["prometheus", "--format", "sarif,xml"], errorClass: "UsageError", field: "--format xml", allowed: "or for CI sarif, junit, codequality or github", exit: 2 },
  { name: "--format with an empty item", argv: () => ["prometheus", "--format", "sarif,"], errorClass: "UsageError", field: "--format sarif,", allowed: "allowed text, json, markdown or html", exit: 2 },
  { name: "--out with --output-dir", argv: () => ["prometheus", "--format", "sarif", "--out", "/tmp/a.sarif", "--output-dir", "/tmp"], errorClass: "UsageError", field: "--out", allowed: "not with --output-dir", exit: 2 },
  { name: "--out with --format github alone", argv: () => ["prometheus", "--format", "github", "--out", "/tmp/a.txt"], errorClass: "UsageError", field: "--out", allowed: "github always prints to stdout", exit: 2 },
  { name: "--output-dir without a value", argv: () => ["prometheus", "--format", "sarif", "--output-dir"], errorClass: "UsageError", field: "--output-dir", allowed: "needs a value", exit: 2 },
  { name: "--hourly with --format sarif,junit", argv: () => ["prometheus", "--format", "sarif,junit", "--output-dir", "/tmp", "--hourly"], errorClass: "UsageError", field: "--hourly", allowed: "allowed only with --format json", exit: 2 },
  // A missing folder is made (a fresh CI runner has none); one under a file cannot be.
  { name: "--output-dir under a file", argv: (c) => ["prometheus", "--format", "sarif,junit", "--output-dir", `${c.warnFile}/reports`], errorClass: "UsageError", field: "--output-dir", allowed: "allowed a folder, or a path where one can be made (making it failed: ENOTDIR)", exit: 2, withinSeconds: 1 },
  { name: "--format without a value", argv: () => ["prometheus", "--format"], errorClass: "UsageError", field: "--format", allowed: "needs a value", exit: 2 },
  { name: "--depth 0", argv: () => ["prometheus", "--depth", "0"], errorClass: "UsageError", field: "--depth", allowed: "a whole number from 1 to 10", exit: 2 },
  { name: "--depth 11", argv: () => ["prometheus", "--depth", "11"], errorClass: "UsageError", field: "--depth", allowed: "a whole number from 1 to 10", exit: 2 },
  { name: "--depth abc", argv: () => ["prometheus", "--depth=abc"], errorClass: "UsageError", field: "--depth", allowed: "a whole number from 1 to 10", exit: 2 },
  { name: "--hourly without --format json", argv: () => ["prometheus", "--hourly"], errorClass: "UsageError", field: "--hourly", allowed: "allowed only with --format json", exit: 2 },
  { name: "--hourly=yes", argv: () => ["prometheus", "--format", "json", "--hourly=yes"], errorClass: "UsageError", field: "--hourly", allowed: "takes no value", exit: 2 },
  { name: "aicluster:weatherFile that does not exist", argv: () => ["prometheus", "--config", "weatherFile=/nonexistent/site.epw"], errorClass: "AiclusterInputError", field: "weatherFile", allowed: "a readable EnergyPlus weather file", exit: 2 },
  { name: "no stack", argv: () => ["--format", "json"], errorClass: "UsageError", field: "name a stack", exit: 2 },
  { name: "two stacks", argv: () => ["prometheus", "hyperion"], errorClass: "UsageError", field: "one stack at a time, got prometheus, hyperion", exit: 2 },
  { name: "--config novalue", argv: () => ["prometheus", "--config", "novalue"], errorClass: "UsageError", field: "--config novalue", allowed: "allowed <key>=<value>", exit: 2 },
  { name: "--config =1", argv: () => ["prometheus", "--config", "=1"], errorClass: "UsageError", field: "--config =1", allowed: "allowed <key>=<value>", exit: 2 },
  { name: "--policy-config without a value", argv: () => ["prometheus", "--policy-config"], errorClass: "UsageError", field: "--policy-config", allowed: "needs a value", exit: 2 },
  { name: "--policy-config followed by another option", argv: () => ["prometheus", "--policy-config", "--format", "json"], errorClass: "UsageError", field: "--policy-config", allowed: "needs a value", exit: 2 },
  { name: "a missing stack", argv: () => ["nostack"], errorClass: "UsageError", field: 'no stack "nostack"', allowed: "stacks: hyperion, prometheus", exit: 2 },
  { name: "a stack given as a path", argv: () => ["../stacks/Pulumi.prometheus"], errorClass: "UsageError", field: "stack name", allowed: "no path separators", exit: 2 },
  { name: "--config scal=0.5 (suggests aicluster:scale)", argv: () => ["prometheus", "--config", "scal=0.5"], errorClass: "StackConfigError", field: "aicluster:scal", allowed: 'did you mean "aicluster:scale"?', exit: 2 },
  { name: "--scale 0x1", argv: () => ["prometheus", "--scale", "0x1"], errorClass: "StackConfigError", field: "aicluster:scale", allowed: "a number from 0.0001 to 1", exit: 2 },
  { name: "--phase 2 on a one-phase stack", argv: () => ["prometheus", "--phase", "2"], errorClass: "StackConfigError", field: "aicluster:phase", allowed: "1 (prometheus has one phase)", exit: 2 },
  { name: "--config cloud=gcp", argv: () => ["prometheus", "--config", "cloud=gcp"], errorClass: "StackConfigError", field: "aicluster:cloud", exit: 2 },
  { name: "--policy-config with a bad enforcement level", argv: (ctx) => ["prometheus", "--policy-config", ctx.warnFile], errorClass: "PolicyConfigError", field: "pue-max.enforcementLevel", allowed: "one of advisory, mandatory, remediate, disabled", exit: 2 },
  { name: "--policy-config not JSON (content not echoed)", argv: (ctx) => ["prometheus", "--policy-config", ctx.secretFile], errorClass: "UsageError", field: "--policy-config", allowed: "invalid JSON at line 1, column", notInMessage: SECRET, exit: 2 },
  { name: "--baseline a missing file", argv: () => ["prometheus", "--baseline", "/nonexistent/base.json"], errorClass: "UsageError", field: "--baseline /nonexistent/base.json", allowed: "no such file", exit: 2, withinSeconds: 1 },
  { name: "--today not a calendar date", argv: () => ["prometheus", "--today", "2026-02-30"], errorClass: "UsageError", field: "--today 2026-02-30", allowed: "allowed a calendar date YYYY-MM-DD", exit: 2, withinSeconds: 1 },
  { name: "--today 2026-13-01 (no month 13; was a RangeError)", argv: () => ["prometheus", "--today", "2026-13-01"], errorClass: "UsageError", field: "--today 2026-13-01", allowed: "allowed a calendar date YYYY-MM-DD", exit: 2, withinSeconds: 1 },
  { name: "--depth 1e1 (decimal digits only)", argv: () => ["prometheus", "--depth", "1e1"], errorClass: "UsageError", field: "--depth 1e1", allowed: "a whole number from 1 to 10", exit: 2 },
  { name: "--timeout 0", argv: () => ["prometheus", "--timeout", "0"], errorClass: "UsageError", field: "--timeout 0", allowed: "allowed a positive number of seconds", exit: 2 },
  { name: "--timeout -5", argv: () => ["prometheus", "--timeout", "-5"], errorClass: "UsageError", field: "--timeout -5", allowed: "allowed a positive number of seconds", exit: 2 },
  { name: "--timeout empty", argv: () => ["prometheus", "--timeout="], errorClass: "UsageError", field: '--timeout ""', allowed: "allowed a positive number of seconds", exit: 2 },
  { name: "--timeout above a day", argv: () => ["prometheus", "--timeout", "1000000"], errorClass: "UsageError", field: "--timeout 1000000", allowed: "at most 86400", exit: 2 },
  { name: "--format given twice", argv: () => ["prometheus", "--format", "json", "--format", "text"], errorClass: "UsageError", field: "--format given twice", allowed: "allowed once", exit: 2 },
  { name: "--policy-config a missing file", argv: () => ["prometheus", "--policy-config", "/nonexistent/policy.json"], errorClass: "UsageError", field: "--policy-config /nonexistent/policy.json", allowed: "no such file", exit: 2 },
  // The program runs under mocks: rejected by the resource budget before anything registers.
  {
    name: "hyperion phase 2 at full scale, 10× density, one rack per group (over the resource budget)",
    argv: () => ["hyperion", "--phase", "2", "--scale", "1", "--config", "gpuDensityFactor=10", "--config", "racksPerGroup=1"],
    errorClass: "StackConfigError", field: "aicluster:racksPerGroup", allowed: "within aicluster:maxResources (40,000)", exit: 2, withinSeconds: 5,
  },
  {
    name: "prometheus with maxResources=10",
    argv: () => ["prometheus", "--config", "maxResources=10"],
    errorClass: "StackConfigError", field: "aicluster:racksPerGroup", allowed: "within aicluster:maxResources (10)", exit: 2, withinSeconds: 5,
  },
];
