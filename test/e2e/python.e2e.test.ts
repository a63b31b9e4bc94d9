/**
 * The component package from Python: examples/python-campus run by the real engine (CLI v3.207, the Python language
 * host v3.79 with the project's exec shim, pulumi from PyPI in .tools/python) through the `aicluster` plugin. The
 * program uses the Python SDK generated here from the plugin's schema (scripts/engine/cli/gen-python-sdk, Pulumi's
 * own Python code generator); campus_by_token.py is the same campus by type token, without an SDK. Both must deploy
 * (file backend, nothing in any cloud) with the policy pack to the outputs and resources the TypeScript components
 * give for the same args, and a bad input must fail with the component's named error and no Python traceback.
 * Skips, printing why, when any of those tools is missing (scripts/pulumi-cli.sh builds them; .ci/run does that first).
 */
import { execFileSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { CampusArgs } from "../../components/campus";
import { findEngine, findExecutable, ROOT, stageProject, Workspace } from "../../scripts/realEngine";
import { campusUnderMocks } from "../helpers/mocks";
import { installPlugin, missingPlugin, SCHEMA, timed, TOOLS } from "./componentPlugin";

const EXAMPLE = "examples/python-campus";
const POLICIES = path.join(ROOT, "policies");
const VENV = path.join(TOOLS, "python");
const OUTPUTS = ["gpuCount", "itLoadKw", "facilityPowerKw", "pue", "waterM3PerYear", "carbonTco2PerYear", "powerHeadroomMw"] as const;

const engine = findEngine();

function missingTools(): string | undefined {
  if ("reason" in engine) return engine.reason;
  for (const tool of ["pulumi-language-python", "pulumi-language-python-exec", "aicluster-gen-python-sdk"]) {
    if (!findExecutable(engine.bin, tool)) return `no ${tool} next to ${engine.bin}/pulumi or on PATH; build it with \`bash scripts/pulumi-cli.sh\``;
  }
  if (!fs.existsSync(path.join(VENV, "bin", "python"))) return `no Python virtual environment in ${path.relative(ROOT, VENV)}; create it with \`bash scripts/pulumi-cli.sh\``;
  return missingPlugin();
}
const missing = missingTools();
if (missing) console.warn(`\n*** SKIPPING the Python component-package tests: ${missing} ***\n`);

/** The args both Python programs declare (kept equal to examples/yaml-campus), as TypeScript would pass them. */
function exampleArgs(rackCount = 8): CampusArgs {
  return {
    location: "New Albany, Ohio",
    climate: "central-ohio",
    onlineYear: 2026,
    waterPermitM3PerYear: 50000,
    halls: [
      {
        name: "hall-a",
        racks: [{ name: "row-1", design: "gb300-nvl72", rackCount, supplyTempC: 40 }],
        cooling: { technology: "adiabatic", redundancy: "N+1" },
      },
    ],
    powerContracts: [
      { name: "grid", counterparty: "AEP Ohio", source: "grid-pjm-ohio", contractedMw: 2, firmFraction: 1 },
      { name: "gas", counterparty: "Genco", source: "gas-turbine", market: "behind-the-meter", contractedMw: 1, firmFraction: 1 },
    ],
  };
}

/** The same campus built by the TypeScript components under mocks: its outputs and resources by type. */
async function typescriptCampus(args: CampusArgs) {
  const { footprint, counts } = await campusUnderMocks(args);
  const f = footprint as unknown as Record<(typeof OUTPUTS)[number], number>;
  return { outputs: Object.fromEntries(OUTPUTS.map((k) => [k, f[k]])), counts };
}

describe.skipIf(missing !== undefined)("a Python program using the component package", () => {
  let ws: Workspace;
  let sdk: string;
  let env: Record<string, string>;

  beforeAll(async () => {
    // The SDK a user would generate from the schema, installed where only this workspace's runs import it.
    sdk = fs.mkdtempSync(path.join(os.tmpdir(), "aicluster-pysdk-"));
    execFileSync(path.join((engine as { bin: string }).bin, "aicluster-gen-python-sdk"), [SCHEMA, path.join(sdk, "src")], { stdio: "pipe" });
    execFileSync(
      path.join(VENV, "bin", "python"),
      ["-m", "pip", "install", "--quiet", "--disable-pip-version-check", "--no-deps", "--no-build-isolation", "--target", path.join(sdk, "site"), path.join(sdk, "src")],
      { stdio: "pipe", timeout: 120_000 },
    );
    env = { PYTHONPATH: path.join(sdk, "site") };
    ws = stageProject((engine as { bin: string }).bin, { program: EXAMPLE });
    // Pulumi.yaml names the virtual environment `venv`: the project's, with pulumi from PyPI.
    fs.symlinkSync(VENV, path.join(ws.dir, "venv"));
    await installPlugin(ws);
    for (const stack of ["dev", "token", "bad"]) {
      const init = await ws.pulumi(["stack", "init", stack]);
      expect(init.code, init.stderr).toBe(0);
    }
    // SDK generation, a pip install (up to 120 s on its own), a plugin install and three stack inits.
  }, 420_000);

  // The staged project and the installed SDK. Runs after a failed beforeAll too (vitest), so both go whatever happened.
  afterAll(() => {
    ws?.dispose();
    if (sdk && !process.env.AICLUSTER_KEEP_E2E) fs.rmSync(sdk, { recursive: true, force: true });
  }, 120_000);

  it("generates an SDK with the schema's names, integer counts and defaults", () => {
    const inputs = fs.readFileSync(path.join(sdk, "src", "pulumi_aicluster", "_inputs.py"), "utf8");
    expect(inputs).toMatch(/^class CampusHallArgs:/m);
    expect(inputs).not.toMatch(/ArgsArgs/);
    expect(inputs).toMatch(/rack_count: _builtins\.int\b/);
    expect(inputs).toMatch(/if supply_temp_c is None:\s+supply_temp_c = 35\b/);
    expect(inputs).toContain("Default: 35.");
  });

  async function deploysLikeTypeScript(stack: string) {
    const expected = await typescriptCampus(exampleArgs());
    const up = await ws.pulumi(["up", "-s", stack, "--yes", "--skip-preview", "--policy-pack", POLICIES], env);
    expect(up.code, up.stderr + up.stdout.slice(-3000)).toBe(0);
    // The policy pack sees the components the plugin registered, as for TypeScript and YAML.
    expect(up.stdout).toMatch(/location-based supply carbon intensity 473 gCO2e\/kWh \(operational basis\) exceeds the cap of 450 \(failing in 2026-2035\)/);
    expect(up.stdout + up.stderr).not.toMatch(/warning: using pulumi-resource-aicluster/);

    const outputs = await ws.pulumi(["stack", "output", "-s", stack, "--json"]);
    expect(outputs.code, outputs.stderr).toBe(0);
    expect(JSON.parse(outputs.stdout)).toEqual(expected.outputs);
    expect(expected.outputs.gpuCount).toBe(8 * 72);

    const exported = await ws.pulumi(["stack", "export", "-s", stack]);
    expect(exported.code, exported.stderr).toBe(0);
    const deployed: Record<string, number> = {};
    for (const r of (JSON.parse(exported.stdout) as { deployment: { resources: { type: string }[] } }).deployment.resources) {
      if (r.type.startsWith("aicluster:")) deployed[r.type] = (deployed[r.type] ?? 0) + 1;
    }
    expect(deployed).toEqual(expected.counts);
  }

  it("deploys through the generated SDK with the policy pack: TypeScript's outputs and resources", async () => {
    await deploysLikeTypeScript("dev");
    const preview = await timed(() => ws.pulumi(["preview", "-s", "dev"], env));
    expect(preview.result.code, preview.result.stderr).toBe(0);
    console.log(`preview of the example campus from Python (generated SDK, nothing to change): ${preview.seconds.toFixed(2)} s`);
  }, 180_000);

  it("deploys the same campus by type token, without an SDK", async () => {
    const project = path.join(ws.dir, "Pulumi.yaml");
    const original = fs.readFileSync(project, "utf8");
    fs.writeFileSync(project, original.replace(/^runtime:/m, "main: campus_by_token.py\nruntime:"));
    try {
      await deploysLikeTypeScript("token");
    } finally {
      fs.writeFileSync(project, original);
    }
  }, 180_000);

  it("fails with the component's own error, naming the field, the value and the range, and no traceback", async () => {
    const run = await ws.pulumi(["preview", "-s", "bad", "-c", "rackCount=-1"], env);
    const text = run.stdout + run.stderr;
    expect(run.code).not.toBe(0);
    expect(text).toContain(
      'aicluster:index:Campus "campus" has invalid args: halls[0].racks[0].rackCount = -1; allowed: a whole number from 1 to 100,000',
    );
    expect(text).not.toMatch(/Traceback|resource monitor shut down|KeyboardInterrupt|Program failed/);
  }, 60_000);
});
