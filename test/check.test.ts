/**
 * `aicluster check [dir] --stack <name>` on Pulumi projects that are not this repository: each a temporary folder with
 * its own Pulumi.yaml, stack config and program (importing the components by absolute path, with this repository's
 * node_modules linked in, so no pack or install is needed; the packed tarball is tested in test/consumer). Each run is
 * a child process, as a CI job would run the command.
 */
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CAMPUS_PROGRAM_HEAD, campusDeclaration } from "./helpers/campusProgram";

const ROOT = path.resolve(__dirname, "..");
const COMPONENTS = path.join(ROOT, "components");
let base = "";

interface Project {
  yaml?: string;
  stacks?: Record<string, string>;
  files: Record<string, string>;
}

/** A campus program: `racks` rack count and `permit` m³/year from config, one contract of 2 MW. */
const CAMPUS_PROGRAM = `${CAMPUS_PROGRAM_HEAD}
interface OnlyATypeSoLinesShiftWhenTranspiled {
  a: number;
}

${campusDeclaration("config")}export const facilityMw = campus.facilityPowerMw;
`;
const CAMPUS_LINE = CAMPUS_PROGRAM.split("\n").findIndex((l) => l.includes("new Campus(")) + 1;

const YAML = "name: mycampus\nruntime:\n  name: nodejs\n  options:\n    typescript: true\nconfig:\n  racks:\n    default: 8\n";

function project(name: string, p: Project): string {
  const dir = path.join(base, name);
  fs.mkdirSync(dir, { recursive: true });
  fs.symlinkSync(path.join(ROOT, "node_modules"), path.join(dir, "node_modules"));
  fs.writeFileSync(path.join(dir, "Pulumi.yaml"), p.yaml ?? YAML);
  for (const [stack, text] of Object.entries(p.stacks ?? { dev: "config:\n  mycampus:permit: 5000\n" })) fs.writeFileSync(path.join(dir, `Pulumi.${stack}.yaml`), text);
  for (const [file, text] of Object.entries(p.files)) {
    fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    fs.writeFileSync(path.join(dir, file), text);
  }
  return dir;
}

/** Runs the command as a CI job would (compiled TypeScript through ts-node's hook, as `npx ts-node` would). */
function aicluster(args: string[], cwd = base, env: NodeJS.ProcessEnv = {}) {
  const r = spawnSync(process.execPath, ["-r", require.resolve("ts-node/register/transpile-only"), path.join(ROOT, "plan/aicluster.ts"), ...args], {
    cwd, encoding: "utf8", env: { ...process.env, GITHUB_STEP_SUMMARY: "", TS_NODE_PROJECT: path.join(ROOT, "tsconfig.json"), ...env }, timeout: 120_000,
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

beforeAll(() => {
  base = fs.mkdtempSync(path.join(os.tmpdir(), "aicluster-check-"));
  project("passing", { files: { "index.ts": CAMPUS_PROGRAM } });
  project("failing", { stacks: { dev: "config:\n  mycampus:permit: 5\n", prod: "config:\n  permit: 5000\n  racks: 4\n" }, files: { "index.ts": CAMPUS_PROGRAM } });
  project("js-main", {
    yaml: "name: jsproj\nruntime: nodejs\nmain: src/\n",
    stacks: { dev: "config: {}\n" },
    files: {
      "src/package.json": JSON.stringify({ main: "program.js" }),
      "src/program.js": `const { Campus } = require(${JSON.stringify(COMPONENTS)});\nmodule.exports = async () => {\n  const c = new Campus("js-campus", { location: "x", climate: "north-louisiana", halls: [{ name: "h", racks: [{ name: "r", design: "gb300-nvl72", rackCount: 2, supplyTempC: 45 }], cooling: { technology: "adiabatic" } }], powerContracts: [{ name: "g", counterparty: "Entergy", source: "grid-miso-louisiana", contractedMw: 1 }] });\n  return { gpus: c.gpuCount };\n};\n`,
    },
  });
  project("bad-arg", { files: { "index.ts": CAMPUS_PROGRAM.replace('config.requireNumber("racks")', "-3") } });
  project("crash", { files: { "index.ts": "const x: any = undefined;\nexport const y = x.boom;\n" } });
  project("python", { yaml: "name: py\nruntime: python\n", files: { "__main__.py": "" } });
  project("esm-tla", { yaml: "name: esm\nruntime: nodejs\nmain: index.mjs\n", files: { "index.mjs": "await Promise.resolve();\nexport const a = 1;\n" } });
  project("no-name", { yaml: "runtime: nodejs\n", files: { "index.js": "" } });
  project("bad-yaml", { yaml: "name: [unclosed\nruntime: nodejs\n", files: { "index.js": "" } });
  project("structured-default", {
    yaml: "name: sd\nruntime: nodejs\nconfig:\n  racks:\n    type: array\n    default: [1, 2]\n",
    files: { "index.js": 'const pulumi = require("@pulumi/pulumi");\nexports.racks = new pulumi.Config().requireObject("racks").length;\n' },
  });
  project("config-list", { yaml: "name: cl\nruntime: nodejs\n", stacks: { dev: "config:\n  - a\n  - b\n" }, files: { "index.js": "" } });
  project("outside-main", { yaml: "name: outside\nruntime: nodejs\nmain: ../passing/index.ts\n", files: {} });
  project("no-main", { yaml: "name: nomain\nruntime: nodejs\nmain: missing.ts\n", files: {} });
}, 30_000);

afterAll(() => {
  if (base) fs.rmSync(base, { recursive: true, force: true });
});

describe("aicluster check on another project's program", () => {
  it("passes a program within its budgets: exit 0, the project's config and outputs in the report", () => {
    const r = aicluster(["check", "passing", "--stack", "dev"]);
    expect(r.stderr).not.toMatch(/error/i);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Plan of stack "dev" (project mycampus)');
    // Pulumi.yaml's default (racks: 8) and the stack's value, both under the project's namespace.
    expect(r.stdout).toMatch(/mycampus:racks=8/);
    expect(r.stdout).toMatch(/mycampus:permit=5000/);
    // 8 GB300 NVL72 racks: 576 GPUs; the exported resource is shown as its URN.
    expect(r.stdout).toContain("576");
    expect(r.stdout).toContain("urn:pulumi:dev::mycampus::aicluster:index:Campus::my-campus");
    expect(r.stdout).toContain("Verdict: PASS");
  }, 120_000);

  it("fails a broken budget with exit 1, and the SARIF result points at the program line that created the campus", () => {
    const out = path.join(base, "out-failing");
    fs.mkdirSync(out);
    const r = aicluster(["check", path.join(base, "failing"), "-s", "dev", "--format", "sarif,json,github", "--output-dir", out]);
    expect(r.code, r.stderr).toBe(1);
    const sarif = JSON.parse(fs.readFileSync(path.join(out, "aicluster-dev.sarif"), "utf8"));
    const water = sarif.runs[0].results.find((x: { ruleId: string }) => x.ruleId === "water-permit");
    expect(water.level).toBe("error");
    const location = water.locations[0].physicalLocation;
    expect(location.artifactLocation.uri).toMatch(/(^|\/)failing\/index\.ts$/);
    expect(location.region.startLine).toBe(CAMPUS_LINE);
    expect(r.stdout).toMatch(new RegExp(`::error file=[^,]*failing/index\\.ts,line=${CAMPUS_LINE},title=water-permit::`));
    const json = JSON.parse(fs.readFileSync(path.join(out, "aicluster-dev.json"), "utf8"));
    expect(json.schemaVersion).toBe(1);
    expect(json.project).toBe("mycampus");
    expect(json.verdict).toBe("fail");
  }, 120_000);

  it("reads un-namespaced stack config keys as the project's, and --config overrides them", () => {
    const r = aicluster(["check", "failing", "--stack", "prod", "--config", "racks=2"]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/mycampus:racks=2/);
    expect(r.stdout).toContain("144"); // 2 racks × 72 GPUs
  }, 120_000);

  it("runs a JavaScript program from a main folder's package.json, calling its exported function for the outputs", () => {
    const r = aicluster(["check", "js-main", "--stack", "dev", "--format", "json"]);
    expect(r.code, r.stderr).toBe(0);
    const json = JSON.parse(r.stdout);
    expect(json.outputs).toEqual({ gpus: 144 });
  }, 120_000);

  it("hands the program a structured project config default as pulumi preview does (requireObject reads it)", () => {
    const r = aicluster(["check", "structured-default", "--stack", "dev", "--format", "json"]);
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout).outputs).toEqual({ racks: 2 });
    expect(r.stderr).toMatch(/^note: the program registered no aicluster resources \(0 resources of other types\)/);
  }, 120_000);
});

describe("aicluster check: bad input exits 2 with one message, a crash exits 3", () => {
  const cases: { name: string; args: string[]; code: number; message: RegExp }[] = [
    { name: "no --stack", args: ["check", "passing"], code: 2, message: /--stack: name the stack to check/ },
    { name: "a stack without a config file runs on the defaults, says so and lists the stacks there are; a required key then missing is exit 2", args: ["check", "failing", "--stack", "qa"], code: 2, message: /^warning: no Pulumi\.qa\.yaml: stack "qa" runs with Pulumi\.yaml's config defaults and --config values only, as pulumi preview runs a new stack \(stacks with a config file: dev, prod\)\nerror: Missing required configuration variable 'mycampus:permit'\n  please set a value/ },
    { name: "a folder without Pulumi.yaml", args: ["check", ".", "--stack", "dev"], code: 2, message: /no Pulumi\.yaml/ },
    { name: "a folder that does not exist", args: ["check", "nowhere", "--stack", "dev"], code: 2, message: /project folder nowhere: does not exist/ },
    { name: "a Python project", args: ["check", "python", "--stack", "dev"], code: 2, message: /runtime = "python"; allowed: nodejs/ },
    { name: "an ES module with top-level await", args: ["check", "esm-tla", "--stack", "dev"], code: 2, message: /index\.mjs: an ES module with top-level await; allowed: a CommonJS program/ },
    { name: "Pulumi.yaml without a name", args: ["check", "no-name", "--stack", "dev"], code: 2, message: /Pulumi\.yaml: name = missing; allowed: a project name/ },
    { name: "Pulumi.yaml that is not YAML", args: ["check", "bad-yaml", "--stack", "dev"], code: 2, message: /cannot read .*Pulumi\.yaml: invalid YAML at line \d+, column \d+/ },
    { name: "a stack config section that is a list", args: ["check", "config-list", "--stack", "dev"], code: 2, message: /Pulumi\.dev\.yaml: config = \["a","b"\]; allowed: a map of config keys/ },
    { name: "main outside the project folder", args: ["check", "outside-main", "--stack", "dev"], code: 2, message: /main = "\.\.\/passing\/index\.ts"; allowed: a path inside the project folder/ },
    { name: "main that does not exist", args: ["check", "no-main", "--stack", "dev"], code: 2, message: /main = "missing\.ts"; it does not exist/ },
    { name: "a required config key missing", args: ["check", "passing", "--stack", "dev", "--config", "permit="], code: 2, message: /permit/ },
    { name: "a component arg out of range", args: ["check", "bad-arg", "--stack", "dev"], code: 2, message: /Campus "my-campus" has invalid args: .*rackCount = -3/ },
    { name: "an unknown command", args: ["plan"], code: 2, message: /unknown command "plan"; allowed: check/ },
    { name: "a program that throws", args: ["check", "crash", "--stack", "dev"], code: 3, message: /TypeError/ },
  ];
  it.each(cases)("$name", ({ args, code, message }) => {
    if (args[1] && args[1] !== "." && !args[1].startsWith("-") && fs.existsSync(path.join(base, args[1]))) {
      const stacks = path.join(base, args[1]);
      if (!fs.readdirSync(stacks).some((f) => f.startsWith("Pulumi.dev."))) fs.writeFileSync(path.join(stacks, "Pulumi.dev.yaml"), "config: {}\n");
    }
    const r = aicluster(args);
    expect(r.code, r.stderr).toBe(code);
    expect(r.stderr).toMatch(message);
    if (code === 2) {
      expect(r.stderr.split("\n").filter((l) => l.startsWith("error: "))).toHaveLength(1);
      expect(r.stderr).not.toMatch(/\n\s+at /); // no stack trace
    }
  }, 120_000);
});
