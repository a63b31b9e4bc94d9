/**
 * In every year of the horizon, facility power in the campus's worst hour (full IT load of the halls online, that
 * hour's cooling) with headroom must fit within the firm capacity of the contracts delivering that year. With a gas
 * contract derated by the weather (a stated firm share; the ledger's firmHour), firm MW differ hour by hour and the
 * binding hour is the one of least firm MW per MW of facility power, compared with the derated firm MW of that hour.
 * A contract starting during a year (its startDate) counts only in the hours from that day on: the year binds in its
 * worst hour before the date when that is tighter (a plant energised on 30 September is no firm MW in July).
 */
import { notApplicable } from "../finding";
import { numberIn } from "../../components/model/ranges";
import { defineRule } from "../rule";
import { ofType, TYPES } from "../view";
import { alsoFailing, checkEachYear, inYear, rowNumber, rowString, yearRows } from "../years";
import { show } from "../../components/format/numbers";

export const firmPower = defineRule({
  name: "firm-power",
  description: "In every year of the horizon, campus facility power in its peak hour (full IT load of the halls online, that hour's cooling), plus headroom, must not exceed the firm capacity of the contracts delivering that year.",
  enforcementLevel: "mandatory",
  severity: "critical",
  remediationSteps: "Contract more firm capacity for the failing years (or firm up variable sources), extend or start contracts earlier, or bring halls online later.",
  config: {
    headroomFraction: numberIn(0, 1).default(0.1).describe("Share of peak-hour facility power to keep in reserve above it (0.1 = 10 %)."),
  },
  evaluate(resources, config) {
    return ofType(resources, TYPES.campus).flatMap((campus) => {
      const rows = yearRows(campus);
      const finding = rows && checkEachYear(
        this.name, campus, rows, { budget: "firm power (peak hour + headroom)", unit: "MW" },
        (row) => {
          // With derating the binding hour and its facility power are the ledger's firmHour, else the peak hour.
          const derated = rowString(row, "firmHour") !== undefined;
          const peakMw = rowNumber(row, derated ? "firmHourFacilityMw" : "peakFacilityPowerMw");
          const firmMw = rowNumber(row, "firmMw");
          return peakMw === undefined || firmMw === undefined ? undefined : { measured: peakMw * (1 + config.headroomFraction), limit: firmMw, at: rowString(row, derated ? "firmHour" : "peakHour") };
        },
        (row, v, failing) => {
          const headroom = `${show(config.headroomFraction * 100)} % headroom = ${show(v.measured)} MW`;
          const rated = rowNumber(row, "ratedFirmMw");
          const dryBulb = rowNumber(row, "firmHourDryBulbC");
          // Contracts starting during the year count only from their first day (the ledger's binding hour holds it).
          const late = Array.isArray(row.contractsStartingLate) ? row.contractsStartingLate.filter((x): x is string => typeof x === "string") : [];
          const message = rowString(row, "firmHour") === undefined
            ? `${campus.name}${inYear(row)}: peak-hour facility power ${show(rowNumber(row, "peakFacilityPowerMw")!)} MW${v.at ? ` (${v.at})` : ""} + ${headroom} exceeds firm contracted capacity ${show(v.limit)} MW`
            : `${campus.name}${inYear(row)}: facility power ${show(rowNumber(row, "firmHourFacilityMw")!)} MW in the binding hour ${v.at}${dryBulb === undefined ? "" : ` (${show(dryBulb)} °C dry bulb)`} + ${headroom} exceeds firm capacity ${late.length ? "delivering in" : "derated for"} that hour ${show(v.limit)} MW${rated === undefined ? "" : ` (${show(rated)} MW at ISO 15 °C${late.length ? ` once ${late.join(", ")} deliver` : ""})`}`;
          return {
            message: `${message}${alsoFailing(row, failing)}`,
            remediation: "contract more firm capacity for those years (or firm up variable sources, or cool the gas turbines' inlet air), extend or start contracts earlier, or bring halls online later",
          };
        },
      );
      return [finding ?? notApplicable(this.name, campus, ["years (peakFacilityPowerMw, firmMw)"])];
    });
  },
});
