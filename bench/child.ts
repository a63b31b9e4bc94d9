/**
 * One benchmark measurement in a fresh process, so peak RSS belongs to that measurement alone:
 *   child plan <stack> <scale> [phase]               the offline plan with policies (what `npm run plan` does)
 *   child capture <file> <stack> <scale> [phase]     the same plan, its resources written to <file> (not measured)
 *   child replay <file>                              the captured resources as bare components with the same args
 *                                                    and registered outputs, same tree, same mock runtime
 *   child bare <resources>                           bare ComponentResources, no args, no outputs (the old baseline)
 *   child model <stack> <scale> [phase]              the campus model alone, no Pulumi (the floor)
 * Prints one JSON line: resources, phase times in seconds, peak RSS in MB.
 */
import * as fs from "fs";
import { ChildResult, secondsSince as seconds } from "./measure";

type Measured = Omit<ChildResult, "peakRssMb" | "importSeconds">;

function overrides(scale: string, phase: string | undefined): Record<string, string> {
  return { "aicluster:scale": scale, ...(phase ? { "aicluster:phase": phase } : {}) };
}

async function plan(stack: string, scale: string, phase: string | undefined): Promise<Measured> {
  const { runPlan } = await import("../plan/runPlan");
  const { loadStackConfig } = await import("../plan/stackConfig");
  const { buildReport } = await import("../plan/report");
  const started = process.hrtime.bigint();
  const run = await runPlan({ stack, config: loadStackConfig(stack, overrides(scale, phase)) });
  const report = buildReport(run, 3);
  return {
    resources: report.resourceCount,
    runSeconds: seconds(started),
    policySeconds: run.policySeconds,
    gpus: Number(run.outputs.gpus),
    facilityMw: Number(run.outputs.facilityPowerMw),
    verdict: report.verdict,
  };
}

async function capture(file: string, stack: string, scale: string, phase: string | undefined): Promise<Measured> {
  const { runPlan } = await import("../plan/runPlan");
  const { loadStackConfig } = await import("../plan/stackConfig");
  const { captureRegistrations } = await import("./baseline");
  const started = process.hrtime.bigint();
  const run = await runPlan({ stack, config: loadStackConfig(stack, overrides(scale, phase)) });
  const captured = captureRegistrations(run.registrations, run.views);
  fs.writeFileSync(file, JSON.stringify(captured));
  return { resources: captured.resources.length, runSeconds: seconds(started), policySeconds: run.policySeconds };
}

/** The measured run starts after reading the capture; reading it is reported as setupSeconds (the plan has no such step). */
async function replay(file: string): Promise<Measured> {
  const { installMockEngine } = await import("../plan/mockEngine");
  const { replayCapture } = await import("./baseline");
  const read = process.hrtime.bigint();
  const captured = JSON.parse(fs.readFileSync(file, "utf8"));
  const setupSeconds = seconds(read);
  const started = process.hrtime.bigint();
  const engine = installMockEngine({ project: "aicluster", stack: "bench", preview: true });
  // The same runtime conditions as runPlan.
  await engine.withoutStackTraces(async () => {
    replayCapture(captured);
    await engine.settle();
  });
  return { resources: engine.views().length, runSeconds: seconds(started), policySeconds: 0, setupSeconds };
}

async function bare(resources: number): Promise<Measured> {
  const { installMockEngine } = await import("../plan/mockEngine");
  const { registerBareComponents } = await import("./baseline");
  const started = process.hrtime.bigint();
  const engine = installMockEngine({ project: "aicluster", stack: "bench", preview: true });
  await engine.withoutStackTraces(async () => {
    registerBareComponents(resources);
    await engine.settle();
  });
  return { resources: engine.views().length, runSeconds: seconds(started), policySeconds: 0 };
}

/** runSeconds: the first campus model in the process (cold, as the plan runs it); warmSeconds: the fastest of 5 more. */
async function model(stack: string, scale: string, phase: string | undefined): Promise<Measured> {
  const { runModel, stackCampus } = await import("./pureModel");
  const input = stackCampus(stack, scale, phase);
  const started = process.hrtime.bigint();
  const gpus = runModel(input);
  const runSeconds = seconds(started);
  let warmSeconds = Infinity;
  for (let i = 0; i < 5; i++) {
    const again = process.hrtime.bigint();
    runModel(input);
    warmSeconds = Math.min(warmSeconds, seconds(again));
  }
  return { resources: 0, runSeconds, policySeconds: 0, warmSeconds, gpus };
}

async function main(argv: string[]): Promise<void> {
  const started = process.hrtime.bigint();
  const [mode, ...rest] = argv;
  const result =
    mode === "plan" ? await plan(rest[0], rest[1], rest[2])
    : mode === "capture" ? await capture(rest[0], rest[1], rest[2], rest[3])
    : mode === "replay" ? await replay(rest[0])
    : mode === "bare" ? await bare(Number(rest[0]))
    : mode === "model" ? await model(rest[0], rest[1], rest[2])
    : undefined;
  if (!result) throw new Error(`bench child: unknown mode "${mode}" (plan | capture | replay | bare | model)`);
  const total = seconds(started);
  const out: ChildResult = { ...result, importSeconds: total - result.runSeconds - (result.setupSeconds ?? 0), peakRssMb: process.resourceUsage().maxRSS / 1024 };
  process.stdout.write(`${JSON.stringify(out)}\n`);
}

main(process.argv.slice(2)).then(
  () => process.exit(0),
  (e) => {
    console.error(e);
    process.exit(3);
  },
);
