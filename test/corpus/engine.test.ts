/** Bad-input corpus, the mock engine: two resources with one URN fail at settle() with a DuplicateUrnError, exit code 2. */
import { afterAll, beforeAll, describe, it } from "vitest";
import { installMocks, settle } from "../helpers/mocks";
import { expectBadInput, reportCount } from "./helpers";
import type { Components } from "./tables/components";
import { ENGINE_CASES } from "./tables/engine";

installMocks();
let c: Components;
let exitCodeOf: (e: unknown) => number;

beforeAll(async () => {
  c = await import("../../components");
  ({ exitCodeOf } = await import("../../plan/cli"));
});

afterAll(() => reportCount("engine", ENGINE_CASES.length));

describe("engine: duplicate URNs", () => {
  it.each(ENGINE_CASES)("$name", async (k) => {
    // A fresh engine per row: the duplicates of one row must not fail the next.
    installMocks();
    await expectBadInput(k, { c, settle }, exitCodeOf);
  });
});
