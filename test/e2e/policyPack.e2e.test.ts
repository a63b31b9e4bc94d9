/**
 * The policy pack template as a user gets it, under the real engine: `npm pack`, the template folder copied out of the
 * repository with the tarball as its `pulumi-aicluster` and a fresh `npm install`, and a tiny TypeScript program that
 * installs the same tarball. `pulumi preview --policy-pack <that folder>` must fail, naming the policies, for a campus
 * short of firm power, and pass for one with enough; the generated policy-config.json must be accepted as it is, and
 * an edit to it must change the verdict. Skips, printing why, when no engine can be found (scripts/pulumi-cli.sh).
 */
import { execFileSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { findEngine, offlineEngineEnv, ROOT, Run, runPulumi } from "../../scripts/realEngine";
import { packTarball } from "../helpers/pack";

const engine = findEngine();
if ("reason" in engine) console.warn(`\n*** SKIPPING the policy pack template e2e tests: ${engine.reason} ***\n`);

const rootPackage = JSON.parse(fs.readFileSync(path.join(ROOT, "package.json"), "utf8")) as { dependencies: Record<string, string>; devDependencies: Record<string, string> };
const pinned = (name: string) => `^${rootPackage.dependencies[name] ?? rootPackage.devDependencies[name]}`;
const npm = (args: string[], cwd: string) =>
  execFileSync("npm", args, { cwd, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"], env: { ...process.env, npm_config_update_notifier: "false" } });
const install = (cwd: string) => npm(["install", "--prefer-offline", "--no-audit", "--no-fund", "--loglevel=error"], cwd);

/** A campus of 8 GB300 NVL72 racks (about 1.28 MW facility power in its peak hour, its air path's chillers included) with one grid contract of `contractedMw`. */
const PROGRAM = `import * as pulumi from "@pulumi/pulumi";
import { Campus } from "pulumi-aicluster";

const config = new pulumi.Config();
const campus = new Campus("site", {
  location: "Somewhere, Ohio",
  climate: "central-ohio",
  waterPermitM3PerYear: 10_000,
  halls: [{ name: "hall-a", racks: [{ name: "row-1", design: "gb300-nvl72", rackCount: 8, supplyTempC: 40 }], cooling: { technology: "adiabatic", redundancy: "N+1" } }],
  powerContracts: [{ name: "grid", counterparty: "AEP Ohio", source: "grid-pjm-ohio", contractedMw: config.requireNumber("contractedMw") }],
});
export const facilityPowerKw = campus.footprint.facilityPowerKw;
`;

describe.skipIf("reason" in engine)("the policy pack template under the real engine", () => {
  let dir: string;
  let pack: string;
  let program: string;
  let env: NodeJS.ProcessEnv;
  const started = Date.now();

  const pulumi = (args: string[]): Promise<Run> => runPulumi(args, program, env);

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "aicluster-pack-e2e-"));
    // Under the lock the other packing tests take: two `npm pack`s at once would rebuild dist/ under each other.
    const { tarball, files } = packTarball(dir);
    // The template the tarball ships is the one copied: what a user gets from node_modules/pulumi-aicluster/policy-pack.
    expect(files).toEqual(expect.arrayContaining(["policy-pack/index.ts", "policy-pack/package.json", "policy-pack/PulumiPolicy.yaml", "policy-pack/policy-config.json"]));

    pack = path.join(dir, "aicluster-policy-pack");
    fs.cpSync(path.join(ROOT, "policy-pack"), pack, { recursive: true });
    const manifest = JSON.parse(fs.readFileSync(path.join(pack, "package.json"), "utf8"));
    manifest.dependencies["pulumi-aicluster"] = `file:${tarball}`;
    fs.writeFileSync(path.join(pack, "package.json"), JSON.stringify(manifest, null, 2));
    install(pack);

    program = path.join(dir, "infra");
    fs.mkdirSync(program);
    fs.writeFileSync(path.join(program, "Pulumi.yaml"), "name: aicluster-pack-e2e\nruntime: nodejs\n");
    fs.writeFileSync(path.join(program, "index.ts"), PROGRAM);
    fs.writeFileSync(path.join(program, "tsconfig.json"), JSON.stringify({ compilerOptions: { strict: true, target: "es2022", module: "node16", moduleResolution: "node16", skipLibCheck: true }, files: ["index.ts"] }));
    fs.writeFileSync(
      path.join(program, "package.json"),
      JSON.stringify({
        name: "aicluster-pack-e2e", private: true, version: "0.0.0", main: "index.ts",
        dependencies: { "pulumi-aicluster": `file:${tarball}`, "@pulumi/pulumi": pinned("@pulumi/pulumi") },
        devDependencies: { typescript: pinned("typescript"), "ts-node": pinned("ts-node"), "@types/node": pinned("@types/node") },
      }, null, 2),
    );
    install(program);

    // The program is tiny and not under test; the pack is still type-checked by @pulumi/pulumi's policy runner.
    env = offlineEngineEnv(path.join(dir, ".state"), [(engine as { bin: string }).bin], { PULUMI_NODEJS_TRANSPILE_ONLY: "true" });
    for (const [stack, contractedMw] of [["enough", "2"], ["short", "0.5"]]) {
      const init = await pulumi(["stack", "init", stack]);
      expect(init.code, init.stderr).toBe(0);
      const set = await pulumi(["config", "set", "-s", stack, "contractedMw", contractedMw]);
      expect(set.code, set.stderr).toBe(0);
    }
    console.log(`policy pack e2e set-up (npm pack, two npm installs, two stacks): ${((Date.now() - started) / 1000).toFixed(1)} s`);
  }, 600_000);

  afterAll(() => {
    console.log(`policy pack e2e total: ${((Date.now() - started) / 1000).toFixed(1)} s`);
    if (dir && !process.env.AICLUSTER_KEEP_E2E) fs.rmSync(dir, { recursive: true, force: true });
    // Removing two npm installs takes tens of seconds on a loaded machine.
  }, 120_000);

  it("fails the preview of a campus short of firm power, naming the mandatory policies and the figures", async () => {
    const run = await pulumi(["preview", "-s", "short", "--policy-pack", pack]);
    const out = run.stdout + run.stderr;
    expect(run.code, out.slice(-3000)).not.toBe(0);
    expect(out).toMatch(/❌ aicluster@v\d+\.\d+\.\d+/);
    expect(out).toMatch(/\[mandatory\] \[severity: critical\]\s+firm-power\s+\(aicluster:index:Campus: site\)/);
    expect(out).toMatch(/site: peak-hour facility power 1\.28\d* MW \([^)]*\) \+ 10 % headroom = 1\.41\d* MW exceeds firm contracted capacity 0\.5 MW/);
    expect(out).toMatch(/\[mandatory\] \[severity: critical\]\s+energy-adequacy/);
  }, 300_000);

  it("passes the preview of the same campus with enough firm power", async () => {
    const run = await pulumi(["preview", "-s", "enough", "--policy-pack", pack]);
    const out = run.stdout + run.stderr;
    expect(run.code, out.slice(-3000)).toBe(0);
    expect(out).toMatch(/✅ aicluster@v\d+\.\d+\.\d+/);
    expect(out).toContain("aicluster:index:Campus site create");
    expect(out).not.toMatch(/\[mandatory\]/);
  }, 300_000);

  it("accepts the generated policy-config.json as it is, and an edit to it changes the verdict", async () => {
    const defaults = path.join(pack, "policy-config.json");
    const asIs = await pulumi(["preview", "-s", "enough", "--policy-pack", pack, "--policy-pack-config", defaults]);
    expect(asIs.code, (asIs.stdout + asIs.stderr).slice(-3000)).toBe(0);
    // 2 MW firm against 1.23 MW peak passes at 10 % headroom and fails at 70 % (1.23 × 1.7 = 2.1 MW).
    const config = JSON.parse(fs.readFileSync(defaults, "utf8"));
    config["firm-power"].headroomFraction = 0.7;
    const edited = path.join(dir, "policy-config.edited.json");
    fs.writeFileSync(edited, JSON.stringify(config, null, 2));
    const run = await pulumi(["preview", "-s", "enough", "--policy-pack", pack, "--policy-pack-config", edited]);
    const out = run.stdout + run.stderr;
    expect(run.code, out.slice(-3000)).not.toBe(0);
    expect(out).toMatch(/\+ 70 % headroom = 2\.\d+ MW exceeds firm contracted capacity 2 MW/);
  }, 300_000);
});
