/**
 * Loads and runs a user's Pulumi Node.js program the way Pulumi's Node.js language host does, so `aicluster check`
 * can run it under the mock runtime: the entry file from Pulumi.yaml's `main` (a file, or a folder's package.json
 * `main` or index), TypeScript through ts-node (transpile only: the checker is not the compiler), and the stack
 * outputs from the module's exports, or from what its exported function returns.
 */
import * as fs from "node:fs";
import nodeModule = require("node:module");
import * as path from "node:path";
import { pathToFileURL } from "node:url";
import { UsageError } from "./options";
import { PulumiProject, readInputFile } from "./project";

const TS_EXTENSIONS = [".ts", ".cts", ".mts", ".tsx"];

function isFile(p: string): boolean {
  return fs.statSync(p, { throwIfNoEntry: false })?.isFile() ?? false;
}

/** The program's entry file (absolute), as the Node.js host resolves `main`. */
export function programEntry(project: PulumiProject): string {
  const shown = path.relative(process.cwd(), project.file) || project.file;
  const target = path.resolve(project.dir, project.main ?? ".");
  const inside = path.relative(project.dir, target);
  if (project.main !== undefined && (inside.startsWith("..") || path.isAbsolute(inside))) {
    throw new UsageError(`${shown}: main = ${JSON.stringify(project.main)}; allowed: a path inside the project folder`, false);
  }
  const stat = fs.statSync(target, { throwIfNoEntry: false });
  if (stat?.isFile()) return target;
  if (!stat) throw new UsageError(`${shown}: main = ${JSON.stringify(project.main)}; it does not exist (allowed: the program's entry file or folder)`, false);
  const pkgFile = path.join(target, "package.json");
  if (isFile(pkgFile)) {
    let pkgMain: unknown;
    const pkgText = readInputFile(pkgFile, shownPath(pkgFile));
    try {
      pkgMain = (JSON.parse(pkgText) as { main?: unknown }).main;
    } catch {
      throw new UsageError(`cannot read ${shownPath(pkgFile)}: not valid JSON`, false);
    }
    if (typeof pkgMain === "string") {
      const candidates = [pkgMain, `${pkgMain}.js`, `${pkgMain}.ts`, path.join(pkgMain, "index.js"), path.join(pkgMain, "index.ts")].map((c) => path.resolve(target, c));
      const found = candidates.find(isFile);
      if (found) return found;
      throw new UsageError(`${path.relative(process.cwd(), pkgFile)}: main = ${JSON.stringify(pkgMain)}; it does not exist (allowed: the program's entry file)`, false);
    }
  }
  const index = (project.typescript ? ["index.ts", "index.js"] : ["index.js", "index.ts"]).map((f) => path.join(target, f)).find(isFile);
  if (!index) throw new UsageError(`${shown}: no program in ${path.relative(process.cwd(), target) || "."}; allowed: an index.ts or index.js there, a package.json main, or main: <file> in Pulumi.yaml`, false);
  return index;
}

function resolveFrom(request: string, dirs: string[]): string | undefined {
  for (const dir of dirs) {
    try {
      return require.resolve(request, { paths: [dir] });
    } catch {
      // next folder
    }
  }
  return undefined;
}

function shownPath(file: string): string {
  return path.relative(process.cwd(), file) || file;
}

/** The nearest package.json at or above `dir` (Pulumi's host reads the program's package root the same way). */
function packageJsonOf(dir: string): { file: string; json: Record<string, unknown> } | undefined {
  for (let d = dir; ; d = path.dirname(d)) {
    const file = path.join(d, "package.json");
    if (isFile(file)) {
      const text = readInputFile(file, shownPath(file));
      try {
        const json = JSON.parse(text) as unknown;
        return { file, json: typeof json === "object" && json !== null && !Array.isArray(json) ? (json as Record<string, unknown>) : {} };
      } catch {
        throw new UsageError(`cannot read ${shownPath(file)}: not valid JSON`, false);
      }
    }
    if (path.dirname(d) === d) return undefined;
  }
}

/** Whether Node loads `entry` as an ES module: .mjs/.mts, or .js/.ts under a package.json with "type": "module". */
export function isEsModuleEntry(entry: string): boolean {
  const ext = path.extname(entry);
  if (ext === ".mjs" || ext === ".mts") return true;
  if (ext === ".cjs" || ext === ".cts") return false;
  return packageJsonOf(path.dirname(entry))?.json.type === "module";
}

/** The subset of TypeScript's API the checker uses (from the project's own `typescript`, whatever its version). */
interface TypeScriptApi {
  version: string;
  sys: unknown;
  parseConfigFileTextToJson(file: string, text: string): { config?: unknown; error?: TsDiagnostic };
  parseJsonConfigFileContent(json: unknown, host: unknown, basePath: string, existing?: object, configFileName?: string): { options: Record<string, unknown>; errors: TsDiagnostic[] };
  flattenDiagnosticMessageText(text: unknown, newLine: string): string;
}

interface TsDiagnostic {
  code: number;
  messageText: unknown;
  file?: { fileName: string; getLineAndCharacterOfPosition?(pos: number): { line: number; character: number } };
  start?: number;
}

/** How the program is loaded: through require (CommonJS output, or an ES module Node can require) or import(). */
export type ModuleMode = "require" | "import";

/** What ensureTypeScript set up: how to load the program, and where its compiler options came from (for messages). */
export interface TypeScriptSetup {
  mode: ModuleMode;
  /** tsconfig.json's path (absolute), when the project has one. */
  tsconfig?: string;
  /** The TypeScript version that compiles the program. */
  version: string;
  /** The compiler options as tsconfig.json writes them (its own `compilerOptions`, for naming a value in a message). */
  writtenOptions: Record<string, unknown>;
}

/** TypeScript diagnostics about options (TS5xxx, TS6xxx, and any without a source file): tsconfig.json's, not the program's. */
function isOptionsDiagnostic(code: number, hasFile: boolean): boolean {
  return !hasFile || (code >= 5000 && code < 7000);
}

/** The compiler option a TypeScript message is about: `Option 'moduleResolution=node10'`, `compiler option 'x'`, `'--module'`. */
function optionOfMessage(message: string): string | undefined {
  return /(?:[Oo]ption '|'--)([A-Za-z][A-Za-z0-9]*)/.exec(message)?.[1];
}

/**
 * A TypeScript compiler error as one UsageError: an options error names tsconfig.json (or the checker's defaults),
 * the option, its value as written, TypeScript's own message and version; a source error is TypeScript's message
 * (it names the file, line and column).
 */
function typeScriptUsageError(setup: Pick<TypeScriptSetup, "tsconfig" | "version" | "writtenOptions">, diagnostics: { code: number; message: string; hasFile: boolean }[]): UsageError {
  const options = diagnostics.filter((d) => isOptionsDiagnostic(d.code, d.hasFile));
  if (options.length === 0) {
    return new UsageError(`TypeScript ${setup.version} cannot compile the program: ${diagnostics.map((d) => d.message.trim()).join("; ")}`, false);
  }
  const first = options[0];
  const option = optionOfMessage(first.message);
  const where = setup.tsconfig ? shownPath(setup.tsconfig) : "the TypeScript defaults (no tsconfig.json)";
  const written = option !== undefined && setup.writtenOptions[option] !== undefined ? ` = ${JSON.stringify(setup.writtenOptions[option])}` : "";
  const field = option !== undefined ? `compilerOptions.${option}${written}` : "compilerOptions";
  const all = options.map((d) => `error TS${d.code}: ${d.message.trim().replace(/\s*\n\s*/g, " ")}`).join("; ");
  return new UsageError(
    `${where}: ${field}: TypeScript ${setup.version} refuses it (${all}); allowed: options TypeScript ${setup.version} accepts (pulumi preview loads the program with the same options), e.g. "module": "nodenext" with "moduleResolution": "nodenext"`,
    false,
  );
}

/** A ts-node TSError (thrown in this thread, or its text carried back from the ES module loader's) as a UsageError. */
function fromTsError(e: unknown, setup: TypeScriptSetup): UsageError | undefined {
  if (!(e instanceof Error)) return undefined;
  const marked = ESM_TS_ERROR.exec(e.message);
  if (marked) {
    const carried = JSON.parse(marked[1]) as { diagnostics: { code: number; message: string; hasFile: boolean }[] };
    return typeScriptUsageError(setup, carried.diagnostics);
  }
  if (e.name !== "TSError") return undefined;
  const diagnostics = ((e as { diagnostics?: TsDiagnostic[] }).diagnostics ?? []).map((d) => ({ code: d.code, message: flatten(d.messageText), hasFile: d.file !== undefined }));
  if (diagnostics.length === 0) diagnostics.push({ code: 0, message: (e as { diagnosticText?: string }).diagnosticText ?? e.message, hasFile: true });
  return typeScriptUsageError(setup, diagnostics);
}

function flatten(text: unknown): string {
  if (typeof text === "string") return text;
  const chain = text as { messageText?: unknown; next?: unknown[] } | undefined;
  if (!chain) return "";
  return [flatten(chain.messageText), ...(chain.next ?? []).map(flatten)].filter((t) => t !== "").join(" ");
}

/** An error the ES module loader thread raised for a TypeScript error: the diagnostics as JSON, after this marker. */
const ESM_TS_ERROR = /^aicluster: TypeScript diagnostics (\{.*\})$/s;

/**
 * ts-node 10.9.2's resolver (its `experimentalResolver`, and its ESM hooks) calls the fs.Stats constructor, deprecated
 * from Node 22 (DEP0180): one warning per run on stderr that says nothing about the program. This drops that one
 * warning, by code and text, and passes every other through. Plain JavaScript on purpose: the ESM hooks' thread
 * runs its source too.
 */
function quietStatsDeprecation() {
  const emit = process.emitWarning;
  if ((emit as { aiclusterQuiet?: boolean }).aiclusterQuiet) return;
  const quiet = function (this: unknown, warning: string | Error, ...rest: unknown[]) {
    const text = typeof warning === "string" ? warning : warning.message;
    const code = typeof rest[1] === "string" ? rest[1] : (rest[0] as { code?: string } | undefined)?.code;
    if (code === "DEP0180" && /fs\.Stats constructor/.test(text)) return;
    return (emit as (...a: unknown[]) => void).call(process, warning, ...rest);
  };
  (quiet as { aiclusterQuiet?: boolean }).aiclusterQuiet = true;
  process.emitWarning = quiet as typeof process.emitWarning;
}

/**
 * The ES module loader hooks, as a data: URL module (the loader runs them in its own thread, where this file's
 * TypeScript is not loaded): ts-node's ESM hooks, created from the project's ts-node with the options passed as
 * `data`; a TSError comes back as an Error whose message carries its diagnostics (its own fields do not cross).
 */
function esmHooksSource(tsNodeFile: string): string {
  return `
import { createRequire } from "node:module";
const require = createRequire(${JSON.stringify(pathToFileURL(tsNodeFile).href)});
let hooks;
export async function initialize(options) {
  const tsNode = require(${JSON.stringify(tsNodeFile)});
  ${quietStatsDeprecation.toString()}
  quietStatsDeprecation();
  hooks = tsNode.createEsmHooks(tsNode.register(options));
}
function carry(e) {
  if (e && e.name === "TSError") {
    const diagnostics = (e.diagnostics || []).map((d) => ({ code: d.code, hasFile: d.file !== undefined, message: typeof d.messageText === "string" ? d.messageText : JSON.stringify(d.messageText) }));
    if (diagnostics.length === 0) diagnostics.push({ code: 0, hasFile: true, message: String(e.diagnosticText || e.message) });
    return new Error("aicluster: TypeScript diagnostics " + JSON.stringify({ diagnostics }));
  }
  return e;
}
export async function resolve(specifier, context, next) {
  try { return await hooks.resolve(specifier, context, next); } catch (e) { throw carry(e); }
}
export async function load(url, context, next) {
  try { return await hooks.load(url, context, next); } catch (e) { throw carry(e); }
}
`;
}

/** TypeScript 4.7 or later: `module`/`moduleResolution` `nodenext` exist (Pulumi's host defaults to them from there on). */
function hasNodeNext(version: string): boolean {
  const [major, minor] = version.split(".").map(Number);
  return major > 4 || (major === 4 && minor >= 7);
}

/** tsconfig.json's path as Pulumi's host finds it: PULUMI_NODEJS_TSCONFIG_PATH (relative to the project) or tsconfig.json. */
function tsconfigPath(project: PulumiProject): string | undefined {
  const named = process.env.PULUMI_NODEJS_TSCONFIG_PATH;
  const file = path.resolve(project.dir, named || "tsconfig.json");
  if (fs.existsSync(file)) return file;
  if (named) throw new UsageError(`PULUMI_NODEJS_TSCONFIG_PATH=${named}: no such file in ${shownPath(project.dir)}; allowed: the project's tsconfig file, or unset (tsconfig.json)`, false);
  return undefined;
}

/**
 * Reads tsconfig.json with the project's TypeScript (extends followed): its options resolved, and its own
 * `compilerOptions` as written. A file TypeScript cannot parse, or options it refuses, is a UsageError naming it.
 */
function readTsconfig(ts: TypeScriptApi, file: string): { resolved: Record<string, unknown>; written: Record<string, unknown> } {
  const text = readInputFile(file, shownPath(file));
  const parsed = ts.parseConfigFileTextToJson(file, text);
  const version = ts.version;
  if (parsed.error) {
    const at = parsed.error.start !== undefined && parsed.error.file?.getLineAndCharacterOfPosition ? parsed.error.file.getLineAndCharacterOfPosition(parsed.error.start) : undefined;
    throw new UsageError(`cannot read ${shownPath(file)}: ${at ? `line ${at.line + 1}, column ${at.character + 1}: ` : ""}${ts.flattenDiagnosticMessageText(parsed.error.messageText, " ")} (TypeScript ${version})`, false);
  }
  const json = (parsed.config ?? {}) as { compilerOptions?: unknown };
  const written = typeof json.compilerOptions === "object" && json.compilerOptions !== null ? (json.compilerOptions as Record<string, unknown>) : {};
  const content = ts.parseJsonConfigFileContent(json, ts.sys, path.dirname(file), undefined, file);
  // 18002/18003: no input files (files/include name none): the program is loaded by require, not by the file list.
  const errors = content.errors.filter((d) => d.code !== 18002 && d.code !== 18003);
  if (errors.length > 0) {
    throw typeScriptUsageError({ tsconfig: file, version, writtenOptions: written }, errors.map((d) => ({ code: d.code, message: ts.flattenDiagnosticMessageText(d.messageText, " "), hasFile: false })));
  }
  return { resolved: content.options, written };
}

/**
 * Makes TypeScript load the way Pulumi's Node.js host loads it: ts-node and typescript from the project (else the
 * ones aicluster depends on), the project's tsconfig.json (or PULUMI_NODEJS_TSCONFIG_PATH) with the host's defaults
 * under the options it leaves unset (TypeScript 4.7+: module and moduleResolution nodenext; older: commonjs and
 * node), transpile only (the checker is not the compiler). A package with "type": "module" gets ts-node's ES module
 * hooks (Node's module.register) and is imported, as the host's automatic ES module mode does; any other is required
 * (ts-node's require hook; imports of "./x.js" find x.ts, as nodenext programs write them). A tsconfig TypeScript
 * refuses is a UsageError naming it and the option.
 */
export function ensureTypeScript(project: PulumiProject, entry: string): TypeScriptSetup {
  const tsNode = resolveFrom("ts-node", [project.dir, __dirname]);
  const typescript = resolveFrom("typescript", [project.dir, __dirname]);
  if (!tsNode || !typescript) {
    throw new UsageError(
      `${shownPath(entry)}: a TypeScript program needs ${!typescript ? "typescript" : "ts-node"} installed (npm install --save-dev typescript ts-node in ${path.relative(process.cwd(), project.dir) || "."}), or set main in Pulumi.yaml to compiled JavaScript`,
      false,
    );
  }
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const ts = require(typescript) as TypeScriptApi;
  const tsconfig = tsconfigPath(project);
  const { resolved, written } = tsconfig ? readTsconfig(ts, tsconfig) : { resolved: {}, written: {} };
  const esm = isEsModuleEntry(entry);
  const nodeNext = hasNodeNext(ts.version);
  // Pulumi's defaults go under what the tsconfig sets (its own options, or inherited through extends), never over it.
  const defaults: Record<string, unknown> = {};
  if (resolved.target === undefined) defaults.target = esm ? "ES2022" : "ES2020";
  if (resolved.module === undefined && resolved.moduleResolution === undefined) {
    defaults.module = nodeNext ? "nodenext" : "commonjs";
    defaults.moduleResolution = nodeNext ? "nodenext" : "node";
  } else if (resolved.module === undefined) {
    // moduleResolution alone: node16/nodenext need the module of the same name; any other resolution, CommonJS output.
    const resolution = String(written.moduleResolution ?? "").toLowerCase();
    defaults.module = resolution === "node16" || resolution === "nodenext" ? resolution : "commonjs";
  }
  const setup: Omit<TypeScriptSetup, "mode"> = { ...(tsconfig ? { tsconfig } : {}), version: ts.version, writtenOptions: written };
  const options = {
    transpileOnly: true,
    compiler: typescript,
    ...(tsconfig ? { project: tsconfig } : { skipProject: true }),
    compilerOptions: defaults,
    // Every file of the program, whatever TS_NODE_SCOPE says (the checker's own runner may set it for itself).
    scope: false,
  };
  const canImport = esm && nodeNext && typeof (nodeModule as { register?: unknown }).register === "function" && resolveFrom("ts-node/esm", [path.dirname(tsNode)]) !== undefined;
  if (canImport) {
    (nodeModule as unknown as { register(specifier: string, parent: string, options: { data: unknown }): void }).register(
      `data:text/javascript,${encodeURIComponent(esmHooksSource(tsNode))}`,
      pathToFileURL(__filename).href,
      { data: options },
    );
    return { mode: "import", ...setup };
  }
  // Under a runner that already loads TypeScript (this repository's tests and scripts run under ts-node), the project's
  // files are compiled by the project's own TypeScript and options alone; other files keep the runner's hook.
  const runners = Object.fromEntries(TS_EXTENSIONS.flatMap((ext) => (require.extensions[ext] ? [[ext, require.extensions[ext]]] : [])));
  const underRunner = Object.keys(runners).length > 0;
  if (underRunner && !tsconfig) return { mode: "require", ...setup };
  for (const ext of Object.keys(runners)) delete require.extensions[ext];
  quietStatsDeprecation();
  let service: { ignored(file: string): boolean };
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    service = (require(tsNode) as { register(o: object): { ignored(file: string): boolean } }).register({
      ...options,
      // `import "./x.js"` finds x.ts, as TypeScript resolves it under node16/nodenext.
      experimentalResolver: true,
      ...(underRunner ? { scope: true, scopeDir: project.dir } : {}),
    });
  } catch (e) {
    Object.assign(require.extensions, runners);
    throw fromTsError(e, { mode: "require", ...setup }) ?? e;
  }
  for (const [ext, runner] of Object.entries(runners)) {
    const own = require.extensions[ext];
    require.extensions[ext] = (m, file) => (own && !service.ignored(file) ? own(m, file) : runner(m, file));
  }
  return { mode: "require", ...setup };
}

/** import() kept as import() whatever this file is compiled to (CommonJS output would turn it into require). */
// eslint-disable-next-line @typescript-eslint/no-implied-eval
const importModule = new Function("specifier", "return import(specifier)") as (specifier: string) => Promise<unknown>;

/**
 * Clears the project's own modules from the require cache (not node_modules, not aicluster's own sources), so a
 * second run in one process runs the program's top-level code again, as a fresh `pulumi preview` would.
 */
function forgetProgramModules(isProgramFile: (file: string) => boolean): void {
  for (const file of Object.keys(require.cache)) if (isProgramFile(file)) delete require.cache[file];
}

/**
 * Runs the program: requires its entry and returns what the program gives as its stack outputs (the exports, or the
 * result of an exported function, awaited), as it is: runProgram shapes it into named outputs. Errors from the program's own code propagate; a program the loader cannot load is a UsageError.
 */
export async function runProgramEntry(project: PulumiProject, entry: string, isProgramFile: (file: string) => boolean): Promise<unknown> {
  const typescript = TS_EXTENSIONS.includes(path.extname(entry)) || (project.typescript && tsconfigPath(project) !== undefined);
  const setup = typescript ? ensureTypeScript(project, entry) : undefined;
  // Pulumi's host imports a "type": "module" program; Node loads other ES modules (.mjs) through require from 20.19.
  const esm = isEsModuleEntry(entry);
  const mode: ModuleMode = setup?.mode ?? (esm && path.extname(entry) !== ".mjs" ? "import" : "require");
  forgetProgramModules(isProgramFile);
  let mod: unknown;
  try {
    if (mode === "import") {
      mod = await importModule(pathToFileURL(entry).href);
    } else {
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      mod = require(entry);
    }
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    // Node 20.19+ loads ES modules through require, except those with top-level await; older versions none.
    if (code === "ERR_REQUIRE_ESM" || code === "ERR_REQUIRE_ASYNC_MODULE") {
      const what = code === "ERR_REQUIRE_ESM" ? "an ES module" : "an ES module with top-level await";
      throw new UsageError(`${shownPath(entry)}: ${what}; allowed: a CommonJS program, an ES module without top-level await on Node 20.19 or later, or a package with "type": "module" (imported, as Pulumi's host does)`, false);
    }
    if (setup) throw fromTsError(e, setup) ?? e;
    throw e;
  }
  let exported = mod as { __esModule?: boolean; default?: unknown } | ((...a: unknown[]) => unknown) | undefined;
  if (esm && exported && typeof exported === "object" && Object.getOwnPropertyDescriptor(exported, "default") !== undefined) {
    // An ES module's default export is the program's result, as Pulumi's host takes it (named exports beside it are an error there).
    const names = Object.keys(exported).filter((k) => k !== "default" && k !== "__esModule" && k !== "module.exports");
    if (names.length > 0) throw new UsageError(`${shownPath(entry)}: a default export and named exports (${names.join(", ")}); allowed: one or the other (Pulumi's host refuses both)`, false);
    exported = exported.default as typeof exported;
  }
  if (typeof exported === "function") return exported();
  if (exported && exported.__esModule && typeof exported.default === "function") return (exported.default as () => unknown)();
  return exported;
}
