/** A component's weather year, with a bad weather file reported against the component's `weatherFile` arg. */
import type { ClimateSpec } from "../catalog";
import { siteWeather } from "../hours/siteWeather";
import { WeatherFileError, WeatherInputError } from "../weather";
import type { WeatherYear } from "../weather/types";
import { reject, Subject } from "./validate";

export function weatherOf(climate: ClimateSpec, weatherFile: string | undefined, subject: Subject): WeatherYear {
  try {
    return siteWeather(climate, weatherFile);
  } catch (error) {
    if (error instanceof WeatherFileError) reject(subject, { field: "weatherFile", value: weatherFile, allowed: `a readable EnergyPlus weather file (${error.message})` });
    // A climate registered with design values only has nothing to generate hours from: it needs a weather file.
    if (error instanceof WeatherInputError) {
      const missing = error.problems.map((p) => p.field).join(", ");
      reject(subject, { field: "climate", value: climate.id, allowed: `a climate with the hourly inputs (${missing} missing), or a weatherFile with its hours` });
    }
    throw error;
  }
}
