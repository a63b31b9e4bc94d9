/** Heat paths and coolant flow. */
import { WATER_DENSITY_KG_PER_M3, WATER_SPECIFIC_HEAT_KJ_PER_KG_K, LITRES_PER_M3 } from "./constants";
import { requireFraction, requireInRange, requirePositive } from "./guard";

/** IT heat split between the liquid loop and room air (see {@link splitHeat}). */
export interface HeatSplit {
  /** Heat taken by the liquid loop (cold plates), kW. */
  heatToLiquidKw: number;
  /** Heat left to room air, kW. */
  heatToAirKw: number;
}

/** Split IT heat between the liquid loop and room air. Assumption: all electrical power ends as heat (steady state). */
export function splitHeat(itLoadKw: number, liquidCaptureFraction: number): HeatSplit {
  requireInRange("itLoadKw", itLoadKw, 0);
  requireFraction("liquidCaptureFraction", liquidCaptureFraction);
  const heatToLiquidKw = itLoadKw * liquidCaptureFraction;
  return { heatToLiquidKw, heatToAirKw: itLoadKw - heatToLiquidKw };
}

/** Coolant mass flow, kg/s, from Q = m_dot · cp · ΔT (water). */
export function coolantMassFlowKgPerS(heatKw: number, deltaTK: number): number {
  requireInRange("heatKw", heatKw, 0);
  requirePositive("deltaTK", deltaTK);
  return heatKw / (WATER_SPECIFIC_HEAT_KJ_PER_KG_K * deltaTK);
}

/** Coolant volume flow, L/min, from Q = m_dot · cp · ΔT with water's density: about 1.43 L/min per kW at ΔT = 10 K. */
export function coolantFlowLpm(heatKw: number, deltaTK: number): number {
  const m3PerS = coolantMassFlowKgPerS(heatKw, deltaTK) / WATER_DENSITY_KG_PER_M3;
  return m3PerS * LITRES_PER_M3 * 60;
}
