/** Errors of the weather layer: bad weather files and climates that cannot make an hourly year. No Pulumi import. */
import { showValue, type InputProblem } from "../catalog/issues";

/**
 * A weather file that cannot be read as an hourly year: one line naming the file, the line, the field, the value and
 * what is allowed (`site.epw:57: dry bulb (field 7) = 99.9; allowed: ...`). Never a stack trace in the planner's
 * output: it is bad input (exit 2).
 */
export class WeatherFileError extends Error {
  /** The problem as the rest of the toolkit reports one (field, value, allowed). */
  readonly problems: InputProblem[];

  constructor(
    /** The file as the user named it. */
    readonly file: string,
    /** 1-based line of the file, or undefined for a problem with the file as a whole. */
    readonly line: number | undefined,
    /** The field of the file that is wrong, e.g. `dry bulb (field 7)`. */
    readonly field: string,
    /** The value read. */
    readonly value: unknown,
    /** What would be accepted. */
    readonly allowed: string,
  ) {
    super(`${file}${line === undefined ? "" : `:${line}`}: ${field} = ${showValue(value)}; allowed: ${allowed}`);
    this.name = "WeatherFileError";
    this.problems = [{ field, value, allowed }];
  }
}

/** A climate that lacks what the hourly weather year is generated from (a user's climate with design values only). */
export class WeatherInputError extends Error {
  constructor(
    /** Catalog id of the climate. */
    readonly climateId: string,
    /** Each missing or unusable input (e.g. `location`), with what is needed. */
    readonly problems: InputProblem[],
  ) {
    super(`climate ${JSON.stringify(climateId)} cannot make an hourly weather year: ${problems.map((p) => `${p.field} = ${showValue(p.value)}; allowed: ${p.allowed}`).join("; ")}`);
    this.name = "WeatherInputError";
  }
}
