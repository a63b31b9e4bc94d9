/** The real-engine table: `pulumi preview --policy-pack policies` on a staged copy of the project. */
import { findEngine, stageProject, Workspace } from "../scripts/realEngine";
import { secondsSince } from "./measure";
import { fixed } from "../components/format/numbers";
import type { Scenario } from "./scenarios";

export interface EngineRow {
  scenario: string;
  scale: string;
  /** Steps in the preview, the stack resource included. */
  resources?: number;
  seconds?: number;
  exitCode?: number;
  /** Why there is no figure (timed out, failed, skipped after a smaller scale timed out). */
  note?: string;
}

export interface EngineTable {
  skipped?: string;
  rows: EngineRow[];
}

function stepCount(json: string): number | undefined {
  try {
    return ((JSON.parse(json) as { steps?: unknown[] }).steps ?? []).length;
  } catch {
    return undefined;
  }
}

async function preview(ws: Workspace, s: Scenario, scale: string, timeoutSeconds: number): Promise<EngineRow> {
  const row: EngineRow = { scenario: s.label, scale };
  for (const [key, value] of [["aicluster:scale", scale], ...(s.phase ? [["aicluster:phase", s.phase]] : [])]) {
    const set = await ws.pulumi(["config", "set", "-s", s.stack, key, value]);
    if (set.code !== 0) return { ...row, note: `config set failed: ${set.stderr.trim()}` };
  }
  const started = process.hrtime.bigint();
  const run = await ws.pulumi(["preview", "-s", s.stack, "--json", "--policy-pack", "policies"], {}, timeoutSeconds * 1000);
  const seconds = secondsSince(started);
  if (run.timedOut) return { ...row, note: `timed out after ${timeoutSeconds} s` };
  return { ...row, seconds, exitCode: run.code, resources: stepCount(run.stdout), note: run.code === 0 ? undefined : run.stderr.trim().split("\n").pop() };
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
