/**
 * The money tables of a campus's cost section in the HTML report, from the finance it published
 * (components/finance/types.ts): the summary (structure, discount rate, TCO, present value of costs, residual value,
 * NPV, levelised cost, refresh capex), each party's NPV and IRR, and where each rental band comes from (and whether
 * the campus runs its accelerator). Every string
 * goes through htmlSafe; a figure that is missing or not finite shows as `-`. A campus without finance has none.
 */
import { usd } from "../components/format/numbers";
import type { CampusFinance } from "../components/finance/types";
import { htmlSafe } from "../plan/neutralise";
import { bandLabel, drawnBands, finite, ofCampus, percent, perGpuHour } from "./charts";

const e = htmlSafe;

type Range = { low?: number; base?: number; high?: number } | undefined;

/** A range's three cells, each formatted (`-` where not finite). */
const cells = (r: Range, format: (v: number) => string) =>
  [r?.low, r?.base, r?.high].map((v) => `<td class="num">${e(finite(v) ? format(v) : "-")}</td>`).join("");

/** A row of one text value across the low, base and high columns. */
const textRow = (label: string, text: string) => `<tr><td>${e(label)}</td><td colspan="3">${e(text)}</td></tr>`;
const rangeRow = (label: string, r: Range, format: (v: number) => string) => `<tr><td>${e(label)}</td>${cells(r, format)}</tr>`;


const HEAD = `<thead><tr><th>figure</th><th>low-cost estimate</th><th>base</th><th>high-cost estimate</th></tr></thead>`;

/** The money summary of a campus as a table (empty without finance). */
export function moneySummaryTable(finance: CampusFinance | undefined): string {
  if (!finance) return "";
  const refreshes = Array.isArray(finance.refreshes) ? finance.refreshes.length : 0;
  const year = finance.presentValueYear;
  const rows = [
    textRow("financing structure", typeof finance.structure === "string" ? finance.structure : "-"),
    textRow("cost of capital", typeof finance.costOfCapital === "string" ? finance.costOfCapital : "-"),
    rangeRow("discount rate, per year", finance.discountRate, (v) => percent(v)),
    textRow("present values stated in", finite(year) ? String(year) : "the modelled year (undated)"),
    rangeRow("total cost of ownership (capex + opex, undiscounted)", finance.tcoUsd, usd),
    rangeRow("present value of costs (capex + opex)", finance.presentValueCostUsd, usd),
    rangeRow("residual value at the horizon's end (book value)", finance.residualValueUsd, usd),
    rangeRow("net present value of the campus", finance.npvUsd, usd),
    rangeRow("levelised cost per GPU-hour (capital charge + opex)", finance.levelisedCostUsdPerGpuHour, perGpuHour),
    rangeRow(`refresh capex (${refreshes} replacement${refreshes === 1 ? "" : "s"})`, finance.refreshCapexUsd, usd),
  ];
  return `<table class="money" data-table="money-summary">${HEAD}<tbody>\n${rows.join("\n")}\n</tbody></table>`
    + `<p class="note">Low and high are the cost catalog's low-cost and high-cost estimates, not the smallest and largest number: `
    + `a payment's high-cost estimate is its most negative value. Present values are at the base discount rate; the levelised cost pairs each estimate with the discount rate's same end.</p>`;
}

/** Each party's NPV and IRR as a table (empty without finance or parties). */
export function partiesTable(finance: CampusFinance | undefined): string {
  const parties = finance && Array.isArray(finance.parties) ? finance.parties.filter((p) => p && typeof p === "object") : [];
  if (!parties.length) return "";
  const rows = parties.map((p) => {
    const irr = p.irr ?? {};
    const irrText = [irr.low, irr.base, irr.high].some(finite) ? `${percent(irr.low)} / ${percent(irr.base)} / ${percent(irr.high)}` : "no unique rate";
    return `<tr><td>${e(String(p.role ?? "-"))}</td><td>${e(String(p.name ?? "-"))}</td>${cells(p.npvUsd, usd)}<td class="num">${e(irrText)}</td></tr>`;
  });
  return `<table class="money" data-table="money-parties"><thead><tr><th>party</th><th>who</th><th>NPV, low-cost</th><th>NPV, base</th><th>NPV, high-cost</th><th>IRR (low / base / high)</th></tr></thead><tbody>\n${rows.join("\n")}\n</tbody></table>`;
}

/** Where each drawn rental band comes from and when it was checked (empty without bands). */
export function rentalSourcesTable(finance: CampusFinance | undefined): string {
  const bands = finance ? drawnBands(finance) : [];
  if (!bands.length) return "";
  const str = (v: unknown) => (typeof v === "string" && v ? v : "-");
  const rows = bands.map(({ band, range }) =>
    `<tr><td><code>${e(str(band.id))}</code></td><td>${e(bandLabel(band))}</td>${cells(range, perGpuHour)}<td>${ofCampus(band) ? "yes" : "no"}</td><td>${e(str(band.source))}</td><td class="when">${e(str(band.checked))}</td></tr>`);
  return `<table class="money rental-sources" data-table="rental-sources"><thead><tr><th>band</th><th>accelerator, term</th><th>low</th><th>base</th><th>high</th><th>campus runs it</th><th>source</th><th>checked</th></tr></thead><tbody>\n${rows.join("\n")}\n</tbody></table>`;
}
