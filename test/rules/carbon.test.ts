/**
 * Carbon rule: the supply's carbon intensity (location- or market-based) under the cap, and the clean-energy and
 * hourly carbon-free shares at their minimums when set, in every year with energy consumed. Advisory by default.
 */
import { describe, expect, it } from "vitest";
import * as p from "../../policies/evaluate";
import { changed, compliantViews, findingsFor, findingsOf, fitting, summary } from "./fixture";

describe("carbon", () => {
  it("compliant: grid and nuclear at 221.4 gCO2e/kWh, under the default cap of 450", async () => {
    const findings = findingsOf("carbon", await compliantViews());
    expect(summary(findings)).toEqual([["fx", "pass", "advisory", "fx: supply carbon intensity (location-based) 221.4 gCO2e/kWh (2027) within the maximum of 450 gCO2e/kWh"]]);
  });

  it("non-compliant: 500 gCO2e/kWh in 2027 is above the cap of 450, named with the campus's carbon basis, advisory", async () => {
    const findings = findingsOf("carbon", changed(await compliantViews(), "fx", ["years", 0, "carbonIntensityGPerKwh"], 500));
    expect(summary(findings)).toEqual([["fx", "violation", "advisory", "fx in 2027: location-based supply carbon intensity 500 gCO2e/kWh (operational basis) exceeds the cap of 450"]]);
    expect(findings[0]).toMatchObject({ measured: 500, limit: 450, year: 2027 });
    expect(p.hasMandatoryViolation(findings)).toBe(false);
  });

  it("non-compliant: market-based, 460 gCO2e/kWh in 2028 is above 450 (the location-based figure is not read)", async () => {
    const views = changed(await compliantViews(), "fx", ["years", 1, "marketCarbonIntensityGPerKwh"], 460);
    expect(summary(findingsOf("carbon", views, { carbon: { basis: "market" } }))).toEqual([
      ["fx", "violation", "advisory", "fx in 2028: market-based supply carbon intensity 460 gCO2e/kWh (operational basis) exceeds the cap of 450"],
    ]);
    expect(findingsOf("carbon", views).map((f) => f.status)).toEqual(["pass"]);
  });

  it("non-compliant: a clean-energy share of 30 % in 2028 is below a minimum of 40 %", async () => {
    const views = changed(await compliantViews(), "fx", ["years", 1, "cleanEnergyShare"], 0.3);
    const findings = findingsOf("carbon", views, { carbon: { minCleanEnergyShare: 0.4 } }).filter((f) => f.budget === "clean-energy share");
    expect(summary(findings)).toEqual([["fx", "violation", "advisory", "fx in 2028: clean-energy share 30 % is below the minimum of 40 %"]]);
    expect(findings[0]).toMatchObject({ measured: 0.3, limit: 0.4, bound: "min", unit: "share" });
  });

  it("non-compliant: an hour-by-hour carbon-free share of 20 % in 2027 is below a minimum of 40 %; the fixture's 46.77 % reaches it", async () => {
    const config = { carbon: { minCarbonFreeShare: 0.4 } };
    const views = changed(await compliantViews(), "fx", ["years", 0, "carbonFreeShare"], 0.2);
    expect(summary(findingsOf("carbon", views, config).filter((f) => f.budget === "hourly carbon-free share"))).toEqual([
      ["fx", "violation", "advisory", "fx in 2027: hour-by-hour carbon-free share 20 % is below the minimum of 40 %"],
    ]);
    expect(findingsOf("carbon", await compliantViews(), config).map((f) => [f.budget, f.status])).toEqual([["supply carbon intensity (location-based)", "pass"], ["hourly carbon-free share", "pass"]]);
  });

  it("a year without energy consumed is not checked: 500 gCO2e/kWh in a 2027 of 0 MWh passes on 2028", async () => {
    const views = changed(changed(await compliantViews(), "fx", ["years", 0, "carbonIntensityGPerKwh"], 500), "fx", ["years", 0, "facilityEnergyMwh"], 0);
    expect(findingsOf("carbon", views).map((f) => [f.status, f.year])).toEqual([["pass", 2028]]);
  });

  it("flags a gas-only supply as advisory and a missing clean share", async () => {
    // On the lifecycle basis (gas CC 490 g/kWh, IPCC AR5); on the default operational basis a new CC emits 353 at the stack, under the cap.
    const gas = fitting({ carbonBasis: "lifecycle", powerContracts: [{ name: "gas", counterparty: "Genco", source: "gas-ccgt", contractedMw: 2 }] });
    const { findings } = await findingsFor("gassy", gas, { carbon: { minCleanEnergyShare: 0.5 } });
    expect(findings.map((f) => [f.policy, f.enforcementLevel, f.limit])).toEqual([["carbon", "advisory", 450], ["carbon", "advisory", 0.5]]);
    expect(p.hasMandatoryViolation(findings)).toBe(false);
  });
});
