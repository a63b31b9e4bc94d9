/** The weather year's calendar: 365 days (no 29 February), 8,760 hours, hour index 0 = 1 January 00:00-01:00. */

export const DAYS_PER_YEAR = 365;
/** Hours of the weather year, 365 × 24: the physics' own constant, declared once. */
export { HOURS_PER_YEAR } from "../physics/constants";
/** Days of each month, January to December (February 28). */
export const MONTH_DAYS: readonly number[] = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
/** Day of year (0-based) on which each month starts. */
export const MONTH_START_DAY: readonly number[] = MONTH_DAYS.map((_, m) => MONTH_DAYS.slice(0, m).reduce((a, b) => a + b, 0));

/** Month (0-11) of a 0-based day of the year. */
export function monthOfDay(day: number): number {
  let m = 11;
  while (MONTH_START_DAY[m] > day) m--;
  return m;
}

/** Month (0-11) of each day of the year. */
export const DAY_MONTH: readonly number[] = Array.from({ length: DAYS_PER_YEAR }, (_, d) => monthOfDay(d));

/** Mean of each month of a daily (365) or hourly (8,760) series. */
export function monthlyMeans(series: ArrayLike<number>): number[] {
  const perDay = series.length / DAYS_PER_YEAR;
  return MONTH_DAYS.map((days, m) => {
    let sum = 0;
    const start = MONTH_START_DAY[m] * perDay;
    const end = start + days * perDay;
    for (let i = start; i < end; i++) sum += series[i];
    return sum / (days * perDay);
  });
}
