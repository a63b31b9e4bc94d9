/** `--samples` and its companions on the command line: defaults, and one message per bad value naming what is allowed. */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";
import { Catalog } from "../components/catalog";
import { main } from "../plan/cli";
import { parseOptions } from "../plan/options";
import { catalogError } from "./helpers/catalogError";

const bad = (argv: string[], mode: "plan" | "check" = "plan") => {
  try {
    parseOptions(argv, mode);
  } catch (e) {
    return (e as Error).message;
  }
  return "no error";
};

describe("confidence options", () => {
  it("have defaults, and take what is given", () => {
    expect(parseOptions(["hyperion"]).confidence).toBeUndefined();
    expect(parseOptions(["hyperion", "--samples", "1000"]).confidence).toEqual({ samples: 1000, seed: "aicluster", weatherYears: 10, fragileAbove: 0.1, fragileLevel: "advisory" });
    expect(parseOptions(["hyperion", "--samples", "50", "--seed", "x y", "--weather-years", "3", "--fragile-above", "0.05", "--fragile-level", "mandatory", "--workers", "2"]).confidence)
      .toEqual({ samples: 50, seed: "x y", weatherYears: 3, fragileAbove: 0.05, fragileLevel: "mandatory", workers: 2 });
  });

  it("refuse bad values with what is allowed", () => {
    expect(bad(["h", "--samples", "1"])).toBe("--samples 1: allowed a whole number from 2 to 100000");
    expect(bad(["h", "--samples", "1e3"])).toBe("--samples 1e3: allowed a whole number from 2 to 100000");
    expect(bad(["h", "--samples", "10", "--weather-years", "0"])).toBe("--weather-years 0: allowed a whole number from 1 to 100");
    expect(bad(["h", "--samples", "10", "--fragile-above", "1.5"])).toBe("--fragile-above 1.5: allowed a share from 0 to 1 in decimal notation, e.g. 0.1 for 10 %");
    expect(bad(["h", "--samples", "10", "--fragile-above", "NaN"])).toBe("--fragile-above NaN: allowed a share from 0 to 1 in decimal notation, e.g. 0.1 for 10 %");
    expect(bad(["h", "--samples", "10", "--fragile-level", "warn"])).toBe("--fragile-level warn: allowed advisory (the default: fragile budgets are reported, not blocking) or mandatory (a fragile budget exits 1)");
    expect(bad(["h", "--samples", "10", "--seed", ""])).toBe('--seed "": allowed 1 to 64 printable characters');
    expect(bad(["h", "--samples", "10", "--workers", "0"])).toBe("--workers 0: allowed a whole number from 1 to 64");
  });

  it("refuse a companion without --samples, and --samples with --engine", () => {
    expect(bad(["h", "--seed", "x"])).toBe("--seed: allowed with --samples <n> (it sets how the confidence run draws or judges its samples)");
    expect(bad(["h", "--workers", "2"])).toBe("--workers: allowed with --samples <n> (it sets how the confidence run draws or judges its samples)");
    expect(bad([".", "--stack", "dev", "--engine", "--samples", "10"], "check")).toBe("--samples: not with --engine (a confidence run plans the campuses again in the checker, from the plans the mock run keeps; run it without --engine)");
  });
});

describe("bad weather for a confidence run fails where it enters", () => {
  afterEach(() => void vi.restoreAllMocks());

  it("--weather-file that is no EPW file: exit 2 naming the flag and the file, before any sample", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "aicluster-weather-file-"));
    try {
      const file = path.join(dir, "short.epw");
      fs.writeFileSync(file, "LOCATION,X,-,-,-,999999,40,-83,-5,200\n");
      const errors: string[] = [];
      vi.spyOn(console, "error").mockImplementation((...a: unknown[]) => void errors.push(a.join(" ")));
      vi.spyOn(console, "log").mockImplementation(() => {});
      expect(await main(["prometheus", "--samples", "2", "--weather-file", file])).toBe(2);
      expect(errors[0]).toMatch(new RegExp(`^error: --weather-file ${file.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}: `));
      expect(errors[0]).toContain("short.epw");
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);

  it("a climate's weatherSeed must be 1 to 64 characters", () => {
    const c = Catalog.withBuiltins();
    const ohio = c.climates.get("central-ohio");
    catalogError(() => c.climates.register({ ...ohio, weatherSeed: "" }, { replace: true }), ["weatherSeed"],
      'invalid climate "central-ohio": weatherSeed = ""; allowed: 1 to 64 characters');
    catalogError(() => c.climates.register({ ...ohio, weatherSeed: "x".repeat(65) }, { replace: true }), ["weatherSeed"],
      `invalid climate "central-ohio": weatherSeed = "${"x".repeat(65)}"; allowed: 1 to 64 characters`);
  });
});
