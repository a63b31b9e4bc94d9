/**
 * The planner's year-by-year table: a real offline plan of the prometheus stack (its Pulumi.prometheus.yaml, scale
 * 0.001) rendered as text, Markdown and JSON, and hand-built rows for the undated and firm-shortfall cases.
 */
import { beforeAll, describe, expect, it } from "vitest";
import type { YearRow } from "../components/years/ledger";
import { TYPES } from "../policies/view";
import { renderMarkdown, renderText } from "../plan/render";
import { buildReport, campusYears, PlanReport } from "../plan/report";
import { runPlan } from "../plan/runPlan";
import { loadStackConfig } from "../plan/stackConfig";
import { cellsOf, mdTableAfter, tableAfter } from "./helpers/tables";
import { show } from "../components/format/numbers";

const PUE = new Intl.NumberFormat("en-US", { minimumFractionDigits: 3, maximumFractionDigits: 3 });

describe("year-by-year table of a real plan (prometheus, default scale)", () => {
  let report: PlanReport;
  let text: string;
  let md: string;
  let json: PlanReport;

  beforeAll(async () => {
    report = buildReport(await runPlan({ stack: "prometheus", config: loadStackConfig("prometheus") }), 3);
    text = renderText(report);
    md = renderMarkdown(report);
    json = JSON.parse(JSON.stringify(report)) as PlanReport;
  });

  it("reads the campus's horizon, full-build year and rows as published", () => {
    expect(report.years).toHaveLength(1);
    const c = report.years[0];
    expect(c.campus).toBe("prometheus");
    expect(c.horizonStartYear).toBeTypeOf("number");
    expect(c.horizonEndYear).toBeGreaterThanOrEqual(c.horizonStartYear!);
    expect(c.fullBuildYear).toBeGreaterThanOrEqual(c.horizonStartYear!);
    expect(c.fullBuildYear).toBeLessThanOrEqual(c.horizonEndYear!);
    expect(c.rows.map((r) => r.year)).toEqual(Array.from({ length: c.horizonEndYear! - c.horizonStartYear! + 1 }, (_, i) => c.horizonStartYear! + i));
  });

  it("prints the title and one line per year of the horizon, in order, before the monthly table", () => {
    const c = report.years[0];
    const title = `Year by year, campus prometheus (horizon ${c.horizonStartYear}-${c.horizonEndYear}, full build ${c.fullBuildYear}, carbon in gCO2e/kWh (operational basis)):`;
    expect(text).toContain(title);
    expect(text.indexOf(title)).toBeLessThan(text.indexOf("Year by month, campus prometheus"));
    const [header, ...rows] = tableAfter(text, /^Year by year, campus prometheus /);
    expect(cellsOf(header)[0]).toBe("year");
    expect(rows.map((l) => cellsOf(l)[0])).toEqual(c.rows.map((r) => String(r.year)));
  });

  it("prints the same rows as a Markdown table", () => {
    const c = report.years[0];
    expect(md).toContain(`Year by year, campus \`prometheus\` (horizon ${c.horizonStartYear}-${c.horizonEndYear}, full build ${c.fullBuildYear}, carbon in gCO2e/kWh (operational basis)):`);
    const rows = mdTableAfter(md, /^Year by year, campus `prometheus` /).rows;
    expect(rows).toHaveLength(c.rows.length);
    expect(rows.map((r) => r[0])).toEqual(c.rows.map((r) => String(r.year)));
  });

  it("carries the rows as published in JSON", () => {
    const c = json.years[0];
    expect(c.rows.length).toBe(c.horizonEndYear! - c.horizonStartYear! + 1);
    expect(c.rows).toEqual(JSON.parse(JSON.stringify(report.years[0].rows)));
    expect(c.rows[0]).toHaveProperty("firmHeadroomMw");
  });

  it("prints the published values of the first year with the report's formatter", () => {
    const r: YearRow = report.years[0].rows[0];
    const [, first] = tableAfter(text, /^Year by year, campus prometheus /);
    const cells = cellsOf(first);
    expect(cells[0]).toBe(String(r.year));
    expect(cells[1].split(" ")[0]).toBe(String(r.hallsOnline));
    expect(cells.slice(2, 6)).toEqual([show(r.gpusOnline), show(r.itLoadMw), show(r.peakFacilityPowerMw), show(r.firmMw)]);
    expect(cells[6]).toBe(`${show(r.firmHeadroomMw)}${r.firmHeadroomMw < 0 ? " !" : ""}`);
    expect(cells[7]).toBe(show(r.facilityEnergyMwh / 1000));
    expect(cells[8]).toBe(r.pue === undefined ? "-" : PUE.format(r.pue));
    // Consumed water and, the site having an AWARE factor (central-ohio, US-OH), its scarcity-weighted m³ world-eq beside make-up water.
    expect(r.scarcityWeightedWaterM3).toBeTypeOf("number");
    expect(cells.slice(9, 15)).toEqual([show(r.waterM3), show(r.waterConsumedM3), show(r.scarcityWeightedWaterM3!), show(r.peakDailyWaterM3), show(r.carbonIntensityGPerKwh), show(r.marketCarbonIntensityGPerKwh)]);
    expect(cells[15]).toBe(`${show(r.carbonFreeShare * 100)} %`);
    expect(cells[16]).toBe(show(r.unservedHours));
    expect(cells).toHaveLength(18);
  });

  it("keeps a finding's year in JSON", () => {
    const withYear = report.findings.filter((f) => f.year !== undefined);
    expect(withYear.length).toBeGreaterThan(0);
    for (const f of withYear) expect(json.findings.find((g) => g.policy === f.policy && g.message === f.message)?.year).toBe(f.year);
  });
});

/** A year row with round numbers; `over` replaces fields. */
function row(over: Partial<YearRow> = {}): YearRow {
  return {
    hallsOnline: 2, hallsStarting: [], racksOnline: 4, gpusOnline: 1152, itLoadMw: 1.5, peakFacilityPowerMw: 1.8, peakHour: "2030-07-21 15:00",
    contractedMw: 2, firmMw: 2, firmHeadroomMw: 0.2, contractsActive: ["grid"], contractsStarting: [], contractsEnding: [], contracts: [],
    itEnergyMwh: 12_000, facilityEnergyMwh: 14_400, pue: 1.2, waterM3: 123_456, waterConsumedM3: 98_765, peakDailyWaterM3: 789, worstWaterDay: "2030-07-21",
    carbonTco2: 5000, carbonIntensityGPerKwh: 400, marketCarbonTco2: 2500, marketCarbonIntensityGPerKwh: 200, certificatesMwh: 0,
    certificatesUsedMwh: 0, cleanEnergyShare: 0.5, carbonFreeShare: 0.25, unservedEnergyMwh: 0, unservedHours: 0, maxShortfallMw: 0, energyCoverage: 1,
    ...over,
  };
}

/** A report with nothing but the given year-by-year ledger. */
function reportWith(years: PlanReport["years"]): PlanReport {
  return {
    project: "aicluster", stack: "test", config: {}, resourceCount: 0, resourcesByType: [], tree: [], outputs: {}, budgets: [],
    years, monthly: [], findings: [], verdict: "pass", wallSeconds: 0,
  };
}

describe("year-by-year rendering of hand-built rows", () => {
  it("labels the one row of an undated campus `-` and says it is undated", () => {
    const r = reportWith([{ campus: "lab", rows: [row({ hallsStarting: [], contractsStarting: [] })] }]);
    const text = renderText(r);
    expect(text).toContain("Year by year, campus lab (undated):");
    const [, only, ...rest] = tableAfter(text, /^Year by year, campus lab /);
    expect(rest).toEqual([]);
    // Consumed water beside make-up water; no scarcity-weighted column (no row has it).
    expect(cellsOf(only)).toEqual(["-", "2", "1,152", "1.5", "1.8", "2", "0.2", "14.4", "1.200", "123,456", "98,765", "789", "400", "200", "25 %", "0", "-"]);
    expect(renderMarkdown(r)).toContain("| - | 2 | 1,152 | 1.5 | 1.8 | 2 | 0.2 | 14.4 | 1.200 | 123,456 | 98,765 | 789 | 400 | 200 | 25 % | 0 | - |");
  });

  it("marks a firm shortfall, names up to three halls and contracts and counts more", () => {
    const c = {
      campus: "site", horizonStartYear: 2030, horizonEndYear: 2031, fullBuildYear: 2031,
      rows: [
        row({ year: 2030, hallsOnline: 4, hallsStarting: ["a", "b", "c", "d"], firmMw: 1.5, firmHeadroomMw: -0.3, contractsStarting: ["aep-ohio"], contractsEnding: ["socrates-north"] }),
        row({ year: 2031, hallsOnline: 7, hallsStarting: ["e", "f", "g"], contractsStarting: ["w", "x", "y", "z"], pue: undefined, unservedHours: 12 }),
      ],
    };
    const text = renderText(reportWith([c]));
    expect(text).toContain("Year by year, campus site (horizon 2030-2031, full build 2031):");
    const [, first, second] = tableAfter(text, /^Year by year, campus site /).map(cellsOf);
    expect(first[1]).toBe("4 +4 halls");
    expect(first[6]).toBe("-0.3 !");
    expect(first[16]).toBe("+aep-ohio −socrates-north");
    expect(second[1]).toBe("7 +e,f,g");
    expect(second[6]).toBe("0.2");
    expect(second[8]).toBe("-");
    expect(second[15]).toBe("12");
    expect(second[16]).toBe("+4 contracts");
    const md = mdTableAfter(renderMarkdown(reportWith([c])), /^Year by year, campus `site` /).rows;
    expect(md.map((r) => r[6])).toEqual(["-0.3 !", "0.2"]);
  });

  it("leaves out a campus whose `years` output is not a ledger", () => {
    const campus = (name: string, props: Record<string, unknown>) => ({ type: TYPES.campus, urn: `urn:${name}`, name, props });
    const views = [
      campus("good", { years: [row()], horizonStartYear: "2030" }),
      campus("none", {}),
      campus("empty", { years: [] }),
      campus("strings", { years: [{ hallsOnline: "2", peakFacilityPowerMw: 1, firmMw: 1 }] }),
      campus("nulls", { years: [null] }),
      { type: TYPES.dataHall, urn: "urn:hall", name: "hall", props: { years: [row()] } },
    ];
    const read = campusYears(views);
    expect(read.map((c) => c.campus)).toEqual(["good"]);
    expect(read[0]).not.toHaveProperty("horizonStartYear");
  });
});
