/**
 * A plan as one self-contained HTML page: inline CSS, charts as inline static SVG (report/charts.ts), no script, no
 * network (no external styles, fonts or images). Readable on a laptop, printable on A4. Deterministic: the same data
 * gives the same page, byte for byte (no dates, chart element ids numbered by chart).
 *
 * Sections: header (stack, verdict, key figures), budgets, confidence (a `--samples` run: each budget's spread and
 * what moves it), then for each campus its power and water Sankeys, hourly heatmaps, year-by-year timeline and cost,
 * its money when it published its finance (summary, cash-flow waterfalls per party, levelised cost against rental
 * bands), hall strip and cooling plants; last the findings with their fixes and the component tree.
 */
import { provenanceLine, scaleWarning } from "../plan/provenance";
import type { EnforcedFinding } from "../policies/evaluate";
import { describeExemption, expiredSuffix } from "../policies/exemptions";
import { fixText } from "../policies/finding";
import type { BudgetRow, TreeNode } from "../plan/report";
import type { ConfidenceReport } from "../plan/confidence/types";
import { CONFIDENCE_HEADER, confidenceCells, confidenceScope } from "../plan/confidence/render";
import type { YearRow } from "../components/years/ledger";
import {
  budgetBar, budgetChart, cashFlowCharts, Chart, confidenceBandsChart, costChart, hallStripChart, marginHeatmap, plantCapacityChart, powerSankey, timelineChart,
  rentalBandChart, tornadoChart, unservedHeatmap, waterSankey,
} from "./charts";
import { moneySummaryTable, partiesTable, rentalSourcesTable } from "./money";
import { finite, NOT_KNOWN, weightedWaterOf, type CampusData, type ReportData } from "./data";
import { fixed, show, usd } from "../components/format/numbers";
import { htmlSafe } from "../plan/neutralise";

/**
 * Text safe in HTML content and in double-quoted attribute values (plan/neutralise.ts htmlSafe: the five special
 * characters as references, controls shown as escapes). Every string the page shows goes through it, the report's
 * own included; chart SVGs are escaped by ECharts and cleaned by charts.ts.
 */
export const escapeHtml = htmlSafe;

const e = escapeHtml;

const CSS = `
:root { color-scheme: light; }
* { box-sizing: border-box; }
body { margin: 0; background: #fff; color: #1f2328; font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; }
main { max-width: 1100px; margin: 0 auto; padding: 20px 28px 48px; }
h1 { font-size: 24px; margin: 0 0 8px; }
h2 { font-size: 20px; margin: 32px 0 8px; padding-bottom: 4px; border-bottom: 2px solid #d0d7de; }
h3 { font-size: 16px; margin: 22px 0 6px; }
code { font: 0.92em ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; }
.verdict { display: inline-block; padding: 2px 12px; border-radius: 4px; font-weight: 700; letter-spacing: 0.05em; color: #fff; }
.scale-warning { background: #fff4d6; border: 1px solid #e0a800; border-radius: 4px; padding: 6px 10px; }
.verdict.pass { background: #1a7f37; }
.verdict.fail { background: #cf222e; }
.figures { display: grid; grid-template-columns: repeat(auto-fill, minmax(160px, 1fr)); gap: 6px 14px; margin: 10px 0; padding: 0; }
.figures div { border-left: 3px solid #d0d7de; padding: 2px 8px; }
.figures dt { font-size: 12px; color: #57606a; }
.figures dd { margin: 0; font-weight: 600; font-variant-numeric: tabular-nums; }
nav ul { margin: 4px 0; padding-left: 20px; columns: 2; }
figure.chart { margin: 10px 0 4px; page-break-inside: avoid; break-inside: avoid; }
figure.chart figcaption { font-size: 13px; color: #444; margin-bottom: 4px; }
figure.chart svg { display: block; max-width: 100%; height: auto; }
p.note, ul.notes { font-size: 12.5px; color: #444; margin: 2px 0 8px; }
ul.notes { padding-left: 18px; }
p.skipped { font-style: italic; color: #57606a; }
table { border-collapse: collapse; width: 100%; font-size: 12.5px; margin: 8px 0; }
th, td { border-bottom: 1px solid #d0d7de; padding: 4px 6px; text-align: left; vertical-align: top; }
th { background: #f6f8fa; font-weight: 600; }
td.when { white-space: nowrap; }
td.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
table.confidence td.num { white-space: normal; }
tr { page-break-inside: avoid; break-inside: avoid; }
tr.violated td:first-child, .level-mandatory.violation { color: #cf222e; font-weight: 600; }
.level-advisory.violation { color: #9a6700; font-weight: 600; }
.state-ok { color: #1a7f37; } .state-tight { color: #9a6700; } .state-violated { color: #cf222e; font-weight: 600; }
ul.tree, ul.tree ul { list-style: none; padding-left: 18px; margin: 0; }
ul.tree { padding-left: 0; }
ul.tree li { margin: 1px 0; }
ul.tree .type { color: #57606a; font-size: 12px; }
ul.tree .more { color: #57606a; font-style: italic; }
@media (max-width: 700px) { main { padding: 12px; } nav ul { columns: 1; } }
@media print {
  @page { size: A4; margin: 12mm; }
  * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  body { font-size: 11px; }
  main { max-width: none; padding: 0; }
  nav { display: none; }
  h2, h3 { break-after: avoid; page-break-after: avoid; }
  section.campus { break-before: page; page-break-before: always; }
  table { font-size: 10px; }
}
`;

/** The full-build year's row (the last row when the campus has no full-build year). */
function fullBuildRow(campus: CampusData): YearRow | undefined {
  return campus.years.find((r) => r.year === campus.fullBuildYear) ?? campus.years[campus.years.length - 1];
}

function figureList(items: [string, string][]): string {
  return `<dl class="figures">${items.map(([k, v]) => `<div><dt>${e(k)}</dt><dd>${e(v)}</dd></div>`).join("")}</dl>`;
}

/**
 * The water consumed (evaporated) in the full-build year and its scarcity-weighted equivalent with the AWARE region,
 * factor and baseline water stress (catalog text, escaped by figureList), or `not known` for a site without a factor.
 */
function waterFigures(campus: CampusData, r: YearRow): [string, string][] {
  const items: [string, string][] = [];
  const consumed = finite(r.waterConsumedM3) ? r.waterConsumedM3 : campus.waterConsumedM3PerYear;
  if (consumed !== undefined) items.push(["water consumed", `${show(consumed)} m³`]);
  const s = campus.waterScarcity;
  const weighted = weightedWaterOf(r, s);
  if (s === undefined || weighted === undefined) return [...items, ["scarcity-weighted water", NOT_KNOWN]];
  items.push(["scarcity-weighted water", `${show(weighted)} m³ world-eq (AWARE ${s.awareRegion}, annual factor ${show(s.awareAnnualM3WorldEqPerM3)})`]);
  if (s.scarcityWeightedWueLPerKwh !== undefined) items.push(["scarcity-weighted WUE", `${show(s.scarcityWeightedWueLPerKwh)} L world-eq/kWh`]);
  if (s.baselineWaterStress !== undefined) items.push(["baseline water stress", s.baselineWaterStress]);
  return items;
}

function campusFigures(campus: CampusData): [string, string][] {
  const r = fullBuildRow(campus);
  const items: [string, string][] = [];
  if (campus.fullBuildYear !== undefined) items.push(["full build", String(campus.fullBuildYear)]);
  if (r) {
    items.push(
      ["halls", show(r.hallsOnline)], ["racks", show(r.racksOnline)], ["GPUs", show(r.gpusOnline)],
      ["IT load", `${show(r.itLoadMw)} MW`], ["peak facility power", `${show(r.peakFacilityPowerMw)} MW`],
      ["firm supply", `${show(r.firmMw)} MW (${r.firmHeadroomMw >= 0 ? "+" : ""}${show(r.firmHeadroomMw)})`],
      ["PUE", r.pue === undefined ? "-" : fixed(r.pue, 3)], ["facility energy", `${show(r.facilityEnergyMwh)} MWh`],
      ["water", `${show(r.waterM3)} m³`], ...waterFigures(campus, r), ["carbon (location)", `${show(r.carbonIntensityGPerKwh)} gCO2e/kWh${campus.carbonBasis ? ` (${campus.carbonBasis} basis)` : ""}`],
      ["clean energy share", `${show(r.cleanEnergyShare * 100)} %`], ["unserved energy", `${show(r.unservedEnergyMwh)} MWh`],
    );
  }
  if (campus.costYears.length) {
    items.push(["capex (base)", usd(campus.costYears.reduce((s, c) => s + c.capexUsd.base, 0))]);
    const cost = campus.costYears.find((c) => c.year === campus.fullBuildYear) ?? campus.costYears[campus.costYears.length - 1];
    if (cost.gpuHours > 0) items.push(["cost per GPU-hour", usd(cost.costUsdPerGpuHour.base)]);
  }
  return items;
}

/** Project, config, tool, day and weather, and a warning when the plan is scaled. */
function aboutLines(data: ReportData): string[] {
  const about = data.about;
  if (!about) return [];
  const config = Object.entries(about.config).map(([k, v]) => `${k}=${v}`).join(", ") || "(none)";
  const scaled = scaleWarning(about.provenance);
  return [
    ...(scaled ? [`<p class="scale-warning" role="alert"><strong>Warning:</strong> ${e(scaled)}</p>`] : []),
    `<p class="about">Project <code>${e(about.project)}</code>; config <code>${e(config)}</code>${about.provenance ? `. ${e(provenanceLine(about.provenance))}` : ""}.</p>`,
  ];
}

function header(data: ReportData): string {
  const violations = data.findings.filter((f) => f.status === "violation");
  const mandatory = violations.filter((f) => f.enforcementLevel === "mandatory" && f.exemption === undefined).length;
  const exempted = violations.filter((f) => f.exemption !== undefined).length;
  const overall: [string, string][] = [
    ["campuses", String(data.campuses.length)],
    ["budgets checked", String(data.budgets.length)],
    ["budgets broken", String(data.budgets.filter((b) => b.headroom < 0).length)],
    ["violations", `${violations.length} (${mandatory} mandatory${exempted > 0 ? `, ${exempted} exempted` : ""})`],
  ];
  return [
    `<header>`,
    `<h1>Plan report: stack <code>${e(data.stack)}</code></h1>`,
    ...aboutLines(data),
    `<p>Verdict: <span class="verdict ${e(data.verdict)}" data-verdict="${e(data.verdict)}">${data.verdict === "pass" ? "PASS" : "FAIL"}</span> ${data.verdict === "pass" ? "no mandatory budget is broken" : "a mandatory budget is broken"}</p>`,
    figureList(overall),
    ...data.campuses.map((c) => `<h3>Campus <code>${e(c.name)}</code>${c.weather ? ` <small>(weather ${e(c.weather)})</small>` : ""}</h3>${figureList(campusFigures(c))}`),
    `</header>`,
  ].join("\n");
}

/** A chart as a figure (or its one-sentence reason when skipped), with its notes. */
export function figure(chart: Chart): string {
  const notes = chart.notes?.length
    ? chart.notes.length === 1 ? `<p class="note">${e(chart.notes[0])}</p>` : `<ul class="notes">${chart.notes.map((n) => `<li>${e(n)}</li>`).join("")}</ul>`
    : "";
  if (chart.svg === undefined) return `<p class="skipped" data-chart-skipped="${e(chart.id)}">${e(chart.skipped ?? "Not drawn.")}</p>${notes}`;
  return `<figure class="chart" data-chart="${e(chart.id)}" data-marks="${chart.marks}"><figcaption>${e(chart.caption)}</figcaption>\n${chart.svg}\n</figure>${notes}`;
}

function budgetTable(rows: readonly BudgetRow[]): string {
  if (!rows.length) return "";
  const body = rows.map((r) => {
    const bar = budgetBar(r);
    const unit = r.unit ? ` ${r.unit}` : "";
    return `<tr class="${bar.state}"><td class="state-${bar.state}">${bar.state === "violated" ? "broken" : bar.state === "tight" ? "tight" : "ok"}</td>`
      + `<td>${e(r.policy)}</td><td>${e(r.budget)}</td><td>${e(r.enforcementLevel)}</td><td>${e(r.resourceName)}</td>`
      + `<td class="num">${e(show(r.used) + unit)}</td><td class="num">${e(`${r.bound === "max" ? "≤" : "≥"} ${show(r.limit)}${unit}`)}</td>`
      + `<td class="num">${e(show(r.headroom))}</td><td>${e(r.at ?? "")}</td><td class="num">${r.violations} of ${r.checked}</td></tr>`;
  });
  return `<table class="budgets"><thead><tr><th>state</th><th>policy</th><th>budget</th><th>level</th><th>tightest resource</th><th>used</th><th>limit</th><th>headroom</th><th>at</th><th>broken</th></tr></thead><tbody>\n${body.join("\n")}\n</tbody></table>`;
}

/** Columns of the confidence table holding numbers (right-aligned): at catalog figures to P(violation). */
const CONFIDENCE_NUMBERS = new Set(CONFIDENCE_HEADER.map((_, i) => i).filter((i) => i >= 2 && i <= 8));

/**
 * The confidence section: what was drawn, the bands of every budget, the table (the same cells as the text and
 * Markdown reports; a fragile row highlighted as a broken budget is in the budget table, a failing one too) and a
 * tornado per budget that some figure moves (the others named in one sentence).
 */
function confidenceSection(c: ConfidenceReport): string {
  const cells = confidenceCells(c);
  const rows = cells.map((row, i) => {
    const status = c.budgets[i].status;
    const highlighted = status !== "holds";
    return `<tr class="confidence ${highlighted ? "violated " : ""}${e(status)}">${row.map((cell, j) => {
      const cls = [CONFIDENCE_NUMBERS.has(j) ? "num" : "", j === row.length - 1 && highlighted ? "state-violated" : ""].filter(Boolean).join(" ");
      return `<td${cls ? ` class="${cls}"` : ""}>${e(cell)}</td>`;
    }).join("")}</tr>`;
  });
  const table = `<table class="confidence"><thead><tr>${CONFIDENCE_HEADER.map((h) => `<th>${e(h)}</th>`).join("")}</tr></thead><tbody>\n${rows.join("\n")}\n</tbody></table>`;
  const limitOf = (policy: string, budget: string) => c.budgets.find((b) => b.policy === policy && b.budget === budget);
  const tornadoes = c.tornado.map((t) => tornadoChart(t, limitOf(t.policy, t.budget)));
  const drawn = tornadoes.filter((t) => t.svg !== undefined);
  const unmoved = tornadoes.filter((t) => t.svg === undefined);
  return [
    `<section id="confidence">`,
    `<h2>Confidence</h2>`,
    `<p class="note">${e(confidenceScope(c))}.</p>`,
    figure(confidenceBandsChart(c)),
    c.budgets.length ? table : `<p>No budget was sampled.</p>`,
    `<h3>What moves each budget</h3>`,
    ...drawn.map(figure),
    ...unmoved.map(figure),
    `</section>`,
  ].join("\n");
}

const LEVEL_ORDER: Record<string, number> = { mandatory: 0, advisory: 1, remediate: 2, disabled: 3 };
const STATUS_ORDER: Record<string, number> = { violation: 0, "not-applicable": 1, pass: 2 };

function findingsTable(findings: readonly EnforcedFinding[]): string {
  const shown = findings
    .map((f, i) => ({ f, i }))
    .filter(({ f }) => f.status !== "pass")
    .sort((a, b) => (STATUS_ORDER[a.f.status] ?? 9) - (STATUS_ORDER[b.f.status] ?? 9) || (LEVEL_ORDER[a.f.enforcementLevel] ?? 9) - (LEVEL_ORDER[b.f.enforcementLevel] ?? 9) || a.i - b.i)
    .map(({ f }) => f);
  if (!shown.length) return `<p>No findings: every budget checked holds.</p>`;
  const rows = shown.map((f) => {
    const year = f.year === undefined ? "" : String(f.year);
    const when = f.at === undefined ? year : !year || f.at.startsWith(year) ? f.at : `${year}, ${f.at}`;
    // An exempted violation is shown, marked, never hidden; an expired exemption is named beside the violation it no longer covers.
    const exempted = f.status === "violation" && f.exemption !== undefined;
    const level = exempted ? `${f.enforcementLevel}, EXEMPTED` : f.status === "violation" ? f.enforcementLevel : `${f.enforcementLevel}, not checked`;
    const message = exempted ? `${f.message} (exempted: ${describeExemption(f.exemption!)})` : `${f.message}${expiredSuffix(f)}`;
    const status = exempted ? "exempted" : f.status;
    return `<tr class="finding ${e(status)}"><td class="level-${e(f.enforcementLevel)} ${e(status)}">${e(level)}</td><td>${e(f.policy)}</td><td>${e(f.resourceName)}</td><td class="when">${e(when)}</td><td>${e(message)}</td><td>${e(fixText(f))}</td></tr>`;
  });
  return `<table class="findings"><thead><tr><th>level</th><th>policy</th><th>resource</th><th>year / at</th><th>finding</th><th>fix</th></tr></thead><tbody>\n${rows.join("\n")}\n</tbody></table>`;
}

function treeItems(nodes: readonly TreeNode[]): string {
  return nodes.map((n) => {
    const inner = treeItems(n.children) + (n.hidden > 0 ? `<li class="more">… ${n.hidden} more</li>` : "");
    return `<li><span class="name">${e(n.name)}</span> <span class="type">${e(n.type)}</span>${inner ? `<ul>${inner}</ul>` : ""}</li>`;
  }).join("\n");
}

const anchor = (kind: string, name: string) => `${kind}-${name.replace(/[^A-Za-z0-9_-]/g, "_")}`;

/**
 * The money of a campus that published its finance: the summary and parties tables, a cash-flow waterfall per party
 * with a flow, and the levelised cost against the rental bands with their sources. Nothing for an older report.
 */
function moneySection(campus: CampusData): string[] {
  const finance = campus.finance;
  if (!finance) return [];
  return [
    `<h3>Money</h3>`,
    moneySummaryTable(finance),
    partiesTable(finance),
    ...cashFlowCharts(campus).map(figure),
    figure(rentalBandChart(campus)),
    rentalSourcesTable(finance),
  ].filter(Boolean);
}

function campusSection(campus: CampusData): string {
  return [
    `<section class="campus" id="${e(anchor("campus", campus.name))}">`,
    `<h2>Campus <code>${e(campus.name)}</code></h2>`,
    `<h3>Power</h3>`, figure(powerSankey(campus)),
    `<h3>Water</h3>`, figure(waterSankey(campus)),
    `<h3>Hour by hour</h3>`, figure(marginHeatmap(campus)), figure(unservedHeatmap(campus)),
    `<h3>Year by year</h3>`, figure(timelineChart(campus)), figure(costChart(campus)),
    ...moneySection(campus),
    `<h3>Halls</h3>`, figure(hallStripChart(campus)), figure(plantCapacityChart(campus)),
    `</section>`,
  ].join("\n");
}

/** The plan as one self-contained HTML page. */
export function htmlReport(data: ReportData): string {
  const contents = [
    `<li><a href="#budgets">Budgets</a></li>`,
    ...(data.confidence ? [`<li><a href="#confidence">Confidence</a></li>`] : []),
    ...data.campuses.map((c) => `<li><a href="#${e(anchor("campus", c.name))}">Campus ${e(c.name)}</a></li>`),
    `<li><a href="#findings">Findings</a></li>`, `<li><a href="#tree">Component tree</a></li>`,
  ];
  return [
    `<!DOCTYPE html>`,
    `<html lang="en">`,
    `<head>`,
    `<meta charset="utf-8">`,
    `<meta name="viewport" content="width=device-width, initial-scale=1">`,
    `<title>${e(`Plan ${data.stack}: ${data.verdict === "pass" ? "PASS" : "FAIL"}`)}</title>`,
    `<style>${CSS}</style>`,
    `</head>`,
    `<body>`,
    `<main>`,
    header(data),
    `<nav><strong>Contents</strong><ul>${contents.join("")}</ul></nav>`,
    `<section id="budgets">`,
    `<h2>Budgets</h2>`,
    figure(budgetChart(data.budgets)),
    budgetTable(data.budgets),
    `</section>`,
    ...(data.confidence ? [confidenceSection(data.confidence)] : []),
    ...data.campuses.map(campusSection),
    `<section id="findings">`,
    `<h2>Findings</h2>`,
    findingsTable(data.findings),
    `</section>`,
    `<section id="tree">`,
    `<h2>Component tree</h2>`,
    data.tree.length ? `<ul class="tree">\n${treeItems(data.tree)}\n</ul>` : `<p>No resources.</p>`,
    `</section>`,
    `</main>`,
    `</body>`,
    `</html>`,
    ``,
  ].join("\n");
}
