/** A component's weather year (generated from its climate, or read from its weather file), with a bad weather file reported against the component's `weatherFile` arg. */
import { z } from "zod";
import { showValue, type ClimateSpec } from "../catalog";
import { readEpwFile, WeatherFileError, WeatherInputError, weatherYearOf } from "../weather";
import type { WeatherYear } from "../weather/types";
import { reject, Subject } from "./validate";

/** The `weatherFile` arg of a campus, hall or plant: a path; the file itself is checked when it is read. */
export const weatherFileArg = z.string({ error: "a path to an EPW weather file (string)" }).min(1, { error: "a path to an EPW weather file" });

export function weatherOf(climate: ClimateSpec, weatherFile: string | undefined, subject: Subject): WeatherYear {
  try {
    // The climate's generated year, or the hours of the EPW file a user gives.
    return weatherFile === undefined ? weatherYearOf(climate) : readEpwFile(weatherFile);
  } catch (error) {
    if (error instanceof WeatherFileError) reject(subject, { field: "weatherFile", value: weatherFile, allowed: `a readable EnergyPlus weather file (${error.message})` });
    // A climate registered with design values only has nothing to generate hours from: it needs a weather file.
    if (error instanceof WeatherInputError) {
      const missing = error.problems.filter((p) => p.value === undefined);
      const why = missing.length === error.problems.length
        ? `${missing.map((p) => p.field).join(", ")} missing`
        : error.problems.map((p) => `${p.field} = ${showValue(p.value)}; allowed: ${p.allowed}`).join("; ");
      reject(subject, { field: "climate", value: climate.id, allowed: `a climate with usable hourly inputs (${why}), or a weatherFile with its hours` });
    }
    throw error;
  }
}
