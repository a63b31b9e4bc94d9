/**
 * The components the plugin offers to other languages, and the provider that serves them. Package name `aicluster`,
 * so the tokens are the ones the TypeScript classes already register (`aicluster:index:Campus`, ...).
 */
import { ComponentProvider } from "@pulumi/pulumi/provider/experimental";
import { AirCooledRack, Campus, CoolingPlant, DataHall, GpuNodePool, LiquidCooledRack, PowerContract } from "../components";

export const PACKAGE_NAME = "aicluster";

export const components = [Campus, DataHall, LiquidCooledRack, AirCooledRack, CoolingPlant, PowerContract, GpuNodePool];

/** The provider over this folder's sources; `getSchema()` works offline, without an engine. */
export function createProvider(): ComponentProvider {
  return new ComponentProvider({ components, name: PACKAGE_NAME, dirname: __dirname });
}
