/** Reading the planner's printed tables back in tests. */
import { expect } from "vitest";

/** The table lines under a title line (up to the blank line that ends it): header first. */
export function tableAfter(text: string, title: RegExp): string[] {
  const lines = text.split("\n");
  const at = lines.findIndex((l) => title.test(l));
  expect(at, `no line matching ${title}`).toBeGreaterThanOrEqual(0);
  const end = lines.findIndex((l, i) => i > at && l.trim() === "");
  return lines.slice(at + 1, end === -1 ? undefined : end);
}

/** A text table line's cells (columns are at least two spaces apart; cells never hold two spaces). */
export const cellsOf = (line: string): string[] => line.trim().split(/ {2,}/);

/** The Markdown table after a title: its header and its rows (without the separator). */
export function mdTableAfter(md: string, title: RegExp): { header: string[]; rows: string[][] } {
  const lines = md.split("\n");
  const at = lines.findIndex((l) => title.test(l));
  expect(at, `no line matching ${title}`).toBeGreaterThanOrEqual(0);
  const rows: string[] = [];
  for (const l of lines.slice(at + 2)) {
    if (!l.startsWith("|")) break;
    rows.push(l);
  }
  const split = (l: string) => l.slice(2, -2).split(" | ");
  return { header: split(rows[0]), rows: rows.slice(2).map(split) };
}
