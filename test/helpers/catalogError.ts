/** The CatalogError a registration throws, checked for the fields its problems name and its whole message. */
import { expect } from "vitest";
import { CatalogError, type InputProblem } from "../../components/catalog";

/** The CatalogError `fn` throws, asserting its class, the fields its problems name and its whole message. */
export function catalogError(fn: () => unknown, fields: string[], message: string): CatalogError {
  let thrown: unknown;
  try {
    fn();
  } catch (e) {
    thrown = e;
  }
  expect(thrown).toBeInstanceOf(CatalogError);
  const error = thrown as CatalogError;
  expect(error.problems.map((p: InputProblem) => p.field)).toEqual(fields);
  expect(error.message).toBe(message);
  return error;
}
