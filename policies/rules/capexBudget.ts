/**
 * Capital budgets: the campus's capex over its horizon, and in each year of it, its total cost of ownership over the
 * horizon and the present value of that cost, within the budgets set. Off unless a budget is set; when one is, a
 * campus whose cost is incomplete (a price missing from the cost catalog) fails: an unpriced rack is not free.
 */
import { z } from "zod";
import { check, Finding, notApplicable } from "../finding";
import { offOr } from "../limits";
import { defineRule } from "../rule";
import { ofType, prop, TYPES } from "../view";
import { asRange, discountedAt, ESTIMATES, financeOf, financeRange, incompleteCost, rangeProp } from "../cost";
import { alsoFailing, checkEachYear, inYear, YearView } from "../years";
import { usd } from "../../components/format/numbers";

export const capexBudget = defineRule({
  name: "capex-budget",
  description: "Campus capex over the horizon and in every year of it, total cost of ownership and the present value of cost must not exceed the budgets set (at the chosen estimate); an incomplete cost fails when a budget is set.",
  enforcementLevel: "mandatory",
  severity: "high",
  remediationSteps: "Build fewer or cheaper racks, phase halls over more years, buy cheaper energy, bring in a financing partner for the facility, or raise the budget.",
  config: {
    maxCapexUsd: offOr(0, 1e13, "USD").default("off").describe(`Most capex over the whole horizon, USD, or "off" (not checked); 0 is a real budget: no capex.`),
    maxCapexUsdPerYear: offOr(0, 1e13, "USD").default("off").describe(`Most capex placed in service in any one year, USD, or "off" (not checked); 0 is a real budget: no capex in any year.`),
    maxTcoUsd: offOr(0, 1e13, "USD").default("off").describe(`Most total cost of ownership over the horizon (the campus's finance.tcoUsd: capex with refresh, plus opex, undiscounted), USD, or "off" (not checked); 0 is a real budget: no cost.`),
    maxPresentValueCostUsd: offOr(0, 1e13, "USD").default("off").describe(`Most present value of the horizon's capex and opex (the campus's finance.presentValueCostUsd, at its base discount rate), USD, or "off" (not checked); 0 is a real budget: no cost.`),
    estimate: z.enum(ESTIMATES, { error: `"low", "base" or "high"` }).default("base").describe(`Which end of the cost ranges the budgets are checked at: "low", "base" or "high".`),
  },
  evaluate(resources, config) {
    const total = config.maxCapexUsd;
    const yearly = config.maxCapexUsdPerYear;
    const tco = config.maxTcoUsd;
    const presentValue = config.maxPresentValueCostUsd;
    if (total === "off" && yearly === "off" && tco === "off" && presentValue === "off") return [];
    const e = config.estimate;
    return ofType(resources, TYPES.campus).flatMap((campus): Finding[] => {
      const incomplete = incompleteCost(this.name, campus, "capex cannot be checked against its budget");
      if (incomplete) return incomplete;
      const findings: Finding[] = [];
      if (total !== "off") {
        const build = rangeProp(campus, "capexUsd");
        // Over the horizon: the build's capex and the replacements placed within it (the yearly rows hold both).
        const refresh = financeRange(financeOf(campus), "refreshCapexUsd");
        if (!build) findings.push(notApplicable(this.name, campus, ["capexUsd"]));
        else {
          const capex = build[e] + (refresh?.[e] ?? 0);
          findings.push(check(this.name, campus, { budget: `capex over the horizon (${e})`, measured: capex, limit: total, unit: "USD" }, () => ({
            message: `${campus.name}: capex over the horizon ${usd(capex)} (${e}${refresh && refresh[e] > 0 ? `; ${usd(refresh[e])} of it refresh` : ""}) exceeds the budget of ${usd(total)} by ${usd(capex - total)}`,
            remediation: "build fewer or cheaper racks, bring in a financing partner for the facility, or raise the budget",
          })));
        }
      }
      if (yearly !== "off") {
        const costYears = prop(campus, "costYears");
        const rows = Array.isArray(costYears) ? (costYears as YearView[]) : undefined;
        const perYear = rows && checkEachYear(
          this.name, campus, rows, { budget: `capex in a year (${e})`, unit: "USD" },
          (row) => {
            const capex = asRange(row.capexUsd);
            return capex === undefined ? undefined : { measured: capex[e], limit: yearly };
          },
          (row, v, failing) => ({
            message: `${campus.name}${inYear(row)}: capex ${usd(v.measured)} (${e}) exceeds the yearly budget of ${usd(v.limit)} by ${usd(v.measured - v.limit)}${alsoFailing(row, failing)}`,
            remediation: "phase halls over more years, or raise the yearly budget",
          }),
        );
        findings.push(perYear ?? notApplicable(this.name, campus, ["costYears (capexUsd)"]));
      }
      // Both read the campus's finance: a campus from before it published none, and is not applicable (never a pass).
      const finance = financeOf(campus);
      if (tco !== "off") {
        const cost = financeRange(finance, "tcoUsd");
        if (!cost) findings.push(notApplicable(this.name, campus, ["finance (tcoUsd)"]));
        else {
          findings.push(check(this.name, campus, { budget: `total cost of ownership over the horizon (${e})`, measured: cost[e], limit: tco, unit: "USD" }, () => ({
            message: `${campus.name}: total cost of ownership over the horizon ${usd(cost[e])} (${e}) exceeds the budget of ${usd(tco)} by ${usd(cost[e] - tco)}`,
            remediation: "build fewer or cheaper racks, buy cheaper energy, refresh hardware less often, or raise the budget",
          })));
        }
      }
      if (presentValue !== "off") {
        const cost = financeRange(finance, "presentValueCostUsd");
        if (!cost) findings.push(notApplicable(this.name, campus, ["finance (presentValueCostUsd)"]));
        else {
          // Present values are at the base discount rate whatever the estimate (components/finance/types.ts).
          const rate = discountedAt(finance, "base");
          findings.push(check(this.name, campus, { budget: `present value of cost (${e})`, measured: cost[e], limit: presentValue, unit: "USD" }, () => ({
            message: `${campus.name}: present value of the horizon's cost ${usd(cost[e])} (${e}${rate ? `, ${rate}` : ""}) exceeds the budget of ${usd(presentValue)} by ${usd(cost[e] - presentValue)}`,
            remediation: "build fewer or cheaper racks, buy cheaper energy, phase halls later, or raise the budget",
          })));
        }
      }
      return findings;
    });
  },
});
