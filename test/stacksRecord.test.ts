/**
 * Issue 32, deliverable 8 (stacks to the record): a contract's first-delivery date inside its start year, a contract's
 * status (proposed contracts reported apart and not counted by default), and a lease stated as the debt it services.
 */
import { describe, expect, it } from "vitest";
import type { CampusArgs, CampusHallArgs, CampusPowerContractArgs } from "../components";
import { campusModel } from "../components/model/campus";
import { AiclusterInputError } from "../components/model/inputError";
import { hourOfDate, powerContractModel } from "../components/model/powerContract";
import { annuityUsdPerYear } from "../components/finance/discount";
import { hourlySupplyDetail, type HourlyContract } from "../components/hours/supply";
import { financingLine, supplyNotes } from "../plan/render";
import { buildReport, campusYears as reportYears } from "../plan/report";
import { runPlan } from "../plan/runPlan";
import { loadStackConfig } from "../plan/stackConfig";
import { evaluateRules } from "../policies/evaluate";
import { HYPERION } from "../stacks/hyperion";
import { PROMETHEUS } from "../stacks/prometheus";

const CONTRACT = { type: "aicluster:index:PowerContract", name: "pc" };
const CAMPUS = { type: "aicluster:index:Campus", name: "cp" };

/** The message of what `fn` throws (it must throw an AiclusterInputError). */
function messageOf(fn: () => unknown): string {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(AiclusterInputError);
    return (e as Error).message;
  }
  throw new Error("expected an AiclusterInputError, nothing was thrown");
}

// 2026-09-30 00:00 is hour (31 + 28 + 31 + 30 + 31 + 30 + 31 + 31 + 29 days) × 24 = 272 × 24 = 6,528 of the
// model's 365-day year; from it to the year's end: 8,760 − 6,528 = 2,232 hours.
const SEPT_30 = 6528;
const DELIVERED_HOURS = 2232;

describe("a contract's first-delivery date", () => {
  it("is an hour of the model's 365-day year", () => {
    expect(hourOfDate("2026-01-01")).toBe(0);
    expect(hourOfDate("2026-09-30")).toBe(SEPT_30);
    expect(hourOfDate("2026-12-31")).toBe(8736);
    expect(hourOfDate("2028-02-29")).toBeUndefined(); // the model has no 29 February
    expect(hourOfDate("2026-9-30")).toBeUndefined();
  });

  it("delivers nothing in the hours before it; its energy is pro rata to the hours after", () => {
    // Demand 150 MW every hour. A flat 100 MW nuclear contract at capacity factor 0.9 gives 90 MW from hour 6,528:
    // 90 × 2,232 = 200,880 MWh. A 200 MW dispatchable contract from the same hour covers the other 60 MW:
    // 60 × 2,232 = 133,920 MWh. Before hour 6,528 all 150 MW are unserved: 150 × 6,528 = 979,200 MWh.
    const demand = new Float64Array(8760).fill(150);
    const contracts: HourlyContract[] = [
      { name: "nuclear", contractedMw: 100, capacityFactor: 0.9, carbonIntensityGPerKwh: 0, clean: true, profile: "flat", firstHour: SEPT_30 },
      { name: "gas", contractedMw: 200, capacityFactor: 0.5, carbonIntensityGPerKwh: 400, clean: false, profile: "dispatchable", firstHour: SEPT_30 },
    ];
    const s = hourlySupplyDetail(demand, contracts, { latitudeDeg: 40, longitudeDeg: -83, utcOffsetHours: -5, elevationM: 300 });
    for (const name of ["nuclear", "gas"]) {
      expect(s.suppliedMw[name].subarray(0, SEPT_30).every((mw) => mw === 0), name).toBe(true);
    }
    expect(s.suppliedMw.nuclear[SEPT_30]).toBeCloseTo(90, 9);
    expect(s.suppliedMw.gas[SEPT_30]).toBeCloseTo(60, 9);
    expect(s.suppliedMwh.nuclear).toBeCloseTo(90 * DELIVERED_HOURS, 6); // 200,880
    expect(s.suppliedMwh.gas).toBeCloseTo(60 * DELIVERED_HOURS, 6); // 133,920
    expect(s.unservedMwh).toBeCloseTo(150 * SEPT_30, 6); // 979,200
    expect(s.unservedHours).toBe(SEPT_30);
  });

  it("a battery starting on the date is empty and idle before it", () => {
    const demand = new Float64Array(8760).fill(10);
    const contracts: HourlyContract[] = [
      { name: "solar", contractedMw: 100, capacityFactor: 0.25, carbonIntensityGPerKwh: 0, clean: true, profile: "solar" },
      { name: "battery", contractedMw: 20, capacityFactor: 0, carbonIntensityGPerKwh: 0, clean: true, profile: "storage", firstHour: SEPT_30 },
    ];
    const s = hourlySupplyDetail(demand, contracts, { latitudeDeg: 40, longitudeDeg: -83, utcOffsetHours: -5, elevationM: 300 });
    expect(s.suppliedMw.battery.subarray(0, SEPT_30).every((mw) => mw === 0)).toBe(true);
    expect(s.storedMwh.subarray(0, SEPT_30).every((e) => e === 0)).toBe(true);
    expect(s.suppliedMwh.battery).toBeGreaterThan(0);
  });

  it("is refused when it is no date of the model's year, or not in startYear, naming the field and what is allowed", () => {
    const base = { counterparty: "Williams", source: "gas-turbine", market: "behind-the-meter", contractedMw: 200, firmFraction: 1 };
    const allowed = 'an ISO date YYYY-MM-DD of a year 2000 to 2100 (e.g. "2026-09-30"; February 29 is not modelled: the model\'s year has 365 days)';
    expect(messageOf(() => powerContractModel({ ...base, startDate: "30/09/2026" }, CONTRACT))).toBe(`aicluster:index:PowerContract "pc" has invalid args: startDate = "30/09/2026"; allowed: ${allowed}`);
    expect(messageOf(() => powerContractModel({ ...base, startDate: "2028-02-29" }, CONTRACT))).toBe(`aicluster:index:PowerContract "pc" has invalid args: startDate = "2028-02-29"; allowed: ${allowed}`);
    expect(messageOf(() => powerContractModel({ ...base, startDate: "2026-13-01" }, CONTRACT))).toBe(`aicluster:index:PowerContract "pc" has invalid args: startDate = "2026-13-01"; allowed: ${allowed}`);
    expect(messageOf(() => powerContractModel({ ...base, startYear: 2027, startDate: "2026-09-30" }, CONTRACT))).toBe(
      'aicluster:index:PowerContract "pc" has invalid args: startDate = "2026-09-30"; allowed: a date in startYear (2027), or unset startYear (the date sets it)',
    );
    expect(messageOf(() => powerContractModel({ ...base, startDate: 20260930 as never }, CONTRACT))).toBe(
      'aicluster:index:PowerContract "pc" has invalid args: startDate = 20260930; allowed: an ISO date, YYYY-MM-DD (e.g. "2026-09-30")',
    );
  });

  it("sets startYear, and the term counts from it", () => {
    const f = powerContractModel({ counterparty: "W", source: "gas-turbine", market: "behind-the-meter", contractedMw: 200, firmFraction: 1, startDate: "2026-09-30", termYears: 10 }, CONTRACT);
    expect([f.startYear, f.startDate, f.endYear, f.status]).toEqual([2026, "2026-09-30", 2035, "contracted"]);
  });
});

/** A small hall: a few NVL72 racks behind adiabatic coolers. */
function hall(name: string, onlineYear: number): CampusHallArgs {
  return { name, onlineYear, racks: [{ name: "nvl", design: "gb200-nvl72", rackCount: 4, supplyTempC: 40 }], cooling: { technology: "adiabatic" } };
}

function campus(powerContracts: CampusPowerContractArgs[], over: Partial<CampusArgs> = {}): CampusArgs {
  return { location: "New Albany, Ohio", climate: "central-ohio", halls: [hall("h1", 2026)], horizonEndYear: 2027, powerContracts, ...over };
}

describe("the year ledger with a contract starting on 2026-09-30", () => {
  // A flat (nuclear) physical contract below the load in every hour (0.09 MW against a hall of about 0.5 MW): every
  // MWh it can give is taken, so its year energy is exactly 0.1 MW × capacity factor 0.9 × hours delivered:
  // 2026 = 0.09 × 2,232 = 200.88 MWh, 2027 = 0.09 × 8,760 = 788.4 MWh.
  const args = campus([
    { name: "grid", counterparty: "AEP", source: "grid-pjm-ohio", contractedMw: 5 },
    { name: "late", counterparty: "Plant", source: "nuclear", market: "pjm", contractedMw: 0.1, capacityFactor: 0.9, firmFraction: 1, startDate: "2026-09-30", priceUsdPerMwh: 100 },
  ]);
  const f = campusModel(args, CAMPUS);
  const [y2026, y2027] = f.years;

  it("energy and cost are pro rata in the start year", () => {
    expect(f.years.map((r) => r.year)).toEqual([2026, 2027]);
    expect(y2026.contractsStartingLate).toEqual(["late from 2026-09-30"]);
    expect(y2027.contractsStartingLate).toBeUndefined();
    // Cost of the campus = grid price × (demand − late MWh) + $100 × late MWh; the grid-only campus costs grid price ×
    // demand (the same halls, the same demand), so late MWh = (cost − grid-only cost) / ($100 − grid price).
    const energyOf = (i: number) => f.costYears[i].energyCostUsd.base;
    const grid = (i: number) => campusModel(campus([{ name: "grid", counterparty: "AEP", source: "grid-pjm-ohio", contractedMw: 5 }]), CAMPUS).costYears[i].energyCostUsd.base;
    expect(y2026.contractsActive).toContain("late");
    // The grid's catalog price escalates 1.7 % a year from 2025 (EIA AEO2025); the late plant's stated $100 does not.
    const gridPrice = (i: number) => f.contracts.find((c) => c.name === "grid")!.energyUsdPerMwh!.base * Math.pow(1.017, 2026 + i - 2025);
    const lateMwh = (i: number) => (energyOf(i) - grid(i)) / (100 - gridPrice(i));
    expect(lateMwh(0)).toBeCloseTo(0.09 * DELIVERED_HOURS, 3); // 200.88 MWh
    expect(lateMwh(1)).toBeCloseTo(0.09 * 8760, 3); // 788.4 MWh
  });

  it("firm power binds in the hours before the date, counting only the contracts delivering then", () => {
    // 2026: the grid's 5 MW alone before 30 September (the binding hour is then), 5.1 MW from it; 2027: 5.1 MW all year.
    expect(y2026.ratedFirmMw).toBeCloseTo(5.1, 12);
    expect(y2026.firmMw).toBe(5);
    expect(hourOfDate(y2026.firmHour!.slice(0, 10))!).toBeLessThan(SEPT_30);
    expect(y2026.firmHeadroomMw).toBeCloseTo(5 - y2026.firmHourFacilityMw!, 9);
    expect(y2027.firmMw).toBeCloseTo(5.1, 12);
    expect(y2027.firmHour).toBeUndefined();
  });
});

describe("a contract's status", () => {
  const proposed: CampusPowerContractArgs = { name: "expansion", counterparty: "Utility", source: "gas-ccgt", contractedMw: 3, firmFraction: 1, startYear: 2027, status: "proposed" };
  const grid: CampusPowerContractArgs = { name: "grid", counterparty: "AEP", source: "grid-pjm-ohio", contractedMw: 1 };

  it("is refused unless contracted, approved or proposed", () => {
    expect(messageOf(() => powerContractModel({ counterparty: "U", source: "grid-pjm-ohio", contractedMw: 1, status: "maybe" }, CONTRACT))).toBe(
      'aicluster:index:PowerContract "pc" has invalid args: status = "maybe"; allowed: "contracted", "approved" or "proposed"',
    );
    expect(messageOf(() => campusModel(campus([grid], { proposedContracts: "sometimes" }), CAMPUS))).toBe(
      'aicluster:index:Campus "cp" has invalid args: proposedContracts = "sometimes"; allowed: "exclude" (the default: a proposed contract delivers nothing and counts for no firm MW) or "count"',
    );
  });

  it("proposed: reported each year, not counted by default, counted on request", () => {
    const excluded = campusModel(campus([grid, proposed]), CAMPUS);
    const counted = campusModel(campus([grid, proposed], { proposedContracts: "count" }), CAMPUS);
    expect(excluded.proposedContracts).toBe("exclude");
    const e2027 = excluded.years[1];
    const c2027 = counted.years[1];
    expect([e2027.proposedContracts, e2027.proposedMw, e2027.proposedFirmMw]).toEqual([["expansion"], 3, 0]);
    expect([c2027.proposedContracts, c2027.proposedMw, c2027.proposedFirmMw]).toEqual([["expansion"], 3, 3]);
    expect(e2027.contractsActive).toEqual(["grid"]);
    expect(e2027.firmMw).toBe(1);
    expect(c2027.contractsActive).toEqual(["grid", "expansion"]);
    expect(c2027.firmMw).toBeCloseTo(1 + 3 * 1, 0); // rated; the CCGT's derating may take a little off in the binding hour
    expect(excluded.years[0].proposedContracts).toBeUndefined();
    const notes = (f: typeof excluded) => supplyNotes({ campus: "cp", rows: f.years, proposedContracts: f.proposedContracts });
    expect(notes(excluded)).toEqual(['Proposed contracts, not counted (proposedContracts "exclude", the default; "count" plans with them): expansion (2027-2027), up to 3 MW.']);
    expect(notes(counted)).toEqual(['Proposed contracts counted as if contracted (proposedContracts "count"): expansion (2027-2027), up to 3 MW; the firm MW above rest on them in those years.']);
  });
});

describe("a lease stated as the debt it services", () => {
  const grid: CampusPowerContractArgs = { name: "grid", counterparty: "AEP", source: "grid-pjm-ohio", contractedMw: 2 };
  const debt = { partner: "JV", partnerShareOfFacility: 0.8, debtUsd: 27.3e9, couponRate: 0.0658, debtIssueYear: 2025, maturityYear: 2049 };

  it("pays the level annuity 27.3e9 × r / (1 − (1 + r)^−n) in each year of the debt", () => {
    // r = 0.0658, n = 2049 − 2025 = 24: 1.0658^24 = 4.6155..., so 27.3e9 × 0.0658 / (1 − 1 / 4.6155) = $2.2931B.
    const byHand = (27.3e9 * 0.0658) / (1 - Math.pow(1.0658, -24));
    expect(byHand).toBeCloseTo(2.2931e9, -6);
    expect(annuityUsdPerYear(27.3e9, 0.0658, 24) / byHand).toBeCloseTo(1, 12);
    expect(annuityUsdPerYear(24e9, 0, 24)).toBe(1e9);
    const f = campusModel(campus([grid], { financing: debt }), CAMPUS);
    // The partner's capex (80 % of a 2 MW campus's facility) is far below the debt: the lease is its service alone.
    for (const r of f.costYears) for (const e of ["low", "base", "high"] as const) expect(r.leasePaymentsUsd[e] / byHand).toBeCloseTo(1, 12);
    expect(financingLine(f)).toBe("Financing: JV funds 80 % of the facility; lease services its debt: $27.3B at 6.58 %, issued 2025, due 2049 ($2.29B a year, level annuity), plus its equity beyond the debt recovered at the catalog's infrastructure-equity return.");
    // Outside the years of the debt the lease is 0.
    const after = campusModel(campus([grid], { financing: { ...debt, debtIssueYear: 2000, maturityYear: 2026 } }), CAMPUS);
    expect(after.costYears.map((r) => r.leasePaymentsUsd.base)).toEqual([annuityUsdPerYear(27.3e9, 0.0658, 26), 0]);
    // The lenders pay out the debt in its issue year and are repaid to maturity: their flows return the coupon.
    const lenders = f.finance.cashFlows.map((c) => c.lendersUsd.base);
    expect(f.finance.cashFlows[0].year).toBe(2025);
    expect(f.finance.cashFlows.at(-1)!.year).toBe(2049);
    expect(f.finance.parties.find((p) => p.role === "lenders")!.irr!.base).toBeCloseTo(0.0658, 9);
    expect(lenders[0]).toBe(-27.3e9);
  });

  it("bad financing values are refused with the field, the value and what is allowed", () => {
    const head = 'aicluster:index:Campus "cp" has invalid args: ';
    expect(messageOf(() => campusModel(campus([grid], { financing: { ...debt, leaseRatePerYear: 0.084 } }), CAMPUS))).toBe(
      `${head}financing.debtUsd = 27300000000; allowed: unset: the lease is stated once, as leaseRatePerYear; or the reported debt: debtUsd, couponRate, debtIssueYear and maturityYear; or debt sized from the capex: partnerDebtShare, couponRate and leaseTermYears`,
    );
    const { maturityYear: _m, ...partial } = debt;
    expect(messageOf(() => campusModel(campus([grid], { financing: partial }), CAMPUS))).toBe(
      `${head}financing.maturityYear = (missing); allowed: set with debtUsd, couponRate, debtIssueYear: a level annuity needs the principal (debtUsd), the rate (couponRate), the issue year (debtIssueYear) and the maturity (maturityYear)`,
    );
    expect(messageOf(() => campusModel(campus([grid], { financing: { ...debt, maturityYear: 2025 } }), CAMPUS))).toBe(
      `${head}financing.maturityYear = 2025; allowed: a year after debtIssueYear (2025), at most 60 years after it (2026 to 2085)`,
    );
    expect(messageOf(() => campusModel(campus([grid], { financing: { partner: "JV", partnerShareOfFacility: 0.8 } }), CAMPUS))).toBe(
      `${head}financing.leaseRatePerYear = (missing); allowed: the lease, stated one way: leaseRatePerYear; or the reported debt: debtUsd, couponRate, debtIssueYear and maturityYear; or debt sized from the capex: partnerDebtShare, couponRate and leaseTermYears`,
    );
    expect(messageOf(() => campusModel(campus([grid], { financing: { ...debt, couponRate: 0.4 } }), CAMPUS))).toBe(`${head}financing.couponRate = 0.4; allowed: a number from 0 to 0.3 (share per year)`);
    expect(messageOf(() => campusModel(campus([grid], { financing: { ...debt, debtUsd: -1 } }), CAMPUS))).toBe(`${head}financing.debtUsd = -1; allowed: a number above 0 and up to 10,000,000,000,000 USD`);
  });
});

describe("the stacks on the record", () => {
  it("Socrates: the approved 2 × 200 MW from 2026-09-30; the reported upsizing proposed only", () => {
    const socrates = PROMETHEUS.powerContracts.filter((c) => c.name.startsWith("socrates"));
    expect(socrates.map((c) => [c.name, c.contractedMw, c.startDate ?? c.startYear, c.status ?? "contracted"])).toEqual([
      ["socrates-south", 200, "2026-09-30", "contracted"],
      ["socrates-north", 200, "2026-09-30", "contracted"],
      ["socrates-expansion", 100, 2027, "proposed"],
    ]);
  });

  it("Entergy's further 5,238 MW are proposed; the lease services the JV's $27.3B at 6.58 % to 2049", () => {
    const expansion = HYPERION.powerContracts.find((c) => c.name === "entergy-ccgt-expansion")!;
    expect([expansion.contractedMw, expansion.status]).toEqual([5238, "proposed"]);
    expect(HYPERION.financing).toEqual({ partner: "Blue Owl (Beignet Investor LLC)", partnerShareOfFacility: 0.8, debtUsd: 27.3e9, couponRate: 0.0658, debtIssueYear: 2025, maturityYear: 2049 });
  });

  it("Hyperion's plan: the lease each year is the annuity at the stack's scale, and the proposed contract is reported apart", async () => {
    const run = await runPlan({ stack: "hyperion", config: loadStackConfig("hyperion") });
    const report = buildReport(run, 3);
    const builtScale = run.outputs.builtScale as number;
    const annuity = (27.3e9 * builtScale * 0.0658) / (1 - Math.pow(1.0658, -24));
    const costs = report.costs![0];
    // The lease: the debt's service, plus the partner's capex beyond the debt's proceeds recovered as equity at the
    // catalog's 10 % from the next year to 2049 (written out here: the proceeds pay the capex first, year by year).
    const recovery = new Map<number, number>();
    let pool = 27.3e9 * builtScale;
    for (const r of costs.rows) {
      const fromDebt = Math.min(pool, r.partnerCapexUsd.base);
      pool -= fromDebt;
      const equity = r.partnerCapexUsd.base - fromDebt;
      const n = 2049 - r.year!;
      for (let y = r.year! + 1; y <= 2049 && equity > 0; y++) recovery.set(y, (recovery.get(y) ?? 0) + (equity * 0.1) / (1 - Math.pow(1.1, -n)));
    }
    expect(recovery.size).toBeGreaterThan(0);
    for (const r of costs.rows) expect(r.leasePaymentsUsd.base, String(r.year)).toBeCloseTo(annuity + (recovery.get(r.year!) ?? 0), 3);
    const years = reportYears(run.views)[0];
    expect(years.proposedContracts).toBe("exclude");
    expect(years.rows.filter((r) => r.proposedContracts?.includes("entergy-ccgt-expansion")).map((r) => r.year)).toEqual([2031, 2032, 2033, 2034, 2035, 2036, 2037, 2038, 2039, 2040, 2041]);
    // Not counted: no renewal is asked of a contract the campus does not count.
    const expiry = evaluateRules(run.views).filter((f) => f.policy === "contract-expiry" && f.resourceName.includes("entergy-ccgt-expansion"));
    expect(expiry.map((f) => f.status)).toEqual(["pass"]);
    // Not counted, the proposed-supply rule passes (nothing rests on them); the plan lists them under the year table.
    expect(run.findings.filter((f) => f.policy === "proposed-supply").map((f) => [f.status, f.message])).toEqual([["pass", "hyperion: proposed contracts listed, not counted"]]);
  }, 180_000);

  it("Hyperion counting its proposed contracts: the proposed-supply advisory names them, the years and the firm MW resting on them", async () => {
    const run = await runPlan({ stack: "hyperion", config: loadStackConfig("hyperion", { "aicluster:proposedContracts": "count" }) });
    // 2034, the first year of the full 5,238 MW (× scale 0.001): rated firm 1.508 + 0.754 + 5.238 = 7.5 MW, 2.262 without.
    expect(run.findings.filter((f) => f.policy === "proposed-supply").map((f) => [f.status, f.enforcementLevel, f.year, f.message])).toEqual([[
      "violation", "advisory", 2034,
      "hyperion: firm power in 2031-2041 rests on proposed contracts (entergy-ccgt-expansion; announced or filed, not approved): 5.238 MW of 7.5 MW firm at ISO 15 °C in 2034, 2.262 MW without them",
    ]]);
    // Prometheus's proposed Socrates upsizing, counted, likewise (0.1 MW of 0.75 MW in 2027, the first year of it).
    const prometheus = await runPlan({ stack: "prometheus", config: loadStackConfig("prometheus", { "aicluster:proposedContracts": "count" }) });
    expect(prometheus.findings.filter((f) => f.policy === "proposed-supply").map((f) => f.message)).toEqual([
      "prometheus: firm power in 2027-2035 rests on proposed contracts (socrates-expansion; announced or filed, not approved): 0.1 MW of 0.75 MW firm at ISO 15 °C in 2027, 0.65 MW without them",
    ]);
  }, 180_000);
});
