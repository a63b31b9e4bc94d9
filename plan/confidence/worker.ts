/** A worker thread of a confidence run (./pool.ts): samples planned with its own copy of the model, one request at a time. */
import { parentPort, workerData } from "node:worker_threads";
import { Sampler, type SampleRequest, type SamplerInput } from "./sampler";

const sampler = new Sampler((workerData as { input: SamplerInput }).input);
parentPort!.on("message", (message: { index: number; request: SampleRequest }) => {
  try {
    parentPort!.postMessage({ index: message.index, result: sampler.run(message.request) });
  } catch (e) {
    parentPort!.postMessage({ index: message.index, error: e instanceof Error ? `${e.name}: ${e.message}` : String(e) });
  }
});
