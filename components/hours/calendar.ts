/**
 * The hourly model's calendar: the weather year's (components/weather/calendar.ts: 365 days, 8,760 hours in local
 * standard time, hour 0 = 1 January 00:00), with month lookups, labels and sums over it.
 */
import { DAYS_PER_YEAR, HOURS_PER_YEAR, MONTH_DAYS, MONTH_START_DAY } from "../weather/calendar";

export const HOURS = HOURS_PER_YEAR;
export const DAYS = DAYS_PER_YEAR;
export const MONTH_NAMES = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"] as const;

/** Month (0-11) of each hour of the year. */
export const MONTH_OF_HOUR: Uint8Array = (() => {
  const months = new Uint8Array(HOURS);
  let hour = 0;
  MONTH_DAYS.forEach((days, month) => {
    months.fill(month, hour, hour + days * 24);
    hour += days * 24;
  });
  return months;
})();

function pad(n: number): string {
  return String(n).padStart(2, "0");
}

/** `MM-DD` of a day of the year (0-364), prefixed `YYYY-` when a year is given. */
export function dayLabel(day: number, year?: number): string {
  const month = MONTH_OF_HOUR[day * 24];
  const date = `${pad(month + 1)}-${pad(day - MONTH_START_DAY[month] + 1)}`;
  return year === undefined ? date : `${year}-${date}`;
}

/** `YYYY-MM-DD HH:00` (or `MM-DD HH:00` without a year) of the hour that starts then, in local standard time. */
export function hourLabel(hour: number, year?: number): string {
  return `${dayLabel(Math.floor(hour / 24), year)} ${pad(hour % 24)}:00`;
}

/** Sums of an hourly series by month (12 values). */
export function monthlySums(series: ArrayLike<number>): number[] {
  const sums = new Array<number>(12).fill(0);
  for (let h = 0; h < HOURS; h++) sums[MONTH_OF_HOUR[h]] += series[h];
  return sums;
}

/** The day (0-364) with the largest sum of an hourly series, and that sum. */
export function worstDay(series: ArrayLike<number>): { day: number; total: number } {
  return worstDays(series, 1)[0];
}

/** Index of the largest value (the first, when tied). */
export function argMax(series: ArrayLike<number>): number {
  let at = 0;
  for (let h = 1; h < series.length; h++) if (series[h] > series[at]) at = h;
  return at;
}

/**
 * The worst hour of each of the `count` worst days of an hourly series: hour indexes, worst first (the largest values
 * when `worst` is "max", the smallest when "min"; the earlier hour when tied). One per day, so a heat wave's
 * afternoon does not fill the list with its neighbouring hours.
 */
export function worstHoursByDay(series: ArrayLike<number>, count: number, worst: "max" | "min" = "max"): number[] {
  const sign = worst === "max" ? 1 : -1;
  const perDay: number[] = [];
  for (let d = 0; d < DAYS; d++) {
    let at = d * 24;
    for (let h = at + 1; h < d * 24 + 24; h++) if (sign * series[h] > sign * series[at]) at = h;
    perDay.push(at);
  }
  return perDay.sort((a, b) => sign * (series[b] - series[a]) || a - b).slice(0, count);
}

/** The `count` days (0-364) with the largest daily sums of an hourly series, with their sums, worst first (the earlier day when tied). */
export function worstDays(series: ArrayLike<number>, count: number): { day: number; total: number }[] {
  const days: { day: number; total: number }[] = [];
  for (let d = 0; d < DAYS; d++) {
    let total = 0;
    for (let h = d * 24; h < d * 24 + 24; h++) total += series[h];
    days.push({ day: d, total });
  }
  return days.sort((a, b) => b.total - a.total || a.day - b.day).slice(0, count);
}
