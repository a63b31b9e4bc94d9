/** The water Sankey: a campus's plant water, the permit (or make-up) into each plant, out as evaporation and blowdown. */
import { show } from "../../components/format/numbers";
import type { CampusData } from "../data";
import { Chart, yearText } from "./chart";
import { waterFlows } from "./flows";
import { sankeyChart } from "./sankey";

/** The water Sankey of a campus, with a note when make-up water exceeds the permit. */
export function waterSankey(campus: CampusData): Chart {
  const id = `water-sankey-${campus.name}`;
  const caption = `Plant water in ${yearText(campus.fullBuildYear)}, m³: ${campus.waterPermitM3PerYear === undefined ? "make-up water" : "the permit"} into each hall's plant, out as evaporation and blowdown`;
  const graph = waterFlows(campus);
  if (!graph) {
    const permit = campus.waterPermitM3PerYear === undefined ? "" : ` (permit ${show(campus.waterPermitM3PerYear)} m³/yr unused)`;
    return { id, caption, marks: 0, skipped: `No plant uses water${permit}.` };
  }
  const notes: string[] = [];
  const total = campus.plants.reduce((s, p) => s + p.makeupM3, 0);
  if (campus.waterPermitM3PerYear !== undefined && total > campus.waterPermitM3PerYear) {
    notes.push(`Make-up water ${show(total)} m³ exceeds the permit of ${show(campus.waterPermitM3PerYear)} m³/yr by ${show(total - campus.waterPermitM3PerYear)} m³.`);
  }
  return { id, caption, marks: graph.links.length, svg: sankeyChart(id, graph, "m³", `Water Sankey of ${campus.name}`), notes };
}
