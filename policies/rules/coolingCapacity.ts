/** Each cooling plant must reject its heat load with the required redundancy's units out of service. */
import { REDUNDANCY_SCHEMES, firmRejectionCapacityKw } from "../../components/physics";
import { check, notApplicable } from "../finding";
import { z } from "zod";
import { defineRule } from "../rule";
import { numberProp, ofType, TYPES } from "../view";
import { show } from "../../components/format/numbers";

export const coolingCapacity = defineRule({
  name: "cooling-capacity",
  description: "Cooling plant capacity, with the required redundancy's units out of service, must cover the heat load.",
  enforcementLevel: "mandatory",
  severity: "critical",
  remediationSteps: "Add cooling units or larger ones.",
  config: {
    requiredRedundancy: z
      .enum(REDUNDANCY_SCHEMES, { error: `one of ${REDUNDANCY_SCHEMES.join(", ")}` })
      .default("N+1")
      .describe("Units that may be out of service: N (none), N+1 (one), 2N (half)."),
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
});
