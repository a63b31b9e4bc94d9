/**
 * Verdicts with their confidence (issue 34): a confidence run's violation probability against one worked out by hand
 * for a one-figure range, its determinism in the seed, and the sampling helpers against their formulas.
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { Campus, CampusArgs } from "../components";
import { catalog } from "../components/catalog";
import { formatEpw, weatherYearOf } from "../components/weather";
import { latinHypercube, quantileOfSorted, triangularExceedance, triangularQuantile } from "../components/uncertainty/sampling";
import { confidenceRun } from "../plan/confidence/run";
import { renderSarif } from "../plan/ciFormats";
import { buildReport } from "../plan/report";
import { renderMarkdown, renderText } from "../plan/render";
import { runProgram } from "../plan/runProgram";

/**
 * One hall of GB300 NVL72 racks whose hall allows 138 kW per rack. A GB300 rack draws
 * (18 trays × 7,100 W + 9 switch trays × s + 1,000 W) / 0.975 (catalog rackDesigns and nodeDesigns), so it exceeds
 * 138 kW exactly when 9 s > 138,000 × 0.975 − 128,800 = 5,750 W, s > 638.89 W. The catalog's switch tray figure is
 * 400 W with the range 400-1,072 W, and no other drawn figure changes the rack's draw.
 */
const SWITCH_THRESHOLD_W = (138_000 * 0.975 - (18 * 7_100 + 1_000)) / 9;

function campus(maxRackKw: number): CampusArgs {
  return {
    location: "New Albany, Ohio", climate: "central-ohio", market: "pjm",
    halls: [{ name: "hall", maxRackKw, racks: [{ name: "row", design: "gb300-nvl72", rackCount: 4, supplyTempC: 40 }], cooling: { technology: "dry-cooler" } }],
    powerContracts: [{ name: "grid", counterparty: "AEP Ohio", source: "grid-pjm-ohio", contractedMw: 2 }],
  };
}

const runOf = (args: CampusArgs) => runProgram({ stack: "dev", config: {}, program: () => void new Campus("site", args) });

describe("triangular distribution and Latin hypercube", () => {
  it("quantile and exceedance are each other's inverse, and match the formulas at hand-worked points", () => {
    // Triangular(0, 2, 10): F(2) = 2/10; F(x) = x²/20 below the mode, 1 − (10 − x)²/80 above it.
    expect(triangularQuantile(0.2, 0, 2, 10)).toBeCloseTo(2, 12);
    expect(triangularQuantile(0.05, 0, 2, 10)).toBeCloseTo(1, 12);
    expect(triangularQuantile(0.55, 0, 2, 10)).toBeCloseTo(4, 12);
    expect(triangularExceedance(4, 0, 2, 10)).toBeCloseTo(36 / 80, 12);
    expect(triangularExceedance(1, 0, 2, 10)).toBeCloseTo(0.95, 12);
    for (const u of [0.01, 0.3, 0.5, 0.9, 0.99]) expect(1 - triangularExceedance(triangularQuantile(u, 400, 400, 1072), 400, 400, 1072)).toBeCloseTo(u, 12);
  });

  it("puts one point in each of the n strata of every dimension, and the same seed gives the same points", () => {
    const points = latinHypercube(50, 3, "s");
    for (let d = 0; d < 3; d++) expect(points.map((p) => Math.floor(p[d] * 50)).sort((a, b) => a - b)).toEqual(Array.from({ length: 50 }, (_, i) => i));
    expect(latinHypercube(50, 3, "s")).toEqual(points);
    expect(latinHypercube(50, 3, "t")).not.toEqual(points);
  });

  it("interpolates quantiles between order statistics", () => {
    expect(quantileOfSorted([1, 2, 3, 4, 5], 0.1)).toBeCloseTo(1.4, 12);
    expect(quantileOfSorted([1, 2, 3, 4, 5], 0.5)).toBe(3);
    expect(quantileOfSorted([7], 0.9)).toBe(7);
  });
});

describe("a confidence run", () => {
  it("gives the violation probability worked out by hand for a one-figure range", async () => {
    const run = await runOf(campus(138));
    const report = await confidenceRun(run, { samples: 200, weatherYears: 1, seed: "hand", workers: 1 });
    const densest = report.budgets.find((b) => b.policy === "rack-density" && b.budget === "densest rack (hall maxRackKw)")!;
    // At the catalog's 400 W the rack draws (127,800 + 3,600 + 1,000) / 0.975 = 135.79 kW: it holds.
    expect(densest.baseUsed).toBeCloseTo(132_400 / 0.975 / 1000, 6);
    expect(densest.status).not.toBe("fails");
    // P(s > 638.89 W) for triangular(400, 400, 1,072) = (1,072 − 638.89)² / 672² = 0.4154.
    const byHand = (1072 - SWITCH_THRESHOLD_W) ** 2 / (672 * 672);
    expect(byHand).toBeCloseTo(0.4154, 4);
    // A Latin hypercube puts exactly one draw in each 1/200 stratum of the figure: the share is within 1/200.
    expect(Math.abs(densest.violationProbability - byHand)).toBeLessThanOrEqual(1 / 200);
    expect(densest.status).toBe("fragile");
    // The switch trays decide it, and only they: at 1,072 W the rack draws (128,800 + 9,648) / 0.975 = 142.0 kW.
    const tornado = report.tornado.find((t) => t.policy === "rack-density" && t.budget === "densest rack (hall maxRackKw)")!;
    expect(tornado.bars.map((b) => b.figure)).toEqual(["rackDesigns/gb300-nvl72/switchPowerW"]);
    expect(tornado.bars[0].usedAtHigh).toBeCloseTo(138_448 / 0.975 / 1000, 6);
  }, 60_000);

  it("draws the same samples from the same seed, other samples from another, and the same on worker threads", async () => {
    const run = await runOf(campus(150));
    const strip = (r: Awaited<ReturnType<typeof confidenceRun>>) => ({ ...r, wallSeconds: 0 });
    const a = await confidenceRun(run, { samples: 20, weatherYears: 3, seed: "one", workers: 1 });
    expect(strip(await confidenceRun(run, { samples: 20, weatherYears: 3, seed: "one", workers: 1 }))).toEqual(strip(a));
    const b = await confidenceRun(run, { samples: 20, weatherYears: 3, seed: "two", workers: 1 });
    expect(b.budgets.map((x) => x.p50)).not.toEqual(a.budgets.map((x) => x.p50));
    // On two worker threads (each with its own copy of the model) the report is the same, sample for sample.
    expect(strip(await confidenceRun(run, { samples: 20, weatherYears: 3, seed: "one", workers: 2, workersFromSeconds: 0 }))).toEqual(strip(a));
  }, 120_000);

  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "aicluster-confidence-"));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }), 30_000);

  it("draws a user's EPW year beside the generated ones: the weather bar spans the campus's own year and the file's", async () => {
    // Another year of central Ohio (the same figures under another seed), written as an EPW file.
    const file = path.join(dir, "other-year.epw");
    fs.writeFileSync(file, formatEpw(weatherYearOf({ ...catalog.climates.get("central-ohio"), weatherSeed: "another year" }), { city: "New Albany", state: "OH", country: "USA" }));
    const args: CampusArgs = { ...campus(150), waterPermitM3PerYear: 1_000_000, halls: [{ ...campus(150).halls[0], cooling: { technology: "adiabatic" } }] };
    const run = await runOf(args);
    const report = await confidenceRun(run, { samples: 10, weatherYears: 1, weatherFiles: [file], workers: 1 });
    expect(report.weatherFiles).toEqual([path.relative(process.cwd(), file)]);
    // The campus planned on the file, as a program would plan it: its annual water is one end of the weather bar.
    const onFile = await runOf({ ...args, weatherFile: file });
    const water = (r: typeof run) => r.views.find((v) => v.type === Campus.type)!.props.waterM3PerYear as number;
    const bar = report.tornado.find((t) => t.budget === "annual water (permit)")?.bars.find((b) => b.figure === "weather year");
    expect(water(onFile)).not.toBeCloseTo(water(run), 3);
    expect([bar!.usedAtLow, bar!.usedAtHigh].sort()).toEqual([water(run), water(onFile)].sort());
  }, 120_000);

  it("is carried by the text, Markdown and SARIF reports as by the JSON one", async () => {
    const run = await runOf(campus(138));
    const report = { ...buildReport(run, 2), confidence: await confidenceRun(run, { samples: 20, weatherYears: 1, seed: "formats", workers: 1 }) };
    const densest = report.confidence.budgets.find((b) => b.budget === "densest rack (hall maxRackKw)")!;
    expect(renderText(report)).toMatch(/^Confidence: 20 samples \(seed "formats"; latin hypercube, triangular \(low, base, high\)\)/m);
    expect(renderText(report)).toContain("rackDesigns/gb300-nvl72/switchPowerW");
    expect(renderMarkdown(report)).toContain("Confidence: 20 samples");
    const sarif = JSON.parse(renderSarif(report)) as { runs: { properties: { confidence: { samples: number; budgets: { budget: string; violationProbability: number; p90: number }[] } } }[] };
    const carried = sarif.runs[0].properties.confidence;
    expect(carried.samples).toBe(20);
    expect(carried.budgets.find((b) => b.budget === densest.budget)).toMatchObject({ violationProbability: densest.violationProbability, p90: densest.p90 });
  }, 60_000);
});
