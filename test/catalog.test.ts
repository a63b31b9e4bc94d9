import { describe, expect, it } from "vitest";
import { Catalog, CatalogError } from "../components/catalog";

describe("built-in catalog", () => {
  const c = Catalog.withBuiltins();

  it("has the accelerators the issue lists, each with a dated source", () => {
    expect(c.accelerators.ids()).toEqual(["b200", "gb200", "gb300", "h100-sxm", "h200-sxm", "mi300x", "mi325x", "mi355x", "rubin"]);
    for (const a of c.accelerators.list()) expect(a.source.checked).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(c.accelerators.get("h100-sxm")).toMatchObject({ boardPowerW: 700, memoryGb: 80 });
    expect(c.accelerators.get("gb300")).toMatchObject({ boardPowerW: 1400, memoryGb: 288, cooling: "liquid" });
  });

  it("keeps node designs within their datasheet maximum", () => {
    for (const n of c.nodeDesigns.list()) {
      const a = c.accelerators.get(n.acceleratorId);
      expect(n.gpusPerNode * a.boardPowerW + n.hostOverheadW, n.id).toBeLessThanOrEqual(n.maxPowerW);
    }
  });

  it("has rack designs, cooling technologies, generation sources and climates", () => {
    expect(c.rackDesigns.ids()).toContain("gb200-nvl72");
    expect(c.rackDesigns.ids()).toContain("hgx-h100-air-rack");
    expect(c.coolingTechnologies.ids()).toEqual(["adiabatic", "chiller", "dry-cooler", "evaporative-tower"]);
    expect(c.generationSources.get("nuclear")).toMatchObject({ combustionGPerKwh: 0, lifecycleGPerKwh: 12, clean: true });
    expect(c.climates.ids()).toContain("north-louisiana");
  });
});

describe("user extensions", () => {
  it("registers a custom accelerator and a node design that uses it", () => {
    const c = Catalog.withBuiltins();
    c.accelerators.register({ id: "acme-x1", vendor: "Acme", model: "X1", boardPowerW: 900, memoryGb: 256, cooling: "liquid", source: { title: "Acme X1 datasheet", checked: "2026-11-01" } });
    c.nodeDesigns.register({
      id: "acme-x1-4gpu", description: "4× X1 liquid", acceleratorId: "acme-x1", gpusPerNode: 4, hostOverheadW: 1200, maxPowerW: 4800, cooling: "liquid",
      source: { title: "Acme node guide", checked: "2026-11-01" },
    });
    expect(c.nodeDesigns.get("acme-x1-4gpu").acceleratorId).toBe("acme-x1");
  });

  it("rejects invalid entries with every bad field named", () => {
    const c = Catalog.withBuiltins();
    const bad = { id: "x", vendor: "v", model: "m", boardPowerW: -5, memoryGb: Number.NaN, cooling: "oil", source: { title: "t t t", checked: "yesterday" } };
    expect(() => c.accelerators.register(bad as never)).toThrow(CatalogError);
    try {
      c.accelerators.register(bad as never);
    } catch (e) {
      expect((e as CatalogError).problems.map((p) => p.field)).toEqual(["boardPowerW", "memoryGb", "cooling", "source.checked"]);
    }
  });

  it("rejects duplicates unless replacing, and dangling references", () => {
    const c = Catalog.withBuiltins();
    const h100 = c.accelerators.get("h100-sxm");
    expect(() => c.accelerators.register({ ...h100 })).toThrow(/already in the catalog/);
    expect(c.accelerators.register({ ...h100, memoryGb: 96 }, { replace: true }).memoryGb).toBe(96);
    const tray = c.nodeDesigns.get("gb200-nvl72-tray");
    expect(() => c.nodeDesigns.register({ ...tray, id: "ghost", acceleratorId: "nope" })).toThrow(/acceleratorId = "nope"; allowed: an accelerator in the catalog: b200/);
    expect(() => c.nodeDesigns.register({ ...tray, id: "air-gb", cooling: "air" })).toThrow(/air-cooled but accelerator "gb200" needs liquid/);
  });

  it("names the known ids on an unknown lookup", () => {
    expect(() => Catalog.withBuiltins().rackDesigns.get("nvl144")).toThrow(/unknown rack design "nvl144"; known: gb200-nvl72, gb300-nvl72/);
  });
});
