/** A Sankey drawn with its nodes' values as labels, and the label layout that keeps small nodes' labels apart. */
import type { EChartsOption } from "echarts";
import { show } from "../../components/format/numbers";
import { CHART_WIDTH } from "./chart";
import type { FlowGraph } from "./flows";
import { renderSvg } from "./svg";

interface LabelRect {
  x: number;
  y: number;
  width: number;
  height: number;
}

/**
 * Vertical offsets that pull apart overlapping labels of one column (labels at the same x), keeping them within
 * 0..height: each label moves down past the one above it, then the column moves up if it ran past the bottom.
 */
export function spreadLabels(rects: ReadonlyMap<number, LabelRect>, height: number, gap = 1): Map<number, number> {
  const columns = new Map<number, [number, LabelRect][]>();
  for (const [i, r] of rects) {
    const key = Math.round(r.x);
    (columns.get(key) ?? columns.set(key, []).get(key)!).push([i, r]);
  }
  const dy = new Map<number, number>();
  for (const column of columns.values()) {
    column.sort((a, b) => a[1].y - b[1].y || a[0] - b[0]);
    const tops = column.map(([, r]) => r.y);
    for (let k = 1; k < tops.length; k++) tops[k] = Math.max(tops[k], tops[k - 1] + column[k - 1][1].height + gap);
    const last = tops.length - 1;
    const over = tops[last] + column[last][1].height - height;
    if (over > 0) {
      tops[last] -= over;
      for (let k = last - 1; k >= 0; k--) tops[k] = Math.min(tops[k], tops[k + 1] - column[k][1].height - gap);
      const under = -tops[0];
      if (under > 0) for (let k = 0; k < tops.length; k++) tops[k] += under;
    }
    column.forEach(([i, r], k) => {
      if (Math.abs(tops[k] - r.y) > 0.01) dy.set(i, tops[k] - r.y);
    });
  }
  return dy;
}

/**
 * Nodes per column as ECharts lays a Sankey out (nodeAlign "justify"): a node's column is its longest path from a
 * source; nodes without outgoing links go to the last column.
 */
export function sankeyColumns(graph: FlowGraph): number[] {
  const depth = new Map<string, number>(graph.nodes.map((n) => [n.name, 0]));
  for (let pass = 0; pass < graph.nodes.length; pass++) {
    let changed = false;
    for (const l of graph.links) {
      const d = depth.get(l.source)! + 1;
      if (d > depth.get(l.target)!) {
        depth.set(l.target, d);
        changed = true;
      }
    }
    if (!changed) break;
  }
  const last = Math.max(0, ...depth.values());
  const counts = Array.from({ length: last + 1 }, () => 0);
  for (const n of graph.nodes) counts[graph.links.some((l) => l.source === n.name) ? depth.get(n.name)! : last]++;
  return counts;
}

type LabelLayoutParams = { dataIndex: number; dataType?: string; labelRect: LabelRect };

/**
 * A Sankey with each node labelled with its value. Small nodes' labels would overlap: the chart is laid out once to
 * read where ECharts puts the labels, then drawn with the overlapping ones moved apart (spreadLabels).
 */
export function sankeyChart(id: string, graph: FlowGraph, unit: string, label: string): string {
  const height = Math.max(280, Math.max(...sankeyColumns(graph)) * 22 + 40);
  const index = new Map(graph.nodes.map((n, i) => [n.name, i]));
  const option = (labelLayout: (p: LabelLayoutParams) => { dy?: number }) => ({
    series: [{
      type: "sankey",
      left: 10, right: 330, top: 20, bottom: 20,
      nodeWidth: 14, nodeGap: 8, layoutIterations: 64, draggable: false, silent: true,
      emphasis: { disabled: true },
      label: { fontSize: 11, color: "#222", formatter: (p: { name?: string; value?: unknown }) => `${p.name}: ${show(Number(p.value))} ${unit}` },
      labelLayout,
      lineStyle: { opacity: 0.35, curveness: 0.5 },
      data: graph.nodes.map((n) => ({ name: n.name, itemStyle: { color: n.color } })),
      links: graph.links.map((l) => ({ source: index.get(l.source)!, target: index.get(l.target)!, value: l.value, lineStyle: { color: l.color } })),
    }],
  }) as EChartsOption;
  const rects = new Map<number, LabelRect>();
  const first = renderSvg(option((p) => {
    if (p.dataType !== "edge") rects.set(p.dataIndex, { ...p.labelRect });
    return {};
  }), CHART_WIDTH, height, id, label);
  const dy = spreadLabels(rects, height);
  if (!dy.size) return first;
  return renderSvg(option((p) => (p.dataType !== "edge" && dy.has(p.dataIndex) ? { dy: dy.get(p.dataIndex)! } : {})), CHART_WIDTH, height, id, label);
}
