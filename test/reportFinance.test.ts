/**
 * The HTML report's money: from a hand-made PlanReport whose campus published its finance, the cash-flow waterfall
 * of each party with a flow (one bar a year and the total, coloured by sign, the total the hand-summed flows), the
 * levelised cost against the rental bands (a bar per band, the marker at the levelised base), the money tables,
 * hostile names escaped in the page and in the SVG, and nothing drawn for a report without finance.
 */
import { describe, expect, it } from "vitest";
import { figures, type Figure } from "./helpers/htmlFigures";
import type { CostYearRow } from "../components/costs/campusCost";
import type { CampusFinance, CashFlowRow } from "../components/finance/types";
import type { PlanReport } from "../plan/report";
import type { ResourceView } from "../policies/view";
import { TYPES } from "../policies/view";
import { htmlReport, reportData, type CampusData, type ReportData } from "../report";
import {
  BAND_COLORS, CHART_WIDTH, cashFlowCharts, partiesWithFlows, RENTAL_GRID, rentalAxis, rentalBandChart, WATERFALL_COLORS, waterfallBars,
} from "../report/charts";

// ---------------------------------------------------------------------------------------------------------------
// The fixture

const HOSTILE = `<img src=x onerror=alert(1)></svg>`;
const CAMPUS = "money-campus";

const range = (base: number) => ({ low: base < 0 ? base * 0.8 : base * 0.8, base, high: base * 1.25 });
const point = (base: number) => ({ low: base, base, high: base });

/** Base flows per year, USD, by hand. */
const YEARS = [2026, 2027, 2028, 2029, 2030, 2031];
const OWNER = [-800e6, -400e6, 50e6, 120e6, 0, 150e6];
const PARTNER = [-300e6, 0, 90e6, 90e6, 90e6, 90e6];
/** Summed by hand: −800 − 400 + 50 + 120 + 0 + 150 and −300 + 0 + 4 × 90 (million USD). */
const OWNER_TOTAL = -880e6;
const PARTNER_TOTAL = 60e6;

function cashFlows(): CashFlowRow[] {
  return YEARS.map((year, i) => ({
    year, projectUsd: range(OWNER[i] + PARTNER[i]), ownerUsd: range(OWNER[i]), partnerUsd: range(PARTNER[i]), lendersUsd: point(0),
  }));
}

function finance(over: Partial<CampusFinance> = {}): CampusFinance {
  return {
    structure: "joint-venture",
    costOfCapital: "hyperscaler-wacc",
    discountRate: { low: 0.06, base: 0.075, high: 0.09 },
    presentValueYear: 2026,
    tcoUsd: range(5e9),
    presentValueCostUsd: range(3e9),
    residualValueUsd: range(4e8),
    npvUsd: range(-2.6e9),
    levelisedCostUsdPerGpuHour: { low: 1.6, base: 2.1, high: 2.9 },
    refreshCapexUsd: range(1e9),
    refreshes: [{ year: 2030, asset: "hall-1", category: "it-hardware", toDesign: "vr200-nvl144", capexUsd: range(1e9) }],
    cashFlows: cashFlows(),
    parties: [
      { role: "owner", name: "operator", npvUsd: range(-7.5e8), irr: {} },
      { role: "partner", name: HOSTILE, npvUsd: range(2.1e7), irr: { low: 0.05, base: 0.08, high: 0.1 } },
      { role: "lenders", name: "lenders", npvUsd: point(0) },
    ],
    rentalBands: [
      { id: "gb300-on-demand", accelerator: "gb300", term: "on-demand", ofCampus: true, usdPerGpuHour: { low: 3, base: 4.2, high: 6 }, source: "Cloud list prices", checked: "2026-01-10" },
      { id: "h100-1y<b>", accelerator: "h100", term: "1-year reserved", ofCampus: false, usdPerGpuHour: { low: 1.8, base: 2.4, high: 3.1 }, source: `Broker survey </svg><script>alert(2)</script>`, checked: "2026-02-01" },
      { id: "b200-3y", accelerator: "b200", term: "3-year reserved", ofCampus: true, usdPerGpuHour: { low: 2.2, base: 2.9, high: 3.4 }, source: "Vendor quote", checked: "2025-11-30" },
    ],
    ...over,
  };
}

/** A cost row as reports had it before the money columns (no refresh, capacity, demand, PPA or capital columns). */
function oldCostRow(year: number): CostYearRow {
  return {
    year, capexUsd: range(5e6), ownerCapexUsd: range(5e6), partnerCapexUsd: point(0), energyCostUsd: range(8e4), waterCostUsd: point(0),
    maintenanceUsd: range(2e4), opexUsd: range(1e5), depreciationUsd: range(5e5), leasePaymentsUsd: point(0), gpuHours: 1e6,
    costUsdPerGpuHour: range(2), energyCostUsdPerMwh: range(80),
  } as unknown as CostYearRow;
}

/** The campus as the plan's views have it (the report reads the rest from the PlanReport). */
const views: ResourceView[] = [{ type: TYPES.campus, urn: `urn:campus:${CAMPUS}`, name: CAMPUS, props: {} }];

/** A hand-made PlanReport: one campus, its cost ledger and (unless `withFinance` is false) its finance. */
function planReport(withFinance: CampusFinance | false = finance()): PlanReport {
  return {
    project: "aicluster", stack: "money", config: {}, resourceCount: 1, resourcesByType: [], tree: [], outputs: {}, budgets: [],
    years: [],
    costs: [{
      campus: CAMPUS, fullBuildYear: 2027, capex: [], rows: YEARS.map(oldCostRow), costMissing: [],
      ...(withFinance ? { finance: withFinance } : {}),
    }],
    monthly: [], findings: [], verdict: "pass", wallSeconds: 0,
  } as PlanReport;
}

const dataOf = (report: PlanReport): ReportData => reportData({ views, series: new Map() }, report);

// ---------------------------------------------------------------------------------------------------------------
// Reading the page

const NOT_FINITE = /\bNaN\b|Infinity|\bundefined\b|\bnull\b/;

/** The campus section's money part: from its heading to the next one. */
const moneyPart = (html: string) => html.match(/<h3>Money<\/h3>[\s\S]*?(?=<h3>Halls<\/h3>)/)?.[0];

/** Rectangles a custom series drew (`M x y l w 0 l 0 h l -w 0Z`), with their fill and data index. */
function rects(svg: string, series: number): { data: number; x: number; y: number; width: number; height: number; fill: string }[] {
  return [...svg.matchAll(/<path d="M(-?[\d.]+) (-?[\d.]+)l(-?[\d.]+) 0l0 (-?[\d.]+)l-?[\d.]+ 0Z" fill="([^"]*)"[^>]*ecmeta_series_index="(\d+)" ecmeta_data_index="(\d+)"/g)]
    .filter((m) => Number(m[6]) === series)
    .map((m) => ({ data: Number(m[7]), x: Number(m[1]), y: Number(m[2]), width: Number(m[3]), height: Number(m[4]), fill: m[5] }));
}

/** Vertical lines a custom series drew (`M x y0 L x y1`), with their data index. */
function verticals(svg: string, series: number): { data: number; x: number; stroke: string }[] {
  return [...svg.matchAll(/<path d="M(-?[\d.]+) (-?[\d.]+)L(-?[\d.]+) (-?[\d.]+)"[^>]*stroke="([^"]*)"[^>]*ecmeta_series_index="(\d+)" ecmeta_data_index="(\d+)"/g)]
    .filter((m) => Number(m[6]) === series && Math.abs(Number(m[1]) - Number(m[3])) < 1e-6)
    .map((m) => ({ data: Number(m[7]), x: Number(m[1]), stroke: m[5] }));
}

/** Within a pixel (ECharts snaps rectangles to half pixels). */
const near = (a: number, b: number) => expect(Math.abs(a - b)).toBeLessThan(1);

/** One column of a table's body rows. */
const tableColumn = (table: string, column: number) =>
  [...table.matchAll(/<tr>([\s\S]*?)<\/tr>/g)].slice(1).map((r) => [...r[1].matchAll(/<td[^>]*>([\s\S]*?)<\/td>/g)][column]?.[1]);

const texts = (svg: string) => [...svg.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((m) => m[1]);

const fig = (figs: Figure[], id: string) => {
  const f = figs.find((x) => x.id === id);
  expect(f, id).toBeDefined();
  return f!;
};

// ---------------------------------------------------------------------------------------------------------------

describe("the HTML report's money, from a PlanReport with finance", () => {
  const data = dataOf(planReport());
  const html = htmlReport(data);
  const figs = figures(html);
  const campus = data.campuses[0];

  it("reads the campus's finance from the report's costs", () => {
    expect(campus.finance?.structure).toBe("joint-venture");
    expect(campus.costYears).toHaveLength(YEARS.length);
  });

  it("draws a waterfall per party with a flow (owner and partner; the lenders have none)", () => {
    expect(partiesWithFlows(campus.finance!)).toEqual(["owner", "partner"]);
    expect(figs.map((f) => f.id).filter((id) => id.startsWith("cash-flow-"))).toEqual([`cash-flow-owner-${CAMPUS}`, `cash-flow-partner-${CAMPUS}`]);
    expect(html).not.toContain(`cash-flow-lenders-`);
  });

  it("floats each year's bar from the running total before it, and ends on the hand-summed total", () => {
    for (const [role, flows, total] of [["owner", OWNER, OWNER_TOTAL], ["partner", PARTNER, PARTNER_TOTAL]] as const) {
      const bars = waterfallBars(campus.finance!, role);
      expect(bars).toHaveLength(YEARS.length + 1);
      let running = 0;
      flows.forEach((v, i) => {
        expect(bars[i].label).toBe(String(YEARS[i]));
        expect(bars[i].start).toBeCloseTo(running, 3);
        running += v;
        expect(bars[i].end).toBeCloseTo(running, 3);
      });
      const last = bars[bars.length - 1];
      expect(last).toMatchObject({ label: "total", kind: "total", start: 0 });
      expect(last.value).toBeCloseTo(total, 3);
      expect(last.end).toBeCloseTo(total, 3);
    }
  });

  it("labels the total bar in the SVG with the hand-summed flows (million USD) and states the NPV and discount rate", () => {
    const owner = fig(figs, `cash-flow-owner-${CAMPUS}`);
    const partner = fig(figs, `cash-flow-partner-${CAMPUS}`);
    expect(texts(owner.svg)).toContain(`total ${OWNER_TOTAL / 1e6}`);
    expect(texts(partner.svg)).toContain(`total ${PARTNER_TOTAL / 1e6}`);
    const caption = html.match(new RegExp(`data-chart="cash-flow-owner-${CAMPUS}"[^>]*><figcaption>([^<]*)</figcaption>`))![1];
    expect(caption).toContain("million USD");
    expect(caption).toContain("-$880M undiscounted");
    expect(caption).toContain("NPV -$750M at the base discount rate 7.5 %, stated in 2026");
    const partnerCaption = html.match(new RegExp(`data-chart="cash-flow-partner-${CAMPUS}"[^>]*><figcaption>([^<]*)</figcaption>`))![1];
    expect(partnerCaption).toContain("IRR 8 %");
  });

  it("draws one bar a year and the total, paid red, received green, no flow grey, the total blue", () => {
    const svg = fig(figs, `cash-flow-owner-${CAMPUS}`).svg;
    expect(fig(figs, `cash-flow-owner-${CAMPUS}`).marks).toBe(YEARS.length + 1);
    // Series 0-2 are the legend's; the waterfall is series 3.
    const bars = rects(svg, 3);
    expect(bars.map((b) => b.data)).toEqual([...YEARS.keys(), YEARS.length]);
    const expected = [...OWNER.map((v) => (v > 0 ? WATERFALL_COLORS.received : v < 0 ? WATERFALL_COLORS.paid : WATERFALL_COLORS.none)), WATERFALL_COLORS.total];
    expect(bars.map((b) => b.fill)).toEqual(expected);
    expect(new Set([WATERFALL_COLORS.received, WATERFALL_COLORS.paid, WATERFALL_COLORS.total]).size).toBe(3);
    // Each year's bar starts where the one before ended (SVG y: the running total carried on).
    for (let i = 1; i < YEARS.length; i++) {
      const prev = bars[i - 1];
      const prevEnd = OWNER[i - 1] < 0 ? prev.y + prev.height : prev.y;
      const here = bars[i];
      const start = OWNER[i] < 0 ? here.y : OWNER[i] > 0 ? here.y + here.height : here.y + 0.5;
      expect(Math.abs(start - prevEnd)).toBeLessThan(0.6);
    }
    // The total bar spans from 0 to the running total: as tall as the years' bars net of each other.
    const total = bars[YEARS.length];
    const net = bars.slice(0, YEARS.length).reduce((s, b, i) => s + (OWNER[i] < 0 ? -b.height : OWNER[i] > 0 ? b.height : 0), 0);
    expect(Math.abs(-total.height - net)).toBeLessThan(1);
  });

  it("is readable at 25 years: one bar a year, every year labelled", () => {
    const years = Array.from({ length: 25 }, (_, i) => 2026 + i);
    const long = finance({ cashFlows: years.map((year, i) => ({ year, projectUsd: range(-1e8), ownerUsd: range(i < 3 ? -9e8 : 8e7), partnerUsd: point(0), lendersUsd: point(0) })) });
    const [chart] = cashFlowCharts({ ...campus, finance: long });
    expect(chart.marks).toBe(26);
    expect(rects(chart.svg!, 3)).toHaveLength(26);
    const labels = texts(chart.svg!);
    for (const y of years) expect(labels).toContain(String(y));
    expect(labels).toContain("total");
    expect(chart.svg).not.toMatch(NOT_FINITE);
  });

  it("draws one range bar per rental band and the levelised cost's marker at its base", () => {
    const f = fig(figs, `rental-bands-${CAMPUS}`);
    const bands = campus.finance!.rentalBands;
    expect(f.marks).toBe(bands.length + 1);
    // Series 0-3 are the legend's; the bands are series 4, the levelised cost series 5.
    expect(rects(f.svg, 4).map((r) => r.data)).toEqual([0, 1, 2]);
    const axis = rentalAxis(campus.finance!);
    const plot = CHART_WIDTH - RENTAL_GRID.left - RENTAL_GRID.right;
    const x = (v: number) => RENTAL_GRID.left + ((v - axis.min) / (axis.max - axis.min)) * plot;
    // Each band from its low to its high, its base marked.
    rects(f.svg, 4).forEach((r, i) => {
      const u = bands[i].usdPerGpuHour;
      near(r.x, x(u.low));
      near(r.x + r.width, x(u.high));
    });
    const markers = verticals(f.svg, 4);
    expect(markers.map((m) => m.data)).toEqual([0, 1, 2]);
    markers.forEach((m, i) => near(m.x, x(bands[i].usdPerGpuHour.base)));
    const lines = verticals(f.svg, 5);
    expect(lines).toHaveLength(1);
    near(lines[0].x, x(2.1));
    // The levelised cost's low-high shaded behind it.
    const [shade] = rects(f.svg, 5);
    near(shade.x, x(1.6));
    near(shade.x + shade.width, x(2.9));
    expect(texts(f.svg)).toContain("levelised cost $2.10");
    // The bands by accelerator and term on the axis.
    expect(texts(f.svg)).toEqual(expect.arrayContaining(["gb300, on-demand (this campus)", "h100, 1-year reserved", "b200, 3-year reserved (this campus)"]));
    // The campus's own accelerators' bands in blue, the catalog's other (h100) grey.
    expect(rects(f.svg, 4).map((r) => r.fill)).toEqual([BAND_COLORS.own, BAND_COLORS.other, BAND_COLORS.own]);
  });

  it("tables the money summary, the parties and each band's source and checked date", () => {
    const part = moneyPart(html)!;
    expect(part).toBeDefined();
    const summary = part.match(/<table class="money" data-table="money-summary">[\s\S]*?<\/table>/)![0];
    for (const label of ["financing structure", "cost of capital", "discount rate", "total cost of ownership", "present value of costs", "residual value", "net present value", "levelised cost per GPU-hour", "refresh capex (1 replacement)"]) {
      expect(summary).toContain(label);
    }
    expect(summary).toContain("joint-venture");
    expect(summary).toContain("<td class=\"num\">7.5 %</td>");
    expect(summary).toContain("<td class=\"num\">$5.00B</td>");
    expect(summary).toContain("<td class=\"num\">$2.10</td>");
    const sources = part.match(/<table [^>]*data-table="rental-sources">[\s\S]*?<\/table>/)![0];
    expect([...sources.matchAll(/<tr>/g)]).toHaveLength(1 + 3);
    expect(sources).toContain("Cloud list prices");
    expect(sources).toContain("2025-11-30");
    expect(tableColumn(sources, 5)).toEqual(["yes", "no", "yes"]);
    expect(part).not.toMatch(NOT_FINITE);
  });

  it("escapes a hostile partner name, band id and source in the page and in the SVG", () => {
    expect(html).not.toContain("<img");
    expect(html).not.toContain("<script");
    expect(html).not.toContain("<b>");
    // Every </svg> closes a chart.
    expect((html.match(/<\/svg>/g) ?? []).length).toBe((html.match(/<svg\b/g) ?? []).length);
    const escaped = "&lt;img src=x onerror=alert(1)&gt;&lt;/svg&gt;";
    expect(moneyPart(html)).toContain(`<td>${escaped}</td>`);
    expect(moneyPart(html)).toContain(`Broker survey &lt;/svg&gt;&lt;script&gt;alert(2)&lt;/script&gt;`);
    expect(moneyPart(html)).toContain(`h100-1y&lt;b&gt;`);
    const partner = fig(figs, `cash-flow-partner-${CAMPUS}`);
    expect(texts(partner.svg)).toContain(`partner: ${escaped}`);
    expect(partner.svg).toContain(`aria-label="Cash flows of the partner (${escaped}) of ${CAMPUS}"`);
  });

  it("has no NaN, Infinity or undefined in the money part, even from a partial finance", () => {
    expect(moneyPart(html)).not.toMatch(NOT_FINITE);
    const partial = {
      structure: "own-balance-sheet", discountRate: { base: 0.07 }, tcoUsd: { base: 1e9 },
      cashFlows: [{ year: 2026, ownerUsd: { base: -5e8 } }, { year: 2027, ownerUsd: { base: Number.NaN } }, { year: 2028 }],
      parties: [{ role: "owner", name: "operator" }],
      rentalBands: [{ id: "x", accelerator: "gb300", term: "spot", usdPerGpuHour: { base: 3 } }, { id: "no-price", accelerator: "h100", term: "spot" }],
      levelisedCostUsdPerGpuHour: { base: Number.NaN },
    } as unknown as CampusFinance;
    const page = htmlReport({ ...data, campuses: [{ ...campus, finance: partial }] });
    const part = moneyPart(page)!;
    expect(part).toContain("Money");
    expect(part).not.toMatch(NOT_FINITE);
    const drawn = figures(page);
    expect(drawn.map((f) => f.id)).toEqual(expect.arrayContaining([`cash-flow-owner-${CAMPUS}`, `rental-bands-${CAMPUS}`]));
    // NaN reads as no flow: the total is the one finite flow.
    expect(texts(fig(drawn, `cash-flow-owner-${CAMPUS}`).svg)).toContain("total -500");
    expect(fig(drawn, `rental-bands-${CAMPUS}`).marks).toBe(1);
  });

  it("says in a sentence when the catalog has no rental band for the campus", () => {
    const chart = rentalBandChart({ ...campus, finance: finance({ rentalBands: [] }) });
    expect(chart.svg).toBeUndefined();
    expect(chart.skipped).toContain("No market rental band");
    expect(chart.skipped).toContain("$2.10");
  });
});

describe("the HTML report without finance (an older report)", () => {
  const data = dataOf(planReport(false));
  const html = htmlReport(data);

  it("reads no finance and draws no money chart or table, without failing", () => {
    expect(data.campuses[0].finance).toBeUndefined();
    expect(html).not.toContain("<h3>Money</h3>");
    expect(html).not.toMatch(/cash-flow-|rental-bands-|data-table="money/);
    // The cost chart still draws from rows without the money columns.
    expect(figures(html).map((f) => f.id)).toContain(`cost-by-year-${CAMPUS}`);
    expect(cashFlowCharts(data.campuses[0])).toEqual([]);
  });

  it("draws no waterfall for a finance whose flows are all zero", () => {
    const zero = finance({ cashFlows: YEARS.map((year) => ({ year, projectUsd: point(0), ownerUsd: point(0), partnerUsd: point(0), lendersUsd: point(0) })) });
    const c: CampusData = { ...data.campuses[0], finance: zero };
    expect(cashFlowCharts(c)).toEqual([]);
    expect(figures(htmlReport({ ...data, campuses: [c] })).map((f) => f.id)).toContain(`rental-bands-${CAMPUS}`);
  });
});
