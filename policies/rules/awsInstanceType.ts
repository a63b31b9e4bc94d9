/**
 * An EC2 instance that realizes modelled nodes runs an instance type whose GPUs are its declared accelerator.
 * The pack runs in its own process, so it knows the built-in instance types, not ones a program registered.
 */
import { BUILTIN_AWS_INSTANCE_TYPES } from "../../components/catalog/awsInstanceTypes";
import { FOOTPRINT_TAGS } from "../../components/aws/tags";
import { Finding, notApplicable, verdict } from "../finding";
import { defineRule } from "../rule";
import { tagsOf } from "../view";
import { instanceTypeOf, pilotInstances } from "../awsScope";

export const awsInstanceType = defineRule({
  name: "aws-instance-type",
  description: "EC2 instances of a GPU pilot run an instance type whose GPUs are the accelerator they declare (tag aicluster:accelerator).",
  enforcementLevel: "mandatory",
  severity: "high",
  remediationSteps: "Realize the nodes with AwsGpuCluster, which picks the instance type from the accelerator.",
  config: {},
  evaluate(resources) {
    const findings: Finding[] = [];
    const known = BUILTIN_AWS_INSTANCE_TYPES.map((t) => t.id).join(", ");
    for (const instance of pilotInstances(resources)) {
      const type = instanceTypeOf(instance);
      const declared = tagsOf(instance)[FOOTPRINT_TAGS.accelerator];
      if (type === undefined || declared === undefined) {
        findings.push(notApplicable(this.name, instance, [...(type === undefined ? ["instanceType"] : []), ...(declared === undefined ? [`tag ${FOOTPRINT_TAGS.accelerator}`] : [])]));
        continue;
      }
      const spec = BUILTIN_AWS_INSTANCE_TYPES.find((t) => t.id === type);
      const broken = !spec
        ? { message: `${instance.name}: instance type ${type} is not a GPU type in the catalog (known: ${known})`, remediation: "use a built-in type; the pack knows only those, so for a type of your own set this rule to advisory" }
        : spec.acceleratorId !== declared
          ? { message: `${instance.name}: instance type ${type} carries ${spec.acceleratorId} GPUs, but the instance declares ${declared}`, remediation: "realize the nodes with AwsGpuCluster, which picks the type from the accelerator" }
          : undefined;
      findings.push(verdict(this.name, instance, `instance type ${type} carries ${declared} GPUs, as declared`, broken));
    }
    return findings;
  },
});
