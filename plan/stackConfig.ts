/**
 * Stack config as the Pulumi CLI would load it: Pulumi.yaml's project config, then Pulumi.<stack>.yaml in its
 * stackConfigDir, then command-line overrides.
 */
import * as fs from "fs";
import * as path from "path";
import { isValidStackName, STACK_NAME_ALLOWED } from "../stacks/stackName";
import { UsageError } from "./options";
import { PulumiProject, readPulumiProject, readYamlFile } from "./project";

/** The folder holding Pulumi.yaml above this file (the repository, or the package when run compiled from bin/). */
function findProjectRoot(from: string): string {
  for (let dir = from; ; dir = path.dirname(dir)) {
    if (fs.existsSync(path.join(dir, "Pulumi.yaml"))) return dir;
    if (path.dirname(dir) === dir) return path.resolve(__dirname, "..");
  }
}

/** This repository (its stacks are what `npm run plan` checks). */
export const PROJECT_ROOT = findProjectRoot(path.resolve(__dirname, ".."));

export function readProject(root = PROJECT_ROOT): PulumiProject {
  return readPulumiProject(root);
}

/** A project folder, or the project already read from it (so a run reads Pulumi.yaml once). */
export type ProjectRef = string | PulumiProject;

function projectOf(ref: ProjectRef): PulumiProject {
  return typeof ref === "string" ? readPulumiProject(ref) : ref;
}

/** The folder of the project's Pulumi.<stack>.yaml files (absolute). */
export function configDir(project: PulumiProject): string {
  return path.join(project.dir, project.stackConfigDir);
}

/** The stack's config file (Pulumi.<stack>.yaml, or .yml as the CLI also reads), when it exists. */
export function stackConfigFile(project: PulumiProject, stack: string): string | undefined {
  return ["yaml", "yml"].map((ext) => path.join(configDir(project), `Pulumi.${stack}.${ext}`)).find((f) => fs.existsSync(f));
}

/** Stacks that have a config file. */
export function knownStacks(root: ProjectRef = PROJECT_ROOT): string[] {
  const dir = configDir(projectOf(root));
  if (!fs.existsSync(dir)) return [];
  return [...new Set(fs.readdirSync(dir).flatMap((f) => /^Pulumi\.(.+)\.ya?ml$/.exec(f)?.[1] ?? []))].sort();
}

/** Shown instead of a secret's value; what a program under the planner reads for it. */
export const SECRET_PLACEHOLDER = "[secret]";
/** Shown instead of a plain value of another namespace (it may be a credential: `aws:secretKey` can be plain). */
export const HIDDEN_PLACEHOLDER = "[not shown]";

function isSecure(value: unknown): boolean {
  return typeof value === "object" && value !== null && !Array.isArray(value) && Object.keys(value).length === 1 && "secure" in value;
}

/** A config key with its namespace: keys without one take the project's, as the Pulumi CLI does. */
export function namespacedKey(key: string, projectName: string): string {
  return key.includes(":") ? key : `${projectName}:${key}`;
}

/**
 * The stack's config (namespaced keys, string values). The project's own keys must be plain values (the planner has
 * no key to decrypt a secret); other namespaces (a provider's credentials, say) are passed through, structured values
 * as JSON and secrets as a placeholder, so they never stop an offline plan.
 */
export function loadStackConfig(stack: string, overrides: Record<string, string> = {}, root: ProjectRef = PROJECT_ROOT): Record<string, string> {
  if (!isValidStackName(stack)) throw new UsageError(`stack name ${JSON.stringify(stack)}: allowed ${STACK_NAME_ALLOWED}`, false);
  const project = projectOf(root);
  const own = `${project.name}:`;
  const shown = (f: string) => path.relative(project.dir, f);
  const file = stackConfigFile(project, stack);
  if (!file) {
    const stacks = knownStacks(project);
    const expected = shown(path.join(configDir(project), `Pulumi.${stack}.yaml`));
    throw new UsageError(`no stack "${stack}": no ${expected}; ${stacks.length > 0 ? `stacks: ${stacks.join(", ")}` : "the project has no stack config files"}`, false);
  }
  const doc = readYamlFile(file, shown(file)) ?? {};
  if (typeof doc !== "object" || Array.isArray(doc)) throw new UsageError(`${shown(file)}: allowed a YAML map with a config: section`, false);
  const section = (doc as { config?: unknown }).config ?? {};
  if (typeof section !== "object" || section === null || Array.isArray(section)) {
    throw new UsageError(`${shown(file)}: config = ${JSON.stringify(section)}; allowed: a map of config keys`, false);
  }
  const config: Record<string, string> = { ...project.config };
  for (const [rawKey, value] of Object.entries(section)) {
    const key = namespacedKey(rawKey, project.name);
    const isOwn = key.startsWith(own);
    if (isSecure(value)) {
      if (isOwn) throw new UsageError(`${shown(file)}: ${key} is a secret; the planner takes plain values for ${own} keys`, false);
      config[key] = SECRET_PLACEHOLDER;
    } else if (typeof value === "object" && value !== null) {
      if (isOwn) throw new UsageError(`${shown(file)}: ${key} is structured; ${own} keys take plain values`, false);
      config[key] = JSON.stringify(value);
    } else {
      config[key] = String(value);
    }
  }
  for (const [key, value] of Object.entries(overrides)) config[namespacedKey(key, project.name)] = value;
  return config;
}

/** Config as a report may print it: the project's keys with their values, other namespaces' keys without theirs. */
export function printableConfig(config: Record<string, string>, projectName = "aicluster"): Record<string, string> {
  return Object.fromEntries(
    Object.entries(config).map(([key, value]) => [key, key.startsWith(`${projectName}:`) ? value : value === SECRET_PLACEHOLDER ? SECRET_PLACEHOLDER : HIDDEN_PLACEHOLDER]),
  );
}
