/**
 * `pulumi-aicluster/model`: the footprint model without any IaC engine. The same functions the Pulumi components and
 * the constructs (`pulumi-aicluster/constructs`) call: args in, plain-number footprint out, or an AiclusterInputError
 * naming each bad field. No @pulumi/pulumi and no `constructs` import, here or below.
 *
 *   const plan = planCampus("prometheus", args);          // the tree every engine walks (./plan.ts)
 *   plan.outputs.facilityPowerMw; plan.children;           // what the Campus publishes, and what it creates
 *   const other = planCampus("prometheus", args, myCatalog); // the same campus with other figures, side by side
 *
 * `campusModel(args, { type, name })` gives the footprint alone. The subject names the resource in error messages
 * and, for rack groups, prefixes the default rack ids; its `catalog` (default the package's) is the one the model reads.
 */
export { campusTree, coolingPlantTree, dataHallTree, gpuNodePoolTree, plannedResources, planCampus, planCoolingPlant, planDataHall, planGpuNodePool, planPowerContract, planRackGroup, powerContractTree, rackGroupTree } from "./plan";
export type { CampusSeries, PlannedCampus, PlannedCoolingPlant, PlannedDataHall, PlannedGpuNodePool, PlannedPowerContract, PlannedRackGroup, PlannedResource } from "./plan";
export { campusModel, contractChildName, DEFAULT_HORIZON_YEARS, hallChildName, MAX_HORIZON_YEARS } from "./campus";
export type { CampusArgs, CampusFootprint, CampusHallArgs, CampusPowerContractArgs } from "./campus";
export { dataHallModel, plantChildName, rackGroupChildName } from "./dataHall";
export type { DataHallArgs, DataHallFootprint, HallContext, HallDesignArgs, HallRackGroupArgs, HallRackGroupFootprint } from "./dataHall";
export { defaultRackIds, MAX_RACKS_PER_GROUP, rackGroupModel } from "./rackGroup";
export type { GpuPowerBasis, GpuPowerCap, LiquidCooledRackArgs, RackGroupArgs, RackGroupFootprint } from "./rackGroup";
export { coolingPlantModel } from "./coolingPlant";
export type { CoolingPlantArgs, CoolingPlantFootprint, PlantContext, PlantDesignArgs, TrimChillerArgs } from "./coolingPlant";
export { DELIVERIES, powerContractModel } from "./powerContract";
export type { ContractContext, Delivery, PowerContractArgs, PowerContractFootprint, RampStep } from "./powerContract";
export { gpuNodePoolModel, MAX_NODES_PER_POOL } from "./gpuNodePool";
export type { GpuNodePoolArgs, GpuNodePoolFootprint } from "./gpuNodePool";
export { AiclusterInputError, inputErrorMessage, isAiclusterInputError } from "./inputError";
export type { AiclusterInputErrorFields } from "./inputError";
export type { Subject } from "./validate";
export type { InputProblem } from "../catalog/issues";
export * as defaults from "./defaults";
export type { ConstructionLoan, CostYearRow, Financing } from "../costs/campusCost";
export { FINANCING_STRUCTURES, PARTY_ROLES } from "../finance/types";
export type { CampusFinance, CashFlowRow, FinancingStructure, PartyFigures, PartyReturns, PartyRole, RateRange, RefreshEvent, RentalBand } from "../finance/types";
export type { RefreshDesignArgs } from "./campusMoney";
export type { CapexLine } from "../costs/capex";
export type { UsdRange } from "../costs/range";
export type { CampusHours, MonthlyRow } from "../hours/campusHours";
export type { HourlySupply, HourlySupplyMonth } from "../hours/supply";
export type { YearContractRow, YearRow } from "../years/ledger";
export type { RecordedCampusHours } from "./campus";
