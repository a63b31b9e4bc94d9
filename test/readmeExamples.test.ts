/**
 * README's examples are tests. The TypeScript block under "Compose a campus" is read from README.md at test time,
 * put in a Pulumi project of its own in a temporary folder, and checked as README tells users to check their own
 * programs (`aicluster check . --stack dev`, mock mode, JSON report). The verdict and the figures README states about
 * the block (in its comments and in the paragraph after it) are parsed from README too and must be what the checker
 * reports, so README cannot drift from the toolkit without this file failing.
 *
 * The one change made to the block: `from "pulumi-aicluster"` becomes this repository's components folder, as the
 * package is not installed here (test/consumer checks the packed tarball itself). The figures README gives for
 * `npm run example` (examples/smallCampus.ts) are held to what that command prints.
 */
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import { describe, expect, it } from "vitest";
import { BUILTIN_RACK_DESIGNS } from "../components/catalog";
import { tempFolderForFile } from "./helpers/tempFolder";

const ROOT = path.resolve(__dirname, "..");
const README = path.join(ROOT, "README.md");
const tempDir = tempFolderForFile("readme");

/** One Markdown section: from its `## ` heading up to the next heading of level 2 (or the end). */
function section(markdown: string, heading: string): string {
  const start = markdown.indexOf(`\n## ${heading}\n`);
  if (start < 0) throw new Error(`README.md has no section "## ${heading}": the README example test reads its code block from there`);
  const end = markdown.indexOf("\n## ", start + 1);
  return markdown.slice(start, end < 0 ? undefined : end);
}

/** The first ```ts block of a section, and the text after it. */
function tsBlock(sectionText: string, heading: string): { code: string; after: string } {
  const match = /\n```ts\n([\s\S]*?)\n```\n/.exec(sectionText);
  if (!match) throw new Error(`README.md's section "## ${heading}" has no \`\`\`ts code block`);
  return { code: `${match[1]}\n`, after: sectionText.slice(match.index + match[0].length) };
}

/** A capture of a pattern README must contain; fails naming the pattern when README no longer says it. */
function stated(text: string, pattern: RegExp, what: string): RegExpExecArray {
  const match = pattern.exec(text);
  if (!match) throw new Error(`README.md no longer states ${what} (looked for ${pattern}); update README and this test together`);
  return match;
}

interface JsonReport {
  verdict: string;
  outputs: Record<string, unknown>;
  findings: { policy: string; status: string; resourceName: string; measured: number; at?: string; message: string; enforcementLevel: string }[];
  budgets: { policy: string; budget: string; violations: number }[];
}

/** `aicluster check . --stack dev --format json` on a project holding `program` as index.ts, as a CI job runs it. */
function checkProgram(name: string, program: string): { code: number | null; report: JsonReport; stderr: string } {
  const dir = path.join(tempDir(), name);
  fs.mkdirSync(dir);
  fs.symlinkSync(path.join(ROOT, "node_modules"), path.join(dir, "node_modules"));
  fs.writeFileSync(path.join(dir, "Pulumi.yaml"), "name: readme\nruntime:\n  name: nodejs\n  options:\n    typescript: true\n");
  fs.writeFileSync(path.join(dir, "Pulumi.dev.yaml"), "config: {}\n");
  fs.writeFileSync(path.join(dir, "index.ts"), program);
  const r = spawnSync(
    process.execPath,
    ["-r", require.resolve("ts-node/register/transpile-only"), path.join(ROOT, "plan/aicluster.ts"), "check", ".", "--stack", "dev", "--format", "json"],
    { cwd: dir, encoding: "utf8", env: { ...process.env, GITHUB_STEP_SUMMARY: "", TS_NODE_PROJECT: path.join(ROOT, "tsconfig.json") }, timeout: 120_000 },
  );
  if (r.status !== 0 && r.status !== 1) throw new Error(`aicluster check exited ${r.status} on README's example (${name}):\n${r.stderr}`);
  return { code: r.status, report: JSON.parse(r.stdout) as JsonReport, stderr: r.stderr };
}

const HEADING = "Compose a campus";
const IMPORT = 'import { Campus } from "pulumi-aicluster";';

function composeExample(): { code: string; after: string } {
  const block = tsBlock(section(fs.readFileSync(README, "utf8"), HEADING), HEADING);
  if (!block.code.includes(IMPORT)) throw new Error(`README's "${HEADING}" block no longer imports as users do (${IMPORT})`);
  return { code: block.code.replace(IMPORT, `import { Campus } from ${JSON.stringify(path.join(ROOT, "components"))};`), after: block.after };
}

describe(`README, "${HEADING}"`, () => {
  it("gives the verdict, the rule, the rack group, the hours and the outputs README states", () => {
    const { code, after } = composeExample();
    const prose = after.replace(/\s+/g, " ");
    const verdict = stated(prose, /this campus \*\*(fails|passes)\*\* \(exit (\d)\)/, "the example's verdict");
    const finding = stated(
      prose,
      /one mandatory rule, `([a-z-]+)`: its rack group `([\w-]+)` \([^)]*?at the default (\d+) °C supply\) gets warmer water than it asks for in \*\*(\d+) hours\*\* of the year, the worst ([\d.]+) K warmer at (\d{4}-\d\d-\d\d \d\d:\d\d)\./,
      "the example's finding",
    );
    const [, rule, rackGroup, supplyC, hours, worstK, worstAt] = finding;
    const pue = stated(code, /campus\.pue;\s*\/\/ Output<number>: ([\d.]+) here/, "the example's PUE")[1];
    const headroom = stated(code, /campus\.powerHeadroomMw;\s*\/\/[^\n]*: ([\d.]+) here/, "the example's headroom")[1];
    const peakHour = stated(code, /campus\.peakHour;\s*\/\/ "([^"]+)" here/, "the example's peak hour")[1];

    // What README says, pinned here too, so that a change of the checker's figures and README together is seen in review.
    expect([verdict[1], verdict[2], rule, rackGroup, supplyC, hours, worstK, worstAt]).toEqual(["fails", "1", "supply-temperature", "nvl-row1", "35", "74", "2.031", "2026-07-22 13:00"]);
    expect([pue, headroom, peakHour]).toEqual(["1.086", "0.7231", "2026-07-31 13:00"]);

    const { code: exitCode, report, stderr } = checkProgram("as-written", code);
    expect(exitCode, stderr).toBe(Number(verdict[2]));
    expect(report.verdict).toBe(verdict[1] === "fails" ? "fail" : "pass");
    const violations = report.findings.filter((f) => f.status === "violation");
    expect(violations.map((f) => [f.policy, f.enforcementLevel, f.resourceName, f.measured, f.at])).toEqual([[rule, "mandatory", "demo-hall-a", Number(hours), worstAt]]);
    expect(violations[0].message).toContain(`(worst ${worstK} K warmer at ${worstAt})`);
    expect(violations[0].message).toContain(`rack groups: demo-${"hall-a"}-${rackGroup} (${supplyC} °C supply, ${hours} h)`);
    // "every other budget holds"
    expect(report.budgets.filter((b) => b.violations > 0).map((b) => `${b.policy}: ${b.budget}`)).toEqual([`${rule}: hours supply temperature missed`]);
    expect((report.outputs.pue as number).toFixed(3)).toBe(pue);
    expect((report.outputs.headroomMw as number).toFixed(4)).toBe(headroom);
    expect(report.outputs.peakHour).toBe(peakHour);
  }, 180_000);

  it("passes with the change README names (a supply temperature the rack design takes)", () => {
    const { code, after } = composeExample();
    const prose = after.replace(/\s+/g, " ");
    const [, supplyC, rackGroup] = stated(prose, /`supplyTempC: (\d+)` on `([\w-]+)`, as `[\w-]+` has, passes \(exit 0\)/, "the change that makes the example pass");
    const row = `{ name: "${rackGroup}", design: "gb200-nvl72", rackCount: 8 }`;
    if (!code.includes(row)) throw new Error(`README's "${HEADING}" block no longer has the rack group ${row}`);
    // An honest fix: README's range for the design is the catalog's, and the new supply temperature is within it.
    const [, minC, maxC] = stated(prose, /The GB200 NVL72 design takes (\d+)-(\d+) °C/, "the rack design's supply range");
    const design = BUILTIN_RACK_DESIGNS.find((d) => d.id === "gb200-nvl72");
    expect([design?.minSupplyTempC, design?.maxSupplyTempC]).toEqual([Number(minC), Number(maxC)]);
    expect(Number(supplyC)).toBeGreaterThanOrEqual(Number(minC));
    expect(Number(supplyC)).toBeLessThanOrEqual(Number(maxC));
    const changed = code.replace(row, `{ name: "${rackGroup}", design: "gb200-nvl72", rackCount: 8, supplyTempC: ${supplyC} }`);
    const { code: exitCode, report, stderr } = checkProgram("with-the-fix", changed);
    expect(exitCode, stderr).toBe(0);
    expect(report.verdict).toBe("pass");
    expect(report.findings.filter((f) => f.status === "violation")).toEqual([]);
  }, 180_000);
});

describe(`README, "${HEADING}": npm run example`, () => {
  it("prints the campus figures README gives for it", () => {
    const prose = section(fs.readFileSync(README, "utf8"), HEADING).replace(/\s+/g, " ");
    const [, itKw, facilityKw, pue, waterM3, wue] = stated(
      prose,
      /`npm run example` prints, for the full example in `examples\/smallCampus\.ts`, per rack group and for the campus \(IT ([\d,]+) kW, facility ([\d,]+) kW rated, annual PUE ([\d.]+), ([\d,]+) m³\/yr of water, WUE ([\d.]+) L\/kWh/,
      "the example's campus figures",
    );
    // What README says, pinned here too (see the first test).
    expect([itKw, facilityKw, pue, waterM3, wue]).toEqual(["2,815", "3,270", "1.103", "1,790", "0.091"]);

    // The command package.json runs for `npm run example`, as a child process.
    const script = (JSON.parse(fs.readFileSync(path.join(ROOT, "package.json"), "utf8")) as { scripts: Record<string, string> }).scripts.example;
    expect(script).toBe("ts-node --transpile-only examples/footprint.ts");
    const r = spawnSync(process.execPath, ["-r", require.resolve("ts-node/register/transpile-only"), path.join(ROOT, "examples/footprint.ts")], {
      cwd: ROOT, encoding: "utf8", env: { ...process.env, TS_NODE_PROJECT: path.join(ROOT, "tsconfig.json") }, timeout: 120_000,
    });
    expect(r.status, r.stderr).toBe(0);
    const printed = (pattern: RegExp): number => Number(stated(r.stdout, pattern, "npm run example's output")[1].replace(/,/g, ""));
    const kw = (n: number) => Math.round(n).toLocaleString("en-US");
    expect(kw(printed(/IT load\s+([\d,.]+) kW/))).toBe(itKw);
    expect(kw(printed(/facility power\s+([\d,.]+) kW rated/))).toBe(facilityKw);
    expect(printed(/PUE\s+([\d.]+) over the year/).toFixed(3)).toBe(pue);
    expect(kw(printed(/water\s+([\d,.]+) m³\/yr/))).toBe(waterM3);
    expect(printed(/WUE\s+([\d.]+) L\/kWh/).toFixed(3)).toBe(wue);
  }, 180_000);
});
