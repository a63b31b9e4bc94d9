/** Site WUE must not exceed a maximum. */
import type { Rule } from "../rule";
import { siteMaximum } from "./siteEfficiency";

export interface WueMaxConfig {
  maxWueLPerKwh: number;
}

export const wueMax: Rule<WueMaxConfig> = {
  name: "wue-max",
  description: "Campus WUE (site water / IT energy) must not exceed the maximum.",
  enforcementLevel: "mandatory",
  defaults: { maxWueLPerKwh: 1.0 },
  configSchema: { maxWueLPerKwh: { type: "number", minimum: 0, maximum: 10, description: "Highest WUE allowed, L/kWh (hyperscale reports 0.2-0.5; towers about 2)." } },
  evaluate(resources, config) {
    return siteMaximum(this.name, resources, {
      prop: "wueLPerKwh", label: "WUE", unit: "L/kWh", max: config.maxWueLPerKwh,
      remediation: "replace evaporative towers with adiabatic or dry coolers, or raise cycles of concentration",
    });
  },
};
