/**
 * The money charts of a campus that published its finance (components/finance/types.ts): a cash-flow waterfall per
 * party (each year's base flow as a bar floating from the running total before it to the one after it, and a last
 * bar for the undiscounted total, the party's NPV in the caption), and its levelised cost per GPU-hour against the
 * market rental bands of its accelerators. A campus without finance (an older report) draws neither.
 */
import type { EChartsOption } from "echarts";
import { show, usd } from "../../components/format/numbers";
import type { CampusFinance, CashFlowRow, PartyRole, RentalBand } from "../../components/finance/types";
import type { CampusData } from "../data";
import { Chart, CHART_WIDTH, COLORS, finite, niceExtent, yearLabel } from "./chart";
import { renderSvg } from "./svg";

/** Colours of the waterfall: money received, money paid, a year with no flow, and the total. */
export const WATERFALL_COLORS = { received: "#2e7d32", paid: "#c62828", none: "#9ca3af", total: "#1f4e99" } as const;

/** The parties a waterfall is drawn for, in this order, and the cash-flow column of each. */
const PARTY_FLOW: Record<PartyRole, keyof Pick<CashFlowRow, "ownerUsd" | "partnerUsd" | "lendersUsd">> = {
  owner: "ownerUsd", partner: "partnerUsd", lenders: "lendersUsd",
};

/** A party's base flow of one row, USD (0 when missing or not finite: an older or partial row). */
const baseFlow = (row: CashFlowRow, role: PartyRole): number => {
  const v = row[PARTY_FLOW[role]]?.base;
  return finite(v) ? v : 0;
};

/** The cash-flow rows of a finance, in year order when every row is dated (as published otherwise). */
export function cashFlowRows(finance: CampusFinance): CashFlowRow[] {
  const rows = Array.isArray(finance.cashFlows) ? finance.cashFlows.filter((r) => r && typeof r === "object") : [];
  return rows.every((r) => finite(r.year)) ? [...rows].sort((a, b) => a.year! - b.year!) : rows;
}

/** The parties with a non-zero base flow in some year, in the order owner, partner, lenders. */
export function partiesWithFlows(finance: CampusFinance): PartyRole[] {
  const rows = cashFlowRows(finance);
  return (Object.keys(PARTY_FLOW) as PartyRole[]).filter((role) => rows.some((r) => baseFlow(r, role) !== 0));
}

/** One bar of a waterfall: a year's flow from the running total before it (`start`) to after it (`end`), or the total from 0. */
export interface WaterfallBar {
  /** Axis label: the year, or `total`. */
  label: string;
  /** `received` (flow > 0), `paid` (< 0), `none` (0) or `total`. */
  kind: "received" | "paid" | "none" | "total";
  /** The flow (for the total, the sum of the flows), USD. */
  value: number;
  start: number;
  end: number;
}

/** The waterfall of one party's base flows: a bar per row, then the total (the undiscounted sum of the flows). */
export function waterfallBars(finance: CampusFinance, role: PartyRole): WaterfallBar[] {
  let running = 0;
  const bars: WaterfallBar[] = cashFlowRows(finance).map((r) => {
    const value = baseFlow(r, role);
    const start = running;
    running += value;
    return { label: yearLabel(r.year), kind: value > 0 ? "received" : value < 0 ? "paid" : "none", value, start, end: running };
  });
  return [...bars, { label: "total", kind: "total", value: running, start: 0, end: running }];
}

/** The unit a set of USD figures is drawn in: thousand, million or billion USD by the largest magnitude. */
function usdScale(values: readonly number[]): { divisor: number; unit: string } {
  const top = Math.max(0, ...values.filter(finite).map(Math.abs));
  const [divisor, unit] = top >= 1e10 ? [1e9, "billion USD"] : top >= 1e7 ? [1e6, "million USD"] : [1e3, "thousand USD"];
  return { divisor, unit };
}

/** USD per GPU-hour to the cent (below a cent, four decimals): `$2.10`, `-$0.0042`; `-` when not finite. */
export const perGpuHour = (v: number | undefined) =>
  (finite(v) ? `${v < 0 ? "-" : ""}$${Math.abs(v) >= 0.01 || v === 0 ? Math.abs(v).toFixed(2) : Math.abs(v).toFixed(4)}` : "-");

/** A share per year as a percentage, or `-` when not finite. */
export const percent = (share: number | undefined) => (finite(share) ? `${show(share * 100)} %` : "-");

type Api = { value: (i: number) => number; coord: (v: number[]) => number[]; size: (v: number[]) => number[] };

/** Who a party is, from the published figures (its role when it has none). */
function partyName(finance: CampusFinance, role: PartyRole): string {
  const name = (Array.isArray(finance.parties) ? finance.parties : []).find((p) => p?.role === role)?.name;
  return typeof name === "string" && name ? name : role;
}

/** The cash-flow waterfall of one party of a campus (skipped, with a sentence, when it has no flow). */
export function cashFlowWaterfallChart(campus: CampusData, role: PartyRole): Chart {
  const id = `cash-flow-${role}-${campus.name}`;
  const finance = campus.finance;
  const name = finance ? partyName(finance, role) : role;
  const who = name === role ? role : `${role} (${name})`;
  if (!finance || !partiesWithFlows(finance).includes(role)) return { id, caption: `Cash flows of the ${who}`, marks: 0, skipped: `The ${who} has no cash flow.` };
  const bars = waterfallBars(finance, role);
  const total = bars[bars.length - 1].value;
  const { divisor, unit } = usdScale(bars.flatMap((b) => [b.start, b.end]));
  const scaled = (v: number) => Math.round((v / divisor) * 1000) / 1000;
  const party = (Array.isArray(finance.parties) ? finance.parties : []).find((p) => p?.role === role);
  const npv = party?.npvUsd?.base;
  const rate = finance.discountRate?.base;
  const stated = finite(finance.presentValueYear) ? `, stated in ${finance.presentValueYear}` : "";
  const npvText = finite(npv) ? `NPV ${usd(npv)} at the base discount rate ${percent(rate)}${stated}` : "NPV not published";
  const irr = party?.irr?.base;
  const caption = `Cash flows of the ${who}, ${unit}, base estimates: each year's flow as a bar from the running total before it to the one after it `
    + `(received green, paid red), then the total: ${usd(total)} undiscounted; ${npvText}${finite(irr) ? `; IRR ${percent(irr)}` : ""}`;
  const lo = Math.min(0, ...bars.map((b) => scaled(Math.min(b.start, b.end))));
  const hi = Math.max(0, ...bars.map((b) => scaled(Math.max(b.start, b.end))));
  const axis = niceExtent(lo, hi);
  const kinds = ["received", "paid", "none", "total"] as const;
  // One row per bar: [index, start, end, kind index].
  const data = bars.map((b, i) => [i, scaled(b.start), scaled(b.end), kinds.indexOf(b.kind)]);
  const last = bars.length - 1;
  const svg = renderSvg({
    title: { text: `${role}: ${name}`, left: 0, top: 0, textStyle: { fontSize: 12, fontWeight: "bold", color: "#222" } },
    legend: { top: 0, right: 0, textStyle: { fontSize: 11 }, data: ["received", "paid", "total"] },
    grid: { left: 80, right: 30, top: 44, bottom: 40 },
    xAxis: { type: "category", data: bars.map((b) => b.label), axisLabel: { interval: 0, fontSize: 10, rotate: bars.length > 30 ? 45 : 0 } },
    yAxis: {
      type: "value", min: axis.min, max: axis.max, interval: axis.step, name: unit, nameTextStyle: { fontSize: 11 },
      axisLabel: { formatter: (v: number) => show(v), fontSize: 11 }, splitLine: { lineStyle: { color: "#e5e7eb" } },
    },
    series: [
      // Legend entries only (a custom series has one colour in a legend).
      { type: "bar", name: "received", silent: true, data: [], itemStyle: { color: WATERFALL_COLORS.received } },
      { type: "bar", name: "paid", silent: true, data: [], itemStyle: { color: WATERFALL_COLORS.paid } },
      { type: "bar", name: "total", silent: true, data: [], itemStyle: { color: WATERFALL_COLORS.total } },
      {
        type: "custom", name: "waterfall", silent: true, clip: false, encode: { x: 0, y: [1, 2] }, data,
        renderItem: (_params: unknown, api: Api) => {
          const i = api.value(0);
          const start = api.value(1);
          const end = api.value(2);
          const kind = kinds[api.value(3)] ?? "none";
          const [x, y0] = api.coord([i, start]);
          const y1 = api.coord([i, end])[1];
          const band = api.size([1, 0])[0];
          const w = Math.max(2, Math.min(36, band * 0.7));
          const h = Math.max(1, Math.abs(y1 - y0));
          const top = y0 === y1 ? y0 - 0.5 : Math.min(y0, y1);
          const children: object[] = [{ type: "rect", shape: { x: x - w / 2, y: top, width: w, height: h }, style: { fill: WATERFALL_COLORS[kind] } }];
          // A thin dashed line from this bar's end to the next bar (the running total carried on).
          if (i < last) children.push({ type: "line", shape: { x1: x + w / 2, y1, x2: x + band - w / 2, y2: y1 }, style: { stroke: "#6b7280", lineWidth: 0.8, lineDash: [3, 2] } });
          if (kind === "total") {
            const below = end < 0;
            children.push({ type: "text", style: { x, y: below ? Math.max(y0, y1) + 3 : Math.min(y0, y1) - 3, text: `total ${show(end)}`, align: "center", verticalAlign: below ? "top" : "bottom", fontSize: 10, fill: "#111" } });
          }
          return { type: "group", children };
        },
      },
    ],
  } as EChartsOption, CHART_WIDTH, 320, id, `Cash flows of the ${who} of ${campus.name}`);
  return { id, caption, marks: bars.length, svg };
}

/** The waterfalls of a campus: one per party with a flow (none without finance). */
export function cashFlowCharts(campus: CampusData): Chart[] {
  return campus.finance ? partiesWithFlows(campus.finance).map((role) => cashFlowWaterfallChart(campus, role)) : [];
}

/** A band's low / base / high, each finite (a missing end falls back to the base). */
export function bandRange(b: RentalBand): { low: number; base: number; high: number } | undefined {
  const r = b?.usdPerGpuHour;
  if (!r || !finite(r.base)) return undefined;
  const low = finite(r.low) ? r.low : r.base;
  const high = finite(r.high) ? r.high : r.base;
  return { low: Math.min(low, high), base: r.base, high: Math.max(low, high) };
}

/** The rental bands a chart draws: those with a finite base price, as published. */
export function drawnBands(finance: CampusFinance): { band: RentalBand; range: { low: number; base: number; high: number } }[] {
  const bands = Array.isArray(finance.rentalBands) ? finance.rentalBands : [];
  return bands.flatMap((band) => {
    const range = bandRange(band);
    return range ? [{ band, range }] : [];
  });
}

/** The campus's levelised cost per GPU-hour, with finite ends (undefined when its base is not finite). */
export function levelisedRange(finance: CampusFinance): { low: number; base: number; high: number } | undefined {
  const r = finance.levelisedCostUsdPerGpuHour;
  if (!r || !finite(r.base)) return undefined;
  const low = finite(r.low) ? r.low : r.base;
  const high = finite(r.high) ? r.high : r.base;
  return { low: Math.min(low, high), base: r.base, high: Math.max(low, high) };
}

/** The grid of the rental-band chart, px. */
export const RENTAL_GRID = { left: 240, right: 190, top: 56, bottom: 44 };

/** The price axis of the rental-band chart: every band's ends and the levelised cost's, from 0 when all are positive. */
export function rentalAxis(finance: CampusFinance): { min: number; max: number; step: number } {
  const levelised = levelisedRange(finance);
  const values = [...drawnBands(finance).flatMap((b) => [b.range.low, b.range.high]), ...(levelised ? [levelised.low, levelised.high] : [])];
  return values.length ? niceExtent(Math.min(0, ...values), Math.max(...values)) : niceExtent(0, 1);
}

/** A band's axis label: accelerator and term. */
export const bandLabel = (b: RentalBand) => `${typeof b.accelerator === "string" ? b.accelerator : "?"}, ${typeof b.term === "string" ? b.term : "?"}`;

/** Whether a band prices one of the campus's own accelerators (a band that does not say so, from an older report, counts as its own). */
export const ofCampus = (b: RentalBand) => b?.ofCampus !== false;

/** Fill of a band's bar: the campus's own accelerators in blue, the catalog's others pale grey. */
export const BAND_COLORS = { own: COLORS.nonFirm, other: "#c9d6df" } as const;

/** The levelised cost of a campus against the market rental bands of its accelerators (skipped, with a sentence, when there is none). */
export function rentalBandChart(campus: CampusData): Chart {
  const id = `rental-bands-${campus.name}`;
  const finance = campus.finance;
  const caption = "Levelised cost per GPU-hour against market rental prices, USD per GPU-hour";
  if (!finance) return { id, caption, marks: 0, skipped: "No finance published for this campus." };
  const bands = drawnBands(finance);
  const levelised = levelisedRange(finance);
  if (!bands.length) {
    return { id, caption, marks: 0, skipped: `No market rental band in the catalog${levelised ? `; its levelised cost is ${perGpuHour(levelised.base)} per GPU-hour` : ""}.` };
  }
  const axis = rentalAxis(finance);
  const levelisedText = levelised
    ? `the campus's levelised cost (capital charge + opex over GPU-hours, discounted) ${perGpuHour(levelised.base)} as the red line, its low-high ${perGpuHour(levelised.low)}–${perGpuHour(levelised.high)} shaded`
    : "the campus's levelised cost is not known (no GPU-hours)";
  const others = bands.some((b) => !ofCampus(b.band));
  const bandText = others ? "; the campus's own accelerators in blue, the catalog's others grey" : "";
  const fullCaption = `${caption}: each rental band (accelerator, term) as a bar from its low to its high with its base marked${bandText}; ${levelisedText}`;
  // One row per band: [row, low, base, high, 1 when the campus runs its accelerator].
  const data = bands.map((b, i) => [i, b.range.low, b.range.base, b.range.high, ofCampus(b.band) ? 1 : 0]);
  const height = bands.length * 34 + RENTAL_GRID.top + RENTAL_GRID.bottom + 10;
  const svg = renderSvg({
    legend: { top: 0, textStyle: { fontSize: 11 }, data: ["rental band (low-high)", ...(others ? ["other accelerators"] : []), "band base", ...(levelised ? ["levelised cost"] : [])] },
    grid: RENTAL_GRID,
    xAxis: {
      type: "value", min: axis.min, max: axis.max, interval: axis.step, name: "USD per GPU-hour", nameLocation: "middle", nameGap: 26, nameTextStyle: { fontSize: 11 },
      axisLabel: { formatter: (v: number) => show(v), fontSize: 11 }, splitLine: { lineStyle: { color: "#e5e7eb" } },
    },
    yAxis: {
      type: "category", inverse: true, data: bands.map((b) => bandLabel(b.band) + (others && ofCampus(b.band) ? " (this campus)" : "")),
      axisLabel: { width: 230, overflow: "breakAll", fontSize: 11, color: "#222", lineHeight: 13 }, axisTick: { show: false },
    },
    // Legend entries first (series 0-3, always there; the legend shows those that apply), then the bands (4) and the levelised cost (5).
    series: [
      { type: "bar", name: "rental band (low-high)", silent: true, data: [], itemStyle: { color: BAND_COLORS.own } },
      { type: "bar", name: "other accelerators", silent: true, data: [], itemStyle: { color: BAND_COLORS.other } },
      { type: "bar", name: "band base", silent: true, data: [], itemStyle: { color: COLORS.firm } },
      { type: "bar", name: "levelised cost", silent: true, data: [], itemStyle: { color: COLORS.unserved } },
      {
        type: "custom", name: "bands", silent: true, clip: false, encode: { x: [1, 3], y: 0 }, data, z: 2,
        renderItem: (_params: unknown, api: Api) => {
          const row = api.value(0);
          const [x0, y] = api.coord([api.value(1), row]);
          const xb = api.coord([api.value(2), row])[0];
          const x1 = api.coord([api.value(3), row])[0];
          const h = Math.max(4, Math.min(18, api.size([0, 1])[1] * 0.55));
          const right = api.coord([axis.max, row])[0];
          return {
            type: "group",
            children: [
              { type: "rect", shape: { x: Math.min(x0, x1), y: y - h / 2, width: Math.max(2, Math.abs(x1 - x0)), height: h }, style: { fill: api.value(4) ? BAND_COLORS.own : BAND_COLORS.other } },
              { type: "line", shape: { x1: xb, y1: y - h / 2 - 3, x2: xb, y2: y + h / 2 + 3 }, style: { stroke: COLORS.firm, lineWidth: 3 } },
              { type: "text", style: { x: right + 8, y, text: `${perGpuHour(api.value(1))}–${perGpuHour(api.value(3))} (base ${perGpuHour(api.value(2))})`, verticalAlign: "middle", fontSize: 10, fill: "#444" } },
            ],
          };
        },
      },
      ...(levelised ? [{
        type: "custom", name: "levelised cost", silent: true, clip: false, encode: { x: [1, 2, 3], y: 0 }, data: [[0, levelised.low, levelised.base, levelised.high]], z: 3,
        renderItem: (params: { coordSys: { y: number; height: number } }, api: Api) => {
          const { y, height: h } = params.coordSys;
          const xl = api.coord([api.value(1), 0])[0];
          const xb = api.coord([api.value(2), 0])[0];
          const xh = api.coord([api.value(3), 0])[0];
          return {
            type: "group",
            children: [
              { type: "rect", shape: { x: Math.min(xl, xh), y, width: Math.max(1, Math.abs(xh - xl)), height: h }, style: { fill: COLORS.unserved, opacity: 0.12 } },
              { type: "line", shape: { x1: xb, y1: y, x2: xb, y2: y + h }, style: { stroke: COLORS.unserved, lineWidth: 2 } },
              { type: "text", style: { x: xb, y: y - 4, text: `levelised cost ${perGpuHour(api.value(2))}`, align: "center", verticalAlign: "bottom", fontSize: 10, fill: "#333" } },
            ],
          };
        },
      }] : []),
    ],
  } as EChartsOption, CHART_WIDTH, height, id, `Levelised cost of ${campus.name} against rental prices`);
  return { id, caption: fullCaption, marks: bands.length + (levelised ? 1 : 0), svg };
}
