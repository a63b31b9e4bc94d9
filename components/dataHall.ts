import * as pulumi from "@pulumi/pulumi";
import { TYPE_TOKENS } from "./model/typeTokens";
import type { UsdRange } from "./costs/range";
import type { CapexLine } from "./costs/capex";
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
  declare readonly hasCoolingPlant: pulumi.Output<boolean>;
  declare readonly rackCount: pulumi.Output<number>;
  declare readonly nodeCount: pulumi.Output<number>;
  declare readonly gpuCount: pulumi.Output<number>;
  declare readonly itLoadKw: pulumi.Output<number>;
  declare readonly networkKw: pulumi.Output<number>;
  declare readonly heatToLiquidKw: pulumi.Output<number>;
  declare readonly heatToAirKw: pulumi.Output<number>;
  declare readonly airPathHeatKw: pulumi.Output<number>;
  declare readonly airPathService: pulumi.Output<string>;
  declare readonly supplyAirC: pulumi.Output<number>;
  declare readonly airPathWaterC: pulumi.Output<number>;
  declare readonly coolantFlowLpm: pulumi.Output<number>;
  declare readonly cduCapacityKw: pulumi.Output<number>;
  declare readonly electricalLossKw: pulumi.Output<number>;
  declare readonly airHandlingKw: pulumi.Output<number>;
  declare readonly cduPumpKw: pulumi.Output<number>;
  declare readonly heatLoadKw: pulumi.Output<number>;
  declare readonly coolingPowerKw: pulumi.Output<number>;
  declare readonly facilityPowerKw: pulumi.Output<number>;
  declare readonly peakFacilityPowerKw: pulumi.Output<number>;
  declare readonly peakHour: pulumi.Output<string>;
  declare readonly peakHourPue: pulumi.Output<number>;
  declare readonly pue: pulumi.Output<number>;
  declare readonly utilisation: pulumi.Output<number>;
  declare readonly cduApproachK: pulumi.Output<number>;
  declare readonly annualItEnergyMwh: pulumi.Output<number>;
  declare readonly annualFacilityEnergyMwh: pulumi.Output<number>;
  declare readonly waterM3PerYear: pulumi.Output<number>;
  declare readonly peakDailyWaterM3: pulumi.Output<number>;
  declare readonly worstWaterDay: pulumi.Output<string>;
  declare readonly wueLPerKwh: pulumi.Output<number>;
  declare readonly maxRackItLoadKw: pulumi.Output<number>;
  declare readonly maxRackKw: pulumi.Output<number | undefined>;
  declare readonly supplyTempMarginK: pulumi.Output<number | undefined>;
  declare readonly supplyTempMissedHours: pulumi.Output<number | undefined>;
  declare readonly worstSupplyTempHour: pulumi.Output<string | undefined>;
  declare readonly airSupplyMissedHours: pulumi.Output<number | undefined>;
  declare readonly airSupplyMarginK: pulumi.Output<number | undefined>;
  declare readonly worstAirSupplyHour: pulumi.Output<string | undefined>;
  declare readonly capex: pulumi.Output<CapexLine[]>;
  declare readonly capexUsd: pulumi.Output<UsdRange>;
  declare readonly costMissing: pulumi.Output<string[]>;

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
