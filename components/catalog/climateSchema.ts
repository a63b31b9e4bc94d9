/** Schema of a site climate: design temperatures, and what the hourly weather year is generated from. */
import { z } from "zod";
import { bothFinite, fail, id, sourceSchema } from "./schemaCommon";

export const climateSchema = z.strictObject({
  id,
  description: z.string().min(1),
  /** Cooling design dry-bulb temperature (ASHRAE 0.4 %), °C. */
  designDryBulbC: z.number().min(-20).max(60),
  /** Evaporation design wet-bulb temperature (ASHRAE 0.4 %), °C. */
  designWetBulbC: z.number().min(-20).max(40),
  source: sourceSchema,
}).superRefine((c, ctx) => {
  // Evaporation cannot warm air: the wet bulb is at most the dry bulb (equal only at saturation).
  if (bothFinite(c.designWetBulbC, c.designDryBulbC) && c.designWetBulbC > c.designDryBulbC) {
    fail(ctx, "designWetBulbC", `at most designDryBulbC (${c.designDryBulbC} °C)`);
  }
});
export type ClimateSpec = z.infer<typeof climateSchema>;
