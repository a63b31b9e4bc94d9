/**
 * Every user-supplied string (resource and campus names, stack outputs and their keys, config values, exemption
 * reasons and patterns, counterparties, locations, weather station names, and the finding messages that embed them)
 * is data: whatever it holds, a report shows it as text, never as markup or a control. One function per output
 * format, applied where a string enters that format (issue 31). Each is idempotent on its own output, and leaves
 * ordinary names (`hall-a`, `Hyperion phase 1`, `AEP Ohio`) as they are.
 *
 * What each must stop:
 * - a terminal or a CI log (the text report, and any format printed to stdout): control characters (ANSI escape
 *   sequences, bells, backspaces, carriage returns), line breaks (a value would begin a line of its own), and GitHub
 *   Actions workflow commands, which the runner reads as `::command::` at the start of a line (after blanks) and as
 *   the legacy `##[command]` anywhere in one (actions/runner ActionCommand.TryParseV2 and TryParse);
 * - Markdown (PR comments, job summaries): raw HTML, code spans, links and images, table cells, math, emphasis, and
 *   the PR comment's hidden marker `<!-- aicluster-plan:… -->`, by which a CI job finds the comment it updates;
 * - HTML: tags, attributes and character references;
 * - Mermaid: label quotes, entity codes, `%%` comments and `%%{…}%%` directives;
 * - workflow command properties and data: GitHub's escapes.
 */

/**
 * C0 controls, DEL, C1 controls (U+009B is a one-character CSI to a terminal), the Unicode line and paragraph
 * separators (line breaks to some editors and browsers), and the bidirectional formatting characters, which reorder
 * how the text around them is shown (a name could make a FAIL read as something else).
 */
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

const SHORT_ESCAPES: Record<string, string> = { "\n": "\\n", "\r": "\\r", "\t": "\\t" };

/** A control character as the text JavaScript would write it: `\n`, `\r`, `\t`, else `\u001b`. */
function visible(c: string): string {
  return SHORT_ESCAPES[c] ?? `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`;
}

/** Control characters shown as visible escapes (`\n`, `\u001b`): the text stays on one line and acts on nothing. */
export function showControls(s: string): string {
  return s.replace(CONTROL, visible);
}

/** The same, but line feeds kept: for markup whose own structure is lines (an SVG), where a user's line feed is only a line of a label. */
function showControlsButLineFeeds(s: string): string {
  return s.replace(CONTROL, (c) => (c === "\n" ? c : visible(c)));
}

// ------------------------------------------------------------------------------------------- workflow commands

/** The legacy form, read anywhere in a line. */
const LEGACY_COMMAND = /##\[/g;

/**
 * Text as the runner cannot read as a workflow command: a leading `::` (after blanks) and any `##[` get a backslash,
 * which shows. For one line; `textSafe` has already put a value's line breaks on its one line.
 */
function breakCommands(line: string): string {
  return line.replace(/^(\s*)::/, "$1\\::").replace(LEGACY_COMMAND, "##\\[");
}

/** A terminal line or CI log line's worth of user text: controls and line breaks visible, workflow commands broken. */
export function textSafe(s: string): string {
  return breakCommands(showControls(s));
}

/**
 * A whole rendered report, line by line, as `breakCommands` leaves it: the last guard, for a command put together
 * from two pieces that are harmless alone (a value ending in `##` before the report's own `[`).
 */
export function commandSafeLines(text: string): string {
  return text.split("\n").map(breakCommands).join("\n");
}

/**
 * A workflow command's data (`part` "data": after the second `::`) or property value (`part` "property": `title=…`),
 * escaped as GitHub documents and its toolkit does: `%` as %25, CR as %0D, LF as %0A, and in a property also `:` as
 * %3A and `,` as %2C (so a value can neither end the properties nor start a property of its own). Other controls are
 * shown as escapes: the runner would pass them to the log and the annotation as they are.
 */
export function workflowCommandSafe(s: string, part: "data" | "property" = "data"): string {
  const data = showControls(s.replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A"));
  return part === "data" ? data : data.replace(/:/g, "%3A").replace(/,/g, "%2C");
}

// ---------------------------------------------------------------------------------------------------- Markdown

/** Line breaks and other whitespace controls: in Markdown one would end a table row, a list item or a paragraph. */
const MARKDOWN_LINE_BREAKS = /[\t\n\v\f\r\u0085\u2028\u2029]+/g;
/** Backslash (so a user's cannot undo an escape), code span, link and image brackets, table cell, math. */
const MARKDOWN_PUNCTUATION = /[\\`[\]|$]/g;
/**
 * Emphasis and strikethrough delimiters that could open a span: `*` and `~` before a non-blank, `_` before a
 * non-blank and not inside a word (GitHub never opens emphasis on an intraword `_`). One that can only close
 * (`gone-*`) shows as itself and is left as written.
 */
const MARKDOWN_EMPHASIS = /[*~](?=\S)|(?<![\p{L}\p{N}])_(?=\S)/gu;
/** The PR comment marker's text (plan/baseline/render.ts baselineMarker), matched as a CI job might: in any case. */
const MARKER_TEXT = /(aicluster-plan):/gi;

/**
 * Text for Markdown outside code: one line (line breaks as a space), other controls visible, Markdown punctuation
 * backslash-escaped, `&`, `<` and `>` as character references (no HTML, no `<!--`, no `-->`), and the marker's colon
 * as `&#58;`, so the comment's source holds no second marker, in a comment or not. Renders as the text it was.
 */
export function markdownSafe(s: string): string {
  return showControls(s.replace(MARKDOWN_LINE_BREAKS, " "))
    .replace(MARKDOWN_PUNCTUATION, "\\$&")
    .replace(MARKDOWN_EMPHASIS, "\\$&")
    .replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;")
    .replace(MARKER_TEXT, "$1&#58;")
    .replace(/^(\s*)::/, "$1\\::");
}

/**
 * What a code span would show raw or let out: a backtick (ends it), a pipe (ends a table cell), `<` and `>` (a
 * comment or marker in the comment's source), controls, the marker's text and a legacy workflow command. A code
 * span shows its content as it is, so none of these can be escaped inside one.
 */
const NOT_FOR_CODE_SPAN = /[`|<>\u0000-\u001f\u007f-\u009f\u2028\u2029\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]|aicluster-plan:|##\[/i;

/**
 * Text shown as code in Markdown: a code span (`` `hall-a` ``) when it holds nothing a code span would show raw or
 * let out, else an HTML `<code>` element around `markdownSafe` text, which looks the same.
 */
export function markdownCode(s: string): string {
  return s.length > 0 && !NOT_FOR_CODE_SPAN.test(s) ? `\`${s}\`` : `<code>${markdownSafe(s)}</code>`;
}

/** Replaces lone surrogates (encodeURI throws on them) with U+FFFD. */
function wellFormed(s: string): string {
  return s.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, "\uFFFD");
}

/** A path or URL as a Markdown link's destination: percent-encoded, parentheses included (one would end it). */
export function markdownLinkTarget(s: string): string {
  return encodeURI(wellFormed(s)).replace(/[()]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

// -------------------------------------------------------------------------------------------------------- HTML

const HTML_ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

/**
 * Text for HTML content and quoted attribute values: controls visible, the five special characters as references,
 * and workflow commands broken with references (`&#58;`, `&#91;`), which show as the characters they stand for: the
 * page may be printed to a CI log. Also safe inside Markdown's HTML blocks (`<pre>`): the marker's colon is a
 * reference too, as in markdownSafe.
 */
export function htmlSafe(s: string): string {
  return showControls(s)
    .replace(/[&<>"']/g, (c) => HTML_ESCAPES[c])
    .replace(LEGACY_COMMAND, "##&#91;")
    .replace(MARKER_TEXT, "$1&#58;")
    .replace(/^(\s*)::/, "$1&#58;:");
}

/**
 * An SVG drawn from user strings (ECharts escapes `&`, `<`, `>` and quotes itself): controls visible except line
 * feeds (the SVG's own line breaks; a user's only splits a label, each line its own element), legacy workflow
 * commands broken with a reference.
 */
export function svgSafe(svg: string): string {
  return showControlsButLineFeeds(svg).replace(LEGACY_COMMAND, "##&#91;");
}

/** What JSON.stringify leaves raw in a string (it escapes C0 controls itself; raw ones outside strings are the JSON's own layout). */
const RAW_IN_JSON = /[\u007f-\u009f\u2028\u2029\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/**
 * JSON text (JSON.stringify's) for a file or a log: JSON escapes for what JSON.stringify writes raw but a terminal
 * would act on (DEL, C1 controls, line separators, bidirectional controls) and for the `[` of a legacy workflow
 * command. The parsed value is unchanged.
 */
export function jsonSafe(json: string): string {
  return json
    .replace(RAW_IN_JSON, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`)
    .replace(LEGACY_COMMAND, "##\\u005b");
}

// ------------------------------------------------------------------------------------------------------ Mermaid

/** Mermaid's entity codes (`#35;` decimal, or an HTML name), which it decodes in labels and titles alike. */
const MERMAID_CODES: Record<string, string> = {
  "#": "#35;", '"': "#quot;", "<": "#lt;", ">": "#gt;", "&": "#amp;", "`": "#96;", "%": "#37;",
};

/**
 * Text inside a Mermaid label in double quotes, or a pie's title: controls visible; as entity codes `#` (a user's
 * own entity code), `"` (ends the label), `<` and `>` (HTML labels; a comment in the Markdown source), `&`, backtick
 * (a Markdown string), `%` (`%%` comments and `%%{init…}%%` directives, read anywhere in a diagram); and the marker's
 * colon.
 */
export function mermaidSafe(s: string): string {
  return showControls(s).replace(/[#"<>&`%]/g, (c) => MERMAID_CODES[c]).replace(MARKER_TEXT, "$1#58;");
}
