/**
 * Reads a JSON file an option names, safely, for every such option (`--policy-config`, `--baseline`): a regular file
 * only (not a device, FIFO or folder), at most a cap, strict UTF-8, strict JSON whose syntax errors and duplicate keys
 * are reported by line and column without echoing the file's content (the path may be anything a user typed,
 * including a secret file). Problems are UsageErrors naming the option and the file.
 */
import * as fs from "node:fs";
import { printParseErrorCode, visit } from "jsonc-parser";
import { UsageError } from "./options";

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
  if (!stat.isFile()) throw fileError(`${option}: not a regular file; allowed: ${what}`);
  if (stat.size > capBytes) throw fileError(`${option}: ${stat.size} bytes; allowed: at most ${capBytes} bytes`);
  const fd = fs.openSync(file, "r");
  try {
    // One byte past the size found: a file that grew since it was checked is noticed, and never read past the cap.
    const buffer = Buffer.alloc(stat.size + 1);
    let length = 0;
    for (let n = -1; n !== 0 && length < buffer.length; length += n) n = fs.readSync(fd, buffer, length, buffer.length - length, length);
    if (length > stat.size) throw fileError(`${option}: the file changed while it was read; allowed: a file that stays put`);
    try {
      return new TextDecoder("utf-8", { fatal: true }).decode(buffer.subarray(0, length));
    } catch {
      throw fileError(`${option}: not UTF-8 text; allowed: ${what}`);
    }
  } finally {
    fs.closeSync(fd);
  }
}

/** The first syntax error, or a key given twice in one object (JSON.parse would keep the last one silently): one scan. */
export function jsonSyntaxProblem(text: string): string | undefined {
  let problem: string | undefined;
  const at = (offset: number) => {
    const { line, column } = lineColumn(text, offset);
    return `line ${line}, column ${column}`;
  };
  const seen: Set<string>[] = [];
  visit(
    text,
    {
      onError: (error, offset) => void (problem ??= `invalid JSON at ${at(offset)}: ${printParseErrorCode(error)}`),
      onObjectBegin: () => void seen.push(new Set()),
      onObjectEnd: () => void seen.pop(),
      onObjectProperty: (key, offset) => {
        const keys = seen[seen.length - 1];
        if (keys.has(key)) problem ??= `key ${JSON.stringify(key)} given twice in one object (${at(offset)}); allowed: each key once`;
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
