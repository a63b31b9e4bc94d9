/**
 * Reads an EPW file from disk safely: a regular file only (not a directory, device or FIFO), at most MAX_EPW_BYTES,
 * text (UTF-8, or Latin-1 as many published files are). Parsed years are memoised by the file's content (sha256 of the
 * bytes read) and the name it is shown by, so halls that share a file parse it once, and an edited file is parsed
 * again even when its size and modification time did not change (a cache keyed by path, mtime and size would serve
 * it stale).
 *
 * The year's origin names the file as the user gave it relative to the working directory (the project's folder, where
 * Pulumi runs a program), or by its base name when it lies outside: plans and reports carry the origin, and must not
 * embed an absolute path of the user's machine (stack settings resolve `aicluster:weatherFile` to an absolute path).
 */
import { createHash } from "crypto";
import * as fs from "fs";
import * as path from "path";
import { ValueMemo } from "../memo";
import { parseEpw, type EpwWeatherYear } from "./epw";
import { WeatherFileError } from "./errors";

/** Largest EPW file read, bytes (a full EPW year is about 1.6 MiB; 20 MiB leaves room for long comment lines). */
export const MAX_EPW_BYTES = 20 * 1024 * 1024;

/** Parsed years kept: each holds four 8,760-hour series (about 280 kB), so fewer than the memos' default. */
const PARSED_YEARS_KEPT = 16;
const parsedYears = new ValueMemo<EpwWeatherYear>(PARSED_YEARS_KEPT);

/**
 * How a report names a weather file: relative to the working directory, with "/" separators, when the file lies
 * inside it; else its base name. Never an absolute path.
 */
export function shownEpwName(file: string, cwd: string = process.cwd()): string {
  const resolved = path.resolve(cwd, file);
  const relative = path.relative(cwd, resolved);
  const inside = relative !== "" && !relative.startsWith(`..${path.sep}`) && relative !== ".." && !path.isAbsolute(relative);
  return inside ? relative.split(path.sep).join("/") : path.basename(resolved);
}

/** The weather year in an EPW file; a WeatherFileError naming the file for anything unreadable or malformed. */
export function readEpwFile(file: string): EpwWeatherYear {
  const resolved = path.resolve(file);
  let stat: fs.Stats;
  try {
    stat = fs.statSync(resolved);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const why = code === "ENOENT" ? "no such file" : code === "EACCES" ? "permission denied" : `cannot read (${code ?? "error"})`;
    throw new WeatherFileError(file, undefined, "path", why, "a readable EPW file");
  }
  // Checked before opening: opening a FIFO would block, and a device such as /dev/zero never ends.
  if (!stat.isFile()) throw new WeatherFileError(file, undefined, "path", stat.isDirectory() ? "a directory" : "not a regular file", "a regular EPW file");
  if (stat.size > MAX_EPW_BYTES) throw new WeatherFileError(file, undefined, "size", `${stat.size} bytes`, `at most ${MAX_EPW_BYTES} bytes (20 MiB)`);

  let bytes: Buffer;
  const fd = fs.openSync(resolved, "r");
  try {
    // Read no more than the cap plus one byte, whatever the file grew to since it was checked.
    const buffer = Buffer.alloc(Math.min(stat.size, MAX_EPW_BYTES) + 1);
    const length = fs.readSync(fd, buffer, 0, buffer.length, 0);
    if (length > MAX_EPW_BYTES) throw new WeatherFileError(file, undefined, "size", `more than ${MAX_EPW_BYTES} bytes`, `at most ${MAX_EPW_BYTES} bytes (20 MiB)`);
    bytes = buffer.subarray(0, length);
  } finally {
    fs.closeSync(fd);
  }
  const shown = shownEpwName(file);
  const key = `${createHash("sha256").update(bytes).digest("hex")}\0${shown}`;
  // A file that fails to parse throws inside compute, so nothing is kept for it.
  return parsedYears.get(key, () => parseBytes(bytes, file, shown));
}

/** The year in a file's bytes: `file` (as given) names it in errors, `shown` in the year's origin. */
function parseBytes(bytes: Buffer, file: string, shown: string): EpwWeatherYear {
  let text = bytes.toString("utf8");
  // Many published EPW files are Latin-1 (Windows-1252) where a station name has an accent: every byte is a
  // Latin-1 character, so such a file reads as that instead of being refused.
  if (text.includes("\uFFFD")) text = bytes.toString("latin1");
  if (text.includes("\0")) throw new WeatherFileError(file, undefined, "encoding", "binary data (NUL bytes)", "an EPW text file (ASCII, UTF-8 or Latin-1)");
  const control = /[\x01-\x08\x0b\x0c\x0e-\x1f\x7f]/.exec(text);
  if (control) throw new WeatherFileError(file, undefined, "encoding", `binary data (control byte 0x${control[0].charCodeAt(0).toString(16).padStart(2, "0")})`, "an EPW text file (ASCII, UTF-8 or Latin-1)");

  return parseEpw(text, file, shown);
}
