/**
 * The repository's GitHub Action (action.yml, action/*.js) and the workflows docs/ci.md shows:
 * - action.yml itself: a composite action whose steps all name a shell, whose expressions name declared inputs, and
 *   whose `run:` scripts hold no expression at all (inputs and refs reach them through `env:` only);
 * - actionlint (built by scripts/actionlint.sh into .tools/bin; shellcheck off) on docs/ci/github-workflow.yml, on
 *   docs/ci/github-action.yml with `uses: ./`, which makes actionlint read action.yml's inputs, and on a broken
 *   workflow, to show it does catch what it is here for. Without actionlint these skip, saying why;
 * - docs/ci.md shows both workflows byte for byte;
 * - the action's steps run as the runner would run them (a small simulation of the expressions action.yml uses;
 *   `uses:` steps are only evaluated, not run) against a fixture repository: a base commit and a head commit of a
 *   small TypeScript program that installs the packed package, a pull_request event and an in-test HTTP server as
 *   GITHUB_API_URL that records the comment requests.
 */
import { execFileSync, spawn, spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as http from "node:http";
import { createRequire } from "node:module";
import type { AddressInfo } from "node:net";
import * as os from "node:os";
import * as path from "node:path";
import * as yaml from "js-yaml";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { baselineMarker } from "../plan/baseline";
import { packTarball } from "./helpers/pack";

const ROOT = path.resolve(__dirname, "..");
const ACTIONLINT = path.join(ROOT, ".tools", "bin", "actionlint");
const CONSUMER = path.join(__dirname, "consumer", "project");
const rootPackage = JSON.parse(fs.readFileSync(path.join(ROOT, "package.json"), "utf8"));
const devVersion = (name: string) => rootPackage.devDependencies[name] as string;

interface ActionStep {
  id?: string;
  name?: string;
  if?: string;
  shell?: string;
  run?: string;
  uses?: string;
  env?: Record<string, string>;
  with?: Record<string, string>;
  "working-directory"?: string;
}
interface ActionMetadata {
  name: string;
  description: string;
  inputs: Record<string, { description: string; required?: boolean; default?: string }>;
  outputs: Record<string, { description: string; value: string }>;
  runs: { using: string; steps: ActionStep[] };
}

const actionText = fs.readFileSync(path.join(ROOT, "action.yml"), "utf8");
const action = yaml.load(actionText) as ActionMetadata;

const actionlintMissing = !fs.existsSync(ACTIONLINT);
if (actionlintMissing) console.warn(`\n*** SKIPPING the actionlint tests: ${ACTIONLINT} is missing (bash scripts/actionlint.sh builds it from the Go module proxy) ***\n`);

// --------------------------------------------------------------------------------------- the runner, simulated

/** What the expressions see: inputs, step outputs, the github context. */
interface Context {
  inputs: Record<string, string>;
  steps: Record<string, Record<string, string>>;
  github: Record<string, string>;
  failed: boolean;
}

/**
 * The expressions action.yml uses, evaluated as the runner does: `always()`, `success()`, `inputs.x`, `github.x`,
 * `steps.id.outputs.x`, `a == 'b'` and `a != 'b'` (strings compared ignoring case, as GitHub compares them), joined by
 * `&&`. Anything else throws: the simulation must not silently read an expression it does not know.
 */
function evaluate(expression: string, ctx: Context): string | boolean {
  const e = expression.trim();
  if (e.includes(" && ")) return e.split(" && ").every((part) => evaluate(part, ctx) === true);
  if (e === "always()") return true;
  if (e === "success()") return !ctx.failed;
  const compare = /^(.+?) (==|!=) '([^']*)'$/.exec(e);
  if (compare) {
    const left = String(evaluate(compare[1], ctx)).toLowerCase();
    return compare[2] === "==" ? left === compare[3].toLowerCase() : left !== compare[3].toLowerCase();
  }
  const named = /^(inputs|github)\.([A-Za-z0-9_-]+)$/.exec(e);
  if (named) {
    const scope = named[1] === "inputs" ? ctx.inputs : ctx.github;
    if (!(named[2] in scope)) throw new Error(`expression ${e}: not in the simulated context`);
    return scope[named[2]];
  }
  const output = /^steps\.([A-Za-z0-9_-]+)\.outputs\.([A-Za-z0-9_-]+)$/.exec(e);
  if (output) return ctx.steps[output[1]]?.[output[2]] ?? "";
  throw new Error(`expression not simulated: ${e}`);
}

function interpolate(text: string, ctx: Context): string {
  return text.replace(/\$\{\{(.*?)\}\}/g, (_, e: string) => String(evaluate(e, ctx)));
}

/** $GITHUB_OUTPUT as the runner reads it: `name=value` lines and `name<<delimiter` blocks. */
function parseOutputFile(text: string): Record<string, string> {
  const outputs: Record<string, string> = {};
  const lines = text.split("\n");
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (line === "") continue;
    const block = /^([^=<]+)<<(.+)$/.exec(line);
    if (block) {
      const end = lines.indexOf(block[2], i + 1);
      if (end < 0) throw new Error(`output ${block[1]}: no closing delimiter`);
      outputs[block[1]] = lines.slice(i + 1, end).join("\n");
      i = end;
    } else {
      const eq = line.indexOf("=");
      if (eq < 0) throw new Error(`output line without = or <<: ${line}`);
      outputs[line.slice(0, eq)] = line.slice(eq + 1);
    }
  }
  return outputs;
}

interface StepRun {
  name: string;
  ran: boolean;
  uses?: string;
  with?: Record<string, string>;
  code?: number;
  stdout: string;
  stderr: string;
}

interface ActionRun {
  steps: StepRun[];
  outputs: Record<string, string>;
  /** The job's outcome: the exit code of the first step that failed, else 0. */
  code: number;
  stdout: string;
}

/** Environment variables of the machine running the tests that the simulated runner sets itself (or must not leak). */
const RUNNER_OWNED = /^(GITHUB_|RUNNER_|INPUT_|AICLUSTER_|ACTIONS_)/;

/** Runs a step's script as the runner does (bash, -e, pipefail), without blocking this process (the test's HTTP server answers meanwhile). */
function runScript(script: string, cwd: string, env: NodeJS.ProcessEnv): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn("bash", ["--noprofile", "--norc", "-eo", "pipefail", script], { cwd, env, stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.setEncoding("utf8").on("data", (d: string) => (stdout += d));
    child.stderr.setEncoding("utf8").on("data", (d: string) => (stderr += d));
    const timer = setTimeout(() => child.kill("SIGKILL"), 150_000);
    child.on("error", reject);
    child.on("close", (code) => {
      clearTimeout(timer);
      resolve({ code: code ?? 128, stdout, stderr });
    });
  });
}

async function runAction(given: Record<string, string>, env: Record<string, string>, workspace: string, scratch: string): Promise<ActionRun> {
  const ctx: Context = { inputs: {}, steps: {}, github: { token: "ghs_default_token" }, failed: false };
  for (const name of Object.keys(given)) if (!(name in action.inputs)) throw new Error(`input ${name} is not declared`);
  for (const [name, spec] of Object.entries(action.inputs)) {
    if (spec.required && given[name] === undefined) throw new Error(`input ${name} is required`);
    ctx.inputs[name] = given[name] ?? interpolate(spec.default ?? "", ctx);
  }
  const base = Object.fromEntries(Object.entries(process.env).filter(([k]) => !RUNNER_OWNED.test(k))) as Record<string, string>;
  const steps: StepRun[] = [];
  let code = 0;
  for (const [i, step] of action.runs.steps.entries()) {
    const name = step.name ?? step.id ?? `step ${i}`;
    const condition = step.if === undefined ? !ctx.failed : evaluate(step.if, ctx) === true;
    if (step.uses) {
      steps.push({ name, ran: condition, uses: step.uses, with: Object.fromEntries(Object.entries(step.with ?? {}).map(([k, v]) => [k, interpolate(String(v), ctx)])), stdout: "", stderr: "" });
      continue;
    }
    if (!condition) {
      steps.push({ name, ran: false, stdout: "", stderr: "" });
      continue;
    }
    if (step["working-directory"] !== undefined) throw new Error("working-directory is not simulated");
    const script = path.join(scratch, `step-${i}.sh`);
    const outputFile = path.join(scratch, `output-${i}-${Date.now()}`);
    fs.writeFileSync(script, step.run!);
    fs.writeFileSync(outputFile, "");
    const stepEnv = Object.fromEntries(Object.entries(step.env ?? {}).map(([k, v]) => [k, interpolate(String(v), ctx)]));
    const r = await runScript(script, workspace, { ...base, ...env, GITHUB_WORKSPACE: workspace, GITHUB_ACTION_PATH: ROOT, GITHUB_OUTPUT: outputFile, ...stepEnv });
    const stepCode = r.code;
    if (step.id) ctx.steps[step.id] = parseOutputFile(fs.readFileSync(outputFile, "utf8"));
    if (stepCode !== 0 && !ctx.failed) {
      ctx.failed = true;
      code = stepCode;
    }
    steps.push({ name, ran: true, code: stepCode, stdout: r.stdout, stderr: r.stderr });
  }
  const outputs = Object.fromEntries(Object.entries(action.outputs).map(([k, o]) => [k, interpolate(o.value, ctx)]));
  return { steps, outputs, code, stdout: steps.map((s) => s.stdout).join("") };
}

// ------------------------------------------------------------------------------------------------- action.yml

describe("action.yml", () => {
  const expressionsIn = (text: string) => [...text.matchAll(/\$\{\{(.*?)\}\}/g)].map((m) => m[1].trim());

  it("is a composite action whose every step names its shell, or uses an action pinned to a major version", () => {
    expect(action.runs.using).toBe("composite");
    expect(action.runs.steps.length).toBe(4);
    for (const step of action.runs.steps) {
      if (step.uses) expect(step.uses).toBe("github/codeql-action/upload-sarif@v4");
      else expect([step.name, step.shell]).toEqual([step.name, "bash"]);
    }
  });

  it("declares and documents the inputs and outputs the docs name, with their defaults", () => {
    expect(Object.keys(action.inputs)).toEqual(["working-directory", "stack", "policy-config", "engine", "base-ref", "output-dir", "upload-sarif", "comment", "github-token", "extra-args"]);
    expect(Object.fromEntries(Object.entries(action.inputs).map(([k, v]) => [k, v.default ?? null]))).toEqual({
      "working-directory": ".", stack: null, "policy-config": "", engine: "false", "base-ref": "", "output-dir": "aicluster-reports",
      "upload-sarif": "true", comment: "true", "github-token": "${{ github.token }}", "extra-args": "",
    });
    expect(action.inputs.stack.required).toBe(true);
    expect(Object.keys(action.outputs)).toEqual(["exit-code", "verdict", "sarif-file", "report-dir", "comment-id"]);
    for (const spec of [...Object.values(action.inputs), ...Object.values(action.outputs)]) expect(spec.description.length).toBeGreaterThan(20);
  });

  it("refers only to declared inputs and to steps that exist, in every expression", () => {
    const ids = new Set(action.runs.steps.map((s) => s.id).filter(Boolean));
    const expressions = expressionsIn(actionText);
    expect(expressions.length).toBeGreaterThan(15);
    for (const e of expressions) {
      for (const m of e.matchAll(/inputs\.([A-Za-z0-9_-]+)/g)) expect(Object.keys(action.inputs), e).toContain(m[1]);
      for (const m of e.matchAll(/steps\.([A-Za-z0-9_-]+)\./g)) expect([...ids], e).toContain(m[1]);
    }
  });

  it("puts no expression in any run: script (inputs, refs and titles reach the scripts through env: only)", () => {
    const runs = action.runs.steps.filter((s) => s.run !== undefined).map((s) => s.run!);
    expect(runs.length).toBe(3);
    for (const run of runs) expect(expressionsIn(run), run).toEqual([]);
    // Each env value is one expression or a literal, never an expression inside other text.
    for (const step of action.runs.steps) for (const value of Object.values(step.env ?? {})) expect(String(value)).toMatch(/^(\$\{\{ [^}]+ \}\}|[^$]*)$/);
    // And the scripts the steps name exist.
    for (const run of runs) for (const m of run.matchAll(/\$GITHUB_ACTION_PATH\/(action\/[\w.]+)/g)) expect(fs.existsSync(path.join(ROOT, m[1])), m[1]).toBe(true);
  });

  it("uploads SARIF only when the check wrote one and upload-sarif is true, whatever the check's outcome", () => {
    const upload = action.runs.steps.find((s) => s.uses)!;
    const ctx = (upload_: string, sarif: string): Context => ({ inputs: { "upload-sarif": upload_ }, steps: { check: { "sarif-file": sarif } }, github: {}, failed: true });
    expect(evaluate(upload.if!, ctx("true", "/w/r.sarif"))).toBe(true);
    expect(evaluate(upload.if!, ctx("TRUE", "/w/r.sarif"))).toBe(true);
    expect(evaluate(upload.if!, ctx("false", "/w/r.sarif"))).toBe(false);
    expect(evaluate(upload.if!, ctx("true", ""))).toBe(false);
    expect(upload.with).toEqual({ sarif_file: "${{ steps.check.outputs.sarif-file }}" });
  });
});

// ------------------------------------------------------------------------------------------------ action/lib.js

describe("action/lib.js", () => {
  const lib = createRequire(__filename)("../action/lib.js") as {
    splitArgs(text: string): string[];
    commentMarker(project: string, stack: string): string;
    markerOf(markdown: string): string | undefined;
    escapeData(text: string): string;
    shown(text: string): string;
    setOutput(name: string, value: string): void;
  };

  it("splits extra-args at whitespace, quotes grouping, nothing expanded", () => {
    expect(lib.splitArgs(` --fail-on advisory  --config 'name=a b' "x y"z $HOME \`\``)).toEqual(["--fail-on", "advisory", "--config", "name=a b", "x yz", "$HOME", "``"]);
    expect(lib.splitArgs("")).toEqual([]);
    expect(() => lib.splitArgs("--config 'a")).toThrow("input extra-args: an unclosed ' quote");
  });

  it("spells the comment marker as the checker does (plan/baseline/render.ts baselineMarker), and finds it only as a whole first line", () => {
    for (const [project, stack] of [["consumer-infra", "dev"], ["my proj <!--", "a/b:c"], ["x".repeat(150), "dev"]]) {
      expect(lib.commentMarker(project, stack)).toBe(baselineMarker(project, stack));
    }
    expect(lib.markerOf("<!-- aicluster-plan:p/dev -->\n### x")).toBe("<!-- aicluster-plan:p/dev -->");
    expect(lib.markerOf("### x\n<!-- aicluster-plan:p/dev -->")).toBeUndefined();
    expect(lib.markerOf("<!-- aicluster-plan:p/dev --> trailing")).toBeUndefined();
  });

  it("escapes workflow command data as the toolkit does, and shows user text quoted with no :: left", () => {
    expect(lib.escapeData("50% a\r\n::error::x")).toBe("50%25 a%0D%0A::error::x");
    expect(lib.shown("a\n::error::x")).toBe('"a\\n:\\:error:\\:x"');
  });

  it("writes outputs in the delimited form, so a value with a line break cannot set another output", () => {
    const file = path.join(os.tmpdir(), `aicluster-output-${process.pid}`);
    fs.writeFileSync(file, "");
    const saved = process.env.GITHUB_OUTPUT;
    process.env.GITHUB_OUTPUT = file;
    try {
      lib.setOutput("report-dir", "/w/a\nverdict=pass");
      lib.setOutput("verdict", "fail");
    } finally {
      if (saved === undefined) delete process.env.GITHUB_OUTPUT;
      else process.env.GITHUB_OUTPUT = saved;
    }
    expect(parseOutputFile(fs.readFileSync(file, "utf8"))).toEqual({ "report-dir": "/w/a\nverdict=pass", verdict: "fail" });
    fs.rmSync(file);
  });
});

// ------------------------------------------------------------------------------------------------ docs/ci.md

describe("docs/ci.md", () => {
  const docs = fs.readFileSync(path.join(ROOT, "docs", "ci.md"), "utf8");
  const yamlBlocks = [...docs.matchAll(/^```yaml\n([\s\S]*?)^```$/gm)].map((m) => m[1]);

  for (const file of ["github-workflow.yml", "github-action.yml"]) {
    it(`shows docs/ci/${file} byte for byte`, () => {
      const workflow = fs.readFileSync(path.join(ROOT, "docs", "ci", file), "utf8");
      expect(yamlBlocks.filter((b) => b === workflow).length).toBe(1);
    });
  }

  it("lists every input and output of action.yml in its table", () => {
    for (const name of [...Object.keys(action.inputs), ...Object.keys(action.outputs)]) expect(docs).toContain(`| \`${name}\` |`);
  });
});

describe.skipIf(actionlintMissing)("actionlint (shellcheck off)", () => {
  let project: string;
  const lint = (file: string) => {
    const r = spawnSync(ACTIONLINT, ["-no-color", "-shellcheck=", "-pyflakes=", file], { cwd: project, encoding: "utf8" });
    return { code: r.status, out: `${r.stdout}${r.stderr}` };
  };
  const workflow = (name: string, text: string) => {
    const file = path.join(project, ".github", "workflows", name);
    fs.writeFileSync(file, text);
    return path.relative(project, file);
  };

  beforeAll(() => {
    // A repository with the action at its root, as a workflow's `uses: ./` sees it.
    project = fs.mkdtempSync(path.join(os.tmpdir(), "aicluster-actionlint-"));
    execFileSync("git", ["init", "-q", project]);
    fs.mkdirSync(path.join(project, ".github", "workflows"), { recursive: true });
    fs.copyFileSync(path.join(ROOT, "action.yml"), path.join(project, "action.yml"));
  });
  afterAll(() => fs.rmSync(project, { recursive: true, force: true }));

  it("is the version scripts/actionlint.sh pins", () => {
    expect(execFileSync(ACTIONLINT, ["-version"], { encoding: "utf8" }).split("\n")[0]).toBe("v1.7.12");
  });

  it("finds nothing in docs/ci/github-workflow.yml", () => {
    const r = lint(workflow("docs.yml", fs.readFileSync(path.join(ROOT, "docs", "ci", "github-workflow.yml"), "utf8")));
    expect(r, r.out).toEqual({ code: 0, out: "" });
  });

  it("finds nothing in docs/ci/github-action.yml using the action as uses: ./ (actionlint reads action.yml's inputs)", () => {
    const text = fs.readFileSync(path.join(ROOT, "docs", "ci", "github-action.yml"), "utf8");
    expect(text).toContain("uses: OWNER/REPO@TAG\n");
    const r = lint(workflow("action.yml", text.replace("uses: OWNER/REPO@TAG\n", "uses: ./\n")));
    expect(r, r.out).toEqual({ code: 0, out: "" });
  });

  it("does catch a misspelt input of the action, a missing required one and an untrusted expression in a script", () => {
    const bad = [
      "name: bad", "on: pull_request", "jobs:", "  check:", "    runs-on: ubuntu-latest", "    steps:",
      "      - uses: ./", "        with:", "          stak: prod",
      "      - run: echo \"${{ github.head_ref }}\"", "",
    ].join("\n");
    const r = lint(workflow("bad.yml", bad));
    expect(r.code).toBe(1);
    expect(r.out).toContain('missing input "stack" which is required by action "aicluster check" defined at "./"');
    expect(r.out).toContain('input "stak" is not defined in action "aicluster check" defined at "./"');
    expect(r.out).toContain('"github.head_ref" is potentially untrusted. avoid using it directly in inline scripts');
  });
});

// ------------------------------------------------------------------ the action's steps on a fixture repository

interface Recorded {
  method: string;
  url: string;
  authorization?: string;
  body?: { body: string };
}

describe("the action's steps, run locally against a fixture repository and a recording GitHub API", () => {
  let dir: string;
  let repo: string;
  let scratch: string;
  let server: http.Server;
  let apiUrl: string;
  const requests: Recorded[] = [];
  const comments: { id: number; body: string; user: { login: string } }[] = [
    { id: 5, body: "LGTM", user: { login: "reviewer" } },
    { id: 6, body: "<!-- aicluster-plan:other-project/dev -->\nanother project's report", user: { login: "github-actions[bot]" } },
  ];
  let nextId = 1001;
  const git = (...args: string[]) => execFileSync("git", args, { cwd: repo, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
  const npmEnv = { npm_config_update_notifier: "false", npm_config_prefer_offline: "true", npm_config_audit: "false", npm_config_fund: "false" };

  /** A pull_request event whose title and branch try to forge workflow commands and the comment marker. */
  const HOSTILE = "::error::forged title%0A<!-- aicluster-plan:consumer-infra/dev -->";
  const env = () => ({
    ...npmEnv,
    GITHUB_API_URL: apiUrl,
    GITHUB_REPOSITORY: "acme/campus",
    GITHUB_EVENT_NAME: "pull_request",
    GITHUB_EVENT_PATH: path.join(dir, "event.json"),
    GITHUB_STEP_SUMMARY: path.join(dir, "summary.md"),
    RUNNER_TEMP: path.join(dir, "runner-temp"),
  });

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "aicluster-action-"));
    scratch = path.join(dir, "scratch");
    repo = path.join(dir, "repo");
    for (const d of [scratch, repo, path.join(dir, "runner-temp")]) fs.mkdirSync(d);
    server = http.createServer((req, res) => {
      let data = "";
      req.on("data", (c) => (data += c));
      req.on("end", (): void => {
        const body = data ? JSON.parse(data) : undefined;
        requests.push({ method: req.method!, url: req.url!, authorization: req.headers.authorization, ...(body ? { body } : {}) });
        const send = (status: number, value: unknown): void => void res.writeHead(status, { "content-type": "application/json" }).end(JSON.stringify(value));
        const patch = /^\/repos\/acme\/campus\/issues\/comments\/(\d+)$/.exec(req.url!);
        if (req.method === "GET" && req.url!.startsWith("/repos/acme/campus/issues/7/comments?")) return send(200, comments);
        if (req.method === "POST" && req.url === "/repos/acme/campus/issues/7/comments") {
          const made = { id: nextId++, body: body.body, user: { login: "github-actions[bot]" } };
          comments.push(made);
          return send(201, made);
        }
        if (req.method === "PATCH" && patch) {
          const c = comments.find((x) => x.id === Number(patch[1]));
          if (!c) return send(404, { message: "Not Found" });
          c.body = body.body;
          return send(200, c);
        }
        send(404, { message: "Not Found" });
      });
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    apiUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    fs.writeFileSync(path.join(dir, "event.json"), JSON.stringify({
      action: "synchronize", number: 7,
      pull_request: { number: 7, title: HOSTILE, head: { ref: "feature/<!--x-->" }, base: { ref: "main" } },
    }));

    // The fixture: package.json at the root with the packed tarball committed beside it (installed from the
    // repository itself, so the base worktree's npm ci finds it too), the program in infra/.
    const { tarball } = packTarball(dir);
    fs.mkdirSync(path.join(repo, "vendor"));
    fs.copyFileSync(tarball, path.join(repo, "vendor", "pulumi-aicluster.tgz"));
    fs.cpSync(path.join(CONSUMER, "infra"), path.join(repo, "infra"), { recursive: true });
    fs.rmSync(path.join(repo, "infra", "policy.json"));
    fs.writeFileSync(path.join(repo, "package.json"), JSON.stringify({
      name: "campus", private: true, version: "0.0.0",
      dependencies: { "pulumi-aicluster": "file:vendor/pulumi-aicluster.tgz", "@pulumi/pulumi": devVersion("@pulumi/pulumi") },
      devDependencies: { typescript: devVersion("typescript"), "@types/node": devVersion("@types/node") },
    }, null, 2));
    fs.writeFileSync(path.join(repo, ".gitignore"), "node_modules/\naicluster-reports/\n");
    execFileSync("npm", ["install", "--no-audit", "--no-fund", "--loglevel=error"], { cwd: repo, stdio: ["ignore", "pipe", "pipe"], env: { ...process.env, ...npmEnv } });
    git("init", "-q", "-b", "main");
    git("-c", "user.name=t", "-c", "user.email=t@example.com", "add", ".");
    git("-c", "user.name=t", "-c", "user.email=t@example.com", "commit", "-q", "-m", "base: 8 racks");
    // The head: 64 racks break the water permit (the consumer test's own figures).
    git("checkout", "-q", "-b", "feature");
    fs.appendFileSync(path.join(repo, "infra", "Pulumi.dev.yaml"), "  consumer-infra:racks: \"64\"\n");
    git("-c", "user.name=t", "-c", "user.email=t@example.com", "commit", "-q", "-am", "head: 64 racks");
  }, 300_000);

  afterAll(async () => {
    await new Promise((resolve) => server?.close(resolve));
    if (dir && !process.env.AICLUSTER_KEEP_E2E) fs.rmSync(dir, { recursive: true, force: true });
  });

  const reportDir = () => path.join(repo, "infra", "aicluster-reports");
  const read = (...p: string[]) => fs.readFileSync(path.join(...p), "utf8");

  it("with base-ref: makes the base report in a worktree, fails the job with exit 1 after the comment is POSTed with the marker and the diff", async () => {
    const run = await runAction({ "working-directory": "infra", stack: "dev", "base-ref": "main", "github-token": "t0ken" }, env(), repo, scratch);
    const [check, upload, comment, finish] = run.steps;
    expect(check.code, check.stdout + check.stderr).toBe(0);
    expect(run.outputs).toEqual({
      "exit-code": "1", verdict: "fail", "sarif-file": path.join(reportDir(), "aicluster-dev.sarif"), "report-dir": reportDir(), "comment-id": "1001",
    });
    // The job fails in the last step, after the SARIF upload (would run, with the file) and the comment.
    expect(upload).toMatchObject({ ran: true, uses: "github/codeql-action/upload-sarif@v4", with: { sarif_file: path.join(reportDir(), "aicluster-dev.sarif") } });
    expect(comment.code, comment.stdout + comment.stderr).toBe(0);
    expect(finish.code).toBe(1);
    expect(run.code).toBe(1);

    const base = JSON.parse(read(reportDir(), "aicluster-dev.base.json"));
    expect(base).toMatchObject({ project: "consumer-infra", stack: "dev", verdict: "pass" });
    const markdown = read(reportDir(), "aicluster-dev.md");
    expect(markdown.split("\n")[0]).toBe("<!-- aicluster-plan:consumer-infra/dev -->");
    expect(markdown).toMatch(/FAIL \(was PASS\)/);
    expect(markdown).toMatch(/\| [^|]*broken now \| water-permit \| annual water/);
    const sarif = JSON.parse(read(reportDir(), "aicluster-dev.sarif"));
    const water = sarif.runs[0].results.find((r: { ruleId: string }) => r.ruleId === "water-permit");
    expect(water.baselineState).toBe("new");
    expect(water.locations[0].physicalLocation.artifactLocation.uri).toBe("infra/index.ts");
    // The worktree is gone again.
    expect(git("worktree", "list").trim().split("\n").length).toBe(1);
    expect(fs.readdirSync(path.join(dir, "runner-temp"))).toEqual([]);

    // The github format appended the Markdown to the job summary, once; the action adds nothing to it.
    expect(read(dir, "summary.md")).toBe(markdown.endsWith("\n") ? markdown : `${markdown}\n`);
    expect(requests.map((r) => `${r.method} ${r.url}`)).toEqual(["GET /repos/acme/campus/issues/7/comments?per_page=100&page=1", "POST /repos/acme/campus/issues/7/comments"]);
    expect(requests.every((r) => r.authorization === "Bearer t0ken")).toBe(true);
    expect(requests[1].body).toEqual({ body: markdown });
    expect(run.stdout).toMatch(/^::error file=infra\/index\.ts,line=\d+,title=water-permit::/m);
    expect(run.stdout).toContain("aicluster-action: comment: created comment 1001 on pull request #7\n");
    expect(run.stdout).toContain("aicluster-action: aicluster check ended with exit 1\n");
  }, 180_000);

  it("a second run PATCHes the same comment; a hostile base-ref is a warning with its text escaped, and the check runs without a baseline", async () => {
    requests.length = 0;
    fs.writeFileSync(path.join(dir, "summary.md"), "");
    const hostileRef = "nope\n::error::forged-ref <!--";
    const run = await runAction({ "working-directory": "infra", stack: "dev", "base-ref": hostileRef, "upload-sarif": "false" }, env(), repo, scratch);
    expect(run.steps[0].code, run.steps[0].stdout + run.steps[0].stderr).toBe(0);
    expect(run.outputs).toEqual({
      "exit-code": "1", verdict: "fail", "sarif-file": path.join(reportDir(), "aicluster-dev.sarif"), "report-dir": reportDir(), "comment-id": "1001",
    });
    expect(run.steps[1].ran).toBe(false);
    expect(run.code).toBe(1);
    expect(fs.existsSync(path.join(reportDir(), "aicluster-dev.base.json"))).toBe(false);
    expect(run.stdout).toContain('::warning title=aicluster::no baseline from base-ref "nope\\n:\\:error:\\:forged-ref <!--": not a git ref (it starts with - or holds control characters); the check runs without a baseline\n');

    // Without a baseline the checker's Markdown has no marker: the action puts it first, and finds its comment by it.
    const markdown = read(reportDir(), "aicluster-dev.md");
    expect(markdown.split("\n")[0]).toBe("### aicluster plan: `dev` FAILS");
    expect(requests.map((r) => `${r.method} ${r.url}`)).toEqual(["GET /repos/acme/campus/issues/7/comments?per_page=100&page=1", "PATCH /repos/acme/campus/issues/comments/1001"]);
    expect(requests[1].body).toEqual({ body: `<!-- aicluster-plan:consumer-infra/dev -->\n${markdown}` });
    expect(requests[0].authorization).toBe("Bearer ghs_default_token");
    expect(comments.map((c) => c.id)).toEqual([5, 6, 1001]);
    expect(comments[1].body).toBe("<!-- aicluster-plan:other-project/dev -->\nanother project's report");

    // Nothing the PR's title, branch or the ref carry became a workflow command or reached the comment.
    for (const r of [run]) {
      for (const line of r.stdout.split("\n")) expect(line, line).not.toMatch(/^\s*::error::forged|^\s*::(set-output|add-mask|stop-commands)/);
      expect(r.stdout).not.toContain("forged title");
    }
    for (const c of comments.slice(2)) expect(c.body).not.toContain("forged");
    expect(read(dir, "summary.md")).toBe(markdown.endsWith("\n") ? markdown : `${markdown}\n`);
  }, 180_000);

  it("bad input: no report, verdict error, the job fails with exit 2 and no comment is written", async () => {
    requests.length = 0;
    const run = await runAction({ "working-directory": "infra", stack: "dev", "policy-config": "missing.json" }, env(), repo, scratch);
    expect(run.outputs).toMatchObject({ "exit-code": "2", verdict: "error", "sarif-file": "" });
    expect(run.steps.map((s) => [s.ran, s.code])).toEqual([[true, 0], [false, undefined], [true, 0], [true, 2]]);
    expect(run.code).toBe(2);
    expect(requests).toEqual([]);
    expect(run.stdout).toContain("aicluster-action: comment: no report (the check did not run to the end), no comment\n");
  }, 120_000);
});

describe("the action's arguments to npm and the checker (recorded by stand-ins on PATH): engine, policy config, extra-args, base run", () => {
  let dir: string;
  let repo: string;
  const log = () => path.join(dir, "calls.jsonl");

  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "aicluster-action-args-"));
    repo = path.join(dir, "repo");
    const bin = path.join(dir, "bin");
    for (const d of [path.join(repo, "infra"), bin, path.join(dir, "scratch"), path.join(dir, "runner-temp")]) fs.mkdirSync(d, { recursive: true });
    // npx and npm stand-ins: record cwd and arguments; npx writes what the checker would (a passing base report with
    // --out, a failing head report with --output-dir) and exits as it would.
    const standIn = `#!/usr/bin/env node
const fs = require("fs"), path = require("path");
const args = process.argv.slice(2);
fs.appendFileSync(${JSON.stringify(log())}, JSON.stringify({ tool: path.basename(process.argv[1]), cwd: process.cwd(), args }) + "\\n");
const after = (flag) => args[args.indexOf(flag) + 1];
if (path.basename(process.argv[1]) === "npx" && args.includes("--out")) fs.writeFileSync(after("--out"), JSON.stringify({ project: "p", stack: "dev", verdict: "pass" }));
if (path.basename(process.argv[1]) === "npx" && args.includes("--output-dir")) {
  for (const [ext, text] of [["json", JSON.stringify({ project: "p", stack: "dev", verdict: "fail" })], ["sarif", "{}"], ["md", "### report"]]) fs.writeFileSync(path.join(after("--output-dir"), "aicluster-dev." + ext), text);
  process.exit(1);
}
`;
    for (const tool of ["npx", "npm"]) fs.writeFileSync(path.join(bin, tool), standIn, { mode: 0o755 });
    fs.writeFileSync(path.join(repo, "package.json"), "{}\n");
    fs.writeFileSync(path.join(repo, "infra", "Pulumi.yaml"), "name: p\nruntime: nodejs\n");
    fs.writeFileSync(path.join(repo, "infra", "policy.json"), "{}\n");
    const git = (...args: string[]) => execFileSync("git", ["-c", "user.name=t", "-c", "user.email=t@example.com", ...args], { cwd: repo, stdio: "ignore" });
    git("init", "-q", "-b", "main");
    git("add", ".");
    git("commit", "-q", "-m", "base");
    git("checkout", "-q", "-b", "feature");
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it("passes --engine, the policy config (the base's own copy for the base run), --baseline and extra-args; npm ci where the program's package.json is", async () => {
    const run = await runAction(
      { "working-directory": "infra", stack: "acme/dev", engine: "true", "policy-config": "policy.json", "base-ref": "main", "extra-args": "--fail-on advisory --config 'name=a b'", comment: "false" },
      { PATH: `${path.join(dir, "bin")}${path.delimiter}${process.env.PATH}`, RUNNER_TEMP: path.join(dir, "runner-temp") }, repo, path.join(dir, "scratch"),
    );
    const out = path.join(repo, "infra", "aicluster-reports");
    expect(run.outputs).toEqual({ "exit-code": "1", verdict: "fail", "sarif-file": path.join(out, "aicluster-dev.sarif"), "report-dir": out, "comment-id": "" });
    expect(run.code).toBe(1);
    const calls = fs.readFileSync(log(), "utf8").trim().split("\n").map((l) => JSON.parse(l) as { tool: string; cwd: string; args: string[] });
    const worktree = calls[0].cwd;
    expect(worktree).toMatch(new RegExp(`^${fs.realpathSync(path.join(dir, "runner-temp")).replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}/aicluster-base-\\w+/tree$`));
    expect(calls).toEqual([
      { tool: "npm", cwd: worktree, args: ["ci", "--no-audit", "--no-fund", "--loglevel=error"] },
      {
        tool: "npx", cwd: path.join(worktree, "infra"),
        args: ["--no-install", "aicluster", "check", "--engine", ".", "--stack", "acme/dev", "--format", "json", "--out", path.join(out, "aicluster-dev.base.json"), "--soft-fail",
          "--policy-config", path.join(worktree, "infra", "policy.json"), "--fail-on", "advisory", "--config", "name=a b"],
      },
      {
        tool: "npx", cwd: path.join(repo, "infra"),
        args: ["--no-install", "aicluster", "check", "--engine", ".", "--stack", "acme/dev", "--format", "sarif,json,markdown,github", "--output-dir", out,
          "--policy-config", path.join(repo, "infra", "policy.json"), "--baseline", path.join(out, "aicluster-dev.base.json"), "--fail-on", "advisory", "--config", "name=a b"],
      },
    ]);
    expect(run.stdout).toContain("aicluster-action: comment: off (input comment is false)\n");
    expect(fs.existsSync(worktree)).toBe(false);
  }, 60_000);
});
