/**
 * Reads `--policy-config <file>` safely: a regular file only (not a device, FIFO or directory), at most
 * MAX_POLICY_CONFIG_BYTES, parsed as strict JSON whose errors are reported by line and column without echoing the
 * file's content (the path may be anything a user typed, including a secret file). The parsed config is then checked
 * against every rule's schema by the policy engine.
 */
import * as fs from "fs";
import { printParseErrorCode, visit } from "jsonc-parser";
import { resolvePackConfig, PackConfig } from "../policies/evaluate";
import { RULES } from "../policies/rules";
import { UsageError } from "./options";

/** A problem with the file an option names: bad input, but the usage text would not help. */
function fileError(message: string): UsageError {
  return new UsageError(message, false);
}

export const MAX_POLICY_CONFIG_BYTES = 1024 * 1024;

/** Line and column (1-based) of an offset in text. */
export function lineColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset);
  const line = before.split("\n").length;
  return { line, column: offset - before.lastIndexOf("\n") };
}

function readBounded(file: string): string {
  const option = `--policy-config ${file}`;
  let stat: fs.Stats;
  try {
    stat = fs.statSync(file);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw fileError(`${option}: ${code === "ENOENT" ? "no such file" : code === "EACCES" ? "permission denied" : `cannot read (${code ?? "error"})`}`);
  }
  // Checked before opening: opening a FIFO would block, and a device such as /dev/zero never ends.
  if (!stat.isFile()) throw fileError(`${option}: not a regular file; allowed: a JSON file (the --policy-pack-config format)`);
  if (stat.size > MAX_POLICY_CONFIG_BYTES) throw fileError(`${option}: ${stat.size} bytes; allowed: at most ${MAX_POLICY_CONFIG_BYTES} bytes`);
  const fd = fs.openSync(file, "r");
  try {
    // Read no more than the cap plus one byte, whatever the file grew to since it was checked.
    const buffer = Buffer.alloc(MAX_POLICY_CONFIG_BYTES + 1);
    const length = fs.readSync(fd, buffer, 0, buffer.length, 0);
    if (length > MAX_POLICY_CONFIG_BYTES) throw fileError(`${option}: larger than ${MAX_POLICY_CONFIG_BYTES} bytes`);
    const text = buffer.subarray(0, length).toString("utf8");
    if (text.includes("\uFFFD")) throw fileError(`${option}: not UTF-8 text; allowed: a JSON file`);
    return text;
  } finally {
    fs.closeSync(fd);
  }
}

/** The first syntax error, or a key given twice in one object (JSON.parse would keep the last one silently): one scan. */
function syntaxProblem(text: string): string | undefined {
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

/** The policy config in `file`, parsed and checked against every rule (a UsageError or PolicyConfigError otherwise). */
export function readPolicyConfigFile(file: string): PackConfig {
  const text = readBounded(file);
  const problem = syntaxProblem(text);
  if (problem) throw fileError(`--policy-config ${file}: ${problem}`);
  let config: unknown;
  try {
    config = JSON.parse(text);
  } catch {
    throw fileError(`--policy-config ${file}: not valid JSON`);
  }
  resolvePackConfig(config, RULES, `--policy-config ${file}`);
  return config as PackConfig;
}
