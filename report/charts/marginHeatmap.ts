/** The supply-temperature margin heatmap: the smallest margin over a campus's liquid-cooled halls, hour by hour. */
import { show } from "../../components/format/numbers";
import type { CampusData } from "../data";
import { Chart, HOURS_NOT_KEPT, yearText } from "./chart";
import { heatmapCells, heatmapChart } from "./heatmap";

/** The margin heatmap of a campus, with the hours below 0 K counted. */
export function marginHeatmap(campus: CampusData): Chart {
  const id = `margin-heatmap-${campus.name}`;
  const caption = `Supply-temperature margin by hour in ${yearText(campus.fullBuildYear)}, K (smallest over the liquid-cooled halls; negative, red: a rack loop gets warmer water than it asks for)`;
  if (!campus.hoursKept) return { id, caption, marks: 0, skipped: HOURS_NOT_KEPT };
  if (!campus.supplyMarginK?.length) return { id, caption, marks: 0, skipped: "No hourly supply-temperature margin: no hall has liquid-cooled racks and a plant the model checks." };
  const cells = heatmapCells(campus.supplyMarginK, Number.isFinite);
  const extent = Math.max(1e-9, ...cells.map((c) => Math.abs(c[2])));
  const bound = Number(extent.toPrecision(2)) >= extent ? Number(extent.toPrecision(2)) : extent;
  const days = Math.ceil(campus.supplyMarginK.length / 24);
  const svg = heatmapChart(id, `Supply-temperature margin of ${campus.name}`, days, cells, {
    min: -bound, max: bound, text: [`+${show(bound)} K`, `−${show(bound)} K`], inRange: { color: ["#b2182b", "#ef8a62", "#f7f7f7", "#67a9cf", "#2166ac"] },
  });
  const min = Math.min(...cells.map((c) => c[2]));
  const below = cells.filter((c) => c[2] < 0).length;
  const notes = [below ? `${below} hours below 0 K (lowest ${show(min)} K).` : `Every hour at or above 0 K (lowest ${show(min)} K).`];
  return { id, caption, marks: cells.length, svg, notes };
}
