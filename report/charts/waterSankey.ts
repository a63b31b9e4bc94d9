/**
 * The water Sankey: a campus's plant water, the permit (or make-up) into each plant, out as evaporation and blowdown.
 * Its flows are m³ of water; the scarcity-weighted water (m³ world-eq) annotates the evaporation node, the caption and
 * a note, never a flow.
 */
import { show } from "../../components/format/numbers";
import type { CampusData, CampusWaterScarcity } from "../data";
import { Chart, yearText } from "./chart";
import { waterFlows, weightedEvaporation, type WeightedEvaporation } from "./flows";
import { sankeyChart } from "./sankey";

/**
 * `Evaporation 1,000 m³ consumed weighs 13,500 m³ world-eq at AWARE US-TX (annual factor 13.5; monthly factors
 * applied); baseline water stress extremely-high (…).` The region and the stress are catalog text: the page escapes them.
 */
export function scarcityNote(weighted: WeightedEvaporation, s: CampusWaterScarcity): string {
  const stress = s.baselineWaterStress === undefined ? "" : `; baseline water stress ${s.baselineWaterStress}`;
  return `Evaporation ${show(weighted.consumedM3)} m³ consumed weighs ${show(weighted.weightedM3)} m³ world-eq at AWARE ${s.awareRegion} (annual factor ${show(s.awareAnnualM3WorldEqPerM3)}; monthly factors applied)${stress}.`;
}

/** The sentence for a site whose water scarcity is not known (the same words as the text and Markdown reports). */
export const SCARCITY_NOT_KNOWN = "Scarcity-weighted water: not known (no AWARE factor for the site).";

/** The water Sankey of a campus, with a note when make-up water exceeds the permit and one on the scarcity-weighted water. */
export function waterSankey(campus: CampusData): Chart {
  const id = `water-sankey-${campus.name}`;
  const s = campus.waterScarcity;
  const evaporation = s === undefined ? "evaporation" : `evaporation (consumed; weighed at AWARE ${s.awareRegion}, annual factor ${show(s.awareAnnualM3WorldEqPerM3)} m³ world-eq/m³)`;
  const caption = `Plant water in ${yearText(campus.fullBuildYear)}, m³: ${campus.waterPermitM3PerYear === undefined ? "make-up water" : "the permit"} into each hall's plant, out as ${evaporation} and blowdown`;
  const graph = waterFlows(campus);
  if (!graph) {
    const permit = campus.waterPermitM3PerYear === undefined ? "" : ` (permit ${show(campus.waterPermitM3PerYear)} m³/yr unused)`;
    return { id, caption, marks: 0, skipped: `No plant uses water${permit}.` };
  }
  const notes: string[] = [];
  const total = campus.plants.reduce((sum, p) => sum + p.makeupM3, 0);
  if (campus.waterPermitM3PerYear !== undefined && total > campus.waterPermitM3PerYear) {
    notes.push(`Make-up water ${show(total)} m³ exceeds the permit of ${show(campus.waterPermitM3PerYear)} m³/yr by ${show(total - campus.waterPermitM3PerYear)} m³.`);
  }
  const weighted = weightedEvaporation(campus);
  notes.push(weighted && s ? scarcityNote(weighted, s) : SCARCITY_NOT_KNOWN);
  return { id, caption, marks: graph.links.length, svg: sankeyChart(id, graph, "m³", `Water Sankey of ${campus.name}`), notes };
}
