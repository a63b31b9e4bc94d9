/** Heat-rejection plant sizing, redundancy and supply temperature. */
import { requireCount, requireInRange, requirePositive, PhysicsInputError } from "./guard";

/** Redundancy schemes of a plant of identical units (Uptime Institute tier vocabulary). */
export const REDUNDANCY_SCHEMES = ["N", "N+1", "2N"] as const;
/** A redundancy scheme: "N" (no spare), "N+1" (one spare unit), "2N" (a full second set). */
export type Redundancy = (typeof REDUNDANCY_SCHEMES)[number];

function requireRedundancy(redundancy: string): Redundancy {
  if (!(REDUNDANCY_SCHEMES as readonly string[]).includes(redundancy)) {
    throw new PhysicsInputError("redundancy", redundancy, REDUNDANCY_SCHEMES.join(", "));
  }
  return redundancy as Redundancy;
}

/** Units that must stay in service under a redundancy scheme: N all, N+1 all but one, 2N half. */
export function unitsInServiceAfterRedundancy(units: number, redundancy: string): number {
  requireCount("units", units);
  switch (requireRedundancy(redundancy)) {
    case "N":
      return units;
    case "N+1":
      return Math.max(0, units - 1);
    case "2N":
      return Math.floor(units / 2);
  }
}

/** Heat the plant can still reject with its redundant units out of service, kW. */
export function firmRejectionCapacityKw(units: number, unitCapacityKw: number, redundancy: string): number {
  requirePositive("unitCapacityKw", unitCapacityKw);
  return unitsInServiceAfterRedundancy(units, redundancy) * unitCapacityKw;
}

/** Units needed so that the firm capacity (after redundancy) covers the heat load. */
export function unitsRequired(heatLoadKw: number, unitCapacityKw: number, redundancy: string): number {
  requireInRange("heatLoadKw", heatLoadKw, 0);
  requirePositive("unitCapacityKw", unitCapacityKw);
  let n = Math.max(1, Math.ceil(heatLoadKw / unitCapacityKw));
  // The quotient rounds, so ceil can be one off: n × capacity (what the plant is checked against) must carry the load, n − 1 must not.
  if (n * unitCapacityKw < heatLoadKw) n++;
  else if (n > 1 && (n - 1) * unitCapacityKw >= heatLoadKw) n--;
  switch (requireRedundancy(redundancy)) {
    case "N":
      return n;
    case "N+1":
      return n + 1;
    case "2N":
      return 2 * n;
  }
}

/** Which ambient temperature limits a heat-rejection technology. */
export const AMBIENT_BASES = ["dry-bulb", "wet-bulb", "mechanical"] as const;
/** The ambient temperature that limits a plant: "dry-bulb" (dry coolers), "wet-bulb" (evaporative media), "mechanical" (a chiller, limited by its rating). */
export type AmbientBasis = (typeof AMBIENT_BASES)[number];

/** What {@link achievableSupplyTempC} reads: the plant's technology and the site's design temperatures. */
export interface SupplyTemperatureInput {
  /** Which ambient limits the plant. */
  ambientBasis: AmbientBasis;
  /** Cooling design dry-bulb temperature of the site, °C (-60 to 60). */
  designDryBulbC: number;
  /** Evaporation design wet-bulb temperature of the site, °C (-60 to designDryBulbC). */
  designWetBulbC: number;
  /** Approach of the coldest water the plant makes to its limiting ambient, K. */
  approachK: number;
  /** Lowest supply a mechanical (compressor) plant is rated for, °C. */
  mechanicalSupplyC: number;
}

/**
 * Coldest facility-water supply the plant can hold on the design day, °C:
 * limiting ambient (dry bulb for dry coolers, wet bulb for evaporative media) + approach;
 * a chiller makes its rated supply whatever the weather.
 */
export function achievableSupplyTempC(s: SupplyTemperatureInput): number {
  requireInRange("designDryBulbC", s.designDryBulbC, -60, 60);
  requireInRange("designWetBulbC", s.designWetBulbC, -60, s.designDryBulbC);
  requireInRange("approachK", s.approachK, 0, 30);
  switch (s.ambientBasis) {
    case "dry-bulb":
      return s.designDryBulbC + s.approachK;
    case "wet-bulb":
      return s.designWetBulbC + s.approachK;
    case "mechanical":
      return requireInRange("mechanicalSupplyC", s.mechanicalSupplyC, 0, 40);
    default:
      throw new PhysicsInputError("ambientBasis", s.ambientBasis, AMBIENT_BASES.join(", "));
  }
}
