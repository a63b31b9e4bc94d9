/**
 * Rules read published fields through keys typed by the footprints (policies/view.ts): a renamed or mistyped field is
 * a compile error (the `@ts-expect-error` lines fail `tsc` the day they compile), not a rule that silently stops applying.
 */
import { describe, expect, it } from "vitest";
import { rangeProp } from "../policies/cost";
import { numberProp, ofType, prop, RACK_TYPES, stringProp, TYPES, type ResourceView } from "../policies/view";

const campus: ResourceView = {
  type: TYPES.campus, urn: "urn:campus", name: "c",
  props: { facilityPowerMw: 12.5, location: "Ohio", capexUsd: { low: 1, base: 2, high: 3 }, pue: Number.NaN },
};
const rack: ResourceView = { type: TYPES.airRack, urn: "urn:rack", name: "r", props: { itLoadPerRackKw: 41.3 } };

describe("typed keys", () => {
  it("select by type token and read the fields the type publishes", () => {
    const [view] = ofType([campus, rack], TYPES.campus);
    expect(view.name).toBe("c");
    expect(numberProp(view, "facilityPowerMw")).toBe(12.5);
    expect(stringProp(view, "location")).toBe("Ohio");
    expect(rangeProp(view, "capexUsd")).toEqual({ low: 1, base: 2, high: 3 });
    expect(prop(view, "location")).toBe("Ohio");
    // A published number that is not finite reads as missing (the rule reports not-applicable), never NaN.
    expect(numberProp(view, "pue")).toBeUndefined();
    const racks = ofType([campus, rack], ...RACK_TYPES);
    expect(racks.map((r) => numberProp(r, "itLoadPerRackKw"))).toEqual([41.3]);
  });

  it("refuse, at compile time, a field the type does not publish or one of another type", () => {
    const [view] = ofType([campus], TYPES.campus);
    // @ts-expect-error: a typo (MW): not a field of CampusOutputs
    expect(numberProp(view, "facilityPowerMW")).toBeUndefined();
    // @ts-expect-error: location is a string, not a number
    expect(numberProp(view, "location")).toBeUndefined();
    // @ts-expect-error: a number, not a cost range
    expect(rangeProp(view, "facilityPowerMw")).toBeUndefined();
    // @ts-expect-error: halls are the hall components' own, not published by the campus
    expect(prop(view, "halls")).toBeUndefined();
  });

  it("leave views of types that are not aicluster's open to any key (rules of your own)", () => {
    const mine: ResourceView = { type: "test:Hall", urn: "urn:hall", name: "h", props: { kw: 7 } };
    expect(numberProp(mine, "kw")).toBe(7);
    expect(ofType([mine], "test:Hall").map((v) => numberProp(v, "kw"))).toEqual([7]);
  });
});
