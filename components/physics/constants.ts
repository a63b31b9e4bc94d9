/**
 * Physical constants and unit conversions used by every formula in aicluster.
 * Each conversion is written down once, here.
 */

/** Specific heat of liquid water near 25-40 °C, kJ/(kg·K) (engineering tables). */
export const WATER_SPECIFIC_HEAT_KJ_PER_KG_K = 4.186;

/** Density of liquid water near 25 °C, kg/m³ (engineering tables). */
export const WATER_DENSITY_KG_PER_M3 = 997;

/** Latent heat of vaporisation of water near ambient temperature, kJ/kg (steam tables: 2,257 at 100 °C, 2,430 at 30 °C; the lower value is the usual cooling-tower rule of thumb). */
export const WATER_LATENT_HEAT_KJ_PER_KG = 2257;

/** Hours in a (non-leap) year. */
export const HOURS_PER_YEAR = 8760;

/** Seconds in an hour: converts kWh to kJ (1 kWh = 3,600 kJ). */
export const KJ_PER_KWH = 3600;

/** Litres per cubic metre. */
export const LITRES_PER_M3 = 1000;

/** kW per MW. */
export const KW_PER_MW = 1000;

/** kWh per MWh. */
export const KWH_PER_MWH = 1000;

/** Grams per tonne. */
export const GRAMS_PER_TONNE = 1_000_000;

/** Watts per kW. */
export const W_PER_KW = 1000;
