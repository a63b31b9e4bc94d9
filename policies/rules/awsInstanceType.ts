/** An EC2 instance that realizes modelled nodes runs the instance type the catalog maps to its declared accelerator. */
import { catalog } from "../../components/catalog";
import { FOOTPRINT_TAGS } from "../../components/aws/model";
import { Finding, notApplicable, verdict } from "../finding";
import type { Rule } from "../rule";
import { tagsOf } from "../view";
import { instanceTypeOf, pilotInstances } from "./awsScope";

export const awsInstanceType: Rule<Record<string, never>> = {
  name: "aws-instance-type",
  description: "EC2 instances of a GPU pilot run an instance type whose GPUs are the accelerator they declare (tag aicluster:accelerator).",
  enforcementLevel: "mandatory",
  defaults: {},
  configSchema: {},
  evaluate(resources) {
    const findings: Finding[] = [];
    const known = catalog.awsInstanceTypes.ids().join(", ");
    for (const instance of pilotInstances(resources)) {
      const type = instanceTypeOf(instance);
      const declared = tagsOf(instance)[FOOTPRINT_TAGS.accelerator];
      if (type === undefined || declared === undefined) {
        findings.push(notApplicable(this.name, instance, [...(type === undefined ? ["instanceType"] : []), ...(declared === undefined ? [`tag ${FOOTPRINT_TAGS.accelerator}`] : [])]));
        continue;
      }
      const spec = catalog.awsInstanceTypes.has(type) ? catalog.awsInstanceTypes.get(type) : undefined;
      const broken = !spec
        ? { message: `${instance.name}: instance type ${type} is not a GPU type in the catalog (known: ${known})`, remediation: "use a catalog type, or register it with catalog.awsInstanceTypes.register()" }
        : spec.acceleratorId !== declared
          ? { message: `${instance.name}: instance type ${type} carries ${spec.acceleratorId} GPUs, but the instance declares ${declared}`, remediation: "realize the nodes with AwsGpuCluster, which picks the type from the accelerator" }
          : undefined;
      findings.push(verdict(this.name, instance, `instance type ${type} carries ${declared} GPUs, as declared`, broken));
    }
    return findings;
  },
};
