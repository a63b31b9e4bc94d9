/** Every rule of the pack, in report order. */
import type { Rule } from "../rule";
import { awsFootprintTags } from "./awsFootprintTags";
import { awsInstanceType } from "./awsInstanceType";
import { awsPilotSize } from "./awsPilotSize";
import { capexBudget } from "./capexBudget";
import { carbon } from "./carbon";
import { cduCapacity } from "./cduCapacity";
import { contractExpiry } from "./contractExpiry";
import { coolingCapacity } from "./coolingCapacity";
import { emergencyPower } from "./emergencyPower";
import { energyAdequacy } from "./energyAdequacy";
import { financing } from "./financing";
import { firmPower } from "./firmPower";
import { proposedSupply } from "./proposedSupply";
import { pueMax } from "./pueMax";
import { rackDensity } from "./rackDensity";
import { structure } from "./structure";
import { supplyTemperature } from "./supplyTemperature";
import { unitCost } from "./unitCost";
import { waterPermit } from "./waterPermit";
import { wueMax } from "./wueMax";

export { awsFootprintTags, awsInstanceType, awsPilotSize, capexBudget, carbon, cduCapacity, contractExpiry, coolingCapacity, emergencyPower, energyAdequacy, financing, firmPower, proposedSupply, pueMax, rackDensity, structure, supplyTemperature, unitCost, waterPermit, wueMax };

// Rules differ in their config types; the list holds them by their common shape.
export const RULES: readonly Rule<any>[] = [firmPower, emergencyPower, energyAdequacy, waterPermit, pueMax, wueMax, rackDensity, cduCapacity, coolingCapacity, supplyTemperature, carbon, contractExpiry, proposedSupply, capexBudget, unitCost, financing, structure, awsInstanceType, awsFootprintTags, awsPilotSize];
