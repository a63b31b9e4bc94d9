/** Which EC2 instances the AWS rules look at: those that carry an aicluster tag or run a built-in GPU instance type. */
import { BUILTIN_AWS_INSTANCE_TYPES } from "../components/catalog/awsInstanceTypes";
import { ofType, ResourceView, tagsOf, TYPES } from "./view";

export function instanceTypeOf(view: ResourceView): string | undefined {
  return typeof view.props.instanceType === "string" ? view.props.instanceType : undefined;
}

/** Instances that realize modelled GPU nodes. */
export function pilotInstances(resources: readonly ResourceView[]): ResourceView[] {
  return ofType(resources, TYPES.awsInstance).filter((i) => {
    const type = instanceTypeOf(i);
    return Object.keys(tagsOf(i)).some((k) => k.startsWith("aicluster:")) || (type !== undefined && BUILTIN_AWS_INSTANCE_TYPES.some((t) => t.id === type));
  });
}
