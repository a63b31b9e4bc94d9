/**
 * What the performance work changed must not change results: lazily created Outputs carry the footprint's values,
 * a child handed its footprint by the parent publishes what it would have computed, and the benchmark's pieces
 * (options, baseline, medians) do what the tables claim.
 */
import * as pulumi from "@pulumi/pulumi";
import { beforeAll, describe, expect, it } from "vitest";
import { median, medianOf, Measurement } from "../bench/measure";
import { parseBenchOptions } from "../bench/options";
import { installMocks, resolve, viewsOf } from "./helpers/mocks";

installMocks();
type Components = typeof import("../components");
let c: Components;
let publish: typeof import("../components/publish");

beforeAll(async () => {
  c = await import("../components");
  publish = await import("../components/publish");
});

describe("published footprint Outputs", () => {
  it("are created on first read, once, with the footprint's values", async () => {
    const rack = new c.LiquidCooledRack("lazy", { design: "gb200-nvl72", rackCount: 3 });
    expect(Object.getOwnPropertyNames(rack)).not.toContain("itLoadKw");
    const first = rack.itLoadKw;
    expect(rack.itLoadKw).toBe(first);
    expect(await resolve(first)).toBeCloseTo(rack.footprint.itLoadKw, 12);
    expect(await resolve(rack.rackIds)).toEqual(rack.footprint.rackIds);
  });

  it("belong to each instance: two racks of one class publish their own values", async () => {
    const a = new c.LiquidCooledRack("lazy-a", { design: "gb200-nvl72", rackCount: 1 });
    const b = new c.LiquidCooledRack("lazy-b", { design: "gb200-nvl72", rackCount: 5 });
    expect([await resolve(a.rackCount), await resolve(b.rackCount)]).toEqual([1, 5]);
  });

  it("refuse a footprint field that would shadow a member of the class", () => {
    class Clash extends pulumi.ComponentResource {
      constructor(name: string) {
        super("aicluster-test:index:Clash", name, {});
        publish.publishFootprint(this, { registerOutputs: 1 });
      }
    }
    expect(() => new Clash("clash")).toThrow(/"registerOutputs" clashes with a member of Clash/);
  });
});

describe("validation once per tree", () => {
  const hall = {
    climate: "central-ohio",
    racks: [{ name: "row-1", design: "gb300-nvl72", rackCount: 4, supplyTempC: 40 }, { name: "air", design: "hgx-h100-air-rack", rackCount: 2 }],
    cooling: { technology: "adiabatic", redundancy: "N+1" },
  } as const;

  it("children built by a campus publish what they publish when built on their own", async () => {
    new c.Campus("handed", {
      location: "test", climate: "central-ohio",
      halls: [{ name: "h1", racks: hall.racks.map((r) => ({ ...r })), cooling: { ...hall.cooling } }],
      powerContracts: [{ name: "grid", counterparty: "utility", source: "grid-pjm-ohio", contractedMw: 2 }],
    });
    new c.DataHall("alone", { ...hall, racks: hall.racks.map((r) => ({ ...r })), cooling: { ...hall.cooling } });
    const handed = await viewsOf("handed-h1");
    const alone = await viewsOf("alone");
    const strip = (v: { type: string; name: string; props: Record<string, unknown> }, prefix: string) =>
      JSON.stringify({ type: v.type, name: v.name.slice(prefix.length), props: v.props }).replaceAll(prefix, "<hall>");
    expect(handed.map((v) => strip(v, "handed-h1")).sort()).toEqual(alone.map((v) => strip(v, "alone")).sort());
    expect(handed.length).toBe(6);
  });

  it("a child built on its own still validates its args", () => {
    expect(() => new c.LiquidCooledRack("bad", { design: "gb300-nvl72", rackCount: 0 })).toThrow(/rackCount/);
  });

  it("a child handed its node of the plan in its options (`plan`) takes it as is: no second validation, no second model", async () => {
    const { planGpuNodePool } = await import("../components/model/plan");
    const plan = planGpuNodePool("real", { nodeDesign: "gb300-nvl72-tray", nodeCount: 18 });
    // Args the model would refuse: the handed plan is what counts, so nothing throws and its figures are published.
    const pool = new c.GpuNodePool("handed-pool", { nodeDesign: "no-such-design", nodeCount: 0 }, { plan });
    expect(pool.footprint).toBe(plan.footprint);
    expect(await resolve(pool.gpuCount)).toBe(plan.outputs.gpuCount);
    expect(() => new c.GpuNodePool("unhanded-pool", { nodeDesign: "no-such-design", nodeCount: 0 })).toThrow(/nodeDesign/);
  });

  it("Pulumi never sees the `plan` option, and a user's options pass through untouched", async () => {
    const { withoutPlan } = await import("../components/model/handoff");
    const opts = { protect: true };
    expect(withoutPlan(opts)).toBe(opts);
    expect(withoutPlan(undefined)).toBeUndefined();
    expect(withoutPlan({ protect: true, plan: { gpuCount: 1 } })).toEqual({ protect: true });
  });
});

describe("the benchmark", () => {
  it("takes the median of odd and even runs, field by field", () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    const m = (s: number): Measurement => ({ resources: 10, importSeconds: s, runSeconds: s * 2, policySeconds: 0, peakRssMb: s * 100, processSeconds: s * 3 });
    expect(medianOf([m(1), m(3), m(2)])).toMatchObject({ resources: 10, importSeconds: 2, runSeconds: 4, peakRssMb: 200, processSeconds: 6 });
  });

  it("parses its options and names what is allowed", () => {
    expect(parseBenchOptions(["--json", "--runs", "5", "--scales", "0.01,1", "--only", "prometheus", "--no-engine"])).toMatchObject({
      json: true, runs: 5, scales: ["0.01", "1"], scenarios: ["prometheus"], engine: false,
    });
    expect(() => parseBenchOptions(["--runs", "0"])).toThrow(/--runs needs a whole number above 0, got "0"/);
    expect(() => parseBenchOptions(["--scales", "2"])).toThrow(/"2" is not a scale from 0.0001 to 1/);
    expect(() => parseBenchOptions(["--only", "mars"])).toThrow(/no scenario "mars"; scenarios: prometheus, hyperion phase 1, hyperion phase 2/);
    expect(parseBenchOptions([]).confidenceSamples).toBe(1000);
    expect(parseBenchOptions(["--confidence-samples", "0"]).confidenceSamples).toBe(0);
    expect(() => parseBenchOptions(["--confidence-samples", "1.5"])).toThrow(/--confidence-samples needs a whole number above 0, got "1.5"/);
  });
});
