/**
 * The HTML report of a confidence run (hand-made `confidence`, no model run): the section, its table with the cells
 * every format shows, one tornado per budget some figure moves (bars by swing, the limit line), the bands chart (one
 * band per budget, normalised so a limit of 0 divides nothing), escaping of figure keys, nothing non-finite in the
 * page; and the cost chart's low-high whiskers and bands, read back from the SVG.
 */
import { figures } from "./helpers/htmlFigures";
import { describe, expect, it } from "vitest";
import type { CostYearRow } from "../components/costs/campusCost";
import type { YearRow } from "../components/years/ledger";
import { yearRow as baseYearRow } from "./helpers/yearRow";
import { CONFIDENCE_HEADER, confidenceCells, confidenceScope } from "../plan/confidence/render";
import type { BudgetConfidence, ConfidenceReport } from "../plan/confidence/types";
import type { BudgetRow } from "../plan/report";
import { escapeHtml, htmlReport, type CampusData, type ReportData } from "../report";
import { confidenceBand, confidenceBandsChart, costChart, costRanges, niceExtent, tornadoBars, tornadoChart, UNMOVED } from "../report/charts";

// ---------------------------------------------------------------------------------------------------------------
// Hand-built data (a small campus as test/reportHtml.test.ts builds one)

const range = (base: number, low = base * 0.8, high = base * 1.25) => ({ low, base, high });
const point = (base: number) => ({ low: base, base, high: base });

function yearRow(year: number): YearRow {
  return baseYearRow(year, { peakHour: `${year}-07-01 15:00`, worstWaterDay: `${year}-07-01` });
}

function costRow(year: number, over: Partial<CostYearRow> = {}): CostYearRow {
  return {
    year, capexUsd: range(5e6), ownerCapexUsd: range(5e6), partnerCapexUsd: point(0), energyCostUsd: range(8e4), waterCostUsd: point(0),
    maintenanceUsd: range(2e4), opexUsd: range(1e5), depreciationUsd: range(5e5), leasePaymentsUsd: point(0), gpuHours: 1e6,
    costUsdPerGpuHour: range(2), energyCostUsdPerMwh: range(80),
    refreshCapexUsd: { low: 0, base: 0, high: 0 }, ownerOnBalanceSheetCapexUsd: range(5e6), capacityCostUsd: { low: 0, base: 0, high: 0 }, demandChargeUsd: { low: 0, base: 0, high: 0 }, ppaSettlementUsd: { low: 0, base: 0, high: 0 }, capitalChargeUsd: { low: 0, base: 0, high: 0 }, costWithCapitalUsdPerGpuHour: { low: 0, base: 0, high: 0 }, ...over,
  };
}

function campus(over: Partial<CampusData> = {}): CampusData {
  return {
    name: "test-campus", hoursKept: true, fullBuildYear: 2030,
    contracts: [{ name: "grid", source: "grid-x", contractedMw: 0.4, firmMw: 0.4, delivery: "physical", suppliedMwh: 2000 }],
    unservedMwh: 0,
    halls: [{ name: "hall-1", racksMwh: 1900, networkMwh: 100, coolingMwh: 150, electricalLossMwh: 50, airHandlingMwh: 0, cduPumpsMwh: 100 }],
    plants: [],
    years: [yearRow(2030), yearRow(2031)],
    costYears: [costRow(2030), costRow(2031, { capexUsd: point(0), ownerCapexUsd: point(0), opexUsd: range(1.2e5) })],
    strips: [{ name: "hall-1", maxRackKw: 130, groups: [{ name: "row-1", design: "nvl72", rackCount: 2, itLoadPerRackKw: 125, ratedKwPerRack: 132 }] }],
    ...over,
  };
}

const budgetRow: BudgetRow = {
  policy: "firm-power", budget: "firm power", enforcementLevel: "mandatory", checked: 1, resourceName: "test-campus", used: 2.3, limit: 2, unit: "MW",
  bound: "max", headroom: -0.3, headroomShare: -0.15, violations: 1,
};

const SCRIPT_KEY = `rackDesigns/<script>alert("x")</script>/switchPowerW`;

function budget(over: Partial<BudgetConfidence>): BudgetConfidence {
  return {
    policy: "firm-power", budget: "firm power", unit: "MW", bound: "max", resourceName: "test-campus", baseUsed: 2.3, baseHeadroom: -0.3, limit: 2,
    limitLow: 1.9, limitHigh: 2.1, p10: 2.2, p50: 2.31, p90: 2.45, headroomP10: -0.45, violationProbability: 1, samples: 40, status: "fails", ...over,
  };
}

function confidence(): ConfidenceReport {
  return {
    samples: 40, seed: "s<1>", weatherYears: 5, method: "latin hypercube, triangular (low, base, high)", fragileAbove: 0.1, fragileLevel: "advisory",
    figures: [{ key: SCRIPT_KEY, low: 1, base: 2, high: 3, note: "hand", group: SCRIPT_KEY }],
    budgets: [
      budget({}),
      budget({ policy: "water-permit", budget: "annual water", unit: "m³/yr", baseUsed: 1800, baseHeadroom: 30000, limit: 31800, limitLow: 31800, limitHigh: 31800, p10: 1900, p50: 2100, p90: 2400, headroomP10: 29400, violationProbability: 0, status: "holds" }),
      budget({ policy: "supply-temperature", budget: "hours missed", unit: "h/yr", baseUsed: 0, baseHeadroom: 0, limit: 0, limitLow: 0, limitHigh: 0, p10: 0, p50: 0, p90: 9, headroomP10: -9, violationProbability: 0.32, status: "fragile" }),
      // Limit 0, every sample 0: a zero-width band on a scale of 1, and no tornado.
      budget({ policy: "supply-temperature", budget: "hours air missed", unit: "h/yr", baseUsed: 0, baseHeadroom: 0, limit: 0, limitLow: 0, limitHigh: 0, p10: 0, p50: 0, p90: 0, headroomP10: 0, violationProbability: 0, status: "holds" }),
    ],
    tornado: [
      {
        policy: "firm-power", budget: "firm power", unit: "MW", baseUsed: 2.3,
        // Out of order on purpose: the chart puts the largest swing on top.
        bars: [
          { figure: "coolingTechnologies/chiller/powerKwPerKwHeat", usedAtLow: 2.27, usedAtHigh: 2.33, swing: 0.06 },
          { figure: SCRIPT_KEY, usedAtLow: 2.3, usedAtHigh: 2.5, swing: 0.2 },
          { figure: "weather year", usedAtLow: 2.25, usedAtHigh: 2.35, swing: 0.1 },
        ],
      },
      { policy: "water-permit", budget: "annual water", unit: "m³/yr", baseUsed: 1800, bars: [{ figure: "rackDesigns/gb300-nvl72/cdu.approachK", usedAtLow: 1800, usedAtHigh: 2500, swing: 700 }] },
      { policy: "supply-temperature", budget: "hours missed", unit: "h/yr", baseUsed: 0, bars: [{ figure: "rackDesigns/gb300-nvl72/cdu.approachK", usedAtLow: 0, usedAtHigh: 17, swing: 17 }] },
      { policy: "supply-temperature", budget: "hours air missed", unit: "h/yr", baseUsed: 0, bars: [] },
    ],
    modelRuns: 63, wallSeconds: 4.2,
  };
}

function report(over: Partial<ReportData> = {}): ReportData {
  return { stack: "hand-built", verdict: "fail", campuses: [campus()], budgets: [budgetRow], findings: [], tree: [], confidence: confidence(), ...over };
}

// ---------------------------------------------------------------------------------------------------------------
// Reading the page


const section = (html: string, id: string) => html.match(new RegExp(`<section id="${id}">[\\s\\S]*?</section>`))?.[0];

/** The cells of a table's body rows, as the page has them (escaped). */
function tableCells(table: string): string[][] {
  const body = table.match(/<tbody>([\s\S]*?)<\/tbody>/)![1];
  return [...body.matchAll(/<tr[^>]*>([\s\S]*?)<\/tr>/g)].map((r) => [...r[1].matchAll(/<td[^>]*>([\s\S]*?)<\/td>/g)].map((c) => c[1]));
}

/** Rectangles a custom series drew (`M x y l w 0 l 0 h ...`), per data index: x, y, width, fill. */
function rects(svg: string, series: number): { data: number; x: number; y: number; width: number; fill: string }[] {
  return [...svg.matchAll(/<path d="M(-?[\d.]+) (-?[\d.]+)l(-?[\d.]+) 0l0 (-?[\d.]+)l-?[\d.]+ 0Z" fill="([^"]*)"[^>]*ecmeta_series_index="(\d+)" ecmeta_data_index="(\d+)"/g)]
    .filter((m) => Number(m[6]) === series)
    .map((m) => ({ data: Number(m[7]), x: Number(m[1]), y: Number(m[2]), width: Number(m[3]), fill: m[5] }));
}

/** Vertical lines a custom series drew (`M x y0 L x y1`), per data index. */
function verticals(svg: string, series: number): { data: number; x: number; y0: number; y1: number }[] {
  return [...svg.matchAll(/<path d="M(-?[\d.]+) (-?[\d.]+)L(-?[\d.]+) (-?[\d.]+)"[^>]*ecmeta_series_index="(\d+)" ecmeta_data_index="(\d+)"/g)]
    .filter((m) => Number(m[5]) === series && Math.abs(Number(m[1]) - Number(m[3])) < 1e-6)
    .map((m) => ({ data: Number(m[6]), x: Number(m[1]), y0: Number(m[2]), y1: Number(m[4]) }));
}

/** Axis labels drawn right-aligned (a vertical value axis, or a horizontal chart's categories), with their y position. */
function endLabels(svg: string): { text: string; y: number }[] {
  return [...svg.matchAll(/<text [^>]*text-anchor="end"[^>]*transform="translate\([\d.]+ ([\d.]+)\)"[^>]*>([^<]*)<\/text>/g)].map((m) => ({ text: m[2], y: Number(m[1]) }));
}

const NOT_FINITE = /\bNaN\b|Infinity|\bnull\b|\bundefined\b/;

// ---------------------------------------------------------------------------------------------------------------

describe("the HTML report of a confidence run", () => {
  const data = report();
  const html = htmlReport(data);
  const c = data.confidence!;

  it("has a Confidence section with what was drawn and the table, cell for cell as the other formats have it", () => {
    const s = section(html, "confidence")!;
    expect(s).toBeDefined();
    expect(s).toContain("<h2>Confidence</h2>");
    expect(html).toContain('<li><a href="#confidence">Confidence</a></li>');
    expect(s).toContain(escapeHtml(confidenceScope(c)));
    expect(s).toContain("seed &quot;s&lt;1&gt;&quot;");
    const table = s.match(/<table class="confidence">[\s\S]*?<\/table>/)![0];
    expect([...table.matchAll(/<th>([^<]*)<\/th>/g)].map((m) => m[1])).toEqual(CONFIDENCE_HEADER.map(escapeHtml));
    expect(tableCells(table)).toEqual(confidenceCells(c).map((row) => row.map(escapeHtml)));
    expect(tableCells(table)[0]).toEqual(["firm-power", "firm power", "2.3 MW", "2.2 MW", "2.31 MW", "2.45 MW", "≤ 2 MW (1.9-2.1)", "-0.45 MW", "100 %", "fails"]);
    expect(tableCells(table)[2].at(-1)).toBe("fragile (&gt; 10 %, advisory)");
    // Fragile and failing rows are highlighted as a broken budget is in the budget table (tr.violated); holding ones are not.
    const rowClasses = [...table.matchAll(/<tr class="([^"]*)">/g)].map((m) => m[1]);
    expect(rowClasses).toEqual(["confidence violated fails", "confidence holds", "confidence violated fragile", "confidence holds"]);
    expect(html).toMatch(/tr\.violated td:first-child/);
    // The section sits between the budgets and the first campus.
    expect(html.indexOf('<section id="budgets">')).toBeLessThan(html.indexOf('<section id="confidence">'));
    expect(html.indexOf('<section id="confidence">')).toBeLessThan(html.indexOf('<section class="campus"'));
  });

  it("draws one tornado per budget with bars, largest swing on top, with the limit line; names the budget no figure moves", () => {
    const tornadoes = figures(html).filter((f) => f.id.startsWith("tornado-"));
    expect(tornadoes.map((f) => f.id)).toEqual(["tornado-firm-power-firm power", "tornado-water-permit-annual water", "tornado-supply-temperature-hours missed"]);
    expect(tornadoes.map((f) => f.marks)).toEqual([3, 1, 1]);
    const firm = tornadoes[0].svg;
    // Category labels top to bottom: by swing, 0.2, 0.1, 0.06.
    const keys = [escapeHtml(SCRIPT_KEY), "weather year", "coolingTechnologies/chiller/powerKwPerKwHeat"];
    const labels = endLabels(firm).filter((l) => !/^[\d.,]+$/.test(l.text)).sort((a, b) => a.y - b.y).map((l) => l.text);
    expect(labels).toEqual(keys);
    // The bars (series 2, the custom one): per row the two halves' pixel span, decreasing downwards.
    const spans = [0, 1, 2].map((i) => {
      const parts = rects(firm, 2).filter((r) => r.data === i);
      expect(parts.length).toBe(2);
      return Math.max(...parts.map((p) => p.x + p.width)) - Math.min(...parts.map((p) => p.x));
    });
    expect(spans[0]).toBeGreaterThan(spans[1]);
    expect(spans[1]).toBeGreaterThan(spans[2]);
    expect(spans[0] / spans[1]).toBeCloseTo(0.2 / 0.1, 1);
    // The limit (2 MW) is within two spans of the bars: drawn, dashed, labelled.
    expect(firm).toMatch(/>limit ≤ 2<\/text>/);
    expect(firm).toMatch(/stroke-dasharray/);
    expect(firm).toContain(">base</text>");
    // A limit far off the bars is not drawn, and the caption says so.
    expect(tornadoes[1].svg).not.toMatch(/>limit ≤/);
    expect(html).toContain("limit ≤ 31,800 m³/yr (off the axis)");
    // Base and limit together (both 0): one label.
    expect(tornadoes[2].svg).toContain(">base, limit ≤ 0</text>");
    // The budget nothing moves: a sentence, no chart.
    expect(html).toContain(`data-chart-skipped="tornado-supply-temperature-hours air missed"`);
    expect(html).toContain(`supply-temperature: hours air missed is ${escapeHtml(UNMOVED)}.`);
    expect(UNMOVED).toMatch(/^moved by no drawn figure/);
  });

  it("orders and filters a tornado's bars from the data, and skips one whose bars do not move it", () => {
    expect(tornadoBars(c.tornado[0]).map((b) => b.swing)).toEqual([0.2, 0.1, expect.closeTo(0.06, 9)]);
    const flat = { ...c.tornado[0], bars: [{ figure: "x", usedAtLow: 2.3, usedAtHigh: 2.3, swing: 0 }, { figure: "y", usedAtLow: NaN, usedAtHigh: 2, swing: NaN }] };
    const chart = tornadoChart(flat, c.budgets[0]);
    expect(chart.svg).toBeUndefined();
    expect(chart.skipped).toContain("moved by no drawn figure");
  });

  it("draws one P10-P90 band per budget, normalised by the limit, or by the row's largest value when the limit is 0", () => {
    const bands = figures(html).find((f) => f.id === "confidence-bands")!;
    expect(bands.marks).toBe(4);
    const drawn = rects(bands.svg, 0);
    // One band per budget, coloured by status (fails red, holds green, fragile amber); the limit range (grey) where the limit moves.
    const bandRects = drawn.filter((r) => r.fill !== "#d1d5db");
    expect(bandRects.map((r) => r.data)).toEqual([0, 1, 2, 3]);
    expect(bandRects.map((r) => r.fill)).toEqual(["#c62828", "#2e7d32", "#f0a30a", "#2e7d32"]);
    expect(drawn.filter((r) => r.fill === "#d1d5db").map((r) => r.data)).toEqual([0]);
    // The zero-width band is still drawn, 2 px wide.
    const widths = new Map(bandRects.map((r) => [r.data, r.width]));
    expect(widths.get(3)).toBe(2);
    const [firm, water, hours, air] = c.budgets.map(confidenceBand);
    expect(firm).toMatchObject({ scaledBy: "limit", scale: 2, limit: 1, p10: 1.1, base: 1.15, limitLow: 0.95 });
    expect(water!.p90).toBeCloseTo(2400 / 31800, 12);
    expect(hours).toMatchObject({ scaledBy: "largest value", scale: 9, limit: 0, p90: 1 });
    expect(air).toMatchObject({ scaledBy: "unit", scale: 1, p10: 0, p90: 0, limit: 0 });
    expect(hours!.label).toBe("supply-temperature: hours missed (≤ 0 *)");
    expect(bands.svg).toContain("P10-P90 0-9 h/yr, limit ≤ 0 h/yr");
    expect(html).toContain("a limit of 0 is no scale: that row is a share of its own largest value");
    // A budget with a value that is not finite is left out, not drawn as NaN.
    expect(confidenceBand(budget({ p90: NaN }))).toBeUndefined();
    expect(confidenceBandsChart({ ...c, budgets: [budget({ p50: Infinity })] }).skipped).toBe("No budget was sampled.");
  });

  it("escapes figure keys and the seed, and has nothing non-finite anywhere", () => {
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toContain(SCRIPT_KEY);
    expect(html).not.toContain('alert("x")');
    expect(html).toContain("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;");
    expect(html).not.toMatch(NOT_FINITE);
    // Chart element ids are per chart: the tornadoes' never clash.
    const ids = [...html.matchAll(/ id="([^"]+)"/g)].map((m) => m[1]);
    expect(new Set(ids).size).toBe(ids.length);
    // Edge data: limits of 0, zero-width bands, all-zero budgets and an empty tornado.
    const edge = report({
      confidence: {
        ...confidence(),
        budgets: [budget({ limit: 0, limitLow: 0, limitHigh: 0, p10: 0, p50: 0, p90: 0, baseUsed: 0 }), budget({ bound: "min", limit: -4, limitLow: -4, limitHigh: -4, p10: 1, p50: 1, p90: 1 })],
        tornado: [{ policy: "firm-power", budget: "firm power", unit: "MW", baseUsed: 0, bars: [{ figure: "z", usedAtLow: 0, usedAtHigh: 1e-12, swing: 1e-12 }] }],
      },
    });
    const edgeHtml = htmlReport(edge);
    expect(edgeHtml).not.toMatch(NOT_FINITE);
    expect(figures(edgeHtml).map((f) => f.id)).toContain("confidence-bands");
    for (const [lo, hi] of [[0, 0], [5, 5], [-3, -3], [1e-12, 2e-12], [0, 1e9]]) {
      const { min, max } = niceExtent(lo, hi);
      expect(Number.isFinite(min) && Number.isFinite(max) && max > min && min <= lo && max >= hi).toBe(true);
    }
  });

  it("without a confidence run the page has no Confidence section and is otherwise the same", () => {
    const plain = htmlReport(report({ confidence: undefined }));
    expect(plain).not.toContain('id="confidence"');
    expect(plain).not.toContain("Confidence");
    expect(plain).not.toMatch(/data-chart="(tornado-|confidence-bands)/);
    for (const id of ["budgets", "findings", "tree"]) expect(plain).toContain(`<section id="${id}">`);
    expect(plain).toContain('<section class="campus" id="campus-test-campus">');
    // The page with the run is this page with the section and its contents entry added, nothing else.
    const without = html.replace(/<section id="confidence">[\s\S]*?<\/section>\n/, "").replace('<li><a href="#confidence">Confidence</a></li>', "");
    expect(without).toBe(plain);
  });
});

describe("the cost chart's low-high estimates", () => {
  it("lists each series' range per year where the estimates differ, none where they do not", () => {
    const ranges = costRanges(campus());
    expect(ranges.filter((r) => r.name === "capex")).toEqual([{ name: "capex", row: 0, low: 4e6, base: 5e6, high: 6.25e6, offset: 0 }]);
    // Opex is stacked on base capex.
    expect(ranges.filter((r) => r.name === "opex")).toEqual([
      { name: "opex", row: 0, low: 8e4, base: 1e5, high: 1.25e5, offset: 5e6 },
      { name: "opex", row: 1, low: 0.96e5, base: 1.2e5, high: 1.5e5, offset: 0 },
    ]);
    expect(ranges.filter((r) => r.name === "depreciation").map((r) => r.row)).toEqual([0, 1]);
    // Point estimates everywhere: no range, no whisker, no band, and the caption says none.
    const flat = campus({ costYears: [costRow(2030, { capexUsd: point(5e6), ownerCapexUsd: point(5e6), opexUsd: point(1e5), depreciationUsd: point(5e5) })] });
    expect(costRanges(flat)).toEqual([]);
    const chart = costChart(flat);
    expect(chart.caption).not.toContain("low-high");
    expect(chart.svg).not.toMatch(/ecmeta_series_index="3"/);
  });

  it("draws the capex whisker from low to high, read back from the SVG against the axis", () => {
    const chart = costChart(campus());
    expect(chart.caption).toContain("low-high estimates as whiskers on the bars (capex, opex) and shaded bands along the lines (depreciation)");
    const svg = chart.svg!;
    // The value axis' labels (thousand USD here) give pixels to values.
    const ticks = endLabels(svg).filter((l) => /^[\d,.]+$/.test(l.text)).map((l) => ({ v: Number(l.text.replace(/,/g, "")), y: l.y }));
    expect(ticks.length).toBeGreaterThan(2);
    const [a, b] = [ticks[0], ticks[ticks.length - 1]];
    const valueAt = (y: number) => a.v + ((y - a.y) * (b.v - a.v)) / (b.y - a.y);
    // Series: capex bar 0, opex bar 1, depreciation line 2, capex whiskers 3, opex whiskers 4, depreciation band 5.
    const capex = verticals(svg, 3);
    expect(capex).toHaveLength(1);
    const ends = [valueAt(capex[0].y0), valueAt(capex[0].y1)].sort((x, y) => x - y);
    const tolerance = (b.v - a.v) / 200;
    expect(Math.abs(ends[0] - 4000)).toBeLessThan(Math.abs(tolerance));
    expect(Math.abs(ends[1] - 6250)).toBeLessThan(Math.abs(tolerance));
    const opex = verticals(svg, 4).sort((x, y) => x.data - y.data);
    expect(opex).toHaveLength(2);
    const opexEnds = [valueAt(opex[0].y0), valueAt(opex[0].y1)].sort((x, y) => x - y);
    expect(Math.abs(opexEnds[0] - 5080)).toBeLessThan(Math.abs(tolerance));
    expect(Math.abs(opexEnds[1] - 5125)).toBeLessThan(Math.abs(tolerance));
    // The depreciation band: one shaded quadrilateral between the two years.
    expect(svg.match(/<polygon [^>]*ecmeta_series_index="5"/g)).toHaveLength(1);
    expect(svg).not.toMatch(NOT_FINITE);
  });
});
