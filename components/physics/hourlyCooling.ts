/**
 * A heat-rejection plant in one hour of weather: the supply it holds, its power relative to its rated power, and the
 * share of the heat it rejects by evaporating water.
 */
import { AmbientBasis, AMBIENT_BASES } from "./cooling";
import { PhysicsInputError, requireFraction, requireInRange } from "./guard";
import { ADIABATIC_COIL_AIR_RISE_K, padEvaporatedShare, towerEvaporatedShare } from "./water";

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
/**
 * Standard rating conditions of an air-cooled chiller, at which the catalog's chiller efficiency (ASHRAE 90.1-2019
 * minimum, see the "chiller" cooling technology) is stated: 35 °C (95 °F) entering air, 6.7 °C (44 °F) leaving chilled
 * water (AHRI Standard 550/590, the test standard ASHRAE 90.1 Table 6.8.1-3 refers to).
 */
export const CHILLER_RATING_DRY_BULB_C = 35;
/** Leaving chilled water at the AHRI 550/590 rating point, °C (see {@link CHILLER_RATING_DRY_BULB_C}). */
export const CHILLER_RATING_LEAVING_WATER_C = 6.7;

/**
 * A trim chiller in series after a free-cooling plant (dry cooler, adiabatic cooler, tower): in an hour where free
 * cooling cannot make the setpoint, the free cooler pre-cools the return water as far as the weather allows and the
 * chiller takes it the rest of the way, up to its capacity. Air-cooled (its condenser rejects its own heat to the air),
 * except behind an open tower, where it is water-cooled on the tower.
 */
export interface TrimChillerDesign {
  /** Cooling capacity of the trim chiller / the plant's heat load at full IT load, above 0, up to 1. */
  capacityFraction: number;
  /** Compressor power per kW of cooling at the AHRI rating point (35 °C air, 6.7 °C leaving water), kW/kW (0 to 1). */
  ratedKwPerKwCooling: number;
  /** Facility-water range: return minus supply at full load, K (above 0, up to 30); the lift a capacity fraction of 1 covers. */
  facilityDeltaTK: number;
}

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
  /**
   * Evaporated share of the heat in a wet hour, 0-1, as stated for a reference hour; the hour's own share follows its
   * air (see {@link wetHourEvaporativeShare}): a tower multiplies the sourced share for the dry bulb by it, a hybrid
   * takes it as the share at its design hour (6 K of pad cooling) and scales it by the hour's pad cooling.
   */
  wetEvaporativeFraction: number;
  /** Facility-water supply the plant is asked to hold, °C. */
  setpointC: number;
  /** Dry bulb at which a chiller draws its rated power (the design day), °C. */
  designDryBulbC: number;
  /** A trim chiller after a free-cooling plant (not for a mechanical plant). @default none: the plant misses the setpoint in hours the weather does not allow it */
  trim?: TrimChillerDesign;
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
  /** Share of this hour's heat the trim chiller removes, 0 to its capacity fraction (0 without a trim chiller or when free cooling holds the setpoint). */
  trimLoadFraction: number;
  /** Trim chiller compressor power this hour per kW of the plant's heat load: trimLoadFraction × its kW per kW of cooling at this hour's lift. */
  trimKwPerKwHeat: number;
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
  if (d.trim !== undefined) {
    if (d.ambientBasis === "mechanical") throw new PhysicsInputError("trim", "a trim chiller", `none for ambientBasis "mechanical" (a chiller holds its setpoint)`);
    requireInRange("trim.capacityFraction", d.trim.capacityFraction, 0, 1);
    if (d.trim.capacityFraction === 0) throw new PhysicsInputError("trim.capacityFraction", 0, "a finite number above 0, up to 1");
    requireInRange("trim.ratedKwPerKwCooling", d.trim.ratedKwPerKwCooling, 0, 1);
    requireInRange("trim.facilityDeltaTK", d.trim.facilityDeltaTK, 0, 30);
    if (d.trim.facilityDeltaTK === 0) throw new PhysicsInputError("trim.facilityDeltaTK", 0, "a finite number above 0, up to 30");
  }
  return d;
}

/**
 * Fan-and-pump power factor of a plant that must cool water to `setpointC` against an ambient `ambientC` through a
 * heat exchanger that reaches the setpoint at full fan speed when ambient + approach = setpoint. Assumption: the air
 * flow needed scales with approach / (setpoint − ambient) (fixed exchanger, heat load constant), fan power with the
 * cube of speed (fan affinity laws), pumps constant.
 */
function fanPlantPowerFactor(ambientC: number, approachK: number, setpointC: number): number {
  const speed = fanSpeed(ambientC, approachK, setpointC);
  return PLANT_PUMP_SHARE + (1 - PLANT_PUMP_SHARE) * speed * speed * speed;
}

/** Fan speed (air flow) as a share of full speed, MIN_FAN_SPEED-1: approach / (setpoint − ambient), full when the weather leaves no more room. */
function fanSpeed(ambientC: number, approachK: number, setpointC: number): number {
  const availableK = setpointC - ambientC;
  return availableK <= approachK ? 1 : Math.max(MIN_FAN_SPEED, approachK / availableK);
}

/** Lift of an air-cooled chiller: condensing temperature (dry bulb + condenser approach) minus leaving water, K (at least 1). */
function chillerLiftK(dryBulbC: number, leavingC: number): number {
  return Math.max(1, dryBulbC + CHILLER_CONDENSER_APPROACH_K - leavingC);
}

/** Chiller power factor: compressor power follows the lift from supply to condensing temperature (COP ∝ 1 / lift, Carnot-proportional). */
function chillerPowerFactor(dryBulbC: number, supplyC: number, designDryBulbC: number): number {
  return Math.max(MIN_CHILLER_POWER_FACTOR, chillerLiftK(dryBulbC, supplyC) / chillerLiftK(designDryBulbC, supplyC));
}

/**
 * Compressor power per kW of cooling of an air-cooled chiller making `leavingC` water in `dryBulbC` air, kW/kW: its
 * rated figure scaled by this lift over the lift at the AHRI rating point (35 °C air, 6.7 °C water: 40.3 K), the same
 * Carnot-proportional model as a chiller plant's hours (COP ∝ 1 / lift), and never below MIN_CHILLER_POWER_FACTOR of
 * the rated figure (compressor minimum lift and head-pressure control; the COP gain at low lift is capped at about 3.3×).
 * A trim chiller making 32 °C water lifts far less than at its rating: in 32 °C air, 12 K against 40.3 K.
 */
export function trimChillerKwPerKwCooling(dryBulbC: number, leavingC: number, ratedKwPerKwCooling: number): number {
  const ratio = chillerLiftK(dryBulbC, leavingC) / chillerLiftK(CHILLER_RATING_DRY_BULB_C, CHILLER_RATING_LEAVING_WATER_C);
  return ratedKwPerKwCooling * Math.max(MIN_CHILLER_POWER_FACTOR, ratio);
}

/**
 * Coldest water a free-cooling plant with a trim chiller can make, given what free cooling alone makes, °C: free
 * cooling pre-cools the return water (setpoint + facilityDeltaTK; never warmer: a free cooler that cannot cool is
 * bypassed) and the chiller at full capacity takes capacityFraction × facilityDeltaTK off it (Q = ṁ·cp·ΔT at full load).
 */
export function trimmedColdestC(freeColdestC: number, setpointC: number, trim: TrimChillerDesign): number {
  return Math.min(freeColdestC, setpointC + trim.facilityDeltaTK) - trim.capacityFraction * trim.facilityDeltaTK;
}

/**
 * Adds a trim chiller to a free-cooling hour. It runs only when free cooling alone misses the setpoint; it removes the
 * share of the heat between what free cooling makes and the setpoint, up to its capacity (evaluated at full IT load,
 * so a trim that holds the setpoint at full load holds it at part load); the water it leaves is the setpoint when it
 * can cover the lift, else as far as its capacity reaches. The free cooler rejects the rest of the heat (its
 * evaporative share scales down by the share the chiller takes); its fans run at full speed in such an hour, unless
 * it cannot cool the return water at all (then it is bypassed: fans off, pumps on, no water). Behind an open tower the
 * chiller is water-cooled instead: the tower rejects its heat and its compressor work too.
 */
function withTrim(hour: PlantHour, d: PlantHourDesign, trim: TrimChillerDesign, dryBulbC: number): PlantHour {
  const coldestC = trimmedColdestC(hour.coldestC, d.setpointC, trim);
  if (hour.coldestC <= d.setpointC) return { ...hour, coldestC };
  const enteringC = Math.min(hour.coldestC, d.setpointC + trim.facilityDeltaTK);
  const neededFraction = (enteringC - d.setpointC) / trim.facilityDeltaTK;
  const trimLoadFraction = Math.min(neededFraction, trim.capacityFraction);
  const supplyC = Math.max(d.setpointC, enteringC - trimLoadFraction * trim.facilityDeltaTK);
  const trimKwPerKwHeat = trimLoadFraction * trimChillerKwPerKwCooling(dryBulbC, supplyC, trim.ratedKwPerKwCooling);
  if (isWetTower(d)) {
    // Behind a tower the chiller is water-cooled: its condenser rejects the heat it takes plus its compressor work
    // through the same tower, which keeps running and evaporates on all of it (efficiency still taken at the air-cooled
    // lift: conservative). In a cooler-towered hour the tower's share of the heat stays as it was.
    return { ...hour, supplyC, coldestC, evaporativeShare: hour.evaporativeShare * (1 + trimKwPerKwHeat), trimLoadFraction, trimKwPerKwHeat };
  }
  // An air-cooled chiller rejects its own heat. A free cooler that cannot cool the return water at all is bypassed:
  // its fans stop and it evaporates nothing (its pumps keep the loop moving).
  const bypassed = hour.coldestC >= d.setpointC + trim.facilityDeltaTK;
  return {
    ...hour,
    supplyC,
    coldestC,
    powerFactor: bypassed ? PLANT_PUMP_SHARE : hour.powerFactor,
    evaporativeShare: bypassed ? 0 : hour.evaporativeShare * (1 - trimLoadFraction),
    trimLoadFraction,
    trimKwPerKwHeat,
  };
}

/** An open evaporative tower: a wet-bulb plant with no dry mode; a chiller behind it is water-cooled on it. */
function isWetTower(d: PlantHourDesign): boolean {
  return d.ambientBasis === "wet-bulb" && d.dryApproachK === undefined;
}

/**
 * The plant in one hour. A dry-bulb plant holds max(setpoint, dry bulb + approach). A wet-bulb plant without a dry
 * mode (a tower) always evaporates and holds max(setpoint, wet bulb + approach). A hybrid plant runs dry while that
 * holds the setpoint, and wets its pads (evaporating) only when running wet makes colder water. A chiller holds its
 * rated supply (or the setpoint if warmer) in any weather. A free-cooling plant with a trim chiller (`d.trim`) runs
 * it in the hours free cooling misses the setpoint (see withTrim).
 */
export function plantHour(d: PlantHourDesign, dryBulbC: number, wetBulbC: number): PlantHour {
  const hour = freePlantHour(d, dryBulbC, wetBulbC);
  return d.trim === undefined || d.ambientBasis === "mechanical" ? hour : withTrim(hour, d, d.trim, dryBulbC);
}

/**
 * Wet-bulb depression the catalog's adiabatic design hour takes off by its pads, K: 85 % effectiveness on 32 °C air
 * at a 24.9 °C wet bulb, 0.85 × 7.06 = 6.0 K (the hour at which its evaporativeFraction 0.5 is stated).
 */
export const ADIABATIC_DESIGN_PAD_COOLING_K = 6;

/**
 * Share of the heat a wet hour evaporates, from the hour's air. A tower (no dry mode): `wetEvaporativeFraction` ×
 * the sourced share for the dry bulb ({@link towerEvaporatedShare}: 0.43 at −10 °C to 0.86 at 40 °C; 1 = the
 * table as published). A hybrid (adiabatic) plant: its pads' share for the hour's wet-bulb depression
 * ({@link padEvaporatedShare}, 0.85 effectiveness, 12 K coil air rise) scaled so that `wetEvaporativeFraction` is the
 * share at the design hour's 6 K of pad cooling at full air flow: wetEvaporativeFraction × 0.85 × (dry − wet bulb) ×
 * air flow / 6 K, at most 1, with the air flow the hour's fan speed (the same law as its fan power).
 */
export function wetHourEvaporativeShare(
  d: Pick<PlantHourDesign, "dryApproachK" | "wetEvaporativeFraction" | "approachK" | "setpointC">,
  dryBulbC: number,
  wetBulbC: number,
): number {
  if (d.dryApproachK === undefined) return d.wetEvaporativeFraction * towerEvaporatedShare(dryBulbC);
  const padShare = padEvaporatedShare(dryBulbC, wetBulbC, fanSpeed(wetBulbC, d.approachK, d.setpointC));
  return Math.min(1, (d.wetEvaporativeFraction * padShare) / (ADIABATIC_DESIGN_PAD_COOLING_K / ADIABATIC_COIL_AIR_RISE_K));
}

/** The plant in one hour without its trim chiller. */
function freePlantHour(d: PlantHourDesign, dryBulbC: number, wetBulbC: number): PlantHour {
  const noTrim = { trimLoadFraction: 0, trimKwPerKwHeat: 0 };
  switch (d.ambientBasis) {
    case "mechanical": {
      const supplyC = Math.max(d.setpointC, d.mechanicalSupplyC);
      return { mode: "mechanical", supplyC, coldestC: d.mechanicalSupplyC, powerFactor: chillerPowerFactor(dryBulbC, supplyC, d.designDryBulbC), evaporativeShare: 0, ...noTrim };
    }
    case "dry-bulb": {
      const coldestC = dryBulbC + d.approachK;
      return { mode: "dry", supplyC: Math.max(d.setpointC, coldestC), coldestC, powerFactor: fanPlantPowerFactor(dryBulbC, d.approachK, d.setpointC), evaporativeShare: 0, ...noTrim };
    }
    case "wet-bulb": {
      const wetColdestC = wetBulbC + d.approachK;
      const coldestC = d.dryApproachK === undefined ? wetColdestC : Math.min(wetColdestC, dryBulbC + d.dryApproachK);
      if (d.dryApproachK !== undefined) {
        const drySupplyC = Math.max(d.setpointC, dryBulbC + d.dryApproachK);
        if (drySupplyC <= Math.max(d.setpointC, wetColdestC)) {
          return { mode: "dry", supplyC: drySupplyC, coldestC, powerFactor: fanPlantPowerFactor(dryBulbC, d.dryApproachK, d.setpointC), evaporativeShare: 0, ...noTrim };
        }
      }
      return { mode: "wet", supplyC: Math.max(d.setpointC, wetColdestC), coldestC, powerFactor: fanPlantPowerFactor(wetBulbC, d.approachK, d.setpointC), evaporativeShare: wetHourEvaporativeShare(d, dryBulbC, wetBulbC), ...noTrim };
    }
  }
}
