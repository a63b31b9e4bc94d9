/**
 * The happy path every rule test starts from (test/rules/fixture.ts) passes every rule, each budget checked rather
 * than skipped; and rules given a view whose values are not known yet say so instead of passing or crashing.
 */
import { describe, expect, it } from "vitest";
import * as p from "../../policies/evaluate";
import { compliantViews, findingsFor, fitting, summary } from "./fixture";

describe("the compliant fixture", () => {
  it("passes every rule at defaults, one pass per budget (the off-by-default cost rules say nothing)", async () => {
    const views = await compliantViews();
    const findings = p.evaluateRules(views);
    expect(findings.filter((f) => f.status !== "pass")).toEqual([]);
    // Limits by hand: firm 1.5 (grid, firm) + 0.5 × 0.95 (nuclear's firm share) = 1.975 MW; the plant's 2 × 1,500 kW
    // units less one under N+1 = 1,500 kW; horizon end 2028 + 5 lookahead years = 2033; the rest are the rules'
    // defaults (PUE 1.3, WUE 1 L/kWh, 450 gCO2e/kWh, 16 pilot instances) or the fixture's own (permit 10,000 m³/yr,
    // daily cap 100 m³, maxRackKw 140, the racks' ratings). Measured values are the model's.
    expect(summary(findings)).toEqual([
      ["fx", "pass", "mandatory", "fx: PUE 1.096 within the maximum of 1.3"],
      ["fx", "pass", "mandatory", "fx: WUE 0.0642 L/kWh within the maximum of 1 L/kWh"],
      ["fx", "pass", "mandatory", "fx: annual water (permit) 504.7 m³/yr (2027) within the maximum of 10,000 m³/yr"],
      ["fx", "pass", "mandatory", "fx: firm power (peak hour + headroom) 1.445 MW (2027-07-12 10:00) within the maximum of 1.975 MW"],
      ["fx", "pass", "advisory", "fx: proposed contracts listed, not counted"],
      ["fx", "pass", "advisory", "fx: supply carbon intensity (location-based) 221.4 gCO2e/kWh (2027) within the maximum of 450 gCO2e/kWh"],
      ["fx", "pass", "mandatory", "fx: unserved hours 0 h/yr (2027) within the maximum of 0 h/yr"],
      ["fx", "pass", "mandatory", "fx: worst-day water (daily cap) 7.336 m³/day (2027-04-11) within the maximum of 100 m³/day"],
      ["fx-expansion", "pass", "advisory", "fx-expansion: proposed, not counted by the campus"],
      ["fx-grid", "pass", "advisory", "fx-grid: no end year (open-ended)"],
      ["fx-h1", "pass", "mandatory", "fx-h1: densest rack (hall maxRackKw) 121 kW within the maximum of 140 kW"],
      ["fx-h1", "pass", "mandatory", "fx-h1: hours supply air missed 0 h/yr (2027-09-07 13:00) within the maximum of 0 h/yr"],
      ["fx-h1", "pass", "mandatory", "fx-h1: hours supply temperature missed 0 h/yr (2027-07-22 13:00) within the maximum of 0 h/yr"],
      ["fx-h1-air", "pass", "mandatory", "fx-h1-air: rack IT load (rack rating) 57.7 kW within the maximum of 60 kW"],
      ["fx-h1-cooling", "pass", "mandatory", "fx-h1-cooling: heat load (plant capacity under N+1) 1,199 kW within the maximum of 1,500 kW"],
      ["fx-h1-nvl", "pass", "mandatory", "fx-h1-nvl: heat to liquid (CDU capacity) 823 kW within the maximum of 987.6 kW"],
      ["fx-h1-nvl", "pass", "mandatory", "fx-h1-nvl: rack IT load (rack rating) 121 kW within the maximum of 132 kW"],
      ["fx-nuclear", "pass", "advisory", "fx-nuclear: ends in 2040, after the lookahead (2033)"],
      ["fx-pilot", "pass", "mandatory", "fx-pilot: pilot instances 2 instances within the maximum of 16 instances"],
      ["fx-pilot-air-r0001-n1", "pass", "mandatory", "fx-pilot-air-r0001-n1: footprint tags present"],
      ["fx-pilot-air-r0001-n1", "pass", "mandatory", "fx-pilot-air-r0001-n1: instance type p6-b200.48xlarge carries b200 GPUs, as declared"],
      ["fx-pilot-air-r0001-n2", "pass", "mandatory", "fx-pilot-air-r0001-n2: footprint tags present"],
      ["fx-pilot-air-r0001-n2", "pass", "mandatory", "fx-pilot-air-r0001-n2: instance type p6-b200.48xlarge carries b200 GPUs, as declared"],
    ]);
    // Every rule but the two off by default (capex-budget, unit-cost) and structure (which reports only breaks).
    expect(new Set(findings.map((f) => f.policy)).size).toBe(15);
  });
});

describe("a campus that fits its budgets", () => {
  it("passes every rule at defaults", async () => {
    const { findings, all } = await findingsFor("fits", fitting());
    expect(findings).toEqual([]);
    // Every budget was checked, not skipped: one pass per campus budget, rack group and plant.
    const passes = all.filter((f) => f.status === "pass");
    expect(passes.map((f) => [f.policy, f.budget])).toEqual([
      ["firm-power", "firm power (peak hour + headroom)"],
      ["energy-adequacy", "unserved hours"],
      ["water-permit", "annual water (permit)"],
      ["pue-max", "PUE"],
      ["wue-max", "WUE"],
      ["rack-density", "rack IT load (rack rating)"],
      ["rack-density", "densest rack (hall maxRackKw)"],
      ["cdu-capacity", "heat to liquid (CDU capacity)"],
      ["cooling-capacity", "heat load (plant capacity under N+1)"],
      ["supply-temperature", "hours supply temperature missed"],
      ["supply-temperature", "hours supply air missed"],
      ["carbon", "supply carbon intensity (location-based)"],
    ]);
    expect(passes.every((f) => (f.bound === "max" ? f.measured! <= f.limit! : f.measured! >= f.limit!))).toBe(true);
  });
});

describe("unknown values", () => {
  it("reports not-applicable instead of crashing on unknown footprints", () => {
    const view = { type: "aicluster:index:Campus", urn: "urn:x", name: "preview", props: { waterPermitM3PerYear: 100 } };
    const findings = p.evaluateRules([view], { carbon: { enforcementLevel: "disabled" } });
    expect(findings.every((f) => f.status === "not-applicable")).toBe(true);
    expect(findings.map((f) => f.policy)).toEqual(["firm-power", "emergency-power", "energy-adequacy", "water-permit", "pue-max", "wue-max"]);
    expect(p.hasMandatoryViolation(findings)).toBe(false);
  });
});
