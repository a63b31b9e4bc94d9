/**
 * Issue 31: every file and flag input fails where it enters, bounded and without echoing secrets. Date and number
 * flags (a bad --today used to crash with `RangeError: Invalid time value`), JSON files nested too deep (a 200,000-deep
 * file used to overflow the stack), files that are not regular (a FIFO, a symlink to /dev/zero), config and baseline
 * files whose values must not be echoed (a credentials file given as --policy-config), exemption patterns that must
 * not backtrack, and exemptions whose pattern matches every resource of a type.
 */
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { readBaselineReport } from "../plan/baseline";
import { jsonSyntaxProblem, MAX_JSON_DEPTH, readJsonFile, tooDeepAt } from "../plan/jsonFile";
import { CHECK_USAGE, DEFAULT_TIMEOUT_SECONDS, MAX_TIMEOUT_SECONDS, parseOptions, UsageError, USAGE } from "../plan/options";
import { readPolicyConfigFile } from "../plan/policyConfigFile";
import { kindOf, MAX_PROBLEMS_SHOWN, PolicyConfigError, resolvePackConfig } from "../policies/config";
import { evaluatePolicies, fixedClock, hasMandatoryViolation, PackConfig } from "../policies/evaluate";
import { broadNote, exemptionNote, globMatcher, resourceMatcher } from "../policies/exemptions";
import { check } from "../policies/finding";
import { defineRule } from "../policies/rule";
import { RULES } from "../policies/rules";
import { numberProp, ResourceView } from "../policies/view";
import { SEED } from "./helpers/arbitraries";
import { globByTable } from "./helpers/globOracle";

const ROOT = path.resolve(__dirname, "..");
let dir = "";

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "aicluster-input-guards-"));
});
afterAll(() => {
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

const write = (name: string, content: string | Buffer): string => {
  const file = path.join(dir, name);
  fs.writeFileSync(file, content);
  return file;
};

/** The message of the UsageError `fn` throws (a bad flag or file is bad input, exit 2, never a crash). */
function usageMessage(fn: () => unknown): string {
  try {
    fn();
  } catch (e) {
    expect(e, String(e)).toBeInstanceOf(UsageError);
    return (e as Error).message;
  }
  throw new Error("expected a UsageError, nothing was thrown");
}

const plan = (...args: string[]) => parseOptions(["prometheus", ...args]);

/** Credentials, as in a file someone might give as --policy-config by mistake. */
const AWS_SECRET = "AKIAIOSFODNN7EXAMPLEwJalrXUtnFEMI/K7MDENG";
const TOKEN = "hunter2";
const CREDENTIALS = `{"aws_secret_access_key": "${AWS_SECRET}", "token": "${TOKEN}"}`;
const RULE_LIST = RULES.map((r) => r.name).join(", ");

// ------------------------------------------------------------------------------------------------ flags

describe("date and number flags: exit 2 naming the flag, the value and what is allowed", () => {
  const TODAY_ALLOWED = "allowed a calendar date YYYY-MM-DD (exemptions expire at the end of their day, UTC)";

  it("--today: a day that is not on the calendar is bad input, not `RangeError: Invalid time value`", () => {
    expect(usageMessage(() => plan("--today", "2026-13-01"))).toBe(`--today 2026-13-01: ${TODAY_ALLOWED}`);
    expect(usageMessage(() => plan("--today", "2026-00-10"))).toBe(`--today 2026-00-10: ${TODAY_ALLOWED}`);
    expect(usageMessage(() => plan("--today", "2026-02-30"))).toBe(`--today 2026-02-30: ${TODAY_ALLOWED}`);
    expect(usageMessage(() => plan("--today", "2025-02-29"))).toBe(`--today 2025-02-29: ${TODAY_ALLOWED}`);
    expect(usageMessage(() => plan("--today", "2100-02-29"))).toBe(`--today 2100-02-29: ${TODAY_ALLOWED}`);
    expect(usageMessage(() => plan("--today", "2026-04-31"))).toBe(`--today 2026-04-31: ${TODAY_ALLOWED}`);
    expect(usageMessage(() => plan("--today", "2026-1-5"))).toBe(`--today 2026-1-5: ${TODAY_ALLOWED}`);
    expect(usageMessage(() => plan("--today", "2026-12-31T00:00:00Z"))).toBe(`--today 2026-12-31T00:00:00Z: ${TODAY_ALLOWED}`);
    expect(usageMessage(() => plan("--today", "+02026-01-01"))).toBe(`--today +02026-01-01: ${TODAY_ALLOWED}`);
    expect(usageMessage(() => plan("--today="))).toBe(`--today "": ${TODAY_ALLOWED}`);
    expect(usageMessage(() => plan("--today", "2026-01-01 "))).toBe(`--today "2026-01-01 ": ${TODAY_ALLOWED}`);
    // A value pasted at length is cut in the message.
    expect(usageMessage(() => plan(`--today=${"9".repeat(500)}`))).toBe(`--today ${"9".repeat(57)}...: ${TODAY_ALLOWED}`);
  });

  it("--today: real days pass, leap days included", () => {
    for (const day of ["2026-12-31", "2024-02-29", "2000-02-29", "0001-01-01", "9999-12-31"]) expect(plan("--today", day).today).toBe(day);
  });

  it("--depth: a whole number from 1 to 10 in decimal digits", () => {
    const allowed = "allowed a whole number from 1 to 10";
    for (const bad of ["0", "11", "-1", "1.5", "1e1", "0x3", "abc", "Infinity", "NaN", " 3", "99999999999999999999"]) {
      expect(usageMessage(() => plan(`--depth=${bad}`)), bad).toBe(`--depth ${bad.includes(" ") ? JSON.stringify(bad) : bad}: ${allowed}`);
    }
    expect(usageMessage(() => plan("--depth="))).toBe(`--depth "": ${allowed}`);
    expect(plan("--depth", "10").treeDepth).toBe(10);
    expect(plan("--depth", "01").treeDepth).toBe(1);
    expect(plan().treeDepth).toBe(3);
  });

  it("--timeout: a positive number of seconds, default 120, at most a day", () => {
    const allowed = `allowed a positive number of seconds in decimal notation, at most ${MAX_TIMEOUT_SECONDS} (default ${DEFAULT_TIMEOUT_SECONDS})`;
    for (const bad of ["0", "0.0", "-5", "86401", "1e3", "Infinity", "NaN", "abc", "0x10", "5s", ".5", "5.", "99999999999999999999"]) {
      expect(usageMessage(() => plan(`--timeout=${bad}`)), bad).toBe(`--timeout ${bad}: ${allowed}`);
    }
    expect(usageMessage(() => plan("--timeout="))).toBe(`--timeout "": ${allowed}`);
    expect(usageMessage(() => plan("--timeout", " 5"))).toBe(`--timeout " 5": ${allowed}`);
    expect(usageMessage(() => plan("--timeout"))).toBe("--timeout needs a value");
    expect(usageMessage(() => plan("--timeout", "5", "--timeout", "6"))).toBe("--timeout given twice; allowed once");
    expect(plan().timeoutSeconds).toBe(120);
    expect(plan("--timeout", "0.5").timeoutSeconds).toBe(0.5);
    expect(plan("--timeout", "300").timeoutSeconds).toBe(300);
    expect(plan("--timeout", "86400").timeoutSeconds).toBe(86400);
    expect(parseOptions(["check", "--stack", "dev", "--timeout", "30"], "check").timeoutSeconds).toBe(30);
    // Always set, --help included.
    expect(parseOptions(["--help"]).timeoutSeconds).toBe(120);
  });

  it("the usage text documents --timeout", () => {
    for (const usage of [USAGE, CHECK_USAGE]) {
      expect(usage).toContain("--timeout <seconds>           how long the program may take to settle before the run fails with exit 3 naming\n");
      expect(usage).toContain("what is pending (default 120; a positive number of seconds, at most 86400)");
    }
  });
});

// ------------------------------------------------------------------------------------------------ JSON files

describe("JSON files: nesting bounded before the recursive parser runs", () => {
  const DEEP = 200_000;
  const deepText = `${"[".repeat(DEEP)}${"]".repeat(DEEP)}`;

  it(`a file nested ${DEEP.toLocaleString("en-US")} deep is bad input naming line and column, for --policy-config and --baseline`, () => {
    const file = write("deep.json", deepText);
    const started = Date.now();
    expect(usageMessage(() => readPolicyConfigFile(file))).toBe(`--policy-config ${file}: nested deeper than 64 levels at line 1, column 65; allowed: at most 64`);
    expect(usageMessage(() => readBaselineReport(file))).toBe(`--baseline ${file}: nested deeper than 64 levels at line 1, column 65; allowed: at most 64`);
    expect(Date.now() - started).toBeLessThan(5000);
    const objects = write("deep-objects.json", `{"a":\n${'{"a":'.repeat(DEEP / 2)}1${"}".repeat(DEEP / 2 + 1)}`);
    expect(usageMessage(() => readPolicyConfigFile(objects))).toBe(`--policy-config ${objects}: nested deeper than 64 levels at line 2, column 316; allowed: at most 64`);
  });

  it(`${MAX_JSON_DEPTH} levels pass, ${MAX_JSON_DEPTH + 1} do not; brackets in strings are not nesting`, () => {
    expect(MAX_JSON_DEPTH).toBe(64);
    const nested = (n: number) => `${"[".repeat(n)}${"]".repeat(n)}`;
    expect(tooDeepAt(nested(64))).toBeUndefined();
    expect(tooDeepAt(nested(65))).toBe(64);
    expect(jsonSyntaxProblem(nested(64))).toBeUndefined();
    expect(jsonSyntaxProblem(nested(65))).toBe("nested deeper than 64 levels at line 1, column 65; allowed: at most 64");
    // Siblings do not add up: depth, not count.
    expect(tooDeepAt(`[${Array.from({ length: 1000 }, () => nested(60)).join(",")}]`)).toBeUndefined();
    expect(tooDeepAt(JSON.stringify({ a: "[".repeat(1000), b: "{{{{" }))).toBeUndefined();
    expect(readJsonFile(write("strings.json", JSON.stringify({ k: "[".repeat(100_000) })), "--x f", 1 << 20, "JSON")).toEqual({ k: "[".repeat(100_000) });
  });
});

describe("JSON files: a regular file only, checked before it is opened", () => {
  const fifo = () => {
    const file = path.join(dir, "fifo.json");
    if (!fs.existsSync(file)) expect(spawnSync("mkfifo", [file]).status).toBe(0);
    return file;
  };
  const link = (name: string, target: string) => {
    const file = path.join(dir, name);
    fs.rmSync(file, { force: true });
    fs.symlinkSync(target, file);
    return file;
  };
  const POLICY = "allowed: a JSON file (the --policy-pack-config format)";
  const REPORT = "allowed: a JSON report file (npm run plan -- <stack> --format json)";

  it.skipIf(process.platform === "win32")("a FIFO does not hang, a symlink to /dev/zero is never read: each named with what it is", () => {
    const started = Date.now();
    const pipe = fifo();
    const zero = link("zero.json", "/dev/zero");
    expect(usageMessage(() => readPolicyConfigFile(pipe))).toBe(`--policy-config ${pipe}: not a regular file (a FIFO); ${POLICY}`);
    expect(usageMessage(() => readBaselineReport(pipe))).toBe(`--baseline ${pipe}: not a regular file (a FIFO); ${REPORT}`);
    expect(usageMessage(() => readPolicyConfigFile(zero))).toBe(`--policy-config ${zero}: not a regular file (a character device); ${POLICY}`);
    expect(usageMessage(() => readBaselineReport(zero))).toBe(`--baseline ${zero}: not a regular file (a character device); ${REPORT}`);
    expect(usageMessage(() => readPolicyConfigFile(dir))).toBe(`--policy-config ${dir}: not a regular file (a folder); ${POLICY}`);
    const dangling = link("dangling.json", path.join(dir, "nowhere.json"));
    expect(usageMessage(() => readPolicyConfigFile(dangling))).toBe(`--policy-config ${dangling}: no such file`);
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it("a symlink to a regular file is read; a file over the cap is refused by its size, unread", () => {
    const real = write("real.json", `{"pue-max": "advisory"}`);
    expect(readPolicyConfigFile(link("linked.json", real))).toEqual({ "pue-max": "advisory" });
    const big = write("big.json", " ".repeat(2000));
    expect(usageMessage(() => readJsonFile(big, "--x big.json", 1000, "JSON"))).toBe("--x big.json: 2000 bytes; allowed: at most 1000 bytes");
  });
});

// ------------------------------------------------------------------------------------------------ no echo

describe("config and file errors never echo a value from the file", () => {
  it("a credentials file as --policy-config: the keys are named, the values only by kind", () => {
    const file = write("credentials.json", CREDENTIALS);
    const message = (() => {
      try {
        readPolicyConfigFile(file);
      } catch (e) {
        expect(e).toBeInstanceOf(PolicyConfigError);
        return (e as Error).message;
      }
      throw new Error("expected a PolicyConfigError");
    })();
    expect(message).toBe(
      `--policy-config ${file}:\n` +
        `  - aws_secret_access_key = a string; allowed: no such rule; rules: ${RULE_LIST}\n` +
        `  - token = a string; allowed: no such rule; rules: ${RULE_LIST}`,
    );
    expect(message).not.toContain(AWS_SECRET);
    expect(message).not.toContain(TOKEN);
  });

  it("a secret in a rule's setting, level, entry or exemption: named by kind", () => {
    const cases: [string, string][] = [
      [`{"pue-max": {"maxPue": "${TOKEN}"}}`, "pue-max.maxPue = a string; allowed: a number from 1 to 3"],
      [`{"pue-max": {"enforcementLevel": "${TOKEN}"}}`, "pue-max.enforcementLevel = a string; allowed: one of advisory, mandatory, remediate, disabled (lower case)"],
      [`{"pue-max": "${TOKEN}"}`, "pue-max = a string; allowed: an enforcement level (one of advisory, mandatory, remediate, disabled (lower case)) or an object of the rule's settings"],
      [`{"pue-max": {"password": "${TOKEN}"}}`, "pue-max.password = a string; allowed: no such setting; pue-max takes enforcementLevel, maxPue, exemptions"],
      [`{"pue-max": {"exemptions": [{"resource": "c", "reason": "r", "ticket": "${TOKEN}\\n"}]}}`, "pue-max.exemptions[0].ticket = a string; allowed: one line of text (no line breaks)"],
      [`"${TOKEN}"`, "(config) = a string; allowed: an object keyed by rule name, e.g. {\"pue-max\": {\"maxPue\": 1.2}}"],
      [`{"pue-max": {"maxPue": [1, 2, 3]}}`, "pue-max.maxPue = a list of 3; allowed: a number from 1 to 3"],
      [`{"pue-max": {"maxPue": 9}}`, "pue-max.maxPue = a number; allowed: a number from 1 to 3"],
      [`{"pue-max": {"maxPue": ""}}`, "pue-max.maxPue = an empty string; allowed: a number from 1 to 3"],
    ];
    cases.forEach(([text, expected], i) => {
      const file = write(`secret-${i}.json`, text);
      let message = "";
      try {
        readPolicyConfigFile(file);
      } catch (e) {
        message = (e as Error).message;
      }
      expect(message, text).toBe(`--policy-config ${file}: ${expected}`);
      expect(message).not.toContain(TOKEN);
    });
  });

  it("a config given in code still quotes its values (the user wrote them); one from a file does not; the problems keep the values", () => {
    expect(() => resolvePackConfig({ "pue-max": { maxPue: 9 } }, RULES)).toThrow("policy config: pue-max.maxPue = 9; allowed: a number from 1 to 3");
    expect(() => resolvePackConfig({ "pue-max": { maxPue: 9 } }, RULES, "my.json", false)).toThrow("my.json: pue-max.maxPue = a number; allowed: a number from 1 to 3");
    expect(() => evaluatePolicies([], { "pue-max": { maxPue: 9 } } as PackConfig, RULES, { origin: "pack.json", showValues: false })).toThrow(
      "pack.json: pue-max.maxPue = a number; allowed: a number from 1 to 3",
    );
    let error: PolicyConfigError | undefined;
    try {
      resolvePackConfig({ token: TOKEN }, RULES, "my.json", false);
    } catch (e) {
      error = e as PolicyConfigError;
    }
    expect(error?.problems[0]).toMatchObject({ policy: "token", key: "(rule)", value: TOKEN });
    expect(error?.showsValues).toBe(false);
  });

  it("the message is bounded: at most 10 problems listed, long keys cut, no suggestion computed for a huge key", () => {
    const many = Object.fromEntries(Array.from({ length: 50 }, (_, i) => [`secret_${i}`, `${TOKEN}-${i}`]));
    const longKey = "k".repeat(100_000);
    let message = "";
    const started = Date.now();
    try {
      resolvePackConfig({ [longKey]: 1, ...many }, RULES, "big.json", false);
    } catch (e) {
      message = (e as Error).message;
    }
    expect(Date.now() - started).toBeLessThan(1000);
    const lines = message.split("\n");
    expect(lines[0]).toBe("big.json:");
    expect(lines).toHaveLength(1 + MAX_PROBLEMS_SHOWN + 1);
    expect(lines[1]).toBe(`  - ${"k".repeat(77)}... = a number; allowed: no such rule; rules: ${RULE_LIST}`);
    expect(lines.at(-1)).toBe("  - ... and 41 more problems");
    expect(message).not.toContain(TOKEN);
  });

  it("a key given twice is named, cut at 60 characters", () => {
    const key = "x".repeat(200);
    expect(jsonSyntaxProblem(`{"${key}": 1, "${key}": 2}`)).toBe(`key "${"x".repeat(57)}..." given twice in one object (line 1, column 209); allowed: each key once`);
  });

  it("a baseline that is a credentials file (or holds one) is named by kind only", () => {
    const report = (over: Record<string, unknown>) => JSON.stringify({ schemaVersion: 1, project: "p", stack: "s", resourceCount: 1, budgets: [], findings: [], verdict: "pass", ...over });
    const hint = "the JSON report of npm run plan -- <stack> --format json";
    const cases: [string, string][] = [
      [CREDENTIALS, `schemaVersion = (missing); allowed: 1 (${hint})`],
      [`"${AWS_SECRET}"`, `a string; allowed: a JSON object, ${hint}`],
      [JSON.stringify({ schemaVersion: AWS_SECRET }), `schemaVersion = a string; allowed: 1 (${hint})`],
      [JSON.stringify({ schemaVersion: 7 }), "schemaVersion = a number above 1; allowed: 1 (the baseline was written by a newer planner than this one)"],
      [report({ stack: AWS_SECRET, verdict: TOKEN }), "verdict = a string; allowed: pass or fail"],
      [report({ resourceCount: -1 }), "resourceCount = a number; allowed: a whole number ≥ 0"],
      [report({ project: null }), "project = null; allowed: a string"],
    ];
    cases.forEach(([text, expected], i) => {
      const file = write(`baseline-${i}.json`, text);
      const message = usageMessage(() => readBaselineReport(file));
      expect(message, text).toBe(`--baseline ${file}: ${expected}`);
      expect(message).not.toContain(AWS_SECRET);
      expect(message).not.toContain(TOKEN);
    });
  });

  it("kindOf names what a value is, never what it says", () => {
    expect([undefined, null, "", "s", 0, true, [], [1, 2], {}].map(kindOf)).toEqual([
      "(missing)", "null", "an empty string", "a string", "a number", "a boolean", "a list of 0", "a list of 2", "an object",
    ]);
  });
});

// ------------------------------------------------------------------------------------------------ patterns


describe("exemption patterns: linear matching, `*` the only special character", () => {
  it("`*a*a*a*a*a*a*a*a*a*a*a*a*b` against 40 characters finishes in milliseconds (a regex took minutes)", () => {
    const pattern = "*a*a*a*a*a*a*a*a*a*a*a*a*b";
    const name = "a".repeat(40);
    const started = performance.now();
    expect(globMatcher(pattern)(name)).toBe(false);
    expect(resourceMatcher(pattern)({ name, urn: `urn:pulumi:s::p::t:T::${name}` })).toBe(false);
    expect(globMatcher(pattern)(`${name}b`)).toBe(true);
    // The longest pattern the schema allows (1,000 characters) against a long name.
    expect(globMatcher(`${"*a".repeat(500)}`)("a".repeat(100_000) + "c")).toBe(false);
    expect(performance.now() - started).toBeLessThan(1000);
  });

  it("the same pattern in a policy config, through evaluatePolicies, against 40-character names", () => {
    const views: ResourceView[] = Array.from({ length: 50 }, (_, i) => ({ type: "t:T", urn: `urn:pulumi:s::p::t:T::${"a".repeat(38)}${String(i).padStart(2, "0")}`, name: `${"a".repeat(38)}${String(i).padStart(2, "0")}`, props: {} }));
    const rule = defineRule({
      name: "every-one", description: "x", enforcementLevel: "mandatory", severity: "low", remediationSteps: "-", config: {},
      evaluate: (resources) => resources.map((v) => ({ policy: "every-one", status: "violation" as const, resourceUrn: v.urn, resourceName: v.name, message: v.name, remediation: "-" })),
    });
    const started = performance.now();
    const run = evaluatePolicies(views, { "every-one": { exemptions: [{ resource: "*a*a*a*a*a*a*a*a*a*a*a*a*b", reason: "r" }] } } as PackConfig, [rule], { clock: fixedClock("2026-06-01") });
    expect(performance.now() - started).toBeLessThan(1000);
    expect(run.exemptions[0]).toMatchObject({ state: "unused", matchedResources: 0 });
  });

  it("`/`, `:`, `::`, line breaks and glob characters of other syntaxes (`?`, `[`, `{`, `!`, `+(`) are plain characters", () => {
    expect(globMatcher("a*b")("a/x/y::z:b")).toBe(true);
    expect(globMatcher("a*b")("a\nb")).toBe(true);
    expect(globMatcher("urn:pulumi:*::hall-a")("urn:pulumi:dev::proj::aicluster:index:Campus$aicluster:index:DataHall::hall-a")).toBe(true);
    for (const literal of ["h?", "h[1]", "h{a,b}", "!h", "h+(x)", "h\\*", "h**x", "@(h)", "h/**"]) {
      expect(globMatcher(literal)(literal), literal).toBe(globByTable(literal, literal));
    }
    expect(globMatcher("h?")("hx")).toBe(false);
    expect(globMatcher("h[1]")("h1")).toBe(false);
    expect(globMatcher("h{a,b}")("ha")).toBe(false);
    expect(globMatcher("!h")("x")).toBe(false);
    expect(globMatcher("h\\*")("h\\anything")).toBe(true);
    // Pieces may not overlap: `ab*ba` needs at least 4 characters.
    expect(globMatcher("ab*ba")("aba")).toBe(false);
    expect(globMatcher("ab*ba")("abba")).toBe(true);
    expect(globMatcher("*")("")).toBe(true);
    expect(globMatcher("")("")).toBe(true);
    expect(globMatcher("")("a")).toBe(false);
  });

  it("property: the same answers as a table-driven matcher for any pattern and text", () => {
    const chars = fc.constantFrom("a", "b", "/", ":", "*", "?", "\n");
    fc.assert(
      fc.property(fc.string({ unit: chars, maxLength: 12 }), fc.string({ unit: fc.constantFrom("a", "b", "/", ":", "*", "?", "\n"), maxLength: 16 }), (pattern, text) => {
        expect(globMatcher(pattern)(text)).toBe(globByTable(pattern, text));
      }),
      { seed: SEED, numRuns: 2000 },
    );
  });
});

// ------------------------------------------------------------------------------------------------ broad patterns

describe("an exemption whose pattern matches every resource of a type the rule checks is flagged, the verdict unchanged", () => {
  const hallPower = defineRule({
    name: "hall-power", description: "Hall power within its limit.", enforcementLevel: "mandatory", severity: "high", remediationSteps: "Shrink the hall.",
    config: { limitKw: z.number().default(100).describe("Limit, kW.") },
    evaluate(resources, config) {
      return resources.filter((r) => r.type === "test:Hall").map((v) =>
        check(this.name, v, { budget: "hall power", measured: numberProp(v, "kw")!, limit: config.limitKw, unit: "kW" }, () => ({ message: `${v.name} over`, remediation: "shrink" })));
    },
  });
  const urnOf = (type: string, name: string) => `urn:pulumi:dev::proj::test:Site$${type}::${name}`;
  const view = (type: string, name: string, kw: number): ResourceView => ({ type, urn: urnOf(type, name), name, props: { kw } });
  const VIEWS = [view("test:Hall", "hall-a", 150), view("test:Hall", "hall-b", 90), view("test:Hall", "hall-c", 200), view("test:Site", "site", 0), view("test:Pump", "hall-pump-1", 0), view("test:Pump", "hall-pump-2", 0)];
  const run = (exemptions: unknown[], day = "2026-06-01") => evaluatePolicies(VIEWS, { "hall-power": { exemptions } } as PackConfig, [hallPower], { clock: fixedClock(day) });

  it("`hall-*` matches all 3 halls: broad, with a warning; pumps (not checked by the rule) do not count", () => {
    const broad = run([{ resource: "hall-*", reason: "load test" }]);
    expect(broad.exemptions[0]).toMatchObject({ state: "applied", violations: 2, matchedResources: 5, broad: [{ type: "test:Hall", resources: 3 }] });
    expect(broadNote(broad.exemptions[0])).toBe(
      'hall-power exemption: pattern "hall-*" matches all 3 resources of type test:Hall; name the resources meant, or set the rule\'s enforcementLevel to stop it blocking',
    );
    // The verdict is the one the same exemptions give without the warning: naming each violating hall.
    const named = run([{ resource: "hall-a", reason: "load test" }, { resource: "hall-c", reason: "load test" }]);
    expect(hasMandatoryViolation(broad.findings)).toBe(false);
    expect(hasMandatoryViolation(named.findings)).toBe(false);
    expect(broad.findings.map((f) => [f.resourceName, f.status, f.exemption !== undefined])).toEqual(named.findings.map((f) => [f.resourceName, f.status, f.exemption !== undefined]));
    expect(named.exemptions.every((e) => e.broad === undefined)).toBe(true);
  });

  it("a URN pattern over every hall is broad too; an unused broad one says so in its note", () => {
    const byUrn = run([{ resource: "urn:pulumi:dev::proj::*$test:Hall::*", reason: "r" }]);
    expect(byUrn.exemptions[0].broad).toEqual([{ type: "test:Hall", resources: 3 }]);
    const passing = evaluatePolicies(VIEWS, { "hall-power": { limitKw: 500, exemptions: [{ resource: "hall-*", reason: "spare" }] } } as PackConfig, [hallPower], { clock: fixedClock("2026-06-01") });
    expect(passing.exemptions[0]).toMatchObject({ state: "unused", broad: [{ type: "test:Hall", resources: 3 }] });
    expect(exemptionNote(passing.exemptions[0])).toBe(
      'hall-power exemption of "hall-*" is unused: none of the 5 resources it matches violates hall-power; remove it or fix the pattern (spare). ' +
        'Warning: hall-power exemption: pattern "hall-*" matches all 3 resources of type test:Hall; name the resources meant, or set the rule\'s enforcementLevel to stop it blocking',
    );
  });

  it("not broad: a pattern that leaves one hall out, an expired one, a type with one resource, or a type the rule does not check", () => {
    const some = run([
      { resource: "hall-[ac]", reason: "literal brackets" },
      { resource: "hall-?", reason: "literal question mark" },
      { resource: "hall-a*", reason: "one hall" },
      { resource: "*-c", reason: "one hall" },
      { resource: "hall-*-*", reason: "pumps only" },
    ]);
    expect(some.exemptions.map((e) => [e.resource, e.matchedResources, e.broad])).toEqual([
      ["hall-[ac]", 0, undefined], ["hall-?", 0, undefined], ["hall-a*", 1, undefined], ["*-c", 1, undefined], ["hall-*-*", 2, undefined],
    ]);
    expect(run([{ resource: "hall-*", reason: "r", expires: "2026-01-01" }]).exemptions[0]).toMatchObject({ state: "expired" });
    expect(run([{ resource: "hall-*", reason: "r", expires: "2026-01-01" }]).exemptions[0].broad).toBeUndefined();
    const oneHall = evaluatePolicies([view("test:Hall", "hall-a", 150)], { "hall-power": { exemptions: [{ resource: "hall-*", reason: "r" }] } } as PackConfig, [hallPower], { clock: fixedClock("2026-06-01") });
    expect(oneHall.exemptions[0].broad).toBeUndefined();
    expect(exemptionNote(oneHall.exemptions[0])).not.toContain("Warning");
  });
});

// ------------------------------------------------------------------------------------------------ the command

describe("the command line: exit 2 and one error line, no stack trace", () => {
  let project = "";
  beforeAll(() => {
    project = path.join(dir, "project");
    fs.mkdirSync(project);
    fs.symlinkSync(path.join(ROOT, "node_modules"), path.join(project, "node_modules"));
    fs.writeFileSync(path.join(project, "Pulumi.yaml"), "name: guards\nruntime: nodejs\n");
    fs.writeFileSync(path.join(project, "Pulumi.dev.yaml"), "config: {}\n");
    fs.writeFileSync(path.join(project, "index.js"), "throw new Error('the program must not run on bad input');\n");
  });

  function aicluster(args: string[]) {
    const r = spawnSync(process.execPath, ["-r", require.resolve("ts-node/register/transpile-only"), path.join(ROOT, "plan/aicluster.ts"), "check", project, "--stack", "dev", ...args], {
      cwd: dir, encoding: "utf8", env: { ...process.env, GITHUB_STEP_SUMMARY: "", TS_NODE_PROJECT: path.join(ROOT, "tsconfig.json") }, timeout: 60_000,
    });
    return { code: r.status, stdout: r.stdout, error: r.stderr.split("\n")[0], stderr: r.stderr };
  }

  it("--today 2026-13-01, a JSON file 200,000 deep, a credentials file, a FIFO", () => {
    const today = aicluster(["--today", "2026-13-01"]);
    expect(today.error).toBe("error: --today 2026-13-01: allowed a calendar date YYYY-MM-DD (exemptions expire at the end of their day, UTC)");
    expect(today.code).toBe(2);
    expect(today.stderr).not.toMatch(/RangeError|    at /);

    const deep = write("cli-deep.json", `${"[".repeat(200_000)}${"]".repeat(200_000)}`);
    for (const option of ["--baseline", "--policy-config"]) {
      const r = aicluster([option, deep]);
      expect(r.error).toBe(`error: ${option} ${deep}: nested deeper than 64 levels at line 1, column 65; allowed: at most 64`);
      expect(r.code).toBe(2);
      expect(r.stderr).not.toMatch(/Maximum call stack|    at /);
    }

    const credentials = write("cli-credentials.json", CREDENTIALS);
    const secret = aicluster(["--policy-config", credentials]);
    expect(secret.code).toBe(2);
    expect(secret.stderr.split("\n").slice(0, 3)).toEqual([
      `error: --policy-config ${credentials}:`,
      `  - aws_secret_access_key = a string; allowed: no such rule; rules: ${RULE_LIST}`,
      `  - token = a string; allowed: no such rule; rules: ${RULE_LIST}`,
    ]);
    expect(secret.stderr + secret.stdout).not.toContain(AWS_SECRET);
    expect(secret.stderr + secret.stdout).not.toContain(TOKEN);

    if (process.platform !== "win32") {
      const pipe = path.join(dir, "cli-fifo.json");
      expect(spawnSync("mkfifo", [pipe]).status).toBe(0);
      const r = aicluster(["--policy-config", pipe]);
      expect(r.error).toBe(`error: --policy-config ${pipe}: not a regular file (a FIFO); allowed: a JSON file (the --policy-pack-config format)`);
      expect(r.code).toBe(2);
    }
  }, 240_000);
});
