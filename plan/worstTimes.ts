/**
 * The worst hours (or days) of each hourly budget of a campus, for the plan: the firm-power budget's five highest
 * full-load hours against firm capacity, the unserved hours, the worst water days against a daily cap, and the
 * hours of least supply-temperature margin. One per day, worst first, labelled in the full-build year's calendar.
 */
import { dayLabel, hourLabel, worstDays, worstHoursByDay } from "../components/hours/calendar";
import type { CampusSeries } from "../components/model/plan";
import { numberProp, ofType, TYPES, type ResourceView } from "../policies/view";

/** How many worst hours or days each budget lists. */
export const WORST_TIMES_SHOWN = 5;

/** One budget's worst times. */
export interface WorstTimes {
  /** What is compared, e.g. `facility power at full IT load`. */
  budget: string;
  /** The rule the budget belongs to. */
  policy: string;
  unit: string;
  /** What the value is held against (firm MW, a daily cap, a margin of 0 K), when there is one. */
  limit?: number;
  /** Whether values above (max) or below (min) the limit break it. */
  bound: "max" | "min";
  /** Worst first: `YYYY-MM-DD HH:00` (or the day) in local standard time, and the value then. */
  times: { at: string; value: number }[];
}

/** A campus's worst times per budget, in its full-build year. */
export interface CampusWorstTimes {
  campus: string;
  year?: number;
  budgets: WorstTimes[];
}

/** The worst times of every campus of the run, from its series (by URN); a campus without series has none. */
export function campusWorstTimes(views: readonly ResourceView[], series: ReadonlyMap<string, CampusSeries>): CampusWorstTimes[] {
  return ofType(views, TYPES.campus).flatMap((v) => {
    const campusSeries = series.get(v.urn);
    if (!campusSeries) return [];
    const hours = campusSeries.hours;
    const label = (h: number) => hourLabel(h, hours.year);
    const budgets: WorstTimes[] = [];
    const firm = numberProp(v, "firmContractedMw");
    const peak = worstHoursByDay(hours.fullLoadFacilityMw, WORST_TIMES_SHOWN);
    budgets.push({
      budget: "facility power at full IT load", policy: "firm-power", unit: "MW", bound: "max", ...(firm === undefined ? {} : { limit: firm }),
      times: peak.map((h) => ({ at: label(h), value: hours.fullLoadFacilityMw[h] })),
    });
    const unserved = worstHoursByDay(hours.supply.unservedMw, WORST_TIMES_SHOWN).filter((h) => hours.supply.unservedMw[h] > 0);
    if (unserved.length > 0) {
      budgets.push({ budget: "unserved power", policy: "energy-adequacy", unit: "MW", bound: "max", limit: 0, times: unserved.map((h) => ({ at: label(h), value: hours.supply.unservedMw[h] })) });
    }
    const cap = numberProp(v, "dailyWaterCapM3");
    const days = worstDays(hours.waterM3, WORST_TIMES_SHOWN).filter((d) => d.total > 0);
    if (days.length > 0) {
      budgets.push({
        budget: "water per day", policy: "water-permit", unit: "m³/day", bound: "max", ...(cap === undefined ? {} : { limit: cap }),
        times: days.map((d) => ({ at: dayLabel(d.day, hours.year), value: d.total })),
      });
    }
    const margin = campusSeries.supplyMarginK();
    if (margin) {
      budgets.push({
        budget: "supply-temperature margin", policy: "supply-temperature", unit: "K", bound: "min", limit: 0,
        times: worstHoursByDay(margin, WORST_TIMES_SHOWN, "min").map((h) => ({ at: label(h), value: margin[h] })),
      });
    }
    return [{ campus: v.name, ...(hours.year === undefined ? {} : { year: hours.year }), budgets }];
  });
}
