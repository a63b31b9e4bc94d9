/** Site PUE must not exceed a maximum. */
import { numberIn } from "../../components/model/ranges";
import { defineRule } from "../rule";
import { siteMaximum } from "../siteMaximum";

export const pueMax = defineRule({
  name: "pue-max",
  description: "Campus PUE (facility power / IT power) must not exceed the maximum.",
  enforcementLevel: "mandatory",
  severity: "high",
  remediationSteps: "Use warmer facility water and evaporative or adiabatic heat rejection instead of chillers, or cut air-side load.",
  config: { maxPue: numberIn(1, 3).default(1.3).describe("Highest PUE allowed (hyperscale fleets report 1.08-1.12; industry average about 1.5).") },
  evaluate(resources, config) {
    return siteMaximum(this.name, resources, {
      prop: "pue", label: "PUE", unit: "", max: config.maxPue,
      remediation: "use warmer facility water and evaporative or adiabatic heat rejection instead of chillers, or cut air-side load",
    });
  },
});
