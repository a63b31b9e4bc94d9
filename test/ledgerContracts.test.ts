/**
 * Each year of the ledger publishes what every contract delivers that year (issue 37): its MW (a ramp's step), its
 * firm MW and its energy, so a report can show a ramp, a start and an end from the published outputs alone.
 * Expected values worked out by hand from the args.
 */
import { describe, expect, it } from "vitest";
import { campusModel, CampusArgs } from "../components/model/campus";
import { TYPE_TOKENS } from "../components/model/typeTokens";

const args: CampusArgs = {
  location: "New Albany, Ohio",
  climate: "central-ohio",
  market: "pjm",
  onlineYear: 2030,
  horizonEndYear: 2033,
  halls: [{ name: "hall", racks: [{ name: "row", design: "gb300-nvl72", rackCount: 4, supplyTempC: 40 }], cooling: { technology: "adiabatic" } }],
  powerContracts: [
    // Ramps 0.5 MW in 2030, 1 MW in 2031, then its contracted 2 MW; ends with 2032.
    { name: "grid", counterparty: "AEP Ohio", source: "grid-pjm-ohio", contractedMw: 2, startYear: 2030, termYears: 3, ramp: [{ year: 2030, contractedMw: 0.5 }, { year: 2031, contractedMw: 1 }] },
    // Takes over in 2033.
    { name: "grid2", counterparty: "AEP Ohio", source: "grid-pjm-ohio", contractedMw: 2, startYear: 2033 },
    // A virtual PPA all along: certificates, no MW on the campus.
    { name: "sun", counterparty: "Developer", source: "solar-utility", contractedMw: 1, delivery: "virtual" },
  ],
};

describe("the ledger's contract rows", () => {
  const fp = campusModel(args, { type: TYPE_TOKENS.campus, name: "ramp" });
  const byYear = new Map(fp.years.map((r) => [r.year, r]));

  it("give each year's MW from the ramp, and no row outside a contract's term", () => {
    const mw = (year: number, name: string) => byYear.get(year)!.contracts.find((c) => c.name === name)?.mw;
    expect([2030, 2031, 2032, 2033].map((y) => mw(y, "grid"))).toEqual([0.5, 1, 2, undefined]);
    expect([2030, 2031, 2032, 2033].map((y) => mw(y, "grid2"))).toEqual([undefined, undefined, undefined, 2]);
    for (const r of fp.years) expect(r.contracts.map((c) => c.name)).toEqual(r.contractsActive);
  });

  it("give firm MW as MW × firm fraction (1 for a firm utility service), 0 for a virtual PPA", () => {
    const r2031 = byYear.get(2031)!;
    expect(r2031.contracts.find((c) => c.name === "grid")!.firmMw).toBe(1);
    expect(r2031.contracts.find((c) => c.name === "sun")!.firmMw).toBe(0);
    // The year's firm MW is the physical contracts' (no derating on a grid service).
    expect(r2031.firmMw).toBe(1);
  });

  it("give the energy: physical contracts plus unserved make the facility's energy; a virtual PPA its generation, MW × 0.24 × 8,760 h", () => {
    for (const r of fp.years) {
      const physicalMwh = r.contracts.filter((c) => c.delivery === "physical").reduce((s, c) => s + c.energyMwh, 0);
      expect(Math.abs(physicalMwh + r.unservedEnergyMwh - r.facilityEnergyMwh)).toBeLessThanOrEqual(1e-9 * r.facilityEnergyMwh);
      // Solar's catalog capacity factor is 0.24 (the catalog's entry): 1 MW × 0.24 × 8,760 h = 2,102.4 MWh.
      expect(r.contracts.find((c) => c.name === "sun")!.energyMwh).toBeCloseTo(2102.4, 9);
      expect(r.certificatesMwh).toBeCloseTo(2102.4, 9);
    }
  });
});
