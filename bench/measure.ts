/** Runs benchmark children (fresh processes) and takes medians. */
import { spawnSync } from "child_process";
import * as path from "path";

export interface ChildResult {
  resources: number;
  /** Module loading and runtime start-up before the measured run. */
  importSeconds: number;
  /** The measured run: program, settling and policies (plan), or registration and settling (baseline). */
  runSeconds: number;
  policySeconds: number;
  /** Work before the measured run that the plan does not do (the replay reading its capture); left out of processSeconds. */
  setupSeconds?: number;
  /** The pure model: the fastest of repeated runs in the same process (runSeconds is the first, cold one). */
  warmSeconds?: number;
  peakRssMb: number;
  gpus?: number;
  facilityMw?: number;
  verdict?: "pass" | "fail";
}

/** A child's result plus its wall time as seen from outside (process start to exit, less setupSeconds). */
export interface Measurement extends ChildResult {
  processSeconds: number;
}

/** Seconds since a `process.hrtime.bigint()` reading. */
export function secondsSince(started: bigint): number {
  return Number(process.hrtime.bigint() - started) / 1e9;
}

/** How children are started: compiled JS when the bench itself runs compiled, ts-node otherwise. */
function childCommand(): string[] {
  const compiled = __filename.endsWith(".js");
  const child = path.join(__dirname, compiled ? "child.js" : "child.ts");
  return compiled ? [child] : ["-r", "ts-node/register/transpile-only", child];
}

export function runChild(args: string[]): Measurement {
  const started = process.hrtime.bigint();
  const run = spawnSync(process.execPath, [...childCommand(), ...args], { encoding: "utf8", maxBuffer: 16 * 1024 * 1024 });
  const processSeconds = secondsSince(started);
  if (run.status !== 0) throw new Error(`bench child ${args.join(" ")} exited ${run.status}: ${run.stderr.trim().slice(-2000)}`);
  const line = run.stdout.trim().split("\n").pop() ?? "";
  const result = JSON.parse(line) as ChildResult;
  return { ...result, processSeconds: processSeconds - (result.setupSeconds ?? 0) };
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** The smallest of every numeric field over repeated measurements (each field on its own); the other fields from the first. */
export function minOf(runs: Measurement[]): Measurement {
  return combine(runs, (values) => Math.min(...values));
}

/** Median of every numeric field over repeated measurements; the other fields from the first. */
export function medianOf(runs: Measurement[]): Measurement {
  return combine(runs, median);
}

function combine(runs: Measurement[], pick: (values: number[]) => number): Measurement {
  const out = { ...runs[0] } as Record<string, unknown>;
  for (const [key, value] of Object.entries(runs[0])) {
    if (typeof value === "number") out[key] = pick(runs.map((r) => (r as unknown as Record<string, number>)[key]));
  }
  return out as unknown as Measurement;
}
