/** Electrical power of nodes, racks and facilities. */
import { KW_PER_MW, KWH_PER_MWH, W_PER_KW } from "./constants";
import { requireCount, requireInRange } from "./guard";

/** Node IT power, W: GPUs at board power plus the host (CPUs, NICs, fans, storage, PSU losses). Assumption: all parts at their rated maximum at once. */
export function nodeItPowerW(gpusPerNode: number, acceleratorBoardPowerW: number, hostOverheadW: number): number {
  requireCount("gpusPerNode", gpusPerNode);
  requireInRange("acceleratorBoardPowerW", acceleratorBoardPowerW, 0);
  requireInRange("hostOverheadW", hostOverheadW, 0);
  return gpusPerNode * acceleratorBoardPowerW + hostOverheadW;
}

/** What {@link rackItPowerKw} reads: a rack's fill and its power figures. */
export interface RackPowerInput {
  /** Nodes in the rack, a whole number ≥ 0. */
  nodesPerRack: number;
  /** IT power of one node, W (≥ 0). */
  nodePowerW: number;
  /** Switches in the rack, a whole number ≥ 0. */
  switchesPerRack: number;
  /** Power of one switch, W (≥ 0). */
  switchPowerW: number;
  /** Management switch, PDUs, controllers: anything else the rack feeds, W. */
  rackOverheadW: number;
  /** Rack-level power conversion (e.g. 48 V power shelves), 0.5 to 1; 1 where node PSUs already count their losses. */
  powerConversionEfficiency: number;
}

/** Rack IT power at the rack's input, kW: (nodes + switches + overhead) / conversion efficiency. */
export function rackItPowerKw(r: RackPowerInput): number {
  requireCount("nodesPerRack", r.nodesPerRack);
  requireInRange("nodePowerW", r.nodePowerW, 0);
  requireCount("switchesPerRack", r.switchesPerRack);
  requireInRange("switchPowerW", r.switchPowerW, 0);
  requireInRange("rackOverheadW", r.rackOverheadW, 0);
  requireInRange("powerConversionEfficiency", r.powerConversionEfficiency, 0.5, 1);
  const loadW = r.nodesPerRack * r.nodePowerW + r.switchesPerRack * r.switchPowerW + r.rackOverheadW;
  return loadW / r.powerConversionEfficiency / W_PER_KW;
}

/** Facility power from IT power and a PUE (The Green Grid: PUE = facility energy / IT energy). */
export function facilityPowerFromPueKw(itLoadKw: number, pue: number): number {
  requireInRange("itLoadKw", itLoadKw, 0);
  requireInRange("pue", pue, 1);
  return itLoadKw * pue;
}

/** PUE from facility and IT power (The Green Grid definition); 1 for an empty facility, where the ratio is undefined. */
export function powerUsageEffectiveness(facilityPowerKw: number, itLoadKw: number): number {
  requireInRange("facilityPowerKw", facilityPowerKw, 0);
  requireInRange("itLoadKw", itLoadKw, 0);
  if (itLoadKw === 0) return 1;
  requireInRange("facilityPowerKw", facilityPowerKw, itLoadKw);
  return facilityPowerKw / itLoadKw;
}

/** Loss of the electrical chain (transformers, UPS, distribution), kW, as a fraction of the IT load it feeds. */
export function electricalLossKw(itLoadKw: number, lossFraction: number): number {
  requireInRange("itLoadKw", itLoadKw, 0);
  requireInRange("electricalLossFraction", lossFraction, 0, 0.5);
  return itLoadKw * lossFraction;
}

/** Power drawn by fans or pumps that move a heat flow, kW: heat × specific power (kW per kW of heat moved). */
export function heatTransportPowerKw(heatKw: number, kwPerKwHeat: number): number {
  requireInRange("heatKw", heatKw, 0);
  requireInRange("kwPerKwHeat", kwPerKwHeat, 0, 1);
  return heatKw * kwPerKwHeat;
}

/** Scale-out network power, kW: GPUs × switch-and-optics power per GPU (W). */
export function networkPowerKw(gpuCount: number, networkWPerGpu: number): number {
  requireCount("gpuCount", gpuCount);
  requireInRange("networkWPerGpu", networkWPerGpu, 0);
  return (gpuCount * networkWPerGpu) / W_PER_KW;
}

/** Convert kW to MW. */
export function kwToMw(kw: number): number {
  requireInRange("kw", kw, -Infinity);
  return kw / KW_PER_MW;
}

/** Convert MW to kW. */
export function mwToKw(mw: number): number {
  requireInRange("mw", mw, -Infinity);
  return mw * KW_PER_MW;
}

/**
 * Hours at full load that give a year's energy, h: annual energy / full load (Σ of the hourly load fractions). 0
 * without load. A hall's overheads (losses, air handling, CDU pumps, network) follow its IT profile hour by hour, so
 * each part's annual energy is its full-load kW times these hours.
 */
export function fullLoadHours(annualEnergyMwh: number, fullLoadKw: number): number {
  return fullLoadKw > 0 ? (annualEnergyMwh * KWH_PER_MWH) / fullLoadKw : 0;
}

/** A year's energy of a load of `fullLoadKw` that runs `hours` full-load hours, MWh. */
export function energyOverFullLoadHoursMwh(fullLoadKw: number, hours: number): number {
  return (fullLoadKw * hours) / KWH_PER_MWH;
}
