/**
 * Power rules: firm-power (peak hour plus headroom within the firm MW delivering each year, derated by the hour's
 * weather for gas) and energy-adequacy (every hour's demand served, unserved hours at most the limit).
 */
import { describe, expect, it } from "vitest";
import { campusModel } from "../../components/model/campus";
import { evaluateRules } from "../../policies/evaluate";
import { twoHallCampus } from "../helpers/parity";
import { changed, compliantViews, findingsFor, findingsOf, fitting, summary, violations, viewsOf } from "./fixture";

describe("firm-power", () => {
  it("compliant: the fixture's peak hour plus 10 % headroom fits the 1.975 MW firm in every year", async () => {
    const findings = findingsOf("firm-power", await compliantViews());
    // Firm by hand: grid 1.5 MW (firm share 1) + nuclear 0.5 MW × 0.95 = 1.975 MW; the peak (1.314 MW) is the model's.
    expect(summary(findings)).toEqual([["fx", "pass", "mandatory", "fx: firm power (peak hour + headroom) 1.445 MW (2027-07-12 10:00) within the maximum of 1.975 MW"]]);
    expect(findings[0]).toMatchObject({ limit: 1.975, year: 2027, at: "2027-07-12 10:00" });
  });

  it("non-compliant: a 2 MW peak in 2027 needs 2 × 1.1 = 2.2 MW firm, above the 1.975 MW contracted; 2028 still fits", async () => {
    const views = changed(await compliantViews(), "fx", ["years", 0, "peakFacilityPowerMw"], 2);
    const findings = findingsOf("firm-power", views);
    expect(summary(findings)).toEqual([["fx", "violation", "mandatory", "fx in 2027: peak-hour facility power 2 MW (2027-07-12 10:00) + 10 % headroom = 2.2 MW exceeds firm contracted capacity 1.975 MW"]]);
    expect(findings[0]).toMatchObject({ measured: 2.2, limit: 1.975, unit: "MW", year: 2027 });
    // No headroom: 2 MW is still above 1.975 MW.
    expect(summary(findingsOf("firm-power", views, { "firm-power": { headroomFraction: 0 } }))).toEqual([
      ["fx", "violation", "mandatory", "fx in 2027: peak-hour facility power 2 MW (2027-07-12 10:00) + 0 % headroom = 2 MW exceeds firm contracted capacity 1.975 MW"],
    ]);
  });

  it("not applicable when the campus published no years", async () => {
    const views = changed(await compliantViews(), "fx", "years", undefined);
    expect(summary(findingsOf("firm-power", views))).toEqual([["fx", "not-applicable", "mandatory", "fx: not applicable, years (peakFacilityPowerMw, firmMw) not known (yet)"]]);
  });

  it("fails when facility power plus headroom exceeds firm contracts, and config moves the line", async () => {
    const args = fitting({
      powerContracts: [
        { name: "grid", counterparty: "AEP Ohio", source: "grid-pjm-ohio", contractedMw: 0.675 },
        { name: "nuclear", counterparty: "Nuclear operator", source: "nuclear", contractedMw: 0.5 },
      ],
    });
    const { findings } = await findingsFor("short", args);
    expect(findings.map((f) => f.policy)).toEqual(["firm-power"]);
    expect(findings[0].message).toMatch(/^short: peak-hour facility power 1.1\d\d MW \(\d\d-\d\d \d\d:00\) \+ 10 % headroom = 1.2\d\d MW exceeds firm contracted capacity 1.15 MW$/);
    const relaxed = violations(await viewsOf("short"), { "firm-power": { headroomFraction: 0 } });
    expect(relaxed).toEqual([]);
  });

  it("firm-power names the binding hour and the derated MW; a market-accredited gas contract and a grid service are not derated", () => {
    const subject = { type: "aicluster:index:Campus", name: "hot" };
    const onGas = (contract: object) => campusModel(twoHallCampus({ climate: "north-louisiana", location: "Richland Parish, Louisiana", powerContracts: [{ name: "gas", counterparty: "Own plant", ...contract } as never] }), subject);
    const probe = onGas({ source: "grid-us-average", contractedMw: 100 });
    expect(probe.years.every((r) => r.firmHour === undefined)).toBe(true);
    // Just enough at ISO rating for the peak + 10 %, but not in a hot hour.
    const mw = probe.peakFacilityPowerMw * 1.12;
    const fp = onGas({ source: "gas-turbine", market: "behind-the-meter", firmFraction: 1, contractedMw: mw });
    const findings = evaluateRules([{ urn: "urn:x", type: "aicluster:index:Campus", name: "hot", props: fp as unknown as Record<string, unknown> }], {}).filter((f) => f.policy === "firm-power");
    const row = fp.years.find((r) => r.firmHour !== undefined && r.hallsOnline === 2)!;
    const violation = findings.find((f) => f.status === "violation");
    expect(violation, JSON.stringify(findings)).toBeDefined();
    const message = (violation as { message: string }).message;
    expect(message).toMatch(/facility power [\d.]+ MW in the binding hour \d{4}-\d{2}-\d{2} \d{2}:00 \([\d.]+ °C dry bulb\) \+ 10 % headroom = [\d.]+ MW exceeds firm capacity derated for that hour [\d.]+ MW \([\d.]+ MW at ISO 15 °C\)/);
    expect(row.firmMw).toBeLessThan(row.ratedFirmMw!);
    // PJM-accredited gas (ELCC) keeps its accredited firm MW in every hour.
    const pjm = onGas({ source: "gas-turbine", market: "pjm", contractedMw: mw });
    expect(pjm.years.every((r) => r.firmHour === undefined)).toBe(true);
  });
});

describe("energy-adequacy", () => {
  it("compliant: the fixture's firm grid and nuclear serve every hour of both years", async () => {
    const findings = findingsOf("energy-adequacy", await compliantViews());
    expect(summary(findings)).toEqual([["fx", "pass", "mandatory", "fx: unserved hours 0 h/yr (2027) within the maximum of 0 h/yr"]]);
    expect(findings[0]).toMatchObject({ measured: 0, limit: 0, year: 2027 });
  });

  it("non-compliant: 3 unserved hours in 2028 break the default limit of 0; a limit of 3 holds them", async () => {
    const views = changed(await compliantViews(), "fx", ["years", 1, "unservedHours"], 3);
    const findings = findingsOf("energy-adequacy", views);
    // Only the hours changed: the row's unserved MWh and largest shortfall stay the fixture's 0 (and no shortfall hour).
    expect(summary(findings)).toEqual([["fx", "violation", "mandatory", "fx in 2028: demand goes unserved in 3 hours (0 MWh; largest shortfall 0 MW), above the limit of 0 h"]]);
    expect(findings[0]).toMatchObject({ measured: 3, limit: 0, unit: "h/yr", year: 2028 });
    // At the limit: a pass on the tightest year (2028: margin 0 against 2027's 3 h).
    expect(summary(findingsOf("energy-adequacy", views, { "energy-adequacy": { maxUnservedHours: 3 } }))).toEqual([
      ["fx", "pass", "mandatory", "fx: unserved hours 3 h/yr (2028) within the maximum of 3 h/yr"],
    ]);
  });
});
