/** Command-line options of `npm run bench`. */
import { OptionSpecs, parseCommandLine, stringValue, stringValues } from "../plan/args";
import { SCALES, SCENARIOS } from "./scenarios";

export interface BenchOptions {
  json: boolean;
  /** Repetitions per offline measurement; the median is reported. */
  runs: number;
  scales: string[];
  /** Scenario labels to run. */
  scenarios: string[];
  /** Time the real engine too (skipped, with the reason, when there is none). */
  engine: boolean;
  /** Give up on a real-engine preview after this long, and on the larger scales of that scenario. */
  engineTimeoutSeconds: number;
  /** Also measure the old baseline (bare components, no args, no outputs) beside the replay. */
  compareBaselines: boolean;
  /** Samples of the confidence run measured on the 5 GW campus (0: not measured). */
  confidenceSamples: number;
  help: boolean;
}

export const BENCH_USAGE = `usage: npm run bench -- [options]

Offline plan with policies against a baseline that replays the plan's resources as bare ComponentResources with the
same args and registered outputs, in the same tree, under the same mock runtime (medians of --runs fresh processes
each), with the campus model alone as the floor (fastest of --runs); then the real engine's
\`pulumi preview --policy-pack policies\`.

options:
  --json                    one JSON document on stdout instead of tables
  --runs <n>                repetitions per offline measurement (default 3)
  --scales <a,b,...>        scales to run (default ${SCALES.join(",")})
  --only <label>            one scenario: ${SCENARIOS.map((s) => `"${s.label}"`).join(", ")} (repeatable)
  --compare-baselines       also measure the old baseline (as many bare components, no args, no outputs)
  --confidence-samples <n>  samples of the confidence run on the 5 GW campus (default 1000; 0 skips it)
  --no-engine               skip the real-engine table
  --engine-timeout <s>      per preview (default 600)
  -h, --help                this text`;

export class BenchUsageError extends Error {}

function positive(flag: string, value: string, whole: boolean): number {
  const n = Number(value);
  if (value === undefined || !Number.isFinite(n) || n <= 0 || (whole && !Number.isInteger(n))) {
    throw new BenchUsageError(`${flag} needs a ${whole ? "whole number" : "number"} above 0, got ${JSON.stringify(value)}`);
  }
  return n;
}

const BENCH_OPTIONS: OptionSpecs = {
  json: { type: "boolean" },
  "no-engine": { type: "boolean" },
  "compare-baselines": { type: "boolean" },
  help: { type: "boolean", short: "h" },
  runs: { type: "string" },
  "engine-timeout": { type: "string" },
  scales: { type: "string" },
  only: { type: "string", multiple: true },
  "confidence-samples": { type: "string" },
};

export function parseBenchOptions(argv: readonly string[]): BenchOptions {
  const { values, positionals } = parseCommandLine(argv, BENCH_OPTIONS, (message) => new BenchUsageError(message));
  if (positionals.length > 0) throw new BenchUsageError(`unexpected argument ${JSON.stringify(positionals[0])}; the bench takes options only`);
  const o: BenchOptions = {
    json: values.json === true, runs: 3, scales: SCALES, scenarios: [], engine: values["no-engine"] !== true, engineTimeoutSeconds: 600,
    compareBaselines: values["compare-baselines"] === true, confidenceSamples: 1000, help: values.help === true,
  };
  const samples = stringValue(values, "confidence-samples");
  if (samples !== undefined) o.confidenceSamples = samples === "0" ? 0 : positive("--confidence-samples", samples, true);
  const runs = stringValue(values, "runs");
  if (runs !== undefined) o.runs = positive("--runs", runs, true);
  const timeout = stringValue(values, "engine-timeout");
  if (timeout !== undefined) o.engineTimeoutSeconds = positive("--engine-timeout", timeout, false);
  const scales = stringValue(values, "scales");
  if (scales !== undefined) {
    o.scales = scales.split(",").filter(Boolean);
    for (const s of o.scales) if (!(Number(s) >= 0.0001 && Number(s) <= 1)) throw new BenchUsageError(`--scales: ${JSON.stringify(s)} is not a scale from 0.0001 to 1`);
    if (o.scales.length === 0) throw new BenchUsageError("--scales needs a comma-separated list, e.g. 0.001,1");
  }
  for (const label of stringValues(values, "only")) {
    if (!SCENARIOS.some((s) => s.label === label)) throw new BenchUsageError(`--only: no scenario ${JSON.stringify(label)}; scenarios: ${SCENARIOS.map((s) => s.label).join(", ")}`);
    o.scenarios.push(label);
  }
  if (o.scenarios.length === 0) o.scenarios = SCENARIOS.map((s) => s.label);
  return o;
}
