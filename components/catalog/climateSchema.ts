/** Schema of a site climate: design temperatures, and what the hourly weather year is generated from. */
import { z } from "zod";
import { type Assert, bothFinite, fail, id, type SameShape, type Source, sourceSchema } from "./schemaCommon";

const MONTHS = 12;

/** Like `fail`, for a problem inside an array or nested object (`normals.dailyMinC[6]`), so the value is found and shown. */
function failAt(ctx: z.RefinementCtx, path: (string | number)[], allowed: string): void {
  ctx.addIssue({ code: "custom", path, message: allowed });
}

/** Twelve finite numbers, January to December, each in [min, max] °C. */
function monthly(min: number, max: number) {
  return z.array(z.number().min(min).max(max)).length(MONTHS, `exactly ${MONTHS} numbers, January to December`);
}

/**
 * Where a climate's station (or the site) is, or where a weather series was observed or generated: the position
 * solar geometry needs, the clock the hours are in, and the height that sets the air pressure.
 */
export interface SiteLocation {
  /** Degrees north (negative south), -90 to 90. */
  latitudeDeg: number;
  /** Degrees east (negative west), -180 to 180. */
  longitudeDeg: number;
  /** Local standard time minus UTC, hours, -12 to 14: the clock the hours are in (no daylight saving). */
  utcOffsetHours: number;
  /** Height above sea level, m (-500 to 9,000 in a catalog climate; an EPW file's is taken as written): sets the air pressure for the wet bulb. */
  elevationM: number;
}

/** The schema of a `SiteLocation`. @internal */
export const siteLocationSchema = z.strictObject({
  /** Degrees north (negative south), -90 to 90. */
  latitudeDeg: z.number().min(-90).max(90),
  /** Degrees east (negative west), -180 to 180. */
  longitudeDeg: z.number().min(-180).max(180),
  /** Local standard time minus UTC, hours, -12 to 14 (no daylight saving). */
  utcOffsetHours: z.number().min(-12).max(14),
  /** Height above sea level, m, -500 to 9,000. */
  elevationM: z.number().min(-500).max(9000),
});

/** Monthly climate normals (e.g. NOAA 1991-2020), °C, January to December: twelve numbers each. */
export interface ClimateNormals {
  /** Mean daily maximum dry bulb of each month, °C (-60 to 55). */
  dailyMaxC: number[];
  /** Mean daily minimum dry bulb of each month, °C (-70 to 45). */
  dailyMinC: number[];
  /** Mean dew point of each month (mean over all hours), °C (-70 to 35). */
  dewPointC: number[];
}

/** The schema of `ClimateNormals`. @internal */
export const climateNormalsSchema = z.strictObject({
  /** Mean daily maximum dry bulb of each month, °C (-60 to 55). */
  dailyMaxC: monthly(-60, 55),
  /** Mean daily minimum dry bulb of each month, °C (-70 to 45). */
  dailyMinC: monthly(-70, 45),
  /** Mean dew point of each month (mean over all hours), °C (-70 to 35). */
  dewPointC: monthly(-70, 35),
}).superRefine((n, ctx) => {
  for (let m = 0; m < MONTHS; m++) {
    const max = n.dailyMaxC?.[m];
    const min = n.dailyMinC?.[m];
    const dew = n.dewPointC?.[m];
    if (bothFinite(min, max) && min > max) failAt(ctx, ["dailyMinC", m], `at most dailyMaxC[${m}] (${max} °C): a month's mean minimum cannot exceed its mean maximum`);
    if (bothFinite(dew, max) && dew > max) failAt(ctx, ["dewPointC", m], `at most dailyMaxC[${m}] (${max} °C): the dew point cannot exceed the dry bulb`);
  }
});

/** A standard deviation per season (meteorological: winter DJF, spring MAM, summer JJA, autumn SON), K. */
const seasonalSd = z.strictObject({
  winter: z.number().min(0).max(15),
  spring: z.number().min(0).max(15),
  summer: z.number().min(0).max(15),
  autumn: z.number().min(0).max(15),
});

/** A standard deviation per meteorological season (winter DJF, spring MAM, summer JJA, autumn SON), K (0 to 15). */
export interface SeasonalSd {
  /** December, January, February, K (0 to 15). */
  winter: number;
  /** March, April, May, K (0 to 15). */
  spring: number;
  /** June, July, August, K (0 to 15). */
  summer: number;
  /** September, October, November, K (0 to 15). */
  autumn: number;
}

/** Day-to-day weather around the normals, as the generator draws it. */
export interface ClimateVariability {
  /** Standard deviation of the daily-temperature anomaly (daily max and min move together), K, per season. */
  dryBulbSdK: SeasonalSd;
  /** Standard deviation of the daily dew-point anomaly, K, per season. */
  dewPointSdK: SeasonalSd;
  /** Lag-one (day to day) autocorrelation of the anomalies, 0 to 0.95: how long a warm or cold spell lasts. */
  persistence: number;
}

/** The schema of `ClimateVariability`. @internal */
export const climateVariabilitySchema = z.strictObject({
  /** Standard deviation of the daily-temperature anomaly (daily max and min move together), K, per season. */
  dryBulbSdK: seasonalSd,
  /** Standard deviation of the daily dew-point anomaly, K, per season. */
  dewPointSdK: seasonalSd,
  /** Lag-one (day to day) autocorrelation of the anomalies, 0 to 0.95: how long a warm or cold spell lasts. */
  persistence: z.number().min(0).max(0.95),
});

/** A site climate: design temperatures, and what the hourly weather year is generated from. */
export interface ClimateSpec {
  /** Catalog id: lower-case letters, digits, '.' and '-'. */
  id: string;
  /** Human-readable description: the region or site and its climate type. */
  description: string;
  /** Cooling design dry-bulb temperature (ASHRAE 0.4 %: exceeded 35 h of a year), °C (-20 to 60). */
  designDryBulbC: number;
  /** Evaporation design wet-bulb temperature (ASHRAE 0.4 %), °C (-20 to 40). */
  designWetBulbC: number;
  /** Cooling design dry bulb, ASHRAE 1 % (exceeded 88 h of a year), °C; at most designDryBulbC. @default unset (needed for the hourly weather year) */
  designDryBulb1C?: number;
  /** Evaporation design wet bulb, ASHRAE 1 %, °C; at most designWetBulbC. @default unset (needed for the hourly weather year) */
  designWetBulb1C?: number;
  /** Where the climate was observed. @default unset (needed for the hourly weather year) */
  location?: SiteLocation;
  /** Monthly normals. @default unset (needed for the hourly weather year) */
  normals?: ClimateNormals;
  /** Day-to-day variability. @default unset (needed for the hourly weather year) */
  variability?: ClimateVariability;
  /**
   * What seeds the generated weather year: the same figures under another seed are another plausible year of the same
   * climate (a confidence run draws years this way). 1-64 characters. @default the climate's id
   */
  weatherSeed?: string;
  /** Where the figures come from. */
  source: Source;
}

/** @internal */
export const climateSchema = z.strictObject({
  id,
  description: z.string().min(1),
  /** Cooling design dry-bulb temperature (ASHRAE 0.4 %: exceeded 35 h of a year), °C. */
  designDryBulbC: z.number().min(-20).max(60),
  /** Evaporation design wet-bulb temperature (ASHRAE 0.4 %), °C. */
  designWetBulbC: z.number().min(-20).max(40),
  /** Cooling design dry bulb, ASHRAE 1 % (exceeded 88 h of a year), °C; at most designDryBulbC. Needed for the hourly weather year. */
  designDryBulb1C: z.number().min(-20).max(60).optional(),
  /** Evaporation design wet bulb, ASHRAE 1 %, °C; at most designWetBulbC. Needed for the hourly weather year. */
  designWetBulb1C: z.number().min(-20).max(40).optional(),
  /** Where the climate was observed; needed for the hourly weather year. */
  location: siteLocationSchema.optional(),
  /** Monthly normals; needed for the hourly weather year. */
  normals: climateNormalsSchema.optional(),
  /** Day-to-day variability; needed for the hourly weather year. */
  variability: climateVariabilitySchema.optional(),
  /** What seeds the generated weather year (default: the id). */
  weatherSeed: z.string({ error: "1 to 64 characters" }).min(1, { error: "1 to 64 characters" }).max(64, { error: "1 to 64 characters" }).optional(),
  source: sourceSchema,
}).superRefine((c, ctx) => {
  // Evaporation cannot warm air: the wet bulb is at most the dry bulb (equal only at saturation).
  if (bothFinite(c.designWetBulbC, c.designDryBulbC) && c.designWetBulbC > c.designDryBulbC) {
    fail(ctx, "designWetBulbC", `at most designDryBulbC (${c.designDryBulbC} °C)`);
  }
  // The 1 % value is exceeded more often than the 0.4 % value, so it is no higher.
  if (bothFinite(c.designDryBulb1C, c.designDryBulbC) && c.designDryBulb1C! > c.designDryBulbC) {
    fail(ctx, "designDryBulb1C", `at most designDryBulbC (${c.designDryBulbC} °C): the 1 % value is exceeded more often than the 0.4 % value`);
  }
  if (bothFinite(c.designWetBulb1C, c.designWetBulbC) && c.designWetBulb1C! > c.designWetBulbC) {
    fail(ctx, "designWetBulb1C", `at most designWetBulbC (${c.designWetBulbC} °C): the 1 % value is exceeded more often than the 0.4 % value`);
  }
  if (bothFinite(c.designWetBulb1C, c.designDryBulb1C) && c.designWetBulb1C! > c.designDryBulb1C!) {
    fail(ctx, "designWetBulb1C", `at most designDryBulb1C (${c.designDryBulb1C} °C)`);
  }
  // The hourly weather needs all of its inputs or none: a half-described climate is a mistake, not a choice.
  const hourly = { location: c.location, normals: c.normals, variability: c.variability, designDryBulb1C: c.designDryBulb1C, designWetBulb1C: c.designWetBulb1C };
  const given = Object.entries(hourly).filter(([, v]) => v !== undefined).map(([k]) => k);
  if (given.length > 0 && given.length < Object.keys(hourly).length) {
    for (const [field, value] of Object.entries(hourly)) {
      if (value === undefined) fail(ctx, field, `given together with ${given.join(", ")} (the hourly weather year needs location, normals, variability, designDryBulb1C and designWetBulb1C)`);
    }
  }
  // A month whose mean daily maximum is above the 0.4 % design dry bulb would put half its afternoons above a value
  // exceeded only 35 h a year: the normals and the design value cannot both be right.
  const maxNormal = c.normals?.dailyMaxC?.length === MONTHS && bothFinite(...c.normals.dailyMaxC) ? Math.max(...c.normals.dailyMaxC) : undefined;
  if (maxNormal !== undefined && bothFinite(c.designDryBulbC) && maxNormal >= c.designDryBulbC) {
    failAt(ctx, ["normals", "dailyMaxC"], `below designDryBulbC (${c.designDryBulbC} °C) in every month: the 0.4 % design value is exceeded only 35 h a year`);
  }
});
/** @internal */
export type ClimateSpecMatchesSchema = Assert<SameShape<ClimateSpec, z.infer<typeof climateSchema>>>;
/** A climate with everything the hourly weather year is generated from. */
export type HourlyClimateSpec = ClimateSpec & Required<Pick<ClimateSpec, "location" | "normals" | "variability" | "designDryBulb1C" | "designWetBulb1C">>;

/** True when the climate carries everything weatherYearOf needs. */
export function hasHourlyInputs(c: ClimateSpec): c is HourlyClimateSpec {
  return c.location !== undefined && c.normals !== undefined && c.variability !== undefined && c.designDryBulb1C !== undefined && c.designWetBulb1C !== undefined;
}
