/** Site WUE must not exceed a maximum. */
import { numberIn } from "../../components/model/ranges";
import { notApplicable } from "../finding";
import { offOr } from "../limits";
import { numberProp, ofType, TYPES } from "../view";
import { SCARCITY_REMEDIATION, scarcityNotKnown } from "../waterScarcity";
import { defineRule } from "../rule";
import { siteMaximum } from "../siteMaximum";

export const wueMax = defineRule({
  name: "wue-max",
  description: "Campus WUE (site water / IT energy) must not exceed the maximum, nor, when a limit is set, scarcity-weighted WUE (consumed water × the site's AWARE factors / IT energy).",
  enforcementLevel: "mandatory",
  severity: "high",
  remediationSteps: "Replace evaporative towers with adiabatic or dry coolers, or raise cycles of concentration.",
  config: {
    maxWueLPerKwh: numberIn(0, 10, "L/kWh").default(1).describe("Highest WUE allowed, L/kWh (hyperscale reports 0.2-0.5; towers about 2)."),
    maxScarcityWeightedWueLPerKwh: offOr(0, 1000, "L world-eq/kWh").default("off").describe(`Highest scarcity-weighted WUE, L world-equivalent per kWh of IT energy (consumed water × the site's monthly AWARE factors / IT energy: 1 L/kWh consumed in Arizona is about 99, in Ohio about 1.2), or "off". A campus whose site has no water-scarcity entry fails it.`),
  },
  evaluate(resources, config) {
    const findings = siteMaximum(this.name, resources, {
      prop: "wueLPerKwh", label: "WUE", unit: "L/kWh", max: config.maxWueLPerKwh,
      remediation: "replace evaporative towers with adiabatic or dry coolers, or raise cycles of concentration",
    });
    const limit = config.maxScarcityWeightedWueLPerKwh;
    if (limit === "off") return findings;
    const scarcity = ofType(resources, TYPES.campus).flatMap((campus) => {
      if (numberProp(campus, "scarcityWeightedWueLPerKwh") !== undefined) return [];
      // Published without it: the site has no water-scarcity entry (a preview's unknown outputs publish nothing at all).
      if (numberProp(campus, "wueLPerKwh") === undefined) return [notApplicable(this.name, campus, ["scarcityWeightedWueLPerKwh"])];
      return [scarcityNotKnown(this.name, campus, "scarcity-weighted WUE", `${limit} L world-eq/kWh`)];
    });
    const measured = siteMaximum(this.name, resources.filter((r) => numberProp(r, "scarcityWeightedWueLPerKwh") !== undefined), {
      prop: "scarcityWeightedWueLPerKwh", label: "scarcity-weighted WUE", unit: "L world-eq/kWh", max: limit,
      remediation: SCARCITY_REMEDIATION,
    });
    return [...findings, ...scarcity, ...measured];
  },
});
