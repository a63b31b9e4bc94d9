/**
 * The plan's worst hours per budget: one per day, worst first, in the full-build year; the first of each agrees with
 * the campus's published peak hour, worst water day and supply margin; text and Markdown show them.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { worstDays, worstHoursByDay } from "../components/hours/calendar";
import { renderMarkdown, renderText } from "../plan/render";
import { buildReport, type PlanReport } from "../plan/report";
import { runPlan } from "../plan/runPlan";
import { loadStackConfig } from "../plan/stackConfig";
import { WORST_TIMES_SHOWN } from "../plan/worstTimes";

const HOURS = 8760;

describe("worst hours by day (pure)", () => {
  it("takes each day's worst hour, then the worst days, worst first; ties go to the earlier hour", () => {
    const s = new Float64Array(HOURS);
    s[24 * 10 + 15] = 9; // day 10 15:00
    s[24 * 10 + 16] = 8; // same day: not listed again
    s[24 * 200 + 14] = 7;
    s[24 * 3 + 2] = 7; // ties with day 200: the earlier hour first
    s[24 * 364 + 23] = 5;
    expect(worstHoursByDay(s, 4)).toEqual([24 * 10 + 15, 24 * 3 + 2, 24 * 200 + 14, 24 * 364 + 23]);
    expect(worstHoursByDay(s.map((v) => -v), 2, "min")).toEqual([24 * 10 + 15, 24 * 3 + 2]);
  });

  it("worst days by their daily sums", () => {
    const s = new Float64Array(HOURS);
    for (let h = 0; h < 24; h++) s[24 * 40 + h] = 1; // day 40: 24
    s[24 * 41] = 30; // day 41: 30
    expect(worstDays(s, 2)).toEqual([{ day: 41, total: 30 }, { day: 40, total: 24 }]);
  });
});

describe("the plan's worst hours (prometheus, default config)", () => {
  let report: PlanReport;
  let campus: Record<string, unknown>;
  beforeAll(async () => {
    report = buildReport(await runPlan({ stack: "prometheus", config: loadStackConfig("prometheus") }), 3);
    campus = report.outputs as Record<string, unknown>;
  }, 60_000);

  it("lists each budget's worst times, one per day, ordered, the first equal to the published peak, worst day and margin", () => {
    expect(report.worstTimes).toHaveLength(1);
    const w = report.worstTimes![0];
    expect(w.campus).toBe("prometheus");
    const by = new Map(w.budgets.map((b) => [b.policy, b]));
    const firm = by.get("firm-power")!;
    expect(firm.times).toHaveLength(WORST_TIMES_SHOWN);
    expect(firm.times[0].at).toBe(campus.peakHour);
    expect(firm.times[0].value).toBeCloseTo(campus.peakFacilityPowerMw as number, 9);
    const water = by.get("water-permit")!;
    expect(water.times[0].at).toBe(campus.worstWaterDay);
    expect(water.times[0].value).toBeCloseTo(campus.peakDailyWaterM3 as number, 9);
    for (const b of w.budgets) {
      const days = b.times.map((t) => t.at.slice(0, 10));
      expect(new Set(days).size, `${b.policy}: one per day`).toBe(days.length);
      for (let i = 1; i < b.times.length; i++) {
        if (b.bound === "max") expect(b.times[i].value).toBeLessThanOrEqual(b.times[i - 1].value);
        else expect(b.times[i].value).toBeGreaterThanOrEqual(b.times[i - 1].value);
      }
      for (const t of b.times) expect(t.at.startsWith(`${w.year}-`), `${b.policy} ${t.at} in ${w.year}`).toBe(true);
    }
    // The supply margin: least first, against 0 K.
    const margin = by.get("supply-temperature")!;
    expect(margin.bound).toBe("min");
    expect(margin.limit).toBe(0);
  });

  it("text and Markdown show one row per budget under 'Worst hours'", () => {
    const text = renderText(report);
    const block = text.slice(text.indexOf("Worst hours, campus prometheus"));
    for (const b of report.worstTimes![0].budgets) expect(block).toContain(`${b.policy}: ${b.budget}`);
    expect(block).toContain(`at ${campus.peakHour}`);
    const md = renderMarkdown(report);
    expect(md).toMatch(/Worst hours, campus `prometheus` \(2027; one per day, worst first, local standard time\):/);
    expect(md).toContain(`| firm-power: facility power at full IT load |`);
  });
});
