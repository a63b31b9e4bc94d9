/**
 * Sourced plausible ranges of catalog figures (`ranges`): the schema's checks with their exact messages, the path
 * helpers a confidence run draws with, and every built-in range drawn at both ends registering as a valid entry.
 */
import { describe, expect, it } from "vitest";
import { catalogError } from "./helpers/catalogError";
import {
  BUILTIN_ACCELERATORS, BUILTIN_COOLING_TECHNOLOGIES, BUILTIN_GENERATION_SOURCES, BUILTIN_MARKETS, BUILTIN_NODE_DESIGNS, BUILTIN_RACK_DESIGNS,
  Catalog, type CatalogSection, type FigureRanges, numberAt, type RackDesignSpec, withNumberAt,
} from "../components/catalog";


const RACK_FIELDS = "nodesPerRack, switchesPerRack, switchPowerW, rackOverheadW, powerConversionEfficiency, ratedKw, liquidCaptureFraction, minSupplyTempC, maxSupplyTempC, cdu.approachK";

describe("a range is checked against its entry, each problem on ranges.<key>", () => {
  const c = Catalog.withBuiltins();
  const rack = c.rackDesigns.get("gb200-nvl72"); // switchPowerW 400, liquid-cooled, supply 17-45 °C
  const withRanges = (ranges: unknown) => ({ ...rack, id: "r-range", ranges }) as RackDesignSpec;
  const register = (ranges: unknown) => () => c.rackDesigns.register(withRanges(ranges));

  it("names an unknown field, listing the numeric ones", () => {
    const e = catalogError(
      register({ switchPowerKw: { low: 1, high: 2, note: "test" } }),
      ["ranges.switchPowerKw"],
      `invalid rack design "r-range": ranges.switchPowerKw = {"low":1,"high":2,"note":"test"}; allowed: a numeric field of the entry, by dotted path (there is no "switchPowerKw"): ${RACK_FIELDS}`,
    );
    expect(e.problems[0].value).toEqual({ low: 1, high: 2, note: "test" });
  });

  it("names a field that is not a number", () => {
    catalogError(
      register({ cooling: { low: 1, high: 2, note: "test" } }),
      ["ranges.cooling"],
      `invalid rack design "r-range": ranges.cooling = {"low":1,"high":2,"note":"test"}; allowed: a numeric field of the entry, by dotted path ("cooling" is a string): ${RACK_FIELDS}`,
    );
    catalogError(
      register({ cdu: { low: 1, high: 2, note: "test" } }),
      ["ranges.cdu"],
      `invalid rack design "r-range": ranges.cdu = {"low":1,"high":2,"note":"test"}; allowed: a numeric field of the entry, by dotted path ("cdu" is an object): ${RACK_FIELDS}`,
    );
  });

  it("names the ranges themselves or the source: not fields a range can be of", () => {
    catalogError(
      register({ "ranges.x.low": { low: 1, high: 2, note: "test" }, "source.title": { low: 1, high: 2, note: "test" } }),
      ["ranges.ranges.x.low", "ranges.source.title"],
      `invalid rack design "r-range":\n  - ranges.ranges.x.low = {"low":1,"high":2,"note":"test"}; allowed: a numeric field of the entry, by dotted path (there is no "ranges.x.low"): ${RACK_FIELDS}` +
        `\n  - ranges.source.title = {"low":1,"high":2,"note":"test"}; allowed: a numeric field of the entry, by dotted path ("source.title" is a string): ${RACK_FIELDS}`,
    );
  });

  it("low above the entry's value", () => {
    catalogError(
      register({ switchPowerW: { low: 500, high: 1240, note: "test" } }),
      ["ranges.switchPowerW"],
      `invalid rack design "r-range": ranges.switchPowerW = {"low":500,"high":1240,"note":"test"}; allowed: low at most switchPowerW (400): the range holds the entry's own value`,
    );
  });

  it("high below the entry's value", () => {
    catalogError(
      register({ switchPowerW: { low: 100, high: 300, note: "test" } }),
      ["ranges.switchPowerW"],
      `invalid rack design "r-range": ranges.switchPowerW = {"low":100,"high":300,"note":"test"}; allowed: high at least switchPowerW (400): the range holds the entry's own value`,
    );
  });

  it("low equal to high, or above it", () => {
    catalogError(
      register({ switchPowerW: { low: 400, high: 400, note: "test" } }),
      ["ranges.switchPowerW"],
      `invalid rack design "r-range": ranges.switchPowerW = {"low":400,"high":400,"note":"test"}; allowed: low below high (here low 400, high 400): a range of one value is no range, leave the field out of ranges`,
    );
    catalogError(
      register({ switchPowerW: { low: 1000, high: 300, note: "test" } }),
      ["ranges.switchPowerW"],
      `invalid rack design "r-range": ranges.switchPowerW = {"low":1000,"high":300,"note":"test"}; allowed: low below high (here low 1000, high 300): a range of one value is no range, leave the field out of ranges`,
    );
  });

  it("ends that are not finite", () => {
    catalogError(
      register({ switchPowerW: { low: 0, high: Infinity, note: "test" } }),
      ["ranges.switchPowerW"],
      `invalid rack design "r-range": ranges.switchPowerW = {"low":0,"high":null,"note":"test"}; allowed: finite low and high (here low 0, high Infinity)`,
    );
    catalogError(
      register({ switchPowerW: { low: NaN, high: 1240, note: "test" } }),
      ["ranges.switchPowerW"],
      `invalid rack design "r-range": ranges.switchPowerW = {"low":null,"high":1240,"note":"test"}; allowed: finite low and high (here low NaN, high 1240)`,
    );
  });

  it("the range's own fields: numbers, a note, nothing else", () => {
    catalogError(
      register({ switchPowerW: { low: "400", high: 1240, note: "ok", hi: 2 } }),
      ["ranges.switchPowerW.low", "ranges.switchPowerW.note", "ranges.switchPowerW.hi"],
      `invalid rack design "r-range":\n  - ranges.switchPowerW.low = "400"; allowed: a number, in the field's unit` +
        `\n  - ranges.switchPowerW.note = "ok"; allowed: Too small: expected string to have >=3 characters` +
        `\n  - ranges.switchPowerW.hi = 2; allowed: no such field (check the spelling)`,
    );
  });

  it("an end the field's own bound rejects", () => {
    catalogError(
      register({ switchPowerW: { low: 0, high: 20000, note: "test" } }),
      ["ranges.switchPowerW"],
      `invalid rack design "r-range": ranges.switchPowerW = {"low":0,"high":20000,"note":"test"}; allowed: low and high values the entry accepts as switchPowerW (at high 20000: switchPowerW = 20000; allowed: Too big: expected number to be <=10000)`,
    );
    catalogError(
      register({ "cdu.approachK": { low: 2, high: 16, note: "test" } }),
      ["ranges.cdu.approachK"],
      `invalid rack design "r-range": ranges.cdu.approachK = {"low":2,"high":16,"note":"test"}; allowed: low and high values the entry accepts as cdu.approachK (at high 16: cdu.approachK = 16; allowed: Too big: expected number to be <=15)`,
    );
  });

  it("an end a cross-field rule rejects", () => {
    catalogError(
      register({ liquidCaptureFraction: { low: 0, high: 0.9, note: "test" } }),
      ["ranges.liquidCaptureFraction"],
      `invalid rack design "r-range": ranges.liquidCaptureFraction = {"low":0,"high":0.9,"note":"test"}; allowed: low and high values the entry accepts as liquidCaptureFraction (at low 0: liquidCaptureFraction = 0; allowed: above 0 for a liquid-cooled rack)`,
    );
    catalogError(
      register({ maxSupplyTempC: { low: 10, high: 50, note: "test" } }),
      ["ranges.maxSupplyTempC"],
      `invalid rack design "r-range": ranges.maxSupplyTempC = {"low":10,"high":50,"note":"test"}; allowed: low and high values the entry accepts as maxSupplyTempC (at low 10: minSupplyTempC = 17; allowed: at most maxSupplyTempC (10 °C))`,
    );
  });

  it("a problem elsewhere in the entry is reported once, on its field, not again on every range", () => {
    catalogError(
      () => c.rackDesigns.register({ ...withRanges({ switchPowerW: { low: 400, high: 1240, note: "test" } }), rackOverheadW: -1 }),
      ["rackOverheadW"],
      `invalid rack design "r-range": rackOverheadW = -1; allowed: Too small: expected number to be >=0`,
    );
  });

  it("a bad value of the ranged field is reported on the field, its range not repeating it", () => {
    // A copy of a built-in with one figure changed keeps the built-in's ranges: the field's own check speaks first.
    catalogError(
      () => c.rackDesigns.register({ ...c.rackDesigns.get("gb200-nvl72"), id: "r-copy", liquidCaptureFraction: 0 }),
      ["liquidCaptureFraction"],
      `invalid rack design "r-copy": liquidCaptureFraction = 0; allowed: above 0 for a liquid-cooled rack`,
    );
    catalogError(
      () => c.rackDesigns.register({ ...c.rackDesigns.get("gb200-nvl72"), id: "r-copy", switchPowerW: 1300 }),
      ["ranges.switchPowerW"],
      `invalid rack design "r-copy": ranges.switchPowerW = {"low":400,"high":1240,"note":"Supermicro 400 W per tray typical (3.6 kW for ...; allowed: high at least switchPowerW (1300): the range holds the entry's own value`,
    );
  });

  it("accepts top-level, nested and array paths, with the entry's value at either end", () => {
    const held = c.rackDesigns.register(withRanges({
      switchPowerW: { low: 400, high: 1240, note: "test" },
      "cdu.approachK": { low: 3, high: 5, note: "test" },
      liquidCaptureFraction: { low: 0.8, high: 0.85, note: "test" },
    }));
    expect(held.ranges?.["cdu.approachK"]).toEqual({ low: 3, high: 5, note: "test" });
    const turbine = c.generationSources.get("gas-turbine");
    expect(() => c.generationSources.register({ ...turbine, id: "gt-range", ranges: { "ambientDerating.points.3.fraction": { low: 0.8, high: 0.9, note: "test" } } })).not.toThrow();
    catalogError(
      () => c.generationSources.register({ ...turbine, id: "gt-range2", ranges: { "ambientDerating.points.3.fraction": { low: 0.8, high: 1.3, note: "test" } } }),
      ["ranges.ambientDerating.points.3.fraction"],
      `invalid generation source "gt-range2": ranges.ambientDerating.points.3.fraction = {"low":0.8,"high":1.3,"note":"test"}; allowed: low and high values the entry accepts as ambientDerating.points.3.fraction (at high 1.3: ambientDerating.points[3].fraction = 1.3; allowed: Too big: expected number to be <=1.2)`,
    );
    const pjm = c.markets.get("pjm");
    expect(() => c.markets.register({ ...pjm, id: "pjm-range", ranges: { "accreditation.wind-onshore": { low: 0.3, high: 0.5, note: "test" } } })).not.toThrow();
  });
});

describe("numberAt and withNumberAt", () => {
  const c = Catalog.withBuiltins();
  const rack = c.rackDesigns.get("gb200-nvl72");
  const ccgt = c.generationSources.get("gas-ccgt");

  it("numberAt reads finite numbers by dotted path, array elements by index", () => {
    expect(numberAt(rack, "switchPowerW")).toBe(400);
    expect(numberAt(rack, "cdu.approachK")).toBe(3);
    expect(numberAt(ccgt, "ambientDerating.points.3.fraction")).toBe(0.925);
    expect(numberAt(rack, "cooling")).toBeUndefined();
    expect(numberAt(rack, "cdu")).toBeUndefined();
    expect(numberAt(rack, "nope")).toBeUndefined();
    expect(numberAt(rack, "cdu.nope")).toBeUndefined();
    expect(numberAt(rack, "switchPowerW.x")).toBeUndefined();
    expect(numberAt(ccgt, "ambientDerating.points.x")).toBeUndefined();
    expect(numberAt(ccgt, "ambientDerating.points.length")).toBeUndefined();
    expect(numberAt(rack, "constructor")).toBeUndefined();
    expect(numberAt({ a: NaN, b: Infinity }, "a")).toBeUndefined();
    expect(numberAt({ a: NaN, b: Infinity }, "b")).toBeUndefined();
    expect(numberAt(undefined, "a")).toBeUndefined();
  });

  it("withNumberAt copies only the objects on the path and leaves the entry as it was", () => {
    const before = structuredClone(rack);
    expect(Object.isFrozen(rack)).toBe(true);
    const top = withNumberAt(rack, "switchPowerW", 1240);
    expect(top.switchPowerW).toBe(1240);
    expect(top).not.toBe(rack);
    expect(top.cdu).toBe(rack.cdu);
    expect(top.source).toBe(rack.source);
    const nested = withNumberAt(rack, "cdu.approachK", 5);
    expect(nested.cdu?.approachK).toBe(5);
    expect(nested.cdu).not.toBe(rack.cdu);
    expect(nested.cdu?.source).toBe(rack.cdu?.source);
    expect(nested.source).toBe(rack.source);
    expect(rack).toStrictEqual(before);

    const curve = withNumberAt(ccgt, "ambientDerating.points.3.fraction", 0.9);
    expect(curve.ambientDerating?.points[3].fraction).toBe(0.9);
    expect(Array.isArray(curve.ambientDerating?.points)).toBe(true);
    expect(curve.ambientDerating?.points).not.toBe(ccgt.ambientDerating?.points);
    expect(curve.ambientDerating?.points[2]).toBe(ccgt.ambientDerating?.points[2]);
    expect(curve.ambientDerating?.source).toBe(ccgt.ambientDerating?.source);
    expect(ccgt.ambientDerating?.points[3].fraction).toBe(0.925);
  });

  it("withNumberAt refuses a path the entry does not have", () => {
    expect(() => withNumberAt(rack, "switchPowerKw", 1)).toThrow('withNumberAt: no field "switchPowerKw" in the entry (at "switchPowerKw")');
    expect(() => withNumberAt(rack, "cdu.nope.x", 1)).toThrow('withNumberAt: no field "cdu.nope.x" in the entry (at "cdu.nope")');
    expect(() => withNumberAt(rack, "switchPowerW.x", 1)).toThrow('withNumberAt: no field "switchPowerW.x" in the entry (at "switchPowerW.x")');
  });
});

/** Every built-in entry with ranges, by section: [section name, built-ins]. */
const BUILTINS = [
  ["accelerators", BUILTIN_ACCELERATORS],
  ["nodeDesigns", BUILTIN_NODE_DESIGNS],
  ["rackDesigns", BUILTIN_RACK_DESIGNS],
  ["coolingTechnologies", BUILTIN_COOLING_TECHNOLOGIES],
  ["generationSources", BUILTIN_GENERATION_SOURCES],
  ["markets", BUILTIN_MARKETS],
] as const;
type SectionName = (typeof BUILTINS)[number][0];

const BUILTIN_RANGES = BUILTINS.flatMap(([section, entries]) =>
  (entries as readonly { id: string; ranges?: FigureRanges }[]).flatMap((entry) =>
    Object.entries(entry.ranges ?? {}).map(([field, range]) => ({ section, id: entry.id, field, range })),
  ),
);

/** Re-registrations of the entries of `c` that refer to `id` of `section` (a drawn figure must keep them valid too). */
function dependents(c: Catalog, section: SectionName, id: string): (() => unknown)[] {
  if (section === "accelerators") return c.nodeDesigns.list().filter((n) => n.acceleratorId === id).map((n) => () => c.nodeDesigns.register(n, { replace: true }));
  if (section === "nodeDesigns") return c.rackDesigns.list().filter((r) => r.nodeDesignId === id).map((r) => () => c.rackDesigns.register(r, { replace: true }));
  return [];
}

describe("built-in ranges", () => {
  it("are the sourced ones", () => {
    expect(BUILTIN_RANGES.map((r) => `${r.section} ${r.id} ${r.field} ${r.range.low}-${r.range.high}`)).toEqual([
      "accelerators rubin boardPowerW 1800-2300",
      "nodeDesigns vera-rubin-nvl72-tray hostOverheadW 2000-2600",
      "rackDesigns gb200-nvl72 switchPowerW 400-1240",
      "rackDesigns gb200-nvl72 liquidCaptureFraction 0.8-0.9",
      "rackDesigns gb200-nvl72 cdu.approachK 3-5",
      "rackDesigns gb300-nvl72 switchPowerW 400-1072",
      "rackDesigns gb300-nvl72 liquidCaptureFraction 0.8-0.9",
      "rackDesigns gb300-nvl72 cdu.approachK 3-5",
      "rackDesigns vera-rubin-nvl72 switchPowerW 400-1205",
      "rackDesigns vera-rubin-nvl72 liquidCaptureFraction 0.95-1",
      "rackDesigns vera-rubin-nvl72 cdu.approachK 3-5",
      "rackDesigns mi355x-liquid-rack cdu.approachK 3-5",
      "generationSources gas-ccgt capacityFactor 0.55-0.6",
      "generationSources gas-ccgt ambientDerating.points.2.fraction 0.95-0.975",
      "generationSources gas-ccgt ambientDerating.points.3.fraction 0.9-0.95",
      "generationSources gas-ccgt ambientDerating.points.4.fraction 0.85-0.925",
      "generationSources gas-turbine ambientDerating.points.2.fraction 0.9-0.95",
      "generationSources gas-turbine ambientDerating.points.3.fraction 0.8-0.9",
      "generationSources gas-turbine ambientDerating.points.4.fraction 0.7-0.85",
      "generationSources solar-utility capacityFactor 0.23-0.25",
      "generationSources wind-onshore capacityFactor 0.33-0.35",
    ]);
  });

  it("each names the source it comes from", () => {
    for (const { section, id, field, range } of BUILTIN_RANGES) expect(range.note.length, `${section} ${id} ${field}`).toBeGreaterThan(40);
  });

  it.each(BUILTIN_RANGES.flatMap((r) => (["low", "high"] as const).map((end) => [r.section, r.id, r.field, end, r.range[end]] as const)))(
    "%s %s: %s at its %s (%s) registers, and what refers to it still does",
    (section, id, field, _end, value) => {
      const c = Catalog.withBuiltins();
      const target = c[section] as unknown as CatalogSection<{ id: string }>;
      const drawn = withNumberAt(target.get(id), field, value);
      expect(numberAt(drawn, field)).toBe(value);
      expect(() => target.register(drawn, { replace: true })).not.toThrow();
      expect(numberAt(target.get(id), field)).toBe(value);
      const again = dependents(c, section, id);
      if (section === "accelerators" || section === "nodeDesigns") expect(again.length).toBeGreaterThan(0);
      for (const register of again) expect(register).not.toThrow();
    },
  );
});
