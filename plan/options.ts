/** Command-line options of `npm run plan`; a bad option is bad input (exit 2) with a message saying what is allowed. */
import { isValidStackName, STACK_NAME_ALLOWED } from "../stacks/stackName";

export type Format = "text" | "json" | "markdown" | "html";

export interface PlanOptions {
  stack: string;
  format: Format;
  /** Config overrides, namespaced keys (`aicluster:scale`). */
  config: Record<string, string>;
  /** Policy config file (the `--policy-pack-config` format). */
  policyConfigFile?: string;
  /** Depth of the component tree printed (1 = the campus only). */
  treeDepth: number;
  /** Include each campus's 8,760-hour series in the JSON report. */
  hourly: boolean;
  /** Write the report (in --format) to this file instead of printing it. */
  out?: string;
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
  --format text|json|markdown|html
                                output format (default text); html is one self-contained file with charts, and needs --out
  --out <file>                  write the report to <file> instead of printing it
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
  const o: PlanOptions = { stack: "", format: "text", config: {}, treeDepth: 3, hourly: false, help: false };
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
        const f = value();
        if (f !== "text" && f !== "json" && f !== "markdown" && f !== "html") throw new UsageError(`--format ${f}: allowed text, json, markdown or html`);
        o.format = f;
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
  if (o.hourly && o.format !== "json") throw new UsageError("--hourly: allowed only with --format json (the series are 8,760 values each)");
  if (o.format === "html" && o.out === undefined) throw new UsageError("--format html: needs --out <file> (the report is one HTML file with its charts)");
  if (o.format === "html" && o.htmlFile !== undefined) throw new UsageError("--html: not with --format html (use --out for the HTML report)");
  if (o.out !== undefined && o.out === o.htmlFile) throw new UsageError(`--out and --html name the same file (${o.out})`);
  if (positional.length !== 1) throw new UsageError(positional.length === 0 ? "name a stack, e.g. npm run plan -- prometheus" : `one stack at a time, got ${positional.join(", ")}`);
  if (!isValidStackName(positional[0])) throw new UsageError(`stack name ${JSON.stringify(positional[0])}: allowed ${STACK_NAME_ALLOWED}`);
  o.stack = positional[0];
  return o;
}
