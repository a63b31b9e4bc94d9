/**
 * Firm power that rests on contracts the public record shows only as proposed (status "proposed": announced, filed
 * or reported, not approved). A campus counts them only when told to (its `proposedContracts` is "count"); then every
 * year whose firm MW includes them is named, with the contracts and their MW, so a firm-power verdict is read knowing
 * what it rests on. Not counted, they deliver nothing (the firm-power and energy rules see the supply on the record),
 * each year still lists them, and this rule passes.
 */
import { Finding, verdict } from "../finding";
import { defineRule } from "../rule";
import { ofType, TYPES } from "../view";
import { rowNumber, yearRanges, yearRows } from "../years";
import { show } from "../../components/format/numbers";

export const proposedSupply = defineRule({
  name: "proposed-supply",
  description: "A campus whose firm power counts contracts that are only proposed (status \"proposed\", counted because the campus's proposedContracts is \"count\") is flagged, naming the contracts, the years and the firm MW that rest on them.",
  enforcementLevel: "advisory",
  severity: "medium",
  remediationSteps: "Plan on contracted or approved supply (the campus's proposedContracts \"exclude\", the default), or contract the proposed supply and state its status.",
  config: {},
  evaluate(resources) {
    return ofType(resources, TYPES.campus).flatMap((campus): Finding[] => {
      const rows = yearRows(campus);
      if (!rows) return [];
      const names = (r: (typeof rows)[number]) => (Array.isArray(r.proposedContracts) ? r.proposedContracts.filter((x): x is string => typeof x === "string") : []);
      const resting = rows.filter((r) => (rowNumber(r, "proposedFirmMw") ?? 0) > 0);
      if (resting.length === 0) {
        // Nothing to say about a campus without proposed contracts (as contract-expiry on an undated campus).
        return rows.some((r) => names(r).length > 0) ? [verdict(this.name, campus, "proposed contracts listed, not counted")] : [];
      }
      // The year where they carry the most firm MW.
      const worst = resting.reduce((a, b) => ((rowNumber(b, "proposedFirmMw") ?? 0) > (rowNumber(a, "proposedFirmMw") ?? 0) ? b : a));
      const proposedMw = rowNumber(worst, "proposedFirmMw") ?? 0;
      const ratedMw = rowNumber(worst, "ratedFirmMw") ?? rowNumber(worst, "firmMw") ?? 0;
      const contracts = [...new Set(resting.flatMap(names))].join(", ");
      const years = yearRanges(resting.flatMap((r) => (typeof r.year === "number" ? [r.year] : [])));
      const when = typeof worst.year === "number" ? ` in ${worst.year}` : "";
      return [{
        ...verdict(this.name, campus, "", {
          message: `${campus.name}: firm power${years ? ` in ${years}` : ""} rests on proposed contracts (${contracts}; announced or filed, not approved): ${show(proposedMw)} MW of ${show(ratedMw)} MW firm at ISO 15 °C${when}, ${show(ratedMw - proposedMw)} MW without them`,
          remediation: "plan on contracted or approved supply (proposedContracts \"exclude\"), or contract the proposed supply",
        }),
        ...(typeof worst.year === "number" ? { year: worst.year } : {}),
      }];
    });
  },
});
