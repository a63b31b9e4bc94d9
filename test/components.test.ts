import { beforeAll, describe, expect, it } from "vitest";
import { installMocks, Registered, resolve, settle } from "./helpers/mocks";

const registered: Registered[] = installMocks();
type Components = typeof import("../components");
let c: Components;

beforeAll(async () => {
  c = await import("../components");
});

function named(prefix: string): Registered[] {
  return registered.filter((r) => r.name === prefix || r.name.startsWith(`${prefix}-`));
}

describe("GpuNodePool", () => {
  it("an 8× H100 HGX node draws 10.2 kW (10-11 kW)", async () => {
    const pool = new c.GpuNodePool("h100", { nodeDesign: "hgx-h100-8gpu", nodeCount: 1 });
    const kw = await resolve(pool.itLoadKw);
    expect(kw).toBeGreaterThanOrEqual(10);
    expect(kw).toBeLessThanOrEqual(11);
    expect(kw).toBeCloseTo(10.2, 9);
    expect(await resolve(pool.gpuCount)).toBe(8);
  });

  it("is one resource whatever the node count", async () => {
    const pool = new c.GpuNodePool("big", { nodeDesign: "hgx-b200-8gpu", nodeCount: 5000 });
    expect(await resolve(pool.gpuCount)).toBe(40_000);
    expect(await resolve(pool.itLoadKw)).toBeCloseTo(5000 * 14.3, 6);
    await settle();
    expect(named("big")).toHaveLength(1);
  });
});

describe("LiquidCooledRack", () => {
  it("a GB200 NVL72 rack lands within 120-140 kW, 85 % of it to liquid", async () => {
    const rack = new c.LiquidCooledRack("nvl", { design: "gb200-nvl72", rackCount: 1 });
    const kw = await resolve(rack.itLoadKw);
    expect(kw).toBeGreaterThanOrEqual(120);
    expect(kw).toBeLessThanOrEqual(140);
    // (18 × 6.3 + 9 × 0.4 + 1.0) / 0.975
    expect(kw).toBeCloseTo(118.0 / 0.975, 9);
    expect(await resolve(rack.heatToLiquidKw)).toBeCloseTo(kw * 0.85, 9);
    expect(await resolve(rack.heatToAirKw)).toBeCloseTo(kw * 0.15, 9);
    // Q = m·cp·ΔT at 10 K: 60,000 / (4.186 × 10 × 997) = 1.4377 L/min per kW
    expect(await resolve(rack.coolantFlowLpm)).toBeCloseTo((kw * 0.85 * 60_000) / (4.186 * 10 * 997), 9);
    expect(await resolve(rack.gpuCount)).toBe(72);
    expect(await resolve(rack.supplyTempC)).toBe(35);
    expect(await resolve(rack.returnTempC)).toBe(45);
  });

  it("a row of racks is one resource with rack ids and one node-pool child", async () => {
    const row = new c.LiquidCooledRack("row7", { design: "gb300-nvl72", rackCount: 12, deltaTK: 8 });
    expect(await resolve(row.rackCount)).toBe(12);
    expect((await resolve(row.rackIds)).slice(0, 2)).toEqual(["row7-r0001", "row7-r0002"]);
    expect(await resolve(row.gpuCount)).toBe(864);
    expect(await resolve(row.nodes.nodeCount)).toBe(216);
    await settle();
    expect(named("row7").map((r) => [r.type, r.name])).toEqual([
      ["aicluster:index:LiquidCooledRack", "row7"],
      ["aicluster:index:GpuNodePool", "row7-nodes"],
    ]);
    expect((await resolve(row.nodes.urn))).toContain("aicluster:index:LiquidCooledRack$aicluster:index:GpuNodePool::row7-nodes");
  });
});

describe("AirCooledRack", () => {
  it("sends all heat to air and no coolant", async () => {
    const rack = new c.AirCooledRack("air", { design: "hgx-h100-air-rack", rackCount: 2 });
    expect(await resolve(rack.itLoadKw)).toBeCloseTo(2 * (4 * 10.2 + 0.5), 9);
    expect(await resolve(rack.heatToLiquidKw)).toBe(0);
    expect(await resolve(rack.coolantFlowLpm)).toBe(0);
  });
});

describe("CoolingPlant", () => {
  it("sizes N+1 units, and reports power, water and supply temperature", async () => {
    const plant = new c.CoolingPlant("tower", { technology: "evaporative-tower", climate: "north-louisiana", heatLoadKw: 10_000, utilisation: 0.5 });
    expect(await resolve(plant.units)).toBe(5); // ceil(10,000 / 3,000) + 1
    expect(await resolve(plant.firmCapacityKw)).toBe(12_000);
    expect(await resolve(plant.coolingPowerKw)).toBeCloseTo(250, 9);
    // 10 MW × 0.5 × 8,760 h = 43,800 MWh; make-up per kWh evaporated (3,600 / 2,257 / 0.997) × 5/4 ≈ 2.0 L/kWh. Since
    // issue 32 the tower evaporates a share of each hour's heat that follows the dry bulb (GB/T 50050: 0.431 at −10 °C
    // or colder to 0.863 at 40 °C or hotter), so the year lies between those shares of evaporating all of it.
    const litresPerKwh = (3600 / 2257 / 0.997) * 1.25;
    const water = await resolve(plant.waterM3PerYear);
    expect(water).toBeGreaterThan(43_800 * litresPerKwh * 0.431);
    expect(water).toBeLessThan(43_800 * litresPerKwh * 0.863);
    // The worst day (a hot one) evaporates at most 0.863 of 10 MW × 0.5 × 24 h, and more than the year's mean day.
    const peakDay = await resolve(plant.peakDailyWaterM3);
    expect(peakDay).toBeLessThanOrEqual((10_000 * 0.5 * 24 * litresPerKwh * 0.8628) / 1000);
    expect(peakDay).toBeGreaterThan(water / 365);
    expect(await resolve(plant.wetHours)).toBe(8760);
    expect(await resolve(plant.achievableSupplyTempC)).toBe(32); // wet bulb 27 + 5 K
  });
});

describe("PowerContract", () => {
  it("publishes firm MW, energy and carbon from the source", async () => {
    const pc = new c.PowerContract("wind", { counterparty: "Windco", source: "wind-onshore", market: "pjm", contractedMw: 100, startYear: 2026, termYears: 15 });
    expect(await resolve(pc.firmMw)).toBeCloseTo(41, 9);
    expect(await resolve(pc.deliverableEnergyMwhPerYear)).toBeCloseTo(100 * 0.34 * 8760, 6);
    expect(await resolve(pc.combustionGPerKwh)).toBe(0);
    expect(await resolve(pc.lifecycleGPerKwh)).toBe(11);
    expect(await resolve(pc.endYear)).toBe(2040);
  });
});

describe("DataHall and Campus", () => {
  const campusArgs = () => ({
    location: "New Albany, Ohio",
    climate: "central-ohio",
    market: "pjm",
    waterPermitM3PerYear: 50_000,
    halls: [
      {
        name: "h1",
        racks: [
          { name: "nvl", design: "gb200-nvl72", rackCount: 10 },
          { name: "hgx", design: "hgx-h100-air-rack", rackCount: 4 },
        ],
        cooling: { technology: "adiabatic" },
      },
      { name: "h2", racks: [{ name: "nvl", design: "gb300-nvl72", rackCount: 6 }], cooling: { technology: "dry-cooler", redundancy: "2N" } },
    ],
    powerContracts: [
      { name: "grid", counterparty: "AEP Ohio", source: "grid-pjm-ohio", contractedMw: 2 },
      { name: "solar", counterparty: "SunCo", source: "solar-utility", contractedMw: 2 },
    ],
  });

  it("builds the child tree with { parent } and names <parent>-<role>", async () => {
    const campus = new c.Campus("tree", campusArgs());
    const campusTreeLeaf = campus.halls[1].rackGroups[0].nodes;
    await settle();
    // Registration order is async; the names carry the tree, the URN test above checks the parent links.
    expect(named("tree").map((r) => `${r.type.replace("aicluster:index:", "")} ${r.name}`).sort()).toEqual([
      "Campus tree",
      "DataHall tree-h1",
      "LiquidCooledRack tree-h1-nvl",
      "GpuNodePool tree-h1-nvl-nodes",
      "AirCooledRack tree-h1-hgx",
      "GpuNodePool tree-h1-hgx-nodes",
      "CoolingPlant tree-h1-cooling",
      "DataHall tree-h2",
      "LiquidCooledRack tree-h2-nvl",
      "GpuNodePool tree-h2-nvl-nodes",
      "CoolingPlant tree-h2-cooling",
      "PowerContract tree-grid",
      "PowerContract tree-solar",
    ].sort());
    // The mock monitor puts the parent's type in each URN: check every link of one branch.
    expect(await resolve(campus.halls[1].urn)).toMatch(/aicluster:index:Campus\$aicluster:index:DataHall::tree-h2$/);
    expect(await resolve(campus.halls[1].rackGroups[0].urn)).toMatch(/aicluster:index:DataHall\$aicluster:index:LiquidCooledRack::tree-h2-nvl$/);
    expect(await resolve(campusTreeLeaf.urn)).toMatch(/aicluster:index:LiquidCooledRack\$aicluster:index:GpuNodePool::tree-h2-nvl-nodes$/);
    expect(await resolve(campus.halls[1].coolingPlant!.urn)).toMatch(/aicluster:index:DataHall\$aicluster:index:CoolingPlant::tree-h2-cooling$/);
    expect(await resolve(campus.powerContracts[0].urn)).toMatch(/aicluster:index:Campus\$aicluster:index:PowerContract::tree-grid$/);
  });

  it("rolls up children's footprints exactly", async () => {
    const campus = new c.Campus("rollup", campusArgs());
    const [h1, h2] = campus.halls;
    const nvl = 118.0 / 0.975;
    const racksKw = 10 * nvl + 4 * 41.3;
    const gpus = 10 * 72 + 4 * 32;
    expect(await resolve(h1.gpuCount)).toBe(gpus);
    expect(await resolve(h1.networkKw)).toBeCloseTo(gpus * 0.06, 9);
    expect(await resolve(h1.itLoadKw)).toBeCloseTo(racksKw + gpus * 0.06, 9);
    const liquid = 10 * nvl * 0.85;
    const air = 10 * nvl * 0.15 + 4 * 41.3 + gpus * 0.06;
    expect(await resolve(h1.heatToLiquidKw)).toBeCloseTo(liquid, 9);
    expect(await resolve(h1.heatToAirKw)).toBeCloseTo(air, 9);
    const it = racksKw + gpus * 0.06;
    const heat = it + it * 0.04 + air * 0.08 + liquid * 0.01;
    expect(await resolve(h1.heatLoadKw)).toBeCloseTo(heat, 9);
    // The air path (air share, network, its fans, the losses) is on a loop of its own at 18 °C, whose chiller's worst hour adds to the rating.
    const airPath = air + air * 0.08 + it * 0.04;
    expect(await resolve(h1.airPathHeatKw)).toBeCloseTo(airPath, 9);
    expect(await resolve(h1.coolingPlant!.airLoopHeatKw)).toBeCloseTo(airPath, 9);
    const airChillerKw = await resolve(h1.coolingPlant!.airChillerPowerKw);
    // At most the catalog chiller's 0.34 kW/kW at the lift of a 40 °C afternoon making 18 °C water: (40 + 12 − 18) / 40.3.
    expect(airChillerKw).toBeGreaterThan(0);
    expect(airChillerKw).toBeLessThan(airPath * 0.34 * (34 / 40.3));
    expect(await resolve(h1.facilityPowerKw)).toBeCloseTo(heat + heat * 0.035 + airChillerKw, 9);
    expect(await resolve(h1.coolingPlant!.heatLoadKw)).toBeCloseTo(heat, 9);

    const sum = async (k: "itLoadKw" | "facilityPowerKw" | "waterM3PerYear" | "gpuCount" | "rackCount") =>
      (await resolve(h1[k])) + (await resolve(h2[k]));
    expect(await resolve(campus.itLoadKw)).toBeCloseTo(await sum("itLoadKw"), 9);
    expect(await resolve(campus.facilityPowerKw)).toBeCloseTo(await sum("facilityPowerKw"), 9);
    expect(await resolve(campus.waterM3PerYear)).toBeCloseTo(await sum("waterM3PerYear"), 9);
    expect(await resolve(campus.gpuCount)).toBe(await sum("gpuCount"));
    expect(await resolve(campus.rackCount)).toBe(20);
    expect(await resolve(h2.waterM3PerYear)).toBe(0); // dry coolers
    const pue = await resolve(campus.pue);
    expect(pue).toBeGreaterThan(1.05);
    expect(pue).toBeLessThan(1.2);
    // firm: grid 2 MW × 1 (firm service) + solar 2 MW × 0.08 (PJM 2027/28 ELCC, tracking solar)
    expect(await resolve(campus.firmContractedMw)).toBeCloseTo(2.16, 9);
    expect(await resolve(campus.powerHeadroomMw)).toBeCloseTo(2.16 - (await resolve(campus.peakFacilityPowerMw)), 9);
    expect(await resolve(campus.peakFacilityPowerMw)).toBeLessThanOrEqual((await resolve(campus.facilityPowerKw)) / 1000);
    const share = await resolve(campus.cleanEnergyShare);
    const energy = await resolve(campus.annualFacilityEnergyMwh);
    // Solar delivers its capacity-factor energy less what the campus cannot use at midday (curtailed); the clean
    // share is of the energy supplied, which is the demand less what goes unserved.
    const served = energy - (await resolve(campus.unservedEnergyMwh));
    const solarMwh = share * served;
    expect(solarMwh).toBeLessThanOrEqual(2 * 0.24 * 8760 * (1 + 1e-12));
    expect(solarMwh).toBeGreaterThan(0.5 * 2 * 0.24 * 8760);
    // Default operational basis: eGRID2023 RFCW 416 g/kWh (operational), solar 0 at the stack (its lifecycle 48 is not counted).
    expect(await resolve(campus.carbonBasis)).toBe("operational");
    expect(await resolve(campus.carbonTco2PerYear)).toBeCloseTo(((served - solarMwh) * 416 + solarMwh * 0) / 1000, 6);
  });

  it("rack ids of campus halls follow the rack component names", async () => {
    const campus = new c.Campus("ids", campusArgs());
    expect((await resolve(campus.halls[0].rackGroups[0].rackIds))[0]).toBe("ids-h1-nvl-r0001");
  });
});
