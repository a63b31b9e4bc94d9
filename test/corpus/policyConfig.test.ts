/** Bad-input corpus, policy config: PolicyConfigError (content) or UsageError (the file), exit code 2. */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { exitCodeOf } from "../../plan/cli";
import { readPolicyConfigFile } from "../../plan/policyConfigFile";
import { evaluateRules } from "../../policies/evaluate";
import { expectBadInput, reportCount } from "./helpers";
import { FileContext, POLICY_CONFIG_CASES, POLICY_FILE_CASES } from "./tables/policyConfig";

const ctx: FileContext = { dir: "" };
beforeAll(() => {
  ctx.dir = fs.mkdtempSync(path.join(os.tmpdir(), "aicluster-corpus-"));
});
afterAll(() => {
  fs.rmSync(ctx.dir, { recursive: true, force: true });
  reportCount("policy config", POLICY_CONFIG_CASES.length + POLICY_FILE_CASES.length);
});

describe("policy config: accepted as given", () => {
  it('a rule\'s entry that is a valid level ("advisory") is not an error', () => {
    expect(() => evaluateRules([], { "pue-max": "advisory" })).not.toThrow();
    expect(() => evaluateRules([], { "pue-max": { enforcementLevel: "disabled", maxPue: 3 }, "firm-power": { headroomFraction: 0 } })).not.toThrow();
  });

  it("a valid file is read", () => {
    const file = path.join(ctx.dir, "ok.json");
    fs.writeFileSync(file, `{"pue-max": {"maxPue": 1.2}, "water-permit": "advisory"}`);
    expect(readPolicyConfigFile(file)).toEqual({ "pue-max": { maxPue: 1.2 }, "water-permit": "advisory" });
  });
});

describe("policy config: evaluateRules", () => {
  it.each(POLICY_CONFIG_CASES)("$name", async (k) => {
    await expectBadInput(k, undefined, exitCodeOf);
  });

  it("several problems at once are all listed", () => {
    try {
      evaluateRules([], { "pue-max": { maxPue: 9, enforcementLevel: "warn" }, "firm-powr": {} } as never);
    } catch (e) {
      const problems = (e as { problems: { policy: string; key: string }[] }).problems;
      expect(problems.map((p) => `${p.policy}/${p.key}`).sort()).toEqual(["firm-powr/(rule)", "pue-max/enforcementLevel", "pue-max/maxPue"]);
      return;
    }
    throw new Error("expected a PolicyConfigError");
  });
});

describe("policy config: readPolicyConfigFile", () => {
  it.each(POLICY_FILE_CASES)("$name", async (k) => {
    await expectBadInput(k, ctx, exitCodeOf);
  });
});
