/**
 * `npm run bench [-- --json]`: offline plan vs baseline at every scale of every scenario, then the real engine.
 * Runs compiled (npm run bench builds first), so neither side pays for TypeScript compilation.
 */
import * as os from "os";
import { fixed } from "../components/format/numbers";
import { measureOffline, OfflineRow } from "./offline";
import { BENCH_USAGE, BenchUsageError, parseBenchOptions } from "./options";
import { measureEngine } from "./realEngine";
import { checkTargets, renderEngine, renderOffline, renderTargets } from "./render";
import { SCENARIOS, TARGETS } from "./scenarios";
import { measureConfidence, renderConfidence, type ConfidenceBench } from "./confidence";
import type { TargetCheck } from "./render";

/** The confidence run's targets: figures printed, never asserted. */
function confidenceTargets(c: ConfidenceBench): TargetCheck[] {
  const t = TARGETS.confidence;
  return [
    ...(c.samples === t.samples ? [{ target: `confidence run, ${t.samples} samples of the 5 GW campus < ${t.seconds} s`, measured: c.runSeconds === undefined ? c.note ?? "-" : `${fixed(c.runSeconds, 1)} s`, met: c.runSeconds !== undefined && c.runSeconds < t.seconds }] : []),
    { target: `campus model alone, 5 GW, warm < ${t.warmModelMs} ms`, measured: `${fixed(c.warmModelMs, 1)} ms`, met: c.warmModelMs < t.warmModelMs },
  ];
}

async function main(argv: readonly string[]): Promise<number> {
  let options;
  try {
    options = parseBenchOptions(argv);
  } catch (e) {
    if (!(e instanceof BenchUsageError)) throw e;
    console.error(`error: ${e.message}\n\n${BENCH_USAGE}`);
    return 2;
  }
  if (options.help) {
    console.log(BENCH_USAGE);
    return 0;
  }
  const log = (line: string) => console.error(line);
  const scenarios = SCENARIOS.filter((s) => options.scenarios.includes(s.label));
  const machine = { node: process.version, cpus: os.cpus().length, cpuModel: os.cpus()[0]?.model ?? "?", memoryGb: Math.round(os.totalmem() / 2 ** 30) };
  log(`bench: ${machine.cpus} cores, ${machine.memoryGb} GB, Node ${machine.node}; ${options.runs} runs per offline measurement`);

  const offline: OfflineRow[] = [];
  for (const s of scenarios) {
    for (const scale of options.scales) {
      const row = measureOffline(s, scale, { runs: options.runs, compareBaselines: options.compareBaselines });
      offline.push(row);
      const bare = row.bare ? `, bare ${fixed(row.bare.processSeconds, 2)} s` : "";
      log(`offline ${s.label} @ ${scale}: ${row.resources} resources, plan ${fixed(row.plan.processSeconds, 2)} s, replay ${fixed(row.baseline.processSeconds, 2)} s${bare}, model ${fixed(row.model.runSeconds * 1000, 1)} ms`);
    }
  }
  const engine = options.engine ? await measureEngine(scenarios, options.scales, options.engineTimeoutSeconds, log) : { skipped: "--no-engine", rows: [] };
  const confidence = measureConfidence(options.confidenceSamples);
  log(`confidence: ${confidence.runSeconds === undefined ? confidence.note : `${fixed(confidence.runSeconds, 1)} s`}, model warm ${fixed(confidence.warmModelMs, 1)} ms`);
  const targets = [...checkTargets(offline, engine), ...confidenceTargets(confidence)];
  if (options.json) console.log(JSON.stringify({ machine, runs: options.runs, offline, engine, confidence, targets }, null, 2));
  else console.log([renderOffline(offline, options.runs), renderEngine(engine), renderConfidence(confidence), renderTargets(targets)].join("\n\n"));
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (e) => {
    console.error(e);
    process.exit(3);
  },
);
