/**
 * The cooling plant must make water as cold as the coldest supply a hall's liquid-cooled racks ask for, on the design
 * day: a rack asking for 20 °C behind adiabatic coolers in Louisiana (35 °C achievable) cannot be served. The hourly
 * model will refine this from the design day to every hour of the year.
 */
import { numberIn } from "../../components/model/ranges";
import { check, Finding, notApplicable, show } from "../finding";
import { defineRule } from "../rule";
import { numberProp, ofType, TYPES } from "../view";

export const supplyTemperature = defineRule({
  name: "supply-temperature",
  description: "Each hall's plant must hold the coldest facility-water supply its liquid-cooled racks ask for on the design day.",
  enforcementLevel: "mandatory",
  severity: "critical",
  remediationSteps: "Raise the racks' supplyTempC (warm-water designs accept up to 40-45 °C), or choose a technology that reaches colder water (evaporative towers, chillers).",
  config: {
    minMarginK: numberIn(0, 20, "K").default(0).describe("Least margin, K, between the coldest supply a rack asks for and the coldest the plant can hold on the design day."),
  },
  evaluate(resources, config) {
    const findings: Finding[] = [];
    for (const hall of ofType(resources, TYPES.dataHall)) {
      if (hall.props.supplyTempMarginK === undefined && hall.props.hasCoolingPlant === false) continue; // no plant: the structure rule flags it
      const margin = numberProp(hall, "supplyTempMarginK");
      if (margin === undefined) {
        // Undefined when the hall has no liquid-cooled rack: nothing asks for facility water.
        if (numberProp(hall, "heatToLiquidKw") === 0) continue;
        findings.push(notApplicable(this.name, hall, ["supplyTempMarginK"]));
        continue;
      }
      findings.push(check(this.name, hall, { budget: "supply temperature margin (design day)", measured: margin, limit: config.minMarginK, unit: "K", bound: "min" }, () => ({
        message: `${hall.name}: the coldest rack supply is ${show(-margin)} K below what the plant can hold on the design day${config.minMarginK > 0 ? ` (margin required: ${show(config.minMarginK)} K)` : ""}`,
        remediation: "raise the racks' supplyTempC, or use a technology that makes colder water (evaporative towers, chillers)",
      })));
    }
    return findings;
  },
});
