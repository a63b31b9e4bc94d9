import { Construct } from "constructs";
import type { PowerContractArgs, PowerContractFootprint } from "../components/model/powerContract";
import { PlannedPowerContract, planPowerContract } from "../components/model/plan";
import { TYPES } from "../policies/view";
import { AiclusterConstruct, AiclusterConstructOptions, planFor } from "./base";

export type { PowerContractArgs, PowerContractFootprint };

/** A power contract: the construct twin of the Pulumi `PowerContract`. */
export class PowerContract extends AiclusterConstruct<PowerContractFootprint, PowerContractFootprint> {
  /** Type token of the matching Pulumi component, `aicluster:index:PowerContract`: the type the rules see. */
  static readonly type = TYPES.powerContract;

  constructor(scope: Construct, id: string, args: PowerContractArgs, options?: AiclusterConstructOptions<PlannedPowerContract>) {
    super(scope, id, planFor(scope, id, options, () => planPowerContract(id, args)), options);
  }
}
