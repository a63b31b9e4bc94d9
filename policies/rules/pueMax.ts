/** Site PUE must not exceed a maximum. */
import type { Rule } from "../rule";
import { siteMaximum } from "./siteEfficiency";

export interface PueMaxConfig {
  maxPue: number;
}

export const pueMax: Rule<PueMaxConfig> = {
  name: "pue-max",
  description: "Campus PUE (facility power / IT power) must not exceed the maximum.",
  enforcementLevel: "mandatory",
  defaults: { maxPue: 1.3 },
  configSchema: { maxPue: { type: "number", minimum: 1, maximum: 3, description: "Highest PUE allowed (hyperscale fleets report 1.08-1.12; industry average about 1.5)." } },
  evaluate(resources, config) {
    return siteMaximum(this.name, resources, {
      prop: "pue", label: "PUE", unit: "", max: config.maxPue,
      remediation: "use warmer facility water and evaporative or adiabatic heat rejection instead of chillers, or cut air-side load",
    });
  },
};
