/** The flows a Sankey draws: a campus's energy and its plant water as nodes and non-zero links, balanced per node. */
import { show } from "../../components/format/numbers";
import { showControls } from "../../plan/neutralise";
import type { CampusData, ContractFlow } from "../data";
import { COLORS } from "./chart";

export interface FlowNode {
  name: string;
  color: string;
}

export interface Flow {
  source: string;
  target: string;
  value: number;
  /** Drawn in this colour (the colour of the end that is not the hub). */
  color: string;
}

/** A Sankey's nodes (unique names) and its non-zero links. */
export interface FlowGraph {
  nodes: FlowNode[];
  links: Flow[];
}

/** Sum of the links into and out of a node. */
export function nodeBalance(graph: FlowGraph, node: string): { inflow: number; outflow: number } {
  let inflow = 0;
  let outflow = 0;
  for (const l of graph.links) {
    if (l.target === node) inflow += l.value;
    if (l.source === node) outflow += l.value;
  }
  return { inflow, outflow };
}

class GraphBuilder {
  readonly nodes: FlowNode[] = [];
  readonly links: Flow[] = [];
  private readonly names = new Set<string>();

  /**
   * Adds a node; a name already taken gets a number (`name #2`). Returns the name used: the name as drawn, its
   * controls shown as escapes (a line feed would split the label; uniqueness is of what is drawn).
   */
  node(name: string, color: string): string {
    const drawn = showControls(name);
    let unique = drawn;
    for (let i = 2; this.names.has(unique); i++) unique = `${drawn} #${i}`;
    this.names.add(unique);
    this.nodes.push({ name: unique, color });
    return unique;
  }

  /** Adds a link when its value is positive and finite (zero flows are left out), coloured as `colorOf`'s node. */
  link(source: string, target: string, value: number, colorOf: string): void {
    const color = this.nodes.find((n) => n.name === colorOf)?.color ?? COLORS.facility;
    if (Number.isFinite(value) && value > 0) this.links.push({ source, target, value, color });
  }

  /** The graph without nodes no link touches. */
  graph(): FlowGraph {
    const used = new Set(this.links.flatMap((l) => [l.source, l.target]));
    return { nodes: this.nodes.filter((n) => used.has(n.name)), links: this.links };
  }
}

/** Whether a contract counts as firm: its firm MW is (nearly) all of its MW. */
function firmness(c: ContractFlow): string {
  if (c.firmMw <= 0) return `non-firm ${show(c.contractedMw)} MW`;
  if (c.firmMw >= c.contractedMw * (1 - 1e-9)) return `firm ${show(c.contractedMw)} MW`;
  return `${show(c.contractedMw)} MW, firm ${show(c.firmMw)}`;
}

export function contractLabel(c: ContractFlow): string {
  return `${c.name} (${c.source}, ${firmness(c)})`;
}

export const FACILITY = "facility";
export const UNSERVED = "unserved";
/** The aggregated non-IT uses of a campus's energy, in the order drawn, with the hall field each sums. */
export const OVERHEADS = [
  ["network", "networkMwh"],
  ["cooling", "coolingMwh"],
  ["electrical losses", "electricalLossMwh"],
  ["air handling", "airHandlingMwh"],
  ["CDU pumps", "cduPumpsMwh"],
] as const;

/**
 * A campus's energy in its full-build year, MWh: physical contracts (and unserved energy) into the facility, out to
 * each hall's racks and the campus's network, cooling, electrical losses, air handling and CDU pumps. Virtual PPAs
 * deliver no energy: they are left out (the chart names them in a note).
 */
export function powerFlows(campus: CampusData): FlowGraph {
  const g = new GraphBuilder();
  const facility = g.node(FACILITY, COLORS.facility);
  for (const c of campus.contracts) {
    if (c.delivery === "virtual") continue;
    const contract = g.node(contractLabel(c), c.firmMw > 0 ? COLORS.firm : COLORS.nonFirm);
    g.link(contract, facility, c.suppliedMwh, contract);
  }
  if (campus.unservedMwh > 0) {
    const unserved = g.node(UNSERVED, COLORS.unserved);
    g.link(unserved, facility, campus.unservedMwh, unserved);
  }
  for (const h of campus.halls) {
    const it = g.node(`IT ${h.name}`, COLORS.it);
    g.link(facility, it, h.racksMwh, it);
  }
  for (const [name, field] of OVERHEADS) {
    const use = g.node(name, COLORS.overhead);
    g.link(facility, use, campus.halls.reduce((s, h) => s + h[field], 0), use);
  }
  return g.graph();
}

export const PERMIT = "permit";
export const MAKEUP = "make-up water";
export const OVER_PERMIT = "beyond permit";
export const UNUSED_PERMIT = "unused permit";
export const EVAPORATION = "evaporation";
export const BLOWDOWN = "blowdown";

/** The water the plants evaporate (consumed) in a year, m³, and what it weighs at the site's AWARE factors, m³ world-eq. */
export interface WeightedEvaporation {
  consumedM3: number;
  weightedM3: number;
}

/**
 * The plants' evaporation and its scarcity-weighted equivalent: the campus's scarcity-weighted water (Σ over months of
 * consumed water × that month's AWARE factor) in proportion to the evaporation the Sankey draws (the same water when
 * the plants' evaporation is the campus's consumed water, as the model publishes it). Undefined when the site's water
 * scarcity is not known. World-eq m³ are no flow of the Sankey: they annotate its evaporation node.
 */
export function weightedEvaporation(campus: CampusData): WeightedEvaporation | undefined {
  const s = campus.waterScarcity;
  if (!s) return undefined;
  const consumedM3 = campus.plants.reduce((sum, p) => sum + p.evaporationM3, 0);
  const campusConsumed = campus.waterConsumedM3PerYear ?? consumedM3;
  // consumedM3 / campusConsumed is exactly 1 when they are the same water, so the campus's figure comes through as is.
  const weightedM3 = campusConsumed > 0 ? s.scarcityWeightedWaterM3PerYear * (consumedM3 / campusConsumed) : 0;
  return Number.isFinite(weightedM3) ? { consumedM3, weightedM3 } : undefined;
}

/** The evaporation node's name: `evaporation`, or `evaporation (weighs 13,500 m³ world-eq)` when the site's scarcity is known. */
export function evaporationNode(weighted: WeightedEvaporation | undefined): string {
  return weighted ? `${EVAPORATION} (weighs ${show(weighted.weightedM3)} m³ world-eq)` : EVAPORATION;
}

/**
 * A campus's plant water in a year, m³: the permit (or, without one, the make-up water) into each hall's plant, out
 * as evaporation and blowdown; the permit's headroom flows to "unused permit"; make-up above the permit comes from
 * "beyond permit" (each plant's share in proportion to its make-up). Undefined when no plant uses water. Every flow is
 * m³ of water; the evaporation node's name carries its scarcity-weighted equivalent (m³ world-eq) when it is known.
 */
export function waterFlows(campus: CampusData): FlowGraph | undefined {
  const total = campus.plants.reduce((s, p) => s + p.makeupM3, 0);
  if (!(total > 0)) return undefined;
  const g = new GraphBuilder();
  const permit = campus.waterPermitM3PerYear;
  const source = g.node(permit === undefined ? MAKEUP : PERMIT, COLORS.water);
  const within = permit === undefined ? 1 : Math.min(permit, total) / total;
  const over = permit !== undefined && total > permit ? g.node(OVER_PERMIT, COLORS.over) : undefined;
  const evaporation = g.node(evaporationNode(weightedEvaporation(campus)), COLORS.evaporation);
  const blowdown = g.node(BLOWDOWN, COLORS.blowdown);
  for (const p of campus.plants) {
    const plant = g.node(`${p.hall} ${p.technology}`.trim(), COLORS.water);
    g.link(source, plant, p.makeupM3 * within, source);
    if (over) g.link(over, plant, p.makeupM3 * (1 - within), over);
    g.link(plant, evaporation, p.evaporationM3, evaporation);
    g.link(plant, blowdown, p.blowdownM3, blowdown);
  }
  if (permit !== undefined) {
    const unused = g.node(UNUSED_PERMIT, COLORS.unused);
    g.link(source, unused, permit - total, unused);
  }
  return g.graph();
}
