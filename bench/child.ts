/**
 * One benchmark measurement in a fresh process, so peak RSS belongs to that measurement alone:
 *   child plan <stack> <scale> [phase]      the offline plan with policies (what `npm run plan` does)
 *   child baseline <resources>              bare ComponentResources under the same mock runtime
 * Prints one JSON line: resources, phase times in seconds, peak RSS in MB.
 */
import { ChildResult, secondsSince as seconds } from "./measure";

async function plan(stack: string, scale: string, phase: string | undefined): Promise<Omit<ChildResult, "peakRssMb" | "importSeconds">> {
  const { runPlan } = await import("../plan/runPlan");
  const { loadStackConfig } = await import("../plan/stackConfig");
  const { buildReport } = await import("../plan/report");
  const overrides: Record<string, string> = { "aicluster:scale": scale, ...(phase ? { "aicluster:phase": phase } : {}) };
  const started = process.hrtime.bigint();
  const run = await runPlan({ stack, config: loadStackConfig(stack, overrides) });
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

async function baseline(resources: number): Promise<Omit<ChildResult, "peakRssMb" | "importSeconds">> {
  const { installMockEngine } = await import("../plan/mockEngine");
  const { registerBareComponents } = await import("./baseline");
  const started = process.hrtime.bigint();
  const engine = installMockEngine({ project: "aicluster", stack: "bench", preview: true });
  // The same runtime conditions as runPlan.
  await engine.withoutStackTraces(async () => {
    registerBareComponents(resources);
    await engine.settle();
  });
  return { resources: engine.views().length, runSeconds: seconds(started), policySeconds: 0 };
}

async function main(argv: string[]): Promise<void> {
  const started = process.hrtime.bigint();
  const [mode, ...rest] = argv;
  const result =
    mode === "plan" ? await plan(rest[0], rest[1], rest[2]) : mode === "baseline" ? await baseline(Number(rest[0])) : undefined;
  if (!result) throw new Error(`bench child: unknown mode "${mode}" (plan | baseline)`);
  const total = seconds(started);
  const out: ChildResult = { ...result, importSeconds: total - result.runSeconds, peakRssMb: process.resourceUsage().maxRSS / 1024 };
  process.stdout.write(`${JSON.stringify(out)}\n`);
}

main(process.argv.slice(2)).then(
  () => process.exit(0),
  (e) => {
    console.error(e);
    process.exit(3);
  },
);
