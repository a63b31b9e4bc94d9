/**
 * What the planner shows of the hourly model, on a small program of two campuses run under the mock runtime: the
 * monthly table (JSON, text and Markdown agree and add up to the year), the budget table's "when" (the campus's peak
 * hour for firm power, its worst water day for a daily cap), and `--hourly` JSON (8,760 values per series and campus,
 * summing to the annual figures; absent without the flag).
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Campus } from "../components";
import type { CampusArgs } from "../components/model/campus";
import { check, EXIT } from "../plan/check";
import { parseOptions, UsageError } from "../plan/options";
import { renderMarkdown, renderText } from "../plan/render";
import { buildReport, BudgetRow, PlanReport } from "../plan/report";
import { PlanRun, runProgram } from "../plan/runProgram";
import { readProject } from "../plan/stackConfig";
import { cellsOf, mdTableAfter, tableAfter } from "./helpers/tables";

const HOURS = 8760;
const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
/** Days of each month of the model's 365-day year. */
const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const U_ALPHA = 0.8; // the default utilisation (docs/architecture.md)
const U_BETA = 0.6;

const ALPHA: CampusArgs = {
  location: "New Albany, Ohio",
  climate: "central-ohio",
  market: "pjm",
  onlineYear: 2027,
  waterPermitM3PerYear: 50_000,
  dailyWaterCapM3: 40,
  halls: [
    { name: "h1", racks: [{ name: "nvl", design: "gb200-nvl72", rackCount: 6, supplyTempC: 40 }], cooling: { technology: "adiabatic" } },
    { name: "h2", onlineYear: 2029, racks: [{ name: "nvl", design: "gb300-nvl72", rackCount: 4, supplyTempC: 40 }], cooling: { technology: "adiabatic" } },
  ],
  powerContracts: [
    { name: "grid", counterparty: "AEP Ohio", source: "grid-pjm-ohio", contractedMw: 2.2 },
    { name: "sun", counterparty: "Solar developer", source: "solar-utility", contractedMw: 1.5 },
  ],
};

const BETA: CampusArgs = {
  location: "Richland Parish, Louisiana",
  climate: "north-louisiana",
  waterPermitM3PerYear: 1e6,
  dailyWaterCapM3: 10_000,
  halls: [{ name: "h1", racks: [{ name: "nvl", design: "gb300-nvl72", rackCount: 3, supplyTempC: 45 }], cooling: { technology: "evaporative-tower" }, utilisation: U_BETA }],
  powerContracts: [{ name: "grid", counterparty: "Entergy", source: "grid-miso-louisiana", contractedMw: 20 }],
};

/** The campuses of the last run of the program. */
let built: { alpha: Campus; beta: Campus } | undefined;

function program() {
  const alpha = new Campus("alpha", ALPHA);
  const beta = new Campus("beta", BETA);
  built = { alpha, beta };
  return {
    alphaItMwh: alpha.annualItEnergyMwh, alphaFacilityMwh: alpha.annualFacilityEnergyMwh, alphaWaterM3: alpha.waterM3PerYear,
    betaItMwh: beta.annualItEnergyMwh, betaFacilityMwh: beta.annualFacilityEnergyMwh, betaWaterM3: beta.waterM3PerYear,
  };
}

const sum = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0);
function close(actual: number, expected: number, what: string, rel = 1e-9): void {
  const tol = Math.max(1e-12, rel * Math.max(Math.abs(actual), Math.abs(expected)));
  if (!(Math.abs(actual - expected) <= tol)) throw new Error(`${what}: ${actual} vs ${expected} (tolerance ${tol})`);
}

/** A number as `show` printed it (`1,234`, `12.3`, `1.234`, `0.1234`), or a PUE (`1.072`), or a share (`22.1 %`). */
const parsed = (cell: string) => Number(cell.replace(/,/g, "").replace(/ %$/, ""));
/** Half a unit of the last decimal `show` keeps for a value of this size (components/format/numbers.ts). */
function shownTolerance(v: number): number {
  const a = Math.abs(v);
  const decimals = a >= 1000 ? 0 : a >= 10 ? 1 : a >= 1 ? 3 : 4;
  return 0.5 * 10 ** -decimals + 1e-9;
}
function expectShown(cell: string, value: number, what: string): void {
  const n = parsed(cell);
  if (!(Math.abs(n - value) <= shownTolerance(value))) throw new Error(`${what}: printed ${cell}, value ${value}`);
}

describe("plan output of a small two-campus program", () => {
  let run: PlanRun;
  let report: PlanReport;
  let json: PlanReport;
  let text: string;
  let md: string;

  beforeAll(async () => {
    run = await runProgram({ stack: "hourly-test", config: {}, program });
    report = buildReport(run, 3);
    json = JSON.parse(JSON.stringify(report)) as PlanReport;
    text = renderText(report);
    md = renderMarkdown(report);
  });

  const months = (campus: string) => json.monthly.find((c) => c.campus === campus)!.rows;
  const campusProps = (name: string) => run.views.find((v) => v.name === name && v.type === "aicluster:index:Campus")!.props;

  describe("the monthly table", () => {
    it("has 12 rows per campus in calendar order, in JSON", () => {
      expect(json.monthly.map((c) => c.campus).sort()).toEqual(["alpha", "beta"]);
      for (const c of json.monthly) expect(c.rows.map((r) => r.month)).toEqual(MONTHS);
    });

    it("monthly IT energy is the IT load × utilisation × the month's hours, and sums to the annual IT energy", () => {
      for (const [name, campus, u] of [["alpha", built!.alpha, U_ALPHA], ["beta", built!.beta, U_BETA]] as const) {
        const itMw = campus.footprint.itLoadKw / 1000;
        const rows = months(name);
        rows.forEach((r, m) => close(r.itEnergyMwh, itMw * u * 24 * MONTH_DAYS[m], `${name} ${r.month} IT energy`));
        close(sum(rows.map((r) => r.itEnergyMwh)), itMw * u * HOURS, `${name} Σ monthly IT energy`);
        close(sum(rows.map((r) => r.itEnergyMwh)), campusProps(name).annualItEnergyMwh as number, `${name} annual IT energy`);
        close(sum(rows.map((r) => r.facilityEnergyMwh)), campusProps(name).annualFacilityEnergyMwh as number, `${name} annual facility energy`);
        close(sum(rows.map((r) => r.waterM3)), campusProps(name).waterM3PerYear as number, `${name} annual water`);
      }
    });

    it("each month's PUE is its facility / IT energy and at least 1; water is used; carbon-free shares lie in [0, 1]", () => {
      for (const name of ["alpha", "beta"]) {
        for (const r of months(name)) {
          close(r.pue, r.facilityEnergyMwh / r.itEnergyMwh, `${name} ${r.month} PUE`, 1e-12);
          expect(r.pue).toBeGreaterThanOrEqual(1);
          expect(r.carbonFreeShare).toBeGreaterThanOrEqual(0);
          expect(r.carbonFreeShare).toBeLessThanOrEqual(1);
          expect(r.unservedEnergyMwh).toBe(0);
        }
        expect(sum(months(name).map((r) => r.waterM3))).toBeGreaterThan(0);
      }
      // Alpha's solar makes some of each month's demand clean in its hour; beta has only the grid.
      for (const r of months("alpha")) expect(r.carbonFreeShare).toBeGreaterThan(0);
      for (const r of months("beta")) expect(r.carbonFreeShare).toBe(0);
      // Ohio's adiabatic coolers evaporate on hot hours only: more in July than in January.
      const alpha = months("alpha");
      expect(alpha[6].waterM3).toBeGreaterThan(alpha[0].waterM3);
      // A tower evaporates in every hour, but less of its heat in cold air (issue 32: the evaporated share follows the
      // dry bulb, GB/T 50050 K_ZF): Louisiana's January water is below its July water, and every month uses some.
      const beta = months("beta");
      expect(beta[0].waterM3).toBeLessThan(beta[6].waterM3);
      for (const r of beta) expect(r.waterM3).toBeGreaterThan(0);
    });

    it("text and Markdown print the same rows, each cell the JSON value as shown, and a year row of the sums", () => {
      for (const name of ["alpha", "beta"]) {
        const [header, ...lines] = tableAfter(text, new RegExp(`^Year by month, campus ${name} `));
        expect(cellsOf(header)).toEqual(["month", "IT MWh", "facility MWh", "PUE", "water m³", "consumed m³", "unserved MWh", "carbon-free"]);
        const rows = lines.map(cellsOf);
        const mdRows = mdTableAfter(md, new RegExp(`^Year by month, campus \`${name}\` `)).rows;
        expect(rows).toHaveLength(13);
        expect(mdRows).toEqual(rows);
        const data = months(name);
        data.forEach((r, m) => {
          const cells = rows[m];
          expect(cells[0]).toBe(r.month);
          expectShown(cells[1], r.itEnergyMwh, `${name} ${r.month} IT`);
          expectShown(cells[2], r.facilityEnergyMwh, `${name} ${r.month} facility`);
          expect(Math.abs(parsed(cells[3]) - r.pue)).toBeLessThanOrEqual(0.0005 + 1e-12);
          expectShown(cells[4], r.waterM3, `${name} ${r.month} water`);
          expectShown(cells[5], r.waterConsumedM3, `${name} ${r.month} consumed water`);
          expectShown(cells[6], r.unservedEnergyMwh, `${name} ${r.month} unserved`);
          expect(cells[7]).toMatch(/ %$/);
          expectShown(cells[7], r.carbonFreeShare * 100, `${name} ${r.month} carbon-free %`);
        });
        const year = rows[12];
        expect(year[0]).toBe("year");
        const it = campusProps(name).annualItEnergyMwh as number;
        const facility = campusProps(name).annualFacilityEnergyMwh as number;
        expectShown(year[1], it, `${name} year IT`);
        expectShown(year[2], facility, `${name} year facility`);
        expect(Math.abs(parsed(year[3]) - (campusProps(name).pue as number))).toBeLessThanOrEqual(0.0005 + 1e-12);
        expectShown(year[4], campusProps(name).waterM3PerYear as number, `${name} year water`);
        expectShown(year[5], campusProps(name).waterConsumedM3PerYear as number, `${name} year consumed water`);
        // The year's carbon-free share weights the months by demand: the campus's hourly share.
        expectShown(year[7], (campusProps(name).carbonFreeShare as number) * 100, `${name} year carbon-free %`);
      }
    });
  });

  describe("the budget table's when", () => {
    const budget = (rows: readonly BudgetRow[], policy: string, name: string) => rows.find((b) => b.policy === policy && b.budget === name)!;
    const FIRM = "firm power (peak hour + headroom)";
    const DAILY = "worst-day water (daily cap)";

    it("every campus's firm-power finding is at its published peak hour, and its daily-cap finding at its worst water day", () => {
      for (const name of ["alpha", "beta"]) {
        const props = campusProps(name);
        const mine = run.findings.filter((f) => f.resourceName === name);
        expect(mine.find((f) => f.policy === "firm-power" && f.budget === FIRM)!.at).toBe(props.peakHour);
        expect(mine.find((f) => f.policy === "water-permit" && f.budget === DAILY)!.at).toBe(props.worstWaterDay);
      }
      // Alpha is dated: its figures are those of its full-build year, 2029, when h2 comes online.
      expect(campusProps("alpha").fullBuildYear).toBe(2029);
      expect(campusProps("alpha").peakHour).toMatch(/^2029-\d\d-\d\d \d\d:00$/);
      expect(campusProps("alpha").worstWaterDay).toMatch(/^2029-\d\d-\d\d$/);
      expect(campusProps("beta").peakHour).toMatch(/^\d\d-\d\d \d\d:00$/);
    });

    it("the tightest campus's hour or day is the row's at in JSON and its when in text and Markdown", () => {
      const firm = budget(json.budgets, "firm-power", FIRM);
      const daily = budget(json.budgets, "water-permit", DAILY);
      expect(firm.checked).toBe(2);
      expect(daily.checked).toBe(2);
      // Alpha's firm headroom and daily cap are the tight ones.
      expect([firm.resourceName, daily.resourceName]).toEqual(["alpha", "alpha"]);
      expect(firm.at).toBe(campusProps("alpha").peakHour);
      expect(daily.at).toBe(campusProps("alpha").worstWaterDay);

      const [header, ...lines] = tableAfter(text, /^Budgets \(/);
      const textHeader = cellsOf(header);
      expect(textHeader).toEqual(["policy", "budget", "checked", "used", "when", "limit", "headroom", "status"]);
      const when = textHeader.indexOf("when");
      const textRow = (policy: string, name: string) => lines.map(cellsOf).find((c) => c[0] === policy && c[1] === name)!;
      expect(textRow("firm-power", FIRM)[when]).toBe(campusProps("alpha").peakHour);
      expect(textRow("water-permit", DAILY)[when]).toBe(campusProps("alpha").worstWaterDay);

      const mdLines = md.split("\n");
      const at = mdLines.findIndex((l) => l.startsWith("| policy | budget |"));
      expect(at).toBeGreaterThanOrEqual(0);
      const after = mdLines.slice(at + 2);
      const end = after.findIndex((l) => !l.startsWith("|"));
      const mdRows = after.slice(0, end === -1 ? undefined : end).map((l) => l.slice(2, -2).split(" | "));
      expect(mdRows).toHaveLength(json.budgets.length);
      const mdRow = (policy: string, name: string) => mdRows.find((c) => c[0] === policy && c[1] === name)!;
      expect(mdRow("firm-power", FIRM)[when]).toBe(campusProps("alpha").peakHour);
      expect(mdRow("water-permit", DAILY)[when]).toBe(campusProps("alpha").worstWaterDay);
      // A budget with no hour, day or year (its tightest campus undated, or a figure of no time) shows `-`.
      const timeless = json.budgets.filter((b) => b.at === undefined);
      expect(timeless.length).toBeGreaterThan(0);
      for (const b of timeless) expect(textRow(b.policy, b.budget)[when], `${b.policy} ${b.budget}`).toBe("-");
    });
  });
});

describe("--hourly JSON", () => {
  let dir: string;
  const project = readProject();
  const runner = (input: Parameters<Parameters<typeof check>[2]>[0]) => runProgram({ project: input.project, stack: input.stack, config: input.config, program });

  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "aicluster-hourly-"));
  });
  afterAll(() => {
    fs.rmSync(dir, { recursive: true, force: true });
  });

  /** The JSON report `npm run plan` writes for these arguments (stack prometheus's config, this file's program). */
  async function planJson(args: string[]): Promise<PlanReport & { schemaVersion: number }> {
    const out = path.join(dir, `report${args.join("_").replace(/[^a-z]/g, "")}.json`);
    const code = await check(parseOptions(["prometheus", "--format", "json", ...args, "--out", out]), project, runner);
    const report = JSON.parse(fs.readFileSync(out, "utf8")) as PlanReport & { schemaVersion: number };
    // Beta's towers break the default WUE maximum (a mandatory rule): the exit code is the report's verdict.
    expect(code).toBe(report.verdict === "pass" ? EXIT.pass : EXIT.violation);
    return report;
  }

  it("adds one entry per campus with 8,760 finite values per series, summing to the annual figures", async () => {
    const report = await planJson(["--hourly"]);
    expect(report.hourly).toBeDefined();
    const hourly = report.hourly!;
    expect(hourly.map((h) => h.campus).sort()).toEqual(["alpha", "beta"]);
    for (const entry of hourly) {
      for (const key of ["facilityMw", "itMw", "waterM3", "unservedMw", "cleanMw"] as const) {
        const series = entry[key];
        expect(series, `${entry.campus}.${key}`).toHaveLength(HOURS);
        expect(series.every((v) => typeof v === "number" && Number.isFinite(v) && v >= 0), `${entry.campus}.${key} finite, non-negative`).toBe(true);
      }
      const outputs = report.outputs as Record<string, number>;
      close(sum(entry.itMw), outputs[`${entry.campus}ItMwh`], `${entry.campus} Σ itMw`, 1e-6);
      close(sum(entry.facilityMw), outputs[`${entry.campus}FacilityMwh`], `${entry.campus} Σ facilityMw`, 1e-6);
      close(sum(entry.waterM3), outputs[`${entry.campus}WaterM3`], `${entry.campus} Σ waterM3`, 1e-6);
      // The series agree with the monthly table of the same report.
      const rows = report.monthly.find((m) => m.campus === entry.campus)!.rows;
      close(sum(entry.itMw.slice(0, 744)), rows[0].itEnergyMwh, `${entry.campus} January from the hours`, 1e-9);
      close(sum(entry.waterM3.slice(HOURS - 744)), rows[11].waterM3, `${entry.campus} December water from the hours`, 1e-9);
      for (let h = 0; h < HOURS; h++) {
        if (!(entry.facilityMw[h] >= entry.itMw[h])) throw new Error(`${entry.campus} hour ${h}: facility < IT`);
        if (!(entry.cleanMw[h] <= entry.facilityMw[h] * (1 + 1e-12))) throw new Error(`${entry.campus} hour ${h}: clean > demand`);
      }
      expect(sum(entry.unservedMw)).toBe(0);
    }
    // Each series says which year it is (alpha's full build, 2029; beta is undated) and the clock of its hours.
    expect(hourly.map((h) => [h.campus, h.year, h.utcOffsetHours]).sort()).toEqual([["alpha", 2029, -5], ["beta", undefined, -6]]);
    expect(report.monthly.map((m) => [m.campus, m.year]).sort()).toEqual([["alpha", 2029], ["beta", undefined]]);
    // Alpha's IT load is constant at its utilisation in every hour of the full-build year.
    const alpha = hourly.find((h) => h.campus === "alpha")!;
    const itMw = built!.alpha.footprint.itLoadKw / 1000;
    for (const h of [0, 4000, HOURS - 1]) close(alpha.itMw[h], itMw * U_ALPHA, `alpha itMw[${h}]`);
    expect(Math.max(...alpha.cleanMw)).toBeGreaterThan(0);
  });

  it("has no hourly key without the flag, and the flag needs JSON", async () => {
    const report = await planJson([]);
    expect(report).not.toHaveProperty("hourly");
    expect(report.monthly).toHaveLength(2);
    expect(() => parseOptions(["prometheus", "--hourly"])).toThrow(UsageError);
    expect(() => parseOptions(["prometheus", "--format", "markdown", "--hourly"])).toThrow(/--hourly/);
  });
});
