import { Construct } from "constructs";
import type { DataHallArgs, DataHallFootprint, HallDesignArgs, HallRackGroupArgs } from "../components/model/dataHall";
import { PlannedDataHall, planDataHall } from "../components/model/plan";
import type { DataHallOutputs } from "../components/model/published";
import { TYPES } from "../policies/view";
import { AiclusterConstruct, AiclusterConstructOptions, createPlannedConstructs, planFor } from "./base";
import { CoolingPlant } from "./coolingPlant";
import { AirCooledRack, LiquidCooledRack, RackGroupConstruct } from "./rackGroup";

export type { DataHallArgs, DataHallFootprint, DataHallOutputs, HallDesignArgs, HallRackGroupArgs };

/**
 * A data hall: the construct twin of the Pulumi `DataHall`. Rack groups are children `<id>-<group>` (liquid- or
 * air-cooled by design) and the plant `<id>-cooling`, as its plan lists them (components/model/plan.ts).
 */
export class DataHall extends AiclusterConstruct<DataHallFootprint, DataHallOutputs> {
  /** Type token of the matching Pulumi component, `aicluster:index:DataHall`: the type the rules see. */
  static readonly type = TYPES.dataHall;

  /** The rack-group constructs, in the order of `args.racks`. */
  readonly rackGroups: RackGroupConstruct[];
  /** The cooling plant, when `args.cooling` is given. */
  readonly coolingPlant?: CoolingPlant;

  constructor(scope: Construct, id: string, args: DataHallArgs, options?: AiclusterConstructOptions<PlannedDataHall>) {
    const plan = planFor(scope, id, options, () => planDataHall(id, args));
    super(scope, id, plan, options);
    const children = createPlannedConstructs(this, plan, { [LiquidCooledRack.type]: LiquidCooledRack, [AirCooledRack.type]: AirCooledRack, [CoolingPlant.type]: CoolingPlant });
    this.rackGroups = children.filter((c): c is RackGroupConstruct => c instanceof RackGroupConstruct);
    const plant = children.find((c): c is CoolingPlant => c instanceof CoolingPlant);
    if (plant) this.coolingPlant = plant;
  }
}
