/**
 * The HTML report's charts: the data each chart shows (plain functions, tested on their own) and the chart itself,
 * drawn by Apache ECharts on the server as static SVG (no DOM, no JavaScript in the page).
 *
 * ECharts is loaded when the first chart is drawn, so the report modules load without it; each chart instance is
 * disposed after rendering (an undisposed one keeps Node running). The SVG is cleaned for inlining many charts in
 * one page: ECharts' hover styles and classes are dropped (the page is static), its element ids (clip paths,
 * gradients) get a prefix per chart (ids are per document), and of its `ecmeta_*` attributes only
 * `ecmeta_series_index`/`ecmeta_data_index` on the chart's data elements stay (legends and visual maps lose theirs),
 * so a test can count a chart's data marks.
 */
import { MONTH_NAMES } from "../components/hours/calendar";
import { MONTH_START_DAY } from "../components/weather/calendar";
import type { EChartsOption } from "echarts";
import type { BudgetRow } from "../plan/report";
import type { CampusData, ContractFlow, HallStrip } from "./data";
import { show } from "../components/format/numbers";
import { htmlSafe, showControls, svgSafe } from "../plan/neutralise";

type Echarts = typeof import("echarts");

let loaded: Echarts | undefined;

/** ECharts, loaded on first use (a clear error when the package is missing). */
function echarts(): Echarts {
  if (!loaded) {
    try {
      loaded = require("echarts") as Echarts;
    } catch (e) {
      const err = e as NodeJS.ErrnoException;
      if (err.code === "MODULE_NOT_FOUND" && /echarts/.test(err.message)) throw new Error("the HTML report needs the echarts package: npm i -D echarts");
      throw e;
    }
  }
  return loaded;
}

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

const COLORS = {
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

const TEXT = { fontFamily: "sans-serif", fontSize: 12, color: "#222" };

/** `rgb(r,g,b)` → `#rrggbb` (shorter, and one spelling of each colour). */
function hexColor(_: string, r: string, g: string, b: string): string {
  return `#${[r, g, b].map((c) => Number(c).toString(16).padStart(2, "0")).join("")}`;
}

/**
 * ECharts' SVG made fit to inline next to others: hover styles and classes dropped, ids prefixed, `ecmeta_*` kept
 * only as series/data index on data elements, empty elements self-closed (valid in HTML's inline SVG). Names reach
 * it as text ECharts has escaped; svgSafe shows the controls ECharts passes through as escapes, and the label is
 * escaped as the page's text is.
 */
export function cleanSvg(svg: string, prefix: string, label: string): string {
  return svgSafe(svg)
    .replace(/<style[^>]*>[\s\S]*?<\/style>/g, "")
    .replace(/ class="zr\d+-cls-\d+"/g, "")
    .replace(/ pointer-events="visible"/g, "")
    .replace(/(id="|url\(#|href="#)zr\d+-/g, `$1${prefix}-`)
    .replace(/<(\w+)([^<>]*?ecmeta_[^<>]*?)>/g, (_, tag: string, attrs: string) => {
      const chart = / ecmeta_ssr_type="chart"/.test(attrs);
      const kept = chart
        ? attrs.replace(/ ecmeta_(?!series_index|data_index)\w+="[^"]*"/g, "")
        : attrs.replace(/ ecmeta_\w+="[^"]*"/g, "");
      return `<${tag}${kept}>`;
    })
    .replace(/rgb\((\d+),(\d+),(\d+)\)/g, hexColor)
    .replace(/<(path|rect|circle|line|polyline|polygon|image)([^<>]*?)><\/\1>/g, "<$1$2/>")
    // A function, not a string: `$&` or `$'` in a name would otherwise be read as replacement patterns.
    .replace(/^<svg /, () => `<svg role="img" aria-label="${htmlSafe(label)}" `);
}

/**
 * A chart id usable as a prefix of element ids: letters, digits, `-` and `_` only; an id that needed changing gets
 * a hash of itself appended, so two ids never map to one prefix.
 */
export function idPrefix(id: string): string {
  const safe = id.replace(/[^A-Za-z0-9_-]/g, "_");
  if (safe === id) return id;
  let h = 0x811c9dc5; // FNV-1a, 32 bits
  for (let i = 0; i < id.length; i++) h = Math.imul(h ^ id.charCodeAt(i), 0x01000193) >>> 0;
  return `${safe}-${h.toString(36)}`;
}

/** Draws an option as SVG (no animation), disposing the chart whatever happens; element ids get the chart's prefix. */
export function renderSvg(option: EChartsOption, width: number, height: number, id: string, label: string): string {
  const prefix = idPrefix(id);
  const chart = echarts().init(null, null, { renderer: "svg", ssr: true, width, height });
  try {
    chart.setOption({ animation: false, textStyle: { fontFamily: TEXT.fontFamily }, ...option });
    return cleanSvg(chart.renderToSVGString(), prefix, label);
  } finally {
    chart.dispose();
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Flows (Sankey data)

export interface FlowNode {
  name: string;
  color: string;
}

export interface Flow {
  source: string;
  target: string;
  value: number;
  /** Drawn in this colour (the colour of the end that is not the hub). */
  color: string;
}

/** A Sankey's nodes (unique names) and its non-zero links. */
export interface FlowGraph {
  nodes: FlowNode[];
  links: Flow[];
}

/** Sum of the links into and out of a node. */
export function nodeBalance(graph: FlowGraph, node: string): { inflow: number; outflow: number } {
  let inflow = 0;
  let outflow = 0;
  for (const l of graph.links) {
    if (l.target === node) inflow += l.value;
    if (l.source === node) outflow += l.value;
  }
  return { inflow, outflow };
}

class GraphBuilder {
  readonly nodes: FlowNode[] = [];
  readonly links: Flow[] = [];
  private readonly names = new Set<string>();

  /**
   * Adds a node; a name already taken gets a number (`name #2`). Returns the name used: the name as drawn, its
   * controls shown as escapes (a line feed would split the label; uniqueness is of what is drawn).
   */
  node(name: string, color: string): string {
    const drawn = showControls(name);
    let unique = drawn;
    for (let i = 2; this.names.has(unique); i++) unique = `${drawn} #${i}`;
    this.names.add(unique);
    this.nodes.push({ name: unique, color });
    return unique;
  }

  /** Adds a link when its value is positive and finite (zero flows are left out), coloured as `colorOf`'s node. */
  link(source: string, target: string, value: number, colorOf: string): void {
    const color = this.nodes.find((n) => n.name === colorOf)?.color ?? COLORS.facility;
    if (Number.isFinite(value) && value > 0) this.links.push({ source, target, value, color });
  }

  /** The graph without nodes no link touches. */
  graph(): FlowGraph {
    const used = new Set(this.links.flatMap((l) => [l.source, l.target]));
    return { nodes: this.nodes.filter((n) => used.has(n.name)), links: this.links };
  }
}

/** Whether a contract counts as firm: its firm MW is (nearly) all of its MW. */
function firmness(c: ContractFlow): string {
  if (c.firmMw <= 0) return `non-firm ${show(c.contractedMw)} MW`;
  if (c.firmMw >= c.contractedMw * (1 - 1e-9)) return `firm ${show(c.contractedMw)} MW`;
  return `${show(c.contractedMw)} MW, firm ${show(c.firmMw)}`;
}

export function contractLabel(c: ContractFlow): string {
  return `${c.name} (${c.source}, ${firmness(c)})`;
}

export const FACILITY = "facility";
export const UNSERVED = "unserved";
/** The aggregated non-IT uses of a campus's energy, in the order drawn, with the hall field each sums. */
export const OVERHEADS = [
  ["network", "networkMwh"],
  ["cooling", "coolingMwh"],
  ["electrical losses", "electricalLossMwh"],
  ["air handling", "airHandlingMwh"],
  ["CDU pumps", "cduPumpsMwh"],
] as const;

/**
 * A campus's energy in its full-build year, MWh: physical contracts (and unserved energy) into the facility, out to
 * each hall's racks and the campus's network, cooling, electrical losses, air handling and CDU pumps. Virtual PPAs
 * deliver no energy: they are left out (the chart names them in a note).
 */
export function powerFlows(campus: CampusData): FlowGraph {
  const g = new GraphBuilder();
  const facility = g.node(FACILITY, COLORS.facility);
  for (const c of campus.contracts) {
    if (c.delivery === "virtual") continue;
    const contract = g.node(contractLabel(c), c.firmMw > 0 ? COLORS.firm : COLORS.nonFirm);
    g.link(contract, facility, c.suppliedMwh, contract);
  }
  if (campus.unservedMwh > 0) {
    const unserved = g.node(UNSERVED, COLORS.unserved);
    g.link(unserved, facility, campus.unservedMwh, unserved);
  }
  for (const h of campus.halls) {
    const it = g.node(`IT ${h.name}`, COLORS.it);
    g.link(facility, it, h.racksMwh, it);
  }
  for (const [name, field] of OVERHEADS) {
    const use = g.node(name, COLORS.overhead);
    g.link(facility, use, campus.halls.reduce((s, h) => s + h[field], 0), use);
  }
  return g.graph();
}

export const PERMIT = "permit";
export const MAKEUP = "make-up water";
export const OVER_PERMIT = "beyond permit";
export const UNUSED_PERMIT = "unused permit";
export const EVAPORATION = "evaporation";
export const BLOWDOWN = "blowdown";

/**
 * A campus's plant water in a year, m³: the permit (or, without one, the make-up water) into each hall's plant, out
 * as evaporation and blowdown; the permit's headroom flows to "unused permit"; make-up above the permit comes from
 * "beyond permit" (each plant's share in proportion to its make-up). Undefined when no plant uses water.
 */
export function waterFlows(campus: CampusData): FlowGraph | undefined {
  const total = campus.plants.reduce((s, p) => s + p.makeupM3, 0);
  if (!(total > 0)) return undefined;
  const g = new GraphBuilder();
  const permit = campus.waterPermitM3PerYear;
  const source = g.node(permit === undefined ? MAKEUP : PERMIT, COLORS.water);
  const within = permit === undefined ? 1 : Math.min(permit, total) / total;
  const over = permit !== undefined && total > permit ? g.node(OVER_PERMIT, COLORS.over) : undefined;
  const evaporation = g.node(EVAPORATION, COLORS.evaporation);
  const blowdown = g.node(BLOWDOWN, COLORS.blowdown);
  for (const p of campus.plants) {
    const plant = g.node(`${p.hall} ${p.technology}`.trim(), COLORS.water);
    g.link(source, plant, p.makeupM3 * within, source);
    if (over) g.link(over, plant, p.makeupM3 * (1 - within), over);
    g.link(plant, evaporation, p.evaporationM3, evaporation);
    g.link(plant, blowdown, p.blowdownM3, blowdown);
  }
  if (permit !== undefined) {
    const unused = g.node(UNUSED_PERMIT, COLORS.unused);
    g.link(source, unused, permit - total, unused);
  }
  return g.graph();
}

interface LabelRect {
  x: number;
  y: number;
  width: number;
  height: number;
}

/**
 * Vertical offsets that pull apart overlapping labels of one column (labels at the same x), keeping them within
 * 0..height: each label moves down past the one above it, then the column moves up if it ran past the bottom.
 */
export function spreadLabels(rects: ReadonlyMap<number, LabelRect>, height: number, gap = 1): Map<number, number> {
  const columns = new Map<number, [number, LabelRect][]>();
  for (const [i, r] of rects) {
    const key = Math.round(r.x);
    (columns.get(key) ?? columns.set(key, []).get(key)!).push([i, r]);
  }
  const dy = new Map<number, number>();
  for (const column of columns.values()) {
    column.sort((a, b) => a[1].y - b[1].y || a[0] - b[0]);
    const tops = column.map(([, r]) => r.y);
    for (let k = 1; k < tops.length; k++) tops[k] = Math.max(tops[k], tops[k - 1] + column[k - 1][1].height + gap);
    const last = tops.length - 1;
    const over = tops[last] + column[last][1].height - height;
    if (over > 0) {
      tops[last] -= over;
      for (let k = last - 1; k >= 0; k--) tops[k] = Math.min(tops[k], tops[k + 1] - column[k][1].height - gap);
      const under = -tops[0];
      if (under > 0) for (let k = 0; k < tops.length; k++) tops[k] += under;
    }
    column.forEach(([i, r], k) => {
      if (Math.abs(tops[k] - r.y) > 0.01) dy.set(i, tops[k] - r.y);
    });
  }
  return dy;
}

/**
 * Nodes per column as ECharts lays a Sankey out (nodeAlign "justify"): a node's column is its longest path from a
 * source; nodes without outgoing links go to the last column.
 */
export function sankeyColumns(graph: FlowGraph): number[] {
  const depth = new Map<string, number>(graph.nodes.map((n) => [n.name, 0]));
  for (let pass = 0; pass < graph.nodes.length; pass++) {
    let changed = false;
    for (const l of graph.links) {
      const d = depth.get(l.source)! + 1;
      if (d > depth.get(l.target)!) {
        depth.set(l.target, d);
        changed = true;
      }
    }
    if (!changed) break;
  }
  const last = Math.max(0, ...depth.values());
  const counts = Array.from({ length: last + 1 }, () => 0);
  for (const n of graph.nodes) counts[graph.links.some((l) => l.source === n.name) ? depth.get(n.name)! : last]++;
  return counts;
}

type LabelLayoutParams = { dataIndex: number; dataType?: string; labelRect: LabelRect };

/**
 * A Sankey with each node labelled with its value. Small nodes' labels would overlap: the chart is laid out once to
 * read where ECharts puts the labels, then drawn with the overlapping ones moved apart (spreadLabels).
 */
function sankeyChart(id: string, graph: FlowGraph, unit: string, label: string): string {
  const height = Math.max(280, Math.max(...sankeyColumns(graph)) * 22 + 40);
  const index = new Map(graph.nodes.map((n, i) => [n.name, i]));
  const option = (labelLayout: (p: LabelLayoutParams) => { dy?: number }) => ({
    series: [{
      type: "sankey",
      left: 10, right: 330, top: 20, bottom: 20,
      nodeWidth: 14, nodeGap: 8, layoutIterations: 64, draggable: false, silent: true,
      emphasis: { disabled: true },
      label: { fontSize: 11, color: "#222", formatter: (p: { name?: string; value?: unknown }) => `${p.name}: ${show(Number(p.value))} ${unit}` },
      labelLayout,
      lineStyle: { opacity: 0.35, curveness: 0.5 },
      data: graph.nodes.map((n) => ({ name: n.name, itemStyle: { color: n.color } })),
      links: graph.links.map((l) => ({ source: index.get(l.source)!, target: index.get(l.target)!, value: l.value, lineStyle: { color: l.color } })),
    }],
  }) as EChartsOption;
  const rects = new Map<number, LabelRect>();
  const first = renderSvg(option((p) => {
    if (p.dataType !== "edge") rects.set(p.dataIndex, { ...p.labelRect });
    return {};
  }), CHART_WIDTH, height, id, label);
  const dy = spreadLabels(rects, height);
  if (!dy.size) return first;
  return renderSvg(option((p) => (p.dataType !== "edge" && dy.has(p.dataIndex) ? { dy: dy.get(p.dataIndex)! } : {})), CHART_WIDTH, height, id, label);
}

const yearText = (year: number | undefined) => (year === undefined ? "the modelled year" : String(year));

/** Why a chart that reads a campus's hours is not drawn when they were not kept (never drawn as zeros). */
export const HOURS_NOT_KEPT = "No hourly series for this campus: they were not kept (the model keeps the last 16 campuses it modelled in a process), so what each contract supplied is unknown.";

export function powerSankey(campus: CampusData): Chart {
  const id = `power-sankey-${campus.name}`;
  const caption = `Energy in ${yearText(campus.fullBuildYear)} (full build), MWh: contracts into the facility, out to the halls' racks and the campus's overheads`;
  if (!campus.hoursKept) return { id, caption, marks: 0, skipped: HOURS_NOT_KEPT, notes: [] };
  const graph = powerFlows(campus);
  const notes: string[] = [];
  const virtual = campus.contracts.filter((c) => c.delivery === "virtual");
  if (virtual.length) notes.push(`Virtual PPAs (certificates only, no energy delivered): ${virtual.map((c) => `${c.name} (${c.source}, ${show(c.contractedMw)} MW)`).join(", ")}.`);
  const idle = campus.contracts.filter((c) => c.delivery !== "virtual" && !(c.suppliedMwh > 0));
  if (idle.length) notes.push(`No energy taken from: ${idle.map((c) => c.name).join(", ")}.`);
  const { inflow, outflow } = nodeBalance(graph, FACILITY);
  if (Math.abs(inflow - outflow) > 1e-6 * Math.max(1, inflow, outflow)) notes.push(`Supply and use differ by ${show(inflow - outflow)} MWh.`);
  if (!graph.links.length) return { id, caption, marks: 0, skipped: "No energy flows in the full-build year.", notes };
  return { id, caption, marks: graph.links.length, svg: sankeyChart(id, graph, "MWh", `Power Sankey of ${campus.name}`), notes };
}

export function waterSankey(campus: CampusData): Chart {
  const id = `water-sankey-${campus.name}`;
  const caption = `Plant water in ${yearText(campus.fullBuildYear)}, m³: ${campus.waterPermitM3PerYear === undefined ? "make-up water" : "the permit"} into each hall's plant, out as evaporation and blowdown`;
  const graph = waterFlows(campus);
  if (!graph) {
    const permit = campus.waterPermitM3PerYear === undefined ? "" : ` (permit ${show(campus.waterPermitM3PerYear)} m³/yr unused)`;
    return { id, caption, marks: 0, skipped: `No plant uses water${permit}.` };
  }
  const notes: string[] = [];
  const total = campus.plants.reduce((s, p) => s + p.makeupM3, 0);
  if (campus.waterPermitM3PerYear !== undefined && total > campus.waterPermitM3PerYear) {
    notes.push(`Make-up water ${show(total)} m³ exceeds the permit of ${show(campus.waterPermitM3PerYear)} m³/yr by ${show(total - campus.waterPermitM3PerYear)} m³.`);
  }
  return { id, caption, marks: graph.links.length, svg: sankeyChart(id, graph, "m³", `Water Sankey of ${campus.name}`), notes };
}

// ---------------------------------------------------------------------------------------------------------------
// Budgets

export type BudgetState = "ok" | "tight" | "violated";

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

export function budgetBar(r: BudgetRow): BudgetBar {
  const violated = r.headroom < 0;
  const state: BudgetState = violated ? "violated" : r.limit === 0 || (r.headroomShare ?? 0) >= COMFORTABLE_HEADROOM ? "ok" : "tight";
  const unit = r.unit ? ` ${r.unit}` : "";
  const numbers = r.bound === "max" ? `${show(r.used)} of ${show(r.limit)}${unit}` : `${show(r.used)}${unit}, min ${show(r.limit)}`;
  const level = r.enforcementLevel === "mandatory" ? "" : ` (${r.enforcementLevel})`;
  return { label: `${r.policy}: ${r.budget}${level}`, load: loadOf(r), state, text: violated ? `violated: ${numbers}` : numbers };
}

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

// ---------------------------------------------------------------------------------------------------------------
// Hourly heatmaps

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

function heatmapChart(id: string, label: string, days: number, cells: [number, number, number][], visualMap: Record<string, unknown>): string {
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

export function marginHeatmap(campus: CampusData): Chart {
  const id = `margin-heatmap-${campus.name}`;
  const caption = `Supply-temperature margin by hour in ${yearText(campus.fullBuildYear)}, K (smallest over the liquid-cooled halls; negative, red: a rack loop gets warmer water than it asks for)`;
  if (!campus.hoursKept) return { id, caption, marks: 0, skipped: HOURS_NOT_KEPT };
  if (!campus.supplyMarginK?.length) return { id, caption, marks: 0, skipped: "No hourly supply-temperature margin: no hall has liquid-cooled racks and a plant the model checks." };
  const cells = heatmapCells(campus.supplyMarginK, Number.isFinite);
  const extent = Math.max(1e-9, ...cells.map((c) => Math.abs(c[2])));
  const bound = Number(extent.toPrecision(2)) >= extent ? Number(extent.toPrecision(2)) : extent;
  const days = Math.ceil(campus.supplyMarginK.length / 24);
  const svg = heatmapChart(id, `Supply-temperature margin of ${campus.name}`, days, cells, {
    min: -bound, max: bound, text: [`+${show(bound)} K`, `−${show(bound)} K`], inRange: { color: ["#b2182b", "#ef8a62", "#f7f7f7", "#67a9cf", "#2166ac"] },
  });
  const min = Math.min(...cells.map((c) => c[2]));
  const below = cells.filter((c) => c[2] < 0).length;
  const notes = [below ? `${below} hours below 0 K (lowest ${show(min)} K).` : `Every hour at or above 0 K (lowest ${show(min)} K).`];
  return { id, caption, marks: cells.length, svg, notes };
}

export function unservedHeatmap(campus: CampusData): Chart {
  const id = `unserved-heatmap-${campus.name}`;
  const caption = `Unserved power by hour in ${yearText(campus.fullBuildYear)}, MW (white: every MW served)`;
  if (!campus.unservedMw?.length) return { id, caption, marks: 0, skipped: "No hourly supply series: the campus's hours were not kept." };
  const cells = heatmapCells(campus.unservedMw, (v) => Number.isFinite(v) && v > 0);
  if (!cells.length) return { id, caption, marks: 0, skipped: `Every hour served in ${yearText(campus.fullBuildYear)}: no unserved power.` };
  const top = Math.max(1e-9, ...cells.map((c) => c[2]));
  const days = Math.ceil(campus.unservedMw.length / 24);
  const svg = heatmapChart(id, `Unserved power of ${campus.name}`, days, cells, {
    min: 0, max: top, text: [`${show(top)} MW`, "0"], inRange: { color: ["#fcbba1", "#fb6a4a", "#a50f15"] },
  });
  const notes = [`${cells.length} hours with unserved power (largest ${show(top)} MW, ${show(campus.unservedMwh)} MWh in all).`];
  return { id, caption, marks: cells.length, svg, notes };
}

// ---------------------------------------------------------------------------------------------------------------
// Year by year

const yearLabel = (year: number | undefined) => (year === undefined ? "steady state" : String(year));

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

// ---------------------------------------------------------------------------------------------------------------
// Halls

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
