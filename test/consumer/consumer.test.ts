/**
 * The package as another repository gets it: `npm pack`, then a throwaway project outside the repository installs
 * the tarball (with @pulumi/pulumi and TypeScript from the npm cache), type-checks a program that uses only the
 * public entry points (`tsc --noEmit`, node16 resolution, so the exports map and its types are what is checked), and
 * runs it under Pulumi's mocks. Its figures must equal the repository's own.
 */
import { execFileSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Campus } from "../../components";
import { installMocks, resolve } from "../helpers/mocks";

const ROOT = path.resolve(__dirname, "../..");
const PROJECT = path.join(__dirname, "project");
const rootPackage = JSON.parse(fs.readFileSync(path.join(ROOT, "package.json"), "utf8"));
const devVersion = (name: string) => rootPackage.devDependencies[name] as string;
const run = (cmd: string, args: string[], cwd: string) => execFileSync(cmd, args, { cwd, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"], env: { ...process.env, npm_config_update_notifier: "false" } });

installMocks();

describe("the packed npm package in a consumer project", () => {
  let dir: string;
  let tarball: string;
  let files: string[];

  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "aicluster-consumer-"));
    const packed = JSON.parse(run("npm", ["pack", "--json", "--pack-destination", dir], ROOT)) as { filename: string; files: { path: string }[] }[];
    tarball = path.join(dir, packed[0].filename);
    files = packed[0].files.map((f) => f.path).sort();
    const app = path.join(dir, "app");
    fs.mkdirSync(app);
    for (const f of ["index.ts", "tsconfig.json"]) fs.copyFileSync(path.join(PROJECT, f), path.join(app, f));
    fs.writeFileSync(path.join(app, "package.json"), JSON.stringify({
      name: "aicluster-consumer", private: true, version: "0.0.0",
      dependencies: { "pulumi-aicluster": `file:${tarball}`, "@pulumi/pulumi": devVersion("@pulumi/pulumi") },
      devDependencies: { typescript: devVersion("typescript"), "@types/node": devVersion("@types/node") },
    }, null, 2));
    run("npm", ["install", "--prefer-offline", "--no-audit", "--no-fund", "--loglevel=error"], app);
  }, 240_000);

  afterAll(() => {
    if (dir && !process.env.AICLUSTER_KEEP_E2E) fs.rmSync(dir, { recursive: true, force: true });
  });

  it("holds compiled JS, types, the changelog and the readme, and no tests or TypeScript sources", () => {
    expect(files).toEqual(expect.arrayContaining(["package.json", "README.md", "CHANGELOG.md", "dist/components/index.js", "dist/components/index.d.ts", "dist/policies/api.d.ts"]));
    expect(files.filter((f) => /(^|\/)test\/|\.test\.|(?<!\.d)\.ts$|^stacks\/|^plan\/|^bench\//.test(f))).toEqual([]);
    const manifest = JSON.parse(fs.readFileSync(path.join(dir, "app", "node_modules", "pulumi-aicluster", "package.json"), "utf8"));
    expect(manifest.version).toMatch(/^\d+\.\d+\.\d+(-[\w.]+)?$/);
    for (const entry of Object.values(manifest.exports) as ({ types: string; default: string } | string)[]) {
      for (const target of typeof entry === "string" ? [entry] : [entry.types, entry.default]) {
        expect(fs.existsSync(path.join(dir, "app", "node_modules", "pulumi-aicluster", target)), target).toBe(true);
      }
    }
  });

  it("type-checks a program that uses the public API with tsc --noEmit", () => {
    const app = path.join(dir, "app");
    expect(() => run(path.join(app, "node_modules", ".bin", "tsc"), ["--noEmit", "-p", "."], app)).not.toThrow();
  });

  it("runs that program under mocks with the repository's own figures", async () => {
    const app = path.join(dir, "app");
    // Already type-checked above; emit only (TypeScript 5.5+ --noCheck).
    run(path.join(app, "node_modules", ".bin", "tsc"), ["-p", ".", "--noCheck"], app);
    const out = JSON.parse(run(process.execPath, [path.join("out", "index.js")], app).trim().split("\n").pop()!);
    const mine = new Campus("consumer-ref", {
      location: "Somewhere, Ohio", climate: "central-ohio", waterPermitM3PerYear: 10_000,
      halls: [{ name: "hall-a", racks: [{ name: "row-1", design: "gb300-nvl72", rackCount: 8, supplyTempC: 40 }], cooling: { technology: "adiabatic", redundancy: "N+1" } }],
      powerContracts: [{ name: "grid", counterparty: "AEP Ohio", source: "grid-pjm-ohio", contractedMw: 2 }],
    });
    expect(out.gpuCount).toBe(576);
    expect(out.itLoadKw).toBe(mine.footprint.itLoadKw);
    expect(out.facilityPowerKw).toBe(mine.footprint.facilityPowerKw);
    expect(out.pue).toBe(await resolve(mine.pue));
    expect(out.waterM3PerYear).toBe(mine.footprint.waterM3PerYear);
    expect(out.kwToMw).toBe(1.5);
    expect(out.peakHour).toBe(mine.footprint.peakHour);
    const { weatherYearOf } = await import("../../components/weather");
    const { catalog } = await import("../../components/catalog");
    expect(out.ohioWarmestDryBulbC).toBe(Math.max(...weatherYearOf(catalog.climates.get("central-ohio")).dryBulbC));
    expect(out.gb300BoardPowerW).toBeGreaterThan(1000);
    expect(out.campusFindings).toEqual({ "firm-power": "pass", "water-permit": "pass" });
    expect(out.mandatoryViolationOnCampusBudgets).toBe(false);
    expect(out.badInput).toMatch(/bad.*rackCount.*-1/s);
  });
});
