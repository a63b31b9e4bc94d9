/**
 * A campus's money over its horizon from its cost ledger: present values at its cost of capital, total cost of
 * ownership, the residual (book) value at the horizon's end, the levelised cost per GPU-hour with a capital charge,
 * and the cash flows of each party under its financing. Each cost estimate (low, base, high) is worked through on
 * its own; see ./types.ts for what the ranges mean.
 *
 * - TCO = Σ (capex + opex) over the horizon, undiscounted.
 * - PV of costs = Σ (capex + opex) × 1 / (1 + r)^(y − y0), r the base discount rate, y0 the present-value year.
 * - NPV = −PV of costs + residual value × 1 / (1 + r)^(end + 1 − y0): what the assets are still worth on the books
 *   when the horizon ends counts as received the year after it.
 * - Levelised cost per GPU-hour = Σ (capital charge + opex) × v^t / Σ GPU-hours × v^t, at the discount rate's end
 *   that goes with the estimate (low with low, high with high), the capital charge each asset's capex × the capital
 *   recovery factor over its life: a renter's price that repays the capital at the cost of capital.
 */
import type { CostYearRow } from "../costs/campusCost";
import { FACILITY_CATEGORIES } from "../costs/campusCost";
import { straightLineDepreciationShare } from "../costs/depreciation";
import { ESTIMATES, type Estimate, type UsdRange } from "../costs/range";
import { discountFactor, internalRateOfReturn, presentValueUsd } from "./discount";
import { FinancingTerms, partyFlows, PartyYear } from "./parties";
import type { LedgerAsset } from "./refresh";
import type { CampusFinance, CashFlowRow, PartyFigures, PartyReturns, RateRange, RefreshEvent, RentalBand } from "./types";


export interface CampusFinanceInput {
  /** The cost ledger's rows (one per horizon year; one undated row for an undated campus). */
  rows: readonly CostYearRow[];
  /** The ledger's assets with their replacements (for book values). */
  assets: readonly LedgerAsset[];
  terms?: FinancingTerms;
  /** The partner's name (joint venture, sale-leaseback). */
  partnerName?: string;
  discountRate: RateRange;
  costOfCapital: string;
  /** Year present values are stated in. @default the horizon's first year */
  presentValueYear?: number;
  refreshes: readonly RefreshEvent[];
  rentalBands: readonly RentalBand[];
}

/** Share of an asset's capex depreciated before `year` (its years placed ≤ age < year − placed). */
function depreciatedBefore(placedYear: number, year: number, lifeYears: number): number {
  let share = 0;
  for (let y = placedYear; y < year; y++) share += straightLineDepreciationShare(y - placedYear, lifeYears);
  return Math.min(1, share);
}

/** Book value at the start of `year` of the assets in service then (placed before or in it, not retired), at an estimate; only `categories` when given. */
export function bookValueUsd(assets: readonly LedgerAsset[], year: number, e: Estimate, categories?: readonly string[]): number {
  let value = 0;
  for (const a of assets) {
    if (a.year === undefined || a.year > year || (a.retiredYear !== undefined && a.retiredYear <= year)) continue;
    for (const l of a.lines) {
      if (categories && !categories.includes(l.category)) continue;
      value += l.capexUsd[e] * (1 - depreciatedBefore(a.year, year, l.usefulLifeYears));
    }
  }
  return value;
}

function rangeOf(f: (e: Estimate) => number): UsdRange {
  return { low: f("low"), base: f("base"), high: f("high") };
}

/** The money of a campus and its cost rows with the lease and the owner's on-balance-sheet capex filled in. */
export function campusFinance(input: CampusFinanceInput): { rows: CostYearRow[]; finance: CampusFinance } {
  const { rows, terms } = input;
  const first = rows[0].year;
  const last = rows[rows.length - 1].year;
  const pvYear = input.presentValueYear ?? first;
  const r = input.discountRate;
  const sale = terms?.structure === "sale-leaseback" ? terms.sale : undefined;
  const flows = Object.fromEntries(ESTIMATES.map((e) => [e, partyFlows({
    years: rows.map((row) => ({ ...(row.year === undefined ? {} : { year: row.year }), capexUsd: row.capexUsd[e], partnerCapexUsd: row.partnerCapexUsd[e], opexUsd: row.opexUsd[e] })),
    ...(terms ? { terms } : {}),
    ...(sale ? { saleBookValueUsd: bookValueUsd(input.assets, sale.saleYear, e, FACILITY_CATEGORIES) } : {}),
  })])) as Record<Estimate, PartyYear[]>;
  const at = (e: Estimate, year: number | undefined) => flows[e].find((f) => f.year === year);

  const outRows = rows.map((row) => {
    const sold = (e: Estimate) => (sale && row.year === sale.saleYear ? bookValueUsd(input.assets, sale.saleYear, e, FACILITY_CATEGORIES) : 0);
    return {
      ...row,
      leasePaymentsUsd: rangeOf((e) => at(e, row.year)?.lease ?? 0),
      ownerOnBalanceSheetCapexUsd: rangeOf((e) => Math.max(0, row.ownerCapexUsd[e] - sold(e))),
    };
  });

  const costFlows = (e: Estimate) => rows.map((row) => ({ ...(row.year === undefined ? {} : { year: row.year }), usd: row.capexUsd[e] + row.opexUsd[e] }));
  const tcoUsd = rangeOf((e) => costFlows(e).reduce((s, f) => s + f.usd, 0));
  const presentValueCostUsd = rangeOf((e) => presentValueUsd(costFlows(e), r.base, pvYear));
  const residualValueUsd = rangeOf((e) => (last === undefined ? 0 : bookValueUsd(input.assets, last + 1, e)));
  const residualFactor = last === undefined || pvYear === undefined ? 1 : discountFactor(r.base, last + 1 - pvYear);
  const npvUsd = rangeOf((e) => -presentValueCostUsd[e] + residualValueUsd[e] * residualFactor);
  const levelisedCostUsdPerGpuHour = rangeOf((e) => {
    const cost = presentValueUsd(rows.map((row) => ({ ...(row.year === undefined ? {} : { year: row.year }), usd: row.capitalChargeUsd[e] + row.opexUsd[e] })), r[e], pvYear);
    const hours = presentValueUsd(rows.map((row) => ({ ...(row.year === undefined ? {} : { year: row.year }), usd: row.gpuHours })), r[e], pvYear);
    return hours > 0 ? cost / hours : 0;
  });

  // Every year any estimate has a flow in (an estimate with more equity recovers it over the same years, but not always).
  const flowYears = [...new Set(ESTIMATES.flatMap((e) => flows[e].map((f) => f.year)))].sort((a, b) => (a ?? 0) - (b ?? 0));
  const cashFlows: CashFlowRow[] = flowYears.map((year) => ({ year })).map((f) => ({
    ...(f.year === undefined ? {} : { year: f.year }),
    projectUsd: rangeOf((e) => at(e, f.year)?.project ?? 0),
    ownerUsd: rangeOf((e) => at(e, f.year)?.owner ?? 0),
    partnerUsd: rangeOf((e) => at(e, f.year)?.partner ?? 0),
    lendersUsd: rangeOf((e) => at(e, f.year)?.lenders ?? 0),
  }));
  const pvOf = (e: Estimate, pick: (f: PartyYear) => number) => presentValueUsd(flows[e].map((f) => ({ ...(f.year === undefined ? {} : { year: f.year }), usd: pick(f) })), r.base, pvYear);
  const irrOf = (pick: (f: PartyYear) => number) => {
    const out: PartyReturns = {};
    for (const e of ESTIMATES) {
      const irr = internalRateOfReturn(flows[e].map(pick));
      if (irr !== undefined) out[e] = irr;
    }
    return Object.keys(out).length ? { irr: out } : {};
  };
  const anyFlow = (pick: (f: PartyYear) => number) => ESTIMATES.some((e) => flows[e].some((f) => pick(f) !== 0));
  const parties: PartyFigures[] = [
    { role: "owner", name: "operator", npvUsd: rangeOf((e) => pvOf(e, (f) => f.owner)), ...irrOf((f) => f.owner) },
    ...(anyFlow((f) => f.partner)
      ? [{
          role: "partner" as const,
          name: input.partnerName ?? "partner",
          npvUsd: rangeOf((e) => pvOf(e, (f) => f.partner)),
          // The partner's return is on its equity: what it paid in beyond its debt against what the lease returns on it.
          ...irrOf((f) => f.equityBack - f.equityIn),
        }]
      : []),
    ...(anyFlow((f) => f.lenders) ? [{ role: "lenders" as const, name: "lenders", npvUsd: rangeOf((e) => pvOf(e, (f) => f.lenders)), ...irrOf((f) => f.lenders) }] : []),
  ];

  return {
    rows: outRows,
    finance: {
      structure: terms?.structure ?? "own-balance-sheet",
      costOfCapital: input.costOfCapital,
      discountRate: { ...r },
      ...(pvYear === undefined ? {} : { presentValueYear: pvYear }),
      tcoUsd,
      presentValueCostUsd,
      residualValueUsd,
      npvUsd,
      levelisedCostUsdPerGpuHour,
      refreshCapexUsd: rangeOf((e) => input.refreshes.reduce((s, ev) => s + ev.capexUsd[e], 0)),
      refreshes: input.refreshes.map((ev) => ({ ...ev, capexUsd: { ...ev.capexUsd } })),
      cashFlows,
      parties,
      rentalBands: input.rentalBands.map((b) => ({ ...b, usdPerGpuHour: { ...b.usdPerGpuHour } })),
    },
  };
}
