/** Racks must stay within their rated kW and within the density their hall supports. */
import { check, Finding, notApplicable } from "../finding";
import { defineRule } from "../rule";
import { numberProp, ofType, RACK_TYPES, TYPES } from "../view";
import { show } from "../../components/format/numbers";

export const rackDensity = defineRule({
  name: "rack-density",
  description: "Rack IT load must not exceed the rack's rated kW nor the hall's maxRackKw.",
  enforcementLevel: "mandatory",
  severity: "high",
  remediationSteps: "Fit fewer nodes per rack, choose a rack design rated for the load, or upgrade the hall power and cooling distribution.",
  config: {},
  evaluate(resources) {
    const findings: Finding[] = [];
    for (const rack of ofType(resources, ...RACK_TYPES)) {
      const load = numberProp(rack, "itLoadPerRackKw");
      const rated = numberProp(rack, "ratedKwPerRack");
      if (load === undefined || rated === undefined) findings.push(notApplicable(this.name, rack, ["itLoadPerRackKw", "ratedKwPerRack"]));
      else {
        findings.push(check(this.name, rack, { budget: "rack IT load (rack rating)", measured: load, limit: rated, unit: "kW" }, () => ({
          message: `${rack.name}: rack IT load ${show(load)} kW exceeds the rack's rating of ${show(rated)} kW`,
          remediation: "fit fewer nodes per rack or choose a rack design rated for the load",
        })));
      }
    }
    for (const hall of ofType(resources, TYPES.dataHall)) {
      const limit = numberProp(hall, "maxRackKw");
      if (limit === undefined) continue; // the hall sets no density limit
      const load = numberProp(hall, "maxRackItLoadKw");
      if (load === undefined) findings.push(notApplicable(this.name, hall, ["maxRackItLoadKw"]));
      else {
        findings.push(check(this.name, hall, { budget: "densest rack (hall maxRackKw)", measured: load, limit, unit: "kW" }, () => ({
          message: `${hall.name}: densest rack draws ${show(load)} kW, above the ${show(limit)} kW per rack the hall supports (maxRackKw)`,
          remediation: "fit fewer nodes per rack, or upgrade the hall's power and cooling distribution",
        })));
      }
    }
    return findings;
  },
});
