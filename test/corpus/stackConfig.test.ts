/** Bad-input corpus, stack config: StackConfigError naming the key (UsageError for a bad stack name), exit code 2. */
import { afterAll, describe, expect, it } from "vitest";
import { exitCodeOf } from "../../plan/cli";
import { parseSettings } from "../../stacks/settings";
import { expectBadInput, reportCount } from "./helpers";
import { STACK_CONFIG_CASES } from "./tables/stackConfig";

afterAll(() => reportCount("stack config", STACK_CONFIG_CASES.length));

describe("stack config: accepted at the bounds", () => {
  it("scale 0.0001 and 1, phase 2 on hyperion, exponent notation", () => {
    expect(parseSettings("prometheus", (k) => ({ scale: "0.0001" })[k], ["scale"]).scale).toBe(0.0001);
    expect(parseSettings("prometheus", (k) => ({ scale: "1e0" })[k], ["scale"]).scale).toBe(1);
    expect(parseSettings("hyperion", (k) => ({ phase: "2" })[k], ["phase"]).phase).toBe(2);
  });
});

describe("stack config: bad values", () => {
  it.each(STACK_CONFIG_CASES)("$name", async (k) => {
    await expectBadInput(k, undefined, exitCodeOf);
  });
});
