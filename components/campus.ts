import * as pulumi from "@pulumi/pulumi";
import { TYPE_TOKENS } from "./model/typeTokens";
import { DataHall } from "./dataHall";
import { CampusArgs, CampusFootprint, CampusHallArgs, CampusPowerContractArgs } from "./model/campus";
import { atPulumiBoundary } from "./errors";
import { PlannedOptions, withoutPlan } from "./model/handoff";
import { PlannedCampus, planCampus } from "./model/plan";
import { seriesSinkHere } from "./model/seriesSink";
import { createPlannedChildren } from "./plannedChildren";
import { PowerContract } from "./powerContract";
import { PlainMembers } from "./plainMembers";
import type { CampusOutputs } from "./model/published";
import { OutputsOf, publishFootprint } from "./publish";
// <generated:output-types> written by scripts/outputs.ts from the footprint (npm run outputs); do not edit
import type { UsdRange } from "./catalog/costSchema";
import type { CostYearRow, Financing } from "./costs/campusCost";
import type { CapexLine } from "./costs/capex";
import type { CampusFinance } from "./finance/types";
import type { MonthlyRow } from "./hours/campusHours";
import type { YearRow } from "./years/ledger";
// </generated:output-types>

export type { CampusArgs, CampusFootprint, CampusHallArgs, CampusPowerContractArgs, CampusOutputs, MonthlyRow, YearRow };
export type { YearContractRow } from "./years/ledger";

const members = new PlainMembers<Campus, { plan: PlannedCampus; halls: DataHall[]; powerContracts: PowerContract[] }>(
  "Campus",
);

/**
 * A campus: data halls (`<name>-<hall>`) and the power contracts that supply them (`<name>-<contract>`).
 * Rolls up IT and facility power, PUE, water and WUE, and compares them with the contracts (firm MW, headroom,
 * carbon, clean share) and the site's water permit, year by year over its horizon (`years`).
 *
 * @example
 * ```ts
 * import { Campus } from "pulumi-aicluster";
 * const campus = new Campus("demo", {
 *   location: "New Albany, Ohio", climate: "central-ohio", market: "pjm",
 *   halls: [{ name: "h1", racks: [{ name: "r1", design: "gb300-nvl72", rackCount: 8 }], cooling: { technology: "dry-cooler" } }],
 *   powerContracts: [{ name: "grid", counterparty: "AEP Ohio", source: "grid-pjm-ohio", contractedMw: 2 }],
 * });
 * export const facilityPowerMw = campus.facilityPowerMw; // 1.314 (an Output)
 * export const pue = campus.pue;                         // 1.095
 * campus.halls.map((h) => h.footprint.rackCount);        // [8]: the children, as plain numbers
 * ```
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
  // <generated:outputs> written by scripts/outputs.ts from the footprint (npm run outputs); do not edit
  /** Racks. */
  declare readonly rackCount: pulumi.Output<number>;
  /** GPU nodes. */
  declare readonly nodeCount: pulumi.Output<number>;
  /** GPUs. */
  declare readonly gpuCount: pulumi.Output<number>;
  /** IT load (racks and network), kW at full utilisation. */
  declare readonly itLoadKw: pulumi.Output<number>;
  /** Facility power at full IT load with every plant at its rating (and a trim chiller in its worst hour), kW. */
  declare readonly facilityPowerKw: pulumi.Output<number>;
  /** Plant power at full load: fans and pumps at their rating, plus a trim chiller in its worst hour, kW. */
  declare readonly coolingPowerKw: pulumi.Output<number>;
  /** Heat taken by the racks' liquid loops at full IT load, kW. */
  declare readonly heatToLiquidKw: pulumi.Output<number>;
  /** Heat to room air at full IT load, kW: the racks' air share plus the network (network racks are assumed air-cooled). */
  declare readonly heatToAirKw: pulumi.Output<number>;
  /** Rack-loop coolant flow of all liquid-cooled racks at full load, L/min. */
  declare readonly coolantFlowLpm: pulumi.Output<number>;
  /** Annual PUE: facility energy / IT energy, summed over the 8,760 hours. */
  declare readonly pue: pulumi.Output<number>;
  /** IT energy over the year at the halls' utilisation, MWh. */
  declare readonly annualItEnergyMwh: pulumi.Output<number>;
  /** Facility energy over the year, summed hour by hour, MWh. */
  declare readonly annualFacilityEnergyMwh: pulumi.Output<number>;
  /** Make-up water of the plants over the year (evaporation and blowdown), m³. */
  declare readonly waterM3PerYear: pulumi.Output<number>;
  /** Make-up water on the worst simulated day, m³. */
  declare readonly peakDailyWaterM3: pulumi.Output<number>;
  /** That day: `YYYY-MM-DD` in a dated campus, else `MM-DD`. */
  declare readonly worstWaterDay: pulumi.Output<string>;
  /** Water usage effectiveness: make-up water / IT energy over the year, L/kWh. */
  declare readonly wueLPerKwh: pulumi.Output<number>;
  /** Share of the energy supplied over the year from clean sources, 0-1. */
  declare readonly cleanEnergyShare: pulumi.Output<number>;
  /** Share of the demand met by clean energy in the same hour (24/7 carbon-free energy), 0-1. */
  declare readonly carbonFreeShare: pulumi.Output<number>;
  /** Facility energy no contract could supply over the year, MWh. */
  declare readonly unservedEnergyMwh: pulumi.Output<number>;
  /** Hours of the year with some demand unserved. */
  declare readonly unservedHours: pulumi.Output<number>;
  /** The largest shortfall in one hour, MW. */
  declare readonly maxShortfallMw: pulumi.Output<number>;
  /** The hour of that shortfall, `YYYY-MM-DD HH:00` (absent when nothing is unserved). */
  declare readonly maxShortfallHour: pulumi.Output<string | undefined>;
  /** Where the campus is, as given. */
  declare readonly location: pulumi.Output<string>;
  /** Climate id from the catalog. */
  declare readonly climate: pulumi.Output<string>;
  /** Year the campus goes online: the arg, else the start of its horizon (absent for an undated campus). */
  declare readonly onlineYear: pulumi.Output<number | undefined>;
  /** First year of the planning horizon (absent for an undated campus). */
  declare readonly horizonStartYear: pulumi.Output<number | undefined>;
  /** Last year of the planning horizon (absent for an undated campus). */
  declare readonly horizonEndYear: pulumi.Output<number | undefined>;
  /** Market id for contracts that name none (absent when unset). */
  declare readonly market: pulumi.Output<string | undefined>;
  /** First year with every hall online: the year the campus-wide figures below describe (absent for an undated campus). */
  declare readonly fullBuildYear: pulumi.Output<number | undefined>;
  /** The build-out year by year over the horizon (one row for an undated campus); the per-year rules check every row. */
  declare readonly years: pulumi.Output<YearRow[]>;
  /** The basis every carbon figure of the campus is counted on: "operational" (combustion) or "lifecycle". */
  declare readonly carbonBasis: pulumi.Output<string>;
  /** Whether proposed contracts count toward the supply: "exclude" (the args' default) or "count". */
  declare readonly proposedContracts: pulumi.Output<string>;
  /** Number of halls. */
  declare readonly hallCount: pulumi.Output<number>;
  /** Facility power at full IT load with every plant at its rating, MW (facilityPowerKw in MW). */
  declare readonly facilityPowerMw: pulumi.Output<number>;
  /** Facility power at full IT load in the campus's worst hour, MW: what firm capacity must carry. */
  declare readonly peakFacilityPowerMw: pulumi.Output<number>;
  /** That hour, `YYYY-MM-DD HH:00` in local standard time (`MM-DD HH:00` for an undated campus). */
  declare readonly peakHour: pulumi.Output<string>;
  /** PUE in that hour: peak facility power / full IT load. */
  declare readonly peakHourPue: pulumi.Output<number>;
  /** MW of the physical contracts delivering in the full-build year. */
  declare readonly contractedMw: pulumi.Output<number>;
  /** The firm part of those MW (each contract's MW × its firm fraction). */
  declare readonly firmContractedMw: pulumi.Output<number>;
  /** Firm contracted MW minus peak-hour facility MW (negative: short of firm power). */
  declare readonly powerHeadroomMw: pulumi.Output<number>;
  /** Carbon intensity of the energy dispatched to the campus hour by hour in the full-build year (location-based), gCO2e/kWh. */
  declare readonly carbonIntensityGPerKwh: pulumi.Output<number>;
  /** Emissions of that energy over the full-build year (location-based), tCO2e. */
  declare readonly carbonTco2PerYear: pulumi.Output<number>;
  /** Market-based carbon: grid energy covered by certificates of virtual clean PPAs counts at their intensity. */
  declare readonly marketCarbonIntensityGPerKwh: pulumi.Output<number>;
  /** Market-based emissions of the full-build year, tCO2e. */
  declare readonly marketCarbonTco2PerYear: pulumi.Output<number>;
  /** Where the weather hours come from. */
  declare readonly weather: pulumi.Output<string>;
  /** The year by month: energy, PUE, water, unserved energy, carbon-free share. */
  declare readonly monthly: pulumi.Output<MonthlyRow[]>;
  /** Water the site's permit allows per year, m³ (the arg; absent when unset). */
  declare readonly waterPermitM3PerYear: pulumi.Output<number | undefined>;
  /** Water the site may draw on any day, m³ (the arg; absent when unset). */
  declare readonly dailyWaterCapM3: pulumi.Output<number | undefined>;
  /** The evaporated part of the full-build year's make-up water: the water consumed (blowdown returns to the basin), m³. */
  declare readonly waterConsumedM3PerYear: pulumi.Output<number>;
  /** Water scarcity id that weighs it (absent when the site's water scarcity is not known). */
  declare readonly waterScarcity: pulumi.Output<string | undefined>;
  /** The AWARE region its factors are for, e.g. `US-TX` (absent when not known). */
  declare readonly awareRegion: pulumi.Output<string | undefined>;
  /** The site's annual AWARE factor, m³ world-eq per m³ consumed (absent when not known): shown beside the monthly weighting. */
  declare readonly awareAnnualM3WorldEqPerM3: pulumi.Output<number | undefined>;
  /** The basin's or state's baseline water stress (WRI Aqueduct), e.g. `extremely-high (score 4.39; Aqueduct 4.0, state)` (absent when not known). */
  declare readonly baselineWaterStress: pulumi.Output<string | undefined>;
  /** The full-build year's consumed water weighted by the site's monthly AWARE factors, m³ world-equivalent (absent when not known). */
  declare readonly scarcityWeightedWaterM3PerYear: pulumi.Output<number | undefined>;
  /** Scarcity-weighted water per kWh of IT energy, L world-eq/kWh (absent when not known): WUE on the scarcity basis. */
  declare readonly scarcityWeightedWueLPerKwh: pulumi.Output<number | undefined>;
  /** Capex of the halls and owned generation by category (lines of one category with different lives stay apart). */
  declare readonly capex: pulumi.Output<CapexLine[]>;
  /** Total capex over the horizon, USD (low, base, high). */
  declare readonly capexUsd: pulumi.Output<UsdRange>;
  /** Capex per MW of IT (full load), USD. */
  declare readonly capexUsdPerMwIt: pulumi.Output<UsdRange>;
  /** Capex per GPU, USD. */
  declare readonly capexUsdPerGpu: pulumi.Output<UsdRange>;
  /** In the full-build year: (depreciation + opex) per GPU-hour at the modelled utilisation, USD. */
  declare readonly costUsdPerGpuHour: pulumi.Output<UsdRange>;
  /** In the full-build year: energy cost per MWh consumed, USD/MWh. */
  declare readonly energyCostUsdPerMwh: pulumi.Output<UsdRange>;
  /** Cost year by year over the horizon (one row for an undated campus): capex, opex, depreciation, who pays. */
  declare readonly costYears: pulumi.Output<CostYearRow[]>;
  /** What the cost catalog has no price for (then the cost figures are incomplete and the capex rules fail). */
  declare readonly costMissing: pulumi.Output<string[]>;
  /** The partner financing of the args (absent when the operator funds everything). */
  declare readonly financing: pulumi.Output<Financing | undefined>;
  /** Money over the horizon: cost of capital, present values, TCO, levelised cost per GPU-hour with a capital charge, refresh, cash flows by party, rental bands. */
  declare readonly finance: pulumi.Output<CampusFinance>;
  // </generated:outputs>

  constructor(name: string, args: CampusArgs, opts?: pulumi.ComponentResourceOptions & PlannedOptions<PlannedCampus>) {
    const plan = opts?.plan ?? atPulumiBoundary(() => planCampus(name, args));
    super(Campus.type, name, args, withoutPlan(opts));
    const children = createPlannedChildren(this, plan, { [DataHall.type]: DataHall, [PowerContract.type]: PowerContract });
    const halls = children.filter((c): c is DataHall => c instanceof DataHall);
    const powerContracts = children.filter((c): c is PowerContract => c instanceof PowerContract);
    members.set(this, { plan, halls, powerContracts });
    // The series go to the run that asked for them (the checker), under this campus's URN; nowhere otherwise.
    const sink = seriesSinkHere();
    if (sink) sink.keep(new Promise<string>((resolve) => this.urn.apply(resolve)), plan.series, plan);
    this.registerOutputs(publishFootprint<CampusOutputs>(this, plan.outputs));
  }
}
