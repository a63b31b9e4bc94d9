/**
 * Cooling and density rules: supply-temperature (the plant holds the water the racks and the air path need, hour by
 * hour), rack-density (rack load within its rating and the hall's maxRackKw), cdu-capacity (heat to liquid within
 * the CDUs) and cooling-capacity (the plant's heat load within its capacity under the required redundancy).
 */
import { describe, expect, it } from "vitest";
import * as p from "../../policies/evaluate";
import { violationsOf } from "../../policies/finding";
import { changed, compliantViews, findingsFor, findingsOf, fitting, summary, violations, viewsOf } from "./fixture";

function campusViewOf(views: Awaited<ReturnType<typeof viewsOf>>, name: string) {
  return views.find((v) => v.name === name)!;
}

describe("supply-temperature", () => {
  it("compliant: 40 °C rack loops behind adiabatic coolers in central Ohio miss no hour, nor does the air path", async () => {
    expect(summary(findingsOf("supply-temperature", await compliantViews()))).toEqual([
      ["fx-h1", "pass", "mandatory", "fx-h1: hours supply air missed 0 h/yr (2027-09-07 13:00) within the maximum of 0 h/yr"],
      ["fx-h1", "pass", "mandatory", "fx-h1: hours supply temperature missed 0 h/yr (2027-07-22 13:00) within the maximum of 0 h/yr"],
    ]);
  });

  it("non-compliant: 12 missed hours, 1.5 K warm in the worst, break the default 0 h; a limit of 12 h holds them", async () => {
    // The hall publishes its missed hours and its worst hour's margin as a pair: both move (a margin of −1.5 K is
    // water 1.5 K warmer than the racks need).
    const views = changed(changed(await compliantViews(), "fx-h1", "supplyTempMissedHours", 12), "fx-h1", "supplyTempMarginK", -1.5);
    const findings = findingsOf("supply-temperature", views).filter((f) => f.status === "violation");
    expect(summary(findings)).toEqual([
      ["fx-h1", "violation", "mandatory", "fx-h1: the racks get warmer water than they ask for in 12 hours a year (worst 1.5 K warmer at 2027-07-22 13:00), above the limit of 0 h"],
    ]);
    expect(findings[0]).toMatchObject({ measured: 12, limit: 0, unit: "h/yr", at: "2027-07-22 13:00" });
    expect(violationsOf(findingsOf("supply-temperature", views, { "supply-temperature": { maxMissedHours: 12 } }))).toEqual([]);
  });

  it("non-compliant: a worst-hour margin of 1.5 K is less than a required 2 K (minMarginK), though no hour is missed", async () => {
    const views = changed(await compliantViews(), "fx-h1", "supplyTempMarginK", 1.5);
    expect(summary(findingsOf("supply-temperature", views, { "supply-temperature": { minMarginK: 2 } }).filter((f) => f.budget === "supply temperature margin (worst hour)"))).toEqual([
      ["fx-h1", "violation", "mandatory", "fx-h1: in its worst hour (2027-07-22 13:00) the plant's water is 1.5 K below what the racks need, less than the required margin of 2 K"],
    ]);
    // 1.5 K meets a required 1.5 K.
    expect(summary(findingsOf("supply-temperature", views, { "supply-temperature": { minMarginK: 1.5 } }).filter((f) => f.budget === "supply temperature margin (worst hour)"))).toEqual([
      ["fx-h1", "pass", "mandatory", "fx-h1: supply temperature margin (worst hour) 1.5 K (2027-07-22 13:00) at or above the minimum of 1.5 K"],
    ]);
  });

  it("non-compliant: the air path's coils missing 7 hours, 0.5 K warm in the worst, on their own loop", async () => {
    const views = changed(changed(await compliantViews(), "fx-h1", "airSupplyMissedHours", 7), "fx-h1", "airSupplyMarginK", -0.5);
    expect(summary(violationsOf(findingsOf("supply-temperature", views)))).toEqual([
      ["fx-h1", "violation", "mandatory", "fx-h1: the air path's coils get warmer water than its 23 °C supply air needs in 7 hours a year (worst 0.5 K warmer at 2027-09-07 13:00), above the limit of 0 h"],
    ]);
  });

  it("fails a rack asking for 20 °C behind adiabatic coolers in Louisiana in most hours of the year, at mandatory", async () => {
    const racks = [{ name: "cold", design: "gb200-nvl72", rackCount: 2, supplyTempC: 20 }, { name: "warm", design: "gb200-nvl72", rackCount: 2, supplyTempC: 40 }];
    const { findings } = await findingsFor("bayou", fitting({ climate: "north-louisiana", halls: [{ name: "h1", racks, cooling: { technology: "adiabatic" } }] }));
    const f = findings.filter((x) => x.policy === "supply-temperature" && x.budget === "hours supply temperature missed");
    // The coldest rack loop asks for 20 °C, so the facility water must be 17 °C behind a 3 K CDU: the plant (dry bulb
    // + 6 K dry, wet bulb + 8 K wet) makes that only when the wet bulb is below 9 °C.
    const hall = campusViewOf(await viewsOf("bayou"), "bayou-h1");
    const plant = (await viewsOf("bayou")).find((v) => v.name === "bayou-h1-cooling")!;
    const missed = hall.props.supplyTempMissedHours as number;
    expect(missed).toBe(plant.props.hoursAboveSetpoint);
    expect(missed).toBeGreaterThan(4000);
    expect(f.map((x) => [x.resourceName, x.measured, x.limit, x.bound, x.enforcementLevel])).toEqual([["bayou-h1", missed, 0, "max", "mandatory"]]);
    expect(f[0].message).toMatch(new RegExp(`^bayou-h1: the racks get warmer water than they ask for in ${missed.toLocaleString("en-US")} hours a year \\(worst [\\d.]+ K warmer at 07-\\d\\d \\d\\d:00\\), above the limit of 0 h; rack groups: bayou-h1-cold \\(20 °C supply, ${missed.toLocaleString("en-US")} h\\), bayou-h1-warm \\(40 °C, 2 h\\)$`));
    // 17 °C water is colder than the air path's coils need (18 °C), so they take the facility water and miss too,
    // in the hours the plant cannot make 18 °C (fewer than those it cannot make 17 °C).
    const air = findings.filter((x) => x.policy === "supply-temperature" && x.budget === "hours supply air missed");
    expect(hall.props.airPathService).toBe("facility-water");
    const airMissed = hall.props.airSupplyMissedHours as number;
    expect(airMissed).toBeGreaterThan(4000);
    expect(airMissed).toBeLessThan(missed);
    expect(air.map((x) => [x.resourceName, x.measured, x.limit])).toEqual([["bayou-h1", airMissed, 0]]);
    expect(air[0].message).toMatch(new RegExp(`^bayou-h1: the air path's coils get warmer water than its 23 °C supply air needs in ${airMissed.toLocaleString("en-US")} hours a year \\(worst [\\d.]+ K warmer at 07-\\d\\d \\d\\d:00; the coils are on the facility water\\), above the limit of 0 h$`));
    // The warmer group (40 °C: 37 °C water, wet bulb + 8 K) misses only the year's 2 most humid hours (wet bulb above
    // 29 °C: 29.03 °C at most, 2.0 K above the 0.4 % design wet bulb of 27.0 °C, as real TMY3 years reach 1.5-2.1 K
    // above theirs, test/realWeather.test.ts's stations).
    const groups = (await viewsOf("bayou")).filter((v) => v.type === "aicluster:index:LiquidCooledRack");
    expect(groups.map((g) => [g.name, g.props.supplyTempMissedHours])).toEqual([["bayou-h1-cold", missed], ["bayou-h1-warm", 2]]);
    // The same hall with chillers (7 °C supply) holds it.
    const chilled = await findingsFor("chilled", fitting({ climate: "north-louisiana", halls: [{ name: "h1", racks, cooling: { technology: "chiller" } }] }), { "pue-max": "disabled" });
    expect(chilled.findings.filter((x) => x.policy === "supply-temperature")).toEqual([]);
  });

  it("names the rack groups that miss: every group over the limit, most missed first; a group within the limit is not named", async () => {
    const racks = [{ name: "mid", design: "gb200-nvl72", rackCount: 1, supplyTempC: 30 }, { name: "cold", design: "gb200-nvl72", rackCount: 1, supplyTempC: 20 }, { name: "warm", design: "gb200-nvl72", rackCount: 1, supplyTempC: 40 }];
    await findingsFor("rows", fitting({ climate: "north-louisiana", halls: [{ name: "h1", racks, cooling: { technology: "adiabatic" } }] }));
    const views = await viewsOf("rows");
    const groups = new Map(views.filter((v) => v.type === "aicluster:index:LiquidCooledRack").map((g) => [g.name, g.props.supplyTempMissedHours as number]));
    const cold = groups.get("rows-h1-cold")!;
    const mid = groups.get("rows-h1-mid")!;
    expect(cold).toBeGreaterThan(mid);
    expect(mid).toBeGreaterThan(0);
    // The 40 °C group misses the year's 2 most humid hours (wet bulb above 29 °C), far fewer than the others.
    expect(groups.get("rows-h1-warm")).toBe(2);
    const message = (config = {}) => violationsOf(p.evaluateRules(views, config)).find((f) => f.policy === "supply-temperature")?.message;
    const n = (h: number) => h.toLocaleString("en-US");
    expect(message()).toMatch(new RegExp(`; rack groups: rows-h1-cold \\(20 °C supply, ${n(cold)} h\\), rows-h1-mid \\(30 °C, ${n(mid)} h\\), rows-h1-warm \\(40 °C, 2 h\\)$`));
    // Between the two: only the colder group is over the limit.
    expect(message({ "supply-temperature": { maxMissedHours: mid } })).toMatch(new RegExp(`; rack groups: rows-h1-cold \\(20 °C supply, ${n(cold)} h\\)$`));
    expect(message({ "supply-temperature": { maxMissedHours: cold } })).toBeUndefined();
  });
});

describe("rack-density", () => {
  it("compliant: each rack within its rating (57.7 of 60 kW, 121 of 132 kW) and the densest within the hall's 140 kW", async () => {
    expect(summary(findingsOf("rack-density", await compliantViews()))).toEqual([
      ["fx-h1", "pass", "mandatory", "fx-h1: densest rack (hall maxRackKw) 121 kW within the maximum of 140 kW"],
      ["fx-h1-air", "pass", "mandatory", "fx-h1-air: rack IT load (rack rating) 57.7 kW within the maximum of 60 kW"],
      ["fx-h1-nvl", "pass", "mandatory", "fx-h1-nvl: rack IT load (rack rating) 121 kW within the maximum of 132 kW"],
    ]);
  });

  it("non-compliant: an air-cooled rack drawing 61 kW, above its 60 kW rating", async () => {
    const findings = violationsOf(findingsOf("rack-density", changed(await compliantViews(), "fx-h1-air", "itLoadPerRackKw", 61)));
    expect(summary(findings)).toEqual([["fx-h1-air", "violation", "mandatory", "fx-h1-air: rack IT load 61 kW exceeds the rack's rating of 60 kW"]]);
    expect(findings[0]).toMatchObject({ measured: 61, limit: 60, unit: "kW" });
  });

  it("non-compliant: a densest rack of 150 kW in a hall that supports 140 kW per rack", async () => {
    const findings = violationsOf(findingsOf("rack-density", changed(await compliantViews(), "fx-h1", "maxRackItLoadKw", 150)));
    expect(summary(findings)).toEqual([["fx-h1", "violation", "mandatory", "fx-h1: densest rack draws 150 kW, above the 140 kW per rack the hall supports (maxRackKw)"]]);
  });

  it("a hall that sets no density limit is not checked for one", async () => {
    const findings = findingsOf("rack-density", changed(await compliantViews(), "fx-h1", "maxRackKw", undefined));
    expect(findings.map((f) => f.resourceName).sort()).toEqual(["fx-h1-air", "fx-h1-nvl"]);
  });

  it("fails racks above the hall's maxRackKw", async () => {
    const { findings } = await findingsFor("dense", fitting({ halls: [{ name: "h1", racks: [{ name: "nvl", design: "gb200-nvl72", rackCount: 2, supplyTempC: 40 }], cooling: { technology: "adiabatic" }, maxRackKw: 100 }] }));
    expect(findings.map((f) => [f.policy, f.resourceName, f.limit])).toEqual([["rack-density", "dense-h1", 100]]);
  });
});

describe("cdu-capacity", () => {
  it("compliant: 823 kW to liquid within the rack group's 987.6 kW of CDUs", async () => {
    expect(summary(findingsOf("cdu-capacity", await compliantViews()))).toEqual([
      ["fx-h1-nvl", "pass", "mandatory", "fx-h1-nvl: heat to liquid (CDU capacity) 823 kW within the maximum of 987.6 kW"],
    ]);
  });

  it("non-compliant: 1,000 kW to liquid, above the 987.6 kW of CDUs (the fixture's cduCapacityKw, 987.569 kW)", async () => {
    const findings = findingsOf("cdu-capacity", changed(await compliantViews(), "fx-h1-nvl", "heatToLiquidKw", 1000));
    expect(summary(findings)).toEqual([["fx-h1-nvl", "violation", "mandatory", "fx-h1-nvl: heat to liquid 1,000 kW exceeds CDU capacity 987.6 kW"]]);
    expect(findings[0].measured).toBe(1000);
  });

  it("fails undersized CDUs", async () => {
    const { findings } = await findingsFor("cdu", fitting({ halls: [{ name: "h1", racks: [{ name: "nvl", design: "gb200-nvl72", rackCount: 2, supplyTempC: 40, cduCapacityKwPerRack: 80 }], cooling: { technology: "adiabatic" } }] }));
    expect(findings.map((f) => [f.policy, f.resourceName, f.limit])).toEqual([["cdu-capacity", "cdu-h1-nvl", 160]]);
  });
});

describe("cooling-capacity", () => {
  it("compliant: 1,199 kW of heat within the 1,500 kW left under N+1 (2 units of 1,500 kW, one out)", async () => {
    expect(summary(findingsOf("cooling-capacity", await compliantViews()))).toEqual([
      ["fx-h1-cooling", "pass", "mandatory", "fx-h1-cooling: heat load (plant capacity under N+1) 1,199 kW within the maximum of 1,500 kW"],
    ]);
  });

  it("non-compliant: 1,600 kW of heat above the (2 − 1) × 1,500 = 1,500 kW left under N+1, and under 2N (2 / 2 × 1,500); N (2 × 1,500 = 3,000 kW) holds it", async () => {
    const views = changed(await compliantViews(), "fx-h1-cooling", "heatLoadKw", 1600);
    expect(summary(findingsOf("cooling-capacity", views))).toEqual([
      ["fx-h1-cooling", "violation", "mandatory", "fx-h1-cooling: heat load 1,600 kW exceeds the 1,500 kW left under N+1 (2 × 1,500 kW units)"],
    ]);
    expect(summary(findingsOf("cooling-capacity", views, { "cooling-capacity": { requiredRedundancy: "2N" } }))).toEqual([
      ["fx-h1-cooling", "violation", "mandatory", "fx-h1-cooling: heat load 1,600 kW exceeds the 1,500 kW left under 2N (2 × 1,500 kW units)"],
    ]);
    expect(summary(findingsOf("cooling-capacity", views, { "cooling-capacity": { requiredRedundancy: "N" } }))).toEqual([
      ["fx-h1-cooling", "pass", "mandatory", "fx-h1-cooling: heat load (plant capacity under N) 1,600 kW within the maximum of 3,000 kW"],
    ]);
  });

  it("fails a plant that carries its load only with every unit running", async () => {
    const { findings } = await findingsFor("plant", fitting({ halls: [{ name: "h1", racks: [{ name: "nvl", design: "gb200-nvl72", rackCount: 8, supplyTempC: 40 }], cooling: { technology: "adiabatic", units: 1 } }] }));
    expect(findings.map((f) => [f.policy, f.resourceName, f.limit])).toEqual([["cooling-capacity", "plant-h1-cooling", 0]]);
    expect(violations(await viewsOf("plant"), { "cooling-capacity": { requiredRedundancy: "N" } })).toEqual([]);
  });
});
