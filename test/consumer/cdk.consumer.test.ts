/**
 * The README's CDK example as another repository gets it (issue 23): `npm pack`, then a throwaway project outside the
 * repository installs the tarball with constructs and aws-cdk-lib (from the npm cache) and no @pulumi/pulumi,
 * compiles the example copied verbatim from docs/cdk.md (README's "Use it from a CDK app" links there) (tsc, strict, node16 resolution,
 * skipLibCheck off) and runs it: synthesis fails on the water permit with aicluster's message, and passes after the
 * fix the README names. Both outputs are printed.
 */
import { execFileSync, spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { packTarball } from "../helpers/pack";

const ROOT = path.resolve(__dirname, "..", "..");
const manifest = JSON.parse(fs.readFileSync(path.join(ROOT, "package.json"), "utf8")) as { devDependencies: Record<string, string> };
const devVersion = (name: string) => manifest.devDependencies[name];
const env = { ...process.env, npm_config_update_notifier: "false" };
const run = (cmd: string, args: string[], cwd: string) => execFileSync(cmd, args, { cwd, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"], env });

/** The CDK page's text (docs/cdk.md, which README's "Use it from a CDK app" links to) and its first TypeScript block. */
function readmeExample(): { section: string; code: string } {
  const readme = fs.readFileSync(path.join(ROOT, "README.md"), "utf8");
  expect(readme).toContain("### Use it from a CDK app\n");
  expect(readme).toContain("[docs/cdk.md](docs/cdk.md)");
  const section = fs.readFileSync(path.join(ROOT, "docs", "cdk.md"), "utf8");
  const code = /```ts\n([\s\S]*?)```/.exec(section)?.[1];
  expect(code, "a ```ts block in the section").toBeDefined();
  return { section, code: code! };
}

describe("the README's CDK app from the packed tarball", () => {
  let dir: string;
  let app: string;
  const { section, code } = readmeExample();

  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "aicluster-cdk-consumer-"));
    const { tarball } = packTarball(dir);
    app = path.join(dir, "app");
    fs.mkdirSync(app);
    fs.writeFileSync(path.join(app, "package.json"), JSON.stringify({
      name: "aicluster-cdk-consumer", private: true, version: "0.0.0",
      dependencies: { "pulumi-aicluster": `file:${tarball}`, constructs: devVersion("constructs"), "aws-cdk-lib": devVersion("aws-cdk-lib") },
      devDependencies: { typescript: devVersion("typescript"), "@types/node": devVersion("@types/node") },
    }, null, 2));
    fs.writeFileSync(path.join(app, "tsconfig.json"), JSON.stringify({
      compilerOptions: { strict: true, target: "es2022", module: "node16", moduleResolution: "node16", skipLibCheck: false, outDir: "out", types: ["node"] },
      files: ["app.ts"],
    }, null, 2));
    run("npm", ["install", "--prefer-offline", "--no-audit", "--no-fund", "--loglevel=error"], app);
    // npm pack (a tsc build, behind the shared pack lock) and an install of aws-cdk-lib: minutes on a loaded machine.
  }, 600_000);

  // Runs after a failed beforeAll too (vitest). aws-cdk-lib alone is tens of thousands of files: far beyond vitest's
  // 10 s default to remove on a loaded machine.
  afterAll(() => {
    if (dir && !process.env.AICLUSTER_KEEP_E2E) fs.rmSync(dir, { recursive: true, force: true });
  }, 180_000);

  /** Writes app.ts, compiles it (every error printed) and runs it with node. */
  function build(source: string): { code: number; stdout: string; stderr: string } {
    fs.writeFileSync(path.join(app, "app.ts"), source);
    const tsc = spawnSync(process.execPath, [path.join(app, "node_modules", "typescript", "bin", "tsc"), "-p", "."], { cwd: app, encoding: "utf8", env });
    expect(`${tsc.stdout}${tsc.stderr}`, "tsc, skipLibCheck off").toBe("");
    expect(tsc.status).toBe(0);
    // CDK_OUTDIR: where `cdk synth` tells the app to write (without it, App writes to a temporary folder).
    const node = spawnSync(process.execPath, [path.join("out", "app.js")], { cwd: app, encoding: "utf8", env: { ...env, CDK_OUTDIR: path.join(app, "cdk.out") } });
    return { code: node.status ?? -1, stdout: node.stdout, stderr: node.stderr };
  }

  it("installs without @pulumi/pulumi (an optional peer the constructs never load)", () => {
    expect(fs.existsSync(path.join(app, "node_modules", "pulumi-aicluster", "dist", "constructs", "index.js"))).toBe(true);
    expect(fs.existsSync(path.join(app, "node_modules", "@pulumi", "pulumi"))).toBe(false);
  });

  it("fails synthesis on the water permit with aicluster's message, as README shows, and synthesizes after the fix", () => {
    const failing = build(code);
    console.log(`--- README example, as written: exit ${failing.code}\nstdout:\n${failing.stdout}stderr (first lines):\n${failing.stderr.split("\n").slice(0, 8).join("\n")}`);
    expect(failing.code).not.toBe(0);
    const shown = /```\n(Validation failed with the following errors:\n[\s\S]*?)\n```/.exec(section)?.[1];
    expect(shown, "the failure README shows").toBeDefined();
    expect(failing.stderr).toContain(shown!);
    expect(shown).toMatch(/^Validation failed with the following errors:\n {2}\[Infra\/demo\] demo in 2026: annual water [\d.,]+ m³\/yr exceeds the water permit of 450 m³\/yr .*\. Fix: /);
    expect(failing.stdout).toMatch(/^demo: IT \d+ kW, PUE 1\.\d{3}, water \d+ m³\/yr\n$/);

    expect(section).toContain("Raise `waterPermitM3PerYear` to 600 and it synthesizes");
    expect(code).toContain("waterPermitM3PerYear: 450,");
    const fixed = build(code.replace("waterPermitM3PerYear: 450,", "waterPermitM3PerYear: 600,"));
    console.log(`--- README example with the fix (waterPermitM3PerYear: 600): exit ${fixed.code}\nstdout:\n${fixed.stdout}stderr:\n${fixed.stderr}`);
    expect(fixed.stderr).not.toMatch(/Validation failed/);
    expect(fixed.code).toBe(0);
    const template = JSON.parse(fs.readFileSync(path.join(app, "cdk.out", "Infra.template.json"), "utf8")) as { Resources: Record<string, { Type: string; Properties: { Tags: { Key: string; Value: string }[] } }> };
    const tags = Object.fromEntries(template.Resources.GpuNode.Properties.Tags.map((t) => [t.Key, t.Value]));
    console.log(`GpuNode tags in cdk.out/Infra.template.json: ${JSON.stringify(tags)}`);
    expect(tags).toEqual({
      "aicluster:campus": "demo", "aicluster:hall": "hall-a", "aicluster:rack-group": "h100-row", "aicluster:rack": "demo-hall-a-h100-row-r0001",
      "aicluster:accelerator": "h100-sxm", "aicluster:gpus": "8", "aicluster:it-kw": expect.stringMatching(/^\d+(\.\d+)?$/),
    });
  }, 240_000);
});
