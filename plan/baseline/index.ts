/**
 * `--baseline <report.json>`: this plan compared with an earlier JSON report (the base branch's), in three parts:
 * parse.ts reads and checks the file, compare.ts pairs budgets and findings, render.ts words the result as a PR
 * comment and as terminal text. Importers take everything from here.
 */
export * from "./parse";
export * from "./compare";
export * from "./render";
