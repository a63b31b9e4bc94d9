/**
 * Water scarcity (issue 36): the water a campus consumes (the evaporated part of its make-up; blowdown returns to the
 * basin), weighted month by month by its site's AWARE 2.0 factors, and the limits water-permit and wue-max take on it.
 * Expected values are worked out by hand from the cycles of concentration and the factors as the WULCA workbook gives
 * them (typed here from the workbook, sheet CFs_nonagri, not read from the catalog).
 */
import { beforeAll, describe, expect, it } from "vitest";
import { Catalog, catalog } from "../components/catalog";
import { scarcityWeightedWaterM3 } from "../components/physics";
import { campusModel, type CampusArgs } from "../components/model/campus";
import { show } from "../components/format/numbers";
import { components, findingsFor, fitting, summary } from "./rules/fixture";
import { inputError } from "./helpers/inputError";

/** AWARE 2.0 non-agricultural factors, January to December, m³ world-eq per m³ (AWARE20_Countries_and_Regions.xlsx). */
const TEXAS = [12.4, 12.9, 12.4, 13.2, 12.4, 13.9, 13.2, 17.2, 15.3, 13.3, 12.3, 12.8];
const ARIZONA = [99.3, 99.4, 99.5, 99.4, 99.4, 99.4, 100, 99.9, 99.2, 99.3, 99.4, 99.3];

const subject = { type: "aicluster:index:Campus", name: "t" };

/** A small undated campus at a site, its one hall rejecting heat with `technology`. */
function campus(climate: string, technology: string, more: Partial<CampusArgs> = {}): CampusArgs {
  return {
    location: "somewhere", climate,
    halls: [{ name: "h1", racks: [{ name: "nvl", design: "gb200-nvl72", rackCount: 8, supplyTempC: 40 }], cooling: { technology } }],
    powerContracts: [{ name: "grid", counterparty: "utility", source: "grid-us-average", contractedMw: 2 }],
    ...more,
  };
}

describe("scarcityWeightedWaterM3", () => {
  it("weighs each month's consumption by its factor: 100 m³ a month in Texas is 100 × Σ factors = 100 × 161.3 = 16,130 m³ world-eq", () => {
    expect(TEXAS.reduce((a, b) => a + b, 0)).toBeCloseTo(161.3, 10);
    expect(scarcityWeightedWaterM3(Array(12).fill(100), TEXAS)).toBeCloseTo(16_130, 8);
  });

  it("a month without consumption adds nothing: 1,000 m³ in August only, at 17.2, is 17,200", () => {
    const august = Array(12).fill(0);
    august[7] = 1000;
    expect(scarcityWeightedWaterM3(august, TEXAS)).toBeCloseTo(17_200, 8);
  });

  it("refuses anything but twelve months, and negative figures", () => {
    expect(() => scarcityWeightedWaterM3([1, 2], TEXAS)).toThrow("twelve months");
    expect(() => scarcityWeightedWaterM3(Array(12).fill(-1), TEXAS)).toThrow(/consumedByMonthM3\[0\]/);
  });
});

describe("the catalog's water scarcity entries", () => {
  it("each annual factor lies between its smallest and largest month (a demand-weighted mean of them) and within AWARE's 0.1-100", () => {
    for (const w of catalog.waterScarcity.list()) {
      const months = w.monthlyM3WorldEqPerM3;
      expect(w.annualM3WorldEqPerM3, w.id).toBeGreaterThanOrEqual(Math.min(...months));
      expect(w.annualM3WorldEqPerM3, w.id).toBeLessThanOrEqual(Math.max(...months));
      for (const f of months) expect(f >= 0.1 && f <= 100, `${w.id} ${f}`).toBe(true);
      expect(w.source.title).toContain("AWARE 2.0");
    }
  });

  it("covers the two Meta sites and the six AI sites, by climate id, and not the generic example site", () => {
    expect(catalog.waterScarcity.ids().sort()).toEqual(["abilene-tx", "central-ohio", "council-bluffs-ia", "loudoun-va", "newton-county-ga", "north-louisiana", "phoenix-az", "quincy-wa"]);
    expect(catalog.waterScarcity.get("abilene-tx").monthlyM3WorldEqPerM3).toEqual(TEXAS);
    expect(catalog.waterScarcity.get("phoenix-az").monthlyM3WorldEqPerM3).toEqual(ARIZONA);
  });

  it("Arizona's Aqueduct 4.0 state score is extremely high (4.39); Georgia's category was not found", () => {
    expect(catalog.waterScarcity.get("phoenix-az").baselineWaterStress).toEqual({ category: "extremely-high", score: 4.39, scope: "state", aqueductVersion: "4.0" });
    expect(catalog.waterScarcity.get("newton-county-ga").baselineWaterStress).toBeUndefined();
  });

  it("refuses an entry for a climate the catalog does not have, and a factor above AWARE's cap, naming the field", () => {
    const c = Catalog.withBuiltins();
    const entry = { ...c.waterScarcity.get("abilene-tx"), id: "mars" };
    expect(() => c.waterScarcity.register(entry)).toThrow(/id = "mars"; allowed: a climate in the catalog/);
    const high = { ...c.waterScarcity.get("abilene-tx"), id: "abilene-tx", monthlyM3WorldEqPerM3: [...TEXAS.slice(0, 11), 120] };
    expect(() => c.waterScarcity.register(high, { replace: true })).toThrow(/monthlyM3WorldEqPerM3\[11\] = 120/);
  });
});

describe("a campus's consumed and scarcity-weighted water", () => {
  it("an evaporative tower at 5 cycles consumes 4/5 of its make-up; Abilene weighs it month by month at Texas's factors", () => {
    const f = campusModel(campus("abilene-tx", "evaporative-tower"), subject);
    expect(f.waterM3PerYear).toBeGreaterThan(1000);
    // Make-up = evaporation × 5/4: the evaporated part is 0.8 of it, month by month.
    expect(f.waterConsumedM3PerYear).toBeCloseTo(0.8 * f.waterM3PerYear, 6);
    f.monthly.forEach((m) => expect(m.waterConsumedM3).toBeCloseTo(0.8 * m.waterM3, 6));
    const byHand = f.monthly.reduce((s, m, i) => s + 0.8 * m.waterM3 * TEXAS[i], 0);
    expect(f.scarcityWeightedWaterM3PerYear).toBeCloseTo(byHand, 4);
    expect(f.years[0].scarcityWeightedWaterM3).toBeCloseTo(byHand, 4);
    // Between the smallest and largest month's factor times the consumption, and above the annual factor here
    // (the tower evaporates most in August, Texas's scarcest month).
    expect(byHand / f.waterConsumedM3PerYear).toBeGreaterThan(12.3);
    expect(byHand / f.waterConsumedM3PerYear).toBeLessThan(17.2);
    expect(f.awareRegion).toBe("US-TX");
    expect(f.awareAnnualM3WorldEqPerM3).toBe(13.5);
    expect(f.baselineWaterStress).toBe("medium-high (Aqueduct 3.0, state)");
    // L world-eq per IT kWh = m³ × 1,000 / (MWh × 1,000).
    expect(f.scarcityWeightedWueLPerKwh).toBeCloseTo(byHand / f.annualItEnergyMwh, 8);
  });

  it("dry coolers evaporate nothing: 0 consumed, 0 scarcity-weighted", () => {
    const f = campusModel(campus("abilene-tx", "dry-cooler"), subject);
    expect(f.waterM3PerYear).toBe(0);
    expect(f.waterConsumedM3PerYear).toBe(0);
    expect(f.scarcityWeightedWaterM3PerYear).toBe(0);
  });

  it("a site without an entry publishes consumed water and no scarcity figures; naming an entry weighs it", () => {
    const bare = campusModel(campus("temperate-generic", "evaporative-tower"), subject);
    expect(bare.waterConsumedM3PerYear).toBeGreaterThan(0);
    for (const key of ["waterScarcity", "awareRegion", "awareAnnualM3WorldEqPerM3", "baselineWaterStress", "scarcityWeightedWaterM3PerYear", "scarcityWeightedWueLPerKwh"] as const) expect(bare[key], key).toBeUndefined();
    expect(bare.years[0].scarcityWeightedWaterM3).toBeUndefined();
    const named = campusModel(campus("temperate-generic", "evaporative-tower", { waterScarcity: "phoenix-az" }), subject);
    expect(named.waterScarcity).toBe("phoenix-az");
    expect(named.scarcityWeightedWaterM3PerYear).toBeCloseTo(named.monthly.reduce((s, m, i) => s + 0.8 * m.waterM3 * ARIZONA[i], 0), 4);
    expect(named.baselineWaterStress).toBe("extremely-high (score 4.39; Aqueduct 4.0, state)");
  });

  it("the same hall consumes the same water at every site of a climate, but weighs about 99 / 1.22 = 81 times more in Arizona than in Ohio", () => {
    const az = campusModel(campus("central-ohio", "evaporative-tower", { waterScarcity: "phoenix-az" }), subject);
    const oh = campusModel(campus("central-ohio", "evaporative-tower"), subject);
    expect(az.waterConsumedM3PerYear).toBe(oh.waterConsumedM3PerYear);
    const ratio = az.scarcityWeightedWaterM3PerYear! / oh.scarcityWeightedWaterM3PerYear!;
    expect(ratio).toBeGreaterThan(99.2 / 2.24);
    expect(ratio).toBeLessThan(100 / 0.627);
  });

  it("refuses an unknown waterScarcity id, naming the field, the value and the entries", () => {
    const e = inputError(() => campusModel(campus("central-ohio", "adiabatic", { waterScarcity: "mars" }), subject));
    expect(e.fields).toEqual(["waterScarcity"]);
    expect(e.message).toContain('waterScarcity = "mars"; allowed: a water scarcity in the catalog: abilene-tx, central-ohio, council-bluffs-ia, loudoun-va, newton-county-ga, north-louisiana, phoenix-az, quincy-wa');
  });
});

describe("water-permit and wue-max limits on scarcity-weighted water", () => {
  beforeAll(async () => {
    await components();
  });

  it("water-permit: a limit 1 % under the campus's scarcity-weighted water fails, naming both numbers and the consumption", async () => {
    const args = fitting({ climate: "abilene-tx", market: undefined, halls: [{ name: "h1", racks: [{ name: "nvl", design: "gb200-nvl72", rackCount: 8, supplyTempC: 40 }], cooling: { technology: "evaporative-tower" } }], powerContracts: [{ name: "grid", counterparty: "utility", source: "grid-ercot", contractedMw: 2 }], waterPermitM3PerYear: undefined });
    const f = campusModel(args, subject);
    const weighted = f.scarcityWeightedWaterM3PerYear!;
    const limit = weighted / 1.01;
    const { all } = await findingsFor("thirsty", args, { "water-permit": { maxScarcityWeightedWaterM3PerYear: limit } });
    const found = all.filter((x) => x.policy === "water-permit" && x.budget === "scarcity-weighted water");
    expect(summary(found)).toEqual([["thirsty", "violation", "mandatory",
      `thirsty: scarcity-weighted water ${show(weighted)} m³ world-eq exceeds the limit of ${show(limit)} m³ world-eq/yr (by 1 %; consumed ${show(f.waterConsumedM3PerYear)} m³)`]]);
    const { all: passing } = await findingsFor("thirsty2", args, { "water-permit": { maxScarcityWeightedWaterM3PerYear: weighted * 1.01 } });
    expect(passing.filter((x) => x.policy === "water-permit" && x.budget === "scarcity-weighted water").map((x) => x.status)).toEqual(["pass"]);
  });

  it("water-permit: a limit at a site without a factor is a violation, not a pass", async () => {
    const args = fitting({ climate: "temperate-generic", market: undefined, powerContracts: [{ name: "grid", counterparty: "utility", source: "grid-us-average", contractedMw: 2 }] });
    const { all } = await findingsFor("unknown-basin", args, { "water-permit": { maxScarcityWeightedWaterM3PerYear: 1000 } });
    const found = all.filter((x) => x.policy === "water-permit" && x.status === "violation");
    expect(found.map((x) => x.message)).toEqual([
      `unknown-basin: scarcity-weighted water cannot be checked against 1,000 m³ world-eq/yr: the catalog has no water-scarcity entry for climate "temperate-generic" and the campus names none (waterScarcity)`,
    ]);
  });

  it("wue-max: scarcity-weighted WUE over its limit fails; off by default", async () => {
    const args = fitting({ climate: "phoenix-az", market: undefined, halls: [{ name: "h1", racks: [{ name: "nvl", design: "gb200-nvl72", rackCount: 8, supplyTempC: 40 }], cooling: { technology: "evaporative-tower" } }], powerContracts: [{ name: "grid", counterparty: "utility", source: "grid-arizona", contractedMw: 2 }], waterPermitM3PerYear: undefined });
    const f = campusModel(args, subject);
    // About 1.3 L/kWh consumed × about 99 = well over 100 L world-eq/kWh.
    expect(f.scarcityWeightedWueLPerKwh!).toBeGreaterThan(100);
    const { all } = await findingsFor("desert", args, { "wue-max": { maxWueLPerKwh: 10, maxScarcityWeightedWueLPerKwh: 10 } });
    expect(summary(all.filter((x) => x.policy === "wue-max" && x.status === "violation"))).toEqual([
      ["desert", "violation", "mandatory", `desert: scarcity-weighted WUE ${show(f.scarcityWeightedWueLPerKwh!)} L world-eq/kWh exceeds the maximum of 10`],
    ]);
    const { all: byDefault } = await findingsFor("desert2", args, { "wue-max": { maxWueLPerKwh: 10 } });
    expect(byDefault.filter((x) => x.policy === "wue-max").map((x) => x.budget)).toEqual(["WUE"]);
  });
});
