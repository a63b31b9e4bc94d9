/** Bad-input corpus, catalog: CatalogError naming the field, exit code 2. */
import { afterAll, describe, it } from "vitest";
import { exitCodeOf } from "../../plan/cli";
import { expectBadInput, reportCount } from "./helpers";
import { CATALOG_CASES } from "./tables/catalog";

afterAll(() => reportCount("catalog", CATALOG_CASES.length));

describe("catalog: bad entries", () => {
  it.each(CATALOG_CASES)("$name", async (k) => {
    await expectBadInput(k, undefined, exitCodeOf);
  });
});
