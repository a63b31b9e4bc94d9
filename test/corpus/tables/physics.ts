/**
 * Bad numbers given straight to the pure physics functions: a PhysicsInputError naming the parameter. The planner
 * gives these exit code 3, on purpose: physics is internal, and components validate their args first, so neither
 * valid nor invalid args reach physics with such numbers; if one ever did, it would be the planner's fault (a crash),
 * not the user's.
 */
import {
  achievableSupplyTempC, coolantFlowLpm, deliverableEnergyMwh, electricalLossKw, emissionsTco2, facilityPowerFromPueKw,
  firmCapacityMw, heatTransportPowerKw, kwToMw, makeupLitresPerKwhHeat, networkPowerKw, nodeItPowerW,  PhysicsInputError,
  powerUsageEffectiveness, rackItPowerKw, requirePlantHourDesign, splitHeat, unitsInServiceAfterRedundancy, unitsRequired, 
  waterUsageEffectiveness,
} from "../../../components/physics";
import type { AmbientBasis } from "../../../components/physics";
import type { BadInputCase } from "../helpers";

const PIE = { errorClass: PhysicsInputError, exit: 3 } as const;
const RACK = { nodesPerRack: 18, nodePowerW: 6300, switchesPerRack: 9, switchPowerW: 800, rackOverheadW: 1000, powerConversionEfficiency: 0.975 };
const PLANT = { ambientBasis: "wet-bulb" as AmbientBasis, approachK: 8, dryApproachK: 6, mechanicalSupplyC: 18, wetEvaporativeFraction: 0.5, setpointC: 32, designDryBulbC: 32 };
const TRIM = { capacityFraction: 0.5, ratedKwPerKwCooling: 0.34, facilityDeltaTK: 10 };
const SITE = { ambientBasis: "wet-bulb" as AmbientBasis, designDryBulbC: 32, designWetBulbC: 24, approachK: 5, mechanicalSupplyC: 7 };

export const PHYSICS_CASES: BadInputCase[] = [
  { name: "nodeItPowerW: fractional GPU count", run: () => nodeItPowerW(8.5, 700, 4600), ...PIE, field: "gpusPerNode", value: 8.5, allowed: "a whole number >= 0" },
  { name: "nodeItPowerW: NaN board power", run: () => nodeItPowerW(8, Number.NaN, 4600), ...PIE, field: "acceleratorBoardPowerW", value: Number.NaN },
  { name: "nodeItPowerW: negative host overhead", run: () => nodeItPowerW(8, 700, -1), ...PIE, field: "hostOverheadW", value: -1, allowed: "a finite number >= 0" },
  { name: "rackItPowerKw: conversion efficiency 0.4", run: () => rackItPowerKw({ ...RACK, powerConversionEfficiency: 0.4 }), ...PIE, field: "powerConversionEfficiency", value: 0.4, allowed: "a finite number from 0.5 to 1" },
  { name: "rackItPowerKw: fractional switch count", run: () => rackItPowerKw({ ...RACK, switchesPerRack: 8.5 }), ...PIE, field: "switchesPerRack", value: 8.5 },
  { name: "splitHeat: capture fraction 1.1", run: () => splitHeat(100, 1.1), ...PIE, field: "liquidCaptureFraction", value: 1.1, allowed: "a finite number from 0 to 1" },
  { name: "splitHeat: negative IT load", run: () => splitHeat(-1, 0.5), ...PIE, field: "itLoadKw", value: -1 },
  { name: "coolantFlowLpm: delta T 0", run: () => coolantFlowLpm(100, 0), ...PIE, field: "deltaTK", value: 0, allowed: "a finite number > 0" },
  { name: "unitsRequired: unit capacity 0", run: () => unitsRequired(100, 0, "N"), ...PIE, field: "unitCapacityKw", value: 0 },
  { name: "unitsRequired: redundancy 3N", run: () => unitsRequired(100, 10, "3N"), ...PIE, field: "redundancy", value: "3N", allowed: "N, N+1, 2N" },
  { name: "unitsInServiceAfterRedundancy: fractional units", run: () => unitsInServiceAfterRedundancy(2.5, "N"), ...PIE, field: "units", value: 2.5 },
  { name: "firmCapacityMw: firm fraction -0.1", run: () => firmCapacityMw(100, -0.1), ...PIE, field: "firmFraction", value: -0.1 },
  { name: "deliverableEnergyMwh: NaN contracted MW", run: () => deliverableEnergyMwh(Number.NaN, 0.5), ...PIE, field: "contractedMw", value: Number.NaN },
  { name: "makeupLitresPerKwhHeat: 1 cycle (blowdown undefined)", run: () => makeupLitresPerKwhHeat(1), ...PIE, field: "cyclesOfConcentration", value: 1, allowed: "a finite number from 1.5 to 20" },
  { name: "makeupLitresPerKwhHeat: 25 cycles", run: () => makeupLitresPerKwhHeat(25), ...PIE, field: "cyclesOfConcentration", value: 25 },
  { name: "plantHours: setpoint 80 °C", run: () => requirePlantHourDesign({ ...PLANT, setpointC: 80 }), ...PIE, field: "setpointC", value: 80 },
  { name: "plantHours: NaN dry approach", run: () => requirePlantHourDesign({ ...PLANT, dryApproachK: Number.NaN }), ...PIE, field: "dryApproachK", value: Number.NaN },
  { name: "plantHours: wet evaporative share 1.5", run: () => requirePlantHourDesign({ ...PLANT, wetEvaporativeFraction: 1.5 }), ...PIE, field: "wetEvaporativeFraction", value: 1.5 },
  { name: "plantHours: trim on a mechanical plant", run: () => requirePlantHourDesign({ ...PLANT, ambientBasis: "mechanical", dryApproachK: undefined, trim: TRIM }), ...PIE, field: "trim", allowed: 'none for ambientBasis "mechanical"' },
  { name: "plantHours: trim capacity 0", run: () => requirePlantHourDesign({ ...PLANT, trim: { ...TRIM, capacityFraction: 0 } }), ...PIE, field: "trim.capacityFraction", value: 0, allowed: "a finite number above 0, up to 1" },
  { name: "plantHours: trim facility range NaN", run: () => requirePlantHourDesign({ ...PLANT, trim: { ...TRIM, facilityDeltaTK: Number.NaN } }), ...PIE, field: "trim.facilityDeltaTK", value: Number.NaN },
  { name: "achievableSupplyTempC: wet bulb above dry bulb", run: () => achievableSupplyTempC({ ...SITE, designWetBulbC: 33 }), ...PIE, field: "designWetBulbC", value: 33, allowed: "a finite number from -60 to 32" },
  { name: "achievableSupplyTempC: unknown ambient basis", run: () => achievableSupplyTempC({ ...SITE, ambientBasis: "dry" as AmbientBasis }), ...PIE, field: "ambientBasis", value: "dry", allowed: "dry-bulb, wet-bulb, mechanical" },
  { name: "powerUsageEffectiveness: facility below IT", run: () => powerUsageEffectiveness(50, 100), ...PIE, field: "facilityPowerKw", value: 50, allowed: "a finite number >= 100" },
  { name: "facilityPowerFromPueKw: PUE 0.9", run: () => facilityPowerFromPueKw(100, 0.9), ...PIE, field: "pue", value: 0.9 },
  { name: "electricalLossKw: loss fraction 0.6", run: () => electricalLossKw(100, 0.6), ...PIE, field: "electricalLossFraction", value: 0.6 },
  { name: "heatTransportPowerKw: 1.5 kW per kW", run: () => heatTransportPowerKw(100, 1.5), ...PIE, field: "kwPerKwHeat", value: 1.5 },
  { name: "networkPowerKw: fractional GPU count", run: () => networkPowerKw(1.5, 60), ...PIE, field: "gpuCount", value: 1.5 },
  { name: "emissionsTco2: negative intensity", run: () => emissionsTco2(100, -1), ...PIE, field: "intensityGPerKwh", value: -1 },
  { name: "waterUsageEffectiveness: negative water", run: () => waterUsageEffectiveness(-1, 100), ...PIE, field: "waterM3", value: -1 },
  { name: "kwToMw: NaN", run: () => kwToMw(Number.NaN), ...PIE, field: "kw", value: Number.NaN },
];
