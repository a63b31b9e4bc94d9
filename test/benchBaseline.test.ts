/**
 * The benchmark's yardsticks: the replay registers what the plan registered (count, tree, args, registered outputs),
 * the old bare baseline exactly as many bare components as asked, and the pure model runs on the args the plan's
 * campus registers. No timings: the bench prints them, tests never assert them.
 */
import { describe, expect, it } from "vitest";
import { Capture, captureRegistrations, registerBareComponents, replayCapture, replayType } from "../bench/baseline";
import { runModel, stackCampus } from "../bench/pureModel";
import { installMockEngine } from "../plan/mockEngine";
import { runPlan } from "../plan/runPlan";
import { loadStackConfig } from "../plan/stackConfig";

const SCALE = "0.0005";

async function capturePlan(stack: string, phase?: string): Promise<Capture> {
  const run = await runPlan({ stack, config: loadStackConfig(stack, { "aicluster:scale": SCALE, ...(phase ? { "aicluster:phase": phase } : {}) }) });
  return captureRegistrations(run.registrations, run.views);
}

describe("replay baseline", () => {
  it("registers the plan's resources again: same count, tree, args and registered outputs", async () => {
    const capture = await capturePlan("hyperion", "2");
    expect(capture.resources.length).toBeGreaterThan(10);
    expect(capture.resources.filter((r) => r.parent < 0)).toHaveLength(1);
    expect(capture.resources.some((r) => Object.keys(r.args).length > 0)).toBe(true);
    expect(capture.resources.every((r) => Object.keys(r.outputs).length > 0)).toBe(true);

    const engine = installMockEngine({ project: "aicluster", stack: "bench" });
    const count = await engine.withoutStackTraces(async () => {
      const n = replayCapture(capture);
      await engine.settle();
      return n;
    });
    const views = engine.views();
    expect(count).toBe(capture.resources.length);
    expect(views).toHaveLength(capture.resources.length);
    expect(engine.registrations).toHaveLength(capture.resources.length);

    const urnByName = new Map(views.map((v) => [v.name, v.urn]));
    const byName = new Map(views.map((v) => [v.name, v]));
    const inputsByName = new Map(engine.registrations.map((r) => [r.name, r]));
    for (const r of capture.resources) {
      const view = byName.get(r.name)!;
      expect(view.type).toBe(replayType(r.type));
      expect(view.parent).toBe(r.parent < 0 ? undefined : urnByName.get(capture.resources[r.parent].name));
      expect(inputsByName.get(r.name)!.inputs).toEqual(r.args);
      expect(view.props).toEqual(r.outputs);
    }
  });

  it("the pure model's campus args are the ones the plan's campus registers", async () => {
    for (const [stack, phase] of [["prometheus", undefined], ["hyperion", "1"], ["hyperion", "2"]] as const) {
      const capture = await capturePlan(stack, phase);
      const campus = capture.resources.find((r) => r.parent < 0)!;
      const input = stackCampus(stack, SCALE, phase);
      expect(JSON.parse(JSON.stringify(input.args))).toEqual(campus.args);
      expect(input.subject.name).toBe(campus.name);
      expect(runModel(input)).toBe(campus.outputs.gpuCount);
    }
  });
});

describe("bare-component baseline", () => {
  it("registers the count it is given, all below one root, with no args and no outputs", async () => {
    const engine = installMockEngine({ project: "aicluster", stack: "bench" });
    registerBareComponents(250);
    await engine.settle();
    const views = engine.views("bare");
    expect(views).toHaveLength(250);
    const root = views.find((v) => v.name === "bare-root")!;
    expect(views.filter((v) => v.parent === root.urn)).toHaveLength(249);
    expect(views.every((v) => Object.keys(v.props).length === 0)).toBe(true);
    expect(engine.registrations.every((r) => Object.keys(r.inputs).length === 0)).toBe(true);
  });
});
