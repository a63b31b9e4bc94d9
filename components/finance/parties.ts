/**
 * Who pays and who is paid, year by year: the operator (owner), a partner (a joint-venture partner or a
 * sale-leaseback buyer) and lenders (bond holders, construction lenders). Money between parties nets to zero, so
 * owner + partner + lenders = the campus's own cash flow, −(capex + opex), in every year; outside the horizon the
 * campus has no flows and the parties' flows (debt service, lease) add up to zero.
 *
 * Structures (each a formula of the campus's capex and the financing's terms; one cost estimate at a time):
 * - own balance sheet: the owner pays everything.
 * - joint venture: the partner pays its share of the facility capex (shell, electrical, mechanical, cooling plant,
 *   replacements included) and the owner leases it back. The lease is:
 *   - `leaseRatePerYear` × the partner's capex to date (a stated rate; no lenders);
 *   - or the service of the partner's stated debt (D at couponRate, issued debtIssueYear, level to maturityYear: the
 *     lenders pay D in the issue year and receive the annuity) plus its equity's recovery: the partner's capex is paid
 *     from the debt's proceeds while they last, the rest is equity, each year's recovered as a level annuity at the
 *     partner's required return from the next year to maturity (at least one year);
 *   - or, with `partnerDebtShare`, debt drawn as the capex is placed (that share of it), each draw amortised level
 *     over leaseTermYears at couponRate, the rest equity recovered likewise at the required return.
 *   The partner's return is then its required return on the equity, the lenders' the coupon.
 * - sale-leaseback: the owner sells the facility assets in service in saleYear to the partner, at salePriceUsd or
 *   their book value (capex less straight-line depreciation before that year), and leases them back: a level annuity
 *   of the price at leaseRate over leaseTermYears from the next year. At a lease rate equal to the discount rate the
 *   sale and the lease have the same present value: the owner's NPV does not move.
 * - a construction loan, with any structure: lenders fund a share of the owner's capex in the year it is placed,
 *   interest-only at its rate for termYears, the principal repaid in the last (refinanced from the owner's balance
 *   sheet).
 */
import { annuityUsdPerYear, capitalRecoveryFactor } from "./discount";
import type { FinancingStructure } from "./types";

/** Terms of a campus's financing, parsed (see the file comment and the campus's `financing` arg). */
export interface FinancingTerms {
  structure: FinancingStructure;
  partnerShareOfFacility: number;
  leaseRatePerYear?: number;
  debt?: { debtUsd: number; couponRate: number; debtIssueYear: number; maturityYear: number };
  sizedDebt?: { partnerDebtShare: number; couponRate: number; leaseTermYears: number };
  /** Required return of the partner's equity, share per year. */
  partnerEquityReturn: number;
  sale?: { saleYear: number; salePriceUsd?: number; leaseRate: number; leaseTermYears: number };
  constructionLoan?: { shareOfCapex: number; rate: number; termYears: number };
}

/** One year of the campus as the parties see it, at one cost estimate, USD. */
export interface ProjectYear {
  /** Calendar year (undefined: the undated campus's one year). */
  year?: number;
  capexUsd: number;
  /** Of capexUsd, the partner's (its share of the facility). */
  partnerCapexUsd: number;
  opexUsd: number;
}

/** Flows of one year at one estimate, USD, signed (received positive). */
export interface PartyYear {
  year?: number;
  project: number;
  owner: number;
  partner: number;
  lenders: number;
  /** Of the owner's flow, the lease it pays the partner (positive). */
  lease: number;
  /** Of the partner's flow, its equity paid in (positive) and recovered (positive), for its return on equity. */
  equityIn: number;
  equityBack: number;
}

/** What the parties' flows need besides the project years. */
export interface PartyInputs {
  years: readonly ProjectYear[];
  terms?: FinancingTerms;
  /** Book value of the facility assets in service at the start of saleYear (their capex placed by then less depreciation before it), USD. */
  saleBookValueUsd?: number;
}

const KEY_UNDATED = "undated";

/** Year-keyed accumulator of party flows. */
class Book {
  private readonly rows = new Map<number | typeof KEY_UNDATED, PartyYear>();
  row(year: number | undefined): PartyYear {
    const key = year ?? KEY_UNDATED;
    let r = this.rows.get(key);
    if (!r) this.rows.set(key, (r = { ...(year === undefined ? {} : { year }), project: 0, owner: 0, partner: 0, lenders: 0, lease: 0, equityIn: 0, equityBack: 0 }));
    return r;
  }
  /** A payment from one party to another (or from the lenders' or partner's side): `amount` leaves `from` and reaches `to`. */
  pay(year: number | undefined, from: "owner" | "partner" | "lenders", to: "owner" | "partner" | "lenders", amount: number): void {
    const r = this.row(year);
    r[from] -= amount;
    r[to] += amount;
  }
  /** Rows from the first to the last year with a flow, every year between them (the undated row alone when undated). */
  sorted(): PartyYear[] {
    const undated = this.rows.get(KEY_UNDATED);
    if (undated) return [undated];
    const years = [...this.rows.keys()].filter((k): k is number => k !== KEY_UNDATED);
    if (years.length === 0) return [];
    const out: PartyYear[] = [];
    for (let y = Math.min(...years); y <= Math.max(...years); y++) out.push(this.row(y));
    return out;
  }
}

/** `fn` for each of `years` years from `start`; once, for the undated year, when undated. */
function eachYear(start: number | undefined, years: number, fn: (year: number | undefined) => void): void {
  if (start === undefined) return fn(undefined);
  for (let y = start; y < start + years; y++) fn(y);
}

/** Every party's flows per year at one cost estimate (see the file comment). */
export function partyFlows(input: PartyInputs): PartyYear[] {
  const book = new Book();
  const t = input.terms;
  const dated = input.years[0]?.year !== undefined;
  for (const y of input.years) {
    const r = book.row(y.year);
    r.project -= y.capexUsd + y.opexUsd;
    r.owner -= y.capexUsd - y.partnerCapexUsd + y.opexUsd;
    r.partner -= y.partnerCapexUsd;
  }
  if (!t) return book.sorted();
  const lease = (year: number | undefined, amount: number) => {
    book.pay(year, "owner", "partner", amount);
    book.row(year).lease += amount;
  };
  if (t.structure === "joint-venture") {
    if (t.leaseRatePerYear !== undefined) {
      let toDate = 0;
      // All equity: the partner's capex is its equity, the lease its return.
      for (const y of input.years) {
        toDate += y.partnerCapexUsd;
        lease(y.year, t.leaseRatePerYear * toDate);
        book.row(y.year).equityIn += y.partnerCapexUsd;
        book.row(y.year).equityBack += t.leaseRatePerYear * toDate;
      }
    } else if (t.debt) {
      const { debtUsd, couponRate, debtIssueYear, maturityYear } = t.debt;
      const service = annuityUsdPerYear(debtUsd, couponRate, maturityYear - debtIssueYear);
      if (dated) {
        book.pay(debtIssueYear, "lenders", "partner", debtUsd);
        for (let y = debtIssueYear + 1; y <= maturityYear; y++) {
          book.pay(y, "partner", "lenders", service);
          lease(y, service);
        }
      } else lease(undefined, service); // an undated campus's one year pays a year's service; the debt itself is undated
      // The debt's proceeds pay the partner's capex first (an undated campus's too: its one year is a steady year).
      let pool = debtUsd;
      for (const y of input.years) {
        const fromDebt = Math.min(pool, y.partnerCapexUsd);
        pool -= fromDebt;
        const equity = y.partnerCapexUsd - fromDebt;
        if (equity <= 0) continue;
        book.row(y.year).equityIn += equity;
        const n = y.year === undefined ? maturityYear - debtIssueYear : Math.max(1, maturityYear - y.year);
        const recovery = annuityUsdPerYear(equity, t.partnerEquityReturn, n);
        eachYear(y.year === undefined ? undefined : y.year + 1, n, (year) => {
          lease(year, recovery);
          book.row(year).equityBack += recovery;
        });
      }
    } else if (t.sizedDebt) {
      const { partnerDebtShare, couponRate, leaseTermYears } = t.sizedDebt;
      for (const y of input.years) {
        const draw = partnerDebtShare * y.partnerCapexUsd;
        const equity = y.partnerCapexUsd - draw;
        const service = draw * capitalRecoveryFactor(couponRate, leaseTermYears);
        const recovery = equity * capitalRecoveryFactor(t.partnerEquityReturn, leaseTermYears);
        if (dated) book.pay(y.year, "lenders", "partner", draw);
        if (equity > 0) book.row(y.year).equityIn += equity;
        eachYear(y.year === undefined ? undefined : y.year + 1, leaseTermYears, (year) => {
          if (dated) book.pay(year, "partner", "lenders", service);
          lease(year, service + recovery);
          book.row(year).equityBack += recovery;
        });
      }
    }
  }
  if (t.structure === "sale-leaseback" && t.sale) {
    const { saleYear, leaseRate, leaseTermYears } = t.sale;
    const price = t.sale.salePriceUsd ?? input.saleBookValueUsd ?? 0;
    book.pay(saleYear, "partner", "owner", price);
    book.row(saleYear).equityIn += price;
    const payment = annuityUsdPerYear(price, leaseRate, leaseTermYears);
    for (let y = saleYear + 1; y <= saleYear + leaseTermYears; y++) {
      lease(y, payment);
      book.row(y).equityBack += payment;
    }
  }
  if (t.constructionLoan && dated) {
    const { shareOfCapex, rate, termYears } = t.constructionLoan;
    for (const y of input.years) {
      const draw = shareOfCapex * (y.capexUsd - y.partnerCapexUsd);
      if (draw <= 0) continue;
      const year = y.year!;
      book.pay(year, "lenders", "owner", draw);
      for (let k = 1; k <= termYears; k++) book.pay(year + k, "owner", "lenders", draw * rate);
      book.pay(year + termYears, "owner", "lenders", draw);
    }
  }
  return book.sorted();
}
