import { describe, expect, it } from "vitest";
import { Catalog } from "../components/catalog";
import { nodeItPowerW, rackItPowerKw } from "../components/physics";

/** Rack IT load of a design's default fill with its node design's own accelerator, as the catalog's registration check computes it. */
function defaultFillKw(c: Catalog, rackDesignId: string): number {
  const r = c.rackDesigns.get(rackDesignId);
  const node = c.nodeDesigns.get(r.nodeDesignId);
  const accelerator = c.accelerators.get(node.acceleratorId);
  return rackItPowerKw({
    nodesPerRack: r.nodesPerRack,
    nodePowerW: nodeItPowerW(node.gpusPerNode, accelerator.boardPowerW, node.hostOverheadW),
    switchesPerRack: r.switchesPerRack,
    switchPowerW: r.switchPowerW,
    rackOverheadW: r.rackOverheadW,
    powerConversionEfficiency: r.powerConversionEfficiency,
  });
}

describe("NVL72 racks: default-fill IT load from the catalog figures", () => {
  const c = Catalog.withBuiltins();

  it("gb200-nvl72: NVLink 5 switch trays at 400 W", () => {
    // tray: 4 × 1,200 W gb200 + 1,500 W host = 6,300 W
    // rack: (18 × 6,300 + 9 × 400 + 1,000) W / 0.975 = (113,400 + 3,600 + 1,000) / 0.975 = 118,000 / 0.975 W = 121.0256 kW
    expect(c.rackDesigns.get("gb200-nvl72").switchPowerW).toBe(400);
    expect(defaultFillKw(c, "gb200-nvl72")).toBeCloseTo(118_000 / 0.975 / 1000, 9);
    expect(defaultFillKw(c, "gb200-nvl72")).toBeCloseTo(121.0256, 4);
    expect(defaultFillKw(c, "gb200-nvl72")).toBeLessThanOrEqual(c.rackDesigns.get("gb200-nvl72").ratedKw); // 132 kW
  });

  it("gb300-nvl72: NVLink 5 switch trays at 400 W", () => {
    // tray: 4 × 1,400 W gb300 + 1,500 W host = 7,100 W
    // rack: (18 × 7,100 + 9 × 400 + 1,000) W / 0.975 = (127,800 + 3,600 + 1,000) / 0.975 = 132,400 / 0.975 W = 135.7949 kW
    expect(c.rackDesigns.get("gb300-nvl72").switchPowerW).toBe(400);
    expect(defaultFillKw(c, "gb300-nvl72")).toBeCloseTo(132_400 / 0.975 / 1000, 9);
    expect(defaultFillKw(c, "gb300-nvl72")).toBeCloseTo(135.7949, 4);
    expect(defaultFillKw(c, "gb300-nvl72")).toBeLessThanOrEqual(c.rackDesigns.get("gb300-nvl72").ratedKw); // 142 kW
  });

  it("vera-rubin-nvl72: 18 trays of 4 Rubin GPUs, 9 NVLink 6 switch trays at 800 W", () => {
    const rack = c.rackDesigns.get("vera-rubin-nvl72");
    const tray = c.nodeDesigns.get("vera-rubin-nvl72-tray");
    expect(c.accelerators.get("rubin")).toMatchObject({ boardPowerW: 2300, memoryGb: 288, cooling: "liquid" });
    expect(tray).toMatchObject({ acceleratorId: "rubin", gpusPerNode: 4, hostOverheadW: 2600, maxPowerW: 11_800, cooling: "liquid" });
    expect(rack).toMatchObject({ nodesPerRack: 18, switchesPerRack: 9, switchPowerW: 800, ratedKw: 230, maxSupplyTempC: 45, cooling: "liquid" });
    // tray: 4 × 2,300 W rubin + 2,600 W host = 11,800 W (= maxPowerW)
    expect(nodeItPowerW(tray.gpusPerNode, 2300, tray.hostOverheadW)).toBe(11_800);
    // rack: (18 × 11,800 + 9 × 800 + 1,000) W / 0.975 = (212,400 + 7,200 + 1,000) / 0.975 = 220,600 / 0.975 W = 226.2564 kW
    expect(defaultFillKw(c, "vera-rubin-nvl72")).toBeCloseTo(220_600 / 0.975 / 1000, 9);
    expect(defaultFillKw(c, "vera-rubin-nvl72")).toBeCloseTo(226.2564, 4);
    expect(defaultFillKw(c, "vera-rubin-nvl72")).toBeLessThanOrEqual(rack.ratedKw); // 230 kW
  });

  it("the Vera Rubin rack draws more than the GB300 rack and at most 240 kW", () => {
    const vr = defaultFillKw(c, "vera-rubin-nvl72");
    expect(vr).toBeGreaterThan(defaultFillKw(c, "gb300-nvl72"));
    expect(vr).toBeLessThanOrEqual(240);
  });
});

describe("air-cooled chiller: full-load figure", () => {
  const chiller = Catalog.withBuiltins().coolingTechnologies.get("chiller");

  it("is 0.34 kW/kW (ASHRAE 90.1-2019: 10.1 EER = 12 / 10.1 / 3.517 = 0.338), within its range and above the 0.244 part-load (IPLV) value", () => {
    expect(chiller.powerKwPerKwHeat).toBe(0.34);
    expect(12 / 10.1 / 3.517).toBeCloseTo(0.338, 3); // full load, kW/kW
    expect(12 / 14.0 / 3.517).toBeCloseTo(0.244, 3); // IPLV, kW/kW
    const [low, high] = chiller.powerKwPerKwHeatRange;
    expect(chiller.powerKwPerKwHeat).toBeGreaterThanOrEqual(low);
    expect(chiller.powerKwPerKwHeat).toBeLessThanOrEqual(high);
    expect(chiller.powerKwPerKwHeat).toBeGreaterThan(0.244);
    expect(low).toBeLessThanOrEqual(0.244); // the range covers the part-load value too
  });
});
