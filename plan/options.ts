/** Command-line options of `npm run plan`; a bad option is bad input (exit 2) with a message saying what is allowed. */
import { isValidStackName, isValidStackReference, STACK_NAME_ALLOWED, STACK_REFERENCE_ALLOWED } from "../stacks/stackName";
import { OptionSpecs, parseCommandLine, stringValue, stringValues } from "./args";

export type Format = "text" | "json" | "markdown" | "html" | "sarif" | "junit" | "codequality" | "github";

export const FORMATS: readonly Format[] = ["text", "json", "markdown", "html", "sarif", "junit", "codequality", "github"];

/** The file name extension of each format written to --output-dir (github always prints to stdout). */
export const FORMAT_EXTENSIONS: Record<Exclude<Format, "github">, string> = { text: "txt", json: "json", markdown: "md", html: "html", sarif: "sarif", junit: "xml", codequality: "codequality.json" };

function isFormat(f: string): f is Format {
  return (FORMATS as readonly string[]).includes(f);
}

export interface PlanOptions {
  stack: string;
  /** The formats asked for, each once, in the order given (default text). */
  formats: Format[];
  /** Config overrides as given (`aicluster:scale`, or `scale`: keys without a namespace take the project's). */
  config: Record<string, string>;
  /** `aicluster check`: the Pulumi project folder (holding Pulumi.yaml); absent for `npm run plan` (this repository). */
  projectDir?: string;
  /** An earlier JSON report to compare with (the base branch's). */
  baselineFile?: string;
  /** The date exemptions' expiry is checked against (YYYY-MM-DD). @default today (UTC) */
  today?: string;
  /** Policy config file (the `--policy-pack-config` format). */
  policyConfigFile?: string;
  /** Depth of the component tree printed (1 = the campus only). */
  treeDepth: number;
  /**
   * How long the program may take to settle (every resource registered, every output resolved) before the run fails
   * with exit 3 naming what is pending. Always set. @default 120
   */
  timeoutSeconds: number;
  /** Include each campus's 8,760-hour series in the JSON report. */
  hourly: boolean;
  /** Write the report (in its one --format) to this file instead of printing it. */
  out?: string;
  /** Write each format to `<dir>/aicluster-<stack>.<ext>` (github still prints to stdout). */
  outputDir?: string;
  /** Also write the HTML report to this file (Markdown links to it). */
  htmlFile?: string;
  /** `--soft-fail`: exit 0 whenever the run completes (findings still reported); errors keep their codes. */
  softFail?: boolean;
  /** `--fail-on`: which violations exit 1. @default "mandatory" */
  failOn?: FailOn;
  /** `--fail-on-new` (needs `--baseline`): only violations not in the baseline exit 1. */
  failOnNew?: boolean;
  /** `--create-baseline <file>`: also write this run's JSON report to `<file>`, the baseline of later runs. */
  createBaselineFile?: string;
  /** `aicluster check --engine`: preview under the real engine (Pulumi CLI, Automation API) instead of the mocks. */
  engine?: boolean;
  /** `--policy-pack <dir>` (with --engine, repeatable): more packs the engine runs beside aicluster's. */
  policyPacks?: string[];
  /** `--samples <n>` and its companions: a confidence run over the catalog's ranges and weather years. */
  confidence?: ConfidenceFlags;
  help: boolean;
}

/** A confidence run as the command line asks for it (plan/confidence/run.ts). */
export interface ConfidenceFlags {
  samples: number;
  /** @default "aicluster" */
  seed: string;
  /** @default 10 */
  weatherYears: number;
  /** @default 0.1 */
  fragileAbove: number;
  /** @default "advisory" */
  fragileLevel: "advisory" | "mandatory";
  /** Threads at most (1: the checker's own). @default the machine's cores */
  workers?: number;
  /** EPW files drawn from beside the generated years. */
  weatherFiles?: string[];
}

/** The most samples a run may ask for. */
export const MAX_SAMPLES = 100_000;

/** `--fail-on`: `mandatory` (the default) exits 1 on a blocking violation, `advisory` on any violation not exempted. */
export type FailOn = "mandatory" | "advisory";

export const FAIL_ON: readonly FailOn[] = ["mandatory", "advisory"];

export class UsageError extends Error {
  constructor(
    message: string,
    /** Whether the usage text helps (a bad option) or not (a bad file or stack an option names). */
    readonly showUsage = true,
  ) {
    super(message);
    this.name = "UsageError";
  }
}

const OPTIONS_TEXT = `options:
  -s, --stack <name>            the stack: its config is Pulumi.<name>.yaml in the project's stackConfigDir
  --format <f>[,<f>...]         output format (default text): text, json, markdown or html, and for CI sarif (SARIF
                                2.1.0, for code scanning), junit (JUnit XML), codequality (GitLab Code Quality JSON)
                                or github (GitHub Actions annotations, always printed; with GITHUB_STEP_SUMMARY set
                                the Markdown report is appended to it);
                                html is one self-contained file with charts, and needs --out or --output-dir; several
                                formats need --output-dir (github aside, one format may print to stdout)
  --out <file>                  write the report (one format) to <file> instead of printing it
  --output-dir <dir>            write each format to <dir>/aicluster-<stack>.<ext> (txt, json, md, html, sarif, xml,
                                codequality.json);
                                the folder is made when missing
  --html <file>                 also write the HTML report to <file> (a Markdown report links to it)
  --baseline <report.json>      compare with an earlier JSON report (the base branch's): headroom before and after
                                per budget, findings new and fixed; the Markdown is a PR comment with a hidden marker
  -c, --config <key>=<value>    stack config override; keys without a namespace get the project's (repeatable)
  --scale <n>                   same as --config scale=<n> (this repository's stacks: 0.0001 to 1)
  --phase <n>                   same as --config phase=<n>
  --policy-config <file>        policy config, as for pulumi's --policy-pack-config (default: the rules' defaults);
                                each rule may list exemptions: {resource, reason, expires?, ticket?}; "all": <level>
                                sets every rule's enforcement level (a rule's own level wins), as in CrossGuard
  --today <YYYY-MM-DD>          the date exemptions' expiry is checked against (default: today, UTC)
  --depth <n>                   levels of the component tree to print (default 3)
  --timeout <seconds>           how long the program may take to settle before the run fails with exit 3 naming
                                what is pending (default 120; a positive number of seconds, at most 86400)
  --hourly                      with --format json: add each campus's 8,760-hour series (large)
  --fail-on <level>             which violations exit 1: mandatory (default: a mandatory one, not exempted) or advisory
                                (any violation not exempted, advisory ones included); the reports are the same
  --soft-fail                   exit 0 whenever the check completes, violations or not (findings are still reported in
                                every format); bad input is still exit 2 and a crash 3. Not with --fail-on
  --fail-on-new                 with --baseline: only violations not in the baseline exit 1 (matched by fingerprint:
                                policy, resource and budget); known ones are still reported. Not with --soft-fail
  --create-baseline <file>      also write this run's JSON report to <file>, to pass as --baseline to later runs
  --engine                      (aicluster check) preview under the real engine instead of the mocks: pulumi preview
                                on your stack (the CLI on PATH, your backend, secrets and config) with the aicluster
                                pack, through the Automation API; any Pulumi language; same report (default
                                --timeout 1800). Not with --config, --scale, --phase or --today
  --policy-pack <dir>           with --engine: another policy pack to run beside aicluster's (repeatable); its
                                violations are listed on stderr and its mandatory ones exit 1
  --samples <n>                 a confidence run: plan every campus again <n> times (2 to 100,000) with each figure
                                that carries a range in the catalog drawn from it (Latin hypercube, triangular at the
                                catalog's value) and other generated weather years; prints each budget's P10/P50/P90,
                                headroom at P10, probability of violation and a tornado of what decides it
  --seed <text>                 with --samples: what the samples are drawn from (default aicluster); same seed, same report
  --weather-years <n>           with --samples: generated weather years to draw from, 1 to 100 (default 10: the
                                climate's own year and 9 under other seeds)
  --fragile-above <share>       with --samples: a passing budget that fails in more than this share of the samples
                                (0 to 1, default 0.1) is a fragile finding
  --fragile-level <level>       with --samples: advisory (default: reported, not blocking) or mandatory (exits 1)
  --weather-file <file.epw>     with --samples: a real weather year (EPW, e.g. TMY3) drawn from beside the generated
                                ones, every campus on it in turn (repeatable)
  --workers <n>                 with --samples: threads to plan the samples on, 1 to 64 (default: the machine's cores;
                                runs of less than a few seconds stay on one)
  -h, --help                    this text

exit codes: 0 fits every mandatory budget, 1 a mandatory policy is violated (with --fail-on advisory: any policy), 2 bad
input (options, config, args), 3 the program failed or the checker crashed`;

export const USAGE = `usage: npm run plan -- <stack> [options]

Runs this repository's stack program under Pulumi's mock runtime (no CLI, no cloud account) and prints the resources,
the component tree, the budgets and the policy findings: \`aicluster check . --stack <stack>\` applied to this
repository. Stacks: the Pulumi.<stack>.yaml files in stacks/.

${OPTIONS_TEXT}`;

export const CHECK_USAGE = `usage: aicluster check [project dir] --stack <name> [options]

Runs your Pulumi TypeScript or JavaScript program (the folder holding Pulumi.yaml, default the current one) under
Pulumi's mock runtime with its stack config: no Pulumi CLI, no cloud account, no state. Then the aicluster rules check
every campus it declares, with your policy config, and the report is printed or written in the formats asked for.

${OPTIONS_TEXT}`;

/** Every option the planner and `aicluster check` take (parsed by node:util parseArgs, checked in ./args). */
const OPTION_SPECS: OptionSpecs = {
  help: { type: "boolean", short: "h" },
  stack: { type: "string", short: "s" },
  format: { type: "string" },
  scale: { type: "string" },
  phase: { type: "string" },
  config: { type: "string", multiple: true, short: "c" },
  "policy-config": { type: "string" },
  out: { type: "string" },
  "output-dir": { type: "string" },
  html: { type: "string" },
  baseline: { type: "string" },
  today: { type: "string" },
  depth: { type: "string" },
  timeout: { type: "string" },
  hourly: { type: "boolean" },
  "fail-on": { type: "string" },
  "soft-fail": { type: "boolean" },
  "fail-on-new": { type: "boolean" },
  engine: { type: "boolean" },
  "policy-pack": { type: "string", multiple: true },
  "create-baseline": { type: "string" },
  samples: { type: "string" },
  seed: { type: "string" },
  "weather-years": { type: "string" },
  "fragile-above": { type: "string" },
  "fragile-level": { type: "string" },
  workers: { type: "string" },
  "weather-file": { type: "string", multiple: true },
};

/** How long a program may take to settle by default (`--timeout`), in seconds. */
export const DEFAULT_TIMEOUT_SECONDS = 120;

/** How long an engine preview may take by default (`--engine`), in seconds: a 5 GW campus previews in about 40 s here. */
export const ENGINE_TIMEOUT_SECONDS = 1800;

/** The longest `--timeout`: a day (Node's timers cap at about 24.8 days; anything longer would fire at once). */
export const MAX_TIMEOUT_SECONDS = 86_400;

/**
 * `--flag value` for a message: the value as typed, quoted when it is empty or has spaces or control characters, and
 * cut at 60 characters (a value can be anything pasted on the command line).
 */
function shown(flag: string, value: string): string {
  const cut = value.length > 60 ? `${value.slice(0, 57)}...` : value;
  return `${flag} ${cut === "" || /[\s\p{Cc}"]/u.test(cut) ? JSON.stringify(cut) : cut}`;
}

/** `YYYY-MM-DD` naming a day on the calendar (no month 13, no February 30). Never builds an invalid Date. */
function isCalendarDate(text: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!m) return false;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1];
  return days !== undefined && day >= 1 && day <= days;
}

/** A whole number written in decimal digits (no sign, exponent, hex, blanks or fraction) from `min` to `max`. */
function wholeNumber(flag: string, text: string, min: number, max: number): number {
  const n = /^\d{1,9}$/.test(text) ? Number(text) : NaN;
  if (!(n >= min && n <= max)) throw new UsageError(`${shown(flag, text)}: allowed a whole number from ${min} to ${max}`);
  return n;
}

/** A positive number of seconds in decimal notation (e.g. 90 or 0.5), at most `max`. */
function seconds(flag: string, text: string, max: number): number {
  const n = /^\d{1,9}(\.\d{1,9})?$/.test(text) ? Number(text) : NaN;
  if (!(n > 0 && n <= max)) throw new UsageError(`${shown(flag, text)}: allowed a positive number of seconds in decimal notation, at most ${max} (default ${DEFAULT_TIMEOUT_SECONDS})`);
  return n;
}

function parseFormats(list: string): Format[] {
  const formats: Format[] = [];
  for (const f of list.split(",")) {
    if (!isFormat(f)) throw new UsageError(`--format ${f || list}: allowed text, json, markdown or html, or for CI sarif, junit, codequality or github (several comma-separated)`);
    if (!formats.includes(f)) formats.push(f);
  }
  return formats;
}

/** A share from 0 to 1 in decimal notation. */
function share(flag: string, text: string): number {
  const n = /^(0|1)(\.\d{1,9})?$|^\.\d{1,9}$/.test(text) ? Number(text) : NaN;
  if (!(n >= 0 && n <= 1)) throw new UsageError(`${shown(flag, text)}: allowed a share from 0 to 1 in decimal notation, e.g. 0.1 for 10 %`);
  return n;
}

/** `--samples` and its companions (each companion needs --samples; none with --engine). */
function parseConfidence(values: Parameters<typeof stringValue>[0], engine: boolean): ConfidenceFlags | undefined {
  const samples = stringValue(values, "samples");
  const companions = (["seed", "weather-years", "fragile-above", "fragile-level", "workers", "weather-file"] as const).filter((k) => values[k] !== undefined);
  if (samples === undefined) {
    if (companions.length > 0) throw new UsageError(`--${companions[0]}: allowed with --samples <n> (it sets how the confidence run draws or judges its samples)`);
    return undefined;
  }
  if (engine) throw new UsageError("--samples: not with --engine (a confidence run plans the campuses again in the checker, from the plans the mock run keeps; run it without --engine)");
  const seed = stringValue(values, "seed") ?? "aicluster";
  if (seed.length === 0 || seed.length > 64 || /\p{Cc}/u.test(seed)) throw new UsageError(`${shown("--seed", seed)}: allowed 1 to 64 printable characters`);
  const level = stringValue(values, "fragile-level") ?? "advisory";
  if (level !== "advisory" && level !== "mandatory") throw new UsageError(`${shown("--fragile-level", level)}: allowed advisory (the default: fragile budgets are reported, not blocking) or mandatory (a fragile budget exits 1)`);
  const weatherYears = stringValue(values, "weather-years");
  const fragileAbove = stringValue(values, "fragile-above");
  const workers = stringValue(values, "workers");
  const weatherFiles = stringValues(values, "weather-file");
  return {
    ...(weatherFiles.length ? { weatherFiles } : {}),
    ...(workers === undefined ? {} : { workers: wholeNumber("--workers", workers, 1, 64) }),
    samples: wholeNumber("--samples", samples, 2, MAX_SAMPLES),
    seed,
    weatherYears: weatherYears === undefined ? 10 : wholeNumber("--weather-years", weatherYears, 1, 100),
    fragileAbove: fragileAbove === undefined ? 0.1 : share("--fragile-above", fragileAbove),
    fragileLevel: level,
  };
}

/**
 * Parses a command line. `plan` (npm run plan): the stack is the one positional argument (or --stack), the project is
 * this repository. `check` (aicluster check): the positional argument is the project folder (default: the current one)
 * and --stack names the stack.
 */
export function parseOptions(argv: readonly string[], mode: "plan" | "check" = "plan"): PlanOptions {
  const { values, positionals } = parseCommandLine(argv, OPTION_SPECS, (message) => new UsageError(message));
  const o: PlanOptions = { stack: "", formats: ["text"], config: {}, treeDepth: 3, timeoutSeconds: DEFAULT_TIMEOUT_SECONDS, hourly: values.hourly === true, help: values.help === true };
  if (o.help) return o;
  const format = stringValue(values, "format");
  if (format !== undefined) o.formats = parseFormats(format);
  const scale = stringValue(values, "scale");
  if (scale !== undefined) o.config["aicluster:scale"] = scale;
  const phase = stringValue(values, "phase");
  if (phase !== undefined) o.config["aicluster:phase"] = phase;
  for (const kv of stringValues(values, "config")) {
    const eq = kv.indexOf("=");
    if (eq <= 0) throw new UsageError(`--config ${kv}: allowed <key>=<value>, e.g. --config scale=0.01`);
    o.config[kv.slice(0, eq)] = kv.slice(eq + 1);
  }
  o.policyConfigFile = stringValue(values, "policy-config");
  o.out = stringValue(values, "out");
  o.outputDir = stringValue(values, "output-dir");
  o.htmlFile = stringValue(values, "html");
  o.baselineFile = stringValue(values, "baseline");
  o.today = stringValue(values, "today");
  if (o.today !== undefined && !isCalendarDate(o.today)) {
    throw new UsageError(`${shown("--today", o.today)}: allowed a calendar date YYYY-MM-DD (exemptions expire at the end of their day, UTC)`);
  }
  const depth = stringValue(values, "depth");
  if (depth !== undefined) o.treeDepth = wholeNumber("--depth", depth, 1, 10);
  const timeout = stringValue(values, "timeout");
  if (timeout !== undefined) o.timeoutSeconds = seconds("--timeout", timeout, MAX_TIMEOUT_SECONDS);
  const failOn = stringValue(values, "fail-on");
  if (values["soft-fail"] === true) {
    if (failOn !== undefined) throw new UsageError(`--soft-fail: not with ${shown("--fail-on", failOn)} (--soft-fail exits 0 whatever the findings; --fail-on chooses which violations exit 1)`);
    o.softFail = true;
  }
  if (failOn !== undefined) {
    if (!(FAIL_ON as readonly string[]).includes(failOn)) {
      throw new UsageError(`${shown("--fail-on", failOn)}: allowed mandatory (the default: exit 1 on a mandatory violation) or advisory (exit 1 on any violation, advisory ones included)`);
    }
    o.failOn = failOn as FailOn;
  }
  if (values["fail-on-new"] === true) {
    if (o.softFail) throw new UsageError("--fail-on-new: not with --soft-fail (--soft-fail exits 0 whatever the findings; --fail-on-new exits 1 on new violations only)");
    if (o.baselineFile === undefined) throw new UsageError("--fail-on-new: needs --baseline <report.json> (the violations it holds are the known ones; make one with --create-baseline <file>)");
    o.failOnNew = true;
  }
  o.createBaselineFile = stringValue(values, "create-baseline");
  if (o.createBaselineFile !== undefined) {
    if (o.createBaselineFile === o.baselineFile) throw new UsageError(`--create-baseline and --baseline name the same file (${o.createBaselineFile}): write the new baseline elsewhere`);
    if (o.createBaselineFile === o.out || o.createBaselineFile === o.htmlFile) throw new UsageError(`--create-baseline names the file of another report (${o.createBaselineFile})`);
  }
  const files = o.formats.filter((f) => f !== "github");
  if (o.hourly && !o.formats.includes("json")) throw new UsageError("--hourly: allowed only with --format json (the series are 8,760 values each)");
  if (o.out !== undefined && o.outputDir !== undefined) throw new UsageError("--out: not with --output-dir (--out names the file of a single format)");
  if (o.outputDir === undefined && files.length > 1) {
    throw new UsageError(`--format ${o.formats.join(",")}: several formats need --output-dir <dir> (each is written to <dir>/aicluster-<stack>.<ext>; only one may print)`);
  }
  if (o.out !== undefined && files.length === 0) throw new UsageError("--out: applies to a report format (github always prints to stdout)");
  if (files.includes("html") && o.out === undefined && o.outputDir === undefined) {
    throw new UsageError("--format html: needs --out <file> or --output-dir <dir> (the report is one HTML file with its charts)");
  }
  if (files.includes("html") && o.htmlFile !== undefined) throw new UsageError("--html: not with --format html (use --out or --output-dir for the HTML report)");
  if (o.out !== undefined && o.out === o.htmlFile) throw new UsageError(`--out and --html name the same file (${o.out})`);
  if (values.engine === true) {
    if (mode !== "check") throw new UsageError("--engine: allowed with aicluster check (npm run plan runs this repository's stacks under mocks; pulumi preview -s <stack> --policy-pack policies runs them under the engine)");
    o.engine = true;
    const refused = (["config", "scale", "phase", "today"] as const).filter((k) => values[k] !== undefined);
    if (refused.length > 0) {
      throw new UsageError(`--engine: not with --${refused[0]} (${refused[0] === "today" ? "the engine's policy pack checks exemptions' expiry against today's date" : "the engine reads the stack's own config: set values with pulumi config set"})`);
    }
    if (timeout === undefined) o.timeoutSeconds = ENGINE_TIMEOUT_SECONDS;
  }
  o.confidence = parseConfidence(values, o.engine === true);
  const packs = stringValues(values, "policy-pack");
  if (packs.length > 0) {
    if (!o.engine) throw new UsageError("--policy-pack: allowed with --engine (under mocks only the aicluster rules run)");
    o.policyPacks = packs;
  }
  const stackOption = stringValue(values, "stack");
  if (mode === "check") {
    if (positionals.length > 1) throw new UsageError(`one project folder at a time, got ${positionals.join(", ")}`);
    o.projectDir = positionals[0] ?? ".";
    if (stackOption === undefined) throw new UsageError("--stack: name the stack to check, e.g. aicluster check . --stack dev (its config is Pulumi.<stack>.yaml)");
    o.stack = stackOption;
  } else {
    const stacks = stackOption === undefined ? positionals : [stackOption, ...positionals];
    if (stacks.length !== 1) throw new UsageError(stacks.length === 0 ? "name a stack, e.g. npm run plan -- prometheus" : `one stack at a time, got ${stacks.join(", ")}`);
    o.stack = stacks[0];
  }
  // A user's stack may be named as the CLI names it (`dev`, `acme/dev`, `acme/<project>/dev`); this repository's are plain names.
  if (mode === "check" ? !isValidStackReference(o.stack) : !isValidStackName(o.stack)) {
    throw new UsageError(`stack name ${JSON.stringify(o.stack)}: allowed ${mode === "check" ? STACK_REFERENCE_ALLOWED : STACK_NAME_ALLOWED}`);
  }
  return o;
}
