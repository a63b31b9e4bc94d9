/**
 * The model's product: a planned tree. `planCampus` (and the plan functions of the other components) validate args
 * against a catalog passed as a value and return, for every resource the campus will create, its type, its name, the
 * args it is created with (derived here, once), exactly the outputs it will publish, its children, and, for a campus,
 * the hourly series the reports draw (never published). Every engine only walks this tree: the Pulumi components
 * (`new Ctor(child.name, child.args, { parent: this, plan: child })`), the constructs, the component package for
 * other languages, and the checker, which keeps each run's series by URN (plan/runProgram.ts). Nothing here is cached
 * by a resource's name: two plans with the same names and different figures can be made side by side.
 *
 * @example
 * ```ts
 * import { planCampus } from "pulumi-aicluster/model";
 * const plan = planCampus("demo", {
 *   location: "New Albany, Ohio", climate: "central-ohio", market: "pjm",
 *   halls: [{ name: "h1", racks: [{ name: "r1", design: "gb300-nvl72", rackCount: 8 }], cooling: { technology: "dry-cooler" } }],
 *   powerContracts: [{ name: "grid", counterparty: "AEP Ohio", source: "grid-pjm-ohio", contractedMw: 2 }],
 * });
 * plan.outputs.facilityPowerMw;        // 1.314: what the Campus component publishes
 * plan.children.map((c) => c.name);    // ["demo-h1", "demo-grid"]
 * plan.series.hours.facilityMw.length; // 8760: the full-build year, hour by hour (never published)
 * ```
 */
import type { Catalog } from "../catalog";
import { CampusArgs, CampusFootprint, contractChildName, hallChildName, planCampusFootprint, RecordedCampusHours } from "./campus";
import { CoolingPlantArgs, coolingPlantModel, CoolingPlantFootprint } from "./coolingPlant";
import { DataHallArgs, dataHallModel, DataHallFootprint, plantChildName, rackGroupChildName } from "./dataHall";
import { GpuNodePoolArgs, gpuNodePoolModel, GpuNodePoolFootprint } from "./gpuNodePool";
import { PowerContractArgs, powerContractModel, PowerContractFootprint } from "./powerContract";
import type { CampusOutputs, CoolingPlantOutputs, DataHallOutputs, GpuNodePoolOutputs, PowerContractOutputs, RackGroupOutputs } from "./published";
import { LiquidCooledRackArgs, rackGroupModel, RackGroupFootprint } from "./rackGroup";
import { TYPE_TOKENS } from "./typeTokens";
import { catalogOf, type Subject } from "./validate";

/** One resource of a planned tree. */
export interface PlannedResource<Args = unknown, Footprint = unknown, Outputs = unknown> {
  /** Type token the resource registers under, e.g. `aicluster:index:DataHall`. */
  readonly type: string;
  /** Resource name (construct id): `<parent>-<child>` below a campus. */
  readonly name: string;
  /** The args the resource is created with: what a resource policy sees. */
  readonly args: Args;
  /** Its footprint as plain numbers, children's included (what a component's `footprint` getter returns). */
  readonly footprint: Footprint;
  /** Exactly what it publishes (`registerOutputs`): what the stack policies and the reports read. */
  readonly outputs: Outputs;
  /** The resources it creates, in order: halls then contracts; rack groups then the plant; a group's node pool. */
  readonly children: readonly PlannedResource[];
}

/**
 * The hourly series of a campus the reports draw, never published (8,760 values each would swell every preview).
 * The arrays are shared with the model's memo: read-only.
 */
export interface CampusSeries {
  /** The full-build year's hours (every hall online), the year they are labelled with, and the site's clock. */
  readonly hours: RecordedCampusHours;
  /**
   * The supply-temperature margin per hour, K: the smallest over the halls with liquid-cooled racks and a plant of
   * the facility water asked for minus the coldest the plant can make (negative: a rack loop gets warmer water than
   * it asks for). Computed when first asked for; undefined when no hall is checked.
   */
  supplyMarginK(): Float64Array | undefined;
}

/** A planned GPU node pool (a leaf). */
export type PlannedGpuNodePool = PlannedResource<GpuNodePoolArgs, GpuNodePoolFootprint, GpuNodePoolOutputs>;
/** A planned rack group, liquid- or air-cooled by its type: its one child is its node pool. */
export type PlannedRackGroup = PlannedResource<LiquidCooledRackArgs, RackGroupFootprint, RackGroupOutputs>;
/** A planned cooling plant (a leaf). */
export type PlannedCoolingPlant = PlannedResource<CoolingPlantArgs, CoolingPlantFootprint, CoolingPlantOutputs>;
/** A planned power contract (a leaf). */
export type PlannedPowerContract = PlannedResource<PowerContractArgs, PowerContractFootprint, PowerContractOutputs>;
/** A planned data hall: its rack groups, then its cooling plant. */
export type PlannedDataHall = PlannedResource<DataHallArgs, DataHallFootprint, DataHallOutputs>;
/** A planned campus: its tree, and the series its reports draw. */
export interface PlannedCampus extends PlannedResource<CampusArgs, CampusFootprint, CampusOutputs> {
  /** The hourly series of the full-build year and the supply-temperature margin (never published). */
  readonly series: CampusSeries;
  /** The catalog the campus was planned with (a confidence run re-plans it with figures drawn from this one's ranges). */
  readonly catalog: Catalog;
}

/** Drops the `name` a parent keys a child's footprint by. */
function withoutName<F extends { name: string }>({ name: _name, ...footprint }: F): Omit<F, "name"> {
  return footprint;
}

function subjectOf(type: string, name: string, catalog: Catalog | undefined): Subject {
  return catalog === undefined ? { type, name } : { type, name, catalog };
}

/** A node pool's tree from its footprint. */
export function gpuNodePoolTree(name: string, args: GpuNodePoolArgs, footprint: GpuNodePoolFootprint): PlannedGpuNodePool {
  return { type: TYPE_TOKENS.nodePool, name, args, footprint, outputs: footprint, children: [] };
}

/** A rack group's tree from its footprint: the group and its one node pool, `<name>-nodes`. */
export function rackGroupTree(name: string, args: LiquidCooledRackArgs, footprint: RackGroupFootprint): PlannedRackGroup {
  const { nodes, ...outputs } = footprint;
  const nodeArgs: GpuNodePoolArgs = { nodeDesign: nodes.nodeDesign, nodeCount: nodes.nodeCount, accelerator: nodes.accelerator };
  const type = footprint.cooling === "liquid" ? TYPE_TOKENS.liquidRack : TYPE_TOKENS.airRack;
  return { type, name, args, footprint, outputs, children: [gpuNodePoolTree(`${name}-nodes`, nodeArgs, nodes)] };
}

/** A cooling plant's tree from its footprint. */
export function coolingPlantTree(name: string, args: CoolingPlantArgs, footprint: CoolingPlantFootprint): PlannedCoolingPlant {
  return { type: TYPE_TOKENS.coolingPlant, name, args, footprint, outputs: footprint, children: [] };
}

/** A power contract's tree from its footprint. */
export function powerContractTree(name: string, args: PowerContractArgs, footprint: PowerContractFootprint): PlannedPowerContract {
  return { type: TYPE_TOKENS.powerContract, name, args, footprint, outputs: footprint, children: [] };
}

/** A hall's tree from its footprint: its rack groups (`<hall>-<group>`) and its plant (`<hall>-cooling`). */
export function dataHallTree(name: string, args: DataHallArgs, footprint: DataHallFootprint): PlannedDataHall {
  const groups = args.racks.map(({ name: group, ...groupArgs }, i) => rackGroupTree(rackGroupChildName(name, group), groupArgs, withoutName(footprint.rackGroups[i])));
  const { rackGroups: _groups, plant, ...rollup } = footprint;
  const plantTree = args.cooling && plant
    ? [coolingPlantTree(plantChildName(name), {
      ...args.cooling, climate: plant.climate, heatLoadKw: footprint.heatLoadKw, utilisation: footprint.utilisation, setpointC: plant.setpointC,
      ...(args.weatherFile === undefined ? {} : { weatherFile: args.weatherFile }),
    }, plant)]
    : [];
  return { type: TYPE_TOKENS.dataHall, name, args, footprint, outputs: { ...rollup, hasCoolingPlant: plant !== undefined }, children: [...groups, ...plantTree] };
}

/** A campus's tree from its footprint and series: its halls (`<campus>-<hall>`) and contracts (`<campus>-<contract>`). */
export function campusTree(name: string, args: CampusArgs, footprint: CampusFootprint, series: CampusSeries, catalog: Catalog): PlannedCampus {
  const halls = args.halls.map(({ name: hall, onlineYear: _onlineYear, ...hallArgs }, i) =>
    dataHallTree(hallChildName(name, hall), { ...hallArgs, climate: args.climate, ...(args.weatherFile === undefined ? {} : { weatherFile: args.weatherFile }) }, withoutName(footprint.halls[i])));
  const contracts = args.powerContracts.map(({ name: contract, ...contractArgs }, i) => {
    // The campus's market is the contract's unless it names its own, so the child's inputs say which market accredited it.
    const market = contractArgs.market ?? args.market;
    // The contract publishes both intensities; the one on the campus's basis is the campus's figure, not the contract's.
    const { carbonIntensityGPerKwh: _onCampusBasis, ...contractFootprint } = footprint.contracts[i];
    return powerContractTree(contractChildName(name, contract), market === undefined ? contractArgs : { ...contractArgs, market }, withoutName(contractFootprint));
  });
  const { halls: _halls, contracts: _contracts, ...outputs } = footprint;
  return { type: TYPE_TOKENS.campus, name, args, footprint, outputs, children: [...halls, ...contracts], series, catalog };
}

/**
 * Plans a campus: validates `args` (an AiclusterInputError naming each bad field) against `catalog`, models every
 * hall, plant, rack group and contract through the hourly model and the year ledger, and returns the tree.
 * @param catalog the specs and prices to plan with. @default the package's `catalog`
 */
export function planCampus(name: string, args: CampusArgs, catalog?: Catalog): PlannedCampus {
  const subject = subjectOf(TYPE_TOKENS.campus, name, catalog);
  const { footprint, series } = planCampusFootprint(args, subject);
  return campusTree(name, args, footprint, series, catalogOf(subject));
}

/** Plans a data hall on its own (not on a campus): its rack groups and plant. */
export function planDataHall(name: string, args: DataHallArgs, catalog?: Catalog): PlannedDataHall {
  return dataHallTree(name, args, dataHallModel(args, subjectOf(TYPE_TOKENS.dataHall, name, catalog)));
}

/** Plans a rack group on its own, of the cooling its type names. */
export function planRackGroup(type: typeof TYPE_TOKENS.liquidRack | typeof TYPE_TOKENS.airRack, name: string, args: LiquidCooledRackArgs, catalog?: Catalog): PlannedRackGroup {
  return rackGroupTree(name, args, rackGroupModel(args, subjectOf(type, name, catalog), type === TYPE_TOKENS.liquidRack ? "liquid" : "air"));
}

/** Plans a cooling plant on its own. */
export function planCoolingPlant(name: string, args: CoolingPlantArgs, catalog?: Catalog): PlannedCoolingPlant {
  return coolingPlantTree(name, args, coolingPlantModel(args, subjectOf(TYPE_TOKENS.coolingPlant, name, catalog)));
}

/** Plans a power contract on its own. */
export function planPowerContract(name: string, args: PowerContractArgs, catalog?: Catalog): PlannedPowerContract {
  return powerContractTree(name, args, powerContractModel(args, subjectOf(TYPE_TOKENS.powerContract, name, catalog)));
}

/** Plans a GPU node pool on its own. */
export function planGpuNodePool(name: string, args: GpuNodePoolArgs, catalog?: Catalog): PlannedGpuNodePool {
  return gpuNodePoolTree(name, args, gpuNodePoolModel(args, subjectOf(TYPE_TOKENS.nodePool, name, catalog)));
}

/** Every resource of a tree, parents before children (the order the engines register them in). */
export function plannedResources(root: PlannedResource): PlannedResource[] {
  return [root, ...root.children.flatMap(plannedResources)];
}
