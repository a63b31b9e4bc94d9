/**
 * The Stargate Abilene stack (issue 36): what it builds at full size (from the public record: eight buildings of
 * about 50,000 GB200 GPUs, 1,000 MW of ERCOT grid and 360.5 MW of on-site gas, a 12,000 gal/yr-per-building water
 * claim, $9.4B of JV loans), what its default plan decides and why, and the same design moved to other sites.
 */
import { describe, expect, it } from "vitest";
import { runPlan } from "../plan/runPlan";
import { buildReport, type PlanReport } from "../plan/report";
import { loadStackConfig } from "../plan/stackConfig";
import { parseSettings } from "../stacks/settings";
import { scaleSitePlan } from "../stacks/sitePlan";
import { ABILENE_RACKS_PER_BUILDING, STARGATE_ABILENE } from "../stacks/stargateAbilene";
import { atSite, SITES, withCooling } from "../stacks/sites";

async function plan(overrides: Record<string, string> = {}): Promise<PlanReport> {
  return buildReport(await runPlan({ stack: "stargate-abilene", config: loadStackConfig("stargate-abilene", overrides) }), 3);
}
const violated = (r: PlanReport) => [...new Set(r.findings.filter((f) => f.status === "violation" && f.enforcementLevel === "mandatory").map((f) => f.policy))].sort();

describe("Stargate Abilene at full size", () => {
  const full = scaleSitePlan(STARGATE_ABILENE, { scale: 1, phase: 2, racksPerGroup: 64 }).args;

  it("eight buildings of 694 GB200 NVL72 racks: 50,000 / 72 = 694.4 → 694 racks, 49,968 GPUs each, 399,744 in all (the FT's 'roughly 400,000')", () => {
    expect(ABILENE_RACKS_PER_BUILDING).toBe(Math.floor(50_000 / 72));
    expect(full.halls).toHaveLength(8);
    const racks = full.halls.map((h) => h.racks.reduce((s, g) => s + g.rackCount, 0));
    expect(racks).toEqual(Array(8).fill(694));
    expect(racks.reduce((a, b) => a + b, 0) * 72).toBe(399_744);
    expect(full.halls.map((h) => h.onlineYear)).toEqual([2025, 2025, 2026, 2026, 2026, 2026, 2026, 2026]);
  });

  it("ERCOT grid 200 MW in 2025 then 1,000 MW; on-site gas 360.5 MW from 2026, firm with one of ten units out", () => {
    const [grid, gas] = full.powerContracts;
    expect([grid.source, grid.contractedMw, grid.ramp]).toEqual(["grid-ercot", 1000, [{ year: 2025, contractedMw: 200 }]]);
    expect([gas.source, gas.market, gas.contractedMw, gas.firmFraction, gas.startYear]).toEqual(["gas-turbine", "behind-the-meter", 360.5, 0.9, 2026]);
    expect(full.market).toBe("ercot");
  });

  it("the water claim as the permit: 8 buildings × 12,000 gal × 3.785 L = 363.4 m³/yr", () => {
    expect(full.waterPermitM3PerYear).toBeCloseTo(8 * 12_000 * 0.003785411784, 9);
    expect(full.waterPermitM3PerYear).toBeCloseTo(363.4, 1);
  });

  it("the joint venture funds the facility and services $2.3B + $7.1B of loans", () => {
    expect(full.financing).toMatchObject({ partnerShareOfFacility: 1, debtUsd: 9.4e9, debtIssueYear: 2025, maturityYear: 2039 });
  });
});

describe("Stargate Abilene's default plan (scale 0.001: one rack per building)", () => {
  let report: PlanReport;
  it("plans 8 halls, 8 racks and 576 GPUs, over 2025-2039", async () => {
    report = await plan();
    expect([report.outputs.halls, report.outputs.racks, report.outputs.gpus]).toEqual([8, 8, 576]);
    expect([report.outputs.horizonStartYear, report.outputs.horizonEndYear, report.outputs.fullBuildYear]).toEqual([2025, 2039, 2026]);
  });

  it("fails firm power in 2025 and supply temperature; holds its water claim, PUE and carbon", () => {
    expect(violated(report)).toEqual(["firm-power", "supply-temperature"]);
    const firm = report.findings.find((f) => f.policy === "firm-power" && f.status === "violation")!;
    // Two buildings at full load need about 204 MW at the peak hour + 10 % headroom; the substation gives 200 MW.
    expect(firm.year).toBe(2025);
    const supply = report.findings.filter((f) => f.policy === "supply-temperature" && f.status === "violation");
    expect(supply).toHaveLength(8);
    // Dry coolers make water 6 K above the dry bulb: 45 °C racks are missed when it is above about 36 °C (the 0.4 %
    // dry bulb is 37.4 °C, so a little over a hundred hours a year).
    for (const f of supply) expect(f.measured).toBeGreaterThan(35);
    for (const f of supply) expect(f.measured).toBeLessThan(200);
    for (const policy of ["water-permit", "pue-max", "wue-max"]) {
      expect(report.findings.filter((f) => f.policy === policy).map((f) => f.status), policy).not.toContain("violation");
    }
    expect(report.outputs.waterM3PerYear).toBe(0);
  });
});

describe("the design at other sites (aicluster:site, aicluster:cooling)", () => {
  it("moves climate, market and grid service; keeps the on-site gas and everything else", () => {
    const s = parseSettings("stargate-abilene", (k) => ({ site: "phoenix-az", cooling: "adiabatic" })[k], ["site", "cooling"]);
    expect([s.plan.location, s.plan.climate, s.plan.market]).toEqual(["Mesa, Arizona", "phoenix-az", undefined]);
    expect(s.plan.powerContracts.map((c) => [c.name, c.source, c.market])).toEqual([["ercot-grid", "grid-arizona", undefined], ["onsite-gas", "gas-turbine", "behind-the-meter"]]);
    expect(new Set(s.plan.halls.map((h) => h.cooling.technology))).toEqual(new Set(["adiabatic"]));
    expect(s.plan.halls.map((h) => h.rackCount)).toEqual(STARGATE_ABILENE.halls.map((h) => h.rackCount));
    // The source plan is not changed.
    expect(STARGATE_ABILENE.climate).toBe("abilene-tx");
  });

  it("every site names a climate, a grid service and a market that the catalog has", async () => {
    const { catalog } = await import("../components/catalog");
    for (const [id, site] of Object.entries(SITES)) {
      expect(site.climate).toBe(id);
      expect(catalog.climates.has(site.climate)).toBe(true);
      expect(catalog.generationSources.get(site.gridSource).gridService, id).toBe(true);
      expect(catalog.energyPrices.has(site.gridSource), id).toBe(true);
      expect(catalog.waterPrices.has(site.climate), id).toBe(true);
      expect(catalog.waterScarcity.has(site.climate), id).toBe(true);
      if (site.market !== undefined) expect(catalog.markets.has(site.market)).toBe(true);
    }
    expect(withCooling(atSite(STARGATE_ABILENE, SITES["quincy-wa"]), "evaporative-tower").halls[0].cooling.technology).toBe("evaporative-tower");
  });

  it("the same adiabatic design uses more water in Phoenix than in Loudoun, and each consumed m³ weighs 32 to 168 times more (Arizona's factors 99.2-100, Virginia's 0.596-3.07)", async () => {
    const phoenix = await plan({ site: "phoenix-az", cooling: "adiabatic" });
    const loudoun = await plan({ site: "loudoun-va", cooling: "adiabatic" });
    const n = (r: PlanReport, key: string) => r.outputs[key] as number;
    expect(n(phoenix, "waterM3PerYear")).toBeGreaterThan(n(loudoun, "waterM3PerYear"));
    // Adiabatic coolers at 3 cycles of concentration consume 2/3 of their make-up.
    for (const r of [phoenix, loudoun]) expect(n(r, "waterConsumedM3PerYear")).toBeCloseTo((2 / 3) * n(r, "waterM3PerYear"), 6);
    const perM3 = (r: PlanReport) => n(r, "scarcityWeightedWaterM3PerYear") / n(r, "waterConsumedM3PerYear");
    expect(perM3(phoenix)).toBeGreaterThanOrEqual(99.2);
    expect(perM3(phoenix)).toBeLessThanOrEqual(100);
    expect(perM3(loudoun)).toBeGreaterThanOrEqual(0.596);
    expect(perM3(loudoun)).toBeLessThanOrEqual(3.07);
  });
});
