/**
 * The year's figures a data hall and a campus both publish, declared once (issue 37): a hall's for its year at its
 * utilisation, a campus's for its full-build year, every hall online. Both are sums over the same 8,760 hours.
 */
export interface AnnualFigures {
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
