/** The weather year a site's hours run on: generated from its catalog climate, or read from the EPW file a user gives. */
import type { ClimateSpec } from "../catalog";
import { readEpwFile, weatherYearOf } from "../weather";
import type { WeatherYear } from "../weather/types";

export function siteWeather(climate: ClimateSpec, weatherFile?: string): WeatherYear {
  return weatherFile === undefined ? weatherYearOf(climate) : readEpwFile(weatherFile);
}
