/**
 * Lookahead: a contract that ends while the campus's halls still run needs a renewal or a replacement. The per-year
 * rules fail a gap inside the horizon; this advisory names every contract ending within the horizon or within
 * `lookaheadYears` after it, covered or not, so the renewal is planned before the gap.
 */
import { wholeNumberIn } from "../../components/model/ranges";
import { Finding, notApplicable, verdict } from "../finding";
import { defineRule } from "../rule";
import { numberProp, ofType, stringProp, TYPES } from "../view";
import { rowNumber, yearRows } from "../years";
import { show } from "../../components/format/numbers";

export const contractExpiry = defineRule({
  name: "contract-expiry",
  description: "A power contract that ends within the horizon, or within the lookahead years after it, while the campus's halls run, is flagged for renewal or replacement.",
  enforcementLevel: "advisory",
  severity: "medium",
  remediationSteps: "Renew or replace the contract before its last year, or plan the halls it supplies to retire.",
  config: {
    lookaheadYears: wholeNumberIn(0, 50).default(5).describe("Years after the horizon's last year in which a contract's end is still flagged."),
  },
  evaluate(resources, config) {
    const contracts = ofType(resources, TYPES.powerContract);
    return ofType(resources, TYPES.campus).flatMap((campus): Finding[] => {
      const horizonEnd = numberProp(campus, "horizonEndYear");
      const rows = yearRows(campus);
      if (horizonEnd === undefined || !rows) return []; // an undated campus has no ends to look ahead to
      const hallsRunning = rowNumber(rows[rows.length - 1], "hallsOnline");
      if (hallsRunning === undefined) return [notApplicable(this.name, campus, ["years (hallsOnline)"])];
      const windowEnd = horizonEnd + config.lookaheadYears;
      return contracts.filter((c) => c.parent === campus.urn).map((c) => {
        // A proposed contract the campus does not count supplies nothing: there is nothing to renew.
        if (stringProp(c, "status") === "proposed" && stringProp(campus, "proposedContracts") !== "count") return verdict(this.name, c, "proposed, not counted by the campus");
        const endYear = numberProp(c, "endYear");
        if (endYear === undefined) return verdict(this.name, c, "no end year (open-ended)");
        if (endYear > windowEnd || hallsRunning === 0) return verdict(this.name, c, `ends in ${endYear}, after the lookahead (${windowEnd})`);
        const horizonStart = numberProp(campus, "horizonStartYear");
        if (horizonStart !== undefined && endYear < horizonStart) return verdict(this.name, c, `ended in ${endYear}, before the horizon (${horizonStart})`);
        const firmMw = numberProp(c, "firmMw") ?? 0;
        const virtual = stringProp(c, "delivery") === "virtual";
        const what = virtual ? `its certificates (${show(numberProp(c, "contractedMw") ?? 0)} MW virtual)` : `its ${show(numberProp(c, "contractedMw") ?? 0)} MW (${show(firmMw)} MW firm)`;
        return {
          ...verdict(this.name, c, "", {
            message: `${c.name}: the contract's last year is ${endYear} while ${show(hallsRunning)} halls of ${campus.name} run (horizon to ${horizonEnd}, lookahead ${config.lookaheadYears} years); renew or replace ${what} by ${endYear + 1}`,
            remediation: "renew or replace the contract before its last year",
          }),
          year: endYear,
        };
      });
    });
  },
});
