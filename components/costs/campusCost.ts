/**
 * Cost of a campus year by year: capex when halls come online and owned generation starts, opex (energy at contract
 * prices from the ledger's hours, water at the site's price, maintenance as a share of the capex in service),
 * straight-line depreciation, and who pays (an ownership split of the facility capex and the operator's lease to the
 * partner). Plain bookkeeping, no discounting: a model a finance lead can read, not a valuation. Pure: no Pulumi.
 */
import { activeIn } from "../years/ledger";
import { HOURS_PER_YEAR } from "../physics/constants";
import type { CapexLine } from "./capex";
import { straightLineDepreciationUsd } from "./depreciation";
import { per, plus, scaled, total, UsdRange, ZERO } from "./range";

/** Capex categories a financing partner funds: the facility, not the IT equipment or generation. */
export const FACILITY_CATEGORIES: readonly string[] = ["shell", "electrical", "mechanical", "cooling-plant"];

/**
 * A partner who funds part of the facility and leases it to the operator. The lease is stated one of two ways:
 * `leaseRatePerYear` (a share of the partner's modelled capex to date), or the partner's debt the lease services
 * (`debtUsd`, `couponRate`, `debtIssueYear`, `maturityYear`: a level annuity, see leasePaymentUsdPerYear), when the
 * financing is reported rather than sized from the model's capex.
 */
export interface Financing {
  /** Who funds (e.g. a joint-venture partner). */
  partner: string;
  /** Share of the facility capex (shell, electrical, mechanical, cooling plant) the partner funds, 0-1. */
  partnerShareOfFacility: number;
  /** Lease or capacity payment per year, as a share of the partner's capex to date, 0-0.5. Unset when the debt is stated. @default none: the debt fields state the lease */
  leaseRatePerYear?: number;
  /** Principal of the partner's debt the lease services, USD (above 0, up to 1e13). With couponRate, debtIssueYear and maturityYear, instead of leaseRatePerYear. @default none */
  debtUsd?: number;
  /** Interest rate of that debt, a share per year (0 to 0.3). @default none */
  couponRate?: number;
  /** Year the debt was issued (2000 to 2100): level payments run from the next year to maturityYear. @default none */
  debtIssueYear?: number;
  /** Year the debt is repaid (after debtIssueYear, at most 60 years after it). @default none */
  maturityYear?: number;
}

/**
 * The level annual payment that repays `debtUsd` with interest at `couponRate` over `years` yearly payments (an
 * annuity): D × r / (1 − (1 + r)^−n), or D / n at a rate of 0. It is the debt service alone: a partner's return on
 * its equity is not in it (a lower bound on the lease).
 */
export function annuityUsdPerYear(debtUsd: number, couponRate: number, years: number): number {
  if (couponRate === 0) return debtUsd / years;
  return (debtUsd * couponRate) / (1 - Math.pow(1 + couponRate, -years));
}

/**
 * What the operator pays the partner in `year`, USD: with a stated debt, its level annuity in each year from
 * debtIssueYear + 1 to maturityYear (0 outside them; an undated campus's one year pays it); else leaseRatePerYear ×
 * the partner's capex to date.
 */
export function leasePaymentUsd(financing: Financing | undefined, partnerToDate: UsdRange, year: number | undefined): UsdRange {
  if (financing === undefined) return { ...ZERO };
  const { debtUsd, couponRate, debtIssueYear, maturityYear } = financing;
  if (debtUsd !== undefined && couponRate !== undefined && debtIssueYear !== undefined && maturityYear !== undefined) {
    const paying = activeIn(debtIssueYear + 1, year, maturityYear); // level payments from the year after issue
    const payment = paying ? annuityUsdPerYear(debtUsd, couponRate, maturityYear - debtIssueYear) : 0;
    return { low: payment, base: payment, high: payment };
  }
  return scaled(partnerToDate, financing.leaseRatePerYear ?? 0);
}

/** An asset group placed in service in a year. */
export interface CostAsset {
  /** Year placed in service (undefined: the undated campus's one year). */
  year?: number;
  lines: readonly CapexLine[];
}

/** A contract as the cost model sees it. */
export interface CostContract {
  name: string;
  /** USD per MWh taken (undefined: not priced; the campus lists it as missing). */
  energyUsdPerMwh?: UsdRange;
}

/** One year of cost (or the undated campus's one year). */
export interface CostYearRow {
  /** Calendar year; absent for an undated campus. */
  year?: number;
  /** Capex placed in service this year, USD. */
  capexUsd: UsdRange;
  /** Of it, on the operator's books, USD. */
  ownerCapexUsd: UsdRange;
  /** Of it, on the financing partner's books, USD. */
  partnerCapexUsd: UsdRange;
  /** Of capexUsd, replacements of hardware at the end of its refresh cycle, USD. */
  refreshCapexUsd: UsdRange;
  /** Of capexUsd, what the operator carries on its balance sheet: its own capex less facility assets it sold this year (sale-leaseback), USD. */
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
  /** What the operator pays the partner this year (the stated debt's annuity, or lease rate × the partner's capex to date), USD. */
  leasePaymentsUsd: UsdRange;
  /** GPU-hours at the modelled utilisation. */
  gpuHours: number;
  /** (Depreciation + opex) / GPU-hours, USD: the accounting cost, no return on capital. */
  costUsdPerGpuHour: UsdRange;
  /** The capital charge: each asset in its life at the level annuity that repays its capex at the discount rate, USD. */
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
  financing?: Financing;
}

/** An asset's age in `year`, years (0 the year it is placed in service); undefined on an undated campus. */
function ageIn(placedYear: number | undefined, year: number | undefined): number | undefined {
  return year === undefined || placedYear === undefined ? undefined : year - placedYear;
}

/** The cost rows of a campus, one per year of the ledger (see the file comment). */
export function campusCost(input: CampusCostInput): CostYearRow[] {
  const partnerShare = input.financing?.partnerShareOfFacility ?? 0;
  const partnerCapexOf = (lines: readonly CapexLine[]) => scaled(total(lines.filter((l) => FACILITY_CATEGORIES.includes(l.category)).map((l) => l.capexUsd)), partnerShare);
  let partnerToDate: UsdRange = { ...ZERO };
  // On a dated campus an asset without a year is in service from the horizon's first year (as the ledger runs it).
  const first = input.years[0];
  const assets = first === undefined ? input.assets : input.assets.map((a) => (a.year === undefined ? { ...a, year: first } : a));
  return input.years.map((year, i) => {
    // Assets placed before the horizon (an owned plant whose contract starts earlier; a campus refuses halls online before it) count in its first year.
    const placed = assets.filter((a) => year === undefined || a.year === year || (i === 0 && first !== undefined && a.year !== undefined && a.year < first));
    const capexUsd = total(placed.flatMap((a) => a.lines.map((l) => l.capexUsd)));
    const partnerCapexUsd = total(placed.map((a) => partnerCapexOf(a.lines)));
    partnerToDate = plus(partnerToDate, partnerCapexUsd);
    const running = assets.filter((a) => activeIn(a.year, year));
    const maintenanceUsd = total(running.flatMap((a) => a.lines.map((l) => scaled(l.capexUsd, l.maintenanceShareOfCapex))));
    const depreciationUsd = total(running.flatMap((a) => a.lines.map((l) => straightLineDepreciationUsd(l.capexUsd, ageIn(a.year, year), l.usefulLifeYears))));
    const energyCostUsd = total(input.contracts.map((c) => scaled(c.energyUsdPerMwh ?? ZERO, input.suppliedMwh[i][c.name] ?? 0)));
    const waterCostUsd = scaled(input.waterUsdPerM3 ?? ZERO, input.waterM3[i]);
    const opexUsd = total([energyCostUsd, waterCostUsd, maintenanceUsd]);
    const gpuHours = input.gpuHours[i];
    return {
      ...(year === undefined ? {} : { year }),
      capexUsd,
      ownerCapexUsd: { low: capexUsd.low - partnerCapexUsd.low, base: capexUsd.base - partnerCapexUsd.base, high: capexUsd.high - partnerCapexUsd.high },
      partnerCapexUsd,
      energyCostUsd,
      waterCostUsd,
      maintenanceUsd,
      opexUsd,
      depreciationUsd,
      leasePaymentsUsd: leasePaymentUsd(input.financing, partnerToDate, year),
      gpuHours,
      costUsdPerGpuHour: per(plus(depreciationUsd, opexUsd), gpuHours),
      energyCostUsdPerMwh: per(energyCostUsd, input.consumedMwh[i]),
    };
  });
}

/** GPU-hours of a hall in a year at its utilisation (its IT energy over its full-load IT power). */
export function gpuHoursOf(gpuCount: number, annualItEnergyMwh: number, itLoadKw: number): number {
  return itLoadKw > 0 ? (gpuCount * annualItEnergyMwh * 1000) / itLoadKw : gpuCount * HOURS_PER_YEAR;
}
