/**
 * Schemas of the money catalog: what capital costs (a discount rate, an investor's required return) and what the
 * market charges to rent a GPU-hour, each a low / base / high range with its source.
 */
import { z } from "zod";
import { type Assert, id, orderedRangeSchema, type SameShape, type Source, sourceSchema } from "./schemaCommon";
import { type UsdRange, usdRangeSchema } from "./costSchema";

/** A rate per year as a range: low ≤ base ≤ high. */
export interface RateRangeSpec {
  /** Low estimate, share per year. */
  low: number;
  /** Base estimate, share per year. */
  base: number;
  /** High estimate, share per year. */
  high: number;
}

/** A rate per year from 0 to 0.5, as a range. @internal */
export const rateRangeSchema: z.ZodType<RateRangeSpec> = orderedRangeSchema(0, 0.5);

/** A cost of capital: the rate a kind of investor discounts its cash flows at (a company's WACC, an equity investor's required return). */
export interface CostOfCapitalSpec {
  /** Catalog id: lower-case letters, digits, '.' and '-'. */
  id: string;
  /** Who it is the cost of capital of, and what kind of rate it is (WACC, required equity return). */
  description: string;
  /** The rate, nominal, share per year (0 to 0.5): low / base / high. */
  rate: RateRangeSpec;
  /** Where the figures come from, and how the range was sized. */
  source: Source;
}

/** @internal */
export const costOfCapitalSchema = z.strictObject({
  id,
  description: z.string().min(1),
  rate: rateRangeSchema,
  source: sourceSchema,
});
/** @internal */
export type CostOfCapitalSpecMatchesSchema = Assert<SameShape<CostOfCapitalSpec, z.infer<typeof costOfCapitalSchema>>>;

/** What the market charges to rent one GPU of an accelerator for an hour, under one kind of offer. */
export interface GpuRentalPriceSpec {
  /** Catalog id: lower-case letters, digits, '.' and '-'. */
  id: string;
  /** Accelerator id the price is for. */
  acceleratorId: string;
  /** The offer, e.g. "1-year reserved" or "on-demand". */
  term: string;
  /** Price per GPU-hour, USD: low / base / high across the offers found. */
  usdPerGpuHour: UsdRange;
  /** Where the prices come from, when, and how the range was sized. */
  source: Source;
}

/** @internal */
export const gpuRentalPriceSchema = z.strictObject({
  id,
  acceleratorId: id,
  term: z.string().min(1),
  usdPerGpuHour: usdRangeSchema,
  source: sourceSchema,
});
/** @internal */
export type GpuRentalPriceSpecMatchesSchema = Assert<SameShape<GpuRentalPriceSpec, z.infer<typeof gpuRentalPriceSchema>>>;
