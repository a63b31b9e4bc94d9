/** Electricity markets: how much of a contract's MW each market accredits as firm capacity, by generation source. */
import { z } from "zod";
import { type FigureRanges, figureRangesSchema, rangesFitEntry } from "./figureRange";
import { type Assert, fail, id, type SameShape, type Source, sourceSchema } from "./schemaCommon";
import { type UsdRange, usdRangeSchema } from "./costSchema";

/** An electricity market and the firm capacity it accredits by generation source. */
export interface MarketSpec {
  /** Catalog id: lower-case letters, digits, '.' and '-'. */
  id: string;
  /** Human-readable description: the market and the accreditation method its figures come from. */
  description: string;
  /**
   * Accredited share of nameplate MW by generation-source id, 0-1 (PJM's ELCC class ratings, MISO's seasonal
   * accreditation). A source the market does not list has no accreditation there: its contracts give `firmFraction`.
   */
  accreditation: Record<string, number>;
  /** Generation not connected to any grid (behind the meter): certificates bought in a grid market cannot cover its energy. @default false */
  islanded?: boolean;
  /**
   * Sourced plausible ranges of accreditation figures, by field path ("accreditation.wind-onshore"; a source id with a
   * "." cannot be named): a confidence run draws each between its low and high. Each holds the entry's own value and
   * the entry stays valid with the figure at either end.
   * @default none: every figure is taken as given
   */
  ranges?: FigureRanges;
  /** The market's wholesale energy price virtual PPAs settle against. @default none: a virtual PPA in this market has no settlement priced (the campus lists it as missing) */
  hubPrice?: HubPriceSpec;
  /**
   * Rules that let the grid operator curtail a large load's grid service in an energy emergency (Texas SB 6 in ERCOT):
   * then only the campus's own firm supply carries it. @default none: grid service is firm under its tariff
   */
  largeLoadCurtailment?: LargeLoadCurtailmentSpec;
  /** Where the accreditation figures come from. */
  source: Source;
}

/** A market's rules for curtailing large loads in an energy emergency, and the on-site backup they look for. */
export interface LargeLoadCurtailmentSpec {
  /** Loads of at least this many MW fall under the rules (1 to 10,000). */
  minLoadMw: number;
  /** The share of its load a large load's backup generation is to carry (0 to 1): what the rules ask it to disclose or deploy. */
  backupShareOfLoad: number;
  /** The law or rule, and what it provides. */
  source: Source;
}

/** A market's average wholesale energy price at the hub its virtual PPAs settle at. */
export interface HubPriceSpec {
  /** The hub or price the figure is (e.g. "PJM load-weighted average real-time LMP"). */
  hub: string;
  /** Average price, USD/MWh: low / base / high. */
  usdPerMwh: UsdRange;
  /** Where the figures come from, and how the range was sized. */
  source: Source;
}

const hubPriceSchema = z.strictObject({
  hub: z.string().min(1),
  usdPerMwh: usdRangeSchema,
  source: sourceSchema,
});

const largeLoadCurtailmentSchema = z.strictObject({
  minLoadMw: z.number().min(1).max(10_000),
  backupShareOfLoad: z.number().min(0).max(1),
  source: sourceSchema,
});

const marketFields = z.strictObject({
  id,
  description: z.string().min(1),
  /**
   * Accredited share of nameplate MW by generation-source id, 0-1 (PJM's ELCC class ratings, MISO's seasonal
   * accreditation). A source the market does not list has no accreditation there: its contracts give `firmFraction`.
   * Firm utility services (`gridService` sources) are not listed: their firmness is the tariff's, 1 in any market.
   */
  accreditation: z.record(id, z.number().min(0).max(1)),
  /** Generation not connected to any grid (behind the meter): certificates bought in a grid market cannot cover its energy. */
  islanded: z.boolean().optional(),
  /** Sourced plausible ranges of accreditation figures, by field path. */
  ranges: figureRangesSchema.optional(),
  hubPrice: hubPriceSchema.optional(),
  largeLoadCurtailment: largeLoadCurtailmentSchema.optional(),
  source: sourceSchema,
}).superRefine((m, ctx) => {
  if (m.accreditation && typeof m.accreditation === "object" && Object.keys(m.accreditation).length === 0 && !m.source?.note) {
    fail(ctx, "accreditation", "at least one source, or a source note saying why the market accredits none (e.g. a behind-the-meter site whose contracts state their own firm share)");
  }
});
/** @internal */
export const marketSchema = marketFields.superRefine(rangesFitEntry(marketFields));
/** @internal */
export type MarketSpecMatchesSchema = Assert<SameShape<MarketSpec, z.infer<typeof marketSchema>>>;
