/**
 * A hall's air path: the heat that goes to room air, the supply air it must hold, and where its coils' water comes
 * from. Liquid-cooled racks still send part of their heat to air (the catalog's liquid capture is 80-90 %), the network
 * and the electrical rooms are air-cooled, and the fans that move the air add their own heat: on a GB200/GB300 hall
 * about a fifth of the IT load. Its coils need water a few kelvin below the supply air, far colder than the 37 °C
 * facility water a 40 °C rack loop runs on, so a hall with warm-water racks gives the air path a loop of its own.
 */
import { type AirLoopArgs, catalogChillerRating } from "./coolingPlant";
import { DEFAULT_AIR_COIL_APPROACH_K, DEFAULT_AIR_LOOP_DELTA_T_K, DEFAULT_SUPPLY_AIR_C } from "./defaults";
import { reject, Subject } from "./validate";

/** Where the air path's coils get their water: its own loop (economised by the plant, or a dedicated chiller) or the facility water. */
export type AirPathService = "economised-chiller" | "chiller" | "facility-water";
/** Every {@link AirPathService}, for validation and messages. */
export const AIR_PATH_SERVICES = ["economised-chiller", "chiller", "facility-water"] as const satisfies readonly AirPathService[];

/** How a hall cools the heat that goes to room air. */
export interface AirPathArgs {
  /**
   * Where the coils' water comes from, "economised-chiller" (a loop of its own, cooled by the hall's plant in the hours
   * the weather allows and by a chiller in series, sized for the whole air-path heat, in the rest: air-cooled, or water-cooled on the tower behind an evaporative-tower plant),
   * "chiller" (a loop of its own from a dedicated air-cooled chilled-water plant, no free cooling), or "facility-water"
   * (the coils, or rear-door exchangers, on the plant's facility water: the plant is then held at the colder of what the
   * racks and the coils need).
   * @default "economised-chiller" when the racks' facility water is warmer than the coils need, else "facility-water"
   */
  service?: string;
  /** Supply air (server inlet) the air path must hold, °C (15 to 35: ASHRAE's allowable A1-A2 range; its recommended envelope is 18-27). @default 23 */
  supplyAirC?: number;
  /** Coil approach: supply air minus the water entering the coils, K (1 to 15). @default 5 */
  coilApproachK?: number;
  /** Water range of the air path's own loop at full load, return minus supply, K (4 to 20). @default 10 */
  waterDeltaTK?: number;
  /** Compressor power per kW of cooling of the air path's chiller at the AHRI rating point (35 °C air, 6.7 °C leaving water), within the "chiller" technology's range (0.24 to 0.4). @default the catalog "chiller" technology's 0.34 */
  chillerRatedKwPerKwCooling?: number;
}

/** The air path as its hall models it. */
export interface AirPath {
  /** Where its coils' water comes from. */
  service: AirPathService;
  /** Heat the air path cools at full IT load, kW. */
  airPathHeatKw: number;
  /** Supply air the air path holds, °C. */
  supplyAirC: number;
  /** Water its coils need, °C: supply air minus the coil approach. */
  waterC: number;
  /** Facility water the hall's plant holds, °C: what the coldest rack loop needs, or the coils' water when they are on it. */
  facilitySetpointC: number;
  /** The loop the plant serves beside the facility water (absent when the coils are on the facility water). */
  airLoop?: AirLoopArgs;
}

/**
 * The hall's air path from its args. `liquidNeedC` is the facility water the coldest rack loop needs behind its CDU
 * (absent in a hall without liquid-cooled racks, whose plant then makes the coils' water).
 */
export function airPathModel(args: (Omit<AirPathArgs, "service"> & { service?: AirPathService }) | undefined, hall: { airPathHeatKw: number; liquidNeedC?: number }, subject: Subject): AirPath {
  const supplyAirC = args?.supplyAirC ?? DEFAULT_SUPPLY_AIR_C;
  const coilApproachK = args?.coilApproachK ?? DEFAULT_AIR_COIL_APPROACH_K;
  const waterC = supplyAirC - coilApproachK;
  if (waterC < 5) {
    reject(subject, { field: "airPath.coilApproachK", value: coilApproachK, allowed: `at most ${supplyAirC - 5} K with supply air at ${supplyAirC} °C: the coils' water (supply air minus approach) must be at least 5 °C` });
  }
  const liquidWarmer = hall.liquidNeedC !== undefined && hall.liquidNeedC > waterC;
  const service = args?.service ?? (liquidWarmer ? "economised-chiller" : "facility-water");
  const common = { service, airPathHeatKw: hall.airPathHeatKw, supplyAirC, waterC };
  if (service === "facility-water") {
    if (args?.waterDeltaTK !== undefined || args?.chillerRatedKwPerKwCooling !== undefined) {
      const field = args.waterDeltaTK !== undefined ? "airPath.waterDeltaTK" : "airPath.chillerRatedKwPerKwCooling";
      reject(subject, { field, value: args.waterDeltaTK ?? args.chillerRatedKwPerKwCooling, allowed: `unset when the coils take the facility water (airPath.service "facility-water"${args.service === undefined ? ", the default when the facility water is cold enough for them" : ""}: they have no loop or chiller of their own), or airPath.service "economised-chiller" or "chiller"` });
    }
    return { ...common, facilitySetpointC: hall.liquidNeedC === undefined ? waterC : Math.min(hall.liquidNeedC, waterC) };
  }
  // Checked here too, so an error names the field the user wrote (the plant checks its airLoop arg the same way).
  if (args?.chillerRatedKwPerKwCooling !== undefined) catalogChillerRating(args.chillerRatedKwPerKwCooling, "airPath.chillerRatedKwPerKwCooling", subject);
  return {
    ...common,
    facilitySetpointC: hall.liquidNeedC ?? waterC,
    airLoop: {
      service,
      heatLoadKw: hall.airPathHeatKw,
      supplyC: waterC,
      deltaTK: args?.waterDeltaTK ?? DEFAULT_AIR_LOOP_DELTA_T_K,
      ...(args?.chillerRatedKwPerKwCooling !== undefined ? { ratedKwPerKwCooling: args.chillerRatedKwPerKwCooling } : {}),
    },
  };
}
