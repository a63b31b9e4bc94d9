/**
 * A Pulumi project folder as the planner needs it: Pulumi.yaml read and checked (name, runtime, main, stackConfigDir,
 * project-level config), and the program's entry file found the way Pulumi's Node.js host finds it. Every problem is a
 * UsageError naming the file, the field, the value and what is allowed. Input files are read through readInputFile (a
 * regular file of at most 4 MiB) and YAML through readYamlFile (aliases bounded).
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
  /** Project-level config values and defaults (`config:` in Pulumi.yaml), namespaced keys, as strings (structured values as JSON). */
  config: Record<string, string>;
  /** Keys Pulumi.yaml declares `secret: true` (the program reads them as secrets). */
  secretConfigKeys?: string[];
}

function problem(file: string, field: string, value: unknown, allowed: string): UsageError {
  const shown = value === undefined ? "missing" : JSON.stringify(value);
  return new UsageError(`${file}: ${field} = ${shown}; allowed: ${allowed}`, false);
}

/** The largest file the checker reads as project input (Pulumi.yaml, a stack file, tsconfig.json, a passphrase file). */
export const MAX_INPUT_FILE_BYTES = 4 * 1024 * 1024;

function mebibytes(bytes: number): string {
  const mib = bytes / (1024 * 1024);
  return `${Number.isInteger(mib) ? mib : mib.toFixed(1)} MiB`;
}

/** What a path that is not a regular file is, in words. */
function fileKind(stat: fs.Stats): string {
  if (stat.isDirectory()) return "a folder";
  if (stat.isFIFO()) return "a named pipe (FIFO)";
  if (stat.isCharacterDevice()) return "a character device";
  if (stat.isBlockDevice()) return "a block device";
  if (stat.isSocket()) return "a socket";
  return "not a regular file";
}

const OPEN_ERRORS: Record<string, string> = {
  ENOENT: "no such file",
  EISDIR: "it is a folder",
  EACCES: "permission denied",
  EPERM: "permission denied",
  ELOOP: "a loop of symbolic links",
  ENOTDIR: "a part of its path is not a folder",
  ENAMETOOLONG: "the path is too long",
};

/**
 * Reads a small text input file safely: opened without blocking (a named pipe would otherwise wait for a writer),
 * then checked on the open descriptor (a regular file, symlinks followed: /dev/zero or a FIFO is refused) and read up
 * to `maxBytes` (a file that grows past it while read is refused too). Every problem is one UsageError naming the file.
 */
export function readInputFile(file: string, shownAs = file, maxBytes = MAX_INPUT_FILE_BYTES): string {
  const fail = (why: string) => new UsageError(`cannot read ${shownAs}: ${why}`, false);
  let fd: number;
  try {
    fd = fs.openSync(file, fs.constants.O_RDONLY | (fs.constants.O_NONBLOCK ?? 0));
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code ?? "";
    throw fail(OPEN_ERRORS[code] ?? (code || "unreadable"));
  }
  try {
    const stat = fs.fstatSync(fd);
    if (!stat.isFile()) throw fail(`it is ${fileKind(stat)}; allowed: a regular file`);
    if (stat.size > maxBytes) throw fail(`it is ${mebibytes(stat.size)}; allowed: at most ${mebibytes(maxBytes)}`);
    const buffer = Buffer.alloc(Math.min(maxBytes + 1, Math.max(stat.size + 1, 64 * 1024)));
    let length = 0;
    for (;;) {
      if (length === buffer.length) break;
      const n = fs.readSync(fd, buffer, length, buffer.length - length, null);
      if (n === 0) break;
      length += n;
    }
    if (length > maxBytes) throw fail(`it is larger than ${mebibytes(maxBytes)}; allowed: at most ${mebibytes(maxBytes)}`);
    if (length === buffer.length) {
      // Filled the buffer sized from stat: the file grew meanwhile; read on, to the limit.
      const more = Buffer.alloc(maxBytes + 1 - length);
      const n = more.length > 0 ? fs.readSync(fd, more, 0, more.length, null) : 0;
      if (length + n > maxBytes) throw fail(`it is larger than ${mebibytes(maxBytes)}; allowed: at most ${mebibytes(maxBytes)}`);
      return Buffer.concat([buffer.subarray(0, length), more.subarray(0, n)]).toString("utf8");
    }
    return buffer.subarray(0, length).toString("utf8");
  } catch (e) {
    if (e instanceof UsageError) throw e;
    const code = (e as NodeJS.ErrnoException).code ?? "";
    throw fail(OPEN_ERRORS[code] ?? (code || "unreadable"));
  } finally {
    fs.closeSync(fd);
  }
}

/**
 * The most a YAML document may hold once its aliases are expanded, counted as characters of its JSON text. A stack
 * file's values are passed on as JSON text, so a "billion laughs" document (aliases of aliases) would otherwise be
 * expanded until memory runs out; without aliases a document is never larger than the file.
 */
export const MAX_EXPANDED_YAML_CHARS = 16 * 1024 * 1024;

/**
 * The JSON length of a parsed document with its aliases expanded, computed on the graph the parser returns (an alias
 * is a shared reference there): each object is measured once, so this is linear in the file however far the aliases
 * would expand. Stops counting at `limit`. A cycle (an alias inside the node it names) is reported as Infinity.
 */
export function expandedYamlSize(doc: unknown, limit = MAX_EXPANDED_YAML_CHARS): number {
  const sizes = new Map<object, number>();
  const open = new Set<object>();
  const size = (v: unknown): number => {
    if (v === null || v === undefined) return 4;
    if (typeof v === "string") return v.length + 2;
    if (typeof v === "number" || typeof v === "boolean" || typeof v === "bigint") return String(v).length;
    if (typeof v !== "object") return 4;
    if (v instanceof Date) return 26;
    const known = sizes.get(v);
    if (known !== undefined) return known;
    if (open.has(v)) return Infinity;
    open.add(v);
    let total = 2;
    if (Array.isArray(v)) {
      for (const item of v) {
        total += size(item) + 1;
        if (total > limit) break;
      }
    } else {
      for (const [key, item] of Object.entries(v as Record<string, unknown>)) {
        total += key.length + 4 + size(item);
        if (total > limit) break;
      }
    }
    open.delete(v);
    sizes.set(v, total);
    return total;
  };
  return size(doc);
}

/**
 * Parses a YAML file read safely (see readInputFile); a syntax error is reported by position only (the parser's
 * message quotes the line); a document whose aliases expand past MAX_EXPANDED_YAML_CHARS, or loop, is refused.
 */
export function readYamlFile(file: string, shownAs = file): unknown {
  const text = readInputFile(file, shownAs);
  let doc: unknown;
  try {
    doc = yaml.load(text);
  } catch (e) {
    const mark = (e as { mark?: { line: number; column: number } }).mark;
    const reason = (e as { reason?: string }).reason;
    const position = mark ? ` at line ${mark.line + 1}, column ${mark.column + 1}` : "";
    // js-yaml's own limits (nesting depth 100, 10,000 merged keys) name themselves; other errors are syntax.
    const what = reason && /exceeded max/.test(reason) ? `YAML beyond the parser's limits${position} (${reason}); allowed: at most 100 levels of nesting and 10,000 merged keys` : `invalid YAML${position}`;
    throw new UsageError(`cannot read ${shownAs}: ${what}`, false);
  }
  if (!text.includes("*")) return doc;
  const expanded = expandedYamlSize(doc);
  if (expanded === Infinity) {
    throw new UsageError(`cannot read ${shownAs}: a YAML alias (*name) refers to a node that contains it; allowed: aliases of nodes defined before and outside them`, false);
  }
  if (expanded > MAX_EXPANDED_YAML_CHARS) {
    throw new UsageError(
      `cannot read ${shownAs}: its YAML aliases (*name) expand it past ${mebibytes(MAX_EXPANDED_YAML_CHARS)} (an alias bomb?); allowed: a document of at most ${mebibytes(MAX_EXPANDED_YAML_CHARS)} with its aliases expanded`,
      false,
    );
  }
  return doc;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);
const isScalar = (v: unknown): v is string | number | boolean => typeof v === "string" || typeof v === "number" || typeof v === "boolean";

/**
 * A config value as the Pulumi CLI hands it to a program: a scalar as its text, a list or map as JSON text (keys
 * sorted, as Go's encoder writes a map), which `config.requireObject` parses.
 */
export function configValueText(value: unknown): string {
  if (isScalar(value)) return String(value);
  if (value === null || value === undefined) return "";
  return JSON.stringify(sortKeys(value));
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value instanceof Date) return value.toISOString();
  if (!isObject(value)) return value;
  return Object.fromEntries(Object.keys(value).sort().map((k) => [k, sortKeys(value[k])]));
}

/** The attributes a Pulumi.yaml config entry may have (Pulumi's project schema). */
const CONFIG_ENTRY_KEYS = ["type", "description", "default", "value", "secret", "items"];

/**
 * Pulumi.yaml's `config:` block as the Pulumi CLI reads it: `key: value` (a scalar or a list: the project's keys take
 * it as their default, other namespaces' as their value) or `key: { default | value, type?, description?, secret?,
 * items? }`; structured values as JSON text. A key declared `secret: true` is returned in `secretKeys`.
 */
function projectConfig(name: string, block: unknown, shown: string): { config: Record<string, string>; secretKeys: string[] } {
  const config: Record<string, string> = {};
  const secretKeys: string[] = [];
  if (block === undefined || block === null) return { config, secretKeys };
  if (!isObject(block)) throw problem(shown, "config", block, "a map of config keys");
  for (const [key, entry] of Object.entries(block)) {
    const full = key.includes(":") ? key : `${name}:${key}`;
    const own = full.startsWith(`${name}:`);
    if (isScalar(entry) || Array.isArray(entry)) {
      config[full] = configValueText(entry);
    } else if (isObject(entry)) {
      const unknown = Object.keys(entry).find((k) => !CONFIG_ENTRY_KEYS.includes(k));
      if (unknown !== undefined) throw problem(shown, `config.${key}.${unknown}`, entry[unknown], `the attributes ${CONFIG_ENTRY_KEYS.join(", ")} (a structured value goes under value: or default:)`);
      if (entry.default !== undefined && entry.value !== undefined) throw problem(shown, `config.${key}`, entry, "default or value, not both (as pulumi preview requires)");
      if (!own && entry.default !== undefined) throw problem(shown, `config.${key}.default`, entry.default, `value: for a key of another namespace than ${name}: (default: declares a ${name}: key)`);
      if (entry.secret === true) secretKeys.push(full);
      const value = entry.value ?? entry.default;
      if (value === undefined || value === null) continue; // declared without a default: the stack config sets it, or the program decides
      config[full] = configValueText(value);
    } else if (entry !== null) {
      throw problem(shown, `config.${key}`, entry, "a value, or a map with default or value");
    }
  }
  return { config, secretKeys };
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
    ...(() => {
      const { config, secretKeys } = projectConfig(name, doc.config, shown);
      return { config, ...(secretKeys.length > 0 ? { secretConfigKeys: secretKeys } : {}) };
    })(),
  };
}

/** The program's @pulumi/pulumi must be the one the checker installs its mocks on, or the program would call a real engine. */
export function assertOnePulumiSdk(projectDir: string): void {
  let theirs: string;
  try {
    theirs = require.resolve("@pulumi/pulumi", { paths: [projectDir] });
  } catch {
    throw new UsageError(`${projectDir}: @pulumi/pulumi is not installed for this program; run npm install in the project folder`, false);
  }
  const ours = require.resolve("@pulumi/pulumi");
  if (fs.realpathSync(theirs) !== fs.realpathSync(ours)) {
    throw new UsageError(
      `two copies of @pulumi/pulumi: the program loads ${theirs}, aicluster ${ours}; install pulumi-aicluster in the project itself (npm install --save-dev pulumi-aicluster), so both share one`,
      false,
    );
  }
}
