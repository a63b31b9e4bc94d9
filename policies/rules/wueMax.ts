/** Site WUE must not exceed a maximum. */
import { numberIn } from "../../components/model/ranges";
import { defineRule } from "../rule";
import { siteMaximum } from "../siteMaximum";

export const wueMax = defineRule({
  name: "wue-max",
  description: "Campus WUE (site water / IT energy) must not exceed the maximum.",
  enforcementLevel: "mandatory",
  severity: "high",
  remediationSteps: "Replace evaporative towers with adiabatic or dry coolers, or raise cycles of concentration.",
  config: { maxWueLPerKwh: numberIn(0, 10, "L/kWh").default(1).describe("Highest WUE allowed, L/kWh (hyperscale reports 0.2-0.5; towers about 2).") },
  evaluate(resources, config) {
    return siteMaximum(this.name, resources, {
      prop: "wueLPerKwh", label: "WUE", unit: "L/kWh", max: config.maxWueLPerKwh,
      remediation: "replace evaporative towers with adiabatic or dry coolers, or raise cycles of concentration",
    });
  },
});
