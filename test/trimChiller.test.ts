/**
 * Trim chillers after free-cooling plants: in each hour free cooling misses the facility-water setpoint the trim
 * chiller cools the water the rest of the way (up to its capacity), and its compressor power joins the plant's, the
 * hall's and the campus's power, energy and PUE. Central Ohio dry coolers behind 35 °C rack loops (a 32 °C setpoint
 * behind the 3 K CDU) miss it on summer afternoons.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { catalog } from "../components/catalog";
import { campusModel, type CampusArgs } from "../components/model/campus";
import { coolingPlantWithHours, type CoolingPlantArgs } from "../components/model/coolingPlant";
import { dataHallWithHours, type DataHallArgs } from "../components/model/dataHall";
import { DEFAULT_PLANT_SETPOINT_C, DEFAULT_SUPPLY_TEMP_C } from "../components/model/defaults";
import { TYPE_TOKENS } from "../components/model/typeTokens";
import {
  CHILLER_RATING_DRY_BULB_C, CHILLER_RATING_LEAVING_WATER_C, PLANT_PUMP_SHARE, plantHour, type PlantHourDesign, trimChillerKwPerKwCooling,
} from "../components/physics";
import { HOURS } from "../components/hours/calendar";
import { evaluateRule } from "../policies/evaluate";
import { supplyTemperature } from "../policies/rules/supplyTemperature";
import { between, SEED } from "./helpers/arbitraries";

const PLANT = { type: TYPE_TOKENS.coolingPlant, name: "dry" };
const HALL = { type: TYPE_TOKENS.dataHall, name: "h1" };

const dryPlant = (extra: Partial<CoolingPlantArgs> = {}): CoolingPlantArgs => ({ technology: "dry-cooler", climate: "central-ohio", heatLoadKw: 10_000, setpointC: 32, ...extra });
const dryHall = (trimChiller?: { capacityFraction: number }): DataHallArgs => ({
  climate: "central-ohio",
  racks: [{ name: "nvl", design: "gb200-nvl72", rackCount: 16, supplyTempC: 35 }],
  cooling: { technology: "dry-cooler", ...(trimChiller ? { trimChiller } : {}) },
});

/** The supply-temperature rule over one hall's published footprint. */
function supplyFindings(hall: DataHallArgs) {
  const { footprint } = dataHallWithHours(hall, HALL);
  const { rackGroups: _groups, plant: _plant, ...props } = footprint;
  const view = { type: TYPE_TOKENS.dataHall, urn: "urn:pulumi:s::p::aicluster:index:DataHall::h1", name: "h1", props: { ...props, hasCoolingPlant: true } };
  // The rack loops' findings (the air path, on a loop of its own, holds its water in every hour: tested in airPath.test.ts).
  return evaluateRule(supplyTemperature, [view]).findings.filter((f) => f.budget !== "hours supply air missed");
}

describe("a dry cooler in central Ohio behind 35 °C rack loops", () => {
  const without = dataHallWithHours(dryHall(), HALL);
  const withTrim = dataHallWithHours(dryHall({ capacityFraction: 1 }), HALL);
  const missed = without.footprint.supplyTempMissedHours!;

  it("misses its setpoint on summer hours without trim and fails supply-temperature; a full trim chiller holds it and passes", () => {
    expect(without.footprint.plant!.setpointC).toBe(32);
    expect(missed).toBeGreaterThan(100);
    expect(without.footprint.plant!.trimHours).toBe(0);
    // The only compressor is the air path's chiller (its loop at 18 °C), in the hours free cooling cannot make that.
    expect(without.footprint.plant!.mechanicalHours).toBe(without.footprint.plant!.airChillerHours);
    const failing = supplyFindings(dryHall());
    expect(failing.map((f) => [f.policy, f.measured, f.limit])).toEqual([["supply-temperature", missed, 0]]);
    expect(failing[0].status).toBe("violation");

    expect(withTrim.footprint.supplyTempMissedHours).toBe(0);
    expect(withTrim.footprint.plant!.hoursAboveSetpoint).toBe(0);
    expect(withTrim.footprint.supplyTempMarginK).toBeGreaterThanOrEqual(0);
    expect(withTrim.footprint.rackGroups[0].supplyTempMissedHours).toBe(0);
    expect(supplyFindings(dryHall({ capacityFraction: 1 })).every((f) => f.status === "pass")).toBe(true);
  });

  it("runs the trim in exactly the hours free cooling missed, and counts them as compressor hours", () => {
    const plant = withTrim.footprint.plant!;
    expect(plant.trimHours).toBe(missed);
    // Compressor hours: the trim's and the air path chiller's, counted once when both run (the trim's are summer
    // afternoons, hours the 18 °C air loop's chiller runs too).
    expect(plant.mechanicalHours).toBe(plant.airChillerHours);
    expect(plant.airChillerHours).toBeGreaterThan(missed);
    // Sized for the facility water's heat: the plant's less the air path's.
    expect(plant.trimCapacityKw).toBeCloseTo(without.footprint.heatLoadKw - without.footprint.airPathHeatKw, 6);
  });

  it("adds the trim's energy to the plant and the hall: annual PUE, peak-hour power and rated power rise", () => {
    const plant = withTrim.footprint.plant!;
    expect(plant.trimEnergyMwhPerYear).toBeGreaterThan(0);
    expect(plant.trimPowerKw).toBeGreaterThan(0);
    expect(plant.coolingEnergyMwhPerYear - without.footprint.plant!.coolingEnergyMwhPerYear).toBeCloseTo(plant.trimEnergyMwhPerYear, 6);
    // Dry coolers' fans run the same in both; the difference in facility energy is the trim chiller's.
    expect(withTrim.footprint.annualFacilityEnergyMwh - without.footprint.annualFacilityEnergyMwh).toBeCloseTo(plant.trimEnergyMwhPerYear, 6);
    expect(withTrim.footprint.pue).toBeGreaterThan(without.footprint.pue);
    expect(withTrim.footprint.peakFacilityPowerKw).toBeGreaterThan(without.footprint.peakFacilityPowerKw);
    expect(withTrim.footprint.coolingPowerKw).toBeCloseTo(without.footprint.coolingPowerKw + plant.trimPowerKw, 6);
    expect(withTrim.footprint.facilityPowerKw).toBeCloseTo(without.footprint.facilityPowerKw + plant.trimPowerKw, 6);
    // Its capex is priced as the catalog's air-cooled chiller, on the plant and in the hall.
    expect(plant.capexUsd!.base).toBeGreaterThan(without.footprint.plant!.capexUsd!.base);
    expect(withTrim.footprint.capexUsd.base).toBeGreaterThan(without.footprint.capexUsd.base);
  });

  it("folds the trim into the campus's energy, PUE and peak power", () => {
    const campus = (trimChiller?: { capacityFraction: number }): CampusArgs => ({
      location: "New Albany, Ohio", climate: "central-ohio", market: "pjm",
      halls: [{ name: "h1", racks: dryHall().racks, cooling: dryHall(trimChiller).cooling }],
      powerContracts: [{ name: "grid", counterparty: "AEP Ohio", source: "grid-pjm-ohio", contractedMw: 10 }],
    });
    const a = campusModel(campus(), { type: TYPE_TOKENS.campus, name: "c" });
    const b = campusModel(campus({ capacityFraction: 1 }), { type: TYPE_TOKENS.campus, name: "c" });
    expect(b.pue).toBeGreaterThan(a.pue);
    expect(b.peakFacilityPowerMw).toBeGreaterThan(a.peakFacilityPowerMw);
    expect(b.facilityPowerKw).toBeGreaterThan(a.facilityPowerKw);
  });

  it("draws no trim power in any hour free cooling holds the setpoint, and some in every hour it does not", () => {
    const free = coolingPlantWithHours(dryPlant(), PLANT).hours;
    const trimmed = coolingPlantWithHours(dryPlant({ trimChiller: { capacityFraction: 1 } }), PLANT).hours;
    let checked = 0;
    for (let h = 0; h < HOURS; h++) {
      if (free.coldestC[h] <= 32) {
        expect(trimmed.trimKwPerKwHeat[h]).toBe(0);
        expect(trimmed.trimLoadFraction[h]).toBe(0);
        expect(trimmed.powerFactor[h]).toBe(free.powerFactor[h]);
        expect(trimmed.supplyC[h]).toBe(free.supplyC[h]);
      } else {
        expect(trimmed.trimKwPerKwHeat[h]).toBeGreaterThan(0);
        expect(trimmed.supplyC[h]).toBe(32);
        checked++;
      }
    }
    expect(checked).toBe(trimmed.trimHours);
  });

  it("a trim too small still misses some hours, fewer than without, and fails supply-temperature", () => {
    const none = coolingPlantWithHours(dryPlant(), PLANT).footprint;
    const small = coolingPlantWithHours(dryPlant({ trimChiller: { capacityFraction: 0.3 } }), PLANT).footprint;
    expect(small.trimHours).toBe(none.hoursAboveSetpoint);
    expect(small.hoursAboveSetpoint).toBeGreaterThan(0);
    expect(small.hoursAboveSetpoint).toBeLessThan(none.hoursAboveSetpoint);
    // 30 % of a 10 K range takes 3 K off the warmest hour's water.
    expect(small.warmestSupplyTempC).toBeCloseTo(none.warmestSupplyTempC - 3, 6);
    const hall = dataHallWithHours(dryHall({ capacityFraction: 0.3 }), HALL).footprint;
    expect(hall.supplyTempMissedHours).toBeGreaterThan(0);
    expect(hall.supplyTempMissedHours).toBeLessThan(missed);
    expect(supplyFindings(dryHall({ capacityFraction: 0.3 })).some((f) => f.status === "violation")).toBe(true);
  });
});

describe("trim chiller physics", () => {
  it("rates at the AHRI point and gains with a smaller lift, capped at the chiller minimum", () => {
    const chiller = catalog.coolingTechnologies.get("chiller");
    expect(trimChillerKwPerKwCooling(CHILLER_RATING_DRY_BULB_C, CHILLER_RATING_LEAVING_WATER_C, chiller.powerKwPerKwHeat)).toBeCloseTo(0.34, 10);
    // 32 °C water in 32.4 °C air (central Ohio's 0.4 % design dry bulb): 12.4 K of lift against 40.3 K.
    expect(trimChillerKwPerKwCooling(32.4, 32, 0.34)).toBeCloseTo((0.34 * 12.4) / 40.3, 10);
    expect(trimChillerKwPerKwCooling(20, 32, 0.34)).toBeCloseTo(0.3 * 0.34, 10);
  });

  it("the catalog's CDU approach and the standalone plant's default setpoint agree", () => {
    for (const design of catalog.rackDesigns.list()) {
      if (design.cooling === "liquid") expect(DEFAULT_SUPPLY_TEMP_C - design.cdu!.approachK).toBe(DEFAULT_PLANT_SETPOINT_C);
      else expect(design.cdu).toBeUndefined();
    }
  });

  const design: fc.Arbitrary<PlantHourDesign> = fc
    .record({
      wet: fc.boolean(),
      hybrid: fc.boolean(),
      approachK: between(0, 12),
      dryApproachK: between(0, 12),
      setpointC: between(10, 45),
      capacityFraction: between(0.01, 1),
      ratedKwPerKwCooling: between(0.24, 0.4),
      facilityDeltaTK: between(4, 20),
      wetEvaporativeFraction: between(0.01, 1),
    })
    .map((r) => ({
      ambientBasis: r.wet ? ("wet-bulb" as const) : ("dry-bulb" as const),
      approachK: r.approachK,
      ...(r.wet && r.hybrid ? { dryApproachK: r.dryApproachK } : {}),
      mechanicalSupplyC: 18,
      wetEvaporativeFraction: r.wet ? r.wetEvaporativeFraction : 0,
      setpointC: r.setpointC,
      designDryBulbC: 32,
      trim: { capacityFraction: r.capacityFraction, ratedKwPerKwCooling: r.ratedKwPerKwCooling, facilityDeltaTK: r.facilityDeltaTK },
    }));
  const weather = fc.tuple(between(-20, 45), between(0, 1)).map(([dryBulbC, humid]) => ({ dryBulbC, wetBulbC: dryBulbC - humid * 15 }));

  it("balances each hour: the trim removes the lift free cooling leaves (up to its capacity) and draws that times its kW per kW", () => {
    fc.assert(
      fc.property(design, weather, (d, w) => {
        const { trim, ...freeDesign } = d;
        const free = plantHour(freeDesign, w.dryBulbC, w.wetBulbC);
        const hour = plantHour(d, w.dryBulbC, w.wetBulbC);
        const t = trim!;
        const eps = 1e-9;
        // Heat balance as temperature: the free cooler takes the return water (setpoint + range) down to what it can
        // make, the trim chiller a further trimLoadFraction × range: together the range, or less when the trim is short.
        const returnC = d.setpointC + t.facilityDeltaTK;
        const enteringC = Math.min(free.coldestC, returnC);
        const removedShare = (returnC - enteringC) / t.facilityDeltaTK + hour.trimLoadFraction;
        if (free.coldestC <= d.setpointC) {
          expect(hour.trimLoadFraction).toBe(0);
          expect(hour.trimKwPerKwHeat).toBe(0);
          expect(hour.supplyC).toBe(free.supplyC);
        } else {
          expect(hour.trimLoadFraction).toBeGreaterThan(0);
          expect(hour.trimLoadFraction).toBeLessThanOrEqual(t.capacityFraction + eps);
          // Covered: the setpoint, with the whole range removed. Short: the trim at full capacity, the water warmer.
          if (hour.supplyC <= d.setpointC + eps) expect(removedShare).toBeCloseTo(1, 9);
          else expect(hour.trimLoadFraction).toBeCloseTo(t.capacityFraction, 12);
          expect(hour.supplyC).toBeCloseTo(returnC - removedShare * t.facilityDeltaTK, 9);
        }
        // Its power: the heat it removes times its kW per kW at this hour's lift.
        expect(hour.trimKwPerKwHeat).toBeCloseTo(hour.trimLoadFraction * trimChillerKwPerKwCooling(w.dryBulbC, hour.supplyC, t.ratedKwPerKwCooling), 12);
        const tower = d.ambientBasis === "wet-bulb" && d.dryApproachK === undefined;
        if (tower) {
          // Water-cooled on the tower: the tower rejects the free share, the chiller's share and its compressor work.
          expect(hour.evaporativeShare).toBeCloseTo(free.evaporativeShare * (1 + hour.trimKwPerKwHeat), 12);
          expect(hour.powerFactor).toBe(free.powerFactor);
        } else if (hour.trimLoadFraction > 0 && free.coldestC >= returnC) {
          // Air-cooled, and the free cooler cannot cool the return water at all: bypassed, fans off, pumps on, no water.
          expect([hour.powerFactor, hour.evaporativeShare]).toEqual([PLANT_PUMP_SHARE, 0]);
        } else {
          // Air-cooled: the free cooler rejects the rest (and evaporates only on that).
          expect(hour.evaporativeShare).toBeCloseTo(free.evaporativeShare * (1 - hour.trimLoadFraction), 12);
          expect(hour.powerFactor).toBe(free.powerFactor);
        }
        expect(hour.supplyC).toBe(Math.max(d.setpointC, hour.coldestC));
      }),
      { seed: SEED, numRuns: 500 },
    );
  });

  it("balances each hour of a hall: facility power is IT and overheads, fans and pumps, and the trim; the trim's hours sum to its energy", () => {
    fc.assert(
      fc.property(fc.constantFrom("dry-cooler", "adiabatic", "evaporative-tower"), between(0.05, 1), fc.integer({ min: 24, max: 40 }), (technology, capacityFraction, supplyTempC) => {
        const args: DataHallArgs = {
          climate: "central-ohio",
          racks: [{ name: "nvl", design: "gb200-nvl72", rackCount: 4, supplyTempC }],
          cooling: { technology, trimChiller: { capacityFraction } },
        };
        const { footprint, hours } = dataHallWithHours(args, HALL);
        const plant = footprint.plant!;
        // The same plant on its own, given the air path's loop as the hall gives it.
        const airLoop = { service: plant.airLoopService!, heatLoadKw: plant.airLoopHeatKw, supplyC: plant.airLoopSupplyC! };
        const modelled = coolingPlantWithHours(
          { technology, climate: "central-ohio", heatLoadKw: footprint.heatLoadKw, setpointC: plant.setpointC, trimChiller: { capacityFraction }, airLoop }, PLANT,
        );
        const plantHours = modelled.hours;
        const airHours = modelled.airHours!;
        const facilityHeatKw = footprint.heatLoadKw - plant.airLoopHeatKw;
        // The trim's capacity is a share of the facility water's heat (the plant's less its air loop's).
        expect(plant.trimCapacityKw).toBeCloseTo(capacityFraction * facilityHeatKw, 6);
        const nonCoolingKw = footprint.facilityPowerKw - footprint.coolingPowerKw;
        let compressorKwh = 0;
        for (let h = 0; h < HOURS; h += 97) {
          const u = hours.itKw[h] / footprint.itLoadKw;
          // Both chillers' compressors: the trim on the facility water, the air loop's on its own heat.
          const airKw = u * plant.airLoopHeatKw * airHours.trimKwPerKwHeat[h];
          const trimKw = u * footprint.heatLoadKw * plantHours.trimKwPerKwHeat[h] - airKw;
          expect(hours.trimKw[h]).toBeCloseTo(trimKw + airKw, 6);
          expect(hours.facilityKw[h]).toBeCloseTo(u * (nonCoolingKw + plant.coolingPowerKw * plantHours.powerFactor[h]) + trimKw + airKw, 6);
        }
        for (let h = 0; h < HOURS; h++) compressorKwh += hours.trimKw[h];
        expect(compressorKwh / 1000).toBeCloseTo(plant.trimEnergyMwhPerYear + plant.airChillerEnergyMwhPerYear, 6);
      }),
      { seed: SEED, numRuns: 12 },
    );
  });
});
