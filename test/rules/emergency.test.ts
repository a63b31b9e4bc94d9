/** Rule emergency-power: where the market may curtail a large load's grid service (ERCOT, Texas SB 6), the campus's own firm supply carries the backup share. */
import { beforeAll, describe, expect, it } from "vitest";
import { show } from "../../components/format/numbers";
import { campusModel, type CampusArgs } from "../../components/model/campus";
import { components, findingsFor, fitting, summary } from "./fixture";

const subject = { type: "aicluster:index:Campus", name: "t" };

/** The fixture's 8-rack campus in Abilene on ERCOT grid service, with `onsiteMw` of firm nuclear behind the meter (not derated by the weather). */
function texan(onsiteMw: number): CampusArgs {
  return fitting({
    climate: "abilene-tx", market: "ercot",
    powerContracts: [
      { name: "grid", counterparty: "utility", source: "grid-ercot", contractedMw: 1.5 },
      { name: "onsite", counterparty: "own plant", source: "nuclear", market: "behind-the-meter", firmFraction: 1, contractedMw: onsiteMw },
    ],
  });
}

describe("emergency-power", () => {
  beforeAll(async () => {
    await components();
  });

  it("fails when the on-site 0.3 MW carries less than half the peak-hour load, naming both and the curtailable 1.5 MW", async () => {
    const peak = campusModel(texan(0.3), subject).peakFacilityPowerMw;
    expect(0.3).toBeLessThan(0.5 * peak);
    const { all } = await findingsFor("tx", texan(0.3));
    const found = all.filter((f) => f.policy === "emergency-power");
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ status: "violation", enforcementLevel: "advisory", limit: 0.5 * peak, bound: "min", unit: "MW" });
    // Firm 1.5 + 0.3 MW less the curtailable 1.5 MW, in floating point.
    expect(found[0].measured).toBeCloseTo(0.3, 12);
    expect(found[0].message).toMatch(new RegExp(`^tx: in an energy emergency the grid operator may curtail its 1\\.5 MW of grid service \\(its market's large-load rules\\); its own firm supply, 0\\.3 MW, carries ${show((0.3 / peak) * 100).replace(".", "\\.")} % of the ${show(peak).replace(".", "\\.")} MW peak-hour load \\(.+\\), below the 50 % the rules look for$`));
    expect(found[0].remediation).toBe(`add ${show(0.5 * peak - 0.3)} MW of on-site firm generation or storage for those years, or contract firm supply the emergency rules do not curtail`);
  });

  it("passes with on-site firm supply above half the peak, or with a lower share configured", async () => {
    const { all } = await findingsFor("tx2", texan(0.8));
    expect(all.filter((f) => f.policy === "emergency-power").map((f) => f.status)).toEqual(["pass"]);
    const { all: lower } = await findingsFor("tx3", texan(0.3), { "emergency-power": { minBackupShare: 0.25 } });
    expect(lower.filter((f) => f.policy === "emergency-power").map((f) => f.status)).toEqual(["pass"]);
  });

  it("says nothing of a campus without curtailable grid service (PJM)", async () => {
    const { all } = await findingsFor("oh", fitting());
    expect(summary(all.filter((f) => f.policy === "emergency-power"))).toEqual([]);
  });
});
