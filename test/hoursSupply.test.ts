/**
 * Hourly supply (components/hours/supply.ts) and the profiles it reads (physics/solar.ts, physics/windProfile.ts):
 * solar geometry against known values, profile means and bounds, exact small dispatches worked by hand, the
 * binding-hours case that motivated it (1 GW of solar, 100 MW of load), and fast-check properties over random
 * contract sets: every hour balances, annual figures are the sums of the hours and of the months.
 *
 * Reproducible: the seed is fixed (FC_SEED, default below) and printed; FC_RUNS sets the runs (default 60).
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  DEFAULT_ROUND_TRIP_EFFICIENCY,
  HourlyContract,
  HourlySupplyDetail,
  hourlySupply,
  hourlySupplyDetail,
  SUPPLY_PROFILES,
} from "../components/hours/supply";
import { PhysicsInputError } from "../components/physics/guard";
import {
  DAYS_PER_MONTH,
  declinationRad,
  equationOfTimeMin,
  fitProfileToMean,
  fractionalYearRad,
  hourlySolarElevationDeg,
  solarElevationDeg,
  solarProfile,
} from "../components/physics/solar";
import { windProfile } from "../components/physics/windProfile";
import type { SiteLocation } from "../components/weather/types";
import { envInt, SEED } from "./helpers/arbitraries";

const RUNS = envInt("FC_RUNS", 60);
const PROPS = { seed: SEED, numRuns: RUNS };
console.log(`[hoursSupply] fast-check seed ${SEED}, ${RUNS} runs per property (set FC_SEED / FC_RUNS to change)`);

const HOURS = 8760;
const OHIO: SiteLocation = { latitudeDeg: 40.08, longitudeDeg: -82.81, utcOffsetHours: -5, elevationM: 300 };
const DEG = Math.PI / 180;

const sum = (a: ArrayLike<number>): number => {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i];
  return s;
};
const constant = (mw: number): Float64Array => new Float64Array(HOURS).fill(mw);
/** |a − b| within `rel` of the larger magnitude, or within `abs`. */
function close(actual: number, expected: number, what: string, rel = 1e-9, abs = 1e-9): void {
  const tol = Math.max(abs, rel * Math.max(Math.abs(actual), Math.abs(expected)));
  if (!(Math.abs(actual - expected) <= tol)) throw new Error(`${what}: ${actual} != ${expected} (tolerance ${tol})`);
}
function contract(name: string, profile: HourlyContract["profile"], contractedMw: number, more: Partial<HourlyContract> = {}): HourlyContract {
  const clean = profile === "flat" || profile === "solar" || profile === "wind";
  return { name, profile, contractedMw, capacityFactor: 1, carbonIntensityGPerKwh: clean ? 12 : 466, clean, ...more };
}

describe("solar geometry (NOAA / Spencer 1971)", () => {
  it("declination at the solstices and equinoxes", () => {
    expect(declinationRad(fractionalYearRad(172, 12)) / DEG).toBeCloseTo(23.44, 1); // 21 June
    expect(declinationRad(fractionalYearRad(355, 12)) / DEG).toBeCloseTo(-23.44, 1); // 21 December
    expect(Math.abs(declinationRad(fractionalYearRad(80, 12)) / DEG)).toBeLessThan(0.5); // 21 March
  });

  it("equation of time at its extremes (about −14.2 min mid-February, +16.4 min early November)", () => {
    expect(equationOfTimeMin(fractionalYearRad(42, 12))).toBeCloseTo(-14.2, 0);
    expect(equationOfTimeMin(fractionalYearRad(307, 12))).toBeCloseTo(16.4, 0);
  });

  it("noon elevation in central Ohio: 90 − latitude ± 23.44 at the solstices; midnight below the horizon", () => {
    const noon = (day: number) => Math.max(...Array.from({ length: 121 }, (_, i) => solarElevationDeg(OHIO, day, 11 + i / 60)));
    expect(noon(172)).toBeCloseTo(90 - 40.08 + 23.44, 0);
    expect(noon(355)).toBeCloseTo(90 - 40.08 - 23.44, 0);
    expect(solarElevationDeg(OHIO, 172, 0.5)).toBeLessThan(0);
  });

  it("hourly elevations: 8,760, sampled at mid-hour local standard time, symmetric about solar noon", () => {
    const el = hourlySolarElevationDeg(OHIO);
    expect(el.length).toBe(HOURS);
    expect(el[171 * 24 + 12]).toBe(solarElevationDeg(OHIO, 172, 12.5));
    // Ohio at −82.81° on the −75° meridian clock: solar noon near 12:31, so 12:30 is the day's highest hour.
    const day = Array.from(el.slice(171 * 24, 172 * 24));
    expect(day.indexOf(Math.max(...day))).toBe(12);
  });
});

describe("solarProfile", () => {
  const el = hourlySolarElevationDeg(OHIO);
  for (const cf of [0, 0.1, 0.24, 0.4, 0.5]) {
    it(`capacity factor ${cf}: 0 at night, ≤ 1, mean = capacity factor`, () => {
      const p = solarProfile(OHIO, cf);
      expect(p.length).toBe(HOURS);
      for (let h = 0; h < HOURS; h++) {
        if (el[h] <= 0) expect(p[h]).toBe(0);
        expect(p[h]).toBeGreaterThanOrEqual(0);
        expect(p[h]).toBeLessThanOrEqual(1);
      }
      close(sum(p) / HOURS, cf, "mean", 0, 1e-9);
    });
  }

  it("clips at 1 when the capacity factor needs it, and the rest still follows the sun", () => {
    const p = solarProfile(OHIO, 0.45);
    const clipped = Array.from(p).filter((x) => x === 1).length;
    expect(clipped).toBeGreaterThan(0);
    // Among unclipped daylight hours, output rises with elevation.
    const pairs = Array.from(p).map((x, h) => [el[h], x] as const).filter(([e, x]) => e > 0 && x < 1).sort((a, b) => a[0] - b[0]);
    for (let i = 1; i < pairs.length; i++) expect(pairs[i][1]).toBeGreaterThanOrEqual(pairs[i - 1][1]);
  });

  it("throws a PhysicsInputError for a capacity factor the daylight cannot reach, or out of range", () => {
    expect(() => solarProfile(OHIO, 0.6)).toThrow(PhysicsInputError);
    expect(() => solarProfile(OHIO, 0.6)).toThrow(/capacityFactor/);
    expect(() => solarProfile(OHIO, -0.1)).toThrow(PhysicsInputError);
    expect(() => solarProfile(OHIO, NaN)).toThrow(PhysicsInputError);
    expect(() => solarProfile({ ...OHIO, latitudeDeg: 91 }, 0.2)).toThrow(/latitudeDeg/);
  });

  it("memoized, but each call returns its own copy", () => {
    const a = solarProfile(OHIO, 0.24);
    a[12] = 99;
    expect(solarProfile(OHIO, 0.24)[12]).not.toBe(99);
  });

  it("property: any site within ±60° and capacity factor ≤ 0.3 gives a profile in [0, 1], 0 at night, with the mean exact", () => {
    fc.assert(
      fc.property(siteArb, between(0, 0.3), (site, cf) => {
        const p = solarProfile(site, cf);
        const e = hourlySolarElevationDeg(site);
        for (let h = 0; h < HOURS; h++) {
          if (!(p[h] >= 0 && p[h] <= 1)) return false;
          if (e[h] <= 0 && p[h] !== 0) return false;
        }
        close(sum(p) / HOURS, cf, "mean", 0, 1e-9);
        return true;
      }),
      { ...PROPS, numRuns: Math.min(RUNS, 30) },
    );
  });

  it("fitProfileToMean: hand case, two hours clipped", () => {
    // shape 4, 2, 1, 1 → target mean 0.75 (3 of 4): s with min(1,4s)+min(1,2s)+s+s = 3 → 1 + 1 + 2s = 3 → s = 0.5.
    expect(Array.from(fitProfileToMean(Float64Array.from([4, 2, 1, 1]), 0.75, "x"))).toEqual([1, 1, 0.5, 0.5]);
    expect(() => fitProfileToMean(Float64Array.from([1, 0]), 0.6, "x")).toThrow(PhysicsInputError);
  });
});

describe("windProfile", () => {
  it("each hour in [0, 1], mean = capacity factor, for capacity factors 0 to 1", () => {
    for (const cf of [0, 0.2, 0.34, 0.5, 0.8, 1]) {
      const w = windProfile(cf);
      expect(w.length).toBe(HOURS);
      expect(w.every((x) => x >= 0 && x <= 1)).toBe(true);
      close(sum(w) / HOURS, cf, `mean at ${cf}`, 0, 1e-9);
    }
  });

  it("higher in spring and winter than in late summer, higher at night than midday; has lulls", () => {
    const w = windProfile(0.34);
    const monthMean: number[] = [];
    let h = 0;
    for (const days of DAYS_PER_MONTH) {
      monthMean.push(sum(w.slice(h, h + days * 24)) / (days * 24));
      h += days * 24;
    }
    expect(Math.min(monthMean[2], monthMean[3])).toBeGreaterThan(Math.max(monthMean[6], monthMean[7]));
    expect(monthMean[0]).toBeGreaterThan(monthMean[7]);
    const hourMean = (hour: number) => sum(w.filter((_, i) => i % 24 === hour)) / 365;
    expect(hourMean(1)).toBeGreaterThan(hourMean(13));
    const lulls = w.filter((x) => x < 0.05).length / HOURS;
    expect(lulls).toBeGreaterThan(0.05);
    expect(lulls).toBeLessThan(0.2);
  });

  it("throws a PhysicsInputError out of [0, 1]", () => {
    expect(() => windProfile(1.1)).toThrow(PhysicsInputError);
  });
});

describe("hourlySupply: exact small cases", () => {
  it("nuclear, grid and gas against a constant 100 MW", () => {
    const r = hourlySupply(
      constant(100),
      [
        contract("nuclear", "flat", 50, { capacityFactor: 0.9, carbonIntensityGPerKwh: 12 }),
        contract("grid", "dispatchable", 40, { carbonIntensityGPerKwh: 466 }),
        contract("gas", "dispatchable", 20, { carbonIntensityGPerKwh: 490 }),
      ],
      OHIO,
    );
    // Nuclear 45 MW; the 55 MW left shared 40:20 → grid 36.67, gas 18.33.
    close(r.demandMwh, 876_000, "demand");
    close(r.suppliedMwh.nuclear, 45 * HOURS, "nuclear");
    close(r.suppliedMwh.grid, ((40 * 55) / 60) * HOURS, "grid");
    close(r.suppliedMwh.gas, ((20 * 55) / 60) * HOURS, "gas");
    expect(r.unservedMwh).toBe(0);
    expect(r.unservedHours).toBe(0);
    expect(r.maxShortfallMw).toBe(0);
    expect(r.maxShortfallHour).toBe(-1);
    expect(r.curtailedMwh).toBe(0);
    close(r.carbonTco2, (394_200 * 12 + 321_200 * 466 + 160_600 * 490) / 1000, "carbon"); // 233,103.6 t
    close(r.intensityGPerKwh, 233_103.6e6 / 876_000e3, "intensity");
    close(r.cleanShare, 0.45, "clean share");
    close(r.carbonFreeShare, 0.45, "carbon-free share");
    expect(r.monthly.map((m) => m.demandMwh)).toEqual(DAYS_PER_MONTH.map((d) => d * 24 * 100));
  });

  it("a shortfall every hour: 30 MW flat and 50 MW grid against 100 MW", () => {
    const r = hourlySupply(constant(100), [contract("n", "flat", 30), contract("grid", "dispatchable", 50)], OHIO);
    close(r.unservedMwh, 20 * HOURS, "unserved");
    expect(r.unservedHours).toBe(HOURS);
    expect(r.maxShortfallMw).toBe(20);
    expect(r.maxShortfallHour).toBe(0);
    close(r.carbonFreeShare, 0.3, "carbon-free share");
    close(r.cleanShare, 30 / 80, "clean share of supplied energy");
  });

  it("a battery shifting a flat surplus: 50/150 MW alternating against 100 MW of nuclear, 50 MW × 4 h at 80 %", () => {
    const demand = new Float64Array(HOURS).map((_, h) => (h % 2 === 0 ? 50 : 150));
    const r = hourlySupplyDetail(
      demand,
      [contract("nuclear", "flat", 100, { carbonIntensityGPerKwh: 12 }), contract("battery", "storage", 50, { storageHours: 4, roundTripEfficiency: 0.8, carbonIntensityGPerKwh: 0, clean: false })],
      OHIO,
    );
    // Even hours: 50 MW surplus charged, 40 MWh stored. Odd hours: 40 MW discharged, 10 MW unserved. Ends empty, as it started.
    expect(r.chargedMw[0]).toBe(50);
    expect(r.storedMwh[0]).toBe(40);
    expect(r.suppliedMw.battery[1]).toBe(40);
    expect(r.storedMwh[HOURS - 1]).toBe(0);
    close(r.suppliedMwh.nuclear, 100 * HOURS, "nuclear (to load and battery)");
    close(r.suppliedMwh.battery, 40 * 4380, "battery");
    close(r.unservedMwh, 10 * 4380, "unserved");
    expect(r.unservedHours).toBe(4380);
    expect(r.maxShortfallMw).toBe(10);
    expect(r.maxShortfallHour).toBe(1);
    expect(r.curtailedMwh).toBe(0);
    close(r.carbonTco2, (876_000 * 12) / 1000, "carbon: nuclear's, the battery's energy counted where it was generated");
    close(r.intensityGPerKwh, (10_512 * 1e6) / ((876_000 - 43_800) * 1e3), "intensity per kWh consumed");
    expect(r.cleanShare).toBe(1);
    close(r.carbonFreeShare, (50 + 140) / 200, "carbon-free share");
  });

  it("a battery carries energy across new year: the state wraps", () => {
    // Surplus only in the last day of December (nuclear 100 MW against 0 load), 100 MW of load the first hour of January.
    const demand = constant(100);
    for (let h = HOURS - 24; h < HOURS; h++) demand[h] = 0;
    const r = hourlySupplyDetail(
      demand,
      [contract("nuclear", "flat", 100, { capacityFactor: 0.5 }), contract("battery", "storage", 50, { storageHours: 2, roundTripEfficiency: 1, clean: false, carbonIntensityGPerKwh: 0 })],
      OHIO,
    );
    // Jan 1: 50 MW nuclear + 50 MW from the battery (full from December) in hour 0, then 50 MW short every hour.
    expect(r.suppliedMw.battery[0]).toBe(50);
    expect(r.suppliedMw.battery[1]).toBe(50);
    expect(r.suppliedMw.battery[2]).toBe(0);
    expect(r.unservedMw[0]).toBe(0);
    expect(r.unservedMw[2]).toBe(50);
    expect(r.storedMwh[HOURS - 1]).toBe(100);
  });

  it("an all-nuclear flat supply covering the load is 100 % carbon-free, hour by hour", () => {
    const demand = new Float64Array(HOURS).map((_, h) => 80 + 10 * Math.sin((2 * Math.PI * h) / 24));
    const r = hourlySupply(demand, [contract("n1", "flat", 60, { capacityFactor: 0.92 }), contract("n2", "flat", 50, { capacityFactor: 0.92 })], OHIO);
    expect(r.carbonFreeShare).toBe(1);
    expect(r.cleanShare).toBe(1);
    expect(r.unservedHours).toBe(0);
    expect(r.curtailedMwh).toBeGreaterThan(0);
  });
});

describe("hourlySupply: the binding hours of solar", () => {
  const solar = (mw: number) => contract("solar", "solar", mw, { capacityFactor: 0.24, carbonIntensityGPerKwh: 48 });

  it("1 GW of solar (capacity factor 0.24) in central Ohio against a flat 100 MW: the nights go unserved", () => {
    const r = hourlySupply(constant(100), [solar(1000)], OHIO);
    const el = hourlySolarElevationDeg(OHIO);
    const p = solarProfile(OHIO, 0.24);
    const night = Array.from(el).filter((e) => e <= 0).length;
    const lowSun = Array.from(el).filter((e, h) => e > 0 && 1000 * p[h] < 100).length;
    const lowSunBelow5 = Array.from(el).filter((e) => e > 0 && e < 5).length;
    console.log(`[hoursSupply] 1 GW solar / 100 MW flat load, central Ohio: ${r.unservedHours} unserved hours (${night} with the sun below the horizon at mid-hour, ${lowSun} with the sun too low), ${r.unservedMwh.toFixed(0)} MWh unserved of ${r.demandMwh} (annual solar energy ${(0.24 * 1000 * HOURS).toFixed(0)} MWh, ${((0.24 * 1000) / 100).toFixed(1)}× the demand)`);
    expect(r.unservedHours).toBe(night + lowSun);
    expect(r.unservedHours).toBeGreaterThanOrEqual(night);
    expect(r.unservedHours).toBeLessThanOrEqual(night + lowSunBelow5);
    expect(r.unservedHours).toBeGreaterThan(4000);
    expect(r.unservedHours).toBeLessThan(5000);
    expect(r.maxShortfallMw).toBe(100);
    expect(r.curtailedMwh).toBeGreaterThan(0);
    close(r.carbonFreeShare, 1 - r.unservedMwh / r.demandMwh, "carbon-free share = served share");
  });

  it("a battery reduces the unserved energy, and more of it reduces it more", () => {
    const base = hourlySupply(constant(100), [solar(1000)], OHIO);
    const battery = (mw: number, hours: number) => contract("battery", "storage", mw, { storageHours: hours, clean: false, carbonIntensityGPerKwh: 0 });
    const small = hourlySupply(constant(100), [solar(1000), battery(100, 4)], OHIO);
    const large = hourlySupply(constant(100), [solar(1000), battery(100, 16)], OHIO);
    expect(small.unservedMwh).toBeLessThan(base.unservedMwh);
    expect(large.unservedMwh).toBeLessThan(small.unservedMwh);
    expect(small.carbonFreeShare).toBeGreaterThan(base.carbonFreeShare);
    expect(small.curtailedMwh).toBeLessThan(base.curtailedMwh);
  });

  it("a firm grid contract covering the peak leaves no unserved hour", () => {
    const r = hourlySupply(constant(100), [solar(1000), contract("grid", "dispatchable", 100)], OHIO);
    expect(r.unservedHours).toBe(0);
    expect(r.unservedMwh).toBe(0);
    expect(r.carbonFreeShare).toBeLessThan(r.cleanShare + 1e-12);
  });
});

describe("hourlySupply: guards", () => {
  const ok = [contract("grid", "dispatchable", 10)];
  it("names the field", () => {
    expect(() => hourlySupply(new Float64Array(10), ok, OHIO)).toThrow(/demandMw\.length/);
    const bad = constant(1);
    bad[77] = NaN;
    expect(() => hourlySupply(bad, ok, OHIO)).toThrow(/demandMw\[77\]/);
    bad[77] = -1;
    expect(() => hourlySupply(bad, ok, OHIO)).toThrow(PhysicsInputError);
    expect(() => hourlySupply(constant(1), [contract("g", "dispatchable", -1)], OHIO)).toThrow(/contracts\["g"\]\.contractedMw/);
    expect(() => hourlySupply(constant(1), [contract("w", "wind", 1, { capacityFactor: 1.5 })], OHIO)).toThrow(/contracts\["w"\]\.capacityFactor/);
    expect(() => hourlySupply(constant(1), [contract("b", "storage", 1, { roundTripEfficiency: 0 })], OHIO)).toThrow(/roundTripEfficiency/);
    expect(() => hourlySupply(constant(1), [contract("b", "storage", 1, { storageHours: Infinity })], OHIO)).toThrow(/storageHours/);
    expect(() => hourlySupply(constant(1), [contract("x", "nope" as never, 1)], OHIO)).toThrow(/profile/);
    expect(() => hourlySupply(constant(1), [contract("a", "flat", 1), contract("a", "flat", 1)], OHIO)).toThrow(/name/);
    expect(() => hourlySupply(constant(1), ok, { ...OHIO, utcOffsetHours: 20 })).toThrow(/utcOffsetHours/);
  });

  it("no contracts: everything unserved, no NaN", () => {
    const r = hourlySupply(constant(5), [], OHIO);
    close(r.unservedMwh, 5 * HOURS, "unserved");
    expect([r.intensityGPerKwh, r.cleanShare, r.carbonFreeShare, r.carbonTco2]).toEqual([0, 0, 0, 0]);
  });

  it("no demand: nothing unserved, shares 0, no NaN", () => {
    const r = hourlySupply(constant(0), [contract("s", "solar", 100, { capacityFactor: 0.2 }), contract("b", "storage", 10)], OHIO);
    expect(r.unservedHours).toBe(0);
    expect(r.carbonFreeShare).toBe(0);
    expect(Number.isNaN(r.intensityGPerKwh)).toBe(false);
  });
});

// ---- properties ----

function between(min: number, max: number): fc.Arbitrary<number> {
  return fc.double({ min, max, noNaN: true, noDefaultInfinity: true });
}

const siteArb: fc.Arbitrary<SiteLocation> = fc.record({
  latitudeDeg: between(-60, 60),
  longitudeDeg: between(-180, 180),
  elevationM: fc.constant(0),
}).map((s) => ({ ...s, utcOffsetHours: Math.max(-12, Math.min(14, Math.round(s.longitudeDeg / 15))) }));

/** Demand: a base with daily and seasonal swings, some hours possibly 0. */
const demandArb = fc
  .record({ base: between(0, 500), daily: between(0, 1), seasonal: between(0, 0.5), phase: between(0, 24), zeroEvery: fc.option(fc.integer({ min: 2, max: 200 }), { nil: undefined }) })
  .map(({ base, daily, seasonal, phase, zeroEvery }) =>
    new Float64Array(HOURS).map((_, h) => {
      if (zeroEvery !== undefined && h % zeroEvery === 0) return 0;
      return Math.max(0, base * (1 + daily * Math.sin((2 * Math.PI * (h + phase)) / 24)) * (1 + seasonal * Math.cos((2 * Math.PI * h) / HOURS)));
    }),
  );

const contractArb: fc.Arbitrary<Omit<HourlyContract, "name">> = fc.constantFrom(...SUPPLY_PROFILES).chain((profile) =>
  fc.record(
    {
      profile: fc.constant(profile),
      contractedMw: fc.oneof(between(0, 1000), fc.constant(0)),
      capacityFactor: profile === "solar" ? between(0, 0.3) : between(0, 1),
      carbonIntensityGPerKwh: between(0, 900),
      clean: fc.boolean(),
      storageHours: fc.option(between(0, 12), { nil: undefined }),
      roundTripEfficiency: fc.option(between(0.5, 1), { nil: undefined }),
    },
    { requiredKeys: ["profile", "contractedMw", "capacityFactor", "carbonIntensityGPerKwh", "clean"] },
  ),
);
const contractsArb = fc.array(contractArb, { minLength: 0, maxLength: 10 }).map((cs) => cs.map((c, i) => ({ ...c, name: `p${i}` }) as HourlyContract));

/** What each must-run or variable contract generates in hour h (before curtailment). */
function generation(c: HourlyContract, site: SiteLocation): Float64Array | null {
  if (c.profile === "flat") return constant(c.contractedMw * c.capacityFactor);
  if (c.profile === "solar") return solarProfile(site, c.capacityFactor).map((x) => x * c.contractedMw);
  if (c.profile === "wind") return windProfile(c.capacityFactor).map((x) => x * c.contractedMw);
  return null;
}

describe("hourlySupply: properties", () => {
  it("every hour balances: D = Σ supplied(non-storage) − charged + Σ discharged + unserved; generation = supplied + curtailed", () => {
    fc.assert(
      fc.property(demandArb, contractsArb, siteArb, (demand, contracts, site) => {
        const r = hourlySupplyDetail(demand, contracts, site);
        const gens = contracts.map((c) => generation(c, site));
        const storageEnergy = contracts.filter((c) => c.profile === "storage").reduce((a, c) => a + c.contractedMw * (c.storageHours ?? 4), 0);
        for (let h = 0; h < HOURS; h++) {
          const d = demand[h];
          let taken = 0;
          let discharged = 0;
          let generated = 0;
          let variableTaken = 0;
          contracts.forEach((c, i) => {
            const s = r.suppliedMw[c.name][h];
            if (!(s >= 0)) throw new Error(`${c.name} supplied ${s} in hour ${h}`);
            if (s > c.contractedMw * (1 + 1e-12)) throw new Error(`${c.name} supplied ${s} > ${c.contractedMw} MW in hour ${h}`);
            if (c.profile === "storage") discharged += s;
            else taken += s;
            const g = gens[i];
            if (g) {
              generated += g[h];
              variableTaken += s;
            }
          });
          // Plain checks, not expect(): 8,760 hours × runs.
          const tol = 1e-9 * Math.max(1, d, generated);
          const balance = taken - r.chargedMw[h] + discharged + r.unservedMw[h];
          if (!(Math.abs(balance - d) <= tol)) throw new Error(`hour ${h}: supplied − charged + discharged + unserved = ${balance}, demand ${d}`);
          if (!(Math.abs(variableTaken + r.curtailedMw[h] - generated) <= tol)) throw new Error(`hour ${h}: supplied + curtailed ≠ generated ${generated}`);
          if (!(r.unservedMw[h] >= 0 && r.cleanMw[h] >= 0 && r.cleanMw[h] <= d)) throw new Error(`hour ${h}: unserved ${r.unservedMw[h]}, clean ${r.cleanMw[h]}`);
          if (!(r.storedMwh[h] >= 0 && r.storedMwh[h] <= storageEnergy * (1 + 1e-12))) throw new Error(`hour ${h}: stored ${r.storedMwh[h]} of ${storageEnergy}`);
          if (r.chargedMw[h] > 0 && discharged > 0) throw new Error(`hour ${h} charges and discharges`);
        }
        return true;
      }),
      PROPS,
    );
  });

  it("annual figures are the sums of the hours, and the monthly rows sum to them exactly", () => {
    fc.assert(
      fc.property(demandArb, contractsArb, siteArb, (demand, contracts, site) => {
        const r = hourlySupplyDetail(demand, contracts, site);
        close(r.demandMwh, sum(demand), "demand");
        close(r.unservedMwh, sum(r.unservedMw), "unserved");
        close(r.curtailedMwh, sum(r.curtailedMw), "curtailed");
        expect(r.unservedHours).toBe(Array.from(r.unservedMw).filter((x) => x > 0).length);
        const max = Math.max(0, ...r.unservedMw);
        expect(r.maxShortfallMw).toBe(max);
        expect(r.maxShortfallHour).toBe(max > 0 ? r.unservedMw.indexOf(max) : -1);
        let carbon = 0;
        for (const c of contracts) {
          close(r.suppliedMwh[c.name], sum(r.suppliedMw[c.name]), `${c.name} supplied`);
          carbon += (sum(r.suppliedMw[c.name]) * c.carbonIntensityGPerKwh) / 1000;
        }
        close(r.carbonTco2, carbon, "carbon", 1e-9, 1e-6);
        close(r.carbonFreeShare * r.demandMwh, Math.min(r.demandMwh, sum(r.cleanMw)), "carbon-free energy", 1e-9, 1e-6);
        expect(r.monthly.length).toBe(12);
        const rows = (k: keyof (typeof r.monthly)[number]) => r.monthly.reduce((a, m) => a + m[k], 0);
        expect(rows("demandMwh")).toBe(r.demandMwh);
        expect(rows("unservedMwh")).toBe(r.unservedMwh);
        expect(rows("carbonTco2")).toBe(r.carbonTco2);
        let h = 0;
        r.monthly.forEach((m, i) => {
          const hours = DAYS_PER_MONTH[i] * 24;
          close(m.demandMwh, sum(demand.slice(h, h + hours)), `month ${i} demand`);
          close(m.carbonFreeMwh, sum(r.cleanMw.slice(h, h + hours)), `month ${i} carbon-free`);
          h += hours;
        });
        // hourlySupply is hourlySupplyDetail without the detail.
        const plain = hourlySupply(demand, contracts, site);
        expect(plain.unservedMwh).toBe(r.unservedMwh);
        expect(plain.suppliedMwh).toEqual(r.suppliedMwh);
        return true;
      }),
      PROPS,
    );
  });

  it("shares stay in [0, 1]; the hourly carbon-free share is at most the clean energy bought per unit of demand", () => {
    fc.assert(
      fc.property(demandArb, contractsArb, siteArb, (demand, contracts, site) => {
        const r = hourlySupply(demand, contracts, site);
        for (const x of [r.cleanShare, r.carbonFreeShare]) expect(x >= 0 && x <= 1).toBe(true);
        for (const x of [r.carbonTco2, r.intensityGPerKwh, r.curtailedMwh, r.unservedMwh]) expect(Number.isFinite(x) && x >= 0).toBe(true);
        if (r.demandMwh === 0) return true;
        // Clean energy reaching the load ≤ clean energy taken from contracts, plus what the batteries held on 1 January.
        const cleanTaken = contracts.filter((c) => c.clean && c.profile !== "storage").reduce((a, c) => a + r.suppliedMwh[c.name], 0);
        const stored = contracts.filter((c) => c.profile === "storage").reduce((a, c) => a + c.contractedMw * (c.storageHours ?? 4), 0);
        expect(r.carbonFreeShare).toBeLessThanOrEqual(Math.min(1, (cleanTaken + stored) / r.demandMwh) + 1e-9);
        return true;
      }),
      PROPS,
    );
  });

  it("a firm grid contract covering the peak leaves no unserved hour, whatever else is contracted", () => {
    fc.assert(
      fc.property(demandArb, contractsArb, siteArb, (demand, contracts, site) => {
        const peak = Math.max(...demand);
        const r = hourlySupply(demand, [...contracts, { ...contract("firm", "dispatchable", peak), name: "firm" }], site);
        expect(r.unservedHours).toBe(0);
        expect(r.unservedMwh).toBe(0);
        return true;
      }),
      PROPS,
    );
  });
});

describe("hourlySupply: speed", () => {
  it("10 contracts over 8,760 hours in a few ms (profiles memoized)", () => {
    const demand = new Float64Array(HOURS).map((_, h) => 300 + 50 * Math.sin((2 * Math.PI * h) / 24));
    const contracts: HourlyContract[] = [
      contract("nuclear", "flat", 100, { capacityFactor: 0.92 }),
      contract("solar-a", "solar", 300, { capacityFactor: 0.24 }),
      contract("solar-b", "solar", 200, { capacityFactor: 0.22 }),
      contract("wind-a", "wind", 200, { capacityFactor: 0.34 }),
      contract("wind-b", "wind", 150, { capacityFactor: 0.4 }),
      contract("grid", "dispatchable", 150),
      contract("gas", "dispatchable", 80, { carbonIntensityGPerKwh: 490 }),
      contract("battery-a", "storage", 100, { storageHours: 4, clean: false, carbonIntensityGPerKwh: 0 }),
      contract("battery-b", "storage", 50, { storageHours: 8, roundTripEfficiency: DEFAULT_ROUND_TRIP_EFFICIENCY, clean: false, carbonIntensityGPerKwh: 0 }),
      contract("hydro", "flat", 20, { capacityFactor: 0.4 }),
    ];
    const coldSite = { ...OHIO, latitudeDeg: 33.3 };
    let t = performance.now();
    solarProfile(coldSite, 0.25);
    const solarCold = performance.now() - t;
    t = performance.now();
    solarProfile(coldSite, 0.25);
    const solarMemo = performance.now() - t;
    hourlySupply(demand, contracts, OHIO); // warm: profiles and JIT
    const runs = 20;
    t = performance.now();
    let r: ReturnType<typeof hourlySupply> | undefined;
    for (let i = 0; i < runs; i++) r = hourlySupply(demand, contracts, OHIO);
    const perRun = (performance.now() - t) / runs;
    t = performance.now();
    const detail: HourlySupplyDetail = hourlySupplyDetail(demand, contracts, OHIO);
    const detailMs = performance.now() - t;
    console.log(`[hoursSupply] solarProfile cold ${solarCold.toFixed(2)} ms, memoized ${solarMemo.toFixed(3)} ms; 10-contract dispatch ${perRun.toFixed(2)} ms (mean of ${runs}), with detail ${detailMs.toFixed(2)} ms; unserved ${r!.unservedHours} h, carbon-free ${(r!.carbonFreeShare * 100).toFixed(1)} %`);
    expect(detail.unservedMwh).toBe(r!.unservedMwh);
    expect(perRun).toBeLessThan(50); // a few ms measured; generous for slow CI machines
  });
});
