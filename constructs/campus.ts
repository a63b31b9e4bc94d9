import { Construct } from "constructs";
import type { CampusArgs, CampusFootprint, CampusHallArgs, CampusPowerContractArgs } from "../components/model/campus";
import { PlannedCampus, planCampus } from "../components/model/plan";
import type { CampusOutputs } from "../components/model/published";
import { TYPES } from "../policies/view";
import { AiclusterConstruct, AiclusterConstructOptions, createPlannedConstructs, planFor } from "./base";
import { DataHall } from "./dataHall";
import { PowerContract } from "./powerContract";

export type { CampusArgs, CampusFootprint, CampusHallArgs, CampusOutputs, CampusPowerContractArgs };

/**
 * A campus: the construct twin of the Pulumi `Campus`, same args, same planned tree. Halls are children `<id>-<hall>`
 * and power contracts `<id>-<contract>`, as the Pulumi component names them, so a finding names the same resource in
 * both engines. As the top of its tree it runs the rules at synthesis (see `options.policy`): a blocking violation
 * fails `app.synth()` with the Pulumi pack's message.
 */
export class Campus extends AiclusterConstruct<CampusFootprint, CampusOutputs> {
  /** Type token of the matching Pulumi component, `aicluster:index:Campus`: the type the rules see. */
  static readonly type = TYPES.campus;

  /** The hall constructs, in the order of `args.halls`. */
  readonly halls: DataHall[];
  /** The power-contract constructs, in the order of `args.powerContracts`. */
  readonly powerContracts: PowerContract[];
  /** The planned tree: every child's name, args and outputs, and the series the reports draw. */
  readonly plan: PlannedCampus;

  constructor(scope: Construct, id: string, args: CampusArgs, options?: AiclusterConstructOptions<PlannedCampus>) {
    const plan = planFor(scope, id, options, () => planCampus(id, args));
    super(scope, id, plan, options);
    this.plan = plan;
    const children = createPlannedConstructs(this, plan, { [DataHall.type]: DataHall, [PowerContract.type]: PowerContract });
    this.halls = children.filter((c): c is DataHall => c instanceof DataHall);
    this.powerContracts = children.filter((c): c is PowerContract => c instanceof PowerContract);
  }
}
