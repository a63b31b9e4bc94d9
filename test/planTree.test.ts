/**
 * The model's product is a planned tree, and nothing is kept by a resource's name (issue 37): a run keeps its
 * campuses' series by URN, however many campuses it makes; plans with the same names and different figures or
 * catalogs do not see each other; the outputs a plan lists are exactly the ones the components publish; and no
 * module of the model holds a name-keyed cache.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import * as pulumi from "@pulumi/pulumi";
import { describe, expect, it } from "vitest";
import { Campus, CampusArgs } from "../components";
import { Catalog, catalog as packageCatalog } from "../components/catalog";
import { plannedResources, planCampus } from "../components/model/plan";
import { plainProps } from "../constructs/tree";
import { buildReport } from "../plan/report";
import { runProgram } from "../plan/runProgram";
import { reportData } from "../report/data";

/** A small campus on one grid contract: every MWh the campus draws and the grid serves is the contract's. */
function campusArgs(rackCount: number): CampusArgs {
  return {
    location: "New Albany, Ohio",
    climate: "central-ohio",
    market: "pjm",
    halls: [{ name: "hall", racks: [{ name: "row", design: "gb300-nvl72", rackCount, supplyTempC: 40 }], cooling: { technology: "adiabatic" } }],
    powerContracts: [{ name: "grid", counterparty: "AEP Ohio", source: "grid-pjm-ohio", contractedMw: 2 }],
  };
}

const sum = (xs: ArrayLike<number>) => Array.from(xs).reduce((a, b) => a + b, 0);

describe("a run keeps its campuses' series by URN", () => {
  it("17 campuses: every one has its worst times and its energy flows, the first as much as the last", async () => {
    const names = Array.from({ length: 17 }, (_, i) => `site-${i}`);
    const run = await runProgram({ stack: "dev", config: {}, program: () => void names.forEach((n, i) => new Campus(n, campusArgs(1 + (i % 4)))) });
    // Keyed by each campus's URN, as the engine names it.
    expect([...run.series.keys()].sort()).toEqual(run.views.filter((v) => v.type === Campus.type).map((v) => v.urn).sort());
    const report = buildReport(run, 2);
    expect(report.worstTimes!.map((w) => w.campus).sort()).toEqual([...names].sort());
    const data = reportData(run, report);
    for (const campus of data.campuses) {
      const view = run.views.find((v) => v.type === Campus.type && v.name === campus.name)!;
      // What the grid supplied, from the published outputs alone: the campus's energy less what went unserved.
      const expectedMwh = (view.props.annualFacilityEnergyMwh as number) - (view.props.unservedEnergyMwh as number);
      expect(campus.hoursKept, campus.name).toBe(true);
      expect(campus.contracts[0].suppliedMwh, campus.name).toBeGreaterThan(0);
      expect(Math.abs(campus.contracts[0].suppliedMwh - expectedMwh), campus.name).toBeLessThanOrEqual(1e-9 * expectedMwh);
    }
  });
});

describe("plans side by side", () => {
  it("same name, other figures: each plan's series are its own, before and after the other is made", () => {
    const one = planCampus("twin", campusArgs(1));
    const itMwhOne = sum(one.series.hours.itMw);
    const four = planCampus("twin", campusArgs(4));
    // Four racks draw four times the IT energy of one (same design, same utilisation, every hour).
    expect(sum(four.series.hours.itMw) / itMwhOne).toBeCloseTo(4, 12);
    expect(sum(one.series.hours.itMw)).toBe(itMwhOne);
    expect(one.outputs.annualItEnergyMwh).toBeCloseTo(itMwhOne, 9);
  });

  it("the catalog is a value: a plan with another catalog's figures changes nothing for the package's", () => {
    const args = campusArgs(2);
    const before = planCampus("site", args);
    const other = Catalog.withBuiltins();
    const hardware = other.rackHardwareCosts.get("gb300-nvl72");
    other.rackHardwareCosts.register({ ...hardware, usdPerRack: { low: 2 * hardware.usdPerRack.low, base: 2 * hardware.usdPerRack.base, high: 2 * hardware.usdPerRack.high } }, { replace: true });
    const ohio = other.climates.get("central-ohio");
    // A drier central Ohio: every month's dew point 3 K lower, so an adiabatic cooler evaporates more per kWh.
    other.climates.register({ ...ohio, normals: { ...ohio.normals!, dewPointC: ohio.normals!.dewPointC.map((t) => t - 3) } }, { replace: true });
    const elsewhere = planCampus("site", args, other);
    const itHardware = (p: typeof before) => p.outputs.capex.find((l) => l.category === "it-hardware")!.capexUsd.base;
    expect(itHardware(elsewhere)).toBeCloseTo(2 * itHardware(before), 6);
    expect(elsewhere.outputs.waterM3PerYear).not.toBe(before.outputs.waterM3PerYear);
    // The package's catalog is untouched, and the memo (keyed by the climate's content, not its id) gives its own year back.
    expect(packageCatalog.rackHardwareCosts.get("gb300-nvl72").usdPerRack).toEqual(hardware.usdPerRack);
    const again = planCampus("site", args);
    expect(again.outputs).toEqual(before.outputs);
  });
});

describe("the tree is what the engines create", () => {
  it("every resource the Campus registers, with exactly the outputs its plan lists, in the plan's order", async () => {
    const args = campusArgs(3);
    const plan = planCampus("c", args);
    const run = await runProgram({ stack: "dev", config: {}, program: () => void new Campus("c", args) });
    const planned = plannedResources(plan);
    expect(run.views.map((v) => [v.type, v.name])).toEqual(planned.map((p) => [p.type, p.name]));
    for (const [i, p] of planned.entries()) expect(run.views[i].props, p.name).toEqual(plainProps(p.outputs));
  });
});

describe("no module keeps a cache by a resource's name", () => {
  it("module-level maps in the model are the shared bounded memo's, or listed here with why they are not caches", () => {
    const root = path.join(__dirname, "..", "components");
    const files = (dir: string): string[] => fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(path.join(dir, e.name)) : e.name.endsWith(".ts") ? [path.join(dir, e.name)] : []));
    // A Map or WeakMap created at the top of a module (not inside a class or function) lives as long as the process.
    const moduleLevel = files(root).flatMap((f) => fs.readFileSync(f, "utf8").split("\n").flatMap((line, i) => (/^(const|let|export const) \w+ = new (Weak)?Map\b/.test(line) ? [`${path.relative(root, f)}:${i + 1}`] : [])));
    // Number formatters per digit count: keyed by a number, and as many as there are digit counts.
    const notCaches = [/^format\/numbers\.ts:/];
    expect(moduleLevel.filter((at) => !notCaches.some((re) => re.test(at)))).toEqual([]);
  });
});

describe("a campus whose series do not reach the run", () => {
  it("is a named error, not a report without its hours: a Campus from a release that hands no series to the run", async () => {
    // An older release's Campus registers the same type token but hands nothing to the run's sink.
    const program = () => void new pulumi.ComponentResource("aicluster:index:Campus", "old-release", {});
    await expect(runProgram({ stack: "dev", config: {}, program })).rejects.toThrow(
      /^the hourly series of old-release did not reach the checker: the program's pulumi-aicluster is another release than this checker's \(\d+\.\d+\.\d+\S*\); install the same version in the project$/,
    );
  });

  it("reaches it from another copy of the package: the run's sink is found under a Symbol.for key", async () => {
    const { collectSeries, SeriesByUrn } = await import("../components/model/seriesSink");
    const sink = new SeriesByUrn();
    const store = (globalThis as Record<symbol, { getStore(): unknown }>)[Symbol.for("pulumi-aicluster.seriesSink")];
    collectSeries(sink, () => expect(store.getStore()).toBe(sink));
  });
});
