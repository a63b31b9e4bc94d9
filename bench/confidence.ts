/**
 * A confidence run's cost (issue 34): `npm run plan -- hyperion --phase 2 --scale 1 --samples <n>` (the 5 GW campus)
 * in a fresh process of the compiled planner, on as many threads as the machine has, and the campus model alone with
 * warm memos (the second of two runs with the same figures) as the floor of one sample.
 */
import { spawnSync } from "child_process";
import * as os from "os";
import * as path from "path";
import { runModel, stackCampus } from "./pureModel";

export interface ConfidenceBench {
  stack: string;
  phase: string;
  scale: string;
  samples: number;
  threads: number;
  /** The whole command, process start to exit. */
  wallSeconds?: number;
  /** The confidence run alone, as the report gives it. */
  runSeconds?: number;
  modelRuns?: number;
  /** Why there is no figure, when there is none. */
  note?: string;
  /** The campus model alone, warm: milliseconds. */
  warmModelMs: number;
}

export function measureConfidence(samples: number): ConfidenceBench {
  const stack = "hyperion";
  const phase = "2";
  const scale = "1";
  const input = stackCampus(stack, scale, phase);
  runModel(input);
  const warmStarted = process.hrtime.bigint();
  runModel(input);
  const warmModelMs = Number(process.hrtime.bigint() - warmStarted) / 1e6;
  const threads = typeof os.availableParallelism === "function" ? os.availableParallelism() : os.cpus().length;
  const base = { stack, phase, scale, samples, threads, warmModelMs };
  if (samples === 0) return { ...base, note: "--confidence-samples 0" };
  const cli = path.join(__dirname, "..", "plan", "cli.js");
  const started = process.hrtime.bigint();
  const run = spawnSync(process.execPath, [cli, stack, "--phase", phase, "--scale", scale, "--samples", String(samples), "--format", "json"], { encoding: "utf8", maxBuffer: 256 * 1024 * 1024 });
  const wallSeconds = Number(process.hrtime.bigint() - started) / 1e9;
  // Exit 1 is a verdict (phase 2 fails firm power), not a failed run.
  if (run.status !== 0 && run.status !== 1) return { ...base, note: `the planner exited ${run.status}: ${(run.stderr ?? "").trim().split("\n").pop()}` };
  const report = JSON.parse(run.stdout) as { confidence?: { wallSeconds: number; modelRuns: number } };
  if (!report.confidence) return { ...base, note: "the report has no confidence section" };
  return { ...base, wallSeconds, runSeconds: report.confidence.wallSeconds, modelRuns: report.confidence.modelRuns };
}

export function renderConfidence(c: ConfidenceBench): string {
  const head = `Confidence run, ${c.stack} phase ${c.phase} @ ${c.scale} (${c.samples} samples, up to ${c.threads} threads)`;
  const figures = c.runSeconds === undefined
    ? `  not measured: ${c.note}`
    : `  ${c.runSeconds.toFixed(1)} s sampling (${c.modelRuns} model runs, ${((c.runSeconds * 1000 * c.threads) / c.modelRuns!).toFixed(0)} ms of a thread each), ${c.wallSeconds!.toFixed(1)} s the whole command`;
  return [head, figures, `  campus model alone, warm: ${c.warmModelMs.toFixed(1)} ms`].join("\n");
}
