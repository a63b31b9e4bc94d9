/**
 * A generated weather year never silently misses its climate's design values: either it has about the hours above
 * each design value that the definition implies (35 h above the 0.4 % values, 88 h above the 1 % ones), or the climate
 * is refused with a WeatherInputError naming the design value and the range its normals allow. A year that kept
 * thousands of hours above a "1 %" value would pass or fail supply-temperature and firm-power on the wrong hours.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { Catalog, catalog } from "../components/catalog";
import { AiclusterInputError } from "../components/model/inputError";
import { campusModel } from "../components/model/campus";
import {
  DESIGN_HOURS_TOLERANCE, generateWeatherYear, HOURS_ABOVE_04_PERCENT, HOURS_ABOVE_1_PERCENT, WeatherInputError, type HourlyClimateSpec,
} from "../components/weather";
import { between, SEED } from "./helpers/arbitraries";
import { twoHallCampus } from "./helpers/parity";

const above = (series: Float64Array, value: number) => series.reduce((n, v) => n + (v > value ? 1 : 0), 0);
const within = (hours: number, expected: number) => Math.abs(hours - expected) <= DESIGN_HOURS_TOLERANCE * expected;

describe("design hours of a generated year", () => {
  const temperate = () => Catalog.withBuiltins().climates.get("temperate-generic") as HourlyClimateSpec;

  it("refuse design values the normals contradict, or land within the tolerance (property)", () => {
    let refused = 0;
    let generated = 0;
    fc.assert(
      fc.property(between(-6, 6), between(-12, 4), between(0.3, 2.5), between(-10, 3), between(0.3, 2.5), fc.integer({ min: 0, max: 1e6 }), (dryShift, wetShift, dryGap, wetOffset, wetGap, n) => {
        const base = temperate();
        const design1 = base.designDryBulb1C + dryShift;
        const wet1 = Math.min(base.designWetBulb1C + wetShift + wetOffset / 4, design1 - 2);
        const climate: HourlyClimateSpec = {
          ...base, id: `design-${n}`,
          designDryBulb1C: design1, designDryBulbC: design1 + dryGap,
          designWetBulb1C: wet1, designWetBulbC: Math.min(wet1 + wetGap, design1 + dryGap),
        };
        let year;
        try {
          year = generateWeatherYear(climate);
        } catch (error) {
          expect(error).toBeInstanceOf(WeatherInputError);
          const problems = (error as WeatherInputError).problems;
          expect(problems.length).toBeGreaterThan(0);
          for (const p of problems) {
            expect(["designDryBulbC", "designDryBulb1C", "designWetBulbC", "designWetBulb1C"]).toContain(p.field);
            expect(p.value).toBe(climate[p.field as keyof HourlyClimateSpec]);
          }
          refused++;
          return;
        }
        generated++;
        expect(within(above(year.dryBulbC, climate.designDryBulbC), HOURS_ABOVE_04_PERCENT)).toBe(true);
        expect(within(above(year.dryBulbC, climate.designDryBulb1C), HOURS_ABOVE_1_PERCENT)).toBe(true);
        expect(within(above(year.wetBulbC, climate.designWetBulbC), HOURS_ABOVE_04_PERCENT)).toBe(true);
        expect(within(above(year.wetBulbC, climate.designWetBulb1C), HOURS_ABOVE_1_PERCENT)).toBe(true);
      }),
      { seed: SEED, numRuns: 30 },
    );
    // Both outcomes occur: the property is not vacuous either way.
    expect(refused).toBeGreaterThan(0);
    expect(generated).toBeGreaterThan(0);
  });

  it("a campus on such a climate fails as bad input naming the climate and the design value", () => {
    const id = "too-cold-1pct";
    if (!catalog.climates.has(id)) catalog.climates.register({ ...catalog.climates.get("central-ohio"), id, designWetBulb1C: 12 });
    let error: unknown;
    try {
      campusModel(twoHallCampus({ climate: id }), { type: "aicluster:index:Campus", name: "cold" });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(AiclusterInputError);
    const problems = (error as AiclusterInputError).problems;
    expect(problems.map((p) => p.field)).toContain("climate");
    const climateProblem = problems.find((p) => p.field === "climate")!;
    expect(climateProblem.value).toBe(id);
    expect(climateProblem.allowed).toMatch(/designWetBulb1C = 12; allowed: above \d+(\.\d)? °C/);
  });
});
