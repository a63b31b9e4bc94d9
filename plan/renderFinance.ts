/**
 * A campus's money in the text and Markdown reports (plan/render.ts): the money summary (structure, discount rate,
 * TCO, present values, NPV, levelised cost with a capital charge, refresh capex), the levelised cost against market
 * rental prices, the cost ledger's money columns, cash flows by party, each party's NPV and IRR, and the refreshes.
 *
 * Cells and lines are built once as plain text and escaped per format where they enter it, as plan/render.ts does:
 * textSafe for a terminal, markdownSafe for Markdown (campus names as markdownCode). Nothing prints NaN, null or
 * undefined: a figure the campus did not publish reads `none` in a line and `-` in a table cell (as every other
 * table of the report), and a column no row has, or that is zero in every row, is left out.
 *
 * Ranges are `{ low, base, high }` at the cost catalog's low, base and high estimates (components/finance/types.ts):
 * a payment's high estimate is its most negative value, so a span of signed figures is written `low to high`.
 */
import type { CostYearRow } from "../components/costs/campusCost";
import { isUsdRange, type UsdRange } from "../components/costs/range";
import type { CampusFinance, CashFlowRow, PartyFigures, RateRange, RefreshEvent, RentalBand } from "../components/finance/types";
import { show, usd } from "../components/format/numbers";
import { markdownTable, textTable } from "../components/format/table";
import { markdownCode, markdownSafe, textSafe } from "./neutralise";
import type { CampusCosts } from "./report";

// ---------------------------------------------------------------------------------------------- money formatting

const finite = (n: unknown): n is number => typeof n === "number" && Number.isFinite(n);

/** USD as `usd` prints it (a minus sign in front of a negative amount: `-$1.23M`), or `none` for no finite number. */
export function money(n: unknown): string {
  return finite(n) ? usd(n) : "none";
}

/**
 * Two amounts as a span: one figure when they print the same, `$1.00M-$2.00M` when neither is negative, else
 * `-$1.00M to -$2.00M` (a hyphen between two signed amounts would read as a minus sign).
 */
export function moneySpan(a: number, b: number): string {
  const [x, y] = [usd(a), usd(b)];
  if (x === y) return x;
  return a < 0 || b < 0 ? `${x} to ${y}` : `${x}-${y}`;
}

/** `low / base / high` of a range, or `none`. */
export function moneyThree(r: UsdRange | undefined): string {
  return isUsdRange(r) ? `${usd(r.low)} / ${usd(r.base)} / ${usd(r.high)}` : "none";
}

/** A share per year as a percentage: `7.5 %`, `-2 %`; `none` for no finite number. */
export function percentOf(n: unknown): string {
  return finite(n) ? `${show(n * 100)} %` : "none";
}

/** `7.5 % (6-9 %)`: the base rate, then low-high (one figure when they print the same); `none` without a base. */
export function rateRange(r: RateRange | undefined): string {
  if (!r || !finite(r.base)) return "none";
  const base = percentOf(r.base);
  if (!finite(r.low) || !finite(r.high)) return base;
  const [lo, hi] = [show(r.low * 100), show(r.high * 100)];
  if (lo === hi) return lo === show(r.base * 100) ? base : `${base} (${lo} %)`;
  return `${base} (${r.low < 0 || r.high < 0 ? `${lo} % to ${hi} %` : `${lo}-${hi} %`})`;
}

/** Whether a range is published and not zero at every estimate. */
function nonZero(r: UsdRange | undefined): boolean {
  return isUsdRange(r) && (r.low !== 0 || r.base !== 0 || r.high !== 0);
}

/** The base of a range for a table cell, or `-` when the row does not have it. */
function baseCell(r: UsdRange | undefined): string {
  return isUsdRange(r) ? usd(r.base) : "-";
}

/** a + b where either may be missing; undefined when both are. */
function sum(a: UsdRange | undefined, b: UsdRange | undefined): UsdRange | undefined {
  const [x, y] = [isUsdRange(a) ? a : undefined, isUsdRange(b) ? b : undefined];
  if (!x && !y) return undefined;
  const z = { low: 0, base: 0, high: 0 };
  return { low: (x ?? z).low + (y ?? z).low, base: (x ?? z).base + (y ?? z).base, high: (x ?? z).high + (y ?? z).high };
}

// ---------------------------------------------------------------------------------------------- the money summary

/** The summary's rows: a figure and its value (ranges as low / base / high); figures not published are left out. */
export function moneyRows(f: CampusFinance): [string, string][] {
  const cost = f.costOfCapital === "stated" ? "stated by the campus" : typeof f.costOfCapital === "string" && f.costOfCapital ? `cost of capital ${f.costOfCapital}` : "";
  const refreshes = Array.isArray(f.refreshes) ? f.refreshes.length : 0;
  return [
    ["structure", typeof f.structure === "string" ? f.structure : "none"],
    ["discount rate", `${rateRange(f.discountRate)}${cost ? `, ${cost}` : ""}`],
    ...(finite(f.presentValueYear) ? [["present values in", String(f.presentValueYear)] as [string, string]] : []),
    ["total cost of ownership (undiscounted)", moneyThree(f.tcoUsd)],
    ["present value of costs", moneyThree(f.presentValueCostUsd)],
    ["residual value (book, end of horizon)", moneyThree(f.residualValueUsd)],
    ["net present value", moneyThree(f.npvUsd)],
    ["levelised cost per GPU-hour with capital charge", moneyThree(f.levelisedCostUsdPerGpuHour)],
    ["refresh capex", `${moneyThree(f.refreshCapexUsd)} (${refreshes} ${refreshes === 1 ? "replacement" : "replacements"})`],
  ];
}

export const MONEY_CONTEXT = "USD, low / base / high at the cost catalog's low, base and high estimates; present values at the base discount rate";

// ------------------------------------------------------------------------------------- against market rental prices

/** Where a levelised cost sits against a rental band. */
export type RentalVerdict = "below the band" | "within the band" | "above the band" | "none";

/** The base levelised cost against a band's low and high (both ends within); `none` when either is not a number. */
export function rentalVerdict(levelisedUsdPerGpuHour: number | undefined, band: UsdRange | undefined): RentalVerdict {
  if (!finite(levelisedUsdPerGpuHour) || !isUsdRange(band)) return "none";
  const [lo, hi] = [Math.min(band.low, band.high), Math.max(band.low, band.high)];
  return levelisedUsdPerGpuHour < lo ? "below the band" : levelisedUsdPerGpuHour > hi ? "above the band" : "within the band";
}

export const RENTAL_HEADER = ["accelerator", "campus's", "term", "band low / base / high", "levelised cost (base)", "verdict", "source", "checked"];

export const RENTAL_CONTEXT = "USD per GPU-hour; the campus's base levelised cost with capital charge against each band's low and high; the campus's own accelerators first";

/** One row per rental band, the bands of the campus's own accelerators first (`campus's` yes), then the others (no) in catalog order. */
export function rentalCells(f: CampusFinance): string[][] {
  const cost = isUsdRange(f.levelisedCostUsdPerGpuHour) ? f.levelisedCostUsdPerGpuHour.base : undefined;
  const bands = Array.isArray(f.rentalBands) ? f.rentalBands : [];
  const own = (b: RentalBand) => (b.ofCampus === true ? 0 : 1);
  return [...bands].sort((a, b) => own(a) - own(b)).map((b) => [
    String(b.accelerator ?? "none"), typeof b.ofCampus === "boolean" ? (b.ofCampus ? "yes" : "no") : "-", String(b.term ?? "none"),
    moneyThree(b.usdPerGpuHour), money(cost), rentalVerdict(cost, b.usdPerGpuHour), String(b.source ?? "none"), String(b.checked ?? "none"),
  ]);
}

// ------------------------------------------------------------------------------------- the cost ledger's columns

/** A column of the cost-by-year table: its header and a row's cell. */
export interface CostColumn {
  header: string;
  cell: (r: CostYearRow) => string;
}

/** A row's field, which a row read from older JSON may not have. */
const field = (r: CostYearRow, k: keyof CostYearRow): UsdRange | undefined => (r as Partial<CostYearRow>)[k] as UsdRange | undefined;

const capacityAndDemand = (r: CostYearRow) => sum(field(r, "capacityCostUsd"), field(r, "demandChargeUsd"));

const MIDDLE_COLUMNS: readonly [string, (r: CostYearRow) => UsdRange | undefined][] = [
  ["refresh capex", (r) => field(r, "refreshCapexUsd")],
  ["capacity & demand", capacityAndDemand],
  ["PPA settlement", (r) => field(r, "ppaSettlementUsd")],
  ["capital charge", (r) => field(r, "capitalChargeUsd")],
];

/**
 * The money columns of the cost-by-year table: `middle` (after depreciation: refresh capex, capacity & demand charges,
 * PPA settlement, capital charge), each only when some row has it non-zero, and `last` (after the book cost per
 * GPU-hour: the cost per GPU-hour with the capital charge), only when some row has it.
 */
export function moneyCostColumns(rows: readonly CostYearRow[]): { middle: CostColumn[]; last: CostColumn[] } {
  const middle = MIDDLE_COLUMNS.filter(([, get]) => rows.some((r) => nonZero(get(r)))).map(([header, get]) => ({ header, cell: (r: CostYearRow) => baseCell(get(r)) }));
  const withCapital = rows.some((r) => isUsdRange(field(r, "costWithCapitalUsdPerGpuHour")));
  const last = withCapital
    // No GPU-hours (no hall online yet): a cost per GPU-hour means nothing.
    ? [{ header: "cost/GPU-h with capital", cell: (r: CostYearRow) => (finite(r.gpuHours) && r.gpuHours > 0 ? baseCell(field(r, "costWithCapitalUsdPerGpuHour")) : "-") }]
    : [];
  return { middle, last };
}

// --------------------------------------------------------------------------------------- cash flows and parties

const CASH_FLOW_COLUMNS: readonly [string, keyof CashFlowRow, boolean][] = [
  ["project", "projectUsd", false],
  ["owner", "ownerUsd", false],
  ["partner", "partnerUsd", true],
  ["lenders", "lendersUsd", true],
];

export const CASH_FLOW_CONTEXT = "USD, base; received positive, paid negative";

/** The cash-flow table: year, project, owner, and partner and lenders when either has a flow in some year. */
export function cashFlowTable(f: CampusFinance): { header: string[]; rows: string[][] } {
  const rows = Array.isArray(f.cashFlows) ? f.cashFlows : [];
  const columns = CASH_FLOW_COLUMNS.filter(([, k, optional]) => !optional || rows.some((r) => nonZero(r[k] as UsdRange | undefined)));
  return {
    header: ["year", ...columns.map(([h]) => h)],
    rows: rows.map((r) => [finite(r.year) ? String(r.year) : "-", ...columns.map(([, k]) => baseCell(r[k] as UsdRange | undefined))]),
  };
}

export const PARTY_HEADER = ["party", "name", "NPV", "NPV low to high cost", "IRR"];

/** `$210M to $40.0M`: an NPV's low-cost and high-cost ends, which need not be in order (a receipt shrinks as costs rise). */
function toSpan(a: number, b: number): string {
  return usd(a) === usd(b) ? usd(a) : `${usd(a)} to ${usd(b)}`;
}

export const PARTY_CONTEXT = "NPV at the base discount rate, USD: base, and low to high cost estimate; IRR at the base cost estimate";

/** The footnote under the parties when an IRR reads `none`. */
export const NO_IRR_NOTE = "IRR none: no unique rate: flows change sign more than once or never.";

/** One row per party. */
export function partyCells(f: CampusFinance): string[][] {
  return (Array.isArray(f.parties) ? f.parties : []).map((p: PartyFigures) => [
    String(p.role ?? "none"), String(p.name ?? "none"),
    isUsdRange(p.npvUsd) ? usd(p.npvUsd.base) : "none", isUsdRange(p.npvUsd) ? toSpan(p.npvUsd.low, p.npvUsd.high) : "none",
    percentOf(p.irr?.base),
  ]);
}

/** Whether some party has no base IRR (the footnote is due). */
export function someIrrMissing(f: CampusFinance): boolean {
  return (Array.isArray(f.parties) ? f.parties : []).some((p) => !finite(p.irr?.base));
}

// --------------------------------------------------------------------------------------------------- refreshes

/** `hall-a, hall-b` for up to three, else `13 halls` (`contracts` for generation re-powered). */
function assetsNamed(assets: readonly string[], category: string): string {
  if (assets.length <= 3) return assets.join(", ");
  return `${assets.length} ${category === "generation" ? "contracts" : "halls"}`;
}

/**
 * The refreshes by year and category, in year order: `2035: it-hardware $1.20B in 13 halls (to vera-rubin-nvl72)`
 * (base capex; the design the racks are replaced with when it changes).
 */
export function refreshLines(f: CampusFinance): string[] {
  const groups = new Map<string, { year: number; category: string; usd: number; assets: string[]; to: string[] }>();
  const events = (Array.isArray(f.refreshes) ? f.refreshes : []).filter((e: RefreshEvent) => finite(e.year));
  for (const e of [...events].sort((a, b) => a.year - b.year)) {
    const category = String(e.category ?? "none");
    const key = `${e.year}\u0000${category}`;
    const g = groups.get(key) ?? groups.set(key, { year: e.year, category, usd: 0, assets: [], to: [] }).get(key)!;
    if (isUsdRange(e.capexUsd)) g.usd += e.capexUsd.base;
    if (typeof e.asset === "string" && !g.assets.includes(e.asset)) g.assets.push(e.asset);
    if (typeof e.toDesign === "string" && e.toDesign && !g.to.includes(e.toDesign)) g.to.push(e.toDesign);
  }
  return [...groups.values()].map((g) =>
    `${g.year}: ${g.category} ${usd(g.usd)}${g.assets.length ? ` in ${assetsNamed(g.assets, g.category)}` : ""}${g.to.length ? ` (to ${g.to.join(", ")})` : ""}`);
}

/** `14 replacements, $2.00B in all (base)`, or `none over the horizon`. */
export function refreshSummary(f: CampusFinance): string {
  const n = Array.isArray(f.refreshes) ? f.refreshes.length : 0;
  if (n === 0) return "none over the horizon";
  const total = isUsdRange(f.refreshCapexUsd)
    ? f.refreshCapexUsd.base
    : f.refreshes.reduce((s, e) => s + (isUsdRange(e.capexUsd) ? e.capexUsd.base : 0), 0);
  return `${n} ${n === 1 ? "replacement" : "replacements"}, ${usd(total)} in all (USD, base)`;
}

// ------------------------------------------------------------------------------------------------ both formats

/** How a format writes a titled block, a table, a note and a campus name. */
interface Format {
  /** Text the report wrote around user strings it has already put in. */
  safe: (s: string) => string;
  campus: (name: string) => string;
  /** A title line and what is under it (a table or lines), as the format separates blocks. */
  block: (title: string, body: readonly string[]) => string[];
  table: (header: readonly string[] | undefined, rows: readonly (readonly string[])[]) => string[];
  /** A line of a list under a title. */
  item: (s: string) => string;
}

const TEXT: Format = {
  safe: textSafe,
  campus: textSafe,
  // Tables under a heading line are indented by two spaces; a blank line before each block.
  block: (title, body) => ["", title, ...body],
  table: (header, rows) => textTable([...(header ? [header] : []), ...rows].map((r) => r.map(textSafe)), { indent: "  " }),
  item: (s) => `  ${textSafe(s)}`,
};

const MARKDOWN: Format = {
  safe: markdownSafe,
  campus: markdownCode,
  block: (title, body) => (body.length > 0 ? [title, "", ...body, ""] : [title, ""]),
  table: (header, rows) => markdownTable(header ?? ["figure", "value"], rows.map((r) => r.map(markdownSafe)), (s) => s),
  item: (s) => `- ${markdownSafe(s)}`,
};

function title(fmt: Format, what: string, campus: string, context: string): string {
  return `${what}, campus ${fmt.campus(campus)}${context ? ` (${fmt.safe(context)})` : ""}:`;
}

/** The money summary and the levelised cost against rental prices: under the unit costs, before the cost by year. */
function summaryBlocks(fmt: Format, c: CampusCosts): string[] {
  const f = c.finance;
  if (!f) return [];
  const out = fmt.block(title(fmt, "Money", c.campus, MONEY_CONTEXT), fmt.table(undefined, moneyRows(f)));
  const bands = rentalCells(f);
  const what = "Levelised cost against market rental prices";
  if (bands.length === 0) {
    const line = `${what}, campus ${fmt.campus(c.campus)}: ${fmt.safe("no rental band in the catalog for its accelerators.")}`;
    out.push(...(fmt === TEXT ? ["", line] : [line, ""]));
  } else {
    out.push(...fmt.block(title(fmt, what, c.campus, RENTAL_CONTEXT), fmt.table(RENTAL_HEADER, bands)));
  }
  return out;
}

/** Cash flows by party, each party's NPV and IRR, and the refreshes: after the cost by year. */
function flowBlocks(fmt: Format, c: CampusCosts): string[] {
  const f = c.finance;
  if (!f) return [];
  const out: string[] = [];
  const flows = cashFlowTable(f);
  if (flows.rows.length > 0) out.push(...fmt.block(title(fmt, "Cash flows by party", c.campus, CASH_FLOW_CONTEXT), fmt.table(flows.header, flows.rows)));
  const parties = partyCells(f);
  if (parties.length > 0) {
    out.push(...fmt.block(title(fmt, "Parties", c.campus, PARTY_CONTEXT), fmt.table(PARTY_HEADER, parties)));
    // After a blank line in text: the table ends at the first blank line for readers that parse it.
    if (someIrrMissing(f)) out.push(...(fmt === TEXT ? ["", fmt.item(NO_IRR_NOTE)] : [fmt.safe(NO_IRR_NOTE), ""]));
  }
  const lines = refreshLines(f);
  const head = `Refreshes, campus ${fmt.campus(c.campus)}: ${fmt.safe(refreshSummary(f))}${lines.length ? ":" : "."}`;
  out.push(...fmt.block(head, lines.map(fmt.item)));
  return out;
}

/** Text lines (each block after a blank line) of the money summary and rental comparison; none without finance. */
export function financeSummaryText(c: CampusCosts): string[] {
  return summaryBlocks(TEXT, c);
}

/** Text lines of the cash flows, parties and refreshes; none without finance. */
export function financeFlowsText(c: CampusCosts): string[] {
  return flowBlocks(TEXT, c);
}

/** Markdown lines (each block followed by a blank line) of the money summary and rental comparison; none without finance. */
export function financeSummaryMarkdown(c: CampusCosts): string[] {
  return summaryBlocks(MARKDOWN, c);
}

/** Markdown lines of the cash flows, parties and refreshes; none without finance. */
export function financeFlowsMarkdown(c: CampusCosts): string[] {
  return flowBlocks(MARKDOWN, c);
}
