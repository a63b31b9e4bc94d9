/** The confidence run's tables, the same cells in every format (each format escapes them its own way). */
import { quantity, show } from "../../components/format/numbers";
import type { ConfidenceReport } from "./types";

/** The sentence that says what was drawn and how. */
export function confidenceScope(c: ConfidenceReport): string {
  return `${show(c.samples)} samples (seed ${JSON.stringify(c.seed)}; ${c.method}) of ${show(c.figures.length)} figures with sourced ranges and ${show(c.weatherYears)} generated weather years${c.weatherFiles?.length ? ` and ${c.weatherFiles.length} EPW files (${c.weatherFiles.join(", ")})` : ""}; ${show(c.modelRuns)} model runs in ${show(c.wallSeconds)} s`;
}

export const CONFIDENCE_HEADER = ["policy", "budget", "at catalog figures", "P10", "P50", "P90", "limit", "headroom at P10", "P(violation)", "status"];

/** A share (0-1) as a percentage, e.g. `33.8 %`. */
export const percent = (x: number) => `${show(x * 100)} %`;

/** One row per budget. */
export function confidenceCells(c: ConfidenceReport): string[][] {
  return c.budgets.map((b) => [
    b.policy, b.budget, quantity(b.baseUsed, b.unit), quantity(b.p10, b.unit), quantity(b.p50, b.unit), quantity(b.p90, b.unit),
    `${b.bound === "min" ? "≥" : "≤"} ${quantity(b.limit, b.unit)}${b.limitHigh - b.limitLow > 1e-9 * Math.max(1, Math.abs(b.limit)) ? ` (${show(b.limitLow)}-${show(b.limitHigh)})` : ""}`, quantity(b.headroomP10, b.unit), percent(b.violationProbability),
    b.status === "fragile" ? `fragile (> ${percent(c.fragileAbove)}, ${c.fragileLevel})` : b.status,
  ]);
}

export const TORNADO_HEADER = ["policy", "budget", "figure", "at low", "at high", "swing"];

/** The tornado of each budget that some figure moves: its bars, largest swing first. */
export function tornadoCells(c: ConfidenceReport): string[][] {
  return c.tornado.flatMap((t) => t.bars.map((bar, i) => [
    i === 0 ? t.policy : "", i === 0 ? t.budget : "", bar.figure, quantity(bar.usedAtLow, t.unit), quantity(bar.usedAtHigh, t.unit), quantity(bar.swing, t.unit),
  ]));
}

/** Budgets no drawn figure or weather year moves. */
export function unmovedBudgets(c: ConfidenceReport): string[] {
  return c.tornado.filter((t) => t.bars.length === 0).map((t) => `${t.policy} ${t.budget}`);
}
