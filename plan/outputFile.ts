/** Writing a report to a file the user named: a bad path is bad input (exit 2) naming it, never a stack trace. */
import * as fs from "node:fs";
import * as path from "node:path";
import { UsageError } from "./options";

/** Writes `text` to `file` through a temporary file in the same folder, so a failed write leaves no half report. */
export function writeReportFile(flag: string, file: string, text: string): void {
  const target = path.resolve(file);
  const dir = path.dirname(target);
  const dirStat = fs.statSync(dir, { throwIfNoEntry: false });
  if (!dirStat?.isDirectory()) throw new UsageError(`${flag} ${file}: allowed a file in an existing folder (${dir} ${dirStat ? "is not a folder" : "does not exist"})`, false);
  const stat = fs.statSync(target, { throwIfNoEntry: false });
  if (stat && !stat.isFile()) throw new UsageError(`${flag} ${file}: allowed a regular file (it is ${stat.isDirectory() ? "a folder" : "not a regular file"})`, false);
  const temp = `${target}.${process.pid}.tmp`;
  try {
    fs.writeFileSync(temp, text);
    fs.renameSync(temp, target);
  } catch (e) {
    fs.rmSync(temp, { force: true });
    throw new UsageError(`${flag} ${file}: cannot be written (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`, false);
  }
}
