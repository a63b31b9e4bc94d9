/**
 * Runs a confidence run's samples: the first in this thread, timed; the rest here too when they would take a few
 * seconds, else on worker threads (one per core asked for), each with its own copy of the model. The model keeps no
 * hidden state (issue 37), so a sample gives the same result in any thread, and results are returned in request
 * order: the report does not depend on how many threads made it.
 */
import * as path from "node:path";
import { Worker } from "node:worker_threads";
import { Sampler, type SampleRequest, type SampleResult, type SamplerInput } from "./sampler";

/** Below this much estimated work the samples stay in this thread: starting a worker costs about a second. */
export const WORKERS_FROM_SECONDS = 3;

export interface PoolOptions {
  /** Threads to use at most (1: this thread only). */
  workers: number;
  /** Called after each request with the number done. */
  onProgress?: (done: number) => void;
  /** Estimated seconds of work from which worker threads are started. @default WORKERS_FROM_SECONDS */
  workersFromSeconds?: number;
}

/** The worker's file: compiled JavaScript, or under ts-node the TypeScript source, loaded through ts-node in the worker. */
function workerScript(): { code: string; eval: true } | { file: string } {
  const file = path.join(__dirname, `worker${path.extname(__filename)}`);
  if (path.extname(__filename) !== ".ts") return { file };
  return {
    eval: true,
    code: `require("ts-node").register({ transpileOnly: true, compilerOptions: { module: "commonjs" } }); require(${JSON.stringify(file)});`,
  };
}

function onWorkers(input: SamplerInput, requests: readonly SampleRequest[], first: number, results: SampleResult[], threads: number, progress: () => void): Promise<void> {
  const script = workerScript();
  let next = first;
  let running = 0;
  return new Promise<void>((resolve, reject) => {
    const workers: Worker[] = [];
    const finished = new Set<Worker>();
    let failed = false;
    const stopAll = () => workers.forEach((w) => void w.terminate());
    const fail = (e: Error) => {
      if (failed) return;
      failed = true;
      stopAll();
      reject(e);
    };
    const feed = (worker: Worker) => {
      if (failed) return;
      if (next >= requests.length) {
        finished.add(worker);
        void worker.terminate();
        if (--running === 0) resolve();
        return;
      }
      const index = next++;
      worker.postMessage({ index, request: requests[index] });
    };
    for (let i = 0; i < threads; i++) {
      const worker = "file" in script
        ? new Worker(script.file, { workerData: { input } })
        : new Worker(script.code, { eval: true, workerData: { input } });
      workers.push(worker);
      running++;
      worker.on("message", (m: { index: number; result?: SampleResult; error?: string }) => {
        if (m.error !== undefined) {
          fail(new Error(`confidence sample ${m.index + 1} failed in a worker thread: ${m.error}`));
          return;
        }
        results[m.index] = m.result!;
        progress();
        feed(worker);
      });
      worker.on("error", fail);
      // A thread that stops before its work is done (killed, out of memory) would otherwise leave the run waiting for ever.
      worker.on("exit", (code) => {
        if (!finished.has(worker)) fail(new Error(`a confidence worker thread stopped (exit code ${code}) before its samples were planned`));
      });
      feed(worker);
    }
  });
}

/** The result of every request, in request order. */
export async function runSamples(input: SamplerInput, requests: readonly SampleRequest[], options: PoolOptions): Promise<SampleResult[]> {
  const results: SampleResult[] = new Array(requests.length);
  if (requests.length === 0) return results;
  let done = 0;
  const progress = () => options.onProgress?.(++done);
  const sampler = new Sampler(input);
  const started = process.hrtime.bigint();
  results[0] = sampler.run(requests[0]);
  progress();
  const secondsEach = Number(process.hrtime.bigint() - started) / 1e9;
  const threads = Math.min(options.workers, requests.length - 1);
  if (threads <= 1 || secondsEach * (requests.length - 1) < (options.workersFromSeconds ?? WORKERS_FROM_SECONDS)) {
    for (let i = 1; i < requests.length; i++) {
      results[i] = sampler.run(requests[i]);
      progress();
    }
    return results;
  }
  await onWorkers(input, requests, 1, results, threads, progress);
  return results;
}
