/**
 * The planner's cost tables: real offline plans of prometheus and hyperion (their Pulumi.<stack>.yaml, default scale)
 * rendered as text, Markdown and JSON (capex by category, unit costs, cost by year, financing), hand-built costs for
 * missing prices and odd outputs, and the money formatter.
 */
import { beforeAll, describe, expect, it } from "vitest";
import type { CostYearRow } from "../components/costs/campusCost";
import type { UsdRange } from "../components/costs/range";
import { TYPES } from "../policies/view";
import { financingLine, renderMarkdown, renderText } from "../plan/render";
import { buildReport, CampusCosts, campusCosts, PlanReport } from "../plan/report";
import { PlanRun, runPlan } from "../plan/runPlan";
import { loadStackConfig } from "../plan/stackConfig";
import { cellsOf, mdTableAfter, tableAfter } from "./helpers/tables";
import { show, usd } from "../components/format/numbers";

/** Markdown keeps dollar signs literal (`\$`): a cell as the text table prints it. */
const unescaped = (cell: string) => cell.replace(/\\\$/g, "$");

const three = (r: UsdRange) => [usd(r.low), usd(r.base), usd(r.high)];

/** Categories in the order first published, each with its lines' capex summed. */
function byCategory(c: CampusCosts): [string, UsdRange][] {
  const sums = new Map<string, UsdRange>();
  for (const l of c.capex) {
    const s = sums.get(l.category) ?? { low: 0, base: 0, high: 0 };
    sums.set(l.category, { low: s.low + l.capexUsd.low, base: s.base + l.capexUsd.base, high: s.high + l.capexUsd.high });
  }
  return [...sums];
}

describe.each(["prometheus", "hyperion"])("cost tables of a real plan (%s, default scale)", (stack) => {
  let run: PlanRun;
  let report: PlanReport;
  let costs: CampusCosts;
  let text: string;
  let md: string;
  let json: PlanReport;
  const textTitle = (what: string) => new RegExp(`^${what}, campus ${stack} `);
  const mdTitle = (what: string) => new RegExp(`^${what}, campus \`${stack}\` `);

  beforeAll(async () => {
    run = await runPlan({ stack, config: loadStackConfig(stack) });
    report = buildReport(run, 3);
    expect(report.costs).toHaveLength(1);
    costs = report.costs![0];
    text = renderText(report);
    md = renderMarkdown(report);
    json = JSON.parse(JSON.stringify(report)) as PlanReport;
  });

  it("reads the campus's cost outputs", () => {
    expect(costs.campus).toBe(stack);
    expect(costs.capex.length).toBeGreaterThan(0);
    expect(costs.capexUsd!.base).toBeGreaterThan(0);
    expect(costs.fullBuildYear).toBe(report.years[0].fullBuildYear);
  });

  it("prints the capex table after the year-by-year table, then the cost by year, before the monthly table", () => {
    const at = (s: string) => text.indexOf(s);
    const order = [
      `Year by year, campus ${stack} (`,
      `Capex by category, campus ${stack} (USD, low / base / high):`,
      `Unit costs, campus ${stack} (USD, low / base / high): `,
      `Cost by year, campus ${stack} (USD, base; low-high for capex and opex):`,
      `Year by month, campus ${stack} (`,
    ].map(at);
    for (const i of order) expect(i).toBeGreaterThanOrEqual(0);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
  });

  it("has one capex row per category published, merged, and a total row equal to the published capexUsd", () => {
    const [header, ...rows] = tableAfter(text, textTitle("Capex by category")).map(cellsOf);
    expect(header).toEqual(["category", "low", "base", "high", "life years", "maintenance %/yr"]);
    const categories = byCategory(costs);
    expect(rows.slice(0, -1).map((r) => r[0])).toEqual(categories.map(([c]) => c));
    expect(rows.slice(0, -1).map((r) => r.slice(1, 4))).toEqual(categories.map(([, r]) => three(r)));
    expect(rows.at(-1)).toEqual(["total", ...three(costs.capexUsd!), "-", "-"]);
    // The lines add up to the total the campus published.
    const base = categories.reduce((s, [, r]) => s + r.base, 0);
    expect(base).toBeCloseTo(costs.capexUsd!.base, 0);
    const md_ = mdTableAfter(md, mdTitle("Capex by category"));
    expect(md_.rows.map((r) => r.map(unescaped))).toEqual(rows);
  });

  it("prints life and maintenance of each category as published", () => {
    const rows = tableAfter(text, textTitle("Capex by category")).slice(1, -1).map(cellsOf);
    for (const r of rows) {
      const lines = costs.capex.filter((l) => l.category === r[0]);
      const lives = [...new Set(lines.map((l) => l.usefulLifeYears))].sort((a, b) => a - b);
      const shares = [...new Set(lines.map((l) => l.maintenanceShareOfCapex))].sort((a, b) => a - b);
      expect(r[4]).toBe(lives.length === 1 ? show(lives[0]) : `${show(lives[0])}-${show(lives.at(-1)!)}`);
      if (shares.length === 1) expect(r[5]).toBe(`${show(shares[0] * 100)} %`);
    }
  });

  it("prints the unit costs, low / base / high, with the full-build year", () => {
    const line = text.split("\n").find((l) => l.startsWith(`Unit costs, campus ${stack} `))!;
    const slash = (r: UsdRange) => three(r).join(" / ");
    expect(line).toContain(`capex per MW of IT ${slash(costs.capexUsdPerMwIt!)}`);
    expect(line).toContain(`capex per GPU ${slash(costs.capexUsdPerGpu!)}`);
    expect(line).toContain(`cost per GPU-hour (${costs.fullBuildYear}, full build) ${slash(costs.costUsdPerGpuHour!)}`);
    expect(line).toContain(`energy cost per MWh (${costs.fullBuildYear}, full build) ${slash(costs.energyCostUsdPerMwh!)}`);
  });

  it("has one cost row per year of the horizon, in order, with the published base figures", () => {
    const y = report.years[0];
    const horizon = Array.from({ length: y.horizonEndYear! - y.horizonStartYear! + 1 }, (_, i) => String(y.horizonStartYear! + i));
    const [header, ...rows] = tableAfter(text, textTitle("Cost by year")).map(cellsOf);
    expect(header.slice(0, 9)).toEqual(["year", "capex", "capex low-high", "opex", "opex low-high", "energy", "water", "maintenance", "depreciation"]);
    // The book cost (depreciation + opex); the cost with the capital charge, when the rows carry it, follows it.
    const book = header.indexOf("book cost/GPU-h");
    expect(book).toBeGreaterThan(8);
    expect(rows.map((r) => r[0])).toEqual(horizon);
    rows.forEach((cells, i) => {
      const r = costs.rows[i];
      expect(cells.slice(1, 9)).toEqual([
        usd(r.capexUsd.base), usd(r.capexUsd.low) === usd(r.capexUsd.high) ? usd(r.capexUsd.low) : `${usd(r.capexUsd.low)}-${usd(r.capexUsd.high)}`,
        usd(r.opexUsd.base), `${usd(r.opexUsd.low)}-${usd(r.opexUsd.high)}`,
        usd(r.energyCostUsd.base), usd(r.waterCostUsd.base), usd(r.maintenanceUsd.base), usd(r.depreciationUsd.base),
      ]);
      expect(cells[book]).toBe(r.gpuHours > 0 ? usd(r.costUsdPerGpuHour.base) : "-");
      expect(cells).toHaveLength(header.length);
    });
    // Capex placed year by year is the build's capex (the campus's total) and the replacements (the finance's refresh capex).
    const refresh = costs.rows.reduce((s, r) => s + r.refreshCapexUsd.base, 0);
    expect(costs.rows.reduce((s, r) => s + r.capexUsd.base, 0) - refresh).toBeCloseTo(costs.capexUsd!.base, 0);
    expect(refresh).toBeCloseTo(costs.finance!.refreshCapexUsd.base, 0);
    expect(costs.finance!.refreshes.reduce((s, e) => s + e.capexUsd.base, 0)).toBeCloseTo(refresh, 0);
    const md_ = mdTableAfter(md, mdTitle("Cost by year"));
    expect(md_.header).toEqual(header);
    expect(md_.rows.map((r) => r.map(unescaped))).toEqual(rows);
  });

  it("carries the cost outputs as published in JSON", () => {
    const campus = run.views.find((v) => v.type === TYPES.campus)!;
    const published = JSON.parse(JSON.stringify(campus.props)) as Record<string, unknown>;
    const c = json.costs![0];
    expect(c.rows).toEqual(published.costYears);
    expect(c.rows).toHaveLength(report.years[0].rows.length);
    expect(c.capex).toEqual(published.capex);
    for (const key of ["capexUsd", "capexUsdPerMwIt", "capexUsdPerGpu", "costUsdPerGpuHour", "energyCostUsdPerMwh", "costMissing", "financing"] as const) {
      expect(c[key], key).toEqual(published[key]);
    }
  });

  it("warns of missing prices exactly when the campus lists some", () => {
    expect(text.includes("cost incomplete: no price for")).toBe(costs.costMissing.length > 0);
  });

  it("shows owner, partner and lease columns exactly when the campus is financed; owner + partner = capex", () => {
    const [header, ...rows] = tableAfter(text, textTitle("Cost by year")).map(cellsOf);
    const financed = costs.financing !== undefined;
    if (stack === "hyperion") expect(financed).toBe(true);
    expect(header.includes("owner capex")).toBe(financed);
    expect(header.includes("partner capex")).toBe(financed);
    expect(header.includes("lease payments")).toBe(financed);
    if (!costs.financing) {
      expect(text).not.toContain("Financing:");
      return;
    }
    const f = costs.financing;
    expect(text).toContain(financingLine(costs)!);
    expect(financingLine(costs)).toContain(`Financing: ${f.partner} funds ${show(f.partnerShareOfFacility! * 100)} % of the facility; lease `);
    const col = (name: string) => header.indexOf(name);
    rows.forEach((cells, i) => {
      const r = costs.rows[i];
      expect(r.ownerCapexUsd.base + r.partnerCapexUsd.base).toBeCloseTo(r.capexUsd.base, 3);
      expect(cells[col("owner capex")]).toBe(usd(r.ownerCapexUsd.base));
      expect(cells[col("partner capex")]).toBe(usd(r.partnerCapexUsd.base));
      expect(cells[col("lease payments")]).toBe(usd(r.leasePaymentsUsd.base));
    });
    // The partner funds part of the facility in a year with capex, and is paid from then on.
    expect(costs.rows.some((r) => r.partnerCapexUsd.base > 0)).toBe(true);
    expect(costs.rows.at(-1)!.leasePaymentsUsd.base).toBeGreaterThan(0);
  });
});

/** A cost row with round numbers; `over` replaces fields. */
function costRow(over: Partial<CostYearRow> = {}): CostYearRow {
  const r = (base: number): UsdRange => ({ low: base * 0.8, base, high: base * 1.25 });
  return {
    capexUsd: r(1e6), ownerCapexUsd: r(1e6), partnerCapexUsd: r(0), energyCostUsd: r(50_000), waterCostUsd: r(100), maintenanceUsd: r(20_000),
    opexUsd: r(70_100), depreciationUsd: r(200_000), leasePaymentsUsd: r(0), gpuHours: 100_000, costUsdPerGpuHour: r(2.701), energyCostUsdPerMwh: r(80),
    refreshCapexUsd: { low: 0, base: 0, high: 0 }, ownerOnBalanceSheetCapexUsd: r(1e6), capacityCostUsd: { low: 0, base: 0, high: 0 }, demandChargeUsd: { low: 0, base: 0, high: 0 }, ppaSettlementUsd: { low: 0, base: 0, high: 0 }, capitalChargeUsd: { low: 0, base: 0, high: 0 }, costWithCapitalUsdPerGpuHour: { low: 0, base: 0, high: 0 },
    ...over,
  };
}

/** A campus's costs with one line, one undated row and nothing missing; `over` replaces fields. */
function campus(over: Partial<CampusCosts> = {}): CampusCosts {
  return {
    campus: "lab",
    capex: [{ category: "it-hardware", capexUsd: { low: 8e5, base: 1e6, high: 1.25e6 }, usefulLifeYears: 5, maintenanceShareOfCapex: 0.03 }],
    capexUsd: { low: 8e5, base: 1e6, high: 1.25e6 },
    capexUsdPerMwIt: { low: 4e7, base: 5e7, high: 6.25e7 }, capexUsdPerGpu: { low: 8e4, base: 1e5, high: 1.25e5 },
    costUsdPerGpuHour: { low: 2, base: 2.5, high: 3 }, energyCostUsdPerMwh: { low: 64, base: 80, high: 100 },
    rows: [costRow()],
    costMissing: [],
    ...over,
  };
}

function reportWith(costs: CampusCosts[] | undefined): PlanReport {
  return {
    project: "aicluster", stack: "test", config: {}, resourceCount: 0, resourcesByType: [], tree: [], outputs: {}, budgets: [],
    years: [], ...(costs === undefined ? {} : { costs }), monthly: [], findings: [], verdict: "pass", wallSeconds: 0,
  };
}

describe("cost rendering of hand-built costs", () => {
  it("warns, never silently, when prices are missing", () => {
    const missing = ['rack design "x" (rackHardwareCosts)', 'water at climate "mars" (waterPrices)'];
    const r = reportWith([campus({ costMissing: missing })]);
    const text = renderText(r);
    expect(text).toContain(`Warning, campus lab: cost incomplete: no price for ${missing.join(", ")}`);
    expect(text.indexOf("cost incomplete")).toBeLessThan(text.indexOf("Capex by category, campus lab"));
    const md = renderMarkdown(r);
    expect(md).toContain(`**Warning**, campus \`lab\`: cost incomplete: no price for ${missing.join(", ")}`);
    expect(renderText(reportWith([campus()]))).not.toContain("cost incomplete");
  });

  it("labels an undated row `-`, a year without GPU-hours `-` per GPU-hour, and one undated title", () => {
    const text = renderText(reportWith([campus({ rows: [costRow({ gpuHours: 0 })] })]));
    const [, only, ...rest] = tableAfter(text, /^Cost by year, campus lab /).map(cellsOf);
    expect(rest).toEqual([]);
    // Book cost per GPU-hour and the cost with the capital charge: both "-" without GPU-hours.
    expect(only).toEqual(["-", "$1.00M", "$800k-$1.25M", "$70.1k", "$56.1k-$87.6k", "$50.0k", "$100", "$20.0k", "$200k", "-", "-"]);
    expect(text).toContain("Unit costs, campus lab (USD, low / base / high): capex per MW of IT $40.0M / $50.0M / $62.5M; capex per GPU $80.0k / $100k / $125k; cost per GPU-hour $2.00 / $2.50 / $3.00; energy cost per MWh $64.0 / $80.0 / $100");
  });

  it("merges lines of one category, showing the spread of their lives, and shows `-` for what a row lacks", () => {
    const c = campus({
      capex: [
        { category: "it-hardware", capexUsd: { low: 1, base: 2, high: 3 }, usefulLifeYears: 5, maintenanceShareOfCapex: 0.03 },
        { category: "shell", capexUsd: { low: 10, base: 20, high: 30 }, usefulLifeYears: 25, maintenanceShareOfCapex: 0.02 },
        { category: "it-hardware", capexUsd: { low: 1e3, base: 2e3, high: 3e3 }, usefulLifeYears: 6, maintenanceShareOfCapex: 0.04 },
      ],
      capexUsd: { low: 1011, base: 2022, high: 3033 },
      rows: [{ year: 2030, capexUsd: { low: 1, base: 2, high: 3 } } as CostYearRow],
    });
    const text = renderText(reportWith([c]));
    const rows = tableAfter(text, /^Capex by category, campus lab /).slice(1).map(cellsOf);
    expect(rows).toEqual([
      ["it-hardware", "$1.00k", "$2.00k", "$3.00k", "5-6", "3-4 %"],
      ["shell", "$10.0", "$20.0", "$30.0", "25", "2 %"],
      ["total", "$1.01k", "$2.02k", "$3.03k", "-", "-"],
    ]);
    const [, only] = tableAfter(text, /^Cost by year, campus lab /).map(cellsOf);
    expect(only).toEqual(["2030", "$2.00", "$1.00-$3.00", "-", "-", "-", "-", "-", "-", "-"]);
  });

  it("keeps dollar signs literal in Markdown", () => {
    const md = renderMarkdown(reportWith([campus()]));
    const { rows } = mdTableAfter(md, /^Cost by year, campus `lab` /);
    expect(rows[0][1]).toBe("\\$1.00M");
    expect(md).not.toMatch(/[^\\]\$\d/);
  });

  it("prints nothing of costs for a report without them", () => {
    for (const r of [reportWith(undefined), reportWith([])]) {
      expect(renderText(r)).not.toMatch(/Capex by category|Cost by year|Unit costs/);
      expect(renderMarkdown(r)).not.toMatch(/Capex by category|Cost by year|Unit costs/);
    }
  });

  it("leaves out a campus whose `costYears` output is not a cost ledger, and what is not a range or a line", () => {
    const view = (name: string, props: Record<string, unknown>) => ({ type: TYPES.campus, urn: `urn:${name}`, name, props });
    const good = { low: 1, base: 2, high: 3 };
    const views = [
      view("good", {
        costYears: [{ capexUsd: good }], capexUsd: { low: 1, base: "2", high: 3 }, capexUsdPerGpu: good,
        capex: [{ category: "shell", capexUsd: good, usefulLifeYears: 25, maintenanceShareOfCapex: 0.02 }, { category: 7, capexUsd: good }, null],
        costMissing: ["x", 3], financing: { partner: "jv", partnerShareOfFacility: "0.5", leaseRatePerYear: 0.1 }, fullBuildYear: 2030.5,
      }),
      view("none", {}),
      view("empty", { costYears: [] }),
      view("noCapex", { costYears: [{ opexUsd: good }] }),
      view("badCapex", { costYears: [{ capexUsd: 5 }] }),
      view("nulls", { costYears: [null] }),
      { type: TYPES.dataHall, urn: "urn:hall", name: "hall", props: { costYears: [{ capexUsd: good }] } },
    ];
    const read = campusCosts(views);
    expect(read.map((c) => c.campus)).toEqual(["good"]);
    expect(read[0]).toEqual({
      campus: "good", capex: [{ category: "shell", capexUsd: good, usefulLifeYears: 25, maintenanceShareOfCapex: 0.02 }],
      capexUsdPerGpu: good, rows: [{ capexUsd: good }], costMissing: ["x"],
    });
    expect(() => renderText(reportWith(read))).not.toThrow();
    expect(() => renderMarkdown(reportWith(read))).not.toThrow();
  });
});

describe("money formatter", () => {
  it.each([
    [0, "$0"], [-0, "$0"], [999, "$999"], [1234, "$1.23k"], [2.5e6, "$2.50M"], [3.94e10, "$39.4B"], [812e6, "$812M"], [78_231, "$78.2k"],
    [2.0912, "$2.09"], [0.879, "$0.879"], [999_999, "$1.00M"], [1.5e12, "$1.50T"], [-1234, "-$1.23k"], [-2.5e6, "-$2.50M"], [-0.0001, "-$0.000100"],
    [NaN, "-"], [Infinity, "-"],
  ])("usd(%s) = %s", (n, s) => {
    expect(usd(n)).toBe(s);
  });
});
