/**
 * In every year of the horizon, the campus's water must stay within the site's annual permit, and its worst simulated
 * day within the daily cap when one is set.
 */
import { Finding, notApplicable } from "../finding";
import { wordOrNumber } from "../limits";
import { defineRule } from "../rule";
import { numberProp, ofType, TYPES } from "../view";
import { alsoFailing, checkEachYear, inYear, rowNumber, rowString, yearRows } from "../years";
import { show } from "../../components/format/numbers";

export const waterPermit = defineRule({
  name: "water-permit",
  description: "In every year of the horizon, campus water must not exceed the annual water permit, and water on the worst simulated day must not exceed the daily cap.",
  enforcementLevel: "mandatory",
  severity: "critical",
  remediationSteps: "Use dry or adiabatic cooling for some halls, raise cycles of concentration, add storage, or seek a larger permit.",
  config: {
    waterPermitM3PerYear: wordOrNumber("campus", "the campus's waterPermitM3PerYear; none: not checked", 0, 1e10, "m³/yr").default("campus").describe(`Water permit, m³/yr, overriding the campus's waterPermitM3PerYear (0 is a real permit: no water), or "campus" (the campus's own; none: not checked).`),
    dailyWaterCapM3: wordOrNumber("campus", "the campus's dailyWaterCapM3; none: not checked", 0, 1e8, "m³/day").default("campus").describe(`Daily water cap, m³/day, overriding the campus's dailyWaterCapM3 (0 is a real cap: no water), or "campus" (the campus's own; none: not checked).`),
  },
  evaluate(resources, config) {
    return ofType(resources, TYPES.campus).flatMap((campus) => {
      const findings: Finding[] = [];
      const rows = yearRows(campus);
      const permit = config.waterPermitM3PerYear !== "campus" ? config.waterPermitM3PerYear : numberProp(campus, "waterPermitM3PerYear");
      if (permit !== undefined) {
        const annual = rows && checkEachYear(
          this.name, campus, rows, { budget: "annual water (permit)", unit: "m³/yr" },
          (row) => {
            const water = rowNumber(row, "waterM3");
            return water === undefined ? undefined : { measured: water, limit: permit };
          },
          (row, v, failing) => ({
            message: `${campus.name}${inYear(row)}: annual water ${show(v.measured)} m³/yr exceeds the water permit of ${show(permit)} m³/yr (${permit === 0 ? "a permit of 0 allows no water" : `by ${show(((v.measured - permit) / permit) * 100)} %`})${alsoFailing(row, failing)}`,
            remediation: "use dry or adiabatic cooling for some halls, raise cycles of concentration, or seek a larger permit",
          }),
        );
        findings.push(annual ?? notApplicable(this.name, campus, ["years (waterM3)"]));
      }
      const cap = config.dailyWaterCapM3 !== "campus" ? config.dailyWaterCapM3 : numberProp(campus, "dailyWaterCapM3");
      if (cap !== undefined) {
        const daily = rows && checkEachYear(
          this.name, campus, rows, { budget: "worst-day water (daily cap)", unit: "m³/day" },
          (row) => {
            const water = rowNumber(row, "peakDailyWaterM3");
            return water === undefined ? undefined : { measured: water, limit: cap, at: rowString(row, "worstWaterDay") };
          },
          (row, v, failing) => ({
            message: `${campus.name}${inYear(row)}: water on its worst day${v.at ? ` (${v.at})` : ""} ${show(v.measured)} m³ exceeds the daily cap of ${show(cap)} m³${alsoFailing(row, failing)}`,
            remediation: "add water storage, or reject part of the heat with dry coolers on the hottest days",
          }),
        );
        findings.push(daily ?? notApplicable(this.name, campus, ["years (peakDailyWaterM3)"]));
      }
      return findings;
    });
  },
});
