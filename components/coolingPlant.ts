import * as pulumi from "@pulumi/pulumi";
import { TYPE_TOKENS } from "./model/typeTokens";
import { AirLoopArgs, CoolingPlantArgs, CoolingPlantFootprint, PlantDesignArgs, PlantLoadArgs, TrimChillerArgs } from "./model/coolingPlant";
import { atPulumiBoundary } from "./errors";
import { PlannedOptions, withoutPlan } from "./model/handoff";
import { PlannedCoolingPlant, planCoolingPlant } from "./model/plan";
import { PlainMembers } from "./plainMembers";
import type { CoolingPlantOutputs } from "./model/published";
import { OutputsOf, publishFootprint } from "./publish";
// <generated:output-types> written by scripts/outputs.ts from the footprint (npm run outputs); do not edit
import type { UsdRange } from "./catalog/costSchema";
// </generated:output-types>

export type { AirLoopArgs, CoolingPlantArgs, CoolingPlantFootprint, PlantDesignArgs, PlantLoadArgs, TrimChillerArgs };

const members = new PlainMembers<CoolingPlant, { plan: PlannedCoolingPlant }>("CoolingPlant");

/**
 * A heat-rejection plant of identical units. Publishes installed and firm (after redundancy) capacity,
 * its own fan and pump power, annual and design-day water, and the coldest supply it can hold; with a trim chiller,
 * the hours it runs, its energy and its worst-hour power; with an air loop (a hall's air path), the same for its chiller.
 * Fails when the installed units cannot carry the heat load at all; a shortfall only under redundancy is the policy pack's call.
 */
export class CoolingPlant extends pulumi.ComponentResource implements OutputsOf<CoolingPlantOutputs> {
  /** The type token the component registers under, `aicluster:index:CoolingPlant`. */
  static readonly type = TYPE_TOKENS.coolingPlant;

  /** The footprint as plain numbers, for parents that roll it up. */
  get footprint(): CoolingPlantFootprint {
    return members.of(this).plan.footprint;
  }
  // <generated:outputs> written by scripts/outputs.ts from the footprint (npm run outputs); do not edit
  /** Cooling technology id from the catalog. */
  declare readonly technology: pulumi.Output<string>;
  /** Climate id from the catalog. */
  declare readonly climate: pulumi.Output<string>;
  /** Redundancy scheme: "N", "N+1" or "2N". */
  declare readonly redundancy: pulumi.Output<string>;
  /** Installed units (spares included). */
  declare readonly units: pulumi.Output<number>;
  /** Heat-rejection capacity of one unit, kW. */
  declare readonly unitCapacityKw: pulumi.Output<number>;
  /** Capacity of all installed units, kW: units × unitCapacityKw. */
  declare readonly installedCapacityKw: pulumi.Output<number>;
  /** Capex of the plant (all units, spares included), USD (low, base, high); absent when the cost catalog has no price for the technology. */
  declare readonly capexUsd: pulumi.Output<UsdRange | undefined>;
  /** Capacity with the redundant units out of service, kW. */
  declare readonly firmCapacityKw: pulumi.Output<number>;
  /** Heat the plant must reject at full IT load, kW. */
  declare readonly heatLoadKw: pulumi.Output<number>;
  /** Fans and pumps of the plant at full load, kW. */
  declare readonly coolingPowerKw: pulumi.Output<number>;
  /** Facility-water supply the plant is asked to hold, °C. */
  declare readonly setpointC: pulumi.Output<number>;
  /** Heat rejected over the year at the hall's (or the arg's) utilisation, MWh. */
  declare readonly heatEnergyMwhPerYear: pulumi.Output<number>;
  /** Energy of the plant's fans, pumps and compressors over the year, MWh. */
  declare readonly coolingEnergyMwhPerYear: pulumi.Output<number>;
  /** Make-up water over the year (evaporation and blowdown), m³. */
  declare readonly waterM3PerYear: pulumi.Output<number>;
  /** The blowdown in that make-up water, at the plant's own cycles of concentration, m³ (0 when it evaporates none). */
  declare readonly blowdownM3PerYear: pulumi.Output<number>;
  /** The evaporated part of that make-up water (make-up − blowdown), m³. */
  declare readonly evaporationM3PerYear: pulumi.Output<number>;
  /** The plant's cycles of concentration: the arg, else its technology's (what blowdown is reckoned at). */
  declare readonly cyclesOfConcentration: pulumi.Output<number>;
  /** Make-up water on the worst simulated day, m³. */
  declare readonly peakDailyWaterM3: pulumi.Output<number>;
  /** The worst simulated water day (`MM-DD`, with the year when known). */
  declare readonly worstWaterDay: pulumi.Output<string>;
  /** Coldest facility-water supply the plant can hold at the climate's 0.4 % design conditions, °C. */
  declare readonly achievableSupplyTempC: pulumi.Output<number>;
  /** Warmest supply the plant holds in any hour of the year, °C: in the hour its coldest possible water is warmest. */
  declare readonly warmestSupplyTempC: pulumi.Output<number>;
  /** That hour, `MM-DD HH:00` in local standard time (with the year when known). */
  declare readonly warmestSupplyHour: pulumi.Output<string>;
  /** Hours in which the plant cannot hold its setpoint. */
  declare readonly hoursAboveSetpoint: pulumi.Output<number>;
  /** Hours the plant evaporates water (a tower: all; a hybrid: above its switch-over). */
  declare readonly wetHours: pulumi.Output<number>;
  /** Hours a compressor runs (a chiller: all; a free-cooling plant: its trim hours, else none). */
  declare readonly mechanicalHours: pulumi.Output<number>;
  /** Cooling capacity of the trim chiller, kW (0 without one). */
  declare readonly trimCapacityKw: pulumi.Output<number>;
  /** Hours the trim chiller runs: those in which free cooling alone misses the setpoint (0 without one). */
  declare readonly trimHours: pulumi.Output<number>;
  /** Trim chiller compressor energy over the year, MWh (part of coolingEnergyMwhPerYear; 0 without one). */
  declare readonly trimEnergyMwhPerYear: pulumi.Output<number>;
  /** Trim chiller compressor power at full IT load in its worst hour, kW (0 without one). */
  declare readonly trimPowerKw: pulumi.Output<number>;
  /** How the air path's loop is cooled (absent without one): "economised-chiller" or "chiller". */
  declare readonly airLoopService: pulumi.Output<string | undefined>;
  /** Heat on the air path's loop at full IT load, kW (0 without one). */
  declare readonly airLoopHeatKw: pulumi.Output<number>;
  /** Water the air path's loop supplies, °C (absent without one). */
  declare readonly airLoopSupplyC: pulumi.Output<number | undefined>;
  /** Cooling capacity of the air loop's own chiller, kW: the whole loop heat (0 without one, or when the plant's own chillers make its water). */
  declare readonly airChillerCapacityKw: pulumi.Output<number>;
  /** Hours the air loop's chiller runs: those free cooling alone cannot make the loop's water in (every hour for a dedicated chiller; 0 without one). */
  declare readonly airChillerHours: pulumi.Output<number>;
  /** The air loop chiller's compressor energy over the year, MWh (part of coolingEnergyMwhPerYear; 0 without one). */
  declare readonly airChillerEnergyMwhPerYear: pulumi.Output<number>;
  /** The air loop chiller's compressor power at full IT load in its worst hour, kW (0 without one). */
  declare readonly airChillerPowerKw: pulumi.Output<number>;
  // </generated:outputs>

  constructor(name: string, args: CoolingPlantArgs, opts?: pulumi.ComponentResourceOptions & PlannedOptions<PlannedCoolingPlant>) {
    const plan = opts?.plan ?? atPulumiBoundary(() => planCoolingPlant(name, args));
    super(CoolingPlant.type, name, args, withoutPlan(opts));
    members.set(this, { plan });
    this.registerOutputs(publishFootprint<CoolingPlantOutputs>(this, plan.outputs));
  }
}
