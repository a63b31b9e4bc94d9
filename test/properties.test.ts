/**
 * Property tests (fast-check) over random VALID campuses (test/helpers/arbitraries.ts): the model builds them, its
 * numbers balance, scale and stay in range, and every budget rule's verdict equals the direct comparison.
 *
 * Reproducible: the seed is fixed (FC_SEED, default below) and printed, as fast-check prints the seed, path and
 * shrunk counterexample of any failure. Runs: FC_RUNS (pure model and physics, default 300) and FC_MOCK_RUNS (the
 * rule verdicts, which build each campus under Pulumi's mocks, default 40).
 */
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { installMockEngine } from "../plan/mockEngine";
import type { EnforcedFinding, PackConfig } from "../policies/evaluate";
import type { Rule } from "../policies/rule";
import { campusArb, between, doubled, envInt, SEED } from "./helpers/arbitraries";
import { CampusArgs, CampusFootprint, campusModel } from "../components/model/campus";
import { coolingPlantModel } from "../components/model/coolingPlant";
import { catalog } from "../components/catalog";
import { firmRejectionCapacityKw, REDUNDANCY_SCHEMES, unitsRequired } from "../components/physics";

const RUNS = envInt("FC_RUNS", 300);
const MOCK_RUNS = envInt("FC_MOCK_RUNS", 40);
const MODEL = { seed: SEED, numRuns: RUNS };
console.log(`[properties] fast-check seed ${SEED}, ${RUNS} runs per model property, ${MOCK_RUNS} runs for rule verdicts (set FC_SEED / FC_RUNS / FC_MOCK_RUNS to change)`);

// Pulumi's mock runtime must be in place before the components are imported (see beforeAll).
const engine = installMockEngine({ project: "aicluster-properties", stack: "test" });

const SUBJECT = { type: "aicluster:index:Campus", name: "c" };
const model = (args: CampusArgs): CampusFootprint => campusModel(args, SUBJECT);

/** |a − b| within `rel` of the larger magnitude (exact equality for zeros). */
function expectClose(actual: number, expected: number, what: string, rel = 1e-9): void {
  const scale = Math.max(Math.abs(actual), Math.abs(expected));
  if (Math.abs(actual - expected) > rel * scale) throw new Error(`${what}: ${actual} vs ${expected} (relative tolerance ${rel})`);
}

/** The campus of the supply-mix defect fixed in 911a357: a nuclear contract oversupplying one hall, a grid contract behind it. */
const NUCLEAR_OVERSUPPLY: CampusArgs = {
  location: "New Albany, Ohio",
  climate: "central-ohio",
  market: "pjm",
  halls: [{ name: "h0", racks: [{ name: "g0", design: "gb200-nvl72", rackCount: 15 }], cooling: { technology: "adiabatic" } }],
  powerContracts: [
    { name: "p0", counterparty: "Nuclear operator", source: "nuclear", contractedMw: 7 },
    { name: "p1", counterparty: "AEP Ohio", source: "grid-pjm-ohio", contractedMw: 1 },
  ],
};

/** Published fields that may be negative. */
const SIGNED = new Set(["powerHeadroomMw", "supplyTempMarginK", "airSupplyMarginK", "firmHeadroomMw"]);

/** Money that is signed (received positive, paid negative): cash flows, NPVs and a virtual PPA's settlement. */
const SIGNED_MONEY = new Set(["npvUsd", "ppaSettlementUsd", "projectUsd", "ownerUsd", "partnerUsd", "lendersUsd"]);

/** Paths of numbers (recursively) that are not finite, or negative outside SIGNED and SIGNED_MONEY. */
function badNumbers(value: unknown, path: string, out: string[] = []): string[] {
  if (typeof value === "number") {
    const key = path.slice(path.lastIndexOf(".") + 1);
    const parent = path.slice(0, path.lastIndexOf(".")).split(".").pop() ?? "";
    if (!Number.isFinite(value) || (value < 0 && !SIGNED.has(key) && !SIGNED_MONEY.has(parent))) out.push(`${path} = ${value}`);
  } else if (Array.isArray(value)) {
    value.forEach((v, i) => badNumbers(v, `${path}[${i}]`, out));
  } else if (value && typeof value === "object") {
    for (const [k, v] of Object.entries(value)) badNumbers(v, `${path}.${k}`, out);
  }
  return out;
}

describe("campus model (pure)", () => {
  it("builds every valid random campus", () => {
    fc.assert(
      fc.property(campusArb, (args) => {
        model(args);
      }),
      { ...MODEL, examples: [[NUCLEAR_OVERSUPPLY]] },
    );
  });

  it("builds the campus whose nuclear contract oversupplies it (float residue in the supply mix, fixed)", () => {
    const fp = model(NUCLEAR_OVERSUPPLY);
    expect(fp.unservedEnergyMwh).toBe(0);
    expect(fp.cleanEnergyShare).toBe(1);
  });

  it("publishes only finite numbers, non-negative except the headrooms and the supply margins", () => {
    fc.assert(
      fc.property(campusArb, (args) => {
        expect(badNumbers(model(args), "campus")).toEqual([]);
      }),
      MODEL,
    );
  });

  it("facility power is the sum of its parts per hall, campus facility the sum of the halls', and IT × PUE", () => {
    fc.assert(
      fc.property(campusArb, (args) => {
        const fp = model(args);
        for (const h of fp.halls) {
          const parts = h.itLoadKw + h.electricalLossKw + h.airHandlingKw + h.cduPumpKw + h.coolingPowerKw;
          expectClose(h.facilityPowerKw, parts, `hall ${h.name} facility = IT + loss + air handling + CDU pumps + cooling`);
          expectClose(h.annualFacilityEnergyMwh, h.annualItEnergyMwh * h.pue, `hall ${h.name} annual facility energy = IT energy × PUE`);
          expectClose(h.peakFacilityPowerKw, h.itLoadKw * h.peakHourPue, `hall ${h.name} peak-hour facility = IT × peak-hour PUE`);
          const plantKw = h.plant ? h.plant.coolingPowerKw + h.plant.trimPowerKw + h.plant.airChillerPowerKw : 0;
          expectClose(h.coolingPowerKw, plantKw, `hall ${h.name} cooling = its plant's fans and pumps, trim chiller and air-path chiller`);
          // The air path: room air's heat, its fans and the electrical losses; on a loop of its own unless the coils take the facility water.
          expectClose(h.airPathHeatKw, h.heatToAirKw + h.airHandlingKw + h.electricalLossKw, `hall ${h.name} air path = air + fans + losses`);
          if (h.plant) expectClose(h.plant.airLoopHeatKw, h.airPathService === "facility-water" ? 0 : h.airPathHeatKw, `hall ${h.name} air loop heat`);
        }
        expectClose(fp.facilityPowerKw, fp.halls.reduce((a, h) => a + h.facilityPowerKw, 0), "campus facility = Σ hall facility");
        expectClose(fp.annualFacilityEnergyMwh, fp.halls.reduce((a, h) => a + h.annualFacilityEnergyMwh, 0), "campus facility energy = Σ hall facility energy");
        expectClose(fp.annualFacilityEnergyMwh, fp.annualItEnergyMwh * fp.pue, "campus facility energy = IT energy × PUE");
        // Halls peak in different hours, so the campus's coincident peak is at most the sum of the halls' peaks.
        expect(fp.peakFacilityPowerMw * 1000).toBeLessThanOrEqual(fp.halls.reduce((a, h) => a + h.peakFacilityPowerKw, 0) * (1 + 1e-9));
        expectClose(fp.facilityPowerMw * 1000, fp.facilityPowerKw, "facility MW = kW / 1000");
      }),
      MODEL,
    );
  });

  it("PUE is at least 1 (campus and every hall)", () => {
    fc.assert(
      fc.property(campusArb, (args) => {
        const fp = model(args);
        expect(fp.pue).toBeGreaterThanOrEqual(1);
        for (const h of fp.halls) expect(h.pue).toBeGreaterThanOrEqual(1);
      }),
      MODEL,
    );
  });

  it("heat to liquid + heat to air = IT load, per rack group, per hall (network heat to air) and for the campus", () => {
    fc.assert(
      fc.property(campusArb, (args) => {
        const fp = model(args);
        for (const h of fp.halls) {
          for (const g of h.rackGroups) {
            expectClose(g.heatToLiquidKw + g.heatToAirKw, g.itLoadKw, `group ${h.name}-${g.name}`);
            if (g.cooling === "air") expect(g.heatToLiquidKw).toBe(0);
          }
          expectClose(h.heatToLiquidKw + h.heatToAirKw, h.itLoadKw, `hall ${h.name}`);
          expectClose(h.itLoadKw, h.rackGroups.reduce((a, g) => a + g.itLoadKw, 0) + h.networkKw, `hall ${h.name} IT = racks + network`);
        }
        expectClose(fp.heatToLiquidKw + fp.heatToAirKw, fp.itLoadKw, "campus");
      }),
      MODEL,
    );
  });

  it("doubling every rack count (and explicit plant units) doubles IT load, facility power and annual water", () => {
    fc.assert(
      fc.property(campusArb, (args) => {
        const one = model(args);
        const two = model(doubled(args));
        expectClose(two.itLoadKw, 2 * one.itLoadKw, "IT load");
        expectClose(two.facilityPowerKw, 2 * one.facilityPowerKw, "facility power");
        expectClose(two.waterM3PerYear, 2 * one.waterM3PerYear, "annual water");
        expectClose(two.annualFacilityEnergyMwh, 2 * one.annualFacilityEnergyMwh, "annual facility energy");
        expect(two.gpuCount).toBe(2 * one.gpuCount);
      }),
      MODEL,
    );
  });
});

describe("storage in the supply mix", () => {
  // A battery (battery-4h, capacity factor 0) generates nothing: it stores surplus variable energy and discharges it
  // after the dispatchable contracts, so it can only shift energy into hours that would otherwise go unserved.
  // Emissions can only grow by the lifecycle carbon of the variable energy the battery stores instead of curtailing.
  it("adding a battery contract adds firm MW, never adds unserved energy, and never lowers emissions (it displaces no gas)", () => {
    fc.assert(
      fc.property(campusArb, between(0.1, 500), (args, contractedMw) => {
        const without = model(args);
        const withBattery = model({ ...args, powerContracts: [...args.powerContracts, { name: "p9", counterparty: "storage", source: "battery-4h", contractedMw }] });
        const accredited = catalog.markets.get("pjm").accreditation["battery-4h"];
        expectClose(withBattery.firmContractedMw, without.firmContractedMw + contractedMw * accredited, `firm MW (battery-4h accredited ${accredited} in PJM)`);
        expect(withBattery.unservedEnergyMwh).toBeLessThanOrEqual(without.unservedEnergyMwh * (1 + 1e-9) + 1e-9);
        expect(withBattery.unservedHours).toBeLessThanOrEqual(without.unservedHours);
        expect(withBattery.carbonTco2PerYear).toBeGreaterThanOrEqual(without.carbonTco2PerYear * (1 - 1e-9));
      }),
      MODEL,
    );
  });
});

/** `x` moved by `ulps` units in the last place (towards +∞ for positive ulps). */
function nudge(x: number, ulps: number): number {
  const buf = new Float64Array([x]);
  const bits = new BigInt64Array(buf.buffer);
  bits[0] += BigInt(ulps);
  return buf[0];
}

describe("cooling plant sizing (physics)", () => {
  const MIN_UNITS = { N: 1, "N+1": 2, "2N": 2 } as const;
  it("a plant sized by default carries its heat load under its redundancy with the fewest units, heat loads a few ulps around a multiple of the unit included", () => {
    fc.assert(
      fc.property(
        // Heat loads up to 9e7 kW: the plant's args allow up to 1e8.
        fc.integer({ min: 1, max: 10_000 }), between(1, 9000), fc.integer({ min: -4, max: 4 }), fc.constantFrom(...REDUNDANCY_SCHEMES),
        (multiple, unitCapacityKw, ulps, redundancy) => {
          const heatLoadKw = nudge(multiple * unitCapacityKw, ulps);
          const units = unitsRequired(heatLoadKw, unitCapacityKw, redundancy);
          expect(firmRejectionCapacityKw(units, unitCapacityKw, redundancy), "firm capacity of the units").toBeGreaterThanOrEqual(heatLoadKw);
          if (units > MIN_UNITS[redundancy]) expect(firmRejectionCapacityKw(units - 1, unitCapacityKw, redundancy), "one unit fewer").toBeLessThan(heatLoadKw);
          // The component accepts these args: its default units are enough.
          coolingPlantModel({ technology: "dry-cooler", climate: "central-ohio", redundancy, heatLoadKw, unitCapacityKw }, { type: "aicluster:index:CoolingPlant", name: "p" });
        },
      ),
      MODEL,
    );
  });
});

describe("rule verdicts over the views the stack policies see (mock engine)", () => {
  type Components = typeof import("../components");
  let components: Components;
  let evaluateRules: typeof import("../policies/evaluate").evaluateRules;
  let rules: readonly Rule<any>[];

  beforeAll(async () => {
    components = await import("../components");
    ({ evaluateRules } = await import("../policies/evaluate"));
    ({ RULES: rules } = await import("../policies/rules"));
  });

  /** A budget drawn at random, or set exactly at the measured value (which must pass: the bounds are inclusive). */
  const AT_MEASURED = "at-measured" as const;
  const budgetsArb = fc.record({
    maxPue: fc.oneof(between(1, 2), fc.constant(AT_MEASURED)),
    maxWueLPerKwh: fc.oneof(between(0, 5), fc.constant(AT_MEASURED)),
    headroomFraction: between(0, 0.5),
    waterPermitM3PerYear: fc.oneof(fc.constant(undefined), between(1, 5e6), fc.constant(AT_MEASURED)),
  });

  interface Expected {
    policy: string;
    resource: string;
    violated: boolean;
    /** Tells apart two findings of one rule on one resource. */
    budget?: RegExp;
  }

  let campusCount = 0;

  it("each budget rule flags a violation exactly when the published number breaks the budget", async () => {
    const defaults = (name: string) => rules.find((r) => r.name === name)!.defaults as Record<string, unknown>;
    const carbonCap = defaults("carbon").maxCarbonIntensityGPerKwh as number;
    const requiredRedundancy = defaults("cooling-capacity").requiredRedundancy as string;
    const firmUnits = (units: number) => (requiredRedundancy === "N" ? units : requiredRedundancy === "N+1" ? Math.max(0, units - 1) : Math.floor(units / 2));
    const modelled = new Set(["pue-max", "wue-max", "firm-power", "energy-adequacy", "water-permit", "carbon", "cooling-capacity", "cdu-capacity", "rack-density", "supply-temperature"]);

    await fc.assert(
      fc.asyncProperty(campusArb, budgetsArb, async (args, budgets) => {
        const name = `pc${campusCount++}`;
        const fp = model(args);
        const maxPue = budgets.maxPue === AT_MEASURED ? Math.min(3, fp.pue) : budgets.maxPue;
        const maxWueLPerKwh = budgets.maxWueLPerKwh === AT_MEASURED ? Math.min(10, fp.wueLPerKwh) : budgets.maxWueLPerKwh;
        const configPermit = budgets.waterPermitM3PerYear === AT_MEASURED ? (fp.waterM3PerYear > 0 ? fp.waterM3PerYear : undefined) : budgets.waterPermitM3PerYear;
        const config: PackConfig = {
          "pue-max": { maxPue },
          "wue-max": { maxWueLPerKwh },
          "firm-power": { headroomFraction: budgets.headroomFraction },
          ...(configPermit !== undefined ? { "water-permit": { waterPermitM3PerYear: configPermit } } : {}),
        };

        new components.Campus(name, args);
        await engine.settle();
        const views = engine.views(name);
        const findings: EnforcedFinding[] = evaluateRules(views, config);

        // The numbers the rules read are the model's.
        const campusView = views.find((v) => v.type === "aicluster:index:Campus")!;
        for (const key of ["pue", "wueLPerKwh", "peakFacilityPowerMw", "firmContractedMw", "waterM3PerYear", "peakDailyWaterM3", "carbonIntensityGPerKwh", "unservedHours"] as const) {
          expect(campusView.props[key], key).toBe(fp[key]);
        }

        // The direct comparisons.
        const expected: Expected[] = [
          { policy: "pue-max", resource: name, violated: fp.pue > maxPue },
          { policy: "wue-max", resource: name, violated: fp.wueLPerKwh > maxWueLPerKwh },
          // Campus budgets hold in every year of the horizon or fail (contracts start and end at random years).
          { policy: "firm-power", resource: name, violated: fp.years.some((y) => y.peakFacilityPowerMw * (1 + budgets.headroomFraction) > y.firmMw) },
          { policy: "energy-adequacy", resource: name, violated: fp.years.some((y) => y.unservedHours > 0) },
          { policy: "carbon", resource: name, violated: fp.years.some((y) => y.facilityEnergyMwh > 0 && y.carbonIntensityGPerKwh > carbonCap) },
        ];
        // Config overrides the campus's permit (config permits here are above 0; 0 there would mean "the campus's"); a campus permit of 0 allows no water.
        const permit = configPermit ?? args.waterPermitM3PerYear;
        if (permit !== undefined) expected.push({ policy: "water-permit", resource: name, violated: fp.years.some((y) => y.waterM3 > permit), budget: /annual/ });
        const cap = args.dailyWaterCapM3;
        if (cap !== undefined) {
          expected.push({ policy: "water-permit", resource: name, violated: fp.years.some((y) => y.peakDailyWaterM3 > cap), budget: /daily/ });
        }
        for (const h of fp.halls) {
          const hall = `${name}-${h.name}`;
          if (h.plant) {
            expected.push({ policy: "cooling-capacity", resource: `${hall}-cooling`, violated: h.plant.heatLoadKw > firmUnits(h.plant.units) * h.plant.unitCapacityKw });
          }
          if (h.maxRackKw !== undefined) expected.push({ policy: "rack-density", resource: hall, violated: h.maxRackItLoadKw > h.maxRackKw });
          // Hours in which the coldest rack loop gets warmer water than it asks for (none allowed by default).
          if (h.supplyTempMissedHours !== undefined) {
            expected.push({ policy: "supply-temperature", resource: hall, violated: h.supplyTempMissedHours > 0, budget: /supply temperature missed/ });
            expect(h.supplyTempMissedHours).toBe(Math.max(0, ...h.rackGroups.map((g) => g.supplyTempMissedHours ?? 0)));
          }
          // Hours in which the air path's coils get warmer water than the supply air needs (every hall with a plant).
          if (h.airSupplyMissedHours !== undefined) {
            expected.push({ policy: "supply-temperature", resource: hall, violated: h.airSupplyMissedHours > 0, budget: /supply air missed/ });
          }
          for (const g of h.rackGroups) {
            const group = `${hall}-${g.name}`;
            expected.push({ policy: "rack-density", resource: group, violated: g.itLoadPerRackKw > g.ratedKwPerRack });
            if (g.cooling === "liquid") expected.push({ policy: "cdu-capacity", resource: group, violated: g.heatToLiquidKw > g.cduCapacityKw });
          }
        }

        for (const e of expected) {
          const matching = findings.filter((f) => f.policy === e.policy && f.resourceName === e.resource && (!e.budget || e.budget.test(f.budget ?? "")));
          expect(matching.map((f) => f.status), `${e.policy} on ${e.resource}${e.budget ? ` (${e.budget})` : ""}`).toEqual([e.violated ? "violation" : "pass"]);
        }
        for (const policy of modelled) {
          const got = findings.filter((f) => f.policy === policy).length;
          expect(got, `${policy}: findings beyond the expected ones`).toBe(expected.filter((e) => e.policy === policy).length);
        }
        // Rules not compared here (structure, AWS) have nothing to object to on a complete campus.
        expect(findings.filter((f) => !modelled.has(f.policy) && f.status === "violation")).toEqual([]);
      }),
      { seed: SEED, numRuns: MOCK_RUNS },
    );
  });
});
