/** Water rule: water-permit (annual water within the permit, the worst day within the daily cap, in every year). */
import { beforeAll, describe, expect, it } from "vitest";
import { show } from "../../components/format/numbers";
import * as p from "../../policies/evaluate";
import { changed, components, compliantViews, findingsFor, findingsOf, fitting, summary } from "./fixture";

let c: Awaited<ReturnType<typeof components>>;
beforeAll(async () => {
  c = await components();
});

describe("water-permit", () => {
  it("compliant: both years within the 10,000 m³/yr permit and the 100 m³ daily cap", async () => {
    const findings = findingsOf("water-permit", await compliantViews());
    expect(summary(findings)).toEqual([
      ["fx", "pass", "mandatory", "fx: annual water (permit) 504.7 m³/yr (2027) within the maximum of 10,000 m³/yr"],
      ["fx", "pass", "mandatory", "fx: worst-day water (daily cap) 7.336 m³/day (2027-04-11) within the maximum of 100 m³/day"],
    ]);
  });

  it("non-compliant: 12,000 m³ in 2027 is (12,000 − 10,000) / 10,000 = 20 % over the permit", async () => {
    const views = changed(await compliantViews(), "fx", ["years", 0, "waterM3"], 12_000);
    const findings = findingsOf("water-permit", views).filter((f) => f.status === "violation");
    expect(summary(findings)).toEqual([["fx", "violation", "mandatory", "fx in 2027: annual water 12,000 m³/yr exceeds the water permit of 10,000 m³/yr (by 20 %)"]]);
    expect(findings[0]).toMatchObject({ measured: 12_000, limit: 10_000, unit: "m³/yr", year: 2027 });
  });

  it("non-compliant: a permit of 0 allows no water, in either year", async () => {
    const views = changed(await compliantViews(), "fx", "waterPermitM3PerYear", 0);
    expect(summary(findingsOf("water-permit", views).filter((f) => f.status === "violation"))).toEqual([
      ["fx", "violation", "mandatory", "fx in 2027: annual water 504.7 m³/yr exceeds the water permit of 0 m³/yr (a permit of 0 allows no water) (failing in 2027-2028)"],
    ]);
  });

  it("non-compliant: 150 m³ on 2028's worst day is above the 100 m³ daily cap", async () => {
    const views = changed(await compliantViews(), "fx", ["years", 1, "peakDailyWaterM3"], 150);
    const findings = findingsOf("water-permit", views).filter((f) => f.status === "violation");
    expect(summary(findings)).toEqual([["fx", "violation", "mandatory", "fx in 2028: water on its worst day (2028-04-11) 150 m³ exceeds the daily cap of 100 m³"]]);
    expect(findings[0]).toMatchObject({ measured: 150, limit: 100, at: "2028-04-11", year: 2028 });
  });

  it("a campus without a permit or a cap is not checked for it", async () => {
    const views = changed(await compliantViews(), "fx", "waterPermitM3PerYear", undefined);
    expect(findingsOf("water-permit", views).map((f) => f.budget)).toEqual(["worst-day water (daily cap)"]);
  });

  it("fails a campus 1 % over its permit, naming the permit and both numbers", async () => {
    const probe = new c.Campus("probe", fitting());
    const water = probe.footprint.waterM3PerYear;
    const permit = water / 1.01;
    const { findings } = await findingsFor("thirsty", fitting({ waterPermitM3PerYear: permit }));
    const f = findings.filter((x) => x.policy === "water-permit");
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ status: "violation", enforcementLevel: "mandatory", measured: water, limit: permit, unit: "m³/yr" });
    expect(f[0].message).toBe(`thirsty: annual water ${show(water)} m³/yr exceeds the water permit of ${show(permit)} m³/yr (by 1 %)`);
    expect(p.hasMandatoryViolation(findings)).toBe(true);
  });

  it("checks the worst simulated day's water against a daily cap, naming the day", async () => {
    const probe = new c.Campus("dayprobe", fitting());
    const worst = probe.footprint.peakDailyWaterM3;
    expect(worst).toBeGreaterThan(0);
    const { findings } = await findingsFor("daily", fitting({ dailyWaterCapM3: worst * 0.99 }));
    expect(findings.map((f) => f.message)).toEqual([expect.stringMatching(/^daily: water on its worst day \(\d\d-\d\d\) [\d.,]+ m³ exceeds the daily cap of [\d.,]+ m³$/)]);
    expect(findings[0]).toMatchObject({ measured: worst, at: probe.footprint.worstWaterDay });
  });
});
