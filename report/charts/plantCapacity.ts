/** The cooling-plant chart: each hall's plant, its heat load against its firm and installed capacity. */
import type { EChartsOption } from "echarts";
import { showControls } from "../../plan/neutralise";
import type { CampusData } from "../data";
import { Chart, CHART_WIDTH, COLORS } from "./chart";
import { renderSvg } from "./svg";

/** The cooling-plant chart of a campus, naming the plants whose heat load is above their firm capacity. */
export function plantCapacityChart(campus: CampusData): Chart {
  const id = `plant-capacity-${campus.name}`;
  const plants = campus.strips.flatMap((s) => (s.plant ? [{ hall: s.name, ...s.plant }] : []));
  const redundancies = [...new Set(plants.map((p) => p.redundancy))];
  const top = Math.max(0, ...plants.flatMap((p) => [p.heatLoadKw, p.firmCapacityKw, p.installedCapacityKw]));
  const [divisor, unit] = top >= 10_000 ? [1000, "MW"] : [1, "kW"];
  const caption = `Cooling plants, ${unit}: heat load against firm capacity (at the plant's redundancy${redundancies.length ? `, ${redundancies.join(", ")}` : ""}) and installed capacity (all units)`;
  if (!plants.length) return { id, caption, marks: 0, skipped: "No cooling plants." };
  const series = [
    { name: "heat load", values: plants.map((p) => p.heatLoadKw), color: COLORS.overhead },
    { name: "firm capacity", values: plants.map((p) => p.firmCapacityKw), color: COLORS.firm },
    { name: "installed (N)", values: plants.map((p) => p.installedCapacityKw), color: COLORS.nonFirm },
  ];
  const svg = renderSvg({
    legend: { top: 0, textStyle: { fontSize: 11 } },
    grid: { left: 70, right: 20, top: 40, bottom: 50 },
    xAxis: { type: "category", data: plants.map((p) => showControls(p.hall)), axisLabel: { fontSize: 10, interval: 0, rotate: plants.length > 12 ? 45 : 0 } },
    yAxis: { type: "value", name: unit, nameTextStyle: { fontSize: 11 }, splitLine: { lineStyle: { color: "#e5e7eb" } } },
    series: series.map((s) => ({
      type: "bar", name: s.name, silent: true, barMaxWidth: 16, itemStyle: { color: s.color },
      data: s.values.map((v) => (v > 0 ? Math.round((v / divisor) * 1000) / 1000 : "-")),
    })),
  } as EChartsOption, CHART_WIDTH, 300, id, `Cooling plant capacity of ${campus.name}`);
  const short = plants.filter((p) => p.heatLoadKw > p.firmCapacityKw);
  const notes = short.length ? [`Heat load above firm capacity: ${short.map((p) => p.hall).join(", ")}.`] : [];
  return { id, caption, marks: series.reduce((s, x) => s + x.values.filter((v) => v > 0).length, 0), svg, notes };
}
