/**
 * Triage as CI users expect (issue 33): `all` in the policy config sets every rule's enforcement level, as CrossGuard
 * packs allow (a rule's own level wins); `--soft-fail` exits 0 whenever the check completes (findings still reported
 * in every format, errors keep exit 2 and 3); `--fail-on advisory` exits 1 on any violation not exempted. Unit tests
 * of the config and option parsing and the exit decision, then the command lines: `aicluster check` in a child process
 * on a passing and a failing campus, and `npm run plan` (its main, in process) on this repository's stacks.
 */
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { main as planMain } from "../plan/cli";
import { verdictExit } from "../plan/check";
import { parseOptions, UsageError } from "../plan/options";
import { readPolicyConfigFile } from "../plan/policyConfigFile";
import { PolicyConfigError, resolvePackConfig } from "../policies/config";
import { EnforcedFinding, enforcementOf, PackConfig } from "../policies/evaluate";
import { RULES } from "../policies/rules";
import { tempFolderForFile } from "./helpers/tempFolder";
import { CAMPUS_PROGRAM_HEAD, campusDeclaration } from "./helpers/campusProgram";

const ROOT = path.resolve(__dirname, "..");
const RULE_LIST = RULES.map((r) => r.name).join(", ");
const ALL_ALLOWED = 'an enforcement level (one of advisory, mandatory, remediate, disabled (lower case)) or {"enforcementLevel": <level>}, which sets every rule\'s level (a rule\'s own entry wins)';
const base = tempFolderForFile("triage");

const levels = (config: unknown) => Object.fromEntries([...resolvePackConfig(config, RULES)].map(([name, r]) => [name, r.level]));
const defaults = Object.fromEntries(RULES.map((r) => [r.name, r.enforcementLevel]));
const every = (level: string) => Object.fromEntries(RULES.map((r) => [r.name, level]));

function messageOf(fn: () => unknown): string {
  try {
    fn();
  } catch (e) {
    return (e as Error).message;
  }
  throw new Error("expected an error");
}

function write(name: string, text: string): string {
  const file = path.join(base(), name);
  fs.writeFileSync(file, text);
  return file;
}


describe('policy config: "all" sets every rule\'s level, as CrossGuard packs allow', () => {
  it("a level alone or {enforcementLevel} under all sets every rule; without all each keeps its default", () => {
    expect(RULES.some((r) => r.enforcementLevel === "mandatory") && RULES.some((r) => r.enforcementLevel === "advisory")).toBe(true);
    expect(levels({})).toEqual(defaults);
    expect(levels({ all: "advisory" })).toEqual(every("advisory"));
    expect(levels({ all: { enforcementLevel: "advisory" } })).toEqual(every("advisory"));
    expect(levels({ all: "mandatory" })).toEqual(every("mandatory"));
    expect(levels({ all: "disabled" })).toEqual(every("disabled"));
    // An object without a level sets nothing, as in Pulumi.
    expect(levels({ all: {} })).toEqual(defaults);
  });

  it("a rule's own level wins over all, given as a string or as enforcementLevel; an entry of settings only keeps all's level", () => {
    expect(levels({ all: "advisory", "water-permit": "mandatory" })).toEqual({ ...every("advisory"), "water-permit": "mandatory" });
    expect(levels({ "pue-max": { enforcementLevel: "disabled" }, all: { enforcementLevel: "mandatory" } })).toEqual({ ...every("mandatory"), "pue-max": "disabled" });
    const resolved = resolvePackConfig({ all: "advisory", "pue-max": { maxPue: 1.2 } }, RULES);
    expect(resolved.get("pue-max")).toMatchObject({ level: "advisory", config: { maxPue: 1.2 } });
    expect(enforcementOf(RULES.find((r) => r.name === "water-permit")!, { all: "advisory" })).toBe("advisory");
    expect(enforcementOf(RULES.find((r) => r.name === "water-permit")!, { all: "advisory", "water-permit": "remediate" })).toBe("remediate");
    expect(enforcementOf(RULES.find((r) => r.name === "carbon")!, {})).toBe("advisory");
  });

  it("a bad value under all is refused naming all, the value (or from a file its kind) and what is allowed", () => {
    expect(() => resolvePackConfig({ all: "warn" }, RULES)).toThrow(PolicyConfigError);
    expect(messageOf(() => resolvePackConfig({ all: "Advisory" }, RULES))).toBe(`policy config: all = "Advisory"; allowed: ${ALL_ALLOWED} (did you mean "advisory"?)`);
    expect(messageOf(() => resolvePackConfig({ all: 5 }, RULES, "p.json", false))).toBe(`p.json: all = a number; allowed: ${ALL_ALLOWED}`);
    expect(messageOf(() => resolvePackConfig({ all: ["advisory"] }, RULES, "p.json", false))).toBe(`p.json: all = a list of 1; allowed: ${ALL_ALLOWED}`);
    expect(messageOf(() => resolvePackConfig({ all: { enforcementLevel: true } }, RULES, "p.json", false))).toBe(
      "p.json: all.enforcementLevel = a boolean; allowed: one of advisory, mandatory, remediate, disabled (lower case)",
    );
    expect(messageOf(() => resolvePackConfig({ all: { enforcementLevel: "advisory", maxPue: 1.2 } }, RULES))).toBe(
      "policy config: all.maxPue = 1.2; allowed: no such setting; all takes only enforcementLevel (a rule's settings and exemptions go under the rule's own name)",
    );
    // A typo of all is an unknown rule that says so.
    expect(messageOf(() => resolvePackConfig({ al: "advisory" }, RULES))).toBe(`policy config: al = "advisory"; allowed: no such rule (did you mean "all"?); rules: ${RULE_LIST}`);
  });

  it("--policy-config reads all from a file, and a bad one is refused by kind, never by value", () => {
    expect(readPolicyConfigFile(write("all.json", '{"all": {"enforcementLevel": "advisory"}, "water-permit": "mandatory"}'))).toEqual({ all: { enforcementLevel: "advisory" }, "water-permit": "mandatory" });
    const file = write("all-secret.json", '{"all": "hunter2-secret"}');
    const message = messageOf(() => readPolicyConfigFile(file));
    expect(message).toBe(`--policy-config ${file}: all = a string; allowed: ${ALL_ALLOWED}`);
    expect(message).not.toContain("hunter2");
  });
});

describe("--soft-fail and --fail-on: parsing", () => {
  const plan = (...args: string[]) => parseOptions(["prometheus", ...args]);
  const usage = (...args: string[]) => {
    try {
      plan(...args);
    } catch (e) {
      expect(e).toBeInstanceOf(UsageError);
      return (e as Error).message;
    }
    throw new Error("expected a usage error");
  };

  it("are off by default and parsed for npm run plan and aicluster check alike", () => {
    expect([plan().softFail, plan().failOn]).toEqual([undefined, undefined]);
    expect(plan("--soft-fail").softFail).toBe(true);
    expect(plan("--fail-on", "advisory").failOn).toBe("advisory");
    expect(plan("--fail-on=mandatory").failOn).toBe("mandatory");
    expect(parseOptions(["infra", "--stack", "dev", "--soft-fail"], "check").softFail).toBe(true);
    expect(parseOptions(["infra", "--stack", "dev", "--fail-on", "advisory"], "check").failOn).toBe("advisory");
  });

  it("refuse a bad level, a value to the flag, a repeat and the two together, each naming what is allowed", () => {
    expect(usage("--fail-on", "warning")).toBe("--fail-on warning: allowed mandatory (the default: exit 1 on a mandatory violation) or advisory (exit 1 on any violation, advisory ones included)");
    expect(usage("--fail-on", "Advisory")).toMatch(/^--fail-on Advisory: allowed mandatory/);
    expect(usage("--fail-on")).toBe("--fail-on needs a value");
    expect(usage("--soft-fail=true")).toBe("--soft-fail takes no value");
    expect(usage("--soft-fail", "--soft-fail")).toBe("--soft-fail given twice; allowed once");
    expect(usage("--soft-fail", "--fail-on", "advisory")).toBe("--soft-fail: not with --fail-on advisory (--soft-fail exits 0 whatever the findings; --fail-on chooses which violations exit 1)");
    expect(usage("--fail-on", "mandatory", "--soft-fail")).toBe("--soft-fail: not with --fail-on mandatory (--soft-fail exits 0 whatever the findings; --fail-on chooses which violations exit 1)");
  });
});

describe("the exit code of a completed check", () => {
  const finding = (policy: string, level: EnforcedFinding["enforcementLevel"], status: EnforcedFinding["status"] = "violation", exempted = false): EnforcedFinding => ({
    policy, status, enforcementLevel: level, resourceUrn: `urn:${policy}`, resourceName: policy, message: "", remediation: "",
    ...(exempted ? { exemption: { resource: policy, reason: "r", state: "applied" } as unknown as EnforcedFinding["exemption"] } : {}),
  });
  const mandatory = finding("water-permit", "mandatory");
  const remediate = finding("pue-max", "remediate");
  const advisory = finding("carbon", "advisory");
  const passing = finding("wue-max", "mandatory", "pass");
  const exemptedAdvisory = finding("carbon", "advisory", "violation", true);
  const exemptedMandatory = finding("water-permit", "mandatory", "violation", true);

  it("defaults to --fail-on mandatory: 1 on a blocking violation (mandatory or remediate) not exempted, else 0", () => {
    expect(verdictExit([passing, advisory, exemptedMandatory], {})).toEqual({ code: 0 });
    expect(verdictExit([passing, mandatory], {})).toEqual({ code: 1 });
    expect(verdictExit([remediate], { failOn: "mandatory" })).toEqual({ code: 1 });
  });

  it("--fail-on advisory: 1 on any violation not exempted, saying why when the verdict is PASS", () => {
    expect(verdictExit([passing, advisory, advisory], { failOn: "advisory" })).toEqual({ code: 1, note: "--fail-on advisory: exit 1 for 2 advisory violations (carbon); the verdict on the mandatory budgets is PASS" });
    expect(verdictExit([mandatory, advisory], { failOn: "advisory" })).toEqual({ code: 1 });
    expect(verdictExit([passing, exemptedAdvisory, exemptedMandatory], { failOn: "advisory" })).toEqual({ code: 0 });
  });

  it("--soft-fail: 0 whatever the findings, saying so when the verdict is FAIL", () => {
    expect(verdictExit([mandatory, remediate, advisory], { softFail: true })).toEqual({ code: 0, note: "--soft-fail: exit 0 with the verdict FAIL, 2 mandatory violations (water-permit, pue-max)" });
    expect(verdictExit([advisory, passing], { softFail: true })).toEqual({ code: 0 });
  });

  it("--fail-on-new: only violations without a partner in the baseline count, paired by policy, URN and budget as multisets", () => {
    const known = [{ policy: "water-permit", resourceUrn: "urn:water-permit" }];
    // The known mandatory violation no longer fails; the verdict is still FAIL and stderr says why the exit is 0.
    expect(verdictExit([mandatory, advisory], {}, known)).toEqual({ code: 0, note: "--fail-on-new: exit 0 with 1 mandatory violation (water-permit), all in the baseline (verdict FAIL)" });
    // A new one fails, and the known ones are counted beside it.
    expect(verdictExit([mandatory, remediate], {}, known)).toEqual({ code: 1, note: "--fail-on-new: exit 1 for 1 new mandatory violation (pue-max); 1 more is in the baseline" });
    // Two of one fingerprint against one in the baseline: one of them is new.
    expect(verdictExit([mandatory, { ...mandatory }], {}, known)).toEqual({ code: 1, note: "--fail-on-new: exit 1 for 1 new mandatory violation (water-permit); 1 more is in the baseline" });
    // Another budget of the same policy and resource is another finding.
    expect(verdictExit([{ ...mandatory, budget: "2030" }], {}, known).code).toBe(1);
    // An empty baseline makes every violation new: the plain exit, no note.
    expect(verdictExit([mandatory], {}, [])).toEqual({ code: 1 });
    expect(verdictExit([passing, advisory], {}, [])).toEqual({ code: 0 });
    // With --fail-on advisory, a new advisory violation fails too; a known one does not.
    expect(verdictExit([advisory], { failOn: "advisory" }, [])).toEqual({ code: 1 });
    expect(verdictExit([advisory], { failOn: "advisory" }, [{ policy: "carbon", resourceUrn: "urn:carbon" }])).toEqual({ code: 0, note: "--fail-on-new: exit 0 with 1 violation (carbon), all in the baseline (verdict PASS)" });
    // Exempted violations never count, new or not.
    expect(verdictExit([exemptedMandatory], {}, [])).toEqual({ code: 0 });
  });
});

// ------------------------------------------------------------------------------------------------ aicluster check

/** A campus program: `permit` m³/year from config (5 breaks the water permit, 5000 holds), 8 racks, 2 MW contracted. */
const CAMPUS_PROGRAM = `${CAMPUS_PROGRAM_HEAD}${campusDeclaration(8)}`;

function project(name: string, permit: number): void {
  const dir = path.join(base(), name);
  fs.mkdirSync(dir, { recursive: true });
  fs.symlinkSync(path.join(ROOT, "node_modules"), path.join(dir, "node_modules"));
  fs.writeFileSync(path.join(dir, "Pulumi.yaml"), "name: mycampus\nruntime:\n  name: nodejs\n  options:\n    typescript: true\n");
  fs.writeFileSync(path.join(dir, "Pulumi.dev.yaml"), `config:\n  mycampus:permit: ${permit}\n`);
  fs.writeFileSync(path.join(dir, "index.ts"), CAMPUS_PROGRAM);
}

/** Runs the command as a CI job would, in a child process. */
function aicluster(args: string[]) {
  const r = spawnSync(process.execPath, ["-r", require.resolve("ts-node/register/transpile-only"), path.join(ROOT, "plan/aicluster.ts"), ...args], {
    cwd: base(), encoding: "utf8", env: { ...process.env, GITHUB_STEP_SUMMARY: "", TS_NODE_PROJECT: path.join(ROOT, "tsconfig.json") }, timeout: 120_000,
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe("aicluster check with the triage flags and all", () => {
  beforeAll(() => {
    project("passing", 5000);
    project("failing", 5);
    project("crash", 5);
    fs.writeFileSync(path.join(base(), "crash", "index.ts"), "const x: any = undefined;\nexport const y = x.boom;\n");
    write("all-advisory.json", JSON.stringify({ all: "advisory" }));
    write("all-advisory-water-mandatory.json", JSON.stringify({ all: { enforcementLevel: "advisory" }, "water-permit": { enforcementLevel: "mandatory" } }));
    write("all-bad.json", JSON.stringify({ all: { enforcementLevel: "warn" } }));
  });

  it("without flags: the failing campus exits 1 (water permit), the passing one 0", () => {
    const fail = aicluster(["check", "failing", "--stack", "dev"]);
    expect(fail.code, fail.stderr).toBe(1);
    expect(fail.stdout).toMatch(/annual water [\d.,]+ m³\/yr exceeds the water permit of 5 m³\/yr/);
    expect(fail.stderr).not.toMatch(/^note: --/m);
    const pass = aicluster(["check", "passing", "--stack", "dev"]);
    expect(pass.code, pass.stderr).toBe(0);
  }, 120_000);

  it("--soft-fail exits 0 on the failing campus, every format still written with the failure, and says so on stderr", () => {
    const out = path.join(base(), "soft-fail");
    fs.mkdirSync(out);
    const r = aicluster(["check", "failing", "--stack", "dev", "--soft-fail", "--format", "json,sarif,junit,github", "--output-dir", out]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/^note: --soft-fail: exit 0 with the verdict FAIL, 1 mandatory violation \(water-permit\)$/m);
    expect(fs.readdirSync(out).sort()).toEqual(["aicluster-dev.json", "aicluster-dev.sarif", "aicluster-dev.xml"]);
    expect(JSON.parse(fs.readFileSync(path.join(out, "aicluster-dev.json"), "utf8")).verdict).toBe("fail");
    const sarif = JSON.parse(fs.readFileSync(path.join(out, "aicluster-dev.sarif"), "utf8"));
    expect(sarif.runs[0].results.filter((x: { ruleId: string; level: string }) => x.ruleId === "water-permit" && x.level === "error")).toHaveLength(1);
    expect(fs.readFileSync(path.join(out, "aicluster-dev.xml"), "utf8")).toMatch(/<failure /);
    expect(r.stdout).toMatch(/^::error .*title=water-permit::/m);
    expect(r.stdout).toContain("wrote the json report to");
    expect(r.stdout).toMatch(/: FAIL$/m);
  }, 120_000);

  it("--soft-fail never hides an error: bad input still exits 2 and a program that throws 3, naming it", () => {
    const missing = aicluster(["check", "failing", "--stack", "dev", "--soft-fail", "--policy-config", "nowhere.json"]);
    expect(missing.code, missing.stderr).toBe(2);
    expect(missing.stderr).toMatch(/^error: --policy-config nowhere\.json: /m);
    const badConfig = aicluster(["check", "failing", "--stack", "dev", "--soft-fail", "--config", "permit=lots"]);
    expect(badConfig.code, badConfig.stderr).toBe(2);
    expect(badConfig.stderr).toMatch(/^error: .*permit/m);
    const crash = aicluster(["check", "crash", "--stack", "dev", "--soft-fail"]);
    expect(crash.code, crash.stderr).toBe(3);
    expect(crash.stderr).toMatch(/TypeError/);
  }, 120_000);

  it("--soft-fail with --fail-on is a usage error (exit 2) before anything runs", () => {
    const r = aicluster(["check", "failing", "--stack", "dev", "--soft-fail", "--fail-on", "mandatory"]);
    expect(r.code).toBe(2);
    expect(r.stderr.split("\n")[0]).toBe("error: --soft-fail: not with --fail-on mandatory (--soft-fail exits 0 whatever the findings; --fail-on chooses which violations exit 1)");
    expect(r.stdout).toBe("");
  }, 120_000);

  it('{"all": "advisory"} makes the water permit advisory: exit 0; with --fail-on advisory exit 1; a rule\'s own level wins', () => {
    const advisory = aicluster(["check", "failing", "--stack", "dev", "--policy-config", "all-advisory.json", "--format", "json"]);
    expect(advisory.code, advisory.stderr).toBe(0);
    const report = JSON.parse(advisory.stdout);
    expect(report.verdict).toBe("pass");
    const water = report.findings.filter((f: { policy: string; status: string }) => f.policy === "water-permit" && f.status === "violation");
    expect(water.map((f: { enforcementLevel: string }) => f.enforcementLevel)).toEqual(["advisory"]);

    const failOn = aicluster(["check", "failing", "--stack", "dev", "--policy-config", "all-advisory.json", "--fail-on", "advisory"]);
    expect(failOn.code, failOn.stderr).toBe(1);
    expect(failOn.stdout).toContain("Verdict: PASS");
    expect(failOn.stderr).toMatch(/^note: --fail-on advisory: exit 1 for 1 advisory violation \(water-permit\); the verdict on the mandatory budgets is PASS$/m);

    const own = aicluster(["check", "failing", "--stack", "dev", "--policy-config", "all-advisory-water-mandatory.json"]);
    expect(own.code, own.stderr).toBe(1);
    expect(own.stdout).toContain("Verdict: FAIL");
  }, 120_000);

  it("--fail-on advisory passes a campus with no violation (exit 0), and --fail-on mandatory is the default", () => {
    const r = aicluster(["check", "passing", "--stack", "dev", "--fail-on", "advisory"]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).not.toMatch(/note: --/);
    const m = aicluster(["check", "failing", "--stack", "dev", "--fail-on", "mandatory"]);
    expect(m.code, m.stderr).toBe(1);
  }, 120_000);

  it("a bad value under all is exit 2 naming all, the value's kind and what is allowed", () => {
    const r = aicluster(["check", "failing", "--stack", "dev", "--policy-config", "all-bad.json"]);
    expect(r.code).toBe(2);
    expect(r.stderr.trim()).toBe("error: --policy-config all-bad.json: all.enforcementLevel = a string; allowed: one of advisory, mandatory, remediate, disabled (lower case)");
    const bad = aicluster(["check", "failing", "--stack", "dev", "--fail-on", "any"]);
    expect(bad.code).toBe(2);
    expect(bad.stderr.split("\n")[0]).toBe("error: --fail-on any: allowed mandatory (the default: exit 1 on a mandatory violation) or advisory (exit 1 on any violation, advisory ones included)");
  }, 120_000);

  it("--create-baseline writes the JSON report a later --baseline --fail-on-new reads: known violations exit 0, new ones 1", () => {
    fs.mkdirSync(path.join(base(), "baselines"));
    const known = path.join(base(), "baselines", "failing.json");
    const made = aicluster(["check", "failing", "--stack", "dev", "--create-baseline", known]);
    expect(made.code, made.stderr).toBe(1);
    expect(made.stdout).toMatch(new RegExp(`^wrote the baseline to ${known.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")} \\(\\d+ KB\\): FAIL, 1 violation$`, "m"));
    expect(JSON.parse(fs.readFileSync(known, "utf8"))).toMatchObject({ schemaVersion: 1, project: "mycampus", stack: "dev", verdict: "fail" });

    const gated = aicluster(["check", "failing", "--stack", "dev", "--baseline", known, "--fail-on-new", "--format", "sarif"]);
    expect(gated.code, gated.stderr).toBe(0);
    expect(gated.stderr).toMatch(/^note: --fail-on-new: exit 0 with 1 mandatory violation \(water-permit\), all in the baseline \(verdict FAIL\)$/m);
    const sarif = JSON.parse(gated.stdout);
    expect(sarif.runs[0].results.filter((x: { ruleId: string }) => x.ruleId === "water-permit").map((x: { baselineState: string }) => x.baselineState)).toEqual(["unchanged"]);

    const clean = path.join(base(), "baselines", "passing.json");
    expect(aicluster(["check", "passing", "--stack", "dev", "--create-baseline", clean, "--format", "json", "--out", path.join(base(), "baselines", "report.json")]).code).toBe(0);
    const fresh = aicluster(["check", "failing", "--stack", "dev", "--baseline", clean, "--fail-on-new"]);
    expect(fresh.code, fresh.stderr).toBe(1);
    expect(fresh.stderr).not.toMatch(/^note: --/m);
  }, 180_000);

  it("--format codequality prints GitLab's Code Quality JSON: the broken water permit a blocker at the program line that made the campus", () => {
    const r = aicluster(["check", "failing", "--stack", "dev", "--format", "codequality"]);
    expect(r.code, r.stderr).toBe(1);
    const issues = JSON.parse(r.stdout) as { check_name: string; severity: string; fingerprint: string; location: { path: string; lines: { begin: number } } }[];
    const water = issues.filter((i) => i.check_name === "water-permit");
    // Relative to where the job runs (the repository root in CI), as SARIF locates it.
    expect(water.map((i) => [i.severity, i.location.path])).toEqual([["blocker", "failing/index.ts"]]);
    // `new Campus(` is on line 5 of CAMPUS_PROGRAM.
    expect(water[0].location.lines.begin).toBe(CAMPUS_PROGRAM.split("\n").findIndex((l) => l.includes("new Campus(")) + 1);
    expect(water[0].fingerprint).toMatch(/^[0-9a-f]{32}$/);
  }, 120_000);

  it("--fail-on-new needs --baseline and refuses --soft-fail; --create-baseline cannot overwrite the baseline it reads", () => {
    const cases: [string[], string][] = [
      [["--fail-on-new"], "error: --fail-on-new: needs --baseline <report.json> (the violations it holds are the known ones; make one with --create-baseline <file>)"],
      [["--fail-on-new", "--baseline", "b.json", "--soft-fail"], "error: --fail-on-new: not with --soft-fail (--soft-fail exits 0 whatever the findings; --fail-on-new exits 1 on new violations only)"],
      [["--baseline", "b.json", "--create-baseline", "b.json"], "error: --create-baseline and --baseline name the same file (b.json): write the new baseline elsewhere"],
      [["--create-baseline"], "error: --create-baseline needs a value"],
      [["--format", "json", "--out", "r.json", "--create-baseline", "r.json"], "error: --create-baseline names the file of another report (r.json)"],
      [["--create-baseline", "no-such-folder/base.json"], `error: --create-baseline no-such-folder/base.json: allowed a file in an existing folder (${path.join(base(), "no-such-folder")} does not exist)`],
    ];
    for (const [args, message] of cases) {
      const r = aicluster(["check", "failing", "--stack", "dev", ...args]);
      expect(r.code, args.join(" ")).toBe(2);
      expect(r.stderr.split("\n")[0]).toBe(message);
      expect(r.stdout).toBe("");
    }
  }, 120_000);

  it("--help documents both flags and all", () => {
    const r = aicluster(["check", "--help"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("--fail-on <level>             which violations exit 1: mandatory");
    expect(r.stdout).toContain("--soft-fail                   exit 0 whenever the check completes");
    expect(r.stdout).toContain('"all": <level>');
  }, 120_000);
});

// ------------------------------------------------------------------------------------------------ npm run plan

describe("npm run plan with the triage flags", () => {
  const run = async (args: string[]) => {
    const logs = vi.spyOn(console, "log").mockImplementation(() => {});
    const errors = vi.spyOn(console, "error").mockImplementation(() => {});
    try {
      const code = await planMain(args);
      return { code, stdout: logs.mock.calls.map((c) => String(c[0])).join("\n"), stderr: errors.mock.calls.map((c) => String(c[0])).join("\n") };
    } finally {
      vi.restoreAllMocks();
    }
  };
  const configFile = (name: string, config: PackConfig) => write(name, JSON.stringify(config));

  it("prometheus (mandatory firm power and energy broken) exits 1, 0 with --soft-fail and its JSON still says fail", async () => {
    expect((await run(["prometheus"])).code).toBe(1);
    const soft = await run(["prometheus", "--soft-fail", "--format", "json"]);
    expect(soft.code).toBe(0);
    expect(JSON.parse(soft.stdout)).toMatchObject({ stack: "prometheus", verdict: "fail" });
    expect(soft.stderr).toMatch(/^note: --soft-fail: exit 0 with the verdict FAIL, \d+ mandatory violations \(firm-power, energy-adequacy\)$/m);
  }, 120_000);

  it('{"all": "advisory"}: exit 0, and 1 with --fail-on advisory; bad input under --soft-fail is still 2', async () => {
    const all = configFile("plan-all.json", { all: "advisory" });
    const advisory = await run(["prometheus", "--policy-config", all]);
    expect(advisory.code, advisory.stderr).toBe(0);
    expect(advisory.stdout).toContain("Verdict: PASS");
    const failOn = await run(["prometheus", "--policy-config", all, "--fail-on", "advisory"]);
    expect(failOn.code).toBe(1);
    expect(failOn.stderr).toMatch(/^note: --fail-on advisory: exit 1 for \d+ advisory violations \(firm-power, energy-adequacy/m);
    const bad = await run(["prometheus", "--soft-fail", "--scale", "2"]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('error: stack "prometheus" has invalid config: aicluster:scale = "2"');
    const together = await run(["prometheus", "--fail-on", "advisory", "--soft-fail"]);
    expect(together.code).toBe(2);
    expect(together.stderr).toMatch(/^error: --soft-fail: not with --fail-on advisory/);
  }, 120_000);
});
