/**
 * The campus's supply mix must stay under a carbon-intensity cap, and reach a minimum clean-energy share (annual) and a
 * minimum carbon-free share (hour by hour, 24/7 matching as Google reports it) when those are set.
 */
import { check, Finding, notApplicable, show } from "../finding";
import { numberIn } from "../../components/model/ranges";
import { defineRule } from "../rule";
import { numberProp, ofType, TYPES } from "../view";

export const carbon = defineRule({
  name: "carbon",
  description: "Carbon intensity of the contracted supply must not exceed the cap; the clean-energy share must reach the minimum.",
  enforcementLevel: "advisory",
  severity: "medium",
  remediationSteps: "Contract nuclear, wind or solar energy, or a lower-carbon grid product.",
  config: {
    maxCarbonIntensityGPerKwh: numberIn(0, 2000, "gCO2e/kWh").default(450).describe("Highest gCO2e/kWh of the energy supplied (gas CC about 490, US grid about 370)."),
    minCleanEnergyShare: numberIn(0, 1).default(0).describe("Lowest share of supplied energy from clean sources over the year, 0-1 (0 = not checked)."),
    minCarbonFreeShare: numberIn(0, 1).default(0).describe("Lowest share of demand met by clean energy in the same hour (24/7 carbon-free energy), 0-1 (0 = not checked)."),
  },
  evaluate(resources, config) {
    return ofType(resources, TYPES.campus).flatMap((campus) => {
      const intensity = numberProp(campus, "carbonIntensityGPerKwh");
      const share = numberProp(campus, "cleanEnergyShare");
      if (intensity === undefined || share === undefined) return [notApplicable(this.name, campus, ["carbonIntensityGPerKwh", "cleanEnergyShare"])];
      const findings: Finding[] = [
        check(this.name, campus, { budget: "supply carbon intensity", measured: intensity, limit: config.maxCarbonIntensityGPerKwh, unit: "gCO2e/kWh" }, () => ({
          message: `${campus.name}: supply carbon intensity ${show(intensity)} gCO2e/kWh exceeds the cap of ${show(config.maxCarbonIntensityGPerKwh)}`,
          remediation: "contract nuclear, wind or solar energy, or a lower-carbon grid product",
        })),
      ];
      if (config.minCleanEnergyShare > 0) {
        findings.push(check(this.name, campus, { budget: "clean-energy share", measured: share, limit: config.minCleanEnergyShare, unit: "share", bound: "min" }, () => ({
          message: `${campus.name}: clean-energy share ${show(share * 100)} % is below the minimum of ${show(config.minCleanEnergyShare * 100)} %`,
          remediation: "contract more clean energy",
        })));
      }
      if (config.minCarbonFreeShare > 0) {
        const cfe = numberProp(campus, "carbonFreeShare");
        if (cfe === undefined) findings.push(notApplicable(this.name, campus, ["carbonFreeShare"]));
        else {
          findings.push(check(this.name, campus, { budget: "hourly carbon-free share", measured: cfe, limit: config.minCarbonFreeShare, unit: "share", bound: "min" }, () => ({
            message: `${campus.name}: clean energy meets ${show(cfe * 100)} % of demand hour by hour, below the minimum of ${show(config.minCarbonFreeShare * 100)} %`,
            remediation: "contract clean firm power (nuclear, geothermal) or storage to carry clean energy into the night",
          })));
        }
      }
      return findings;
    });
  },
});
