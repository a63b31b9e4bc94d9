/** Site efficiency rules: pue-max and wue-max (the campus's PUE and WUE under their maximums). */
import { describe, expect, it } from "vitest";
import { changed, compliantViews, findingsFor, findingsOf, fitting, summary, violations, viewsOf } from "./fixture";

describe("pue-max", () => {
  it("compliant: the fixture's PUE 1.096 is under the default maximum of 1.3", async () => {
    expect(summary(findingsOf("pue-max", await compliantViews()))).toEqual([["fx", "pass", "mandatory", "fx: PUE 1.096 within the maximum of 1.3"]]);
  });

  it("non-compliant: PUE 1.35 breaks the default 1.3; a maximum of 1.35 holds it", async () => {
    const views = changed(await compliantViews(), "fx", "pue", 1.35);
    const findings = findingsOf("pue-max", views);
    expect(summary(findings)).toEqual([["fx", "violation", "mandatory", "fx: PUE 1.35 exceeds the maximum of 1.3"]]);
    expect(findings[0]).toMatchObject({ measured: 1.35, limit: 1.3, bound: "max" });
    expect(summary(findingsOf("pue-max", views, { "pue-max": { maxPue: 1.35 } }))).toEqual([["fx", "pass", "mandatory", "fx: PUE 1.35 within the maximum of 1.35"]]);
  });

  it("not applicable when the campus has not published its PUE", async () => {
    const views = changed(await compliantViews(), "fx", "pue", undefined);
    expect(summary(findingsOf("pue-max", views))).toEqual([["fx", "not-applicable", "mandatory", "fx: not applicable, pue not known (yet)"]]);
  });
});

describe("wue-max", () => {
  it("compliant: the fixture's adiabatic coolers use 0.0642 L/kWh, under the default 1 L/kWh", async () => {
    expect(summary(findingsOf("wue-max", await compliantViews()))).toEqual([["fx", "pass", "mandatory", "fx: WUE 0.0642 L/kWh within the maximum of 1 L/kWh"]]);
  });

  it("non-compliant: WUE 1.2 L/kWh breaks the default 1 L/kWh (the violation names the maximum without its unit)", async () => {
    const findings = findingsOf("wue-max", changed(await compliantViews(), "fx", "wueLPerKwh", 1.2));
    expect(summary(findings)).toEqual([["fx", "violation", "mandatory", "fx: WUE 1.2 L/kWh exceeds the maximum of 1"]]);
    expect(findings[0]).toMatchObject({ measured: 1.2, limit: 1, unit: "L/kWh" });
  });
});

describe("pue-max and wue-max", () => {
  it("chillers break a tight PUE cap; towers break the WUE cap", async () => {
    // Chillers making 15 °C water (18 °C rack loops) draw compressor power every hour.
    const chiller = await findingsFor("chilly", fitting({ halls: [{ name: "h1", racks: [{ name: "nvl", design: "gb200-nvl72", rackCount: 8, supplyTempC: 18 }], cooling: { technology: "chiller" } }] }), { "pue-max": { maxPue: 1.1 } });
    expect(chiller.findings.map((f) => f.policy)).toEqual(["pue-max"]);
    expect(chiller.findings[0].measured).toBeCloseTo(chiller.campus.footprint.pue, 12);
    const tower = await findingsFor("tower", fitting({ waterPermitM3PerYear: 1e7, halls: [{ name: "h1", racks: [{ name: "nvl", design: "gb200-nvl72", rackCount: 8, supplyTempC: 40 }], cooling: { technology: "evaporative-tower" } }] }));
    expect(tower.findings.map((f) => f.policy)).toEqual(["wue-max"]);
    expect(violations(await viewsOf("tower"), { "wue-max": { maxWueLPerKwh: 2.5 } })).toEqual([]);
  });
});
