/**
 * Bad args for every component. Each row constructs one component (under Pulumi's mocks) and names the field the
 * AiclusterInputError must report; the planner exits 2 for all of them. Bounds are those in the TSDoc of the args
 * interfaces (components/model/*.ts): a value just past each one, and the value at an exclusive ("above 0") bound.
 */
import { AiclusterInputError } from "../../../components/errors";
import type { BadInputCase } from "../helpers";

export type Components = typeof import("../../../components");
export type ComponentCase = BadInputCase<Components>;

// Bad input is what these rows are about, so they bypass the args types on purpose.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Any = any;

const AIE = { errorClass: AiclusterInputError, exit: 2 } as const;

/** Valid args of each component; a row changes one thing. */
export const POOL = { nodeDesign: "hgx-h100-8gpu", nodeCount: 4 };
export const LIQUID = { design: "gb200-nvl72", rackCount: 2 };
export const AIR = { design: "hgx-h100-air-rack", rackCount: 2 };
export const PLANT = { technology: "evaporative-tower", climate: "central-ohio", heatLoadKw: 5000 };
export const CONTRACT = { counterparty: "Utility", source: "gas-ccgt", market: "pjm", contractedMw: 10 };
export const HALL = { racks: [{ name: "row1", design: "gb200-nvl72", rackCount: 2 }], cooling: { technology: "adiabatic" }, climate: "central-ohio" };
const group = (name: string, extra: Record<string, unknown> = {}) => ({ name, design: "gb200-nvl72", rackCount: 2, ...extra });
const hall = (name: string, racks: unknown[] = [group("row1")], extra: Record<string, unknown> = {}) => ({ name, racks, cooling: { technology: "adiabatic" }, ...extra });
const contract = (name: string, extra: Record<string, unknown> = {}) => ({ name, ...CONTRACT, ...extra });
export const campus = (extra: Record<string, unknown> = {}): Any => ({
  location: "Test site", climate: "central-ohio", halls: [hall("h1")], powerContracts: [contract("gas")], ...extra,
});

const NODES = "a whole number from 0 to 10,000,000";
const RACKS = "a whole number from 1 to 100,000";

export const GPU_NODE_POOL: ComponentCase[] = [
  { name: "GpuNodePool: an empty name (Pulumi needs one for the URN)", run: (c) => new c.GpuNodePool("", POOL), ...AIE, field: "(name)", value: "", allowed: "a non-empty resource name" },
  { name: "GpuNodePool: no name at all", run: (c) => new c.GpuNodePool(undefined as Any, POOL), ...AIE, field: "(name)", value: undefined, allowed: "a non-empty resource name" },
  { name: "GpuNodePool: nodeCount missing", run: (c) => new c.GpuNodePool("p", { nodeDesign: "hgx-h100-8gpu" } as Any), ...AIE, field: "nodeCount", value: undefined, allowed: NODES },
  { name: "GpuNodePool: nodeDesign missing", run: (c) => new c.GpuNodePool("p", { nodeCount: 1 } as Any), ...AIE, field: "nodeDesign", value: undefined, allowed: "a node design id" },
  { name: "GpuNodePool: args null", run: (c) => new c.GpuNodePool("p", null as Any), ...AIE, field: "nodeDesign", value: undefined },
  { name: "GpuNodePool: nodeCount a string", run: (c) => new c.GpuNodePool("p", { ...POOL, nodeCount: "8" } as Any), ...AIE, field: "nodeCount", value: "8", allowed: NODES },
  { name: "GpuNodePool: nodeDesign an object", run: (c) => new c.GpuNodePool("p", { ...POOL, nodeDesign: { id: "hgx-h100-8gpu" } } as Any), ...AIE, field: "nodeDesign", value: { id: "hgx-h100-8gpu" }, allowed: "(string)" },
  { name: "GpuNodePool: nodeCount NaN", run: (c) => new c.GpuNodePool("p", { ...POOL, nodeCount: Number.NaN }), ...AIE, field: "nodeCount", value: Number.NaN, allowed: NODES },
  { name: "GpuNodePool: nodeCount Infinity", run: (c) => new c.GpuNodePool("p", { ...POOL, nodeCount: Infinity }), ...AIE, field: "nodeCount", value: Infinity, allowed: NODES },
  { name: "GpuNodePool: nodeCount -Infinity", run: (c) => new c.GpuNodePool("p", { ...POOL, nodeCount: -Infinity }), ...AIE, field: "nodeCount", value: -Infinity, allowed: NODES },
  { name: "GpuNodePool: nodeCount -1 (just below 0)", run: (c) => new c.GpuNodePool("p", { ...POOL, nodeCount: -1 }), ...AIE, field: "nodeCount", value: -1, allowed: NODES },
  { name: "GpuNodePool: nodeCount 10,000,001 (just above the maximum)", run: (c) => new c.GpuNodePool("p", { ...POOL, nodeCount: 10_000_001 }), ...AIE, field: "nodeCount", value: 10_000_001, allowed: NODES },
  { name: "GpuNodePool: nodeCount fractional", run: (c) => new c.GpuNodePool("p", { ...POOL, nodeCount: 2.5 }), ...AIE, field: "nodeCount", value: 2.5, allowed: NODES },
  { name: "GpuNodePool: unknown field nodecount (typo)", run: (c) => new c.GpuNodePool("p", { nodeDesign: "hgx-h100-8gpu", nodecount: 4 } as Any), ...AIE, field: "nodecount", value: 4, allowed: "no such field" },
  { name: "GpuNodePool: unknown nodeDesign", run: (c) => new c.GpuNodePool("p", { ...POOL, nodeDesign: "hgx-h900-8gpu" }), ...AIE, field: "nodeDesign", value: "hgx-h900-8gpu", allowed: "a node design in the catalog: " },
  { name: "GpuNodePool: unknown accelerator", run: (c) => new c.GpuNodePool("p", { ...POOL, accelerator: "h300" }), ...AIE, field: "accelerator", value: "h300", allowed: "an accelerator in the catalog: " },
  { name: "GpuNodePool: accelerator pushes the node past its maximum power", run: (c) => new c.GpuNodePool("p", { ...POOL, accelerator: "mi325x" }), ...AIE, field: "accelerator", value: "mi325x", allowed: "within its 10200 W maximum" },
  { name: "GpuNodePool: liquid-only accelerator in an air-cooled node", run: (c) => new c.GpuNodePool("p", { ...POOL, accelerator: "gb200" }), ...AIE, field: "accelerator", value: "gb200", allowed: "an air-coolable accelerator" },
];

export const LIQUID_COOLED_RACK: ComponentCase[] = [
  { name: "LiquidCooledRack: rackCount missing", run: (c) => new c.LiquidCooledRack("r", { design: "gb200-nvl72" } as Any), ...AIE, field: "rackCount", value: undefined, allowed: RACKS },
  { name: "LiquidCooledRack: design missing", run: (c) => new c.LiquidCooledRack("r", { rackCount: 1 } as Any), ...AIE, field: "design", value: undefined, allowed: "a rack design id" },
  { name: "LiquidCooledRack: rackCount a string", run: (c) => new c.LiquidCooledRack("r", { ...LIQUID, rackCount: "4" } as Any), ...AIE, field: "rackCount", value: "4", allowed: RACKS },
  { name: "LiquidCooledRack: rackCount 0 (just below 1)", run: (c) => new c.LiquidCooledRack("r", { ...LIQUID, rackCount: 0 }), ...AIE, field: "rackCount", value: 0, allowed: RACKS },
  { name: "LiquidCooledRack: rackCount 100,001", run: (c) => new c.LiquidCooledRack("r", { ...LIQUID, rackCount: 100_001 }), ...AIE, field: "rackCount", value: 100_001, allowed: RACKS },
  { name: "LiquidCooledRack: rackCount fractional", run: (c) => new c.LiquidCooledRack("r", { ...LIQUID, rackCount: 1.5 }), ...AIE, field: "rackCount", value: 1.5, allowed: RACKS },
  { name: "LiquidCooledRack: unknown field rackcount (typo)", run: (c) => new c.LiquidCooledRack("r", { design: "gb200-nvl72", rackcount: 2 } as Any), ...AIE, field: "rackcount", value: 2, allowed: "no such field" },
  { name: "LiquidCooledRack: unknown design", run: (c) => new c.LiquidCooledRack("r", { ...LIQUID, design: "gb900-nvl576" }), ...AIE, field: "design", value: "gb900-nvl576", allowed: "a rack design in the catalog: " },
  { name: "LiquidCooledRack: air-cooled design", run: (c) => new c.LiquidCooledRack("r", { ...LIQUID, design: "hgx-h100-air-rack" }), ...AIE, field: "design", value: "hgx-h100-air-rack", allowed: "a liquid-cooled rack design: " },
  { name: "LiquidCooledRack: supplyTempC 16, below the design's 17 °C", run: (c) => new c.LiquidCooledRack("r", { ...LIQUID, supplyTempC: 16 }), ...AIE, field: "supplyTempC", value: 16, allowed: 'a number from 17 to 45 °C (rack design "gb200-nvl72")' },
  { name: "LiquidCooledRack: supplyTempC 45.5, above the design's 45 °C", run: (c) => new c.LiquidCooledRack("r", { ...LIQUID, supplyTempC: 45.5 }), ...AIE, field: "supplyTempC", value: 45.5, allowed: "a number from 17 to 45 °C" },
  { name: "LiquidCooledRack: supplyTempC 1.9, below any design (2 °C)", run: (c) => new c.LiquidCooledRack("r", { ...LIQUID, supplyTempC: 1.9 }), ...AIE, field: "supplyTempC", value: 1.9, allowed: "a number from 2 to 70 °C" },
  { name: "LiquidCooledRack: supplyTempC NaN", run: (c) => new c.LiquidCooledRack("r", { ...LIQUID, supplyTempC: Number.NaN }), ...AIE, field: "supplyTempC", value: Number.NaN, allowed: "a number from 2 to 70 °C" },
  { name: "LiquidCooledRack: deltaTK 3.9", run: (c) => new c.LiquidCooledRack("r", { ...LIQUID, deltaTK: 3.9 }), ...AIE, field: "deltaTK", value: 3.9, allowed: "a number from 4 to 20 K" },
  { name: "LiquidCooledRack: deltaTK 20.1", run: (c) => new c.LiquidCooledRack("r", { ...LIQUID, deltaTK: 20.1 }), ...AIE, field: "deltaTK", value: 20.1, allowed: "a number from 4 to 20 K" },
  { name: "LiquidCooledRack: cduCapacityKwPerRack 0 (exclusive bound)", run: (c) => new c.LiquidCooledRack("r", { ...LIQUID, cduCapacityKwPerRack: 0 }), ...AIE, field: "cduCapacityKwPerRack", value: 0, allowed: "a number above 0 and up to 2,000 kW" },
  { name: "LiquidCooledRack: cduCapacityKwPerRack 2000.5", run: (c) => new c.LiquidCooledRack("r", { ...LIQUID, cduCapacityKwPerRack: 2000.5 }), ...AIE, field: "cduCapacityKwPerRack", value: 2000.5, allowed: "a number above 0 and up to 2,000 kW" },
  { name: "LiquidCooledRack: nodesPerRack 19, past the design's 18 slots", run: (c) => new c.LiquidCooledRack("r", { ...LIQUID, nodesPerRack: 19 }), ...AIE, field: "nodesPerRack", value: 19, allowed: 'a whole number from 1 to 18 (slots in rack design "gb200-nvl72")' },
  { name: "LiquidCooledRack: nodesPerRack 0", run: (c) => new c.LiquidCooledRack("r", { ...LIQUID, nodesPerRack: 0 }), ...AIE, field: "nodesPerRack", value: 0, allowed: "a whole number from 1 to 128" },
  { name: "LiquidCooledRack: accelerator pushes the tray past its maximum power", run: (c) => new c.LiquidCooledRack("r", { ...LIQUID, accelerator: "gb300" }), ...AIE, field: "accelerator", value: "gb300", allowed: "within its 6300 W maximum" },
  { name: "LiquidCooledRack: rackIds shorter than rackCount", run: (c) => new c.LiquidCooledRack("r", { ...LIQUID, rackIds: ["a"] }), ...AIE, field: "rackIds", value: "1 ids", allowed: "exactly rackCount (2) ids" },
  { name: "LiquidCooledRack: rackIds longer than rackCount", run: (c) => new c.LiquidCooledRack("r", { ...LIQUID, rackIds: ["a", "b", "c"] }), ...AIE, field: "rackIds", value: "3 ids", allowed: "exactly rackCount (2) ids" },
  { name: "LiquidCooledRack: rackIds with a duplicate", run: (c) => new c.LiquidCooledRack("r", { ...LIQUID, rackIds: ["a", "a"] }), ...AIE, field: "rackIds", value: ["a", "a"], allowed: "ids without duplicates" },
  { name: "LiquidCooledRack: rackIds with an empty id", run: (c) => new c.LiquidCooledRack("r", { ...LIQUID, rackIds: ["a", ""] }), ...AIE, field: "rackIds[1]", value: "", allowed: "a non-empty rack id" },
  { name: "LiquidCooledRack: gpuPowerCapW and gpuPowerCapFraction both given", run: (c) => new c.LiquidCooledRack("r", { ...LIQUID, gpuPowerCapW: 960, gpuPowerCapFraction: 0.8 }), ...AIE, field: "gpuPowerCapFraction", value: 0.8, allowed: "unset when gpuPowerCapW is given (960 W)" },
  { name: "LiquidCooledRack: gpuPowerCapW above the GB200's 1,200 W nameplate", run: (c) => new c.LiquidCooledRack("r", { ...LIQUID, gpuPowerCapW: 1201 }), ...AIE, field: "gpuPowerCapW", value: 1201, allowed: "a number from 360 to 1200 W" },
  { name: "LiquidCooledRack: gpuPowerCapW NaN", run: (c) => new c.LiquidCooledRack("r", { ...LIQUID, gpuPowerCapW: Number.NaN }), ...AIE, field: "gpuPowerCapW", value: Number.NaN, allowed: "a number of W from 30 % to 100 % of the accelerator's nameplate board power" },
  { name: "LiquidCooledRack: gpuPowerCapFraction 0.29, below the floor", run: (c) => new c.LiquidCooledRack("r", { ...LIQUID, gpuPowerCapFraction: 0.29 }), ...AIE, field: "gpuPowerCapFraction", value: 0.29, allowed: "a number from 0.3 to 1" },
  { name: "LiquidCooledRack: rackIds a string", run: (c) => new c.LiquidCooledRack("r", { ...LIQUID, rackIds: "a,b" } as Any), ...AIE, field: "rackIds", value: "a,b", allowed: "a list of rack ids" },
];

export const AIR_COOLED_RACK: ComponentCase[] = [
  { name: "AirCooledRack: liquid-cooled design", run: (c) => new c.AirCooledRack("a", { ...AIR, design: "gb200-nvl72" }), ...AIE, field: "design", value: "gb200-nvl72", allowed: "an air-cooled rack design: " },
  { name: "AirCooledRack: liquid-only field supplyTempC", run: (c) => new c.AirCooledRack("a", { ...AIR, supplyTempC: 30 } as Any), ...AIE, field: "supplyTempC", value: 30, allowed: "no such field" },
  { name: "AirCooledRack: liquid-only field deltaTK", run: (c) => new c.AirCooledRack("a", { ...AIR, deltaTK: 10 } as Any), ...AIE, field: "deltaTK", value: 10, allowed: "no such field" },
  { name: "AirCooledRack: rackCount -1", run: (c) => new c.AirCooledRack("a", { ...AIR, rackCount: -1 }), ...AIE, field: "rackCount", value: -1, allowed: RACKS },
  { name: "AirCooledRack: rackCount Infinity", run: (c) => new c.AirCooledRack("a", { ...AIR, rackCount: Infinity }), ...AIE, field: "rackCount", value: Infinity, allowed: RACKS },
  { name: "AirCooledRack: nodesPerRack 5, past the design's 4 slots", run: (c) => new c.AirCooledRack("a", { ...AIR, nodesPerRack: 5 }), ...AIE, field: "nodesPerRack", value: 5, allowed: 'a whole number from 1 to 4 (slots in rack design "hgx-h100-air-rack")' },
  { name: "AirCooledRack: nodesPerRack 129 (past any design)", run: (c) => new c.AirCooledRack("a", { ...AIR, nodesPerRack: 129 }), ...AIE, field: "nodesPerRack", value: 129, allowed: "a whole number from 1 to 128" },
  { name: "AirCooledRack: liquid-only accelerator", run: (c) => new c.AirCooledRack("a", { ...AIR, accelerator: "gb300" }), ...AIE, field: "accelerator", value: "gb300", allowed: "an air-coolable accelerator" },
  { name: "AirCooledRack: accelerator pushes the node past its maximum power", run: (c) => new c.AirCooledRack("a", { ...AIR, accelerator: "b200" }), ...AIE, field: "accelerator", value: "b200", allowed: '"b200" gives 12600 W' },
  { name: "AirCooledRack: accelerator an object", run: (c) => new c.AirCooledRack("a", { ...AIR, accelerator: { id: "h100-sxm" } } as Any), ...AIE, field: "accelerator", allowed: "an accelerator id (string)" },
  { name: "AirCooledRack: rackIds with a duplicate", run: (c) => new c.AirCooledRack("a", { ...AIR, rackIds: ["x-1", "x-1"] }), ...AIE, field: "rackIds", allowed: "ids without duplicates" },
];

const UNITS = "a whole number from 1 to 100,000";
export const COOLING_PLANT: ComponentCase[] = [
  { name: "CoolingPlant: heatLoadKw missing", run: (c) => new c.CoolingPlant("cp", { technology: "evaporative-tower", climate: "central-ohio" } as Any), ...AIE, field: "heatLoadKw", value: undefined, allowed: "a number from 0 to 100,000,000 kW" },
  { name: "CoolingPlant: climate missing", run: (c) => new c.CoolingPlant("cp", { technology: "evaporative-tower", heatLoadKw: 100 } as Any), ...AIE, field: "climate", value: undefined, allowed: "a climate id" },
  { name: "CoolingPlant: unknown technology", run: (c) => new c.CoolingPlant("cp", { ...PLANT, technology: "immersion" }), ...AIE, field: "technology", value: "immersion", allowed: "a cooling technology in the catalog: adiabatic, chiller, dry-cooler, evaporative-tower" },
  { name: "CoolingPlant: unknown climate", run: (c) => new c.CoolingPlant("cp", { ...PLANT, climate: "mars" }), ...AIE, field: "climate", value: "mars", allowed: "a climate in the catalog: " },
  { name: "CoolingPlant: heatLoadKw -1", run: (c) => new c.CoolingPlant("cp", { ...PLANT, heatLoadKw: -1 }), ...AIE, field: "heatLoadKw", value: -1, allowed: "a number from 0 to 100,000,000 kW" },
  { name: "CoolingPlant: heatLoadKw 100,000,001", run: (c) => new c.CoolingPlant("cp", { ...PLANT, heatLoadKw: 100_000_001 }), ...AIE, field: "heatLoadKw", value: 100_000_001, allowed: "a number from 0 to 100,000,000 kW" },
  { name: "CoolingPlant: units 0", run: (c) => new c.CoolingPlant("cp", { ...PLANT, units: 0 }), ...AIE, field: "units", value: 0, allowed: UNITS },
  { name: "CoolingPlant: units 100,001", run: (c) => new c.CoolingPlant("cp", { ...PLANT, units: 100_001 }), ...AIE, field: "units", value: 100_001, allowed: UNITS },
  { name: "CoolingPlant: units fractional", run: (c) => new c.CoolingPlant("cp", { ...PLANT, units: 2.5 }), ...AIE, field: "units", value: 2.5, allowed: UNITS },
  { name: "CoolingPlant: explicit units cannot carry the heat load", run: (c) => new c.CoolingPlant("cp", { ...PLANT, units: 1 }), ...AIE, field: "units", value: 1, allowed: "enough capacity for the 5,000 kW heat load; 1 × 3,000 kW = 3,000 kW installed" },
  { name: "CoolingPlant: unitCapacityKw 0 (exclusive bound)", run: (c) => new c.CoolingPlant("cp", { ...PLANT, unitCapacityKw: 0 }), ...AIE, field: "unitCapacityKw", value: 0, allowed: "a number above 0 and up to 1,000,000 kW" },
  { name: "CoolingPlant: unitCapacityKw 1,000,001", run: (c) => new c.CoolingPlant("cp", { ...PLANT, unitCapacityKw: 1_000_001 }), ...AIE, field: "unitCapacityKw", value: 1_000_001, allowed: "a number above 0 and up to 1,000,000 kW" },
  { name: "CoolingPlant: redundancy 3N", run: (c) => new c.CoolingPlant("cp", { ...PLANT, redundancy: "3N" }), ...AIE, field: "redundancy", value: "3N", allowed: "one of N, N+1, 2N" },
  { name: "CoolingPlant: redundancy in lower case", run: (c) => new c.CoolingPlant("cp", { ...PLANT, redundancy: "n+1" }), ...AIE, field: "redundancy", value: "n+1", allowed: "one of N, N+1, 2N" },
  { name: "CoolingPlant: powerKwPerKwHeat 1.1", run: (c) => new c.CoolingPlant("cp", { ...PLANT, powerKwPerKwHeat: 1.1 }), ...AIE, field: "powerKwPerKwHeat", value: 1.1, allowed: "a number from 0 to 1 kW per kW of heat" },
  { name: "CoolingPlant: powerKwPerKwHeat outside the technology's range", run: (c) => new c.CoolingPlant("cp", { ...PLANT, technology: "dry-cooler", powerKwPerKwHeat: 0.09 }), ...AIE, field: "powerKwPerKwHeat", value: 0.09, allowed: 'a number from 0.03 to 0.08 kW per kW of heat (technology "dry-cooler")' },
  { name: "CoolingPlant: evaporativeFraction -0.1", run: (c) => new c.CoolingPlant("cp", { ...PLANT, evaporativeFraction: -0.1 }), ...AIE, field: "evaporativeFraction", value: -0.1, allowed: "a number from 0 to 1" },
  { name: "CoolingPlant: evaporativeFraction 1.01", run: (c) => new c.CoolingPlant("cp", { ...PLANT, evaporativeFraction: 1.01 }), ...AIE, field: "evaporativeFraction", value: 1.01, allowed: "a number from 0 to 1" },
  { name: "CoolingPlant: cyclesOfConcentration 1.4", run: (c) => new c.CoolingPlant("cp", { ...PLANT, cyclesOfConcentration: 1.4 }), ...AIE, field: "cyclesOfConcentration", value: 1.4, allowed: "a number from 1.5 to 20" },
  { name: "CoolingPlant: cyclesOfConcentration 20.1", run: (c) => new c.CoolingPlant("cp", { ...PLANT, cyclesOfConcentration: 20.1 }), ...AIE, field: "cyclesOfConcentration", value: 20.1, allowed: "a number from 1.5 to 20" },
  { name: "CoolingPlant: utilisation 0 (exclusive bound)", run: (c) => new c.CoolingPlant("cp", { ...PLANT, utilisation: 0 }), ...AIE, field: "utilisation", value: 0, allowed: "a number above 0 and up to 1" },
  { name: "CoolingPlant: utilisation 1.01", run: (c) => new c.CoolingPlant("cp", { ...PLANT, utilisation: 1.01 }), ...AIE, field: "utilisation", value: 1.01, allowed: "a number above 0 and up to 1" },
  { name: "CoolingPlant: evaporativeFraction on a technology without water", run: (c) => new c.CoolingPlant("cp", { ...PLANT, technology: "dry-cooler", evaporativeFraction: 0.5 }), ...AIE, field: "evaporativeFraction", value: 0.5, allowed: '0 or unset: technology "dry-cooler"' },
  { name: "CoolingPlant: unknown field unit (typo)", run: (c) => new c.CoolingPlant("cp", { ...PLANT, unit: 3 } as Any), ...AIE, field: "unit", value: 3, allowed: "no such field" },
];

export const POWER_CONTRACT: ComponentCase[] = [
  { name: "PowerContract: contractedMw missing", run: (c) => new c.PowerContract("pc", { counterparty: "U", source: "nuclear" } as Any), ...AIE, field: "contractedMw", value: undefined, allowed: "a number above 0 and up to 100,000 MW" },
  { name: "PowerContract: source missing", run: (c) => new c.PowerContract("pc", { counterparty: "U", contractedMw: 1 } as Any), ...AIE, field: "source", value: undefined, allowed: "a generation source id" },
  // Issue 32, deliverable 8: a first-delivery date in the model's 365-day year and its startYear; a status on the record.
  { name: "PowerContract: startDate 29 February", run: (c) => new c.PowerContract("pc", { ...CONTRACT, startDate: "2028-02-29" }), ...AIE, field: "startDate", value: "2028-02-29", allowed: "February 29 is not modelled" },
  { name: "PowerContract: startDate outside startYear", run: (c) => new c.PowerContract("pc", { ...CONTRACT, startYear: 2027, startDate: "2026-09-30" }), ...AIE, field: "startDate", value: "2026-09-30", allowed: "a date in startYear (2027)" },
  { name: "PowerContract: status not on the list", run: (c) => new c.PowerContract("pc", { ...CONTRACT, status: "rumoured" }), ...AIE, field: "status", value: "rumoured", allowed: '"contracted", "approved" or "proposed"' },
  { name: "PowerContract: counterparty empty", run: (c) => new c.PowerContract("pc", { ...CONTRACT, counterparty: "" }), ...AIE, field: "counterparty", value: "", allowed: "the counterparty's name" },
  { name: "PowerContract: counterparty an object", run: (c) => new c.PowerContract("pc", { ...CONTRACT, counterparty: { name: "U" } } as Any), ...AIE, field: "counterparty", allowed: "the counterparty's name" },
  { name: "PowerContract: contractedMw 0 (exclusive bound)", run: (c) => new c.PowerContract("pc", { ...CONTRACT, contractedMw: 0 }), ...AIE, field: "contractedMw", value: 0, allowed: "a number above 0 and up to 100,000 MW" },
  { name: "PowerContract: contractedMw 100,001", run: (c) => new c.PowerContract("pc", { ...CONTRACT, contractedMw: 100_001 }), ...AIE, field: "contractedMw", value: 100_001, allowed: "a number above 0 and up to 100,000 MW" },
  { name: "PowerContract: contractedMw Infinity", run: (c) => new c.PowerContract("pc", { ...CONTRACT, contractedMw: Infinity }), ...AIE, field: "contractedMw", value: Infinity },
  { name: "PowerContract: contractedMw a string", run: (c) => new c.PowerContract("pc", { ...CONTRACT, contractedMw: "100" } as Any), ...AIE, field: "contractedMw", value: "100" },
  { name: "PowerContract: firmFraction 1.01", run: (c) => new c.PowerContract("pc", { ...CONTRACT, firmFraction: 1.01 }), ...AIE, field: "firmFraction", value: 1.01, allowed: "a number from 0 to 1" },
  { name: "PowerContract: capacityFactor -0.01", run: (c) => new c.PowerContract("pc", { ...CONTRACT, capacityFactor: -0.01 }), ...AIE, field: "capacityFactor", value: -0.01, allowed: "a number from 0 to 1" },
  { name: "PowerContract: lifecycleGPerKwh 2001", run: (c) => new c.PowerContract("pc", { ...CONTRACT, lifecycleGPerKwh: 2001 }), ...AIE, field: "lifecycleGPerKwh", value: 2001, allowed: "a number from 0 to 2,000 gCO2e/kWh" },
  { name: "PowerContract: combustionGPerKwh -1", run: (c) => new c.PowerContract("pc", { ...CONTRACT, combustionGPerKwh: -1 }), ...AIE, field: "combustionGPerKwh", value: -1, allowed: "a number from 0 to 2,000 gCO2e/kWh" },
  { name: "PowerContract: startYear 1999", run: (c) => new c.PowerContract("pc", { ...CONTRACT, startYear: 1999 }), ...AIE, field: "startYear", value: 1999, allowed: "a whole number from 2,000 to 2,100" },
  { name: "PowerContract: startYear 2101", run: (c) => new c.PowerContract("pc", { ...CONTRACT, startYear: 2101 }), ...AIE, field: "startYear", value: 2101 },
  { name: "PowerContract: startYear fractional", run: (c) => new c.PowerContract("pc", { ...CONTRACT, startYear: 2030.5 }), ...AIE, field: "startYear", value: 2030.5 },
  { name: "PowerContract: termYears 0", run: (c) => new c.PowerContract("pc", { ...CONTRACT, termYears: 0 }), ...AIE, field: "termYears", value: 0, allowed: "a whole number from 1 to 60" },
  { name: "PowerContract: termYears 61", run: (c) => new c.PowerContract("pc", { ...CONTRACT, termYears: 61 }), ...AIE, field: "termYears", value: 61, allowed: "a whole number from 1 to 60" },
  { name: "PowerContract: priceUsdPerMwh -1 (an annual price below 0)", run: (c) => new c.PowerContract("pc", { ...CONTRACT, priceUsdPerMwh: -1 }), ...AIE, field: "priceUsdPerMwh", value: -1, allowed: "a number from 0 to 10,000 USD/MWh" },
  // Issue 32: -1,000 was accepted and made the cost per GPU-hour negative.
  { name: "PowerContract: priceUsdPerMwh -1000 (was accepted: a negative cost per GPU-hour)", run: (c) => new c.PowerContract("pc", { ...CONTRACT, priceUsdPerMwh: -1000 }), ...AIE, field: "priceUsdPerMwh", value: -1000, allowed: "a number from 0 to 10,000 USD/MWh", message: /priceUsdPerMwh = -1000; allowed: a number from 0 to 10,000 USD\/MWh/ },
  // Issue 32: termYears without startYear delivered in every year (the term was ignored).
  { name: "PowerContract: termYears without startYear (was ignored: delivered every year)", run: (c) => new c.PowerContract("pc", { ...CONTRACT, termYears: 5 }), ...AIE, field: "termYears", value: 5, allowed: "unset, or with startYear (the first year of delivery, 2000 to 2100): a term counts from its first year, so without startYear it would be ignored" },
  { name: "Campus: a contract's termYears without startYear names the contract", run: (c) => new c.Campus("cp", campus({ powerContracts: [contract("gas", { termYears: 20 })] })), ...AIE, field: "powerContracts[0].termYears", value: 20, allowed: "unset, or with startYear" },
  { name: "PowerContract: priceUsdPerMwh 10,001", run: (c) => new c.PowerContract("pc", { ...CONTRACT, priceUsdPerMwh: 10_001 }), ...AIE, field: "priceUsdPerMwh", value: 10_001 },
  { name: "PowerContract: unknown source", run: (c) => new c.PowerContract("pc", { ...CONTRACT, source: "coal" }), ...AIE, field: "source", value: "coal", allowed: "a generation source in the catalog: " },
  { name: "PowerContract: unknown market", run: (c) => new c.PowerContract("pc", { ...CONTRACT, market: "nyiso" }), ...AIE, field: "market", value: "nyiso", allowed: "a market in the catalog: behind-the-meter, caiso, ercot, miso, pjm, spp" },
  { name: "PowerContract: a generator with no market and no firmFraction", run: (c) => new c.PowerContract("pc", { counterparty: "U", source: "nuclear", contractedMw: 5 }), ...AIE, field: "market", value: undefined, allowed: 'a market id whose accreditation makes "nuclear" firm' },
  { name: "PowerContract: a gas turbine behind the meter without firmFraction", run: (c) => new c.PowerContract("pc", { ...CONTRACT, source: "gas-turbine", market: "behind-the-meter" }), ...AIE, field: "firmFraction", value: undefined, allowed: 'market "behind-the-meter" accredits no "gas-turbine"' },
  { name: "PowerContract: a battery in MISO (no accredited class) without firmFraction", run: (c) => new c.PowerContract("pc", { ...CONTRACT, source: "battery-4h", market: "miso" }), ...AIE, field: "firmFraction", value: undefined, allowed: 'market "miso" accredits no "battery-4h"' },
  { name: "PowerContract: delivery neither physical nor virtual", run: (c) => new c.PowerContract("pc", { ...CONTRACT, delivery: "financial" } as Any), ...AIE, field: "delivery", value: "financial", allowed: '"physical" or "virtual"' },
  { name: "PowerContract: a virtual gas contract", run: (c) => new c.PowerContract("pc", { ...CONTRACT, delivery: "virtual" }), ...AIE, field: "delivery", value: "virtual", allowed: "a virtual PPA buys the certificates of clean generation" },
  { name: "PowerContract: a virtual PPA with firm MW", run: (c) => new c.PowerContract("pc", { ...CONTRACT, source: "nuclear", delivery: "virtual", firmFraction: 0.5 }), ...AIE, field: "firmFraction", value: 0.5, allowed: "a virtual contract delivers no MW" },
  { name: "PowerContract: a virtual PPA behind the meter", run: (c) => new c.PowerContract("pc", { ...CONTRACT, source: "nuclear", delivery: "virtual", market: "behind-the-meter" }), ...AIE, field: "market", value: "behind-the-meter", allowed: "a grid market for a virtual PPA" },
  { name: "PowerContract: a ramp without startYear", run: (c) => new c.PowerContract("pc", { ...CONTRACT, ramp: [{ year: 2027, contractedMw: 5 }] }), ...AIE, field: "startYear", value: undefined, allowed: "a ramp is by calendar year" },
  { name: "PowerContract: a ramp step after the term", run: (c) => new c.PowerContract("pc", { ...CONTRACT, startYear: 2027, termYears: 3, ramp: [{ year: 2030, contractedMw: 5 }] }), ...AIE, field: "ramp[0].year", value: 2030, allowed: "a year of the term (2027 to 2029)" },
  { name: "PowerContract: a ramp step above contractedMw", run: (c) => new c.PowerContract("pc", { ...CONTRACT, startYear: 2027, ramp: [{ year: 2027, contractedMw: 11 }] }), ...AIE, field: "ramp[0].contractedMw", value: 11, allowed: "at most the contract's contractedMw (10 MW" },
  { name: "PowerContract: ramp steps out of order", run: (c) => new c.PowerContract("pc", { ...CONTRACT, startYear: 2027, ramp: [{ year: 2029, contractedMw: 5 }, { year: 2028, contractedMw: 6 }] }), ...AIE, field: "ramp[1].year", value: 2028, allowed: "steps in increasing years" },
  { name: "PowerContract: a ramp step with a fractional year", run: (c) => new c.PowerContract("pc", { ...CONTRACT, startYear: 2027, ramp: [{ year: 2027.5, contractedMw: 5 }] }), ...AIE, field: "ramp[0].year", value: 2027.5, allowed: "a whole number from 2,000 to 2,100" },
  { name: "PowerContract: an empty ramp", run: (c) => new c.PowerContract("pc", { ...CONTRACT, startYear: 2027, ramp: [] }), ...AIE, field: "ramp", value: [], allowed: "at least one { year, contractedMw }" },
  { name: "PowerContract: owned not a boolean", run: (c) => new c.PowerContract("pc", { ...CONTRACT, owned: "yes" } as Any), ...AIE, field: "owned", value: "yes", allowed: "true or false" },
  { name: "PowerContract: owned with a price", run: (c) => new c.PowerContract("pc", { ...CONTRACT, owned: true, priceUsdPerMwh: 50 }), ...AIE, field: "priceUsdPerMwh", value: 50, allowed: "unset for owned generation" },
  { name: "PowerContract: an owned virtual PPA", run: (c) => new c.PowerContract("pc", { ...CONTRACT, source: "nuclear", delivery: "virtual", owned: true }), ...AIE, field: "owned", value: true, allowed: "a virtual PPA (its plant is the seller's)" },
  { name: "PowerContract: an owned utility service", run: (c) => new c.PowerContract("pc", { counterparty: "U", source: "grid-pjm-ohio", contractedMw: 5, owned: true }), ...AIE, field: "owned", value: true, allowed: 'a utility service ("grid-pjm-ohio")' },
  { name: "PowerContract: unknown field contractMw (typo)", run: (c) => new c.PowerContract("pc", { counterparty: "U", source: "nuclear", contractMw: 5 } as Any), ...AIE, field: "contractMw", value: 5, allowed: "no such field" },
];

export const DATA_HALL: ComponentCase[] = [
  { name: "DataHall: an unknown climate without a plant (looked up all the same)", run: (c) => new c.DataHall("h", { racks: HALL.racks, climate: "mars" }), ...AIE, field: "climate", value: "mars", allowed: "a climate in the catalog" },
  { name: "DataHall: an unknown climate with a plant is reported as climate, not cooling.climate", run: (c) => new c.DataHall("h", { ...HALL, climate: "mars" }), ...AIE, field: "climate", value: "mars", allowed: "a climate in the catalog" },
  { name: "Campus: an empty name", run: (c) => new c.Campus("", campus()), ...AIE, field: "(name)", value: "", allowed: "a non-empty resource name" },
  { name: "DataHall: racks missing", run: (c) => new c.DataHall("h", { climate: "central-ohio" } as Any), ...AIE, field: "racks", value: undefined, allowed: "a list of rack groups" },
  { name: "DataHall: racks empty", run: (c) => new c.DataHall("h", { ...HALL, racks: [] }), ...AIE, field: "racks", value: [], allowed: "at least one rack group" },
  { name: "DataHall: racks an object", run: (c) => new c.DataHall("h", { ...HALL, racks: { name: "row1" } } as Any), ...AIE, field: "racks", allowed: "a list of rack groups" },
  { name: "DataHall: racks[0].name missing", run: (c) => new c.DataHall("h", { ...HALL, racks: [{ design: "gb200-nvl72", rackCount: 1 }] } as Any), ...AIE, field: "racks[0].name", value: undefined, allowed: "a name of letters, digits" },
  { name: "DataHall: racks[0].name with a path separator", run: (c) => new c.DataHall("h", { ...HALL, racks: [group("row/1")] }), ...AIE, field: "racks[0].name", value: "row/1", allowed: "1-63 characters" },
  { name: "DataHall: two rack groups with one name", run: (c) => new c.DataHall("h", { ...HALL, racks: [group("row"), group("row")] }), ...AIE, field: "racks[1].name", value: "row", allowed: "a name not used by another entry of racks" },
  { name: "DataHall: racks[0].rackCount 0", run: (c) => new c.DataHall("h", { ...HALL, racks: [group("row1", { rackCount: 0 })] }), ...AIE, field: "racks[0].rackCount", value: 0, allowed: RACKS },
  { name: "DataHall: racks[1].design unknown", run: (c) => new c.DataHall("h", { ...HALL, racks: [group("row1"), group("row2", { design: "nope" })] }), ...AIE, field: "racks[1].design", value: "nope", allowed: "a rack design in the catalog: " },
  { name: "DataHall: liquid-only field on an air-cooled group", run: (c) => new c.DataHall("h", { ...HALL, racks: [{ name: "air", ...AIR, supplyTempC: 30 }] }), ...AIE, field: "racks[0].supplyTempC", value: 30, allowed: "no such field" },
  { name: "DataHall: racks[0].rackcount (typo)", run: (c) => new c.DataHall("h", { ...HALL, racks: [{ name: "row1", design: "gb200-nvl72", rackcount: 2 }] } as Any), ...AIE, field: "racks[0].rackcount", value: 2, allowed: "no such field" },
  { name: "DataHall: cooling without a climate", run: (c) => new c.DataHall("h", { racks: HALL.racks, cooling: { technology: "chiller" } }), ...AIE, field: "climate", value: undefined, allowed: "a climate id (needed by the cooling plant)" },
  { name: "DataHall: cooling.technology unknown", run: (c) => new c.DataHall("h", { ...HALL, cooling: { technology: "immersion" } }), ...AIE, field: "cooling.technology", value: "immersion", allowed: "a cooling technology in the catalog" },
  { name: "DataHall: cooling.units cannot carry the heat load", run: (c) => new c.DataHall("h", { ...HALL, cooling: { technology: "adiabatic", units: 1, unitCapacityKw: 10 } }), ...AIE, field: "cooling.units", value: 1, allowed: "enough capacity for the " },
  { name: "DataHall: cooling.redundancy 3N", run: (c) => new c.DataHall("h", { ...HALL, cooling: { technology: "adiabatic", redundancy: "3N" } }), ...AIE, field: "cooling.redundancy", value: "3N", allowed: "one of N, N+1, 2N" },
  { name: "DataHall: cooling.climate (a plant field the hall gives)", run: (c) => new c.DataHall("h", { ...HALL, cooling: { technology: "adiabatic", climate: "central-ohio" } as Any }), ...AIE, field: "cooling.climate", allowed: "no such field" },
  { name: "DataHall: electricalLossFraction 0.51", run: (c) => new c.DataHall("h", { ...HALL, electricalLossFraction: 0.51 }), ...AIE, field: "electricalLossFraction", value: 0.51, allowed: "a number from 0 to 0.5" },
  { name: "DataHall: airHandlingKwPerKwHeat -0.01", run: (c) => new c.DataHall("h", { ...HALL, airHandlingKwPerKwHeat: -0.01 }), ...AIE, field: "airHandlingKwPerKwHeat", value: -0.01, allowed: "a number from 0 to 0.5" },
  { name: "DataHall: cduPumpKwPerKwHeat 0.21", run: (c) => new c.DataHall("h", { ...HALL, cduPumpKwPerKwHeat: 0.21 }), ...AIE, field: "cduPumpKwPerKwHeat", value: 0.21, allowed: "a number from 0 to 0.2" },
  { name: "DataHall: networkWPerGpu 1001", run: (c) => new c.DataHall("h", { ...HALL, networkWPerGpu: 1001 }), ...AIE, field: "networkWPerGpu", value: 1001, allowed: "a number from 0 to 1,000 W" },
  { name: "DataHall: maxRackKw 0 (exclusive bound)", run: (c) => new c.DataHall("h", { ...HALL, maxRackKw: 0 }), ...AIE, field: "maxRackKw", value: 0, allowed: "a number above 0 and up to 2,000 kW" },
  { name: "DataHall: maxRackKw 2001", run: (c) => new c.DataHall("h", { ...HALL, maxRackKw: 2001 }), ...AIE, field: "maxRackKw", value: 2001 },
  { name: "DataHall: utilisation 0 (exclusive bound)", run: (c) => new c.DataHall("h", { ...HALL, utilisation: 0 }), ...AIE, field: "utilisation", value: 0, allowed: "a number above 0 and up to 1" },
  { name: "DataHall: utilisation NaN", run: (c) => new c.DataHall("h", { ...HALL, utilisation: Number.NaN }), ...AIE, field: "utilisation", value: Number.NaN },
  { name: "DataHall: one explicit rack id in two groups", run: (c) => new c.DataHall("h", { ...HALL, racks: [group("row1", { rackIds: ["R1", "R2"] }), group("row2", { rackIds: ["R3", "R1"] })] }), ...AIE, field: "racks[1].rackIds[1]", value: "R1", allowed: 'racks[0].rackIds[0] (group "row1' },
  { name: "DataHall: an explicit rack id equal to another group's default id", run: (c) => new c.DataHall("h", { ...HALL, racks: [group("row1"), group("row2", { rackIds: ["h-row1-r0002", "x"] })] }), ...AIE, field: "racks[1].rackIds[0]", value: "h-row1-r0002" },
];

export const CAMPUS: ComponentCase[] = [
  { name: "Campus: a hall naming an unknown facility cost", run: (c) => new c.Campus("cp", campus({ halls: [hall("h1", undefined, { facilityCost: "palace" })] })), ...AIE, field: "halls[0].facilityCost", value: "palace", allowed: "a facility cost in the catalog: hyperscale-liquid-ai" },
  { name: "Campus: financing without a partner", run: (c) => new c.Campus("cp", campus({ financing: { partnerShareOfFacility: 0.5, leaseRatePerYear: 0.08 } })), ...AIE, field: "financing.partner", value: undefined, allowed: "the partner's name" },
  { name: "Campus: financing share above 1", run: (c) => new c.Campus("cp", campus({ financing: { partner: "P", partnerShareOfFacility: 1.2, leaseRatePerYear: 0.08 } })), ...AIE, field: "financing.partnerShareOfFacility", value: 1.2, allowed: "a number from 0 to 1" },
  { name: "Campus: financing lease above 50 % a year", run: (c) => new c.Campus("cp", campus({ financing: { partner: "P", partnerShareOfFacility: 0.5, leaseRatePerYear: 0.6 } })), ...AIE, field: "financing.leaseRatePerYear", value: 0.6, allowed: "a number from 0 to 0.5" },
  { name: "Campus: financing with an unknown field", run: (c) => new c.Campus("cp", campus({ financing: { partner: "P", partnerShareOfFacility: 0.5, leaseRatePerYear: 0.08, equity: 1 } })), ...AIE, field: "financing.equity", value: 1 },
  { name: "Campus: an unknown market", run: (c) => new c.Campus("cp", campus({ market: "nyiso" })), ...AIE, field: "market", value: "nyiso", allowed: "a market in the catalog" },
  { name: "Campus: a hall online after horizonEndYear", run: (c) => new c.Campus("cp", campus({ onlineYear: 2027, horizonEndYear: 2030, halls: [hall("h1", undefined, { onlineYear: 2031 })] })), ...AIE, field: "halls[0].onlineYear", value: 2031, allowed: "a year within the horizon (2027 to 2030" },
  { name: "Campus: a hall online before the campus", run: (c) => new c.Campus("cp", campus({ onlineYear: 2027, halls: [hall("h1", undefined, { onlineYear: 2026 })] })), ...AIE, field: "halls[0].onlineYear", value: 2026, allowed: "the campus's onlineYear (2027) or later" },
  { name: "Campus: a hall onlineYear 2101", run: (c) => new c.Campus("cp", campus({ halls: [hall("h1", undefined, { onlineYear: 2101 })] })), ...AIE, field: "halls[0].onlineYear", value: 2101, allowed: "a whole number from 2,000 to 2,100" },
  { name: "Campus: horizonEndYear before its start", run: (c) => new c.Campus("cp", campus({ onlineYear: 2027, horizonEndYear: 2026 })), ...AIE, field: "horizonEndYear", value: 2026, allowed: "at or after the horizon's start (2027)" },
  { name: "Campus: a horizon of 51 years", run: (c) => new c.Campus("cp", campus({ onlineYear: 2027, horizonEndYear: 2077 })), ...AIE, field: "horizonEndYear", value: 2077, allowed: "at most 50 years" },
  // Issue 32: onlineYear 2027 with horizonStartYear 2035 was accepted and booked 2027's capex in 2035.
  { name: "Campus: onlineYear before horizonStartYear (was booked in the horizon's first year)", run: (c) => new c.Campus("cp", campus({ onlineYear: 2027, horizonStartYear: 2035 })), ...AIE, field: "onlineYear", value: 2027, allowed: "horizonStartYear (2035) or later: a campus online before its horizon starts has years (and capex) the ledger cannot book; start the horizon at or before onlineYear" },
  { name: "Campus: a hall online before horizonStartYear", run: (c) => new c.Campus("cp", campus({ horizonStartYear: 2035, halls: [hall("h1", undefined, { onlineYear: 2030 })] })), ...AIE, field: "halls[0].onlineYear", value: 2030, allowed: "a year within the horizon (2035 to 2044; a hall online before the horizon starts would have its capex booked in 2035: start the horizon earlier)" },
  // Issue 32: a solar capacityFactor inside 0-1 but above the site's daylight share ended in a bare PhysicsInputError (exit 3).
  { name: "Campus: solar capacityFactor 0.6 (above the site's daylight share; was a bare PhysicsInputError)", run: (c) => new c.Campus("cp", campus({ powerContracts: [contract("gas"), contract("sun", { source: "solar-utility", capacityFactor: 0.6 })] })), ...AIE, field: "powerContracts[1].capacityFactor", value: 0.6, allowed: "0 to 0.5025 for solar at this site (a solar plant generates only with the sun up: 4,402 of 8,760 hours; utility-scale plants reach 0.2 to 0.35)" },
  // Issue 32: a profile whose only non-zero value underflows its mean was refused under cooling.utilisation, a field the user never wrote.
  { name: "Campus: itLoadProfile peaking at 5e-324 (was refused under cooling.utilisation)", run: (c) => new c.Campus("cp", campus({ halls: [hall("h1", undefined, { itLoadProfile: [5e-324, ...Array(23).fill(0)] })] })), ...AIE, field: "halls[0].itLoadProfile", allowed: "at least one value of 0.01 or more (1 % of full IT load): a hall whose IT load is below that in every hour has no load to plan (and a peak like 5e-324 averages to 0)" },
  { name: "Campus: horizonStartYear 1999", run: (c) => new c.Campus("cp", campus({ horizonStartYear: 1999 })), ...AIE, field: "horizonStartYear", value: 1999, allowed: "a whole number from 2,000 to 2,100" },
  { name: "Campus: horizonStartYear fractional", run: (c) => new c.Campus("cp", campus({ horizonStartYear: 2027.5 })), ...AIE, field: "horizonStartYear", value: 2027.5 },
  { name: "Campus: market not a string", run: (c) => new c.Campus("cp", campus({ market: 7 })), ...AIE, field: "market", value: 7, allowed: "a market id (string)" },
  { name: "Campus: financing a string", run: (c) => new c.Campus("cp", campus({ financing: "Blue Owl" })), ...AIE, field: "financing", value: "Blue Owl", allowed: "an object: { partner, partnerShareOfFacility, and the lease } for a joint venture" },
  // Issue 32, deliverable 8: the lease stated once, as a rate or as the whole debt it services.
  { name: "Campus: financing with both a lease rate and a debt", run: (c) => new c.Campus("cp", campus({ financing: { partner: "P", partnerShareOfFacility: 0.8, leaseRatePerYear: 0.08, debtUsd: 1e9, couponRate: 0.06, debtIssueYear: 2025, maturityYear: 2049 } })), ...AIE, field: "financing.debtUsd", value: 1e9, allowed: "unset: the lease is stated once, as leaseRatePerYear" },
  { name: "Campus: financing with a debt but no maturity", run: (c) => new c.Campus("cp", campus({ financing: { partner: "P", partnerShareOfFacility: 0.8, debtUsd: 1e9, couponRate: 0.06, debtIssueYear: 2025 } })), ...AIE, field: "financing.maturityYear", value: undefined, allowed: "a level annuity needs the principal (debtUsd), the rate (couponRate), the issue year (debtIssueYear) and the maturity (maturityYear)" },
  // Issue 35: the money args, each refused where it enters.
  { name: "Campus: discountRate 0.6 (above 0.5)", run: (c) => new c.Campus("cp", campus({ onlineYear: 2030, discountRate: 0.6 })), ...AIE, field: "discountRate", value: 0.6, allowed: "a number from 0 to 0.5 (share per year)" },
  { name: "Campus: discountRate a string", run: (c) => new c.Campus("cp", campus({ onlineYear: 2030, discountRate: "8%" })), ...AIE, field: "discountRate", value: "8%", allowed: "a number from 0 to 0.5 (share per year)" },
  { name: "Campus: unknown costOfCapital", run: (c) => new c.Campus("cp", campus({ onlineYear: 2030, costOfCapital: "wacc" })), ...AIE, field: "costOfCapital", value: "wacc", allowed: "a cost of capital in the catalog: " },
  { name: "Campus: presentValueYear 1999", run: (c) => new c.Campus("cp", campus({ onlineYear: 2030, presentValueYear: 1999 })), ...AIE, field: "presentValueYear", value: 1999, allowed: "a whole number from 2,000 to 2,100" },
  { name: "Campus: refreshDesigns not a list", run: (c) => new c.Campus("cp", campus({ onlineYear: 2030, refreshDesigns: "gb300-nvl72" })), ...AIE, field: "refreshDesigns", value: "gb300-nvl72", allowed: "a list of { from, to } rack design ids" },
  { name: "Campus: financing structure unknown", run: (c) => new c.Campus("cp", campus({ onlineYear: 2030, financing: { structure: "lease", partner: "P" } })), ...AIE, field: "financing.structure", value: "lease", allowed: '"joint-venture"' },
  { name: "Campus: financing partnerEquityReturn 0.7", run: (c) => new c.Campus("cp", campus({ onlineYear: 2030, financing: { partner: "P", partnerShareOfFacility: 0.5, partnerDebtShare: 0.5, couponRate: 0.06, leaseTermYears: 10, partnerEquityReturn: 0.7 } })), ...AIE, field: "financing.partnerEquityReturn", value: 0.7, allowed: "a number from 0 to 0.5 (share per year)" },
  { name: "Campus: financing leaseTermYears 0", run: (c) => new c.Campus("cp", campus({ onlineYear: 2030, financing: { structure: "sale-leaseback", partner: "B", saleYear: 2030, leaseRate: 0.07, leaseTermYears: 0 } })), ...AIE, field: "financing.leaseTermYears", value: 0, allowed: "a whole number from 1 to 60" },
  { name: "Campus: constructionLoan shareOfCapex 0", run: (c) => new c.Campus("cp", campus({ onlineYear: 2030, financing: { structure: "own-balance-sheet", constructionLoan: { shareOfCapex: 0, rate: 0.06, termYears: 3 } } })), ...AIE, field: "financing.constructionLoan.shareOfCapex", value: 0, allowed: "a number above 0 and up to 1" },
  { name: "Campus: constructionLoan termYears 11", run: (c) => new c.Campus("cp", campus({ onlineYear: 2030, financing: { structure: "own-balance-sheet", constructionLoan: { shareOfCapex: 0.5, rate: 0.06, termYears: 11 } } })), ...AIE, field: "financing.constructionLoan.termYears", value: 11, allowed: "a whole number from 1 to 10" },
  { name: "Campus: financing maturing before its issue", run: (c) => new c.Campus("cp", campus({ financing: { partner: "P", partnerShareOfFacility: 0.8, debtUsd: 1e9, couponRate: 0.06, debtIssueYear: 2025, maturityYear: 2020 } })), ...AIE, field: "financing.maturityYear", value: 2020, allowed: "a year after debtIssueYear (2025), at most 60 years after it (2026 to 2085)" },
  { name: "Campus: proposedContracts not exclude or count", run: (c) => new c.Campus("cp", campus({ proposedContracts: "maybe" })), ...AIE, field: "proposedContracts", value: "maybe", allowed: '"exclude" (the default' },
  { name: "Campus: horizonEndYear on an undated campus", run: (c) => new c.Campus("cp", campus({ horizonEndYear: 2030 })), ...AIE, field: "horizonEndYear", value: 2030, allowed: "unset on an undated campus" },
  { name: "Campus: location missing", run: (c) => new c.Campus("x", campus({ location: undefined })), ...AIE, field: "location", value: undefined, allowed: "the campus location" },
  { name: "Campus: location empty", run: (c) => new c.Campus("x", campus({ location: "" })), ...AIE, field: "location", value: "", allowed: "the campus location" },
  { name: "Campus: climate a number", run: (c) => new c.Campus("x", campus({ climate: 24 })), ...AIE, field: "climate", value: 24, allowed: "a climate id (string)" },
  { name: "Campus: unknown climate", run: (c) => new c.Campus("x", campus({ climate: "mars" })), ...AIE, field: "climate", value: "mars", allowed: "a climate in the catalog: abilene-tx, central-ohio, council-bluffs-ia, loudoun-va, newton-county-ga, north-louisiana, phoenix-az, quincy-wa, temperate-generic" },
  { name: "Campus: waterScarcity a number", run: (c) => new c.Campus("x", campus({ waterScarcity: 13.5 })), ...AIE, field: "waterScarcity", value: 13.5, allowed: "a water scarcity id (string)" },
  { name: "Campus: unknown waterScarcity", run: (c) => new c.Campus("x", campus({ waterScarcity: "mars" })), ...AIE, field: "waterScarcity", value: "mars", allowed: "a water scarcity in the catalog: abilene-tx, central-ohio" },
  { name: "Campus: halls empty", run: (c) => new c.Campus("x", campus({ halls: [] })), ...AIE, field: "halls", value: [], allowed: "at least one hall" },
  { name: "Campus: powerContracts empty", run: (c) => new c.Campus("x", campus({ powerContracts: [] })), ...AIE, field: "powerContracts", value: [], allowed: "at least one power contract" },
  { name: "Campus: powerContracts missing", run: (c) => new c.Campus("x", campus({ powerContracts: undefined })), ...AIE, field: "powerContracts", value: undefined, allowed: "a list of power contracts" },
  { name: "Campus: unknown field hall (typo)", run: (c) => new c.Campus("x", { ...campus(), hall: [] }), ...AIE, field: "hall", allowed: "no such field" },
  { name: "Campus: onlineYear 1999", run: (c) => new c.Campus("x", campus({ onlineYear: 1999 })), ...AIE, field: "onlineYear", value: 1999, allowed: "a whole number from 2,000 to 2,100" },
  { name: "Campus: onlineYear 2101", run: (c) => new c.Campus("x", campus({ onlineYear: 2101 })), ...AIE, field: "onlineYear", value: 2101 },
  { name: "Campus: waterPermitM3PerYear -1", run: (c) => new c.Campus("x", campus({ waterPermitM3PerYear: -1 })), ...AIE, field: "waterPermitM3PerYear", value: -1, allowed: "a number from 0 to 10,000,000,000 m³/yr" },
  { name: "Campus: waterPermitM3PerYear just past 1e10", run: (c) => new c.Campus("x", campus({ waterPermitM3PerYear: 1e10 + 1 })), ...AIE, field: "waterPermitM3PerYear", value: 1e10 + 1 },
  { name: "Campus: dailyWaterCapM3 just past 1e8", run: (c) => new c.Campus("x", campus({ dailyWaterCapM3: 1e8 + 1 })), ...AIE, field: "dailyWaterCapM3", value: 1e8 + 1, allowed: "a number from 0 to 100,000,000 m³/day" },
  { name: "Campus: maxResources 9", run: (c) => new c.Campus("x", campus({ maxResources: 9 })), ...AIE, field: "maxResources", value: 9, allowed: "a whole number from 10 to 10,000,000" },
  { name: "Campus: maxResources 10,000,001", run: (c) => new c.Campus("x", campus({ maxResources: 10_000_001 })), ...AIE, field: "maxResources", value: 10_000_001 },
  {
    name: "Campus: maxResources below what the campus registers",
    // 1 campus + 1 contract + 1 hall + 1 plant + 2 × 4 groups = 12 resources.
    run: (c) => new c.Campus("x", campus({ maxResources: 10, halls: [hall("h1", [group("a"), group("b"), group("c"), group("d")])] })),
    ...AIE, field: "maxResources", value: 10, allowed: "at least the 12 resources this campus registers",
  },
  { name: "Campus: halls[0].name invalid", run: (c) => new c.Campus("x", campus({ halls: [hall("hall 1")] })), ...AIE, field: "halls[0].name", value: "hall 1", allowed: "a name of letters, digits" },
  { name: "Campus: two halls with one name", run: (c) => new c.Campus("x", campus({ halls: [hall("h1"), hall("h1")] })), ...AIE, field: "halls[1].name", value: "h1", allowed: "a name not used by another entry of halls" },
  { name: "Campus: two contracts with one name", run: (c) => new c.Campus("x", campus({ powerContracts: [contract("gas"), contract("gas")] })), ...AIE, field: "powerContracts[1].name", value: "gas", allowed: "a name not used by another entry of powerContracts" },
  { name: "Campus: halls[1].racks[0].rackCount 0", run: (c) => new c.Campus("x", campus({ halls: [hall("h1"), hall("h2", [group("row1", { rackCount: 0 })])] })), ...AIE, field: "halls[1].racks[0].rackCount", value: 0, allowed: RACKS },
  { name: "Campus: halls[0].racks[0].rackcount (typo)", run: (c) => new c.Campus("x", campus({ halls: [hall("h1", [{ name: "row1", design: "gb200-nvl72", rackcount: 2 }])] })), ...AIE, field: "halls[0].racks[0].rackcount", value: 2, allowed: "no such field" },
  { name: "Campus: halls[0].racks[0].supplyTempC outside the design's range", run: (c) => new c.Campus("x", campus({ halls: [hall("h1", [group("row1", { supplyTempC: 46 })])] })), ...AIE, field: "halls[0].racks[0].supplyTempC", value: 46, allowed: "a number from 17 to 45 °C" },
  { name: "Campus: halls[0].cooling.redundancy 3N", run: (c) => new c.Campus("x", campus({ halls: [hall("h1", [group("row1")], { cooling: { technology: "adiabatic", redundancy: "3N" } })] })), ...AIE, field: "halls[0].cooling.redundancy", value: "3N", allowed: "one of N, N+1, 2N" },
  { name: "Campus: halls[0].cooling.units cannot carry the heat load", run: (c) => new c.Campus("x", campus({ halls: [hall("h1", [group("row1")], { cooling: { technology: "adiabatic", units: 1, unitCapacityKw: 1 } })] })), ...AIE, field: "halls[0].cooling.units", value: 1, allowed: "enough capacity" },
  { name: "Campus: powerContracts[0].contractedMw -5", run: (c) => new c.Campus("x", campus({ powerContracts: [contract("gas", { contractedMw: -5 })] })), ...AIE, field: "powerContracts[0].contractedMw", value: -5, allowed: "a number above 0 and up to 100,000 MW" },
  { name: "Campus: powerContracts[1].source unknown", run: (c) => new c.Campus("x", campus({ powerContracts: [contract("gas"), contract("coal", { source: "coal" })] })), ...AIE, field: "powerContracts[1].source", value: "coal", allowed: "a generation source in the catalog" },
  { name: "Campus: a hall climate different from the campus's", run: (c) => new c.Campus("x", campus({ halls: [hall("h1", [group("row1")], { climate: "north-louisiana" })] })), ...AIE, field: "halls[0].climate", value: "north-louisiana", allowed: 'unset, or the campus\'s climate "central-ohio"' },
  {
    name: "Campus: hall a-b with group c beside hall a with group b-c (one URN)",
    run: (c) => new c.Campus("x", campus({ halls: [hall("a-b", [group("c")]), hall("a", [group("b-c")])] })),
    ...AIE, field: "halls[1].racks[0].name", value: "b-c", allowed: 'a name that does not collide with halls[0].racks[0].name (group "c" of hall "x-a-b")',
  },
  {
    name: "Campus: one explicit rack id in two groups of one hall",
    run: (c) => new c.Campus("x", campus({ halls: [hall("h1", [group("r1", { rackIds: ["A", "B"] }), group("r2", { rackIds: ["B", "C"] })])] })),
    ...AIE, field: "halls[0].racks[1].rackIds[0]", value: "B", allowed: 'rackIds[1] (group "r1" of hall "x-h1") has it',
  },
  {
    name: "Campus: one explicit rack id in two halls",
    run: (c) => new c.Campus("x", campus({ halls: [hall("h1", [group("r1", { rackIds: ["A", "B"] })]), hall("h2", [group("r1", { rackIds: ["C", "A"] })])] })),
    ...AIE, field: "halls[1].racks[0].rackIds[1]", value: "A", allowed: "halls[0].racks[0].rackIds[0]",
  },
];

/** Shapes that are not objects where objects belong, and other structural mistakes, on the nested paths. */
export const STRUCTURE: ComponentCase[] = [
  { name: "Campus: args null (every required field reported)", run: (c) => new c.Campus("x", null as Any), ...AIE, field: "powerContracts", value: undefined, allowed: "a list of power contracts" },
  { name: "Campus: halls[0] null", run: (c) => new c.Campus("x", campus({ halls: [null] })), ...AIE, field: "halls[0]", value: null },
  { name: "Campus: powerContracts[0] a string", run: (c) => new c.Campus("x", campus({ powerContracts: ["gas"] })), ...AIE, field: "powerContracts[0]", value: "gas" },
  { name: "Campus: powerContracts[0].name missing", run: (c) => new c.Campus("x", campus({ powerContracts: [CONTRACT] })), ...AIE, field: "powerContracts[0].name", value: undefined, allowed: "a name of letters, digits" },
  { name: "Campus: halls[0].racks missing", run: (c) => new c.Campus("x", campus({ halls: [{ name: "h1" }] })), ...AIE, field: "halls[0].racks", value: undefined, allowed: "a list of rack groups" },
  { name: "Campus: halls[0].name of 64 characters", run: (c) => new c.Campus("x", campus({ halls: [hall("h".repeat(64))] })), ...AIE, field: "halls[0].name", allowed: "1-63 characters" },
  { name: "Campus: a campus-only field inside a hall (halls[0].maxResources)", run: (c) => new c.Campus("x", campus({ halls: [hall("h1", [group("row1")], { maxResources: 5 })] })), ...AIE, field: "halls[0].maxResources", value: 5, allowed: "no such field" },
  {
    name: "Campus: more than the default 40,000 resources with maxResources unset",
    // 1 campus + 1 contract + 1 hall + 1 plant + 2 × 20,000 groups = 40,004 resources.
    run: (c) => new c.Campus("x", campus({ halls: [hall("h1", Array.from({ length: 20_000 }, (_, i) => group(`g${i}`, { rackCount: 1 })))] })),
    ...AIE, field: "maxResources", value: 40_000, allowed: "at least the 40,004 resources",
  },
  { name: "DataHall: racks[0] null", run: (c) => new c.DataHall("h", { ...HALL, racks: [null] } as Any), ...AIE, field: "racks[0]", value: null },
  { name: "DataHall: climate a number", run: (c) => new c.DataHall("h", { ...HALL, climate: 5 } as Any), ...AIE, field: "climate", value: 5, allowed: "a climate id (string)" },
  { name: "LiquidCooledRack: rackIds[1] a number", run: (c) => new c.LiquidCooledRack("r", { ...LIQUID, rackIds: ["a", 5] } as Any), ...AIE, field: "rackIds[1]", value: 5 },
  { name: "LiquidCooledRack: supplyTempC a string", run: (c) => new c.LiquidCooledRack("r", { ...LIQUID, supplyTempC: "30" } as Any), ...AIE, field: "supplyTempC", value: "30", allowed: "a number from 2 to 70 °C" },
];

/** The hourly model's inputs: profiles, approaches, weather files, climates without hourly inputs. */
const HOURS_INPUTS: ComponentCase[] = [
  { name: "DataHall: itLoadProfile of 7 values", run: (c) => new c.DataHall("h", { ...HALL, itLoadProfile: [1, 1, 1, 1, 1, 1, 1] }), ...AIE, field: "itLoadProfile", allowed: "24 (hours of the day), 12 (months) or 8,760 (hours of the year) values" },
  { name: "DataHall: itLoadProfile value 1.2", run: (c) => new c.DataHall("h", { ...HALL, itLoadProfile: [...Array(11).fill(0.8), 1.2] }), ...AIE, field: "itLoadProfile[11]", value: 1.2 },
  { name: "DataHall: itLoadProfile of zeros (with cooling)", run: (c) => new c.DataHall("h", { ...HALL, itLoadProfile: Array(24).fill(0) }), ...AIE, field: "itLoadProfile", allowed: "at least one value of 0.01 or more" },
  { name: "DataHall: itLoadProfile of zeros (no cooling)", run: (c) => new c.DataHall("h", { ...HALL, cooling: undefined, itLoadProfile: Array(12).fill(0) }), ...AIE, field: "itLoadProfile", allowed: "at least one value of 0.01 or more" },
  { name: "DataHall: itLoadProfile with utilisation", run: (c) => new c.DataHall("h", { ...HALL, utilisation: 0.8, itLoadProfile: Array(12).fill(0.8) }), ...AIE, field: "utilisation", value: 0.8 },
  { name: "DataHall: cduApproachK 20", run: (c) => new c.DataHall("h", { ...HALL, cduApproachK: 20 }), ...AIE, field: "cduApproachK", value: 20, allowed: "a number from 0 to 15 K" },
  { name: "DataHall: an empty weatherFile", run: (c) => new c.DataHall("h", { ...HALL, weatherFile: "" }), ...AIE, field: "weatherFile", value: "" },
  { name: "Campus: a weatherFile that does not exist", run: (c) => new c.Campus("cw", { location: "X", climate: "central-ohio", weatherFile: "/nonexistent/site.epw", halls: [hall("h1")], powerContracts: [contract("p")] } as Any), ...AIE, field: "weatherFile", value: "/nonexistent/site.epw" },
  { name: "Campus: a hall's weatherFile unlike the campus's", run: (c) => new c.Campus("cw2", { location: "X", climate: "central-ohio", halls: [hall("h1", [group("row1")], { weatherFile: "/tmp/other.epw" })], powerContracts: [contract("p")] } as Any), ...AIE, field: "halls[0].weatherFile", value: "/tmp/other.epw" },
  { name: "CoolingPlant: setpointC 80", run: (c) => new c.CoolingPlant("p", { ...PLANT, setpointC: 80 }), ...AIE, field: "setpointC", value: 80, allowed: "a number from 5 to 60 °C" },
];

/** Trim chillers: capacity, efficiency, facility range, and where one may go. */
const DRY = { technology: "dry-cooler", climate: "central-ohio", heatLoadKw: 5000 };
const TRIM_CAPACITY = "a number above 0 and up to 1 (trim capacity / heat load)";
const TRIM_CHILLER: ComponentCase[] = [
  { name: "CoolingPlant: trimChiller.capacityFraction 0 (exclusive bound)", run: (c) => new c.CoolingPlant("p", { ...DRY, trimChiller: { capacityFraction: 0 } }), ...AIE, field: "trimChiller.capacityFraction", value: 0, allowed: TRIM_CAPACITY },
  { name: "CoolingPlant: trimChiller.capacityFraction 1.1", run: (c) => new c.CoolingPlant("p", { ...DRY, trimChiller: { capacityFraction: 1.1 } }), ...AIE, field: "trimChiller.capacityFraction", value: 1.1, allowed: TRIM_CAPACITY },
  { name: "CoolingPlant: trimChiller.capacityFraction missing", run: (c) => new c.CoolingPlant("p", { ...DRY, trimChiller: {} } as Any), ...AIE, field: "trimChiller.capacityFraction", value: undefined, allowed: TRIM_CAPACITY },
  { name: "CoolingPlant: trimChiller.capacityFraction NaN", run: (c) => new c.CoolingPlant("p", { ...DRY, trimChiller: { capacityFraction: Number.NaN } }), ...AIE, field: "trimChiller.capacityFraction", value: Number.NaN, allowed: TRIM_CAPACITY },
  { name: "CoolingPlant: trimChiller.ratedKwPerKwCooling outside the chiller's range", run: (c) => new c.CoolingPlant("p", { ...DRY, trimChiller: { capacityFraction: 0.5, ratedKwPerKwCooling: 0.1 } }), ...AIE, field: "trimChiller.ratedKwPerKwCooling", value: 0.1, allowed: 'a number from 0.24 to 0.4 kW per kW of cooling (technology "chiller")' },
  { name: "CoolingPlant: trimChiller.ratedKwPerKwCooling 1.5", run: (c) => new c.CoolingPlant("p", { ...DRY, trimChiller: { capacityFraction: 0.5, ratedKwPerKwCooling: 1.5 } }), ...AIE, field: "trimChiller.ratedKwPerKwCooling", value: 1.5, allowed: "a number from 0 to 1 kW per kW of cooling" },
  { name: "CoolingPlant: trimChiller.facilityDeltaTK 3", run: (c) => new c.CoolingPlant("p", { ...DRY, trimChiller: { capacityFraction: 0.5, facilityDeltaTK: 3 } }), ...AIE, field: "trimChiller.facilityDeltaTK", value: 3, allowed: "a number from 4 to 20 K" },
  { name: "CoolingPlant: trimChiller on a chiller plant", run: (c) => new c.CoolingPlant("p", { ...DRY, technology: "chiller", trimChiller: { capacityFraction: 0.5 } }), ...AIE, field: "trimChiller", allowed: 'unset for technology "chiller"' },
  { name: "CoolingPlant: trimChiller a number", run: (c) => new c.CoolingPlant("p", { ...DRY, trimChiller: 0.5 } as Any), ...AIE, field: "trimChiller", value: 0.5, allowed: "a trim chiller { capacityFraction, ratedKwPerKwCooling?, facilityDeltaTK? }" },
  { name: "CoolingPlant: unknown field trimChiller.capacity (typo)", run: (c) => new c.CoolingPlant("p", { ...DRY, trimChiller: { capacityFraction: 0.5, capacity: 0.5 } } as Any), ...AIE, field: "trimChiller.capacity", value: 0.5, allowed: "no such field" },
  { name: "DataHall: cooling.trimChiller.capacityFraction -0.5", run: (c) => new c.DataHall("h", { ...HALL, cooling: { technology: "adiabatic", trimChiller: { capacityFraction: -0.5 } } }), ...AIE, field: "cooling.trimChiller.capacityFraction", value: -0.5, allowed: TRIM_CAPACITY },
  { name: "DataHall: cooling.trimChiller on a chiller plant", run: (c) => new c.DataHall("h", { ...HALL, cooling: { technology: "chiller", trimChiller: { capacityFraction: 0.5 } } }), ...AIE, field: "cooling.trimChiller", allowed: 'unset for technology "chiller"' },
  { name: "Campus: halls[0].cooling.trimChiller.facilityDeltaTK 21", run: (c) => new c.Campus("x", campus({ halls: [hall("h1", [group("row1")], { cooling: { technology: "dry-cooler", trimChiller: { capacityFraction: 0.5, facilityDeltaTK: 21 } } })] })), ...AIE, field: "halls[0].cooling.trimChiller.facilityDeltaTK", value: 21, allowed: "a number from 4 to 20 K" },
];

export const COMPONENT_CASES: ComponentCase[] = [...HOURS_INPUTS, ...TRIM_CHILLER, ...GPU_NODE_POOL, ...LIQUID_COOLED_RACK, ...AIR_COOLED_RACK, ...COOLING_PLANT, ...POWER_CONTRACT, ...DATA_HALL, ...CAMPUS, ...STRUCTURE];
