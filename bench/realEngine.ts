/** The real-engine table: `pulumi preview --policy-pack policies` on a staged copy of the project. */
import { findEngine, stageProject, stepType, Workspace } from "../scripts/realEngine";
import { secondsSince } from "./measure";
import { fixed } from "../components/format/numbers";
import type { Scenario } from "./scenarios";

export interface EngineRow {
  scenario: string;
  scale: string;
  /** Steps in the preview, the stack resource included. */
  resources?: number;
  /** `pulumi preview --policy-pack policies`: wall seconds and exit code. */
  seconds?: number;
  exitCode?: number;
  /** The same preview without the pack: the program and the engine's steps alone. */
  noPackSeconds?: number;
  noPackExitCode?: number;
  /** Bytes of inputs and outputs per step, by resource type (from the no-pack preview's JSON steps). */
  bytesByType?: Record<string, { steps: number; inputBytes: number; outputBytes: number }>;
  /** Why there is no figure (timed out, failed, skipped after a smaller scale timed out). */
  note?: string;
}

export interface EngineTable {
  skipped?: string;
  rows: EngineRow[];
}

interface PreviewJson {
  steps?: { urn: string; newState?: { type: string; inputs?: unknown; outputs?: unknown } }[];
}

function parsePreview(json: string): PreviewJson | undefined {
  try {
    return JSON.parse(json) as PreviewJson;
  } catch {
    return undefined;
  }
}

/** Steps and their payload by type: what the engine stores and hands the analyzer per resource. */
function payloadByType(doc: PreviewJson): Record<string, { steps: number; inputBytes: number; outputBytes: number }> {
  const out: Record<string, { steps: number; inputBytes: number; outputBytes: number }> = {};
  for (const step of doc.steps ?? []) {
    const type = stepType(step);
    const row = (out[type] ??= { steps: 0, inputBytes: 0, outputBytes: 0 });
    row.steps += 1;
    row.inputBytes += Buffer.byteLength(JSON.stringify(step.newState?.inputs ?? {}));
    row.outputBytes += Buffer.byteLength(JSON.stringify(step.newState?.outputs ?? {}));
  }
  return out;
}

async function preview(ws: Workspace, s: Scenario, scale: string, timeoutSeconds: number): Promise<EngineRow> {
  const row: EngineRow = { scenario: s.label, scale };
  for (const [key, value] of [["aicluster:scale", scale], ...(s.phase ? [["aicluster:phase", s.phase]] : [])]) {
    const set = await ws.pulumi(["config", "set", "-s", s.stack, key, value]);
    if (set.code !== 0) return { ...row, note: `config set failed: ${set.stderr.trim()}` };
  }
  // Without the pack first: the steps and their payload (a preview that fails a policy prints no steps), and the time
  // the program and the engine take alone; the pack's share is the difference.
  const bare = process.hrtime.bigint();
  const alone = await ws.pulumi(["preview", "-s", s.stack, "--json"], {}, timeoutSeconds * 1000);
  const noPackSeconds = secondsSince(bare);
  if (alone.timedOut) return { ...row, note: `timed out after ${timeoutSeconds} s (without the pack)` };
  const doc = parsePreview(alone.stdout);
  const started = process.hrtime.bigint();
  const run = await ws.pulumi(["preview", "-s", s.stack, "--json", "--policy-pack", "policies"], {}, timeoutSeconds * 1000);
  const seconds = secondsSince(started);
  if (run.timedOut) return { ...row, noPackSeconds, note: `timed out after ${timeoutSeconds} s` };
  // Exit 255 with the pack and 0 without: the preview ran and a mandatory policy failed (the verdict, not an error).
  const policyFailed = run.code !== 0 && alone.code === 0;
  return {
    ...row, seconds, exitCode: run.code, noPackSeconds, noPackExitCode: alone.code,
    ...(doc?.steps ? { resources: doc.steps.length, bytesByType: payloadByType(doc) } : {}),
    note: run.code === 0 ? undefined : policyFailed ? "a mandatory policy failed (the verdict)" : run.stderr.trim().split("\n").pop(),
  };
}

export async function measureEngine(scenarios: Scenario[], scales: string[], timeoutSeconds: number, log: (line: string) => void): Promise<EngineTable> {
  const engine = findEngine();
  if ("reason" in engine) return { skipped: engine.reason, rows: [] };
  const ws = stageProject(engine.bin);
  try {
    for (const stack of new Set(scenarios.map((s) => s.stack))) {
      const init = await ws.pulumi(["stack", "init", stack]);
      if (init.code !== 0) return { skipped: `pulumi stack init ${stack} failed: ${init.stderr.trim()}`, rows: [] };
    }
    const rows: EngineRow[] = [];
    for (const s of scenarios) {
      let gaveUp: string | undefined;
      for (const scale of scales) {
        const row = gaveUp ? { scenario: s.label, scale, note: `skipped: ${gaveUp}` } : await preview(ws, s, scale, timeoutSeconds);
        if (!gaveUp && row.seconds === undefined) gaveUp = `scale ${scale} did not finish`;
        rows.push(row);
        log(`engine ${s.label} @ ${scale}: ${row.seconds !== undefined ? `${fixed(row.seconds, 1)} s` : row.note}`);
      }
    }
    return { rows };
  } finally {
    ws.dispose();
  }
}
