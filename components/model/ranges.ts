/** zod number schemas whose every failure (type, NaN, bounds) says the same thing: what is allowed. */
import { z } from "zod";
import { upTo } from "../format/numbers";

// Bounds as written (0.000001 stays 0.000001), with thousands separators.
const fmt = (n: number) => upTo(n, 6);

/** A number from min to max inclusive (min exclusive when `aboveMin`), with its unit in the message. */
export function numberIn(min: number, max: number, unit = "", aboveMin = false) {
  const u = unit ? ` ${unit}` : "";
  const allowed = aboveMin ? `a number above ${fmt(min)} and up to ${fmt(max)}${u}` : `a number from ${fmt(min)} to ${fmt(max)}${u}`;
  const base = z.number({ error: allowed }).max(max, { error: allowed });
  return aboveMin ? base.gt(min, { error: allowed }) : base.min(min, { error: allowed });
}

/** A whole number from min to max. */
export function wholeNumberIn(min: number, max: number) {
  const allowed = `a whole number from ${fmt(min)} to ${fmt(max)}`;
  return z.number({ error: allowed }).int({ error: allowed }).min(min, { error: allowed }).max(max, { error: allowed });
}

/** A non-empty name usable in Pulumi resource names. */
export const childName = z
  .string({ error: "a name of letters, digits, '-', '_' or '.'" })
  .regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,62}$/, { error: "a name of letters, digits, '-', '_' or '.', 1-63 characters" });

/** Lowest provisioned GPU power, as a fraction of the accelerator's nameplate board power. */
export const MIN_GPU_POWER_CAP_FRACTION = 0.3;
const CAP_W_ALLOWED = `a number of W from ${MIN_GPU_POWER_CAP_FRACTION * 100} % to 100 % of the accelerator's nameplate board power`;
/** zod shapes of a rack group's or a hall's provisioned GPU power (the bounds against the nameplate are checked once the accelerator is known). */
export const gpuPowerCapShape = {
  gpuPowerCapW: z.number({ error: CAP_W_ALLOWED }).gt(0, { error: CAP_W_ALLOWED }).optional(),
  gpuPowerCapFraction: numberIn(MIN_GPU_POWER_CAP_FRACTION, 1, "(of the accelerator's nameplate board power)").optional(),
};
