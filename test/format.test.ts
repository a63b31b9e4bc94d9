/** The one number formatter and table renderer (components/format/) every output uses. */
import { describe, expect, it } from "vitest";
import { count, fixed, megabytes, quantity, show, upTo } from "../components/format/numbers";
import { markdownTable, textTable } from "../components/format/table";

describe("numbers", () => {
  it("show: about four significant figures, fewer decimals as values grow", () => {
    expect([12345.6, 999.95, 123.45, 1.23456, 0.123456, -0.5, 0].map(show)).toEqual(["12,346", "1,000", "123.5", "1.235", "0.1235", "-0.5", "0"]);
  });
  it("fixed, upTo, count, quantity, megabytes", () => {
    expect(fixed(1.1, 3)).toBe("1.100");
    expect(fixed(1234.5, 0)).toBe("1,235");
    expect(upTo(0.000001, 6)).toBe("0.000001");
    expect(upTo(2.5, 3)).toBe("2.5");
    expect(count(1_800_000)).toBe("1,800,000");
    expect(quantity(0.075, "share")).toBe("7.5 %");
    expect(quantity(12.5, "MW")).toBe("12.5 MW");
    expect(quantity(1.2345, "")).toBe("1.235");
    expect(megabytes(3.5 * 1024 * 1024)).toBe("4 MB");
  });
});

describe("tables", () => {
  it("text: columns two spaces apart, as wide as their widest cell, right-aligned where asked, trailing spaces trimmed", () => {
    expect(textTable([["name", "n"], ["a", "10"], ["bbb", "2"]], { align: ["left", "right"], headerRule: true, indent: "  " })).toEqual([
      "  name   n",
      "  ----  --",
      "  a     10",
      "  bbb    2",
    ]);
    expect(textTable([["k", "v"], ["long key", ""]])).toEqual(["k         v", "long key"]);
    expect(textTable([])).toEqual([]);
  });
  it("Markdown: pipes in cells escaped unless the caller escaped them", () => {
    expect(markdownTable(["a", "b"], [["x|y", "1"]])).toEqual(["| a | b |", "|---|---|", "| x\\|y | 1 |"]);
    expect(markdownTable(["a"], [["x\\|y"]], (s) => s)).toEqual(["| a |", "|---|", "| x\\|y |"]);
  });
});
