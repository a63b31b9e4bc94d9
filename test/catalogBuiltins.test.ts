/**
 * The built-in catalog is registered without parsing it again at every start (Catalog.withBuiltins uses
 * registerBuiltin), so this test is where the built-ins are validated: every entry parses under its section's schema,
 * unchanged by the parse (no default or transform the fast path would skip), and the catalog holds exactly them.
 */
import { describe, expect, it } from "vitest";
import {
  BUILTIN_ACCELERATORS, BUILTIN_AWS_INSTANCE_TYPES, BUILTIN_CLIMATES, BUILTIN_COOLING_PLANT_COSTS, BUILTIN_COOLING_TECHNOLOGIES, BUILTIN_ENERGY_PRICES,
  BUILTIN_FACILITY_COSTS, BUILTIN_GENERATION_COSTS, BUILTIN_GENERATION_SOURCES, BUILTIN_MARKETS, BUILTIN_NODE_DESIGNS, BUILTIN_RACK_DESIGNS,
  BUILTIN_RACK_HARDWARE_COSTS, BUILTIN_WATER_PRICES, Catalog, CatalogError, type CatalogSection,
} from "../components/catalog";

const catalog = Catalog.withBuiltins();
// eslint-disable-next-line @typescript-eslint/no-explicit-any
const SECTIONS: [CatalogSection<any>, readonly { id: string }[]][] = [
  [catalog.accelerators, BUILTIN_ACCELERATORS],
  [catalog.nodeDesigns, BUILTIN_NODE_DESIGNS],
  [catalog.rackDesigns, BUILTIN_RACK_DESIGNS],
  [catalog.coolingTechnologies, BUILTIN_COOLING_TECHNOLOGIES],
  [catalog.generationSources, BUILTIN_GENERATION_SOURCES],
  [catalog.climates, BUILTIN_CLIMATES],
  [catalog.markets, BUILTIN_MARKETS],
  [catalog.rackHardwareCosts, BUILTIN_RACK_HARDWARE_COSTS],
  [catalog.coolingPlantCosts, BUILTIN_COOLING_PLANT_COSTS],
  [catalog.facilityCosts, BUILTIN_FACILITY_COSTS],
  [catalog.generationCosts, BUILTIN_GENERATION_COSTS],
  [catalog.energyPrices, BUILTIN_ENERGY_PRICES],
  [catalog.waterPrices, BUILTIN_WATER_PRICES],
  [catalog.awsInstanceTypes, BUILTIN_AWS_INSTANCE_TYPES],
];

describe("built-in catalog entries", () => {
  it.each(SECTIONS.map(([section, entries]) => [section.kind, section, entries] as const))("%s: each parses unchanged under its schema", (_kind, section, entries) => {
    expect(entries.length).toBeGreaterThan(0);
    for (const entry of entries) {
      const parsed = section.parse(entry);
      expect(parsed.problems, `${section.kind} "${entry.id}"`).toBeUndefined();
      expect(parsed.entry, `${section.kind} "${entry.id}"`).toStrictEqual(entry);
    }
  });

  it.each(SECTIONS.map(([section, entries]) => [section.kind, section, entries] as const))("%s: the catalog holds exactly the built-ins, frozen copies", (_kind, section, entries) => {
    expect(section.ids()).toEqual(entries.map((e) => e.id).sort());
    for (const entry of entries) {
      const held = section.get(entry.id);
      expect(held).toStrictEqual(entry);
      expect(held).not.toBe(entry);
      expect(Object.isFrozen(held)).toBe(true);
    }
  });

  it("the parse the test relies on rejects a broken entry, naming the field", () => {
    const broken = { ...BUILTIN_ACCELERATORS[0], maxPowerW: -1 };
    const parsed = catalog.accelerators.parse(broken);
    expect(parsed.entry).toBeUndefined();
    expect(parsed.problems?.map((p) => p.field)).toContain("maxPowerW");
  });

  it("a built-in is still checked against the rest of the catalog, and ids stay unique", () => {
    const c = new Catalog();
    expect(() => c.nodeDesigns.registerBuiltin(BUILTIN_NODE_DESIGNS[0])).toThrow(CatalogError);
    c.accelerators.registerBuiltin(structuredClone(BUILTIN_ACCELERATORS[0]));
    expect(() => c.accelerators.registerBuiltin(structuredClone(BUILTIN_ACCELERATORS[0]))).toThrow(/built in twice/);
  });
});
