/** Straight-line depreciation (components/costs/depreciation.ts): whole years, a fractional last year, before and after the life. */
import { describe, expect, it } from "vitest";
import { straightLineDepreciationShare, straightLineDepreciationUsd } from "../components/costs/depreciation";

describe("straight-line depreciation", () => {
  it("spreads the capex evenly over the life, with a fractional last year and nothing outside it", () => {
    expect(straightLineDepreciationShare(-1, 5)).toBe(0); // not yet in service
    expect(straightLineDepreciationShare(0, 5)).toBe(0.2);
    expect(straightLineDepreciationShare(4, 5)).toBe(0.2);
    expect(straightLineDepreciationShare(5, 5)).toBe(0);
    expect(straightLineDepreciationShare(7, 7.5)).toBeCloseTo(0.5 / 7.5, 15);
    expect(straightLineDepreciationShare(undefined, 4)).toBe(0.25); // an undated campus's steady year
    let sum = 0;
    for (let age = 0; age < 10; age++) sum += straightLineDepreciationShare(age, 7.5);
    expect(sum).toBeCloseTo(1, 12);
  });

  it("scales each end of a cost range", () => {
    expect(straightLineDepreciationUsd({ low: 10, base: 20, high: 40 }, 1, 4)).toEqual({ low: 2.5, base: 5, high: 10 });
  });
});
