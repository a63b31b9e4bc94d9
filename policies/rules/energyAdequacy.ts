/**
 * Every hour of the year, the contracts must supply the campus's facility demand: an annual energy balance hides the
 * night a solar-only campus goes dark. The hourly dispatch (components/hours/supply.ts) counts the hours it cannot.
 */
import { check, notApplicable, show } from "../finding";
import { wholeNumberIn } from "../../components/model/ranges";
import { defineRule } from "../rule";
import { numberProp, ofType, stringProp, TYPES } from "../view";

export const energyAdequacy = defineRule({
  name: "energy-adequacy",
  description: "The campus's contracts must meet its facility demand in every hour of the year (unserved hours at most the limit).",
  enforcementLevel: "mandatory",
  severity: "critical",
  remediationSteps: "Contract dispatchable (grid, gas) or firm clean capacity, or storage sized for the hours the variable sources do not cover.",
  config: {
    maxUnservedHours: wholeNumberIn(0, 8760).default(0).describe("Most hours a year in which some demand goes unserved (0 = none)."),
  },
  evaluate(resources, config) {
    return ofType(resources, TYPES.campus).flatMap((campus) => {
      const hours = numberProp(campus, "unservedHours");
      const energy = numberProp(campus, "unservedEnergyMwh");
      const shortfall = numberProp(campus, "maxShortfallMw");
      if (hours === undefined || energy === undefined || shortfall === undefined) {
        return [notApplicable(this.name, campus, ["unservedHours", "unservedEnergyMwh", "maxShortfallMw"])];
      }
      const at = stringProp(campus, "maxShortfallHour");
      return [
        check(this.name, campus, { budget: "unserved hours", measured: hours, limit: config.maxUnservedHours, unit: "h/yr", at }, () => ({
          message: `${campus.name}: demand goes unserved in ${show(hours)} hours a year (${show(energy)} MWh; largest shortfall ${show(shortfall)} MW${at ? ` at ${at}` : ""}), above the limit of ${show(config.maxUnservedHours)} h`,
          remediation: "contract dispatchable or firm clean capacity, or storage for the hours the variable sources do not cover",
        })),
      ];
    });
  },
});
