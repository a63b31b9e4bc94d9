/**
 * A heat-rejection plant in one hour of weather: the supply it holds, its power relative to its rated power, and the
 * share of the heat it rejects by evaporating water.
 */
import { AmbientBasis, AMBIENT_BASES } from "./cooling";
import { PhysicsInputError, requireFraction, requireInRange } from "./guard";

/**
 * Share of a plant's rated power drawn by its pumps, which run at constant flow; the rest is fans that slow down
 * when the air is cold (assumption: water-side pumps of a dry-cooler or tower plant about a fifth of its power).
 */
export const PLANT_PUMP_SHARE = 0.2;
/** Lowest fan speed a variable-speed drive holds, as a share of full speed (assumption: typical VFD minimum 20 %). */
export const MIN_FAN_SPEED = 0.2;
/**
 * Condensing temperature of an air-cooled chiller above the dry bulb, K (assumption: air-cooled condensers are
 * selected at a 10-15 K temperature difference; 12 K used).
 */
export const CHILLER_CONDENSER_APPROACH_K = 12;
/** Lowest chiller power as a share of its design-day power, whatever the weather (assumption: head-pressure control and compressor minimum load). */
export const MIN_CHILLER_POWER_FACTOR = 0.3;

/** A heat-rejection plant's design as {@link plantHour} reads it (checked once by {@link requirePlantHourDesign}). */
export interface PlantHourDesign {
  /** Which ambient limits the plant. */
  ambientBasis: AmbientBasis;
  /** Approach of the coldest water to the limiting ambient: the dry bulb, or the wet bulb when the plant runs wet, K. */
  approachK: number;
  /** A hybrid (adiabatic) plant's approach to the dry bulb when it runs dry, K; unset: the plant never switches. */
  dryApproachK?: number;
  /** Supply a mechanical plant is rated for, °C. */
  mechanicalSupplyC: number;
  /** Share of the heat rejected by evaporation in an hour the plant runs wet, 0-1. */
  wetEvaporativeFraction: number;
  /** Facility-water supply the plant is asked to hold, °C. */
  setpointC: number;
  /** Dry bulb at which a chiller draws its rated power (the design day), °C. */
  designDryBulbC: number;
}

/** How a plant runs in an hour: "dry" (no water), "wet" (evaporating), "mechanical" (a chiller's compressors). */
export type PlantMode = "dry" | "wet" | "mechanical";

/** What a plant does in one hour of weather. */
export interface PlantHour {
  /** How the plant runs this hour. */
  mode: PlantMode;
  /** Facility-water supply the plant holds this hour, °C: the setpoint when it can, warmer when the weather does not allow it. */
  supplyC: number;
  /** Coldest water the plant could make this hour at full speed, °C: the setpoint is held while it is at most the setpoint. */
  coldestC: number;
  /** Power this hour / rated power at the same heat load (fans slow in cold air; a chiller's power follows its lift). */
  powerFactor: number;
  /** Share of this hour's heat rejected by evaporation, 0-1. */
  evaporativeShare: number;
}

/** Checks a design once, so the per-hour function can run 8,760 times without re-checking. */
export function requirePlantHourDesign(d: PlantHourDesign): PlantHourDesign {
  if (!(AMBIENT_BASES as readonly string[]).includes(d.ambientBasis)) throw new PhysicsInputError("ambientBasis", d.ambientBasis, AMBIENT_BASES.join(", "));
  requireInRange("approachK", d.approachK, 0, 30);
  if (d.dryApproachK !== undefined) requireInRange("dryApproachK", d.dryApproachK, 0, 30);
  requireInRange("mechanicalSupplyC", d.mechanicalSupplyC, 0, 40);
  requireFraction("wetEvaporativeFraction", d.wetEvaporativeFraction);
  requireInRange("setpointC", d.setpointC, 0, 70);
  requireInRange("designDryBulbC", d.designDryBulbC, -60, 60);
  return d;
}

/**
 * Fan-and-pump power factor of a plant that must cool water to `setpointC` against an ambient `ambientC` through a
 * heat exchanger that reaches the setpoint at full fan speed when ambient + approach = setpoint. Assumption: the air
 * flow needed scales with approach / (setpoint − ambient) (fixed exchanger, heat load constant), fan power with the
 * cube of speed (fan affinity laws), pumps constant.
 */
function fanPlantPowerFactor(ambientC: number, approachK: number, setpointC: number): number {
  const availableK = setpointC - ambientC;
  const speed = availableK <= approachK ? 1 : Math.max(MIN_FAN_SPEED, approachK / availableK);
  return PLANT_PUMP_SHARE + (1 - PLANT_PUMP_SHARE) * speed * speed * speed;
}

/** Chiller power factor: compressor power follows the lift from supply to condensing temperature (COP ∝ 1 / lift, Carnot-proportional). */
function chillerPowerFactor(dryBulbC: number, supplyC: number, designDryBulbC: number): number {
  const lift = (db: number) => Math.max(1, db + CHILLER_CONDENSER_APPROACH_K - supplyC);
  return Math.max(MIN_CHILLER_POWER_FACTOR, lift(dryBulbC) / lift(designDryBulbC));
}

/**
 * The plant in one hour. A dry-bulb plant holds max(setpoint, dry bulb + approach). A wet-bulb plant without a dry
 * mode (a tower) always evaporates and holds max(setpoint, wet bulb + approach). A hybrid plant runs dry while that
 * holds the setpoint, and wets its pads (evaporating) only when running wet makes colder water. A chiller holds its
 * rated supply (or the setpoint if warmer) in any weather.
 */
export function plantHour(d: PlantHourDesign, dryBulbC: number, wetBulbC: number): PlantHour {
  switch (d.ambientBasis) {
    case "mechanical": {
      const supplyC = Math.max(d.setpointC, d.mechanicalSupplyC);
      return { mode: "mechanical", supplyC, coldestC: d.mechanicalSupplyC, powerFactor: chillerPowerFactor(dryBulbC, supplyC, d.designDryBulbC), evaporativeShare: 0 };
    }
    case "dry-bulb": {
      const coldestC = dryBulbC + d.approachK;
      return { mode: "dry", supplyC: Math.max(d.setpointC, coldestC), coldestC, powerFactor: fanPlantPowerFactor(dryBulbC, d.approachK, d.setpointC), evaporativeShare: 0 };
    }
    case "wet-bulb": {
      const wetColdestC = wetBulbC + d.approachK;
      const coldestC = d.dryApproachK === undefined ? wetColdestC : Math.min(wetColdestC, dryBulbC + d.dryApproachK);
      if (d.dryApproachK !== undefined) {
        const drySupplyC = Math.max(d.setpointC, dryBulbC + d.dryApproachK);
        if (drySupplyC <= Math.max(d.setpointC, wetColdestC)) {
          return { mode: "dry", supplyC: drySupplyC, coldestC, powerFactor: fanPlantPowerFactor(dryBulbC, d.dryApproachK, d.setpointC), evaporativeShare: 0 };
        }
      }
      return { mode: "wet", supplyC: Math.max(d.setpointC, wetColdestC), coldestC, powerFactor: fanPlantPowerFactor(wetBulbC, d.approachK, d.setpointC), evaporativeShare: d.wetEvaporativeFraction };
    }
  }
}
