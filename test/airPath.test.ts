/**
 * The air path (issue 32, deliverable 1): a liquid-cooled hall's heat to room air (the racks' air share, the network,
 * the air-handling fans, the electrical losses) is cooled through coils that need water 5 K below a 23 °C supply air,
 * 18 °C, far colder than the 37 °C facility water of 40 °C rack loops. Each expected figure below is worked out by hand
 * from the plant's catalog figures (dry cooler: 6 K approach, 0.05 kW/kW, pumps a fifth of that; chiller: 0.34 kW/kW at
 * AHRI's 35 °C air and 6.7 °C water, a lift of 35 + 12 − 6.7 = 40.3 K) in weather held constant all year, so that every
 * hour is the same hour and the year's peak is that hour.
 */
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { catalog } from "../components/catalog";
import { dataHallWithHours, type DataHallArgs } from "../components/model/dataHall";
import { coolingPlantModel } from "../components/model/coolingPlant";
import { TYPE_TOKENS } from "../components/model/typeTokens";
import { airLoopHour, makeupLitresPerKwhHeat, plantHour, towerEvaporatedShare, type PlantHourDesign } from "../components/physics";
import { HOURS } from "../components/hours/calendar";
import type { WeatherYear } from "../components/weather/types";
import { evaluateRule } from "../policies/evaluate";
import { supplyTemperature } from "../policies/rules/supplyTemperature";
import { AiclusterInputError } from "../components/model/inputError";
import { SEED } from "./helpers/arbitraries";

const HALL = { type: TYPE_TOKENS.dataHall, name: "h1" };

/** A year whose every hour has the same dry and wet bulb. */
function constantYear(dryBulbC: number, wetBulbC: number): WeatherYear {
  return {
    origin: `constant ${dryBulbC}/${wetBulbC} °C`,
    location: catalog.climates.get("central-ohio").location!,
    dryBulbC: new Float64Array(HOURS).fill(dryBulbC),
    wetBulbC: new Float64Array(HOURS).fill(wetBulbC),
    dewPointC: new Float64Array(HOURS).fill(wetBulbC),
  };
}

const hall = (extra: Partial<DataHallArgs> = {}): DataHallArgs => ({
  climate: "central-ohio",
  racks: [{ name: "nvl", design: "gb200-nvl72", rackCount: 10, supplyTempC: 40 }],
  cooling: { technology: "dry-cooler" },
  utilisation: 1,
  ...extra,
});

function modelIn(dryBulbC: number, wetBulbC: number, extra: Partial<DataHallArgs> = {}) {
  return dataHallWithHours(hall(extra), HALL, { weather: constantYear(dryBulbC, wetBulbC) }).footprint;
}

/** Fan-and-pump factor of a dry cooler with `approachK` making `setpointC` in `dryBulbC` air, by the affinity laws (pumps a fifth). */
const fanFactor = (dryBulbC: number, setpointC: number, approachK = 6) => {
  const speed = setpointC - dryBulbC <= approachK ? 1 : Math.max(0.2, approachK / (setpointC - dryBulbC));
  return 0.2 + 0.8 * speed ** 3;
};
/** The catalog chiller's kW per kW of cooling making `leavingC` water in `dryBulbC` air: 0.34 × lift / 40.3 K, never below 0.3 of it. */
const chillerKwPerKw = (dryBulbC: number, leavingC: number) => 0.34 * Math.max(0.3, (dryBulbC + 12 - leavingC) / 40.3);

describe("the air path of a 40 °C GB200 hall behind dry coolers", () => {
  const hot = modelIn(30, 20);
  const airHeatKw = hot.heatToAirKw + hot.airHandlingKw + hot.electricalLossKw;
  const share = airHeatKw / hot.heatLoadKw;

  it("carries the racks' 15 % air share, the network, the fans and the losses: about a fifth of the IT load", () => {
    // 10 racks: IT of the racks = 10 × rack IT; 15 % of it to air; the network (60 W × 720 GPUs) to air.
    const racksKw = hot.itLoadKw - hot.networkKw;
    expect(hot.networkKw).toBeCloseTo(720 * 0.06, 9);
    expect(hot.heatToAirKw).toBeCloseTo(racksKw * 0.15 + hot.networkKw, 6);
    expect(hot.airHandlingKw).toBeCloseTo(hot.heatToAirKw * 0.08, 6);
    expect(hot.electricalLossKw).toBeCloseTo(hot.itLoadKw * 0.04, 6);
    expect(hot.airPathHeatKw).toBeCloseTo(airHeatKw, 9);
    expect(hot.airPathHeatKw / hot.itLoadKw).toBeGreaterThan(0.18);
    expect(hot.airPathHeatKw / hot.itLoadKw).toBeLessThan(0.24);
    expect([hot.airPathService, hot.supplyAirC, hot.airPathWaterC]).toEqual(["economised-chiller", 23, 18]);
    expect(hot.plant!.setpointC).toBe(37);
    expect(hot.plant!.airLoopSupplyC).toBe(18);
    expect(hot.plant!.airChillerCapacityKw).toBeCloseTo(airHeatKw, 9);
  });

  it("30 °C air: the facility water is free-cooled (36 °C), the air loop's dry cooler is bypassed and its chiller carries it all", () => {
    // Facility loop: 37 − 30 = 7 K of room, approach 6 K: fans at 6/7 speed. Air loop: 30 + 6 = 36 °C ≥ 18 + 10 = 28 °C return: bypassed, pumps only.
    const k = chillerKwPerKw(30, 18); // 0.34 × 24 / 40.3 = 0.2025
    expect(k).toBeCloseTo(0.20248, 5);
    const fansKw = hot.heatLoadKw * 0.05 * ((1 - share) * fanFactor(30, 37) + share * 0.2);
    const expected = hot.heatLoadKw + fansKw + airHeatKw * k;
    expect(hot.peakFacilityPowerKw).toBeCloseTo(expected, 6);
    expect(hot.plant!.airChillerPowerKw).toBeCloseTo(airHeatKw * k, 6);
    expect(hot.plant!.airChillerHours).toBe(HOURS);
    expect(hot.plant!.airChillerEnergyMwhPerYear).toBeCloseTo((airHeatKw * k * HOURS) / 1000, 6);
    expect(hot.coolingPowerKw).toBeCloseTo(hot.heatLoadKw * 0.05 + airHeatKw * k, 6);
    // Before the air path all the heat was on the 37 °C water: peak = H + 0.05 H × fans(30 → 37). The air path adds about 4 % here.
    const withoutAirPath = hot.heatLoadKw + hot.heatLoadKw * 0.05 * fanFactor(30, 37);
    expect(hot.peakFacilityPowerKw / withoutAirPath - 1).toBeGreaterThan(0.035);
    expect(hot.peakFacilityPowerKw / withoutAirPath - 1).toBeLessThan(0.06);
    expect([hot.airSupplyMissedHours, hot.airSupplyMarginK, hot.supplyTempMissedHours]).toEqual([0, 0, 0]);
    expect(hot.waterM3PerYear).toBe(0);
  });

  it("10 °C air: the air loop is free-cooled (16 °C) and its chiller never runs", () => {
    const cold = modelIn(10, 5);
    const fansKw = cold.heatLoadKw * 0.05 * ((1 - share) * fanFactor(10, 37) + share * fanFactor(10, 18));
    expect(fanFactor(10, 18)).toBeCloseTo(0.5375, 9); // 6 / 8 = 0.75 speed: 0.2 + 0.8 × 0.421875
    expect(cold.peakFacilityPowerKw).toBeCloseTo(cold.heatLoadKw + fansKw, 6);
    expect([cold.plant!.airChillerHours, cold.plant!.airChillerPowerKw, cold.plant!.mechanicalHours]).toEqual([0, 0, 0]);
    // Margin: what the loop could make with its chiller at full capacity, 16 − 10 = 6 °C, against 18 °C: 12 K in every hour.
    expect(cold.airSupplyMarginK).toBeCloseTo(12, 9);
  });

  it("18 °C air: the dry cooler pre-cools the 28 °C return to 24 °C and the chiller takes the last 6 K (60 % of the loop heat)", () => {
    const mild = modelIn(18, 10);
    // Lift 18 + 12 − 18 = 12 K is below 0.3 × 40.3 K: the chiller is at its floor, 0.3 × 0.34 per kW of cooling.
    const k = 0.6 * 0.34 * 0.3;
    const fansKw = mild.heatLoadKw * 0.05 * ((1 - share) * fanFactor(18, 37) + share * 1);
    expect(mild.peakFacilityPowerKw).toBeCloseTo(mild.heatLoadKw + fansKw + airHeatKw * k, 6);
    expect(mild.plant!.airChillerHours).toBe(HOURS);
  });

  it("a dedicated chiller takes the whole loop every hour and the plant's fans none of it", () => {
    const own = modelIn(30, 20, { airPath: { service: "chiller" } });
    const k = chillerKwPerKw(30, 18);
    const fansKw = own.heatLoadKw * 0.05 * (1 - share) * fanFactor(30, 37);
    expect(own.peakFacilityPowerKw).toBeCloseTo(own.heatLoadKw + fansKw + airHeatKw * k, 6);
    const cold = modelIn(5, 2, { airPath: { service: "chiller" } });
    // In 5 °C air the lift is 5 + 12 − 18 < 0: the chiller at its floor, 0.3 × 0.34, all year (no free cooling).
    expect(cold.plant!.airChillerPowerKw).toBeCloseTo(airHeatKw * 0.34 * 0.3, 6);
    expect(cold.plant!.airChillerHours).toBe(HOURS);
  });

  it("coils on the facility water hold the plant at 18 °C: in 30 °C air every hour misses, and the rule says so", () => {
    const shared = modelIn(30, 20, { airPath: { service: "facility-water" } });
    expect(shared.plant!.setpointC).toBe(18);
    expect(shared.plant!.airLoopService).toBeUndefined();
    expect([shared.airSupplyMissedHours, shared.airSupplyMarginK]).toEqual([HOURS, 18 - 36]);
    // The racks still get water cold enough: 36 °C ≤ 37 °C.
    expect(shared.supplyTempMissedHours).toBe(0);
    const { rackGroups: _g, plant: _p, ...props } = shared;
    const view = { type: TYPE_TOKENS.dataHall, urn: "urn:pulumi:s::p::aicluster:index:DataHall::h1", name: "h1", props: { ...props, hasCoolingPlant: true } };
    const findings = evaluateRule(supplyTemperature, [view]).findings.filter((f) => f.status === "violation");
    expect(findings.map((f) => [f.measured, f.limit])).toEqual([[HOURS, 0]]);
    expect(findings[0].message).toBe(
      "h1: the air path's coils get warmer water than its 23 °C supply air needs in 8,760 hours a year (worst 18 K warmer at 01-01 00:00; the coils are on the facility water), above the limit of 0 h",
    );
    // Warmer supply air allowed (ASHRAE A2 allows 35 °C) with close rear-door coils: 35 − 2 = 33 °C water, which 36 °C still misses by 3 K.
    const rearDoor = modelIn(30, 20, { airPath: { service: "facility-water", supplyAirC: 35, coilApproachK: 2 } });
    expect([rearDoor.plant!.setpointC, rearDoor.airSupplyMarginK]).toEqual([33, -3]);
  });
});

describe("the air path behind an evaporative tower", () => {
  it("30/20 °C: the tower pre-cools the 28 °C return to 25 °C and its water-cooled chiller's heat and work evaporate on it", () => {
    const tech = catalog.coolingTechnologies.get("evaporative-tower");
    const fp = modelIn(30, 20, { cooling: { technology: "evaporative-tower" } });
    const airHeatKw = fp.airPathHeatKw;
    const s = airHeatKw / fp.heatLoadKw;
    // Tower approach 5 K: 25 °C water. The chiller takes (25 − 18) / 10 = 70 % of the loop at 0.34 × 24 / 40.3 per kW of cooling.
    const k = 0.7 * chillerKwPerKw(30, 18);
    const e = tech.evaporativeFraction * towerEvaporatedShare(30);
    const m3PerKwh = makeupLitresPerKwhHeat(tech.cyclesOfConcentration) / 1000;
    const perHourM3 = fp.heatLoadKw * ((1 - s) * e + s * e * (1 + k)) * m3PerKwh;
    expect(fp.waterM3PerYear).toBeCloseTo(perHourM3 * HOURS, 6);
    expect(fp.plant!.airChillerPowerKw).toBeCloseTo(airHeatKw * k, 6);
  });
});

describe("air loop hours (property)", () => {
  const dry: PlantHourDesign = { ambientBasis: "dry-bulb", approachK: 6, mechanicalSupplyC: 18, wetEvaporativeFraction: 0, setpointC: 37, designDryBulbC: 32 };
  const loop = { service: "economised-chiller" as const, supplyC: 18, deltaTK: 10, ratedKwPerKwCooling: 0.34, chillerCoolestC: 7 };

  it("an economised loop always holds its supply; its chiller works only when free cooling cannot, and never less than free cooling alone asks", () => {
    fc.assert(
      fc.property(fc.double({ min: -30, max: 48, noNaN: true }), (dryBulbC) => {
        const hour = airLoopHour(dry, loop, dryBulbC, dryBulbC - 5);
        const free = plantHour({ ...dry, setpointC: 18 }, dryBulbC, dryBulbC - 5);
        expect(hour.supplyC).toBe(18);
        expect(hour.trimLoadFraction).toBeGreaterThanOrEqual(0);
        expect(hour.trimLoadFraction).toBeLessThanOrEqual(1);
        // The share the chiller takes is what free cooling leaves of the 10 K range: (min(free, 28) − 18) / 10.
        const expected = free.coldestC <= 18 ? 0 : (Math.min(free.coldestC, 28) - 18) / 10;
        expect(hour.trimLoadFraction).toBeCloseTo(expected, 12);
      }),
      { seed: SEED, numRuns: 300 },
    );
  });
});

describe("air path input errors name the field, the value and what is allowed", () => {
  const message = (extra: Partial<DataHallArgs>) => {
    try {
      modelIn(30, 20, extra);
    } catch (e) {
      expect(e).toBeInstanceOf(AiclusterInputError);
      return (e as Error).message;
    }
    throw new Error("accepted");
  };

  it("refuses an unknown service, supply air outside 15-35 °C, a coil approach leaving water below 5 °C, and loop settings on the facility water", () => {
    const invalid = 'aicluster:index:DataHall "h1" has invalid args: ';
    expect(message({ airPath: { service: "rear-door" as never } })).toBe(`${invalid}airPath.service = "rear-door"; allowed: one of economised-chiller, chiller, facility-water`);
    expect(message({ airPath: { supplyAirC: 40 } })).toBe(`${invalid}airPath.supplyAirC = 40; allowed: a number from 15 to 35 °C`);
    expect(message({ airPath: { supplyAirC: 15, coilApproachK: 12 } })).toBe(
      `${invalid}airPath.coilApproachK = 12; allowed: at most 10 K with supply air at 15 °C: the coils' water (supply air minus approach) must be at least 5 °C`,
    );
    expect(message({ airPath: { service: "facility-water", waterDeltaTK: 8 } })).toBe(
      `${invalid}airPath.waterDeltaTK = 8; allowed: unset when the coils take the facility water (airPath.service "facility-water": they have no loop or chiller of their own), or airPath.service "economised-chiller" or "chiller"`,
    );
    // A CoolingPlant on its own takes the air loop as an arg: its heat cannot exceed the plant's, its service is one of two.
    const plantMessage = (airLoop: Record<string, unknown>) => {
      try {
        coolingPlantModel({ technology: "dry-cooler", climate: "central-ohio", heatLoadKw: 1000, airLoop } as never, { type: TYPE_TOKENS.coolingPlant, name: "p1" });
      } catch (e) {
        expect(e).toBeInstanceOf(AiclusterInputError);
        return (e as Error).message;
      }
      throw new Error("accepted");
    };
    const plantInvalid = 'aicluster:index:CoolingPlant "p1" has invalid args: ';
    expect(plantMessage({ service: "economised-chiller", heatLoadKw: 1200, supplyC: 18 })).toBe(`${plantInvalid}airLoop.heatLoadKw = 1200; allowed: at most the plant's heat load, 1,000 kW (technology "dry-cooler")`);
    expect(plantMessage({ service: "facility-water", heatLoadKw: 200, supplyC: 18 })).toBe(`${plantInvalid}airLoop.service = "facility-water"; allowed: one of economised-chiller, chiller`);
    expect(plantMessage({ service: "chiller", heatLoadKw: 200, supplyC: 18, ratedKwPerKwCooling: 0.5 })).toBe(`${plantInvalid}airLoop.ratedKwPerKwCooling = 0.5; allowed: a number from 0.24 to 0.4 kW per kW of cooling (technology "chiller")`);
    expect(message({ airPath: { chillerRatedKwPerKwCooling: 0.1 } })).toBe(`${invalid}airPath.chillerRatedKwPerKwCooling = 0.1; allowed: a number from 0.24 to 0.4 kW per kW of cooling (technology "chiller")`);
  });
});
