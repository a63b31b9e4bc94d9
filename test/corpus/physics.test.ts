/**
 * Bad-input corpus, physics: PhysicsInputError naming the parameter. exitCodeOf gives 3 for these (physics is
 * internal: components validate first, so the planner never sees them from valid or invalid args).
 */
import { afterAll, describe, it } from "vitest";
import { exitCodeOf } from "../../plan/cli";
import { expectBadInput, reportCount } from "./helpers";
import { PHYSICS_CASES } from "./tables/physics";

afterAll(() => reportCount("physics", PHYSICS_CASES.length));

describe("physics: bad numbers", () => {
  it.each(PHYSICS_CASES)("$name", async (k) => {
    await expectBadInput(k, undefined, exitCodeOf);
  });
});
