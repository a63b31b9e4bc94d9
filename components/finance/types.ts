/**
 * What a campus publishes about its money beyond the cost ledger: cost of capital, present values, total cost of
 * ownership, levelised cost per GPU-hour with a capital charge, hardware refresh, cash flows by party and the market
 * rental prices to hold the levelised cost against. Declared once here; the campus footprint, the report and the
 * rules read these shapes.
 *
 * Ranges: every `{ low, base, high }` below is the figure at the low-cost, base and high-cost estimates of the cost
 * catalog (prices, capex), not the smallest, middle and largest number: a cash flow that is a payment is negative, so
 * its high-cost estimate is its most negative value. Present values are at the base discount rate; the levelised cost
 * pairs each cost estimate with the discount rate's same end (its high estimate is high prices at the high cost of
 * capital, the dearest case), so it is ordered low ≤ base ≤ high.
 */
import type { UsdRange } from "../catalog/costSchema";
import type { RateRangeSpec } from "../catalog/financeSchema";

/** A share (a rate per year) as low / base / high: the catalog's rate range, as a campus publishes it. */
export type RateRange = RateRangeSpec;

/** How a campus is financed. */
export const FINANCING_STRUCTURES = ["own-balance-sheet", "joint-venture", "sale-leaseback"] as const;
/** `own-balance-sheet`: the operator funds everything; `joint-venture`: a partner funds part of the facility and leases it back; `sale-leaseback`: the operator sells facility assets and leases them back. */
export type FinancingStructure = (typeof FINANCING_STRUCTURES)[number];

/** The parties whose cash flows a campus publishes. */
export const PARTY_ROLES = ["owner", "partner", "lenders"] as const;
/** `owner`: the operator (Meta); `partner`: a joint-venture partner or a sale-leaseback buyer; `lenders`: bond holders and construction lenders. */
export type PartyRole = (typeof PARTY_ROLES)[number];

/** One year of cash flows, signed (money received positive, paid negative), USD at each cost estimate. */
export interface CashFlowRow {
  /** Calendar year (absent for an undated campus's one year). @integer */
  year?: number;
  /** The campus's own cash flow: −(capex + opex). The parties' flows add up to it every year. */
  projectUsd: UsdRange;
  /** The operator's: its capex and opex, lease payments, sale proceeds, loans drawn and repaid. */
  ownerUsd: UsdRange;
  /** The partner's (joint-venture partner or sale-leaseback buyer): its capex or purchase, lease received, debt drawn and serviced. */
  partnerUsd: UsdRange;
  /** The lenders': loans and bonds paid out, interest and principal received. */
  lendersUsd: UsdRange;
}

/** A party's internal rate of return at each cost estimate, share per year. */
export interface PartyReturns {
  /** At the low-cost estimate (absent: no unique rate). */
  low?: number;
  /** At the base estimate (absent: no unique rate). */
  base?: number;
  /** At the high-cost estimate (absent: no unique rate). */
  high?: number;
}

/** A party's present value and return. */
export interface PartyFigures {
  /** "owner", "partner" or "lenders" (PARTY_ROLES; a string: component schemas take no union types). */
  role: string;
  /** Who it is (the partner's name from the args; "operator" and "lenders" otherwise). */
  name: string;
  /** Net present value of its cash flows at the campus's base discount rate, USD. */
  npvUsd: UsdRange;
  /** Internal rate of return of its cash flows (the partner's: of its equity), share per year, at each cost estimate (an estimate is absent where its flows do not change sign once: no unique rate). */
  irr?: PartyReturns;
}

/** A replacement of hardware at the end of its refresh cycle. */
export interface RefreshEvent {
  /** Year the replacement is placed in service. @integer */
  year: number;
  /** Hall it replaces hardware in, or the owned contract it re-powers. */
  asset: string;
  /** Capex category replaced (it-hardware, network, cooling-plant, electrical, mechanical, shell, generation). */
  category: string;
  /** Rack design the racks are replaced with, when it differs from the one replaced (next generation). */
  toDesign?: string;
  /** Capex of the replacement, USD. */
  capexUsd: UsdRange;
}

/** A market rental price band for one accelerator, to hold a campus's levelised cost against. */
export interface RentalBand {
  /** Catalog id of the band. */
  id: string;
  /** Accelerator id the band prices. */
  accelerator: string;
  /** The offer it comes from, e.g. "1-year reserved" or "on-demand". */
  term: string;
  /** Rental price per GPU-hour, USD: low / base / high across the offers found. */
  usdPerGpuHour: UsdRange;
  /** Whether the campus runs this accelerator (every band in the catalog is shown: no GB300 or Rubin band is public). */
  ofCampus: boolean;
  /** Where it comes from (title). */
  source: string;
  /** When it was checked (ISO date). */
  checked: string;
}

/** A campus's money over its horizon (see the file comment for what the ranges mean). */
export interface CampusFinance {
  /** How the campus is financed: "own-balance-sheet", "joint-venture" or "sale-leaseback" (FINANCING_STRUCTURES; a string: component schemas take no union types). */
  structure: string;
  /** Catalog id of the cost of capital, or "stated" when the campus states its discount rate. */
  costOfCapital: string;
  /** Discount rate (the owner's weighted average cost of capital), share per year. */
  discountRate: RateRange;
  /** Year present values are stated in: flows of that year are not discounted, a year later once (absent: undated). @integer */
  presentValueYear?: number;
  /** Total cost of ownership over the horizon: capex (refresh included) + opex, undiscounted, USD. */
  tcoUsd: UsdRange;
  /** Present value of the horizon's capex and opex at the base discount rate, USD. */
  presentValueCostUsd: UsdRange;
  /** Book value (capex less straight-line depreciation) of the assets at the end of the horizon, USD. */
  residualValueUsd: UsdRange;
  /** Net present value of the campus's cash flows, −(capex + opex) plus the residual value at the horizon's end, at the base rate, USD (negative: a cost). */
  npvUsd: UsdRange;
  /** Σ discounted (capital charge + opex) / Σ discounted GPU-hours over the horizon, USD per GPU-hour. */
  levelisedCostUsdPerGpuHour: UsdRange;
  /** Capex of replacements over the horizon (in tcoUsd and the cost ledger's capex), USD. */
  refreshCapexUsd: UsdRange;
  /** Each replacement, in year order. */
  refreshes: RefreshEvent[];
  /** Cash flows per year per party, over the horizon and any financing years around it. */
  cashFlows: CashFlowRow[];
  /** Each party's present value and return. */
  parties: PartyFigures[];
  /** Market rental price bands from the catalog, the campus's own accelerators marked. */
  rentalBands: RentalBand[];
}
