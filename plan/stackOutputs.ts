/**
 * A program's stack outputs as a preview shows them: each exported value resolved on its own, secrets as `[secret]`,
 * values the preview cannot know (a provider's computed property, a StackReference's output) as `[unknown]`. Under
 * the mocks an unknown Output never runs `apply` callbacks, so an output is read through its known/secret flags and
 * its value with unknowns kept, never through `apply` (which would wait forever).
 */
import * as pulumi from "@pulumi/pulumi";
import { describeError, ProgramError } from "./programError";

export const SECRET_OUTPUT = "[secret]";
export const UNKNOWN_OUTPUT = "[unknown]";

/** The SDK's Output as this module reads it: its flags and its value with unknowns left in (internal but long stable). */
interface OutputInternals {
  isKnown: Promise<boolean>;
  isSecret: Promise<boolean>;
  promise(withUnknowns?: boolean): Promise<unknown>;
}

/** Plain data nested deeper than this is shown as is (as the engine, a stack output is data, not a graph). */
const MAX_DEPTH = 32;

function isPlainObject(value: object): boolean {
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

async function resolveValue(value: unknown, depth: number): Promise<unknown> {
  if (depth > MAX_DEPTH) return value;
  // An exported resource is its URN (the engine would record its whole state; a report needs which resource it is).
  if (pulumi.Resource.isInstance(value)) return resolveValue((value as pulumi.Resource).urn, depth + 1);
  if (pulumi.Output.isInstance(value)) {
    const output = value as unknown as OutputInternals;
    const [known, secret] = await Promise.all([output.isKnown, output.isSecret]);
    if (secret) return SECRET_OUTPUT;
    const inner = await output.promise(true);
    if (!known && inner === undefined) return UNKNOWN_OUTPUT;
    return resolveValue(inner, depth + 1);
  }
  if (pulumi.isUnknown(value)) return UNKNOWN_OUTPUT;
  if (value === null || typeof value !== "object") return value;
  if (typeof (value as { then?: unknown }).then === "function") return resolveValue(await (value as PromiseLike<unknown>), depth + 1);
  if (Array.isArray(value)) return Promise.all(value.map((v) => resolveValue(v, depth + 1)));
  if (!isPlainObject(value)) return value;
  const entries = await Promise.all(Object.entries(value).map(async ([k, v]) => [k, await resolveValue(v, depth + 1)] as const));
  return Object.fromEntries(entries);
}

export interface OutputResolution {
  /** Settles with every output resolved, or rejects with a ProgramError naming the first output that failed. */
  done: Promise<Record<string, unknown>>;
  /** The outputs not resolved yet (for a message saying what is still pending). */
  pending(): string[];
}

/** Resolves each stack output on its own, so one that fails or never settles is named. */
export function resolveStackOutputs(outputs: Record<string, unknown>): OutputResolution {
  const waiting = new Set(Object.keys(outputs));
  const done = Promise.all(
    Object.entries(outputs).map(async ([name, value]) => {
      try {
        const resolved = await resolveValue(value, 0);
        waiting.delete(name);
        return [name, resolved] as const;
      } catch (e) {
        throw new ProgramError(`stack output ${JSON.stringify(name)} failed: ${describeError(e)}`, { cause: e });
      }
    }),
  ).then((entries) => Object.fromEntries(entries));
  return { done, pending: () => [...waiting] };
}
