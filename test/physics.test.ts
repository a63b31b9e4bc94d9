import { describe, expect, it } from "vitest";
import fc from "fast-check";
import * as physics from "../components/physics";

describe("power", () => {
  it("node IT power is GPUs × board power + host overhead", () => {
    expect(physics.nodeItPowerW(8, 700, 4600)).toBe(10_200);
  });

  it("rack IT power divides the DC load by the power-shelf efficiency", () => {
    // (18 × 6,300 + 9 × 800 + 1,000) W / 0.975 = 124,717.9 W
    const kw = physics.rackItPowerKw({ nodesPerRack: 18, nodePowerW: 6300, switchesPerRack: 9, switchPowerW: 800, rackOverheadW: 1000, powerConversionEfficiency: 0.975 });
    expect(kw).toBeCloseTo(121.6 / 0.975, 6);
  });

  it("PUE and facility power are inverse", () => {
    expect(physics.facilityPowerFromPueKw(1000, 1.1)).toBeCloseTo(1100, 9);
    expect(physics.powerUsageEffectiveness(1100, 1000)).toBeCloseTo(1.1, 9);
    expect(physics.powerUsageEffectiveness(0, 0)).toBe(1);
    expect(() => physics.powerUsageEffectiveness(900, 1000)).toThrow(/facilityPowerKw = 900/);
  });

  it("network power is GPUs × W per GPU", () => {
    expect(physics.networkPowerKw(1000, 60)).toBe(60);
    expect(() => physics.networkPowerKw(-1, 60)).toThrow(/gpuCount = -1/);
  });

  it("converts kW and MW, negative headroom included", () => {
    expect(physics.kwToMw(-2500)).toBe(-2.5);
    expect(physics.mwToKw(1.5)).toBe(1500);
  });
});

describe("heat and coolant", () => {
  it("splits heat by liquid capture", () => {
    expect(physics.splitHeat(100, 0.85)).toEqual({ heatToLiquidKw: 85, heatToAirKw: expect.closeTo(15, 9) });
  });

  it("needs about 1.43 L/min of water per kW at ΔT 10 K", () => {
    // 1 / (4.186 × 10) = 0.023889 kg/s; / 997 kg/m³ × 60,000 = 1.4377 L/min
    expect(physics.coolantMassFlowKgPerS(1, 10)).toBeCloseTo(0.023889, 6);
    expect(physics.coolantFlowLpm(1, 10)).toBeCloseTo(1.4377, 4);
    // 100 / (4.186 × 5) = 4.77783 kg/s; / 997 × 60,000 = 287.53 L/min
    expect(physics.coolantFlowLpm(100, 5)).toBeCloseTo(287.53, 2);
  });
});

describe("energy and water", () => {
  it("evaporates about 1.6 L per kWh of heat, plus blowdown", () => {
    // 3,600 / 2,257 = 1.59504 kg; / 0.997 = 1.59984 L
    expect(physics.evaporationLitresPerKwhHeat()).toBeCloseTo(1.59984, 5);
    // 5 cycles: × 5/4
    expect(physics.makeupLitresPerKwhHeat(5)).toBeCloseTo(1.9998, 4);
  });

  it("WUE is site water per IT energy", () => {
    expect(physics.waterUsageEffectiveness(500, 1000)).toBe(0.5);
    expect(physics.waterUsageEffectiveness(0, 0)).toBe(0);
  });
});

describe("cooling plant", () => {
  it("keeps units in service under each redundancy", () => {
    expect(physics.firmRejectionCapacityKw(4, 1000, "N")).toBe(4000);
    expect(physics.firmRejectionCapacityKw(4, 1000, "N+1")).toBe(3000);
    expect(physics.firmRejectionCapacityKw(5, 1000, "2N")).toBe(2000);
    expect(() => physics.firmRejectionCapacityKw(4, 1000, "3N")).toThrow(/redundancy = 3N.*N, N\+1, 2N/);
  });

  it("sizes units for the load", () => {
    expect(physics.unitsRequired(2500, 1000, "N")).toBe(3);
    expect(physics.unitsRequired(2500, 1000, "N+1")).toBe(4);
    expect(physics.unitsRequired(2500, 1000, "2N")).toBe(6);
    expect(physics.unitsRequired(0, 1000, "N")).toBe(1);
  });

  it("supply temperature follows the limiting ambient", () => {
    const base = { designDryBulbC: 35, designWetBulbC: 27, approachK: 5, mechanicalSupplyC: 7 };
    expect(physics.achievableSupplyTempC({ ...base, ambientBasis: "dry-bulb" })).toBe(40);
    expect(physics.achievableSupplyTempC({ ...base, ambientBasis: "wet-bulb" })).toBe(32);
    expect(physics.achievableSupplyTempC({ ...base, ambientBasis: "mechanical" })).toBe(7);
  });
});

describe("supply and carbon", () => {
  it("firm capacity and deliverable energy", () => {
    expect(physics.firmCapacityMw(100, 0.41)).toBeCloseTo(41, 9);
    expect(physics.deliverableEnergyMwh(100, 0.5)).toBe(438_000);
    expect(physics.emissionsTco2(1000, 490)).toBe(490);
  });
});

describe("guards", () => {
  it("turn NaN, infinities and negatives into named errors", () => {
    expect(() => physics.nodeItPowerW(Number.NaN, 700, 0)).toThrow("gpusPerNode = NaN is out of range; allowed: a whole number >= 0");
    expect(() => physics.coolantFlowLpm(10, 0)).toThrow(/deltaTK = 0 .* > 0/);
    expect(() => physics.splitHeat(10, 1.2)).toThrow(/liquidCaptureFraction = 1.2 .* from 0 to 1/);
  });
});

describe("water from the air's state (issue 32)", () => {
  it("a tower's evaporated share follows the dry bulb (GB/T 50050 K_ZF × latent / cp), worked by hand", () => {
    // Share = K_ZF × 2,257 kJ/kg ÷ 4.186 kJ/(kg·K) = K_ZF × 539.18.
    expect(physics.towerEvaporatedShare(40)).toBeCloseTo(0.0016 * 539.18, 3); // 0.8627
    expect(physics.towerEvaporatedShare(30)).toBeCloseTo(0.0015 * 539.18, 3); // 0.8088
    expect(physics.towerEvaporatedShare(0)).toBeCloseTo(0.001 * 539.18, 3); // 0.5392
    // 25 °C lies halfway from 20 °C (0.0014) to 30 °C (0.0015): K_ZF 0.00145, share 0.7818.
    expect(physics.towerEvaporatedShare(25)).toBeCloseTo(0.00145 * 539.18, 3);
    // −5 °C: halfway from 0.0008 to 0.0010 = 0.0009, share 0.4853; colder and hotter than the table hold its ends.
    expect(physics.towerEvaporatedShare(-5)).toBeCloseTo(0.0009 * 539.18, 3);
    expect(physics.towerEvaporatedShare(-30)).toBeCloseTo(0.0008 * 539.18, 3); // 0.4313
    expect(physics.towerEvaporatedShare(48)).toBeCloseTo(0.0016 * 539.18, 3);
    // Hourly tower water at 30 °C for 1,000 kWh of heat at 5 cycles: 1,000 × 0.8088 × 1.5996 L × 5/4 = 1,617 L
    // (the old constant share 1 gave 2,000 L in every hour); at 0 °C: 1,000 × 0.5392 × 1.5996 × 1.25 = 1,078 L.
    const litres = (dryBulbC: number) => 1000 * physics.towerEvaporatedShare(dryBulbC) * physics.makeupLitresPerKwhHeat(5);
    expect(litres(30)).toBeCloseTo(1617, 0);
    expect(litres(0)).toBeCloseTo(1078, 0);
  });

  it("an adiabatic cooler's evaporated share is its pads' cooling over the coil's air rise, worked by hand", () => {
    // Design hour: 0.85 × (32 − 24.94) = 6.0 K of pad cooling; 6.0 / 12 K = 0.50 (the catalog's evaporativeFraction).
    expect(physics.padEvaporatedShare(32, 24.94)).toBeCloseTo(0.5, 2);
    // Humid hour: 30 °C and 27 °C wet bulb: 0.85 × 3 = 2.55 K; 2.55 / 12 = 0.2125.
    expect(physics.padEvaporatedShare(30, 27)).toBeCloseTo(0.2125, 10);
    // Fans at half speed: half the air through the pads, 0.10625.
    expect(physics.padEvaporatedShare(30, 27, 0.5)).toBeCloseTo(0.10625, 10);
    // Saturated air evaporates nothing; a desert hour caps at 1: 0.85 × (45 − 20) = 21.25 K > 12 K.
    expect(physics.padEvaporatedShare(25, 25)).toBe(0);
    expect(physics.padEvaporatedShare(45, 20)).toBe(1);
    // The plant's wet hour: the catalog's 0.5 at the 6 K design hour, scaled by this hour's pad cooling and fan speed.
    // 30 °C / 27 °C, setpoint 32 °C, approach 8 K: 32 − 27 = 5 K ≤ 8 K, so full speed; 0.5 × 2.55 / 6 = 0.2125.
    const adiabatic = { dryApproachK: 6, wetEvaporativeFraction: 0.5, approachK: 8, setpointC: 32 };
    expect(physics.wetHourEvaporativeShare(adiabatic, 30, 27)).toBeCloseTo(0.2125, 10);
    // Litres for 1,000 kWh of heat at 3 cycles: 1,000 × 0.2125 × 1.5996 × 3/2 = 509.9 L (the old constant 0.5: 1,199.7 L).
    expect(1000 * physics.wetHourEvaporativeShare(adiabatic, 30, 27) * physics.makeupLitresPerKwhHeat(3)).toBeCloseTo(509.9, 1);
    // A tower's wet hour is its fraction × the dry-bulb share: 1 × 0.8088 at 30 °C.
    expect(physics.wetHourEvaporativeShare({ wetEvaporativeFraction: 1, approachK: 5, setpointC: 32 }, 30, 27)).toBeCloseTo(0.8088, 3);
  });

  it("property: the evaporated share lies in [0, 1] and does not fall as the dry bulb rises at a fixed relative humidity", () => {
    const P = physics.SEA_LEVEL_PRESSURE_KPA;
    // Dew point at relative humidity rh and dry bulb t, by bisection on the module's own relativeHumidity.
    const dewPoint = (t: number, rh: number) => {
      let lo = -80;
      let hi = t;
      for (let i = 0; i < 80; i++) {
        const mid = 0.5 * (lo + hi);
        if (physics.relativeHumidity(t, mid) > rh) hi = mid;
        else lo = mid;
      }
      return 0.5 * (lo + hi);
    };
    const wet = (t: number, rh: number) => physics.wetBulbC(t, dewPoint(t, rh), P);
    const adiabatic = { dryApproachK: 6, wetEvaporativeFraction: 0.5, approachK: 8, setpointC: 32 };
    const tower = { wetEvaporativeFraction: 1, approachK: 5, setpointC: 32 };
    fc.assert(
      fc.property(fc.double({ min: -30, max: 45, noNaN: true }), fc.double({ min: 0, max: 10, noNaN: true }), fc.double({ min: 0.05, max: 1, noNaN: true }), (t, dt, rh) => {
        const [w1, w2] = [wet(t, rh), wet(t + dt, rh)];
        for (const share of [
          (db: number) => physics.towerEvaporatedShare(db),
          (db: number, wb: number) => physics.padEvaporatedShare(db, wb),
          (db: number, wb: number) => physics.wetHourEvaporativeShare(tower, db, wb),
          (db: number, wb: number) => physics.wetHourEvaporativeShare(adiabatic, db, wb),
        ]) {
          const [a, b] = [share(t, w1), share(t + dt, w2)];
          expect(a).toBeGreaterThanOrEqual(0);
          expect(b).toBeLessThanOrEqual(1);
          expect(b).toBeGreaterThanOrEqual(a - 1e-9);
        }
      }),
      { numRuns: 300, seed: 32 },
    );
  });
});

describe("a hall part's energy over the year (the report's split)", () => {
  it("is its full-load kW over the hall's full-load hours: 1,000 kW IT at 0.8 for 8,760 h is 7,008 MWh, so 7,008 h; 50 kW of losses then 350.4 MWh", () => {
    expect(physics.fullLoadHours(7008, 1000)).toBeCloseTo(7008, 9);
    expect(physics.energyOverFullLoadHoursMwh(50, 7008)).toBeCloseTo(350.4, 9);
    expect(physics.fullLoadHours(0, 0)).toBe(0);
  });
});
