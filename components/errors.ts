/** Errors raised by components for bad input: one message naming the resource, each field, its value and what is allowed. */
import * as pulumi from "@pulumi/pulumi";
import { describeProblems, InputProblem } from "./catalog/issues";

/**
 * Bad args for a component. A Pulumi RunError, so the engine prints the message without a stack trace.
 * `problems` lists each field, the value given and what is allowed, for programs that handle the error.
 */
export class AiclusterInputError extends pulumi.RunError {
  constructor(
    readonly resourceType: string,
    readonly resourceName: string,
    readonly problems: InputProblem[],
  ) {
    const head = `${resourceType} "${resourceName}" has invalid args`;
    super(problems.length === 1 ? `${head}: ${describeProblems(problems)}` : `${head}:\n  - ${describeProblems(problems)}`);
    this.name = "AiclusterInputError";
  }
}
