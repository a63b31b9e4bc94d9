/**
 * Reads a JSON file an option names, safely, for every such option (`--policy-config`, `--baseline`): a regular file
 * only (not a device, FIFO or folder, checked before it is opened and again on the open file), at most a cap (never
 * more than the cap and one byte read), strict UTF-8, nested at most MAX_JSON_DEPTH levels (measured by a flat scan
 * before the recursive parser runs), strict JSON whose syntax errors and duplicate keys are reported by line and
 * column without echoing the file's content (the path may be anything a user typed, including a secret file).
 * Problems are UsageErrors naming the option and the file.
 */
import * as fs from "node:fs";
import { createScanner, printParseErrorCode, SyntaxKind, visit } from "jsonc-parser";
import { UsageError } from "./options";

/**
 * The deepest nesting of objects and lists a JSON file may have. Policy configs and reports are a few levels deep;
 * the bound keeps the recursive parser (and anything walking the value) far from the stack's limit.
 */
export const MAX_JSON_DEPTH = 64;

/** A problem with the file an option names: bad input, but the usage text would not help. */
export function fileError(message: string): UsageError {
  return new UsageError(message, false);
}

/** Line and column (1-based) of an offset in text. */
export function lineColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset);
  const line = before.split("\n").length;
  return { line, column: offset - before.lastIndexOf("\n") };
}

/** `not a regular file (a FIFO)`: what a file that is not a regular one is, for messages. */
function notRegular(stat: fs.Stats): string {
  const kind = stat.isDirectory() ? "a folder"
    : stat.isFIFO() ? "a FIFO"
    : stat.isCharacterDevice() ? "a character device"
    : stat.isBlockDevice() ? "a block device"
    : stat.isSocket() ? "a socket"
    : undefined;
  return kind === undefined ? "not a regular file" : `not a regular file (${kind})`;
}

/** Opening never blocks (a FIFO swapped in after the check) and never makes a terminal the controlling one. */
const OPEN_FLAGS = fs.constants.O_RDONLY | (fs.constants.O_NONBLOCK ?? 0) | (fs.constants.O_NOCTTY ?? 0);

/** The file's text: a regular file of at most `capBytes`, UTF-8. `option` leads every message; `what` says what is allowed. */
export function readBoundedText(file: string, option: string, capBytes: number, what: string): string {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(file);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw fileError(`${option}: ${code === "ENOENT" ? "no such file" : code === "EACCES" ? "permission denied" : `cannot read (${code ?? "error"})`}`);
  }
  // Checked before opening: opening a FIFO would block, and a device such as /dev/zero never ends.
  if (!stat.isFile()) throw fileError(`${option}: ${notRegular(stat)}; allowed: ${what}`);
  if (stat.size > capBytes) throw fileError(`${option}: ${stat.size} bytes; allowed: at most ${capBytes} bytes`);
  let fd: number;
  try {
    fd = fs.openSync(file, OPEN_FLAGS);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw fileError(`${option}: ${code === "EACCES" ? "permission denied" : `cannot read (${code ?? "error"})`}`);
  }
  try {
    // The file opened must be the file checked: a path swapped for a FIFO or a device in between is refused unread.
    const opened = fs.fstatSync(fd);
    if (!opened.isFile()) throw fileError(`${option}: ${notRegular(opened)}; allowed: ${what}`);
    if (opened.dev !== stat.dev || opened.ino !== stat.ino) throw fileError(`${option}: the file changed while it was read; allowed: a file that stays put`);
    // One byte past the size found: a file that grew since it was checked is noticed, and never read past the cap.
    const buffer = Buffer.alloc(Math.min(opened.size, stat.size) + 1);
    let length = 0;
    for (let n = -1; n !== 0 && length < buffer.length; length += n) n = fs.readSync(fd, buffer, length, buffer.length - length, length);
    if (length > stat.size || opened.size !== stat.size) throw fileError(`${option}: the file changed while it was read; allowed: a file that stays put`);
    try {
      return new TextDecoder("utf-8", { fatal: true }).decode(buffer.subarray(0, length));
    } catch {
      throw fileError(`${option}: not UTF-8 text; allowed: ${what}`);
    }
  } finally {
    fs.closeSync(fd);
  }
}

/**
 * Where the text first nests deeper than `maxDepth` objects and lists, or undefined: a flat scan of its tokens (no
 * recursion, so a file of 200,000 `[` cannot overflow the stack), run before any recursive parser sees the text.
 * Brackets inside strings are string content, not nesting; syntax errors are left to the parser.
 */
export function tooDeepAt(text: string, maxDepth = MAX_JSON_DEPTH): number | undefined {
  const scanner = createScanner(text, true);
  let depth = 0;
  for (let token = scanner.scan(); token !== SyntaxKind.EOF; token = scanner.scan()) {
    if (token === SyntaxKind.OpenBraceToken || token === SyntaxKind.OpenBracketToken) {
      if (++depth > maxDepth) return scanner.getTokenOffset();
    } else if (token === SyntaxKind.CloseBraceToken || token === SyntaxKind.CloseBracketToken) {
      depth = Math.max(0, depth - 1);
    }
  }
  return undefined;
}

/** A key for a message: as JSON, cut at 60 characters (keys are named, but a key can be any length). */
export function shortKey(key: string): string {
  return key.length > 60 ? `${JSON.stringify(key.slice(0, 57)).slice(0, -1)}..."` : JSON.stringify(key);
}

/**
 * The first problem of the text as JSON: nesting deeper than MAX_JSON_DEPTH (found first, without recursion), a
 * syntax error, or a key given twice in one object (JSON.parse would keep the last one silently).
 */
export function jsonSyntaxProblem(text: string, maxDepth = MAX_JSON_DEPTH): string | undefined {
  const at = (offset: number) => {
    const { line, column } = lineColumn(text, offset);
    return `line ${line}, column ${column}`;
  };
  const deep = tooDeepAt(text, maxDepth);
  if (deep !== undefined) return `nested deeper than ${maxDepth} levels at ${at(deep)}; allowed: at most ${maxDepth}`;
  let problem: string | undefined;
  const seen: Set<string>[] = [];
  visit(
    text,
    {
      onError: (error, offset) => void (problem ??= `invalid JSON at ${at(offset)}: ${printParseErrorCode(error)}`),
      onObjectBegin: () => void seen.push(new Set()),
      onObjectEnd: () => void seen.pop(),
      onObjectProperty: (key, offset) => {
        const keys = seen[seen.length - 1];
        if (keys.has(key)) problem ??= `key ${shortKey(key)} given twice in one object (${at(offset)}); allowed: each key once`;
        keys.add(key);
      },
    },
    { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false },
  );
  return problem;
}

/** The parsed JSON in `file` (see the module comment for what is checked). */
export function readJsonFile(file: string, option: string, capBytes: number, what: string): unknown {
  const text = readBoundedText(file, option, capBytes, what);
  const problem = jsonSyntaxProblem(text);
  if (problem) throw fileError(`${option}: ${problem}`);
  try {
    return JSON.parse(text);
  } catch {
    throw fileError(`${option}: not valid JSON`);
  }
}
