/** Heat to liquid must fit the CDU capacity that serves each rack group. */
import { check, notApplicable } from "../finding";
import { defineRule } from "../rule";
import { numberProp, ofType, TYPES } from "../view";
import { show } from "../../components/format/numbers";

export const cduCapacity = defineRule({
  name: "cdu-capacity",
  description: "Heat to liquid of each liquid-cooled rack group must not exceed its CDU capacity.",
  enforcementLevel: "mandatory",
  severity: "high",
  remediationSteps: "Add CDU capacity (cduCapacityKwPerRack) or spread the racks over more CDUs.",
  config: {},
  evaluate(resources) {
    return ofType(resources, TYPES.liquidRack).flatMap((rack) => {
      const heat = numberProp(rack, "heatToLiquidKw");
      const cdu = numberProp(rack, "cduCapacityKw");
      if (heat === undefined || cdu === undefined) return [notApplicable(this.name, rack, ["heatToLiquidKw", "cduCapacityKw"])];
      return [check(this.name, rack, { budget: "heat to liquid (CDU capacity)", measured: heat, limit: cdu, unit: "kW" }, () => ({
        message: `${rack.name}: heat to liquid ${show(heat)} kW exceeds CDU capacity ${show(cdu)} kW`,
        remediation: "add CDU capacity (cduCapacityKwPerRack) or spread the racks over more CDUs",
      }))];
    });
  },
});
