/** Hourly heatmaps: days across, hours of the day down, on the model's calendar. */
import type { EChartsOption } from "echarts";
import { MONTH_NAMES } from "../../components/hours/calendar";
import { MONTH_START_DAY } from "../../components/weather/calendar";
import { CHART_WIDTH } from "./chart";
import { renderSvg } from "./svg";

/** First day of each month in a 365-day year (the model's weather year) and the months' names: the model's calendar. */
const MONTH_START = MONTH_START_DAY;
const MONTHS = MONTH_NAMES;

/** The cells of an hourly series kept by `keep`: [day, hour of day, value] (hour 0 is 1 January 00:00). */
export function heatmapCells(series: readonly number[], keep: (v: number) => boolean): [number, number, number][] {
  const cells: [number, number, number][] = [];
  for (let h = 0; h < series.length; h++) if (keep(series[h])) cells.push([Math.floor(h / 24), h % 24, series[h]]);
  return cells;
}

/** Days × hours: 2 px per day and 7 px per hour keep cell edges on whole pixels. */
const DAY_PX = 2;
const HOUR_PX = 7;

/** A heatmap of `cells` over `days` × 24 hours, coloured by `visualMap`. */
export function heatmapChart(id: string, label: string, days: number, cells: [number, number, number][], visualMap: Record<string, unknown>): string {
  const left = 70;
  const width = days * DAY_PX;
  return renderSvg({
    grid: { left, top: 12, width, height: 24 * HOUR_PX },
    xAxis: {
      type: "category", data: Array.from({ length: days }, (_, d) => d), splitArea: { show: false },
      axisTick: { interval: (i: number) => MONTH_START.includes(i) }, axisLabel: { interval: (i: number) => MONTH_START.includes(i), formatter: (_: string, i: number) => MONTHS[MONTH_START.indexOf(i)] ?? "", fontSize: 11 },
    },
    yAxis: {
      type: "category", inverse: true, data: Array.from({ length: 24 }, (_, h) => h), name: "hour", nameLocation: "middle", nameGap: 34,
      axisTick: { interval: (i: number) => i % 6 === 0 }, axisLabel: { interval: (i: number) => i % 6 === 0, formatter: (v: string) => `${String(v).padStart(2, "0")}:00`, fontSize: 11 },
    },
    visualMap: { type: "continuous", calculable: false, orient: "vertical", left: left + width + 40, top: 20, itemHeight: 130, itemWidth: 14, textStyle: { fontSize: 11 }, seriesIndex: 0, dimension: 2, ...visualMap },
    series: [{ type: "heatmap", data: cells, progressive: 0, silent: true, emphasis: { disabled: true } }],
  } as EChartsOption, CHART_WIDTH, 24 * HOUR_PX + 50, id, label);
}
