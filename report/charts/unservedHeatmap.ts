/** The unserved-power heatmap: the MW no contract could supply, hour by hour. */
import { show } from "../../components/format/numbers";
import type { CampusData } from "../data";
import { Chart, yearText } from "./chart";
import { heatmapCells, heatmapChart } from "./heatmap";

/** The unserved-power heatmap of a campus (skipped when every hour is served). */
export function unservedHeatmap(campus: CampusData): Chart {
  const id = `unserved-heatmap-${campus.name}`;
  const caption = `Unserved power by hour in ${yearText(campus.fullBuildYear)}, MW (white: every MW served)`;
  if (!campus.unservedMw?.length) return { id, caption, marks: 0, skipped: "No hourly supply series: the campus's hours were not kept." };
  const cells = heatmapCells(campus.unservedMw, (v) => Number.isFinite(v) && v > 0);
  if (!cells.length) return { id, caption, marks: 0, skipped: `Every hour served in ${yearText(campus.fullBuildYear)}: no unserved power.` };
  const top = Math.max(1e-9, ...cells.map((c) => c[2]));
  const days = Math.ceil(campus.unservedMw.length / 24);
  const svg = heatmapChart(id, `Unserved power of ${campus.name}`, days, cells, {
    min: 0, max: top, text: [`${show(top)} MW`, "0"], inRange: { color: ["#fcbba1", "#fb6a4a", "#a50f15"] },
  });
  const notes = [`${cells.length} hours with unserved power (largest ${show(top)} MW, ${show(campus.unservedMwh)} MWh in all).`];
  return { id, caption, marks: cells.length, svg, notes };
}
