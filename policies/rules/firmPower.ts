/** Facility power (IT, losses, cooling, network) with headroom must fit within the campus's firm contracted capacity. */
import { check, notApplicable, show } from "../finding";
import { numberIn } from "../../components/model/ranges";
import { defineRule } from "../rule";
import { numberProp, ofType, TYPES } from "../view";

export const firmPower = defineRule({
  name: "firm-power",
  description: "Campus facility power at full load, plus headroom, must not exceed the firm capacity of its power contracts.",
  enforcementLevel: "mandatory",
  severity: "critical",
  remediationSteps: "Contract more firm capacity (or firm up variable sources), or build fewer racks.",
  config: {
    headroomFraction: numberIn(0, 1).default(0.1).describe("Share of facility power to keep in reserve above it (0.1 = 10 %)."),
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
});
