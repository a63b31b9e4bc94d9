/** What every aicluster construct shares: its type token, footprint and published outputs, the mark and the validation. */
import { Construct } from "constructs";
import type { PlannedOptions } from "../components/model/handoff";
import type { PlannedResource } from "../components/model/plan";
import { atConstructBoundary } from "./errors";
import { IAiclusterConstruct, markAiclusterConstruct } from "./tree";
import { attachPolicyValidation, PolicyOptions } from "./validation";

/**
 * Options every aicluster construct takes. `plan` (internal) is the construct's node of the tree its parent planned
 * (components/model/plan.ts), handed to the child explicitly, as the Pulumi components take it.
 */
export interface AiclusterConstructOptions<P = PlannedResource> extends PlannedOptions<P> {
  /**
   * How the rules run at synthesis. Read from the top aicluster construct of a tree (a Campus, or a hall or rack group
   * created on its own); an error on a construct inside another aicluster construct.
   */
  policy?: PolicyOptions;
}

/**
 * Base of the aicluster constructs. Unlike the Pulumi components (which Pulumi's component-package analyzer needs to
 * extend ComponentResource directly), constructs can share a base class.
 */
export abstract class AiclusterConstruct<Footprint, Outputs extends object> extends Construct implements IAiclusterConstruct {
  readonly resourceType: string;
  /** The footprint as plain numbers (the same object the Pulumi component's `footprint` holds for the same args). */
  readonly footprint: Footprint;
  /** What the matching Pulumi component registers as outputs: the values the rules read. */
  readonly outputs: Outputs;

  protected constructor(scope: Construct, id: string, plan: PlannedResource<unknown, Footprint, Outputs>, options: AiclusterConstructOptions<unknown> | undefined) {
    super(scope, id);
    this.resourceType = plan.type;
    this.footprint = plan.footprint;
    this.outputs = plan.outputs;
    markAiclusterConstruct(this);
    attachPolicyValidation(this, options?.policy);
  }
}

/**
 * The plan of a construct about to be created: the node its parent handed over in `options.plan`, or its own (planned
 * before the construct joins the tree, so bad args leave no half-built construct behind).
 */
export function planFor<P>(scope: Construct, id: string, options: PlannedOptions<P> | undefined, plan: () => P): P {
  return options?.plan ?? atConstructBoundary(scope, id, plan);
}

/** A construct class a plan can create: `new Ctor(scope, id, args, { plan })`. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- each class takes its own args and node; the plan derived them for it
export type PlannedConstructClass = new (scope: Construct, id: string, args: any, options: AiclusterConstructOptions<any>) => Construct;

/** Creates the node's children in `scope`, each with the class `classes` names for its type (the one wiring, as components/plannedChildren.ts). */
export function createPlannedConstructs(scope: Construct, node: PlannedResource, classes: Readonly<Record<string, PlannedConstructClass>>): Construct[] {
  return node.children.map((child) => {
    const Ctor = classes[child.type];
    if (!Ctor) throw new Error(`aicluster: a ${node.type} has no construct class for its child type ${child.type}`);
    return new Ctor(scope, child.name, child.args, { plan: child });
  });
}
