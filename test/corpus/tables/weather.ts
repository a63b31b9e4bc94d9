/**
 * Bad weather input: EPW files (parseEpw, readEpwFile) fail with a WeatherFileError naming the file, line, field, value
 * and what is allowed; a climate that cannot make an hourly year fails with a WeatherInputError; bad climate normals
 * are CatalogErrors naming the field; psychrometrics given impossible air fails with a PhysicsInputError. All are bad
 * input (exit 2).
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { Catalog, CatalogError } from "../../../components/catalog";
import { PhysicsInputError } from "../../../components/physics/guard";
import { pressureKpaAtElevation, wetBulbC } from "../../../components/physics/psychrometrics";
import { formatEpw, parseEpw, readEpwFile, WeatherFileError, WeatherInputError, weatherYearOf } from "../../../components/weather";
import type { BadInputCase } from "../helpers";

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Any = any;

const WFE = { errorClass: WeatherFileError, exit: 2 } as const;
const CE = { errorClass: CatalogError, exit: 2 } as const;
const FILE = "site.epw";

/** A valid EPW file's lines (a generated temperate year), built once. */
let goodLines: string[] | undefined;
function lines(): string[] {
  goodLines ??= formatEpw(weatherYearOf(Catalog.withBuiltins().climates.get("temperate-generic"))).trimEnd().split("\n");
  return [...goodLines];
}
/** Parses the good file with `edit` applied to its lines. */
function parseEdited(edit: (l: string[]) => void): unknown {
  const l = lines();
  edit(l);
  return parseEpw(`${l.join("\n")}\n`, FILE);
}
/** Replaces field `index` (0-based) of 1-based line `lineNo`. */
function setField(l: string[], lineNo: number, index: number, value: string): void {
  const f = l[lineNo - 1].split(",");
  f[index] = value;
  l[lineNo - 1] = f.join(",");
}

const tmp = () => fs.mkdtempSync(path.join(os.tmpdir(), "aicluster-weather-"));
const climate = (c: Catalog, extra: Record<string, unknown>): Any => ({ ...c.climates.get("central-ohio"), id: "x-site", ...extra });
const normals = (c: Catalog, extra: Record<string, unknown>): Any => climate(c, { normals: { ...c.climates.get("central-ohio").normals, ...extra } });
const twelve = (v: number) => Array.from({ length: 12 }, () => v);

export const WEATHER_CASES: BadInputCase[] = [
  // EPW rows
  { name: "epw: one row short (8,759)", run: () => parseEdited((l) => l.pop()), ...WFE, field: "data rows", value: 8759, allowed: "exactly 8,760 hourly rows", message: /^site\.epw:8767: / },
  { name: "epw: one row too many (a 29 February's worth is 24)", run: () => parseEdited((l) => l.push(l[l.length - 1])), ...WFE, field: "data rows", value: 8761, message: /^site\.epw:8769: / },
  { name: "epw: hour out of order", run: () => parseEdited((l) => setField(l, 14, 3, "7")), ...WFE, field: "hour (field 4)", value: 7, allowed: "6 (rows in calendar order", message: /^site\.epw:14: / },
  { name: "epw: a 29 February row", run: () => parseEdited((l) => { setField(l, 8 + 59 * 24 + 1, 1, "2"); setField(l, 8 + 59 * 24 + 1, 2, "29"); }), ...WFE, field: "month (field 2)", value: 2, allowed: "3 (rows in calendar order" },
  { name: "epw: day out of order", run: () => parseEdited((l) => setField(l, 9 + 24, 2, "3")), ...WFE, field: "day (field 3)", value: 3, allowed: "2 (" },
  { name: "epw: non-numeric dry bulb", run: () => parseEdited((l) => setField(l, 100, 6, "warm")), ...WFE, field: "dry bulb (field 7)", value: "warm", allowed: "a number", message: /^site\.epw:100: / },
  { name: "epw: non-numeric hour", run: () => parseEdited((l) => setField(l, 9, 3, "1a")), ...WFE, field: "hour (field 4)", value: "1a", allowed: "a number" },
  { name: "epw: fractional month", run: () => parseEdited((l) => setField(l, 9, 1, "1.5")), ...WFE, field: "month (field 2)", value: "1.5", allowed: "a whole number" },
  { name: "epw: empty dew point", run: () => parseEdited((l) => setField(l, 9, 7, "")), ...WFE, field: "dew point (field 8)", value: "", allowed: "a number" },
  { name: "epw: dry bulb missing (99.9)", run: () => parseEdited((l) => setField(l, 500, 6, "99.9")), ...WFE, field: "dry bulb (field 7)", value: 99.9, allowed: "the planner does not invent weather", message: /^site\.epw:500: / },
  { name: "epw: dew point missing (99.9)", run: () => parseEdited((l) => setField(l, 501, 7, "99.9")), ...WFE, field: "dew point (field 8)", value: 99.9, allowed: "99.9 marks it missing" },
  { name: "epw: dry bulb 71 °C", run: () => parseEdited((l) => setField(l, 9, 6, "71")), ...WFE, field: "dry bulb (field 7)", value: 71, allowed: "from -70 to 70" },
  { name: "epw: dew point 5 K above the dry bulb", run: () => parseEdited((l) => { setField(l, 9, 6, "10.0"); setField(l, 9, 7, "15.0"); }), ...WFE, field: "dew point (field 8)", value: 15, allowed: "at most the dry bulb (10 °C" },
  { name: "epw: station pressure 5000 Pa", run: () => parseEdited((l) => setField(l, 9, 9, "5000")), ...WFE, field: "station pressure (field 10)", value: 5000, allowed: "above 31,000" },
  { name: "epw: too few fields", run: () => parseEdited((l) => { l[9] = l[9].split(",").slice(0, 8).join(","); }), ...WFE, field: "fields", value: 8, allowed: "at least 10", message: /^site\.epw:10: / },
  { name: "epw: a blank row in the data", run: () => parseEdited((l) => { l[20] = ""; }), ...WFE, field: "fields", value: 1 },
  // EPW header
  { name: "epw: LOCATION latitude 95", run: () => parseEdited((l) => setField(l, 1, 6, "95")), ...WFE, field: "LOCATION latitude (field 7)", value: "95", allowed: "from -90 to 90", message: /^site\.epw:1: / },
  { name: "epw: LOCATION longitude not a number", run: () => parseEdited((l) => setField(l, 1, 7, "W82")), ...WFE, field: "LOCATION longitude (field 8)", value: "W82" },
  { name: "epw: LOCATION time zone 15", run: () => parseEdited((l) => setField(l, 1, 8, "15")), ...WFE, field: "LOCATION time zone (field 9)", value: "15", allowed: "from -12 to 14" },
  { name: "epw: LOCATION elevation 12000 m", run: () => parseEdited((l) => setField(l, 1, 9, "12000")), ...WFE, field: "LOCATION elevation (field 10)", value: "12000" },
  { name: "epw: LOCATION with five fields", run: () => parseEdited((l) => { l[0] = "LOCATION,Somewhere,XX,USA,test"; }), ...WFE, field: "LOCATION fields", value: 5, allowed: "10: LOCATION,city" },
  { name: "epw: first line not LOCATION", run: () => parseEdited((l) => l.shift()), ...WFE, field: "header", value: "DESIGN CONDITIONS", allowed: "the LOCATION line" },
  { name: "epw: a header line missing", run: () => parseEdited((l) => l.splice(3, 1)), ...WFE, field: "header", allowed: "DATA PERIODS", message: /^site\.epw:8: / },
  { name: "epw: empty file", run: () => parseEpw("", FILE), ...WFE, field: "header lines", value: 0 },
  // EPW files on disk
  { name: "epw file: no such file", run: () => readEpwFile(path.join(tmp(), "missing.epw")), ...WFE, field: "path", value: "no such file", allowed: "a readable EPW file" },
  { name: "epw file: a directory", run: () => readEpwFile(tmp()), ...WFE, field: "path", value: "a directory" },
  {
    name: "epw file: larger than 20 MiB",
    run: () => {
      const file = path.join(tmp(), "huge.epw");
      fs.writeFileSync(file, "");
      fs.truncateSync(file, 20 * 1024 * 1024 + 1);
      return readEpwFile(file);
    },
    ...WFE, field: "size", value: `${20 * 1024 * 1024 + 1} bytes`, allowed: "at most 20971520 bytes",
  },
  {
    name: "epw file: binary content",
    run: () => {
      const file = path.join(tmp(), "binary.epw");
      fs.writeFileSync(file, Buffer.from([0x4c, 0x00, 0xff, 0xfe]));
      return readEpwFile(file);
    },
    ...WFE, field: "encoding",
  },
  // Climates that cannot make an hourly year, and bad normals
  {
    name: "weather: a climate with design values only",
    run: () => weatherYearOf({ id: "design-only", description: "d", designDryBulbC: 30, designWetBulbC: 22, source: { title: "test data", checked: "2026-11-25" } }),
    errorClass: WeatherInputError, exit: 2, field: "normals", value: undefined, allowed: "or read an EPW file",
  },
  { name: "climate: normals.dailyMaxC of 11 numbers", run: () => { const c = Catalog.withBuiltins(); c.climates.register(normals(c, { dailyMaxC: twelve(20).slice(0, 11) })); }, ...CE, field: "normals.dailyMaxC", allowed: "exactly 12 numbers" },
  { name: "climate: normals.dailyMinC above dailyMaxC in July", run: () => { const c = Catalog.withBuiltins(); const n = c.climates.get("central-ohio").normals!; c.climates.register(normals(c, { dailyMinC: n.dailyMinC.map((v, m) => (m === 6 ? 30 : v)) })); }, ...CE, field: "normals.dailyMinC[6]", value: 30, allowed: "at most dailyMaxC[6]" },
  { name: "climate: normals.dewPointC above dailyMaxC in January", run: () => { const c = Catalog.withBuiltins(); const n = c.climates.get("central-ohio").normals!; c.climates.register(normals(c, { dewPointC: n.dewPointC.map((v, m) => (m === 0 ? 10 : v)) })); }, ...CE, field: "normals.dewPointC[0]", value: 10, allowed: "the dew point cannot exceed the dry bulb" },
  { name: "climate: normals.dailyMaxC NaN in March", run: () => { const c = Catalog.withBuiltins(); const n = c.climates.get("central-ohio").normals!; c.climates.register(normals(c, { dailyMaxC: n.dailyMaxC.map((v, m) => (m === 2 ? Number.NaN : v)) })); }, ...CE, field: "normals.dailyMaxC[2]", value: Number.NaN },
  { name: "climate: normals.dewPointC 40 °C", run: () => { const c = Catalog.withBuiltins(); c.climates.register(normals(c, { dewPointC: twelve(40) })); }, ...CE, field: "normals.dewPointC[0]", value: 40 },
  { name: "climate: normals.dailyMaxC above the 0.4 % design dry bulb", run: () => { const c = Catalog.withBuiltins(); c.climates.register(normals(c, { dailyMaxC: twelve(33) })); }, ...CE, field: "normals.dailyMaxC", allowed: "below designDryBulbC (32.4 °C)" },
  { name: "climate: normals with an unknown field", run: () => { const c = Catalog.withBuiltins(); c.climates.register(normals(c, { meanC: twelve(10) })); }, ...CE, field: "normals.meanC", allowed: "no such field" },
  { name: "climate: designDryBulb1C above designDryBulbC", run: () => { const c = Catalog.withBuiltins(); c.climates.register(climate(c, { designDryBulb1C: 33 })); }, ...CE, field: "designDryBulb1C", value: 33, allowed: "at most designDryBulbC (32.4 °C)" },
  { name: "climate: designWetBulb1C above designWetBulbC", run: () => { const c = Catalog.withBuiltins(); c.climates.register(climate(c, { designWetBulb1C: 25 })); }, ...CE, field: "designWetBulb1C", value: 25, allowed: "at most designWetBulbC (24.7 °C)" },
  { name: "climate: normals without a location", run: () => { const c = Catalog.withBuiltins(); c.climates.register(climate(c, { location: undefined })); }, ...CE, field: "location", value: undefined, allowed: "given together with" },
  { name: "climate: location.utcOffsetHours 15", run: () => { const c = Catalog.withBuiltins(); c.climates.register(climate(c, { location: { ...c.climates.get("central-ohio").location, utcOffsetHours: 15 } })); }, ...CE, field: "location.utcOffsetHours", value: 15 },
  { name: "climate: variability.persistence 1", run: () => { const c = Catalog.withBuiltins(); c.climates.register(climate(c, { variability: { ...c.climates.get("central-ohio").variability, persistence: 1 } })); }, ...CE, field: "variability.persistence", value: 1 },
  // A climate whose normals cannot reach its 1 % design values: before, the year came back unmapped and silently had
  // thousands of hours above a "1 %" value (temperate-generic with designDryBulb1C 15 °C: 2,887 h).
  {
    name: "weather: designDryBulb1C below what the normals make 20 % of the time",
    run: () => weatherYearOf({ ...Catalog.withBuiltins().climates.get("temperate-generic"), id: "cold-1pct", designDryBulb1C: 15 }),
    errorClass: WeatherInputError, exit: 2, field: "designDryBulb1C", value: 15, allowed: "exceeds 20 % of the time (and below designDryBulbC, 30 °C)",
  },
  {
    name: "weather: designWetBulb1C below what the normals make 20 % of the time",
    run: () => weatherYearOf({ ...Catalog.withBuiltins().climates.get("temperate-generic"), id: "dry-1pct", designWetBulb1C: 10 }),
    errorClass: WeatherInputError, exit: 2, field: "designWetBulb1C", value: 10, allowed: "exceeds 20 % of the time",
  },
  // Psychrometrics
  { name: "psychrometrics: dew point above the dry bulb", run: () => wetBulbC(30, 31, 101.325), errorClass: PhysicsInputError, exit: 3, field: "dewPointC", value: 31, allowed: "to dryBulbC (30)" },
  { name: "psychrometrics: pressure 10 kPa", run: () => wetBulbC(30, 20, 10), errorClass: PhysicsInputError, exit: 3, field: "pressureKpa", value: 10 },
  { name: "psychrometrics: dry bulb NaN", run: () => wetBulbC(Number.NaN, 20, 101.325), errorClass: PhysicsInputError, exit: 3, field: "dryBulbC", value: Number.NaN },
  { name: "psychrometrics: elevation 10 km", run: () => pressureKpaAtElevation(10000), errorClass: PhysicsInputError, exit: 3, field: "elevationM", value: 10000 },
];
