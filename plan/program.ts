/**
 * Loads and runs a user's Pulumi Node.js program the way Pulumi's Node.js language host does, so `aicluster check`
 * can run it under the mock runtime: the entry file from Pulumi.yaml's `main` (a file, or a folder's package.json
 * `main` or index), TypeScript through ts-node (transpile only: the checker is not the compiler), and the stack
 * outputs from the module's exports, or from what its exported function returns.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { UsageError } from "./options";
import type { PulumiProject } from "./project";

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
    try {
      pkgMain = (JSON.parse(fs.readFileSync(pkgFile, "utf8")) as { main?: unknown }).main;
    } catch {
      throw new UsageError(`cannot read ${path.relative(process.cwd(), pkgFile)}: not valid JSON`, false);
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

/** Makes `require` load TypeScript: ts-node from the project, else the one aicluster depends on. */
export function ensureTypeScript(project: PulumiProject, entry: string): void {
  // Already loading TypeScript (npm run plan runs under ts-node; tests under a runner that compiles).
  if (require.extensions[".ts"]) return;
  const tsNode = resolveFrom("ts-node", [project.dir, __dirname]);
  const typescript = resolveFrom("typescript", [project.dir, __dirname]);
  if (!tsNode || !typescript) {
    throw new UsageError(
      `${path.relative(process.cwd(), entry)}: a TypeScript program needs ${!typescript ? "typescript" : "ts-node"} installed (npm install --save-dev typescript ts-node in ${path.relative(process.cwd(), project.dir) || "."}), or set main in Pulumi.yaml to compiled JavaScript`,
      false,
    );
  }
  const tsconfig = path.join(project.dir, "tsconfig.json");
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  (require(tsNode) as { register(o: object): unknown }).register({
    transpileOnly: true,
    compiler: typescript,
    ...(isFile(tsconfig) ? { project: tsconfig } : { skipProject: true }),
    // Pulumi's Node.js host loads programs as CommonJS whatever the tsconfig says (and node16 resolution needs node16 modules).
    compilerOptions: { module: "commonjs", moduleResolution: "node" },
  });
}

/**
 * Clears the project's own modules from the require cache (not node_modules, not aicluster's own sources), so a
 * second run in one process runs the program's top-level code again, as a fresh `pulumi preview` would.
 */
function forgetProgramModules(isProgramFile: (file: string) => boolean): void {
  for (const file of Object.keys(require.cache)) if (isProgramFile(file)) delete require.cache[file];
}

/**
 * Runs the program: requires its entry and returns the stack outputs (the exports, or the result of an exported
 * function, awaited). Errors from the program's own code propagate; a program the loader cannot load is a UsageError.
 */
export async function runProgramEntry(project: PulumiProject, entry: string, isProgramFile: (file: string) => boolean): Promise<Record<string, unknown>> {
  if (TS_EXTENSIONS.includes(path.extname(entry)) || (project.typescript && fs.existsSync(path.join(project.dir, "tsconfig.json")))) ensureTypeScript(project, entry);
  forgetProgramModules(isProgramFile);
  let mod: unknown;
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    mod = require(entry);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    // Node 20.19+ loads ES modules through require, except those with top-level await; older versions none.
    if (code === "ERR_REQUIRE_ESM" || code === "ERR_REQUIRE_ASYNC_MODULE") {
      const what = code === "ERR_REQUIRE_ESM" ? "an ES module" : "an ES module with top-level await";
      throw new UsageError(`${path.relative(process.cwd(), entry)}: ${what}; allowed: a CommonJS program, or an ES module without top-level await on Node 20.19 or later (Pulumi's default for TypeScript is CommonJS)`, false);
    }
    throw e;
  }
  const exported = mod as { __esModule?: boolean; default?: unknown } | ((...a: unknown[]) => unknown) | undefined;
  let outputs: unknown = exported;
  if (typeof exported === "function") outputs = await exported();
  else if (exported && exported.__esModule && typeof exported.default === "function") outputs = await (exported.default as () => unknown)();
  if (outputs === undefined || outputs === null) return {};
  if (typeof outputs !== "object") return { value: outputs };
  const { __esModule: _esModule, ...rest } = outputs as Record<string, unknown>;
  return rest;
}
