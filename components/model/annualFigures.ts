/**
 * The figures a data hall and a campus both publish, declared once (issue 37). A campus's are its halls' summed (its
 * full-build year, every hall online); a hall's are its racks', network's and plant's.
 */

/** Sizes and power at full IT load: a hall's of its rack groups, network and plant; a campus's the sum of its halls'. */
export interface HallTotals {
  /** Racks. @integer */
  rackCount: number;
  /** GPU nodes. @integer */
  nodeCount: number;
  /** GPUs. @integer */
  gpuCount: number;
  /** IT load (racks and network), kW at full utilisation. */
  itLoadKw: number;
  /** Facility power at full IT load with every plant at its rating (and a trim chiller in its worst hour), kW. */
  facilityPowerKw: number;
  /** Plant power at full load: fans and pumps at their rating, plus a trim chiller in its worst hour, kW. */
  coolingPowerKw: number;
  /** Heat taken by the racks' liquid loops at full IT load, kW. */
  heatToLiquidKw: number;
  /** Heat to room air at full IT load, kW: the racks' air share plus the network (network racks are assumed air-cooled). */
  heatToAirKw: number;
  /** Rack-loop coolant flow of all liquid-cooled racks at full load, L/min. */
  coolantFlowLpm: number;
}

/** The year's figures: a hall's at its utilisation, a campus's in its full-build year; sums over the same 8,760 hours. */
export interface AnnualFigures {
  /** Annual PUE: facility energy / IT energy, summed over the 8,760 hours. */
  pue: number;
  /** IT energy over the year at the halls' utilisation, MWh. */
  annualItEnergyMwh: number;
  /** Facility energy over the year, summed hour by hour, MWh. */
  annualFacilityEnergyMwh: number;
  /** Make-up water of the plants over the year (evaporation and blowdown), m³. */
  waterM3PerYear: number;
  /** Make-up water on the worst simulated day, m³. */
  peakDailyWaterM3: number;
  /** That day: `YYYY-MM-DD` in a dated campus, else `MM-DD`. */
  worstWaterDay: string;
  /** Water usage effectiveness: make-up water / IT energy over the year, L/kWh. */
  wueLPerKwh: number;
}
