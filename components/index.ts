/**
 * aicluster: Pulumi components for AI superclusters, each publishing its physical footprint.
 * Subpaths: `pulumi-aicluster/catalog` (sourced specs), `pulumi-aicluster/physics` (pure formulas),
 * `pulumi-aicluster/weather` (hourly weather years: generated, or read from EPW files).
 */
export * from "./gpuNodePool";
export type { RackGroupOutputs } from "./rackGroup";
export * from "./liquidCooledRack";
export * from "./airCooledRack";
export * from "./coolingPlant";
export * from "./powerContract";
export * from "./dataHall";
export * from "./campus";
export { AiclusterInputError, isAiclusterInputError } from "./errors";
export type { GpuPowerBasis, RackGroupArgs, RackGroupFootprint } from "./model/rackGroup";
export type { AirCooledRackOutputs, CoolingPlantOutputs, GpuNodePoolOutputs, LiquidCooledRackOutputs, PowerContractOutputs } from "./model/published";
export type { OutputsOf } from "./publish";
export * as defaults from "./model/defaults";
export { catalog, Catalog, CatalogError } from "./catalog";
export type { InputProblem } from "./catalog";
export * as physics from "./physics";
export * as weather from "./weather";
