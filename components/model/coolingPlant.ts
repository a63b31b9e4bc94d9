/** Args, validation and footprint of a heat-rejection plant. */
import { z } from "zod";
import { catalog } from "../catalog";
import {
  achievableSupplyTempC, annualEnergyMwh, firmRejectionCapacityKw, heatTransportPowerKw, peakDailyWaterM3, REDUNDANCY_SCHEMES,
  unitsRequired, waterM3PerYear,
} from "../physics";
import { DEFAULT_REDUNDANCY, DEFAULT_UTILISATION } from "./defaults";
import { numberIn, wholeNumberIn } from "./ranges";
import { lookup, parseArgs, reject, Subject } from "./validate";

/** What a hall says about its cooling plant; the hall supplies the climate and the heat load. */
export interface PlantDesignArgs {
  /** Cooling technology id from the catalog: `"dry-cooler"`, `"adiabatic"`, `"evaporative-tower"`, `"chiller"`. */
  technology: string;
  /** `"N"`, `"N+1"` or `"2N"`: units that may be out of service while the plant still rejects the full load. @default "N+1" */
  redundancy?: string;
  /** Installed units (1 to 100,000). @default the fewest that carry the heat load under the redundancy */
  units?: number;
  /** Capacity of one unit, kW (above 0, up to 1,000,000). @default the technology's typical unit */
  unitCapacityKw?: number;
  /** Fan and pump power per kW of heat rejected (0 to 1), within the technology's range. @default the technology's typical value */
  powerKwPerKwHeat?: number;
  /** Share of the annual heat rejected by evaporation, 0-1. @default the technology's value */
  evaporativeFraction?: number;
  /** Cycles of concentration of the recirculating water (1.5 to 20). @default the technology's value */
  cyclesOfConcentration?: number;
}

export interface CoolingPlantArgs extends PlantDesignArgs {
  /** Climate id from the catalog (design dry- and wet-bulb temperatures). */
  climate: string;
  /** Heat the plant must reject at full IT load, kW (0 to 100,000,000). */
  heatLoadKw: number;
  /** Average / peak heat over a year, for annual water and energy. @default 0.8 */
  utilisation?: number;
}

export interface CoolingPlantFootprint {
  technology: string;
  climate: string;
  redundancy: string;
  units: number;
  unitCapacityKw: number;
  installedCapacityKw: number;
  /** Capacity with the redundant units out of service, kW. */
  firmCapacityKw: number;
  heatLoadKw: number;
  /** Fans and pumps of the plant at full load, kW. */
  coolingPowerKw: number;
  heatEnergyMwhPerYear: number;
  waterM3PerYear: number;
  peakDailyWaterM3: number;
  /** Coldest facility-water supply the plant can hold on the design day, °C. */
  achievableSupplyTempC: number;
}

export const plantDesignShape = {
  technology: z.string({ error: "a cooling technology id (string)" }),
  redundancy: z.enum(REDUNDANCY_SCHEMES, { error: `one of ${REDUNDANCY_SCHEMES.join(", ")}` }).optional(),
  units: wholeNumberIn(1, 100_000).optional(),
  unitCapacityKw: numberIn(0, 1_000_000, "kW", true).optional(),
  powerKwPerKwHeat: numberIn(0, 1, "kW per kW of heat").optional(),
  evaporativeFraction: numberIn(0, 1).optional(),
  cyclesOfConcentration: numberIn(1.5, 20).optional(),
};

const schema = z.strictObject({
  ...plantDesignShape,
  climate: z.string({ error: "a climate id (string)" }),
  heatLoadKw: numberIn(0, 100_000_000, "kW"),
  utilisation: numberIn(0, 1, "(average / peak)", true).optional(),
});

/** Validated footprint of a plant; fails when its installed units cannot reject the heat load at all. */
export function coolingPlantModel(rawArgs: CoolingPlantArgs, subject: Subject): CoolingPlantFootprint {
  const args = parseArgs(schema, rawArgs, subject);
  const tech = lookup(catalog.coolingTechnologies, args.technology, "technology", subject);
  const climate = lookup(catalog.climates, args.climate, "climate", subject);
  const redundancy = args.redundancy ?? DEFAULT_REDUNDANCY;
  const unitCapacityKw = args.unitCapacityKw ?? tech.defaultUnitCapacityKw;
  const units = args.units ?? unitsRequired(args.heatLoadKw, unitCapacityKw, redundancy);
  const installedCapacityKw = units * unitCapacityKw;
  if (installedCapacityKw < args.heatLoadKw) {
    reject(subject, {
      field: args.units !== undefined ? "units" : "unitCapacityKw",
      value: args.units ?? unitCapacityKw,
      allowed: `enough capacity for the ${args.heatLoadKw.toFixed(0)} kW heat load; ${units} × ${unitCapacityKw} kW = ${installedCapacityKw.toFixed(0)} kW installed`,
    });
  }
  const [minPower, maxPower] = tech.powerKwPerKwHeatRange;
  const powerKwPerKwHeat = args.powerKwPerKwHeat ?? tech.powerKwPerKwHeat;
  if (powerKwPerKwHeat < minPower || powerKwPerKwHeat > maxPower) {
    reject(subject, { field: "powerKwPerKwHeat", value: powerKwPerKwHeat, allowed: `a number from ${minPower} to ${maxPower} kW per kW of heat (technology "${tech.id}")` });
  }
  // A technology that never evaporates (no water circuit: dry coolers, air-cooled chillers) cannot be given water use.
  if (args.evaporativeFraction !== undefined && args.evaporativeFraction > 0 && tech.peakEvaporativeFraction === 0) {
    reject(subject, { field: "evaporativeFraction", value: args.evaporativeFraction, allowed: `0 or unset: technology "${tech.id}" rejects heat without evaporating water` });
  }
  const evaporativeFraction = args.evaporativeFraction ?? tech.evaporativeFraction;
  const cycles = args.cyclesOfConcentration ?? tech.cyclesOfConcentration;
  const heatEnergyMwhPerYear = annualEnergyMwh(args.heatLoadKw, args.utilisation ?? DEFAULT_UTILISATION);
  return {
    technology: tech.id,
    climate: climate.id,
    redundancy,
    units,
    unitCapacityKw,
    installedCapacityKw,
    firmCapacityKw: firmRejectionCapacityKw(units, unitCapacityKw, redundancy),
    heatLoadKw: args.heatLoadKw,
    coolingPowerKw: heatTransportPowerKw(args.heatLoadKw, powerKwPerKwHeat),
    heatEnergyMwhPerYear,
    waterM3PerYear: waterM3PerYear(heatEnergyMwhPerYear, evaporativeFraction, cycles),
    // The design day evaporates at least the annual share.
    peakDailyWaterM3: peakDailyWaterM3(args.heatLoadKw, Math.max(evaporativeFraction, tech.peakEvaporativeFraction), cycles),
    achievableSupplyTempC: achievableSupplyTempC({
      ambientBasis: tech.ambientBasis,
      designDryBulbC: climate.designDryBulbC,
      designWetBulbC: climate.designWetBulbC,
      approachK: tech.approachK,
      mechanicalSupplyC: tech.mechanicalSupplyC,
    }),
  };
}
