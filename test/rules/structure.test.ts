/**
 * Structure rule: GPU nodes in racks, racks in halls, halls on a campus with power contracts, each hall with a
 * cooling plant. It reports only what is out of place: a compliant tree gives no finding at all.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { structure } from "../../policies/rules";
import { components, compliantViews, findingsFor, findingsOf, fitting, reparented, summary, violations, viewsOf, without } from "./fixture";

let c: Awaited<ReturnType<typeof components>>;
beforeAll(async () => {
  c = await components();
});

describe("structure", () => {
  it("compliant: the fixture's tree, nodes to campus, has nothing out of place", async () => {
    expect(findingsOf("structure", await compliantViews())).toEqual([]);
  });

  it("non-compliant: a hall without its cooling plant", async () => {
    expect(summary(findingsOf("structure", without(await compliantViews(), "fx-h1-cooling")))).toEqual([
      ["fx-h1", "violation", "mandatory", "fx-h1: hall has no cooling plant"],
    ]);
  });

  it("non-compliant: a campus without power contracts", async () => {
    expect(summary(findingsOf("structure", without(await compliantViews(), "fx-grid", "fx-nuclear", "fx-expansion")))).toEqual([
      ["fx-h1", "violation", "mandatory", "fx-h1: no power contract covers the hall (campus fx has none)"],
    ]);
  });

  it("non-compliant: a hall not on a campus, a rack not in a hall, nodes not in a rack", async () => {
    const views = await compliantViews();
    expect(summary(findingsOf("structure", reparented(views, "fx-h1", undefined)))).toEqual([
      ["fx-h1", "violation", "mandatory", "fx-h1: hall is not on a campus, so no power contract covers it"],
    ]);
    expect(summary(findingsOf("structure", reparented(views, "fx-h1-air", "fx")))).toEqual([
      ["fx-h1-air", "violation", "mandatory", "fx-h1-air: rack is not in a data hall"],
    ]);
    expect(summary(findingsOf("structure", reparented(views, "fx-h1-nvl-nodes", "fx-h1")))).toEqual([
      ["fx-h1-nvl-nodes", "violation", "mandatory", "fx-h1-nvl-nodes: GPU nodes are not in a rack"],
    ]);
  });

  it("flags halls without a plant or contracts, and racks or nodes outside the tree", async () => {
    const { findings } = await findingsFor("bare", fitting({ halls: [{ name: "h1", racks: [{ name: "nvl", design: "gb200-nvl72", rackCount: 1, supplyTempC: 40 }] }] }), { "firm-power": { enforcementLevel: "disabled" } });
    expect(findings.filter((f) => f.policy === "structure").map((f) => f.message)).toEqual(["bare-h1: hall has no cooling plant"]);
    // A Campus requires a contract; a campus view without one (from another producer) is still flagged.
    const campus = { type: "aicluster:index:Campus", urn: "urn:c", name: "c", props: {} };
    const hall = { type: "aicluster:index:DataHall", urn: "urn:h", name: "c-h", parent: "urn:c", props: {} };
    const plant = { type: "aicluster:index:CoolingPlant", urn: "urn:p", name: "c-h-cooling", parent: "urn:h", props: {} };
    expect(violations([campus, hall, plant], {}, [structure]).map((f) => f.message)).toEqual([
      "c-h: no power contract covers the hall (campus c has none)",
    ]);
    new c.LiquidCooledRack("loose", { design: "gb200-nvl72", rackCount: 1 });
    const loose = violations(await viewsOf("loose"));
    expect(loose.map((f) => f.message)).toEqual(["loose: rack is not in a data hall"]);
  });
});
