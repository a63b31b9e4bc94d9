/** Command-line options of `npm run plan`; a bad option is bad input (exit 2) with a message saying what is allowed. */
import { isValidStackName, STACK_NAME_ALLOWED } from "../stacks/stackName";

export type Format = "text" | "json" | "markdown" | "html" | "sarif" | "junit" | "github";

export const FORMATS: readonly Format[] = ["text", "json", "markdown", "html", "sarif", "junit", "github"];

/** The file name extension of each format written to --output-dir (github always prints to stdout). */
export const FORMAT_EXTENSIONS: Record<Exclude<Format, "github">, string> = { text: "txt", json: "json", markdown: "md", html: "html", sarif: "sarif", junit: "xml" };

function isFormat(f: string): f is Format {
  return (FORMATS as readonly string[]).includes(f);
}

export interface PlanOptions {
  stack: string;
  /** The formats asked for, each once, in the order given (default text). */
  formats: Format[];
  /** Config overrides, namespaced keys (`aicluster:scale`). */
  config: Record<string, string>;
  /** Policy config file (the `--policy-pack-config` format). */
  policyConfigFile?: string;
  /** Depth of the component tree printed (1 = the campus only). */
  treeDepth: number;
  /** Include each campus's 8,760-hour series in the JSON report. */
  hourly: boolean;
  /** Write the report (in its one --format) to this file instead of printing it. */
  out?: string;
  /** Write each format to `<dir>/aicluster-<stack>.<ext>` (github still prints to stdout). */
  outputDir?: string;
  /** Also write the HTML report to this file (Markdown links to it). */
  htmlFile?: string;
  help: boolean;
}

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

export const USAGE = `usage: npm run plan -- <stack> [options]

Runs the stack program under Pulumi's mock runtime (no CLI, no cloud account) and prints the resources, the
component tree, the budgets and the policy findings. Stacks: the Pulumi.<stack>.yaml files in stacks/.

options:
  --format <f>[,<f>...]         output format (default text): text, json, markdown or html, and for CI sarif (SARIF
                                2.1.0, for code scanning), junit (JUnit XML) or github (GitHub Actions annotations,
                                always printed; with GITHUB_STEP_SUMMARY set the Markdown report is appended to it);
                                html is one self-contained file with charts, and needs --out or --output-dir; several
                                formats need --output-dir (github aside, one format may print to stdout)
  --out <file>                  write the report (one format) to <file> instead of printing it
  --output-dir <dir>            write each format to <dir>/aicluster-<stack>.<ext> (txt, json, md, html, sarif, xml)
  --html <file>                 also write the HTML report to <file> (a Markdown report links to it)
  --scale <n>                   same as --config aicluster:scale=<n> (0.0001 to 1)
  --phase <n>                   same as --config aicluster:phase=<n>
  --config <key>=<value>        stack config override; keys without a namespace get "aicluster:" (repeatable)
  --policy-config <file>        policy config, as for pulumi's --policy-pack-config (default: the rules' defaults)
  --depth <n>                   levels of the component tree to print (default 3)
  --hourly                      with --format json: add each campus's 8,760-hour series (large)
  -h, --help                    this text

exit codes: 0 fits every mandatory budget, 1 a mandatory policy is violated, 2 bad input (options, config, args)`;

function namespaced(key: string): string {
  return key.includes(":") ? key : `aicluster:${key}`;
}

export function parseOptions(argv: readonly string[]): PlanOptions {
  const o: PlanOptions = { stack: "", formats: ["text"], config: {}, treeDepth: 3, hourly: false, help: false };
  const positional: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const [flag, inline] = arg.startsWith("--") && arg.includes("=") ? [arg.slice(0, arg.indexOf("=")), arg.slice(arg.indexOf("=") + 1)] : [arg, undefined];
    const value = (): string => {
      const v = inline ?? argv[++i];
      if (v === undefined || (inline === undefined && v.startsWith("--"))) throw new UsageError(`${flag} needs a value`);
      return v;
    };
    switch (flag) {
      case "-h":
      case "--help":
        o.help = true;
        break;
      case "--format": {
        const list = value();
        const formats: Format[] = [];
        for (const f of list.split(",")) {
          if (!isFormat(f)) throw new UsageError(`--format ${f || list}: allowed text, json, markdown or html, or for CI sarif, junit or github (several comma-separated)`);
          if (!formats.includes(f)) formats.push(f);
        }
        o.formats = formats;
        break;
      }
      case "--scale":
        o.config["aicluster:scale"] = value();
        break;
      case "--phase":
        o.config["aicluster:phase"] = value();
        break;
      case "--config": {
        const kv = value();
        const eq = kv.indexOf("=");
        if (eq <= 0) throw new UsageError(`--config ${kv}: allowed <key>=<value>, e.g. --config scale=0.01`);
        o.config[namespaced(kv.slice(0, eq))] = kv.slice(eq + 1);
        break;
      }
      case "--policy-config":
        o.policyConfigFile = value();
        break;
      case "--out":
        o.out = value();
        break;
      case "--output-dir":
        o.outputDir = value();
        break;
      case "--html":
        o.htmlFile = value();
        break;
      case "--depth": {
        const d = Number(value());
        if (!Number.isInteger(d) || d < 1 || d > 10) throw new UsageError(`--depth: allowed a whole number from 1 to 10`);
        o.treeDepth = d;
        break;
      }
      case "--hourly":
        if (inline !== undefined) throw new UsageError("--hourly takes no value");
        o.hourly = true;
        break;
      default:
        if (arg.startsWith("-")) throw new UsageError(`unknown option ${arg}`);
        positional.push(arg);
    }
  }
  if (o.help) return o;
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
  if (positional.length !== 1) throw new UsageError(positional.length === 0 ? "name a stack, e.g. npm run plan -- prometheus" : `one stack at a time, got ${positional.join(", ")}`);
  if (!isValidStackName(positional[0])) throw new UsageError(`stack name ${JSON.stringify(positional[0])}: allowed ${STACK_NAME_ALLOWED}`);
  o.stack = positional[0];
  return o;
}
