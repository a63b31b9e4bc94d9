/**
 * The program under check failed or never finished: exit 3 (as a crash, since the checker has no verdict), reported by
 * its message alone, which names the output or the work concerned. Told apart by name, as the bad-input errors are.
 */
export class ProgramError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = "ProgramError";
  }
}

export function isProgramError(e: unknown): e is ProgramError {
  return e instanceof Error && e.name === "ProgramError";
}

/** An error's message for a one-line report: its class when that says something, never its stack. */
export function describeError(e: unknown): string {
  if (e instanceof Error) return e.name && e.name !== "Error" ? `${e.name}: ${e.message}` : e.message;
  return typeof e === "string" ? e : `a thrown ${e === null ? "null" : typeof e} (not an Error)`;
}
