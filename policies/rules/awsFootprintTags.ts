/** EC2 instances that realize modelled nodes carry the footprint tags policies and cost tools read. */
import { FOOTPRINT_TAGS, REQUIRED_INSTANCE_TAGS } from "../../components/aws/tags";
import { Finding, verdict } from "../finding";
import { defineRule } from "../rule";
import { tagsOf } from "../view";
import { pilotInstances } from "../awsScope";

export const awsFootprintTags = defineRule({
  name: "aws-footprint-tags",
  description: `EC2 instances of a GPU pilot carry the footprint tags ${REQUIRED_INSTANCE_TAGS.join(", ")} (IT kW a positive number).`,
  enforcementLevel: "mandatory",
  severity: "medium",
  remediationSteps: "Create GPU instances through AwsGpuCluster, or add the aicluster: tags.",
  config: {},
  evaluate(resources) {
    const findings: Finding[] = [];
    for (const instance of pilotInstances(resources)) {
      const tags = tagsOf(instance);
      const missing = REQUIRED_INSTANCE_TAGS.filter((k) => !tags[k]);
      const itKw = Number(tags[FOOTPRINT_TAGS.itKw]);
      const badKw = !missing.includes(FOOTPRINT_TAGS.itKw) && !(Number.isFinite(itKw) && itKw > 0);
      const problems = [...(missing.length ? [`missing ${missing.join(", ")}`] : []), ...(badKw ? [`${FOOTPRINT_TAGS.itKw} = "${tags[FOOTPRINT_TAGS.itKw]}" is not a positive number of kW`] : [])];
      findings.push(
        verdict(this.name, instance, "footprint tags present", problems.length
          ? { message: `${instance.name}: footprint tags ${problems.join("; ")}`, remediation: "create GPU instances through AwsGpuCluster, or add the aicluster: tags" }
          : undefined),
      );
    }
    return findings;
  },
});
