/**
 * The confidence bands: for each budget of a confidence run, the used value's P10-P90 band over the samples, a mark
 * at P50 and at the base value (catalog figures), and the limit (with its low-high over the samples when it moves).
 *
 * One chart with one row per budget, not one small chart per budget: the point of the chart is to compare how close
 * each budget comes to its limit and how wide its spread is, which rows on one axis show at a glance; the tornado
 * charts below it show each budget in its own unit. So each row is normalised: values as a share of the budget's
 * limit (|limit|, so a negative limit keeps its side), the limit at 100 %. A limit of 0 (no unserved hours, no hour
 * missed) cannot be a scale: such a row is drawn as a share of its own largest value (base, P10-P90, limit range),
 * its limit at 0 %, and its label says so; a row whose values are all 0 is drawn on a scale of 1 (its unit).
 */
import type { EChartsOption } from "echarts";
import { quantity, show } from "../../components/format/numbers";
import type { BudgetConfidence, ConfidenceReport } from "../../plan/confidence/types";
import { showControls } from "../../plan/neutralise";
import { Chart, CHART_WIDTH, COLORS, finite } from "./chart";
import { renderSvg } from "./svg";

/** What the axis is cut at, as shares: a row beyond is drawn to the edge and labelled off scale. */
const AXIS_LOW = -1;
const AXIS_HIGH = 3;

/** One row of the band chart, normalised (shares of `scale`). */
export interface ConfidenceBand {
  /** `policy: budget (≤)`; `(≤ 0 *)` for a limit of 0 (the caption says what the star means). */
  label: string;
  status: BudgetConfidence["status"];
  /** What the row is divided by, in the budget's unit, and how it was chosen. */
  scale: number;
  scaledBy: "limit" | "largest value" | "unit";
  p10: number;
  p50: number;
  p90: number;
  base: number;
  limit: number;
  limitLow: number;
  limitHigh: number;
  /** The numbers, in the budget's unit, shown right of the row. */
  text: string;
}

/** A budget's row: its values divided by |limit|, or (limit 0) by its largest value, or by 1 (all 0). Undefined when a value is not finite. */
export function confidenceBand(b: BudgetConfidence): ConfidenceBand | undefined {
  const values = [b.baseUsed, b.p10, b.p50, b.p90, b.limit, b.limitLow, b.limitHigh];
  if (!values.every(finite)) return undefined;
  const largest = Math.max(...values.map(Math.abs));
  const [scale, scaledBy]: [number, ConfidenceBand["scaledBy"]] = b.limit !== 0 ? [Math.abs(b.limit), "limit"] : largest > 0 ? [largest, "largest value"] : [1, "unit"];
  const bound = b.bound === "min" ? "≥" : "≤";
  const range = b.p90 - b.p10 > 0 ? `P10-P90 ${show(b.p10)}-${quantity(b.p90, b.unit)}` : `P10-P90 ${quantity(b.p10, b.unit)}`;
  return {
    label: `${b.policy}: ${b.budget} (${bound}${scaledBy === "limit" ? "" : " 0 *"})`,
    status: b.status,
    scale, scaledBy,
    p10: b.p10 / scale, p50: b.p50 / scale, p90: b.p90 / scale, base: b.baseUsed / scale,
    limit: b.limit / scale, limitLow: b.limitLow / scale, limitHigh: b.limitHigh / scale,
    text: `${range}, limit ${bound} ${quantity(b.limit, b.unit)}`,
  };
}

const STATUS_COLOR = { holds: COLORS.ok, fragile: COLORS.tight, fails: COLORS.violated };
/** The numbers' colour: as the page's table states (amber text darker than the amber band, to read on white). */
const TEXT_COLOR = { holds: "#222", fragile: "#9a6700", fails: "#cf222e" };

/** The band chart of a confidence run: one band per budget with finite figures. */
export function confidenceBandsChart(c: ConfidenceReport): Chart {
  const id = "confidence-bands";
  const caption = "Each budget over the samples, as a share of its limit: the used value's P10-P90 (band: green holds, amber fragile, red fails), "
    + "P50 (white mark), the value at catalog figures (black diamond) and the limit (black line; grey: its low-high over the samples); a maximum breaks right of its line, a minimum left"
    + (c.budgets.some((b) => b.limit === 0) ? "; * a limit of 0 is no scale: that row is a share of its own largest value, its limit at 0 %" : "");
  const bands = c.budgets.map(confidenceBand).filter((b): b is ConfidenceBand => b !== undefined);
  if (!bands.length) return { id, caption, marks: 0, skipped: "No budget was sampled." };
  const all = bands.flatMap((b) => [b.p10, b.p90, b.base, b.limitLow, b.limitHigh]);
  const min = Math.max(AXIS_LOW, Math.floor(Math.min(0, ...all) * 5) / 5);
  const max = Math.min(AXIS_HIGH, Math.max(1.2, Math.ceil(Math.max(...all) * 5) / 5));
  const clamp = (v: number) => Math.min(max, Math.max(min, v));
  const off = (b: ConfidenceBand) => [b.p10, b.p90, b.base, b.limitLow, b.limitHigh].some((v) => v < min || v > max);
  // Row, P10, P90, P50, base, limit, limit low, limit high (shares, clamped to the axis).
  const data = bands.map((b, i) => [i, ...[b.p10, b.p90, b.p50, b.base, b.limit, b.limitLow, b.limitHigh].map(clamp)]);
  const svg = renderSvg({
    grid: { left: 360, right: 290, top: 16, bottom: 30 },
    xAxis: {
      type: "value", min, max, axisLabel: { formatter: (v: number) => `${show(v * 100)} %`, fontSize: 11 }, splitLine: { lineStyle: { color: "#e5e7eb" } },
    },
    yAxis: {
      type: "category", inverse: true, data: bands.map((b) => showControls(b.label)),
      axisLabel: { width: 350, overflow: "truncate", fontSize: 11, color: "#222" }, axisTick: { show: false },
    },
    series: [{
      type: "custom", name: "P10-P90", silent: true, clip: false, encode: { x: [1, 2, 3, 4, 5, 6, 7], y: 0 }, data,
      renderItem: (params: { dataIndex: number }, api: { value: (i: number) => number; coord: (v: number[]) => number[]; size: (v: number[]) => number[] }) => {
        const b = bands[params.dataIndex];
        const row = api.value(0);
        const x = (i: number) => api.coord([api.value(i), row])[0];
        const y = api.coord([0, row])[1];
        const h = Math.max(6, Math.min(16, api.size([0, 1])[1] * 0.55));
        const [p10, p90, p50, base, limit, limitLow, limitHigh] = [1, 2, 3, 4, 5, 6, 7].map(x);
        // A band of zero width (every sample the same) is still drawn, 2 px wide, so the row shows where it is.
        const left = Math.min(p10, p90);
        const width = Math.max(2, Math.abs(p90 - p10));
        return {
          type: "group",
          children: [
            ...(limitHigh - limitLow >= 1 ? [{ type: "rect", shape: { x: limitLow, y: y - h / 2 - 4, width: limitHigh - limitLow, height: h + 8 }, style: { fill: "#d1d5db" } }] : []),
            { type: "rect", shape: { x: width > 2 ? left : left - 1, y: y - h / 2, width, height: h }, style: { fill: STATUS_COLOR[b.status], opacity: 0.85 } },
            { type: "line", shape: { x1: p50, y1: y - h / 2, x2: p50, y2: y + h / 2 }, style: { stroke: "#fff", lineWidth: 2.5 } },
            { type: "polygon", shape: { points: [[base, y - 5], [base + 5, y], [base, y + 5], [base - 5, y]] }, style: { fill: "#111" } },
            { type: "line", shape: { x1: limit, y1: y - h / 2 - 5, x2: limit, y2: y + h / 2 + 5 }, style: { stroke: "#111", lineWidth: 2 } },
            // The numbers, right of the plot.
            {
              type: "text", silent: true,
              style: {
                x: api.coord([max, row])[0] + 8, y, verticalAlign: "middle", fontSize: 11, text: b.text + (off(b) ? " (off scale)" : ""),
                fill: TEXT_COLOR[b.status], fontWeight: b.status === "holds" ? "normal" : "bold",
              },
            },
          ],
        };
      },
    }],
  } as EChartsOption, CHART_WIDTH, bands.length * 28 + 50, id, "Confidence bands");
  return { id, caption, marks: bands.length, svg };
}
