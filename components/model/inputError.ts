/**
 * The error for bad component args, with no Pulumi import: the model and the rules raise it, and each adapter turns
 * it into its own kind (the Pulumi components into `pulumi.InputPropertiesError`, see components/errors.ts).
 */
import { describeProblems, InputProblem } from "../catalog/issues";

/**
 * Marks every aicluster input error, whichever class carries it. `Symbol.for`, so two copies of the package loaded in
 * one process (the built dist and the sources, say) still recognise each other's errors.
 */
export const INPUT_ERROR_BRAND: unique symbol = Symbol.for("pulumi-aicluster.AiclusterInputError") as never;

/** What every aicluster input error carries, whichever class it is. */
export interface AiclusterInputErrorFields {
  /** Type token of the resource whose args are bad, e.g. `aicluster:index:DataHall`. */
  readonly resourceType: string;
  /** Name of that resource. */
  readonly resourceName: string;
  /** Each bad field, the value given and what is allowed. */
  readonly problems: InputProblem[];
  /** `<type> "<name>" has invalid args: <field> = <value>; allowed: <what>`, one line per problem when there are several. */
  readonly message: string;
}

/** `<type> "<name>" has invalid args: <field> = <value>; allowed: <what>`, one line per problem when there are several. */
export function inputErrorMessage(resourceType: string, resourceName: string, problems: readonly InputProblem[]): string {
  const head = `${resourceType} "${resourceName}" has invalid args`;
  return problems.length === 1 ? `${head}: ${describeProblems(problems)}` : `${head}:\n  - ${describeProblems(problems)}`;
}

/** True for any aicluster input error: the pure one the model throws and the Pulumi one the components throw. */
export function isAiclusterInputError(value: unknown): value is AiclusterInputErrorFields & Error {
  return value instanceof Error && (value as unknown as Record<symbol, unknown>)[INPUT_ERROR_BRAND] === true;
}

/**
 * Bad args for a component: `problems` lists each field, the value given and what is allowed.
 * `e instanceof AiclusterInputError` is also true for the error the Pulumi components throw (a
 * `pulumi.InputPropertiesError` carrying the same fields), so one check catches both.
 */
export class AiclusterInputError extends Error implements AiclusterInputErrorFields {
  /** The brand {@link isAiclusterInputError} checks. */
  readonly [INPUT_ERROR_BRAND] = true;

  constructor(
    /** Type token of the resource whose args are bad, e.g. `aicluster:index:DataHall`. */
    readonly resourceType: string,
    /** Name of that resource. */
    readonly resourceName: string,
    /** Each bad field, the value given and what is allowed. */
    readonly problems: InputProblem[],
  ) {
    super(inputErrorMessage(resourceType, resourceName, problems));
    this.name = "AiclusterInputError";
  }

  /**
   * `instanceof AiclusterInputError` holds for any aicluster input error (also the Pulumi components' and one from
   * another copy of the package); a subclass someone derives keeps the ordinary prototype check.
   */
  static [Symbol.hasInstance](value: unknown): boolean {
    return this === AiclusterInputError ? isAiclusterInputError(value) : Function.prototype[Symbol.hasInstance].call(this, value);
  }
}
