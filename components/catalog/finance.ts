/**
 * Built-in costs of capital and GPU rental prices, each a low / base / high range with its source. Rates are
 * nominal, like the cash flows they discount (energy prices escalate in nominal terms). Few of these figures are
 * primary: analysts' model outputs and price-list snapshots, so the ranges are wide and each note says how it was
 * sized.
 */
import type { CostOfCapitalSpec, GpuRentalPriceSpec } from "./financeSchema";

const CHECKED = "2026-12-07";

/** The cost of capital a campus is discounted at unless it names another or states its rate. */
export const DEFAULT_COST_OF_CAPITAL = "hyperscaler";
/** The required equity return of a joint-venture partner that states none. */
export const DEFAULT_PARTNER_EQUITY_RETURN = "infrastructure-equity";

/** Built-in costs of capital. */
export const BUILTIN_COSTS_OF_CAPITAL: readonly CostOfCapitalSpec[] = [
  {
    id: DEFAULT_COST_OF_CAPITAL,
    description: "A hyperscale operator's weighted average cost of capital (Meta, nominal, after tax)",
    rate: { low: 0.074, base: 0.087, high: 0.10 },
    source: {
      title: "Meta Platforms WACC 8.7 % (range 7.4-10.0 %: cost of equity 8.70 %, pre-tax cost of debt 5.00 %, almost no debt), valueinvesting.io (undated); 8.0 % (Intrinziq, about 2026)",
      url: "https://valueinvesting.io/FB/valuation/wacc", checked: CHECKED,
      note: "analysts' model outputs, not Meta's own figure (Meta publishes none); the range is valueinvesting.io's. Meta's $30B of notes of 2025-11-03 carry 4.20-5.75 % coupons (5.14 % weighted, 8-K), the cost of its debt; almost all of its capital is equity",
    },
  },
  {
    id: DEFAULT_PARTNER_EQUITY_RETURN,
    description: "Required return on equity of a private-capital partner in a data-centre joint venture (nominal)",
    rate: { low: 0.08, base: 0.10, high: 0.12 },
    source: {
      title: "No public figure: Blue Owl's expected return on its equity in the Hyperion joint venture is not reported (Meta release, 2025-10-21)",
      checked: CHECKED,
      note: "assumption: above the joint venture's A+ bonds at 6.58 % (Beignet Investor LLC, due 2049, about 225 bp over Treasuries) and stabilised hyperscale cap rates of 5.5-6.5 % (JLL Q1 2026, as relayed), as equity ranks below both",
    },
  },
  {
    id: "neocloud",
    description: "A GPU cloud's cost of capital (CoreWeave's borrowing, nominal): the dear end of what capital for AI compute costs",
    rate: { low: 0.10, base: 0.12, high: 0.15 },
    source: {
      title: "CoreWeave 10-Q, effective interest rates at 2025-06-30: DDTL 1.0 15 %, DDTL 2.0 11 %, 2030 senior notes 10 %, 2024 term loan 12 %",
      url: "https://www.sec.gov/Archives/edgar/data/1769628/000114036125032095/R41.htm", checked: CHECKED,
      note: "debt rates, a floor on the company's WACC (its equity costs more); later facilities priced lower for investment-grade customers (DDTL 4.0, 2026-03: SOFR + 2.25 %, newsletter sources)",
    },
  },
];

/** Built-in GPU rental price bands, to hold a campus's levelised cost against. */
export const BUILTIN_GPU_RENTAL_PRICES: readonly GpuRentalPriceSpec[] = [
  {
    id: "h100-reserved-1y", acceleratorId: "h100-sxm", term: "1-year reserved", usdPerGpuHour: { low: 1.7, base: 2.35, high: 2.65 },
    source: {
      title: "H100 one-year contracts: $1.70 (trough, October 2025), $2.35 (March 2026), about $2.65 (June 2026), SemiAnalysis's neocloud survey as relayed by techreaderdaily.com and theinformationmachine.fyi",
      url: "https://www.techreaderdaily.com/article.html?slug=h100-reserved-capacity-hits-2-35-hour-floor-in-2026", checked: CHECKED,
      note: "secondary reports of SemiAnalysis data; the range spans the three dates",
    },
  },
  {
    id: "h100-on-demand", acceleratorId: "h100-sxm", term: "on-demand", usdPerGpuHour: { low: 1.99, base: 2.95, high: 5.0 },
    source: {
      title: "H100 on-demand, May 2026: long-tail clouds $1.99-2.50, specialists $2.50-3.50, hyperscalers $3.50-5.00 (Mercatus); median of 58 providers about $2.95 (AIMultiple GPU index, 2026-05-20)",
      url: "https://aimultiple.com/gpu-index", checked: CHECKED, note: "price-list surveys; base the median",
    },
  },
  {
    id: "h200-on-demand", acceleratorId: "h200-sxm", term: "on-demand", usdPerGpuHour: { low: 2.5, base: 4.54, high: 7.0 },
    source: {
      title: "H200 on-demand: Spheron $4.54 (2026-03-17); May 2026 survey: long-tail $2.50-3.50, specialists $3.50-4.50, hyperscalers $4.50-7.00 (Mercatus)",
      url: "https://www.spheron.network/blog/nvidia-h200-vs-b200-vs-gb200", checked: CHECKED, note: "base Spheron's list price; the range the survey's",
    },
  },
  {
    id: "b200-reserved", acceleratorId: "b200", term: "reserved", usdPerGpuHour: { low: 2.65, base: 2.65, high: 3.75 },
    source: {
      title: "B200 from $2.65 reserved (Inworld, 2026-04-13); lowest on-demand across 26 providers $3.75 (packet.ai, June 2026)",
      url: "https://inworld.ai/resources/nvidia-b200-gpu-cloud", checked: CHECKED,
      note: "one reserved price found: it is low and base; the high end is the cheapest on-demand price, above which no reservation would sell",
    },
  },
  {
    id: "b200-on-demand", acceleratorId: "b200", term: "on-demand", usdPerGpuHour: { low: 3.75, base: 4.89, high: 6.03 },
    source: {
      title: "B200 on-demand: $3.75 (packet.ai, June 2026), $4.50-6.00 (Lyceum, 2026-03-11), $6.03 (Spheron, 2026-03-19)",
      url: "https://www.spheron.network/blog/nvidia-b200-complete-guide", checked: CHECKED, note: "base the midpoint of the range (no median published)",
    },
  },
  {
    id: "gb200-rental", acceleratorId: "gb200", term: "on-demand and contract", usdPerGpuHour: { low: 4.54, base: 7.52, high: 10.5 },
    source: {
      title: "GB200: Spheron $9.08 per two-GPU superchip-hour = $4.54 per GPU-hour (2026-03-17); CoreWeave $42 per four-GPU slice = $10.50 per GPU-hour (February 2026, via kaelresearch.com)",
      url: "https://www.spheron.network/blog/nvidia-h200-vs-b200-vs-gb200", checked: CHECKED,
      note: "two price points (audit-2026-12 §4); base their midpoint. No GB300 or Rubin rental price was found (2026-12): a campus shows every band beside its levelised cost, its own accelerators marked",
    },
  },
];
