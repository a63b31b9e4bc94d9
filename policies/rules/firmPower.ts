/** Facility power (IT, losses, cooling, network) with headroom must fit within the campus's firm contracted capacity. */
import { check, notApplicable, show } from "../finding";
import type { Rule } from "../rule";
import { numberProp, ofType, TYPES } from "../view";

export interface FirmPowerConfig {
  headroomFraction: number;
}

export const firmPower: Rule<FirmPowerConfig> = {
  name: "firm-power",
  description: "Campus facility power at full load, plus headroom, must not exceed the firm capacity of its power contracts.",
  enforcementLevel: "mandatory",
  defaults: { headroomFraction: 0.1 },
  configSchema: {
    headroomFraction: { type: "number", minimum: 0, maximum: 1, description: "Share of facility power to keep in reserve above it (0.1 = 10 %)." },
  },
  evaluate(resources, config) {
    return ofType(resources, TYPES.campus).flatMap((campus) => {
      const facilityMw = numberProp(campus, "facilityPowerMw");
      const firmMw = numberProp(campus, "firmContractedMw");
      if (facilityMw === undefined || firmMw === undefined) return [notApplicable(this.name, campus, ["facilityPowerMw", "firmContractedMw"])];
      const requiredMw = facilityMw * (1 + config.headroomFraction);
      return [
        check(this.name, campus, { budget: "firm power (facility + headroom)", measured: requiredMw, limit: firmMw, unit: "MW" }, () => ({
          message: `${campus.name}: facility power ${show(facilityMw)} MW + ${show(config.headroomFraction * 100)} % headroom = ${show(requiredMw)} MW exceeds firm contracted capacity ${show(firmMw)} MW`,
          remediation: "contract more firm capacity (or firm up variable sources), or build fewer racks",
        })),
      ];
    });
  },
};
