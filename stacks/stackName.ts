/** Pulumi's rule for a stack name: letters, digits, '-', '_' and '.', at most 100 characters (so no path separators). */
export const STACK_NAME = /^[A-Za-z0-9_.-]{1,100}$/;

export const STACK_NAME_ALLOWED = "letters, digits, '-', '_' and '.', at most 100 characters (no path separators)";

/** A stack name alone (what `pulumi.getStack()` returns, and the `<stack>` of `Pulumi.<stack>.yaml`). */
export function isValidStackName(stack: string): boolean {
  return STACK_NAME.test(stack) && stack !== "." && stack !== "..";
}

/** An organization or project part of a stack reference: the same characters as a stack name. */
const PART = /^[A-Za-z0-9_.-]{1,100}$/;

export const STACK_REFERENCE_ALLOWED = `a stack name (${STACK_NAME_ALLOWED}), or <org>/<stack> or <org>/<project>/<stack> as the Pulumi CLI takes it`;

/** `--stack` as the Pulumi CLI takes it: `dev`, `acme/dev` or `acme/myproject/dev`. */
export interface StackReference {
  organization?: string;
  project?: string;
  /** The stack's own name: what `pulumi.getStack()` returns and what names `Pulumi.<name>.yaml`. */
  name: string;
}

/** Parses a stack reference; undefined when it is not one (an empty part, `.` or `..`, a fourth part, other characters). */
export function parseStackReference(reference: string): StackReference | undefined {
  const parts = reference.split("/");
  if (parts.length > 3) return undefined;
  if (!parts.every((p) => PART.test(p) && p !== "." && p !== "..")) return undefined;
  const name = parts[parts.length - 1];
  if (!isValidStackName(name)) return undefined;
  if (parts.length === 1) return { name };
  if (parts.length === 2) return { organization: parts[0], name };
  return { organization: parts[0], project: parts[1], name };
}

export function isValidStackReference(reference: string): boolean {
  return parseStackReference(reference) !== undefined;
}

/** The stack's own name in a reference (`acme/proj/dev` -> `dev`); the reference itself when it is not one. */
export function stackShortName(reference: string): string {
  return parseStackReference(reference)?.name ?? reference;
}
