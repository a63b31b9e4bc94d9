/**
 * The hourly model end to end: what the issue asked it to catch (a solar-only campus at night, a dry cooler in an Ohio
 * summer), annual figures as sums of hours, identical halls sharing one computation, and an EPW file in place of the
 * generated weather.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import type { CampusArgs } from "../components";
import { installMocks, viewsOf } from "./helpers/mocks";
import { tempFolderForFile } from "./helpers/tempFolder";

installMocks();
let c: typeof import("../components");
let model: typeof import("../components/model/campus");
let weather: typeof import("../components/weather");
let catalog: typeof import("../components/catalog").catalog;
let evaluateRules: typeof import("../policies/evaluate").evaluateRules;
let violationsOf: typeof import("../policies/finding").violationsOf;
let solar: typeof import("../components/physics/solar");

beforeAll(async () => {
  c = await import("../components");
  model = await import("../components/model/campus");
  weather = await import("../components/weather");
  ({ catalog } = await import("../components/catalog"));
  ({ evaluateRules } = await import("../policies/evaluate"));
  ({ violationsOf } = await import("../policies/finding"));
  solar = await import("../components/physics/solar");
});

const subject = (name: string) => ({ type: "aicluster:index:Campus", name });

/** A campus of one hall of NVL72 racks at full IT load behind dry coolers in central Ohio. */
function ohio(overrides: Partial<CampusArgs> & { racks?: number; supplyTempC?: number } = {}): CampusArgs {
  const { racks = 8, supplyTempC = 45, ...rest } = overrides;
  return {
    location: "New Albany, Ohio",
    climate: "central-ohio",
    market: "pjm",
    halls: [{ name: "h1", racks: [{ name: "nvl", design: "gb200-nvl72", rackCount: racks, supplyTempC }], cooling: { technology: "dry-cooler" }, utilisation: 1 }],
    powerContracts: [{ name: "grid", counterparty: "AEP Ohio", source: "grid-pjm-ohio", contractedMw: 2 }],
    ...rest,
  };
}

describe("supply per hour", () => {
  it("a 1 GW solar-only campus with a 100 MW load goes unserved about every night, and fails energy-adequacy", async () => {
    // 700 NVL72 racks at full load draw about 100 MW at the facility meter.
    const args = ohio({ racks: 700, powerContracts: [{ name: "sun", counterparty: "Solar developer", source: "solar-utility", contractedMw: 1000 }] });
    const fp = model.campusModel(args, subject("sunny"));
    expect(fp.peakFacilityPowerMw).toBeGreaterThan(95);
    expect(fp.peakFacilityPowerMw).toBeLessThan(110);
    // Nights are the hours with the sun below the horizon at mid-hour; low sun after dawn and before dusk adds some.
    const elevation = solar.hourlySolarElevationDeg(catalog.climates.get("central-ohio").location!);
    const night = elevation.filter((e) => e <= 0).length;
    const lowSun = elevation.filter((e) => e > 0 && e < 10).length;
    expect(fp.unservedHours).toBeGreaterThanOrEqual(night);
    expect(fp.unservedHours).toBeLessThanOrEqual(night + lowSun);
    // The annual energy balance alone would have served it: solar makes 2.1 TWh for a 0.9 TWh demand.
    expect(1000 * 0.24 * 8760).toBeGreaterThan(fp.annualFacilityEnergyMwh * 2);
    expect(fp.unservedEnergyMwh).toBeGreaterThan(fp.annualFacilityEnergyMwh * 0.4);

    new c.Campus("sunny", args);
    const findings = violationsOf(evaluateRules(await viewsOf("sunny"), { "firm-power": "disabled" }));
    const adequacy = findings.filter((f) => f.policy === "energy-adequacy");
    expect(adequacy.map((f) => [f.measured, f.limit, f.enforcementLevel])).toEqual([[fp.unservedHours, 0, "mandatory"]]);
    expect(adequacy[0].message).toMatch(/^sunny: demand goes unserved in [\d,]+ hours \([\d,]+ MWh; largest shortfall [\d.]+ MW at \d\d-\d\d \d\d:00\), above the limit of 0 h$/);
    // Hours allowed in config move the line.
    expect(violationsOf(evaluateRules(await viewsOf("sunny"), { "firm-power": "disabled", "energy-adequacy": { maxUnservedHours: 8760 } })).filter((f) => f.policy === "energy-adequacy")).toEqual([]);
  });

  it("a firm grid contract above the peak leaves no hour unserved, and its carbon-free share is 0", () => {
    const fp = model.campusModel(ohio(), subject("gridded"));
    expect([fp.unservedHours, fp.unservedEnergyMwh, fp.maxShortfallMw, fp.carbonFreeShare]).toEqual([0, 0, 0, 0]);
    expect(fp.maxShortfallHour).toBeUndefined();
  });

  it("nuclear covering the load every hour is 100 % carbon-free hour by hour", () => {
    const fp = model.campusModel(ohio({ powerContracts: [{ name: "npp", counterparty: "Operator", source: "nuclear", contractedMw: 5, capacityFactor: 1 }] }), subject("atomic"));
    expect(fp.unservedHours).toBe(0);
    expect(fp.carbonFreeShare).toBeCloseTo(1, 12);
    expect(fp.monthly.every((m) => Math.abs(m.carbonFreeShare - 1) < 1e-12)).toBe(true);
  });
});

describe("cooling per hour", () => {
  it("a dry cooler in central Ohio misses a 35 °C rack loop on summer afternoons, and holds one it can reach", async () => {
    const hot = model.campusModel(ohio({ supplyTempC: 35 }), subject("dry35"));
    const hall = hot.halls[0];
    // Facility water 35 − 3 K (CDU) = 32 °C needs a dry bulb at or below 32 − 6 K (approach) = 26 °C.
    const year = weather.weatherYearOf(catalog.climates.get("central-ohio"));
    const above26 = year.dryBulbC.filter((t) => t + 6 > 32).length;
    expect(hall.supplyTempMissedHours).toBe(above26);
    expect(above26).toBeGreaterThan(100);
    expect(hall.worstSupplyTempHour).toMatch(/^0[5-9]-\d\d 1[1-9]:00$/);
    expect(hall.rackGroups[0].supplyTempMissedHours).toBe(above26);
    new c.Campus("dry35", ohio({ supplyTempC: 35 }));
    const findings = violationsOf(evaluateRules(await viewsOf("dry35"), { carbon: "disabled" }));
    expect(findings.map((f) => [f.policy, f.measured, f.at])).toEqual([["supply-temperature", above26, hall.worstSupplyTempHour]]);

    // A loop warm enough for the hottest hour: warmest dry bulb + 6 K approach + 3 K CDU, rounded up.
    const reach = Math.ceil(Math.max(...year.dryBulbC) + 6 + 3);
    expect(reach).toBeLessThanOrEqual(45);
    const ok = model.campusModel(ohio({ supplyTempC: reach }), subject("dryok"));
    expect(ok.halls[0].supplyTempMissedHours).toBe(0);
    expect(ok.halls[0].supplyTempMarginK).toBeGreaterThanOrEqual(0);
    // Warmer water lets the fans slow down: less cooling energy over the year.
    expect(ok.halls[0].plant!.coolingEnergyMwhPerYear).toBeLessThan(hall.plant!.coolingEnergyMwhPerYear);
  });

  it("an adiabatic cooler evaporates only in its wet hours; a tower in every hour", () => {
    // The air path on its own chiller, so that the plant cools only the 37 °C facility water.
    const withTech = (technology: string, airPath: "chiller" | "economised-chiller" = "chiller") =>
      model.campusModel(
        { ...ohio({ supplyTempC: 40 }), halls: [{ ...ohio().halls[0], racks: [{ name: "nvl", design: "gb200-nvl72", rackCount: 8, supplyTempC: 40 }], cooling: { technology }, airPath: { service: airPath } }] },
        subject(`${technology}-${airPath}`),
      );
    const adiabatic = withTech("adiabatic").halls[0].plant!;
    const tower = withTech("evaporative-tower").halls[0].plant!;
    expect(tower.wetHours).toBe(8760);
    expect(adiabatic.wetHours).toBeGreaterThan(0);
    expect(adiabatic.wetHours).toBeLessThan(2000);
    expect(adiabatic.waterM3PerYear).toBeLessThan(tower.waterM3PerYear / 10);
    // The worst day is a summer day for the adiabatic cooler.
    expect(adiabatic.worstWaterDay).toMatch(/^0[5-9]-\d\d$/);
    // Economising the air path's 18 °C loop, the same cooler also wets its pads whenever that makes the loop's water
    // colder (a wet bulb below about 20 °C with the dry bulb above about 12 °C): more wet hours and more water.
    const economised = withTech("adiabatic", "economised-chiller").halls[0].plant!;
    expect(economised.wetHours).toBeGreaterThan(adiabatic.wetHours);
    expect(economised.wetHours).toBeLessThan(8760);
    expect(economised.waterM3PerYear).toBeGreaterThan(adiabatic.waterM3PerYear);
  });

  it("issue 32 done-when: a tower's January water is below its July water in both built-in climates", () => {
    const louisiana: Partial<CampusArgs> = {
      location: "Richland Parish, Louisiana", climate: "north-louisiana", market: undefined,
      powerContracts: [{ name: "grid", counterparty: "Entergy", source: "grid-miso-louisiana", contractedMw: 2 }],
    };
    for (const [climate, place] of [["central-ohio", {}], ["north-louisiana", louisiana]] as const) {
      const args = ohio({ ...place });
      const fp = model.campusModel({ ...args, halls: [{ ...args.halls[0], racks: [{ name: "nvl", design: "gb200-nvl72", rackCount: 8, supplyTempC: 40 }], cooling: { technology: "evaporative-tower" } }] }, subject(`tower-${climate}`));
      const [jan, jul] = [fp.monthly[0].waterM3, fp.monthly[6].waterM3];
      expect(jan, climate).toBeGreaterThan(0);
      expect(jan, climate).toBeLessThan(jul);
      // Per day (January and July both have 31): the share falls from about 0.81 in July air to 0.5-0.6 in January air.
      expect(jan / jul, climate).toBeGreaterThan(0.5);
      expect(jan / jul, climate).toBeLessThan(0.85);
    }
  });
});

describe("annual figures are sums of hours", () => {
  it("the campus's year, months and hours agree, and the energy balance holds in every hour", () => {
    const args = ohio({ racks: 16, powerContracts: [
      { name: "grid", counterparty: "AEP Ohio", source: "grid-pjm-ohio", contractedMw: 1.5 },
      { name: "sun", counterparty: "Solar developer", source: "solar-utility", contractedMw: 3 },
      { name: "wind", counterparty: "Wind developer", source: "wind-onshore", contractedMw: 2 },
    ] });
    const { footprint: fp, series } = model.planCampusFootprint(args, subject("summed"));
    const hours = series.hours;
    const sum = (xs: ArrayLike<number>) => Array.from(xs).reduce((a, b) => a + b, 0);
    const close = (a: number, b: number) => expect(Math.abs(a - b)).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(b)));
    close(fp.annualFacilityEnergyMwh, sum(hours.facilityMw));
    close(fp.annualItEnergyMwh, sum(hours.itMw));
    close(fp.waterM3PerYear, sum(hours.waterM3));
    close(fp.unservedEnergyMwh, sum(hours.supply.unservedMw));
    close(fp.annualFacilityEnergyMwh, sum(fp.monthly.map((m) => m.facilityEnergyMwh)));
    close(fp.waterM3PerYear, sum(fp.monthly.map((m) => m.waterM3)));
    close(fp.unservedEnergyMwh, sum(fp.monthly.map((m) => m.unservedEnergyMwh)));
    close(fp.pue, fp.annualFacilityEnergyMwh / fp.annualItEnergyMwh);
    // Carbon-free energy never exceeds the demand of its hour.
    for (let h = 0; h < 8760; h++) expect(hours.supply.cleanMw[h]).toBeLessThanOrEqual(hours.facilityMw[h] * (1 + 1e-12));
    close(fp.carbonFreeShare, sum(hours.supply.cleanMw) / sum(hours.facilityMw));
    // The peak hour is the largest full-load hour, at or below the plant's rating.
    expect(fp.peakFacilityPowerMw).toBeLessThanOrEqual(fp.facilityPowerMw);
    expect(fp.peakHourPue).toBeGreaterThanOrEqual(1);
  });

  it("identical halls share one computation, and the campus is the halls times their count", () => {
    const hall = ohio().halls[0];
    const one = model.campusModel({ ...ohio(), halls: [hall] }, subject("one"));
    const many = model.campusModel({ ...ohio(), powerContracts: [{ name: "grid", counterparty: "AEP", source: "grid-pjm-ohio", contractedMw: 40 }], halls: Array.from({ length: 20 }, (_, i) => ({ ...hall, name: `h${i}` })) }, subject("many"));
    expect(many.annualFacilityEnergyMwh).toBeCloseTo(20 * one.annualFacilityEnergyMwh, 6);
    expect(many.peakFacilityPowerMw).toBeCloseTo(20 * one.peakFacilityPowerMw, 9);
    expect(many.peakHour).toBe(one.peakHour);
  });
});

describe("an EPW weather file instead of the generated year", () => {
  const tempDir = tempFolderForFile("epw");
  let dir: string;
  beforeAll(() => {
    dir = tempDir();
  });

  it("gives the same hours as the year it was written from (0.1 K rounding), and names the station", () => {
    const year = weather.weatherYearOf(catalog.climates.get("central-ohio"));
    const file = path.join(dir, "ohio.epw");
    fs.writeFileSync(file, weather.formatEpw(year, { city: "New Albany", state: "OH", country: "USA" }));
    const generated = model.campusModel(ohio({ supplyTempC: 35 }), subject("gen"));
    const fromFile = model.campusModel({ ...ohio({ supplyTempC: 35 }), weatherFile: file }, subject("epw"));
    expect(fromFile.weather).toMatch(/ohio\.epw/);
    expect(fromFile.weather).toMatch(/New Albany/);
    expect(Math.abs(fromFile.halls[0].supplyTempMissedHours! - generated.halls[0].supplyTempMissedHours!)).toBeLessThanOrEqual(10);
    expect(fromFile.pue).toBeCloseTo(generated.pue, 3);
  });

  it("a bad file fails with the campus, the field and the file's own problem", () => {
    const file = path.join(dir, "short.epw");
    fs.writeFileSync(file, "LOCATION,X,-,-,-,999999,40,-83,-5,200\n");
    expect(() => model.campusModel({ ...ohio(), weatherFile: file }, subject("bad"))).toThrow(/bad.*weatherFile.*short\.epw/s);
    expect(() => model.campusModel({ ...ohio(), weatherFile: path.join(dir, "missing.epw") }, subject("bad"))).toThrow(/weatherFile/);
  });
});
