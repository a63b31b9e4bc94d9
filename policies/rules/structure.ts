/** Every GPU node pool sits in a rack, every rack in a hall, every hall on a campus with power contracts and has a cooling plant. */
import { Finding, violation } from "../finding";
import { defineRule } from "../rule";
import { ofType, RACK_TYPES, ResourceView, TYPES } from "../view";

function placementFinding(policy: string, view: ResourceView, what: string, remediation: string): Finding {
  return violation(policy, view, { budget: "placement", measured: 0, limit: 1, unit: "count", bound: "min", message: `${view.name}: ${what}`, remediation });
}

export const structure = defineRule({
  name: "structure",
  description: "GPU nodes sit in racks, racks in halls, halls on a campus covered by a power contract, and each hall has a cooling plant.",
  enforcementLevel: "mandatory",
  severity: "high",
  remediationSteps: "Create nodes through racks, racks through halls, halls through a Campus with power contracts, and give each hall a cooling plant.",
  config: {},
  evaluate(resources) {
    const byUrn = new Map(resources.map((r) => [r.urn, r]));
    const parentType = (r: ResourceView) => (r.parent ? byUrn.get(r.parent)?.type : undefined);
    // One pass for the child types of every parent, instead of a scan of all resources per hall.
    const childTypes = new Map<string, Set<string>>();
    for (const r of resources) if (r.parent) (childTypes.get(r.parent) ?? childTypes.set(r.parent, new Set()).get(r.parent)!).add(r.type);
    const hasChild = (parent: ResourceView, type: string) => childTypes.get(parent.urn)?.has(type) ?? false;
    const isRack = (type: string | undefined) => RACK_TYPES.some((t) => t === type);
    const findings: Finding[] = [];
    for (const pool of ofType(resources, TYPES.nodePool)) {
      if (!isRack(parentType(pool))) findings.push(placementFinding(this.name, pool, "GPU nodes are not in a rack", "create nodes through a LiquidCooledRack or AirCooledRack"));
    }
    for (const rack of ofType(resources, ...RACK_TYPES)) {
      if (parentType(rack) !== TYPES.dataHall) findings.push(placementFinding(this.name, rack, "rack is not in a data hall", "create racks through a DataHall"));
    }
    for (const hall of ofType(resources, TYPES.dataHall)) {
      if (!hasChild(hall, TYPES.coolingPlant)) findings.push(placementFinding(this.name, hall, "hall has no cooling plant", "give the hall a `cooling` plant"));
      const campus = hall.parent ? byUrn.get(hall.parent) : undefined;
      if (campus?.type !== TYPES.campus) {
        findings.push(placementFinding(this.name, hall, "hall is not on a campus, so no power contract covers it", "create halls through a Campus with powerContracts"));
      } else if (!hasChild(campus, TYPES.powerContract)) {
        findings.push(placementFinding(this.name, hall, `no power contract covers the hall (campus ${campus.name} has none)`, "add powerContracts to the campus"));
      }
    }
    return findings;
  },
});
