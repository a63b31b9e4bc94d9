/**
 * The pure parts of `aicluster check --engine` (the engine itself: test/e2e/engineCheck.e2e.test.ts): the order the
 * reports list resources in, reading the engine's events, matching its violations with the checker's, the pack's
 * record of what its rules saw, the hand-off of hourly series, and the options.
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { deserializeHours, handoffFileName, handOffSinkFromEnv, HOURS_HANDOFF_ENV } from "../components/model/hoursHandoff";
import type { RecordedCampusHours } from "../components/model/campus";
import { canonicalOrder, compareNames } from "../plan/canonicalOrder";
import { disagreements, EngineEventLike, engineErrors, engineViolations, registrationOrder, stackOutputsOf } from "../plan/engine/engineEvents";
import { parseOptions, UsageError } from "../plan/options";
import { recordOf } from "../policies/engineRecord";
import type { EnforcedFinding } from "../policies/evaluate";
import type { ResourceView } from "../policies/view";

describe("compareNames", () => {
  it("compares digit runs as numbers and the rest by code unit", () => {
    const names = ["hall-10", "hall-2", "hall-1", "gas", "grid", "hall-02", "Grid", "hall-1a"];
    expect([...names].sort(compareNames)).toEqual(["Grid", "gas", "grid", "hall-1", "hall-1a", "hall-2", "hall-02", "hall-10"]);
  });

  it("is a total order: 0 only for equal names, antisymmetric and transitive", () => {
    const name = fc.stringMatching(/^[a-c0-2-]{0,6}$/);
    fc.assert(fc.property(name, name, (a, b) => (compareNames(a, b) === 0) === (a === b) && Math.sign(compareNames(a, b)) === -Math.sign(compareNames(b, a))));
    fc.assert(fc.property(name, name, name, (a, b, c) => !(compareNames(a, b) < 0 && compareNames(b, c) < 0) || compareNames(a, c) < 0));
  });
});

describe("canonicalOrder", () => {
  const view = (type: string, name: string, parent?: string): ResourceView => ({ type: `aicluster:index:${type}`, urn: `urn:${name}`, name, ...(parent ? { parent: `urn:${parent}` } : {}), props: {} });
  const campus = view("Campus", "c");
  const grid = view("PowerContract", "c-grid", "c");
  const gas = view("PowerContract", "c-gas", "c");
  const hall2 = view("DataHall", "c-hall-2", "c");
  const hall10 = view("DataHall", "c-hall-10", "c");
  const cooling = view("CoolingPlant", "c-hall-2-cooling", "c-hall-2");
  const rack = view("LiquidCooledRack", "c-hall-2-row-1", "c-hall-2");
  const pool = view("GpuNodePool", "c-hall-2-row-1-nodes", "c-hall-2-row-1");

  it("lists depth first: halls before contracts, racks (with their node pools) before the cooling plant, then by name", () => {
    const expected = ["c", "c-hall-2", "c-hall-2-row-1", "c-hall-2-row-1-nodes", "c-hall-2-cooling", "c-hall-10", "c-gas", "c-grid"];
    // As the engine may hand them over, and as the mocks record them: the same order out.
    for (const arrived of [[gas, cooling, campus, hall10, pool, grid, rack, hall2], [campus, hall2, hall10, grid, gas, rack, cooling, pool]]) {
      expect(canonicalOrder(arrived, new Map(arrived.map((v, i) => [v.urn, i]))).map((v) => v.name)).toEqual(expected);
    }
  });

  it("keeps every view once, whatever the order in (resources of other types after aicluster's, as they arrived)", () => {
    const other = { type: "random:index/randomId:RandomId", urn: "urn:id", name: "a-id", parent: "urn:c", props: {} };
    const all = [campus, grid, gas, hall2, hall10, cooling, rack, pool, other];
    fc.assert(fc.property(fc.shuffledSubarray(all, { minLength: all.length }), (arrived) => {
      const out = canonicalOrder(arrived, new Map(arrived.map((v, i) => [v.urn, i])));
      return out.length === all.length && new Set(out).size === all.length && out[out.length - 1] === other;
    }));
  });
});

describe("the engine's events", () => {
  const events: EngineEventLike[] = [
    { resourcePreEvent: { metadata: { type: "pulumi:pulumi:Stack", urn: "urn:stack" } } },
    { resourcePreEvent: { metadata: { type: "aicluster:index:Campus", urn: "urn:c" } } },
    { policyEvent: { policyPackName: "aicluster", policyName: "water-permit", resourceUrn: "urn:c", enforcementLevel: "mandatory", message: "Campus water must not exceed the permit.\nc: annual water 10 m³/yr exceeds the permit. Fix: get a permit\n" } },
    { policyEvent: { policyPackName: "theirs", policyName: "no-gas", enforcementLevel: "warning", message: "No gas.\nno gas here" } },
    { diagnosticEvent: { severity: "error", message: "  TypeError: boom\n" } },
    { diagnosticEvent: { severity: "warning", message: "a warning" } },
    { resOutputsEvent: { metadata: { type: "pulumi:pulumi:Stack", urn: "urn:stack", new: { outputs: {
      pue: 1.08, arn: "04da6b54-80e4-46f7-96ec-b56ff0331ba9", token: "[secret]", campus: { "@isPulumiResource": true, urn: "urn:c" },
      nested: { key: { "4dabf18193072939515e22adb298388d": "1b47061264138c4ac30d75fd1eb44270", plaintext: "\"hunter2\"" } },
    } } } } },
  ];

  it("give each violation without the description the CLI puts first, the errors, and the outputs as a preview shows them", () => {
    expect(engineViolations(events)).toEqual([
      { pack: "aicluster", policy: "water-permit", resourceUrn: "urn:c", level: "mandatory", message: "c: annual water 10 m³/yr exceeds the permit. Fix: get a permit" },
      { pack: "theirs", policy: "no-gas", level: "warning", message: "no gas here" },
    ]);
    expect(engineErrors(events)).toEqual(["TypeError: boom"]);
    expect(stackOutputsOf(events)).toEqual({ pue: 1.08, arn: "[unknown]", token: "[secret]", campus: "urn:c", nested: { key: "[secret]" } });
    expect(JSON.stringify(stackOutputsOf(events))).not.toContain("hunter2");
    expect([...registrationOrder(events).entries()]).toEqual([["urn:stack", 0], ["urn:c", 1]]);
  });

  const finding = (policy: string, urn: string, message: string, extra: Partial<EnforcedFinding> = {}): EnforcedFinding => ({
    policy, resourceUrn: urn, resourceName: urn, status: "violation", enforcementLevel: "mandatory", message, remediation: "get a permit", ...extra,
  });

  it("agree with the checker's findings as multisets of policy, resource and message; exempted and disabled ones are not reported", () => {
    const engine = engineViolations(events);
    expect(disagreements(engine, [finding("water-permit", "urn:c", "c: annual water 10 m³/yr exceeds the permit")])).toEqual({ engineOnly: [], checkerOnly: [] });
    const other = finding("pue-max", "urn:c", "PUE too high");
    const exempted = finding("pue-max", "urn:h", "x", { exemption: { pattern: "h", reason: "r" } as unknown as EnforcedFinding["exemption"] });
    const disabled = finding("carbon", "urn:c", "y", { enforcementLevel: "disabled" });
    expect(disagreements(engine, [finding("water-permit", "urn:c", "c: annual water 10 m³/yr exceeds the permit"), other, exempted, disabled])).toEqual({ engineOnly: [], checkerOnly: [other] });
    // A different message is a disagreement on both sides; other packs never count.
    const moved = finding("water-permit", "urn:c", "c: annual water 11 m³/yr exceeds the permit");
    expect(disagreements(engine, [moved])).toEqual({ engineOnly: [engine[0]], checkerOnly: [moved] });
  });
});

describe("the pack's record of what its rules saw", () => {
  it("is plain JSON, with the paths of values unknown during preview (which the policy SDK's proxy throws on)", () => {
    const props = new Proxy({ pue: 1.1, halls: [{ name: "a" }, { name: "b" }], location: "x" }, {
      get(target, key) {
        if (key === "location") throw new Error("UnknownValueError");
        return Reflect.get(target, key);
      },
    });
    expect(recordOf({ type: "aicluster:index:Campus", urn: "urn:c", name: "c", props, parent: { type: "pulumi:pulumi:Stack", urn: "urn:s", name: "s", props: {} } })).toEqual({
      type: "aicluster:index:Campus", urn: "urn:c", name: "c", parent: "urn:s", props: { pue: 1.1, halls: [{ name: "a" }, { name: "b" }] }, unknown: ["props.location"],
    });
    expect(recordOf({ type: "t", urn: "u", name: "n", props: { a: [1, null] } })).toEqual({ type: "t", urn: "u", name: "n", props: { a: [1, null] } });
  });
});

describe("the hand-off of hourly series", () => {
  const hours = {
    facilityMw: Float64Array.from([1.5, 2]), itMw: Float64Array.from([1, 1.25]), annualItEnergyMwh: 8760, peakHour: "07-14 15:00", year: 2030, utcOffsetHours: -5,
    supply: { suppliedMwh: { grid: 10 }, unservedMw: Float64Array.from([0, 0.5]), monthly: [{ demandMwh: 1 }] },
  } as unknown as RecordedCampusHours;

  it("writes nothing without the variable, and with it a file per campus URN that reads back with its typed arrays", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "aicluster-handoff-"));
    const saved = process.env[HOURS_HANDOFF_ENV];
    try {
      delete process.env[HOURS_HANDOFF_ENV];
      expect(handOffSinkFromEnv()).toBeUndefined();
      process.env[HOURS_HANDOFF_ENV] = dir;
      // A URN whose name looks like a path stays in the folder: the file is named by a digest.
      const urn = "urn:pulumi:dev::p::aicluster:index:Campus::../../etc/c";
      const sink = handOffSinkFromEnv()!;
      sink.keep(Promise.resolve(urn), { hours, supplyMarginK: () => Float64Array.from([3, -1]) });
      await new Promise((r) => setTimeout(r, 20));
      expect(fs.readdirSync(dir)).toEqual([handoffFileName(urn)]);
      expect(handoffFileName(urn)).toMatch(/^campus-[0-9a-f]{64}\.json$/);
      const back = deserializeHours(fs.readFileSync(path.join(dir, handoffFileName(urn)), "utf8"));
      expect(back.urn).toBe(urn);
      expect(back.hours.facilityMw).toBeInstanceOf(Float64Array);
      expect(Array.from(back.hours.facilityMw)).toEqual([1.5, 2]);
      expect(Array.from(back.hours.supply.unservedMw)).toEqual([0, 0.5]);
      expect(back.hours.supply.suppliedMwh).toEqual({ grid: 10 });
      expect(back.hours.year).toBe(2030);
      expect(Array.from(back.supplyMarginK!)).toEqual([3, -1]);
    } finally {
      if (saved === undefined) delete process.env[HOURS_HANDOFF_ENV];
      else process.env[HOURS_HANDOFF_ENV] = saved;
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe("--engine and --policy-pack options", () => {
  const usage = (argv: string[], mode: "plan" | "check" = "check") => {
    try {
      parseOptions(argv, mode);
    } catch (e) {
      expect(e).toBeInstanceOf(UsageError);
      return (e as Error).message;
    }
    throw new Error("expected a usage error");
  };

  it("give the engine a longer default timeout (an explicit one stands) and take packs only with --engine", () => {
    expect(parseOptions([".", "--stack", "dev", "--engine"], "check")).toMatchObject({ engine: true, timeoutSeconds: 1800 });
    expect(parseOptions([".", "--stack", "dev", "--engine", "--timeout", "60", "--policy-pack", "a", "--policy-pack", "b"], "check")).toMatchObject({ timeoutSeconds: 60, policyPacks: ["a", "b"] });
    expect(parseOptions([".", "--stack", "dev"], "check").engine).toBeUndefined();
  });

  it("refuse what the engine cannot honour, naming it", () => {
    expect(usage([".", "--stack", "dev", "--engine", "--config", "permit=5"])).toBe("--engine: not with --config (the engine reads the stack's own config: set values with pulumi config set)");
    expect(usage([".", "--stack", "dev", "--engine", "--today", "2027-01-01"])).toBe("--engine: not with --today (the engine's policy pack checks exemptions' expiry against today's date)");
    expect(usage([".", "--stack", "dev", "--policy-pack", "p"])).toBe("--policy-pack: allowed with --engine (under mocks only the aicluster rules run)");
    expect(usage(["prometheus", "--engine"], "plan")).toBe("--engine: allowed with aicluster check (npm run plan runs this repository's stacks under mocks; pulumi preview -s <stack> --policy-pack policies runs them under the engine)");
  });
});
