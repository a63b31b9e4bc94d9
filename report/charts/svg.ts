/**
 * ECharts drawing on the server as static SVG (no DOM, no JavaScript in the page), and the SVG cleaned for inlining.
 *
 * ECharts is loaded when the first chart is drawn, so the report modules load without it; each chart instance is
 * disposed after rendering (an undisposed one keeps Node running). The SVG is cleaned for inlining many charts in
 * one page: ECharts' hover styles and classes are dropped (the page is static), its element ids (clip paths,
 * gradients) get a prefix per chart (ids are per document), and of its `ecmeta_*` attributes only
 * `ecmeta_series_index`/`ecmeta_data_index` on the chart's data elements stay (legends and visual maps lose theirs),
 * so a test can count a chart's data marks.
 */
import type { EChartsOption } from "echarts";
import { htmlSafe, svgSafe } from "../../plan/neutralise";
import { TEXT } from "./chart";

type Echarts = typeof import("echarts");

let loaded: Echarts | undefined;

/** ECharts, loaded on first use (a clear error when the package is missing). */
function echarts(): Echarts {
  if (!loaded) {
    try {
      loaded = require("echarts") as Echarts;
    } catch (e) {
      const err = e as NodeJS.ErrnoException;
      if (err.code === "MODULE_NOT_FOUND" && /echarts/.test(err.message)) throw new Error("the HTML report needs the echarts package: npm i -D echarts");
      throw e;
    }
  }
  return loaded;
}

/** `rgb(r,g,b)` → `#rrggbb` (shorter, and one spelling of each colour). */
function hexColor(_: string, r: string, g: string, b: string): string {
  return `#${[r, g, b].map((c) => Number(c).toString(16).padStart(2, "0")).join("")}`;
}

/**
 * ECharts' SVG made fit to inline next to others: hover styles and classes dropped, ids prefixed, `ecmeta_*` kept
 * only as series/data index on data elements, empty elements self-closed (valid in HTML's inline SVG). Names reach
 * it as text ECharts has escaped; svgSafe shows the controls ECharts passes through as escapes, and the label is
 * escaped as the page's text is.
 */
export function cleanSvg(svg: string, prefix: string, label: string): string {
  return svgSafe(svg)
    .replace(/<style[^>]*>[\s\S]*?<\/style>/g, "")
    .replace(/ class="zr\d+-cls-\d+"/g, "")
    .replace(/ pointer-events="visible"/g, "")
    .replace(/(id="|url\(#|href="#)zr\d+-/g, `$1${prefix}-`)
    .replace(/<(\w+)([^<>]*?ecmeta_[^<>]*?)>/g, (_, tag: string, attrs: string) => {
      const chart = / ecmeta_ssr_type="chart"/.test(attrs);
      const kept = chart
        ? attrs.replace(/ ecmeta_(?!series_index|data_index)\w+="[^"]*"/g, "")
        : attrs.replace(/ ecmeta_\w+="[^"]*"/g, "");
      return `<${tag}${kept}>`;
    })
    .replace(/rgb\((\d+),(\d+),(\d+)\)/g, hexColor)
    .replace(/<(path|rect|circle|line|polyline|polygon|image)([^<>]*?)><\/\1>/g, "<$1$2/>")
    // A function, not a string: `$&` or `$'` in a name would otherwise be read as replacement patterns.
    .replace(/^<svg /, () => `<svg role="img" aria-label="${htmlSafe(label)}" `);
}

/**
 * A chart id usable as a prefix of element ids: letters, digits, `-` and `_` only; an id that needed changing gets
 * a hash of itself appended, so two ids never map to one prefix.
 */
export function idPrefix(id: string): string {
  const safe = id.replace(/[^A-Za-z0-9_-]/g, "_");
  if (safe === id) return id;
  let h = 0x811c9dc5; // FNV-1a, 32 bits
  for (let i = 0; i < id.length; i++) h = Math.imul(h ^ id.charCodeAt(i), 0x01000193) >>> 0;
  return `${safe}-${h.toString(36)}`;
}

/** Draws an option as SVG (no animation), disposing the chart whatever happens; element ids get the chart's prefix. */
export function renderSvg(option: EChartsOption, width: number, height: number, id: string, label: string): string {
  const prefix = idPrefix(id);
  const chart = echarts().init(null, null, { renderer: "svg", ssr: true, width, height });
  try {
    chart.setOption({ animation: false, textStyle: { fontFamily: TEXT.fontFamily }, ...option });
    return cleanSvg(chart.renderToSVGString(), prefix, label);
  } finally {
    chart.dispose();
  }
}
