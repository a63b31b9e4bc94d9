/** Water drawn by heat rejection. */
import { KJ_PER_KWH, LITRES_PER_M3, WATER_DENSITY_KG_PER_M3, WATER_LATENT_HEAT_KJ_PER_KG, KWH_PER_MWH } from "./constants";
import { requireInRange } from "./guard";

/** Water evaporated per kWh of heat rejected by evaporation, L: 3,600 kJ / 2,257 kJ/kg ≈ 1.6 L. */
export function evaporationLitresPerKwhHeat(): number {
  const kgPerKwh = KJ_PER_KWH / WATER_LATENT_HEAT_KJ_PER_KG;
  return (kgPerKwh / WATER_DENSITY_KG_PER_M3) * LITRES_PER_M3;
}

/**
 * Make-up water per kWh of evaporatively rejected heat, L: evaporation plus blowdown,
 * blowdown = evaporation / (cycles of concentration − 1) (cooling-tower mass balance; drift neglected).
 */
export function makeupLitresPerKwhHeat(cyclesOfConcentration: number): number {
  requireInRange("cyclesOfConcentration", cyclesOfConcentration, 1.5, 20);
  return (evaporationLitresPerKwhHeat() * cyclesOfConcentration) / (cyclesOfConcentration - 1);
}

/** Water usage effectiveness, L/kWh (The Green Grid: site water / IT energy); 0 when there is no IT energy. */
export function waterUsageEffectiveness(waterM3: number, itEnergyMwh: number): number {
  requireInRange("waterM3", waterM3, 0);
  requireInRange("itEnergyMwh", itEnergyMwh, 0);
  if (itEnergyMwh === 0) return 0;
  return (waterM3 * LITRES_PER_M3) / (itEnergyMwh * KWH_PER_MWH);
}
