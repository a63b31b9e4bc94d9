/** Annual water must stay within the site's water permit, and the worst simulated day's water within a daily cap when one is set. */
import { check, Finding, notApplicable, show } from "../finding";
import { numberIn } from "../../components/model/ranges";
import { defineRule } from "../rule";
import { numberProp, ofType, stringProp, TYPES } from "../view";

export const waterPermit = defineRule({
  name: "water-permit",
  description: "Campus annual water must not exceed the water permit; water on the worst simulated day must not exceed the daily cap.",
  enforcementLevel: "mandatory",
  severity: "critical",
  remediationSteps: "Use dry or adiabatic cooling for some halls, raise cycles of concentration, add storage, or seek a larger permit.",
  config: {
    waterPermitM3PerYear: numberIn(0, 1e10, "m³/yr").default(0).describe("Water permit, m³/yr; above 0 it overrides the campus's waterPermitM3PerYear; 0 = use the campus's."),
    dailyWaterCapM3: numberIn(0, 1e8, "m³/day").default(0).describe("Daily water cap, m³/day; above 0 it overrides the campus's dailyWaterCapM3; 0 = use the campus's (none: not checked)."),
  },
  evaluate(resources, config) {
    return ofType(resources, TYPES.campus).flatMap((campus) => {
      const findings: Finding[] = [];
      const permit = config.waterPermitM3PerYear > 0 ? config.waterPermitM3PerYear : numberProp(campus, "waterPermitM3PerYear");
      const annual = numberProp(campus, "waterM3PerYear");
      if (permit !== undefined) {
        if (annual === undefined) findings.push(notApplicable(this.name, campus, ["waterM3PerYear"]));
        else {
          findings.push(
            check(this.name, campus, { budget: "annual water (permit)", measured: annual, limit: permit, unit: "m³/yr" }, () => ({
              message: `${campus.name}: annual water ${show(annual)} m³/yr exceeds the water permit of ${show(permit)} m³/yr (by ${show(((annual - permit) / permit) * 100)} %)`,
              remediation: "use dry or adiabatic cooling for some halls, raise cycles of concentration, or seek a larger permit",
            })),
          );
        }
      }
      const cap = config.dailyWaterCapM3 > 0 ? config.dailyWaterCapM3 : numberProp(campus, "dailyWaterCapM3");
      const daily = numberProp(campus, "peakDailyWaterM3");
      const day = stringProp(campus, "worstWaterDay");
      if (cap !== undefined) {
        if (daily === undefined) findings.push(notApplicable(this.name, campus, ["peakDailyWaterM3"]));
        else {
          findings.push(
            check(this.name, campus, { budget: "worst-day water (daily cap)", measured: daily, limit: cap, unit: "m³/day", at: day }, () => ({
              message: `${campus.name}: water on its worst day${day ? ` (${day})` : ""} ${show(daily)} m³ exceeds the daily cap of ${show(cap)} m³`,
              remediation: "add water storage, or reject part of the heat with dry coolers on the hottest days",
            })),
          );
        }
      }
      return findings;
    });
  },
});
