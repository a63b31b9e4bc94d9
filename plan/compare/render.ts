/**
 * The comparison's blocks in each format: text for a terminal or a CI log, Markdown (a PR comment, a job summary) and
 * one self-contained HTML page (no scripts, no external resources). Every string is escaped for its format where it
 * enters it (plan/neutralise.ts), and the whole output goes through commandSafeLines last.
 */
import { markdownTable, textTable } from "../../components/format/table";
import { commandSafeLines, htmlSafe, markdownSafe, textSafe } from "../neutralise";
import type { CompareFormat } from "./args";
import type { Block } from "./document";

function renderText(blocks: readonly Block[]): string {
  const out: string[] = [];
  for (const b of blocks) {
    if (b.kind === "title") out.push(textSafe(b.text), "");
    else if (b.kind === "heading") out.push("", textSafe(b.text), "-".repeat(textSafe(b.text).length));
    else if (b.kind === "line") out.push(textSafe(b.text));
    else out.push(...textTable([b.header, ...b.rows].map((r) => r.map(textSafe)), { align: b.align, headerRule: true }));
  }
  return out.join("\n");
}

function renderMarkdown(blocks: readonly Block[]): string {
  const out: string[] = [];
  for (const b of blocks) {
    if (b.kind === "title") out.push(`## ${markdownSafe(b.text)}`, "");
    else if (b.kind === "heading") out.push(`### ${markdownSafe(b.text)}`, "");
    else if (b.kind === "line") out.push(markdownSafe(b.text), "");
    // Cells are escaped whole by markdownSafe (pipes included), so the table takes them as they are.
    else out.push(...markdownTable(b.header.map(markdownSafe), b.rows.map((r) => r.map(markdownSafe)), (s) => s), "");
  }
  return out.join("\n").trimEnd();
}

const STYLE = `body{font-family:system-ui,sans-serif;margin:2em;color:#222}
table{border-collapse:collapse;margin:0.5em 0 1.5em}
th,td{border:1px solid #ccc;padding:0.25em 0.6em;vertical-align:top}
th{background:#f3f3f3;text-align:left}
td.n{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}`;

function renderHtml(blocks: readonly Block[]): string {
  const title = blocks.find((b) => b.kind === "title");
  const out = [
    "<!DOCTYPE html>",
    '<html lang="en">',
    "<head>",
    '<meta charset="utf-8">',
    `<title>${htmlSafe(title && title.kind === "title" ? title.text : "aicluster compare")}</title>`,
    `<style>\n${STYLE}\n</style>`,
    "</head>",
    "<body>",
  ];
  for (const b of blocks) {
    if (b.kind === "title") out.push(`<h1>${htmlSafe(b.text)}</h1>`);
    else if (b.kind === "heading") out.push(`<h2>${htmlSafe(b.text)}</h2>`);
    else if (b.kind === "line") out.push(`<p>${htmlSafe(b.text)}</p>`);
    else {
      out.push("<table>", `<thead><tr>${b.header.map((h) => `<th>${htmlSafe(h)}</th>`).join("")}</tr></thead>`, "<tbody>");
      for (const r of b.rows) out.push(`<tr>${r.map((cell, i) => `<td${b.align[i] === "right" ? ' class="n"' : ""}>${htmlSafe(cell)}</td>`).join("")}</tr>`);
      out.push("</tbody>", "</table>");
    }
  }
  out.push("</body>", "</html>");
  return out.join("\n");
}

/** The comparison in `format`. */
export function renderComparison(blocks: readonly Block[], format: CompareFormat): string {
  const text = format === "html" ? renderHtml(blocks) : format === "markdown" ? renderMarkdown(blocks) : renderText(blocks);
  return commandSafeLines(text);
}
