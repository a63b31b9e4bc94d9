/** Power contracts: firm capacity, deliverable energy, and the carbon of the energy a site consumes. */
import { GRAMS_PER_TONNE, HOURS_PER_YEAR, KWH_PER_MWH } from "./constants";
import { emissionsTco2 } from "./carbon";
import { requireFraction, requireInRange } from "./guard";

/** Firm (accredited) capacity of a contract, MW: contracted MW × firm fraction (capacity accreditation, e.g. PJM ELCC class rating). */
export function firmCapacityMw(contractedMw: number, firmFraction: number): number {
  requireInRange("contractedMw", contractedMw, 0);
  requireFraction("firmFraction", firmFraction);
  return contractedMw * firmFraction;
}

/** Energy a contract can deliver in a year, MWh: contracted MW × capacity factor × 8,760 h. */
export function deliverableEnergyMwh(contractedMw: number, capacityFactor: number): number {
  requireInRange("contractedMw", contractedMw, 0);
  requireFraction("capacityFactor", capacityFactor);
  return contractedMw * capacityFactor * HOURS_PER_YEAR;
}

/** One contract as {@link supplyMix} reads it. */
export interface ContractSupply {
  /** The contract's name: the key of its energy in {@link SupplyMix.suppliedMwh}. */
  name: string;
  /** Contracted capacity, MW. */
  contractedMw: number;
  /** Average output / contracted MW over a year, 0-1 (0 for storage: it generates no net energy). */
  capacityFactor: number;
  /** Carbon intensity of the energy delivered, gCO2e/kWh. */
  carbonIntensityGPerKwh: number;
  /** Dispatchable sources (grid service, gas) follow the load; the others deliver what they generate. */
  dispatchable: boolean;
  /** Counts toward the clean-energy share (nuclear, wind, solar, ...). */
  clean: boolean;
}

/** How a site's annual demand is met by its contracts, and at what carbon (see {@link supplyMix}). */
export interface SupplyMix {
  /** The annual demand met, MWh (as given). */
  demandMwh: number;
  /** Energy each contract supplies to the site, MWh, in the order given. */
  suppliedMwh: Record<string, number>;
  /** Demand no contract can supply, MWh. */
  unservedMwh: number;
  /** Energy-weighted intensity of the supplied energy, gCO2e/kWh (0 when nothing is supplied). */
  intensityGPerKwh: number;
  /** Emissions of the supplied energy, tCO2e per year. */
  carbonTco2PerYear: number;
  /** Share of the supplied energy from clean sources, 0-1. */
  cleanShare: number;
}

/**
 * How a site's annual demand is met by its contracts, and at what carbon.
 * Assumed dispatch (annual energy balance, no hourly matching): non-dispatchable sources deliver their
 * capacity-factor energy first (scaled down pro rata when it exceeds demand); dispatchable sources that generate
 * (capacity factor above 0) share the rest pro rata to contracted MW, up to contracted MW × 8,760 h in all; storage
 * supplies no net energy; the remainder is unserved.
 */
export function supplyMix(demandMwh: number, contracts: readonly ContractSupply[]): SupplyMix {
  requireInRange("demandMwh", demandMwh, 0);
  const supplied: Record<string, number> = {};
  for (const c of contracts) supplied[c.name] = 0;

  const variable = contracts.filter((c) => !c.dispatchable);
  const variableMwh = variable.map((c) => deliverableEnergyMwh(c.contractedMw, c.capacityFactor));
  const variableTotal = variableMwh.reduce((a, b) => a + b, 0);
  const oversupplied = variableTotal > demandMwh;
  const variableScale = oversupplied ? demandMwh / variableTotal : 1;
  variable.forEach((c, i) => (supplied[c.name] += variableMwh[i] * variableScale));
  // What the variable sources leave, computed exactly: demand − total×(demand/total) is float residue, not energy.
  const residualMwh = oversupplied ? 0 : demandMwh - variableTotal;

  // Pro rata to contracted MW, each capped at MW × 8,760 h: shares and caps are proportional, so all reach their caps together.
  // Storage (capacity factor 0: a battery) shifts energy and generates none, so it firms capacity but supplies no net energy.
  const dispatchable = contracts.filter((c) => c.dispatchable && c.capacityFactor > 0);
  const capacityMwh = dispatchable.reduce((a, c) => a + c.contractedMw * HOURS_PER_YEAR, 0);
  const dispatched = Math.min(residualMwh, capacityMwh);
  if (capacityMwh > 0) dispatchable.forEach((c) => (supplied[c.name] += (dispatched * c.contractedMw * HOURS_PER_YEAR) / capacityMwh));

  const servedMwh = Object.values(supplied).reduce((a, b) => a + b, 0);
  let carbonTco2PerYear = 0;
  let cleanMwh = 0;
  for (const c of contracts) {
    carbonTco2PerYear += emissionsTco2(supplied[c.name], c.carbonIntensityGPerKwh);
    if (c.clean) cleanMwh += supplied[c.name];
  }
  return {
    demandMwh,
    suppliedMwh: supplied,
    unservedMwh: residualMwh - dispatched,
    intensityGPerKwh: servedMwh > 0 ? (carbonTco2PerYear * GRAMS_PER_TONNE) / (servedMwh * KWH_PER_MWH) : 0,
    carbonTco2PerYear,
    // Summation order can put the ratio a few ulps above 1.
    cleanShare: servedMwh > 0 ? Math.min(1, cleanMwh / servedMwh) : 0,
  };
}
