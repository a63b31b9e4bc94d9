/** IT load per hour as a fraction of the hall's full IT load: constant at the utilisation, or a profile a user gives. */
import { HOURS, MONTH_OF_HOUR } from "./calendar";

/** Lengths a profile may have: one value per hour of the day, per month, or per hour of the year. */
export const PROFILE_LENGTHS = [24, 12, HOURS] as const;

const constantProfiles = new Map<number, Float64Array>();
const givenProfiles = new Map<string, Float64Array>();

/** The same fraction every hour (shared per value). */
export function constantProfile(fraction: number): Float64Array {
  let profile = constantProfiles.get(fraction);
  if (!profile) constantProfiles.set(fraction, (profile = new Float64Array(HOURS).fill(fraction)));
  return profile;
}

/** Expands a validated 24-, 12- or 8,760-value profile to 8,760 hours (shared per distinct profile). */
export function expandProfile(values: readonly number[]): Float64Array {
  const key = values.join(",");
  let profile = givenProfiles.get(key);
  if (profile) return profile;
  profile = new Float64Array(HOURS);
  for (let h = 0; h < HOURS; h++) {
    profile[h] = values.length === 24 ? values[h % 24] : values.length === 12 ? values[MONTH_OF_HOUR[h]] : values[h];
  }
  givenProfiles.set(key, profile);
  return profile;
}

/** Mean of a profile: the utilisation it implies. */
export function profileMean(profile: Float64Array): number {
  let sum = 0;
  for (let h = 0; h < HOURS; h++) sum += profile[h];
  return sum / HOURS;
}
