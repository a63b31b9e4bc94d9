/** A component's weather year, with a bad weather file reported against the component's `weatherFile` arg. */
import type { ClimateSpec } from "../catalog";
import { siteWeather } from "../hours/siteWeather";
import { WeatherFileError } from "../weather";
import type { WeatherYear } from "../weather/types";
import { reject, Subject } from "./validate";

export function weatherOf(climate: ClimateSpec, weatherFile: string | undefined, subject: Subject): WeatherYear {
  try {
    return siteWeather(climate, weatherFile);
  } catch (error) {
    if (error instanceof WeatherFileError) reject(subject, { field: "weatherFile", value: weatherFile, allowed: `a readable EnergyPlus weather file (${error.message})` });
    throw error;
  }
}
