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
  it("annual energy is kW × utilisation × 8,760 h", () => {
    expect(physics.annualEnergyMwh(1000, 0.5)).toBe(4380);
  });

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

  it("non-dispatchable sources first, dispatchable ones fill the rest pro rata", () => {
    const mix = physics.supplyMix(10_000, [
      { name: "wind", contractedMw: 1, capacityFactor: 0.5, carbonIntensityGPerKwh: 11, dispatchable: false, clean: true },
      { name: "grid", contractedMw: 3, capacityFactor: 1, carbonIntensityGPerKwh: 400, dispatchable: true, clean: false },
      { name: "gas", contractedMw: 1, capacityFactor: 0.57, carbonIntensityGPerKwh: 490, dispatchable: true, clean: false },
    ]);
    // wind 4,380 MWh; remaining 5,620 split 3:1
    expect(mix.suppliedMwh.wind).toBeCloseTo(4380, 6);
    expect(mix.suppliedMwh.grid).toBeCloseTo(4215, 6);
    expect(mix.suppliedMwh.gas).toBeCloseTo(1405, 6);
    expect(mix.unservedMwh).toBeCloseTo(0, 6);
    const tco2 = (4380 * 11 + 4215 * 400 + 1405 * 490) / 1000;
    expect(mix.carbonTco2PerYear).toBeCloseTo(tco2, 6);
    expect(mix.intensityGPerKwh).toBeCloseTo(tco2 / 10, 6);
    expect(mix.cleanShare).toBeCloseTo(0.438, 6);
  });

  it("caps dispatchable sources at their MW and reports what is left unserved", () => {
    const mix = physics.supplyMix(25_000, [
      { name: "small", contractedMw: 1, capacityFactor: 1, carbonIntensityGPerKwh: 400, dispatchable: true, clean: false },
      { name: "big", contractedMw: 1.5, capacityFactor: 1, carbonIntensityGPerKwh: 400, dispatchable: true, clean: false },
    ]);
    expect(mix.suppliedMwh.small).toBeCloseTo(8760, 6);
    expect(mix.suppliedMwh.big).toBeCloseTo(13_140, 6);
    expect(mix.unservedMwh).toBeCloseTo(25_000 - 21_900, 6);
    const short = physics.supplyMix(30_000, [{ name: "only", contractedMw: 1, capacityFactor: 1, carbonIntensityGPerKwh: 400, dispatchable: true, clean: false }]);
    expect(short.unservedMwh).toBeCloseTo(30_000 - 8760, 6);
  });

  it("curtails non-dispatchable energy beyond demand", () => {
    const mix = physics.supplyMix(100, [{ name: "nuke", contractedMw: 1, capacityFactor: 0.92, carbonIntensityGPerKwh: 12, dispatchable: false, clean: true }]);
    expect(mix.suppliedMwh.nuke).toBeCloseTo(100, 9);
    expect(mix.cleanShare).toBe(1);
  });
});

describe("dispatch steps and carbon (physics/dispatch.ts, physics/carbon.ts)", () => {
  it("shares pro rata up to each cap (water filling), all caps when the amount covers them", () => {
    const weight = Float64Array.of(1, 3);
    const out = new Float64Array(2);
    expect(physics.shareProRata(8, weight, Float64Array.of(1, 30), out, new Uint8Array(2), 2)).toBe(8);
    expect([...out]).toEqual([1, 7]); // party 0 capped at 1, party 1 takes the rest
    expect(physics.shareProRata(50, weight, Float64Array.of(1, 30), out, new Uint8Array(2), 2)).toBe(31);
    expect([...out]).toEqual([1, 30]);
  });

  it("dispatchable contracts cover what is left pro rata to their caps, and what they cannot stays unmet", () => {
    const d = { count: 2, contractedMw: Float64Array.of(100, 100), firmMw: Float64Array.of(50, 100), derating: [null, Float64Array.from({ length: 8760 }, () => 0.6)], firstHour: Int32Array.of(0, 10) };
    const cap = new Float64Array(2);
    expect(physics.dispatchableCapsMw(d, 0, cap)).toBe(50); // the second starts in hour 10
    expect(physics.dispatchableCapsMw(d, 10, cap)).toBe(110); // min(100 firm, 100 × 0.6)
    const out = new Float64Array(2);
    expect(physics.dispatchProRata(55, cap, 110, out, 2)).toBe(0);
    expect([...out]).toEqual([25, 30]);
    expect(physics.dispatchProRata(200, cap, 110, out, 2)).toBe(90);
  });

  it("a battery charges from a surplus net of its losses and delivers its stored clean share", () => {
    const b = physics.emptyBatteries(Float64Array.of(10), Float64Array.of(40), Float64Array.of(0.8), Int32Array.of(0));
    expect(physics.chargeBatteries(b, 0, 25, 0.5)).toBe(10); // power-limited
    expect(b.storedMwh[0]).toBe(8);
    expect(b.cleanStoredMwh[0]).toBe(4);
    const flow = { remainingMw: 6, cleanToLoadMw: 1 };
    physics.dischargeBatteries(b, 1, flow);
    expect(flow).toEqual({ remainingMw: 0, cleanToLoadMw: 4 });
    expect(physics.unservedMw(1e-12, 100)).toBe(0); // float residue
    expect(physics.unservedMw(1, 100)).toBe(1);
  });

  it("carbon, intensity and the shares", () => {
    expect(physics.emissionsTco2(1000, 490)).toBe(490);
    expect(physics.carbonIntensityGPerKwh(490, 1000)).toBe(490);
    expect(physics.carbonIntensityGPerKwh(490, 0)).toBe(0);
    expect(physics.carbonFreeMw(120, 100)).toBe(100);
    expect(physics.carbonFreeShare(50, 200)).toBe(0.25);
    expect(physics.cleanShare(1, 0)).toBe(0);
  });

  it("certificates cover their own market first, then an unmarked market both ways", () => {
    const ledger = (energyMwh: number, energyTco2: number, certificatesMwh: number, certificateTco2: number) => ({ energyMwh, energyTco2, certificatesMwh, certificateTco2 });
    const byMarket = new Map([["pjm", ledger(100, 40, 30, 0)], ["", ledger(50, 20, 0, 0)], ["ercot", ledger(0, 0, 80, 0)]]);
    const cover = physics.coverWithCertificates(byMarket);
    expect(cover.coveredMwh).toBe(80); // 30 in PJM, then ERCOT's 80 cover the unmarked 50
    expect(cover.avoidedTco2).toBeCloseTo(32, 12);
    expect(physics.marketBasedTco2(60, cover.avoidedTco2)).toBeCloseTo(28, 12);
    expect(physics.marketBasedTco2(10, 32)).toBe(0);
  });
});

describe("guards", () => {
  it("turn NaN, infinities and negatives into named errors", () => {
    expect(() => physics.nodeItPowerW(Number.NaN, 700, 0)).toThrow("gpusPerNode = NaN is out of range; allowed: a whole number >= 0");
    expect(() => physics.coolantFlowLpm(10, 0)).toThrow(/deltaTK = 0 .* > 0/);
    expect(() => physics.annualEnergyMwh(Infinity, 0.5)).toThrow(/powerKw = Infinity/);
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
