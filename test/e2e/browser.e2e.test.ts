/// <reference lib="dom" />
/**
 * The HTML report in a real browser: Debian's Chromium, headless, through puppeteer-core. For both default stacks the
 * page loads with no console error, no failed request and no request off the file; every chart has drawn at least
 * the marks its data implies (a link per Sankey flow, a bar per budget, a cell per heatmap hour); a screenshot is
 * saved in the test's temp folder (removed after the tests; AICLUSTER_KEEP_E2E=1 keeps it). Skips, printing why, when
 * there is no Chromium (.ci/run installs it).
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { pathToFileURL } from "node:url";
import type { Browser } from "puppeteer-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildReport } from "../../plan/report";
import { runPlan } from "../../plan/runPlan";
import { loadStackConfig } from "../../plan/stackConfig";
import { htmlReport, reportData } from "../../report";
import { findChromium, launchChromium, openAndWatch } from "../../scripts/chromium";

const chromium = findChromium();
if ("reason" in chromium) console.warn(`\n*** SKIPPING the browser tests: ${chromium.reason} ***\n`);

describe.skipIf("reason" in chromium)("the HTML report in Chromium", () => {
  let browser: Browser;
  // Made in beforeAll, not when the file is collected: a skipped suite then leaves no folder behind.
  let dir = "";

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "aicluster-report-"));
    browser = await launchChromium((chromium as { path: string }).path);
  }, 60_000);

  // Runs after a failed beforeAll too (vitest). AICLUSTER_KEEP_E2E=1 keeps the reports and screenshots to look at.
  afterAll(async () => {
    try {
      await browser?.close();
    } finally {
      if (dir && !process.env.AICLUSTER_KEEP_E2E) fs.rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);

  for (const stack of ["prometheus", "hyperion"]) {
    it(`renders ${stack}'s report without errors, with every chart's marks, and saves a screenshot`, async () => {
      const run = await runPlan({ stack, config: loadStackConfig(stack, {}) });
      const report = buildReport(run, 3);
      const file = path.join(dir, `${stack}.html`);
      fs.writeFileSync(file, htmlReport(reportData(run, report)));
      const { page, problems } = await openAndWatch(browser, pathToFileURL(file).href);
      expect(problems).toEqual({ consoleErrors: [], pageErrors: [], failedRequests: [], networkRequests: [] });
      const charts = await page.evaluate(() =>
        Array.from(document.querySelectorAll("figure[data-chart]")).map((f) => {
          const svg = f.querySelector("svg");
          const box = svg?.getBoundingClientRect();
          return {
            id: f.getAttribute("data-chart") ?? "",
            expected: Number(f.getAttribute("data-marks")),
            marks: f.querySelectorAll("[ecmeta_data_index]").length,
            width: box?.width ?? 0,
            height: box?.height ?? 0,
          };
        }),
      );
      expect(charts.length).toBeGreaterThan(5);
      for (const c of charts) {
        expect(c.marks, `${c.id}: marks drawn`).toBeGreaterThanOrEqual(c.expected);
        expect(c.width * c.height, `${c.id}: a visible chart`).toBeGreaterThan(0);
      }
      const ids = charts.map((c) => c.id);
      for (const prefix of ["power-sankey", "budget-bars", "timeline", "hall-strip"]) expect(ids.some((id) => id.startsWith(prefix)), prefix).toBe(true);
      const shot = path.join(dir, `${stack}.png`);
      await page.screenshot({ path: shot, fullPage: true });
      expect(fs.statSync(shot).size).toBeGreaterThan(10_000);
      console.log(`[browser] ${stack}: ${charts.length} charts, ${(fs.statSync(file).size / 1024).toFixed(0)} KB, screenshot ${shot}`);
      await page.close();
    }, 120_000);
  }
});
