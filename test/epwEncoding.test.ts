/**
 * EPW files as they are published: many are Latin-1 (Windows-1252) where a station name has an accent, and read as
 * such; UTF-8 reads as UTF-8; binary content is still refused, naming the encoding.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { afterAll, describe, expect, it } from "vitest";
import { Catalog } from "../components/catalog";
import { formatEpw, readEpwFile, WeatherFileError, weatherYearOf } from "../components/weather";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "aicluster-epw-encoding-"));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const text = formatEpw(weatherYearOf(Catalog.withBuiltins().climates.get("temperate-generic")), { city: "Montréal-Trudeau", country: "CAN", source: "CWEC", wmo: "716270" });
function write(name: string, bytes: Buffer): string {
  const file = path.join(dir, name);
  fs.writeFileSync(file, bytes);
  return file;
}

describe("EPW file encodings", () => {
  it("reads a Latin-1 file (an accented station name) as Latin-1, the same hours as its UTF-8 twin", () => {
    const latin1 = Buffer.from(text, "latin1");
    expect(latin1.includes(0xe9)).toBe(true); // é as one Latin-1 byte: not valid UTF-8
    const fromLatin1 = readEpwFile(write("latin1.epw", latin1));
    const fromUtf8 = readEpwFile(write("utf8.epw", Buffer.from(text, "utf8")));
    expect(fromLatin1.station.city).toBe("Montréal-Trudeau");
    expect(fromUtf8.station.city).toBe("Montréal-Trudeau");
    expect(Array.from(fromLatin1.dryBulbC)).toEqual(Array.from(fromUtf8.dryBulbC));
    expect(Array.from(fromLatin1.wetBulbC)).toEqual(Array.from(fromUtf8.wetBulbC));
  });

  it("refuses binary content: NUL bytes or control bytes, naming the encoding", () => {
    const withNul = Buffer.concat([Buffer.from(text.slice(0, 200), "latin1"), Buffer.from([0x00]), Buffer.from(text.slice(200), "latin1")]);
    const withControl = Buffer.concat([Buffer.from(text.slice(0, 200), "latin1"), Buffer.from([0xe9, 0x02]), Buffer.from(text.slice(200), "latin1")]);
    for (const [name, bytes, what] of [["nul.epw", withNul, /binary data \(NUL bytes\)/], ["control.epw", withControl, /binary data \(control byte 0x02\)/]] as const) {
      const file = write(name, bytes);
      let error: unknown;
      try {
        readEpwFile(file);
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(WeatherFileError);
      expect((error as WeatherFileError).problems[0].field).toBe("encoding");
      expect((error as WeatherFileError).message).toMatch(what);
      expect((error as WeatherFileError).message).toContain(name);
    }
  });
});
