/**
 * Money rules: capex-budget (capex over the horizon and in each year within the budgets set, an unpriced campus
 * failing) and unit-cost (cost per GPU-hour and capex per MW of IT under their caps). Both are off by default.
 * The fixture cases change one published figure; the cases after them (moved from test/costRules.test.ts) run the
 * pure model of a two-hall campus and fail it on a budget one dollar too small, at each estimate.
 */
import { describe, expect, it } from "vitest";
import { campusModel, CampusArgs, CampusFootprint } from "../../components/model/campus";
import { evaluateRules } from "../../policies/evaluate";
import { capexBudget, unitCost } from "../../policies/rules";
import type { Rule } from "../../policies/rule";
import { TYPES, type ResourceView } from "../../policies/view";
import { changed, compliantViews, findingsOf, summary } from "./fixture";

describe("capex-budget on the fixture", () => {
  it("compliant: capex of $48.4M (base) within a budget of $50M over the horizon and in any year", async () => {
    const views = await compliantViews();
    expect(findingsOf("capex-budget", views)).toEqual([]); // off by default
    expect(summary(findingsOf("capex-budget", views, { "capex-budget": { maxCapexUsd: 50e6, maxCapexUsdPerYear: 50e6 } }))).toEqual([
      ["fx", "pass", "mandatory", "fx: capex in a year (base) 48,378,389 USD (2027) within the maximum of 50,000,000 USD"],
      ["fx", "pass", "mandatory", "fx: capex over the horizon (base) 48,378,389 USD within the maximum of 50,000,000 USD"],
    ]);
  });

  it("non-compliant: $60M (base) over the horizon is $10M above a $50M budget, at mandatory", async () => {
    const views = changed(await compliantViews(), "fx", "capexUsd", { low: 40e6, base: 60e6, high: 80e6 });
    const findings = findingsOf("capex-budget", views, { "capex-budget": { maxCapexUsd: 50e6 } });
    expect(summary(findings)).toEqual([["fx", "violation", "mandatory", "fx: capex over the horizon $60.0M (base) exceeds the budget of $50.0M by $10.0M"]]);
    expect(findings[0]).toMatchObject({ measured: 60e6, limit: 50e6, unit: "USD" });
    // The low end ($40M) is within it.
    expect(findingsOf("capex-budget", views, { "capex-budget": { maxCapexUsd: 50e6, estimate: "low" } }).map((f) => f.status)).toEqual(["pass"]);
  });

  it("non-compliant: $55M (base) placed in service in 2028 is $5M above a yearly budget of $50M", async () => {
    const views = changed(await compliantViews(), "fx", ["costYears", 1, "capexUsd"], { low: 50e6, base: 55e6, high: 60e6 });
    const findings = findingsOf("capex-budget", views, { "capex-budget": { maxCapexUsdPerYear: 50e6 } });
    expect(summary(findings)).toEqual([["fx", "violation", "mandatory", "fx in 2028: capex $55.0M (base) exceeds the yearly budget of $50.0M by $5.00M"]]);
    expect(findings[0].year).toBe(2028);
  });
});

describe("unit-cost on the fixture", () => {
  // AEP Ohio bills at least 85 % of the 5 MW contracted (4.25 MW) though the campus draws about 2: $2.01, not $1.99.
  it("compliant: $2.01 per GPU-hour (base) under a cap of $2.05", async () => {
    const views = await compliantViews();
    expect(findingsOf("unit-cost", views)).toEqual([]); // off by default
    expect(summary(findingsOf("unit-cost", views, { "unit-cost": { maxUsdPerGpuHour: 2.05 } }))).toEqual([
      ["fx", "pass", "advisory", "fx: cost per GPU-hour (base) 2.006 USD within the maximum of 2.05 USD"],
    ]);
  });

  it("non-compliant: $2.50 per GPU-hour (base) above a cap of $2, at advisory; $2.40M capex per MW above a cap of $2M", async () => {
    const views = changed(await compliantViews(), "fx", "costUsdPerGpuHour", { low: 2, base: 2.5, high: 3 });
    expect(summary(findingsOf("unit-cost", views, { "unit-cost": { maxUsdPerGpuHour: 2 } }))).toEqual([
      ["fx", "violation", "advisory", "fx: cost per GPU-hour in the full-build year $2.50 (base) exceeds the cap of $2.00"],
    ]);
    const perMw = changed(await compliantViews(), "fx", "capexUsdPerMwIt", { low: 2e6, base: 2.4e6, high: 3e6 });
    expect(summary(findingsOf("unit-cost", perMw, { "unit-cost": { maxCapexUsdPerMwIt: 2e6 } }))).toEqual([
      ["fx", "violation", "advisory", "fx: capex per MW of IT $2.40M (base) exceeds the cap of $2.00M"],
    ]);
  });
});

const ARGS: CampusArgs = {
  location: "New Albany, Ohio",
  climate: "central-ohio",
  market: "pjm",
  onlineYear: 2027,
  halls: [
    { name: "h1", racks: [{ name: "r", design: "gb200-nvl72", rackCount: 4, supplyTempC: 40 }], cooling: { technology: "adiabatic", redundancy: "N+1" } },
    { name: "h2", onlineYear: 2028, racks: [{ name: "r", design: "gb300-nvl72", rackCount: 6, supplyTempC: 40 }], cooling: { technology: "adiabatic", redundancy: "N+1" } },
  ],
  powerContracts: [{ name: "grid", counterparty: "AEP Ohio", source: "grid-pjm-ohio", contractedMw: 5 }],
};

/** The campus as stack policies see it: its registered outputs (the footprint without the children's). */
function viewOf(fp: CampusFootprint, name = "c"): ResourceView {
  const { halls: _h, contracts: _c, ...props } = fp;
  return { type: TYPES.campus, urn: `urn:${name}`, name, props: props as unknown as Record<string, unknown> };
}

const fp = campusModel(ARGS, { type: TYPES.campus, name: "c" });
// eslint-disable-next-line @typescript-eslint/no-explicit-any
const run = (config: Record<string, unknown>, rule: Rule<any> = capexBudget) => evaluateRules([viewOf(fp)], { [rule.name]: config } as never, [rule]);

describe("capex-budget", () => {
  it("is off by default", () => {
    expect(run({})).toEqual([]);
    expect(run({ maxCapexUsd: "off", maxCapexUsdPerYear: "off" })).toEqual([]);
  });

  // Issue 32: 0 used to mean "not checked", so tightening a budget from 1 to 0 turned FAIL into PASS.
  it("treats 0 as a real budget: tightening never turns FAIL into PASS", () => {
    for (const budget of [1, 0]) {
      expect(run({ maxCapexUsd: budget }).map((f) => f.status)).toEqual(["violation"]);
      expect(run({ maxCapexUsdPerYear: budget }).map((f) => f.status)).toEqual(["violation"]);
    }
  });

  for (const estimate of ["low", "base", "high"] as const) {
    it(`fails the horizon's capex on a budget one dollar too small, and passes at the capex itself (${estimate})`, () => {
      // Over the horizon: every year's capex, the build's and the replacements' (the rows, summed here).
      const capex = fp.costYears.reduce((s, r) => s + r.capexUsd[estimate], 0);
      expect(capex).toBeGreaterThan(fp.capexUsd[estimate]);
      const tight = run({ maxCapexUsd: capex - 1, estimate });
      expect(tight.map((f) => [f.status, f.enforcementLevel])).toEqual([["violation", "mandatory"]]);
      expect(tight[0].measured! / capex).toBeCloseTo(1, 12);
      expect(tight[0].message).toMatch(new RegExp(`^c: capex over the horizon \\$[\\d.]+[kMB]? \\(${estimate}; \\$[\\d.]+[kMB]? of it refresh\\) exceeds the budget of \\$[\\d.]+[kMB]? by \\$1\\.00$`));
      // At the figure itself (the rule's sum, equal to the rows' to rounding) it passes.
      expect(run({ maxCapexUsd: tight[0].measured!, estimate }).map((f) => f.status)).toEqual(["pass"]);
    });
  }

  it("fails a year whose capex is one dollar over the yearly budget, naming that year", () => {
    const [y2027, y2028] = fp.costYears;
    expect([y2027.year, y2028.year]).toEqual([2027, 2028]);
    const biggest = Math.max(y2027.capexUsd.base, y2028.capexUsd.base);
    const year = y2027.capexUsd.base >= y2028.capexUsd.base ? 2027 : 2028;
    const tight = run({ maxCapexUsdPerYear: biggest - 1 });
    expect(tight.map((f) => [f.status, f.year, f.measured, f.limit])).toEqual([["violation", year, biggest, biggest - 1]]);
    expect(tight[0].message).toContain(`c in ${year}: capex`);
    const ok = run({ maxCapexUsdPerYear: biggest });
    expect(ok.map((f) => [f.status, f.year])).toEqual([["pass", year]]);
  });

  it("fails a campus the catalog cannot price, whatever the budget", () => {
    const unpriced = viewOf({ ...fp, costMissing: ['rack design "x-rack" (rackHardwareCosts)'] });
    const findings = evaluateRules([unpriced], { "capex-budget": { maxCapexUsd: 1e13 } } as never, [capexBudget]);
    expect(findings.map((f) => [f.status, f.message])).toEqual([
      ["violation", 'c: capex cannot be checked against its budget: the cost catalog has no price for rack design "x-rack" (rackHardwareCosts)'],
    ]);
  });

  it("is not applicable, never a pass, when the campus published no cost", () => {
    const { costMissing: _m, ...rest } = viewOf(fp).props;
    const findings = evaluateRules([{ ...viewOf(fp), props: rest }], { "capex-budget": { maxCapexUsd: 1e13 } } as never, [capexBudget]);
    expect(findings.map((f) => f.status)).toEqual(["not-applicable"]);
  });
});

describe("unit-cost", () => {
  it("is off by default", () => {
    expect(run({}, unitCost)).toEqual([]);
  });

  it("flags a cost per GPU-hour one cent over the cap, and capex per MW one dollar over, at advisory", () => {
    const perGpuHour = fp.costUsdPerGpuHour.base;
    const perMw = fp.capexUsdPerMwIt.base;
    const findings = run({ maxUsdPerGpuHour: perGpuHour - 0.01, maxCapexUsdPerMwIt: perMw - 1 }, unitCost);
    expect(findings.map((f) => [f.status, f.enforcementLevel, f.measured])).toEqual([["violation", "advisory", perGpuHour], ["violation", "advisory", perMw]]);
    expect(run({ maxUsdPerGpuHour: perGpuHour, maxCapexUsdPerMwIt: perMw }, unitCost).map((f) => f.status)).toEqual(["pass", "pass"]);
  });
});
