/**
 * Issue 32: no report carries null, NaN or an infinite number where a figure belongs. The whole JSON report of both
 * stacks (as `npm run plan -- <stack> --format json` writes it) is walked; JSON.stringify writes NaN and ±Infinity as
 * null, so a null anywhere is one of them (or a null written on purpose, which a report must not do either).
 */
import { describe, expect, it } from "vitest";
import { withSchemaVersion } from "../plan/cli";
import { buildReport } from "../plan/report";
import { runPlan } from "../plan/runPlan";
import { loadStackConfig } from "../plan/stackConfig";

/** Paths of every null, NaN or infinite value in `value`. */
function nonFigures(value: unknown, path = "$"): string[] {
  if (value === null) return [`${path} = null`];
  if (typeof value === "number") return Number.isFinite(value) ? [] : [`${path} = ${value}`];
  if (Array.isArray(value)) return value.flatMap((v, i) => nonFigures(v, `${path}[${i}]`));
  if (typeof value === "object") return Object.entries(value as Record<string, unknown>).flatMap(([k, v]) => nonFigures(v, `${path}.${k}`));
  return [];
}

describe("the JSON report of each stack holds only figures", () => {
  for (const stack of ["prometheus", "hyperion"]) {
    it(`${stack}: no null, NaN or Infinity anywhere (budgets with a limit of 0 carry no headroomShare)`, async () => {
      const report = buildReport(await runPlan({ stack, config: loadStackConfig(stack) }), 3);
      expect(nonFigures(report)).toEqual([]);
      const json = JSON.parse(JSON.stringify(withSchemaVersion(report)));
      expect(nonFigures(json)).toEqual([]);
      // The limit-0 budget (unserved hours) still reports its headroom, without a share of 0.
      const zero = report.budgets.filter((b) => b.limit === 0);
      expect(zero.length).toBeGreaterThan(0);
      for (const b of zero) {
        expect(b).not.toHaveProperty("headroomShare");
        expect(Number.isFinite(b.headroom)).toBe(true);
      }
    }, 180_000);
  }

  it("nonFigures finds what JSON turns into null", () => {
    expect(nonFigures(JSON.parse(JSON.stringify({ a: [1, -Infinity], b: { c: Number.NaN } })))).toEqual(["$.a[1] = null", "$.b.c = null"]);
    expect(nonFigures({ a: Infinity })).toEqual(["$.a = Infinity"]);
  });
});
