/** Hourly weather years: generated from a catalog climate, or read from an EnergyPlus weather (EPW) file. */
export type { SiteLocation, WeatherYear } from "./types";
export { weatherYearOf, generateWeatherYear, smoothThroughMonthlyMeans, DESIGN_HOURS_TOLERANCE, HOURS_ABOVE_04_PERCENT, HOURS_ABOVE_1_PERCENT } from "./generate";
export { parseEpw, formatEpw } from "./epw";
export type { EpwMeta, EpwStation, EpwWeatherYear } from "./epw";
export { readEpwFile, MAX_EPW_BYTES } from "./epwFile";
export { WeatherFileError, WeatherInputError } from "./errors";
export { DAYS_PER_YEAR, HOURS_PER_YEAR, MONTH_DAYS, MONTH_START_DAY, monthlyMeans } from "./calendar";
export { hasHourlyInputs } from "../catalog/climateSchema";
export type { HourlyClimateSpec, ClimateNormals, ClimateVariability } from "../catalog/climateSchema";
