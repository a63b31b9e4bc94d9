/** Stack config as the CLI would load it: Pulumi.yaml's stackConfigDir, then Pulumi.<stack>.yaml, then overrides. */
import * as fs from "fs";
import * as path from "path";
import * as yaml from "js-yaml";
import { isValidStackName, STACK_NAME_ALLOWED } from "../stacks/stackName";
import { UsageError } from "./options";

/** The folder holding Pulumi.yaml above this file (the repository, or the package when run compiled from bin/). */
function findProjectRoot(from: string): string {
  for (let dir = from; ; dir = path.dirname(dir)) {
    if (fs.existsSync(path.join(dir, "Pulumi.yaml"))) return dir;
    if (path.dirname(dir) === dir) return path.resolve(__dirname, "..");
  }
}

export const PROJECT_ROOT = findProjectRoot(path.resolve(__dirname, ".."));

interface ProjectFile {
  name: string;
  stackConfigDir?: string;
}

function readYaml(file: string): unknown {
  try {
    return yaml.load(fs.readFileSync(file, "utf8"));
  } catch (e) {
    // The YAML parser's message quotes the offending line: report its position only.
    const mark = (e as { mark?: { line: number; column: number } }).mark;
    throw new UsageError(`cannot read ${path.relative(process.cwd(), file)}: ${mark ? `invalid YAML at line ${mark.line + 1}, column ${mark.column + 1}` : (e as NodeJS.ErrnoException).code ?? "unreadable"}`, false);
  }
}

export function readProject(root = PROJECT_ROOT): ProjectFile {
  return readYaml(path.join(root, "Pulumi.yaml")) as ProjectFile;
}

function configDir(root: string): string {
  return path.join(root, readProject(root).stackConfigDir ?? ".");
}

/** Stacks that have a config file. */
export function knownStacks(root = PROJECT_ROOT): string[] {
  return fs
    .readdirSync(configDir(root))
    .flatMap((f) => /^Pulumi\.(.+)\.yaml$/.exec(f)?.[1] ?? [])
    .sort();
}

/** Shown instead of a secret's value; what a program under the planner reads for it. */
export const SECRET_PLACEHOLDER = "[secret]";
/** Shown instead of a plain value of another namespace (it may be a credential: `aws:secretKey` can be plain). */
export const HIDDEN_PLACEHOLDER = "[not shown]";

const PROJECT_NAMESPACE = "aicluster:";

function isSecure(value: unknown): boolean {
  return typeof value === "object" && value !== null && !Array.isArray(value) && Object.keys(value).length === 1 && "secure" in value;
}

/**
 * The stack's config (namespaced keys, string values) with overrides applied. The project's own keys must be plain
 * values (the planner has no key to decrypt a secret); other namespaces (a provider's credentials, say) are passed
 * through, structured values as JSON and secrets as a placeholder, so they never stop an offline plan.
 */
export function loadStackConfig(stack: string, overrides: Record<string, string> = {}, root = PROJECT_ROOT): Record<string, string> {
  if (!isValidStackName(stack)) throw new UsageError(`stack name ${JSON.stringify(stack)}: allowed ${STACK_NAME_ALLOWED}`, false);
  const file = path.join(configDir(root), `Pulumi.${stack}.yaml`);
  if (!fs.existsSync(file)) throw new UsageError(`no stack "${stack}": no ${path.relative(root, file)}; stacks: ${knownStacks(root).join(", ")}`, false);
  const doc = (readYaml(file) ?? {}) as { config?: Record<string, unknown> };
  const config: Record<string, string> = {};
  for (const [key, value] of Object.entries(doc.config ?? {})) {
    const own = key.startsWith(PROJECT_NAMESPACE);
    if (isSecure(value)) {
      if (own) throw new UsageError(`${path.relative(root, file)}: ${key} is a secret; the planner takes plain values for aicluster: keys`, false);
      config[key] = SECRET_PLACEHOLDER;
    } else if (typeof value === "object" && value !== null) {
      if (own) throw new UsageError(`${path.relative(root, file)}: ${key} is structured; aicluster: keys take plain values`, false);
      config[key] = JSON.stringify(value);
    } else {
      config[key] = String(value);
    }
  }
  return { ...config, ...overrides };
}

/** Config as a report may print it: the project's keys with their values, other namespaces' keys without theirs. */
export function printableConfig(config: Record<string, string>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(config).map(([key, value]) => [key, key.startsWith(PROJECT_NAMESPACE) ? value : value === SECRET_PLACEHOLDER ? SECRET_PLACEHOLDER : HIDDEN_PLACEHOLDER]),
  );
}
