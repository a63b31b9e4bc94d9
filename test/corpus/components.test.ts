/** Bad-input corpus, components: every row must fail with an AiclusterInputError naming its field, exit code 2. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { installMocks } from "../helpers/mocks";
import { expectBadInput, reportCount } from "./helpers";
import { AIR, campus, COMPONENT_CASES, Components, CONTRACT, HALL, LIQUID, PLANT, POOL } from "./tables/components";

installMocks();
let c: Components;
let exitCodeOf: (e: unknown) => number;

beforeAll(async () => {
  c = await import("../../components");
  ({ exitCodeOf } = await import("../../plan/cli"));
});

afterAll(() => reportCount("components", COMPONENT_CASES.length));

describe("the valid args each row starts from are accepted (so a row fails for its own change)", () => {
  it("every base builds", () => {
    expect(() => new c.GpuNodePool("base-pool", POOL)).not.toThrow();
    expect(() => new c.LiquidCooledRack("base-liquid", LIQUID)).not.toThrow();
    expect(() => new c.AirCooledRack("base-air", AIR)).not.toThrow();
    expect(() => new c.CoolingPlant("base-plant", PLANT)).not.toThrow();
    expect(() => new c.PowerContract("base-contract", CONTRACT)).not.toThrow();
    expect(() => new c.DataHall("base-hall", HALL)).not.toThrow();
    expect(() => new c.Campus("base-campus", campus())).not.toThrow();
  });

  it("inclusive bounds themselves are accepted", () => {
    expect(() => new c.GpuNodePool("bound-pool", { ...POOL, nodeCount: 0 })).not.toThrow();
    expect(() => new c.LiquidCooledRack("bound-liquid", { ...LIQUID, supplyTempC: 17, deltaTK: 20, nodesPerRack: 18 })).not.toThrow();
    expect(() => new c.CoolingPlant("bound-plant", { ...PLANT, cyclesOfConcentration: 20, utilisation: 1, evaporativeFraction: 0 })).not.toThrow();
    expect(() => new c.PowerContract("bound-contract", { ...CONTRACT, contractedMw: 100_000, startYear: 2100, termYears: 60, priceUsdPerMwh: 0 })).not.toThrow();
    // 12 resources: exactly at the cap.
    const fourGroups = ["a", "b", "c", "d"].map((name) => ({ name, design: "gb200-nvl72", rackCount: 2 }));
    expect(() => new c.Campus("bound-campus", campus({ maxResources: 12, halls: [{ name: "h1", racks: fourGroups, cooling: { technology: "adiabatic" } }] }))).not.toThrow();
    // A hall may repeat the campus's climate.
    expect(() => new c.Campus("same-climate", campus({ halls: [{ name: "h1", racks: [fourGroups[0]], climate: "central-ohio" }] }))).not.toThrow();
  });
});

describe("components: bad args", () => {
  it.each(COMPONENT_CASES)("$name", async (k) => {
    await expectBadInput(k, c, exitCodeOf);
  });
});
