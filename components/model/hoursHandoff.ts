/**
 * The hand-off of a campus's hourly series from the process that modelled it to `aicluster check --engine`. Under the
 * real engine the model runs in the program's process (TypeScript, JavaScript) or the component provider's (YAML,
 * Python), never in the checker's; the reports' hour-by-hour parts (worst times, the energy Sankey, the supply
 * margin) read the series each Campus hands to its run's sink by URN (./seriesSink.ts). With AICLUSTER_HOURS_HANDOFF
 * naming a folder, which only the checker sets, the sink is that folder: each campus's series is written there under
 * its URN, and the checker reads them back, so both modes render the same report. Without the variable nothing is
 * written.
 *
 * Kept apart from the model's arithmetic: it touches the file system, and only when asked.
 */
import type { RecordedCampusHours } from "./campus";
import type { CampusSeries } from "./plan";
import type { SeriesSink } from "./seriesSink";

/** The variable naming the folder the series are written to (set by `aicluster check --engine`). */
export const HOURS_HANDOFF_ENV = "AICLUSTER_HOURS_HANDOFF";

/** What one file holds: the campus's series and its hourly supply-temperature margin (absent when no hall is checked). */
export interface HandedOffHours {
  /** The campus's URN in the engine's preview. */
  urn: string;
  hours: RecordedCampusHours;
  supplyMarginK?: Float64Array;
}

/** Typed arrays go to JSON as `{"f64": [...]}` and come back as Float64Array (JSON alone would make them objects). */
function replacer(_key: string, value: unknown): unknown {
  return value instanceof Float64Array ? { f64: Array.from(value) } : value;
}

function reviver(_key: string, value: unknown): unknown {
  if (value !== null && typeof value === "object" && !Array.isArray(value)) {
    const keys = Object.keys(value);
    const f64 = (value as { f64?: unknown }).f64;
    if (keys.length === 1 && Array.isArray(f64) && f64.every((x) => typeof x === "number")) return Float64Array.from(f64 as number[]);
  }
  return value;
}

export function serializeHours(entry: HandedOffHours): string {
  return JSON.stringify(entry, replacer);
}

export function deserializeHours(text: string): HandedOffHours {
  return JSON.parse(text, reviver) as HandedOffHours;
}

/** The file of a campus's series in the folder: a digest of its URN, so no name can leave the folder or be too long. */
export function handoffFileName(urn: string): string {
  const { createHash } = require("node:crypto") as typeof import("node:crypto");
  return `campus-${createHash("sha256").update(urn, "utf8").digest("hex")}.json`;
}

/** Writes one campus's series into `dir` under its URN. */
export function handOffSeries(dir: string, urn: string, series: CampusSeries): void {
  // Loaded only here: the model never touches the file system otherwise (it also runs where there is none).
  const fs = require("node:fs") as typeof import("node:fs");
  const path = require("node:path") as typeof import("node:path");
  const file = path.join(dir, handoffFileName(urn));
  const margin = series.supplyMarginK();
  fs.writeFileSync(`${file}.partial`, serializeHours({ urn, hours: series.hours, ...(margin ? { supplyMarginK: margin } : {}) }), { mode: 0o600 });
  fs.renameSync(`${file}.partial`, file);
}

/** The hand-off folder as a sink when the checker asked for the series (AICLUSTER_HOURS_HANDOFF set), else none. */
export function handOffSinkFromEnv(): SeriesSink | undefined {
  const dir = process.env[HOURS_HANDOFF_ENV];
  if (!dir) return undefined;
  return { keep: (urn, series) => void Promise.resolve(urn).then((u) => handOffSeries(dir, u, series)) };
}
