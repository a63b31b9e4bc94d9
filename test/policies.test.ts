import { beforeAll, describe, expect, it } from "vitest";
import { installMocks, viewsOf } from "./helpers/mocks";
import type { CampusArgs } from "../components";

installMocks();
type Components = typeof import("../components");
type Policies = typeof import("../policies/evaluate");
let c: Components;
let p: Policies;
let violationsOf: typeof import("../policies/finding").violationsOf;
let show: typeof import("../components/format/numbers").show;

beforeAll(async () => {
  c = await import("../components");
  p = await import("../policies/evaluate");
  ({ violationsOf } = await import("../policies/finding"));
  ({ show } = await import("../components/format/numbers"));
});

/** Violations of every enabled rule over the views. */
function violations(...args: Parameters<Policies["evaluateRules"]>) {
  return violationsOf(p.evaluateRules(...args));
}

/** A small campus that fits every default budget. */
function fitting(overrides: Partial<CampusArgs> = {}): CampusArgs {
  return {
    location: "New Albany, Ohio",
    climate: "central-ohio",
    market: "pjm",
    waterPermitM3PerYear: 10_000,
    halls: [{ name: "h1", racks: [{ name: "nvl", design: "gb200-nvl72", rackCount: 8, supplyTempC: 40 }], cooling: { technology: "adiabatic" }, maxRackKw: 140 }],
    powerContracts: [
      { name: "grid", counterparty: "AEP Ohio", source: "grid-pjm-ohio", contractedMw: 1.5 },
      { name: "nuclear", counterparty: "Nuclear operator", source: "nuclear", contractedMw: 0.5 },
    ],
    ...overrides,
  };
}

function campusViewOf(views: Awaited<ReturnType<typeof viewsOf>>, name: string) {
  return views.find((v) => v.name === name)!;
}

async function findingsFor(name: string, args: CampusArgs, config: Parameters<Policies["evaluateRules"]>[1] = {}) {
  const campus = new c.Campus(name, args);
  const all = p.evaluateRules(await viewsOf(name), config);
  return { campus, all, findings: violationsOf(all) };
}

describe("the views the rules read", () => {
  it("are the registered outputs, with parents", async () => {
    new c.Campus("shape", fitting());
    const views = await viewsOf("shape");
    const campus = views.find((v) => v.type === "aicluster:index:Campus")!;
    expect(campus.props.waterPermitM3PerYear).toBe(10_000);
    expect(campus.props).not.toHaveProperty("halls");
    const hall = views.find((v) => v.type === "aicluster:index:DataHall")!;
    expect(hall.parent).toBe(campus.urn);
    expect(hall.props.hasCoolingPlant).toBe(true);
  });
});

describe("a campus that fits its budgets", () => {
  it("passes every rule at defaults", async () => {
    const { findings, all } = await findingsFor("fits", fitting());
    expect(findings).toEqual([]);
    // Every budget was checked, not skipped: one pass per campus budget, rack group and plant.
    const passes = all.filter((f) => f.status === "pass");
    expect(passes.map((f) => [f.policy, f.budget])).toEqual([
      ["firm-power", "firm power (peak hour + headroom)"],
      ["energy-adequacy", "unserved hours"],
      ["water-permit", "annual water (permit)"],
      ["pue-max", "PUE"],
      ["wue-max", "WUE"],
      ["rack-density", "rack IT load (rack rating)"],
      ["rack-density", "densest rack (hall maxRackKw)"],
      ["cdu-capacity", "heat to liquid (CDU capacity)"],
      ["cooling-capacity", "heat load (plant capacity under N+1)"],
      ["supply-temperature", "hours supply temperature missed"],
      ["supply-temperature", "hours supply air missed"],
      ["carbon", "supply carbon intensity (location-based)"],
    ]);
    expect(passes.every((f) => (f.bound === "max" ? f.measured! <= f.limit! : f.measured! >= f.limit!))).toBe(true);
  });
});

describe("supply-temperature", () => {
  it("fails a rack asking for 20 °C behind adiabatic coolers in Louisiana in most hours of the year, at mandatory", async () => {
    const racks = [{ name: "cold", design: "gb200-nvl72", rackCount: 2, supplyTempC: 20 }, { name: "warm", design: "gb200-nvl72", rackCount: 2, supplyTempC: 40 }];
    const { findings } = await findingsFor("bayou", fitting({ climate: "north-louisiana", halls: [{ name: "h1", racks, cooling: { technology: "adiabatic" } }] }));
    const f = findings.filter((x) => x.policy === "supply-temperature" && x.budget === "hours supply temperature missed");
    // The coldest rack loop asks for 20 °C, so the facility water must be 17 °C behind a 3 K CDU: the plant (dry bulb
    // + 6 K dry, wet bulb + 8 K wet) makes that only when the wet bulb is below 9 °C.
    const hall = campusViewOf(await viewsOf("bayou"), "bayou-h1");
    const plant = (await viewsOf("bayou")).find((v) => v.name === "bayou-h1-cooling")!;
    const missed = hall.props.supplyTempMissedHours as number;
    expect(missed).toBe(plant.props.hoursAboveSetpoint);
    expect(missed).toBeGreaterThan(4000);
    expect(f.map((x) => [x.resourceName, x.measured, x.limit, x.bound, x.enforcementLevel])).toEqual([["bayou-h1", missed, 0, "max", "mandatory"]]);
    expect(f[0].message).toMatch(new RegExp(`^bayou-h1: the racks get warmer water than they ask for in ${missed.toLocaleString("en-US")} hours a year \\(worst [\\d.]+ K warmer at 07-\\d\\d \\d\\d:00\\), above the limit of 0 h; rack groups: bayou-h1-cold \\(20 °C supply, ${missed.toLocaleString("en-US")} h\\), bayou-h1-warm \\(40 °C, 2 h\\)$`));
    // 17 °C water is colder than the air path's coils need (18 °C), so they take the facility water and miss too,
    // in the hours the plant cannot make 18 °C (fewer than those it cannot make 17 °C).
    const air = findings.filter((x) => x.policy === "supply-temperature" && x.budget === "hours supply air missed");
    expect(hall.props.airPathService).toBe("facility-water");
    const airMissed = hall.props.airSupplyMissedHours as number;
    expect(airMissed).toBeGreaterThan(4000);
    expect(airMissed).toBeLessThan(missed);
    expect(air.map((x) => [x.resourceName, x.measured, x.limit])).toEqual([["bayou-h1", airMissed, 0]]);
    expect(air[0].message).toMatch(new RegExp(`^bayou-h1: the air path's coils get warmer water than its 23 °C supply air needs in ${airMissed.toLocaleString("en-US")} hours a year \\(worst [\\d.]+ K warmer at 07-\\d\\d \\d\\d:00; the coils are on the facility water\\), above the limit of 0 h$`));
    // The warmer group (40 °C: 37 °C water, wet bulb + 8 K) misses only the year's 2 most humid hours (wet bulb above
    // 29 °C: 29.03 °C at most, 2.0 K above the 0.4 % design wet bulb of 27.0 °C, as real TMY3 years reach 1.5-2.1 K
    // above theirs, test/realWeather.test.ts's stations).
    const groups = (await viewsOf("bayou")).filter((v) => v.type === "aicluster:index:LiquidCooledRack");
    expect(groups.map((g) => [g.name, g.props.supplyTempMissedHours])).toEqual([["bayou-h1-cold", missed], ["bayou-h1-warm", 2]]);
    // The same hall with chillers (7 °C supply) holds it.
    const chilled = await findingsFor("chilled", fitting({ climate: "north-louisiana", halls: [{ name: "h1", racks, cooling: { technology: "chiller" } }] }), { "pue-max": "disabled" });
    expect(chilled.findings.filter((x) => x.policy === "supply-temperature")).toEqual([]);
  });
});

describe("supply-temperature names the rack groups that miss", () => {
  it("every group over the limit, most missed first; a group within the limit is not named", async () => {
    const racks = [{ name: "mid", design: "gb200-nvl72", rackCount: 1, supplyTempC: 30 }, { name: "cold", design: "gb200-nvl72", rackCount: 1, supplyTempC: 20 }, { name: "warm", design: "gb200-nvl72", rackCount: 1, supplyTempC: 40 }];
    await findingsFor("rows", fitting({ climate: "north-louisiana", halls: [{ name: "h1", racks, cooling: { technology: "adiabatic" } }] }));
    const views = await viewsOf("rows");
    const groups = new Map(views.filter((v) => v.type === "aicluster:index:LiquidCooledRack").map((g) => [g.name, g.props.supplyTempMissedHours as number]));
    const cold = groups.get("rows-h1-cold")!;
    const mid = groups.get("rows-h1-mid")!;
    expect(cold).toBeGreaterThan(mid);
    expect(mid).toBeGreaterThan(0);
    // The 40 °C group misses the year's 2 most humid hours (wet bulb above 29 °C), far fewer than the others.
    expect(groups.get("rows-h1-warm")).toBe(2);
    const message = (config = {}) => violationsOf(p.evaluateRules(views, config)).find((f) => f.policy === "supply-temperature")?.message;
    const n = (h: number) => h.toLocaleString("en-US");
    expect(message()).toMatch(new RegExp(`; rack groups: rows-h1-cold \\(20 °C supply, ${n(cold)} h\\), rows-h1-mid \\(30 °C, ${n(mid)} h\\), rows-h1-warm \\(40 °C, 2 h\\)$`));
    // Between the two: only the colder group is over the limit.
    expect(message({ "supply-temperature": { maxMissedHours: mid } })).toMatch(new RegExp(`; rack groups: rows-h1-cold \\(20 °C supply, ${n(cold)} h\\)$`));
    expect(message({ "supply-temperature": { maxMissedHours: cold } })).toBeUndefined();
  });
});

describe("water-permit", () => {
  it("fails a campus 1 % over its permit, naming the permit and both numbers", async () => {
    const probe = new c.Campus("probe", fitting());
    const water = probe.footprint.waterM3PerYear;
    const permit = water / 1.01;
    const { findings } = await findingsFor("thirsty", fitting({ waterPermitM3PerYear: permit }));
    const f = findings.filter((x) => x.policy === "water-permit");
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ status: "violation", enforcementLevel: "mandatory", measured: water, limit: permit, unit: "m³/yr" });
    expect(f[0].message).toBe(`thirsty: annual water ${show(water)} m³/yr exceeds the water permit of ${show(permit)} m³/yr (by 1 %)`);
    expect(p.hasMandatoryViolation(findings)).toBe(true);
  });

  it("checks the worst simulated day's water against a daily cap, naming the day", async () => {
    const probe = new c.Campus("dayprobe", fitting());
    const worst = probe.footprint.peakDailyWaterM3;
    expect(worst).toBeGreaterThan(0);
    const { findings } = await findingsFor("daily", fitting({ dailyWaterCapM3: worst * 0.99 }));
    expect(findings.map((f) => f.message)).toEqual([expect.stringMatching(/^daily: water on its worst day \(\d\d-\d\d\) [\d.,]+ m³ exceeds the daily cap of [\d.,]+ m³$/)]);
    expect(findings[0]).toMatchObject({ measured: worst, at: probe.footprint.worstWaterDay });
  });
});

describe("firm-power", () => {
  it("fails when facility power plus headroom exceeds firm contracts, and config moves the line", async () => {
    const args = fitting({
      powerContracts: [
        { name: "grid", counterparty: "AEP Ohio", source: "grid-pjm-ohio", contractedMw: 0.675 },
        { name: "nuclear", counterparty: "Nuclear operator", source: "nuclear", contractedMw: 0.5 },
      ],
    });
    const { findings } = await findingsFor("short", args);
    expect(findings.map((f) => f.policy)).toEqual(["firm-power"]);
    expect(findings[0].message).toMatch(/^short: peak-hour facility power 1.1\d\d MW \(\d\d-\d\d \d\d:00\) \+ 10 % headroom = 1.2\d\d MW exceeds firm contracted capacity 1.15 MW$/);
    const relaxed = violations(await viewsOf("short"), { "firm-power": { headroomFraction: 0 } });
    expect(relaxed).toEqual([]);
  });
});

describe("pue-max and wue-max", () => {
  it("chillers break a tight PUE cap; towers break the WUE cap", async () => {
    // Chillers making 15 °C water (18 °C rack loops) draw compressor power every hour.
    const chiller = await findingsFor("chilly", fitting({ halls: [{ name: "h1", racks: [{ name: "nvl", design: "gb200-nvl72", rackCount: 8, supplyTempC: 18 }], cooling: { technology: "chiller" } }] }), { "pue-max": { maxPue: 1.1 } });
    expect(chiller.findings.map((f) => f.policy)).toEqual(["pue-max"]);
    expect(chiller.findings[0].measured).toBeCloseTo(chiller.campus.footprint.pue, 12);
    const tower = await findingsFor("tower", fitting({ waterPermitM3PerYear: 1e7, halls: [{ name: "h1", racks: [{ name: "nvl", design: "gb200-nvl72", rackCount: 8, supplyTempC: 40 }], cooling: { technology: "evaporative-tower" } }] }));
    expect(tower.findings.map((f) => f.policy)).toEqual(["wue-max"]);
    expect(violations(await viewsOf("tower"), { "wue-max": { maxWueLPerKwh: 2.5 } })).toEqual([]);
  });
});

describe("rack-density, cdu-capacity, cooling-capacity", () => {
  it("fails racks above the hall's maxRackKw", async () => {
    const { findings } = await findingsFor("dense", fitting({ halls: [{ name: "h1", racks: [{ name: "nvl", design: "gb200-nvl72", rackCount: 2, supplyTempC: 40 }], cooling: { technology: "adiabatic" }, maxRackKw: 100 }] }));
    expect(findings.map((f) => [f.policy, f.resourceName, f.limit])).toEqual([["rack-density", "dense-h1", 100]]);
  });

  it("fails undersized CDUs", async () => {
    const { findings } = await findingsFor("cdu", fitting({ halls: [{ name: "h1", racks: [{ name: "nvl", design: "gb200-nvl72", rackCount: 2, supplyTempC: 40, cduCapacityKwPerRack: 80 }], cooling: { technology: "adiabatic" } }] }));
    expect(findings.map((f) => [f.policy, f.resourceName, f.limit])).toEqual([["cdu-capacity", "cdu-h1-nvl", 160]]);
  });

  it("fails a plant that carries its load only with every unit running", async () => {
    const { findings } = await findingsFor("plant", fitting({ halls: [{ name: "h1", racks: [{ name: "nvl", design: "gb200-nvl72", rackCount: 8, supplyTempC: 40 }], cooling: { technology: "adiabatic", units: 1 } }] }));
    expect(findings.map((f) => [f.policy, f.resourceName, f.limit])).toEqual([["cooling-capacity", "plant-h1-cooling", 0]]);
    expect(violations(await viewsOf("plant"), { "cooling-capacity": { requiredRedundancy: "N" } })).toEqual([]);
  });
});

describe("carbon and structure", () => {
  it("flags a gas-only supply as advisory and a missing clean share", async () => {
    // On the lifecycle basis (gas CC 490 g/kWh, IPCC AR5); on the default operational basis a new CC emits 353 at the stack, under the cap.
    const gas = fitting({ carbonBasis: "lifecycle", powerContracts: [{ name: "gas", counterparty: "Genco", source: "gas-ccgt", contractedMw: 2 }] });
    const { findings } = await findingsFor("gassy", gas, { carbon: { minCleanEnergyShare: 0.5 } });
    expect(findings.map((f) => [f.policy, f.enforcementLevel, f.limit])).toEqual([["carbon", "advisory", 450], ["carbon", "advisory", 0.5]]);
    expect(p.hasMandatoryViolation(findings)).toBe(false);
  });

  it("flags halls without a plant or contracts, and racks or nodes outside the tree", async () => {
    const { findings } = await findingsFor("bare", fitting({ halls: [{ name: "h1", racks: [{ name: "nvl", design: "gb200-nvl72", rackCount: 1, supplyTempC: 40 }] }] }), { "firm-power": { enforcementLevel: "disabled" } });
    expect(findings.filter((f) => f.policy === "structure").map((f) => f.message)).toEqual(["bare-h1: hall has no cooling plant"]);
    // A Campus requires a contract; a campus view without one (from another producer) is still flagged.
    const campus = { type: "aicluster:index:Campus", urn: "urn:c", name: "c", props: {} };
    const hall = { type: "aicluster:index:DataHall", urn: "urn:h", name: "c-h", parent: "urn:c", props: {} };
    const plant = { type: "aicluster:index:CoolingPlant", urn: "urn:p", name: "c-h-cooling", parent: "urn:h", props: {} };
    const { structure } = await import("../policies/rules");
    expect(violations([campus, hall, plant], {}, [structure]).map((f) => f.message)).toEqual([
      "c-h: no power contract covers the hall (campus c has none)",
    ]);
    new c.LiquidCooledRack("loose", { design: "gb200-nvl72", rackCount: 1 });
    const loose = violations(await viewsOf("loose"));
    expect(loose.map((f) => f.message)).toEqual(["loose: rack is not in a data hall"]);
  });
});

describe("unknown values and config", () => {
  it("reports not-applicable instead of crashing on unknown footprints", () => {
    const view = { type: "aicluster:index:Campus", urn: "urn:x", name: "preview", props: { waterPermitM3PerYear: 100 } };
    const findings = p.evaluateRules([view], { carbon: { enforcementLevel: "disabled" } });
    expect(findings.every((f) => f.status === "not-applicable")).toBe(true);
    expect(findings.map((f) => f.policy)).toEqual(["firm-power", "energy-adequacy", "water-permit", "pue-max", "wue-max"]);
    expect(p.hasMandatoryViolation(findings)).toBe(false);
  });

  it("rejects config for an unknown rule", () => {
    expect(() => p.evaluateRules([], { "water-permits": {} })).toThrow(/water-permits = \{\}; allowed: no such rule \(did you mean "water-permit"\?\); rules: firm-power, energy-adequacy, water-permit/);
  });
});

describe("the @pulumi/policy adapter", () => {
  it("reports the same violations through validateStack, with config from the engine", async () => {
    const { STACK_POLICIES } = await import("../policies/stackPolicies");
    const probe = new c.Campus("pack-probe", fitting());
    const args = fitting({ waterPermitM3PerYear: probe.footprint.waterM3PerYear / 1.01 });
    new c.Campus("pack", args);
    const views = await viewsOf("pack");
    const resources = views.map((v) => ({ ...v, parent: views.find((x) => x.urn === v.parent) }));
    const run = (name: string, config: object) => {
      const reported: { message: string; urn?: string }[] = [];
      const policy = STACK_POLICIES.find((s) => s.name === name)!;
      policy.validateStack({ resources, getConfig: () => config } as never, (message, urn) => reported.push({ message, urn }));
      return reported;
    };
    const water = run("water-permit", {});
    expect(water).toHaveLength(1);
    expect(water[0].message).toMatch(/^pack: annual water .* exceeds the water permit of .* \(by 1 %\)\. Fix: /);
    expect(water[0].urn).toMatch(/::pack$/);
    expect(run("water-permit", { waterPermitM3PerYear: 1e9 })).toEqual([]);
    // Issue 32: 0 meant "use the campus's" (here a permit it breaks by 1 %, so raising it to 0 passed nothing new, and
    // 0 never checked a permit of 0); now "campus" says that, and 0 is a real permit: no water at all.
    expect(run("water-permit", { waterPermitM3PerYear: "campus" }).map((r) => r.message)).toEqual(water.map((r) => r.message));
    const none = run("water-permit", { waterPermitM3PerYear: 0 });
    // The config's permit holds for every campus: the probe (which has none of its own) breaks it too.
    expect(none.map((r) => r.urn!.split("::").pop())).toEqual(["pack-probe", "pack"]);
    for (const r of none) expect(r.message).toMatch(/^pack(-probe)?: annual water .* exceeds the water permit of 0 m³\/yr \(a permit of 0 allows no water\)\. Fix: /);
    expect(STACK_POLICIES.map((s) => s.name)).toEqual(["firm-power", "energy-adequacy", "water-permit", "pue-max", "wue-max", "rack-density", "cdu-capacity", "cooling-capacity", "supply-temperature", "carbon", "contract-expiry", "proposed-supply", "capex-budget", "unit-cost", "structure", "aws-instance-type", "aws-footprint-tags", "aws-pilot-size"]);
  });

  it("the documented policy-config.json names every rule with its defaults", async () => {
    const { RULES } = await import("../policies/rules");
    const documented = (await import("../policies/policy-config.json")).default as Record<string, Record<string, unknown>>;
    for (const rule of RULES) expect(documented[rule.name]).toEqual({ enforcementLevel: rule.enforcementLevel, ...rule.defaults });
    expect(Object.keys(documented)).toHaveLength(RULES.length);
  });

  it("the pack folder's package.json carries the project's version (the pack version the engine reports)", async () => {
    const pack = (await import("../policies/package.json")).default as { version: string };
    const project = (await import("../package.json")).default as { version: string };
    expect(pack.version).toBe(project.version);
  });
});
