/** The hall strip: halls by rack group, each cell the IT load per rack as a share of what its racks may draw. */
import type { EChartsOption } from "echarts";
import { showControls } from "../../plan/neutralise";
import type { CampusData, HallStrip } from "../data";
import { Chart, CHART_WIDTH } from "./chart";
import { renderSvg } from "./svg";

/** A rack group's load as a share of what its racks may draw: IT load per rack / min(rating, the hall's cap). */
export function rackShare(strip: HallStrip, group: HallStrip["groups"][number]): number | undefined {
  const cap = strip.maxRackKw === undefined ? group.ratedKwPerRack : Math.min(group.ratedKwPerRack, strip.maxRackKw);
  return cap > 0 ? group.itLoadPerRackKw / cap : undefined;
}

/** The hall strip's cells: [group index, hall index, share]. */
export function stripCells(strips: readonly HallStrip[]): [number, number, number][] {
  return strips.flatMap((s, y) => s.groups.flatMap((g, x) => {
    const share = rackShare(s, g);
    return share === undefined ? [] : [[x, y, share] as [number, number, number]];
  }));
}

/** The hall strip of a campus, with its rack designs named. */
export function hallStripChart(campus: CampusData): Chart {
  const id = `hall-strip-${campus.name}`;
  const caption = "Halls (rows) by rack group (cells): IT load per rack as a share of the rack's rating (or the hall's rack cap, when lower)";
  const cells = stripCells(campus.strips);
  if (!cells.length) return { id, caption, marks: 0, skipped: "No rack groups." };
  const groups = Math.max(...campus.strips.map((s) => s.groups.length));
  const designs = [...new Set(campus.strips.flatMap((s) => s.groups.map((g) => g.design)))];
  const height = campus.strips.length * 16 + 70;
  // Cells at most 24 px wide: a hall of a few groups stays a strip.
  const width = Math.min(CHART_WIDTH - 90 - 170, Math.max(240, groups * 24));
  const svg = renderSvg({
    grid: { left: 90, width, top: 12, bottom: 40 },
    xAxis: { type: "category", name: "rack group", nameLocation: "middle", nameGap: 24, nameTextStyle: { fontSize: 11 }, data: Array.from({ length: groups }, (_, i) => i + 1), axisLabel: { fontSize: 10 } },
    yAxis: { type: "category", inverse: true, data: campus.strips.map((s) => showControls(s.name)), axisLabel: { fontSize: 10, interval: 0 } },
    visualMap: {
      type: "piecewise", dimension: 2, seriesIndex: 0, orient: "vertical", left: 90 + width + 30, top: 10, textStyle: { fontSize: 11 }, itemWidth: 14, itemHeight: 10,
      pieces: [
        { lt: 0.7, label: "< 70 %", color: "#c7e9c0" },
        { gte: 0.7, lt: 0.85, label: "70-85 %", color: "#74c476" },
        { gte: 0.85, lt: 0.95, label: "85-95 %", color: "#238b45" },
        { gte: 0.95, lte: 1, label: "95-100 %", color: "#f0a30a" },
        { gt: 1, label: "> 100 %", color: "#c62828" },
      ],
    },
    series: [{ type: "heatmap", data: cells, progressive: 0, silent: true, emphasis: { disabled: true }, itemStyle: { borderColor: "#fff", borderWidth: groups > 80 ? 0 : 1 } }],
  } as EChartsOption, CHART_WIDTH, height, id, `Hall strip of ${campus.name}`);
  return { id, caption, marks: cells.length, svg, notes: [`Rack designs: ${designs.join(", ")}.`] };
}
