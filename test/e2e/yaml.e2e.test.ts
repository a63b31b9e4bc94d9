/**
 * The component package from another language: examples/yaml-campus (Pulumi YAML) run by the real engine through
 * the `aicluster` plugin (provider/, compiled by scripts/engine/plugin.sh and installed into the workspace's plugin
 * cache). Its resources, figures, policy findings and bad-input error must be the ones the TypeScript components give
 * for the same args; its preview must take at most 1.5 times as long as the same campus from a TypeScript program,
 * and print no plugin warnings. Skips, printing why, without the engine, the YAML language host or the plugin
 * (scripts/pulumi-cli.sh builds all three; .ci/run does that first).
 */
import * as fs from "fs";
import * as path from "path";
import { load } from "js-yaml";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { CampusArgs } from "../../components/campus";
import { findEngine, findExecutable, ROOT, stageProject, Workspace } from "../../scripts/realEngine";
import { campusUnderMocks } from "../helpers/mocks";
import { installPlugin, missingPlugin, timed, TOOLS } from "./componentPlugin";

const EXAMPLE = "examples/yaml-campus";
const POLICIES = path.join(ROOT, "policies");

const engine = findEngine();

function missingTools(): string | undefined {
  if ("reason" in engine) return engine.reason;
  if (!findExecutable(engine.bin, "pulumi-language-yaml")) return `no pulumi-language-yaml next to ${engine.bin}/pulumi or on PATH; build it with \`bash scripts/pulumi-cli.sh\``;
  return missingPlugin();
}
const missing = missingTools();
if (missing) console.warn(`\n*** SKIPPING the YAML component-package tests: ${missing} ***\n`);

interface YamlProgram {
  config: Record<string, { default: unknown }>;
  resources: { campus: { type: string; properties: unknown } };
}

/** The campus args the YAML program declares, with its config defaults substituted, as TypeScript would pass them. */
function exampleArgs(overrides: Record<string, unknown> = {}): CampusArgs {
  const program = load(fs.readFileSync(path.join(ROOT, EXAMPLE, "Pulumi.yaml"), "utf8")) as YamlProgram;
  const config = { ...Object.fromEntries(Object.entries(program.config).map(([k, v]) => [k, v.default])), ...overrides };
  const substituted = JSON.stringify(program.resources.campus.properties).replace(/"\$\{(\w+)\}"/g, (_, key: string) => {
    if (!(key in config)) throw new Error(`${EXAMPLE}: no config "${key}"`);
    return JSON.stringify(config[key]);
  });
  return JSON.parse(substituted) as CampusArgs;
}

/** The same campus built by the TypeScript components under mocks: its footprint and resources by type. */
function typescriptCampus(args: CampusArgs) {
  return campusUnderMocks(args);
}

describe.skipIf(missing !== undefined)("a Pulumi YAML program using the component package", () => {
  let ws: Workspace;

  beforeAll(async () => {
    ws = stageProject((engine as { bin: string }).bin, { program: EXAMPLE });
    await installPlugin(ws);
    for (const stack of ["dev", "bad", "timing"]) {
      const init = await ws.pulumi(["stack", "init", stack]);
      expect(init.code, init.stderr).toBe(0);
    }
    // A plugin install and three stack inits, each a pulumi process start: a minute or more on a loaded machine.
  }, 180_000);

  // A staged project with the engine's state and plugins under it: more than vitest's 10 s default to remove on a
  // loaded machine. Runs after a failed beforeAll too (vitest), so the folder goes whatever happened.
  afterAll(() => ws?.dispose(), 120_000);

  it("deploys through the plugin with the policy pack: TypeScript's resources and figures, and its carbon finding", async () => {
    const expected = await typescriptCampus(exampleArgs());
    const up = await ws.pulumi(["up", "-s", "dev", "--yes", "--skip-preview", "--policy-pack", POLICIES]);
    expect(up.code, up.stderr + up.stdout.slice(-3000)).toBe(0);
    // The same policy pack sees the components the plugin registered: grid (416 g/kWh) and on-site gas (590), both operational (the default basis), shared
    // 2:1 by contracted MW, are above the carbon cap in every year.
    expect(up.stdout).toMatch(/location-based supply carbon intensity 473 gCO2e\/kWh \(operational basis\) exceeds the cap of 450 \(failing in 2026-2035\)/);

    const outputs = await ws.pulumi(["stack", "output", "-s", "dev", "--json"]);
    expect(outputs.code, outputs.stderr).toBe(0);
    const f = expected.footprint;
    expect(JSON.parse(outputs.stdout)).toEqual({
      gpuCount: f.gpuCount,
      itLoadKw: f.itLoadKw,
      facilityPowerKw: f.facilityPowerKw,
      pue: f.pue,
      waterM3PerYear: f.waterM3PerYear,
      carbonTco2PerYear: f.carbonTco2PerYear,
      powerHeadroomMw: f.powerHeadroomMw,
    });
    expect(f.gpuCount).toBe(8 * 72);

    const resources = await ws.pulumi(["stack", "export", "-s", "dev"]);
    const deployed: Record<string, number> = {};
    for (const r of (JSON.parse(resources.stdout) as { deployment: { resources: { type: string }[] } }).deployment.resources) {
      if (r.type.startsWith("aicluster:")) deployed[r.type] = (deployed[r.type] ?? 0) + 1;
    }
    expect(resources.code, resources.stderr).toBe(0);
    expect(deployed).toEqual(expected.counts);
  }, 120_000);

  it("previews within 1.5 times the time of the same campus from a TypeScript program, without plugin warnings", async () => {
    // The TypeScript program: the same args, the same compiled components the plugin runs, the same outputs. It runs
    // transpile-only (no type-check), the fastest a TypeScript program previews, so the bound is not a soft one.
    const ts = stageProject((engine as { bin: string }).bin, { program: EXAMPLE });
    try {
      fs.symlinkSync(path.join(ROOT, "node_modules"), path.join(ts.dir, "node_modules"));
      fs.writeFileSync(path.join(ts.dir, "Pulumi.yaml"), "name: aicluster-ts-campus\nruntime: nodejs\nmain: index.ts\n");
      const outputs = ["gpuCount", "itLoadKw", "facilityPowerKw", "pue", "waterM3PerYear", "carbonTco2PerYear", "powerHeadroomMw"];
      fs.writeFileSync(
        path.join(ts.dir, "index.ts"),
        [
          `const { Campus } = require(${JSON.stringify(path.join(TOOLS, "provider", "components"))});`,
          `const campus = new Campus("campus", ${JSON.stringify(exampleArgs())});`,
          ...outputs.map((o) => `export const ${o} = campus.${o};`),
        ].join("\n"),
      );
      const init = await ts.pulumi(["stack", "init", "timing"]);
      expect(init.code, init.stderr).toBe(0);
      const env = { PULUMI_NODEJS_TRANSPILE_ONLY: "true" };
      const yamlPreview = () => ws.pulumi(["preview", "-s", "timing"]);
      const tsPreview = () => ts.pulumi(["preview", "-s", "timing"], env);
      // One warm-up each (disk caches, the plugin's first start), then the faster of two alternating runs each.
      for (const warmUp of [yamlPreview, tsPreview]) {
        const run = await warmUp();
        expect(run.code, run.stderr + run.stdout).toBe(0);
      }
      const yamlSeconds: number[] = [];
      const tsSeconds: number[] = [];
      for (let round = 0; round < 2; round++) {
        const y = await timed(yamlPreview);
        const t = await timed(tsPreview);
        expect(y.result.code, y.result.stderr).toBe(0);
        expect(t.result.code, t.result.stderr).toBe(0);
        expect(y.result.stdout + y.result.stderr).not.toMatch(/warning/i);
        expect(y.result.stdout).toContain("+ 8 to create");
        expect(t.result.stdout).toContain("+ 8 to create");
        yamlSeconds.push(y.seconds);
        tsSeconds.push(t.seconds);
      }
      const yaml = Math.min(...yamlSeconds);
      const typescript = Math.min(...tsSeconds);
      console.log(`preview of the example campus: YAML ${yaml.toFixed(2)} s, TypeScript ${typescript.toFixed(2)} s (ratio ${(yaml / typescript).toFixed(2)})`);
      expect(yaml).toBeLessThanOrEqual(1.5 * typescript);
    } finally {
      ts.dispose();
    }
  }, 180_000);

  it("fails with the component's own error, naming the field, the value and the range", async () => {
    const run = await ws.pulumi(["preview", "-s", "bad", "-c", "rackCount=-1"]);
    expect(run.code).not.toBe(0);
    expect(run.stdout + run.stderr).toContain(
      'aicluster:index:Campus "campus" has invalid args: halls[0].racks[0].rackCount = -1; allowed: a whole number from 1 to 100,000',
    );
  }, 60_000);
});
