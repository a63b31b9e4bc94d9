/** Defaults used where args leave a value out. Each is an assumption, stated here once and documented in README. */

/** Average IT power / maximum IT power over a year (training clusters run near their limit; assumption). */
export const DEFAULT_UTILISATION = 0.8;
/** Transformer, UPS and distribution losses as a share of IT load (assumption: about 96 % efficient chain). */
export const DEFAULT_ELECTRICAL_LOSS_FRACTION = 0.04;
/** Fan power of room air handling (CRAH, fan walls) per kW of heat to air (assumption, typical 0.05-0.1). */
export const DEFAULT_AIR_HANDLING_KW_PER_KW_HEAT = 0.08;
/** CDU pump power per kW of heat to liquid (assumption, about 1 %). */
export const DEFAULT_CDU_PUMP_KW_PER_KW_HEAT = 0.01;
/** Scale-out network (switches and optics) per GPU, W (assumption: about 2 switch ports of 30 W per GPU at 800G). */
export const DEFAULT_NETWORK_W_PER_GPU = 60;
/** Redundancy of a cooling plant when not given. */
export const DEFAULT_REDUNDANCY = "N+1";
/** Rack-loop (technology cooling system) supply temperature at liquid-cooled racks, °C (warm-water cooling, ASHRAE class W40). */
export const DEFAULT_SUPPLY_TEMP_C = 35;
/** Coolant temperature rise across a rack, K. */
export const DEFAULT_DELTA_T_K = 10;
/** CDUs sized 20 % above the liquid heat they serve (assumption). */
export const DEFAULT_CDU_MARGIN = 1.2;
/**
 * Facility-water supply a CoolingPlant on its own is asked for, °C: the default 35 °C rack loop behind the 3 K CDU
 * approach of the catalog's liquid-cooled rack designs (`cdu.approachK` in catalog/rackDesigns.ts, sourced there; a
 * hall derives its plant's setpoint from its own racks' designs instead).
 */
export const DEFAULT_PLANT_SETPOINT_C = 32;
/**
 * Facility-water range (return minus supply) a trim chiller's capacity is measured against, K: the rack loop's default
 * ΔT, as across a CDU with equal heat-capacity flows on both sides (assumption; the facility side is often run at a
 * slightly larger ΔT, which makes a given trim capacity cover more lift).
 */
export const DEFAULT_FACILITY_DELTA_T_K = DEFAULT_DELTA_T_K;
/** Catalog cooling technology whose efficiency (and price) a trim chiller takes: the air-cooled chiller. */
export const DEFAULT_TRIM_CHILLER_TECHNOLOGY = "chiller";
/**
 * Supply air (server inlet) a hall's air path holds, °C (assumption: 23 °C, inside ASHRAE TC 9.9's recommended
 * 18-27 °C inlet envelope for classes A1-A4 (Thermal Guidelines for Data Processing Environments, 5th ed., 2021),
 * a few kelvin under its top to cover mixing at the rack face and sensor tolerance).
 */
export const DEFAULT_SUPPLY_AIR_C = 23;
/**
 * Coil approach of the air path: supply air minus the water entering the coils (CRAH units, fan walls, rear doors), K
 * (assumption: about 5 K for chilled-water coils selected for high sensible ratios; rear-door exchangers run closer).
 */
export const DEFAULT_AIR_COIL_APPROACH_K = 5;
/**
 * Water the air path's coils need at the default supply air and coil approach, °C: 23 − 5 = 18. A hall with only
 * air-cooled racks asks its plant for it; a hall with warm-water racks gives the air path a loop of its own.
 */
export const DEFAULT_AIR_COOLING_WATER_C = DEFAULT_SUPPLY_AIR_C - DEFAULT_AIR_COIL_APPROACH_K;
/**
 * Water range of the air path's loop, return minus supply at full load, K (assumption: as the facility loop,
 * {@link DEFAULT_FACILITY_DELTA_T_K}; chilled-water coils are commonly selected at 6-12 K).
 */
export const DEFAULT_AIR_LOOP_DELTA_T_K = DEFAULT_FACILITY_DELTA_T_K;
