/**
 * The air path's cold water in one hour. A liquid-cooled hall still sends part of its heat to room air (the racks'
 * air share, the network, the fans, the electrical losses), and the coils that cool that air need water a few kelvin
 * below the supply air: far colder than the warm facility water a 40 °C rack loop runs on. Real designs give the air
 * path its own colder loop; this models the two common ways of making it:
 * - "economised-chiller": the hall's plant pre-cools the loop's return water as far as the weather allows (its free
 *   cooling), and a chiller in series, sized for the whole air-path heat, takes it the rest of the way (air-cooled;
 *   behind an open tower, water-cooled on the tower).
 *   Against a chiller plant (technology "chiller"), the plant's own chillers make the loop's water.
 * - "chiller": a dedicated air-cooled chilled-water plant; no free cooling, its compressors run every hour.
 * (The third way, coils on the facility water itself, needs no loop of its own: the plant is held cold enough for the
 * coils; see the hall.)
 */
import { PhysicsInputError, requireInRange } from "./guard";
import { PlantHour, PlantHourDesign, plantHour, trimChillerKwPerKwCooling } from "./hourlyCooling";

/** How the air path's own loop is cooled. */
export const AIR_LOOP_SERVICES = ["economised-chiller", "chiller"] as const satisfies readonly AirLoopService[];
/** How the air path's own loop is cooled: "economised-chiller" (free cooling, then a chiller in series) or "chiller" (a dedicated chiller). */
export type AirLoopService = "economised-chiller" | "chiller";

/** The air path's loop as the plant serves it. */
export interface AirLoopDesign {
  /** How the loop's water is made. */
  service: AirLoopService;
  /** Water the coils need, °C: supply air minus the coil approach. */
  supplyC: number;
  /** Loop range, return minus supply water at full load, K (above 0, up to 30): what free cooling pre-cools from. */
  deltaTK: number;
  /** Compressor power per kW of cooling of the loop's chiller at the AHRI rating point (35 °C air, 6.7 °C water), kW/kW. */
  ratedKwPerKwCooling: number;
  /** Coldest water the chiller can make, °C (its rated leaving water: the "chiller" technology's supply). */
  chillerCoolestC: number;
}

/** Checks an air loop once, so the per-hour function can run 8,760 times without re-checking. */
export function requireAirLoopDesign(d: AirLoopDesign): AirLoopDesign {
  if (!(AIR_LOOP_SERVICES as readonly string[]).includes(d.service)) throw new PhysicsInputError("service", d.service, AIR_LOOP_SERVICES.join(", "));
  requireInRange("supplyC", d.supplyC, 0, 40);
  requireInRange("deltaTK", d.deltaTK, 0, 30);
  if (d.deltaTK === 0) throw new PhysicsInputError("deltaTK", 0, "a finite number above 0, up to 30");
  requireInRange("ratedKwPerKwCooling", d.ratedKwPerKwCooling, 0, 1);
  requireInRange("chillerCoolestC", d.chillerCoolestC, 0, 40);
  return d;
}

/**
 * The plant's design as it serves the air loop (economised): the same free cooler, held at the loop's colder supply,
 * with a chiller in series sized for the whole loop heat (capacity fraction 1: it can always take the return water
 * down to the supply). Against a chiller plant: the plant itself at the loop's supply.
 */
export function economisedAirLoopPlant(plant: PlantHourDesign, loop: AirLoopDesign): PlantHourDesign {
  const { trim: _facilityTrim, ...free } = plant;
  if (plant.ambientBasis === "mechanical") return { ...free, setpointC: loop.supplyC };
  return { ...free, setpointC: loop.supplyC, trim: { capacityFraction: 1, ratedKwPerKwCooling: loop.ratedKwPerKwCooling, facilityDeltaTK: loop.deltaTK } };
}

/**
 * The air loop in one hour, per kW of its heat. Economised: the plant's hour at the loop's supply with its series
 * chiller (fans at the free cooler's speed, water evaporated on the share the free cooler rejects, chiller power at the
 * hour's lift as {@link trimChillerKwPerKwCooling}). Dedicated chiller: no plant fans and no water (its condenser
 * rejects the heat to air), the chiller takes the whole load every hour at the hour's lift.
 */
export function airLoopHour(plant: PlantHourDesign, loop: AirLoopDesign, dryBulbC: number, wetBulbC: number): PlantHour {
  return airLoopHourFunction(plant, loop)(dryBulbC, wetBulbC);
}

/** {@link airLoopHour} with the loop's plant design derived once, for running over the 8,760 hours. */
export function airLoopHourFunction(plant: PlantHourDesign, loop: AirLoopDesign): (dryBulbC: number, wetBulbC: number) => PlantHour {
  if (loop.service === "economised-chiller") {
    const economised = economisedAirLoopPlant(plant, loop);
    return (dryBulbC, wetBulbC) => plantHour(economised, dryBulbC, wetBulbC);
  }
  return (dryBulbC) => dedicatedChillerHour(loop, dryBulbC);
}

function dedicatedChillerHour(loop: AirLoopDesign, dryBulbC: number): PlantHour {
  return {
    mode: "mechanical",
    supplyC: loop.supplyC,
    coldestC: Math.min(loop.supplyC, loop.chillerCoolestC),
    powerFactor: 0,
    evaporativeShare: 0,
    trimLoadFraction: 1,
    trimKwPerKwHeat: trimChillerKwPerKwCooling(dryBulbC, loop.supplyC, loop.ratedKwPerKwCooling),
  };
}
