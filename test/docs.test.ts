/** The generated reference pages in docs/ and README.md's rule table are current, and say what they must (scripts/docs.ts). */
import { describe, expect, it } from "vitest";
import { Catalog } from "../components/catalog";
import { RULES } from "../policies/rules";
import { docPages, README_RULES_BEGIN, README_RULES_END, rulesPage, sourceRows, sourcesPage, stalePages, withReadmeRules } from "../scripts/docs";

describe("docs/ generated pages", () => {
  it("are current: regenerate with npm run docs:generate when a rule or a catalog source changes", () => {
    expect(stalePages(docPages())).toEqual([]);
  });

  it("document every rule, with each setting's default and its fix", () => {
    const page = rulesPage();
    for (const rule of RULES) {
      expect(page).toContain(`## ${rule.name}\n`);
      expect(page).toContain(rule.remediationSteps);
      for (const [key, schema] of Object.entries(rule.configSchema)) {
        if (key === "exemptions") continue;
        expect(page, `${rule.name}.${key}`).toContain(`| \`${key}\` | `);
        expect(page, `${rule.name}.${key}`).toContain(`\`${JSON.stringify(schema.default)}\``);
      }
    }
    // A rule that loses its remediation, or gains a key, changes the page (the stale check above then fails).
    const changed = rulesPage([{ ...RULES[0], remediationSteps: "something else" }, ...RULES.slice(1)]);
    expect(changed).not.toBe(page);
  });

  it("README.md's rule table lists every rule exactly once, and a change to the rules makes README.md stale", () => {
    const fs = require("node:fs") as typeof import("node:fs");
    const path = require("node:path") as typeof import("node:path");
    const readme = fs.readFileSync(path.resolve(__dirname, "..", "README.md"), "utf8");
    const table = readme.slice(readme.indexOf(README_RULES_BEGIN) + README_RULES_BEGIN.length, readme.indexOf(README_RULES_END));
    const listed = [...table.matchAll(/^\| \[`([^`]+)`\]\(docs\/rules\.md#([^)]+)\) \| (\w+) \| .+ \|$/gm)];
    expect(listed.map((m) => m[1])).toEqual(RULES.map((r) => r.name));
    for (const [, name, anchor, level] of listed) {
      const rule = RULES.find((r) => r.name === name)!;
      expect(anchor).toBe(name);
      expect(level).toBe(rule.enforcementLevel);
    }
    // One row per rule and nothing else between the markers: header, separator, rows.
    expect(table.trim().split("\n")).toHaveLength(RULES.length + 2);
    // Regenerating from a changed rule list gives a different README, which the stale check names.
    for (const changed of [RULES.slice(1), [{ ...RULES[0], enforcementLevel: "disabled" as const }, ...RULES.slice(1)], [{ ...RULES[0], description: "Something else." }, ...RULES.slice(1)]]) {
      const other = withReadmeRules(readme, changed);
      expect(other).not.toBe(readme);
      expect(stalePages({ "README.md": other })).toEqual(["README.md"]);
    }
    expect(stalePages({ "README.md": withReadmeRules(readme) })).toEqual([]);
    // Without its markers the README cannot be regenerated: the error says which markers to add.
    expect(() => withReadmeRules(readme.replace(README_RULES_END, ""))).toThrow(README_RULES_END);
  });

  it("list every sourced catalog entry with its date checked", () => {
    const catalog = Catalog.withBuiltins();
    const rows = sourceRows(catalog);
    const page = sourcesPage(rows);
    for (const id of catalog.accelerators.ids()) expect(rows.some((r) => r.section === "accelerator" && r.entry === id)).toBe(true);
    for (const id of catalog.climates.ids()) expect(rows.some((r) => r.entry === id)).toBe(true);
    for (const r of rows) {
      expect(r.checked).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(page).toContain(`| \`${r.entry}\` |`);
    }
    expect(rows.length).toBeGreaterThan(50);
  });
});

describe("links in README.md and docs/", () => {
  const fs = require("node:fs") as typeof import("node:fs");
  const path = require("node:path") as typeof import("node:path");
  const root = path.resolve(__dirname, "..");
  /** GitHub's heading anchors: lower case, punctuation dropped, spaces to hyphens. */
  const slug = (heading: string) => heading.trim().toLowerCase().replace(/[^\p{L}\p{N} _-]/gu, "").replace(/ /g, "-");
  const anchors = (file: string) => {
    let fence = false;
    const out = new Set<string>();
    for (const line of fs.readFileSync(file, "utf8").split("\n")) {
      if (line.startsWith("```")) fence = !fence;
      else if (!fence && /^#{1,6} /.test(line)) out.add(slug(line.replace(/^#+ /, "")));
    }
    return out;
  };
  const pages = ["README.md", ...fs.readdirSync(path.join(root, "docs")).filter((f) => f.endsWith(".md")).map((f) => `docs/${f}`)];
  it.each(pages)("%s: every relative link names a file that exists, and an anchor that is a heading there", (page) => {
    const text = fs.readFileSync(path.join(root, page), "utf8");
    const broken: string[] = [];
    for (const [, target] of text.matchAll(/\]\(([^)\s]+)\)/g)) {
      if (/^[a-z]+:/.test(target)) continue; // https:, mailto:
      const [file, anchor] = target.split("#");
      const resolved = file ? path.resolve(path.dirname(path.join(root, page)), file) : path.join(root, page);
      if (!fs.existsSync(resolved)) broken.push(`${target} (no such file)`);
      else if (anchor && resolved.endsWith(".md") && !anchors(resolved).has(anchor)) broken.push(`${target} (no such heading)`);
    }
    expect(broken).toEqual([]);
  });
});

describe("the API reference (TypeDoc)", () => {
  it("documents every export of every entry point: npm run docs:check is clean", () => {
    const { spawnSync } = require("node:child_process") as typeof import("node:child_process");
    const path = require("node:path") as typeof import("node:path");
    const root = path.resolve(__dirname, "..");
    // Warnings are errors (typedoc.json): an undocumented export, a broken link or a type users see but cannot name.
    const r = spawnSync(process.execPath, [path.join(root, "node_modules", "typedoc", "bin", "typedoc"), "--emit", "none"], { cwd: root, encoding: "utf8", timeout: 120_000 });
    expect(`${r.stdout}${r.stderr}`.trim()).toBe("");
    expect(r.status).toBe(0);
  }, 120_000);
});
