/**
 * `npm run report:screenshot`: plans Prometheus at its default scale, writes its HTML report, and saves the top of the
 * page as docs/prometheus-report.png (the picture in README) with Debian's Chromium.
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { pathToFileURL } from "node:url";
import { buildReport } from "../plan/report";
import { runPlan } from "../plan/runPlan";
import { loadStackConfig } from "../plan/stackConfig";
import { htmlReport, reportData } from "../report";
import { findChromium, launchChromium, openAndWatch } from "./chromium";

async function main(): Promise<number> {
  const chromium = findChromium();
  if ("reason" in chromium) {
    console.error(`report:screenshot: ${chromium.reason}`);
    return 2;
  }
  const run = await runPlan({ stack: "prometheus", config: loadStackConfig("prometheus", {}) });
  const html = htmlReport(reportData(run, buildReport(run, 3)));
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "aicluster-shot-")), "prometheus.html");
  fs.writeFileSync(file, html);
  const browser = await launchChromium(chromium.path);
  try {
    const { page, problems } = await openAndWatch(browser, pathToFileURL(file).href, { width: 1200, height: 1950 });
    const seen = [...problems.consoleErrors, ...problems.pageErrors, ...problems.failedRequests, ...problems.networkRequests];
    if (seen.length) throw new Error(`the report did not load cleanly: ${seen.join("; ")}`);
    const out = path.resolve(__dirname, "..", "docs", "prometheus-report.png");
    fs.mkdirSync(path.dirname(out), { recursive: true });
    await page.screenshot({ path: out, clip: { x: 0, y: 0, width: 1200, height: 1950 } });
    console.log(`wrote ${path.relative(process.cwd(), out)} (${(fs.statSync(out).size / 1024).toFixed(0)} KB)`);
  } finally {
    await browser.close();
  }
  return 0;
}

main().then((code) => process.exit(code), (e) => { console.error(e); process.exit(3); });
