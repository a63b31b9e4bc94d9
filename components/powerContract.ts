import * as pulumi from "@pulumi/pulumi";
import { TYPE_TOKENS } from "./model/typeTokens";
import { PowerContractArgs, PowerContractFootprint } from "./model/powerContract";
import { atPulumiBoundary } from "./errors";
import { PlannedOptions, withoutPlan } from "./model/handoff";
import { PlannedPowerContract, planPowerContract } from "./model/plan";
import { PlainMembers } from "./plainMembers";
import type { PowerContractOutputs } from "./model/published";
import { OutputsOf, publishFootprint } from "./publish";
// <generated:output-types> written by scripts/outputs.ts from the footprint (npm run outputs); do not edit
import type { UsdRange } from "./catalog/costSchema";
import type { AmbientDeratingPoint } from "./catalog/schema";
import type { RampStep } from "./model/powerContract";
// </generated:output-types>

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
  // <generated:outputs> written by scripts/outputs.ts from the footprint (npm run outputs); do not edit
  /** Who supplies the power. */
  declare readonly counterparty: pulumi.Output<string>;
  /** Generation source id from the catalog. */
  declare readonly source: pulumi.Output<string>;
  /** Contracted capacity once fully ramped, MW. */
  declare readonly contractedMw: pulumi.Output<number>;
  /** The market whose accreditation set firmFraction (none: a firm utility service, or firmFraction given). */
  declare readonly market: pulumi.Output<string | undefined>;
  /** Share of contracted MW that counts as firm, 0-1: the arg, 1 for a firm utility service, else the market's accreditation (0 for virtual delivery). */
  declare readonly firmFraction: pulumi.Output<number>;
  /** Firm MW once fully ramped (0 for virtual delivery). */
  declare readonly firmMw: pulumi.Output<number>;
  /** Average output / contracted MW over a year, 0-1 (the arg, or the source's). */
  declare readonly capacityFactor: pulumi.Output<number>;
  /** Energy the contract can deliver in a year once fully ramped, MWh: contracted MW × capacity factor × 8,760 h. */
  declare readonly deliverableEnergyMwhPerYear: pulumi.Output<number>;
  /** Combustion (operational, stack) carbon intensity of the delivered energy, gCO2e/kWh (the arg, or the source's). */
  declare readonly combustionGPerKwh: pulumi.Output<number>;
  /** Lifecycle carbon intensity of the delivered energy, gCO2e/kWh (the arg, or the source's). A campus counts one of the two, by its carbonBasis. */
  declare readonly lifecycleGPerKwh: pulumi.Output<number>;
  /** The source follows the load up to contracted MW (grid service, gas, storage). */
  declare readonly dispatchable: pulumi.Output<boolean>;
  /** The source counts as clean energy (nuclear, solar, wind). */
  declare readonly clean: pulumi.Output<boolean>;
  /** A firm utility service (grid energy). */
  declare readonly gridService: pulumi.Output<boolean>;
  /** Grid service its market lets the grid operator curtail in an energy emergency (large-load rules: Texas SB 6): firm except then. */
  declare readonly curtailableInEmergency: pulumi.Output<boolean>;
  /** With curtailableInEmergency: the share of the load the market's rules look for in the campus's own backup (SB 6: 0.5). */
  declare readonly emergencyBackupShare: pulumi.Output<number | undefined>;
  /** Behind the meter, connected to no grid (its market is islanded): certificates cannot cover its energy. */
  declare readonly islanded: pulumi.Output<boolean>;
  /** How the energy reaches the campus (the arg, or "physical"). */
  declare readonly delivery: pulumi.Output<string>;
  /** How the source delivers hour by hour (flat, solar, wind, dispatchable, storage). */
  declare readonly hourlyProfile: pulumi.Output<string>;
  /** Storage: hours of discharge at contracted MW. */
  declare readonly storageHours: pulumi.Output<number | undefined>;
  /** Dispatchable generation whose firm share is stated (firmFraction, e.g. an islanded plant): the source's ambient derating (catalog), available output / ISO-rated MW vs the hour's dry bulb; each hour it caps the contract at contracted MW × derating. Absent for a grid service and for a share its market accredits (the accreditation already prices stressed hours), and for a source without a curve. */
  declare readonly ambientDerating: pulumi.Output<AmbientDeratingPoint[] | undefined>;
  /** First year of delivery (absent: every year of the campus's horizon). */
  declare readonly startYear: pulumi.Output<number | undefined>;
  /** First day of delivery in startYear, `YYYY-MM-DD` (absent: 1 January). */
  declare readonly startDate: pulumi.Output<string | undefined>;
  /** Last year of delivery: startYear + termYears − 1 (absent: no end). */
  declare readonly endYear: pulumi.Output<number | undefined>;
  /** MW delivered in the listed years of the term (absent: contractedMw in every year). */
  declare readonly ramp: pulumi.Output<RampStep[] | undefined>;
  /** The stated energy price, USD/MWh (absent: the cost catalog's price, see energyUsdPerMwh). */
  declare readonly priceUsdPerMwh: pulumi.Output<number | undefined>;
  /** The campus owns the generation (its capex is the campus's). */
  declare readonly owned: pulumi.Output<boolean>;
  /** Capex of owned generation, USD (low, base, high); absent when bought or not priced. */
  declare readonly capexUsd: pulumi.Output<UsdRange | undefined>;
  /** What each MWh taken costs, USD/MWh (low, base, high): the stated price, the catalog's, or an owned plant's variable cost; absent when the catalog has none. */
  declare readonly energyUsdPerMwh: pulumi.Output<UsdRange | undefined>;
  /** What the cost catalog has no price for. */
  declare readonly costMissing: pulumi.Output<string[]>;
  /** Where the contract stands on the record (the arg, or "contracted"). */
  declare readonly status: pulumi.Output<string>;
  // </generated:outputs>

  constructor(name: string, args: PowerContractArgs, opts?: pulumi.ComponentResourceOptions & PlannedOptions<PlannedPowerContract>) {
    const plan = opts?.plan ?? atPulumiBoundary(() => planPowerContract(name, args));
    super(PowerContract.type, name, args, withoutPlan(opts));
    members.set(this, { plan });
    this.registerOutputs(publishFootprint<PowerContractOutputs>(this, plan.outputs));
  }
}
