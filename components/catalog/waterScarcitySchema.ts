/**
 * Schema of a site's water scarcity: how much a cubic metre consumed there weighs against one consumed anywhere else
 * (the AWARE characterisation factor, by month), and the basin's baseline water stress (WRI Aqueduct) where known.
 */
import { z } from "zod";
import { type Assert, id, type SameShape, type Source, sourceSchema } from "./schemaCommon";

const MONTHS = 12;
/** The smallest AWARE factor the method gives, m³ world-eq per m³: where plenty of water remains. */
export const AWARE_MIN = 0.1;
/** The largest AWARE factor the method gives (its cap), m³ world-eq per m³: where almost none remains. */
export const AWARE_MAX = 100;

/** WRI Aqueduct's baseline water stress categories (withdrawals / available supply): low < 10 %, then 10-20, 20-40, 40-80, > 80 %; "arid and low water use" where both are small. */
export const BASELINE_WATER_STRESS_CATEGORIES = ["low", "low-medium", "medium-high", "high", "extremely-high", "arid-and-low-water-use"] as const;
/** One of {@link BASELINE_WATER_STRESS_CATEGORIES}. */
export type BaselineWaterStressCategory = (typeof BASELINE_WATER_STRESS_CATEGORIES)[number];

/** Baseline water stress (WRI Aqueduct): the share of the renewable supply that is withdrawn, as a category and score. */
export interface BaselineWaterStress {
  /** The category: "low" (< 10 %), "low-medium" (10-20 %), "medium-high" (20-40 %), "high" (40-80 %), "extremely-high" (> 80 %), "arid-and-low-water-use". */
  category: BaselineWaterStressCategory;
  /** Aqueduct's score, 0 (low) to 5 (extremely high). @default unset (only the category is known) */
  score?: number;
  /** What the figure describes: "sub-basin" (the site's own catchment) or "state" (the state's demand-weighted average). */
  scope: "sub-basin" | "state";
  /** The Aqueduct release it comes from: "3.0" (2019) or "4.0" (2023). */
  aqueductVersion: "3.0" | "4.0";
}

/** Water scarcity at a site (by climate id): what weighs the water its plants consume. */
export interface WaterScarcitySpec {
  /** The climate id (the site) this describes. */
  id: string;
  /** The AWARE region the factors are for, e.g. "US-TX" (a state's demand-weighted average over its basins). */
  awareRegion: string;
  /**
   * AWARE characterisation factor for non-agricultural water consumption, January to December: m³ world-equivalent
   * per m³ consumed, 0.1 to 100 (1 where the water remaining per area after human and ecosystem demand is the world
   * average; 10 where a tenth of it remains). Water consumed in a month counts at that month's factor.
   */
  monthlyM3WorldEqPerM3: number[];
  /** The annual factor (demand-weighted over the months), m³ world-eq per m³, 0.1 to 100: shown beside the monthly weighting. */
  annualM3WorldEqPerM3: number;
  /** The basin's baseline water stress (WRI Aqueduct), where a source gives it. @default unset (not known) */
  baselineWaterStress?: BaselineWaterStress;
  /** Where the figures come from, when, and what was not found. */
  source: Source;
}

const factor = z.number().min(AWARE_MIN).max(AWARE_MAX);

/** @internal */
export const waterScarcitySchema = z.strictObject({
  id,
  awareRegion: z.string().min(1),
  monthlyM3WorldEqPerM3: z.array(factor).length(MONTHS, `exactly ${MONTHS} numbers, January to December`),
  annualM3WorldEqPerM3: factor,
  baselineWaterStress: z.strictObject({
    category: z.enum(BASELINE_WATER_STRESS_CATEGORIES),
    score: z.number().min(0).max(5).optional(),
    scope: z.enum(["sub-basin", "state"]),
    aqueductVersion: z.enum(["3.0", "4.0"]),
  }).optional(),
  source: sourceSchema,
});
/** @internal */
export type WaterScarcitySpecMatchesSchema = Assert<SameShape<WaterScarcitySpec, z.infer<typeof waterScarcitySchema>>>;
