/**
 * The HTML report: real plans of both default stacks (prometheus and hyperion, scale 0.001) drawn as one page each,
 * checked for being self-contained, for every chart the data calls for, for marks the charts must draw (Sankey links
 * = non-zero flows, budget bars = budget rows, heatmap cells = hours), for balanced flows, and against a structural
 * snapshot (per chart: id, marks and its counts of <path>, <rect> and <text>); hand-built data for the edge cases.
 */
import * as fs from "fs";
import * as path from "path";
import { beforeAll, describe, expect, it } from "vitest";
import { figures, type Figure } from "./helpers/htmlFigures";
import type { CostYearRow } from "../components/costs/campusCost";
import { yearRow } from "./helpers/yearRow";
import type { BudgetRow } from "../plan/report";
import { buildReport } from "../plan/report";
import { runPlan } from "../plan/runPlan";
import { loadStackConfig } from "../plan/stackConfig";
import {
  budgetBar, FACILITY, heatmapCells, nodeBalance, OVERHEADS, PERMIT, powerFlows, sankeyColumns, spreadLabels, UNUSED_PERMIT, waterFlows,
} from "../report/charts";
import { escapeHtml, htmlReport, reportData, type CampusData, type ReportData } from "../report";


/** The ids of charts skipped with a sentence. */
const skipped = (html: string) => [...html.matchAll(/data-chart-skipped="([^"]*)"/g)].map((m) => m[1]);

const count = (text: string, re: RegExp) => (text.match(re) ?? []).length;
/** Elements ECharts marked as data of a series (ecmeta_series_index and ecmeta_data_index). */
const dataElements = (svg: string) => count(svg, /<\w+ [^>]*ecmeta_series_index="\d+" ecmeta_data_index="\d+"[^>]*>/g);
/** Of those, Sankey links (curved paths). */
const sankeyLinks = (svg: string) => count(svg, /<path d="[^"]*C[^"]*"[^>]*ecmeta_data_index="\d+"[^>]*>/g);

const summary = (f: Figure) => ({ id: f.id, marks: f.marks, paths: count(f.svg, /<path\b/g), rects: count(f.svg, /<rect\b/g), texts: count(f.svg, /<text\b/g) });

/** Nothing the page would fetch: no scripts, no external links, sources, style imports or url()s. */
function expectSelfContained(html: string): void {
  expect(html).not.toMatch(/<script\b/i);
  expect(html).not.toMatch(/<link\b/i);
  expect(html).not.toMatch(/<(img|iframe|object|embed)\b/i);
  expect(html).not.toMatch(/\bsrc\s*=/i);
  expect(html).not.toMatch(/\bhref\s*=\s*["']?(https?:)?\/\//i);
  expect(html).not.toMatch(/@import/i);
  expect(html).not.toMatch(/url\(\s*["']?(?!#)/i);
  expect(html).not.toMatch(/@font-face/i);
}

/** Non-zero energy flows of a campus, counted from the data (not from powerFlows). */
function powerFlowCount(c: CampusData): number {
  const contracts = c.contracts.filter((k) => k.delivery !== "virtual" && k.suppliedMwh > 0).length;
  const halls = c.halls.filter((h) => h.racksMwh > 0).length;
  const overheads = OVERHEADS.filter(([, field]) => c.halls.reduce((s, h) => s + h[field], 0) > 0).length;
  return contracts + (c.unservedMwh > 0 ? 1 : 0) + halls + overheads;
}

/** The chart ids the data calls for (the others are skipped with a sentence). */
/** A waterfall per party with any base cash flow, and the rental-band chart when the catalog has bands. */
function financeCharts(c: ReportData["campuses"][number]): string[] {
  if (!c.finance) return [];
  const key = { owner: "ownerUsd", partner: "partnerUsd", lenders: "lendersUsd" } as const;
  const parties = (["owner", "partner", "lenders"] as const).filter((r) => c.finance!.cashFlows.some((f) => f[key[r]].base !== 0));
  return [...parties.map((r) => `cash-flow-${r}-${c.name}`), ...(c.finance.rentalBands.length ? [`rental-bands-${c.name}`] : [])];
}

function expectedCharts(data: ReportData): string[] {
  return [
    ...(data.budgets.length ? ["budget-bars"] : []),
    ...data.campuses.flatMap((c) => [
      `power-sankey-${c.name}`,
      ...(c.plants.some((p) => p.makeupM3 > 0) ? [`water-sankey-${c.name}`] : []),
      ...(c.supplyMarginK?.length ? [`margin-heatmap-${c.name}`] : []),
      ...(c.unservedMw?.some((v) => v > 0) ? [`unserved-heatmap-${c.name}`] : []),
      ...(c.years.length ? [`timeline-${c.name}`] : []),
      ...(c.costYears.length ? [`cost-by-year-${c.name}`] : []),
      ...financeCharts(c),
      ...(c.strips.some((s) => s.groups.length) ? [`hall-strip-${c.name}`] : []),
      ...(c.strips.some((s) => s.plant) ? [`plant-capacity-${c.name}`] : []),
    ]),
  ];
}

describe.each(["prometheus", "hyperion"])("HTML report of %s (default scale)", (stack) => {
  let data: ReportData;
  let html: string;
  let figs: Figure[];

  beforeAll(async () => {
    const run = await runPlan({ stack, config: loadStackConfig(stack) });
    data = reportData(run, buildReport(run, 3));
    html = htmlReport(data);
    figs = figures(html);
  });

  it("is one self-contained, deterministic page with the verdict", () => {
    expect(html.startsWith("<!DOCTYPE html>")).toBe(true);
    expectSelfContained(html);
    expect(html).toContain(`data-verdict="${data.verdict}"`);
    expect(html).toContain(data.verdict === "pass" ? ">PASS</span>" : ">FAIL</span>");
    expect(html).toMatch(/@media print/);
    expect(htmlReport(data)).toBe(html);
    // Chart element ids are per chart, so inlined SVGs never share one.
    const ids = [...html.matchAll(/ id="([^"]+)"/g)].map((m) => m[1]);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it("draws every chart the data calls for, and says why for the others", () => {
    expect(figs.map((f) => f.id)).toEqual(expectedCharts(data));
    const all = ["budget-bars", ...data.campuses.flatMap((c) => [...["power-sankey", "water-sankey", "margin-heatmap", "unserved-heatmap", "timeline", "cost-by-year", "hall-strip", "plant-capacity"].map((k) => `${k}-${c.name}`), ...financeCharts(c)])];
    expect([...figs.map((f) => f.id), ...skipped(html)].sort()).toEqual(all.sort());
    for (const f of figs) expect(dataElements(f.svg), f.id).toBeGreaterThanOrEqual(f.marks);
  });

  it("draws one Sankey link per non-zero energy flow, balanced at the facility", () => {
    for (const c of data.campuses) {
      const f = figs.find((x) => x.id === `power-sankey-${c.name}`)!;
      const flows = powerFlowCount(c);
      expect(flows).toBeGreaterThan(0);
      expect(f.marks).toBe(flows);
      expect(sankeyLinks(f.svg)).toBe(flows);
      const graph = powerFlows(c);
      expect(graph.links).toHaveLength(flows);
      expect(graph.links.every((l) => l.value > 0)).toBe(true);
      const { inflow, outflow } = nodeBalance(graph, FACILITY);
      expect(Math.abs(inflow - outflow)).toBeLessThanOrEqual(1e-9 * inflow);
      // Into the facility: the physical contracts' energy and the unserved energy, as the model supplied it.
      const supplied = c.contracts.filter((k) => k.delivery !== "virtual").reduce((s, k) => s + k.suppliedMwh, 0) + c.unservedMwh;
      expect(inflow).toBeCloseTo(supplied, 6);
      const virtual = c.contracts.filter((k) => k.delivery === "virtual");
      for (const k of virtual) expect(html).toContain(escapeHtml(k.name));
    }
  });

  it("balances the water Sankey at every plant and at the permit", () => {
    for (const c of data.campuses) {
      const graph = waterFlows(c)!;
      const f = figs.find((x) => x.id === `water-sankey-${c.name}`)!;
      expect(f.marks).toBe(graph.links.length);
      expect(sankeyLinks(f.svg)).toBe(graph.links.length);
      for (const p of c.plants) {
        const { inflow, outflow } = nodeBalance(graph, `${p.hall} ${p.technology}`);
        expect(inflow).toBeCloseTo(p.makeupM3, 6);
        expect(outflow).toBeCloseTo(p.makeupM3, 6);
      }
      if (c.waterPermitM3PerYear !== undefined) {
        expect(nodeBalance(graph, PERMIT).outflow).toBeCloseTo(Math.max(c.waterPermitM3PerYear, 0), 6);
        expect(graph.nodes.some((n) => n.name === UNUSED_PERMIT)).toBe(c.waterPermitM3PerYear > c.plants.reduce((s, p) => s + p.makeupM3, 0));
      }
    }
  });

  it("draws one budget bar per budget row, and heatmap cells per hour", () => {
    const bars = figs.find((f) => f.id === "budget-bars")!;
    expect(bars.marks).toBe(data.budgets.length);
    expect(count(bars.svg, />violated: /g)).toBe(data.budgets.filter((r) => r.headroom < 0).length);
    for (const c of data.campuses) {
      const margin = figs.find((f) => f.id === `margin-heatmap-${c.name}`)!;
      expect(c.supplyMarginK).toHaveLength(8760);
      expect(margin.marks).toBe(c.supplyMarginK!.filter(Number.isFinite).length);
      expect(dataElements(margin.svg)).toBe(margin.marks);
      // No label per cell: a heatmap has only its axis and legend texts.
      expect(count(margin.svg, /<text\b/g)).toBeLessThan(40);
      const strip = figs.find((f) => f.id === `hall-strip-${c.name}`)!;
      expect(strip.marks).toBe(c.strips.reduce((s, h) => s + h.groups.length, 0));
      expect(dataElements(strip.svg)).toBe(strip.marks);
    }
  });

  it("lists the findings with their fixes and the component tree", () => {
    for (const f of data.findings) {
      expect(html).toContain(escapeHtml(f.message));
      expect(html).toContain(escapeHtml(f.remediation));
    }
    expect(html).toContain('<ul class="tree">');
    expect(html).toContain(`<span class="name">${escapeHtml(data.tree[0].name)}</span>`);
  });

  it("keeps its structure (snapshot of each chart's marks and elements)", () => {
    expect(figs.map(summary)).toMatchSnapshot();
  });
});

// ---------------------------------------------------------------------------------------------------------------
// Hand-built data

const usd = (base: number) => ({ low: base * 0.8, base, high: base * 1.25 });

function costRow(year: number | undefined, capex: number, opex: number): CostYearRow {
  return {
    ...(year === undefined ? {} : { year }), capexUsd: usd(capex), ownerCapexUsd: usd(capex), partnerCapexUsd: usd(0), energyCostUsd: usd(opex * 0.8),
    waterCostUsd: usd(0), maintenanceUsd: usd(opex * 0.2), opexUsd: usd(opex), depreciationUsd: usd(capex / 10), leasePaymentsUsd: usd(0), gpuHours: 1e6,
    costUsdPerGpuHour: usd(2), energyCostUsdPerMwh: usd(80),
    refreshCapexUsd: { low: 0, base: 0, high: 0 }, ownerOnBalanceSheetCapexUsd: usd(capex), capacityCostUsd: { low: 0, base: 0, high: 0 }, demandChargeUsd: { low: 0, base: 0, high: 0 }, ppaSettlementUsd: { low: 0, base: 0, high: 0 }, capitalChargeUsd: { low: 0, base: 0, high: 0 }, costWithCapitalUsdPerGpuHour: { low: 0, base: 0, high: 0 },
  };
}

function campus(over: Partial<CampusData> = {}): CampusData {
  return {
    name: "test<&>\"campus'",
    hoursKept: true,
    fullBuildYear: 2030,
    contracts: [
      { name: "grid", source: "grid-x", contractedMw: 0.4, firmMw: 0.4, delivery: "physical", suppliedMwh: 2000 },
      { name: "wind", source: "wind", contractedMw: 0.5, firmMw: 0, delivery: "physical", suppliedMwh: 200 },
      { name: "solar-vppa", source: "solar", contractedMw: 1, firmMw: 0, delivery: "virtual", suppliedMwh: 0 },
    ],
    unservedMwh: 100,
    halls: [{ name: "hall-<1>", racksMwh: 1900, networkMwh: 100, coolingMwh: 150, electricalLossMwh: 50, airHandlingMwh: 0, cduPumpsMwh: 100 }],
    plants: [],
    years: [yearRow(2030, { hallsStarting: ["hall-<1>"], contractsStarting: ["grid", "wind"] }), yearRow(2031, { contractsEnding: ["wind"] })],
    costYears: [costRow(2030, 5e6, 1e5), costRow(2031, 0, 1.2e5)],
    strips: [{ name: "hall-<1>", maxRackKw: 130, groups: [{ name: "row-1", design: "nvl72", rackCount: 2, itLoadPerRackKw: 125, ratedKwPerRack: 132 }] }],
    ...over,
  };
}

function budget(over: Partial<BudgetRow>): BudgetRow {
  return {
    policy: "water-permit", budget: "annual water", enforcementLevel: "mandatory", checked: 1, resourceName: "test", used: 50, limit: 100, unit: "m³/yr",
    bound: "max", headroom: 50, headroomShare: 0.5, violations: 0, ...over,
  };
}

function report(over: Partial<ReportData> = {}): ReportData {
  return { stack: "hand<built>", verdict: "pass", campuses: [campus()], budgets: [budget({})], findings: [], tree: [], ...over };
}

describe("HTML report of hand-built data", () => {
  it("skips the water Sankey and the hourly heatmaps with a sentence when there is no water and no hourly series", () => {
    const html = htmlReport(report());
    const c = "test&lt;&amp;&gt;&quot;campus&#39;";
    expectSelfContained(html);
    expect(skipped(html)).toEqual([`water-sankey-${c}`, `margin-heatmap-${c}`, `unserved-heatmap-${c}`, `plant-capacity-${c}`]);
    expect(html).toContain("No plant uses water.");
    expect(html).toContain("No hourly supply-temperature margin");
    expect(html).toContain("No hourly supply series");
    expect(figures(html).map((f) => f.id)).toEqual(["budget-bars", `power-sankey-${c}`, `timeline-${c}`, `cost-by-year-${c}`, `hall-strip-${c}`]);
    // A permit but no water: still skipped, naming the permit.
    expect(htmlReport(report({ campuses: [campus({ waterPermitM3PerYear: 500, plants: [{ hall: "h", technology: "dry-cooler", makeupM3: 0, evaporationM3: 0, blowdownM3: 0 }] })] })))
      .toContain("No plant uses water (permit 500 m³/yr unused).");
  });

  it("draws no energy flows, and no hourly margin, for a campus whose hours were not kept, saying why (never zeros or 'no energy taken')", () => {
    const html = htmlReport(report({ campuses: [campus({ hoursKept: false })] }));
    const c = "test&lt;&amp;&gt;&quot;campus&#39;";
    expect(skipped(html)).toEqual(expect.arrayContaining([`power-sankey-${c}`, `margin-heatmap-${c}`]));
    expect(html).toContain("No hourly series for this campus: they were not kept");
    expect(html).not.toContain("No energy taken from");
  });

  it("escapes every name and draws an unserved source into the facility", () => {
    const data = report();
    const html = htmlReport(data);
    expect(html).not.toContain("test<&>");
    expect(html).not.toContain("hall-<1>");
    expect(html).not.toContain("hand<built>");
    expect(html).toContain("hand&lt;built&gt;");
    expect(html).toContain('clip-path="url(#timeline-test____campus_-');
    const graph = powerFlows(data.campuses[0]);
    // grid, wind, unserved in; IT, network, cooling, electrical losses, CDU pumps out (air handling is 0: left out).
    expect(graph.links.map((l) => [l.source.split(" ")[0], l.target])).toEqual([
      ["grid", FACILITY], ["wind", FACILITY], ["unserved", FACILITY], [FACILITY, "IT hall-<1>"], [FACILITY, "network"], [FACILITY, "cooling"],
      [FACILITY, "electrical losses"], [FACILITY, "CDU pumps"],
    ]);
    expect(graph.nodes.map((n) => n.name)).toContain("grid (grid-x, firm 0.4 MW)");
    expect(graph.nodes.map((n) => n.name)).toContain("wind (wind, non-firm 0.5 MW)");
    const { inflow, outflow } = nodeBalance(graph, FACILITY);
    expect(inflow).toBeCloseTo(outflow, 9);
    const f = figures(html).find((x) => x.id.startsWith("power-sankey-"))!;
    expect(f.marks).toBe(8);
    expect(sankeyLinks(f.svg)).toBe(8);
    expect(html).toContain("Virtual PPAs (certificates only, no energy delivered): solar-vppa (solar, 1 MW).");
  });

  it("labels violated budgets and colours budgets by headroom", () => {
    const rows = [
      budget({}),
      budget({ policy: "pue-max", budget: "PUE", used: 1.25, limit: 1.3, unit: "", headroom: 0.05, headroomShare: 0.05 / 1.3 }),
      budget({ policy: "firm-power", budget: "firm power", used: 0.6, limit: 0.5, unit: "MW", headroom: -0.1, headroomShare: -0.2, violations: 1 }),
      budget({ policy: "supply-temperature", budget: "margin", used: 2, limit: 4, unit: "K", bound: "min", headroom: -2, headroomShare: -0.5, violations: 1 }),
      budget({ policy: "energy-adequacy", budget: "unserved hours", used: 0, limit: 0, unit: "h/yr", headroom: 0, headroomShare: 0 }),
      budget({ policy: "energy-adequacy", budget: "unserved hours", used: 12, limit: 0, unit: "h/yr", headroom: -12, headroomShare: -Infinity, violations: 1, enforcementLevel: "advisory" }),
    ];
    const bars = rows.map(budgetBar);
    expect(bars.map((b) => b.state)).toEqual(["ok", "tight", "violated", "violated", "ok", "violated"]);
    expect(bars.map((b) => b.load)).toEqual([0.5, 1.25 / 1.3, 0.6 / 0.5, 2, 0, Infinity]);
    expect(bars[2].text).toBe("violated: 0.6 of 0.5 MW");
    expect(bars[3].text).toBe("violated: 2 K, min 4");
    expect(bars[5].label).toBe("energy-adequacy: unserved hours (advisory)");
    const html = htmlReport(report({ budgets: rows, verdict: "fail" }));
    const f = figures(html).find((x) => x.id === "budget-bars")!;
    expect(f.marks).toBe(6);
    expect(dataElements(f.svg)).toBeGreaterThanOrEqual(6);
    expect(f.svg).toContain(">violated: 0.6 of 0.5 MW</text>");
    expect(f.svg).toContain(">violated: 2 K, min 4</text>");
    expect(f.svg).toContain(">violated: 12 of 0 h/yr (off scale)</text>");
    expect(count(f.svg, />violated: /g)).toBe(3);
    expect(html).toContain('data-verdict="fail"');
  });

  it("lays out an undated campus, hourly series and findings", () => {
    const margin = Array.from({ length: 8760 }, (_, h) => (h % 24 === 15 ? -1.5 : 3));
    const unserved = Array.from({ length: 8760 }, (_, h) => (h >= 4000 && h < 4010 ? 0.2 : 0));
    const data = report({
      campuses: [campus({ fullBuildYear: undefined, supplyMarginK: margin, unservedMw: unserved, years: [yearRow(undefined)], costYears: [costRow(undefined, 1e6, 1e5)] })],
      findings: [{
        policy: "firm-power", status: "violation", enforcementLevel: "mandatory", resourceUrn: "urn:x", resourceName: "x<y>", message: "too <much>", remediation: "buy & build", year: 2030, at: "2030-07-01 15:00",
      }],
      tree: [{ name: "root", type: "Campus", children: [{ name: "leaf", type: "DataHall", children: [], hidden: 0 }], hidden: 4 }],
    });
    const html = htmlReport(data);
    const byId = new Map(figures(html).map((f) => [f.id.replace(/-test.*$/, ""), f]));
    expect(byId.get("margin-heatmap")!.marks).toBe(8760);
    expect(byId.get("unserved-heatmap")!.marks).toBe(10);
    expect(dataElements(byId.get("unserved-heatmap")!.svg)).toBe(10);
    expect(html).toContain("365 hours below 0 K (lowest -1.5 K).");
    expect(html).toContain("10 hours with unserved power");
    expect(byId.get("timeline")!.svg).toContain(">steady state</text>");
    expect(html).toContain("<td>x&lt;y&gt;</td>");
    expect(html).toContain("too &lt;much&gt;");
    expect(html).toContain("buy &amp; build");
    expect(html).toContain('<td class="when">2030-07-01 15:00</td>');
    expect(html).toContain('<li class="more">… 4 more</li>');
  });

  it("counts heatmap cells and Sankey columns, and pulls overlapping labels apart within the chart", () => {
    expect(heatmapCells([1, NaN, -2, Infinity], Number.isFinite)).toEqual([[0, 0, 1], [0, 2, -2]]);
    expect(heatmapCells(Array.from({ length: 49 }, () => 1), () => true).at(-1)).toEqual([2, 0, 1]);
    expect(sankeyColumns(powerFlows(campus()))).toEqual([3, 1, 5]);
    const moved = spreadLabels(new Map([[0, { x: 10, y: 100, width: 5, height: 12 }], [1, { x: 10, y: 104, width: 5, height: 12 }], [2, { x: 50, y: 104, width: 5, height: 12 }], [3, { x: 10, y: 290, width: 5, height: 12 }]]), 300);
    expect(moved.get(1)).toBeCloseTo(9, 9);
    expect(moved.has(0)).toBe(false);
    expect(moved.has(2)).toBe(false);
    expect(moved.get(3)).toBeCloseTo(-2, 9);
  });

  it("loads ECharts only when a chart is drawn", () => {
    const chartFiles = fs.readdirSync(path.join(__dirname, "..", "report", "charts")).filter((f) => f.endsWith(".ts")).map((f) => `charts/${f}`);
    expect(chartFiles.length).toBeGreaterThan(5);
    for (const file of ["charts.ts", "html.ts", "index.ts", "data.ts", ...chartFiles]) {
      const source = fs.readFileSync(path.join(__dirname, "..", "report", file), "utf8");
      expect(source, file).not.toMatch(/^import (?!type )[^;]*from "echarts/m);
    }
  });
});

describe("the HTML report and exemptions", () => {
  it("marks an exempted violation EXEMPTED with its reason and expiry, never drops it, and counts it apart", async () => {
    const run = await runPlan({
      stack: "prometheus",
      config: loadStackConfig("prometheus"),
      policyConfig: { "firm-power": { exemptions: [{ resource: "prometheus", reason: "interim gas turbines under contract", expires: "2099-12-31" }] } },
    });
    const report = buildReport(run, 3);
    const html = htmlReport(reportData(run, report));
    const rows = [...html.matchAll(/<tr class="finding exempted">(.*?)<\/tr>/g)].map((m) => m[1]);
    expect(rows.length).toBe(run.findings.filter((f) => f.policy === "firm-power" && f.status === "violation").length);
    expect(rows.length).toBeGreaterThan(0);
    expect(rows[0]).toContain("mandatory, EXEMPTED");
    expect(rows[0]).toContain("exempted: interim gas turbines under contract, until 2099-12-31");
    // energy-adequacy still fails prometheus: 1 mandatory violation left, 1 exempted.
    expect(html).toMatch(/\(1 mandatory, 1 exempted\)/);
  });
});
