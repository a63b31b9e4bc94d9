/** Pulumi's rule for a stack name: letters, digits, '-', '_' and '.', at most 100 characters (so no path separators). */
export const STACK_NAME = /^[A-Za-z0-9_.-]{1,100}$/;

export const STACK_NAME_ALLOWED = "letters, digits, '-', '_' and '.', at most 100 characters (no path separators)";

export function isValidStackName(stack: string): boolean {
  return STACK_NAME.test(stack) && stack !== "." && stack !== "..";
}
