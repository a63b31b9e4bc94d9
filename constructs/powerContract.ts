import { Construct } from "constructs";
import { powerContractModel, PowerContractArgs, PowerContractFootprint } from "../components/model/powerContract";
import { TYPES } from "../policies/view";
import { AiclusterConstruct, AiclusterConstructOptions, modelFor } from "./base";

export type { PowerContractArgs, PowerContractFootprint };

/** A power contract: the construct twin of the Pulumi `PowerContract`. */
export class PowerContract extends AiclusterConstruct<PowerContractFootprint, PowerContractFootprint> {
  /** Type token of the matching Pulumi component, `aicluster:index:PowerContract`: the type the rules see. */
  static readonly type = TYPES.powerContract;

  constructor(scope: Construct, id: string, args: PowerContractArgs, options?: AiclusterConstructOptions<PowerContractFootprint>) {
    const footprint = modelFor(scope, id, options, () => powerContractModel(args, { type: PowerContract.type, name: id }));
    super(scope, id, PowerContract.type, footprint, footprint, options);
  }
}
