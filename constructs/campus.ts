import { Construct } from "constructs";
import { CampusArgs, CampusFootprint, CampusHallArgs, campusModel, CampusPowerContractArgs, contractChildName, hallChildName } from "../components/model/campus";
import { withoutName } from "../components/model/handoff";
import { TYPES } from "../policies/view";
import { AiclusterConstruct, AiclusterConstructOptions, modelFor } from "./base";
import { DataHall } from "./dataHall";
import { PowerContract } from "./powerContract";

export type { CampusArgs, CampusFootprint, CampusHallArgs, CampusPowerContractArgs };

/** Outputs a campus publishes: its roll-up, without the per-child footprints. */
export type CampusOutputs = Omit<CampusFootprint, "halls" | "contracts">;

/**
 * A campus: the construct twin of the Pulumi `Campus`, same args, same footprint. Halls are children `<id>-<hall>`
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

  constructor(scope: Construct, id: string, args: CampusArgs, options?: AiclusterConstructOptions<CampusFootprint>) {
    const footprint = modelFor(scope, id, options, () => campusModel(args, { type: Campus.type, name: id }));
    const { halls: _halls, contracts: _contracts, ...rollup } = footprint;
    super(scope, id, Campus.type, footprint, rollup, options);
    this.halls = args.halls.map(({ name: hall, onlineYear: _onlineYear, ...hallArgs }, i) => {
      const childArgs = { ...hallArgs, climate: args.climate, ...(args.weatherFile === undefined ? {} : { weatherFile: args.weatherFile }) };
      return new DataHall(this, hallChildName(id, hall), childArgs, { modelled: withoutName(footprint.halls[i]) });
    });
    this.powerContracts = args.powerContracts.map(({ name: contract, ...contractArgs }, i) => {
      // The campus's market is the contract's unless it names its own, as in the Pulumi component.
      const market = contractArgs.market ?? args.market;
      const childArgs = market === undefined ? contractArgs : { ...contractArgs, market };
      // As the component: the intensity on the campus's carbon basis is the campus's figure, not the contract's.
      const { carbonIntensityGPerKwh: _onCampusBasis, ...contractFootprint } = footprint.contracts[i];
      return new PowerContract(this, contractChildName(id, contract), childArgs, { modelled: withoutName(contractFootprint) });
    });
  }
}
