/**
 * Cost of a campus year by year: capex when halls come online and owned generation starts, opex (energy at contract
 * prices from the ledger's hours, water at the site's price, maintenance as a share of the capex in service),
 * straight-line depreciation, and who pays (an ownership split of the facility capex and the operator's lease to the
 * partner). Plain bookkeeping, no discounting: a model a finance lead can read, not a valuation. Pure: no Pulumi.
 */
import { activeIn } from "../years/ledger";
import { capitalRecoveryFactor } from "../finance/discount";
import { escalationFactor } from "../finance/energyMoney";
import { HOURS_PER_YEAR } from "../physics/constants";
import type { CapexLine } from "./capex";
import { shareOfYearInLife, straightLineDepreciationUsd } from "./depreciation";
import { minus, per, plus, scaled, total, UsdRange, ZERO } from "./range";

/** Capex categories a financing partner funds: the facility, not the IT equipment or generation. */
export const FACILITY_CATEGORIES: readonly string[] = ["shell", "electrical", "mechanical", "cooling-plant"];

/**
 * How a campus is financed beyond the operator's own balance sheet (components/finance/parties.ts has the formulas).
 * - `"joint-venture"` (the default structure): `partner` funds `partnerShareOfFacility` of the facility capex and
 *   leases it to the operator. The lease is stated one of three ways: `leaseRatePerYear` (a share of the partner's
 *   capex to date); the partner's reported debt (`debtUsd`, `couponRate`, `debtIssueYear`, `maturityYear`: its level
 *   service, plus the recovery of the partner's equity beyond it at `partnerEquityReturn`); or debt sized from the
 *   model (`partnerDebtShare` of the partner's capex at `couponRate` over `leaseTermYears`, the rest equity).
 * - `"sale-leaseback"`: the operator sells the facility assets in service in `saleYear` to `partner` (at
 *   `salePriceUsd`, else their book value) and leases them back at `leaseRate` over `leaseTermYears`.
 * - `"own-balance-sheet"`: the operator funds everything (with a construction loan, when stated).
 * A `constructionLoan` funds a share of the operator's capex under any structure.
 */
export interface Financing {
  /** "joint-venture", "sale-leaseback" or "own-balance-sheet". @default "joint-venture" */
  structure?: string;
  /** Who funds (a joint-venture partner) or buys (a sale-leaseback buyer); required with those structures. @default none */
  partner?: string;
  /** Joint venture: share of the facility capex (shell, electrical, mechanical, cooling plant) the partner funds, 0-1. @default none */
  partnerShareOfFacility?: number;
  /** Joint venture: lease per year as a share of the partner's capex to date, 0-0.5 (not with a debt). @default none */
  leaseRatePerYear?: number;
  /** Joint venture: principal of the partner's reported debt the lease services, USD (above 0, up to 1e13); with couponRate, debtIssueYear and maturityYear. @default none */
  debtUsd?: number;
  /** Joint venture: interest rate of the partner's debt, a share per year (0 to 0.3). @default none */
  couponRate?: number;
  /** Joint venture: year the reported debt was issued (2000 to 2100): level payments run from the next year to maturityYear. @default none */
  debtIssueYear?: number;
  /** Joint venture: year the reported debt is repaid (after debtIssueYear, at most 60 years after it). @default none */
  maturityYear?: number;
  /** Joint venture: share of the partner's capex it borrows as the capex is placed (0 to 1), with couponRate and leaseTermYears, instead of a reported debt. @default none */
  partnerDebtShare?: number;
  /** Joint venture: required return on the partner's equity, share per year (0 to 0.5). @default the catalog's "infrastructure-equity" base */
  partnerEquityReturn?: number;
  /** Years of the lease (1 to 60): a sale-leaseback's, or a joint venture's with partnerDebtShare. @default none */
  leaseTermYears?: number;
  /** Sale-leaseback: year the facility assets are sold (2000 to 2100, within the horizon). @default none */
  saleYear?: number;
  /** Sale-leaseback: price of the sale, USD (above 0, up to 1e13). @default the assets' book value at the start of saleYear */
  salePriceUsd?: number;
  /** Sale-leaseback: rate of the lease, share per year (0 to 0.3): the level payment repays the price at it over leaseTermYears. @default none */
  leaseRate?: number;
  /** A construction loan on the operator's capex, under any structure. @default none */
  constructionLoan?: ConstructionLoan;
}

/** Lenders fund a share of the operator's capex in the year it is placed: interest-only, the principal repaid at the end of the term. */
export interface ConstructionLoan {
  /** Share of the operator's capex each year the loan funds (above 0, up to 1). */
  shareOfCapex: number;
  /** Interest rate, share per year (0 to 0.3), e.g. SOFR + 2.5 %. */
  rate: number;
  /** Years until the principal is repaid (1 to 10). */
  termYears: number;
}

/** An asset group placed in service in a year (a hall's or owned plant's assets, or a replacement of them). */
export interface CostAsset {
  /** Year placed in service (undefined: the undated campus's one year). */
  year?: number;
  /** First year it no longer runs: its replacement's year (undefined: to the horizon's end). */
  retiredYear?: number;
  /** A replacement at the end of a refresh cycle: its capex is refresh capex. @default false */
  refresh?: boolean;
  lines: readonly CapexLine[];
}

/** A contract as the cost model sees it. */
export interface CostContract {
  name: string;
  /** USD per MWh taken (undefined: not priced; the campus lists it as missing). */
  energyUsdPerMwh?: UsdRange;
  /** Nominal escalation of the price per year from priceYear (the catalog's). @default 0 */
  escalationPerYear?: number;
  /** Year the price is quoted for. */
  priceYear?: number;
}

/** Charges of a year beyond energy at its price (components/finance/energyMoney.ts), USD. */
export interface YearCharges {
  capacityUsd: UsdRange;
  demandUsd: UsdRange;
  ppaSettlementUsd: UsdRange;
}

/** One year of cost (or the undated campus's one year). */
export interface CostYearRow {
  /** Calendar year; absent for an undated campus. */
  year?: number;
  /** Capex placed in service this year (replacements included), USD. */
  capexUsd: UsdRange;
  /** Of it, on the operator's books, USD. */
  ownerCapexUsd: UsdRange;
  /** Of it, on the financing partner's books, USD. */
  partnerCapexUsd: UsdRange;
  /** Of capexUsd, replacements of hardware at the end of its refresh cycle, USD. */
  refreshCapexUsd: UsdRange;
  /** Of capexUsd, what the operator carries on its balance sheet: its own capex less facility assets it sold this year (sale-leaseback), at least 0, USD. */
  ownerOnBalanceSheetCapexUsd: UsdRange;
  /** Energy taken from the contracts at their prices (owned plants: fuel and variable O&M), escalated to the year, USD. */
  energyCostUsd: UsdRange;
  /** Capacity charges of grid contracts (the market's capacity price on the peak MW drawn), USD. */
  capacityCostUsd: UsdRange;
  /** Demand charges of grid contracts (per kW-month on the billed demand: the peak drawn, at least the tariff's minimum share of the contracted MW), USD. */
  demandChargeUsd: UsdRange;
  /** Net settlement of virtual PPAs: (strike − the market hub's price) × the MWh generated; negative when the hub pays more than the strike, USD. */
  ppaSettlementUsd: UsdRange;
  /** Make-up water at the site's price, USD. */
  waterCostUsd: UsdRange;
  /** Maintenance and support of the assets in service, USD. */
  maintenanceUsd: UsdRange;
  /** Energy + capacity + demand charges + PPA settlement + water + maintenance, USD. */
  opexUsd: UsdRange;
  /** Straight-line depreciation of the assets in service within their lives, USD. */
  depreciationUsd: UsdRange;
  /** What the operator pays the partner this year (the lease of a joint venture or a sale-leaseback), USD. */
  leasePaymentsUsd: UsdRange;
  /** GPU-hours at the modelled utilisation. */
  gpuHours: number;
  /** (Depreciation + opex) / GPU-hours, USD: the accounting cost, no return on capital. */
  costUsdPerGpuHour: UsdRange;
  /** The capital charge: each asset in its life at the level annuity that repays its capex at the discount rate (the rate's low end with the low-cost estimate, its high end with the high), USD. */
  capitalChargeUsd: UsdRange;
  /** (Capital charge + opex) / GPU-hours, USD: the cost a renter's price must cover. */
  costWithCapitalUsdPerGpuHour: UsdRange;
  /** Energy cost / energy consumed, USD per MWh. */
  energyCostUsdPerMwh: UsdRange;
}

export interface CampusCostInput {
  /** Years of the ledger, in order (one undefined for an undated campus). */
  years: readonly (number | undefined)[];
  assets: readonly CostAsset[];
  contracts: readonly CostContract[];
  /** MWh taken from each contract, per year (by name). */
  suppliedMwh: readonly Record<string, number>[];
  /** Water per year, m³, and consumed energy per year, MWh. */
  waterM3: readonly number[];
  consumedMwh: readonly number[];
  /** GPU-hours per year at the modelled utilisation. */
  gpuHours: readonly number[];
  waterUsdPerM3?: UsdRange;
  /** The partner's share of the facility (a joint venture): its part of the facility capex. */
  financing?: Pick<Financing, "partnerShareOfFacility"> & { structure?: string };
  /** Capacity and demand charges and PPA settlement per year. @default none */
  charges?: readonly YearCharges[];
  /** Discount rate of the capital charge, low / base / high. @default 0: the charge is capex / life */
  discountRate?: { low: number; base: number; high: number };
}

/** An asset's age in `year`, years (0 the year it is placed in service); undefined on an undated campus. */
function ageIn(placedYear: number | undefined, year: number | undefined): number | undefined {
  return year === undefined || placedYear === undefined ? undefined : year - placedYear;
}

/**
 * The capital charge of `capexUsd` in the year the asset is `ageYears` old: capex × the capital recovery factor over
 * its life at the rate (each end of the range at the rate's same end), in each year of its life, pro rata in a
 * fractional last year; 0 outside it. An undated campus's one year is a year of the asset's life.
 */
export function capitalChargeUsd(capexUsd: Readonly<UsdRange>, ageYears: number | undefined, lifeYears: number, rate: { low: number; base: number; high: number }): UsdRange {
  const share = shareOfYearInLife(ageYears, lifeYears);
  return {
    low: capexUsd.low * capitalRecoveryFactor(rate.low, lifeYears) * share,
    base: capexUsd.base * capitalRecoveryFactor(rate.base, lifeYears) * share,
    high: capexUsd.high * capitalRecoveryFactor(rate.high, lifeYears) * share,
  };
}

/** Whether an asset runs in `year`: placed by then and not yet retired (an undated campus's one year: always). */
function runs(a: CostAsset, year: number | undefined): boolean {
  return activeIn(a.year, year) && (a.retiredYear === undefined || year === undefined || year < a.retiredYear);
}

/** The cost rows of a campus, one per year of the ledger (see the file comment); lease payments are the finance's (0 here). */
export function campusCost(input: CampusCostInput): CostYearRow[] {
  const partnerShare = input.financing && (input.financing.structure ?? "joint-venture") === "joint-venture" ? input.financing.partnerShareOfFacility ?? 0 : 0;
  const partnerCapexOf = (lines: readonly CapexLine[]) => scaled(total(lines.filter((l) => FACILITY_CATEGORIES.includes(l.category)).map((l) => l.capexUsd)), partnerShare);
  const rate = input.discountRate ?? { low: 0, base: 0, high: 0 };
  // On a dated campus an asset without a year is in service from the horizon's first year (as the ledger runs it).
  const first = input.years[0];
  const assets = first === undefined ? input.assets : input.assets.map((a) => (a.year === undefined ? { ...a, year: first } : a));
  return input.years.map((year, i) => {
    // Assets placed before the horizon (an owned plant whose contract starts earlier; a campus refuses halls online before it) count in its first year.
    const placed = assets.filter((a) => year === undefined || a.year === year || (i === 0 && first !== undefined && a.year !== undefined && a.year < first));
    const capexUsd = total(placed.flatMap((a) => a.lines.map((l) => l.capexUsd)));
    const refreshCapexUsd = total(placed.filter((a) => a.refresh).flatMap((a) => a.lines.map((l) => l.capexUsd)));
    const partnerCapexUsd = total(placed.map((a) => partnerCapexOf(a.lines)));
    const running = assets.filter((a) => runs(a, year));
    const maintenanceUsd = total(running.flatMap((a) => a.lines.map((l) => scaled(l.capexUsd, l.maintenanceShareOfCapex))));
    const depreciationUsd = total(running.flatMap((a) => a.lines.map((l) => straightLineDepreciationUsd(l.capexUsd, ageIn(a.year, year), l.usefulLifeYears))));
    const capitalCharge = total(running.flatMap((a) => a.lines.map((l) => capitalChargeUsd(l.capexUsd, ageIn(a.year, year), l.usefulLifeYears, rate))));
    const energyCostUsd = total(input.contracts.map((c) => scaled(c.energyUsdPerMwh ?? ZERO, (input.suppliedMwh[i][c.name] ?? 0) * escalationFactor(c.escalationPerYear, c.priceYear, year))));
    const charges = input.charges?.[i] ?? { capacityUsd: ZERO, demandUsd: ZERO, ppaSettlementUsd: ZERO };
    const waterCostUsd = scaled(input.waterUsdPerM3 ?? ZERO, input.waterM3[i]);
    const opexUsd = total([energyCostUsd, charges.capacityUsd, charges.demandUsd, charges.ppaSettlementUsd, waterCostUsd, maintenanceUsd]);
    const gpuHours = input.gpuHours[i];
    const ownerCapexUsd = minus(capexUsd, partnerCapexUsd);
    return {
      ...(year === undefined ? {} : { year }),
      capexUsd,
      ownerCapexUsd,
      partnerCapexUsd,
      refreshCapexUsd,
      ownerOnBalanceSheetCapexUsd: { ...ownerCapexUsd },
      energyCostUsd,
      capacityCostUsd: { ...charges.capacityUsd },
      demandChargeUsd: { ...charges.demandUsd },
      ppaSettlementUsd: { ...charges.ppaSettlementUsd },
      waterCostUsd,
      maintenanceUsd,
      opexUsd,
      depreciationUsd,
      leasePaymentsUsd: { ...ZERO },
      gpuHours,
      costUsdPerGpuHour: per(plus(depreciationUsd, opexUsd), gpuHours),
      capitalChargeUsd: capitalCharge,
      costWithCapitalUsdPerGpuHour: per(plus(capitalCharge, opexUsd), gpuHours),
      energyCostUsdPerMwh: per(energyCostUsd, input.consumedMwh[i]),
    };
  });
}

/** GPU-hours of a hall in a year at its utilisation (its IT energy over its full-load IT power). */
export function gpuHoursOf(gpuCount: number, annualItEnergyMwh: number, itLoadKw: number): number {
  return itLoadKw > 0 ? (gpuCount * annualItEnergyMwh * 1000) / itLoadKw : gpuCount * HOURS_PER_YEAR;
}
