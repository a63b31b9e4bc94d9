/** The corpus as a whole: at least 170 bad-input cases over every entry point. */
import { expect, it } from "vitest";
import { reportCount } from "./helpers";
import { CATALOG_CASES } from "./tables/catalog";
import { CLI_CASES } from "./tables/cli";
import { COMPONENT_CASES } from "./tables/components";
import { ENGINE_CASES } from "./tables/engine";
import { PHYSICS_CASES } from "./tables/physics";
import { POLICY_CONFIG_CASES, POLICY_FILE_CASES } from "./tables/policyConfig";
import { STACK_CONFIG_CASES } from "./tables/stackConfig";
import { WEATHER_CASES } from "./tables/weather";

const ENTRY_POINTS: Record<string, readonly { name: string }[]> = {
  components: COMPONENT_CASES,
  physics: PHYSICS_CASES,
  catalog: CATALOG_CASES,
  "policy config": [...POLICY_CONFIG_CASES, ...POLICY_FILE_CASES],
  "stack config": STACK_CONFIG_CASES,
  cli: CLI_CASES,
  engine: ENGINE_CASES,
  weather: WEATHER_CASES,
};

it("at least 170 cases, every entry point covered, names unique within each", () => {
  let total = 0;
  for (const [entry, cases] of Object.entries(ENTRY_POINTS)) {
    expect(cases.length, entry).toBeGreaterThan(0);
    expect(new Set(cases.map((k) => k.name)).size, `${entry}: duplicate case names`).toBe(cases.length);
    total += cases.length;
  }
  reportCount(`total (${Object.entries(ENTRY_POINTS).map(([e, k]) => `${e} ${k.length}`).join(", ")})`, total);
  expect(total).toBeGreaterThanOrEqual(170);
});
