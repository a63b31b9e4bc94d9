/** What every chart of the HTML report shares: the drawn result's shape, the width, the palette and how years are named. */

/** Width every chart is drawn at, px (the page is at most 1,100 px wide; the SVG scales down to fit A4). */
export const CHART_WIDTH = 1040;

/** A drawn chart, or why it was not drawn. */
export interface Chart {
  /** `data-chart` id, e.g. `power-sankey-prometheus`. */
  id: string;
  /** One line under the title: what is shown, units, year. */
  caption: string;
  /** The data marks a viewer should find (links of a Sankey, bars, heatmap cells), as `data-marks`. */
  marks: number;
  /** The SVG; absent when the chart was skipped (then `skipped` says why, in one sentence). */
  svg?: string;
  skipped?: string;
  /** Sentences shown under the chart (virtual PPAs, events). */
  notes?: string[];
}

/** The report's palette, one colour per meaning. */
export const COLORS = {
  firm: "#1f4e99",
  nonFirm: "#6f9fd8",
  unserved: "#c62828",
  facility: "#6b7280",
  it: "#2e7d32",
  overhead: "#ef8a17",
  water: "#1e88c8",
  evaporation: "#7fb8e0",
  blowdown: "#5c6bc0",
  unused: "#c9d6df",
  over: "#c62828",
  ok: "#2e7d32",
  tight: "#f0a30a",
  violated: "#c62828",
  capex: "#1f4e99",
  partner: "#8e6cc0",
  opex: "#ef8a17",
  depreciation: "#374151",
  lease: "#8e6cc0",
};

/** Text style of every chart. */
export const TEXT = { fontFamily: "sans-serif", fontSize: 12, color: "#222" };

/** A year as a caption says it. */
export const yearText = (year: number | undefined) => (year === undefined ? "the modelled year" : String(year));

/** A year as an axis labels it. */
export const yearLabel = (year: number | undefined) => (year === undefined ? "steady state" : String(year));

/** Why a chart that reads a campus's hours is not drawn when they were not kept (never drawn as zeros). */
export const HOURS_NOT_KEPT = "No hourly series for this campus: they were not kept (the model keeps the last 16 campuses it modelled in a process), so what each contract supplied is unknown.";

/** A finite number or undefined: what a chart may draw (NaN, Infinity and non-numbers are never drawn). */
export const finite = (v: unknown): v is number => typeof v === "number" && Number.isFinite(v);

/** A round step near `span / ticks` (1, 2 or 5 times a power of ten); 1 for a span that is not positive and finite. */
export function niceStep(span: number, ticks = 5): number {
  if (!(span > 0) || !Number.isFinite(span)) return 1;
  const raw = span / ticks;
  const power = 10 ** Math.floor(Math.log10(raw));
  const m = raw / power;
  return (m <= 1 ? 1 : m <= 2 ? 2 : m <= 5 ? 5 : 10) * power;
}

/**
 * Axis bounds around `lo`..`hi` on round steps, padded by a twentieth of the span; a zero span gets a width of its own
 * (a tenth of the value, or 1). Never below 0 when `lo` is not, so counts and hours keep their zero. Always finite;
 * `step` is the tick interval to give the axis (so its ticks fall on the bounds).
 */
export function niceExtent(lo: number, hi: number): { min: number; max: number; step: number } {
  let span = hi - lo;
  if (!(span > 0)) span = Math.abs(hi) > 0 ? Math.abs(hi) * 0.1 : 1;
  const pad = span / 20;
  const step = niceStep(span + 2 * pad);
  let min = Math.floor((lo - pad) / step) * step;
  const max = Math.ceil((hi + pad) / step) * step;
  if (lo >= 0 && min < 0) min = 0;
  return { min, max: max > min ? max : min + step, step };
}
