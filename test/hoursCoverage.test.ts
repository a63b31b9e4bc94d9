/**
 * Gaps of the hourly model's tests: the `carbon` rule's hourly carbon-free minimum, the `supply-temperature` rule's
 * settings (missed hours allowed, margin asked for), the dry cooler in central Ohio through the rule at a reachable and
 * an unreachable supply, the IT load profile (hours, energy, utilisation, bad values), and a property over random
 * campuses: in every hour, facility power = IT power + the hall's overheads (losses, air handling, CDU pumps, and the
 * plant at that hour's power factor), and facility ≥ IT.
 *
 * Reproducible: the property's seed is the shared SEED (FC_SEED), its runs FC_HOURS_RUNS (default 25).
 */
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import type { CampusArgs, CampusHallArgs } from "../components/model/campus";
import { between, campusArb, envInt, SEED } from "./helpers/arbitraries";
import { installMocks, viewsOf } from "./helpers/mocks";

installMocks();
let c: typeof import("../components");
let model: typeof import("../components/model/campus");
let hall: typeof import("../components/model/dataHall");
let plantModel: typeof import("../components/model/coolingPlant");
let weather: typeof import("../components/weather");
let catalog: typeof import("../components/catalog").catalog;
let evaluateRules: typeof import("../policies/evaluate").evaluateRules;
let show: typeof import("../components/format/numbers").show;
let isAiclusterInputError: typeof import("../components/model/inputError").isAiclusterInputError;

beforeAll(async () => {
  c = await import("../components");
  model = await import("../components/model/campus");
  hall = await import("../components/model/dataHall");
  plantModel = await import("../components/model/coolingPlant");
  weather = await import("../components/weather");
  ({ catalog } = await import("../components/catalog"));
  ({ evaluateRules } = await import("../policies/evaluate"));
  ({ show } = await import("../components/format/numbers"));
  ({ isAiclusterInputError } = await import("../components/model/inputError"));
});

const RUNS = envInt("FC_HOURS_RUNS", 25);
console.log(`[hoursCoverage] fast-check seed ${SEED}, ${RUNS} runs (set FC_SEED / FC_HOURS_RUNS to change)`);

const HOURS = 8760;
/** Days of each month of the model's 365-day year. */
const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const subject = (name: string) => ({ type: "aicluster:index:Campus", name });
const hallSubject = (name: string) => ({ type: "aicluster:index:DataHall", name });
const sum = (xs: ArrayLike<number>) => {
  let s = 0;
  for (let i = 0; i < xs.length; i++) s += xs[i];
  return s;
};
/** |actual − expected| within `rel` of the larger magnitude (and within 1e-12 absolute for values near 0). */
function close(actual: number, expected: number, what: string, rel = 1e-9): void {
  const tol = Math.max(1e-12, rel * Math.max(Math.abs(actual), Math.abs(expected)));
  if (!(Math.abs(actual - expected) <= tol)) throw new Error(`${what}: ${actual} vs ${expected} (tolerance ${tol})`);
}

/** One hall of 8 GB200 NVL72 racks at full IT load behind dry coolers in central Ohio (as test/hours.test.ts), grid and some solar. */
function ohio(overrides: Partial<CampusArgs> & { supplyTempC?: number } = {}): CampusArgs {
  const { supplyTempC = 45, ...rest } = overrides;
  return {
    location: "New Albany, Ohio",
    climate: "central-ohio",
    market: "pjm",
    halls: [{ name: "h1", racks: [{ name: "nvl", design: "gb200-nvl72", rackCount: 8, supplyTempC }], cooling: { technology: "dry-cooler" }, utilisation: 1 }],
    powerContracts: [
      { name: "grid", counterparty: "AEP Ohio", source: "grid-pjm-ohio", contractedMw: 2 },
      { name: "sun", counterparty: "Solar developer", source: "solar-utility", contractedMw: 1 },
    ],
    ...rest,
  };
}

describe("carbon: minCarbonFreeShare (advisory)", () => {
  const HOURLY = "hourly carbon-free share";
  const carbonFindings = async (name: string, config: Record<string, unknown>) =>
    evaluateRules(await viewsOf(name), { carbon: config }).filter((f) => f.policy === "carbon" && f.budget === HOURLY);

  it("a minimum above the campus's hourly carbon-free share is a violation naming both; at or below it, a pass; 0 is not checked", async () => {
    const campus = new c.Campus("cfe", ohio());
    const share = campus.footprint.carbonFreeShare;
    // Grid and solar: some hours are partly clean, none wholly (the solar is smaller than the load at noon).
    expect(share).toBeGreaterThan(0.05);
    expect(share).toBeLessThan(0.95);
    // Undated: one ledger row, the campus's own figure.
    expect(campus.footprint.years).toHaveLength(1);
    expect(campus.footprint.years[0].carbonFreeShare).toBe(share);

    const min = share + 0.05;
    const [above] = await carbonFindings("cfe", { minCarbonFreeShare: min });
    expect(above).toMatchObject({ status: "violation", enforcementLevel: "advisory", measured: share, limit: min, bound: "min", unit: "share", resourceName: "cfe" });
    expect(above.year).toBeUndefined();
    expect(above.message).toContain("cfe");
    expect(above.message).toContain(`${show(share * 100)} %`);
    expect(above.message).toContain(`${show(min * 100)} %`);

    // The minimum is inclusive: a share equal to it holds.
    for (const ok of [share, share / 2]) {
      const found = await carbonFindings("cfe", { minCarbonFreeShare: ok });
      expect(found.map((f) => [f.status, f.measured, f.limit, f.enforcementLevel])).toEqual([["pass", share, ok, "advisory"]]);
    }
    // The default (0) does not check it.
    expect(await carbonFindings("cfe", {})).toEqual([]);
    // The mandatory level, when a config asks for it, makes the same finding block.
    const [blocking] = evaluateRules(await viewsOf("cfe"), { carbon: { enforcementLevel: "mandatory", minCarbonFreeShare: min } }).filter((f) => f.budget === HOURLY);
    expect([blocking.status, blocking.enforcementLevel]).toEqual(["violation", "mandatory"]);
  });

  it("a dated campus whose second hall dilutes the same solar fails first in the year the hall comes online", async () => {
    const base = ohio();
    const args: CampusArgs = {
      ...base,
      onlineYear: 2030,
      halls: [base.halls[0], { ...base.halls[0], name: "h2", onlineYear: 2032 }],
      powerContracts: [{ ...base.powerContracts[0], contractedMw: 4 }, base.powerContracts[1]],
    };
    const campus = new c.Campus("cfe-dated", args);
    const rows = campus.footprint.years;
    const row = (year: number) => rows.find((r) => r.year === year)!;
    // Twice the load, the same sun: a smaller share of demand is met by clean energy in its hour.
    expect(row(2032).carbonFreeShare).toBeLessThan(row(2031).carbonFreeShare);
    const min = (row(2031).carbonFreeShare + row(2032).carbonFreeShare) / 2;
    const [f] = await carbonFindings("cfe-dated", { minCarbonFreeShare: min });
    expect(f).toMatchObject({ status: "violation", year: 2032, measured: row(2032).carbonFreeShare, limit: min });
    expect(f.message).toContain("in 2032");
    // The full-build year's figure is the campus's published one.
    expect(campus.footprint.fullBuildYear).toBe(2032);
    expect(campus.footprint.carbonFreeShare).toBe(row(2032).carbonFreeShare);
  });
});

describe("supply-temperature: dry cooler in central Ohio, through the rule", () => {
  const ruleFindings = async (name: string, config: Record<string, unknown> = {}) =>
    evaluateRules(await viewsOf(name), { "supply-temperature": config }).filter((f) => f.policy === "supply-temperature");
  /** The rack loops' findings (the air path's are checked on their own below). */
  const supplyFindings = async (name: string, config: Record<string, unknown> = {}) =>
    (await ruleFindings(name, config)).filter((f) => f.budget !== "hours supply air missed");
  let maxDryBulbC: number;
  /** The dry cooler's approach to the dry bulb, and the hall's CDU approach, K (6 and 3 in the built-in catalog). */
  let approachK: number;
  let cduK: number;
  /** Hours a 35 °C rack loop misses: dry bulb + approach above 35 − CDU approach. */
  let above26: number;

  beforeAll(() => {
    const year = weather.weatherYearOf(catalog.climates.get("central-ohio"));
    maxDryBulbC = Math.max(...year.dryBulbC);
    approachK = catalog.coolingTechnologies.get("dry-cooler").approachK;
    const hot = new c.Campus("st35", ohio({ supplyTempC: 35 }));
    new c.Campus("st45", ohio({ supplyTempC: 45 }));
    cduK = hot.footprint.halls[0].cduApproachK;
    expect([approachK, cduK]).toEqual([6, 3]);
    // A 35 °C rack loop needs 32 °C facility water: a dry bulb at most 26 °C.
    above26 = year.dryBulbC.filter((t) => t + approachK > 35 - cduK).length;
  });

  it("passes at 45 °C (no missed hour) and fails at 35 °C (the hours above 26 °C dry bulb), both mandatory", async () => {
    expect(Math.ceil(maxDryBulbC + approachK + cduK)).toBeLessThanOrEqual(45);
    const ok = await supplyFindings("st45");
    expect(ok.map((f) => [f.resourceName, f.status, f.enforcementLevel, f.measured, f.limit, f.unit])).toEqual([["st45-h1", "pass", "mandatory", 0, 0, "h/yr"]]);
    const hot = await supplyFindings("st35");
    expect(above26).toBeGreaterThan(100);
    expect(hot.map((f) => [f.resourceName, f.status, f.enforcementLevel, f.measured, f.limit, f.bound])).toEqual([["st35-h1", "violation", "mandatory", above26, 0, "max"]]);
    // The air path has a loop of its own whose chiller is sized for all of its heat: it holds its 18 °C in every hour.
    for (const name of ["st35", "st45"]) {
      const air = (await ruleFindings(name)).filter((f) => f.budget === "hours supply air missed");
      expect(air.map((f) => [f.resourceName, f.status, f.measured])).toEqual([[`${name}-h1`, "pass", 0]]);
    }
  });

  it("maxMissedHours moves the line: N missed hours fail below N and pass at N or more", async () => {
    const n = above26;
    const at = (await viewsOf("st35")).find((v) => v.name === "st35-h1")!.props.worstSupplyTempHour;
    expect(at).toMatch(/^\d\d-\d\d \d\d:00$/);
    for (const limit of [0, 1, n - 1]) {
      const [f] = await supplyFindings("st35", { maxMissedHours: limit });
      expect([f.status, f.measured, f.limit, f.enforcementLevel, f.at]).toEqual(["violation", n, limit, "mandatory", at]);
    }
    for (const limit of [n, n + 1, 8760]) {
      const found = await supplyFindings("st35", { maxMissedHours: limit });
      expect(found.map((f) => [f.status, f.measured, f.limit])).toEqual([["pass", n, limit]]);
    }
  });

  it("minMarginK: a plant with margin M passes a smaller margin asked for and fails a larger one", async () => {
    // Facility water 45 − 3 = 42 °C against the warmest hour's dry bulb + 6 K.
    const margin = 45 - cduK - (maxDryBulbC + approachK);
    const published = (await viewsOf("st45")).find((v) => v.name === "st45-h1")!.props.supplyTempMarginK as number;
    close(published, margin, "supplyTempMarginK");
    expect(margin).toBeGreaterThan(0);
    expect(margin + 0.5).toBeLessThanOrEqual(20);
    const marginFinding = (fs: Awaited<ReturnType<typeof supplyFindings>>) => fs.filter((f) => f.unit === "K");
    const missedFinding = (fs: Awaited<ReturnType<typeof supplyFindings>>) => fs.filter((f) => f.unit === "h/yr");

    const loose = await supplyFindings("st45", { minMarginK: margin / 2 });
    expect(marginFinding(loose).map((f) => [f.status, f.measured, f.limit, f.bound])).toEqual([["pass", published, margin / 2, "min"]]);
    const exact = await supplyFindings("st45", { minMarginK: published });
    expect(marginFinding(exact).map((f) => f.status)).toEqual(["pass"]);

    const tight = await supplyFindings("st45", { minMarginK: margin + 0.5 });
    expect(marginFinding(tight).map((f) => [f.status, f.enforcementLevel, f.measured, f.limit, f.bound])).toEqual([["violation", "mandatory", published, margin + 0.5, "min"]]);
    // The missed hours still hold: the margin asked for is the only thing broken.
    expect(missedFinding(tight).map((f) => [f.status, f.measured])).toEqual([["pass", 0]]);
    // A campus that misses hours has a negative margin: any margin asked for fails too.
    const hot = await supplyFindings("st35", { maxMissedHours: 8760, minMarginK: 0.1 });
    expect(marginFinding(hot).map((f) => f.status)).toEqual(["violation"]);
    expect(marginFinding(hot)[0].measured).toBeLessThan(0);
  });
});

describe("the IT load profile (itLoadProfile)", () => {
  const RACKS = [{ name: "nvl", design: "gb200-nvl72", rackCount: 2, supplyTempC: 45 }];
  const hallArgs = (more: Record<string, unknown>) => ({ climate: "central-ohio", racks: RACKS, cooling: { technology: "adiabatic" }, ...more });
  /** Nights at a quarter, 08:00-19:59 at full load, 03:00 idle. */
  const DAY_PROFILE = Array.from({ length: 24 }, (_, h) => (h === 3 ? 0 : h >= 8 && h < 20 ? 1 : 0.25));

  it("24 values: IT power follows the hour of the day, energy is the sum of the hours, utilisation their mean; overheads follow", () => {
    const { footprint: fp, hours } = hall.dataHallWithHours(hallArgs({ itLoadProfile: DAY_PROFILE }), hallSubject("day"));
    const full = fp.itLoadKw;
    expect(full).toBeGreaterThan(0);
    for (let h = 0; h < HOURS; h++) {
      close(hours.itKw[h], DAY_PROFILE[h % 24] * full, `itKw[${h}]`, 1e-12);
      // Every overhead is proportional to IT load: an idle hour draws nothing.
      if (DAY_PROFILE[h % 24] === 0) expect(hours.facilityKw[h]).toBe(0);
      else expect(hours.facilityKw[h]).toBeGreaterThan(hours.itKw[h]);
    }
    // Hour 0 is 1 January 00:00: hours 8 and 19 are full, 7 and 20 a quarter, on every day.
    expect([hours.itKw[8], hours.itKw[19], hours.itKw[24 * 200 + 8]]).toEqual([full, full, full]);
    close(hours.itKw[7], full / 4, "07:00");
    close(hours.itKw[24 * 364 + 20], full / 4, "31 Dec 20:00");
    // 365 days of (12 × 1 + 11 × 0.25) = 14.75 full-load hours.
    close(fp.annualItEnergyMwh, (full * 365 * 14.75) / 1000, "annual IT energy");
    close(fp.annualItEnergyMwh, sum(hours.itKw) / 1000, "annual IT energy = Σ hours");
    close(fp.utilisation, 14.75 / 24, "utilisation");
    close(fp.pue, sum(hours.facilityKw) / sum(hours.itKw), "pue");
  });

  it("12 values: one per month, switching at midnight of the 1st; 8,760 values: one per hour", () => {
    const monthly = [0.9, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 1, 0.05, 0.95];
    const { footprint: fp, hours } = hall.dataHallWithHours(hallArgs({ itLoadProfile: monthly }), hallSubject("months"));
    const full = fp.itLoadKw;
    // January is 744 hours: hour 743 is 31 Jan 23:00, hour 744 is 1 Feb 00:00.
    close(hours.itKw[743], 0.9 * full, "31 Jan 23:00");
    close(hours.itKw[744], 0.1 * full, "1 Feb 00:00");
    close(hours.itKw[HOURS - 1], 0.95 * full, "31 Dec 23:00");
    const fullLoadHours = monthly.reduce((s, p, m) => s + p * MONTH_DAYS[m] * 24, 0);
    close(fp.annualItEnergyMwh, (full * fullLoadHours) / 1000, "annual IT energy (months)");
    close(fp.utilisation, fullLoadHours / HOURS, "utilisation (months)");

    const hourly = Array.from({ length: HOURS }, (_, h) => ((h * 7919) % 1000) / 1000);
    const byHour = hall.dataHallWithHours(hallArgs({ itLoadProfile: hourly }), hallSubject("hours"));
    for (let h = 0; h < HOURS; h++) close(byHour.hours.itKw[h], hourly[h] * byHour.footprint.itLoadKw, `itKw[${h}] (8,760)`, 1e-12);
    close(byHour.footprint.annualItEnergyMwh, (byHour.footprint.itLoadKw * sum(hourly)) / 1000, "annual IT energy (8,760)");
    close(byHour.footprint.utilisation, sum(hourly) / HOURS, "utilisation (8,760)");
  });

  it("a campus's hours and months follow its hall's profile", () => {
    const { footprint: fp, series } = model.planCampusFootprint({ ...ohio(), halls: [{ name: "h1", racks: RACKS, cooling: { technology: "adiabatic" }, itLoadProfile: DAY_PROFILE }] }, subject("profiled"));
    const hours = series.hours;
    const fullMw = fp.itLoadKw / 1000;
    for (let h = 0; h < HOURS; h++) close(hours.itMw[h], DAY_PROFILE[h % 24] * fullMw, `campus itMw[${h}]`, 1e-12);
    fp.monthly.forEach((m, i) => close(m.itEnergyMwh, fullMw * MONTH_DAYS[i] * 14.75, `${m.month} IT energy`));
    close(fp.annualItEnergyMwh, fullMw * 365 * 14.75, "campus annual IT energy");
    close(fp.halls[0].utilisation, 14.75 / 24, "hall utilisation");
  });

  it("rejects a bad value, a bad length and a utilisation beside it, naming the field, the value and what is allowed", () => {
    const attempt = (more: Record<string, unknown>) => {
      try {
        hall.dataHallModel(hallArgs(more) as never, hallSubject("bad"));
      } catch (e) {
        expect(isAiclusterInputError(e)).toBe(true);
        return e as import("../components/model/inputError").AiclusterInputError;
      }
      throw new Error(`no error for ${JSON.stringify(more).slice(0, 80)}`);
    };
    const withValue = (i: number, v: number) => DAY_PROFILE.map((p, h) => (h === i ? v : p));
    for (const [i, v] of [[5, 1.5], [17, -0.1], [0, NaN], [23, Infinity]] as const) {
      const e = attempt({ itLoadProfile: withValue(i, v) });
      expect(e.problems).toHaveLength(1);
      expect(e.problems[0].field).toBe(`itLoadProfile[${i}]`);
      expect(e.problems[0].allowed).toMatch(/0 to 1/);
      expect(e.message).toContain(`itLoadProfile[${i}] = ${String(v)}`);
      expect(e.message).toContain('"bad"');
    }
    const short = attempt({ itLoadProfile: DAY_PROFILE.slice(0, 7) });
    expect(short.problems.map((p) => p.field)).toEqual(["itLoadProfile"]);
    expect(short.problems[0].allowed).toMatch(/24 .*12 .*8,760/);
    // A list of 8,759 values is reported without printing all of them.
    const long = attempt({ itLoadProfile: new Array(HOURS - 1).fill(0.5) });
    expect(long.problems.map((p) => p.field)).toEqual(["itLoadProfile"]);
    expect(long.message.length).toBeLessThan(1000);
    const both = attempt({ itLoadProfile: DAY_PROFILE, utilisation: 0.5 });
    expect(both.problems.map((p) => [p.field, p.value])).toEqual([["utilisation", 0.5]]);
    // Through a campus, the path names the hall.
    try {
      model.campusModel({ ...ohio(), halls: [{ name: "h1", racks: RACKS, cooling: { technology: "adiabatic" }, itLoadProfile: withValue(5, 1.5) }] }, subject("badcampus"));
      throw new Error("no error");
    } catch (e) {
      expect(isAiclusterInputError(e)).toBe(true);
      expect((e as import("../components/model/inputError").AiclusterInputError).problems.map((p) => [p.field, p.value])).toEqual([["halls[0].itLoadProfile[5]", 1.5]]);
    }
  });
});

describe("property: in every hour, facility = IT + the hall's overheads", () => {
  /** Some halls follow a random 24-hour profile (at least one value above 0.05) instead of a utilisation. */
  const withProfiles: fc.Arbitrary<CampusArgs> = campusArb.chain((campus) =>
    fc.tuple(...campus.halls.map(() => fc.option(fc.array(between(0, 1), { minLength: 24, maxLength: 24 }).map((p) => (p.some((x) => x > 0.05) ? p : p.map((x, i) => (i === 12 ? 0.5 : x)))), { nil: undefined, freq: 1 })))
      .map((profiles) => ({
        ...campus,
        halls: campus.halls.map((h, i): CampusHallArgs => {
          if (!profiles[i]) return h;
          const { utilisation: _u, ...rest } = h;
          return { ...rest, itLoadProfile: profiles[i] };
        }),
      })),
  );

  it("per hall from its published overheads and its plant's hourly power factor, and for the campus the sum of its halls", () => {
    fc.assert(
      fc.property(withProfiles, (args) => {
        const { footprint: fp, series } = model.planCampusFootprint(args, subject("prop"));
        const campusHours = series.hours;
        const w = weather.weatherYearOf(catalog.climates.get(args.climate));
        const sumFacility = new Float64Array(HOURS);
        const sumIt = new Float64Array(HOURS);
        args.halls.forEach(({ name, onlineYear: _y, ...design }, i) => {
          const { footprint: f, hours } = hall.dataHallWithHours({ ...design, climate: args.climate }, { type: "aicluster:index:DataHall", name: `prop-${name}` });
          // The same hall inside the campus.
          expect(f.itLoadKw).toBe(fp.halls[i].itLoadKw);
          expect(f.facilityPowerKw).toBe(fp.halls[i].facilityPowerKw);
          const u = (h: number) => (design.itLoadProfile ? design.itLoadProfile[h % 24] : (design.utilisation ?? 0.8));
          const overheadKw = f.electricalLossKw + f.airHandlingKw + f.cduPumpKw;
          // The plant per hour: its fans and pumps at their rating (heat × kW per kW of heat) times the hour's power
          // factor, and the compressors of a trim chiller and the air path's chiller (kW per kW of heat).
          let plantKwAt = (_h: number) => 0;
          if (f.plant) {
            const cooling = design.cooling!;
            const fansRatedKw = f.heatLoadKw * (cooling.powerKwPerKwHeat ?? catalog.coolingTechnologies.get(cooling.technology).powerKwPerKwHeat);
            const { hours: plant } = plantModel.coolingPlantWithHours(
              {
                ...cooling, climate: args.climate, heatLoadKw: f.heatLoadKw, setpointC: f.plant.setpointC,
                // The air path's loop, as the hall gave it (absent when its coils take the facility water).
                ...(f.plant.airLoopService ? { airLoop: { service: f.plant.airLoopService, heatLoadKw: f.plant.airLoopHeatKw, supplyC: f.plant.airLoopSupplyC! } } : {}),
              }, { type: "aicluster:index:CoolingPlant", name: `prop-${name}-cooling` }, { weather: w, itFraction: new Float64Array(HOURS).fill(1) },
            );
            const trim = (plant as { trimKwPerKwHeat?: Float64Array }).trimKwPerKwHeat;
            plantKwAt = (h) => fansRatedKw * plant.powerFactor[h] + (trim ? f.heatLoadKw * trim[h] : 0);
          }
          for (let h = 0; h < HOURS; h++) {
            const it = u(h) * f.itLoadKw;
            close(hours.itKw[h], it, `${name} itKw[${h}]`);
            close(hours.facilityKw[h], hours.itKw[h] + u(h) * (overheadKw + plantKwAt(h)), `${name} facilityKw[${h}]`);
            if (!(hours.facilityKw[h] >= hours.itKw[h])) throw new Error(`${name} hour ${h}: facility ${hours.facilityKw[h]} < IT ${hours.itKw[h]}`);
            sumFacility[h] += hours.facilityKw[h] / 1000;
            sumIt[h] += hours.itKw[h] / 1000;
          }
        });
        for (let h = 0; h < HOURS; h++) {
          close(campusHours.facilityMw[h], sumFacility[h], `campus facilityMw[${h}]`);
          close(campusHours.itMw[h], sumIt[h], `campus itMw[${h}]`);
          if (!(campusHours.facilityMw[h] >= campusHours.itMw[h])) throw new Error(`campus hour ${h}: facility < IT`);
        }
        close(fp.annualItEnergyMwh, sum(campusHours.itMw), "annual IT energy");
        close(fp.annualFacilityEnergyMwh, sum(campusHours.facilityMw), "annual facility energy");
      }),
      { seed: SEED, numRuns: RUNS },
    );
  });
});
