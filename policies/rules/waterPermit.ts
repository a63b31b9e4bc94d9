/**
 * In every year of the horizon, the campus's water must stay within the site's annual permit, and its worst simulated
 * day within the daily cap when one is set.
 */
import { Finding, notApplicable } from "../finding";
import { offOr, wordOrNumber } from "../limits";
import { defineRule } from "../rule";
import { numberProp, ofType, TYPES } from "../view";
import { SCARCITY_REMEDIATION, scarcityNotKnown } from "../waterScarcity";
import { alsoFailing, checkEachYear, inYear, rowNumber, rowString, yearRows } from "../years";
import { show } from "../../components/format/numbers";

export const waterPermit = defineRule({
  name: "water-permit",
  description: "In every year of the horizon, campus water must not exceed the annual water permit, water on the worst simulated day must not exceed the daily cap, and scarcity-weighted water (consumption × the site's AWARE factors) must not exceed its limit when one is set.",
  enforcementLevel: "mandatory",
  severity: "critical",
  remediationSteps: "Use dry or adiabatic cooling for some halls, raise cycles of concentration, add storage, or seek a larger permit.",
  config: {
    waterPermitM3PerYear: wordOrNumber("campus", "the campus's waterPermitM3PerYear; none: not checked", 0, 1e10, "m³/yr").default("campus").describe(`Water permit, m³/yr, overriding the campus's waterPermitM3PerYear (0 is a real permit: no water), or "campus" (the campus's own; none: not checked).`),
    dailyWaterCapM3: wordOrNumber("campus", "the campus's dailyWaterCapM3; none: not checked", 0, 1e8, "m³/day").default("campus").describe(`Daily water cap, m³/day, overriding the campus's dailyWaterCapM3 (0 is a real cap: no water), or "campus" (the campus's own; none: not checked).`),
    maxScarcityWeightedWaterM3PerYear: offOr(0, 1e12, "m³ world-eq/yr").default("off").describe(`Most scarcity-weighted water a year, m³ world-equivalent (consumed water × the site's monthly AWARE factors: a cubic metre evaporated in Phoenix weighs about 99, in Louisiana 0.36), or "off". A campus whose site has no water-scarcity entry fails it: the figure cannot be checked.`),
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
      const scarcityLimit = config.maxScarcityWeightedWaterM3PerYear;
      if (scarcityLimit !== "off") findings.push(scarcityFinding(this.name, campus, rows, scarcityLimit));
      return findings;
    });
  },
});

/**
 * Scarcity-weighted water in every year against the limit. A site without a water-scarcity entry is a violation, not a
 * pass: the limit was asked for and cannot be checked (register one for the site's climate, or set the campus's
 * waterScarcity).
 */
function scarcityFinding(policy: string, campus: Parameters<typeof yearRows>[0], rows: ReturnType<typeof yearRows>, limit: number): Finding {
  if (rows && rows.length > 0 && rows.every((row) => rowNumber(row, "scarcityWeightedWaterM3") === undefined) && rows.every((row) => rowNumber(row, "waterConsumedM3") !== undefined)) {
    return scarcityNotKnown(policy, campus, "scarcity-weighted water", `${show(limit)} m³ world-eq/yr`);
  }
  const checked = rows && checkEachYear(
    policy, campus, rows, { budget: "scarcity-weighted water", unit: "m³ world-eq/yr" },
    (row) => {
      const weighted = rowNumber(row, "scarcityWeightedWaterM3");
      return weighted === undefined ? undefined : { measured: weighted, limit };
    },
    (row, v, failing) => ({
      message: `${campus.name}${inYear(row)}: scarcity-weighted water ${show(v.measured)} m³ world-eq exceeds the limit of ${show(limit)} m³ world-eq/yr (${limit === 0 ? "a limit of 0 allows no consumption" : `by ${show(((v.measured - limit) / limit) * 100)} %`}; consumed ${show(rowNumber(row, "waterConsumedM3") ?? 0)} m³)${alsoFailing(row, failing)}`,
      remediation: SCARCITY_REMEDIATION,
    }),
  );
  return checked ?? notApplicable(policy, campus, ["years (scarcityWeightedWaterM3)"]);
}
