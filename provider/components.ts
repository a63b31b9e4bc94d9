/**
 * The components the plugin offers to other languages, and the provider that serves them. Package name `aicluster`,
 * so the tokens are the ones the TypeScript classes already register (`aicluster:index:Campus`, ...).
 */
import type { Provider } from "@pulumi/pulumi/provider";
import { AirCooledRack, Campus, CoolingPlant, DataHall, GpuNodePool, LiquidCooledRack, PowerContract } from "../components";

export const PACKAGE_NAME = "aicluster";

export const components = [Campus, DataHall, LiquidCooledRack, AirCooledRack, CoolingPlant, PowerContract, GpuNodePool];

/**
 * The provider the plugin runs, over a schema built from this folder's sources when first needed (a few seconds,
 * offline, no engine); a construct with invalid args fails before that.
 */
export function createProvider(): { getSchema(): Promise<string>; construct: NonNullable<Provider["construct"]> } {
  // Loaded lazily: provider.ts and schema.ts import this module.
  const provider = import("./provider").then(({ AiclusterProvider }) => new AiclusterProvider(() => import("./schema").then((s) => s.buildSchema(__dirname))));
  return {
    getSchema: async () => (await provider).getSchema(),
    construct: async (name, type, inputs, options) => (await provider).construct(name, type, inputs, options),
  };
}
