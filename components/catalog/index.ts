/** Sourced specs of accelerators, node and rack designs, cooling technologies, generation sources, markets and climates. */
export * from "./schema";
export * from "./issues";
export * from "./registry";
export { numberAt, withNumberAt } from "./figureRange";
export type { FigureRange, FigureRanges } from "./figureRange";
export { BUILTIN_ACCELERATORS } from "./accelerators";
export { BUILTIN_NODE_DESIGNS } from "./nodeDesigns";
export { BUILTIN_RACK_DESIGNS } from "./rackDesigns";
export { BUILTIN_COOLING_TECHNOLOGIES } from "./coolingTechnologies";
export { BUILTIN_GENERATION_SOURCES } from "./generationSources";
export { BUILTIN_CLIMATES } from "./climates";
export { BUILTIN_MARKETS } from "./markets";
export * from "./costSchema";
export { BUILTIN_COOLING_PLANT_COSTS, BUILTIN_ENERGY_PRICES, BUILTIN_FACILITY_COSTS, BUILTIN_GENERATION_COSTS, BUILTIN_RACK_HARDWARE_COSTS, BUILTIN_WATER_PRICES, DEFAULT_FACILITY_COST } from "./costs";
/** @internal */
export { marketSchema } from "./marketSchema";
export type { HubPriceSpec, LargeLoadCurtailmentSpec, MarketSpec } from "./marketSchema";
export { BUILTIN_AWS_INSTANCE_TYPES } from "./awsInstanceTypes";
export * from "./financeSchema";
export { BUILTIN_COSTS_OF_CAPITAL, BUILTIN_GPU_RENTAL_PRICES, DEFAULT_COST_OF_CAPITAL, DEFAULT_PARTNER_EQUITY_RETURN } from "./finance";
export { AWARE_MAX, AWARE_MIN, BASELINE_WATER_STRESS_CATEGORIES } from "./waterScarcitySchema";
/** @internal */
export { waterScarcitySchema } from "./waterScarcitySchema";
export type { BaselineWaterStress, BaselineWaterStressCategory, WaterScarcitySpec } from "./waterScarcitySchema";
export { BUILTIN_WATER_SCARCITY } from "./waterScarcity";
