import * as pulumi from "@pulumi/pulumi";
import { TYPE_TOKENS } from "./model/typeTokens";
import type { UsdRange } from "./costs/range";
import { AirLoopArgs, CoolingPlantArgs, CoolingPlantFootprint, PlantDesignArgs, PlantLoadArgs, TrimChillerArgs } from "./model/coolingPlant";
import { atPulumiBoundary } from "./errors";
import { PlannedOptions, withoutPlan } from "./model/handoff";
import { PlannedCoolingPlant, planCoolingPlant } from "./model/plan";
import { PlainMembers } from "./plainMembers";
import type { CoolingPlantOutputs } from "./model/published";
import { OutputsOf, publishFootprint } from "./publish";

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
  declare readonly technology: pulumi.Output<string>;
  declare readonly climate: pulumi.Output<string>;
  declare readonly redundancy: pulumi.Output<string>;
  declare readonly units: pulumi.Output<number>;
  declare readonly unitCapacityKw: pulumi.Output<number>;
  declare readonly installedCapacityKw: pulumi.Output<number>;
  declare readonly firmCapacityKw: pulumi.Output<number>;
  declare readonly heatLoadKw: pulumi.Output<number>;
  declare readonly coolingPowerKw: pulumi.Output<number>;
  declare readonly setpointC: pulumi.Output<number>;
  declare readonly heatEnergyMwhPerYear: pulumi.Output<number>;
  declare readonly coolingEnergyMwhPerYear: pulumi.Output<number>;
  declare readonly waterM3PerYear: pulumi.Output<number>;
  declare readonly peakDailyWaterM3: pulumi.Output<number>;
  declare readonly worstWaterDay: pulumi.Output<string>;
  declare readonly achievableSupplyTempC: pulumi.Output<number>;
  declare readonly warmestSupplyTempC: pulumi.Output<number>;
  declare readonly warmestSupplyHour: pulumi.Output<string>;
  declare readonly hoursAboveSetpoint: pulumi.Output<number>;
  declare readonly wetHours: pulumi.Output<number>;
  declare readonly mechanicalHours: pulumi.Output<number>;
  declare readonly trimCapacityKw: pulumi.Output<number>;
  declare readonly trimHours: pulumi.Output<number>;
  declare readonly trimEnergyMwhPerYear: pulumi.Output<number>;
  declare readonly blowdownM3PerYear: pulumi.Output<number>;
  declare readonly trimPowerKw: pulumi.Output<number>;
  declare readonly airLoopService: pulumi.Output<string | undefined>;
  declare readonly airLoopHeatKw: pulumi.Output<number>;
  declare readonly airLoopSupplyC: pulumi.Output<number | undefined>;
  declare readonly airChillerCapacityKw: pulumi.Output<number>;
  declare readonly airChillerHours: pulumi.Output<number>;
  declare readonly airChillerEnergyMwhPerYear: pulumi.Output<number>;
  declare readonly airChillerPowerKw: pulumi.Output<number>;
  declare readonly capexUsd: pulumi.Output<UsdRange | undefined>;

  constructor(name: string, args: CoolingPlantArgs, opts?: pulumi.ComponentResourceOptions & PlannedOptions<PlannedCoolingPlant>) {
    const plan = opts?.plan ?? atPulumiBoundary(() => planCoolingPlant(name, args));
    super(CoolingPlant.type, name, args, withoutPlan(opts));
    members.set(this, { plan });
    this.registerOutputs(publishFootprint<CoolingPlantOutputs>(this, plan.outputs));
  }
}
