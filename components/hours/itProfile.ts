/** IT load per hour as a fraction of the hall's full IT load: constant at the utilisation, or a profile a user gives. */
import { ValueMemo } from "../memo";
import { HOURS, MONTH_OF_HOUR } from "./calendar";

/** Lengths a profile may have: one value per hour of the day, per month, or per hour of the year. */
export const PROFILE_LENGTHS = [24, 12, HOURS] as const;

/** Profiles by their values: identical halls share one array, so their hall hours are computed once. */
const profiles = new ValueMemo<Float64Array>();

/** The same fraction every hour (shared per value: read-only). */
export function constantProfile(fraction: number): Float64Array {
  return profiles.get(`constant:${fraction}`, () => new Float64Array(HOURS).fill(fraction));
}

/** Expands a validated 24-, 12- or 8,760-value profile to 8,760 hours (shared per distinct profile: read-only). */
export function expandProfile(values: readonly number[]): Float64Array {
  return profiles.get(`given:${values.join(",")}`, () => {
    const profile = new Float64Array(HOURS);
    for (let h = 0; h < HOURS; h++) {
      profile[h] = values.length === 24 ? values[h % 24] : values.length === 12 ? values[MONTH_OF_HOUR[h]] : values[h];
    }
    return profile;
  });
}

/** Mean of a profile: the utilisation it implies. */
export function profileMean(profile: Float64Array): number {
  let sum = 0;
  for (let h = 0; h < HOURS; h++) sum += profile[h];
  return sum / HOURS;
}
