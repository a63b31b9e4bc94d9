/**
 * `aicluster check --engine`: the real engine (the CLI scripts/pulumi-cli.sh builds, through the Automation API)
 * previews a program with the aicluster pack, and the checker renders the report from what the pack's rules saw.
 * The two modes must agree: a TypeScript program shaped like a user's (secret config, awaited work, exported
 * outputs) gives the same JSON report under the engine as under the mocks, field for field but timings and program
 * lines; the YAML and Python examples (through the component package) give the verdict, budgets and findings of
 * their TypeScript twin under the mocks. Errors are named: no CLI, no stack, a program that throws, another pack's
 * mandatory violation. Skips, printing why, without the engine (or, per language, its host and the plugin).
 */
import { execFile, execFileSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { findEngine, findExecutable, offlineEngineEnv, ROOT } from "../../scripts/realEngine";
import { missingPlugin, LAUNCHER, PACKAGE_VERSION, SCHEMA, TOOLS } from "./componentPlugin";

const engine = findEngine();
if ("reason" in engine) console.warn(`\n*** SKIPPING the aicluster check --engine tests: ${engine.reason} ***\n`);
const bin = "reason" in engine ? "" : engine.bin;

function missingFor(language: "yaml" | "python"): string | undefined {
  if ("reason" in engine) return engine.reason;
  const hosts = language === "yaml" ? ["pulumi-language-yaml"] : ["pulumi-language-python", "pulumi-language-python-exec", "aicluster-gen-python-sdk"];
  for (const tool of hosts) if (!findExecutable(bin, tool)) return `no ${tool} next to ${bin}/pulumi; build it with \`bash scripts/pulumi-cli.sh\``;
  if (language === "python" && !fs.existsSync(path.join(TOOLS, "python", "bin", "python"))) return "no Python virtual environment in .tools/python; create it with `bash scripts/pulumi-cli.sh`";
  return missingPlugin();
}
const missingYaml = missingFor("yaml");
const missingPython = missingFor("python");
if (!("reason" in engine) && missingYaml) console.warn(`\n*** SKIPPING aicluster check --engine on YAML: ${missingYaml} ***\n`);
if (!("reason" in engine) && missingPython) console.warn(`\n*** SKIPPING aicluster check --engine on Python: ${missingPython} ***\n`);

interface Result {
  code: number;
  stdout: string;
  stderr: string;
}

/** One home, backend and passphrase for every project here (file backend, nothing leaves the machine). */
let state: string;
function engineEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  return offlineEngineEnv(state, [bin], { PULUMI_NODEJS_TRANSPILE_ONLY: "true", GITHUB_STEP_SUMMARY: "", ...extra });
}

function run(cmd: string, args: string[], cwd: string, env: NodeJS.ProcessEnv): Promise<Result> {
  return new Promise((done) => {
    execFile(cmd, args, { cwd, env, maxBuffer: 64 * 1024 * 1024, timeout: 600_000 }, (err, stdout, stderr) => {
      done({ code: err ? Number((err as { code?: number }).code ?? -1) : 0, stdout, stderr });
    });
  });
}

const pulumi = (args: string[], cwd: string, extra: Record<string, string> = {}) => run(path.join(bin, "pulumi"), [...args, "--non-interactive"], cwd, engineEnv(extra));

/** `aicluster check`, as a CI job runs it. */
const check = (args: string[], cwd: string, env: NodeJS.ProcessEnv = engineEnv()) =>
  run(process.execPath, ["-r", require.resolve("ts-node/register/transpile-only"), path.join(ROOT, "plan/aicluster.ts"), "check", ...args], cwd, { ...env, TS_NODE_PROJECT: path.join(ROOT, "tsconfig.json") });

/**
 * The campus of examples/yaml-campus and examples/python-campus as a TypeScript program, named as they name it (so
 * URNs and messages match): secret config read and exported, work awaited before the campus is made, outputs exported.
 */
function typescriptTwin(dir: string, project: string): void {
  fs.mkdirSync(dir, { recursive: true });
  fs.symlinkSync(path.join(ROOT, "node_modules"), path.join(dir, "node_modules"));
  fs.copyFileSync(path.join(ROOT, "tsconfig.json"), path.join(dir, "tsconfig.json"));
  fs.writeFileSync(path.join(dir, "Pulumi.yaml"), `name: ${project}\nruntime:\n  name: nodejs\n  options:\n    typescript: true\n`);
  fs.writeFileSync(path.join(dir, "index.ts"), `import * as pulumi from "@pulumi/pulumi";
import { Campus } from ${JSON.stringify(path.join(ROOT, "components"))};

const config = new pulumi.Config();
const token = config.getSecret("token");
if (config.getBoolean("boom")) throw new Error("the program failed on purpose (boom)");

async function main() {
  // Work a real program awaits (a file, an API) before it declares resources.
  await new Promise((resolve) => setTimeout(resolve, 50));
  const campus = new Campus("campus", {
    location: "New Albany, Ohio",
    climate: "central-ohio",
    onlineYear: 2026,
    waterPermitM3PerYear: 50000,
    halls: [{ name: "hall-a", racks: [{ name: "row-1", design: "gb300-nvl72", rackCount: config.getNumber("rackCount") ?? 8, supplyTempC: 40 }], cooling: { technology: "adiabatic", redundancy: "N+1" } }],
    powerContracts: [
      { name: "grid", counterparty: "AEP Ohio", source: "grid-pjm-ohio", contractedMw: 2, firmFraction: 1 },
      { name: "gas", counterparty: "Genco", source: "gas-turbine", market: "behind-the-meter", contractedMw: 1, firmFraction: 1 },
    ],
  });
  return { pue: campus.pue, headroomMw: campus.powerHeadroomMw, token };
}
export = main();
`);
}

/** A JSON report with what differs by nature between the two modes removed: run times, the engine's note, program lines. */
function comparable(json: string): Record<string, unknown> {
  const { wallSeconds: _w, engine: _e, locations: _l, ...rest } = JSON.parse(json) as Record<string, unknown>;
  return rest;
}

/** The parts of a report a YAML or Python program must share with its TypeScript twin (their stack outputs differ). */
function verdictBudgetsFindings(json: string) {
  const r = JSON.parse(json) as Record<string, unknown>;
  return { verdict: r.verdict, budgets: r.budgets, findings: r.findings, resourcesByType: r.resourcesByType, years: r.years, costs: r.costs, worstTimes: r.worstTimes };
}

/** A backend of its own for a program named as another project here. */
function ownBackend(name: string): string {
  const dir = path.join(state, `backend-${name}`);
  fs.mkdirSync(dir, { recursive: true });
  return dir;
}

describe.skipIf("reason" in engine)("aicluster check --engine", () => {
  let base: string;
  let twin: string;
  let tightPue: string;

  beforeAll(async () => {
    base = fs.mkdtempSync(path.join(os.tmpdir(), "aicluster-engine-check-"));
    state = path.join(base, ".state");
    fs.mkdirSync(path.join(state, "backend"), { recursive: true });
    twin = path.join(base, "ts");
    typescriptTwin(twin, "aicluster-yaml-campus");
    for (const args of [["stack", "init", "dev"], ["config", "set", "--secret", "token", "hunter2", "-s", "dev"]]) {
      const r = await pulumi(args, twin);
      expect(r.code, r.stderr).toBe(0);
    }
    // A mandatory PUE cap the campus breaks, so the verdict is FAIL in both modes.
    tightPue = path.join(base, "tight-pue.json");
    fs.writeFileSync(tightPue, JSON.stringify({ "pue-max": { enforcementLevel: "mandatory", maxPue: 1.05 } }));
  }, 120_000);

  // The engine's state and the reports of every test: more than vitest's 10 s default to remove on a loaded machine.
  // Runs after a failed beforeAll too (vitest), so the folder goes whatever happened.
  afterAll(() => {
    if (base && !process.env.AICLUSTER_KEEP_E2E) fs.rmSync(base, { recursive: true, force: true });
  }, 120_000);

  it("gives the same JSON report as the mocks for a TypeScript program (secret config, awaited work), and the same text but its first line", async () => {
    const args = [".", "--stack", "dev", "--policy-config", tightPue, "--format", "json,text,sarif", "--output-dir"];
    const [underEngine, underMocks] = [await check([...args, "engine", "--engine"], twin), await check([...args, "mocks"], twin, engineEnv())];
    expect(underEngine.code, underEngine.stderr).toBe(1);
    expect(underMocks.code, underMocks.stderr).toBe(1);
    const read = (mode: string, ext: string) => fs.readFileSync(path.join(twin, mode, `aicluster-dev.${ext}`), "utf8");
    const engineJson = JSON.parse(read("engine", "json"));
    expect(engineJson.engine.previewSeconds).toBeGreaterThan(0);
    expect(comparable(read("engine", "json"))).toEqual(comparable(read("mocks", "json")));
    expect(engineJson.verdict).toBe("fail");
    expect(engineJson.findings.filter((f: { status: string }) => f.status === "violation").map((f: { policy: string; enforcementLevel: string }) => `${f.policy}:${f.enforcementLevel}`).sort()).toEqual(["carbon:advisory", "pue-max:mandatory"]);
    // The secret reaches neither report; the exported outputs read the same.
    expect(engineJson.outputs.token).toBe("[secret]");
    expect(read("engine", "json")).not.toContain("hunter2");
    const text = (mode: string) => read(mode, "txt").split("\n").slice(1).join("\n").replace(/\([\d.]+ s\)/g, "(… s)");
    expect(read("engine", "txt").split("\n")[0]).toBe('Plan of stack "dev" (project aicluster-yaml-campus) previewed by the real engine: pulumi preview with the aicluster policy pack');
    expect(text("engine")).toBe(text("mocks"));
    // SARIF carries the same results; under the engine they point at the stack config (the engine reports no program lines).
    const results = (mode: string) => (JSON.parse(read(mode, "sarif")).runs[0].results as { ruleId: string; level: string; partialFingerprints: unknown }[]).map((r) => [r.ruleId, r.level, r.partialFingerprints]);
    expect(results("engine")).toEqual(results("mocks"));
  }, 300_000);

  it("gates on a baseline made by the other mode: the same findings are unchanged, exit 0 with --fail-on-new", async () => {
    const baseline = path.join(twin, "mocks", "aicluster-dev.json");
    const r = await check([".", "--stack", "dev", "--engine", "--policy-config", tightPue, "--baseline", baseline, "--fail-on-new", "--format", "sarif"], twin);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/^note: --fail-on-new: exit 0 with 1 mandatory violation \(pue-max\), all in the baseline \(verdict FAIL\)$/m);
    const states = (JSON.parse(r.stdout).runs[0].results as { baselineState: string }[]).map((x) => x.baselineState);
    expect(states.length).toBeGreaterThan(0);
    expect(new Set(states)).toEqual(new Set(["unchanged"]));
  }, 300_000);

  it("names what is wrong: no CLI (exit 2), no such stack (2), a program that throws (3, the engine's message)", async () => {
    const nodeOnly = engineEnv({ PATH: path.dirname(process.execPath) });
    const noCli = await check([".", "--stack", "dev", "--engine"], twin, nodeOnly);
    expect(noCli.code, noCli.stderr).toBe(2);
    expect(noCli.stderr.trim()).toBe("error: --engine: no pulumi CLI on PATH; install it (https://www.pulumi.com/docs/iac/download-install/) or leave out --engine to check under Pulumi's mock runtime");

    const noPack = await check([".", "--stack", "dev", "--engine", "--policy-pack", "no-such-pack"], twin);
    expect(noPack.code, noPack.stderr).toBe(2);
    expect(noPack.stderr.trim()).toBe(`error: --policy-pack ${path.join(twin, "no-such-pack")}: allowed a policy pack folder (one holding PulumiPolicy.yaml)`);

    const noStack = await check([".", "--stack", "nosuch", "--engine"], twin);
    expect(noStack.code, noStack.stderr).toBe(2);
    expect(noStack.stderr).toContain("error: --stack nosuch: the engine cannot select it (pulumi stack ls lists the stacks; pulumi stack init nosuch makes one):\nerror: no stack named 'nosuch' found\n");

    const init = await pulumi(["stack", "init", "boom"], twin);
    expect(init.code, init.stderr).toBe(0);
    expect((await pulumi(["config", "set", "boom", "true", "-s", "boom"], twin)).code).toBe(0);
    const boom = await check([".", "--stack", "boom", "--engine", "--format", "json", "--output-dir", "boom-reports"], twin);
    expect(boom.code, boom.stderr).toBe(3);
    expect(boom.stderr).toMatch(/^error: --engine: pulumi preview failed, not on a policy:\n/);
    expect(boom.stderr).toContain("the program failed on purpose (boom)");
    expect(boom.stdout).toBe("");
    // No report is written when there is no verdict.
    expect(fs.readdirSync(path.join(twin, "boom-reports"))).toEqual([]);
  }, 300_000);

  it("runs the user's own pack beside aicluster's: its mandatory violation is on stderr and exits 1 though aicluster passes", async () => {
    const pack = path.join(twin, "their-pack");
    fs.mkdirSync(pack);
    fs.writeFileSync(path.join(pack, "PulumiPolicy.yaml"), "runtime: nodejs\ndescription: a team's own rules\n");
    fs.writeFileSync(path.join(pack, "package.json"), JSON.stringify({ name: "their-pack", version: "1.0.0", main: "index.js" }));
    fs.writeFileSync(path.join(pack, "index.js"), `const { PolicyPack } = require("@pulumi/policy");
new PolicyPack("their-pack", { policies: [{ name: "no-gas", description: "No on-site gas.", enforcementLevel: "mandatory",
  validateStack: (args, report) => { for (const r of args.resources) if (r.type === "aicluster:index:PowerContract" && r.props.source === "gas-turbine") report("::error::gas on site <!-- x -->", r.urn); } }] });
`);
    const r = await check([".", "--stack", "dev", "--engine", "--policy-pack", "their-pack"], twin);
    expect(r.code, r.stderr).toBe(1);
    expect(r.stdout).toContain("Verdict: PASS");
    // Their text is data: one line each, a workflow command in it broken, as every string from a program is.
    expect(r.stderr).toMatch(/^policy pack their-pack: mandatory violation of no-gas on urn:pulumi:dev::aicluster-yaml-campus::aicluster:index:Campus\$aicluster:index:PowerContract::campus-gas: \\::error::gas on site <!-- x -->$/m);
    expect(r.stderr).toMatch(/^note: exit 1 for 1 mandatory violation of other policy packs \(their-pack\); the aicluster verdict is PASS$/m);
    const soft = await check([".", "--stack", "dev", "--engine", "--policy-pack", "their-pack", "--soft-fail"], twin);
    expect(soft.code, soft.stderr).toBe(0);
  }, 300_000);

  describe.skipIf(missingYaml !== undefined)("on a YAML program", () => {
    it("gives its TypeScript twin's verdict, budgets, findings, years, costs and worst times", async () => {
      const dir = path.join(base, "yaml");
      fs.cpSync(path.join(ROOT, "examples", "yaml-campus"), dir, { recursive: true });
      // Its own backend: its project and stack are named as the twin's, so URNs match.
      const own = { PULUMI_BACKEND_URL: `file://${ownBackend("yaml")}` };
      const install = await pulumi(["plugin", "install", "resource", "aicluster", PACKAGE_VERSION, "--file", LAUNCHER, "--reinstall"], dir, own);
      expect(install.code, install.stderr).toBe(0);
      expect((await pulumi(["stack", "init", "dev"], dir, own)).code).toBe(0);
      const yaml = await check([".", "--stack", "dev", "--engine", "--policy-config", tightPue, "--format", "json"], dir, engineEnv(own));
      expect(yaml.code, yaml.stderr).toBe(1);
      const ts = await check([".", "--stack", "dev", "--policy-config", tightPue, "--format", "json"], twin);
      expect(ts.code, ts.stderr).toBe(1);
      expect(verdictBudgetsFindings(yaml.stdout)).toEqual(verdictBudgetsFindings(ts.stdout));
    }, 300_000);
  });

  describe.skipIf(missingPython !== undefined)("on a Python program", () => {
    it("gives its TypeScript twin's verdict, budgets, findings, years, costs and worst times", async () => {
      const dir = path.join(base, "python");
      fs.cpSync(path.join(ROOT, "examples", "python-campus"), dir, { recursive: true });
      fs.symlinkSync(path.join(TOOLS, "python"), path.join(dir, "venv"));
      const sdk = path.join(base, "pysdk");
      execFileSync(path.join(bin, "aicluster-gen-python-sdk"), [SCHEMA, path.join(sdk, "src")], { stdio: "pipe" });
      execFileSync(path.join(TOOLS, "python", "bin", "python"), ["-m", "pip", "install", "--quiet", "--disable-pip-version-check", "--no-deps", "--no-build-isolation", "--target", path.join(sdk, "site"), path.join(sdk, "src")], { stdio: "pipe", timeout: 120_000 });
      const own = { PULUMI_BACKEND_URL: `file://${ownBackend("python")}` };
      const install = await pulumi(["plugin", "install", "resource", "aicluster", PACKAGE_VERSION, "--file", LAUNCHER, "--reinstall"], dir, own);
      expect(install.code, install.stderr).toBe(0);
      expect((await pulumi(["stack", "init", "dev"], dir, own)).code).toBe(0);
      const pythonTwin = path.join(base, "ts-python");
      typescriptTwin(pythonTwin, "aicluster-python-campus");
      expect((await pulumi(["stack", "init", "dev"], pythonTwin)).code).toBe(0);
      const python = await check([".", "--stack", "dev", "--engine", "--policy-config", tightPue, "--format", "json"], dir, engineEnv({ ...own, PYTHONPATH: path.join(sdk, "site") }));
      expect(python.code, python.stderr).toBe(1);
      const ts = await check([".", "--stack", "dev", "--policy-config", tightPue, "--format", "json"], pythonTwin);
      expect(ts.code, ts.stderr).toBe(1);
      expect(verdictBudgetsFindings(python.stdout)).toEqual(verdictBudgetsFindings(ts.stdout));
    }, 400_000);
  });
});
