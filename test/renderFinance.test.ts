/**
 * A campus's money in the text and Markdown reports (plan/renderFinance.ts through plan/render.ts): exact lines for a
 * hand-made campus, worked out by hand; where the levelised cost sits against a rental band at the band's ends;
 * hostile names escaped; columns left out when every row is zero; nothing printed as NaN, null or undefined; and the
 * JSON report carrying the published `finance` output as it is.
 */
import { describe, expect, it } from "vitest";
import type { CostYearRow } from "../components/costs/campusCost";
import type { UsdRange } from "../components/costs/range";
import type { CampusFinance } from "../components/finance/types";
import { TYPES } from "../policies/view";
import { withSchemaVersion } from "../plan/cli";
import { jsonSafe } from "../plan/neutralise";
import { renderMarkdown, renderText } from "../plan/render";
import { moneySpan, percentOf, rateRange, refreshLines, rentalVerdict } from "../plan/renderFinance";
import { type CampusCosts, campusCosts, type PlanReport } from "../plan/report";
import { cellsOf, mdTableAfter, tableAfter } from "./helpers/tables";

/** low 0.8, high 1.25 of the base (a payment's high estimate is its most negative). */
const r = (base: number): UsdRange => ({ low: base * 0.8, base, high: base * 1.25 });
const ZERO: UsdRange = { low: 0, base: 0, high: 0 };

function finance(over: Partial<CampusFinance> = {}): CampusFinance {
  return {
    structure: "joint-venture",
    costOfCapital: "meta-wacc",
    discountRate: { low: 0.06, base: 0.075, high: 0.09 },
    presentValueYear: 2026,
    tcoUsd: { low: 9e9, base: 1.05e10, high: 1.32e10 },
    presentValueCostUsd: { low: 6.1e9, base: 7.2e9, high: 9.05e9 },
    residualValueUsd: { low: 8e8, base: 1e9, high: 1.25e9 },
    npvUsd: { low: -5.3e9, base: -6.2e9, high: -7.8e9 },
    levelisedCostUsdPerGpuHour: { low: 1.84, base: 2.21, high: 2.79 },
    refreshCapexUsd: { low: 1.6e9, base: 2e9, high: 2.5e9 },
    refreshes: [
      { year: 2031, asset: "hall-a", category: "cooling-plant", capexUsd: r(10e6) },
      { year: 2031, asset: "hall-b", category: "cooling-plant", capexUsd: r(10e6) },
      ...[1, 2, 3, 4].map((i) => ({ year: 2035, asset: `hall-${i}`, category: "it-hardware", toDesign: "vera-rubin-nvl72", capexUsd: r(495e6) })),
    ],
    cashFlows: [
      { year: 2025, projectUsd: r(-1e9), ownerUsd: r(-5e8), partnerUsd: r(-5e8), lendersUsd: ZERO },
      { year: 2026, projectUsd: r(-2e8), ownerUsd: r(-3e8), partnerUsd: r(1e8), lendersUsd: ZERO },
    ],
    parties: [
      { role: "owner", name: "operator", npvUsd: { low: -3.1e9, base: -3.6e9, high: -4.4e9 } },
      { role: "partner", name: "Blue Owl", npvUsd: { low: 2.1e8, base: 1.5e8, high: 4e7 }, irr: { low: 0.11, base: 0.085, high: 0.062 } },
    ],
    rentalBands: [
      { id: "h100-od", accelerator: "h100", term: "on-demand", usdPerGpuHour: { low: 2.2, base: 2.99, high: 4.5 }, ofCampus: false, source: "GPU cloud price survey", checked: "2025-05-01" },
      { id: "gb200-1y", accelerator: "gb200", term: "1-year reserved", usdPerGpuHour: { low: 2.5, base: 3, high: 3.6 }, ofCampus: true, source: "Neocloud list prices", checked: "2025-06-01" },
      { id: "a100-od", accelerator: "a100", term: "on-demand", usdPerGpuHour: { low: 1.1, base: 1.4, high: 1.8 }, ofCampus: false, source: "GPU cloud price survey", checked: "2025-05-01" },
    ],
    ...over,
  };
}

function row(year: number, over: Partial<CostYearRow> = {}): CostYearRow {
  return {
    year, capexUsd: r(1e9), ownerCapexUsd: r(1e9), partnerCapexUsd: ZERO, refreshCapexUsd: ZERO, ownerOnBalanceSheetCapexUsd: r(1e9),
    energyCostUsd: r(3e7), capacityCostUsd: r(2e6), demandChargeUsd: r(1e6), ppaSettlementUsd: ZERO, waterCostUsd: r(1e5), maintenanceUsd: r(1.69e7),
    opexUsd: r(5e7), depreciationUsd: r(1e8), leasePaymentsUsd: ZERO, gpuHours: 1e8, costUsdPerGpuHour: r(1.5), capitalChargeUsd: r(1.2e8),
    costWithCapitalUsdPerGpuHour: r(1.7), energyCostUsdPerMwh: r(80),
    ...over,
  };
}

function campus(over: Partial<CampusCosts> = {}): CampusCosts {
  return {
    campus: "lab",
    capex: [{ category: "it-hardware", capexUsd: r(1.2e9), usefulLifeYears: 5, maintenanceShareOfCapex: 0.03 }],
    capexUsd: r(1.2e9),
    rows: [
      row(2025),
      row(2026, { capexUsd: r(2e8), refreshCapexUsd: r(2e8), capacityCostUsd: ZERO, maintenanceUsd: r(1.89e7), depreciationUsd: r(1.2e8), capitalChargeUsd: r(1.5e8), gpuHours: 0 }),
    ],
    costMissing: [],
    finance: finance(),
    ...over,
  };
}

function reportWith(costs: CampusCosts[]): PlanReport {
  return {
    project: "aicluster", stack: "test", config: {}, resourceCount: 0, resourcesByType: [], tree: [], outputs: {}, budgets: [],
    years: [], costs, monthly: [], findings: [], verdict: "pass", wallSeconds: 0,
  };
}

/** The lines from a title line (included) up to the blank line that ends its block. */
function blockAt(text: string, title: RegExp): string[] {
  const lines = text.split("\n");
  const at = lines.findIndex((l) => title.test(l));
  expect(at, `no line matching ${title}`).toBeGreaterThanOrEqual(0);
  const end = lines.findIndex((l, i) => i > at && l.trim() === "");
  return lines.slice(at, end === -1 ? undefined : end);
}

describe("the money of a hand-made campus in the text report", () => {
  const text = renderText(reportWith([campus()]));

  it("prints the money summary, exactly", () => {
    expect(blockAt(text, /^Money, campus lab /)).toEqual([
      "Money, campus lab (USD, low / base / high at the cost catalog's low, base and high estimates; present values at the base discount rate):",
      "  structure                                        joint-venture",
      "  discount rate                                    7.5 % (6-9 %), cost of capital meta-wacc",
      "  present values in                                2026",
      "  total cost of ownership (undiscounted)           $9.00B / $10.5B / $13.2B",
      "  present value of costs                           $6.10B / $7.20B / $9.05B",
      "  residual value (book, end of horizon)            $800M / $1.00B / $1.25B",
      "  net present value                                -$5.30B / -$6.20B / -$7.80B",
      "  levelised cost per GPU-hour with capital charge  $1.84 / $2.21 / $2.79",
      "  refresh capex                                    $1.60B / $2.00B / $2.50B (6 replacements)",
    ]);
  });

  it("holds the base levelised cost against each rental band, the campus's own first", () => {
    const lines = blockAt(text, /^Levelised cost against market rental prices, campus lab /);
    expect(lines[0]).toBe("Levelised cost against market rental prices, campus lab (USD per GPU-hour; the campus's base levelised cost with capital charge against each band's low and high; the campus's own accelerators first):");
    expect(lines.slice(1).map(cellsOf)).toEqual([
      ["accelerator", "campus's", "term", "band low / base / high", "levelised cost (base)", "verdict", "source", "checked"],
      ["gb200", "yes", "1-year reserved", "$2.50 / $3.00 / $3.60", "$2.21", "below the band", "Neocloud list prices", "2025-06-01"],
      ["h100", "no", "on-demand", "$2.20 / $2.99 / $4.50", "$2.21", "within the band", "GPU cloud price survey", "2025-05-01"],
      ["a100", "no", "on-demand", "$1.10 / $1.40 / $1.80", "$2.21", "above the band", "GPU cloud price survey", "2025-05-01"],
    ]);
  });

  it("adds the money columns to the cost by year, leaving out the PPA settlement that is zero in every year", () => {
    const [header, ...rows] = tableAfter(text, /^Cost by year, campus lab /).map(cellsOf);
    expect(header).toEqual([
      "year", "capex", "capex low-high", "opex", "opex low-high", "energy", "water", "maintenance", "depreciation",
      "refresh capex", "capacity & demand", "capital charge", "book cost/GPU-h", "cost/GPU-h with capital",
    ]);
    expect(rows).toEqual([
      ["2025", "$1.00B", "$800M-$1.25B", "$50.0M", "$40.0M-$62.5M", "$30.0M", "$100k", "$16.9M", "$100M", "$0", "$3.00M", "$120M", "$1.50", "$1.70"],
      ["2026", "$200M", "$160M-$250M", "$50.0M", "$40.0M-$62.5M", "$30.0M", "$100k", "$18.9M", "$120M", "$200M", "$1.00M", "$150M", "-", "-"],
    ]);
  });

  it("prints the cash flows by party, leaving out the lenders, who have none", () => {
    expect(blockAt(text, /^Cash flows by party, campus lab /)).toEqual([
      "Cash flows by party, campus lab (USD, base; received positive, paid negative):",
      "  year  project  owner   partner",
      "  2025  -$1.00B  -$500M  -$500M",
      "  2026  -$200M   -$300M  $100M",
    ]);
  });

  it("prints each party's NPV and IRR, `none` where there is no rate, with the footnote", () => {
    const lines = blockAt(text, /^Parties, campus lab /);
    expect(lines).toEqual([
      "Parties, campus lab (NPV at the base discount rate, USD: base, and low to high cost estimate; IRR at the base cost estimate):",
      "  party    name      NPV      NPV low to high cost  IRR",
      "  owner    operator  -$3.60B  -$3.10B to -$4.40B    none",
      "  partner  Blue Owl  $150M    $210M to $40.0M       8.5 %",
    ]);
    const after = text.split("\n").indexOf(lines.at(-1)!);
    expect(text.split("\n").slice(after + 1, after + 3)).toEqual(["", "  IRR none: no unique rate: flows change sign more than once or never."]);
  });

  it("lists the refreshes by year and category", () => {
    expect(blockAt(text, /^Refreshes, campus lab/)).toEqual([
      "Refreshes, campus lab: 6 replacements, $2.00B in all (USD, base):",
      "  2031: cooling-plant $20.0M in hall-a, hall-b",
      "  2035: it-hardware $1.98B in 4 halls (to vera-rubin-nvl72)",
    ]);
  });

  it("orders the blocks: unit costs, money, rental prices, cost by year, cash flows, parties, refreshes, then the months", () => {
    const order = ["Unit costs, campus lab", "Money, campus lab", "Levelised cost against market rental prices, campus lab", "Cost by year, campus lab", "Cash flows by party, campus lab", "Parties, campus lab", "Refreshes, campus lab"].map((s) => text.indexOf(s));
    for (const i of order) expect(i).toBeGreaterThanOrEqual(0);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
  });
});

describe("the money of a hand-made campus in the Markdown report", () => {
  const md = renderMarkdown(reportWith([campus()]));

  it("prints the same tables with dollar signs kept literal", () => {
    const money = mdTableAfter(md, /^Money, campus `lab` /);
    expect(money.header).toEqual(["figure", "value"]);
    expect(money.rows[1]).toEqual(["discount rate", "7.5 % (6-9 %), cost of capital meta-wacc"]);
    expect(money.rows[6]).toEqual(["net present value", "-\\$5.30B / -\\$6.20B / -\\$7.80B"]);
    const bands = mdTableAfter(md, /^Levelised cost against market rental prices, campus `lab` /);
    expect(bands.rows.map((x) => x[5])).toEqual(["below the band", "within the band", "above the band"]);
    const flows = mdTableAfter(md, /^Cash flows by party, campus `lab` /);
    expect(flows.header).toEqual(["year", "project", "owner", "partner"]);
    expect(flows.rows[0]).toEqual(["2025", "-\\$1.00B", "-\\$500M", "-\\$500M"]);
    const years = mdTableAfter(md, /^Cost by year, campus `lab` /);
    expect(years.header).toContain("capacity & demand");
    expect(md).toContain("Refreshes, campus `lab`: 6 replacements, \\$2.00B in all (USD, base):\n\n- 2031: cooling-plant \\$20.0M in hall-a, hall-b\n- 2035: it-hardware \\$1.98B in 4 halls (to vera-rubin-nvl72)\n");
    expect(md).toContain("IRR none: no unique rate: flows change sign more than once or never.");
    expect(md).not.toMatch(/[^\\]\$\d/);
  });

  it("escapes a hostile partner name, source and asset", () => {
    const hostile = "Blue | Owl <script>alert(1)</script> `x` *y*";
    const f = finance({
      parties: [{ role: "partner", name: hostile, npvUsd: r(1e8) }],
      rentalBands: [{ id: "b", accelerator: "h100", term: "on-demand", usdPerGpuHour: r(2), ofCampus: true, source: "[link](http://x) | _z_", checked: "2025-01-01" }],
      refreshes: [{ year: 2030, asset: "<!-- aicluster-plan:x -->", category: "it-hardware", capexUsd: r(1e6) }],
    });
    const out = renderMarkdown(reportWith([campus({ campus: "a|b", finance: f })]));
    const parties = mdTableAfter(out, /^Parties, campus <code>a\\\|b<\/code> /);
    expect(parties.rows[0][1]).toBe("Blue \\| Owl &lt;script&gt;alert(1)&lt;/script&gt; \\`x\\` \\*y*");
    expect(parties.rows[0]).toHaveLength(5);
    const bands = mdTableAfter(out, /^Levelised cost against market rental prices, campus <code>a\\\|b<\/code> /);
    expect(bands.rows[0][6]).toBe("\\[link\\](http://x) \\| \\_z_");
    expect(out).toContain("- 2030: it-hardware \\$1.00M in &lt;!-- aicluster-plan&#58;x --&gt;");
    expect(out).not.toContain("<script>");
    expect(out).not.toContain("<!--");
    // The text report shows the name as it is, controls made visible.
    const text = renderText(reportWith([campus({ finance: finance({ parties: [{ role: "partner", name: `${hostile}\u001b[31m\n::error::x`, npvUsd: r(1e8) }] }) })]));
    expect(text).toContain("Blue | Owl <script>alert(1)</script> `x` *y*\\u001b[31m\\n::error::x");
    expect(text).not.toContain("\u001b");
  });
});

describe("where the levelised cost sits against a band", () => {
  const band = { low: 2, base: 3, high: 4 };
  it.each([
    [1.99, "below the band"], [2, "within the band"], [3, "within the band"], [4, "within the band"], [4.0001, "above the band"],
  ] as const)("%s against a band of 2 to 4: %s", (cost, verdict) => {
    expect(rentalVerdict(cost, band)).toBe(verdict);
  });
  it("is `none` without a cost or a band, and reads a band given high first in order", () => {
    expect(rentalVerdict(undefined, band)).toBe("none");
    expect(rentalVerdict(NaN, band)).toBe("none");
    expect(rentalVerdict(3, { low: NaN, base: 3, high: 4 })).toBe("none");
    expect(rentalVerdict(4.5, { low: 5, base: 4, high: 3 })).toBe("within the band");
  });
});

describe("money formatting", () => {
  it("writes negative amounts with a minus sign, and a span of signed amounts with `to`", () => {
    expect(moneySpan(-1.5e6, -2e6)).toBe("-$1.50M to -$2.00M");
    expect(moneySpan(-1e3, 2e3)).toBe("-$1.00k to $2.00k");
    expect(moneySpan(1e3, 2e3)).toBe("$1.00k-$2.00k");
    expect(moneySpan(1e3, 1e3)).toBe("$1.00k");
  });
  it("writes rates as percentages, base first", () => {
    expect(rateRange({ low: 0.06, base: 0.075, high: 0.09 })).toBe("7.5 % (6-9 %)");
    expect(rateRange({ low: 0.08, base: 0.08, high: 0.08 })).toBe("8 %");
    expect(rateRange({ low: -0.01, base: 0.02, high: 0.05 })).toBe("2 % (-1 % to 5 %)");
    expect(rateRange(undefined)).toBe("none");
    expect(percentOf(undefined)).toBe("none");
    expect(percentOf(-0.125)).toBe("-12.5 %");
  });
  it("groups refreshes of one year and category, naming up to three assets", () => {
    const f = finance({
      refreshes: [
        { year: 2036, asset: "plant-1", category: "generation", capexUsd: r(1e6) },
        ...["a", "b", "c", "d"].map((x) => ({ year: 2036, asset: `gas-${x}`, category: "generation", capexUsd: r(1e6) })),
        { year: 2033, asset: "hall-a", category: "network", toDesign: "x", capexUsd: r(5e6) },
        { year: 2033, asset: "hall-a", category: "network", toDesign: "y", capexUsd: r(5e6) },
      ],
    });
    expect(refreshLines(f)).toEqual(["2033: network $10.0M in hall-a (to x, y)", "2036: generation $5.00M in 5 contracts"]);
  });
});

describe("what a campus does not publish", () => {
  const NOTHING = /NaN|undefined|null|Infinity/;

  it("prints nothing of money for a campus without finance, and no new columns for rows without them (older JSON)", () => {
    const older = { year: 2030, capexUsd: r(1e6), opexUsd: r(1e5), gpuHours: 10 } as CostYearRow;
    for (const out of [renderText(reportWith([campus({ finance: undefined, rows: [older] })])), renderMarkdown(reportWith([campus({ finance: undefined, rows: [older] })]))]) {
      expect(out).not.toMatch(/Money, campus|Levelised cost against|Cash flows by party|Parties, campus|Refreshes, campus/);
      expect(out).not.toMatch(/refresh capex|capacity & demand|PPA settlement|capital charge|with capital/);
      expect(out).toContain("book cost/GPU-h");
      expect(out).not.toMatch(NOTHING);
    }
  });

  it("never prints NaN, null or undefined for broken or missing figures", () => {
    const broken = {
      ...finance(),
      costOfCapital: undefined, discountRate: { low: NaN, base: NaN, high: 0.1 }, presentValueYear: undefined,
      presentValueCostUsd: null, residualValueUsd: { low: 1, base: NaN, high: 2 }, refreshCapexUsd: undefined,
      refreshes: [{ year: 2030, asset: undefined, category: "shell", capexUsd: { low: NaN, base: NaN, high: NaN } }, { year: NaN, asset: "x", category: "shell", capexUsd: r(1) }],
      cashFlows: [{ projectUsd: r(-1), ownerUsd: null, partnerUsd: undefined, lendersUsd: { low: NaN, base: 1, high: 1 } }],
      parties: [{ role: "lenders", name: undefined, npvUsd: null, irr: { base: NaN } }],
      rentalBands: [{ id: "x", accelerator: "h100", term: undefined, usdPerGpuHour: { low: NaN, base: 1, high: 2 }, source: null, checked: undefined }],
    } as unknown as CampusFinance;
    const rows = [{ capexUsd: r(1), ppaSettlementUsd: { low: NaN, base: NaN, high: NaN }, capacityCostUsd: r(1), costWithCapitalUsdPerGpuHour: null, gpuHours: NaN } as unknown as CostYearRow];
    const text = renderText(reportWith([campus({ finance: broken, rows })]));
    const md = renderMarkdown(reportWith([campus({ finance: broken, rows })]));
    for (const out of [text, md]) expect(out).not.toMatch(NOTHING);
    expect(blockAt(text, /^Money, campus lab /).slice(1).map(cellsOf)).toEqual([
      ["structure", "joint-venture"],
      ["discount rate", "none"],
      ["total cost of ownership (undiscounted)", "$9.00B / $10.5B / $13.2B"],
      ["present value of costs", "none"],
      ["residual value (book, end of horizon)", "none"],
      ["net present value", "-$5.30B / -$6.20B / -$7.80B"],
      ["levelised cost per GPU-hour with capital charge", "$1.84 / $2.21 / $2.79"],
      ["refresh capex", "none (2 replacements)"],
    ]);
    // The lenders' flow is not a range (a NaN low): read as absent, so their column, absent or zero everywhere, is left out.
    expect(tableAfter(text, /^Cash flows by party, campus lab /).map(cellsOf)).toEqual([["year", "project", "owner"], ["-", "-$1.00", "-"]]);
    expect(tableAfter(text, /^Parties, campus lab /).map(cellsOf)[1]).toEqual(["lenders", "none", "none", "none", "none"]);
    expect(tableAfter(text, /^Levelised cost against market rental prices, campus lab /).map(cellsOf)[1]).toEqual(["h100", "-", "none", "none", "$2.21", "none", "none", "none"]);
    expect(blockAt(text, /^Refreshes, campus lab/)).toEqual(["Refreshes, campus lab: 2 replacements, $1.00 in all (USD, base):", "  2030: shell $0"]);
    // A column no row has a finite figure in (PPA) is left out; one row with a figure keeps its column.
    const [header] = tableAfter(text, /^Cost by year, campus lab /).map(cellsOf);
    expect(header.slice(9)).toEqual(["capacity & demand", "book cost/GPU-h"]);
  });

  it("says so when the catalog has no rental band and the campus no refresh", () => {
    const text = renderText(reportWith([campus({ finance: finance({ rentalBands: [], refreshes: [], refreshCapexUsd: ZERO }) })]));
    expect(text).toContain("\nLevelised cost against market rental prices, campus lab: no rental band in the catalog for its accelerators.\n");
    expect(text).toContain("\nRefreshes, campus lab: none over the horizon.\n");
    const md = renderMarkdown(reportWith([campus({ finance: finance({ rentalBands: [], refreshes: [] }) })]));
    expect(md).toContain("\nRefreshes, campus `lab`: none over the horizon.\n\n");
  });
});

describe("the JSON report", () => {
  const view = (name: string, props: Record<string, unknown>) => ({ type: TYPES.campus, urn: `urn:${name}`, name, props });

  it("carries the campus's published finance unchanged, hostile names included, and leaves out one that is not finance", () => {
    const published = finance({ parties: [{ role: "partner", name: "Blue | Owl <script>\u2028`x` *y*", npvUsd: r(1e8), irr: { base: 0.08 } }] });
    const costs = campusCosts([
      view("lab", { costYears: [row(2025)], finance: JSON.parse(JSON.stringify(published)) }),
      view("odd", { costYears: [row(2025)], finance: { ...published, tcoUsd: "a lot" } }),
    ]);
    const json = jsonSafe(JSON.stringify(withSchemaVersion(reportWith(costs)), null, 2));
    const parsed = JSON.parse(json) as PlanReport;
    expect(parsed.costs!.map((c) => c.campus)).toEqual(["lab", "odd"]);
    expect(parsed.costs![0].finance).toEqual(published);
    expect(parsed.costs![1].finance).toBeUndefined();
    expect(json).not.toContain("\u2028");
  });
});

describe("the financing line names each structure", () => {
  it("sale-leaseback, own balance sheet with a loan, a sized joint venture; the owner's balance sheet column when assets are sold", async () => {
    const { financingLine } = await import("../plan/render");
    expect(financingLine({ financing: { structure: "sale-leaseback", partner: "Buyer <b>", saleYear: 2031, leaseRate: 0.07, leaseTermYears: 20 } }))
      .toBe("Financing: the facility sold to Buyer <b> in 2031 at book value and leased back over 20 years at 7 % (level annuity).");
    expect(financingLine({ financing: { structure: "own-balance-sheet", constructionLoan: { shareOfCapex: 0.076, rate: 0.0615, termYears: 5 } } }))
      .toBe("Financing: the operator's own balance sheet; construction loan: 7.6 % of the operator's capex at 6.15 %, repaid after 5 years.");
    expect(financingLine({ financing: { partner: "JV", partnerShareOfFacility: 0.5, partnerDebtShare: 0.7, couponRate: 0.06, leaseTermYears: 10, partnerEquityReturn: 0.11 } }))
      .toBe("Financing: JV funds 50 % of the facility; 70 % of it borrowed at 6 %, the rest equity at 11 %, leased back over 10 years.");
  });
});
