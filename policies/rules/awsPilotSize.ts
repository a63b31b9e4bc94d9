/** An AWS pilot stays a pilot: its instances within a configured cap. */
import { check, Finding } from "../finding";
import { wholeNumberIn } from "../../components/model/ranges";
import { defineRule } from "../rule";
import { ofType, TYPES } from "../view";

export const awsPilotSize = defineRule({
  name: "aws-pilot-size",
  description: "Each AwsGpuCluster launches at most maxPilotNodes EC2 instances.",
  enforcementLevel: "mandatory",
  severity: "high",
  remediationSteps: "Lower aicluster:awsPilotNodes (or nodeCount), or raise aws-pilot-size's maxPilotNodes in the policy config.",
  config: {
    maxPilotNodes: wholeNumberIn(0, 256).default(16).describe("Most EC2 instances one AwsGpuCluster may launch."),
  },
  evaluate(resources, config) {
    const findings: Finding[] = [];
    const instances = ofType(resources, TYPES.awsInstance);
    for (const pilot of ofType(resources, TYPES.awsPilot)) {
      const count = instances.filter((i) => i.parent === pilot.urn).length;
      findings.push(check(this.name, pilot, { budget: "pilot instances", measured: count, limit: config.maxPilotNodes, unit: "instances" }, () => ({
        message: `${pilot.name}: the pilot launches ${count} instances, above the cap of ${config.maxPilotNodes}`,
        remediation: "lower aicluster:awsPilotNodes (or nodeCount), or raise aws-pilot-size's maxPilotNodes in the policy config",
      })));
    }
    return findings;
  },
});
