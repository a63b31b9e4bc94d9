/**
 * Provisioned GPU power (issue 32, deliverable 6): a rack group or its hall may count each GPU below the accelerator's
 * nameplate (`gpuPowerCapW` or `gpuPowerCapFraction`); the GPUs' share of IT power and everything after it follows,
 * the rest of the rack does not. Meta provisions GB200 at 960 W, 80 % of its 1,200 W TDP, in a 150 MW cluster of
 * about 83,000 GB200 (Ardestani et al., "Provisioning to Runtime Optimization of a 100 MW-Scale AI Cluster",
 * arXiv:2605.24461v2, 26 May 2026; the 960 W figure as summarised by Supercomputing News, 30 May 2026).
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { catalog } from "../components/catalog";
import { dataHallModel, type HallDesignArgs } from "../components/model/dataHall";
import { rackGroupModel } from "../components/model/rackGroup";
import { isAiclusterInputError } from "../components/model/inputError";
import { campusGpuPower, gpuPowerLine } from "../plan/gpuPower";

const RACK = { type: "aicluster:index:LiquidCooledRack", name: "row" };
const HALL = { type: "aicluster:index:DataHall", name: "hall" };

function rack(extra: Record<string, unknown> = {}) {
  return rackGroupModel({ design: "gb200-nvl72", rackCount: 1, ...extra }, RACK, "liquid");
}
function hall(extra: Record<string, unknown> = {}, rackExtra: Record<string, unknown> = {}) {
  const args = { racks: [{ name: "row", design: "gb200-nvl72", rackCount: 2, ...rackExtra }], climate: "central-ohio", cooling: { technology: "adiabatic" }, ...extra };
  return dataHallModel(args as HallDesignArgs & { climate: string }, HALL);
}
function messageOf(fn: () => unknown): string {
  try {
    fn();
  } catch (e) {
    if (isAiclusterInputError(e)) return e.message;
    throw e;
  }
  throw new Error("expected an input error");
}

describe("provisioned GPU power", () => {
  it("a GB200 NVL72 rack at 80 % loses 72 × 240 W of GPU power behind its 97.5 % power shelves, and nothing else", () => {
    // Catalog figures: gb200 1,200 W; gb200-nvl72-tray 4 GPUs + 1,500 W host; gb200-nvl72 18 trays, 9 × 400 W
    // switch trays, 1,000 W misc, shelves 97.5 % efficient.
    // Nameplate: tray 4 × 1,200 + 1,500 = 6,300 W; rack (18 × 6,300 + 9 × 400 + 1,000) / 0.975 = 118,000 / 0.975 = 121,025.64 W.
    // 80 %: tray 4 × 960 + 1,500 = 5,340 W; rack (18 × 5,340 + 3,600 + 1,000) / 0.975 = 100,720 / 0.975 = 103,302.56 W.
    // Difference at the rack input: 72 × 1,200 × 0.2 / 0.975 = 17,280 / 0.975 = 17,723.08 W (17,280 W at the GPUs).
    expect(catalog.accelerators.get("gb200").boardPowerW).toBe(1200);
    const plate = rack();
    const capped = rack({ gpuPowerCapFraction: 0.8 });
    expect(plate.itLoadPerRackKw).toBeCloseTo(121.02564, 4);
    expect(capped.itLoadPerRackKw).toBeCloseTo(103.30256, 4);
    expect(plate.itLoadPerRackKw - capped.itLoadPerRackKw).toBeCloseTo((72 * 1200 * 0.2) / 0.975 / 1000, 9);
    // Heat follows: 85 % to liquid.
    expect(capped.heatToLiquidKw).toBeCloseTo(103.30256 * 0.85, 4);
    expect(capped.heatToAirKw).toBeCloseTo(103.30256 * 0.15, 4);
    expect(capped.coolantFlowLpm).toBeLessThan(plate.coolantFlowLpm);
    expect(capped.nodes.nodePowerKw).toBeCloseTo(5.34, 9);
    expect(plate).toMatchObject({ gpuPowerW: 1200, gpuPowerBasis: "nameplate" });
    expect(capped).toMatchObject({ gpuPowerW: 960, gpuPowerBasis: "provisioned" });
    // The rack's rating is the design's, not the cap's.
    expect(capped.ratedKwPerRack).toBe(plate.ratedKwPerRack);
  });

  it("960 W and 80 % give the same footprint; a hall's cap applies to groups that state none", () => {
    expect(rack({ gpuPowerCapW: 960 })).toEqual(rack({ gpuPowerCapFraction: 0.8 }));
    expect(rack({ gpuPowerCapW: 1200 })).toEqual(rack());
    expect(rack({ gpuPowerCapFraction: 1 })).toEqual(rack());
    const byHall = hall({ gpuPowerCapFraction: 0.8 });
    const byGroup = hall({}, { gpuPowerCapW: 960 });
    expect(byHall.facilityPowerKw).toBeCloseTo(byGroup.facilityPowerKw, 9);
    expect(byHall.rackGroups[0]).toMatchObject({ gpuPowerW: 960, gpuPowerBasis: "provisioned" });
    // The group's own cap wins over its hall's.
    expect(hall({ gpuPowerCapFraction: 0.5 }, { gpuPowerCapW: 960 }).rackGroups[0].gpuPowerW).toBe(960);
  });

  it("heat, cooling, facility power, energy and water of a hall follow the cap; network power per GPU does not", () => {
    const plate = hall();
    const capped = hall({ gpuPowerCapFraction: 0.8 });
    // Two racks: 2 × 17,723.08 W less IT load; the network (60 W per GPU) is unchanged.
    expect(plate.itLoadKw - capped.itLoadKw).toBeCloseTo((2 * 17280) / 0.975 / 1000, 6);
    expect(capped.networkKw).toBe(plate.networkKw);
    expect(capped.heatLoadKw).toBeLessThan(plate.heatLoadKw);
    expect(capped.coolingPowerKw).toBeLessThan(plate.coolingPowerKw);
    expect(capped.facilityPowerKw).toBeLessThan(plate.facilityPowerKw);
    expect(capped.annualFacilityEnergyMwh).toBeLessThan(plate.annualFacilityEnergyMwh);
    expect(capped.waterM3PerYear).toBeLessThan(plate.waterM3PerYear);
  });

  it("refuses both fields, a cap above nameplate or below 30 % of it, and NaN, naming resource, field, value and what is allowed", () => {
    const rackMessage = (extra: Record<string, unknown>) => messageOf(() => rack(extra));
    expect(rackMessage({ gpuPowerCapW: 960, gpuPowerCapFraction: 0.8 })).toBe(
      'aicluster:index:LiquidCooledRack "row" has invalid args: gpuPowerCapFraction = 0.8; allowed: unset when gpuPowerCapW is given (960 W): state the provisioned GPU power one way, in W or as a fraction of nameplate',
    );
    expect(rackMessage({ gpuPowerCapW: 1300 })).toBe(
      'aicluster:index:LiquidCooledRack "row" has invalid args: gpuPowerCapW = 1300; allowed: a number from 360 to 1200 W (30 % to 100 % of accelerator "gb200"\'s 1200 W nameplate; a cap cannot raise power)',
    );
    expect(rackMessage({ gpuPowerCapW: 300 })).toBe(
      'aicluster:index:LiquidCooledRack "row" has invalid args: gpuPowerCapW = 300; allowed: a number from 360 to 1200 W (30 % to 100 % of accelerator "gb200"\'s 1200 W nameplate; a cap cannot raise power)',
    );
    expect(rackMessage({ gpuPowerCapFraction: 1.1 })).toBe(
      'aicluster:index:LiquidCooledRack "row" has invalid args: gpuPowerCapFraction = 1.1; allowed: a number from 0.3 to 1 (of the accelerator\'s nameplate board power)',
    );
    expect(rackMessage({ gpuPowerCapFraction: 0.2 })).toBe(
      'aicluster:index:LiquidCooledRack "row" has invalid args: gpuPowerCapFraction = 0.2; allowed: a number from 0.3 to 1 (of the accelerator\'s nameplate board power)',
    );
    expect(rackMessage({ gpuPowerCapW: Number.NaN })).toBe(
      'aicluster:index:LiquidCooledRack "row" has invalid args: gpuPowerCapW = NaN; allowed: a number of W from 30 % to 100 % of the accelerator\'s nameplate board power',
    );
    expect(rackMessage({ gpuPowerCapFraction: Number.NaN })).toBe(
      'aicluster:index:LiquidCooledRack "row" has invalid args: gpuPowerCapFraction = NaN; allowed: a number from 0.3 to 1 (of the accelerator\'s nameplate board power)',
    );
    // A hall's cap in W is checked against each group's own accelerator, and the message says whose cap it was.
    expect(messageOf(() => dataHallModel({ racks: [{ name: "h100", design: "hgx-h100-air-rack", rackCount: 1 }], gpuPowerCapW: 960 }, HALL))).toBe(
      'aicluster:index:DataHall "hall" has invalid args: racks[0].gpuPowerCapW = 960; allowed: a number from 210 to 700 W (30 % to 100 % of accelerator "h100-sxm"\'s 700 W nameplate; a cap cannot raise power); the hall\'s gpuPowerCapW, which this rack group takes as it states none',
    );
    expect(messageOf(() => hall({ gpuPowerCapW: 960, gpuPowerCapFraction: 0.8 }))).toBe(
      'aicluster:index:DataHall "hall" has invalid args: gpuPowerCapFraction = 0.8; allowed: unset when gpuPowerCapW is given (960 W): state the provisioned GPU power one way, in W or as a fraction of nameplate',
    );
  });

  it("facility power is monotone non-decreasing in the cap", () => {
    fc.assert(
      fc.property(fc.double({ min: 0.3, max: 1, noNaN: true }), fc.double({ min: 0.3, max: 1, noNaN: true }), (a, b) => {
        const [lo, hi] = a <= b ? [a, b] : [b, a];
        expect(hall({ gpuPowerCapFraction: lo }).facilityPowerKw).toBeLessThanOrEqual(hall({ gpuPowerCapFraction: hi }).facilityPowerKw);
      }),
      { numRuns: 8, seed: 32 },
    );
  });

  it("the plan line says nameplate or provisioned, naming the capped groups", () => {
    const view = (type: string, urn: string, name: string, parent: string | undefined, props: Record<string, unknown>) => ({ type, urn, name, parent, props });
    const views = [
      view("aicluster:index:Campus", "c", "site", undefined, {}),
      view("aicluster:index:DataHall", "h", "site-hall-1", "c", {}),
      view("aicluster:index:LiquidCooledRack", "r1", "site-hall-1-a", "h", { gpuPowerW: 960, gpuPowerBasis: "provisioned", nameplateGpuPowerW: 1200, gpuCount: 72 }),
      view("aicluster:index:GpuNodePool", "p1", "site-hall-1-a-nodes", "r1", { accelerator: "gb200" }),
      view("aicluster:index:LiquidCooledRack", "r2", "site-hall-1-b", "h", { gpuPowerW: 1200, gpuPowerBasis: "nameplate", nameplateGpuPowerW: 1200, gpuCount: 72 }),
      view("aicluster:index:GpuNodePool", "p2", "site-hall-1-b-nodes", "r2", { accelerator: "gb200" }),
    ];
    // Rack groups publish their accelerator's nameplate (the plan reads it there, not from a catalog).
    const [campus] = campusGpuPower(views);
    expect(gpuPowerLine(campus)).toBe("provisioned 960 W (80 % of 1,200 W gb200) in rack group site-hall-1-a; nameplate in the others (1,200 W gb200 in 1)");
    expect(gpuPowerLine({ campus: "site", groups: campus.groups.slice(1) })).toBe("nameplate (1,200 W gb200)");
  });
});
