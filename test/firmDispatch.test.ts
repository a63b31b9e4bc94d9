/**
 * Dispatchable contracts deliver up to their firm MW in an hour (contracted MW × their market's accreditation), so a
 * campus whose firm capacity is below its load has unserved hours even when its nameplate MW would cover them, and
 * energy-adequacy agrees with firm-power.
 */
import { describe, expect, it } from "vitest";
import { hourlySupply, type HourlyContract } from "../components/hours/supply";
import { campusModel } from "../components/model/campus";
import { PhysicsInputError } from "../components/physics/guard";
import type { SiteLocation } from "../components/weather/types";
import { evaluateRules } from "../policies/evaluate";
import { twoHallCampus } from "./helpers/parity";

const HOURS = 8760;
const OHIO: SiteLocation = { latitudeDeg: 40.08, longitudeDeg: -82.81, utcOffsetHours: -5, elevationM: 249 };
const gas = (more: Partial<HourlyContract> = {}): HourlyContract => ({ name: "gas", profile: "dispatchable", contractedMw: 100, capacityFactor: 0.57, carbonIntensityGPerKwh: 490, clean: false, ...more });

describe("hourly dispatch up to firm MW", () => {
  it("a 100 MW contract accredited for 80 MW leaves 20 MW of a flat 100 MW load unserved in every hour", () => {
    const demand = new Float64Array(HOURS).fill(100);
    const firm = hourlySupply(demand, [gas({ firmMw: 80 })], OHIO);
    expect(firm.unservedHours).toBe(HOURS);
    expect(firm.unservedMwh).toBeCloseTo(20 * HOURS, 6);
    expect(firm.maxShortfallMw).toBeCloseTo(20, 9);
    expect(firm.suppliedMwh.gas).toBeCloseTo(80 * HOURS, 6);
    // Without a firm MW the contracted MW caps it, as before.
    const nameplate = hourlySupply(demand, [gas()], OHIO);
    expect(nameplate.unservedHours).toBe(0);
  });

  it("two dispatchable contracts share the load pro rata to firm MW and reach their caps together", () => {
    const demand = new Float64Array(HOURS).fill(90);
    const r = hourlySupply(demand, [gas({ name: "a", contractedMw: 100, firmMw: 50 }), gas({ name: "b", contractedMw: 100, firmMw: 25 })], OHIO);
    expect(r.suppliedMwh.a / r.suppliedMwh.b).toBeCloseTo(2, 9);
    expect(r.unservedMwh).toBeCloseTo(15 * HOURS, 6);
  });

  it("refuses a firm MW above the contracted MW, or negative", () => {
    const demand = new Float64Array(HOURS).fill(10);
    expect(() => hourlySupply(demand, [gas({ firmMw: 120 })], OHIO)).toThrow(PhysicsInputError);
    expect(() => hourlySupply(demand, [gas({ firmMw: 120 })], OHIO)).toThrow(/contracts\["gas"\]\.firmMw = 120.*from 0 to 100/);
    expect(() => hourlySupply(demand, [gas({ firmMw: -1 })], OHIO)).toThrow(/firmMw = -1/);
  });

  it("a campus whose gas is accredited below its load fails energy-adequacy as well as firm-power; a firm utility service of that MW plus firm-power's headroom passes both", () => {
    const subject = { type: "aicluster:index:Campus", name: "acc" };
    const probe = campusModel(twoHallCampus({ powerContracts: [{ name: "grid", counterparty: "AEP Ohio", source: "grid-pjm-ohio", contractedMw: 100 }] }), subject);
    const peakMw = probe.peakFacilityPowerMw;
    // Nameplate = the full-load peak: enough MW for every hour, but PJM accredits gas at well under 1, and the firm
    // part is below the load at utilisation.
    const mw = peakMw;
    const onGas = campusModel(twoHallCampus({ powerContracts: [{ name: "gas", counterparty: "Own plant", source: "gas-ccgt", contractedMw: mw, market: "pjm" }] }), subject);
    const gasContract = onGas.contracts.find((c) => c.name === "acc-gas" || c.name.endsWith("gas"))!;
    expect(gasContract.firmFraction).toBeLessThan(1);
    expect(gasContract.firmMw).toBeLessThan(probe.annualFacilityEnergyMwh / HOURS);
    expect(onGas.unservedHours).toBeGreaterThan(0);
    const verdicts = (fp: typeof onGas) =>
      Object.fromEntries(
        evaluateRules([{ urn: "urn:x", type: "aicluster:index:Campus", name: "acc", props: fp as unknown as Record<string, unknown> }], {})
          .filter((f) => f.policy === "energy-adequacy" || f.policy === "firm-power")
          .map((f) => [f.policy, f.status]),
      );
    expect(verdicts(onGas)).toEqual({ "firm-power": "violation", "energy-adequacy": "violation" });
    const onGrid = campusModel(twoHallCampus({ powerContracts: [{ name: "grid", counterparty: "AEP Ohio", source: "grid-pjm-ohio", contractedMw: mw * 1.1 }] }), subject);
    expect(onGrid.unservedHours).toBe(0);
    expect(verdicts(onGrid)).toEqual({ "firm-power": "pass", "energy-adequacy": "pass" });
  });
});
