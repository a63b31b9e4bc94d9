/**
 * The type token of every aicluster component, in one place: the classes register under them (`static type`), the
 * rules and the report select resources by them, and stacks and constructs name subjects with them. Engine-free, so
 * the rules read them without loading the Pulumi component classes.
 *
 * `aicluster:index:<ClassName>`: the component package (provider/) derives the same token from the class name, which
 * test/componentPackage.test.ts checks.
 */
export const TYPE_TOKENS = {
  campus: "aicluster:index:Campus",
  dataHall: "aicluster:index:DataHall",
  liquidRack: "aicluster:index:LiquidCooledRack",
  airRack: "aicluster:index:AirCooledRack",
  nodePool: "aicluster:index:GpuNodePool",
  coolingPlant: "aicluster:index:CoolingPlant",
  powerContract: "aicluster:index:PowerContract",
  awsPilot: "aicluster:aws:GpuCluster",
} as const;

/** One of the tokens above. */
export type TypeToken = (typeof TYPE_TOKENS)[keyof typeof TYPE_TOKENS];

const AICLUSTER_TYPES: ReadonlySet<string> = new Set(Object.values(TYPE_TOKENS));

/** Whether a resource type is one of aicluster's components (what the rules check). */
export function isAiclusterType(type: string): boolean {
  return AICLUSTER_TYPES.has(type);
}
