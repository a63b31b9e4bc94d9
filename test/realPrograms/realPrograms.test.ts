/**
 * Issue 31, deliverable 6: "tests that look like the world". Each project under projects/ is shaped like a user's
 * own Pulumi program (Pulumi.yaml, Pulumi.<stack>.yaml, index.ts or index.js, tsconfig.json, package.json) and is
 * checked by the PACKED TARBALL's `aicluster check`, run as a child process, the way a CI job runs it:
 *
 * - `npm pack` once (its prepack builds dist/);
 * - one throwaway project installs the tarball once, with @pulumi/pulumi, @pulumi/random, @pulumi/aws, echarts,
 *   typescript, ts-node and @types/node at the root package.json's devDependency versions (`npm install
 *   --prefer-offline`, from the npm cache), and each fixture is copied next to it with `node_modules` a symlink to that
 *   install, plus the shared campus module (projects/_shared/campus.ts; transpiled to an ES module for the ES module
 *   project);
 * - the TypeScript 6 project is the exception: it installs its own package.json (typescript 6, the tarball), in
 *   parallel with the shared install, so the checker finds TypeScript 6 in the project as a user's project has it.
 *
 * The expectations are the issue's, not what the checker does today. Every test asserts the exit code and content
 * (soft assertions, so each test lists every way it fails); a failure message carries the run's stdout and stderr.
 * Checks run at most two at a time (the machine has two cores). AICLUSTER_KEEP_E2E=1 keeps the temporary folder.
 */
import { execFile, spawn } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import * as ts from "typescript";
import { afterAll, beforeAll, describe, it } from "vitest";
import { packTarball } from "../helpers/pack";

const ROOT = path.resolve(__dirname, "../..");
const PROJECTS = path.join(__dirname, "projects");
const SHARED_CAMPUS = path.join(PROJECTS, "_shared", "campus.ts");
const rootPackage = JSON.parse(fs.readFileSync(path.join(ROOT, "package.json"), "utf8")) as { dependencies: Record<string, string>; devDependencies: Record<string, string> };
/** The version the repository develops with (ts-node is a dependency of the package itself). */
const devVersion = (name: string): string => {
  const v = rootPackage.devDependencies[name] ?? rootPackage.dependencies[name];
  if (!v) throw new Error(`package.json has no ${name}`);
  return v;
};
/** The TypeScript 6 project's own typescript version (its package.json). */
const TYPESCRIPT6 = (JSON.parse(fs.readFileSync(path.join(PROJECTS, "typescript6", "package.json"), "utf8")) as { devDependencies: Record<string, string> }).devDependencies.typescript;

/** Node loads ES modules through require from 20.19 (and 22.12) on. */
const [major, minor] = process.versions.node.split(".").map(Number);
const REQUIRE_ESM = (major === 20 && minor >= 19) || (major === 22 && minor >= 12) || major >= 23;
if (!REQUIRE_ESM) {
  console.warn(`\n*** realPrograms: SKIPPING the ES module project: Node ${process.versions.node} cannot require() an ES module (needs 20.19+ or 22.12+) ***\n`);
}

const SETUP_TIMEOUT = 420_000;
const RUN_TIMEOUT = 120_000;
/** A test's time includes waiting for a free slot (two checks at a time). */
const TEST_TIMEOUT = 300_000;

interface Run {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  ms: number;
  timedOut: boolean;
}

/** The environment of a CI job: no step summary, no Pulumi passphrase, nothing of the repository's ts-node setup. */
function cleanEnv(extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, npm_config_update_notifier: "false", GITHUB_STEP_SUMMARY: "" };
  for (const key of Object.keys(env)) {
    if (key.startsWith("TS_NODE_") || key.startsWith("PULUMI_") || key === "NODE_OPTIONS" || key.startsWith("VITEST")) delete env[key];
  }
  return { ...env, ...extra };
}

function spawnRun(cmd: string, args: string[], cwd: string, timeoutMs: number, env: NodeJS.ProcessEnv = {}): Promise<Run> {
  return new Promise((done) => {
    const started = Date.now();
    const child = spawn(cmd, args, { cwd, env: cleanEnv(env), stdio: ["ignore", "pipe", "pipe"], detached: true });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    let timedOut = false;
    child.stdout.on("data", (b: Buffer) => out.push(b));
    child.stderr.on("data", (b: Buffer) => err.push(b));
    const timer = setTimeout(() => {
      timedOut = true;
      // The whole process group (a shell pipeline's children too): only what this run started.
      try {
        process.kill(-child.pid!, "SIGKILL");
      } catch {
        child.kill("SIGKILL");
      }
    }, timeoutMs);
    child.on("close", (code, signal) => {
      clearTimeout(timer);
      done({ code, signal, stdout: Buffer.concat(out).toString("utf8"), stderr: Buffer.concat(err).toString("utf8"), ms: Date.now() - started, timedOut });
    });
  });
}

/** At most `n` jobs at a time. */
function limiter(n: number) {
  let active = 0;
  const waiting: (() => void)[] = [];
  return async <T>(job: () => Promise<T>): Promise<T> => {
    while (active >= n) await new Promise<void>((wake) => waiting.push(wake));
    active++;
    try {
      return await job();
    } finally {
      active--;
      waiting.shift()?.();
    }
  };
}
const slot = limiter(2);

const cut = (s: string, max = 3000): string => (s.length <= max ? s : `${s.slice(0, max * 0.7)}\n… (${s.length - max} characters cut) …\n${s.slice(-max * 0.3)}`);

/** What a failed assertion shows: the command's exit and its output, a few KB of each. */
function show(r: Run, what = ""): string {
  return `${what ? `${what}: ` : ""}exit ${r.code}${r.signal ? ` (signal ${r.signal})` : ""}${r.timedOut ? " (KILLED: timed out)" : ""} after ${(r.ms / 1000).toFixed(1)} s\n--- stdout ---\n${cut(r.stdout)}\n--- stderr ---\n${cut(r.stderr)}\n---`;
}

function execAsync(cmd: string, args: string[], cwd: string): Promise<string> {
  return new Promise((done, fail) => {
    execFile(cmd, args, { cwd, env: cleanEnv(), encoding: "utf8", maxBuffer: 64 * 1024 * 1024 }, (error, stdout, stderr) => {
      if (error) fail(new Error(`${cmd} ${args.join(" ")} (in ${cwd}) failed: ${error.message}\n${cut(stdout)}\n${cut(stderr)}`));
      else done(stdout);
    });
  });
}

let tmp = "";
let shared = "";
const projectDir = (name: string) => path.join(tmp, "projects", name);

/** `aicluster check . <args>` in a fixture project, with the project's own node_modules/.bin/aicluster (as npx runs it). */
function check(project: string, args: string[], options: { timeoutMs?: number; env?: NodeJS.ProcessEnv } = {}): Promise<Run> {
  const dir = projectDir(project);
  return slot(() => spawnRun(path.join(dir, "node_modules", ".bin", "aicluster"), ["check", ".", ...args], dir, options.timeoutMs ?? RUN_TIMEOUT, options.env));
}

/** Copies each fixture next to the shared install, with the shared campus module and (but one) node_modules. */
function layOutProjects(): void {
  const campusSource = fs.readFileSync(SHARED_CAMPUS, "utf8");
  for (const name of fs.readdirSync(PROJECTS)) {
    if (name.startsWith("_")) continue;
    const dest = projectDir(name);
    fs.cpSync(path.join(PROJECTS, name), dest, { recursive: true });
    if (name === "esm") {
      // The same module as a JavaScript project would have it: compiled to an ES module.
      const js = ts.transpileModule(campusSource, { compilerOptions: { module: ts.ModuleKind.ES2022, target: ts.ScriptTarget.ES2022 } }).outputText;
      fs.writeFileSync(path.join(dest, "campus.js"), js);
    } else {
      fs.writeFileSync(path.join(dest, "campus.ts"), campusSource);
    }
    if (name !== "typescript6") fs.symlinkSync(path.join(shared, "node_modules"), path.join(dest, "node_modules"));
  }
}

/** The TypeScript 6 project installs its own package.json: the tarball for pulumi-aicluster, the cached @pulumi/pulumi. */
function typescript6Install(tarball: string): Promise<string> {
  const dir = projectDir("typescript6");
  const pkg = JSON.parse(fs.readFileSync(path.join(dir, "package.json"), "utf8")) as { dependencies: Record<string, string>; devDependencies: Record<string, string> };
  pkg.dependencies["pulumi-aicluster"] = `file:${tarball}`;
  pkg.dependencies["@pulumi/pulumi"] = devVersion("@pulumi/pulumi");
  pkg.devDependencies["@types/node"] = devVersion("@types/node");
  fs.writeFileSync(path.join(dir, "package.json"), JSON.stringify(pkg, null, 4));
  return execAsync("npm", ["install", "--prefer-offline", "--no-audit", "--no-fund", "--loglevel=error"], dir);
}

beforeAll(async () => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), "aicluster-real-programs-"));
  const { tarball } = packTarball(tmp);
  shared = path.join(tmp, "shared");
  fs.mkdirSync(shared);
  fs.writeFileSync(path.join(shared, "package.json"), JSON.stringify({
    name: "aicluster-real-programs", private: true, version: "0.0.0",
    dependencies: {
      "pulumi-aicluster": `file:${tarball}`,
      "@pulumi/pulumi": devVersion("@pulumi/pulumi"),
      "@pulumi/random": devVersion("@pulumi/random"),
      "@pulumi/aws": devVersion("@pulumi/aws"),
      echarts: devVersion("echarts"),
    },
    devDependencies: { typescript: devVersion("typescript"), "ts-node": devVersion("ts-node"), "@types/node": devVersion("@types/node") },
  }, null, 2));
  layOutProjects();
  await Promise.all([
    execAsync("npm", ["install", "--prefer-offline", "--no-audit", "--no-fund", "--loglevel=error"], shared),
    typescript6Install(tarball),
  ]);
}, SETUP_TIMEOUT);

afterAll(() => {
  if (tmp && !process.env.AICLUSTER_KEEP_E2E) fs.rmSync(tmp, { recursive: true, force: true });
  else if (tmp) console.log(`realPrograms: kept ${tmp}`);
}, 120_000); // two node_modules trees (one with @pulumi/aws) take a while to delete on a busy machine

/** The four budgets the shared campus breaks, as the text report's findings name them. */
const BROKEN = ["firm-power", "energy-adequacy", "water-permit", "cooling-capacity"];
/** The verdict line without its timing. */
const verdictLine = (stdout: string) => /^Verdict: .*?(?= \(\d|$)/m.exec(stdout)?.[0];
const findingLines = (stdout: string) => stdout.split("\n").filter((l) => /^\s*\[(mandatory|advisory)\]/.test(l)).map((l) => l.trim());
const resourceCount = (stdout: string) => Number(/^Resources: (\d+)/m.exec(stdout)?.[1] ?? NaN);

describe.concurrent("aicluster check, from the packed tarball, on programs shaped like users' own", () => {
  it("the base campus alone: FAIL (exit 1), breaking firm power, energy adequacy, the water permit and cooling capacity", async ({ expect }) => {
    const r = await check("campus", ["--stack", "dev"]);
    expect.soft(r.code, show(r)).toBe(1);
    expect.soft(r.stdout, show(r)).toContain("Verdict: FAIL");
    for (const rule of BROKEN) expect.soft(r.stdout, show(r)).toMatch(new RegExp(`^\\s*\\[mandatory\\] ${rule}:`, "m"));
  }, TEST_TIMEOUT);

  it("1. a provider resource's output (random.RandomId hex) exported beside the campus: FAIL (exit 1), hex shown as [unknown]", async ({ expect }) => {
    const r = await check("provider-outputs", ["--stack", "dev"]);
    expect.soft(r.code, show(r)).toBe(1);
    expect.soft(r.stdout, show(r)).toContain("Verdict: FAIL");
    expect.soft(r.stdout, show(r)).toMatch(/^\s*hex\s+\[unknown\]\s*$/m);
  }, TEST_TIMEOUT);

  it("2. an S3 bucket's ARN exported (aws:region in the stack file): FAIL (exit 1), the ARN shown as [unknown]", async ({ expect }) => {
    const r = await check("aws-bucket", ["--stack", "dev"]);
    expect.soft(r.code, show(r)).toBe(1);
    expect.soft(r.stdout, show(r)).toContain("Verdict: FAIL");
    expect.soft(r.stdout, show(r)).toMatch(/^\s*logsArn\s+\[unknown\]\s*$/m);
  }, TEST_TIMEOUT);

  it("3. a StackReference output (acme/network/prod vpcId) exported: FAIL (exit 1) with the output listed", async ({ expect }) => {
    const r = await check("stack-reference", ["--stack", "dev"]);
    expect.soft(r.code, show(r)).toBe(1);
    expect.soft(r.stdout, show(r)).toContain("Verdict: FAIL");
    expect.soft(r.stdout, show(r)).toMatch(/^\s*vpcId\s+\S/m);
  }, TEST_TIMEOUT);

  it("4. a secret output (pulumi.secret(\"hunter2\")): FAIL (exit 1); [secret] in text and Markdown, hunter2 in no format (text, json, markdown, html)", async ({ expect }) => {
    const od = path.join(projectDir("secret-output"), "od");
    fs.mkdirSync(od, { recursive: true });
    const [text, all] = await Promise.all([
      check("secret-output", ["--stack", "dev"]),
      check("secret-output", ["--stack", "dev", "--format", "text,json,markdown,html", "--output-dir", "od"]),
    ]);
    expect.soft(text.code, show(text, "text")).toBe(1);
    expect.soft(text.stdout, show(text, "text")).toContain("Verdict: FAIL");
    expect.soft(text.stdout, show(text, "text")).toMatch(/^\s*token\s+\[secret\]\s*$/m);
    expect.soft(text.stdout + text.stderr, show(text, "text")).not.toContain("hunter2");
    expect.soft(all.code, show(all, "all formats")).toBe(1);
    expect.soft(all.stdout + all.stderr, show(all, "all formats")).not.toContain("hunter2");
    for (const ext of ["txt", "json", "md", "html"]) {
      const file = path.join(od, `aicluster-dev.${ext}`);
      const exists = fs.existsSync(file);
      expect.soft(exists, `${file} written\n${show(all, "all formats")}`).toBe(true);
      if (!exists) continue;
      const content = fs.readFileSync(file, "utf8");
      expect.soft(content.includes("hunter2"), `hunter2 in aicluster-dev.${ext}`).toBe(false);
      // Markdown may escape the brackets (\[secret\] renders as [secret]).
      if (ext === "txt" || ext === "md") expect.soft(content, `aicluster-dev.${ext}`).toMatch(/\\?\[secret\\?\]/);
    }
  }, TEST_TIMEOUT);

  it("5. an exported apply that throws: exit 3, stderr names the output x and says \"too high\"", async ({ expect }) => {
    const r = await check("apply-throws", ["--stack", "dev"]);
    expect.soft(r.code, show(r)).toBe(3);
    expect.soft(r.stderr, show(r)).toContain("too high");
    expect.soft(r.stderr, show(r)).toMatch(/output\b[^\n]{0,40}?["'`]?\bx\b["'`]?/i);
  }, TEST_TIMEOUT);

  it("6. an exported async function that never settles, --timeout 5: exit 3 within ~15 s, stderr says the program did not settle", async ({ expect }) => {
    // Nothing else is pending here, so a checker may tell at once (as Node would exit); it must not wait longer than 5 s.
    const r = await check("never-settles", ["--stack", "dev", "--timeout", "5"], { timeoutMs: 60_000 });
    expect.soft(r.code, show(r)).toBe(3);
    expect.soft(r.ms, show(r)).toBeLessThan(15_000);
    expect.soft(r.stderr, show(r)).toMatch(/(did not|never) (settle|finish)/i);
  }, TEST_TIMEOUT);

  it("6b. the same with a timer still running (the campus built first), --timeout 5: exit 3 within ~15 s, stderr says it did not settle within 5 s", async ({ expect }) => {
    const r = await check("never-settles-busy", ["--stack", "dev", "--timeout", "5"], { timeoutMs: 60_000 });
    expect.soft(r.code, show(r)).toBe(3);
    expect.soft(r.ms, show(r)).toBeGreaterThanOrEqual(4_000);
    expect.soft(r.ms, show(r)).toBeLessThan(15_000);
    expect.soft(r.stderr, show(r)).toMatch(/did not settle within (--timeout )?5(\.0)? ?s/i);
  }, TEST_TIMEOUT);

  it("7a. a failing campus created after an await in a floating async function: FAIL (exit 1), resources counted", async ({ expect }) => {
    const r = await check("after-await", ["--stack", "dev"]);
    expect.soft(r.code, show(r)).toBe(1);
    expect.soft(r.stdout, show(r)).toContain("Verdict: FAIL");
    expect.soft(resourceCount(r.stdout), show(r)).toBeGreaterThan(0);
  }, TEST_TIMEOUT);

  it("7b. a failing campus created in a setTimeout callback (100 ms): FAIL (exit 1), resources counted", async ({ expect }) => {
    const r = await check("set-timeout", ["--stack", "dev"]);
    expect.soft(r.code, show(r)).toBe(1);
    expect.soft(r.stdout, show(r)).toContain("Verdict: FAIL");
    expect.soft(resourceCount(r.stdout), show(r)).toBeGreaterThan(0);
  }, TEST_TIMEOUT);

  it("8. a program that registers no aicluster resource (only a random.RandomId): exit 0 and a plain \"no aicluster resources\"", async ({ expect }) => {
    const r = await check("no-aicluster", ["--stack", "dev"]);
    expect.soft(r.code, show(r)).toBe(0);
    expect.soft(r.stdout + r.stderr, show(r)).toMatch(/no aicluster resource/i);
  }, TEST_TIMEOUT);

  it("9. structured stack config (mycampus:settings: {racks: 8}, config.requireObject): FAIL (exit 1), 576 GPUs", async ({ expect }) => {
    const r = await check("structured-config", ["--stack", "dev"]);
    expect.soft(r.code, show(r)).toBe(1);
    expect.soft(r.stdout, show(r)).toContain("Verdict: FAIL");
    expect.soft(r.stdout, show(r)).toMatch(/^\s*gpus\s+576\s*$/m);
  }, TEST_TIMEOUT);

  it("10. a `pulumi new aws-typescript` project (packagemanager option, pulumi:tags config, its tsconfig, aws:region): FAIL (exit 1)", async ({ expect }) => {
    const r = await check("pulumi-new", ["--stack", "dev"]);
    expect.soft(r.code, show(r)).toBe(1);
    expect.soft(r.stdout, show(r)).toContain("Verdict: FAIL");
    for (const rule of BROKEN) expect.soft(r.stdout, show(r)).toMatch(new RegExp(`^\\s*\\[mandatory\\] ${rule}:`, "m"));
  }, TEST_TIMEOUT);

  it("11. --stack acme/dev (an organization-qualified name) gives the verdict --stack dev gives", async ({ expect }) => {
    const [dev, qualified] = await Promise.all([check("campus", ["--stack", "dev"]), check("campus", ["--stack", "acme/dev"])]);
    expect.soft(dev.code, show(dev, "dev")).toBe(1);
    expect.soft(qualified.code, show(qualified, "acme/dev")).toBe(1);
    expect.soft(verdictLine(qualified.stdout), show(qualified, "acme/dev")).toBe(verdictLine(dev.stdout));
    expect.soft(verdictLine(qualified.stdout) ?? "", show(qualified, "acme/dev")).toMatch(/^Verdict: FAIL/);
    expect.soft(findingLines(qualified.stdout), show(qualified, "acme/dev")).toEqual(findingLines(dev.stdout));
  }, TEST_TIMEOUT);

  it("12. a stack without Pulumi.<stack>.yaml (every key has a default in Pulumi.yaml): FAIL (exit 1), 576 GPUs", async ({ expect }) => {
    const r = await check("no-stack-file", ["--stack", "dev"]);
    expect.soft(r.code, show(r)).toBe(1);
    expect.soft(r.stdout, show(r)).toContain("Verdict: FAIL");
    expect.soft(r.stdout, show(r)).toMatch(/^\s*gpus\s+576\s*$/m);
  }, TEST_TIMEOUT);

  it("13. a secure value in the project's namespace (passphrase provider, no passphrase given) passed to an export: FAIL (exit 1), [secret], no error", async ({ expect }) => {
    const r = await check("secret-config", ["--stack", "dev"]);
    expect.soft(r.code, show(r)).toBe(1);
    expect.soft(r.stdout, show(r)).toContain("Verdict: FAIL");
    expect.soft(r.stdout, show(r)).toMatch(/^\s*token\s+\[secret\]\s*$/m);
    expect.soft(r.stderr, show(r)).not.toMatch(/error/i);
  }, TEST_TIMEOUT);

  it.runIf(REQUIRE_ESM)("14. an ES module program (\"type\": \"module\", index.js, no top-level await): FAIL (exit 1)", async ({ expect }) => {
    const r = await check("esm", ["--stack", "dev"]);
    expect.soft(r.code, show(r)).toBe(1);
    expect.soft(r.stdout, show(r)).toContain("Verdict: FAIL");
    expect.soft(r.stdout, show(r)).toMatch(/^\s*gpus\s+576\s*$/m);
  }, TEST_TIMEOUT);

  it(`15. TypeScript ${TYPESCRIPT6} with module and moduleResolution nodenext: FAIL (exit 1), no TS5107`, async ({ expect }) => {
    const installed = JSON.parse(fs.readFileSync(path.join(projectDir("typescript6"), "node_modules", "typescript", "package.json"), "utf8")).version;
    expect(installed, "the project's own typescript").toBe(TYPESCRIPT6);
    const r = await check("typescript6", ["--stack", "dev"]);
    expect.soft(r.code, show(r)).toBe(1);
    expect.soft(r.stdout, show(r)).toContain("Verdict: FAIL");
    expect.soft(r.stdout + r.stderr, show(r)).not.toContain("TS5107");
  }, TEST_TIMEOUT);

  it("16. --format json --hourly piped into another process (a slow reader): the whole document parses, over 500 KB", async ({ expect }) => {
    // The reader starts reading after half a second, as a busy consumer would: the pipe's buffer fills meanwhile.
    const reader = [
      "const chunks = [];",
      "setTimeout(() => {",
      "  process.stdin.on('data', (c) => chunks.push(c));",
      "  process.stdin.on('end', () => {",
      "    const text = Buffer.concat(chunks).toString('utf8');",
      "    try { const doc = JSON.parse(text); console.log(JSON.stringify({ parsed: true, bytes: Buffer.byteLength(text), verdict: doc.verdict })); }",
      "    catch (e) { console.log(JSON.stringify({ parsed: false, bytes: Buffer.byteLength(text), error: String(e.message).slice(0, 200) })); }",
      "  });",
      "}, 500);",
    ].join("\n");
    const dir = projectDir("campus");
    const script = `"$0" check . --stack dev --format json --hourly | "$1" -e "$2"; echo "pipe exit \${PIPESTATUS[0]} \${PIPESTATUS[1]}" >&2`;
    const r = await slot(() => spawnRun("bash", ["-c", script, path.join(dir, "node_modules", ".bin", "aicluster"), process.execPath, reader], dir, RUN_TIMEOUT));
    const exits = /pipe exit (\d+) (\d+)/.exec(r.stderr);
    expect.soft(exits?.[1], `aicluster's exit\n${show(r)}`).toBe("1");
    expect.soft(exits?.[2], `the reader's exit\n${show(r)}`).toBe("0");
    let result: { parsed?: boolean; bytes?: number; verdict?: string; error?: string } = {};
    try {
      result = JSON.parse(r.stdout.trim().split("\n").pop() ?? "");
    } catch {
      // asserted below
    }
    expect.soft(result.parsed, show(r)).toBe(true);
    expect.soft(result.verdict, show(r)).toBe("fail");
    expect.soft(result.bytes ?? 0, show(r)).toBeGreaterThan(500 * 1024);
  }, TEST_TIMEOUT);

  it("17. forged text in a campus name and outputs: no `::` command line in text, no <img or plan marker in Markdown, no raw ANSI escape", async ({ expect }) => {
    const [text, markdown] = await Promise.all([check("forged-output", ["--stack", "dev"]), check("forged-output", ["--stack", "dev", "--format", "markdown"])]);
    expect.soft(text.code, show(text, "text")).toBe(1);
    expect.soft(text.stdout, show(text, "text")).toContain("Verdict: FAIL");
    expect.soft(text.stdout.split("\n").filter((l) => l.trim().startsWith("::")), show(text, "text")).toEqual([]);
    expect.soft(text.stdout.includes("\u001b[31m"), `raw ESC[31m in the text report\n${show(text, "text")}`).toBe(false);
    expect.soft(markdown.code, show(markdown, "markdown")).toBe(1);
    expect.soft(markdown.stdout, show(markdown, "markdown")).not.toContain("<img");
    expect.soft(markdown.stdout, show(markdown, "markdown")).not.toContain("<!-- aicluster-plan:x/prod");
    expect.soft(markdown.stdout.includes("\u001b[31m"), `raw ESC[31m in the Markdown report\n${show(markdown, "markdown")}`).toBe(false);
    expect.soft(markdown.stdout.split("\n").filter((l) => l.trim().startsWith("::")), show(markdown, "markdown")).toEqual([]);
  }, TEST_TIMEOUT);

  it("18. --format json,sarif --output-dir od where od/aicluster-dev.sarif is a folder: exit 2, and od/aicluster-dev.json not written", async ({ expect }) => {
    const od = path.join(projectDir("campus"), "od-partial");
    fs.mkdirSync(path.join(od, "aicluster-dev.sarif"), { recursive: true });
    const r = await check("campus", ["--stack", "dev", "--format", "json,sarif", "--output-dir", "od-partial"]);
    expect.soft(r.code, show(r)).toBe(2);
    expect.soft(r.stderr, show(r)).toContain("aicluster-dev.sarif");
    expect.soft(fs.existsSync(path.join(od, "aicluster-dev.json")), `od-partial/aicluster-dev.json written\n${show(r)}`).toBe(false);
  }, TEST_TIMEOUT);

  it("19. --today 2026-13-01: exit 2, stderr names --today", async ({ expect }) => {
    const r = await check("campus", ["--stack", "dev", "--today", "2026-13-01"]);
    expect.soft(r.code, show(r)).toBe(2);
    expect.soft(r.stderr, show(r)).toContain("--today");
  }, TEST_TIMEOUT);
});
