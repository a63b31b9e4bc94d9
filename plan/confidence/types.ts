/** What a confidence run reports: each budget's spread over the drawn figures and weather years, and what decides it. */
import type { EnforcementLevel } from "../../policies/finding";

/** One drawn figure, as the report lists it. */
export interface ConfidenceFigure {
  /** `<section>/<entry id>/<field>`, e.g. `rackDesigns/gb300-nvl72/switchPowerW`. */
  key: string;
  low: number;
  base: number;
  high: number;
  /** Where the range comes from. */
  note: string;
  /** Figures of one group are drawn together, at the same quantile (the points of one curve). */
  group: string;
}

/** One budget over the samples. */
export interface BudgetConfidence {
  policy: string;
  budget: string;
  unit: string;
  bound: "max" | "min";
  /** The tightest resource at the catalog's figures (the plan's own budget row). */
  resourceName: string;
  /** The plan's own used value and headroom (catalog figures, the climate's own year). */
  baseUsed: number;
  baseHeadroom: number;
  /** The limit at the catalog's figures (some limits, firm MW or plant capacity, move with the figures too). */
  limit: number;
  /** The lowest and highest limit over the samples (equal to `limit` when it does not move). */
  limitLow: number;
  limitHigh: number;
  /**
   * Used value at the 10th, 50th and 90th percentiles of the samples, of the resource tightest at the catalog's figures
   * (`resourceName`; another resource may bind in some samples: the violation probability counts every resource).
   */
  p10: number;
  p50: number;
  p90: number;
  /** The 10th percentile of that resource's headroom: what is left in all but the worst tenth of the samples (negative: broken there). */
  headroomP10: number;
  /** Share of the samples in which the budget is violated on any resource (exempted violations do not count), 0-1. */
  violationProbability: number;
  /** Samples in which the budget was checked. */
  samples: number;
  /** `fails`: violated at the catalog's figures; `fragile`: holds there but fails in more samples than allowed; `holds`. */
  status: "fails" | "fragile" | "holds";
}

/** One bar of a tornado: the budget's used value with one figure at its low and at its high, the others at base. */
export interface TornadoBar {
  /** A figure's key, a group's (`.../ambientDerating.points.*.fraction`: its figures together), or `weather year` (the spread over the generated years at catalog figures). */
  figure: string;
  /** Used value with the figure at its low (for the weather: the lowest over the years). */
  usedAtLow: number;
  usedAtHigh: number;
  /** |usedAtHigh − usedAtLow|. */
  swing: number;
}

export interface BudgetTornado {
  policy: string;
  budget: string;
  unit: string;
  /** The plan's own used value, the bars' centre. */
  baseUsed: number;
  /** The figures that move it most, largest swing first (figures that do not move it are left out). */
  bars: TornadoBar[];
}

export interface ConfidenceReport {
  samples: number;
  /** The seed the samples were drawn from: the same seed draws the same samples. */
  seed: string;
  /** Generated weather years drawn from (the climate's own year and years under other seeds). */
  weatherYears: number;
  /** EPW weather files drawn from beside them (relative to where the checker ran); absent when none. */
  weatherFiles?: string[];
  /** How the figures are drawn. */
  method: "latin hypercube, triangular (low, base, high)";
  /** A passing budget that fails in more than this share of the samples is fragile. */
  fragileAbove: number;
  /** The level fragile findings are reported at. */
  fragileLevel: EnforcementLevel;
  figures: ConfidenceFigure[];
  budgets: BudgetConfidence[];
  tornado: BudgetTornado[];
  /** Model runs made (samples, tornado ends, weather years) and how long they took. */
  modelRuns: number;
  wallSeconds: number;
}
