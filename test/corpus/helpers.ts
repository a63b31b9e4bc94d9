/**
 * The bad-input corpus: each case is a row of data (what to run, the error class, the field it must name, the exit
 * code the planner gives for it), so a new case is one more row. Nothing here imports the code under test: tables
 * that need the components get them as an argument (they load after Pulumi's mocks), and `exitCodeOf` is passed in.
 */
import { expect } from "vitest";

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type ErrorClass = abstract new (...args: any[]) => Error;

/** One bad input and what it must produce. */
export interface BadInputCase<Ctx = void> {
  name: string;
  /** Throws (or rejects) with the expected error; returning normally is a silent acceptance. */
  run: (ctx: Ctx) => unknown;
  errorClass: ErrorClass;
  /**
   * The field the error names. For errors with structured problems (`problems`, `parameter`) it is one problem's
   * field exactly (a policy problem's is `<policy>.<key>`, or `<policy>` for the rule's entry itself); for the rest
   * (UsageError, DuplicateUrnError) the message must contain it. The message always contains it.
   */
  field: string;
  /** The value the problem reports, when the key is present (compared with toEqual, so NaN matches NaN). */
  value?: unknown;
  /** Text the problem's `allowed` (or, without problems, the message) must contain. */
  allowed?: string;
  /**
   * What the message must contain instead of the field, for the few messages that name a field by its value (a
   * duplicate catalog id reads `climate "x" is already in the catalog`; its problem still names the field `id`).
   */
  messageNames?: string;
  /** More checks on the message. */
  message?: RegExp;
  /** Text the message must not contain (e.g. a file's content). */
  notInMessage?: string;
  /** `exitCodeOf(error)` from plan/cli.ts: 2 bad input, 3 a crash (internal errors only). */
  exit: 2 | 3;
}

/** A problem as the corpus compares it, whatever the error class calls its parts. */
export interface NamedProblem {
  field: string;
  value?: unknown;
  allowed?: string;
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null;
}

/** The structured problems of an error, or undefined when it has none (its message is all there is). */
export function problemsOf(e: unknown): NamedProblem[] | undefined {
  if (!isRecord(e)) return undefined;
  if (typeof e.parameter === "string") return [{ field: e.parameter, value: e.value, allowed: String(e.allowed) }];
  if (!Array.isArray(e.problems)) return undefined;
  return e.problems.map((p: Record<string, unknown>) => {
    if (typeof p.policy === "string") return { field: p.key === "(rule)" ? p.policy : `${p.policy}.${String(p.key)}`, value: p.value, allowed: String(p.allowed) };
    if (typeof p.key === "string") return { field: p.key, value: p.value, allowed: String(p.allowed) };
    return { field: String(p.field), value: p.value, allowed: String(p.allowed) };
  });
}

/** What `run` threw or rejected with; fails the test when it returned normally. */
export async function thrownBy(run: () => unknown): Promise<unknown> {
  try {
    await run();
  } catch (e) {
    return e;
  }
  throw new Error("silently accepted: expected an error, nothing was thrown");
}

/** Runs one case and checks class, field (value, allowed), message and exit code. */
export async function expectBadInput<Ctx>(k: BadInputCase<Ctx>, ctx: Ctx, exitCodeOf: (e: unknown) => number): Promise<Error> {
  const e = await thrownBy(() => k.run(ctx));
  if (!(e instanceof k.errorClass)) {
    // Show what was thrown instead, not just the class mismatch.
    throw new Error(`expected ${k.errorClass.name}, got ${e instanceof Error ? `${e.name}: ${e.message}` : String(e)}`);
  }
  const error = e as Error;
  const problems = problemsOf(error);
  if (problems) {
    const fields = problems.map((p) => p.field);
    expect(fields, error.message).toContain(k.field);
    const problem = problems.find((p) => p.field === k.field)!;
    if ("value" in k) expect(problem.value).toEqual(k.value);
    if (k.allowed !== undefined) expect(problem.allowed).toContain(k.allowed);
  } else if (k.allowed !== undefined) {
    expect(error.message).toContain(k.allowed);
  }
  expect(error.message).toContain(k.messageNames ?? k.field);
  if (k.message) expect(error.message).toMatch(k.message);
  if (k.notInMessage !== undefined) expect(error.message).not.toContain(k.notInMessage);
  expect(exitCodeOf(error)).toBe(k.exit);
  return error;
}

/** Prints the number of cases of a file once (the brief asks each file to report its count). */
export function reportCount(file: string, count: number): void {
  console.log(`bad-input corpus: ${file}: ${count} cases`);
}
