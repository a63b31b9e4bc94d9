/** Water drawn by heat rejection. */
import { KJ_PER_KWH, LITRES_PER_M3, WATER_DENSITY_KG_PER_M3, WATER_LATENT_HEAT_KJ_PER_KG, WATER_SPECIFIC_HEAT_KJ_PER_KG_K, KWH_PER_MWH } from "./constants";
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

/**
 * The blowdown in a volume of make-up water, the same units: make-up / cycles of concentration (the tower's mass
 * balance: dissolved solids in = out, so blowdown carries the make-up's solids at `cycles` times the concentration).
 */
export function blowdownOfMakeup(makeup: number, cyclesOfConcentration: number): number {
  requireInRange("makeup", makeup, 0);
  requireInRange("cyclesOfConcentration", cyclesOfConcentration, 1.5, 20);
  return makeup / cyclesOfConcentration;
}

/** The evaporated part of a volume of make-up water, the same units: make-up − its blowdown. */
export function evaporationOfMakeup(makeup: number, cyclesOfConcentration: number): number {
  return makeup - blowdownOfMakeup(makeup, cyclesOfConcentration);
}

/** Water usage effectiveness, L/kWh (The Green Grid: site water / IT energy); 0 when there is no IT energy. */
export function waterUsageEffectiveness(waterM3: number, itEnergyMwh: number): number {
  requireInRange("waterM3", waterM3, 0);
  requireInRange("itEnergyMwh", itEnergyMwh, 0);
  if (itEnergyMwh === 0) return 0;
  return (waterM3 * LITRES_PER_M3) / (itEnergyMwh * KWH_PER_MWH);
}

/**
 * Evaporation-loss coefficient of an open cooling tower against the dry bulb of the air entering it: the share of the
 * circulating water evaporated per K of cooling range, 1/K. Source: GB/T 50050-2017 "Code for design of industrial
 * recirculating cooling water treatment" (Ministry of Housing and Urban-Rural Development of China, 2017), evaporation
 * loss P_e = K_ZF × Δt with K_ZF tabulated against the entering air temperature: −10 °C 0.0008, 0 °C 0.0010,
 * 10 °C 0.0012, 20 °C 0.0014, 30 °C 0.0015, 40 °C 0.0016 per °C (linear in between; the end values held outside).
 * The warm end agrees with the summer rules of thumb: Perry's Chemical Engineers' Handbook / Cooling Technology
 * Institute, E = 0.00085 × 1.8 × circulation × range °C = 0.00153 per K (a 30-ish °C summer day); and the German tower
 * trade rule E ≈ circulation × range / 600 = 0.00167 per K (kuehltuerme-deutschland.de glossary "Evaporation loss",
 * https://kuehltuerme-deutschland.de/en/wissenswertes/?name_directory_startswith=E, read 2026-12-06).
 * The standard's table was taken from the code as published in 2017 (not retrieved online on 2026-12-06); the two
 * summer rules were. In cold air more of the heat warms the air (sensible) and less evaporates.
 */
export const TOWER_EVAPORATION_COEFFICIENT_PER_K: readonly (readonly [dryBulbC: number, perK: number])[] = [
  [-10, 0.0008], [0, 0.001], [10, 0.0012], [20, 0.0014], [30, 0.0015], [40, 0.0016],
];

/**
 * Share of a tower's rejected heat carried away by evaporation in air of `dryBulbC`, 0-1: K_ZF × range of circulating
 * water evaporates, carrying K_ZF × range × latent heat, out of range × cp of water rejected, so the share is
 * K_ZF × latent / cp = K_ZF × 2,257 / 4.186 = K_ZF × 539.2 (range cancels). 40 °C: 0.0016 × 539.2 = 0.863;
 * 30 °C: 0.809; 20 °C: 0.755; 10 °C: 0.647; 0 °C: 0.539; −10 °C and colder: 0.431. The table is in the dry bulb, so the
 * share depends on the air's state only through it (a cold hour is also a dry one: its humidity ratio is small).
 */
export function towerEvaporatedShare(dryBulbC: number): number {
  requireInRange("dryBulbC", dryBulbC, -90, 70);
  const t = TOWER_EVAPORATION_COEFFICIENT_PER_K;
  let k: number;
  if (dryBulbC <= t[0][0]) k = t[0][1];
  else if (dryBulbC >= t[t.length - 1][0]) k = t[t.length - 1][1];
  else {
    let i = 1;
    while (t[i][0] < dryBulbC) i++;
    const [t0, k0] = t[i - 1];
    const [t1, k1] = t[i];
    k = k0 + ((k1 - k0) * (dryBulbC - t0)) / (t1 - t0);
  }
  return Math.min(1, (k * WATER_LATENT_HEAT_KJ_PER_KG) / WATER_SPECIFIC_HEAT_KJ_PER_KG_K);
}

/**
 * Saturation effectiveness of the wetted pads of an adiabatic (evaporatively pre-cooled) dry cooler: the share of
 * the wet-bulb depression the pads take off the air. Source: Shan K. Wang, Handbook of Air Conditioning and
 * Refrigeration, 2nd ed. (McGraw-Hill, 2001), §9.8 "Direct evaporative cooler": saturation effectiveness "usually
 * varies between 0.75 and 0.95" at water-air ratios 0.1-0.4 (excerpt read 2026-12-06 at
 * https://www1.woaifanyi.com/V7R32wZKRkZ=d); 0.85 is the middle, the figure the catalog's adiabatic note uses.
 */
export const PAD_EFFECTIVENESS = 0.85;

/**
 * Temperature rise of the air across an adiabatic cooler's coil, K: the catalog's design hour (32 °C air pre-cooled
 * to 26 °C, leaving the coil near 38 °C: 38 − 26 = 12 K; assumption, see the "adiabatic" cooling technology). Fans
 * at full speed in a wet hour hold this air flow per kW of heat.
 */
export const ADIABATIC_COIL_AIR_RISE_K = 12;

/**
 * Share of an adiabatic cooler's heat carried away by evaporation in an hour it runs wet, 0-1. The pads cool the air
 * by ΔT_pad = effectiveness × (dry bulb − wet bulb) by evaporating water (sensible heat given up = m_air × cp × ΔT_pad
 * = water × latent heat); the coil then warms the air by `coilAirRiseK` to reject the heat Q = m_air × cp × rise, so
 * the air flow per kW of heat is 1 / (cp × rise) and the evaporated share is ΔT_pad / rise (cp cancels), at most 1.
 * With the fans slowed to `airFlowFraction` of full flow (a cool wet hour) the same heat warms less air by
 * rise / airFlowFraction, so the share is ΔT_pad × airFlowFraction / rise: less air through the pads, less water.
 * Design hour: 0.85 × (32 − 24.94) = 6.0 K, 6.0 / 12 = 0.50; a humid hour, 30 °C dry bulb and 27 °C wet bulb:
 * 0.85 × 3 = 2.55 K, 2.55 / 12 = 0.2125.
 */
export function padEvaporatedShare(
  dryBulbC: number,
  wetBulbC: number,
  airFlowFraction = 1,
  padEffectiveness = PAD_EFFECTIVENESS,
  coilAirRiseK = ADIABATIC_COIL_AIR_RISE_K,
): number {
  requireInRange("dryBulbC", dryBulbC, -90, 70);
  requireInRange("wetBulbC", wetBulbC, -90, 70);
  requireInRange("airFlowFraction", airFlowFraction, 0, 1);
  requireInRange("padEffectiveness", padEffectiveness, 0, 1);
  requireInRange("coilAirRiseK", coilAirRiseK, 0.1, 50);
  const padCoolingK = padEffectiveness * Math.max(0, dryBulbC - wetBulbC);
  return Math.min(1, (padCoolingK * airFlowFraction) / coilAirRiseK);
}

/**
 * Scarcity-weighted water consumption, m³ world-equivalent: each month's consumed water times that month's AWARE
 * factor (m³ world-eq per m³), summed: Σ consumed_m × CF_m. Consumption, not withdrawal: the water evaporated, which
 * leaves the basin (blowdown returns to it).
 */
export function scarcityWeightedWaterM3(consumedByMonthM3: readonly number[], factorByMonth: readonly number[]): number {
  if (consumedByMonthM3.length !== 12 || factorByMonth.length !== 12) throw new RangeError("scarcityWeightedWaterM3: twelve months of consumption and of factors");
  let total = 0;
  for (let m = 0; m < 12; m++) {
    requireInRange(`consumedByMonthM3[${m}]`, consumedByMonthM3[m], 0);
    requireInRange(`factorByMonth[${m}]`, factorByMonth[m], 0);
    total += consumedByMonthM3[m] * factorByMonth[m];
  }
  return total;
}
