/** An hourly weather year: what the hourly model reads for a site. */

/** Where a weather series was observed or generated; solar geometry needs the position and the clock. */
export interface SiteLocation {
  /** Degrees north (negative south), -90 to 90. */
  latitudeDeg: number;
  /** Degrees east (negative west), -180 to 180. */
  longitudeDeg: number;
  /** Local standard time minus UTC, hours (-12 to 14): the clock the hours are in (no daylight saving). */
  utcOffsetHours: number;
  /** Height above sea level, m: sets the air pressure for the wet bulb. */
  elevationM: number;
}

/**
 * 8,760 hours of one (non-leap) year in local standard time: index 0 is 1 January 00:00-01:00, index 8,759 is
 * 31 December 23:00-24:00 (EnergyPlus weather files number the same hour 1 to 24).
 */
export interface WeatherYear {
  /** Where the hours come from, for reports: a generated climate id, or an EPW file and its station. */
  origin: string;
  location: SiteLocation;
  dryBulbC: Float64Array;
  wetBulbC: Float64Array;
  dewPointC: Float64Array;
}
