/**
 * Reads an EPW file from disk safely: a regular file only (not a directory, device or FIFO), at most MAX_EPW_BYTES,
 * text (UTF-8, or Latin-1 as many published files are). Parsed years are cached by resolved path, modification time and size, so halls that share a file parse it
 * once and an edited file is read again.
 */
import * as fs from "fs";
import * as path from "path";
import { parseEpw, type EpwWeatherYear } from "./epw";
import { WeatherFileError } from "./errors";

/** Largest EPW file read, bytes (a full EPW year is about 1.6 MiB; 20 MiB leaves room for long comment lines). */
export const MAX_EPW_BYTES = 20 * 1024 * 1024;

const cache = new Map<string, EpwWeatherYear>();
const CACHE_LIMIT = 16;

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
  const key = `${resolved}\0${stat.mtimeMs}\0${stat.size}`;
  const cached = cache.get(key);
  if (cached) return cached;

  let text: string;
  const fd = fs.openSync(resolved, "r");
  try {
    // Read no more than the cap plus one byte, whatever the file grew to since it was checked.
    const buffer = Buffer.alloc(Math.min(stat.size, MAX_EPW_BYTES) + 1);
    const length = fs.readSync(fd, buffer, 0, buffer.length, 0);
    if (length > MAX_EPW_BYTES) throw new WeatherFileError(file, undefined, "size", `more than ${MAX_EPW_BYTES} bytes`, `at most ${MAX_EPW_BYTES} bytes (20 MiB)`);
    const bytes = buffer.subarray(0, length);
    text = bytes.toString("utf8");
    // Many published EPW files are Latin-1 (Windows-1252) where a station name has an accent: every byte is a
    // Latin-1 character, so such a file reads as that instead of being refused.
    if (text.includes("\uFFFD")) text = bytes.toString("latin1");
  } finally {
    fs.closeSync(fd);
  }
  if (text.includes("\0")) throw new WeatherFileError(file, undefined, "encoding", "binary data (NUL bytes)", "an EPW text file (ASCII, UTF-8 or Latin-1)");
  const control = /[\x01-\x08\x0b\x0c\x0e-\x1f\x7f]/.exec(text);
  if (control) throw new WeatherFileError(file, undefined, "encoding", `binary data (control byte 0x${control[0].charCodeAt(0).toString(16).padStart(2, "0")})`, "an EPW text file (ASCII, UTF-8 or Latin-1)");

  const year = parseEpw(text, file);
  if (cache.size >= CACHE_LIMIT) cache.delete(cache.keys().next().value!);
  cache.set(key, year);
  return year;
}
