/**
 * Issue 31: every user-supplied string is data, never markup or control (plan/neutralise.ts). Each escaper on the
 * hostile inputs of the issue, with the expected strings worked out by hand; then every report format rendered from
 * a plan whose names, outputs, config, exemptions and messages are hostile; then a property over random strings
 * made of hostile fragments. Ordinary names come out as they went in.
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import fc from "fast-check";
import { XMLParser } from "fast-xml-parser";
import { afterAll, describe, expect, it } from "vitest";
import type { CostYearRow } from "../components/costs/campusCost";
import type { YearRow } from "../components/years/ledger";
import { yearRow as baseYearRow } from "./helpers/yearRow";
import { compareReports, parseBaselineReport, renderBaselineMarkdown, renderBaselineText } from "../plan/baseline";
import { markdownWithBaseline, withSchemaVersion } from "../plan/check";
import { appendStepSummary, escapeXml, renderGithub, renderJunit, renderSarif, sarifLog } from "../plan/ciFormats";
import {
  commandSafeLines, htmlSafe, jsonSafe, markdownCode, markdownLinkTarget, markdownSafe, mermaidSafe, showControls, textSafe, workflowCommandSafe,
} from "../plan/neutralise";
import { renderMarkdown, renderText } from "../plan/render";
import type { PlanReport } from "../plan/report";
import type { EnforcedFinding } from "../policies/evaluate";
import type { ExemptionSummary } from "../policies/exemptions";
import { htmlReport, type CampusData, type ReportData } from "../report";
import { mermaidEnergyPie, mermaidTree } from "../report/mermaid";
import { SEED } from "./helpers/arbitraries";

// ------------------------------------------------------------------------------------------------ hostile inputs

const FORGED = "ok\n::error title=forged::x";
const MASK = "::add-mask::hunter2";
const ANSI = "\u001b[31mred\u001b[0m";
const CSI = "\u009b31m";
const CR = "a\rb";
const IMG = "site<img src=x onerror=alert(1)><!-- aicluster-plan:x/prod -->";
const CELL = "a | b `c`";
const SCRIPT = "</script><script>alert(1)</script>";
const MERMAID = 'a"]-->b[';
const LEGACY = "x ##[error]forged";
const ORDINARY = ["hall-a", "Hyperion phase 1", "AEP Ohio"];

/** IMG as markdownSafe and htmlSafe write it: no tag, no comment, and the marker's colon a reference. */
const IMG_MD = "site&lt;img src=x onerror=alert(1)&gt;&lt;!-- aicluster-plan&#58;x/prod --&gt;";

/** No line a GitHub Actions runner reads as a workflow command: `::` first (after blanks), or `##[` anywhere. */
function expectNoWorkflowCommand(text: string): void {
  for (const line of text.split("\n")) {
    expect(line.trimStart().startsWith("::"), line).toBe(false);
    expect(line, line).not.toContain("##[");
  }
}

/** Every Markdown table row has as many cells as its header: no user's pipe ends a cell. */
function expectWholeRows(md: string): void {
  const cells = (row: string) => row.replace(/\\\|/g, "").split("|").length;
  let header: string | undefined;
  for (const line of md.split("\n")) {
    if (!line.startsWith("|")) header = undefined;
    else if (header === undefined) header = line;
    else expect(cells(line), line).toBe(cells(header));
  }
}

/** `-->` only as a Mermaid edge of the report's own (`  n0 --> n1`), never from a name. */
function expectArrowsOnlyInMermaid(md: string): void {
  for (const line of md.split("\n").filter((l) => l.includes("-->"))) expect(line).toMatch(/^ {2}n\d+ --> n\d+$/);
}

/** No control character but the line feeds that separate lines (and no bidirectional formatting). */
function expectNoControls(text: string): void {
  expect(text).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/);
}

describe("the escapers, one hostile input at a time", () => {
  it("textSafe: controls and line breaks shown as escapes, workflow commands broken", () => {
    expect(textSafe(FORGED)).toBe("ok\\n::error title=forged::x");
    expect(textSafe(MASK)).toBe("\\::add-mask::hunter2");
    expect(textSafe("  ::warning::x")).toBe("  \\::warning::x");
    expect(textSafe(ANSI)).toBe("\\u001b[31mred\\u001b[0m");
    expect(textSafe(CSI)).toBe("\\u009b31m");
    expect(textSafe(CR)).toBe("a\\rb");
    expect(textSafe("bell\u0007 back\u0008 tab\t del\u007f nel\u0085 ls\u2028")).toBe("bell\\u0007 back\\u0008 tab\\t del\\u007f nel\\u0085 ls\\u2028");
    expect(textSafe("FAIL\u202eSSAP")).toBe("FAIL\\u202eSSAP");
    expect(textSafe(LEGACY)).toBe("x ##\\[error]forged");
    // A terminal has no markup: the rest is shown as it is.
    expect(textSafe(IMG)).toBe(IMG);
    expect(textSafe(textSafe(FORGED))).toBe(textSafe(FORGED));
    expect(showControls(ANSI)).toBe("\\u001b[31mred\\u001b[0m");
  });

  it("commandSafeLines: the last guard over a whole rendered text", () => {
    expect(commandSafeLines("a\n  ::warning::x\nb ##[error]c\nd:: fine")).toBe("a\n  \\::warning::x\nb ##\\[error]c\nd:: fine");
  });

  it("markdownSafe: one line, no HTML, no comment, no second marker, Markdown punctuation escaped", () => {
    expect(markdownSafe(IMG)).toBe(IMG_MD);
    expect(markdownSafe(CELL)).toBe("a \\| b \\`c\\`");
    expect(markdownSafe(MERMAID)).toBe('a"\\]--&gt;b\\[');
    expect(markdownSafe(FORGED)).toBe("ok ::error title=forged::x");
    expect(markdownSafe(CR)).toBe("a b");
    expect(markdownSafe(ANSI)).toBe("\\\\u001b\\[31mred\\\\u001b\\[0m");
    expect(markdownSafe(CSI)).toBe("\\\\u009b31m");
    expect(markdownSafe(SCRIPT)).toBe("&lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt;");
    expect(markdownSafe("![pixel](https://x.test/p.png) [link](https://x.test)")).toBe("!\\[pixel\\](https://x.test/p.png) \\[link\\](https://x.test)");
    // Emphasis that could open is escaped; a `*` that can only close, and an intraword `_`, are left as written.
    expect(markdownSafe("$1 *bold* _it_ ~~s~~ snake_case gone-*")).toBe("\\$1 \\*bold* \\_it_ \\~\\~s\\~~ snake_case gone-*");
    expect(markdownSafe("AT&T &lt; \\")).toBe("AT&amp;T &amp;lt; \\\\");
    expect(markdownSafe("AICLUSTER-PLAN:x")).toBe("AICLUSTER-PLAN&#58;x");
    expect(markdownSafe(MASK)).toBe("\\::add-mask::hunter2");
  });

  it("markdownCode: a code span when nothing in it would show raw or get out, else <code> around markdownSafe text", () => {
    expect(markdownCode("hall-a")).toBe("`hall-a`");
    expect(markdownCode(MASK)).toBe("`::add-mask::hunter2`");
    expect(markdownCode(CELL)).toBe("<code>a \\| b \\`c\\`</code>");
    expect(markdownCode(IMG)).toBe(`<code>${IMG_MD}</code>`);
    expect(markdownCode(ANSI)).toBe("<code>\\\\u001b\\[31mred\\\\u001b\\[0m</code>");
    expect(markdownCode(LEGACY)).toBe("<code>x ##\\[error\\]forged</code>");
    expect(markdownCode("")).toBe("<code></code>");
  });

  it("markdownLinkTarget: percent-encoded, parentheses too", () => {
    expect(markdownLinkTarget("out/a report (1).html")).toBe("out/a%20report%20%281%29.html");
    expect(markdownLinkTarget("x<y>\"z\ud800")).toBe("x%3Cy%3E%22z%EF%BF%BD");
  });

  it("htmlSafe: the five special characters as references, controls visible, commands broken with references", () => {
    expect(htmlSafe(SCRIPT)).toBe("&lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt;");
    expect(htmlSafe("<!--")).toBe("&lt;!--");
    expect(htmlSafe(IMG)).toBe(IMG_MD);
    expect(htmlSafe(MERMAID)).toBe("a&quot;]--&gt;b[");
    expect(htmlSafe(`"'&`)).toBe("&quot;&#39;&amp;");
    expect(htmlSafe(ANSI)).toBe("\\u001b[31mred\\u001b[0m");
    expect(htmlSafe(FORGED)).toBe("ok\\n::error title=forged::x");
    expect(htmlSafe(MASK)).toBe("&#58;:add-mask::hunter2");
    expect(htmlSafe(LEGACY)).toBe("x ##&#91;error]forged");
  });

  it("mermaidSafe: entity codes for what would end a label, decode as an entity, or start a comment or directive", () => {
    expect(mermaidSafe(MERMAID)).toBe("a#quot;]--#gt;b[");
    expect(mermaidSafe(IMG)).toBe("site#lt;img src=x onerror=alert(1)#gt;#lt;!-- aicluster-plan#58;x/prod --#gt;");
    expect(mermaidSafe('%%{init: {"securityLevel":"loose"}}%%')).toBe("#37;#37;{init: {#quot;securityLevel#quot;:#quot;loose#quot;}}#37;#37;");
    expect(mermaidSafe("#quot;")).toBe("#35;quot;");
    expect(mermaidSafe("a`b`&c")).toBe("a#96;b#96;#amp;c");
    expect(mermaidSafe("ok\nflowchart LR")).toBe("ok\\nflowchart LR");
    expect(mermaidSafe(LEGACY)).toBe("x #35;#35;[error]forged");
  });

  it("workflowCommandSafe: GitHub's escapes for data and properties, other controls visible", () => {
    expect(workflowCommandSafe(FORGED)).toBe("ok%0A::error title=forged::x");
    expect(workflowCommandSafe("100%\r\n" + ANSI)).toBe("100%25%0D%0A\\u001b[31mred\\u001b[0m");
    expect(workflowCommandSafe(FORGED, "property")).toBe("ok%0A%3A%3Aerror title=forged%3A%3Ax");
    expect(workflowCommandSafe("a:b,c\n" + CSI, "property")).toBe("a%3Ab%2Cc%0A\\u009b31m");
  });

  it("jsonSafe: the same value, with nothing raw a terminal or the runner would act on", () => {
    const value = { a: `${CSI} ##[x] \u2028 \u202e`, b: [1, "##["] };
    const json = jsonSafe(JSON.stringify(value, null, 2));
    expect(json).toBe('{\n  "a": "\\u009b31m ##\\u005bx] \\u2028 \\u202e",\n  "b": [\n    1,\n    "##\\u005b"\n  ]\n}');
    expect(JSON.parse(json)).toEqual(value);
  });

  it("leaves ordinary names as they are", () => {
    for (const name of ORDINARY) {
      expect(textSafe(name)).toBe(name);
      expect(markdownSafe(name)).toBe(name);
      expect(markdownCode(name)).toBe(`\`${name}\``);
      expect(htmlSafe(name)).toBe(name);
      expect(mermaidSafe(name)).toBe(name);
      expect(workflowCommandSafe(name)).toBe(name);
      expect(workflowCommandSafe(name, "property")).toBe(name);
      expect(escapeXml(name)).toBe(name);
    }
  });
});

// ---------------------------------------------------------------------------------------- a plan with hostile data

const urn = (name: string) => `urn:pulumi:demo::aicluster::aicluster:index:Campus::${name}`;

function yearRow(over: Partial<YearRow> = {}): YearRow {
  return baseYearRow(2030, over);
}

const usd = (base: number) => ({ low: base * 0.8, base, high: base * 1.25 });

function costRow(year: number, capex: number, opex: number): CostYearRow {
  return {
    year, capexUsd: usd(capex), ownerCapexUsd: usd(capex), partnerCapexUsd: usd(0), energyCostUsd: usd(opex * 0.8), waterCostUsd: usd(0),
    maintenanceUsd: usd(opex * 0.2), opexUsd: usd(opex), depreciationUsd: usd(capex / 10), leasePaymentsUsd: usd(0), gpuHours: 1e6,
    costUsdPerGpuHour: usd(2), energyCostUsdPerMwh: usd(80),
    refreshCapexUsd: { low: 0, base: 0, high: 0 }, ownerOnBalanceSheetCapexUsd: usd(capex), capacityCostUsd: { low: 0, base: 0, high: 0 }, demandChargeUsd: { low: 0, base: 0, high: 0 }, ppaSettlementUsd: { low: 0, base: 0, high: 0 }, capitalChargeUsd: { low: 0, base: 0, high: 0 }, costWithCapitalUsdPerGpuHour: { low: 0, base: 0, high: 0 },
  };
}

function finding(over: Partial<EnforcedFinding> = {}): EnforcedFinding {
  return {
    policy: "water-permit", status: "violation", enforcementLevel: "mandatory", resourceUrn: urn(IMG), resourceName: IMG, budget: "annual water",
    measured: 110, limit: 100, unit: "m³/yr", message: `${IMG}: annual water ${FORGED}`, remediation: `recycle ${ANSI}`, ...over,
  };
}

const EXEMPTION: ExemptionSummary = {
  policy: "water-permit", enforcementLevel: "mandatory", resource: `gone-* ${CELL}`, reason: `${MASK} ${LEGACY}`, ticket: CSI, state: "unused",
  violations: 0, violatingResources: [], matchedResources: 0,
};

/** A plan whose every user-supplied string is hostile (config includes another namespace's credential). */
function hostileReport(over: Partial<PlanReport> = {}): PlanReport {
  return {
    project: "aicluster", stack: "demo",
    config: { "aicluster:site": CR, "aicluster:note": IMG, "aws:secretKey": "AKIAFAKEFAKE", "aws:token": "[secret]" },
    resourceCount: 2,
    resourcesByType: [{ type: `aicluster:index:${CELL}`, count: 2 }],
    tree: [{ name: IMG, type: "aicluster:index:Campus", children: [{ name: MERMAID, type: "DataHall", children: [], hidden: 0 }], hidden: 0 }],
    outputs: { [MASK]: "x", name: IMG, cell: CELL, csi: CSI, nested: { [FORGED]: ANSI }, list: [SCRIPT, LEGACY] },
    budgets: [],
    years: [{ campus: IMG, rows: [yearRow({ hallsStarting: [MASK], contractsStarting: ["AEP Ohio"] })] }],
    costs: [{
      campus: IMG, capex: [{ category: CELL, capexUsd: usd(1e6), usefulLifeYears: 5, maintenanceShareOfCapex: 0.03 }], capexUsd: usd(1e6),
      rows: [costRow(2030, 1e6, 1e5)], costMissing: [LEGACY], financing: { partner: SCRIPT, partnerShareOfFacility: 0.4, leaseRatePerYear: 0.08 },
    }],
    monthly: [{ campus: IMG, year: 2030, weather: `EPW Zürich ${ANSI}`, rows: [] }],
    findings: [finding(), finding({ policy: "pue-max", status: "not-applicable", budget: undefined, message: `${MERMAID}: no PUE yet`, resourceName: "hall-a" })],
    exemptions: [EXEMPTION],
    verdict: "fail", wallSeconds: 1,
    ...over,
  };
}

describe("the text report", () => {
  const text = renderText(hostileReport());
  const lines = text.split("\n");

  it("shows line breaks and controls as escapes, so no value begins a line or reaches the terminal", () => {
    expectNoWorkflowCommand(text);
    expectNoControls(text);
    expect(lines).toContain("  [mandatory] water-permit: site<img src=x onerror=alert(1)><!-- aicluster-plan:x/prod -->: annual water ok\\n::error title=forged::x");
    expect(lines).toContain("      fix: recycle \\u001b[31mred\\u001b[0m");
    expect(lines).toContain("  [not applicable] pue-max: a\"]-->b[: no PUE yet");
    expect(lines.find((l) => l.startsWith("  \\::"))).toMatch(/^ {2}\\::add-mask::hunter2 +x$/);
    expect(lines.find((l) => l.startsWith("  csi "))).toMatch(/^ {2}csi +\\u009b31m$/);
    expect(lines.find((l) => l.startsWith("  nested."))).toMatch(/^ {2}nested\.ok\\n::error title=forged::x +\\u001b\[31mred\\u001b\[0m$/);
    expect(lines.find((l) => l.startsWith("  list "))).toMatch(/^ {2}list +<\/script><script>alert\(1\)<\/script>, x ##\\\[error\]forged$/);
    expect(lines).toContain("Year by month, campus site<img src=x onerror=alert(1)><!-- aicluster-plan:x/prod --> (2030, the first year at full build; weather: EPW Zürich \\u001b[31mred\\u001b[0m; hours in local standard time):");
    expect(lines).toContain("Warning, campus site<img src=x onerror=alert(1)><!-- aicluster-plan:x/prod -->: cost incomplete: no price for x ##\\[error]forged (the cost figures leave them out)");
    expect(lines).toContain("Financing: </script><script>alert(1)</script> funds 40 % of the facility; lease 8 % a year of its capex to date.");
    expect(lines.find((l) => l.startsWith("  unused "))).toMatch(/^ {2}unused +water-permit +mandatory +gone-\* a \| b `c` +0 \(matches no resource\) +\\::add-mask::hunter2 x ##\\\[error\]forged +never +\\u009b31m$/);
    expect(lines).toContain("  └─ site<img src=x onerror=alert(1)><!-- aicluster-plan:x/prod -->  [aicluster:index:Campus]");
    expect(lines).toContain("     └─ a\"]-->b[  [DataHall]");
  });

  it("prints the project's config values, and of other namespaces only that a value is there", () => {
    expect(lines[1]).toBe("Config: aicluster:site=a\\rb, aicluster:note=site<img src=x onerror=alert(1)><!-- aicluster-plan:x/prod -->, aws:secretKey=[not shown], aws:token=[secret]");
    expect(text).not.toContain("AKIA");
  });

  it("renders ordinary names unchanged", () => {
    const plain = renderText(hostileReport({ years: [{ campus: "Hyperion phase 1", rows: [yearRow({ hallsStarting: ["hall-a"], contractsStarting: ["AEP Ohio"] })] }] }));
    expect(plain).toContain("Year by year, campus Hyperion phase 1 (undated):");
    expect(plain.split("\n").find((l) => l.startsWith("  2030 "))).toMatch(/^ {2}2030 +1 \+hall-a .* \+AEP Ohio$/);
  });
});

describe("the Markdown report", () => {
  const md = renderMarkdown(hostileReport(), { pictures: [mermaidTree(hostileReport().tree)], htmlReport: "out/report (1).html" });
  const lines = md.split("\n");

  it("shows the hostile campus as inert text in findings, tables, headings and the tree", () => {
    expect(md).not.toContain("<!--");
    expectArrowsOnlyInMermaid(md);
    expect(md).not.toMatch(/aicluster-plan:/i);
    expect(md).not.toMatch(/<(img|script)/i);
    expectNoControls(md);
    expectNoWorkflowCommand(md);
    expect(lines).toContain(`- **mandatory** \`water-permit\`: ${IMG_MD}: annual water ok ::error title=forged::x. Fix: recycle \\\\u001b\\[31mred\\\\u001b\\[0m`);
    expect(lines).toContain(`- **not applicable** \`pue-max\`: a"\\]--&gt;b\\[: no PUE yet`);
    expect(lines).toContain(`Year by year, campus <code>${IMG_MD}</code> (undated):`);
    expect(lines).toContain(`> **Warning**, campus <code>${IMG_MD}</code>: cost incomplete: no price for x ##\\[error\\]forged (the cost figures leave them out)`);
    expect(lines).toContain("Financing: &lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt; funds 40 % of the facility; lease 8 % a year of its capex to date.");
    expect(lines).toContain(`Year by month, campus <code>${IMG_MD}</code> (2030, the first year at full build; weather: EPW Zürich \\\\u001b\\[31mred\\\\u001b\\[0m; hours in local standard time):`);
    expect(lines).toContain(`└─ ${IMG_MD}  [aicluster:index:Campus]`);
    expect(lines).toContain("   └─ a&quot;]--&gt;b[  [DataHall]");
    expect(lines).toContain("Full report with charts: [out/report (1).html](out/report%20%281%29.html)");
  });

  it("keeps every table row's cells: pipes and backticks escaped, code spans only where they hold", () => {
    expect(lines).toContain("| \\::add-mask::hunter2 | x |");
    expect(lines).toContain("| cell | a \\| b \\`c\\` |");
    expect(lines).toContain("| csi | \\\\u009b31m |");
    expect(lines).toContain(`| name | ${IMG_MD} |`);
    expect(lines).toContain("| 2 | <code>aicluster:index:a \\| b \\`c\\`</code> |");
    expect(lines).toContain("| unused | water-permit | mandatory | gone-* a \\| b \\`c\\` | 0 (matches no resource) | \\::add-mask::hunter2 x ##\\[error\\]forged | never | \\\\u009b31m |");
    expect(lines).toContain("| a \\| b \\`c\\` | \\$800k | \\$1.00M | \\$1.25M | 5 | 3 % |");
    expectWholeRows(md);
  });

  it("prints the config as code, another namespace's values hidden", () => {
    expect(lines).toContain(`Config: <code>aicluster:site=a b, aicluster:note=${IMG_MD}, aws:secretKey=\\[not shown\\], aws:token=\\[secret\\]</code>; 2 resources; mock runtime, 1 s.`);
    expect(md).not.toContain("AKIA");
  });

  it("renders ordinary names unchanged (code spans, a fenced tree's lines in <pre>)", () => {
    const plain = renderMarkdown(hostileReport({ stack: "prod", config: { "aicluster:scale": "0.001" }, years: [{ campus: "Hyperion phase 1", rows: [yearRow()] }], tree: [{ name: "hall-a", type: "DataHall", children: [], hidden: 0 }] }));
    expect(plain.split("\n")[0]).toBe("### aicluster plan: `prod` FAILS");
    expect(plain).toContain("Year by year, campus `Hyperion phase 1` (undated):");
    expect(plain).toContain("Config: `aicluster:scale=0.001`; 2 resources");
    expect(plain).toContain("<pre>\n└─ hall-a  [DataHall]\n</pre>");
  });
});

describe("the PR comment, the folded full report and the job summary", () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "aicluster-neutralise-"));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
  const now = hostileReport({ budgets: [{
    policy: "water-permit", budget: "annual water", enforcementLevel: "mandatory", checked: 1, resourceName: IMG, used: 110, limit: 100, unit: "m³/yr",
    bound: "max", headroom: -10, headroomShare: -0.1, violations: 1,
  }] });
  const base = parseBaselineReport(JSON.parse(JSON.stringify(withSchemaVersion(hostileReport({ findings: [] })))), "--baseline base.json");
  const diff = compareReports(base, now);

  it("has one marker, the comment's own, and the campus as text everywhere", () => {
    const comment = markdownWithBaseline(diff, renderMarkdown(now, { pictures: [mermaidTree(now.tree)] }));
    expect(comment.split("\n")[0]).toBe("<!-- aicluster-plan:aicluster/demo -->");
    expect(comment.split("<!--")).toHaveLength(2);
    expectArrowsOnlyInMermaid(comment.split("\n").slice(1).join("\n"));
    expect(comment.match(/aicluster-plan:/gi)).toHaveLength(1);
    expect(comment).not.toMatch(/<(img|script)/i);
    expect(comment).toContain("<details><summary>Full report</summary>");
    expect(comment).toContain(`- **mandatory** water-permit: ${IMG_MD}: annual water ok ::error title=forged::x. Fix: recycle \\\\u001b\\[31mred\\\\u001b\\[0m`);
    expect(comment).toContain(`| 🆕 new | water-permit | annual water | ${IMG_MD} | — | -10 m³/yr | — |`);
    expectNoControls(comment);
    expectNoWorkflowCommand(comment);
  });

  it("appends the same inert Markdown to the job summary", () => {
    const file = path.join(dir, "summary.md");
    appendStepSummary(markdownWithBaseline(diff, renderMarkdown(now)), { GITHUB_STEP_SUMMARY: file });
    const summary = fs.readFileSync(file, "utf8");
    expect(summary.split("<!--")).toHaveLength(2);
    expect(summary).not.toMatch(/<(img|script)/i);
    expectNoControls(summary);
  });

  it("prints the comparison for a terminal with escapes", () => {
    const text = renderBaselineText(diff);
    expectNoWorkflowCommand(text);
    expectNoControls(text);
    expect(text.split("\n")).toContain("  [mandatory] water-permit: site<img src=x onerror=alert(1)><!-- aicluster-plan:x/prod -->: annual water ok\\n::error title=forged::x. Fix: recycle \\u001b[31mred\\u001b[0m");
    expect(renderBaselineMarkdown(diff).split("<!--")).toHaveLength(2);
  });
});

describe("CI formats", () => {
  const report = hostileReport({ findings: [finding(), finding({ policy: "a:b,c", enforcementLevel: "advisory", message: MASK, remediation: LEGACY })], exemptions: [{ ...EXEMPTION, state: "expired", expires: "2026-01-01", violations: 1, violatingResources: [FORGED] }] });

  it("GitHub annotations: one command a line, the forged line kept inside the message as %0A", () => {
    const lines = renderGithub(report).split("\n");
    expect(lines).toEqual([
      `::error file=stacks/Pulumi.demo.yaml,title=water-permit::${IMG}: annual water ok%0A::error title=forged::x Fix: recycle \\u001b[31mred\\u001b[0m`,
      "::warning file=stacks/Pulumi.demo.yaml,title=a%3Ab%2Cc::::add-mask::hunter2 Fix: x ##[error]forged",
      "::warning file=stacks/Pulumi.demo.yaml,title=water-permit exemption expired::water-permit exemption of \"gone-* a | b `c`\" expired 2026-01-01: ::add-mask::hunter2 x ##[error]forged; 1 violation (ok%0A::error title=forged::x) count again",
      "aicluster plan demo: FAIL (1 mandatory violation)",
    ]);
    expect(renderGithub({ ...report, stack: MASK }).split("\n").at(-1)).toBe("aicluster plan \\::add-mask::hunter2: FAIL (1 mandatory violation)");
  });

  it("JUnit: the XML parses back to the text; C1 controls visible, XML-forbidden ones dropped, ##[ a reference", () => {
    const xml = renderJunit(report);
    expectNoWorkflowCommand(xml);
    expectNoControls(xml);
    expect(xml).not.toContain("<img");
    const doc = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: "@_", isArray: (name) => name === "testsuite" || name === "testcase", htmlEntities: true }).parse(xml);
    const water = doc.testsuites.testsuite.find((s: { "@_name": string }) => s["@_name"] === "water-permit");
    expect(water.testcase[0]["@_name"]).toBe(`${IMG}: annual water`);
    expect(water.testcase[0].failure["@_message"]).toBe(`${IMG}: annual water ${FORGED}`);
    expect(escapeXml(`${CSI} ${LEGACY} ${ANSI}`)).toBe("\\u009b31m x ##&#91;error]forged [31mred[0m");
  });

  it("SARIF: brackets escaped as SARIF asks, no markdown message, nothing raw a terminal acts on; the JSON parses to the log", () => {
    const text = renderSarif(report);
    expectNoWorkflowCommand(text);
    expectNoControls(text);
    expect(JSON.parse(text)).toEqual(JSON.parse(JSON.stringify(sarifLog(report))));
    const results = (sarifLog(report).runs as { results: { message: Record<string, string> }[] }[])[0].results;
    expect(results[0].message).toEqual({ text: `${IMG}: annual water ${FORGED} Fix: recycle \u001b\\[31mred\u001b\\[0m` });
    expect(results[1].message).toEqual({ text: "::add-mask::hunter2 Fix: x ##\\[error\\]forged" });
    expect(text).not.toContain('"markdown"');
  });
});

// --------------------------------------------------------------------------------------------------- HTML, Mermaid

function campus(over: Partial<CampusData> = {}): CampusData {
  return {
    name: IMG,
    hoursKept: true,
    weather: `EPW ${ANSI}`,
    fullBuildYear: 2030,
    contracts: [
      { name: SCRIPT, source: "grid-x", contractedMw: 0.4, firmMw: 0.4, delivery: "physical", suppliedMwh: 2000 },
      { name: "AEP Ohio", source: LEGACY, contractedMw: 1, firmMw: 0, delivery: "virtual", suppliedMwh: 0 },
    ],
    unservedMwh: 100,
    halls: [{ name: `hall-${CSI}`, racksMwh: 1900, networkMwh: 100, coolingMwh: 150, electricalLossMwh: 50, airHandlingMwh: 0, cduPumpsMwh: 100 }],
    plants: [],
    years: [yearRow({ hallsStarting: [MERMAID], contractsStarting: [SCRIPT] })],
    costYears: [costRow(2030, 5e6, 1e5)],
    strips: [{ name: `${MASK}\n${FORGED}`, maxRackKw: 130, groups: [{ name: "row-1", design: `nvl72 ${ANSI}`, rackCount: 2, itLoadPerRackKw: 125, ratedKwPerRack: 132 }] }],
    ...over,
  };
}

describe("the HTML report", () => {
  const data: ReportData = {
    stack: IMG, verdict: "fail", campuses: [campus()],
    budgets: [{ policy: "water-permit", budget: SCRIPT, enforcementLevel: "mandatory", checked: 1, resourceName: IMG, used: 110, limit: 100, unit: "m³/yr", bound: "max", headroom: -10, headroomShare: -0.1, violations: 1, at: CR }],
    findings: [finding({ exemption: { pattern: `${IMG}*`, reason: SCRIPT, expires: "2099-12-31" } }), finding({ status: "not-applicable", message: MERMAID })],
    tree: [{ name: IMG, type: SCRIPT, children: [], hidden: 0 }],
  };
  const html = htmlReport(data);

  it("escapes every user string in text and attributes, charts included; no script, no comment from a name", () => {
    expect(html).not.toMatch(/<script\b/i);
    expect(html).not.toMatch(/<img\b/i);
    expect(html).not.toContain("<!--");
    expect(html).not.toMatch(/aicluster-plan:/i);
    expectNoControls(html);
    expectNoWorkflowCommand(html);
    expect(html).toContain(`<h1>Plan report: stack <code>${IMG_MD}</code></h1>`);
    expect(html).toContain(`<h3>Campus <code>${IMG_MD}</code> <small>(weather EPW \\u001b[31mred\\u001b[0m)</small></h3>`);
    expect(html).toContain(`<span class="name">${IMG_MD}</span> <span class="type">&lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt;</span>`);
    expect(html).toContain("(exempted: &lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt;, until 2099-12-31)");
    expect(html).toContain("<td>a\\rb</td>");
    expect(html).toContain(`aria-label="Power Sankey of ${IMG_MD}"`);
    expect(html).toContain(`data-chart="power-sankey-${IMG_MD}"`);
    expect(html).toContain("Virtual PPAs (certificates only, no energy delivered): AEP Ohio (x ##&#91;error]forged, 1 MW).");
  });

  it("draws names into the SVG as text: ECharts' escapes, controls visible", () => {
    // The Sankey's node label (ECharts escapes `<`, `>` and quotes in SVG text).
    expect(html).toContain("&lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt; (grid-x, firm 0.4 MW): ");
    expect(html).toContain("IT hall-\\u009b31m: ");
    // The hall strip's axis: the name on one line, its line feeds shown as `\n`.
    expect(html).toContain(">::add-mask::hunter2\\nok\\n::error title=forged::x</text>");
    expect(html).not.toContain("\u001b");
  });
});

describe("Mermaid pictures", () => {
  it("keeps a name inside its node label", () => {
    expect(mermaidTree([{ name: MERMAID, type: "aicluster:index:Campus", children: [{ name: IMG, type: "DataHall", children: [], hidden: 2 }], hidden: 0 }]).split("\n")).toEqual([
      "```mermaid",
      "flowchart TD",
      '  n0["a#quot;]--#gt;b[<br/><small>Campus</small>"]',
      '  n1["site#lt;img src=x onerror=alert(1)#gt;#lt;!-- aicluster-plan#58;x/prod --#gt;<br/><small>DataHall</small>"]',
      "  n0 --> n1",
      '  n2["… 2 more"]',
      "  n1 -.-> n2",
      "```",
    ]);
  });

  it("keeps a name inside the pie's title: no comment, no directive, no second line", () => {
    const pie = mermaidEnergyPie(campus({ name: `${FORGED} %%{init: {"theme":"dark"}}%%` }));
    expect(pie.split("\n")[1]).toBe('pie showData title Facility energy of ok\\n::error title=forged::x #37;#37;{init: {#quot;theme#quot;:#quot;dark#quot;}}#37;#37; in 2030, MWh');
    expect(mermaidEnergyPie(campus({ name: "Hyperion phase 1" })).split("\n")[1]).toBe("pie showData title Facility energy of Hyperion phase 1 in 2030, MWh");
  });
});

// ----------------------------------------------------------------------------------------------------- property

const FRAGMENTS = [FORGED, MASK, ANSI, CSI, CR, IMG, CELL, SCRIPT, MERMAID, LEGACY, "\n", "\r\n", "::", "##", "[", "  ", "\u2028", "\u0085", "`", "|", "<!--", "-->"];
const hostileString = fc.array(fc.oneof(fc.constantFrom(...FRAGMENTS), fc.string({ unit: "binary", maxLength: 6 })), { maxLength: 6 }).map((parts) => parts.join(""));

describe("random strings of hostile fragments", () => {
  it("never start a workflow command or reach the terminal as a control, in text, Markdown or annotations", () => {
    fc.assert(fc.property(hostileString, hostileString, hostileString, (name, key, value) => {
      const report = hostileReport({
        stack: "demo", tree: [{ name, type: key, children: [], hidden: 0 }], outputs: { [key]: value, [name]: [value, key] },
        years: [{ campus: name, rows: [yearRow({ hallsStarting: [value] })] }], monthly: [{ campus: name, weather: value, rows: [] }],
        findings: [finding({ resourceName: name, message: `${name}: ${value}`, remediation: key })],
        exemptions: [{ ...EXEMPTION, resource: name, reason: value, ticket: key }],
      });
      const text = renderText(report);
      expectNoWorkflowCommand(text);
      expect(text).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u2028\u2029]/);
      const md = renderMarkdown(report);
      expect(md).not.toContain("<!--");
      expect(md).not.toMatch(/<(?!\/?(details|summary|pre|code)>)/);
      expectNoWorkflowCommand(md);
      for (const line of renderGithub(report).split("\n")) expect(line).toMatch(/^(::(error|warning|notice) file=[^\n]*::|aicluster plan )/);
    }), { seed: SEED, numRuns: 200 });
  });
});
