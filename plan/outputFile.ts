/**
 * Writing reports to files the user named. A run writes all of its reports or none: every target is checked first,
 * each report goes to a temporary file beside its target, and only when all of them are written are they renamed
 * into place. A bad path is bad input (exit 2) naming the flag and the file, never a stack trace.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { UsageError } from "./options";

export interface ReportFile {
  /** The flag that named the file (`--out`, `--html`, `--output-dir`), for messages. */
  flag: string;
  file: string;
  text: string;
}

/** Refuses a target that cannot take a report: its folder missing, or the path a folder or a device. */
function checkTarget({ flag, file }: ReportFile): string {
  const target = path.resolve(file);
  const dir = path.dirname(target);
  const dirStat = fs.statSync(dir, { throwIfNoEntry: false });
  if (!dirStat?.isDirectory()) throw new UsageError(`${flag} ${file}: allowed a file in an existing folder (${dir} ${dirStat ? "is not a folder" : "does not exist"})`, false);
  const stat = fs.statSync(target, { throwIfNoEntry: false });
  if (stat && !stat.isFile()) throw new UsageError(`${flag} ${file}: allowed a regular file (it is ${stat.isDirectory() ? "a folder" : "not a regular file"})`, false);
  return target;
}

function failure(report: ReportFile, e: unknown): UsageError {
  return new UsageError(`${report.flag} ${report.file}: cannot be written (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`, false);
}

/**
 * Writes every report or none. `beforeCommit` runs once all are written to temporary files and before any is renamed
 * into place (a step that may still fail, such as appending to GitHub's step summary); if it throws, nothing is left.
 */
export function writeReportFiles(reports: readonly ReportFile[], beforeCommit?: () => void): void {
  const targets = reports.map(checkTarget);
  const seen = new Map<string, ReportFile>();
  reports.forEach((r, i) => {
    const other = seen.get(targets[i]);
    if (other) throw new UsageError(`${r.flag} ${r.file}: the same file as ${other.flag} ${other.file}; allowed: one report per file`, false);
    seen.set(targets[i], r);
  });
  const temps = targets.map((t) => `${t}.${process.pid}.tmp`);
  const removeTemps = () => temps.forEach((t) => fs.rmSync(t, { force: true }));
  try {
    reports.forEach((r, i) => {
      try {
        fs.writeFileSync(temps[i], r.text);
      } catch (e) {
        throw failure(r, e);
      }
    });
    beforeCommit?.();
  } catch (e) {
    removeTemps();
    throw e;
  }
  // Renames within one folder do not fail for want of space; a failure here (the target replaced by a folder since the
  // check) still leaves no temporary file behind.
  reports.forEach((r, i) => {
    try {
      fs.renameSync(temps[i], targets[i]);
    } catch (e) {
      removeTemps();
      throw failure(r, e);
    }
  });
}
