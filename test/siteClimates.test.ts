/**
 * The six AI-site climates (issue 36): their figures against the sources as read by hand, and the Loudoun climate's
 * generated year against the real TMY3 year at Dulles (test/fixtures/tmy3/724030-dulles, from a registry package).
 * The other five were checked against their stations' TMY3 years with scripts/siteWeatherCheck.ts (the files are not
 * in the repository): 28 of 30 metrics within tolerance; the two that are not (the adiabatic hall's missed hours at
 * Abilene and Phoenix: the typical years' 0.4 % wet bulbs sit 0.5-0.7 K below ASHRAE's, which the generator holds) are
 * in the closing note of issue 36.
 */
import { describe, expect, it } from "vitest";
import { catalog } from "../components/catalog";
import type { WeatherYear } from "../components/weather";
import { tmy3Year } from "./helpers/tmy3";
import { checkAgainstRealYear } from "../scripts/siteWeatherCheck";

/**
 * The STAT files' "Climate Design Data 2009 ASHRAE Handbook" cooling rows (DB004, DB010, WB004, WB010, °C) and EPW
 * LOCATION lines, typed from the files, and NOAA's 1981-2010 January and July mean maximum, °F.
 */
const SOURCES = {
  "abilene-tx": { design: [37.4, 36.2, 24.1, 23.6], loc: [32.47, -99.71, -6, 530], janMaxF: 56.8, julMaxF: 94.2 },
  "phoenix-az": { design: [43.4, 42.3, 24.5, 24.0], loc: [33.45, -111.98, -7, 337], janMaxF: 67.2, julMaxF: 106.1 },
  "loudoun-va": { design: [34.1, 32.7, 25.4, 24.7], loc: [38.98, -77.47, -5, 82], janMaxF: 42.5, julMaxF: 87.9 },
  "quincy-wa": { design: [35.2, 33.2, 19.8, 18.9], loc: [47.4, -120.2, -8, 379], janMaxF: 34.4, julMaxF: 87.0 },
  "newton-county-ga": { design: [34.4, 33.0, 25.1, 24.5], loc: [33.63, -84.43, -5, 308], janMaxF: 52.3, julMaxF: 89.1 },
  "council-bluffs-ia": { design: [35.0, 33.2, 26.1, 25.2], loc: [41.32, -95.9, -6, 299], janMaxF: 33.4, julMaxF: 87.3 },
} as const;

describe("AI-site climates: the catalog holds the sources' figures", () => {
  for (const [id, s] of Object.entries(SOURCES)) {
    it(`${id}: ASHRAE 2009 design values, the station's location, NOAA's January and July maxima (°F → °C by hand)`, () => {
      const c = catalog.climates.get(id);
      expect([c.designDryBulbC, c.designDryBulb1C, c.designWetBulbC, c.designWetBulb1C]).toEqual([...s.design]);
      expect(c.location).toEqual({ latitudeDeg: s.loc[0], longitudeDeg: s.loc[1], utcOffsetHours: s.loc[2], elevationM: s.loc[3] });
      // (°F − 32) × 5 / 9, to 0.1 K: e.g. Abilene's July 94.2 °F = 34.56 → 34.6 °C.
      expect(c.normals!.dailyMaxC[0]).toBeCloseTo(Math.round(((s.janMaxF - 32) * 50) / 9) / 10, 10);
      expect(c.normals!.dailyMaxC[6]).toBeCloseTo(Math.round(((s.julMaxF - 32) * 50) / 9) / 10, 10);
      expect(c.source.note).toContain("1981-2010");
      expect(c.source.title).toContain("TMY3");
    });
  }

  it("worked examples of the conversion: 94.2 °F is 34.6 °C, 106.1 °F is 41.2 °C", () => {
    expect(catalog.climates.get("abilene-tx").normals!.dailyMaxC[6]).toBe(34.6);
    expect(catalog.climates.get("phoenix-az").normals!.dailyMaxC[6]).toBe(41.2);
  });

  it("the hottest and most humid of the six are where the sources put them: Phoenix's dry bulb, Council Bluffs' wet bulb, Quincy the driest", () => {
    const all = Object.keys(SOURCES).map((id) => catalog.climates.get(id));
    expect(all.reduce((a, b) => (b.designDryBulbC > a.designDryBulbC ? b : a)).id).toBe("phoenix-az");
    expect(all.reduce((a, b) => (b.designWetBulbC > a.designWetBulbC ? b : a)).id).toBe("council-bluffs-ia");
    expect(all.reduce((a, b) => (b.designWetBulbC < a.designWetBulbC ? b : a)).id).toBe("quincy-wa");
  });
});

/** The real Dulles TMY3 year from the fixture (the same EPW the climate's dew points come from). */
const dullesYear = (): WeatherYear => tmy3Year("724030-dulles", catalog.climates.get("loudoun-va").location!, "TMY3 Dulles");

/** Metrics that do not hold for loudoun-va against the TMY3 year, with their reasons; the test fails if one closes. */
const KNOWN_GAPS: Record<string, string> = {
  "hours above 32 °C dry bulb":
    "the climate holds ASHRAE's long-term 1 % dry bulb (32.7 °C: 88 h above it) and NOAA's 1981-2010 normals; the TMY3 year is a typical year whose own 88th-hottest hour is 32.2 °C, so it has fewer hours above 32 °C (104 against 133)",
  "tower hall missed hours":
    "the generated humid tail is thinner than the real year's (the same gap as the Dulles twin in test/realWeather.test.ts: the real dew point varies within the day, the generated one is interpolated between daily values)",
};

describe("loudoun-va against the real TMY3 year at Dulles", () => {
  const rows = checkAgainstRealYear("loudoun-va", dullesYear());

  it("compares six metrics: dry- and wet-bulb hours, and two reference halls' water and missed hours", () => {
    expect(rows.map((r) => r.metric)).toEqual([
      "hours above 32 °C dry bulb", "hours wet bulb above 20 °C", "adiabatic hall water m³", "adiabatic hall missed hours", "tower hall water m³", "tower hall missed hours",
    ]);
  });

  for (const metric of ["hours wet bulb above 20 °C", "adiabatic hall water m³", "adiabatic hall missed hours", "tower hall water m³"]) {
    it(`${metric}: within ±25 % (or 20 h) of the real year`, () => {
      const r = rows.find((x) => x.metric === metric)!;
      expect(Math.abs(r.generated - r.real), `generated ${r.generated}, real ${r.real}`).toBeLessThanOrEqual(r.tolerance);
    });
  }

  for (const [metric, reason] of Object.entries(KNOWN_GAPS)) {
    it(`known gap, ${metric}: ${reason.slice(0, 60)}…`, () => {
      const r = rows.find((x) => x.metric === metric)!;
      expect(r.ok, `generated ${r.generated}, real ${r.real}: the gap closed, take it off KNOWN_GAPS`).toBe(false);
      // Not far off either: within twice the tolerance.
      expect(Math.abs(r.generated - r.real)).toBeLessThanOrEqual(2 * r.tolerance);
    });
  }
});
