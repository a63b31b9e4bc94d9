import { Construct } from "constructs";
import { coolingPlantModel, CoolingPlantArgs, CoolingPlantFootprint } from "../components/model/coolingPlant";
import { TYPES } from "../policies/view";
import { AiclusterConstruct, AiclusterConstructOptions, modelFor } from "./base";

export type { CoolingPlantArgs, CoolingPlantFootprint };

/** A heat-rejection plant of identical units: the construct twin of the Pulumi `CoolingPlant`. */
export class CoolingPlant extends AiclusterConstruct<CoolingPlantFootprint, CoolingPlantFootprint> {
  /** Type token of the matching Pulumi component, `aicluster:index:CoolingPlant`: the type the rules see. */
  static readonly type = TYPES.coolingPlant;

  constructor(scope: Construct, id: string, args: CoolingPlantArgs, options?: AiclusterConstructOptions<CoolingPlantFootprint>) {
    const footprint = modelFor(scope, id, options, () => coolingPlantModel(args, { type: CoolingPlant.type, name: id }));
    super(scope, id, CoolingPlant.type, footprint, footprint, options);
  }
}
