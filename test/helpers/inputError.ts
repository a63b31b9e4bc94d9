/** The AiclusterInputError a call throws, as its message and the fields it names (fails the test when none is thrown). */
import { expect } from "vitest";
import { AiclusterInputError } from "../../components/errors";

export function inputError(fn: () => unknown): { message: string; fields: string[] } {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(AiclusterInputError);
    const err = e as AiclusterInputError;
    return { message: err.message, fields: err.problems.map((p) => p.field) };
  }
  throw new Error("expected an AiclusterInputError, nothing was thrown");
}
