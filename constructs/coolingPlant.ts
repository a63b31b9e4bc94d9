import { Construct } from "constructs";
import type { CoolingPlantArgs, CoolingPlantFootprint } from "../components/model/coolingPlant";
import { PlannedCoolingPlant, planCoolingPlant } from "../components/model/plan";
import { TYPES } from "../policies/view";
import { AiclusterConstruct, AiclusterConstructOptions, planFor } from "./base";

export type { CoolingPlantArgs, CoolingPlantFootprint };

/** A heat-rejection plant of identical units: the construct twin of the Pulumi `CoolingPlant`. */
export class CoolingPlant extends AiclusterConstruct<CoolingPlantFootprint, CoolingPlantFootprint> {
  /** Type token of the matching Pulumi component, `aicluster:index:CoolingPlant`: the type the rules see. */
  static readonly type = TYPES.coolingPlant;

  constructor(scope: Construct, id: string, args: CoolingPlantArgs, options?: AiclusterConstructOptions<PlannedCoolingPlant>) {
    super(scope, id, planFor(scope, id, options, () => planCoolingPlant(id, args)), options);
  }
}
