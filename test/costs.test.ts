/**
 * The money model: capex lines from the cost catalog (rack hardware per rack, network per GPU, the building per MW of
 * IT, the heat-rejection plant per kW installed, owned generation per kW), the cost ledger year by year (capex when
 * placed, energy at contract prices, water at the site's price, maintenance, straight-line depreciation, the
 * partner's share and the lease), unit costs, and what the catalog cannot price. Pure model: no Pulumi mocks needed.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { inputError } from "./helpers/inputError";
import { catalog, DEFAULT_FACILITY_COST } from "../components/catalog";
import { CampusArgs, CampusFootprint, CampusHallArgs, CampusPowerContractArgs, campusModel, planCampusFootprint } from "../components/model/campus";
import { dataHallModel } from "../components/model/dataHall";
import { campusCost, FACILITY_CATEGORIES } from "../components/costs/campusCost";
import type { CapexLine } from "../components/costs/capex";
import type { UsdRange } from "../components/costs/range";
import { campusArb, envInt, SEED } from "./helpers/arbitraries";

const RUNS = envInt("FC_COST_RUNS", 25);
const ENDS = ["low", "base", "high"] as const;
const CHECKED = "2026-11-25";

const SUBJECT = { type: "aicluster:index:Campus", name: "money" };
const model = (args: CampusArgs, name = "money"): CampusFootprint => campusModel(args, { ...SUBJECT, name });

// ---------------------------------------------------------------------------------------------------------------
// Range arithmetic written out here, independently of components/costs/range.ts.

function mul(r: UsdRange, k: number): UsdRange {
  return { low: r.low * k, base: r.base * k, high: r.high * k };
}
function sum(ranges: readonly UsdRange[]): UsdRange {
  const s = { low: 0, base: 0, high: 0 };
  for (const r of ranges) for (const e of ENDS) s[e] += r[e];
  return s;
}
function sub(a: UsdRange, b: UsdRange): UsdRange {
  return { low: a.low - b.low, base: a.base - b.base, high: a.high - b.high };
}
const ZERO: UsdRange = { low: 0, base: 0, high: 0 };

/** Each end of `actual` within `rel` of `expected` (relative to the larger magnitude; 1e-6 USD absolute for zeros). */
function expectRange(actual: UsdRange | undefined, expected: UsdRange, what: string, rel = 1e-12): void {
  expect(actual, `${what}: missing`).toBeDefined();
  for (const e of ENDS) {
    const a = actual![e];
    const x = expected[e];
    const tol = Math.max(1e-6, rel * Math.max(Math.abs(a), Math.abs(x)));
    if (!(Math.abs(a - x) <= tol)) throw new Error(`${what}.${e}: ${a} vs expected ${x} (diff ${a - x}, tolerance ${tol})`);
  }
}

/** The one capex line of a category (fails if there are none or several). */
function lineOf(lines: readonly CapexLine[], category: string): CapexLine {
  const found = lines.filter((l) => l.category === category);
  expect(found.map((l) => l.category), `exactly one ${category} line`).toEqual([category]);
  return found[0];
}
/** Capex of a category over all its lines (zero if none). */
function categoryCapex(lines: readonly CapexLine[], category: string): UsdRange {
  return sum(lines.filter((l) => l.category === category).map((l) => l.capexUsd));
}

// ---------------------------------------------------------------------------------------------------------------
// Campus builders.

type RackGroup = CampusHallArgs["racks"][number];

function hall(name: string, opts: { onlineYear?: number; racks?: RackGroup[]; technology?: string; facilityCost?: string } = {}): CampusHallArgs {
  return {
    name,
    ...(opts.onlineYear === undefined ? {} : { onlineYear: opts.onlineYear }),
    racks: opts.racks ?? [{ name: "nvl", design: "gb200-nvl72", rackCount: 10 }],
    cooling: { technology: opts.technology ?? "adiabatic" },
    ...(opts.facilityCost === undefined ? {} : { facilityCost: opts.facilityCost }),
  };
}

/** A grid contract large enough for every campus here (nothing goes unserved). */
function grid(overrides: Partial<CampusPowerContractArgs> = {}): CampusPowerContractArgs {
  return { name: "grid", counterparty: "AEP Ohio", source: "grid-pjm-ohio", contractedMw: 20, ...overrides };
}

/** A gas-turbine plant the campus owns, islanded behind the meter. */
function ownedTurbine(overrides: Partial<CampusPowerContractArgs> = {}): CampusPowerContractArgs {
  return { name: "gt", counterparty: "Campus owner", source: "gas-turbine", contractedMw: 10, owned: true, market: "behind-the-meter", firmFraction: 1, ...overrides };
}

function campus(overrides: Partial<CampusArgs> = {}): CampusArgs {
  return { location: "New Albany, Ohio", climate: "central-ohio", halls: [hall("h1")], powerContracts: [grid()], ...overrides };
}


const facility = () => catalog.facilityCosts.get(DEFAULT_FACILITY_COST);
const rackPrice = (design: string) => catalog.rackHardwareCosts.get(design).usdPerRack;

// ---------------------------------------------------------------------------------------------------------------

describe("capex lines of a hall, exactly from the catalog", () => {
  const fp = model(campus());
  const h = fp.halls[0];
  const f = facility();

  it("a hall of 10 gb200-nvl72 racks: it-hardware = 10 × usdPerRack, network = GPUs × networkUsdPerGpu", () => {
    expect(h.rackCount).toBe(10);
    expect(h.gpuCount).toBe(720);
    expect(lineOf(h.capex, "it-hardware").capexUsd).toEqual(mul(rackPrice("gb200-nvl72"), 10));
    expect(lineOf(h.capex, "it-hardware").capexUsd).toEqual({ low: 28e6, base: 34e6, high: 40e6 });
    expect(h.rackGroups[0].capexUsd).toEqual(mul(rackPrice("gb200-nvl72"), 10));
    expect(lineOf(h.capex, "network").capexUsd).toEqual(mul(f.networkUsdPerGpu, 720));
    expect(lineOf(h.capex, "it-hardware").usefulLifeYears).toBe(catalog.rackHardwareCosts.get("gb200-nvl72").usefulLifeYears);
    expect(lineOf(h.capex, "network").usefulLifeYears).toBe(f.networkUsefulLifeYears);
  });

  it("shell, electrical and mechanical = IT MW × the per-MW figures, with the facility's lives", () => {
    const mw = h.itLoadKw / 1000;
    expect(mw).toBeGreaterThan(1);
    expect(lineOf(h.capex, "shell").capexUsd).toEqual(mul(f.shellUsdPerMwIt, mw));
    expect(lineOf(h.capex, "electrical").capexUsd).toEqual(mul(f.electricalUsdPerMwIt, mw));
    expect(lineOf(h.capex, "mechanical").capexUsd).toEqual(mul(f.mechanicalUsdPerMwIt, mw));
    expect([lineOf(h.capex, "shell").usefulLifeYears, lineOf(h.capex, "electrical").usefulLifeYears, lineOf(h.capex, "mechanical").usefulLifeYears])
      .toEqual([f.shellUsefulLifeYears, f.electricalUsefulLifeYears, f.mechanicalUsefulLifeYears]);
  });

  it("the cooling plant = installed kW × usdPerKw of its technology (each technology)", () => {
    const prices = new Set<number>();
    for (const technology of ["dry-cooler", "adiabatic", "evaporative-tower", "chiller"]) {
      const { name: _name, ...design } = hall("h", { technology });
      const standalone = dataHallModel({ ...design, climate: "central-ohio" }, { type: "aicluster:index:DataHall", name: `hall-${technology}` });
      const plant = standalone.plant!;
      const expected = mul(catalog.coolingPlantCosts.get(technology).usdPerKw, plant.installedCapacityKw);
      expect(plant.installedCapacityKw).toBeGreaterThanOrEqual(plant.heatLoadKw);
      // The plant's units, then the air path's own chiller (sized for the air-path heat), priced as the catalog chiller;
      // a chiller plant makes the air loop's water itself and has no second line.
      // (Lines of one category with the same life and maintenance share are combined into one.)
      const lines = standalone.capex.filter((l) => l.category === "cooling-plant");
      const airChiller = technology === "chiller" ? [] : [mul(catalog.coolingPlantCosts.get("chiller").usdPerKw, standalone.airPathHeatKw)];
      expect(plant.airChillerCapacityKw, technology).toBeCloseTo(technology === "chiller" ? 0 : standalone.airPathHeatKw, 9);
      expectRange(categoryCapex(standalone.capex, "cooling-plant"), sum([expected, ...airChiller]), `${technology} cooling-plant capex`, 1e-12);
      expectRange(plant.capexUsd, sum([expected, ...airChiller]), `${technology} plant capexUsd`, 1e-12);
      expect(lines.find((l) => l.usefulLifeYears === catalog.coolingPlantCosts.get(technology).usefulLifeYears), technology).toBeDefined();
      prices.add(expected.base / plant.installedCapacityKw);
    }
    expect(prices.size).toBe(4);
    expect(h.capex.filter((l) => l.category === "cooling-plant")[0].capexUsd).toEqual(mul(catalog.coolingPlantCosts.get("adiabatic").usdPerKw, h.plant!.installedCapacityKw));
  });

  it("the hall's capexUsd is the sum of its seven lines (the plant and the air path's chiller are both cooling-plant); a hall without a plant has no cooling-plant line", () => {
    expect(h.capex.map((l) => l.category)).toEqual(["it-hardware", "network", "shell", "electrical", "mechanical", "cooling-plant", "cooling-plant"]);
    expectRange(h.capexUsd, sum(h.capex.map((l) => l.capexUsd)), "hall capexUsd");
    const { cooling: _c, name: _n, ...noPlant } = hall("bare");
    const bare = dataHallModel(noPlant, { type: "aicluster:index:DataHall", name: "bare" });
    expect(bare.capex.map((l) => l.category)).toEqual(["it-hardware", "network", "shell", "electrical", "mechanical"]);
    expectRange(bare.capexUsd, sub(h.capexUsd, categoryCapex(h.capex, "cooling-plant")), "hall without a plant", 1e-12);
  });

  it("a rack group with half the design's nodesPerRack is priced at half per rack", () => {
    expect(catalog.rackDesigns.get("gb200-nvl72").nodesPerRack).toBe(18);
    const half = model(campus({ halls: [hall("h1", { racks: [{ name: "half", design: "gb200-nvl72", rackCount: 10, nodesPerRack: 9 }] })] }), "half");
    const g = half.halls[0].rackGroups[0];
    expect([g.nodesPerRack, g.gpuCount]).toEqual([9, 360]);
    expect(g.capexUsd).toEqual(mul(rackPrice("gb200-nvl72"), 5));
    for (const e of ENDS) expect(g.capexUsd![e] / g.rackCount).toBe(rackPrice("gb200-nvl72")[e] / 2);
    expect(lineOf(half.halls[0].capex, "it-hardware").capexUsd).toEqual(mul(rackPrice("gb200-nvl72"), 5));
    expect(lineOf(half.halls[0].capex, "network").capexUsd).toEqual(mul(facility().networkUsdPerGpu, 360));
    // Two groups of one design (one full, one half-filled) merge into one it-hardware line of 15 racks' worth.
    const mixed = model(campus({ halls: [hall("h1", { racks: [{ name: "full", design: "gb200-nvl72", rackCount: 10 }, { name: "half", design: "gb200-nvl72", rackCount: 10, nodesPerRack: 9 }] })] }), "mixed");
    expect(lineOf(mixed.halls[0].capex, "it-hardware").capexUsd).toEqual(mul(rackPrice("gb200-nvl72"), 15));
  });

  it("an unknown facilityCost is rejected naming the hall's field", () => {
    const err = inputError(() => model(campus({ halls: [hall("h1", { facilityCost: "tier-9-bunker" })] }), "bunker"));
    expect(err.fields).toEqual(["halls[0].facilityCost"]);
    expect(err.message).toContain("hyperscale-liquid-ai");
  });
});

describe("capex scales and rolls up", () => {
  it("twice the racks: exactly twice the hardware and network capex, per range end", () => {
    const one = model(campus(), "one");
    const two = model(campus({ halls: [hall("h1", { racks: [{ name: "nvl", design: "gb200-nvl72", rackCount: 20 }] })] }), "two");
    for (const category of ["it-hardware", "network"]) {
      expect(lineOf(two.halls[0].capex, category).capexUsd, category).toEqual(mul(lineOf(one.halls[0].capex, category).capexUsd, 2));
    }
    // The building scales with IT MW (which doubles with the racks).
    expect(two.itLoadKw).toBeCloseTo(2 * one.itLoadKw, 6);
    for (const category of ["shell", "electrical", "mechanical"]) {
      expectRange(lineOf(two.halls[0].capex, category).capexUsd, mul(lineOf(one.halls[0].capex, category).capexUsd, 2), category, 1e-12);
    }
  });

  it("a campus's capex is the sum of its halls' and its owned generation's, by category and in total", () => {
    // Without refresh: the build's capex alone (test/campusMoney.test.ts places the replacements).
    const fp = model(campus({
      onlineYear: 2027,
      hardwareRefresh: "none",
      halls: [hall("h1", { onlineYear: 2027 }), hall("h2", { onlineYear: 2029, racks: [{ name: "air", design: "hgx-h100-air-rack", rackCount: 12 }], technology: "dry-cooler" })],
      powerContracts: [grid(), ownedTurbine({ startYear: 2028 })],
    }), "rollup");
    const gen = fp.contracts.find((c) => c.name === "gt")!;
    expect(gen.owned).toBe(true);
    expect(gen.capexUsd).toEqual(mul(catalog.generationCosts.get("gas-turbine").usdPerKw, 10 * 1000));
    expect(fp.contracts.find((c) => c.name === "grid")!.capexUsd).toBeUndefined();
    expectRange(fp.capexUsd, sum([...fp.halls.map((h) => h.capexUsd), gen.capexUsd!]), "campus capexUsd");
    for (const category of ["it-hardware", "network", "shell", "electrical", "mechanical", "cooling-plant"]) {
      expectRange(categoryCapex(fp.capex, category), sum(fp.halls.map((h) => categoryCapex(h.capex, category))), category);
    }
    expect(lineOf(fp.capex, "generation").capexUsd).toEqual(gen.capexUsd);
    expect(fp.costMissing).toEqual([]);
    // Placed year by year: hall 1 in 2027, the plant in 2028, hall 2 in 2029; nothing else.
    const placed = (y: number) => fp.costYears.find((r) => r.year === y)!.capexUsd;
    expectRange(placed(2027), fp.halls[0].capexUsd, "2027");
    expectRange(placed(2028), gen.capexUsd!, "2028");
    expectRange(placed(2029), fp.halls[1].capexUsd, "2029");
    for (const r of fp.costYears.filter((r) => r.year! > 2029)) expect(r.capexUsd).toEqual(ZERO);
    expectRange(sum(fp.costYears.map((r) => r.capexUsd)), fp.capexUsd, "Σ costYears capex");
  });
});

// ---------------------------------------------------------------------------------------------------------------

/** Fields that may be negative in a footprint (no contract here states a negative price). */
const SIGNED = new Set(["powerHeadroomMw", "supplyTempMarginK", "airSupplyMarginK", "firmHeadroomMw"]);

function isRange(v: unknown): v is UsdRange {
  return !!v && typeof v === "object" && ENDS.every((e) => typeof (v as Record<string, unknown>)[e] === "number");
}

/** Every problem in the footprint: unordered ranges, and numbers not finite or negative outside SIGNED. */
function problemsOf(value: unknown, path: string, out: { ranges: number; problems: string[] }): void {
  if (typeof value === "number") {
    const key = path.slice(path.lastIndexOf(".") + 1);
    if (!Number.isFinite(value) || (value < 0 && !SIGNED.has(key))) out.problems.push(`${path} = ${value}`);
    return;
  }
  if (Array.isArray(value)) {
    value.forEach((v, i) => problemsOf(v, `${path}[${i}]`, out));
    return;
  }
  if (!value || typeof value !== "object") return;
  if (isRange(value)) {
    out.ranges++;
    const { low, base, high } = value;
    const slack = (a: number, b: number) => 1e-9 * Math.max(Math.abs(a), Math.abs(b), 1e-300);
    if (low > base + slack(low, base) || base > high + slack(base, high)) out.problems.push(`${path} = { low: ${low}, base: ${base}, high: ${high} } is not low ≤ base ≤ high`);
  }
  for (const [k, v] of Object.entries(value)) problemsOf(v, `${path}.${k}`, out);
}

/** Valid campuses, half of them with a financing partner. */
const financedCampusArb: fc.Arbitrary<CampusArgs> = fc
  .tuple(
    campusArb,
    fc.option(fc.record({ partner: fc.constant("JV partner"), partnerShareOfFacility: fc.double({ min: 0, max: 1, noNaN: true }), leaseRatePerYear: fc.double({ min: 0, max: 0.5, noNaN: true }) }), { nil: undefined }),
  )
  .map(([c, financing]) => (financing === undefined ? c : { ...c, financing }));

describe("every published range is ordered, every figure finite and ≥ 0 (property)", () => {
  it(`random campuses (seed ${SEED}, ${RUNS} runs)`, () => {
    let ranges = 0;
    fc.assert(
      fc.property(financedCampusArb, (args) => {
        // No generated contract states a price, so none can be negative (a negative priceUsdPerMwh is allowed by args).
        expect(args.powerContracts.every((c) => c.priceUsdPerMwh === undefined)).toBe(true);
        const fp = model(args, "prop");
        const out = { ranges: 0, problems: [] as string[] };
        // Signed money is checked apart: cash flows and NPVs are negative when paid, their high-cost end the most negative.
        const { cashFlows, parties, npvUsd, ...unsigned } = fp.finance;
        problemsOf({ ...fp, finance: unsigned }, "campus", out);
        expect(out.problems).toEqual([]);
        for (const f of [...cashFlows.flatMap((c) => [c.projectUsd, c.ownerUsd, c.partnerUsd, c.lendersUsd]), npvUsd, ...parties.map((p) => p.npvUsd)]) {
          for (const e of ENDS) expect(Number.isFinite(f[e])).toBe(true);
        }
        for (const c of cashFlows) expect(c.projectUsd.high <= c.projectUsd.base && c.projectUsd.base <= c.projectUsd.low).toBe(true);
        ranges += out.ranges;
        // Every built-in thing is priced; capex rolls up from the halls and is placed once over the years.
        expect(fp.costMissing).toEqual([]);
        expectRange(fp.capexUsd, sum(fp.halls.map((h) => h.capexUsd)), "campus capex = Σ halls (no owned plants generated)", 1e-9);
        expectRange(sub(sum(fp.costYears.map((r) => r.capexUsd)), sum(fp.costYears.map((r) => r.refreshCapexUsd))), fp.capexUsd, "Σ costYears capex less refresh", 1e-9);
        expect(fp.costYears).toHaveLength(fp.years.length);
        for (const r of fp.costYears) {
          expectRange(sum([r.ownerCapexUsd, r.partnerCapexUsd]), r.capexUsd, `owner + partner ${r.year}`, 1e-9);
          expectRange(r.opexUsd, sum([r.energyCostUsd, r.capacityCostUsd, r.demandChargeUsd, r.ppaSettlementUsd, r.waterCostUsd, r.maintenanceUsd]), `opex ${r.year}`, 1e-9);
        }
      }),
      { seed: SEED, numRuns: RUNS },
    );
    // The walk found the ranges it checks (capex, lines, groups, plants, contracts, every cost year's dozen).
    expect(ranges).toBeGreaterThan(RUNS * 20);
  });
});

// ---------------------------------------------------------------------------------------------------------------

describe("ownership: the partner's share of the facility and the lease", () => {
  const financing = { partner: "Blue Owl", partnerShareOfFacility: 0.8, leaseRatePerYear: 0.084 };
  const args = campus({
    onlineYear: 2027,
    halls: [hall("h1", { onlineYear: 2027 }), hall("h2", { onlineYear: 2029, technology: "dry-cooler" })],
    powerContracts: [grid(), ownedTurbine({ startYear: 2028 })],
  });
  const financed = model({ ...args, financing }, "financed");
  const own = model(args, "own");
  const facilityOf = (h: CampusFootprint["halls"][number]) => sum(h.capex.filter((l) => FACILITY_CATEGORIES.includes(l.category)).map((l) => l.capexUsd));

  it("the facility categories are shell, electrical, mechanical and cooling plant", () => {
    expect([...FACILITY_CATEGORIES].sort()).toEqual(["cooling-plant", "electrical", "mechanical", "shell"]);
    expect(financed.financing).toEqual({ structure: "joint-venture", ...financing });
    expect(own.financing).toBeUndefined();
  });

  it("each year: owner + partner = capex, partner = 0.8 × facility placed that year, lease = 0.084 × partner's capex to date", () => {
    let toDate = { ...ZERO };
    let sawLease = false;
    for (const r of financed.costYears) {
      expectRange(sum([r.ownerCapexUsd, r.partnerCapexUsd]), r.capexUsd, `owner + partner ${r.year}`);
      const placedFacility = sum(financed.halls.filter((h) => h.onlineYear === r.year).map(facilityOf));
      expectRange(r.partnerCapexUsd, mul(placedFacility, 0.8), `partner ${r.year}`);
      toDate = sum([toDate, r.partnerCapexUsd]);
      expectRange(r.leasePaymentsUsd, mul(toDate, 0.084), `lease ${r.year}`);
      if (r.leasePaymentsUsd.base > 0) sawLease = true;
    }
    expect(sawLease).toBe(true);
    // The plant placed in 2028 is the operator's alone; from 2029 the lease covers both halls.
    const y = (year: number) => financed.costYears.find((r) => r.year === year)!;
    expect(y(2028).partnerCapexUsd).toEqual(ZERO);
    expectRange(y(2028).ownerCapexUsd, y(2028).capexUsd, "2028 owner");
    expectRange(y(2030).leasePaymentsUsd, mul(sum(financed.halls.map(facilityOf)), 0.8 * 0.084), "2030 lease");
  });

  it("without financing: partner capex and lease are 0, the operator carries all; nothing else changes", () => {
    own.costYears.forEach((r, i) => {
      expect(r.partnerCapexUsd).toEqual(ZERO);
      expect(r.leasePaymentsUsd).toEqual(ZERO);
      expect(r.ownerCapexUsd).toEqual(r.capexUsd);
      const f = financed.costYears[i];
      for (const k of ["capexUsd", "energyCostUsd", "waterCostUsd", "maintenanceUsd", "opexUsd", "depreciationUsd", "costUsdPerGpuHour"] as const) {
        expect(f[k], `${k} ${r.year}`).toEqual(r[k]);
      }
    });
  });

  it("financing out of range is rejected naming the field", () => {
    expect(inputError(() => model({ ...args, financing: { ...financing, partnerShareOfFacility: 1.2 } }, "bad1")).fields).toEqual(["financing.partnerShareOfFacility"]);
    expect(inputError(() => model({ ...args, financing: { ...financing, leaseRatePerYear: 0.6 } }, "bad2")).fields).toEqual(["financing.leaseRatePerYear"]);
  });
});

// ---------------------------------------------------------------------------------------------------------------

describe("opex: energy at contract prices, water at the site's price", () => {
  it("campusCost: energy = Σ contracts supplied MWh × price; unpriced contracts add nothing; water = m³ × price", () => {
    const rows = campusCost({
      years: [2030, 2031],
      assets: [],
      contracts: [
        { name: "a", energyUsdPerMwh: { low: 40, base: 50, high: 60 } },
        { name: "b", energyUsdPerMwh: { low: 10, base: 10, high: 10 } },
        { name: "unpriced" },
      ],
      suppliedMwh: [{ a: 1000, b: 500, unpriced: 700 }, { a: 200 }],
      waterM3: [300, 0],
      consumedMwh: [2200, 200],
      gpuHours: [1000, 1000],
      waterUsdPerM3: { low: 1, base: 2, high: 3 },
    });
    expect(rows[0].energyCostUsd).toEqual({ low: 45_000, base: 55_000, high: 65_000 });
    expect(rows[1].energyCostUsd).toEqual({ low: 8_000, base: 10_000, high: 12_000 });
    expect(rows[0].waterCostUsd).toEqual({ low: 300, base: 600, high: 900 });
    expect(rows[1].waterCostUsd).toEqual(ZERO);
    expectRange(rows[0].energyCostUsdPerMwh, mul({ low: 45_000, base: 55_000, high: 65_000 }, 1 / 2200), "energy per MWh");
    expectRange(rows[0].costUsdPerGpuHour, mul(sum([rows[0].energyCostUsd, rows[0].waterCostUsd]), 1 / 1000), "per GPU-hour");
  });

  it("one grid contract at 50 USD/MWh: energy cost = consumed MWh × 50 each year; water = m³ × the climate's price", () => {
    const fp = model(campus({ onlineYear: 2027, halls: [hall("h1", { onlineYear: 2027 }), hall("h2", { onlineYear: 2030 })], powerContracts: [grid({ priceUsdPerMwh: 50 })] }), "fifty");
    expect(fp.contracts[0].energyUsdPerMwh).toEqual({ low: 50, base: 50, high: 50 });
    const water = catalog.waterPrices.get("central-ohio").usdPerM3;
    fp.years.forEach((y, i) => {
      const r = fp.costYears[i];
      expect(r.year).toBe(y.year);
      expect(y.unservedEnergyMwh).toBe(0);
      expect(y.facilityEnergyMwh).toBeGreaterThan(0);
      expectRange(r.energyCostUsd, mul({ low: 1, base: 1, high: 1 }, y.facilityEnergyMwh * 50), `energy ${y.year}`, 1e-9);
      expectRange(r.energyCostUsdPerMwh, { low: 50, base: 50, high: 50 }, `energy per MWh ${y.year}`, 1e-9);
      expect(y.waterM3).toBeGreaterThan(0);
      expect(r.waterCostUsd).toEqual(mul(water, y.waterM3));
      expectRange(r.opexUsd, sum([r.energyCostUsd, r.waterCostUsd, r.maintenanceUsd]), `opex ${y.year}`);
    });
    // The second hall's year costs more energy than the first hall alone.
    expect(fp.costYears[3].energyCostUsd.base).toBeGreaterThan(1.9 * fp.costYears[0].energyCostUsd.base);
  });

  it("a contract with no stated price is charged the catalog's range for its source", () => {
    const fp = model(campus(), "catalog-price");
    const price = catalog.energyPrices.get("grid-pjm-ohio").usdPerMwh;
    expect(fp.contracts[0].energyUsdPerMwh).toEqual(price);
    expect(fp.unservedEnergyMwh).toBe(0);
    expectRange(fp.costYears[0].energyCostUsd, mul(price, fp.annualFacilityEnergyMwh), "energy", 1e-9);
    expectRange(fp.energyCostUsdPerMwh, price, "energy per MWh", 1e-9);
  });

  it("two priced contracts: energy cost = Σ of each contract's supplied MWh × its price", () => {
    const { footprint: fp, series } = planCampusFootprint(campus({
      market: "pjm",
      powerContracts: [
        { name: "nuc", counterparty: "Vistra", source: "nuclear", contractedMw: 1, priceUsdPerMwh: 30 },
        grid({ priceUsdPerMwh: 50 }),
      ],
    }), { ...SUBJECT, name: "two-prices" });
    const supplied = series.hours.supply.suppliedMwh;
    expect(supplied.nuc).toBeGreaterThan(0);
    expect(supplied.grid).toBeGreaterThan(0);
    const expected = supplied.nuc * 30 + supplied.grid * 50;
    expectRange(fp.costYears[0].energyCostUsd, { low: expected, base: expected, high: expected }, "energy", 1e-12);
    expect(fp.energyCostUsdPerMwh.base).toBeGreaterThan(30);
    expect(fp.energyCostUsdPerMwh.base).toBeLessThan(50);
  });

  it("an owned gas turbine: capex = MW × 1000 × usdPerKw, each MWh at its variable cost", () => {
    const fp = model(campus({ onlineYear: 2027, powerContracts: [ownedTurbine()] }), "owned");
    const g = catalog.generationCosts.get("gas-turbine");
    const c = fp.contracts[0];
    expect([c.owned, c.islanded, c.firmFraction]).toEqual([true, true, 1]);
    expect(c.capexUsd).toEqual(mul(g.usdPerKw, 10 * 1000));
    expect(c.capexUsd).toEqual({ low: 10e6, base: 16e6, high: 40e6 });
    expect(c.energyUsdPerMwh).toEqual(g.variableUsdPerMwh);
    expect(lineOf(fp.capex, "generation")).toEqual({ category: "generation", capexUsd: c.capexUsd, usefulLifeYears: g.usefulLifeYears, maintenanceShareOfCapex: g.maintenanceShareOfCapex });
    expectRange(fp.capexUsd, sum([fp.halls[0].capexUsd, c.capexUsd!]), "campus capex with the plant");
    expectRange(fp.costYears[0].capexUsd, fp.capexUsd, "placed in the first year (no startYear)");
    fp.years.forEach((y, i) => {
      expect(y.unservedEnergyMwh).toBe(0);
      expectRange(fp.costYears[i].energyCostUsd, mul(g.variableUsdPerMwh, y.facilityEnergyMwh), `energy ${y.year}`, 1e-9);
    });
    // Bought from the same source instead: no capex, the catalog's (dearer) energy price.
    const bought = model(campus({ onlineYear: 2027, powerContracts: [ownedTurbine({ owned: false })] }), "bought");
    expect(bought.contracts[0].capexUsd).toBeUndefined();
    expect(bought.capex.some((l) => l.category === "generation")).toBe(false);
    expect(bought.contracts[0].energyUsdPerMwh).toEqual(catalog.energyPrices.get("gas-turbine").usdPerMwh);
    expectRange(bought.capexUsd, fp.halls[0].capexUsd, "bought: halls only");
  });

  it("owned with a price, owned virtual PPA, owned utility service: rejected naming the field", () => {
    const owned = (extra: Partial<CampusPowerContractArgs>) => () => model(campus({ market: "pjm", powerContracts: [{ name: "c", counterparty: "x", contractedMw: 10, owned: true, source: "gas-turbine", ...extra } as CampusPowerContractArgs] }), "owned-bad");
    const priced = inputError(owned({ priceUsdPerMwh: 40, market: "behind-the-meter", firmFraction: 1 }));
    expect(priced.fields).toEqual(["powerContracts[0].priceUsdPerMwh"]);
    expect(priced.message).toContain("priceUsdPerMwh = 40");
    const virtual = inputError(owned({ source: "nuclear", delivery: "virtual" }));
    expect(virtual.fields).toEqual(["powerContracts[0].owned"]);
    expect(virtual.message).toContain("virtual");
    const service = inputError(owned({ source: "grid-pjm-ohio" }));
    expect(service.fields).toEqual(["powerContracts[0].owned"]);
    expect(service.message).toContain("grid-pjm-ohio");
    expect(inputError(owned({ owned: "yes" as never, market: "behind-the-meter", firmFraction: 1 })).fields).toEqual(["powerContracts[0].owned"]);
  });
});

// ---------------------------------------------------------------------------------------------------------------

describe("depreciation and maintenance", () => {
  /** Expected share of a line depreciated in `year` for an asset placed in `start`: straight line, fractional last year. */
  const share = (start: number, year: number, life: number) => Math.max(0, Math.min(1, life - (year - start))) / life;

  it("a hall online in 2027: IT and network over 5.5 years (full to 2031, half in 2032, 0 from 2033); the building continues", () => {
    // Without refresh: each line's own depreciation (with refresh, replacements start their own in 2033).
    const fp = model(campus({ onlineYear: 2027, horizonEndYear: 2060, hardwareRefresh: "none", halls: [hall("h1", { onlineYear: 2027 })] }), "dep");
    const lines = fp.halls[0].capex;
    const it = lineOf(lines, "it-hardware");
    const net = lineOf(lines, "network");
    expect([it.usefulLifeYears, net.usefulLifeYears]).toEqual([5.5, 5.5]);
    const y = (year: number) => fp.costYears.find((r) => r.year === year)!;
    const longLived = lines.filter((l) => l.usefulLifeYears > 5.5);
    const buildingIn = (year: number) => sum(longLived.map((l) => mul(l.capexUsd, share(2027, year, l.usefulLifeYears))));
    const short = sum([it.capexUsd, net.capexUsd]);
    for (let year = 2027; year <= 2031; year++) expectRange(y(year).depreciationUsd, sum([mul(short, 1 / 5.5), buildingIn(year)]), `dep ${year}`);
    expectRange(y(2032).depreciationUsd, sum([mul(short, 0.5 / 5.5), buildingIn(2032)]), "dep 2032");
    for (let year = 2033; year <= 2060; year++) expectRange(y(year).depreciationUsd, buildingIn(year), `dep ${year}`);
    // What the years above spell out: IT's depreciation by difference, and the shell's 25 years (2027-2051).
    expectRange(sub(y(2031).depreciationUsd, y(2033).depreciationUsd), mul(short, 1 / 5.5), "IT + network yearly", 1e-9);
    expectRange(sub(y(2032).depreciationUsd, y(2033).depreciationUsd), mul(short, 0.5 / 5.5), "IT + network half year", 1e-9);
    const shell = lineOf(lines, "shell").capexUsd;
    expectRange(y(2051).depreciationUsd, mul(shell, 1 / 25), "2051: only the shell left", 1e-12);
    expect(y(2052).depreciationUsd).toEqual(ZERO);
    // Every line is depreciated exactly once over a horizon longer than every life.
    expectRange(sum(fp.costYears.map((r) => r.depreciationUsd)), fp.capexUsd, "Σ depreciation = capex", 1e-9);
  });

  it("maintenance = Σ capex × maintenance share of every asset in service (assets are not retired)", () => {
    const fp = model(campus({ onlineYear: 2027, halls: [hall("h1", { onlineYear: 2027 }), hall("h2", { onlineYear: 2030 })] }), "maint");
    const maint = (lines: readonly CapexLine[]) => sum(lines.map((l) => mul(l.capexUsd, l.maintenanceShareOfCapex)));
    for (const r of fp.costYears) {
      const running = fp.halls.filter((h) => h.onlineYear! <= r.year!);
      expectRange(r.maintenanceUsd, sum(running.map((h) => maint(h.capex))), `maintenance ${r.year}`);
    }
    expect(lineOf(fp.halls[0].capex, "it-hardware").maintenanceShareOfCapex).toBe(catalog.rackHardwareCosts.get("gb200-nvl72").maintenanceShareOfCapex);
  });

  it("an undated campus: one steady year, capex once, depreciation capex / life per line", () => {
    const fp = model(campus(), "undated");
    expect(fp.costYears).toHaveLength(1);
    const [r] = fp.costYears;
    expect(r.year).toBeUndefined();
    expectRange(r.capexUsd, fp.capexUsd, "capex");
    expectRange(r.depreciationUsd, sum(fp.capex.map((l) => mul(l.capexUsd, 1 / l.usefulLifeYears))), "depreciation");
  });

  // An asset with no year of its own on a dated campus (a hall without onlineYear when the horizon comes from
  // horizonStartYear or a contract's startYear; an owned plant without startYear) is in service from the horizon's
  // start, and depreciated from then over its life, never beyond its capex (it once ran at 1/life every year).
  it("a hall without onlineYear on a dated campus depreciates like one online at the horizon's start", () => {
    const undatedHall = model(campus({ horizonStartYear: 2027, hardwareRefresh: "none", halls: [hall("h1")] }), "undated-hall");
    const datedHall = model(campus({ horizonStartYear: 2027, hardwareRefresh: "none", halls: [hall("h1", { onlineYear: 2027 })] }), "dated-hall");
    expect(undatedHall.costYears.map((r) => r.year)).toEqual(datedHall.costYears.map((r) => r.year));
    undatedHall.costYears.forEach((r, i) => expectRange(r.depreciationUsd, datedHall.costYears[i].depreciationUsd, `dep ${r.year}`, 1e-12));
  });

  it("an owned plant without startYear is not depreciated beyond its life (Σ depreciation ≤ capex)", () => {
    const fp = model(campus({ onlineYear: 2027, horizonEndYear: 2076, hardwareRefresh: "none", powerContracts: [ownedTurbine()] }), "plant-forever");
    // The hall's lines (≤ 25 years) are all done by 2052; what remains is the plant's 25-year line, which should be done too.
    const after = fp.costYears.filter((r) => r.year! >= 2052);
    expect(after.length).toBe(25);
    expect(sum(after.map((r) => r.depreciationUsd))).toEqual(ZERO);
  });
});

// ---------------------------------------------------------------------------------------------------------------

describe("what the catalog cannot price is listed, never counted as 0 silently", () => {
  // Ids only this file uses; the catalog has no unregister, and each test file runs in its own process.
  const UNPRICED_RACK = "costs-test-unpriced-nvl72";
  const DRY_SITE = "costs-test-unpriced-site";
  const NEW_SOURCE = "costs-test-unpriced-smr";
  catalog.rackDesigns.register({ ...catalog.rackDesigns.get("gb200-nvl72"), id: UNPRICED_RACK, source: { title: "test: a rack design with no hardware price", checked: CHECKED } });
  catalog.climates.register({ ...catalog.climates.get("central-ohio"), id: DRY_SITE, source: { title: "test: a site with no water price", checked: CHECKED } });
  catalog.generationSources.register({ ...catalog.generationSources.get("nuclear"), id: NEW_SOURCE, source: { title: "test: a source with no price", checked: CHECKED } });

  it("a rack design without rackHardwareCosts: named in costMissing, its hardware left out of capex", () => {
    expect(catalog.rackHardwareCosts.has(UNPRICED_RACK)).toBe(false);
    const fp = model(campus({ halls: [hall("h1", { racks: [{ name: "priced", design: "gb200-nvl72", rackCount: 10 }, { name: "unpriced", design: UNPRICED_RACK, rackCount: 5 }] })] }), "unpriced-rack");
    const missing = `rack design "${UNPRICED_RACK}" (rackHardwareCosts)`;
    expect(fp.costMissing).toEqual([missing]);
    const h = fp.halls[0];
    expect(h.costMissing).toEqual([missing]);
    expect(h.rackGroups[1].capexUsd).toBeUndefined();
    expect(h.rackGroups[0].capexUsd).toEqual(mul(rackPrice("gb200-nvl72"), 10));
    expect(lineOf(h.capex, "it-hardware").capexUsd).toEqual(mul(rackPrice("gb200-nvl72"), 10));
    // The rest of the hall (network for all 1,080 GPUs, the building for all its MW) is still priced.
    expect(h.gpuCount).toBe(1080);
    expect(lineOf(h.capex, "network").capexUsd).toEqual(mul(facility().networkUsdPerGpu, 1080));
    expect(lineOf(h.capex, "shell").capexUsd).toEqual(mul(facility().shellUsdPerMwIt, h.itLoadKw / 1000));
    expectRange(fp.capexUsd, sum(h.capex.map((l) => l.capexUsd)), "capex without the unpriced racks");
  });

  it("a climate without a water price: the water is listed, and costs nothing in the ledger; once priced, it is charged", () => {
    const fp = model(campus({ climate: DRY_SITE, onlineYear: 2027 }), "unpriced-water");
    expect(fp.costMissing).toEqual([`water at climate "${DRY_SITE}" (waterPrices)`]);
    for (const [i, r] of fp.costYears.entries()) {
      expect(fp.years[i].waterM3).toBeGreaterThan(0);
      expect(r.waterCostUsd).toEqual(ZERO);
    }
    catalog.waterPrices.register({ id: DRY_SITE, usdPerM3: { low: 4, base: 5, high: 6 }, source: { title: "test water price", checked: CHECKED } });
    const priced = model(campus({ climate: DRY_SITE, onlineYear: 2027 }), "priced-water");
    expect(priced.costMissing).toEqual([]);
    priced.costYears.forEach((r, i) => expect(r.waterCostUsd).toEqual(mul({ low: 4, base: 5, high: 6 }, priced.years[i].waterM3)));
  });

  it("a source without an energy price (bought) or a generation cost (owned) is listed", () => {
    const { footprint: bought, series } = planCampusFootprint(campus({ market: "pjm", powerContracts: [{ name: "smr", counterparty: "x", source: NEW_SOURCE, contractedMw: 1, firmFraction: 1 }, grid()] }), { ...SUBJECT, name: "unpriced-energy" });
    expect(bought.costMissing).toEqual([`energy from "${NEW_SOURCE}" (energyPrices, or the contract's priceUsdPerMwh)`]);
    expect(bought.contracts[0].energyUsdPerMwh).toBeUndefined();
    const supplied = series.hours.supply.suppliedMwh;
    expect(supplied.smr).toBeGreaterThan(0);
    expect(supplied.grid).toBeGreaterThan(0);
    expectRange(bought.costYears[0].energyCostUsd, mul(catalog.energyPrices.get("grid-pjm-ohio").usdPerMwh, supplied.grid), "only the grid's energy is charged", 1e-12);
    // A stated price fills the gap.
    const stated = model(campus({ market: "pjm", powerContracts: [{ name: "smr", counterparty: "x", source: NEW_SOURCE, contractedMw: 20, firmFraction: 1, priceUsdPerMwh: 70 }] }), "stated-energy");
    expect(stated.costMissing).toEqual([]);
    const owned = model(campus({ market: "pjm", powerContracts: [{ name: "smr", counterparty: "x", source: NEW_SOURCE, contractedMw: 20, firmFraction: 1, owned: true }] }), "unpriced-plant");
    expect(owned.costMissing).toEqual([`generation source "${NEW_SOURCE}" (generationCosts)`]);
    expect(owned.capex.some((l) => l.category === "generation")).toBe(false);
    expectRange(owned.capexUsd, owned.halls[0].capexUsd, "capex without the unpriced plant");
  });
});

// ---------------------------------------------------------------------------------------------------------------

describe("unit costs", () => {
  const fp = model(campus({ onlineYear: 2027, halls: [hall("h1", { onlineYear: 2027 }), hall("h2", { onlineYear: 2029, racks: [{ name: "air", design: "hgx-b200-air-rack", rackCount: 8 }], technology: "dry-cooler" })] }), "unit");

  it("capexUsdPerGpu = capexUsd / GPUs, capexUsdPerMwIt = capexUsd / IT MW", () => {
    expect(fp.gpuCount).toBe(720 + 8 * 4 * 8);
    expectRange(fp.capexUsdPerGpu, mul(fp.capexUsd, 1 / fp.gpuCount), "per GPU");
    expectRange(fp.capexUsdPerMwIt, mul(fp.capexUsd, 1000 / fp.itLoadKw), "per MW IT");
  });

  it("costUsdPerGpuHour of the full-build row = (depreciation + opex) / GPU-hours; GPU-hours count the halls online", () => {
    expect(fp.fullBuildYear).toBe(2029);
    const full = fp.costYears.find((r) => r.year === 2029)!;
    expectRange(full.costUsdPerGpuHour, mul(sum([full.depreciationUsd, full.opexUsd]), 1 / full.gpuHours), "full-build row");
    expect(fp.costUsdPerGpuHour).toEqual(full.costUsdPerGpuHour);
    expect(fp.energyCostUsdPerMwh).toEqual(full.energyCostUsdPerMwh);
    const gpuHours = (h: CampusFootprint["halls"][number]) => (h.gpuCount * h.annualItEnergyMwh * 1000) / h.itLoadKw;
    const [h1, h2] = fp.halls;
    // Constant utilisation 0.8: GPU-hours = GPUs × 8,760 × 0.8.
    expect(gpuHours(h1) / (h1.gpuCount * 8760 * 0.8)).toBeCloseTo(1, 9);
    for (const r of fp.costYears) {
      const expected = gpuHours(h1) + (r.year! >= 2029 ? gpuHours(h2) : 0);
      expect(r.gpuHours / expected, `${r.year}`).toBeCloseTo(1, 12);
      expectRange(r.costUsdPerGpuHour, mul(sum([r.depreciationUsd, r.opexUsd]), 1 / r.gpuHours), `per GPU-hour ${r.year}`);
      const consumed = fp.years.find((y) => y.year === r.year)!;
      expectRange(r.energyCostUsdPerMwh, mul(r.energyCostUsd, 1 / (consumed.facilityEnergyMwh - consumed.unservedEnergyMwh)), `energy per MWh ${r.year}`, 1e-12);
    }
    // A GPU-hour costs a plausible 1-10 USD at base.
    expect(full.costUsdPerGpuHour.base).toBeGreaterThan(1);
    expect(full.costUsdPerGpuHour.base).toBeLessThan(10);
  });
});

// ---------------------------------------------------------------------------------------------------------------

describe("capex outside the horizon", () => {
  const financing = { partner: "JV", partnerShareOfFacility: 0.8, leaseRatePerYear: 0.084 };

  // Issue 32: a hall (or a campus) online before horizonStartYear was accepted and its capex booked in the horizon's
  // first year (2027's capex in 2035); both are refused, naming the year, the horizon and what to do.
  it("a hall or a campus online before horizonStartYear is refused, not booked in the horizon's first year", () => {
    const hallEarly = inputError(() => model(campus({ horizonStartYear: 2030, halls: [hall("h1", { onlineYear: 2027 })], financing }), "pre-horizon"));
    expect(hallEarly.fields).toEqual(["halls[0].onlineYear"]);
    expect(hallEarly.message).toBe('aicluster:index:Campus "pre-horizon" has invalid args: halls[0].onlineYear = 2027; allowed: a year within the horizon (2030 to 2039; a hall online before the horizon starts would have its capex booked in 2030: start the horizon earlier)');
    const campusEarly = inputError(() => model(campus({ onlineYear: 2027, horizonStartYear: 2035 }), "pre-horizon"));
    expect(campusEarly.fields).toEqual(["onlineYear"]);
    expect(campusEarly.message).toBe('aicluster:index:Campus "pre-horizon" has invalid args: onlineYear = 2027; allowed: horizonStartYear (2035) or later: a campus online before its horizon starts has years (and capex) the ledger cannot book; start the horizon at or before onlineYear');
    // The same plan with its horizon started at the hall's year books the capex in 2027.
    const fp = model(campus({ horizonStartYear: 2027, halls: [hall("h1", { onlineYear: 2027 })], financing }), "from-2027");
    expect(fp.costYears[0].year).toBe(2027);
    expectRange(fp.costYears[0].capexUsd, fp.capexUsd, "placed in 2027");
  });

  it("owned generation starting before the horizon counts in its first year; starting after it, it is not the horizon's capex", () => {
    const early = model(campus({ onlineYear: 2027, hardwareRefresh: "none", powerContracts: [grid(), ownedTurbine({ startYear: 2020 })] }), "plant-early");
    const gen = early.contracts.find((c) => c.name === "gt")!.capexUsd!;
    expectRange(early.costYears[0].capexUsd, sum([early.halls[0].capexUsd, gen]), "2027: hall and plant");
    expectRange(sum(early.costYears.map((r) => r.capexUsd)), early.capexUsd, "Σ costYears capex = capexUsd");
    const late = model(campus({ onlineYear: 2027, horizonEndYear: 2030, powerContracts: [grid(), ownedTurbine({ startYear: 2031 })] }), "plant-late");
    expect(late.capex.some((l) => l.category === "generation")).toBe(false);
    expectRange(late.capexUsd, late.halls[0].capexUsd, "halls only");
    expectRange(sum(late.costYears.map((r) => r.capexUsd)), late.capexUsd, "Σ costYears capex = capexUsd");
  });
});
