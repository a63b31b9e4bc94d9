/**
 * Blowdown, the water a tower sheds to keep its dissolved solids in check, at the plant's own cycles of
 * concentration: the mass balance by hand, and the HTML report's water split reading what the plant published
 * (it used the technology's catalog cycles, so a tower run at 10 cycles showed twice its blowdown; issue 37): the plant
 * publishes its cycles and the evaporation/blowdown split, and the report reads them.
 */
import { describe, expect, it } from "vitest";
import { Campus } from "../components";
import { blowdownOfMakeup, evaporationLitresPerKwhHeat, evaporationOfMakeup, makeupLitresPerKwhHeat } from "../components/physics";
import { buildReport } from "../plan/report";
import { runProgram } from "../plan/runProgram";
import { reportData } from "../report";

describe("blowdown", () => {
  it("is make-up over cycles: 1,000 m³ at 4 cycles sheds 250 m³, and make-up less blowdown is what evaporated", () => {
    expect(blowdownOfMakeup(1000, 4)).toBe(250);
    for (const cycles of [1.5, 3, 5, 10, 20]) {
      const makeup = makeupLitresPerKwhHeat(cycles);
      expect(makeup - blowdownOfMakeup(makeup, cycles)).toBeCloseTo(evaporationLitresPerKwhHeat(), 12);
      expect(evaporationOfMakeup(makeup, cycles)).toBeCloseTo(evaporationLitresPerKwhHeat(), 12);
    }
    expect(() => blowdownOfMakeup(1000, 1)).toThrow(/cyclesOfConcentration/);
  });

  it("in the report's water split is the plant's own: a tower at 10 cycles sheds a tenth of its make-up, not the catalog's fifth", async () => {
    const run = await runProgram({
      stack: "dev", config: {}, projectDir: process.cwd(),
      program: () => {
        const campus = new Campus("towers", {
          location: "Somewhere, Ohio", climate: "central-ohio",
          halls: [
            { name: "ten", racks: [{ name: "r", design: "gb300-nvl72", rackCount: 8, supplyTempC: 40 }], cooling: { technology: "evaporative-tower", redundancy: "N+1", cyclesOfConcentration: 10 } },
            { name: "five", racks: [{ name: "r", design: "gb300-nvl72", rackCount: 8, supplyTempC: 40 }], cooling: { technology: "evaporative-tower", redundancy: "N+1" } },
          ],
          powerContracts: [{ name: "grid", counterparty: "AEP Ohio", source: "grid-pjm-ohio", contractedMw: 3 }],
        });
        return { pue: campus.pue };
      },
    });
    // What each plant publishes: its own cycles (the arg, else the tower's catalog 5), and the split of its make-up.
    const published = run.views.filter((v) => v.type === "aicluster:index:CoolingPlant");
    expect(Object.fromEntries(published.map((v) => [v.name, v.props.cyclesOfConcentration]))).toEqual({ "towers-ten-cooling": 10, "towers-five-cooling": 5 });
    for (const { props: p } of published) expect((p.evaporationM3PerYear as number) + (p.blowdownM3PerYear as number)).toBeCloseTo(p.waterM3PerYear as number, 9);
    const plants = reportData(run, buildReport(run, 3)).campuses[0].plants;
    const ten = plants.find((p) => p.hall === "ten")!;
    const five = plants.find((p) => p.hall === "five")!;
    expect(ten.makeupM3).toBeGreaterThan(0);
    expect(ten.blowdownM3).toBeCloseTo(ten.makeupM3 / 10, 9);
    expect(ten.evaporationM3).toBeCloseTo(ten.makeupM3 * 0.9, 9);
    // The same heat at the catalog's 5 cycles: more make-up, a fifth of it shed, the same water evaporated.
    expect(five.blowdownM3).toBeCloseTo(five.makeupM3 / 5, 9);
    expect(five.evaporationM3).toBeCloseTo(ten.evaporationM3, 6);
  });
});
