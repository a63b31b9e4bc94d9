/**
 * One carbon basis at a time (issue 32): every generation source carries a combustion (operational, stack) and a
 * lifecycle intensity; a campus counts every carbon figure on the one basis it names (`carbonBasis`, default
 * "operational", the GHG Protocol Scope 2 basis), publishes it, and the plan prints it next to the carbon figures.
 */
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import type { CampusArgs } from "../components";
import { Catalog } from "../components/catalog/registry";
import { BUILTIN_GENERATION_SOURCES } from "../components/catalog/generationSources";
import { renderMarkdown, renderText } from "../plan/render";
import { buildReport } from "../plan/report";
import { runPlan } from "../plan/runPlan";
import { loadStackConfig } from "../plan/stackConfig";
import { campusArb, SEED } from "./helpers/arbitraries";
import { installMocks } from "./helpers/mocks";

installMocks();
let model: typeof import("../components/model/campus");

beforeAll(async () => {
  model = await import("../components/model/campus");
});

const subject = (name: string) => ({ type: "aicluster:index:Campus", name });
const sourceOf = (id: string) => BUILTIN_GENERATION_SOURCES.find((s) => s.id === id)!;

/**
 * An undated campus with one gas-turbine contract and a grid contract. Dispatchable contracts share each hour's load
 * pro rata to their hourly caps (hours/supply.ts step 3): the turbine's cap is min(firm MW, contracted MW × ambient
 * derating) = min(2 × 0.5, 2 × at least 0.775) = 1 MW, the grid's its 1 MW; the hall's ~0.6 MW peak never reaches
 * the 2 MW of caps, so every hour splits 1:1 and the campus intensity is the plain mean of the two contracts'.
 */
function gasAndGrid(carbonBasis?: string): CampusArgs {
  return {
    location: "New Albany, Ohio",
    climate: "central-ohio",
    ...(carbonBasis === undefined ? {} : { carbonBasis }),
    halls: [{ name: "h1", racks: [{ name: "nvl", design: "gb200-nvl72", rackCount: 4, supplyTempC: 40 }], cooling: { technology: "adiabatic" } }],
    powerContracts: [
      { name: "gt", counterparty: "Genco", source: "gas-turbine", contractedMw: 2, firmFraction: 0.5 },
      { name: "grid", counterparty: "AEP Ohio", source: "grid-pjm-ohio", contractedMw: 1 },
    ],
  };
}

describe("the catalog carries both intensities, each sourced", () => {
  it("has combustion and lifecycle figures for every source, lifecycle >= combustion, 0 at the stack for clean and storage", () => {
    for (const s of BUILTIN_GENERATION_SOURCES) {
      expect(s.lifecycleGPerKwh).toBeGreaterThanOrEqual(s.combustionGPerKwh);
      if (s.clean || s.hourlyProfile === "storage") expect(s.combustionGPerKwh).toBe(0);
      expect(s.source.checked).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    }
    // Gas CC: 6,654 Btu/kWh × 53.06 kg/MMBtu = 353.06 g/kWh at the stack; IPCC AR5 lifecycle median 490.
    expect(sourceOf("gas-ccgt")).toMatchObject({ combustionGPerKwh: 353, lifecycleGPerKwh: 490 });
    expect(6.654 * 53.06).toBeCloseTo(353.06, 2);
    // Simple cycle: 11,100 Btu/kWh × 53.06 = 589 (carried as 590); lifecycle sized 590 × 490 / 353 = 819.
    expect(sourceOf("gas-turbine")).toMatchObject({ combustionGPerKwh: 590, lifecycleGPerKwh: 819 });
    expect(Math.round((590 * 490) / 353)).toBe(819);
    // Grid (eGRID2023 RFCW, operational 915.05... lb/MWh = 415.5 g/kWh); lifecycle sized 415.5 × 490 / 353 = 577.
    expect(sourceOf("grid-pjm-ohio")).toMatchObject({ combustionGPerKwh: 416, lifecycleGPerKwh: 577 });
    expect(Math.round((415.5 * 490) / 353)).toBe(577);
    expect(sourceOf("nuclear")).toMatchObject({ combustionGPerKwh: 0, lifecycleGPerKwh: 12 });
  });

  it("refuses a lifecycle figure below the combustion one, a negative figure, and the retired single figure, by name", () => {
    const c = Catalog.withBuiltins();
    const nuclear = { ...sourceOf("nuclear"), id: "x-source" };
    expect(() => c.generationSources.register({ ...nuclear, combustionGPerKwh: 400, lifecycleGPerKwh: 300 })).toThrow(
      'invalid generation source "x-source": lifecycleGPerKwh = 300; allowed: at least combustionGPerKwh (400 gCO2e/kWh): a lifecycle figure includes the stack emissions',
    );
    expect(() => c.generationSources.register({ ...nuclear, combustionGPerKwh: -1 })).toThrow(/invalid generation source "x-source": combustionGPerKwh = -1; allowed: /);
    expect(() => c.generationSources.register({ ...nuclear, carbonIntensityGPerKwh: 12 } as never)).toThrow(/invalid generation source "x-source": carbonIntensityGPerKwh = 12; allowed: /);
  });

  it("refuses a contract whose lifecycle override is below its combustion figure, and an unknown basis, by name", () => {
    expect(() => model.campusModel({ ...gasAndGrid(), powerContracts: [{ ...gasAndGrid().powerContracts[0], lifecycleGPerKwh: 500 }] }, subject("c"))).toThrow(
      "powerContracts[0].lifecycleGPerKwh = 500; allowed: at least the combustion figure (590 gCO2e/kWh): a lifecycle figure includes the stack emissions",
    );
    expect(() => model.campusModel(gasAndGrid("scope3"), subject("c"))).toThrow(
      'carbonBasis = "scope3"; allowed: "operational" (combustion emission factors, the GHG Protocol Scope 2 basis) or "lifecycle"',
    );
  });
});

describe("a campus counts carbon on one basis", () => {
  it("defaults to operational: gas turbine 590 and grid 416 at the stack, 1:1 each hour -> (590 + 416) / 2 = 503 g/kWh", () => {
    const fp = model.campusModel(gasAndGrid(), subject("gg"));
    expect(fp.carbonBasis).toBe("operational");
    expect(fp.unservedEnergyMwh).toBe(0);
    expect(fp.contracts.map((c) => c.carbonIntensityGPerKwh)).toEqual([590, 416]);
    expect(fp.carbonIntensityGPerKwh).toBeCloseTo(503, 6);
    // No certificates: market-based = location-based.
    expect(fp.marketCarbonIntensityGPerKwh).toBeCloseTo(503, 6);
    // tCO2 = MWh × g/kWh / 1000.
    expect(fp.carbonTco2PerYear).toBeCloseTo((fp.annualFacilityEnergyMwh * 503) / 1000, 6);
    expect(fp.years[0].carbonIntensityGPerKwh).toBeCloseTo(503, 6);
  });

  it("on the lifecycle basis: gas turbine 819 and grid 577, 1:1 -> (819 + 577) / 2 = 698 g/kWh", () => {
    const fp = model.campusModel(gasAndGrid("lifecycle"), subject("gg"));
    expect(fp.carbonBasis).toBe("lifecycle");
    expect(fp.contracts.map((c) => c.carbonIntensityGPerKwh)).toEqual([819, 577]);
    expect(fp.carbonIntensityGPerKwh).toBeCloseTo(698, 6);
    expect(fp.marketCarbonIntensityGPerKwh).toBeCloseTo(698, 6);
    expect(fp.carbonTco2PerYear).toBeCloseTo((fp.annualFacilityEnergyMwh * 698) / 1000, 6);
    // Both contracts keep both figures: only the one the basis names is counted.
    expect(fp.contracts[0]).toMatchObject({ combustionGPerKwh: 590, lifecycleGPerKwh: 819 });
  });

  it("property: for any valid campus, lifecycle totals are at least the operational ones, year by year, location and market", () => {
    fc.assert(
      fc.property(campusArb, (args) => {
        const { carbonBasis: _, ...rest } = args;
        const op = model.campusModel({ ...rest, carbonBasis: "operational" }, subject("p"));
        const lc = model.campusModel({ ...rest, carbonBasis: "lifecycle" }, subject("p"));
        const slack = (x: number) => 1e-9 * Math.max(1, Math.abs(x));
        expect(lc.carbonTco2PerYear).toBeGreaterThanOrEqual(op.carbonTco2PerYear - slack(op.carbonTco2PerYear));
        expect(lc.marketCarbonTco2PerYear).toBeGreaterThanOrEqual(op.marketCarbonTco2PerYear - slack(op.marketCarbonTco2PerYear));
        op.years.forEach((r, i) => {
          expect(lc.years[i].carbonTco2).toBeGreaterThanOrEqual(r.carbonTco2 - slack(r.carbonTco2));
          expect(lc.years[i].marketCarbonTco2).toBeGreaterThanOrEqual(r.marketCarbonTco2 - slack(r.marketCarbonTco2));
        });
      }),
      { seed: SEED, numRuns: 12 },
    );
  }, 240_000);
});

describe("the plan prints the basis next to the carbon figures", () => {
  it("names the operational basis by default, and lifecycle when the stack asks for it", async () => {
    const report = buildReport(await runPlan({ stack: "hyperion", config: loadStackConfig("hyperion") }), 3);
    expect(report.years[0].carbonBasis).toBe("operational");
    expect(renderText(report)).toMatch(/^Year by year, campus hyperion \(horizon \d{4}-\d{4}, full build \d{4}, carbon in gCO2e\/kWh \(operational basis\)\):$/m);
    expect(renderMarkdown(report)).toContain("carbon in gCO2e/kWh (operational basis)");
    const lifecycle = buildReport(await runPlan({ stack: "hyperion", config: loadStackConfig("hyperion", { "aicluster:carbonBasis": "lifecycle" }) }), 3);
    expect(lifecycle.years[0].carbonBasis).toBe("lifecycle");
    expect(renderText(lifecycle)).toContain("carbon in gCO2e/kWh (lifecycle basis)");
  }, 120_000);
});
