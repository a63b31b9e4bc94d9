/**
 * Catalog entries are checked completely at register time: unknown fields, cross-field rules and references to other
 * sections each fail with a CatalogError naming the kind, the id and the field.
 */
import { describe, expect, it } from "vitest";
import { catalogError } from "./helpers/catalogError";
import {
  BUILTIN_ACCELERATORS, BUILTIN_AWS_INSTANCE_TYPES, BUILTIN_CLIMATES, BUILTIN_COOLING_TECHNOLOGIES, BUILTIN_GENERATION_SOURCES, BUILTIN_NODE_DESIGNS, BUILTIN_RACK_DESIGNS,
  Catalog, CatalogError,
} from "../components/catalog";


const NO_SUCH_FIELD = "allowed: no such field (check the spelling)";

describe("built-ins pass every check", () => {
  it("every built-in entry registers in a fresh catalog", () => {
    const c = Catalog.withBuiltins();
    expect(c.accelerators.ids()).toHaveLength(BUILTIN_ACCELERATORS.length);
    expect(c.nodeDesigns.ids()).toHaveLength(BUILTIN_NODE_DESIGNS.length);
    expect(c.rackDesigns.ids()).toHaveLength(BUILTIN_RACK_DESIGNS.length);
    expect(c.coolingTechnologies.ids()).toHaveLength(BUILTIN_COOLING_TECHNOLOGIES.length);
    expect(c.generationSources.ids()).toHaveLength(BUILTIN_GENERATION_SOURCES.length);
    expect(c.climates.ids()).toHaveLength(BUILTIN_CLIMATES.length);
    expect(c.awsInstanceTypes.ids()).toHaveLength(BUILTIN_AWS_INSTANCE_TYPES.length);
  });
});

describe("unknown fields are errors, one per section", () => {
  const c = Catalog.withBuiltins();

  it("accelerators", () => {
    const e = catalogError(
      () => c.accelerators.register({ ...c.accelerators.get("h100-sxm"), id: "x1", boardPowerw: 700 } as never),
      ["boardPowerw"],
      `invalid accelerator "x1": boardPowerw = 700; ${NO_SUCH_FIELD}`,
    );
    expect(e.problems[0]).toEqual({ field: "boardPowerw", value: 700, allowed: "no such field (check the spelling)" });
  });

  it("nodeDesigns", () => {
    catalogError(
      () => c.nodeDesigns.register({ ...c.nodeDesigns.get("hgx-h100-8gpu"), id: "n1", maxPowerKw: 10.2 } as never),
      ["maxPowerKw"],
      `invalid node design "n1": maxPowerKw = 10.2; ${NO_SUCH_FIELD}`,
    );
  });

  it("rackDesigns", () => {
    catalogError(
      () => c.rackDesigns.register({ ...c.rackDesigns.get("gb200-nvl72"), id: "r1", ratedKW: 132 } as never),
      ["ratedKW"],
      `invalid rack design "r1": ratedKW = 132; ${NO_SUCH_FIELD}`,
    );
  });

  it("coolingTechnologies", () => {
    catalogError(
      () => c.coolingTechnologies.register({ ...c.coolingTechnologies.get("evaporative-tower"), id: "t1", cycles: 5 } as never),
      ["cycles"],
      `invalid cooling technology "t1": cycles = 5; ${NO_SUCH_FIELD}`,
    );
  });

  it("generationSources", () => {
    catalogError(
      () => c.generationSources.register({ ...c.generationSources.get("nuclear"), id: "g1", capacityFactr: 0.9 } as never),
      ["capacityFactr"],
      `invalid generation source "g1": capacityFactr = 0.9; ${NO_SUCH_FIELD}`,
    );
  });

  it("climates", () => {
    catalogError(
      () => c.climates.register({ ...c.climates.get("central-ohio"), id: "c1", designWetBulb: 24 } as never),
      ["designWetBulb"],
      `invalid climate "c1": designWetBulb = 24; ${NO_SUCH_FIELD}`,
    );
  });

  it("awsInstanceTypes", () => {
    catalogError(
      () => c.awsInstanceTypes.register({ ...c.awsInstanceTypes.get("p5en.48xlarge"), id: "p9.48xlarge", defaultForAccelerator: false, efaCards: [0] } as never),
      ["efaCards"],
      `invalid AWS instance type "p9.48xlarge": efaCards = [0]; ${NO_SUCH_FIELD}`,
    );
  });

  it("the nested source, named by its path", () => {
    const h100 = c.accelerators.get("h100-sxm");
    catalogError(
      () => c.accelerators.register({ ...h100, id: "x2", source: { ...h100.source, checkd: "2026-01-01" } } as never),
      ["source.checkd"],
      `invalid accelerator "x2": source.checkd = "2026-01-01"; ${NO_SUCH_FIELD}`,
    );
  });

  it("several problems are listed one per line", () => {
    catalogError(
      () => c.climates.register({ ...c.climates.get("central-ohio"), id: "c2", designDryBulbC: 99, dryBulb: 30 } as never),
      ["designDryBulbC", "dryBulb"],
      `invalid climate "c2":\n  - designDryBulbC = 99; allowed: Too big: expected number to be <=60\n  - dryBulb = 30; ${NO_SUCH_FIELD}`,
    );
  });
});

describe("cross-field checks", () => {
  const c = Catalog.withBuiltins();

  it("climate: the wet bulb is at most the dry bulb", () => {
    const site = { id: "hot-site", description: "test site", designDryBulbC: 30, designWetBulbC: 31, source: { title: "test data", checked: "2026-11-25" } };
    catalogError(() => c.climates.register(site), ["designWetBulbC"], 'invalid climate "hot-site": designWetBulbC = 31; allowed: at most designDryBulbC (30 °C)');
    expect(c.climates.register({ ...site, designWetBulbC: 30 }).designWetBulbC).toBe(30);
  });

  describe("cooling technology", () => {
    const tower = c.coolingTechnologies.get("evaporative-tower");
    const dry = c.coolingTechnologies.get("dry-cooler");

    it("power range ordered [min, max]", () => {
      catalogError(
        () => c.coolingTechnologies.register({ ...tower, id: "t-range", powerKwPerKwHeatRange: [0.04, 0.015] }),
        ["powerKwPerKwHeatRange"],
        'invalid cooling technology "t-range": powerKwPerKwHeatRange = [0.04,0.015]; allowed: [min, max] with min at most max (here 0.04 > 0.015)',
      );
    });

    it("power range within 0-1 at both ends", () => {
      catalogError(
        () => c.coolingTechnologies.register({ ...tower, id: "t-range-hi", powerKwPerKwHeatRange: [1.5, 2] }),
        ["powerKwPerKwHeatRange[0]", "powerKwPerKwHeatRange[1]"],
        'invalid cooling technology "t-range-hi":\n  - powerKwPerKwHeatRange[0] = 1.5; allowed: Too big: expected number to be <=1\n  - powerKwPerKwHeatRange[1] = 2; allowed: Too big: expected number to be <=1',
      );
    });

    it("typical power within its range", () => {
      catalogError(
        () => c.coolingTechnologies.register({ ...tower, id: "t-power", powerKwPerKwHeat: 0.05 }),
        ["powerKwPerKwHeat"],
        'invalid cooling technology "t-power": powerKwPerKwHeat = 0.05; allowed: within powerKwPerKwHeatRange (0.015 to 0.04)',
      );
    });

    it("a dry-bulb plant evaporates nothing", () => {
      catalogError(
        () => c.coolingTechnologies.register({ ...dry, id: "t-dry-wet", evaporativeFraction: 0.1 }),
        ["evaporativeFraction"],
        'invalid cooling technology "t-dry-wet": evaporativeFraction = 0.1; allowed: 0 for ambientBasis "dry-bulb" (a plant that evaporates water is limited by the wet bulb: use "wet-bulb", as the built-in adiabatic cooler does)',
      );
    });

    it("a wet-bulb plant evaporates in its wet hours", () => {
      catalogError(
        () => c.coolingTechnologies.register({ ...tower, id: "t-wet-dry", evaporativeFraction: 0 }),
        ["evaporativeFraction"],
        'invalid cooling technology "t-wet-dry": evaporativeFraction = 0; allowed: above 0 for ambientBasis "wet-bulb" (only evaporation cools below the dry bulb: a plant that does not evaporate is "dry-bulb")',
      );
    });

    it("only a wet-bulb plant has a dry mode", () => {
      catalogError(
        () => c.coolingTechnologies.register({ ...dry, id: "t-dry-mode", dryApproachK: 6 }),
        ["dryApproachK"],
        'invalid cooling technology "t-dry-mode": dryApproachK = 6; allowed: unset for ambientBasis "dry-bulb" (only a wet-bulb plant can also run dry)',
      );
    });

    it("a mechanical plant may evaporate (water-cooled chiller)", () => {
      const chiller = c.coolingTechnologies.get("chiller");
      expect(c.coolingTechnologies.register({ ...chiller, id: "water-cooled-chiller", evaporativeFraction: 1 }).ambientBasis).toBe("mechanical");
    });
  });

  it("rack design: supply temperatures ordered", () => {
    catalogError(
      () => c.rackDesigns.register({ ...c.rackDesigns.get("gb200-nvl72"), id: "r-supply", minSupplyTempC: 40, maxSupplyTempC: 30 }),
      ["minSupplyTempC"],
      'invalid rack design "r-supply": minSupplyTempC = 40; allowed: at most maxSupplyTempC (30 °C)',
    );
  });

  it("rack design: liquid capture matches the cooling", () => {
    catalogError(
      () => c.rackDesigns.register({ ...c.rackDesigns.get("hgx-h100-air-rack"), id: "r-capture", liquidCaptureFraction: 0.5 }),
      ["liquidCaptureFraction"],
      'invalid rack design "r-capture": liquidCaptureFraction = 0.5; allowed: 0 for an air-cooled rack',
    );
  });
});

describe("checks against the rest of the catalog", () => {
  const c = Catalog.withBuiltins();
  const accelerators = "b200, gb200, gb300, h100-sxm, h200-sxm, mi300x, mi325x, mi355x, rubin";

  it("node design: unknown accelerator", () => {
    catalogError(
      () => c.nodeDesigns.register({ ...c.nodeDesigns.get("hgx-h100-8gpu"), id: "n-ghost", acceleratorId: "nope" }),
      ["acceleratorId"],
      `invalid node design "n-ghost": acceleratorId = "nope"; allowed: an accelerator in the catalog: ${accelerators}`,
    );
  });

  it("node design: air-cooled with a liquid-only accelerator", () => {
    catalogError(
      () => c.nodeDesigns.register({ ...c.nodeDesigns.get("gb200-nvl72-tray"), id: "n-air-gb", cooling: "air" }),
      ["acceleratorId"],
      'invalid node design "n-air-gb": acceleratorId = "gb200"; allowed: an accelerator an air-cooled node can cool (the node design is air-cooled but accelerator "gb200" needs liquid cooling): b200, h100-sxm, h200-sxm, mi300x, mi325x',
    );
  });

  it("node design: its own accelerator within maxPowerW", () => {
    catalogError(
      () => c.nodeDesigns.register({ ...c.nodeDesigns.get("hgx-h100-8gpu"), id: "n-hot", acceleratorId: "b200" }),
      ["maxPowerW"],
      'invalid node design "n-hot": maxPowerW = 10200; allowed: at least the node\'s power with its own accelerator "b200": 8 × 1000 W + 4600 W host overhead = 12600 W',
    );
    // Exactly at the maximum is fine (in a catalog of its own, so the lists of ids below stay the built-ins').
    const own = Catalog.withBuiltins();
    expect(own.nodeDesigns.register({ ...c.nodeDesigns.get("hgx-h100-8gpu"), id: "n-at-max", acceleratorId: "b200", maxPowerW: 12600 }).maxPowerW).toBe(12600);
  });

  it("node design: several problems at once", () => {
    catalogError(
      () => c.nodeDesigns.register({ ...c.nodeDesigns.get("gb300-nvl72-tray"), id: "n-both", cooling: "air", maxPowerW: 5000 }),
      ["acceleratorId", "maxPowerW"],
      'invalid node design "n-both":\n  - acceleratorId = "gb300"; allowed: an accelerator an air-cooled node can cool (the node design is air-cooled but accelerator "gb300" needs liquid cooling): b200, h100-sxm, h200-sxm, mi300x, mi325x\n  - maxPowerW = 5000; allowed: at least the node\'s power with its own accelerator "gb300": 4 × 1400 W + 1500 W host overhead = 7100 W',
    );
  });

  it("rack design: unknown node design", () => {
    const nodes = c.nodeDesigns.ids().join(", ");
    catalogError(
      () => c.rackDesigns.register({ ...c.rackDesigns.get("gb200-nvl72"), id: "r-ghost", nodeDesignId: "nope" }),
      ["nodeDesignId"],
      `invalid rack design "r-ghost": nodeDesignId = "nope"; allowed: a node design in the catalog: ${nodes}`,
    );
  });

  it("rack design: air-cooled with a liquid-cooled node design", () => {
    catalogError(
      () => c.rackDesigns.register({ ...c.rackDesigns.get("hgx-h100-air-rack"), id: "r-air-gb", nodeDesignId: "gb200-nvl72-tray" }),
      ["nodeDesignId"],
      'invalid rack design "r-air-gb": nodeDesignId = "gb200-nvl72-tray"; allowed: an air-cooled node design (the rack design is air-cooled but node design "gb200-nvl72-tray" is liquid-cooled): hgx-b200-8gpu, hgx-h100-8gpu, hgx-h200-8gpu, mi300x-platform-8gpu, mi325x-platform-8gpu',
    );
  });

  it("rack design: its default fill must fit its rating; a power-limited rack registers with the fill it can power", () => {
    catalogError(
      () => c.rackDesigns.register({ ...c.rackDesigns.get("gb200-nvl72"), id: "r-derated", ratedKw: 100 }),
      ["ratedKw"],
      'invalid rack design "r-derated": ratedKw = 100; allowed: at least the 121.0 kW its default fill draws (18 × 6300 W "gb200-nvl72-tray" nodes, switches and overhead, at 0.975 conversion efficiency); for a power-limited rack lower nodesPerRack',
    );
    expect(c.rackDesigns.register({ ...c.rackDesigns.get("gb200-nvl72"), id: "r-derated-14", ratedKw: 100, nodesPerRack: 14 }).ratedKw).toBe(100);
  });

  it("AWS instance type: unknown accelerator", () => {
    catalogError(
      () => c.awsInstanceTypes.register({ ...c.awsInstanceTypes.get("p5.48xlarge"), id: "p9.48xlarge", acceleratorId: "nope", defaultForAccelerator: false }),
      ["acceleratorId"],
      `invalid AWS instance type "p9.48xlarge": acceleratorId = "nope"; allowed: an accelerator in the catalog: ${accelerators}`,
    );
  });

  it("AWS instance type: one default per accelerator", () => {
    catalogError(
      () => c.awsInstanceTypes.register({ ...c.awsInstanceTypes.get("p5.48xlarge"), id: "p5x.48xlarge" }),
      ["defaultForAccelerator"],
      'invalid AWS instance type "p5x.48xlarge": defaultForAccelerator = true; allowed: false: AWS instance type "p5.48xlarge" is already the default for accelerator "h100-sxm" (one default per accelerator)',
    );
  });

  it("duplicate id names the id field", () => {
    catalogError(
      () => c.climates.register({ ...c.climates.get("central-ohio") }),
      ["id"],
      'climate "central-ohio" is already in the catalog; pass { replace: true } to replace it',
    );
  });

  it("a failed registration leaves the section unchanged", () => {
    const fresh = new Catalog();
    expect(() => fresh.nodeDesigns.register({ ...c.nodeDesigns.get("hgx-h100-8gpu") })).toThrow(CatalogError);
    expect(fresh.nodeDesigns.ids()).toEqual([]);
  });
});
