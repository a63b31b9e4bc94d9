/**
 * The real Pulumi engine for the end-to-end tests and the benchmark: found on PATH or in .tools/bin (built by scripts/pulumi-cli.sh), run
 * offline against a copy of the project in a temp folder (file backend, passphrase secrets, no update checks, no
 * plugin downloads), so stack init and config changes never touch the repository.
 */
import { execFile, execFileSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { PROJECT_ROOT } from "../plan/stackConfig";

export const ROOT = PROJECT_ROOT;

/** Folder holding a usable `pulumi`, or the reason there is none. */
export function findEngine(): { bin: string } | { reason: string } {
  const candidates = [path.join(ROOT, ".tools", "bin"), ...(process.env.PATH ?? "").split(path.delimiter)];
  for (const dir of candidates) {
    const cli = path.join(dir, "pulumi");
    if (!fs.existsSync(cli)) continue;
    try {
      execFileSync(cli, ["version"], { stdio: "pipe", timeout: 30_000 });
      return { bin: dir };
    } catch (e) {
      return { reason: `${cli} does not run: ${(e as Error).message}` };
    }
  }
  return { reason: "no pulumi CLI on PATH or in .tools/bin; build one with `bash scripts/pulumi-cli.sh` (Go modules only)" };
}

export interface Run {
  code: number;
  stdout: string;
  stderr: string;
  /** Killed after the timeout. */
  timedOut: boolean;
}

export interface Workspace {
  dir: string;
  /** Runs `pulumi <args> --non-interactive` in the workspace. @param timeoutMs default 600,000 */
  pulumi(args: string[], extraEnv?: Record<string, string>, timeoutMs?: number): Promise<Run>;
  /** Removes the workspace (kept when AICLUSTER_KEEP_E2E is set, for a look at its state). */
  dispose(): void;
}

/** What the project needs to run: copied, except node_modules, which is linked. */
const PROJECT_FILES = ["Pulumi.yaml", "package.json", "tsconfig.json", "components", "stacks", "policies"];

export interface StageOptions {
  /**
   * Run the TypeScript program without type-checking it (PULUMI_NODEJS_TRANSPILE_ONLY): about 2.3 s less per
   * preview here. For tests, whose suite type-checks first; timings of what users run keep the default. @default false
   */
  transpileOnly?: boolean;
  /**
   * Folder of another Pulumi program to stage instead of the repository's TypeScript project, relative to the
   * repository (e.g. `examples/yaml-campus`); its files are copied, and it gets no node_modules. @default the repository's project
   */
  program?: string;
}

/** Where an executable `name` is: the engine's folder first, then PATH; undefined when nowhere. */
export function findExecutable(bin: string, name: string): string | undefined {
  for (const dir of [bin, ...(process.env.PATH ?? "").split(path.delimiter)]) {
    const file = path.join(dir, name);
    try {
      fs.accessSync(file, fs.constants.X_OK);
      return file;
    } catch {
      // not in this folder
    }
  }
  return undefined;
}

/**
 * The environment of an offline engine: `state` holds its home and file backend (made here), passphrase secrets,
 * no update checks or plugin downloads, no colour; `firstOnPath` goes before PATH (the engine's folder, a Node.js).
 */
export function offlineEngineEnv(state: string, firstOnPath: string[], extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  fs.mkdirSync(path.join(state, "backend"), { recursive: true });
  return {
    ...process.env,
    PATH: [...firstOnPath, process.env.PATH ?? ""].join(path.delimiter),
    PULUMI_HOME: path.join(state, "home"),
    PULUMI_BACKEND_URL: `file://${path.join(state, "backend")}`,
    PULUMI_CONFIG_PASSPHRASE: "aicluster-e2e",
    PULUMI_SKIP_UPDATE_CHECK: "true",
    PULUMI_DISABLE_AUTOMATIC_PLUGIN_ACQUISITION: "true",
    NO_COLOR: "1",
    ...extra,
  };
}

/**
 * Runs `pulumi <args> --non-interactive` in `cwd` with `env` (PATH must reach the CLI), killed after `timeoutMs`: for
 * tests that stage a project of their own rather than a copy of this one.
 */
export function runPulumi(args: string[], cwd: string, env: NodeJS.ProcessEnv, timeoutMs = 300_000): Promise<Run> {
  return new Promise((done) => {
    execFile("pulumi", [...args, "--non-interactive"], { cwd, env, maxBuffer: 64 * 1024 * 1024, timeout: timeoutMs, killSignal: "SIGKILL" }, (err, stdout, stderr) => {
      const failure = err as { code?: number; killed?: boolean } | null;
      done({ code: failure ? Number(failure.code ?? -1) : 0, stdout, stderr, timedOut: Boolean(failure?.killed) });
    });
  });
}

export function stageProject(bin: string, options: StageOptions = {}): Workspace {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "aicluster-e2e-"));
  if (options.program) {
    fs.cpSync(path.join(ROOT, options.program), dir, { recursive: true });
  } else {
    for (const f of PROJECT_FILES) fs.cpSync(path.join(ROOT, f), path.join(dir, f), { recursive: true });
    fs.symlinkSync(path.join(ROOT, "node_modules"), path.join(dir, "node_modules"));
  }
  const env = {
    ...offlineEngineEnv(path.join(dir, ".state"), [bin]),
    PULUMI_AUTOMATION_API_SKIP_VERSION_CHECK: "true",
    ...(options.transpileOnly ? { PULUMI_NODEJS_TRANSPILE_ONLY: "true" } : {}),
  };
  return {
    dir,
    pulumi: (args, extraEnv = {}, timeoutMs = 600_000) =>
      new Promise((done) => {
        const options = { cwd: dir, env: { ...env, ...extraEnv }, maxBuffer: 256 * 1024 * 1024, timeout: timeoutMs, killSignal: "SIGKILL" as const };
        execFile("pulumi", [...args, "--non-interactive"], options, (err, stdout, stderr) => {
          const failure = err as { code?: number; killed?: boolean } | null;
          done({ code: failure ? Number(failure.code ?? -1) : 0, stdout, stderr, timedOut: Boolean(failure?.killed) });
        });
      }),
    dispose: () => {
      if (!process.env.AICLUSTER_KEEP_E2E) fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** A step's resource type in `pulumi preview --json` output: its new state's, else the last type in its URN. */
export function stepType(step: { newState?: { type: string }; urn: string }): string {
  return step.newState?.type ?? step.urn.split("::")[2].split("$").pop()!;
}

/** Resource counts by type in `pulumi preview --json` output, without the stack resource itself. */
export function countsFromPreview(json: string): Record<string, number> {
  const doc = JSON.parse(json) as { steps?: { newState?: { type: string }; urn: string }[] };
  const counts: Record<string, number> = {};
  for (const step of doc.steps ?? []) {
    const type = stepType(step);
    if (type === "pulumi:pulumi:Stack") continue;
    counts[type] = (counts[type] ?? 0) + 1;
  }
  return counts;
}
