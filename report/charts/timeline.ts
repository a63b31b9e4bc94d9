/** The timeline: year by year, firm and peak facility MW, halls online, contracts starting and ending. */
import type { EChartsOption } from "echarts";
import type { CampusData } from "../data";
import { Chart, CHART_WIDTH, COLORS, yearLabel } from "./chart";
import { renderSvg } from "./svg";

/** The number of marks a timeline draws: bars for years with halls online, two line points a year, event markers. */
export function timelineMarks(campus: CampusData): number {
  const rows = campus.years;
  return rows.filter((r) => r.hallsOnline > 0).length + 2 * rows.length
    + rows.filter((r) => r.contractsStarting.length > 0).length + rows.filter((r) => r.contractsEnding.length > 0).length;
}

/** One sentence per year with events: halls starting, contracts starting and ending. */
export function timelineEvents(campus: CampusData): string[] {
  return campus.years.flatMap((r) => {
    const parts = [
      r.hallsStarting.length ? `halls starting: ${r.hallsStarting.join(", ")}` : "",
      r.contractsStarting.length ? `contracts starting: ${r.contractsStarting.join(", ")}` : "",
      r.contractsEnding.length ? `contracts ending: ${r.contractsEnding.join(", ")}` : "",
    ].filter(Boolean);
    return parts.length ? [`${yearLabel(r.year)}: ${parts.join("; ")}.`] : [];
  });
}

/** The timeline of a campus, with one note per year with events. */
export function timelineChart(campus: CampusData): Chart {
  const id = `timeline-${campus.name}`;
  const caption = "Year by year: firm MW and peak facility MW (lines), halls online (bars, +N: halls starting), contracts starting (▲) and ending (▼)";
  const rows = campus.years;
  if (!rows.length) return { id, caption, marks: 0, skipped: "No year-by-year ledger." };
  const years = rows.map((r) => yearLabel(r.year));
  const marker = (pick: (r: (typeof rows)[number]) => string[], sign: string) =>
    rows.flatMap((r, i) => (pick(r).length ? [{ value: [years[i], r.firmMw], label: { show: true, formatter: `${sign}${pick(r).length}`, position: sign === "+" ? "top" : "bottom", fontSize: 10 } }] : []));
  const svg = renderSvg({
    legend: { top: 0, textStyle: { fontSize: 11 } },
    grid: { left: 70, right: 70, top: 40, bottom: 30 },
    xAxis: { type: "category", data: years },
    yAxis: [
      { type: "value", name: "MW", nameTextStyle: { fontSize: 11 }, splitLine: { lineStyle: { color: "#e5e7eb" } } },
      { type: "value", name: "halls", minInterval: 1, splitLine: { show: false }, nameTextStyle: { fontSize: 11 } },
    ],
    series: [
      {
        type: "bar", name: "halls online", yAxisIndex: 1, silent: true, barMaxWidth: 28, itemStyle: { color: "#cfd8e3" },
        data: rows.map((r) => (r.hallsOnline > 0 ? {
          value: r.hallsOnline,
          label: { show: r.hallsStarting.length > 0, position: "insideBottom", formatter: `+${r.hallsStarting.length}`, fontSize: 10, color: "#333" },
        } : "-")),
      },
      { type: "line", name: "firm MW", silent: true, showAllSymbol: true, symbolSize: 5, itemStyle: { color: COLORS.firm }, data: rows.map((r) => r.firmMw) },
      { type: "line", name: "peak facility MW", silent: true, showAllSymbol: true, symbolSize: 5, itemStyle: { color: COLORS.unserved }, data: rows.map((r) => r.peakFacilityPowerMw) },
      { type: "scatter", name: "contracts starting", silent: true, symbol: "triangle", symbolSize: 11, itemStyle: { color: "#2e7d32" }, data: marker((r) => r.contractsStarting, "+") },
      { type: "scatter", name: "contracts ending", silent: true, symbol: "triangle", symbolRotate: 180, symbolSize: 11, itemStyle: { color: "#6b7280" }, data: marker((r) => r.contractsEnding, "−") },
    ],
  } as EChartsOption, CHART_WIDTH, 320, id, `Timeline of ${campus.name}`);
  return { id, caption, marks: timelineMarks(campus), svg, notes: timelineEvents(campus) };
}
