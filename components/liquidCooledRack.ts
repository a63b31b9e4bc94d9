import * as pulumi from "@pulumi/pulumi";
import { LiquidCooledRackArgs } from "./model/rackGroup";
import { RackGroup } from "./rackGroup";

export type { LiquidCooledRackArgs };

/**
 * A row or pod of identical liquid-cooled racks (e.g. GB200 NVL72). Publishes IT load, the heat split
 * between liquid and air, coolant flow (Q = m·cp·ΔT), CDU capacity and supply/return temperatures.
 */
export class LiquidCooledRack extends RackGroup {
  static readonly type = "aicluster:index:LiquidCooledRack";

  constructor(name: string, args: LiquidCooledRackArgs, opts?: pulumi.ComponentResourceOptions) {
    super(LiquidCooledRack.type, "liquid", name, args, opts);
  }
}
