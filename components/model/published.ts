/**
 * What each component registers as its outputs, derived from the footprints (never restated field by field), by type
 * token. The classes publish these (components/publish.ts) and declare one Output property per field, checked against
 * them at compile time (`implements OutputsOf<...>`); the rules read them through typed keys (policies/view.ts).
 * Engine-free and types only, so the rules import it with `import type`.
 */
import type { CampusFootprint } from "./campus";
import type { CoolingPlantFootprint } from "./coolingPlant";
import type { DataHallFootprint } from "./dataHall";
import type { GpuNodePoolFootprint } from "./gpuNodePool";
import type { PowerContractFootprint } from "./powerContract";
import type { RackGroupFootprint } from "./rackGroup";
import type { TYPE_TOKENS } from "./typeTokens";

/** Outputs a campus publishes: its roll-up, without the per-child footprints; location and climate as their names. */
export type CampusOutputs = Omit<CampusFootprint, "halls" | "contracts" | "location" | "climate" | "onlineYear"> & {
  /** Where the campus is, as given. */
  location: string;
  /** Climate id from the catalog. */
  climate: string;
  /** Year the campus goes online: the arg, else the start of its horizon (absent for an undated campus). */
  onlineYear?: number;
};

/** Outputs a hall publishes: its roll-up, without the per-child footprints (those are the children's). */
export type DataHallOutputs = Omit<DataHallFootprint, "rackGroups" | "plant"> & {
  /** Whether the hall has its own cooling plant (the child `<hall>-cooling`). */
  hasCoolingPlant: boolean;
};

/** Outputs a rack group publishes: its footprint without the nested node pool (that is the child's). */
export type RackGroupOutputs = Omit<RackGroupFootprint, "nodes">;

/** An air-cooled group's supply and return temperatures are always undefined (no value reaches the engine): not declared. */
export type AirCooledRackOutputs = Omit<RackGroupOutputs, "supplyTempC" | "returnTempC">;

/** A liquid-cooled group also publishes the hours its hall's plant misses its supply temperature (set by the hall). */
export type LiquidCooledRackOutputs = RackGroupOutputs & {
  /** Hours of the year the hall's plant makes facility water warmer than this group needs (absent outside a hall with a plant). */
  supplyTempMissedHours?: number;
};

/** Outputs a GPU node pool publishes: its whole footprint. */
export type GpuNodePoolOutputs = GpuNodePoolFootprint;
/** Outputs a cooling plant publishes: its whole footprint. */
export type CoolingPlantOutputs = CoolingPlantFootprint;
/** Outputs a power contract publishes: its whole footprint. */
export type PowerContractOutputs = PowerContractFootprint;

/** The outputs registered under each component type token (the AWS pilot's are its own, see components/aws). */
export interface PublishedByType {
  [TYPE_TOKENS.campus]: CampusOutputs;
  [TYPE_TOKENS.dataHall]: DataHallOutputs;
  [TYPE_TOKENS.liquidRack]: LiquidCooledRackOutputs;
  [TYPE_TOKENS.airRack]: AirCooledRackOutputs;
  [TYPE_TOKENS.nodePool]: GpuNodePoolOutputs;
  [TYPE_TOKENS.coolingPlant]: CoolingPlantOutputs;
  [TYPE_TOKENS.powerContract]: PowerContractOutputs;
}
