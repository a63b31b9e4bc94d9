/**
 * In every year of the horizon and every hour of it, the contracts delivering that year must supply the campus's
 * facility demand: an annual energy balance hides the night a solar-only campus goes dark, and a yearly snapshot
 * hides the year a contract ends. The hourly dispatch (components/hours/supply.ts) counts the hours it cannot.
 */
import { notApplicable } from "../finding";
import { wholeNumberIn } from "../../components/model/ranges";
import { defineRule } from "../rule";
import { ofType, TYPES } from "../view";
import { alsoFailing, checkEachYear, inYear, rowNumber, rowString, yearRows } from "../years";
import { show } from "../../components/format/numbers";

export const energyAdequacy = defineRule({
  name: "energy-adequacy",
  description: "In every year of the horizon, the contracts delivering that year must meet the campus's facility demand in every hour (unserved hours at most the limit).",
  enforcementLevel: "mandatory",
  severity: "critical",
  remediationSteps: "Contract dispatchable (grid, gas) or firm clean capacity for the failing years, or storage sized for the hours the variable sources do not cover.",
  config: {
    maxUnservedHours: wholeNumberIn(0, 8760).default(0).describe("Most hours a year in which some demand goes unserved (0 = none)."),
  },
  evaluate(resources, config) {
    return ofType(resources, TYPES.campus).flatMap((campus) => {
      const rows = yearRows(campus);
      const finding = rows && checkEachYear(
        this.name, campus, rows, { budget: "unserved hours", unit: "h/yr" },
        (row) => {
          const hours = rowNumber(row, "unservedHours");
          return hours === undefined ? undefined : { measured: hours, limit: config.maxUnservedHours, at: rowString(row, "maxShortfallHour") };
        },
        (row, v, failing) => ({
          message: `${campus.name}${inYear(row)}: demand goes unserved in ${show(v.measured)} hours (${show(rowNumber(row, "unservedEnergyMwh") ?? 0)} MWh; largest shortfall ${show(rowNumber(row, "maxShortfallMw") ?? 0)} MW${v.at ? ` at ${v.at}` : ""}), above the limit of ${show(v.limit)} h${alsoFailing(row, failing)}`,
          remediation: "contract dispatchable or firm clean capacity for those years, or storage for the hours the variable sources do not cover",
        }),
      );
      return [finding ?? notApplicable(this.name, campus, ["years (unservedHours)"])];
    });
  },
});
