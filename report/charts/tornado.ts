/**
 * The tornado of one budget (a confidence run's `tornado`): for each drawn figure that moves the budget, the used
 * value with that figure at its low and at its high (the others at the catalog's), as a horizontal bar from the base
 * used value (the plan's own, at catalog figures) to each end: light where the figure is at its low, dark at its high.
 * Largest swing on top; the base value and the limit (when it falls on the axis) as vertical lines.
 */
import type { EChartsOption } from "echarts";
import { quantity, show } from "../../components/format/numbers";
import type { BudgetConfidence, BudgetTornado, TornadoBar } from "../../plan/confidence/types";
import { showControls } from "../../plan/neutralise";
import { Chart, CHART_WIDTH, COLORS, finite, niceExtent } from "./chart";
import { renderSvg } from "./svg";

/** Why a budget has no tornado: no drawn figure, nor the weather years, moves it. */
export const UNMOVED = "moved by no drawn figure or weather year (the same at every figure's low and high)";

/** The bars a tornado draws: finite ends that differ, largest swing first (ties: the order the run gave). */
export function tornadoBars(t: BudgetTornado): TornadoBar[] {
  return t.bars
    .map((b, i) => ({ b, i }))
    .filter(({ b }) => finite(b.usedAtLow) && finite(b.usedAtHigh) && b.usedAtLow !== b.usedAtHigh)
    .map(({ b, i }) => ({ b: finite(b.swing) ? b : { ...b, swing: Math.abs(b.usedAtHigh - b.usedAtLow) }, i }))
    .sort((x, y) => y.b.swing - x.b.swing || x.i - y.i)
    .map(({ b }) => b);
}

/**
 * The value axis of a tornado: the bars' ends and the base value, widened to take in the limit when the limit lies
 * within two spans of them (a limit farther off would squash the bars into a sliver; the caption names it instead).
 */
export function tornadoAxis(bars: readonly TornadoBar[], base: number, limit: number | undefined): { min: number; max: number; step: number; limitShown: boolean } {
  const values = [base, ...bars.flatMap((b) => [b.usedAtLow, b.usedAtHigh])].filter(finite);
  let lo = Math.min(...values);
  let hi = Math.max(...values);
  const span = hi - lo;
  if (finite(limit) && limit >= lo - 2 * span && limit <= hi + 2 * span) {
    lo = Math.min(lo, limit);
    hi = Math.max(hi, limit);
  }
  const { min, max, step } = niceExtent(lo, hi);
  return { min, max, step, limitShown: finite(limit) && limit >= min && limit <= max };
}

const GRID = { left: 340, right: 170, top: 44, bottom: 44 };
const LOW = COLORS.nonFirm;
const HIGH = COLORS.firm;

/** The tornado chart of one budget; `budget` (its row of the confidence table) gives the limit. Skipped, with a sentence, when nothing moves it. */
export function tornadoChart(t: BudgetTornado, budget?: BudgetConfidence): Chart {
  const id = `tornado-${t.policy}-${t.budget}`;
  const bars = tornadoBars(t);
  const base = finite(t.baseUsed) ? t.baseUsed : undefined;
  const limit = budget && finite(budget.limit) ? budget.limit : undefined;
  const bound = budget?.bound === "min" ? "≥" : "≤";
  const unit = t.unit ? `, ${t.unit}` : "";
  if (!bars.length || base === undefined) {
    return { id, caption: `${t.policy}: ${t.budget}`, marks: 0, skipped: `${t.policy}: ${t.budget} is ${UNMOVED}.` };
  }
  const axis = tornadoAxis(bars, base, limit);
  const limitText = limit === undefined ? "" : `; limit ${bound} ${quantity(limit, t.unit)}${axis.limitShown ? " (dashed)" : " (off the axis)"}`;
  const caption = `${t.policy}: ${t.budget}${unit}: the used value with one figure at its low (light) and at its high (dark), the others at the catalog's (numbers: at low / at high); `
    + `base ${quantity(base, t.unit)} at catalog figures (grey line)${limitText}`;
  // The base and limit lines' labels sit above the plot; closer than 70 px they are one label.
  const plotWidth = CHART_WIDTH - GRID.left - GRID.right;
  const together = axis.limitShown && (Math.abs(limit! - base) / (axis.max - axis.min)) * plotWidth < 70;
  // One row per figure: [row, at low, at high]; the bars are drawn from the base value to each end.
  const data = bars.map((b, i) => [i, b.usedAtLow, b.usedAtHigh]);
  const height = bars.length * 30 + 104;
  const svg = renderSvg({
    legend: { top: 0, textStyle: { fontSize: 11 }, data: ["figure at its low", "figure at its high"] },
    grid: GRID,
    xAxis: {
      type: "value", min: axis.min, max: axis.max, interval: axis.step, name: t.unit, nameLocation: "middle", nameGap: 24, nameTextStyle: { fontSize: 11 },
      axisLabel: { formatter: (v: number) => show(v), fontSize: 11 }, splitLine: { lineStyle: { color: "#e5e7eb" } },
    },
    yAxis: {
      type: "category", inverse: true, data: bars.map((b) => showControls(b.figure)),
      axisLabel: { width: 330, overflow: "breakAll", fontSize: 11, color: "#222", lineHeight: 13 }, axisTick: { show: false },
    },
    series: [
      // Legend entries only (a custom series has one colour in a legend).
      { type: "bar", name: "figure at its low", silent: true, data: [], itemStyle: { color: LOW } },
      { type: "bar", name: "figure at its high", silent: true, data: [], itemStyle: { color: HIGH } },
      {
        type: "custom", name: "tornado", silent: true, clip: false, encode: { x: [1, 2], y: 0 }, data,
        renderItem: (_params: unknown, api: { value: (i: number) => number; coord: (v: number[]) => number[]; size: (v: number[]) => number[] }) => {
          const row = api.value(0);
          const atLow = api.value(1);
          const atHigh = api.value(2);
          const y = api.coord([base, row])[1];
          const h = Math.max(4, Math.min(18, api.size([0, 1])[1] * 0.6));
          const x0 = api.coord([base, row])[0];
          const rect = (end: number, fill: string) => {
            const x1 = api.coord([end, row])[0];
            return { type: "rect", shape: { x: Math.min(x0, x1), y: y - h / 2, width: Math.max(1, Math.abs(x1 - x0)), height: h }, style: { fill } };
          };
          // Both ends on one side of the base (a figure that moves the budget one way at either end): the longer one behind.
          const ends: [number, string][] = [[atLow, LOW], [atHigh, HIGH]];
          if (Math.abs(atLow - base) < Math.abs(atHigh - base)) ends.reverse();
          // The numbers in a column right of the plot, clear of the bars and lines.
          const right = api.coord([axis.max, row])[0];
          return {
            type: "group",
            children: [
              ...ends.map(([end, fill]) => rect(end, fill)),
              { type: "text", style: { x: right + 8, y, text: `${show(atLow)} / ${show(atHigh)}`, verticalAlign: "middle", fontSize: 10, fill: "#444" } },
            ],
          };
        },
      },
      // The base and limit as vertical lines over the plot's height, labelled above it (one series, one item: drawn once).
      {
        type: "custom", name: "lines", silent: true, clip: false, encode: { x: 1, y: 0 }, data: [[0, base]], z: 3,
        renderItem: (params: { coordSys: { y: number; height: number } }, api: { coord: (v: number[]) => number[] }) => {
          const { y, height: h } = params.coordSys;
          const line = (value: number, stroke: string, dashed: boolean) => ({
            type: "line", shape: { x1: api.coord([value, 0])[0], y1: y, x2: api.coord([value, 0])[0], y2: y + h },
            style: { stroke, lineWidth: 1.5, ...(dashed ? { lineDash: [5, 4] } : {}) },
          });
          const label = (value: number, text: string) => ({
            type: "text", style: { x: api.coord([value, 0])[0], y: y - 4, text, align: "center", verticalAlign: "bottom", fontSize: 10, fill: "#333" },
          });
          return {
            type: "group",
            children: [
              line(base, COLORS.facility, false),
              ...(axis.limitShown ? [line(limit!, "#111", true)] : []),
              label(base, together ? `base, limit ${bound} ${show(limit!)}` : "base"),
              ...(axis.limitShown && !together ? [label(limit!, `limit ${bound} ${show(limit!)}`)] : []),
            ],
          };
        },
      },
    ],
  } as EChartsOption, CHART_WIDTH, height, id, `Tornado of ${t.policy}: ${t.budget}`);
  return { id, caption, marks: bars.length, svg };
}
