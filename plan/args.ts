/**
 * Command-line parsing for the planner, `aicluster check` and the bench: Node's `util.parseArgs` (no dependency), with
 * its tokens checked here so every mistake is one message naming the option and what is allowed: an unknown option,
 * a value missing (or swallowing the next option, `--depth --hourly`), a value given to a flag, a flag repeated where
 * it is not repeatable.
 */
import { parseArgs } from "node:util";

/** One option: a flag (boolean) or one that takes a value; `multiple` options may repeat. */
export interface OptionSpec {
  type: "boolean" | "string";
  short?: string;
  multiple?: boolean;
}

export type OptionSpecs = Record<string, OptionSpec>;

/** Parsed values: strings (arrays when `multiple`), `true` for flags given; absent when not given. */
export type ParsedValues = Record<string, string | string[] | boolean | undefined>;

/** A mistake on the command line; each command wraps it in its own usage error. */
export class ArgsError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "ArgsError";
  }
}

/**
 * Parses `argv` against `options`. A mistake is thrown as `usageError(message)`: each command passes its own usage
 * error class (the planner's prints the usage text; the bench's its own).
 */
export function parseCommandLine(
  argv: readonly string[],
  options: OptionSpecs,
  usageError: (message: string) => Error = (message) => new ArgsError(message),
): { values: ParsedValues; positionals: string[] } {
  let parsed;
  try {
    // strict: false so that the checks below, not parseArgs's own messages, name what is wrong.
    parsed = parseArgs({ args: [...argv], options, strict: false, allowPositionals: true, tokens: true });
  } catch (e) {
    throw usageError((e as Error).message.split("\n")[0]);
  }
  const seen = new Set<string>();
  for (const token of parsed.tokens) {
    if (token.kind !== "option") continue;
    const spec = options[token.name];
    if (!spec) throw usageError(`unknown option ${token.rawName}`);
    if (spec.type === "boolean" && token.value !== undefined) throw usageError(`${token.rawName} takes no value`);
    if (spec.type === "string" && (token.value === undefined || (!token.inlineValue && token.value.startsWith("-") && token.value.length > 1 && isNaN(Number(token.value))))) {
      throw usageError(`${token.rawName} needs a value`);
    }
    if (!spec.multiple && seen.has(token.name)) throw usageError(`--${token.name} given twice; allowed once`);
    seen.add(token.name);
  }
  return { values: parsed.values as ParsedValues, positionals: parsed.positionals };
}

/** A string option's value, when given. */
export function stringValue(values: ParsedValues, name: string): string | undefined {
  const v = values[name];
  return typeof v === "string" ? v : undefined;
}

/** A repeatable string option's values (none: empty). */
export function stringValues(values: ParsedValues, name: string): string[] {
  const v = values[name];
  return Array.isArray(v) ? v : typeof v === "string" ? [v] : [];
}
