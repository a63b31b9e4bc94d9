/** Each cooling plant must reject its heat load with the required redundancy's units out of service. */
import { REDUNDANCY_SCHEMES, firmRejectionCapacityKw } from "../../components/physics";
import { check, notApplicable, show } from "../finding";
import type { Rule } from "../rule";
import { numberProp, ofType, TYPES } from "../view";

export interface CoolingCapacityConfig {
  /** Redundancy every plant must meet: N, N+1 or 2N. */
  requiredRedundancy: string;
}

export const coolingCapacity: Rule<CoolingCapacityConfig> = {
  name: "cooling-capacity",
  description: "Cooling plant capacity, with the required redundancy's units out of service, must cover the heat load.",
  enforcementLevel: "mandatory",
  defaults: { requiredRedundancy: "N+1" },
  configSchema: {
    requiredRedundancy: { type: "string", enum: [...REDUNDANCY_SCHEMES], description: "Units that may be out of service: N (none), N+1 (one), 2N (half)." },
  },
  evaluate(resources, config) {
    return ofType(resources, TYPES.coolingPlant).flatMap((plant) => {
      const units = numberProp(plant, "units");
      const unitKw = numberProp(plant, "unitCapacityKw");
      const heat = numberProp(plant, "heatLoadKw");
      if (units === undefined || unitKw === undefined || heat === undefined) return [notApplicable(this.name, plant, ["units", "unitCapacityKw", "heatLoadKw"])];
      const firmKw = firmRejectionCapacityKw(units, unitKw, config.requiredRedundancy);
      return [check(this.name, plant, { budget: `heat load (plant capacity under ${config.requiredRedundancy})`, measured: heat, limit: firmKw, unit: "kW" }, () => ({
        message: `${plant.name}: heat load ${show(heat)} kW exceeds the ${show(firmKw)} kW left under ${config.requiredRedundancy} (${units} × ${show(unitKw)} kW units)`,
        remediation: "add cooling units or larger ones",
      }))];
    });
  },
};
