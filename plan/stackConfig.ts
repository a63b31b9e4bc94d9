/** Stack config as the CLI would load it: Pulumi.yaml's stackConfigDir, then Pulumi.<stack>.yaml, then overrides. */
import * as fs from "fs";
import * as path from "path";
import * as yaml from "js-yaml";
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
    throw new UsageError(`cannot read ${path.relative(process.cwd(), file)}: ${(e as Error).message}`);
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

/** The stack's config (namespaced keys, string values) with overrides applied. */
export function loadStackConfig(stack: string, overrides: Record<string, string> = {}, root = PROJECT_ROOT): Record<string, string> {
  const file = path.join(configDir(root), `Pulumi.${stack}.yaml`);
  if (!fs.existsSync(file)) throw new UsageError(`no stack "${stack}": no ${path.relative(root, file)}; stacks: ${knownStacks(root).join(", ")}`);
  const doc = (readYaml(file) ?? {}) as { config?: Record<string, unknown> };
  const config: Record<string, string> = {};
  for (const [key, value] of Object.entries(doc.config ?? {})) {
    if (typeof value === "object" && value !== null) throw new UsageError(`${path.relative(root, file)}: ${key} is structured or secret; the planner takes plain values only`);
    config[key] = String(value);
  }
  return { ...config, ...overrides };
}
