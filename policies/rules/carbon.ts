/**
 * In every year of the horizon with demand, the campus's supply must stay under a carbon-intensity cap (location- or
 * market-based), and reach a minimum clean-energy share (annual) and a minimum carbon-free share (hour by hour, 24/7
 * matching as Google reports it) when those are set.
 */
import { z } from "zod";
import { Finding, notApplicable } from "../finding";
import { numberIn } from "../../components/model/ranges";
import { defineRule } from "../rule";
import { ofType, stringProp, TYPES } from "../view";
import { alsoFailing, checkEachYear, inYear, rowNumber, YearView, yearRows } from "../years";
import { show } from "../../components/format/numbers";

/** A year is checked for carbon only when the campus consumed energy in it. */
const consumed = (row: YearView) => (rowNumber(row, "facilityEnergyMwh") ?? 0) > 0;

export const carbon = defineRule({
  name: "carbon",
  description: "In every year of the horizon, carbon intensity of the energy supplied (location- or market-based) must not exceed the cap; the clean-energy and hourly carbon-free shares must reach their minimums.",
  enforcementLevel: "advisory",
  severity: "medium",
  remediationSteps: "Contract nuclear, wind or solar energy (physical, or virtual PPAs for grid energy under market-based accounting), or a lower-carbon grid product.",
  config: {
    maxCarbonIntensityGPerKwh: numberIn(0, 2000, "gCO2e/kWh").default(450).describe("Highest gCO2e/kWh of the energy supplied, on the campus's carbonBasis (operational: new gas CC about 353, US grid about 350; lifecycle: gas CC about 490, US grid about 485)."),
    basis: z.enum(["location", "market"], { error: `"location" or "market"` }).default("location").describe(`Carbon accounting for the cap: "location" (the energy the campus consumed, each source at its intensity) or "market" (grid energy covered by certificates of virtual clean PPAs counts at their intensity; on-site generation stays direct emission).`),
    minCleanEnergyShare: numberIn(0, 1).default(0).describe("Lowest share of supplied energy from clean sources over the year, 0-1 (0 = not checked)."),
    minCarbonFreeShare: numberIn(0, 1).default(0).describe("Lowest share of demand met by clean energy in the same hour (24/7 carbon-free energy), 0-1 (0 = not checked)."),
  },
  evaluate(resources, config) {
    return ofType(resources, TYPES.campus).flatMap((campus) => {
      const rows = yearRows(campus);
      if (!rows) return [notApplicable(this.name, campus, ["years (carbonIntensityGPerKwh)"])];
      const findings: Finding[] = [];
      const key = config.basis === "market" ? "marketCarbonIntensityGPerKwh" : "carbonIntensityGPerKwh";
      // The campus counts every figure on one basis (combustion or lifecycle emission factors); the message names it.
      const carbonBasis = stringProp(campus, "carbonBasis");
      const onBasis = carbonBasis === undefined ? "" : ` (${carbonBasis} basis)`;
      const intensity = checkEachYear(
        this.name, campus, rows, { budget: `supply carbon intensity (${config.basis}-based)`, unit: "gCO2e/kWh" },
        (row) => {
          const value = rowNumber(row, key);
          return value === undefined || !consumed(row) ? undefined : { measured: value, limit: config.maxCarbonIntensityGPerKwh };
        },
        (row, v, failing) => ({
          message: `${campus.name}${inYear(row)}: ${config.basis}-based supply carbon intensity ${show(v.measured)} gCO2e/kWh${onBasis} exceeds the cap of ${show(v.limit)}${alsoFailing(row, failing)}`,
          remediation: config.basis === "market"
            ? "contract clean energy on site, or virtual clean PPAs to cover more grid energy (certificates cannot cover on-site gas)"
            : "contract nuclear, wind or solar energy, or a lower-carbon grid product",
        }),
      );
      if (intensity) findings.push(intensity);
      const shares: { min: number; key: "cleanEnergyShare" | "carbonFreeShare"; budget: string; what: string; fix: string }[] = [
        { min: config.minCleanEnergyShare, key: "cleanEnergyShare", budget: "clean-energy share", what: "clean-energy share", fix: "contract more clean energy" },
        { min: config.minCarbonFreeShare, key: "carbonFreeShare", budget: "hourly carbon-free share", what: "hour-by-hour carbon-free share", fix: "contract clean firm power (nuclear, geothermal) or storage to carry clean energy into the night" },
      ];
      for (const s of shares.filter((x) => x.min > 0)) {
        const finding = checkEachYear(
          this.name, campus, rows, { budget: s.budget, unit: "share", bound: "min" },
          (row) => {
            const value = rowNumber(row, s.key);
            return value === undefined || !consumed(row) ? undefined : { measured: value, limit: s.min };
          },
          (row, v, failing) => ({
            message: `${campus.name}${inYear(row)}: ${s.what} ${show(v.measured * 100)} % is below the minimum of ${show(v.limit * 100)} %${alsoFailing(row, failing)}`,
            remediation: s.fix,
          }),
        );
        if (finding) findings.push(finding);
      }
      return findings.length ? findings : [notApplicable(this.name, campus, ["years with energy consumed"])];
    });
  },
});
