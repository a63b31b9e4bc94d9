/** Energy over a year. */
import { HOURS_PER_YEAR, KWH_PER_MWH } from "./constants";
import { requireFraction, requireInRange } from "./guard";

/** Annual energy, MWh: power (kW) × average utilisation of that power × 8,760 h. */
export function annualEnergyMwh(powerKw: number, utilisation: number): number {
  requireInRange("powerKw", powerKw, 0);
  requireFraction("utilisation", utilisation);
  return (powerKw * utilisation * HOURS_PER_YEAR) / KWH_PER_MWH;
}
