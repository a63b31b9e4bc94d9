/** The cost chart: capex and opex by year (stacked bars), depreciation and lease payments (lines), base estimates. */
import type { EChartsOption } from "echarts";
import type { CampusData } from "../data";
import { Chart, CHART_WIDTH, COLORS, yearLabel } from "./chart";
import { renderSvg } from "./svg";

/** Bars of the cost chart: capex (or owner and partner capex) and opex, stacked, base estimates. */
export function costSeries(campus: CampusData): { name: string; values: number[]; color: string }[] {
  const rows = campus.costYears;
  const partner = rows.some((r) => r.partnerCapexUsd.base > 0);
  return [
    ...(partner
      ? [{ name: "owner capex", values: rows.map((r) => r.ownerCapexUsd.base), color: COLORS.capex }, { name: "partner capex", values: rows.map((r) => r.partnerCapexUsd.base), color: COLORS.partner }]
      : [{ name: "capex", values: rows.map((r) => r.capexUsd.base), color: COLORS.capex }]),
    { name: "opex", values: rows.map((r) => r.opexUsd.base), color: COLORS.opex },
  ];
}

/** Lines of the cost chart: depreciation, and lease payments when any. */
export function costLines(campus: CampusData): { name: string; values: number[]; color: string }[] {
  const rows = campus.costYears;
  return [
    { name: "depreciation", values: rows.map((r) => r.depreciationUsd.base), color: COLORS.depreciation },
    ...(rows.some((r) => r.leasePaymentsUsd.base > 0) ? [{ name: "lease payments", values: rows.map((r) => r.leasePaymentsUsd.base), color: COLORS.lease }] : []),
  ];
}

/** The cost chart of a campus, in thousand, million or billion USD by its largest figure. */
export function costChart(campus: CampusData): Chart {
  const id = `cost-by-year-${campus.name}`;
  const rows = campus.costYears;
  const bars = costSeries(campus);
  const lines = costLines(campus);
  const top = Math.max(0, ...bars.flatMap((b) => b.values), ...lines.flatMap((l) => l.values));
  const [divisor, unit] = top >= 1e10 ? [1e9, "billion USD"] : top >= 1e7 ? [1e6, "million USD"] : [1e3, "thousand USD"];
  const caption = `Cost by year, ${unit} (base estimates): capex placed in service and opex (stacked bars), depreciation${lines.length > 1 ? " and lease payments" : ""} (lines)`;
  if (!rows.length) return { id, caption, marks: 0, skipped: "No cost ledger: the campus is not priced." };
  const scaled = (v: number) => Math.round((v / divisor) * 1000) / 1000;
  const svg = renderSvg({
    legend: { top: 0, textStyle: { fontSize: 11 } },
    grid: { left: 80, right: 30, top: 40, bottom: 30 },
    xAxis: { type: "category", data: rows.map((r) => yearLabel(r.year)) },
    yAxis: { type: "value", name: unit, nameTextStyle: { fontSize: 11 }, splitLine: { lineStyle: { color: "#e5e7eb" } } },
    series: [
      ...bars.map((b) => ({ type: "bar", name: b.name, stack: "spend", silent: true, barMaxWidth: 32, itemStyle: { color: b.color }, data: b.values.map((v) => (v > 0 ? scaled(v) : "-")) })),
      ...lines.map((l) => ({ type: "line", name: l.name, silent: true, showAllSymbol: true, symbolSize: 5, itemStyle: { color: l.color }, data: l.values.map(scaled) })),
    ],
  } as EChartsOption, CHART_WIDTH, 300, id, `Cost by year of ${campus.name}`);
  const marks = bars.reduce((s, b) => s + b.values.filter((v) => v > 0).length, 0) + lines.length * rows.length;
  return { id, caption, marks, svg };
}
