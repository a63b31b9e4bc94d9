/**
 * Money arithmetic checked by hand (issue 35): annuities, present values, the internal rate of return, refresh
 * years, party cash flows that balance, and a sale-leaseback at zero spread that leaves the owner's NPV unchanged.
 * Every expected figure below is worked out in the comment beside it, not by the code under test.
 */
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { annuityUsdPerYear, capitalRecoveryFactor, discountFactor, internalRateOfReturn, presentValueUsd, signChanges } from "../components/finance/discount";
import { billedDemandMw, capacityChargeUsd, daysInYear, demandChargeUsd, escalationFactor, ppaSettlementRange, ppaSettlementUsd } from "../components/finance/energyMoney";
import { refreshYears, withRefreshes } from "../components/finance/refresh";
import { FinancingTerms, partyFlows, ProjectYear } from "../components/finance/parties";
import { capitalChargeUsd } from "../components/costs/campusCost";

describe("annuity and present value, by hand", () => {
  it("capital recovery factor at 8 % over 10 years is 0.149029 (0.08 / (1 − 1.08^−10) = 0.08 / 0.536807)", () => {
    expect(capitalRecoveryFactor(0.08, 10)).toBeCloseTo(0.149029, 6);
    // $1,000 over 3 years at 10 %: 1000 × 0.1 / (1 − 1/1.331) = 100 / 0.248685 = 402.115
    expect(annuityUsdPerYear(1000, 0.1, 3)).toBeCloseTo(402.115, 3);
    // At 0 %: straight repayment.
    expect(annuityUsdPerYear(1200, 0, 4)).toBe(300);
    // The Hyperion bonds: $27.3B at 6.58 % over 24 years (2026-2049) = $2.2932B a year (audit-2026-12: "$2.29B/yr").
    expect(annuityUsdPerYear(27.3e9, 0.0658, 24) / 1e9).toBeCloseTo(2.293, 3);
  });

  it("a zero or negative number of years is refused, not divided by", () => {
    expect(() => capitalRecoveryFactor(0.05, 0)).toThrow("years must be above 0, got 0");
    // A rate so small that 1 + r rounds to 1 is still a finite payment: principal / years.
    expect(capitalRecoveryFactor(5e-324, 4)).toBeCloseTo(0.25, 12);
    expect(capitalRecoveryFactor(1e-17, 2)).toBeCloseTo(0.5, 12);
  });

  it("NPV of −100 now and +60 in each of two years at 10 %: −100 + 54.545 + 49.587 = 4.132", () => {
    const flows = [{ year: 2030, usd: -100 }, { year: 2031, usd: 60 }, { year: 2032, usd: 60 }];
    expect(presentValueUsd(flows, 0.1, 2030)).toBeCloseTo(4.1322, 4);
    // Stated in 2031 instead: every flow a year less discounted, × 1.1.
    expect(presentValueUsd(flows, 0.1, 2031)).toBeCloseTo(4.1322 * 1.1, 4);
    expect(discountFactor(0.1, -1)).toBeCloseTo(1.1, 12);
    // The repaid annuity is worth its principal at its own rate.
    const pay = annuityUsdPerYear(1000, 0.07, 12);
    expect(presentValueUsd(Array.from({ length: 12 }, (_, i) => ({ year: 2031 + i, usd: pay })), 0.07, 2030)).toBeCloseTo(1000, 8);
  });

  it("IRR: −100, +60, +60 returns 13.07 % (the root of 60/(1+r) + 60/(1+r)² = 100, r = (−0.4 + √1.6·… ) solved: 0.130662)", () => {
    // 100(1+r)² − 60(1+r) − 60 = 0 → 1 + r = (60 + √(3600 + 24000)) / 200 = (60 + 166.1325) / 200 = 1.130662
    expect(internalRateOfReturn([-100, 60, 60])).toBeCloseTo(0.130662, 6);
    expect(internalRateOfReturn([-100, 0, 121])).toBeCloseTo(0.1, 9);
    // No sign change: no rate. Two sign changes: no unique rate, so none.
    expect(internalRateOfReturn([-1, -2, -3])).toBeUndefined();
    expect(internalRateOfReturn([-100, 230, -132])).toBeUndefined();
    expect(signChanges([-1, 0, 2, 0, -3])).toBe(2);
  });

  it("property: a level annuity of P at rate r over n years has IRR r and PV P at r", () => {
    fc.assert(fc.property(fc.double({ min: 0.001, max: 0.3, noNaN: true }), fc.integer({ min: 1, max: 40 }), fc.double({ min: 1, max: 1e10, noNaN: true }), (r, n, p) => {
      const pay = annuityUsdPerYear(p, r, n);
      const irr = internalRateOfReturn([-p, ...Array.from({ length: n }, () => pay)])!;
      expect(irr).toBeCloseTo(r, 6);
      expect(presentValueUsd(Array.from({ length: n }, (_, i) => ({ year: i + 1, usd: pay })), r, 0) / p).toBeCloseTo(1, 9);
    }), { numRuns: 200 });
  });
});

describe("energy money, by hand", () => {
  it("escalation, capacity, demand with a minimum, PPA settlement", () => {
    // 1.7 %/yr from 2025 to 2030: 1.017² = 1.034289, ⁴ = 1.069754, ⁵ = 1.087940
    expect(escalationFactor(0.017, 2025, 2030)).toBeCloseTo(1.08794, 5);
    expect(escalationFactor(undefined, 2025, 2030)).toBe(1);
    expect(daysInYear(2028)).toBe(366);
    expect(daysInYear(2100)).toBe(365);
    // PJM 2027/28: $333.44/MW-day × 365 × 120 MW = $14,604,672
    expect(capacityChargeUsd(333.44, 365, 120)).toBeCloseTo(14_604_672, 3);
    // AEP Ohio: 250 MW contracted, 120 MW drawn: billed 0.85 × 250 = 212.5 MW; at $9/kW-month: 9 × 12 × 212,500 = $22.95M
    expect(billedDemandMw(120, 250, 0.85)).toBe(212.5);
    expect(billedDemandMw(240, 250, 0.85)).toBe(240);
    expect(demandChargeUsd(9, 212.5)).toBe(22_950_000);
    // A nuclear VPPA: strike 85, hub 50.51, 1,000 MWh: pays 34,490; at a hub of 90 it receives 5,000.
    expect(ppaSettlementUsd(85, 50.51, 1000)).toBeCloseTo(34_490, 6);
    expect(ppaSettlementUsd(85, 90, 1000)).toBeCloseTo(-5000, 6);
    // The range: low = low strike − high hub, high = high strike − low hub.
    expect(ppaSettlementRange({ low: 70, base: 85, high: 100 }, { low: 33.74, base: 50.51, high: 60 }, 10)).toEqual({ low: 100, base: expect.closeTo(344.9, 6), high: expect.closeTo(662.6, 6) });
  });
});

describe("refresh: capex in exactly the years it is due", () => {
  it("a 5.5-year rack of 2029 is replaced in 2035 and 2041; a 15-year plant of 2029 in 2044; nothing after the horizon", () => {
    expect(refreshYears(2029, 5.5, 2041)).toEqual([2035, 2041]);
    expect(refreshYears(2029, 5.5, 2040)).toEqual([2035]);
    expect(refreshYears(2029, 15, 2043)).toEqual([]);
    expect(refreshYears(2029, 15, 2044)).toEqual([2044]);
    expect(refreshYears(2030, 5, 2045)).toEqual([2035, 2040, 2045]);
  });

  it("withRefreshes: each replacement retires the one before; a later design changes the price and the GPUs from its first refresh", () => {
    const line = (category: string, base: number, life: number) => ({ category, capexUsd: { low: base, base, high: base }, usefulLifeYears: life, maintenanceShareOfCapex: 0.02 });
    const { assets, events } = withRefreshes([{
      name: "hall-1", year: 2030, lines: [line("network", 10, 5.5), line("shell", 100, 25)],
      rackGroups: [{ design: "gb300-nvl72", capexUsd: { low: 40, base: 40, high: 40 }, usefulLifeYears: 5.5, maintenanceShareOfCapex: 0.03, gpuCount: 720, next: { design: "vera-rubin-nvl72", rackCount: 6, gpuCount: 432, capexUsd: { low: 47, base: 47, high: 47 }, usefulLifeYears: 5.5, maintenanceShareOfCapex: 0.03 } }],
    }], 2042, "like-for-like");
    expect(events.map((e) => [e.year, e.category, e.toDesign ?? "", e.capexUsd.base])).toEqual([
      [2036, "network", "", 10], [2036, "it-hardware", "vera-rubin-nvl72", 47], [2042, "network", "", 10], [2042, "it-hardware", "", 47],
    ]);
    const racks = assets.filter((a) => a.gpuCount > 0).map((a) => [a.year, a.retiredYear, a.gpuCount, a.refresh]);
    expect(racks).toEqual([[2030, 2036, 720, false], [2036, 2042, 432, true], [2042, undefined, 432, true]]);
    // The shell (25 years) is never replaced within 2030-2042.
    expect(assets.filter((a) => a.lines[0].category === "shell")).toHaveLength(1);
    expect(withRefreshes([{ name: "h", year: 2030, lines: [line("network", 10, 5.5)], rackGroups: [] }], 2042, "none").events).toEqual([]);
  });

  it("capital charge: $1,000 of a 10-year asset at 8 % is $149.03 a year in its life, pro rata in a fractional last year, 0 after", () => {
    const r = { low: 0.08, base: 0.08, high: 0.08 };
    const k = { low: 1000, base: 1000, high: 1000 };
    expect(capitalChargeUsd(k, 0, 10, r).base).toBeCloseTo(149.029, 3);
    expect(capitalChargeUsd(k, 10, 10, r).base).toBe(0);
    // 5.5 years: the sixth year (age 5) carries half a payment.
    expect(capitalChargeUsd(k, 5, 5.5, r).base).toBeCloseTo(0.5 * 1000 * capitalRecoveryFactor(0.08, 5.5), 9);
  });
});

/** Random project years with a partner's share, and a financing of each structure. */
const projectArb = fc.array(fc.record({ capex: fc.double({ min: 0, max: 1e10, noNaN: true }), share: fc.double({ min: 0, max: 1, noNaN: true }), opex: fc.double({ min: 0, max: 1e9, noNaN: true }) }), { minLength: 1, maxLength: 15 })
  .map((rows): ProjectYear[] => rows.map((r, i) => ({ year: 2030 + i, capexUsd: r.capex, partnerCapexUsd: r.capex * r.share * 0.5, opexUsd: r.opex })));
const loanArb = fc.option(fc.record({ shareOfCapex: fc.double({ min: 0.01, max: 1, noNaN: true }), rate: fc.double({ min: 0, max: 0.3, noNaN: true }), termYears: fc.integer({ min: 1, max: 10 }) }), { nil: undefined });
const termsArb: fc.Arbitrary<FinancingTerms> = fc.oneof(
  fc.record({ rate: fc.double({ min: 0, max: 0.5, noNaN: true }), loan: loanArb }).map(({ rate, loan }) => ({ structure: "joint-venture" as const, partnerShareOfFacility: 0.5, partnerEquityReturn: 0.1, leaseRatePerYear: rate, ...(loan ? { constructionLoan: loan } : {}) })),
  fc.record({ d: fc.double({ min: 1, max: 1e11, noNaN: true }), c: fc.double({ min: 0, max: 0.3, noNaN: true }), issue: fc.integer({ min: 2020, max: 2035 }), n: fc.integer({ min: 1, max: 40 }), eq: fc.double({ min: 0, max: 0.5, noNaN: true }) })
    .map(({ d, c, issue, n, eq }) => ({ structure: "joint-venture" as const, partnerShareOfFacility: 0.5, partnerEquityReturn: eq, debt: { debtUsd: d, couponRate: c, debtIssueYear: issue, maturityYear: issue + n } })),
  fc.record({ s: fc.double({ min: 0, max: 1, noNaN: true }), c: fc.double({ min: 0, max: 0.3, noNaN: true }), t: fc.integer({ min: 1, max: 30 }), eq: fc.double({ min: 0, max: 0.5, noNaN: true }) })
    .map(({ s, c, t, eq }) => ({ structure: "joint-venture" as const, partnerShareOfFacility: 0.5, partnerEquityReturn: eq, sizedDebt: { partnerDebtShare: s, couponRate: c, leaseTermYears: t } })),
  fc.record({ y: fc.integer({ min: 2030, max: 2044 }), p: fc.option(fc.double({ min: 1, max: 1e10, noNaN: true }), { nil: undefined }), rate: fc.double({ min: 0, max: 0.3, noNaN: true }), t: fc.integer({ min: 1, max: 60 }), loan: loanArb })
    .map(({ y, p, rate, t, loan }) => ({ structure: "sale-leaseback" as const, partnerShareOfFacility: 0, partnerEquityReturn: 0, sale: { saleYear: y, ...(p === undefined ? {} : { salePriceUsd: p }), leaseRate: rate, leaseTermYears: t }, ...(loan ? { constructionLoan: loan } : {}) })),
);

describe("cash flows by party", () => {
  it("property: owner + partner + lenders = the campus's own flow, −(capex + opex), in every year; 0 outside the horizon", () => {
    fc.assert(fc.property(projectArb, termsArb, fc.double({ min: 0, max: 1e10, noNaN: true }), (years, terms, book) => {
      const flows = partyFlows({ years: years.map((y) => (terms.structure === "sale-leaseback" ? { ...y, partnerCapexUsd: 0 } : y)), terms, saleBookValueUsd: book });
      const horizon = new Map(years.map((y) => [y.year, y]));
      for (const f of flows) {
        const y = horizon.get(f.year);
        const project = y ? -(y.capexUsd + y.opexUsd) : 0;
        expect(f.project).toBeCloseTo(project, 0);
        const scale = Math.max(1, Math.abs(f.owner), Math.abs(f.partner), Math.abs(f.lenders));
        expect((f.owner + f.partner + f.lenders - project) / scale).toBeCloseTo(0, 9);
      }
      // Consecutive years, the horizon's among them.
      flows.slice(1).forEach((f, i) => expect(f.year).toBe(flows[i].year! + 1));
      for (const y of years) expect(flows.some((f) => f.year === y.year)).toBe(true);
    }), { numRuns: 300 });
  });

  it("joint venture with debt sized from the capex: lenders earn the coupon, the partner's equity its required return, exactly", () => {
    // $1,000 of partner capex in 2030, 60 % borrowed at 5 % over 10 years, equity at 9 %.
    const years: ProjectYear[] = [{ year: 2030, capexUsd: 4000, partnerCapexUsd: 1000, opexUsd: 0 }];
    const terms: FinancingTerms = { structure: "joint-venture", partnerShareOfFacility: 0.25, partnerEquityReturn: 0.09, sizedDebt: { partnerDebtShare: 0.6, couponRate: 0.05, leaseTermYears: 10 } };
    const flows = partyFlows({ years, terms });
    expect(flows.map((f) => f.year)).toEqual(Array.from({ length: 11 }, (_, i) => 2030 + i));
    // Lease = 600 × CRF(5 %, 10) + 400 × CRF(9 %, 10) = 600 × 0.129505 + 400 × 0.155820 = 77.703 + 62.328 = 140.031
    expect(flows[1].lease).toBeCloseTo(140.031, 2);
    expect(internalRateOfReturn(flows.map((f) => f.lenders))).toBeCloseTo(0.05, 9);
    expect(internalRateOfReturn(flows.map((f) => f.equityBack - f.equityIn))).toBeCloseTo(0.09, 9);
    // The partner puts in 1,000 and borrows 600: its own flow in 2030 is −400.
    expect(flows[0].partner).toBeCloseTo(-400, 9);
    expect(flows[0].owner).toBeCloseTo(-3000, 9);
  });

  it("joint venture with reported debt: the partner's capex beyond the proceeds is equity, recovered to maturity", () => {
    // Debt 500 in 2028 at 6 % to 2038 (10 payments of 67.934); partner capex 800 in 2030: 500 from the proceeds, 300 equity
    // recovered over 2031-2038 (8 years) at 10 %: 300 × CRF(10 %, 8) = 300 × 0.187444 = 56.233.
    const flows = partyFlows({ years: [{ year: 2030, capexUsd: 1000, partnerCapexUsd: 800, opexUsd: 0 }], terms: { structure: "joint-venture", partnerShareOfFacility: 0.8, partnerEquityReturn: 0.1, debt: { debtUsd: 500, couponRate: 0.06, debtIssueYear: 2028, maturityYear: 2038 } } });
    const at = (y: number) => flows.find((f) => f.year === y)!;
    expect(at(2028).lenders).toBe(-500);
    expect(at(2029).lease).toBeCloseTo(67.934, 3);
    expect(at(2031).lease).toBeCloseTo(67.934 + 56.233, 3);
    expect(at(2030).equityIn).toBe(300);
    expect(internalRateOfReturn(flows.map((f) => f.equityBack - f.equityIn))).toBeCloseTo(0.1, 9);
    expect(flows[flows.length - 1].year).toBe(2038);
  });

  it("sale-leaseback with zero spread (lease rate = discount rate) is cash-neutral over its term: the owner's NPV does not move", () => {
    const years: ProjectYear[] = [2030, 2031, 2032, 2033].map((year) => ({ year, capexUsd: year === 2030 ? 5000 : 0, partnerCapexUsd: 0, opexUsd: 200 }));
    const rate = 0.087;
    const own = partyFlows({ years });
    const slb = partyFlows({ years, terms: { structure: "sale-leaseback", partnerShareOfFacility: 0, partnerEquityReturn: 0, sale: { saleYear: 2031, leaseRate: rate, leaseTermYears: 15 } }, saleBookValueUsd: 4200 });
    const npv = (f: typeof own) => presentValueUsd(f.map((x) => ({ year: x.year, usd: x.owner })), rate, 2030);
    expect(npv(slb)).toBeCloseTo(npv(own), 6);
    // The buyer's return is the lease rate; at a 1-point spread the owner is worse off by the spread's present value.
    expect(internalRateOfReturn(slb.map((f) => f.partner))).toBeCloseTo(rate, 9);
    const dear = partyFlows({ years, terms: { structure: "sale-leaseback", partnerShareOfFacility: 0, partnerEquityReturn: 0, sale: { saleYear: 2031, leaseRate: rate + 0.01, leaseTermYears: 15 } }, saleBookValueUsd: 4200 });
    // 4200 × (CRF(9.7 %, 15) − CRF(8.7 %, 15)) a year for 15 years, discounted from 2032 to 2030 at 8.7 %.
    const extra = 4200 * (capitalRecoveryFactor(rate + 0.01, 15) - capitalRecoveryFactor(rate, 15));
    const pvExtra = extra * (1 - Math.pow(1 + rate, -15)) / rate / (1 + rate);
    expect(npv(own) - npv(dear)).toBeCloseTo(pvExtra, 6);
  });

  it("a construction loan: drawn with the capex, interest-only, repaid at its term; the lenders earn its rate", () => {
    const flows = partyFlows({ years: [{ year: 2030, capexUsd: 1000, partnerCapexUsd: 0, opexUsd: 0 }], terms: { structure: "own-balance-sheet", partnerShareOfFacility: 0, partnerEquityReturn: 0, constructionLoan: { shareOfCapex: 0.5, rate: 0.0615, termYears: 3 } } });
    // 500 drawn in 2030; 30.75 interest in 2031-2033; 500 back in 2033.
    expect(flows.map((f) => [f.year, +f.lenders.toFixed(6)])).toEqual([[2030, -500], [2031, 30.75], [2032, 30.75], [2033, 530.75]]);
    expect(flows[0].owner).toBe(-500);
    expect(internalRateOfReturn(flows.map((f) => f.lenders))).toBeCloseTo(0.0615, 9);
  });
});

describe("merging assets by year is exact", () => {
  it("property: the cost ledger and the book values of merged assets equal those of the assets one by one", async () => {
    const { coalesced } = await import("../components/finance/refresh");
    const { campusCost } = await import("../components/costs/campusCost");
    const { bookValueUsd } = await import("../components/finance/campusFinance");
    const lineArb = fc.record({
      category: fc.constantFrom("it-hardware", "network", "shell", "electrical"),
      capexUsd: fc.double({ min: 0, max: 1e9, noNaN: true }).map((b) => ({ low: 0.8 * b, base: b, high: 1.2 * b })),
      usefulLifeYears: fc.constantFrom(5.5, 15, 25),
      maintenanceShareOfCapex: fc.constantFrom(0.02, 0.03),
    });
    const assetArb = fc.record({ year: fc.integer({ min: 2030, max: 2034 }), span: fc.option(fc.integer({ min: 1, max: 8 }), { nil: undefined }), refresh: fc.boolean(), lines: fc.array(lineArb, { minLength: 1, maxLength: 3 }) })
      .map(({ year, span, refresh, lines }) => ({ name: "h", year, ...(span === undefined ? {} : { retiredYear: year + span }), refresh, lines, gpuCount: 0 }));
    fc.assert(fc.property(fc.array(assetArb, { minLength: 1, maxLength: 12 }), (assets) => {
      const years = Array.from({ length: 10 }, (_, i) => 2030 + i);
      const ledger = (a: readonly { year?: number; retiredYear?: number; refresh: boolean; lines: readonly { category: string; capexUsd: { low: number; base: number; high: number }; usefulLifeYears: number; maintenanceShareOfCapex: number }[] }[]) => campusCost({
        years, assets: a, contracts: [], suppliedMwh: years.map(() => ({})), waterM3: years.map(() => 0), consumedMwh: years.map(() => 1), gpuHours: years.map(() => 1),
        financing: { partnerShareOfFacility: 0.4 }, discountRate: { low: 0.07, base: 0.087, high: 0.1 },
      });
      const [one, merged] = [ledger(assets), ledger(coalesced(assets))];
      one.forEach((r, i) => {
        for (const k of ["capexUsd", "partnerCapexUsd", "refreshCapexUsd", "maintenanceUsd", "depreciationUsd", "capitalChargeUsd"] as const) {
          for (const e of ["low", "base", "high"] as const) expect(merged[i][k][e]).toBeCloseTo(r[k][e], 0);
        }
      });
      for (const y of [2031, 2036, 2040]) expect(bookValueUsd(coalesced(assets), y, "base")).toBeCloseTo(bookValueUsd(assets, y, "base"), 0);
    }), { numRuns: 100 });
  });
});

describe("an undated campus with a reported debt", () => {
  it("pays the debt's service, and equity recovery only on the partner's capex beyond the debt", () => {
    // Debt 500 at 6 % over 10 years: service 67.934; partner capex 400 (within the debt): no equity, the lease is the service.
    const terms: FinancingTerms = { structure: "joint-venture", partnerShareOfFacility: 0.8, partnerEquityReturn: 0.1, debt: { debtUsd: 500, couponRate: 0.06, debtIssueYear: 2028, maturityYear: 2038 } };
    const within = partyFlows({ years: [{ capexUsd: 500, partnerCapexUsd: 400, opexUsd: 0 }], terms });
    expect(within).toHaveLength(1);
    expect(within[0].lease).toBeCloseTo(67.934, 3);
    // Partner capex 800: 300 beyond the debt, recovered at 10 % over the debt's 10 years: 300 × 0.162745 = 48.824 more.
    const beyond = partyFlows({ years: [{ capexUsd: 1000, partnerCapexUsd: 800, opexUsd: 0 }], terms });
    expect(beyond[0].lease).toBeCloseTo(67.934 + 48.824, 3);
  });
});
