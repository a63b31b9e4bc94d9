/**
 * The markets and grids where AI campuses are being built (issue 36): each grid's carbon from EPA eGRID2023 worked
 * out by hand (lb/MWh × 0.45359237 = g/kWh; CO2e with IPCC AR5 GWPs, CH4 28 and N2O 265, where EPA's table gives
 * them), each market's firmness (ERCOT, SPP and CAISO accredit no generation: a generator states its firm share), and
 * virtual PPAs settled against ERCOT's price.
 */
import { describe, expect, it } from "vitest";
import { catalog } from "../components/catalog";
import { CampusArgs, CampusPowerContractArgs, campusModel } from "../components/model/campus";
import { inputError } from "./helpers/inputError";

const SUBJECT = { type: "aicluster:index:Campus", name: "site" };
const LB = 0.45359237;

function campus(contracts: CampusPowerContractArgs[], overrides: Partial<CampusArgs> = {}): CampusArgs {
  return {
    location: "somewhere", climate: "central-ohio", onlineYear: 2030,
    halls: [{ name: "h1", racks: [{ name: "nvl", design: "gb200-nvl72", rackCount: 4 }], cooling: { technology: "dry-cooler" } }],
    powerContracts: contracts, ...overrides,
  };
}
const grid = (source: string, mw = 5): CampusPowerContractArgs => ({ name: "grid", counterparty: "utility", source, contractedMw: mw });

describe("grid carbon from eGRID2023, by hand", () => {
  const cases: [string, number][] = [
    ["grid-ercot", (733.862 + 28 * 0.043 + 265 * 0.006) * LB], // ERCT: 334.1
    ["grid-pjm-dominion", 593.419 * LB], // SRVC: 269.2
    ["grid-spp", 872.042 * LB], // SPSO: 395.6
    ["grid-caiso", (428.464 + 28 * 0.025 + 265 * 0.003) * LB], // CAMX: 195.0
    ["grid-georgia", 842.329 * LB], // SRSO: 382.1
    ["grid-arizona", (703.703 + 28 * 0.039 + 265 * 0.005) * LB], // AZNM: 320.3
    ["grid-northwest", (631.735 + 28 * 0.054) * LB], // NWPP: 287.2
    ["grid-miso-iowa", (920.13 + 28 * 0.097 + 265 * 0.014) * LB], // MROW: 420.3
  ];
  it.each(cases)("%s: a campus on it alone emits its rate (%f g/kWh) on every MWh; firm service counts in full", (source, gPerKwh) => {
    expect(catalog.generationSources.get(source).combustionGPerKwh).toBeCloseTo(gPerKwh, 1);
    const fp = campusModel(campus([grid(source)]), SUBJECT);
    expect(fp.carbonIntensityGPerKwh).toBeCloseTo(catalog.generationSources.get(source).combustionGPerKwh, 9);
    expect(fp.carbonTco2PerYear).toBeCloseTo((fp.annualFacilityEnergyMwh * catalog.generationSources.get(source).combustionGPerKwh) / 1000, 3);
    expect(fp.firmContractedMw).toBe(5);
  });
});

describe("firmness by market", () => {
  for (const market of ["ercot", "spp", "caiso"]) {
    it(`${market} accredits no generation: an on-site gas plant there states its firm share`, () => {
      const gas = { name: "gt", counterparty: "genco", source: "gas-turbine", contractedMw: 4, market };
      const e = inputError(() => campusModel(campus([gas]), SUBJECT));
      expect(e.fields).toEqual(["powerContracts[0].firmFraction"]);
      const fp = campusModel(campus([{ ...gas, firmFraction: 0.75 }]), SUBJECT);
      expect(fp.firmContractedMw).toBe(3);
    });
  }
  it("PJM's ELCC still accredits generation in the Dominion zone: a CCGT there is 74 % firm", () => {
    const fp = campusModel(campus([grid("grid-pjm-dominion", 1), { name: "cc", counterparty: "genco", source: "gas-ccgt", contractedMw: 4, market: "pjm" }]), SUBJECT);
    expect(fp.firmContractedMw).toBeCloseTo(1 + 4 * 0.74, 12);
  });
});

describe("virtual PPAs in the new markets", () => {
  it("ERCOT: settled against its $32/MWh 2024 average (strike $64.95 solar: pays $32.95 a MWh at base)", () => {
    const fp = campusModel(campus([grid("grid-ercot"), { name: "ppa", counterparty: "dev", source: "solar-utility", delivery: "virtual", market: "ercot", contractedMw: 2 }]), SUBJECT);
    const year = fp.years[0];
    const mwh = year.contracts.find((c) => c.name === "ppa")!.energyMwh;
    expect(fp.costYears[0].ppaSettlementUsd.base).toBeCloseTo((64.95 - 32) * mwh, 3);
    expect(fp.costYears[0].ppaSettlementUsd.high).toBeCloseTo((81.03 - 27.33) * mwh, 3);
  });
  it("SPP and CAISO publish no hub price here: the settlement is listed as missing, never free", () => {
    for (const market of ["spp", "caiso"]) {
      const fp = campusModel(campus([grid("grid-spp"), { name: "ppa", counterparty: "dev", source: "wind-onshore", delivery: "virtual", market, contractedMw: 2 }]), SUBJECT);
      expect(fp.costMissing).toContain(`settlement of virtual PPA "ppa" (market "${market}" hubPrice)`);
    }
  });
});

describe("ERCOT's large-load curtailment (Texas SB 6) and the emergency-power rule", () => {
  const ercot = (nuclearMw: number): CampusArgs =>
    campus([
      { name: "grid", counterparty: "utility", source: "grid-ercot", contractedMw: 2 },
      // Nuclear behind the meter at a stated firm share: firm, and not derated by the weather.
      { name: "onsite", counterparty: "own plant", source: "nuclear", market: "behind-the-meter", firmFraction: 1, contractedMw: nuclearMw },
    ], { climate: "abilene-tx", market: "ercot" });

  it("the ERCOT entry names SB 6's 75 MW and its 50 % backup", () => {
    expect(catalog.markets.get("ercot").largeLoadCurtailment).toMatchObject({ minLoadMw: 75, backupShareOfLoad: 0.5 });
    expect(catalog.markets.get("pjm").largeLoadCurtailment).toBeUndefined();
  });

  it("grid service in ERCOT is firm under its tariff and curtailable in an emergency: 2 MW curtailable, firm 2 + 0.3 MW", () => {
    const fp = campusModel(ercot(0.3), SUBJECT);
    const grid = fp.contracts.find((c) => c.name === "grid")!;
    expect([grid.firmFraction, grid.curtailableInEmergency, grid.emergencyBackupShare]).toEqual([1, true, 0.5]);
    expect(fp.contracts.find((c) => c.name === "onsite")!.curtailableInEmergency).toBe(false);
    expect([fp.years[0].curtailableMw, fp.years[0].emergencyBackupShare, fp.years[0].firmMw]).toEqual([2, 0.5, 2.3]);
    expect(fp.firmContractedMw).toBe(2.3);
  });

  it("PJM Dominion's grid service is not curtailable: no curtailable MW in its rows", () => {
    const fp = campusModel(campus([grid("grid-pjm-dominion")], { market: "pjm" }), SUBJECT);
    expect(fp.contracts[0].curtailableInEmergency).toBe(false);
    expect(fp.years[0].curtailableMw).toBeUndefined();
  });
});
