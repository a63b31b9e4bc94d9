/** The real TMY3 years of test/fixtures/tmy3 (written by scripts/tmy3Fixtures.ts from a registry package's files). */
import * as fs from "fs";
import * as path from "path";
import { expect } from "vitest";
import { wetBulbUnchecked } from "../../components/physics";
import { HOURS_PER_YEAR, type SiteLocation, type WeatherYear } from "../../components/weather";

export const TMY3_FIXTURES = path.join(__dirname, "..", "fixtures", "tmy3");

/**
 * The year of `<base>.hours.csv`: dry bulb and dew point as recorded, the wet bulb at each hour's station pressure
 * (as parseEpw does), at `location`.
 */
export function tmy3Year(base: string, location: SiteLocation, origin: string): WeatherYear {
  const rows = fs.readFileSync(path.join(TMY3_FIXTURES, `${base}.hours.csv`), "utf8").split("\n").filter((l) => l !== "" && !l.startsWith("#")).slice(1);
  expect(rows).toHaveLength(HOURS_PER_YEAR);
  const dryBulbC = new Float64Array(HOURS_PER_YEAR), dewPointC = new Float64Array(HOURS_PER_YEAR), wetBulbC = new Float64Array(HOURS_PER_YEAR);
  rows.forEach((row, i) => {
    const [db, dp, hpa] = row.split(",").map(Number);
    dryBulbC[i] = db;
    dewPointC[i] = dp;
    wetBulbC[i] = wetBulbUnchecked(db, dp, hpa / 10);
  });
  return { origin, location, dryBulbC, wetBulbC, dewPointC };
}
