/**
 * Bad args at the construct boundary. The model throws the engine-free AiclusterInputError; a construct rethrows it
 * with its construct path in front (`[Stack/prometheus] aicluster:index:Campus "prometheus" has invalid args: ...`),
 * the way CDK and cdk8s name a construct in their own errors. Still `instanceof AiclusterInputError`, same `problems`.
 */
import type { IConstruct } from "constructs";
import type { InputProblem } from "../components/catalog/issues";
import { AiclusterInputError, isAiclusterInputError } from "../components/model/inputError";

/** An AiclusterInputError raised while building a construct: `constructPath` says which one. */
export class AiclusterConstructInputError extends AiclusterInputError {
  constructor(
    /** The path the construct would have had (`Stack/prometheus`); the error is thrown before it joins the tree. */
    readonly constructPath: string,
    resourceType: string,
    resourceName: string,
    problems: InputProblem[],
  ) {
    super(resourceType, resourceName, problems);
    this.message = `[${constructPath}] ${this.message}`;
  }
}

/** The path a construct `id` under `scope` gets (constructs 10 leaves the root's empty id out). */
export function pathUnder(scope: IConstruct, id: string): string {
  return scope.node.path ? `${scope.node.path}/${id}` : id;
}

/** Runs the model for a construct about to be created; an AiclusterInputError leaves naming the construct path. */
export function atConstructBoundary<T>(scope: IConstruct, id: string, model: () => T): T {
  try {
    return model();
  } catch (e) {
    if (isAiclusterInputError(e) && !(e instanceof AiclusterConstructInputError)) {
      throw new AiclusterConstructInputError(pathUnder(scope, id), e.resourceType, e.resourceName, e.problems);
    }
    throw e;
  }
}
