import * as pulumi from "@pulumi/pulumi";
import { RackGroupArgs } from "./model/rackGroup";
import { RackGroup } from "./rackGroup";

export type AirCooledRackArgs = RackGroupArgs;

/** A row or pod of identical air-cooled racks (e.g. four HGX H100 servers each): all heat goes to room air. */
export class AirCooledRack extends RackGroup {
  static readonly type = "aicluster:index:AirCooledRack";

  constructor(name: string, args: AirCooledRackArgs, opts?: pulumi.ComponentResourceOptions) {
    super(AirCooledRack.type, "air", name, args, opts);
  }
}
