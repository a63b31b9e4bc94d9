/**
 * EnergyPlus weather files (EPW): 8 header lines, then one comma-separated row per hour. The fields read here
 * (EnergyPlus Auxiliary Programs, "Weather Converter Program", EnergyPlus/EPW CSV format; 1-based):
 *   LOCATION, city, state, country, source, WMO, latitude (N+), longitude (E+), time zone (hours from UTC), elevation (m)
 *   data row: 1 year, 2 month, 3 day, 4 hour (1-24, the hour ending then), 5 minute, 6 source flags,
 *             7 dry bulb °C, 8 dew point °C, 9 relative humidity %, 10 station pressure Pa, ... 35 fields in all.
 * Missing values are written 99.9 (dry bulb, dew point) and 999999 (pressure). A planner must not invent weather: a
 * missing dry bulb or dew point is an error naming the row; a missing pressure falls back to the standard pressure at
 * the file's elevation (it moves the wet bulb by hundredths of a kelvin).
 */
import { pressureKpaAtElevation, relativeHumidity, wetBulbUnchecked } from "../physics/psychrometrics";
import { HOURS_PER_YEAR, MONTH_DAYS } from "./calendar";
import { WeatherFileError } from "./errors";
import type { SiteLocation, WeatherYear } from "./types";

const HEADER_LINES = 8;
const DATA_FIELDS = 35;
/** Fields a data row must have for what is read here (up to the station pressure). */
const MIN_DATA_FIELDS = 10;
const MISSING_TEMPERATURE = 99.9;
const MISSING_PRESSURE = 999999;
/** A dew point this far (K) above the dry bulb is taken as rounding in the source and set to the dry bulb; more is an error. */
const DEW_ABOVE_DRY_TOLERANCE_K = 1;

const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

/** Field names as problems report them. */
const FIELD = {
  year: "year (field 1)",
  month: "month (field 2)",
  day: "day (field 3)",
  hour: "hour (field 4)",
  dryBulb: "dry bulb (field 7)",
  dewPoint: "dew point (field 8)",
  pressure: "station pressure (field 10)",
} as const;

const LOCATION_FIELDS = [
  { name: "latitude", index: 6, min: -90, max: 90, unit: "degrees north" },
  { name: "longitude", index: 7, min: -180, max: 180, unit: "degrees east" },
  { name: "time zone", index: 8, min: -12, max: 14, unit: "hours from UTC" },
  { name: "elevation", index: 9, min: -1000, max: 9999.9, unit: "m" },
] as const;

/** What a parsed EPW file says about itself beyond the hours. */
export interface EpwStation {
  /** City or station name (LOCATION field 2). */
  city: string;
  /** State or province (LOCATION field 3). */
  state: string;
  /** Country (LOCATION field 4). */
  country: string;
  /** Data source, e.g. "TMY3" (LOCATION field 5). */
  source: string;
  /** WMO station number (LOCATION field 6), as written. */
  wmo: string;
}

/** A weather year read from an EPW file, with its station header. */
export interface EpwWeatherYear extends WeatherYear {
  /** The station the file's LOCATION header names. */
  station: EpwStation;
}

/** Month (1-12), day and hour (1-24) of each row of a non-leap year, in order. */
function expectedStamp(row: number): { month: number; day: number; hour: number } {
  let dayOfYear = Math.floor(row / 24);
  let month = 0;
  while (dayOfYear >= MONTH_DAYS[month]) dayOfYear -= MONTH_DAYS[month++];
  return { month: month + 1, day: dayOfYear + 1, hour: (row % 24) + 1 };
}

const MONTH_NAMES = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

/**
 * Parses an EPW file's text into an hourly year: location from the LOCATION header, dry bulb and dew point from
 * fields 7 and 8, the wet bulb computed from them and the station pressure (field 10). `file` names the file in
 * errors, `shownAs` in the year's origin (`file` by default; readEpwFile passes a name that is never absolute).
 * Exactly 8,760 rows, 1 January hour 1 to 31 December hour 24, in order (no 29 February). Any problem throws a
 * WeatherFileError naming the file, line, field, value and what is allowed.
 */
export function parseEpw(text: string, file: string, shownAs: string = file): EpwWeatherYear {
  const lines = text.replace(/^\uFEFF/, "").split(/\r?\n/);
  // Blank lines at the end (a final newline) are not rows.
  while (lines.length > 0 && lines[lines.length - 1].trim() === "") lines.pop();
  const fail = (line: number | undefined, field: string, value: unknown, allowed: string): never => {
    throw new WeatherFileError(file, line, field, value, allowed);
  };

  if (lines.length < HEADER_LINES) {
    fail(undefined, "header lines", lines.length, `${HEADER_LINES} header lines (LOCATION to DATA PERIODS), then ${HOURS_PER_YEAR.toLocaleString("en-US")} hourly rows`);
  }
  const { location, station } = parseLocation(lines[0], file);
  if (!/^DATA PERIODS\s*,/i.test(lines[HEADER_LINES - 1])) {
    fail(HEADER_LINES, "header", lines[HEADER_LINES - 1].split(",")[0].slice(0, 40), `the 8th line "DATA PERIODS,...": an EPW file has ${HEADER_LINES} header lines before the hourly rows`);
  }

  const rows = lines.length - HEADER_LINES;
  if (rows !== HOURS_PER_YEAR) {
    const where = rows > HOURS_PER_YEAR ? HEADER_LINES + HOURS_PER_YEAR + 1 : lines.length;
    fail(where, "data rows", rows, `exactly ${HOURS_PER_YEAR.toLocaleString("en-US")} hourly rows (lines 9 to ${HEADER_LINES + HOURS_PER_YEAR}: one non-leap year, no 29 February)`);
  }

  const elevationPressureKpa = pressureKpaAtElevation(Math.min(9000, Math.max(-500, location.elevationM)));
  const dryBulbC = new Float64Array(HOURS_PER_YEAR);
  const dewPointC = new Float64Array(HOURS_PER_YEAR);
  const wetBulbC = new Float64Array(HOURS_PER_YEAR);
  for (let row = 0; row < HOURS_PER_YEAR; row++) {
    const lineNo = HEADER_LINES + row + 1;
    const fields = lines[HEADER_LINES + row].split(",");
    if (fields.length < MIN_DATA_FIELDS) {
      fail(lineNo, "fields", fields.length, `at least ${MIN_DATA_FIELDS} comma-separated fields (year to station pressure; a full EPW row has ${DATA_FIELDS})`);
    }
    const num = (index: number, field: string): number => {
      const raw = fields[index].trim();
      if (!NUMBER.test(raw)) fail(lineNo, field, raw, "a number");
      return Number(raw);
    };
    const whole = (index: number, field: string): number => {
      const v = num(index, field);
      if (!Number.isInteger(v)) fail(lineNo, field, fields[index].trim(), "a whole number");
      return v;
    };
    whole(0, FIELD.year);
    const expected = expectedStamp(row);
    const stamp = `${expected.day} ${MONTH_NAMES[expected.month - 1]} hour ${expected.hour}`;
    const order = `rows in calendar order, 1 January hour 1 to 31 December hour 24, no 29 February: this row is ${stamp}`;
    const month = whole(1, FIELD.month);
    if (month !== expected.month) fail(lineNo, FIELD.month, month, `${expected.month} (${order})`);
    const day = whole(2, FIELD.day);
    if (day !== expected.day) fail(lineNo, FIELD.day, day, `${expected.day} (${order})`);
    const hour = whole(3, FIELD.hour);
    if (hour !== expected.hour) fail(lineNo, FIELD.hour, hour, `${expected.hour} (${order})`);

    const db = num(6, FIELD.dryBulb);
    if (db === MISSING_TEMPERATURE) fail(lineNo, FIELD.dryBulb, db, "a measured value from -70 to 70 °C (99.9 marks it missing: fill the gap in the file, the planner does not invent weather)");
    if (db < -70 || db > 70) fail(lineNo, FIELD.dryBulb, db, "a number from -70 to 70 °C");
    let dp = num(7, FIELD.dewPoint);
    if (dp === MISSING_TEMPERATURE) fail(lineNo, FIELD.dewPoint, dp, "a measured value from -70 to 70 °C (99.9 marks it missing: fill the gap in the file, the planner does not invent weather)");
    if (dp < -70 || dp > 70) fail(lineNo, FIELD.dewPoint, dp, "a number from -70 to 70 °C");
    if (dp > db + DEW_ABOVE_DRY_TOLERANCE_K) fail(lineNo, FIELD.dewPoint, dp, `at most the dry bulb (${db} °C; up to ${DEW_ABOVE_DRY_TOLERANCE_K} K above is taken as rounding)`);
    dp = Math.min(dp, db);

    const pa = num(9, FIELD.pressure);
    let pressureKpa = elevationPressureKpa;
    if (pa !== MISSING_PRESSURE) {
      if (pa <= 31000 || pa >= 120000) fail(lineNo, FIELD.pressure, pa, "a pressure in Pa above 31,000 and below 120,000 (999999 if missing)");
      pressureKpa = pa / 1000;
    }
    dryBulbC[row] = db;
    dewPointC[row] = dp;
    wetBulbC[row] = wetBulbUnchecked(db, dp, pressureKpa);
  }
  const name = [station.city, station.state, station.country].filter((s) => s !== "" && s !== "-").join(", ");
  return { origin: `EPW file ${shownAs}${name ? ` (${name}${station.wmo ? `, WMO ${station.wmo}` : ""})` : ""}`, location, station, dryBulbC, wetBulbC, dewPointC };
}

function parseLocation(line: string, file: string): { location: SiteLocation; station: EpwStation } {
  const fields = line.split(",").map((f) => f.trim());
  if (fields[0].toUpperCase() !== "LOCATION") {
    throw new WeatherFileError(file, 1, "header", fields[0].slice(0, 40), 'the LOCATION line: "LOCATION,city,state,country,source,WMO,latitude,longitude,time zone,elevation"');
  }
  if (fields.length < 10) {
    throw new WeatherFileError(file, 1, "LOCATION fields", fields.length, "10: LOCATION,city,state,country,source,WMO,latitude,longitude,time zone,elevation");
  }
  const values: number[] = [];
  for (const f of LOCATION_FIELDS) {
    const raw = fields[f.index];
    const v = Number(raw);
    if (!NUMBER.test(raw) || v < f.min || v > f.max) {
      throw new WeatherFileError(file, 1, `LOCATION ${f.name} (field ${f.index + 1})`, raw, `a number from ${f.min} to ${f.max} (${f.unit})`);
    }
    values.push(v);
  }
  const [latitudeDeg, longitudeDeg, utcOffsetHours, elevationM] = values;
  if (elevationM < -500 || elevationM > 9000) {
    throw new WeatherFileError(file, 1, "LOCATION elevation (field 10)", fields[9], "a number from -500 to 9000 (m) for the pressure of the wet bulb");
  }
  return {
    location: { latitudeDeg, longitudeDeg, utcOffsetHours, elevationM },
    station: { city: fields[1], state: fields[2], country: fields[3], source: fields[4], wmo: fields[5] },
  };
}

/** What formatEpw writes in the LOCATION header beyond the year's location. */
export interface EpwMeta {
  /** City or station name for the LOCATION header (commas become semicolons). @default "Generated" */
  city?: string;
  /** State or province for the LOCATION header. @default "-" */
  state?: string;
  /** Country for the LOCATION header. @default "-" */
  country?: string;
  /** Data source, e.g. "aicluster generated". @default "aicluster" */
  source?: string;
  /** WMO station number for the LOCATION header. @default "999999" */
  wmo?: string;
  /** Year written in field 1 of every row (a non-leap year). @default 2025 */
  dataYear?: number;
  /** Free text for the COMMENTS 1 line (commas become semicolons). @default the weather year's origin */
  comment?: string;
}

/** Missing-value codes of EPW fields 11-35 (radiation, illuminance, wind, sky, weather, precipitation). */
const MISSING_REST = "9999,9999,9999,9999,9999,9999,999999,999999,999999,9999,999,999,99,99,9999,99999,9,999999999,999,.999,999,99,999,999,99";

const clean = (s: string | undefined, fallback: string) => (s ?? fallback).replace(/[,\r\n]/g, ";") || fallback;

/**
 * An EPW file of a weather year: dry bulb and dew point to 0.1 K (so parseEpw gives them back within 0.05 K), relative
 * humidity, the standard pressure at the year's elevation, and the other fields marked missing. The hours are the
 * year's local standard time, hour 1 = 00:00-01:00 on 1 January.
 */
export function formatEpw(year: WeatherYear, meta: EpwMeta = {}): string {
  for (const [name, series] of [["dryBulbC", year.dryBulbC], ["dewPointC", year.dewPointC]] as const) {
    if (series.length !== HOURS_PER_YEAR) throw new RangeError(`formatEpw: ${name} has ${series.length} hours; allowed: exactly ${HOURS_PER_YEAR}`);
  }
  const dataYear = meta.dataYear ?? 2025;
  if (!Number.isInteger(dataYear) || (dataYear % 4 === 0 && (dataYear % 100 !== 0 || dataYear % 400 === 0))) {
    throw new RangeError(`formatEpw: dataYear = ${dataYear}; allowed: a whole non-leap year`);
  }
  const loc = year.location;
  const pressurePa = Math.round(pressureKpaAtElevation(loc.elevationM) * 1000);
  const out: string[] = [
    `LOCATION,${clean(meta.city, "Generated")},${clean(meta.state, "-")},${clean(meta.country, "-")},${clean(meta.source, "aicluster")},${clean(meta.wmo, "999999")},${loc.latitudeDeg.toFixed(2)},${loc.longitudeDeg.toFixed(2)},${loc.utcOffsetHours.toFixed(1)},${loc.elevationM.toFixed(1)}`,
    "DESIGN CONDITIONS,0",
    "TYPICAL/EXTREME PERIODS,0",
    "GROUND TEMPERATURES,0",
    "HOLIDAYS/DAYLIGHT SAVINGS,No,0,0,0",
    `COMMENTS 1,${clean(meta.comment, year.origin)}`,
    "COMMENTS 2,written by aicluster formatEpw: dry bulb and dew point to 0.1 K; radiation and wind fields missing",
    "DATA PERIODS,1,1,Data,Sunday, 1/ 1,12/31",
  ];
  for (let row = 0; row < HOURS_PER_YEAR; row++) {
    const { month, day, hour } = expectedStamp(row);
    const db = Math.round(year.dryBulbC[row] * 10) / 10;
    const dp = Math.min(Math.round(year.dewPointC[row] * 10) / 10, db);
    const rh = Math.round(100 * relativeHumidity(db, dp));
    out.push(`${dataYear},${month},${day},${hour},60,?9?9?9?9E0?9?9?9?9?9?9?9?9?9?9?9?9?9?9?9*9*9?9?9?9,${db.toFixed(1)},${dp.toFixed(1)},${rh},${pressurePa},${MISSING_REST}`);
  }
  return `${out.join("\n")}\n`;
}
