/**
 * Straight-line depreciation: an asset's capex spread evenly over its useful life, a fractional last year when the
 * life is not a whole number of years, nothing after it. Bookkeeping, not physics: it sits with the other cost
 * formulas.
 */
import { scaled, UsdRange } from "./range";

/**
 * Share of an asset's capex depreciated in a year, 0-1: 1 / life in each whole year of its life, the remainder in a
 * fractional last year, 0 after its life and before it is placed in service.
 * @param ageYears the year minus the year placed in service (0 in that year); undefined on an undated campus, whose
 *   one year is a steady year of the asset's life (1 / life)
 * @param lifeYears useful life, years, > 0
 * @example straightLineDepreciationShare(7, 7.5) // 0.5 / 7.5: half a year's share in the eighth year
 */
export function straightLineDepreciationShare(ageYears: number | undefined, lifeYears: number): number {
  return shareOfYearInLife(ageYears, lifeYears) / lifeYears;
}

/**
 * How much of a year, 0-1, falls within an asset's life: 1 in each whole year of it, the remainder in a fractional
 * last year, 0 before it is placed in service and after its life; 1 on an undated campus (its one year is a steady
 * year of the life). Depreciation and the capital charge both accrue over exactly these years.
 */
export function shareOfYearInLife(ageYears: number | undefined, lifeYears: number): number {
  if (ageYears === undefined) return 1;
  if (ageYears < 0) return 0;
  return Math.max(0, Math.min(1, lifeYears - ageYears));
}

/** Depreciation of `capexUsd` in the year the asset is `ageYears` old, USD: capex × the straight-line share. */
export function straightLineDepreciationUsd(capexUsd: Readonly<UsdRange>, ageYears: number | undefined, lifeYears: number): UsdRange {
  return scaled(capexUsd, straightLineDepreciationShare(ageYears, lifeYears));
}
