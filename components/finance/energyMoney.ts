/**
 * What energy costs beyond MWh × price: a price's escalation from the year it is quoted for, a grid tariff's
 * capacity and demand charges, and a virtual PPA's settlement against the market. Each a formula of the year's
 * figures; the cost ledger adds them to opex.
 *
 * - Escalation: price in year y = price × (1 + escalation)^(y − price year) (nominal, like the discount rate).
 * - Capacity (PJM's Reliability Pricing Model): the market's capacity price × days in the year × the MW the campus
 *   draws from the contract at the year's peak. PJM bills a load's peak load contribution (its draw in the five
 *   coincident system peaks); a flat data-centre load draws close to its own peak then, so its peak is taken.
 * - Demand: USD per kW-month × 12 × the billed demand, the year's peak MW drawn but at least the tariff's minimum
 *   share of the contracted MW (AEP Ohio's data-centre tariff bills at least 85 % of it however little is used).
 * - Virtual PPA settlement: a contract for differences on the MWh the plant generates: the buyer pays (strike − the
 *   hub's price) × MWh, receiving the difference when the hub pays more. The hub's annual average is used: a solar
 *   plant's capture price (the price in the hours it generates) is lower, so the settlement cost is a lower bound.
 */
import type { UsdRange } from "../catalog/costSchema";

/** Days in a calendar year (undefined: a steady 365-day year). */
export function daysInYear(year: number | undefined): number {
  if (year === undefined) return 365;
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 366 : 365;
}

/** Factor a price quoted for `priceYear` is multiplied by in `year`: (1 + escalation)^(year − priceYear); 1 without escalation or a year. */
export function escalationFactor(escalationPerYear: number | undefined, priceYear: number | undefined, year: number | undefined): number {
  if (!escalationPerYear || priceYear === undefined || year === undefined) return 1;
  return Math.pow(1 + escalationPerYear, year - priceYear);
}

/** Capacity charge of a year, USD: USD per MW-day × days × peak MW drawn. */
export function capacityChargeUsd(usdPerMwDay: number, days: number, peakDrawnMw: number): number {
  return usdPerMwDay * days * peakDrawnMw;
}

/** The demand a tariff bills, MW: the peak drawn, at least `minimumShare` × the contracted MW. */
export function billedDemandMw(peakDrawnMw: number, contractedMw: number, minimumShare: number): number {
  return Math.max(peakDrawnMw, minimumShare * contractedMw);
}

/** Demand charge of a year, USD: USD per kW-month × 12 months × billed demand (MW × 1,000 kW). */
export function demandChargeUsd(usdPerKwMonth: number, billedMw: number): number {
  return usdPerKwMonth * 12 * billedMw * 1000;
}

/** Net settlement a virtual-PPA buyer pays, USD: (strike − hub price) × MWh generated (negative: the buyer receives). */
export function ppaSettlementUsd(strikeUsdPerMwh: number, hubUsdPerMwh: number, generatedMwh: number): number {
  return (strikeUsdPerMwh - hubUsdPerMwh) * generatedMwh;
}

/**
 * A settlement as a cost range: the low-cost end pairs the low strike with the high hub price, the high-cost end the
 * high strike with the low hub price, so low ≤ base ≤ high.
 */
export function ppaSettlementRange(strike: Readonly<UsdRange>, hub: Readonly<UsdRange>, generatedMwh: number): UsdRange {
  return {
    low: ppaSettlementUsd(strike.low, hub.high, generatedMwh),
    base: ppaSettlementUsd(strike.base, hub.base, generatedMwh),
    high: ppaSettlementUsd(strike.high, hub.low, generatedMwh),
  };
}
