/**
 * Input guards for the pure physics functions. Components validate their args with
 * zod first, so these fire only when physics is called directly with bad numbers:
 * they turn NaN, infinities and out-of-range values into one readable error.
 */

/** Raised by a physics function given a value outside its domain. */
export class PhysicsInputError extends RangeError {
  constructor(
    /** Name of the argument or field that is out of range, e.g. `approachK`. */
    readonly parameter: string,
    /** The value given. */
    readonly value: unknown,
    /** What would be accepted, e.g. `a finite number from 0 to 30`. */
    readonly allowed: string,
  ) {
    super(`${parameter} = ${String(value)} is out of range; allowed: ${allowed}`);
    this.name = "PhysicsInputError";
  }
}

/** A finite number >= min (and <= max when given). */
export function requireInRange(parameter: string, value: number, min: number, max = Infinity): number {
  if (typeof value !== "number" || !Number.isFinite(value) || value < min || value > max) {
    const allowed = max === Infinity ? `a finite number >= ${min}` : `a finite number from ${min} to ${max}`;
    throw new PhysicsInputError(parameter, value, allowed);
  }
  return value;
}

/** A finite number > 0. */
export function requirePositive(parameter: string, value: number): number {
  if (typeof value !== "number" || !Number.isFinite(value) || value <= 0) {
    throw new PhysicsInputError(parameter, value, "a finite number > 0");
  }
  return value;
}

/** A fraction in [0, 1]. */
export function requireFraction(parameter: string, value: number): number {
  return requireInRange(parameter, value, 0, 1);
}

/** A whole number >= min. */
export function requireCount(parameter: string, value: number, min = 0): number {
  if (!Number.isInteger(value) || value < min) {
    throw new PhysicsInputError(parameter, value, `a whole number >= ${min}`);
  }
  return value;
}
