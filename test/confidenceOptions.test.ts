/** `--samples` and its companions on the command line: defaults, and one message per bad value naming what is allowed. */
import { describe, expect, it } from "vitest";
import { parseOptions } from "../plan/options";

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
