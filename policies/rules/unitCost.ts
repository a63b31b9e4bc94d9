/**
 * Unit costs a planner compares designs by: total cost per GPU-hour in the full-build year (depreciation and opex
 * over the GPU-hours at the modelled utilisation), capex per MW of IT, and the levelised cost per GPU-hour over the
 * horizon (discounted capital charge and opex over discounted GPU-hours, the campus's finance), each under a cap when
 * one is set.
 */
import { z } from "zod";
import { check, Finding, notApplicable } from "../finding";
import { offOr } from "../limits";
import { defineRule } from "../rule";
import type { UsdRange } from "../../components/costs/range";
import type { CampusOutputs } from "../../components/model/published";
import { KeysWith, ofType, TYPES } from "../view";
import { discountedAt, ESTIMATES, financeOf, financeRange, rangeProp } from "../cost";
import { usd } from "../../components/format/numbers";

export const unitCost = defineRule({
  name: "unit-cost",
  description: "Cost per GPU-hour (full-build year), capex per MW of IT and levelised cost per GPU-hour (over the horizon, with a capital charge) must not exceed their caps when set.",
  enforcementLevel: "advisory",
  severity: "medium",
  remediationSteps: "Raise utilisation, choose cheaper hardware or building classes, buy cheaper energy, or finance at a lower cost of capital.",
  config: {
    maxUsdPerGpuHour: offOr(0, 1000, "USD", true).default("off").describe(`Highest total cost per GPU-hour, USD (above 0: no campus costs nothing), or "off" (not checked).`),
    maxCapexUsdPerMwIt: offOr(0, 1e10, "USD", true).default("off").describe(`Highest capex per MW of IT, USD (above 0: no campus costs nothing), or "off" (not checked).`),
    maxLevelisedUsdPerGpuHour: offOr(0, 1000, "USD", true).default("off").describe(`Highest levelised cost per GPU-hour over the horizon (the campus's finance.levelisedCostUsdPerGpuHour: discounted capital charge and opex over discounted GPU-hours), USD (above 0), or "off" (not checked).`),
    estimate: z.enum(ESTIMATES, { error: `"low", "base" or "high"` }).default("base").describe(`Which end of the cost ranges is compared: "low", "base" or "high".`),
  },
  evaluate(resources, config) {
    const e = config.estimate;
    const caps = ([
      { key: "costUsdPerGpuHour", max: config.maxUsdPerGpuHour, budget: "cost per GPU-hour", what: "cost per GPU-hour in the full-build year", fix: "raise utilisation, or choose cheaper hardware or energy" },
      { key: "capexUsdPerMwIt", max: config.maxCapexUsdPerMwIt, budget: "capex per MW of IT", what: "capex per MW of IT", fix: "choose cheaper hardware or a cheaper building class" },
    ] satisfies { key: KeysWith<CampusOutputs, UsdRange>; max: number | "off"; budget: string; what: string; fix: string }[]).flatMap((c) => (c.max === "off" ? [] : [{ ...c, max: c.max }]));
    const levelised = config.maxLevelisedUsdPerGpuHour;
    if (caps.length === 0 && levelised === "off") return [];
    return ofType(resources, TYPES.campus).flatMap((campus): Finding[] => {
      const findings = caps.map((c) => {
        const value = rangeProp(campus, c.key);
        if (!value) return notApplicable(this.name, campus, [c.key]);
        return check(this.name, campus, { budget: `${c.budget} (${e})`, measured: value[e], limit: c.max, unit: "USD" }, () => ({
          message: `${campus.name}: ${c.what} ${usd(value[e])} (${e}) exceeds the cap of ${usd(c.max)}`,
          remediation: c.fix,
        }));
      });
      if (levelised !== "off") {
        // A campus from before the finance output published none: not applicable, never a pass.
        const finance = financeOf(campus);
        const value = financeRange(finance, "levelisedCostUsdPerGpuHour");
        if (!value) findings.push(notApplicable(this.name, campus, ["finance (levelisedCostUsdPerGpuHour)"]));
        else {
          // Each estimate pairs the cost's end with the discount rate's same end (components/finance/types.ts).
          const rate = discountedAt(finance, e);
          findings.push(check(this.name, campus, { budget: `levelised cost per GPU-hour (${e})`, measured: value[e], limit: levelised, unit: "USD" }, () => ({
            message: `${campus.name}: levelised cost per GPU-hour over the horizon ${usd(value[e])} (${e}${rate ? `, ${rate}` : ""}) exceeds the cap of ${usd(levelised)}`,
            remediation: "raise utilisation, choose cheaper hardware or energy, or finance at a lower cost of capital",
          })));
        }
      }
      return findings;
    });
  },
});
