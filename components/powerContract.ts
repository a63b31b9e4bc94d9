import * as pulumi from "@pulumi/pulumi";
import { TYPE_TOKENS } from "./model/typeTokens";
import type { UsdRange } from "./costs/range";
import type { AmbientDeratingPoint } from "./catalog/schema";
import { PowerContractArgs, PowerContractFootprint, RampStep } from "./model/powerContract";
import { atPulumiBoundary } from "./errors";
import { PlannedOptions, withoutPlan } from "./model/handoff";
import { PlannedPowerContract, planPowerContract } from "./model/plan";
import { PlainMembers } from "./plainMembers";
import type { PowerContractOutputs } from "./model/published";
import { OutputsOf, publishFootprint } from "./publish";

export type { PowerContractArgs, PowerContractFootprint, RampStep };

const members = new PlainMembers<PowerContract, { plan: PlannedPowerContract }>("PowerContract");

/** A power contract: contracted and firm MW, deliverable energy and the carbon intensity of what it delivers. */
export class PowerContract extends pulumi.ComponentResource implements OutputsOf<PowerContractOutputs> {
  /** The type token the component registers under, `aicluster:index:PowerContract`. */
  static readonly type = TYPE_TOKENS.powerContract;

  /** The footprint as plain numbers, for parents that roll it up. */
  get footprint(): PowerContractFootprint {
    return members.of(this).plan.footprint;
  }
  declare readonly counterparty: pulumi.Output<string>;
  declare readonly source: pulumi.Output<string>;
  declare readonly contractedMw: pulumi.Output<number>;
  declare readonly market: pulumi.Output<string | undefined>;
  declare readonly firmFraction: pulumi.Output<number>;
  declare readonly firmMw: pulumi.Output<number>;
  declare readonly capacityFactor: pulumi.Output<number>;
  declare readonly deliverableEnergyMwhPerYear: pulumi.Output<number>;
  declare readonly combustionGPerKwh: pulumi.Output<number>;
  declare readonly lifecycleGPerKwh: pulumi.Output<number>;
  declare readonly dispatchable: pulumi.Output<boolean>;
  declare readonly clean: pulumi.Output<boolean>;
  declare readonly hourlyProfile: pulumi.Output<string>;
  declare readonly storageHours: pulumi.Output<number | undefined>;
  /** Dispatchable generation at a stated firm share: the source's ambient derating (available output / ISO-rated MW vs dry bulb), which caps each hour at MW × derating. */
  declare readonly ambientDerating: pulumi.Output<AmbientDeratingPoint[] | undefined>;
  declare readonly startYear: pulumi.Output<number | undefined>;
  /** First day of delivery in startYear (`YYYY-MM-DD`); before it the contract delivers nothing. */
  declare readonly startDate: pulumi.Output<string | undefined>;
  declare readonly endYear: pulumi.Output<number | undefined>;
  declare readonly ramp: pulumi.Output<RampStep[] | undefined>;
  declare readonly gridService: pulumi.Output<boolean>;
  declare readonly islanded: pulumi.Output<boolean>;
  declare readonly delivery: pulumi.Output<string>;
  declare readonly priceUsdPerMwh: pulumi.Output<number | undefined>;
  declare readonly owned: pulumi.Output<boolean>;
  declare readonly capexUsd: pulumi.Output<UsdRange | undefined>;
  declare readonly energyUsdPerMwh: pulumi.Output<UsdRange | undefined>;
  declare readonly costMissing: pulumi.Output<string[]>;
  /** Where the contract stands on the record: "contracted", "approved" or "proposed". */
  declare readonly status: pulumi.Output<string>;

  constructor(name: string, args: PowerContractArgs, opts?: pulumi.ComponentResourceOptions & PlannedOptions<PlannedPowerContract>) {
    const plan = opts?.plan ?? atPulumiBoundary(() => planPowerContract(name, args));
    super(PowerContract.type, name, args, withoutPlan(opts));
    members.set(this, { plan });
    this.registerOutputs(publishFootprint<PowerContractOutputs>(this, plan.outputs));
  }
}
