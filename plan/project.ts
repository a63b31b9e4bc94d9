/**
 * A Pulumi project folder as the planner needs it: Pulumi.yaml read and checked (name, runtime, main, stackConfigDir,
 * project-level config), and the program's entry file found the way Pulumi's Node.js host finds it. Every problem is a
 * UsageError naming the file, the field, the value and what is allowed.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import * as yaml from "js-yaml";
import { UsageError } from "./options";

export interface PulumiProject {
  /** The folder holding Pulumi.yaml (absolute). */
  dir: string;
  /** Pulumi.yaml's path (absolute). */
  file: string;
  name: string;
  /** `nodejs`, `python`, `yaml`, ... (the planner runs nodejs programs). */
  runtime: string;
  /** `runtime.options.typescript` (Pulumi's default: true). */
  typescript: boolean;
  /** `main`, relative to the project folder (default: the folder itself). */
  main?: string;
  /** Where Pulumi.<stack>.yaml files live, relative to the project folder. */
  stackConfigDir: string;
  /** Project-level config values and defaults (`config:` in Pulumi.yaml), namespaced keys, as strings. */
  config: Record<string, string>;
}

function problem(file: string, field: string, value: unknown, allowed: string): UsageError {
  const shown = value === undefined ? "missing" : JSON.stringify(value);
  return new UsageError(`${file}: ${field} = ${shown}; allowed: ${allowed}`, false);
}

/** Parses a YAML file; a syntax error is reported by position only (the parser's message quotes the line). */
export function readYamlFile(file: string, shownAs = file): unknown {
  let text: string;
  try {
    text = fs.readFileSync(file, "utf8");
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new UsageError(`cannot read ${shownAs}: ${code === "ENOENT" ? "no such file" : code === "EISDIR" ? "it is a folder" : code ?? "unreadable"}`, false);
  }
  try {
    return yaml.load(text);
  } catch (e) {
    const mark = (e as { mark?: { line: number; column: number } }).mark;
    throw new UsageError(`cannot read ${shownAs}: ${mark ? `invalid YAML at line ${mark.line + 1}, column ${mark.column + 1}` : "invalid YAML"}`, false);
  }
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);
const isScalar = (v: unknown): v is string | number | boolean => typeof v === "string" || typeof v === "number" || typeof v === "boolean";

/** Pulumi.yaml's `config:` block: `key: value`, or `key: { default | value, type?, description?, secret? }`. */
function projectConfig(name: string, block: unknown, shown: string): Record<string, string> {
  if (block === undefined || block === null) return {};
  if (!isObject(block)) throw problem(shown, "config", block, "a map of config keys");
  const out: Record<string, string> = {};
  for (const [key, entry] of Object.entries(block)) {
    const full = key.includes(":") ? key : `${name}:${key}`;
    if (isScalar(entry)) {
      out[full] = String(entry);
    } else if (isObject(entry)) {
      const value = entry.value ?? entry.default;
      if (value === undefined) continue; // declared without a default: the stack config must set it, or the program decides
      if (!isScalar(value)) throw problem(shown, `config.${key}.${entry.value !== undefined ? "value" : "default"}`, value, "a string, number or boolean (structured config is not read by the planner)");
      out[full] = String(value);
    } else {
      throw problem(shown, `config.${key}`, entry, "a value, or a map with default or value");
    }
  }
  return out;
}

/** Reads and checks `<dir>/Pulumi.yaml` (Pulumi.yml also accepted, as the CLI does). */
export function readPulumiProject(dir: string): PulumiProject {
  const abs = path.resolve(dir);
  const stat = fs.statSync(abs, { throwIfNoEntry: false });
  if (!stat?.isDirectory()) throw new UsageError(`project folder ${dir}: ${stat ? "not a folder" : "does not exist"}; allowed: a folder holding Pulumi.yaml`, false);
  const file = ["Pulumi.yaml", "Pulumi.yml"].map((f) => path.join(abs, f)).find((f) => fs.existsSync(f));
  if (!file) throw new UsageError(`project folder ${dir}: no Pulumi.yaml; allowed: a Pulumi project folder (pulumi new creates one)`, false);
  const shown = path.relative(process.cwd(), file) || file;
  const doc = readYamlFile(file, shown);
  if (!isObject(doc)) throw problem(shown, "(document)", doc, "a YAML map with name and runtime");
  const { name, runtime, main, stackConfigDir } = doc;
  if (typeof name !== "string" || !/^[A-Za-z0-9_.-]+$/.test(name)) throw problem(shown, "name", name, "a project name (letters, digits, _, . and -)");
  const runtimeName = isObject(runtime) ? runtime.name : runtime;
  if (typeof runtimeName !== "string") throw problem(shown, "runtime", runtime, "a runtime name, e.g. nodejs, or { name: nodejs, options: {...} }");
  const options = isObject(runtime) && isObject(runtime.options) ? runtime.options : {};
  if (main !== undefined && (typeof main !== "string" || main === "")) throw problem(shown, "main", main, "a path relative to the project folder");
  if (stackConfigDir !== undefined && (typeof stackConfigDir !== "string" || stackConfigDir === "")) throw problem(shown, "stackConfigDir", stackConfigDir, "a folder relative to the project folder");
  return {
    dir: abs,
    file,
    name,
    runtime: runtimeName,
    typescript: options.typescript !== false,
    ...(main === undefined ? {} : { main: main as string }),
    stackConfigDir: (stackConfigDir as string | undefined) ?? ".",
    config: projectConfig(name, doc.config, shown),
  };
}
