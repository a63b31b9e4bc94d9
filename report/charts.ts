/**
 * The HTML report's charts: the data each chart shows (plain functions, tested on their own) and the chart itself,
 * drawn by Apache ECharts on the server as static SVG (charts/svg.ts). One file per chart in charts/, beside them
 * the flows behind the Sankeys (flows.ts), the Sankey and heatmap drawing they share (sankey.ts, heatmap.ts) and what
 * every chart shares (chart.ts). Importers take everything from here; no file imports ECharts but svg.ts, and it
 * only when the first chart is drawn.
 */
export type { Chart } from "./charts/chart";
export { CHART_WIDTH, finite, HOURS_NOT_KEPT, niceExtent } from "./charts/chart";
export { cleanSvg, idPrefix, renderSvg } from "./charts/svg";
export * from "./charts/flows";
export { sankeyColumns, spreadLabels } from "./charts/sankey";
export { powerSankey } from "./charts/powerSankey";
export { waterSankey } from "./charts/waterSankey";
export * from "./charts/budgetBars";
export { heatmapCells } from "./charts/heatmap";
export { marginHeatmap } from "./charts/marginHeatmap";
export { unservedHeatmap } from "./charts/unservedHeatmap";
export * from "./charts/timeline";
export * from "./charts/cost";
export * from "./charts/finance";
export * from "./charts/hallStrip";
export { plantCapacityChart } from "./charts/plantCapacity";
export * from "./charts/tornado";
export * from "./charts/confidenceBands";
