/**
 * Small pictures for Markdown (pull-request comments, CI step summaries), in Mermaid, which GitHub renders in
 * fenced ```mermaid blocks: a flowchart of the component tree, and a pie of where each campus's facility energy goes.
 * Only those two types are used: GitHub has rendered Mermaid flowcharts and pie charts since 2022 (its Mermaid
 * support docs list both); newer types (sankey-beta, xychart-beta) depend on the Mermaid version GitHub ships.
 */
import { mermaidSafe } from "../plan/neutralise";
import type { TreeNode } from "../plan/report";
import type { CampusData } from "./data";

/** Text safe inside a Mermaid node label in double quotes, and in a pie's title (entity codes: plan/neutralise.ts). */
const label = mermaidSafe;

/** The component tree as a top-down Mermaid flowchart (types shortened to their last segment). */
export function mermaidTree(tree: readonly TreeNode[]): string {
  const lines = ["```mermaid", "flowchart TD"];
  let next = 0;
  const walk = (node: TreeNode, parent?: string) => {
    const id = `n${next++}`;
    const type = node.type.slice(node.type.lastIndexOf(":") + 1);
    lines.push(`  ${id}["${label(node.name)}<br/><small>${label(type)}</small>"]`);
    if (parent) lines.push(`  ${parent} --> ${id}`);
    node.children.forEach((c) => walk(c, id));
    if (node.hidden > 0) {
      const more = `n${next++}`;
      lines.push(`  ${more}["… ${node.hidden} more"]`, `  ${id} -.-> ${more}`);
    }
  };
  tree.forEach((n) => walk(n));
  lines.push("```");
  return lines.join("\n");
}

/** Where a campus's facility energy goes in its full-build year, as a Mermaid pie (MWh). */
export function mermaidEnergyPie(campus: CampusData): string {
  const sum = (pick: (h: CampusData["halls"][number]) => number) => campus.halls.reduce((s, h) => s + pick(h), 0);
  const slices: [string, number][] = [
    ["IT racks", sum((h) => h.racksMwh)], ["network", sum((h) => h.networkMwh)], ["cooling", sum((h) => h.coolingMwh)],
    ["electrical losses", sum((h) => h.electricalLossMwh)], ["air handling", sum((h) => h.airHandlingMwh)], ["CDU pumps", sum((h) => h.cduPumpsMwh)],
  ];
  const year = campus.fullBuildYear === undefined ? "" : ` in ${campus.fullBuildYear}`;
  return [
    "```mermaid",
    `pie showData title Facility energy of ${label(campus.name)}${year}, MWh`,
    ...slices.filter(([, v]) => v > 0).map(([k, v]) => `  "${k}" : ${Math.round(v * 10) / 10}`),
    "```",
  ].join("\n");
}
