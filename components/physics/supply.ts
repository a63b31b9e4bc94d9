/** Power contracts: firm capacity and deliverable energy (their carbon: carbon.ts; their hourly dispatch: dispatch.ts). */
import { HOURS_PER_YEAR } from "./constants";
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
