/** The power Sankey: a campus's energy in its full-build year, contracts into the facility, out to racks and overheads. */
import { show } from "../../components/format/numbers";
import type { CampusData } from "../data";
import { Chart, HOURS_NOT_KEPT, yearText } from "./chart";
import { FACILITY, nodeBalance, powerFlows } from "./flows";
import { sankeyChart } from "./sankey";

/** The power Sankey of a campus, with notes on virtual PPAs, idle contracts and any imbalance. */
export function powerSankey(campus: CampusData): Chart {
  const id = `power-sankey-${campus.name}`;
  const caption = `Energy in ${yearText(campus.fullBuildYear)} (full build), MWh: contracts into the facility, out to the halls' racks and the campus's overheads`;
  if (!campus.hoursKept) return { id, caption, marks: 0, skipped: HOURS_NOT_KEPT, notes: [] };
  const graph = powerFlows(campus);
  const notes: string[] = [];
  const virtual = campus.contracts.filter((c) => c.delivery === "virtual");
  if (virtual.length) notes.push(`Virtual PPAs (certificates only, no energy delivered): ${virtual.map((c) => `${c.name} (${c.source}, ${show(c.contractedMw)} MW)`).join(", ")}.`);
  const idle = campus.contracts.filter((c) => c.delivery !== "virtual" && !(c.suppliedMwh > 0));
  if (idle.length) notes.push(`No energy taken from: ${idle.map((c) => c.name).join(", ")}.`);
  const { inflow, outflow } = nodeBalance(graph, FACILITY);
  if (Math.abs(inflow - outflow) > 1e-6 * Math.max(1, inflow, outflow)) notes.push(`Supply and use differ by ${show(inflow - outflow)} MWh.`);
  if (!graph.links.length) return { id, caption, marks: 0, skipped: "No energy flows in the full-build year.", notes };
  return { id, caption, marks: graph.links.length, svg: sankeyChart(id, graph, "MWh", `Power Sankey of ${campus.name}`), notes };
}
