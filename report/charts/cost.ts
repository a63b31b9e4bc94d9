/**
 * The cost chart: capex and opex by year (stacked bars), depreciation and lease payments (lines), base estimates, with
 * their low-high estimates where the cost ledger has a range: whiskers on the bars, shaded bands along the lines.
 */
import type { EChartsOption } from "echarts";
import type { CostYearRow } from "../../components/costs/campusCost";
import type { CampusData } from "../data";
import { Chart, CHART_WIDTH, COLORS, finite, yearLabel } from "./chart";
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

/** One year's low-high of a cost chart series, USD, where the estimates differ. */
export interface CostRange {
  /** The series: `capex` (all capex, owner and partner together), `opex`, `depreciation` or `lease payments`. */
  name: string;
  /** Row (year) index. */
  row: number;
  low: number;
  base: number;
  high: number;
  /** Where the range sits: added to low and high as drawn (opex is stacked on base capex; 0 for the others). */
  offset: number;
}

/** A range is drawn only where the estimates differ (a point estimate has none: none is invented). */
const hasRange = (r: { low: number; base: number; high: number }) =>
  finite(r.low) && finite(r.base) && finite(r.high) && r.high - r.low > 1e-9 * Math.max(1, Math.abs(r.base));

/**
 * The low-high ranges of the cost chart, per series and year: whiskers for the bars (capex on the capex stack, opex on
 * the opex bar stacked on base capex) and bands for the lines. A series whose estimates never differ has none.
 */
export function costRanges(campus: CampusData): CostRange[] {
  const rows = campus.costYears;
  const capexBase = (r: CostYearRow) => (r.capexUsd.base > 0 ? r.capexUsd.base : 0);
  const pick = (name: string, range: (r: CostYearRow) => CostYearRow["capexUsd"], offset: (r: CostYearRow) => number = () => 0) =>
    rows.flatMap((r, row) => (hasRange(range(r)) ? [{ name, row, ...pickRange(range(r)), offset: offset(r) }] : []));
  const lease = rows.some((r) => r.leasePaymentsUsd.base > 0);
  return [
    ...pick("capex", (r) => r.capexUsd),
    ...pick("opex", (r) => r.opexUsd, capexBase),
    ...pick("depreciation", (r) => r.depreciationUsd),
    ...(lease ? pick("lease payments", (r) => r.leasePaymentsUsd) : []),
  ];
}

const pickRange = (r: { low: number; base: number; high: number }) => ({ low: r.low, base: r.base, high: r.high });

type Api = { value: (i: number) => number; coord: (v: number[]) => number[]; size: (v: number[]) => number[] };

/** Whiskers of a bar series: a vertical line from low to high with caps, shifted `dx` px from the bar's centre in the rows `shifted`. */
function whiskers(name: string, color: string, data: number[][], dx: number, shifted: ReadonlySet<number>) {
  return {
    type: "custom", name, silent: true, clip: true, encode: { x: 0, y: [1, 2] }, data, z: 5,
    renderItem: (_params: unknown, api: Api) => {
      const [x, y0] = api.coord([api.value(0), api.value(1)]);
      const y1 = api.coord([api.value(0), api.value(2)])[1];
      const cx = x + (shifted.has(api.value(0)) ? dx : 0);
      const style = { stroke: color, lineWidth: 1.5 };
      return {
        type: "group",
        children: [
          { type: "line", shape: { x1: cx, y1: y0, x2: cx, y2: y1 }, style },
          { type: "line", shape: { x1: cx - 4, y1: y0, x2: cx + 4, y2: y0 }, style },
          { type: "line", shape: { x1: cx - 4, y1: y1, x2: cx + 4, y2: y1 }, style },
        ],
      };
    },
  };
}

/** A band along a line series: each year's low-high joined to the next year's by a shaded quadrilateral; one year alone: a wide pale whisker. */
function band(name: string, color: string, data: number[][]) {
  return {
    type: "custom", name, silent: true, clip: true, encode: { x: 0, y: [1, 2] }, data, z: 1,
    renderItem: (params: { dataIndex: number }, api: Api) => {
      const here = data[params.dataIndex];
      const next = data[params.dataIndex + 1];
      if (data.length === 1) {
        const [x, y0] = api.coord([here[0], here[1]]);
        const y1 = api.coord([here[0], here[2]])[1];
        return { type: "line", shape: { x1: x, y1: y0, x2: x, y2: y1 }, style: { stroke: color, lineWidth: 8, opacity: 0.3 } };
      }
      if (!next) return { type: "group", children: [] };
      const points = [api.coord([here[0], here[1]]), api.coord([next[0], next[1]]), api.coord([next[0], next[2]]), api.coord([here[0], here[2]])];
      return { type: "polygon", shape: { points }, style: { fill: color, opacity: 0.18 } };
    },
  };
}

/** The cost chart of a campus, in thousand, million or billion USD by its largest figure. */
export function costChart(campus: CampusData): Chart {
  const id = `cost-by-year-${campus.name}`;
  const rows = campus.costYears;
  const bars = costSeries(campus);
  const lines = costLines(campus);
  const ranges = costRanges(campus);
  const top = Math.max(0, ...bars.flatMap((b) => b.values), ...lines.flatMap((l) => l.values), ...ranges.map((r) => r.offset + r.high).filter(finite));
  const [divisor, unit] = top >= 1e10 ? [1e9, "billion USD"] : top >= 1e7 ? [1e6, "million USD"] : [1e3, "thousand USD"];
  const ranged = new Set(ranges.map((r) => r.name));
  const drawn = [
    ...(["capex", "opex"].some((n) => ranged.has(n)) ? [`whiskers on the bars (${["capex", "opex"].filter((n) => ranged.has(n)).join(", ")})`] : []),
    ...(lines.some((l) => ranged.has(l.name)) ? [`shaded bands along the lines (${lines.filter((l) => ranged.has(l.name)).map((l) => l.name).join(", ")})`] : []),
  ];
  const rangeText = drawn.length ? `; low-high estimates as ${drawn.join(" and ")}` : "";
  const caption = `Cost by year, ${unit} (base estimates): capex placed in service and opex (stacked bars), depreciation${lines.length > 1 ? " and lease payments" : ""} (lines)${rangeText}`;
  if (!rows.length) return { id, caption, marks: 0, skipped: "No cost ledger: the campus is not priced." };
  const scaled = (v: number) => Math.round((v / divisor) * 1000) / 1000;
  const whiskerData = (name: string) => ranges.filter((r) => r.name === name).map((r) => [r.row, scaled(r.offset + r.low), scaled(r.offset + r.high)]);
  // A line with a range in some year is banded over every year (where low = high the band narrows to the line).
  const bandData = (l: { name: string }) => rows.map((r, i) => {
    const range = l.name === "depreciation" ? r.depreciationUsd : r.leasePaymentsUsd;
    return [i, scaled(finite(range.low) ? range.low : range.base), scaled(finite(range.high) ? range.high : range.base)];
  });
  // Darker than the bars they sit on, so they show on them; side by side on the one stacked bar when both have a range.
  const whiskerColor = { capex: "#0b2a5b", opex: "#7a3f00" };
  const rowsOf = (name: string) => new Set(ranges.filter((r) => r.name === name).map((r) => r.row));
  const both = new Set([...rowsOf("capex")].filter((row) => rowsOf("opex").has(row)));
  const svg = renderSvg({
    legend: { top: 0, textStyle: { fontSize: 11 }, data: [...bars, ...lines].map((x) => x.name) },
    grid: { left: 80, right: 30, top: 40, bottom: 30 },
    xAxis: { type: "category", data: rows.map((r) => yearLabel(r.year)) },
    yAxis: { type: "value", name: unit, nameTextStyle: { fontSize: 11 }, splitLine: { lineStyle: { color: "#e5e7eb" } } },
    series: [
      ...bars.map((b) => ({ type: "bar", name: b.name, stack: "spend", silent: true, barMaxWidth: 32, itemStyle: { color: b.color }, data: b.values.map((v) => (v > 0 ? scaled(v) : "-")) })),
      ...lines.map((l) => ({ type: "line", name: l.name, silent: true, showAllSymbol: true, symbolSize: 5, itemStyle: { color: l.color }, data: l.values.map(scaled) })),
      ...(["capex", "opex"] as const).filter((n) => ranged.has(n)).map((n) => whiskers(`${n} low-high`, whiskerColor[n], whiskerData(n), n === "capex" ? -6 : 6, both)),
      ...lines.filter((l) => ranged.has(l.name)).map((l) => band(`${l.name} low-high`, l.color, bandData(l))),
    ],
  } as EChartsOption, CHART_WIDTH, 300, id, `Cost by year of ${campus.name}`);
  const marks = bars.reduce((s, b) => s + b.values.filter((v) => v > 0).length, 0) + lines.length * rows.length;
  return { id, caption, marks, svg };
}
