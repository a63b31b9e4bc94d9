/**
 * The policy pack template (`policy-pack/`): its generated files are those the rules give today (so the README and the
 * config defaults cannot drift), its config is one the pack accepts, and it needs nothing of this repository's sources.
 */
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { describe, expect, it } from "vitest";
import { PolicyConfigError, resolvePackConfig } from "../policies/api";
import type { Rule } from "../policies/rule";
import { RULES } from "../policies/rules";
import { packageJson, policyConfig, readManifest, ROOT, staleFiles, tarballName, TEMPLATE_DIR, templateFiles } from "../scripts/policyPackTemplate";

const read = (file: string) => fs.readFileSync(path.join(TEMPLATE_DIR, file), "utf8");
const manifest = readManifest();

/** `^a.b.c` within a peer range `^x.y.z`: same major, not older. Other range forms fail loudly rather than pass. */
function caretWithin(range: string, peer: string): boolean {
  const parse = (r: string) => {
    const m = /^\^(\d+)\.(\d+)\.(\d+)$/.exec(r);
    if (!m) throw new Error(`expected a caret range ^x.y.z, got ${JSON.stringify(r)}`);
    return m.slice(1).map(Number);
  };
  const [a, b, c] = parse(range);
  const [x, y, z] = parse(peer);
  return a === x && (b > y || (b === y && c >= z));
}

describe("the policy pack template", () => {
  it("has its generated files up to date (run scripts/policyPackTemplate.ts after changing a rule)", () => {
    expect(staleFiles()).toEqual([]);
    const check = spawnSync(process.execPath, [path.join(ROOT, "node_modules", "ts-node", "dist", "bin.js"), "--transpile-only", "scripts/policyPackTemplate.ts", "--check"], { cwd: ROOT, encoding: "utf8" });
    expect(check.stderr).toBe("");
    expect(check.status).toBe(0);
  }, 60_000);

  it("reports stale files when a rule's default or description changes", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "aicluster-pack-template-"));
    try {
      for (const [file, text] of Object.entries(templateFiles())) fs.writeFileSync(path.join(dir, file), text);
      expect(staleFiles(templateFiles(), dir)).toEqual([]);
      const pueMax = RULES.find((r) => r.name === "pue-max")!;
      const changed: Rule<any> = { ...pueMax, description: "changed", configSchema: { ...pueMax.configSchema, maxPue: { ...pueMax.configSchema.maxPue, default: 1.25 } } };
      const files = templateFiles(RULES.map((r) => (r === pueMax ? changed : r)));
      expect(staleFiles(files, dir).sort()).toEqual(["README.md", "policy-config.json"]);
      expect(JSON.parse(files["policy-config.json"])["pue-max"].maxPue).toBe(1.25);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it("lists every rule with its level and every config key at its schema default, exemptions included", () => {
    const config = JSON.parse(read("policy-config.json")) as Record<string, Record<string, unknown>>;
    expect(Object.keys(config)).toEqual(RULES.map((r) => r.name));
    for (const rule of RULES) {
      expect(Object.keys(config[rule.name]), rule.name).toEqual(["enforcementLevel", ...Object.keys(rule.configSchema)]);
      expect(config[rule.name].enforcementLevel, rule.name).toBe(rule.enforcementLevel);
      for (const [key, value] of Object.entries(rule.defaults)) expect(config[rule.name][key], `${rule.name}.${key}`).toEqual(value);
      if ("exemptions" in rule.configSchema) expect(config[rule.name].exemptions, rule.name).toEqual([]);
    }
    expect(config["firm-power"]).toEqual({ enforcementLevel: "mandatory", headroomFraction: 0.1, exemptions: [] });
    expect(config["pue-max"].maxPue).toBe(1.3);
  });

  it("has a config the pack accepts as it is, and rejects when a value leaves its range", () => {
    const config = JSON.parse(read("policy-config.json"));
    const resolved = resolvePackConfig(config, RULES);
    expect(resolved.get("pue-max")).toMatchObject({ level: "mandatory", config: { maxPue: 1.3 } });
    expect(resolved.get("carbon")).toMatchObject({ level: "advisory" });
    expect(() => resolvePackConfig({ ...config, "pue-max": { ...config["pue-max"], maxPue: 0.5 } }, RULES)).toThrow(PolicyConfigError);
    expect(() => policyConfig([{ ...RULES[0], configSchema: { headroomFraction: { description: "no default" } } }])).toThrow(/firm-power\.headroomFraction has no default/);
  });

  it("documents every rule, its settings with defaults and ranges, exemptions, and the commands", () => {
    const readme = read("README.md");
    for (const rule of RULES) {
      expect(readme, rule.name).toContain(`### ${rule.name}\n\n${rule.description}`);
      expect(readme, rule.name).toContain(`Fix: ${rule.remediationSteps}`);
      for (const key of Object.keys(rule.configSchema)) expect(readme, `${rule.name}.${key}`).toContain(`\`${key}\``);
    }
    expect(readme).toContain("| `maxPue` | number | `1.3` | 1 to 3 |");
    expect(readme).toContain("| `maxUnservedHours` | whole number | `0` | 0 to 8,760 |");
    expect(readme).toContain('| `requiredRedundancy` | one of `"N"`, `"N+1"`, `"2N"` | `"N+1"` |');
    expect(readme).toContain("### `exemptions` (every rule)");
    expect(readme).toMatch(/\| `reason` \| yes \| string \|/);
    expect(readme).toMatch(/\| `expires` \| no \| date \(YYYY-MM-DD\) \|/);
    for (const command of ["npm install", "preview --policy-pack .", "--policy-pack-config policy-config.json", "pulumi policy publish", "pulumi policy enable <org>/aicluster latest --config policy-config.json"]) {
      expect(readme).toContain(command);
    }
  });

  it("depends on the package's tarball beside its folder (the package is on no registry), its peers within their ranges, and on nothing of this repository's sources", () => {
    const pkg = JSON.parse(read("package.json"));
    expect(pkg).toEqual(packageJson(manifest));
    // What `npm pack` writes in a clone's root, and what README's install line leaves in a user's repository root.
    expect(tarballName(manifest)).toBe(`pulumi-aicluster-${manifest.version}.tgz`);
    expect(tarballName({ name: "@acme/aicluster", version: "1.2.3" })).toBe("acme-aicluster-1.2.3.tgz");
    expect(pkg.dependencies[manifest.name]).toBe(`file:../pulumi-aicluster-${manifest.version}.tgz`);
    for (const peer of ["@pulumi/policy", "@pulumi/pulumi"]) expect(caretWithin(pkg.dependencies[peer], manifest.peerDependencies[peer]), peer).toBe(true);
    expect(Object.entries({ ...pkg.dependencies, ...pkg.devDependencies }).filter(([name, v]) => name !== manifest.name && /^(file:|link:|git|\.|\/)/.test(String(v)))).toEqual([]);
    const readme = read("README.md");
    expect(readme).toContain(`(\`file:../pulumi-aicluster-${manifest.version}.tgz\`)`);
    expect(readme).toContain(`[its README](../README.md#use-it-from-your-repo)`);
    expect(readme).not.toContain("npmjs.com");
    const index = read("index.ts");
    const specifiers = [...index.matchAll(/from\s+"([^"]+)"/g)].map((m) => m[1]);
    expect(specifiers).toEqual(["@pulumi/policy", `${manifest.name}/policies/pack`]);
    expect(index).toContain(`new PolicyPack("aicluster", { policies: STACK_POLICIES });`);
    expect(read("PulumiPolicy.yaml")).toMatch(/^runtime: nodejs$/m);
    expect(JSON.parse(read("tsconfig.json").replace(/^\s*\/\/.*$/gm, "")).files).toEqual(["index.ts"]);
  });

  it("is shipped in the npm package", () => {
    expect((manifest as unknown as { files: string[] }).files).toContain("policy-pack/");
  });
});
