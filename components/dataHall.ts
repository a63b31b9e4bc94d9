import * as pulumi from "@pulumi/pulumi";
import { TYPE_TOKENS } from "./model/typeTokens";
import { AirCooledRack } from "./airCooledRack";
import { CoolingPlant } from "./coolingPlant";
import { LiquidCooledRack } from "./liquidCooledRack";
import { DataHallArgs, DataHallFootprint, HallDesignArgs, HallRackGroupArgs } from "./model/dataHall";
import { atPulumiBoundary } from "./errors";
import { PlannedOptions, withoutPlan } from "./model/handoff";
import { PlannedDataHall, planDataHall } from "./model/plan";
import { createPlannedChildren } from "./plannedChildren";
import type { DataHallOutputs } from "./model/published";
import type { AirPathArgs, AirPathService } from "./model/airPath";
import { OutputsOf, publishFootprint } from "./publish";
import { PlainMembers } from "./plainMembers";
// <generated:output-types> written by scripts/outputs.ts from the footprint (npm run outputs); do not edit
import type { UsdRange } from "./catalog/costSchema";
import type { CapexLine } from "./costs/capex";
// </generated:output-types>

export type { AirPathArgs, AirPathService, DataHallArgs, DataHallFootprint, DataHallOutputs, HallDesignArgs, HallRackGroupArgs };

/** A rack group of either cooling kind, as a data hall holds them. */
export type RackGroup = LiquidCooledRack | AirCooledRack;

const members = new PlainMembers<DataHall, { plan: PlannedDataHall; rackGroups: RackGroup[]; coolingPlant?: CoolingPlant }>(
  "DataHall",
);

/**
 * A data hall: rack groups (`<name>-<group>`, liquid- or air-cooled by design) and its cooling plant (`<name>-cooling`).
 * Adds network, air handling, CDU pumps and electrical losses to the racks' IT load, and publishes facility power,
 * PUE, annual energy, water and WUE.
 */
export class DataHall extends pulumi.ComponentResource implements OutputsOf<DataHallOutputs> {
  /** The type token the component registers under, `aicluster:index:DataHall`. */
  static readonly type = TYPE_TOKENS.dataHall;

  /** The footprint as plain numbers, with each rack group's and the plant's. */
  get footprint(): DataHallFootprint {
    return members.of(this).plan.footprint;
  }
  /** The rack-group components, in the order of `args.racks`. */
  get rackGroups(): RackGroup[] {
    return members.of(this).rackGroups;
  }
  /** The cooling plant, when `args.cooling` is given. */
  get coolingPlant(): CoolingPlant | undefined {
    return members.of(this).coolingPlant;
  }
  // <generated:outputs> written by scripts/outputs.ts from the footprint (npm run outputs); do not edit
  /** Racks. */
  declare readonly rackCount: pulumi.Output<number>;
  /** GPU nodes. */
  declare readonly nodeCount: pulumi.Output<number>;
  /** GPUs. */
  declare readonly gpuCount: pulumi.Output<number>;
  /** IT load (racks and network), kW at full utilisation. */
  declare readonly itLoadKw: pulumi.Output<number>;
  /** Facility power at full IT load with every plant at its rating (and a trim chiller in its worst hour), kW. */
  declare readonly facilityPowerKw: pulumi.Output<number>;
  /** Plant power at full load: fans and pumps at their rating, plus a trim chiller in its worst hour, kW. */
  declare readonly coolingPowerKw: pulumi.Output<number>;
  /** Heat taken by the racks' liquid loops at full IT load, kW. */
  declare readonly heatToLiquidKw: pulumi.Output<number>;
  /** Heat to room air at full IT load, kW: the racks' air share plus the network (network racks are assumed air-cooled). */
  declare readonly heatToAirKw: pulumi.Output<number>;
  /** Rack-loop coolant flow of all liquid-cooled racks at full load, L/min. */
  declare readonly coolantFlowLpm: pulumi.Output<number>;
  /** Annual PUE: facility energy / IT energy, summed over the 8,760 hours. */
  declare readonly pue: pulumi.Output<number>;
  /** IT energy over the year at the halls' utilisation, MWh. */
  declare readonly annualItEnergyMwh: pulumi.Output<number>;
  /** Facility energy over the year, summed hour by hour, MWh. */
  declare readonly annualFacilityEnergyMwh: pulumi.Output<number>;
  /** Make-up water of the plants over the year (evaporation and blowdown), m³. */
  declare readonly waterM3PerYear: pulumi.Output<number>;
  /** Make-up water on the worst simulated day, m³. */
  declare readonly peakDailyWaterM3: pulumi.Output<number>;
  /** That day: `YYYY-MM-DD` in a dated campus, else `MM-DD`. */
  declare readonly worstWaterDay: pulumi.Output<string>;
  /** Water usage effectiveness: make-up water / IT energy over the year, L/kWh. */
  declare readonly wueLPerKwh: pulumi.Output<number>;
  /** Scale-out network power, kW: GPUs × networkWPerGpu. */
  declare readonly networkKw: pulumi.Output<number>;
  /** Heat the air path cools at full IT load, kW: heat to room air, the air-handling fans and the electrical losses. */
  declare readonly airPathHeatKw: pulumi.Output<number>;
  /** How the air path's water is made: "economised-chiller", "chiller" (an air loop of its own) or "facility-water" (the coils on the plant's facility water). */
  declare readonly airPathService: pulumi.Output<string>;
  /** Supply air (server inlet) the air path holds, °C. */
  declare readonly supplyAirC: pulumi.Output<number>;
  /** Water the air path's coils need, °C: supply air minus the coil approach. */
  declare readonly airPathWaterC: pulumi.Output<number>;
  /** CDU capacity of all liquid-cooled groups, kW. */
  declare readonly cduCapacityKw: pulumi.Output<number>;
  /** Transformer, UPS and distribution losses at full IT load, kW: IT load × electricalLossFraction. */
  declare readonly electricalLossKw: pulumi.Output<number>;
  /** Room air-handling fan power at full IT load, kW: heat to air × airHandlingKwPerKwHeat. */
  declare readonly airHandlingKw: pulumi.Output<number>;
  /** CDU pump power at full IT load, kW: heat to liquid × cduPumpKwPerKwHeat. */
  declare readonly cduPumpKw: pulumi.Output<number>;
  /** Heat the plant must reject: everything drawn inside the hall, kW. */
  declare readonly heatLoadKw: pulumi.Output<number>;
  /** Facility power at full IT load in the worst hour of the year (the plant's power then), kW. */
  declare readonly peakFacilityPowerKw: pulumi.Output<number>;
  /** That hour, `MM-DD HH:00` in local standard time (`YYYY-MM-DD HH:00` in a dated campus). */
  declare readonly peakHour: pulumi.Output<string>;
  /** PUE in that hour: peak facility power / full IT load. */
  declare readonly peakHourPue: pulumi.Output<number>;
  /** Average / maximum IT power over the year, 0-1 (the mean of itLoadProfile when one is given). */
  declare readonly utilisation: pulumi.Output<number>;
  /** Approach of the CDUs' heat exchangers, K: the arg; else the catalog approach of the rack design whose loop sets the facility-water setpoint; 0 in a hall without liquid-cooled racks (no CDU). */
  declare readonly cduApproachK: pulumi.Output<number>;
  /** Highest rack IT load in the hall, kW. */
  declare readonly maxRackItLoadKw: pulumi.Output<number>;
  /** The hall's maxRackKw arg, kW (absent when unset). */
  declare readonly maxRackKw: pulumi.Output<number | undefined>;
  /** Worst hour of the year: coldest rack-loop supply any liquid-cooled rack asks for, minus the CDU approach, minus the facility water the plant holds that hour, K (negative: the racks get warmer water than they ask for). */
  declare readonly supplyTempMarginK: pulumi.Output<number | undefined>;
  /** Hours of the year in which some liquid-cooled rack group gets warmer water than it asks for. */
  declare readonly supplyTempMissedHours: pulumi.Output<number | undefined>;
  /** The hour of the smallest margin. */
  declare readonly worstSupplyTempHour: pulumi.Output<string | undefined>;
  /** Hours of the year in which the air path's coils get water warmer than they need, so the supply air misses its target (absent without a plant). */
  declare readonly airSupplyMissedHours: pulumi.Output<number | undefined>;
  /** Worst hour of the year: water the coils need minus the coldest the air path can make that hour, K (negative: the supply air is warmer than its target; absent without a plant). */
  declare readonly airSupplyMarginK: pulumi.Output<number | undefined>;
  /** The hour of the smallest air path margin (absent without a plant). */
  declare readonly worstAirSupplyHour: pulumi.Output<string | undefined>;
  /** Capex by category (IT hardware, network, shell, electrical, mechanical, cooling plant), each with its life and maintenance share. */
  declare readonly capex: pulumi.Output<CapexLine[]>;
  /** Total capex, USD (low, base, high). */
  declare readonly capexUsd: pulumi.Output<UsdRange>;
  /** What the cost catalog has no price for (then capex is incomplete and the capex rules fail). */
  declare readonly costMissing: pulumi.Output<string[]>;
  /** Whether the hall has its own cooling plant (the child `<hall>-cooling`). */
  declare readonly hasCoolingPlant: pulumi.Output<boolean>;
  // </generated:outputs>

  constructor(name: string, args: DataHallArgs, opts?: pulumi.ComponentResourceOptions & PlannedOptions<PlannedDataHall>) {
    const plan = opts?.plan ?? atPulumiBoundary(() => planDataHall(name, args));
    super(DataHall.type, name, args, withoutPlan(opts));
    const children = createPlannedChildren(this, plan, { [LiquidCooledRack.type]: LiquidCooledRack, [AirCooledRack.type]: AirCooledRack, [CoolingPlant.type]: CoolingPlant });
    const rackGroups = children.filter((c): c is RackGroup => c instanceof LiquidCooledRack || c instanceof AirCooledRack);
    const coolingPlant = children.find((c): c is CoolingPlant => c instanceof CoolingPlant);
    members.set(this, { plan, rackGroups, ...(coolingPlant ? { coolingPlant } : {}) });
    this.registerOutputs(publishFootprint<DataHallOutputs>(this, plan.outputs));
  }
}
