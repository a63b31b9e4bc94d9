/**
 * Balance-sheet caps: the capex the operator carries on its own books (each year's `ownerOnBalanceSheetCapexUsd` of
 * the cost ledger: its own capex less facility assets sold and leased back that year), in every year of the horizon
 * and summed over it, within the caps set. A company that caps what it carries on its books holds that as a hard
 * limit, so the rule is mandatory; it is off unless a cap is set. As for capex-budget, a campus whose cost is
 * incomplete (a price missing from the cost catalog) fails when a cap is set: an unpriced rack is not free.
 */
import { z } from "zod";
import { check, Finding, notApplicable } from "../finding";
import { offOr } from "../limits";
import { defineRule } from "../rule";
import { ofType, prop, TYPES } from "../view";
import { asRange, ESTIMATES, financeOf, incompleteCost } from "../cost";
import { alsoFailing, checkEachYear, inYear, YearView } from "../years";
import type { CostYearRow } from "../../components/costs/campusCost";
import { usd } from "../../components/format/numbers";

/** The cost ledger's column the caps read (typed, so that renaming it fails to compile here). */
const FIELD = "ownerOnBalanceSheetCapexUsd" satisfies keyof CostYearRow;

export const financing = defineRule({
  name: "financing",
  description: "Capex on the operator's balance sheet, in every year of the horizon and over the whole of it, must not exceed the caps set (at the chosen estimate); an incomplete cost fails when a cap is set.",
  enforcementLevel: "mandatory",
  severity: "high",
  remediationSteps: "Bring in a joint-venture partner to fund part of the facility, sell facility assets and lease them back, phase the halls over more years, or raise the cap.",
  config: {
    maxOwnerOnBalanceSheetCapexUsdPerYear: offOr(0, 1e13, "USD").default("off").describe(`Most capex the operator carries on its balance sheet in any one year (the cost ledger's ownerOnBalanceSheetCapexUsd: its own capex less facility assets it sold and leased back that year), USD, or "off" (not checked); 0 is a real cap: none on its books.`),
    maxOwnerOnBalanceSheetCapexUsd: offOr(0, 1e13, "USD").default("off").describe(`Most capex the operator carries on its balance sheet over the whole horizon (the sum of the years' ownerOnBalanceSheetCapexUsd), USD, or "off" (not checked); 0 is a real cap: none on its books.`),
    estimate: z.enum(ESTIMATES, { error: `"low", "base" or "high"` }).default("base").describe(`Which end of the cost ranges the caps are checked at: "low", "base" or "high".`),
  },
  evaluate(resources, config) {
    const yearly = config.maxOwnerOnBalanceSheetCapexUsdPerYear;
    const total = config.maxOwnerOnBalanceSheetCapexUsd;
    if (yearly === "off" && total === "off") return [];
    const e = config.estimate;
    return ofType(resources, TYPES.campus).flatMap((campus): Finding[] => {
      const incomplete = incompleteCost(this.name, campus, "capex on the operator's balance sheet cannot be checked against its cap");
      if (incomplete) return incomplete;
      const costYears = prop(campus, "costYears");
      const rows = Array.isArray(costYears) ? (costYears as YearView[]) : undefined;
      // How the campus is financed, for the message: an operator funding everything has the most to move off its books.
      const structure = financeOf(campus)?.structure;
      const financed = typeof structure === "string" ? ` (financed: ${structure})` : "";
      const findings: Finding[] = [];
      if (yearly !== "off") {
        const perYear = rows && checkEachYear(
          this.name, campus, rows, { budget: `capex on the operator's balance sheet in a year (${e})`, unit: "USD" },
          (row) => {
            const capex = asRange(row[FIELD]);
            return capex === undefined ? undefined : { measured: capex[e], limit: yearly };
          },
          (row, v, failing) => ({
            message: `${campus.name}${inYear(row)}: capex on the operator's balance sheet ${usd(v.measured)} (${e}) exceeds the yearly cap of ${usd(v.limit)} by ${usd(v.measured - v.limit)}${alsoFailing(row, failing)}${financed}`,
            remediation: "phase the halls over more years, bring in a joint-venture partner for the facility, sell and lease back facility assets, or raise the yearly cap",
          }),
        );
        findings.push(perYear ?? notApplicable(this.name, campus, [`costYears (${FIELD})`]));
      }
      if (total !== "off") {
        // The sum needs every year: a row without the field (a campus from before it) makes it not applicable, never a pass.
        const ranges = (rows ?? []).flatMap((row) => asRange(row[FIELD]) ?? []);
        if (ranges.length === 0 || ranges.length !== rows?.length) findings.push(notApplicable(this.name, campus, [`costYears (${FIELD})`]));
        else {
          const sum = ranges.reduce((s, r) => s + r[e], 0);
          findings.push(check(this.name, campus, { budget: `capex on the operator's balance sheet over the horizon (${e})`, measured: sum, limit: total, unit: "USD" }, () => ({
            message: `${campus.name}: capex on the operator's balance sheet over the horizon ${usd(sum)} (${e}) exceeds the cap of ${usd(total)} by ${usd(sum - total)}${financed}`,
            remediation: "bring in a joint-venture partner for the facility, sell and lease back facility assets, build less, or raise the cap",
          })));
        }
      }
      return findings;
    });
  },
});
