/**
 * Where a market lets the grid operator curtail a large load's grid service in an energy emergency (Texas SB 6 in
 * ERCOT), the campus's own firm supply (on-site generation, storage) must carry the share of its peak-hour load the
 * market's rules look for (SB 6: backup able to serve 50 %), in every year with such grid service. Grid service is
 * firm under its tariff otherwise (firm-power counts it): this rule is about the emergency hours.
 */
import { notApplicable } from "../finding";
import { wordOrNumber } from "../limits";
import { defineRule } from "../rule";
import { ofType, TYPES } from "../view";
import { alsoFailing, checkEachYear, inYear, rowNumber, rowString, yearRows, type YearView } from "../years";
import { show } from "../../components/format/numbers";

export const emergencyPower = defineRule({
  name: "emergency-power",
  description: "Where the market may curtail a large load's grid service in an energy emergency (Texas SB 6 in ERCOT), the campus's firm supply other than that grid service must carry the market's backup share of its peak-hour load, in every year.",
  enforcementLevel: "advisory",
  severity: "high",
  remediationSteps: "Add on-site firm generation or storage (backup able to carry the share), or contract firm supply the emergency rules do not curtail.",
  config: {
    minBackupShare: wordOrNumber("market", "the share the market's large-load rules name, e.g. 0.5 under Texas SB 6", 0, 1)
      .default("market")
      .describe(`Share of the peak-hour facility power the campus's own firm supply must carry in an energy emergency, 0-1, or "market" (the share its market's large-load rules name: 0.5 in ERCOT under Texas SB 6).`),
  },
  evaluate(resources, config) {
    return ofType(resources, TYPES.campus).flatMap((campus) => {
      const rows = yearRows(campus);
      if (rows && rows.every((row) => rowNumber(row, "curtailableMw") === undefined)) return [];
      const finding = rows && checkEachYear(
        this.name, campus, rows, { budget: "firm supply in an energy emergency", unit: "MW", bound: "min" },
        (row) => {
          const e = emergencyOf(row, config.minBackupShare);
          return e && { measured: Math.max(0, e.firmMw - e.curtailableMw), limit: e.share * e.peakMw, at: e.at };
        },
        (row, v, failing) => {
          // pick returned a value for this row, so its inputs are there.
          const { curtailableMw, peakMw, share } = emergencyOf(row, config.minBackupShare)!;
          return {
            message: `${campus.name}${inYear(row)}: in an energy emergency the grid operator may curtail its ${show(curtailableMw)} MW of grid service (its market's large-load rules); its own firm supply, ${show(v.measured)} MW, carries ${show(peakMw > 0 ? (v.measured / peakMw) * 100 : 0)} % of the ${show(peakMw)} MW peak-hour load${v.at ? ` (${v.at})` : ""}, below the ${show(share * 100)} % the rules look for${alsoFailing(row, failing)}`,
            remediation: `add ${show(v.limit - v.measured)} MW of on-site firm generation or storage for those years, or contract firm supply the emergency rules do not curtail`,
          };
        },
      );
      return [finding ?? notApplicable(this.name, campus, ["years (curtailableMw, firmMw, peakFacilityPowerMw)"])];
    });
  },
});

/**
 * A year's figures for the check: the curtailable grid service, firm MW and the load of its binding hour (the ledger's
 * firmHour with derating, else the peak hour), and the backup share (the config's, or the market's); undefined when
 * the row lacks one of them.
 */
function emergencyOf(row: YearView, minBackupShare: number | "market") {
  const curtailableMw = rowNumber(row, "curtailableMw");
  const firmMw = rowNumber(row, "firmMw");
  const derated = rowString(row, "firmHour") !== undefined;
  const peakMw = rowNumber(row, derated ? "firmHourFacilityMw" : "peakFacilityPowerMw");
  const share = minBackupShare === "market" ? rowNumber(row, "emergencyBackupShare") : minBackupShare;
  if (curtailableMw === undefined || firmMw === undefined || peakMw === undefined || share === undefined) return undefined;
  return { curtailableMw, firmMw, peakMw, share, at: rowString(row, derated ? "firmHour" : "peakHour") };
}
