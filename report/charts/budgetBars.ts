/** The budget bars: each budget's tightest resource as the share of its limit used. */
import type { EChartsOption } from "echarts";
import { show } from "../../components/format/numbers";
import type { BudgetRow } from "../../plan/report";
import { showControls } from "../../plan/neutralise";
import { Chart, CHART_WIDTH, COLORS } from "./chart";
import { renderSvg } from "./svg";

/** How a budget stands: broken, within 20 % of its limit, or comfortable. */
export type BudgetState = "ok" | "tight" | "violated";

/** One bar of the budget chart. */
export interface BudgetBar {
  /** `policy: budget` (and the level when not mandatory). */
  label: string;
  /**
   * How much of the budget is used: used / limit (limit / used for a minimum), so above 1 means broken; Infinity
   * when a zero limit is broken; 0 when nothing of a zero limit is used.
   */
  load: number;
  /** Violated: headroom below 0; tight: under 20 % headroom; ok otherwise (a zero limit that holds is ok). */
  state: BudgetState;
  /** The numbers, e.g. `0.6065 of 0.52 MW`, prefixed with `violated:` when broken. */
  text: string;
}

/** Green from this share of headroom up. */
export const COMFORTABLE_HEADROOM = 0.2;

function loadOf(r: BudgetRow): number {
  if (r.bound === "max") {
    if (r.limit > 0) return r.used / r.limit;
    if (r.limit === 0) return r.used > 0 ? Infinity : 0;
    return 1 - (r.headroomShare ?? 0);
  }
  if (r.limit > 0) return r.used > 0 ? r.limit / r.used : Infinity;
  if (r.limit === 0) return r.used >= 0 ? 0 : Infinity;
  return 1 - (r.headroomShare ?? 0);
}

/** A budget row as a bar: its load, state and numbers. */
export function budgetBar(r: BudgetRow): BudgetBar {
  const violated = r.headroom < 0;
  const state: BudgetState = violated ? "violated" : r.limit === 0 || (r.headroomShare ?? 0) >= COMFORTABLE_HEADROOM ? "ok" : "tight";
  const unit = r.unit ? ` ${r.unit}` : "";
  const numbers = r.bound === "max" ? `${show(r.used)} of ${show(r.limit)}${unit}` : `${show(r.used)}${unit}, min ${show(r.limit)}`;
  const level = r.enforcementLevel === "mandatory" ? "" : ` (${r.enforcementLevel})`;
  return { label: `${r.policy}: ${r.budget}${level}`, load: loadOf(r), state, text: violated ? `violated: ${numbers}` : numbers };
}

/** The budget bars of a plan. */
export function budgetChart(rows: readonly BudgetRow[]): Chart {
  const id = "budget-bars";
  const caption = "Each budget's tightest resource: share of the limit used (a minimum: limit / value), green ≥ 20 % headroom, amber under 20 %, red broken";
  if (!rows.length) return { id, caption, marks: 0, skipped: "No budget was checked." };
  const bars = rows.map(budgetBar);
  const finite = bars.map((b) => b.load).filter(Number.isFinite);
  const axisMax = Math.min(2, Math.max(1.2, Math.ceil(Math.max(0, ...finite) * 10) / 10));
  const color = { ok: COLORS.ok, tight: COLORS.tight, violated: COLORS.violated };
  const svg = renderSvg({
    grid: { left: 380, right: 200, top: 24, bottom: 30 },
    xAxis: { type: "value", min: 0, max: axisMax, axisLabel: { formatter: (v: number) => `${Math.round(v * 100)} %` }, splitLine: { lineStyle: { color: "#e5e7eb" } } },
    yAxis: {
      type: "category", inverse: true, data: bars.map((b) => showControls(b.label)),
      axisLabel: { width: 370, overflow: "truncate", fontSize: 11, color: "#222" }, axisTick: { show: false },
    },
    series: [{
      type: "bar", silent: true, barMaxWidth: 18,
      data: bars.map((b) => ({
        value: Math.min(b.load, axisMax),
        itemStyle: { color: color[b.state] },
        label: {
          show: true, position: "right", fontSize: 11, formatter: b.text + (b.load > axisMax ? " (off scale)" : ""),
          color: b.state === "violated" ? COLORS.violated : "#222", fontWeight: b.state === "violated" ? "bold" : "normal",
        },
      })),
      markLine: { silent: true, symbol: "none", data: [{ xAxis: 1 }], lineStyle: { color: "#111", type: "dashed" }, label: { formatter: "limit", position: "start" } },
    }],
  } as EChartsOption, CHART_WIDTH, bars.length * 26 + 60, id, "Budget bars");
  return { id, caption, marks: bars.length, svg };
}
