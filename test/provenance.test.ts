/** Reports say what they are (issue 34): tool and version, the day, the weather, and a warning wherever figures are shown at a scale. */
import * as fs from "node:fs";
import * as path from "node:path";
import { describe, expect, it } from "vitest";
import { buildReport } from "../plan/report";
import { renderMarkdown, renderText } from "../plan/render";
import { runPlan } from "../plan/runPlan";
import { loadStackConfig } from "../plan/stackConfig";
import { scaleWarning } from "../plan/provenance";
import { htmlReport } from "../report/html";
import { reportData } from "../report/data";

const VERSION = (JSON.parse(fs.readFileSync(path.join(__dirname, "..", "package.json"), "utf8")) as { version: string }).version;

describe("what a report is", () => {
  it("a 1/1000-scale plan says so in text, Markdown and HTML, and names the tool, the day and the weather", async () => {
    const run = await runPlan({ stack: "prometheus", config: loadStackConfig("prometheus", {}) });
    const report = buildReport(run, 2, false, "2026-12-07");
    expect(report.provenance).toEqual({
      tool: `pulumi-aicluster ${VERSION}`, madeOn: "2026-12-07", scale: 0.001,
      weather: [{ campus: "prometheus", source: 'generated from climate "central-ohio"' }],
    });
    const warning = "this plan is at 1/1,000 scale (scale 0.001): every MW, m³, tCO2e and USD figure is the scaled campus's, not the full campus's";
    expect(renderText(report)).toContain(`\nWarning: ${warning}\n`);
    expect(renderText(report)).toContain(`Made by pulumi-aicluster ${VERSION} on 2026-12-07; weather: prometheus: generated from climate "central-ohio"`);
    expect(renderMarkdown(report)).toContain(`> **Warning**: ${warning}`);
    const html = htmlReport(reportData(run, report));
    expect(html).toContain(`<strong>Warning:</strong> ${warning.replace(/'/g, "&#39;")}`);
    expect(html).toContain("Project <code>aicluster</code>; config <code>aicluster:scale=0.001</code>");
  }, 60_000);

  it("no warning at full scale; scales that are not 1/n are shown as a factor", () => {
    expect(scaleWarning({ tool: "t", madeOn: "d", scale: 1, weather: [] })).toBeUndefined();
    expect(scaleWarning({ tool: "t", madeOn: "d", weather: [] })).toBeUndefined();
    expect(scaleWarning({ tool: "t", madeOn: "d", scale: 0.3, weather: [] })).toBe("this plan is at 0.3× scale (scale 0.3): every MW, m³, tCO2e and USD figure is the scaled campus's, not the full campus's");
    expect(scaleWarning({ tool: "t", madeOn: "d", scale: 0.01, weather: [] })).toContain("at 1/100 scale");
  });
});
