/**
 * A campus's money through the model (issue 35): refresh in the years it is due, next-generation racks that fit the
 * hall, grid capacity and demand charges and virtual-PPA settlement from the catalog's figures, the levelised cost
 * with a capital charge, financing structures and their errors. Expected values come from the catalog's entries and
 * the formulas written out here, not from the code under test.
 */
import { describe, expect, it } from "vitest";
import { inputError } from "./helpers/inputError";
import { catalog, DEFAULT_FACILITY_COST } from "../components/catalog";
import { CampusArgs, CampusFootprint, CampusHallArgs, CampusPowerContractArgs, campusModel, planCampusFootprint } from "../components/model/campus";

const SUBJECT = { type: "aicluster:index:Campus", name: "money" };
const model = (args: CampusArgs, name = "money"): CampusFootprint => campusModel(args, { ...SUBJECT, name });

function hall(name: string, onlineYear?: number, racks = 10): CampusHallArgs {
  return { name, ...(onlineYear === undefined ? {} : { onlineYear }), racks: [{ name: "nvl", design: "gb200-nvl72", rackCount: racks }], cooling: { technology: "adiabatic" } };
}
function grid(overrides: Partial<CampusPowerContractArgs> = {}): CampusPowerContractArgs {
  return { name: "grid", counterparty: "AEP Ohio", source: "grid-pjm-ohio", contractedMw: 20, ...overrides };
}
function campus(overrides: Partial<CampusArgs> = {}): CampusArgs {
  return { location: "New Albany, Ohio", climate: "central-ohio", halls: [hall("h1", 2030)], powerContracts: [grid()], onlineYear: 2030, ...overrides };
}
const row = (fp: CampusFootprint, year: number) => fp.costYears.find((r) => r.year === year)!;
/** CRF written out: r / (1 − (1 + r)^−n). */
const crf = (r: number, n: number) => r / (1 - Math.pow(1 + r, -n));

describe("refresh through the campus", () => {
  const fp = model(campus({ horizonEndYear: 2045 }), "refresh");
  const f = catalog.facilityCosts.get(DEFAULT_FACILITY_COST);
  const mw = fp.halls[0].itLoadKw / 1000;

  it("GB200 racks and the network (5.5 years) in 2036 and 2042, electrical and mechanical (15 years) in 2045, nothing else", () => {
    const years = fp.costYears.filter((r) => r.refreshCapexUsd.base > 0).map((r) => r.year);
    expect(years).toEqual([2036, 2042, 2045]);
    // 10 racks at the catalog's price, and the network of 720 GPUs.
    const it = 10 * catalog.rackHardwareCosts.get("gb200-nvl72").usdPerRack.base + 720 * f.networkUsdPerGpu.base;
    expect(row(fp, 2036).refreshCapexUsd.base).toBeCloseTo(it, 0);
    expect(row(fp, 2042).refreshCapexUsd.base).toBeCloseTo(it, 0);
    expect(row(fp, 2045).refreshCapexUsd.base).toBeCloseTo(mw * (f.electricalUsdPerMwIt.base + f.mechanicalUsdPerMwIt.base), 0);
    // Refresh capex is capex of its year, and the finance's total is their sum.
    expect(row(fp, 2036).capexUsd.base).toBeCloseTo(it, 0);
    expect(fp.finance.refreshCapexUsd.base).toBeCloseTo(2 * it + mw * (f.electricalUsdPerMwIt.base + f.mechanicalUsdPerMwIt.base), 0);
    expect(fp.finance.refreshes.filter((e) => e.year === 2036).map((e) => e.category).sort()).toEqual(["it-hardware", "network"]);
  });

  it("the racks' maintenance does not double when they are replaced: 2036 carries what 2035 does", () => {
    expect(row(fp, 2036).maintenanceUsd.base).toBeCloseTo(row(fp, 2035).maintenanceUsd.base, 3);
  });

  it("hardwareRefresh none: no replacement, the build's capex only", () => {
    const none = model(campus({ horizonEndYear: 2045, hardwareRefresh: "none" }), "none");
    expect(none.costYears.every((r) => r.refreshCapexUsd.base === 0)).toBe(true);
    expect(none.finance.refreshes).toEqual([]);
  });

  it("next generation: GB200 racks replaced by as many GB300 racks as the hall's IT power carries, priced at the GB300's", () => {
    const next = model(campus({ horizonEndYear: 2040, refreshDesigns: [{ from: "gb200-nvl72", to: "gb300-nvl72" }] }), "next");
    const group = next.halls[0].rackGroups[0];
    // A GB300 NVL72 at nameplate: 18 nodes × (4 × 1,400 W + host) + 9 switch trays × 400 W + 1 kW, at 97.5 %: 135.8 kW (docs/architecture.md).
    const gb300Kw = catalog.rackDesigns.get("gb300-nvl72").ratedKw >= 135.8 ? 135.8 : NaN;
    const racks = Math.floor(group.itLoadKw / gb300Kw);
    expect(racks).toBe(8); // 10 × 121.0 kW = 1,210 kW carries 8 racks of 135.8 kW
    const event = next.finance.refreshes.find((e) => e.category === "it-hardware")!;
    expect(event.year).toBe(2036);
    expect(event.toDesign).toBe("gb300-nvl72");
    expect(event.capexUsd.base).toBeCloseTo(8 * catalog.rackHardwareCosts.get("gb300-nvl72").usdPerRack.base, 0);
    // GPU-hours fall from 720 GPUs to 576 with the hall's hours at full load unchanged.
    expect(row(next, 2036).gpuHours / row(next, 2035).gpuHours).toBeCloseTo(576 / 720, 12);
  });

  it("refresh designs are checked where they enter", () => {
    expect(inputError(() => model(campus({ refreshDesigns: [{ from: "gb300-nvl72", to: "vera-rubin-nvl72" }] }))).message)
      .toBe('aicluster:index:Campus "money" has invalid args: refreshDesigns[0].from = "gb300-nvl72"; allowed: a rack design the campus\'s racks use: gb200-nvl72');
    expect(inputError(() => model(campus({ refreshDesigns: [{ from: "gb200-nvl72", to: "hgx-h100-air-rack" }] }))).message)
      .toBe('aicluster:index:Campus "money" has invalid args: refreshDesigns[0].to = "hgx-h100-air-rack"; allowed: a liquid-cooled rack design, as "gb200-nvl72" is (a hall\'s cooling is its building\'s)');
    expect(inputError(() => model(campus({ refreshDesigns: [{ from: "gb200-nvl72", to: "gb200-nvl72" }] }))).fields).toEqual(["refreshDesigns[0].to"]);
    expect(inputError(() => model(campus({ refreshDesigns: [{ from: "gb200-nvl72", to: "nope" }] }))).fields).toEqual(["refreshDesigns[0].to"]);
    expect(inputError(() => model(campus({ hardwareRefresh: "sometimes" }))).message)
      .toBe('aicluster:index:Campus "money" has invalid args: hardwareRefresh = "sometimes"; allowed: "like-for-like" (hardware replaced at the end of its life, at its catalog price) or "none"');
  });
});

describe("grid charges and PPA settlement from the catalog", () => {
  const fp = model(campus({ horizonEndYear: 2031, powerContracts: [grid(), { name: "vppa", counterparty: "Vistra", source: "nuclear", delivery: "virtual", market: "pjm", contractedMw: 10 }] }), "charges");
  const tariff = catalog.energyPrices.get("grid-pjm-ohio");

  it("demand: billed at 85 % of the 20 MW contracted (the hall draws about 1.5 MW): 9 USD/kW-month × 12 × 17,000 kW, escalated 1.7 %/yr from 2025", () => {
    expect(tariff.minimumDemandShare).toBe(0.85);
    const esc = Math.pow(1.017, 2030 - 2025);
    const ledger = fp.years.find((r) => r.year === 2030)!;
    expect(ledger.peakFacilityPowerMw).toBeLessThan(17);
    const demand = 9 * 12 * 17_000 * esc;
    // Capacity: 333.44 USD/MW-day × 365 days × the peak drawn: the campus's hourly peak at its utilisation (the grid serves it all).
    const hours = planCampusFootprint(campus({ horizonEndYear: 2031 }), { ...SUBJECT, name: "charges-hours" }).series.hours;
    const peakDrawnMw = Math.max(...hours.facilityMw);
    expect(peakDrawnMw).toBeLessThan(ledger.peakFacilityPowerMw);
    const capacity = 333.44 * 365 * peakDrawnMw * esc;
    expect(row(fp, 2030).demandChargeUsd.base).toBeCloseTo(demand, 2);
    expect(row(fp, 2030).capacityCostUsd.base).toBeCloseTo(capacity, 2);
    // Energy at the escalated LMP: 50.51 × the grid's MWh × 1.017^5.
    expect(row(fp, 2030).energyCostUsd.base).toBeCloseTo(50.51 * esc * (ledger.facilityEnergyMwh - ledger.unservedEnergyMwh), 2);
  });

  it("virtual PPA: (strike 85 − PJM's 50.51) × the MWh the plant generates, in opex", () => {
    const ledger = fp.years.find((r) => r.year === 2030)!;
    const generated = ledger.contracts.find((c) => c.name === "vppa")!.energyMwh;
    expect(generated).toBeCloseTo(10 * catalog.generationSources.get("nuclear").capacityFactor * 8760, 6);
    const r = row(fp, 2030);
    expect(r.ppaSettlementUsd.base).toBeCloseTo((85 - 50.51) * generated, 3);
    // Low: the low strike (70) against the high hub (60); high: 100 against 33.74.
    expect(r.ppaSettlementUsd.low).toBeCloseTo((70 - 60) * generated, 3);
    expect(r.ppaSettlementUsd.high).toBeCloseTo((100 - 33.74) * generated, 3);
    const parts = r.energyCostUsd.base + r.capacityCostUsd.base + r.demandChargeUsd.base + r.ppaSettlementUsd.base + r.waterCostUsd.base + r.maintenanceUsd.base;
    expect(r.opexUsd.base).toBeCloseTo(parts, 3);
  });

  it("a virtual PPA in a market without a hub price is listed as missing, never free", () => {
    const c = catalog.copy();
    c.markets.register({ id: "spp-test", description: "a grid market without a hub price", accreditation: { "solar-utility": 0.1 }, source: { title: "test market", checked: "2026-12-07" } });
    const fp2 = campusModel(campus({ powerContracts: [grid(), { name: "spp", counterparty: "x", source: "solar-utility", delivery: "virtual", market: "spp-test", contractedMw: 1 }] }), { ...SUBJECT, name: "nohub", catalog: c });
    expect(fp2.costMissing).toContain('settlement of virtual PPA "spp" (market "spp-test" hubPrice)');
    expect(fp2.costYears.every((r) => r.ppaSettlementUsd.base === 0)).toBe(true);
  });
});

describe("levelised cost, present values and the undated campus", () => {
  it("levelised = Σ v^t (capital charge + opex) / Σ v^t GPU-hours at a stated 8 %, the capital charge each line's capex × CRF(8 %, life)", () => {
    const fp = model(campus({ horizonEndYear: 2031, discountRate: 0.08, hardwareRefresh: "none" }), "lev");
    const cc = fp.capex.reduce((s, l) => s + l.capexUsd.base * crf(0.08, l.usefulLifeYears), 0);
    const [a, b] = [row(fp, 2030), row(fp, 2031)];
    expect(a.capitalChargeUsd.base).toBeCloseTo(cc, 0);
    const expected = (cc + a.opexUsd.base + (cc + b.opexUsd.base) / 1.08) / (a.gpuHours + b.gpuHours / 1.08);
    expect(fp.finance.levelisedCostUsdPerGpuHour.base).toBeCloseTo(expected, 9);
    expect(fp.finance.discountRate).toEqual({ low: 0.08, base: 0.08, high: 0.08 });
    expect(fp.finance.costOfCapital).toBe("stated");
    // TCO and PV: 2030's capex + opex, 2031's opex (undiscounted, and at 8 %).
    const capex = fp.capexUsd.base;
    expect(fp.finance.tcoUsd.base).toBeCloseTo(capex + a.opexUsd.base + b.opexUsd.base, 0);
    expect(fp.finance.presentValueCostUsd.base).toBeCloseTo(capex + a.opexUsd.base + b.opexUsd.base / 1.08, 0);
  });

  it("the default cost of capital is the catalog's hyperscaler WACC, its range carried", () => {
    const fp = model(campus(), "wacc");
    expect(fp.finance.costOfCapital).toBe("hyperscaler");
    expect(fp.finance.discountRate).toEqual(catalog.costsOfCapital.get("hyperscaler").rate);
    expect(fp.finance.presentValueYear).toBe(2030);
    expect(fp.finance.rentalBands.filter((b) => b.ofCampus).map((b) => b.accelerator)).toEqual(["gb200"]);
  });

  it("an undated campus: one year, the levelised cost (capital charge + opex) / GPU-hours of it", () => {
    const fp = model({ location: "x", climate: "central-ohio", halls: [hall("h1")], powerContracts: [grid()] }, "undated");
    const r = fp.costYears[0];
    expect(fp.finance.cashFlows).toHaveLength(1);
    expect(fp.finance.levelisedCostUsdPerGpuHour.base).toBeCloseTo((r.capitalChargeUsd.base + r.opexUsd.base) / r.gpuHours, 12);
    expect(fp.finance.presentValueYear).toBeUndefined();
    expect(inputError(() => model({ location: "x", climate: "central-ohio", halls: [hall("h1")], powerContracts: [grid()], presentValueYear: 2030 }, "u2")).fields).toEqual(["presentValueYear"]);
  });
});

describe("financing structures on a campus", () => {
  it("sale-leaseback: sold at book value in the sale year, off the owner's balance sheet that year; parties balance every year", () => {
    const fp = model(campus({ horizonEndYear: 2035, financing: { structure: "sale-leaseback", partner: "Buyer", saleYear: 2031, leaseRate: 0.07, leaseTermYears: 20 } }), "slb");
    const f = fp.finance;
    expect(f.structure).toBe("sale-leaseback");
    const sale = f.cashFlows.find((c) => c.year === 2031)!;
    // The buyer pays the facility's book value at the start of 2031: its 2030 capex less 2030's straight-line depreciation.
    const book = fp.capex.filter((l) => ["shell", "electrical", "mechanical", "cooling-plant"].includes(l.category))
      .reduce((s, l) => s + l.capexUsd.base * (1 - 1 / l.usefulLifeYears), 0);
    expect(-sale.partnerUsd.base).toBeCloseTo(book, 0);
    expect(row(fp, 2032).leasePaymentsUsd.base).toBeCloseTo(book * crf(0.07, 20), 0);
    // On the owner's books: all of 2030's capex; in 2031 nothing is built, and what is sold takes nothing below 0.
    expect(row(fp, 2030).ownerOnBalanceSheetCapexUsd.base).toBeCloseTo(row(fp, 2030).capexUsd.base, 0);
    expect(row(fp, 2031).ownerOnBalanceSheetCapexUsd.base).toBe(0);
    for (const c of f.cashFlows) expect(c.ownerUsd.base + c.partnerUsd.base + c.lendersUsd.base).toBeCloseTo(c.projectUsd.base, 0);
    expect(f.cashFlows[f.cashFlows.length - 1].year).toBe(2051);
    expect(f.parties.find((p) => p.role === "partner")!.irr!.base).toBeCloseTo(0.07, 9);
  });

  it("joint venture with a construction loan: lenders' IRR is the loan's rate", () => {
    const fp = model(campus({ horizonEndYear: 2034, financing: { partner: "JV", partnerShareOfFacility: 0.5, partnerDebtShare: 0.7, couponRate: 0.06, leaseTermYears: 10, partnerEquityReturn: 0.11, constructionLoan: { shareOfCapex: 0.4, rate: 0.0615, termYears: 3 } } }), "jv");
    const partner = fp.finance.parties.find((p) => p.role === "partner")!;
    expect(partner.irr!.base).toBeCloseTo(0.11, 9);
    expect(fp.finance.parties.find((p) => p.role === "lenders")).toBeDefined();
    for (const c of fp.finance.cashFlows) expect(c.ownerUsd.base + c.partnerUsd.base + c.lendersUsd.base).toBeCloseTo(c.projectUsd.base, 0);
  });

  it("each structure's fields, checked with one message naming the field", () => {
    const msg = (financing: CampusArgs["financing"]) => inputError(() => model(campus({ financing }))).message;
    expect(msg({ structure: "sale-leaseback", partner: "B", saleYear: 2031, leaseTermYears: 10 }))
      .toBe('aicluster:index:Campus "money" has invalid args: financing.leaseRate = (missing); allowed: the lease\'s rate, share per year (0 to 0.3)');
    expect(msg({ structure: "sale-leaseback", partner: "B", saleYear: 2031, leaseRate: 0.07, leaseTermYears: 10, partnerShareOfFacility: 0.5 }))
      .toBe('aicluster:index:Campus "money" has invalid args: financing.partnerShareOfFacility = 0.5; allowed: unset with structure "sale-leaseback" (it takes partner, saleYear, salePriceUsd, leaseRate, leaseTermYears)');
    expect(msg({ structure: "sale-leaseback", partner: "B", saleYear: 2045, leaseRate: 0.07, leaseTermYears: 10 }))
      .toBe('aicluster:index:Campus "money" has invalid args: financing.saleYear = 2045; allowed: a year within the horizon (2030 to 2039)');
    expect(msg({ partner: "P", partnerShareOfFacility: 0.5, leaseRatePerYear: 0.08, debtUsd: 1e9 }))
      .toBe('aicluster:index:Campus "money" has invalid args: financing.debtUsd = 1000000000; allowed: unset: the lease is stated once, as leaseRatePerYear; or the reported debt: debtUsd, couponRate, debtIssueYear and maturityYear; or debt sized from the capex: partnerDebtShare, couponRate and leaseTermYears');
    expect(msg({ partner: "P", partnerShareOfFacility: 0.5, partnerDebtShare: 0.5, couponRate: 0.05 }))
      .toBe('aicluster:index:Campus "money" has invalid args: financing.leaseTermYears = (missing); allowed: set with partnerDebtShare, couponRate: debt sized from the capex needs the share borrowed (partnerDebtShare), its rate (couponRate) and the lease\'s term (leaseTermYears)');
    expect(inputError(() => model({ location: "x", climate: "central-ohio", halls: [hall("h1")], powerContracts: [grid()], financing: { structure: "own-balance-sheet", constructionLoan: { shareOfCapex: 0.5, rate: 0.06, termYears: 3 } } }, "u")).fields)
      .toEqual(["financing.constructionLoan"]);
    expect(inputError(() => model(campus({ discountRate: 0.08, costOfCapital: "neocloud" }))).fields).toEqual(["discountRate"]);
    expect(inputError(() => model(campus({ costOfCapital: "nope" }))).fields).toEqual(["costOfCapital"]);
  });
});
