/**
 * The package as another repository gets it: `npm pack`, then a throwaway project outside the repository installs
 * the tarball (with @pulumi/pulumi and TypeScript from the npm cache), type-checks a program that uses only the
 * public entry points (`tsc --noEmit`, node16 resolution, so the exports map and its types are what is checked), and
 * runs it under Pulumi's mocks. Its figures must equal the repository's own.
 */
import { execFileSync, spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { RULES } from "../../policies/rules";
import { installMocks } from "../helpers/mocks";
import { expectRepositoryFigures } from "../helpers/consumerFigures";
import { junitSchemaErrors, sarifSchemaErrors } from "../helpers/schemas";
import { packTarball } from "../helpers/pack";
import { findEngine, offlineEngineEnv } from "../../scripts/realEngine";

const ROOT = path.resolve(__dirname, "../..");
const PROJECT = path.join(__dirname, "project");
const rootPackage = JSON.parse(fs.readFileSync(path.join(ROOT, "package.json"), "utf8"));
const devVersion = (name: string) => rootPackage.devDependencies[name] as string;
const run = (cmd: string, args: string[], cwd: string) => execFileSync(cmd, args, { cwd, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"], env: { ...process.env, npm_config_update_notifier: "false" } });

installMocks();

/** Inline link and image targets, and reference definitions, outside fenced code blocks and inline code. */
function markdownLinks(text: string): string[] {
  const prose = text.replace(/^(```|~~~)[\s\S]*?^\1/gm, "").replace(/`[^`\n]*`/g, "");
  const inline = [...prose.matchAll(/\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)/g)].map((m) => m[1]);
  const defined = [...prose.matchAll(/^ {0,3}\[[^\]]+\]:\s*<?(\S+?)>?(?:\s|$)/gm)].map((m) => m[1]);
  return [...inline, ...defined];
}

/** GitHub's heading anchors (lower case, punctuation dropped, spaces to hyphens), as test/docs.test.ts reads them. */
function headingAnchors(text: string): Set<string> {
  const slug = (heading: string) => heading.trim().toLowerCase().replace(/[^\p{L}\p{N} _-]/gu, "").replace(/ /g, "-");
  let fence = false;
  const out = new Set<string>();
  for (const line of text.split("\n")) {
    if (line.startsWith("```")) fence = !fence;
    else if (!fence && /^#{1,6} /.test(line)) out.add(slug(line.replace(/^#+ /, "")));
  }
  return out;
}

describe("the packed npm package in a consumer project", () => {
  let dir: string;
  let tarball: string;
  let files: string[];

  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "aicluster-consumer-"));
    ({ tarball, files } = packTarball(dir));
    const app = path.join(dir, "app");
    fs.mkdirSync(app);
    for (const f of ["index.ts", "tsconfig.json"]) fs.copyFileSync(path.join(PROJECT, f), path.join(app, f));
    fs.cpSync(path.join(PROJECT, "infra"), path.join(app, "infra"), { recursive: true });
    fs.writeFileSync(path.join(app, "package.json"), JSON.stringify({
      name: "aicluster-consumer", private: true, version: "0.0.0",
      dependencies: { "@pulumi/pulumi": devVersion("@pulumi/pulumi") },
      devDependencies: { typescript: devVersion("typescript"), "@types/node": devVersion("@types/node") },
    }, null, 2));
    // As README's install line says: the tarball in the project's root, installed by its relative path.
    fs.copyFileSync(tarball, path.join(app, path.basename(tarball)));
    run("npm", ["install", `./${path.basename(tarball)}`, "--prefer-offline", "--no-audit", "--no-fund", "--loglevel=error"], app);
    // npm pack builds dist/ (a tsc run, waiting for the shared pack lock when another file packs), then an npm install:
    // minutes on a loaded 2-core machine.
  }, 600_000);

  // Runs after a failed beforeAll too (vitest), so the folder goes whatever happened.
  afterAll(() => {
    // Two npm installs (the project's and the policy pack template's) take tens of seconds to remove on a loaded machine.
    if (dir && !process.env.AICLUSTER_KEEP_E2E) fs.rmSync(dir, { recursive: true, force: true });
  }, 180_000);

  it("holds compiled JS, types, the changelog and the readme, and no tests or TypeScript sources", () => {
    expect(files).toEqual(expect.arrayContaining(["package.json", "README.md", "CHANGELOG.md", "dist/components/index.js", "dist/components/index.d.ts", "dist/policies/api.d.ts"]));
    // TypeScript only in the policy pack template (a folder users copy), never the repository's stacks, tests or bench.
    expect(files.filter((f) => /(^|\/)test\/|\.test\.|(?<!\.d)\.ts$|^stacks\/|^plan\/|^bench\//.test(f) && !f.startsWith("policy-pack/"))).toEqual([]);
    expect(files).toEqual(expect.arrayContaining(["dist/plan/aicluster.js", "dist/report/html.js"]));
    // The engine mode's pack and the GitHub Action, usable from node_modules at the installed version.
    expect(files).toEqual(expect.arrayContaining(["engine-pack/index.js", "engine-pack/PulumiPolicy.yaml", "engine-pack/package.json", "dist/policies/engineRecord.js", "action.yml", "action/check.js", "action/comment.js", "action/lib.js"]));
    expect(files.filter((f) => f.startsWith("dist/stacks/"))).toEqual(["dist/stacks/stackName.d.ts", "dist/stacks/stackName.js"]);
    const manifest = JSON.parse(fs.readFileSync(path.join(dir, "app", "node_modules", "pulumi-aicluster", "package.json"), "utf8"));
    expect(manifest.version).toMatch(/^\d+\.\d+\.\d+(-[\w.]+)?$/);
    for (const entry of Object.values(manifest.exports) as ({ types: string; default: string } | string)[]) {
      for (const target of typeof entry === "string" ? [entry] : [entry.types, entry.default]) {
        expect(fs.existsSync(path.join(dir, "app", "node_modules", "pulumi-aicluster", target)), target).toBe(true);
      }
    }
  });

  it("has every relative Markdown link in its files resolve to a file in the tarball, and every anchor to a heading there", () => {
    const installed = path.join(dir, "app", "node_modules", "pulumi-aicluster");
    const shipped = new Set(files);
    const pages = files.filter((f) => f.endsWith(".md"));
    expect(pages).toEqual(expect.arrayContaining(["README.md", "CHANGELOG.md", "policy-pack/README.md", "docs/guide.md", "docs/ci.md", "docs/rules.md"]));
    const broken: string[] = [];
    let checked = 0;
    for (const page of pages) {
      for (const target of markdownLinks(fs.readFileSync(path.join(installed, page), "utf8"))) {
        if (/^[a-z][a-z0-9+.-]*:/i.test(target)) continue; // https:, mailto:
        const [file, anchor] = target.split("#");
        const resolved = file ? path.posix.normalize(path.posix.join(path.posix.dirname(page), decodeURI(file))) : page;
        checked++;
        if (!shipped.has(resolved)) broken.push(`${page}: ${target} (${resolved} is not in the tarball)`);
        else if (anchor && resolved.endsWith(".md") && !headingAnchors(fs.readFileSync(path.join(installed, resolved), "utf8")).has(anchor)) broken.push(`${page}: ${target} (no such heading in ${resolved})`);
      }
    }
    expect(broken).toEqual([]);
    expect(checked).toBeGreaterThan(30);
  });

  it("records the tarball in package.json as README's install line leaves it", () => {
    const manifest = JSON.parse(fs.readFileSync(path.join(dir, "app", "package.json"), "utf8"));
    expect(manifest.dependencies["pulumi-aicluster"]).toBe(`file:${path.basename(tarball)}`);
    expect(path.basename(tarball)).toBe(`pulumi-aicluster-${rootPackage.version}.tgz`);
    const readme = fs.readFileSync(path.join(ROOT, "README.md"), "utf8");
    expect(readme).toContain("npm install ./pulumi-aicluster-<version>.tgz @pulumi/pulumi");
  });

  it("installs, on this runtime, the @pulumi/pulumi README names for Node 20 (the devDependency pin), whose engines admit this runtime", () => {
    const readme = fs.readFileSync(path.join(ROOT, "README.md"), "utf8");
    expect(readme).toContain(`On Node 20, add \`@pulumi/pulumi@${devVersion("@pulumi/pulumi")}\``);
    const pulumi = JSON.parse(fs.readFileSync(path.join(dir, "app", "node_modules", "@pulumi", "pulumi", "package.json"), "utf8"));
    expect(pulumi.version).toBe(devVersion("@pulumi/pulumi"));
    const floor = /^>=\s*(\d+)$/.exec(pulumi.engines.node);
    expect(floor, `engines.node ${pulumi.engines.node}`).not.toBeNull();
    expect(Number(process.versions.node.split(".")[0])).toBeGreaterThanOrEqual(Number(floor![1]));
  });

  it("installs the policy pack template as its README says (copied beside the tarball, npm install), type-checks it and loads every rule", () => {
    const app = path.join(dir, "app");
    const pack = path.join(app, "aicluster-policy-pack");
    fs.cpSync(path.join(app, "node_modules", "pulumi-aicluster", "policy-pack"), pack, { recursive: true });
    run("npm", ["install", "--prefer-offline", "--no-audit", "--no-fund", "--loglevel=error"], pack);
    const installed = JSON.parse(fs.readFileSync(path.join(pack, "node_modules", "pulumi-aicluster", "package.json"), "utf8"));
    expect(installed.version).toBe(rootPackage.version);
    expect(JSON.parse(fs.readFileSync(path.join(pack, "package.json"), "utf8")).dependencies["pulumi-aicluster"]).toBe(`file:../${path.basename(tarball)}`);
    expect(() => run(process.execPath, [path.join(pack, "node_modules", "typescript", "bin", "tsc"), "--noEmit", "-p", "."], pack)).not.toThrow();
    const names = run(process.execPath, ["-e", 'console.log(JSON.stringify(require("pulumi-aicluster/policies/pack").STACK_POLICIES.map((p) => p.name)))'], pack);
    expect(JSON.parse(names)).toEqual(RULES.map((r) => r.name));
  }, 240_000);

  it("type-checks a program that uses the public API with tsc --noEmit", () => {
    const app = path.join(dir, "app");
    expect(() => run(path.join(app, "node_modules", ".bin", "tsc"), ["--noEmit", "-p", "."], app)).not.toThrow();
  });

  it("runs that program under mocks with the repository's own figures", async () => {
    const app = path.join(dir, "app");
    // Already type-checked above; emit only (TypeScript 5.5+ --noCheck).
    run(path.join(app, "node_modules", ".bin", "tsc"), ["-p", ".", "--noCheck"], app);
    const out = JSON.parse(run(process.execPath, [path.join("out", "index.js")], app).trim().split("\n").pop()!);
    await expectRepositoryFigures(out, "consumer-ref");
    expect(out.kwToMw).toBe(1.5);
    const { weatherYearOf } = await import("../../components/weather");
    const { catalog } = await import("../../components/catalog");
    expect(out.ohioWarmestDryBulbC).toBe(Math.max(...weatherYearOf(catalog.climates.get("central-ohio")).dryBulbC));
    expect(out.gb300BoardPowerW).toBeGreaterThan(1000);
    expect(out.campusFindings).toEqual({ "firm-power": "pass", "water-permit": "pass" });
    expect(out.mandatoryViolationOnCampusBudgets).toBe(false);
    expect(out.badInput).toMatch(/bad.*rackCount.*-1/s);
  });

  describe("npx aicluster check on the project's own Pulumi program (infra/: Pulumi.yaml, stack config, index.ts)", () => {
    const check = (args: string[], env: NodeJS.ProcessEnv = {}) => {
      const app = path.join(dir, "app");
      const r = spawnSync(path.join(app, "node_modules", ".bin", "aicluster"), ["check", "infra", ...args], {
        cwd: app, encoding: "utf8", env: { ...process.env, GITHUB_STEP_SUMMARY: "", ...env }, timeout: 120_000,
      });
      return { code: r.status, stdout: r.stdout, stderr: r.stderr };
    };
    const read = (...p: string[]) => fs.readFileSync(path.join(dir, "app", ...p), "utf8");
    const campusLine = () => read("infra", "index.ts").split("\n").findIndex((l) => l.includes("new Campus(")) + 1;

    it("passes within budget (exit 0) and writes the JSON report a later run compares with", () => {
      const r = check(["--stack", "dev", "--format", "json", "--out", "base.json"]);
      expect(r.code, r.stderr).toBe(0);
      const base = JSON.parse(read("base.json"));
      expect(base).toMatchObject({ schemaVersion: 1, project: "consumer-infra", stack: "dev", verdict: "pass" });
      expect(base.config["consumer-infra:racks"]).toBe("8");
    }, 120_000);

    it("fails a broken water permit (exit 1) in every format: SARIF and JUnit valid against their schemas, GitHub annotations on the program line, a Markdown diff against the baseline", async () => {
      const out = path.join(dir, "app", "out");
      fs.mkdirSync(out, { recursive: true });
      const summary = path.join(dir, "app", "summary.md");
      const r = check(["--stack", "dev", "--config", "racks=64", "--baseline", "base.json", "--format", "text,json,markdown,sarif,junit,github", "--output-dir", "out"], { GITHUB_STEP_SUMMARY: summary });
      expect(r.code, r.stderr).toBe(1);

      const sarif = JSON.parse(read("out", "aicluster-dev.sarif"));
      expect(sarifSchemaErrors(sarif)).toEqual([]);
      const water = sarif.runs[0].results.find((x: { ruleId: string }) => x.ruleId === "water-permit");
      expect(water.level).toBe("error");
      expect(water.locations[0].physicalLocation).toEqual({ artifactLocation: { uri: "infra/index.ts" }, region: { startLine: campusLine() } });

      const junit = read("out", "aicluster-dev.xml");
      expect(await junitSchemaErrors(junit)).toEqual([]);
      expect(junit).toMatch(/<testsuite name="water-permit" tests="\d+" failures="[1-9]/);

      expect(r.stdout).toMatch(new RegExp(`^::error file=infra/index\\.ts,line=${campusLine()},title=water-permit::`, "m"));
      const markdown = read("out", "aicluster-dev.md");
      expect(markdown.split("\n")[0]).toBe("<!-- aicluster-plan:consumer-infra/dev -->");
      expect(markdown).toMatch(/FAIL \(was PASS\)/);
      expect(markdown).toMatch(/\| [^|]*broken now \| water-permit \| annual water/);
      expect(read("summary.md")).toContain("<!-- aicluster-plan:consumer-infra/dev -->");
      const json = JSON.parse(read("out", "aicluster-dev.json"));
      expect(json.baseline.findings.new.some((f: { policy: string }) => f.policy === "water-permit")).toBe(true);
      expect(read("out", "aicluster-dev.txt")).toContain("Verdict: FAIL");
    }, 120_000);

    it("an exemption with a reason lets the broken permit pass (exit 0), shown in SARIF as a suppression; expired, it fails again", () => {
      const policy = path.join(dir, "app", "infra", "policy.json");
      const live = check(["--stack", "dev", "--config", "racks=64", "--policy-config", policy, "--today", "2027-06-30", "--format", "sarif"]);
      expect(live.code, live.stderr).toBe(0);
      const water = JSON.parse(live.stdout).runs[0].results.find((x: { ruleId: string }) => x.ruleId === "water-permit");
      expect(water.suppressions).toEqual([{ kind: "external", status: "accepted", justification: expect.stringContaining("second well permitted, until 2027-06-30") }]);
      const expired = check(["--stack", "dev", "--config", "racks=64", "--policy-config", policy, "--today", "2027-07-01"]);
      expect(expired.code, expired.stderr).toBe(1);
      expect(expired.stdout).toMatch(/exemption EXPIRED 2027-06-30 \(second well permitted\)/);
    }, 120_000);

    it("bad input exits 2 with one message: a stack without config missing a required key, a bad policy config key", () => {
      // As pulumi preview runs a new stack: the project's defaults only, said on stderr; the program's required key is then missing.
      const unknown = check(["--stack", "prod"]);
      expect(unknown.code).toBe(2);
      expect(unknown.stderr).toMatch(/^warning: no Pulumi\.prod\.yaml: stack "prod" runs with Pulumi\.yaml's config defaults and --config values only, as pulumi preview runs a new stack \(stacks with a config file: dev\)$/m);
      expect(unknown.stderr).toMatch(/^error: Missing required configuration variable 'consumer-infra:waterPermitM3PerYear'$/m);
      fs.writeFileSync(path.join(dir, "app", "bad-policy.json"), JSON.stringify({ "water-permit": { exemptions: [{ resource: "consumer" }] } }));
      const bad = check(["--stack", "dev", "--policy-config", "bad-policy.json"]);
      expect(bad.code).toBe(2);
      expect(bad.stderr).toMatch(/water-permit\.exemptions\[0\]\.reason/);
    }, 120_000);
  });

  // The engine mode from the installed package: its engine-pack/ loads the compiled rules from dist/.
  const engine = findEngine();
  if ("reason" in engine) console.warn(`\n*** SKIPPING aicluster check --engine from the packed tarball: ${engine.reason} ***\n`);
  describe.skipIf("reason" in engine)("npx aicluster check --engine from the packed tarball", () => {
    it("names the missing @pulumi/policy (exit 2), then with it previews infra/ under the engine: the mock mode's verdict and budgets", () => {
      const app = path.join(dir, "app");
      const env = offlineEngineEnv(path.join(dir, "engine-state"), [(engine as { bin: string }).bin], { GITHUB_STEP_SUMMARY: "", PULUMI_NODEJS_TRANSPILE_ONLY: "true" });
      const aicluster = (args: string[]) => {
        const r = spawnSync(path.join(app, "node_modules", ".bin", "aicluster"), ["check", "infra", "--stack", "dev", ...args], { cwd: app, encoding: "utf8", env, timeout: 300_000 });
        return { code: r.status, stdout: r.stdout, stderr: r.stderr };
      };
      const init = spawnSync(path.join((engine as { bin: string }).bin, "pulumi"), ["stack", "init", "dev", "--non-interactive"], { cwd: path.join(app, "infra"), encoding: "utf8", env });
      expect(init.status, init.stderr).toBe(0);
      const missing = aicluster(["--engine"]);
      expect(missing.code, missing.stderr).toBe(2);
      expect(missing.stderr.trim()).toBe("error: --engine: @pulumi/policy is not installed; the engine runs the aicluster policy pack with it: npm install --save-dev @pulumi/policy");

      run("npm", ["install", "--prefer-offline", "--no-audit", "--no-fund", "--loglevel=error", "--save-dev", `@pulumi/policy@${devVersion("@pulumi/policy")}`], app);
      const underEngine = aicluster(["--engine", "--format", "json"]);
      expect(underEngine.code, underEngine.stderr).toBe(0);
      const underMocks = aicluster(["--format", "json"]);
      expect(underMocks.code, underMocks.stderr).toBe(0);
      const pick = (json: string) => {
        const r = JSON.parse(json) as Record<string, unknown>;
        return { verdict: r.verdict, budgets: r.budgets, findings: r.findings, resourcesByType: r.resourcesByType };
      };
      expect(JSON.parse(underEngine.stdout).engine.previewSeconds).toBeGreaterThan(0);
      expect(pick(underEngine.stdout)).toEqual(pick(underMocks.stdout));
    }, 600_000);
  });
});
