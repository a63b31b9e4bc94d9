import { Construct } from "constructs";
import { DataHallArgs, dataHallModel, DataHallFootprint, HallDesignArgs, HallRackGroupArgs, plantChildName, rackGroupChildName } from "../components/model/dataHall";
import { withoutName } from "../components/model/handoff";
import { TYPES } from "../policies/view";
import { AiclusterConstruct, AiclusterConstructOptions, modelFor } from "./base";
import { CoolingPlant } from "./coolingPlant";
import { AirCooledRack, LiquidCooledRack, RackGroupConstruct } from "./rackGroup";

export type { DataHallArgs, DataHallFootprint, HallDesignArgs, HallRackGroupArgs };

/** Outputs a hall publishes: its roll-up, without the per-child footprints (those are the children's). */
export type DataHallOutputs = Omit<DataHallFootprint, "rackGroups" | "plant"> & {
  /** Whether the hall has its own cooling plant (a child construct `<id>-cooling`). */
  hasCoolingPlant: boolean;
};

/**
 * A data hall: the construct twin of the Pulumi `DataHall`. Rack groups are children `<id>-<group>` (liquid- or
 * air-cooled by design) and the plant `<id>-cooling`, built from the footprint the hall computed, with the same args
 * the Pulumi component gives its children (components/dataHall.ts).
 */
export class DataHall extends AiclusterConstruct<DataHallFootprint, DataHallOutputs> {
  /** Type token of the matching Pulumi component, `aicluster:index:DataHall`: the type the rules see. */
  static readonly type = TYPES.dataHall;

  /** The rack-group constructs, in the order of `args.racks`. */
  readonly rackGroups: RackGroupConstruct[];
  /** The cooling plant, when `args.cooling` is given. */
  readonly coolingPlant?: CoolingPlant;

  constructor(scope: Construct, id: string, args: DataHallArgs, options?: AiclusterConstructOptions<DataHallFootprint>) {
    const footprint = modelFor(scope, id, options, () => dataHallModel(args, { type: DataHall.type, name: id }));
    const { rackGroups: _groups, plant, ...rollup } = footprint;
    super(scope, id, DataHall.type, footprint, { ...rollup, hasCoolingPlant: plant !== undefined }, options);
    this.rackGroups = args.racks.map(({ name: group, ...groupArgs }, i) => {
      const childId = rackGroupChildName(id, group);
      const handed = { modelled: withoutName(footprint.rackGroups[i]) };
      return footprint.rackGroups[i].cooling === "liquid" ? new LiquidCooledRack(this, childId, groupArgs, handed) : new AirCooledRack(this, childId, groupArgs, handed);
    });
    if (args.cooling && plant) {
      const plantArgs = {
        ...args.cooling, climate: plant.climate, heatLoadKw: footprint.heatLoadKw, utilisation: footprint.utilisation, setpointC: plant.setpointC,
        ...(args.weatherFile === undefined ? {} : { weatherFile: args.weatherFile }),
      };
      this.coolingPlant = new CoolingPlant(this, plantChildName(id), plantArgs, { modelled: plant });
    }
  }
}
