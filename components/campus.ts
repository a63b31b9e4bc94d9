import * as pulumi from "@pulumi/pulumi";
import { TYPE_TOKENS } from "./model/typeTokens";
import type { UsdRange } from "./costs/range";
import type { CapexLine } from "./costs/capex";
import type { CostYearRow, Financing } from "./costs/campusCost";
import { DataHall } from "./dataHall";
import { CampusArgs, CampusFootprint, CampusHallArgs, CampusPowerContractArgs } from "./model/campus";
import { atPulumiBoundary } from "./errors";
import { PlannedOptions, withoutPlan } from "./model/handoff";
import { PlannedCampus, planCampus } from "./model/plan";
import { seriesSinkHere } from "./model/seriesSink";
import { createPlannedChildren } from "./plannedChildren";
import type { MonthlyRow } from "./hours/campusHours";
import type { YearRow } from "./years/ledger";
import { PowerContract } from "./powerContract";
import { PlainMembers } from "./plainMembers";
import type { CampusOutputs } from "./model/published";
import { OutputsOf, publishFootprint } from "./publish";

export type { CampusArgs, CampusFootprint, CampusHallArgs, CampusPowerContractArgs, CampusOutputs, MonthlyRow, YearRow };

const members = new PlainMembers<Campus, { plan: PlannedCampus; halls: DataHall[]; powerContracts: PowerContract[] }>(
  "Campus",
);

/**
 * A campus: data halls (`<name>-<hall>`) and the power contracts that supply them (`<name>-<contract>`).
 * Rolls up IT and facility power, PUE, water and WUE, and compares them with the contracts (firm MW, headroom,
 * carbon, clean share) and the site's water permit, year by year over its horizon (`years`).
 */
export class Campus extends pulumi.ComponentResource implements OutputsOf<CampusOutputs> {
  /** The type token the component registers under, `aicluster:index:Campus`. */
  static readonly type = TYPE_TOKENS.campus;

  /** The footprint as plain numbers, with each hall's and contract's. */
  get footprint(): CampusFootprint {
    return members.of(this).plan.footprint;
  }
  /** The planned tree the campus created: every child's name, args and outputs, and the series its reports draw. */
  get plan(): PlannedCampus {
    return members.of(this).plan;
  }
  /** The hall components, in the order of `args.halls`. */
  get halls(): DataHall[] {
    return members.of(this).halls;
  }
  /** The power-contract components, in the order of `args.powerContracts`. */
  get powerContracts(): PowerContract[] {
    return members.of(this).powerContracts;
  }
  declare readonly location: pulumi.Output<string>;
  declare readonly climate: pulumi.Output<string>;
  declare readonly onlineYear: pulumi.Output<number | undefined>;
  declare readonly horizonStartYear: pulumi.Output<number | undefined>;
  declare readonly horizonEndYear: pulumi.Output<number | undefined>;
  declare readonly market: pulumi.Output<string | undefined>;
  declare readonly fullBuildYear: pulumi.Output<number | undefined>;
  declare readonly years: pulumi.Output<YearRow[]>;
  declare readonly hallCount: pulumi.Output<number>;
  declare readonly rackCount: pulumi.Output<number>;
  declare readonly nodeCount: pulumi.Output<number>;
  declare readonly gpuCount: pulumi.Output<number>;
  declare readonly itLoadKw: pulumi.Output<number>;
  declare readonly facilityPowerKw: pulumi.Output<number>;
  declare readonly facilityPowerMw: pulumi.Output<number>;
  declare readonly peakFacilityPowerMw: pulumi.Output<number>;
  declare readonly peakHour: pulumi.Output<string>;
  declare readonly peakHourPue: pulumi.Output<number>;
  declare readonly coolingPowerKw: pulumi.Output<number>;
  declare readonly heatToLiquidKw: pulumi.Output<number>;
  declare readonly heatToAirKw: pulumi.Output<number>;
  declare readonly coolantFlowLpm: pulumi.Output<number>;
  declare readonly pue: pulumi.Output<number>;
  declare readonly annualItEnergyMwh: pulumi.Output<number>;
  declare readonly annualFacilityEnergyMwh: pulumi.Output<number>;
  declare readonly waterM3PerYear: pulumi.Output<number>;
  declare readonly peakDailyWaterM3: pulumi.Output<number>;
  declare readonly worstWaterDay: pulumi.Output<string>;
  declare readonly wueLPerKwh: pulumi.Output<number>;
  declare readonly contractedMw: pulumi.Output<number>;
  declare readonly firmContractedMw: pulumi.Output<number>;
  declare readonly powerHeadroomMw: pulumi.Output<number>;
  declare readonly carbonBasis: pulumi.Output<string>;
  /** Whether proposed contracts count toward the supply: "exclude" or "count". */
  declare readonly proposedContracts: pulumi.Output<string>;
  declare readonly carbonIntensityGPerKwh: pulumi.Output<number>;
  declare readonly carbonTco2PerYear: pulumi.Output<number>;
  declare readonly marketCarbonIntensityGPerKwh: pulumi.Output<number>;
  declare readonly marketCarbonTco2PerYear: pulumi.Output<number>;
  declare readonly cleanEnergyShare: pulumi.Output<number>;
  declare readonly carbonFreeShare: pulumi.Output<number>;
  declare readonly unservedEnergyMwh: pulumi.Output<number>;
  declare readonly unservedHours: pulumi.Output<number>;
  declare readonly maxShortfallMw: pulumi.Output<number>;
  declare readonly maxShortfallHour: pulumi.Output<string | undefined>;
  declare readonly weather: pulumi.Output<string>;
  declare readonly monthly: pulumi.Output<MonthlyRow[]>;
  declare readonly waterPermitM3PerYear: pulumi.Output<number | undefined>;
  declare readonly dailyWaterCapM3: pulumi.Output<number | undefined>;
  declare readonly capex: pulumi.Output<CapexLine[]>;
  declare readonly capexUsd: pulumi.Output<UsdRange>;
  declare readonly capexUsdPerMwIt: pulumi.Output<UsdRange>;
  declare readonly capexUsdPerGpu: pulumi.Output<UsdRange>;
  declare readonly costUsdPerGpuHour: pulumi.Output<UsdRange>;
  declare readonly energyCostUsdPerMwh: pulumi.Output<UsdRange>;
  declare readonly costYears: pulumi.Output<CostYearRow[]>;
  declare readonly costMissing: pulumi.Output<string[]>;
  declare readonly financing: pulumi.Output<Financing | undefined>;

  constructor(name: string, args: CampusArgs, opts?: pulumi.ComponentResourceOptions & PlannedOptions<PlannedCampus>) {
    const plan = opts?.plan ?? atPulumiBoundary(() => planCampus(name, args));
    super(Campus.type, name, args, withoutPlan(opts));
    const children = createPlannedChildren(this, plan, { [DataHall.type]: DataHall, [PowerContract.type]: PowerContract });
    const halls = children.filter((c): c is DataHall => c instanceof DataHall);
    const powerContracts = children.filter((c): c is PowerContract => c instanceof PowerContract);
    members.set(this, { plan, halls, powerContracts });
    // The series go to the run that asked for them (the checker), under this campus's URN; nowhere otherwise.
    const sink = seriesSinkHere();
    if (sink) sink.keep(new Promise<string>((resolve) => this.urn.apply(resolve)), plan.series);
    this.registerOutputs(publishFootprint<CampusOutputs>(this, plan.outputs));
  }
}
