/**
 * The one table renderer of every text and Markdown output (plan, baseline diff, benchmark, examples). Cells are
 * strings the caller has formatted (components/format/numbers.ts); HTML tables are the report's own (report/html.ts).
 */

/** How a text column lines up: `left` (names) or `right` (numbers). */
export type Align = "left" | "right";

export interface TextTableOptions {
  /** Alignment per column; columns past the list, and all when omitted, are left-aligned. */
  align?: readonly Align[];
  /** A rule of dashes under the first row (the header). */
  headerRule?: boolean;
  /** Text in front of every line (an indent). */
  indent?: string;
}

/**
 * Rows as lines of columns two spaces apart, each column as wide as its widest cell; trailing spaces trimmed.
 * The first row is the header when there is one. No rows: no lines.
 */
export function textTable(rows: readonly (readonly string[])[], options: TextTableOptions = {}): string[] {
  if (rows.length === 0) return [];
  const { align = [], headerRule = false, indent = "" } = options;
  const widths = rows[0].map((_, c) => Math.max(...rows.map((r) => r[c].length)));
  const line = (cells: readonly string[]) =>
    `${indent}${cells.map((cell, c) => (align[c] === "right" ? cell.padStart(widths[c]) : cell.padEnd(widths[c]))).join("  ").trimEnd()}`;
  const lines = rows.map(line);
  if (headerRule) lines.splice(1, 0, `${indent}${widths.map((w) => "-".repeat(w)).join("  ")}`);
  return lines;
}

/** A Markdown cell: a `|` would end it early. */
export function markdownCell(s: string): string {
  return s.replace(/\|/g, "\\|");
}

/**
 * A GitHub-flavoured Markdown table. Cells go through `cell` (default: `|` escaped); a caller that escapes its
 * cells fully itself (plan/baseline/render.ts) passes `(s) => s`.
 */
export function markdownTable(header: readonly string[], rows: readonly (readonly string[])[], cell: (s: string) => string = markdownCell): string[] {
  return [`| ${header.join(" | ")} |`, `|${header.map(() => "---").join("|")}|`, ...rows.map((r) => `| ${r.map(cell).join(" | ")} |`)];
}
