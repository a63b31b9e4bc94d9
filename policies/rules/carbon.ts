/** The campus's supply mix must stay under a carbon-intensity cap, and reach a minimum clean-energy share when one is set. */
import { check, Finding, notApplicable, show } from "../finding";
import type { Rule } from "../rule";
import { numberProp, ofType, TYPES } from "../view";

export interface CarbonConfig {
  maxCarbonIntensityGPerKwh: number;
  minCleanEnergyShare: number;
}

export const carbon: Rule<CarbonConfig> = {
  name: "carbon",
  description: "Carbon intensity of the contracted supply must not exceed the cap; the clean-energy share must reach the minimum.",
  enforcementLevel: "advisory",
  defaults: { maxCarbonIntensityGPerKwh: 450, minCleanEnergyShare: 0 },
  configSchema: {
    maxCarbonIntensityGPerKwh: { type: "number", minimum: 0, description: "Highest gCO2e/kWh of the energy supplied (gas CC about 490, US grid about 370)." },
    minCleanEnergyShare: { type: "number", minimum: 0, maximum: 1, description: "Lowest share of supplied energy from clean sources, 0-1 (0 = not checked)." },
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
      return findings;
    });
  },
};
