/**
 * Scarcity-weighted water in every report, beside volume, on hand-built data with figures worked out by hand: a site
 * with an AWARE factor (1,000 m³ consumed at an annual factor of 13.5 → 13,500 m³ world-eq; per 2,000 MWh of IT
 * energy → 6.75 L world-eq/kWh) and one without (every scarcity figure "not known", consistently); never NaN,
 * undefined or null in text, Markdown, HTML or JSON; a hostile AWARE region (catalog text, which users extend)
 * escaped in HTML and Markdown like any user string; the water Sankey's flows stay m³ of water, the weighted water
 * annotating its evaporation node, caption and note.
 */
import { describe, expect, it } from "vitest";
import type { MonthlyRow } from "../components/hours/campusHours";
import type { YearRow } from "../components/years/ledger";
import { yearRow as baseYearRow } from "./helpers/yearRow";
import type { CostYearRow } from "../components/costs/campusCost";
import { renderMarkdown, renderText, waterNote } from "../plan/render";
import type { CampusMonths, CampusYears, PlanReport } from "../plan/report";
import { compareDocument, comparePlans, NOT_KNOWN as COMPARE_NOT_KNOWN, parseComparedReport, renderComparison, type ComparedPlan } from "../plan/compare";
import { TYPES, type ResourceView } from "../policies/view";
import { campusWaterScarcity, htmlReport, reportData, type CampusData, type CampusWaterScarcity, type ReportData } from "../report";
import { EVAPORATION, nodeBalance, waterFlows, weightedEvaporation } from "../report/charts";
import { SCARCITY_NOT_KNOWN, scarcityNote, waterSankey } from "../report/charts/waterSankey";
import { markdownSafe } from "../plan/neutralise";
import { cellsOf, mdTableAfter, tableAfter } from "./helpers/tables";

const HOSTILE = "<script>x</script>|**y**";
const STRESS = "extremely-high (score 4.39; Aqueduct 4.0, state)";

/** The site with a factor: annual 13.5 m³ world-eq per m³; its consumed 1,000 m³ weigh 13,500 m³ world-eq, 6.75 L world-eq per IT kWh. */
function scarcity(over: Partial<CampusWaterScarcity> = {}): CampusWaterScarcity {
  return {
    id: "west-texas", awareRegion: "US-TX", awareAnnualM3WorldEqPerM3: 13.5, baselineWaterStress: STRESS,
    scarcityWeightedWaterM3PerYear: 13_500, scarcityWeightedWueLPerKwh: 6.75, ...over,
  };
}

/** A year row: 2,000 MWh of IT energy, 1,500 m³ make-up of which 1,000 m³ evaporated (consumed). */
function yearRow(year: number | undefined, over: Partial<YearRow> = {}): YearRow {
  return baseYearRow(year, { waterM3: 1500, waterConsumedM3: 1000, peakDailyWaterM3: 12, ...over });
}

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/** Twelve months: 125 m³ make-up each, of which 80 m³ consumed (960 m³ a year). */
function months(campus: string): CampusMonths {
  const rows = MONTHS.map((month): MonthlyRow => ({
    month, itEnergyMwh: 100, facilityEnergyMwh: 115, waterM3: 125, waterConsumedM3: 80, unservedEnergyMwh: 0, carbonFreeShare: 0.5,
  } as MonthlyRow));
  return { campus, year: 2030, weather: "hand-built", rows };
}

/** `dry` has the factor (rows weighted at 13.5), `wet` has none. */
function planReport(region = "US-TX"): PlanReport {
  const dry: CampusYears & { waterScarcity: CampusWaterScarcity } = {
    campus: "dry", horizonStartYear: 2030, horizonEndYear: 2031, fullBuildYear: 2030,
    waterScarcity: scarcity({ awareRegion: region }),
    rows: [yearRow(2030, { scarcityWeightedWaterM3: 13_500 }), yearRow(2031, { waterConsumedM3: 2000, scarcityWeightedWaterM3: 27_000 })],
  };
  const wet: CampusYears = { campus: "wet", horizonStartYear: 2030, horizonEndYear: 2031, fullBuildYear: 2030, rows: [yearRow(2030), yearRow(2031)] };
  return {
    project: "aicluster", stack: "water", config: {}, resourceCount: 0, resourcesByType: [], tree: [], outputs: {}, budgets: [],
    years: [dry, wet], monthly: [months("dry"), months("wet")], findings: [], verdict: "pass", wallSeconds: 0,
  };
}

const NO_JUNK = /\bNaN\b|\bundefined\b|\bnull\b/;

describe("text and Markdown plan reports", () => {
  const text = renderText(planReport());
  const md = renderMarkdown(planReport());

  it("the year table: consumed water beside make-up water, and a world-eq column only for the campus with a factor", () => {
    const [header, first, second] = tableAfter(text, /^Year by year, campus dry /).map(cellsOf);
    expect(header.slice(9, 13)).toEqual(["water m³", "consumed m³", "world-eq m³", "peak-day m³"]);
    expect(first.slice(9, 13)).toEqual(["1,500", "1,000", "13,500", "12"]);
    expect(second.slice(9, 13)).toEqual(["1,500", "2,000", "27,000", "12"]);
    const [wetHeader, wetFirst] = tableAfter(text, /^Year by year, campus wet /).map(cellsOf);
    expect(wetHeader.slice(9, 12)).toEqual(["water m³", "consumed m³", "peak-day m³"]);
    expect(wetHeader).not.toContain("world-eq m³");
    expect(wetFirst.slice(9, 12)).toEqual(["1,500", "1,000", "12"]);
    const mdDry = mdTableAfter(md, /^Year by year, campus `dry` /);
    expect(mdDry.header.slice(9, 12)).toEqual(["water m³", "consumed m³", "world-eq m³"]);
    expect(mdDry.rows.map((r) => r[11])).toEqual(["13,500", "27,000"]);
    expect(mdTableAfter(md, /^Year by year, campus `wet` /).header).not.toContain("world-eq m³");
  });

  it("a row without the figure in a campus whose other rows have it: `not known` in its cell", () => {
    const r = planReport();
    r.years[0].rows = [yearRow(2030, { scarcityWeightedWaterM3: 13_500 }), yearRow(2031)];
    const [, , second] = tableAfter(renderText(r), /^Year by year, campus dry /).map(cellsOf);
    expect(second[11]).toBe("not known");
  });

  it("the water line: make-up, consumed and scarcity-weighted water with the AWARE region, factor and stress; `not known` without a factor", () => {
    const dry = "Water in 2030 (full build): 1,500 m³ make-up, 1,000 m³ consumed (evaporated; blowdown returns to the basin); scarcity-weighted 13,500 m³ world-eq at AWARE US-TX "
      + `(annual factor 13.5 m³ world-eq/m³; monthly factors applied), 6.75 L world-eq/kWh of IT energy; baseline water stress ${STRESS}.`;
    const wet = "Water in 2030 (full build): 1,500 m³ make-up, 1,000 m³ consumed (evaporated; blowdown returns to the basin); scarcity-weighted water: not known (no AWARE factor for the site).";
    expect(text.split("\n")).toEqual(expect.arrayContaining([`  ${dry}`, `  ${wet}`]));
    expect(md.split("\n")).toEqual(expect.arrayContaining([markdownSafe(dry), markdownSafe(wet)]));
    // The report without the campus's scarcity (only the rows carry it): the weighted figure all the same, no region invented.
    const bare = planReport();
    delete (bare.years[0] as { waterScarcity?: unknown }).waterScarcity;
    expect(bare.years[0].waterScarcity).toBeUndefined();
    expect(waterNote(bare.years[0])).toBe("Water in 2030 (full build): 1,500 m³ make-up, 1,000 m³ consumed (evaporated; blowdown returns to the basin); scarcity-weighted 13,500 m³ world-eq (monthly AWARE factors applied).");
  });

  it("the monthly table: consumed water beside make-up water, summed for the year", () => {
    const rows = tableAfter(text, /^Year by month, campus dry /).map(cellsOf);
    expect(rows[0].slice(4, 6)).toEqual(["water m³", "consumed m³"]);
    expect(rows[1].slice(4, 6)).toEqual(["125", "80"]);
    expect(rows[13].slice(0, 1).concat(rows[13].slice(4, 6))).toEqual(["year", "1,500", "960"]);
  });

  it("no NaN, undefined or null anywhere, with and without a factor", () => {
    expect(text).not.toMatch(NO_JUNK);
    expect(md).not.toMatch(NO_JUNK);
    const older = planReport();
    // A report from before consumed water was published: `-`, never NaN.
    older.years[1].rows = older.years[1].rows.map((r) => ({ ...r, waterConsumedM3: undefined as unknown as number }));
    older.monthly[1].rows = older.monthly[1].rows.map((r) => ({ ...r, waterConsumedM3: undefined as unknown as number }));
    const t = renderText(older);
    expect(t).not.toMatch(NO_JUNK);
    expect(tableAfter(t, /^Year by month, campus wet /).map(cellsOf)[13][5]).toBe("-");
  });

  it("a hostile AWARE region and stress: escaped in Markdown (no HTML, pipes escaped), one line in text", () => {
    const r = planReport(HOSTILE);
    (r.years[0] as unknown as { waterScarcity: CampusWaterScarcity }).waterScarcity.baselineWaterStress = "high\n::error::x <b>|";
    const m = renderMarkdown(r);
    expect(m).not.toContain("<script>");
    expect(m).not.toContain("<b>");
    expect(m).toContain("AWARE &lt;script&gt;x&lt;/script&gt;\\|\\*\\*y");
    for (const line of m.split("\n").filter((l) => l.startsWith("|"))) expect(line).not.toContain("<");
    const t = renderText(r);
    expect(t).toContain(`AWARE ${HOSTILE} (annual factor 13.5`);
    expect(t).toContain("baseline water stress high\\n::error::x <b>|.");
    expect(t.split("\n").some((l) => l.startsWith("::error::"))).toBe(false);
  });
});

describe("JSON", () => {
  it("carries consumed and scarcity-weighted water per year and the campus's scarcity, round-trips to the same text, and holds no null", () => {
    const r = planReport();
    const json = JSON.stringify(r);
    const back = JSON.parse(json) as PlanReport;
    expect(back.years[0].rows[0]).toMatchObject({ waterConsumedM3: 1000, scarcityWeightedWaterM3: 13_500 });
    expect(back.years[1].rows[0]).not.toHaveProperty("scarcityWeightedWaterM3");
    expect(back.years[0]).toMatchObject({ waterScarcity: { awareRegion: "US-TX", awareAnnualM3WorldEqPerM3: 13.5, scarcityWeightedWaterM3PerYear: 13_500, baselineWaterStress: STRESS } });
    expect(back.monthly[0].rows[0]).toMatchObject({ waterConsumedM3: 80 });
    expect(json).not.toMatch(NO_JUNK);
    expect(renderText(back)).toBe(renderText(r));
    expect(renderMarkdown(back)).toBe(renderMarkdown(r));
  });

  it("reads a campus's scarcity as published, and nothing for a site without a factor or a malformed one", () => {
    const props = {
      waterScarcity: "west-texas", awareRegion: "US-TX", awareAnnualM3WorldEqPerM3: 13.5, baselineWaterStress: STRESS,
      scarcityWeightedWaterM3PerYear: 13_500, scarcityWeightedWueLPerKwh: 6.75,
    } as Record<string, unknown>;
    expect(campusWaterScarcity((k) => props[k])).toEqual(scarcity());
    const noStress = campusWaterScarcity((k) => ({ ...props, baselineWaterStress: undefined })[k]);
    expect(noStress).toEqual({ ...scarcity(), baselineWaterStress: undefined });
    expect(noStress).not.toHaveProperty("baselineWaterStress");
    expect(campusWaterScarcity(() => undefined)).toBeUndefined();
    expect(campusWaterScarcity((k) => ({ ...props, awareAnnualM3WorldEqPerM3: NaN })[k])).toBeUndefined();
    expect(campusWaterScarcity((k) => ({ ...props, scarcityWeightedWaterM3PerYear: null })[k])).toBeUndefined();
    expect(campusWaterScarcity((k) => ({ ...props, awareRegion: 4 })[k])).toBeUndefined();
  });
});

// ---------------------------------------------------------------------------------------------------------- HTML

const usd = (base: number) => ({ low: base * 0.8, base, high: base * 1.25 });

function costRow(year: number): CostYearRow {
  return {
    year, capexUsd: usd(1e6), ownerCapexUsd: usd(1e6), partnerCapexUsd: usd(0), energyCostUsd: usd(8e4), waterCostUsd: usd(1e3), maintenanceUsd: usd(2e4),
    opexUsd: usd(1e5), depreciationUsd: usd(1e5), leasePaymentsUsd: usd(0), gpuHours: 1e6, costUsdPerGpuHour: usd(2), energyCostUsdPerMwh: usd(80),
    refreshCapexUsd: usd(0), ownerOnBalanceSheetCapexUsd: usd(1e6), capacityCostUsd: usd(0), demandChargeUsd: usd(0), ppaSettlementUsd: usd(0), capitalChargeUsd: usd(0), costWithCapitalUsdPerGpuHour: usd(0),
  };
}

/** A campus whose one plant takes 1,500 m³ of make-up water: 1,000 m³ evaporated, 500 m³ blown down. */
function campus(over: Partial<CampusData> = {}): CampusData {
  return {
    name: "dry<&>campus",
    hoursKept: false,
    fullBuildYear: 2030,
    contracts: [{ name: "grid", source: "grid-x", contractedMw: 0.4, firmMw: 0.4, delivery: "physical", suppliedMwh: 2300 }],
    unservedMwh: 0,
    halls: [{ name: "hall-1", racksMwh: 1900, networkMwh: 100, coolingMwh: 150, electricalLossMwh: 50, airHandlingMwh: 0, cduPumpsMwh: 100 }],
    waterConsumedM3PerYear: 1000,
    waterScarcity: scarcity(),
    plants: [{ hall: "hall-1", technology: "evaporative", makeupM3: 1500, evaporationM3: 1000, blowdownM3: 500 }],
    years: [yearRow(2030, { scarcityWeightedWaterM3: 13_500 })],
    costYears: [costRow(2030)],
    strips: [],
    ...over,
  };
}

function withoutFactor(c: CampusData): CampusData {
  const { waterScarcity: _, ...rest } = c;
  return { ...rest, years: c.years.map(({ scarcityWeightedWaterM3: __, ...r }) => r) };
}

function report(campuses: CampusData[]): ReportData {
  return { stack: "water", verdict: "pass", campuses, budgets: [], findings: [], tree: [] };
}

const NOTE = `Evaporation 1,000 m³ consumed weighs 13,500 m³ world-eq at AWARE US-TX (annual factor 13.5; monthly factors applied); baseline water stress ${STRESS}.`;

describe("the water Sankey and the HTML report", () => {
  it("keeps its flows in m³ of water: the evaporation node takes 1,000 m³ and is named with its 13,500 m³ world-eq", () => {
    const graph = waterFlows(campus())!;
    const evaporation = "evaporation (weighs 13,500 m³ world-eq)";
    expect(graph.nodes.map((n) => n.name)).toContain(evaporation);
    expect(nodeBalance(graph, evaporation)).toEqual({ inflow: 1000, outflow: 0 });
    expect(graph.links.reduce((s, l) => s + (l.source === "make-up water" ? l.value : 0), 0)).toBe(1500);
    expect(weightedEvaporation(campus())).toEqual({ consumedM3: 1000, weightedM3: 13_500 });
    // Without a factor: the plain node.
    const plain = waterFlows(withoutFactor(campus()))!;
    expect(plain.nodes.map((n) => n.name)).toContain(EVAPORATION);
    expect(nodeBalance(plain, EVAPORATION).inflow).toBe(1000);
  });

  it("a plant evaporating less than the campus's consumed water: its share of the weighted water", () => {
    expect(weightedEvaporation(campus({ waterConsumedM3PerYear: 2000 }))).toEqual({ consumedM3: 1000, weightedM3: 6750 });
  });

  it("names the AWARE region and factor in the caption and says what the evaporation weighs in a note", () => {
    const chart = waterSankey(campus());
    expect(chart.caption).toBe("Plant water in 2030, m³: make-up water into each hall's plant, out as evaporation (consumed; weighed at AWARE US-TX, annual factor 13.5 m³ world-eq/m³) and blowdown");
    expect(chart.notes).toEqual([NOTE]);
    expect(scarcityNote({ consumedM3: 1000, weightedM3: 13_500 }, scarcity())).toBe(NOTE);
    expect(chart.svg).toContain("evaporation (weighs 13,500 m³ world-eq): 1,000 m³");
    const none = waterSankey(withoutFactor(campus()));
    expect(none.notes).toEqual([SCARCITY_NOT_KNOWN]);
    expect(none.caption).not.toContain("AWARE");
  });

  it("shows the campus's water figures with scarcity-weighted water, `not known` without a factor, and never NaN, undefined or null", () => {
    const html = htmlReport(report([campus(), withoutFactor(campus({ name: "wet" }))]));
    expect(html).toContain(`<p class="note">${NOTE}</p>`);
    expect(html).toContain("<dt>water consumed</dt><dd>1,000 m³</dd>");
    expect(html).toContain("<dt>scarcity-weighted water</dt><dd>13,500 m³ world-eq (AWARE US-TX, annual factor 13.5)</dd>");
    expect(html).toContain("<dt>scarcity-weighted WUE</dt><dd>6.75 L world-eq/kWh</dd>");
    expect(html).toContain(`<dt>baseline water stress</dt><dd>${STRESS}</dd>`);
    expect(html).toContain("<dt>scarcity-weighted water</dt><dd>not known</dd>");
    expect(html).toContain(`<p class="note">${SCARCITY_NOT_KNOWN}</p>`);
    expect(html).not.toMatch(NO_JUNK);
  });

  it("escapes a hostile AWARE region and stress everywhere the page shows them", () => {
    const hostile = campus({ waterScarcity: scarcity({ awareRegion: HOSTILE, baselineWaterStress: "<img src=x onerror=alert(1)>" }) });
    const html = htmlReport(report([hostile]));
    expect(html).not.toMatch(/<script\b/i);
    expect(html).not.toMatch(/<img\b/i);
    const escaped = "&lt;script&gt;x&lt;/script&gt;|**y**";
    expect(html).toContain(`<dd>13,500 m³ world-eq (AWARE ${escaped}, annual factor 13.5)</dd>`);
    expect(html).toContain(`weighed at AWARE ${escaped}, annual factor 13.5 m³ world-eq/m³`);
    expect(html).toContain(`at AWARE ${escaped} (annual factor 13.5; monthly factors applied); baseline water stress &lt;img src=x onerror=alert(1)&gt;.</p>`);
  });

  it("reads the campus's consumed water and scarcity from its views", () => {
    const props = {
      fullBuildYear: 2030, waterConsumedM3PerYear: 1000, waterScarcity: "west-texas", awareRegion: "US-TX", awareAnnualM3WorldEqPerM3: 13.5,
      baselineWaterStress: STRESS, scarcityWeightedWaterM3PerYear: 13_500, scarcityWeightedWueLPerKwh: 6.75,
    };
    const views: ResourceView[] = [
      { type: TYPES.campus, urn: "urn:dry", name: "dry", props },
      { type: TYPES.campus, urn: "urn:wet", name: "wet", props: { fullBuildYear: 2030, waterConsumedM3PerYear: 1000 } },
    ] as ResourceView[];
    const data = reportData({ views, series: new Map() }, { ...planReport(), years: [] });
    expect(data.campuses[0]).toMatchObject({ waterConsumedM3PerYear: 1000, waterScarcity: scarcity() });
    expect(data.campuses[1].waterConsumedM3PerYear).toBe(1000);
    expect(data.campuses[1]).not.toHaveProperty("waterScarcity");
  });
});

// ------------------------------------------------------------------------------------------------------- compare

function comparedPlan(weighted: boolean, consumed = 1000): ComparedPlan {
  const row = {
    year: 2030, firmMw: 0.4, peakFacilityPowerMw: 0.3, firmHeadroomMw: 0.1, facilityEnergyMwh: 2300, waterM3: 1500, itEnergyMwh: 2000,
    waterConsumedM3: consumed, ...(weighted ? { scarcityWeightedWaterM3: consumed * 13.5 } : {}),
  };
  return {
    project: "aicluster", stack: "water", config: {}, verdict: "pass", budgets: [], findings: [], costs: [],
    years: [{ campus: HOSTILE, fullBuildYear: 2030, rows: [row] }],
  };
}

/** The water table's rows as label → cells after it (text format). */
function waterRows(text: string): Map<string, string[]> {
  const lines = text.split("\n");
  const at = lines.indexOf("Water");
  const rows = new Map<string, string[]>();
  for (const line of lines.slice(at + 5)) {
    if (!line.trim() || line === "Findings") break;
    const cells = cellsOf(line);
    rows.set(cells[1], cells.slice(2));
  }
  return rows;
}

describe("aicluster compare", () => {
  it("consumed water, scarcity-weighted water and WUE with their differences from plan A", () => {
    const c = comparePlans([{ label: "a", plan: comparedPlan(true) }, { label: "b", plan: comparedPlan(true, 2000) }]);
    expect(c.water[0].cells[0]).toEqual({ year: 2030, consumedM3: 1000, weightedM3: 13_500, weightedWueLPerKwh: 6.75 });
    expect(c.water[0].weightedDiff).toEqual([undefined, 13_500]);
    expect(c.differences.water).toBe(1);
    const rows = waterRows(renderComparison(compareDocument(c), "text"));
    expect(rows.get("consumed water m³")).toEqual(["1,000", "2,000", "+1,000"]);
    expect(rows.get("scarcity-weighted water m³ world-eq")).toEqual(["13,500", "27,000", "+13,500"]);
    expect(rows.get("scarcity-weighted WUE L world-eq/kWh")).toEqual(["6.75", "13.5", "+6.75"]);
    expect(rows.get("full-build year")).toEqual(["2030", "2030", "same"]);
  });

  it("`not known` where a side lacks the figure, for the figure and its difference", () => {
    for (const [a, b] of [[true, false], [false, true]]) {
      const c = comparePlans([{ label: "a", plan: comparedPlan(a) }, { label: "b", plan: comparedPlan(b) }]);
      const text = renderComparison(compareDocument(c), "text");
      const rows = waterRows(text);
      const known = ["13,500", "6.75"];
      expect(rows.get("scarcity-weighted water m³ world-eq")).toEqual([a ? known[0] : COMPARE_NOT_KNOWN, b ? known[0] : COMPARE_NOT_KNOWN, COMPARE_NOT_KNOWN]);
      expect(rows.get("scarcity-weighted WUE L world-eq/kWh")).toEqual([a ? known[1] : COMPARE_NOT_KNOWN, b ? known[1] : COMPARE_NOT_KNOWN, COMPARE_NOT_KNOWN]);
      expect(rows.get("consumed water m³")).toEqual(["1,000", "1,000", "0"]);
      expect(c.differences.water).toBe(1);
      for (const format of ["text", "markdown", "html"] as const) expect(renderComparison(compareDocument(c), format)).not.toMatch(NO_JUNK);
    }
  });

  it("reads the figures back from a JSON report (absent in an older one: not known), and escapes a hostile campus name", () => {
    const json = {
      schemaVersion: 1, project: "aicluster", stack: "water", verdict: "pass", resourceCount: 0, budgets: [], findings: [], config: {},
      years: [{ campus: HOSTILE, fullBuildYear: 2030, rows: [{ year: 2030, firmMw: 0.4, peakFacilityPowerMw: 0.3, firmHeadroomMw: 0.1, facilityEnergyMwh: 2300, waterM3: 1500 }] }],
    };
    const older = parseComparedReport(json, "report old.json");
    const c = comparePlans([{ label: "new", plan: comparedPlan(true) }, { label: "old", plan: older }]);
    expect(c.water[0].cells[1]).toEqual({ year: 2030, consumedM3: undefined, weightedM3: undefined, weightedWueLPerKwh: undefined });
    const md = renderComparison(compareDocument(c), "markdown");
    expect(md).not.toContain("<script>");
    expect(md).toContain("&lt;script&gt;x&lt;/script&gt;\\|\\*\\*y");
    const html = renderComparison(compareDocument(c), "html");
    expect(html).not.toMatch(/<script\b/i);
    expect(html).toContain("<td>&lt;script&gt;x&lt;/script&gt;|**y**</td>");
    expect(html).toContain(`<td class="n">${COMPARE_NOT_KNOWN}</td>`);
    expect(md).not.toMatch(NO_JUNK);
    // Read back with the figures: the same plan as in memory.
    const withFigures = parseComparedReport({ ...json, years: comparedPlan(true).years }, "report new.json");
    expect(comparePlans([{ label: "a", plan: comparedPlan(true) }, { label: "b", plan: withFigures }]).differences.water).toBe(0);
  });
});
