/**
 * Bad component args at the Pulumi boundary. The model throws the Pulumi-free AiclusterInputError
 * (components/model/inputError.ts); the components rethrow it as a `pulumi.InputPropertiesError`, one entry per field,
 * so the engine shows YAML, Python and other component-package users each property on its own.
 */
import * as pulumi from "@pulumi/pulumi";
import { describeReason, InputProblem } from "./catalog/issues";
import { AiclusterInputError, AiclusterInputErrorFields, INPUT_ERROR_BRAND, inputErrorMessage, isAiclusterInputError } from "./model/inputError";

export { AiclusterInputError, isAiclusterInputError };

/** One property's problem as Pulumi's InputPropertiesError lists it. */
export interface PropertyErrorDetails {
  propertyPath: string;
  reason: string;
}

type PropertiesErrorClass = new (args: { message: string; errors: PropertyErrorDetails[] }) => Error & { errors: PropertyErrorDetails[] };

/**
 * The SDK's InputPropertiesError (in @pulumi/pulumi since 3.135.1, so in all of the ^3.142 peer range), or, on an SDK
 * without it, a RunError carrying the same `errors` list.
 */
const sdkPropertiesError = (pulumi as unknown as { InputPropertiesError?: PropertiesErrorClass }).InputPropertiesError;
const PropertiesErrorBase: PropertiesErrorClass =
  typeof sdkPropertiesError === "function"
    ? sdkPropertiesError
    : class extends pulumi.RunError {
        readonly errors: PropertyErrorDetails[];
        constructor(args: { message: string; errors: PropertyErrorDetails[] }) {
          super(args.message);
          this.errors = args.errors;
        }
      };

/** Pulumi's property path for a problem's field: the field itself (`halls[0].racks[1].rackCount`), empty for the args or the name as a whole. */
export function propertyPathOf(field: string): string {
  return field.startsWith("(") ? "" : field;
}

/**
 * AiclusterInputError as the Pulumi components throw it: a `pulumi.InputPropertiesError` with one entry per field,
 * the same message, `resourceType`, `resourceName` and `problems`, and `instanceof AiclusterInputError` still true.
 */
export class AiclusterInputPropertiesError extends PropertiesErrorBase implements AiclusterInputErrorFields {
  readonly [INPUT_ERROR_BRAND] = true;
  /** Pulumi's RunError mark: the Node.js language host then prints the message without a stack trace. */
  readonly __pulumiRunError = true;

  constructor(
    readonly resourceType: string,
    readonly resourceName: string,
    readonly problems: InputProblem[],
  ) {
    super({
      message: inputErrorMessage(resourceType, resourceName, problems),
      errors: problems.map((p) => ({ propertyPath: propertyPathOf(p.field), reason: describeReason(p) })),
    });
    this.name = "AiclusterInputError";
  }
}

/** Runs the model for a component; an AiclusterInputError leaves as the Pulumi error, anything else unchanged. */
export function atPulumiBoundary<T>(model: () => T): T {
  try {
    return model();
  } catch (e) {
    if (isAiclusterInputError(e) && !(e instanceof AiclusterInputPropertiesError)) {
      throw new AiclusterInputPropertiesError(e.resourceType, e.resourceName, e.problems);
    }
    throw e;
  }
}
