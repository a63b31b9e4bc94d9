/** An hourly weather year: what the hourly model reads for a site. */

import type { SiteLocation } from "../catalog/climateSchema";

// One definition of a site's location: the catalog's climates and the weather years share it.
export type { SiteLocation };

/**
 * 8,760 hours of one (non-leap) year in local standard time: index 0 is 1 January 00:00-01:00, index 8,759 is
 * 31 December 23:00-24:00 (EnergyPlus weather files number the same hour 1 to 24).
 */
export interface WeatherYear {
  /** Where the hours come from, for reports: a generated climate id, or an EPW file and its station. */
  origin: string;
  /** Where the hours were observed or generated (solar geometry and air pressure come from it). */
  location: SiteLocation;
  /** Dry-bulb temperature of each hour, °C (8,760 values). */
  dryBulbC: Float64Array;
  /** Wet-bulb temperature of each hour, °C (8,760 values): computed from the dry bulb and dew point at the station pressure (an EPW file's, else the standard pressure at the elevation). */
  wetBulbC: Float64Array;
  /** Dew-point temperature of each hour, °C (8,760 values). */
  dewPointC: Float64Array;
}
