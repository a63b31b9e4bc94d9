/** Facility power in the campus's worst hour (full IT load, that hour's cooling) with headroom must fit within its firm contracted capacity. */
import { check, notApplicable, show } from "../finding";
import { numberIn } from "../../components/model/ranges";
import { defineRule } from "../rule";
import { numberProp, ofType, stringProp, TYPES } from "../view";

export const firmPower = defineRule({
  name: "firm-power",
  description: "Campus facility power in its peak hour (full IT load, that hour's cooling), plus headroom, must not exceed the firm capacity of its power contracts.",
  enforcementLevel: "mandatory",
  severity: "critical",
  remediationSteps: "Contract more firm capacity (or firm up variable sources), or build fewer racks.",
  config: {
    headroomFraction: numberIn(0, 1).default(0.1).describe("Share of peak-hour facility power to keep in reserve above it (0.1 = 10 %)."),
  },
  evaluate(resources, config) {
    return ofType(resources, TYPES.campus).flatMap((campus) => {
      const peakMw = numberProp(campus, "peakFacilityPowerMw");
      const firmMw = numberProp(campus, "firmContractedMw");
      if (peakMw === undefined || firmMw === undefined) return [notApplicable(this.name, campus, ["peakFacilityPowerMw", "firmContractedMw"])];
      const at = stringProp(campus, "peakHour");
      const requiredMw = peakMw * (1 + config.headroomFraction);
      return [
        check(this.name, campus, { budget: "firm power (peak hour + headroom)", measured: requiredMw, limit: firmMw, unit: "MW", at }, () => ({
          message: `${campus.name}: peak-hour facility power ${show(peakMw)} MW${at ? ` (${at})` : ""} + ${show(config.headroomFraction * 100)} % headroom = ${show(requiredMw)} MW exceeds firm contracted capacity ${show(firmMw)} MW`,
          remediation: "contract more firm capacity (or firm up variable sources), or build fewer racks",
        })),
      ];
    });
  },
});
