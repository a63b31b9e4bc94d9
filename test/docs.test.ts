/** The generated reference pages in docs/ are current, and say what they must (scripts/docs.ts). */
import { describe, expect, it } from "vitest";
import { Catalog } from "../components/catalog";
import { RULES } from "../policies/rules";
import { docPages, rulesPage, sourceRows, sourcesPage, stalePages } from "../scripts/docs";

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
