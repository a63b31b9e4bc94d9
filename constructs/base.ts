/** What every aicluster construct shares: its type token, footprint and published outputs, the mark and the validation. */
import { Construct } from "constructs";
import type { ModelledOptions } from "../components/model/handoff";
import { atConstructBoundary } from "./errors";
import { IAiclusterConstruct, markAiclusterConstruct } from "./tree";
import { attachPolicyValidation, PolicyOptions } from "./validation";

/**
 * Options every aicluster construct takes. `modelled` (internal) is the footprint a parent construct already computed
 * for these args, handed to the child explicitly, as the Pulumi components take it.
 */
export interface AiclusterConstructOptions<F = unknown> extends ModelledOptions<F> {
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
export abstract class AiclusterConstruct<Footprint extends object, Outputs extends object> extends Construct implements IAiclusterConstruct {
  readonly resourceType: string;
  /** The footprint as plain numbers (the same object the Pulumi component's `footprint` holds for the same args). */
  readonly footprint: Footprint;
  /** What the matching Pulumi component registers as outputs: the values the rules read. */
  readonly outputs: Outputs;

  protected constructor(scope: Construct, id: string, type: string, footprint: Footprint, outputs: Outputs, options: AiclusterConstructOptions | undefined) {
    super(scope, id);
    this.resourceType = type;
    this.footprint = footprint;
    this.outputs = outputs;
    markAiclusterConstruct(this);
    attachPolicyValidation(this, options?.policy);
  }
}

/**
 * The footprint for a construct about to be created: the one its parent handed over in `options.modelled`, or the
 * model's (run before the construct joins the tree, so bad args leave no half-built construct behind).
 */
export function modelFor<F>(scope: Construct, id: string, options: ModelledOptions<F> | undefined, model: () => F): F {
  return options?.modelled ?? atConstructBoundary(scope, id, model);
}
