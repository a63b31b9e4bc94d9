/**
 * Generation in the hour's weather (issue 32): gas plants are rated at ISO 15 °C and deliver less on a hot afternoon.
 * The catalog's curves, their interpolation, the hourly cap min(firm MW, MW × derating) and the firm-power check in
 * the binding hour (firm-power's message for it: test/rules/power.test.ts).
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { Catalog } from "../components/catalog/registry";
import { BUILTIN_GENERATION_SOURCES } from "../components/catalog/generationSources";
import type { GenerationSourceSpec } from "../components/catalog/schema";
import { hourlySupply } from "../components/hours/supply";
import { campusModel } from "../components/model/campus";
import { deratingAt, hourlyDerating } from "../components/physics/derating";
import type { SiteLocation } from "../components/weather/types";
import { weatherYearOf } from "../components/weather/generate";
import { twoHallCampus } from "./helpers/parity";

const HOURS = 8760;
const OHIO: SiteLocation = { latitudeDeg: 40.08, longitudeDeg: -82.81, utcOffsetHours: -5, elevationM: 249 };
const source = (id: string) => BUILTIN_GENERATION_SOURCES.find((s) => s.id === id)!;
const curve = (id: string) => source(id).ambientDerating!.points;

describe("catalog derating curves", () => {
  it("simple-cycle and combined-cycle gas carry sourced curves; grid services, nuclear, renewables and storage carry none", () => {
    for (const s of BUILTIN_GENERATION_SOURCES) {
      const derated = s.id === "gas-turbine" || s.id === "gas-ccgt";
      expect(s.ambientDerating !== undefined, s.id).toBe(derated);
      if (s.ambientDerating) {
        expect(s.ambientDerating.source.title).toMatch(/Wärtsilä/);
        expect(s.ambientDerating.source.checked).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      }
    }
    expect(curve("gas-turbine").map((p) => [p.dryBulbC, p.fraction])).toEqual([[-10, 1], [15, 1], [25, 0.925], [35, 0.85], [45, 0.775]]);
  });

  it("interpolates linearly between points and holds the end fractions beyond them (hand-worked)", () => {
    const gt = curve("gas-turbine");
    expect(deratingAt(gt, 15)).toBe(1);
    expect(deratingAt(gt, 0)).toBe(1);
    expect(deratingAt(gt, 20)).toBeCloseTo(0.9625, 12); // halfway 1 -> 0.925
    expect(deratingAt(gt, 30)).toBeCloseTo(0.8875, 12); // halfway 0.925 -> 0.85
    expect(deratingAt(gt, 38)).toBeCloseTo(0.85 - 3 * 0.0075, 12); // 0.8275
    expect(deratingAt(gt, 45)).toBeCloseTo(0.775, 12);
    expect(deratingAt(gt, 50)).toBeCloseTo(0.775, 12); // flat beyond the last point
    expect(deratingAt(gt, -30)).toBe(1);
    const cc = curve("gas-ccgt");
    expect(deratingAt(cc, 35)).toBeCloseTo(0.925, 12);
    expect(deratingAt(cc, 40)).toBeCloseTo(0.90625, 12); // halfway 0.925 -> 0.8875
  });

  it("property: every catalog curve is 1 at 15 °C, never above 1.2, and non-increasing above 15 °C", () => {
    const curves = BUILTIN_GENERATION_SOURCES.flatMap((s) => (s.ambientDerating ? [s.ambientDerating.points] : []));
    expect(curves.length).toBeGreaterThan(0);
    for (const c of curves) expect(deratingAt(c, 15)).toBe(1);
    fc.assert(
      fc.property(fc.integer({ min: 0, max: curves.length - 1 }), fc.double({ min: 15, max: 60, noNaN: true }), fc.double({ min: 0, max: 30, noNaN: true }), (i, t, dt) => {
        const c = curves[i];
        const a = deratingAt(c, t);
        const b = deratingAt(c, t + dt);
        return a > 0 && a <= 1.2 && b <= a + 1e-12 && a <= 1 + 1e-12;
      }),
    );
  });

  it("property: derating never raises a dispatchable contract's delivery above its contracted MW", () => {
    const curves = BUILTIN_GENERATION_SOURCES.flatMap((s) => (s.ambientDerating ? [s.ambientDerating.points] : []));
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: curves.length - 1 }),
        fc.double({ min: -30, max: 50, noNaN: true }),
        fc.double({ min: 1, max: 500, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (i, dryBulb, mw, firmFraction) => {
          const derating = new Float64Array(HOURS).fill(deratingAt(curves[i], dryBulb));
          const demand = new Float64Array(HOURS).fill(mw * 2);
          const r = hourlySupply(demand, [{ name: "gas", profile: "dispatchable", contractedMw: mw, firmMw: mw * firmFraction, capacityFactor: 0.5, carbonIntensityGPerKwh: 490, clean: false, derating }], OHIO);
          const perHour = r.suppliedMwh.gas / HOURS;
          return perHour <= mw * firmFraction + 1e-9 * mw && perHour <= mw * derating[0] + 1e-9 * mw;
        },
      ),
      { numRuns: 40 },
    );
  });

  // The built-in's ranges name its own curve's points (ambientDerating.points.2.fraction ...): a curve of its own
  // comes without them, or a range that no longer fits its entry would be refused, naming it.
  const base = (): GenerationSourceSpec => {
    const { ranges: _ranges, ...turbine } = source("gas-turbine");
    return { ...turbine, id: "my-turbine" };
  };
  const withPoints = (points: { dryBulbC: number; fraction: number }[]) => ({ ...base(), ambientDerating: { points, source: { title: "vendor curve", checked: "2026-12-06" } } });

  it("a user-registered source may carry its own curve", () => {
    const c = Catalog.withBuiltins();
    c.generationSources.register(withPoints([{ dryBulbC: 15, fraction: 1 }, { dryBulbC: 40, fraction: 0.95 }]));
    expect(deratingAt(c.generationSources.get("my-turbine").ambientDerating!.points, 27.5)).toBeCloseTo(0.975, 12);
  });

  it("a curve of its own with the built-in's ranges still on it is refused, naming each range that no longer fits", () => {
    const c = Catalog.withBuiltins();
    const stale = { ...source("gas-turbine"), id: "my-turbine", ambientDerating: withPoints([{ dryBulbC: 15, fraction: 1 }, { dryBulbC: 40, fraction: 0.95 }]).ambientDerating };
    expect(() => c.generationSources.register(stale)).toThrow(/ranges\.ambientDerating\.points\.2\.fraction = .*allowed: a numeric field of the entry, by dotted path \(there is no "ambientDerating\.points\.2\.fraction"\)/);
  });

  it("refuses bad curves with named errors", () => {
    const c = Catalog.withBuiltins();
    const refuse = (spec: GenerationSourceSpec) => {
      try {
        c.generationSources.register(spec);
      } catch (e) {
        return (e as Error).message;
      }
      return "accepted";
    };
    const T = `invalid generation source "my-turbine": `;
    const hot = [{ dryBulbC: 15, fraction: 1 }, { dryBulbC: 35, fraction: 0.85 }];
    expect(refuse(withPoints([{ dryBulbC: 15, fraction: 1 }, { dryBulbC: 10, fraction: 1.05 }]))).toBe(`${T}ambientDerating.points[1].dryBulbC = 10; allowed: above 15 (points in strictly increasing dry bulb)`);
    expect(refuse(withPoints([{ dryBulbC: 0, fraction: 1 }, { dryBulbC: 35, fraction: 0.85 }]))).toMatch(/^invalid generation source "my-turbine": ambientDerating\.points = .*; allowed: a point at dryBulbC 15 \(the ISO rating, fraction 1\)$/);
    expect(refuse(withPoints([{ dryBulbC: 15, fraction: 0.98 }, { dryBulbC: 35, fraction: 0.85 }]))).toBe(`${T}ambientDerating.points[0].fraction = 0.98; allowed: 1 at dryBulbC 15 (the ISO rating the contracted MW is stated at)`);
    expect(refuse(withPoints([{ dryBulbC: 15, fraction: 1 }, { dryBulbC: 35, fraction: 0 }]))).toMatch(/^invalid generation source "my-turbine": ambientDerating\.points\[1\]\.fraction = 0; allowed: /);
    expect(refuse(withPoints([{ dryBulbC: -10, fraction: 1.3 }, { dryBulbC: 15, fraction: 1 }]))).toMatch(/^invalid generation source "my-turbine": ambientDerating\.points\[0\]\.fraction = 1\.3; allowed: /);
    expect(refuse({ ...withPoints(hot), gridService: true })).toMatch(/^invalid generation source "my-turbine": ambientDerating = .*; allowed: unset for a grid service \(firm under its tariff: the utility carries the hot-day derating\)$/);
    expect(refuse({ ...withPoints(hot), hourlyProfile: "flat", dispatchable: false })).toMatch(/^invalid generation source "my-turbine": ambientDerating = .*; allowed: unset for hourlyProfile "flat" \(only a dispatchable generator is derated by the weather\)$/);
  });
});

describe("hourly dispatch and firm power in the hour's weather", () => {
  it("a derated contract delivers min(firm MW, MW × derating) in each hour", () => {
    const demand = new Float64Array(HOURS).fill(100);
    const derating = new Float64Array(HOURS).fill(1);
    derating[5000] = 0.85;
    const r = hourlySupply(demand, [{ name: "gas", profile: "dispatchable", contractedMw: 100, firmMw: 95, capacityFactor: 0.5, carbonIntensityGPerKwh: 590, clean: false, derating }], OHIO);
    expect(r.maxShortfallHour).toBe(5000);
    expect(r.maxShortfallMw).toBeCloseTo(15, 9); // 100 − 100 × 0.85
    expect(r.unservedMwh).toBeCloseTo(5 * (HOURS - 1) + 15, 6); // firm 95 caps the other hours
  });

  it("a campus on simple-cycle gas in Louisiana has less firm MW in its binding hot hour than at 15 °C, by the catalog's fraction", () => {
    const subject = { type: "aicluster:index:Campus", name: "hot" };
    const args = twoHallCampus({
      climate: "north-louisiana", location: "Richland Parish, Louisiana",
      powerContracts: [{ name: "gas", counterparty: "Own plant", source: "gas-turbine", market: "behind-the-meter", firmFraction: 1, contractedMw: 10 }],
    });
    const fp = campusModel(args, subject);
    const row = fp.years.find((r) => r.year === 2028)!;
    expect(row.ratedFirmMw).toBe(10);
    const weather = weatherYearOf(Catalog.withBuiltins().climates.get("north-louisiana"));
    let hottest = -Infinity;
    for (let h = 0; h < HOURS; h++) hottest = Math.max(hottest, weather.dryBulbC[h]);
    expect(hottest).toBeGreaterThan(35);
    // One derated contract: firm MW is least in the hottest hour, 10 MW × (0.85 − 0.0075 × (T − 35)) between 35 and 45 °C.
    const minFirm = Math.min(...hourlyDerating(curve("gas-turbine"), weather.dryBulbC)) * 10;
    expect(minFirm).toBeCloseTo(10 * (0.85 - 0.0075 * (Math.min(hottest, 45) - 35)), 9);
    expect(minFirm).toBeLessThan(10);
    // The binding hour's firm MW is the curve at that hour's dry bulb, and no more than at 15 °C.
    expect(row.firmMw).toBeCloseTo(10 * deratingAt(curve("gas-turbine"), row.firmHourDryBulbC!), 9);
    expect(row.firmMw).toBeLessThan(row.ratedFirmMw!);
    expect(row.firmMw).toBeGreaterThanOrEqual(minFirm - 1e-9);
    expect(row.firmHeadroomMw).toBeCloseTo(row.firmMw - row.firmHourFacilityMw!, 9);
  });
});
