import { beforeAll, describe, expect, it } from "vitest";
import { installMocks } from "./helpers/mocks";

installMocks();
type Components = typeof import("../components");
let c: Components;

beforeAll(async () => {
  c = await import("../components");
  // A power-limited rack registered the way users extend the catalog: 14 trays fit its 100 kW at their own power,
  // in a node design whose maximum leaves room for a hotter accelerator that no longer fits the rack.
  const checked = "2026-11-25";
  c.catalog.nodeDesigns.register({
    ...c.catalog.nodeDesigns.get("gb200-nvl72-tray"), id: "gb200-tray-8kw", maxPowerW: 8000, source: { title: "test: a tray with an 8 kW power budget", checked },
  });
  c.catalog.accelerators.register({
    ...c.catalog.accelerators.get("gb200"), id: "gb200-oc", boardPowerW: 1600, source: { title: "test: an overclocked GB200", checked },
  });
  c.catalog.rackDesigns.register({
    ...c.catalog.rackDesigns.get("gb200-nvl72"),
    id: "gb200-nvl72-derated-100kw",
    nodeDesignId: "gb200-tray-8kw",
    nodesPerRack: 14,
    ratedKw: 100,
    source: { title: "site standard: NeuCool racks up to 100 kW", checked },
  });
});

/** The message of the error `fn` throws, asserting it is an AiclusterInputError. */
function messageOf(fn: () => unknown): string {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(c.AiclusterInputError);
    return (e as Error).message;
  }
  throw new Error("expected an AiclusterInputError, nothing was thrown");
}

describe("bad input fails with one message naming resource, field, value and allowed range", () => {
  it("negative node count", () => {
    expect(messageOf(() => new c.GpuNodePool("p", { nodeDesign: "hgx-h100-8gpu", nodeCount: -3 }))).toBe(
      'aicluster:index:GpuNodePool "p" has invalid args: nodeCount = -3; allowed: a whole number from 0 to 10,000,000',
    );
  });

  it("NaN and fractional rack counts", () => {
    expect(messageOf(() => new c.LiquidCooledRack("r", { design: "gb200-nvl72", rackCount: Number.NaN }))).toBe(
      'aicluster:index:LiquidCooledRack "r" has invalid args: rackCount = NaN; allowed: a whole number from 1 to 100,000',
    );
    expect(messageOf(() => new c.LiquidCooledRack("r", { design: "gb200-nvl72", rackCount: 2.5 }))).toContain("rackCount = 2.5; allowed: a whole number");
  });

  it("unknown accelerator lists the known ones", () => {
    expect(messageOf(() => new c.GpuNodePool("p", { nodeDesign: "hgx-h100-8gpu", nodeCount: 1, accelerator: "h300" }))).toBe(
      'aicluster:index:GpuNodePool "p" has invalid args: accelerator = "h300"; allowed: an accelerator in the catalog: b200, gb200, gb200-oc, gb300, h100-sxm, h200-sxm, mi300x, mi325x, mi355x, rubin',
    );
  });

  it("an accelerator that pushes a node past its maximum power", () => {
    expect(messageOf(() => new c.GpuNodePool("p", { nodeDesign: "hgx-h100-8gpu", nodeCount: 1, accelerator: "b200" }))).toContain(
      'accelerator = "b200"; allowed: an accelerator that keeps the node within its 10200 W maximum (node design "hgx-h100-8gpu"); "b200" gives 12600 W',
    );
  });

  it("a liquid-only accelerator in an air-cooled node", () => {
    expect(messageOf(() => new c.GpuNodePool("p", { nodeDesign: "hgx-b200-8gpu", nodeCount: 1, accelerator: "gb300" }))).toContain("an air-coolable accelerator");
  });

  it("a rack whose nodes exceed its rated kW", () => {
    // 14 × (4 × 1,600 + 1,500) W + 9 × 400 W + 1,000 W = 115,200 W / 0.975 = 118.2 kW
    expect(messageOf(() => new c.LiquidCooledRack("hot", { design: "gb200-nvl72-derated-100kw", rackCount: 4, accelerator: "gb200-oc" }))).toBe(
      'aicluster:index:LiquidCooledRack "hot" has invalid args: accelerator = "gb200-oc"; allowed: a fit within the 100 kW the rack design "gb200-nvl72-derated-100kw" is rated for; this one draws 118.2 kW per rack',
    );
    // 14 × 6.3 + 7.2 + 1.0 = 96.4 kW / 0.975 = 98.9 kW
    expect(() => new c.LiquidCooledRack("fits", { design: "gb200-nvl72-derated-100kw", rackCount: 4 })).not.toThrow();
  });

  it("supply temperature outside the design's range", () => {
    expect(messageOf(() => new c.LiquidCooledRack("r", { design: "gb200-nvl72", rackCount: 1, supplyTempC: 50 }))).toBe(
      'aicluster:index:LiquidCooledRack "r" has invalid args: supplyTempC = 50; allowed: a number from 17 to 45 °C (rack design "gb200-nvl72")',
    );
    expect(messageOf(() => new c.LiquidCooledRack("r", { design: "gb200-nvl72", rackCount: 1, supplyTempC: 90 }))).toContain("supplyTempC = 90; allowed: a number from 2 to 70 °C");
  });

  it("an evaporative fraction on a technology that evaporates no water", () => {
    expect(messageOf(() => new c.CoolingPlant("dry", { technology: "dry-cooler", climate: "central-ohio", heatLoadKw: 1000, evaporativeFraction: 0.2 }))).toBe(
      'aicluster:index:CoolingPlant "dry" has invalid args: evaporativeFraction = 0.2; allowed: 0 or unset: technology "dry-cooler" rejects heat without evaporating water',
    );
  });

  it("a cooling plant smaller than its heat load", () => {
    expect(messageOf(() => new c.CoolingPlant("cp", { technology: "dry-cooler", climate: "central-ohio", heatLoadKw: 5000, units: 2, unitCapacityKw: 1500 }))).toBe(
      'aicluster:index:CoolingPlant "cp" has invalid args: units = 2; allowed: enough capacity for the 5,000 kW heat load; 2 × 1,500 kW = 3,000 kW installed',
    );
  });

  it("wrong rack kind for the class, and liquid-only fields on air racks", () => {
    expect(messageOf(() => new c.AirCooledRack("a", { design: "gb200-nvl72", rackCount: 1 }))).toContain('design = "gb200-nvl72"; allowed: an air-cooled rack design: hgx-b200-air-rack');
    expect(messageOf(() => new c.AirCooledRack("a", { design: "hgx-h100-air-rack", rackCount: 1, supplyTempC: 30 } as never))).toContain("supplyTempC = 30; allowed: no such field");
  });

  it("several problems are listed together, each with its field", () => {
    const message = messageOf(() => new c.PowerContract("pc", { counterparty: "", source: "coal", contractedMw: -5, capacityFactor: 1.5 }));
    expect(message).toBe(
      [
        'aicluster:index:PowerContract "pc" has invalid args:',
        '  - counterparty = ""; allowed: the counterparty\'s name',
        "  - contractedMw = -5; allowed: a number above 0 and up to 100,000 MW",
        "  - capacityFactor = 1.5; allowed: a number from 0 to 1",
      ].join("\n"),
    );
  });

  it("nested campus args report the full path on the campus", () => {
    const args = {
      location: "Richland Parish, Louisiana",
      climate: "north-louisiana",
      halls: [{ name: "h1", racks: [{ name: "r1", design: "gb200-nvl72", rackCount: 1, deltaTK: 40 }], cooling: { technology: "evaporative-tower" } }],
      powerContracts: [{ name: "gas", counterparty: "Utility", source: "gas-ccgt", market: "miso", contractedMw: 1 }],
    };
    expect(messageOf(() => new c.Campus("hy", args))).toBe('aicluster:index:Campus "hy" has invalid args: halls[0].racks[0].deltaTK = 40; allowed: a number from 4 to 20 K');
    const badClimate = { ...args, climate: "mars", halls: [{ ...args.halls[0], racks: [{ name: "r1", design: "gb200-nvl72", rackCount: 1 }] }] };
    expect(messageOf(() => new c.Campus("hy", badClimate))).toContain('climate = "mars"; allowed: a climate in the catalog: abilene-tx, central-ohio, council-bluffs-ia, loudoun-va, newton-county-ga, north-louisiana, phoenix-az, quincy-wa, temperate-generic');
    const dupes = { ...badClimate, climate: "north-louisiana", powerContracts: [args.powerContracts[0], args.powerContracts[0]] };
    expect(messageOf(() => new c.Campus("hy", dupes))).toContain('powerContracts[1].name = "gas"; allowed: a name not used by another entry of powerContracts');
  });

  it("two rack groups of a hall with one name", () => {
    const racks = [{ name: "row", design: "gb200-nvl72", rackCount: 1 }, { name: "row", design: "gb300-nvl72", rackCount: 1 }];
    expect(messageOf(() => new c.DataHall("h", { racks }))).toBe('aicluster:index:DataHall "h" has invalid args: racks[1].name = "row"; allowed: a name not used by another entry of racks');
  });

  it("a hall with cooling but no climate", () => {
    expect(messageOf(() => new c.DataHall("h", { racks: [{ name: "r", design: "gb200-nvl72", rackCount: 1 }], cooling: { technology: "chiller" } }))).toContain(
      "climate = (missing); allowed: a climate id (needed by the cooling plant)",
    );
  });

  it("the engine prints the message without a stack trace (a Pulumi RunError)", async () => {
    const pulumi = await import("@pulumi/pulumi");
    try {
      new c.GpuNodePool("p", { nodeDesign: "nope", nodeCount: 1 });
    } catch (e) {
      expect(pulumi.RunError.isInstance(e)).toBe(true);
      expect((e as InstanceType<typeof c.AiclusterInputError>).problems).toEqual([
        { field: "nodeDesign", value: "nope", allowed: expect.stringContaining("hgx-h100-8gpu") },
      ]);
      return;
    }
    throw new Error("expected an error");
  });
});
