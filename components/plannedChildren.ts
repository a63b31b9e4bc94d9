/**
 * The one wiring from a planned node to its child components: each child of the node, in order, created with the
 * name and args the plan derived, `{ parent, plan: child }`. The parents differ only in which class each child type
 * is; what the children are and what they get is decided once, in components/model/plan.ts.
 */
import type * as pulumi from "@pulumi/pulumi";
import type { PlannedOptions } from "./model/handoff";
import type { PlannedResource } from "./model/plan";

/** A component class a plan can create: `new Ctor(name, args, { parent, plan })`. */
export type PlannedClass<C extends pulumi.ComponentResource = pulumi.ComponentResource> = new (
  name: string,
  // Each class takes its own args and node type; the plan derived them for it (the node's type picks the class).
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  args: any,
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  opts: pulumi.ComponentResourceOptions & PlannedOptions<any>,
) => C;

/** Creates the node's children under `parent`, each with the class `classes` names for its type. */
export function createPlannedChildren(parent: pulumi.ComponentResource, node: PlannedResource, classes: Readonly<Record<string, PlannedClass>>): pulumi.ComponentResource[] {
  return node.children.map((child) => {
    const Ctor = classes[child.type];
    if (!Ctor) throw new Error(`aicluster: a ${node.type} has no component class for its child type ${child.type}`);
    return new Ctor(child.name, child.args, { parent, plan: child });
  });
}
