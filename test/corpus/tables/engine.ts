/**
 * Two resources with one URN under the mock engine: `settle()` fails with a DuplicateUrnError carrying the engine's
 * message ("Duplicate resource URN '...'; try giving it a unique name"), and the planner exits 2 (bad input: the
 * program named two resources alike). Each row runs on a fresh mock engine.
 */
import { DuplicateUrnError } from "../../../plan/mockEngine";
import type { BadInputCase } from "../helpers";
import { CONTRACT, Components, HALL, LIQUID, POOL } from "./components";

export interface EngineContext {
  c: Components;
  settle: () => Promise<void>;
}

const DUE = { errorClass: DuplicateUrnError, exit: 2 } as const;
const UNIQUE = "; try giving it a unique name";

export const ENGINE_CASES: BadInputCase<EngineContext>[] = [
  {
    name: "two GpuNodePools with one name",
    run: async ({ c, settle }) => { new c.GpuNodePool("dup", POOL); new c.GpuNodePool("dup", POOL); await settle(); },
    ...DUE, field: "aicluster:index:GpuNodePool::dup'", allowed: UNIQUE, message: /^Duplicate resource URN 'urn:pulumi:[^']*::aicluster:index:GpuNodePool::dup'; try giving it a unique name$/,
  },
  {
    name: "two LiquidCooledRacks with one name (the racks and their node pools)",
    run: async ({ c, settle }) => { new c.LiquidCooledRack("row", LIQUID); new c.LiquidCooledRack("row", LIQUID); await settle(); },
    ...DUE, field: "aicluster:index:LiquidCooledRack::row'", allowed: UNIQUE, message: /aicluster:index:LiquidCooledRack\$aicluster:index:GpuNodePool::row-nodes'/,
  },
  {
    name: "two PowerContracts with one name",
    run: async ({ c, settle }) => { new c.PowerContract("ppa", CONTRACT); new c.PowerContract("ppa", CONTRACT); await settle(); },
    ...DUE, field: "aicluster:index:PowerContract::ppa'", allowed: UNIQUE,
  },
  {
    name: "two DataHalls with one name (the halls and every child)",
    run: async ({ c, settle }) => { new c.DataHall("hall", HALL); new c.DataHall("hall", HALL); await settle(); },
    ...DUE, field: "aicluster:index:DataHall::hall'", allowed: UNIQUE, message: /aicluster:index:DataHall\$aicluster:index:CoolingPlant::hall-cooling'/,
  },
];
