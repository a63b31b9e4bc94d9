/** Args, validation and footprint of a campus: halls, power contracts, site budgets, and the roll-up of all of them. */
import { z } from "zod";
import { HOURS_PER_YEAR, kwToMw, powerUsageEffectiveness, solarGeneratingHours, waterUsageEffectiveness } from "../physics";
import { CampusHours, MonthlyRow } from "../hours/campusHours";
import { campusYears, CampusYears, Horizon, SupplyFigures, YearRow } from "../years/ledger";
import { capexTotal, CapexLine } from "../costs/capex";
import type { CostYearRow, Financing } from "../costs/campusCost";
import { campusMoney, moneyArgsShape, RefreshDesignArgs } from "./campusMoney";
import { per, UsdRange } from "../costs/range";
import type { CampusFinance } from "../finance/types";
import { dataHallWithHours, DataHallFootprint, HallDesignArgs, rackGroupChildName } from "./dataHall";
import { weatherFileArg, weatherOf } from "./weather";
import { requireUniqueIdentities } from "./identity";
import { powerContractModel, PowerContractArgs, PowerContractFootprint } from "./powerContract";
import { childName, numberIn, wholeNumberIn } from "./ranges";
import { count, fixed } from "../format/numbers";
import { DEFAULT_MAX_RESOURCES, estimateCampusResources, megabytes } from "./resourceBudget";
import type { CampusSeries } from "./plan";
import type { AnnualFigures, HallTotals } from "./annualFigures";

import { lookup, nested, parseArgs, reject, requireUniqueNames, Subject, sumFields, sumOf, catalogOf } from "./validate";
import type { BaselineWaterStress, WaterScarcitySpec } from "../catalog/waterScarcitySchema";

/** One hall of a campus: a hall design (the campus gives the climate), its name and the year it comes online. */
export interface CampusHallArgs extends HallDesignArgs {
  /** Name of the hall, unique on the campus; the hall component is named `<campus>-<name>`. */
  name: string;
  /** First calendar year the hall runs (2000 to 2100, within the campus's horizon). @default the campus's onlineYear (or the start of its horizon) */
  onlineYear?: number;
}

/** One power contract of a campus: the contract's args and its name. */
export interface CampusPowerContractArgs extends PowerContractArgs {
  /** Name of the contract, unique on the campus; the component is named `<campus>-<name>`. */
  name: string;
}

/** Args of a Campus: its site, halls, power contracts, budgets and horizon. */
export interface CampusArgs {
  /** Where the campus is, e.g. `"New Albany, Ohio"`. */
  location: string;
  /** Climate id from the catalog, passed to every hall's cooling plant; its generated weather year drives the hourly model. */
  climate: string;
  /** EnergyPlus weather file (EPW, 8,760 hours) whose hours and location replace the climate's generated year. @default none */
  weatherFile?: string;
  /** Year the campus goes online (2000 to 2100): its first hall's year, and the start of its horizon. @default the earliest hall onlineYear or contract startYear; none: an undated campus (one steady-state year) */
  onlineYear?: number;
  /** First year of the planning horizon (2000 to 2100, not after onlineYear or any hall's onlineYear: a campus or hall online before its horizon is refused, not booked in the horizon's first year). @default onlineYear */
  horizonStartYear?: number;
  /** Last year of the planning horizon (2000 to 2100, at most 50 years after its start, not before the last hall's onlineYear). @default 9 years after the start, or the last hall's onlineYear if later */
  horizonEndYear?: number;
  /** Market id from the catalog (`"pjm"`, `"miso"`, ...) for contracts that name none: its accreditation makes their MW firm. @default none: each generator contract names its market or firmFraction */
  market?: string;
  /** Water the site's permit allows per year, m³ (0 to 1e10); checked by the policy pack. @default none: checked only against a permit in policy config */
  waterPermitM3PerYear?: number;
  /** Water the site may draw on any day, m³ (0 to 1e8); checked by the policy pack. @default none: checked only against a cap in policy config */
  dailyWaterCapM3?: number;
  /** Water scarcity id from the catalog (`waterScarcity`: AWARE factors by month, baseline water stress) that weighs the water the campus consumes; register one for the site's own basin. @default the climate's entry, when the catalog has one (else no scarcity-weighted water) */
  waterScarcity?: string;
  /** Data halls (at least one). */
  halls: CampusHallArgs[];
  /** Power contracts that supply the whole campus (at least one). */
  powerContracts: CampusPowerContractArgs[];
  /** Most resources the campus may register (10 to 10,000,000), checked before anything registers: about 44 KB of memory each in an offline plan. @default 40,000 (about 1.9 GB) */
  maxResources?: number;
  /** How the campus is financed beyond the operator's own balance sheet: a joint venture, a sale-leaseback, a construction loan (see Financing). @default none: the operator funds everything */
  financing?: Financing;
  /** Cost of capital id from the catalog (`costsOfCapital`) the campus's cash flows are discounted at (its low, base and high rates); not with discountRate. @default "hyperscaler" (Meta's WACC, 7.4-10.0 %, base 8.7 %) */
  costOfCapital?: string;
  /** The discount rate, stated: a share per year (0 to 0.5), the owner's WACC, nominal; not with costOfCapital. @default the costOfCapital's range */
  discountRate?: number;
  /** Year present values are stated in (2000 to 2100; flows of earlier years are compounded to it). @default the horizon's first year */
  presentValueYear?: number;
  /** "like-for-like": each asset is replaced at the end of its useful life while its hall runs within the horizon, at its catalog price (or by refreshDesigns); "none": assets run past their lives. @default "like-for-like" */
  hardwareRefresh?: string;
  /** Later rack designs the racks of a design are replaced with at their refresh (next generation), each priced in the cost catalog and cooled as the one it replaces. @default none: like for like */
  refreshDesigns?: RefreshDesignArgs[];
  /**
   * The one basis every carbon figure of the campus is counted on (contracts, grid, certificates; location- and
   * market-based; every year and hour): `"operational"` counts each source's combustion (stack) emissions, 0 for
   * nuclear, wind, solar and storage, a grid at its operational output rate (eGRID); `"lifecycle"` adds fuel supply,
   * methane leakage, construction and decommissioning (IPCC AR5 lifecycle medians; grid rates sized from them).
   * "operational" is the basis of GHG Protocol Scope 2 reporting (location- and market-based): combustion emission
   * factors, the upstream (lifecycle) emissions of purchased energy belonging to Scope 3, category 3.
   * @default "operational"
   */
  carbonBasis?: string;
  /**
   * Whether contracts whose `status` is `"proposed"` (announced, filed or reported, not approved) count toward the
   * campus's supply: `"exclude"` leaves them out of the hourly dispatch, firm power, energy, carbon and cost of every
   * year (the supply on the record); `"count"` plans with them as if contracted (a scenario). Either way each year
   * lists them (`proposedContracts`, `proposedMw`) and the proposed-supply rule names them.
   * @default "exclude"
   */
  proposedContracts?: string;
}

/** The bases a campus may count carbon on. */
export const CARBON_BASES = ["operational", "lifecycle"] as const;
/** Which emission factors a campus counts: combustion (operational) or lifecycle. */
export type CarbonBasis = (typeof CARBON_BASES)[number];
/** The basis a campus counts carbon on when it names none (GHG Protocol Scope 2). */
export const DEFAULT_CARBON_BASIS: CarbonBasis = "operational";
/** A contract's carbon intensity on a basis: its combustion figure for "operational", its lifecycle figure for "lifecycle". */
export function intensityOnBasis(c: { combustionGPerKwh: number; lifecycleGPerKwh: number }, basis: CarbonBasis): number {
  return basis === "lifecycle" ? c.lifecycleGPerKwh : c.combustionGPerKwh;
}

/**
 * What a campus draws, consumes, emits and costs: the roll-up of its halls and contracts. The annual and hourly
 * figures describe its full-build year (every hall online); `years` and `costYears` give the horizon year by year.
 */
export interface CampusFootprint extends HallTotals, AnnualFigures, SupplyFigures {
  /** Where the campus is, as given. */
  location: string;
  /** Climate id from the catalog. */
  climate: string;
  /** Year the campus goes online: the arg, else the start of its horizon (absent for an undated campus). @integer */
  onlineYear?: number;
  /** First year of the planning horizon (absent for an undated campus). @integer */
  horizonStartYear?: number;
  /** Last year of the planning horizon (absent for an undated campus). @integer */
  horizonEndYear?: number;
  /** Market id for contracts that name none (absent when unset). */
  market?: string;
  /** First year with every hall online: the year the campus-wide figures below describe (absent for an undated campus). @integer */
  fullBuildYear?: number;
  /** The build-out year by year over the horizon (one row for an undated campus); the per-year rules check every row. */
  years: YearRow[];
  /** Footprint of each hall, with its name and onlineYear, in the order of `halls`. */
  halls: (DataHallFootprint & {
    /** Name of the hall on the campus. */
    name: string;
    /** First year the hall runs (absent when the hall sets none: it follows the campus). @integer */
    onlineYear?: number;
  })[];
  /** Footprint of each power contract, with its name, in the order of `powerContracts`. */
  contracts: (PowerContractFootprint & {
    /** Name of the contract on the campus. */
    name: string;
    /** The contract's carbon intensity on the campus's carbonBasis, gCO2e/kWh: the figure every carbon total counts. */
    carbonIntensityGPerKwh: number;
  })[];
  /** The basis every carbon figure of the campus is counted on: "operational" (combustion) or "lifecycle". */
  carbonBasis: CarbonBasis;
  /** Whether proposed contracts count toward the supply: "exclude" (the args' default) or "count". */
  proposedContracts: "exclude" | "count";
  /** Number of halls. @integer */
  hallCount: number;
  /** Facility power at full IT load with every plant at its rating, MW (facilityPowerKw in MW). */
  facilityPowerMw: number;
  /** Facility power at full IT load in the campus's worst hour, MW: what firm capacity must carry. */
  peakFacilityPowerMw: number;
  /** That hour, `YYYY-MM-DD HH:00` in local standard time (`MM-DD HH:00` for an undated campus). */
  peakHour: string;
  /** PUE in that hour: peak facility power / full IT load. */
  peakHourPue: number;
  /** MW of the physical contracts delivering in the full-build year. */
  contractedMw: number;
  /** The firm part of those MW (each contract's MW × its firm fraction). */
  firmContractedMw: number;
  /** Firm contracted MW minus peak-hour facility MW (negative: short of firm power). */
  powerHeadroomMw: number;
  /** Carbon intensity of the energy dispatched to the campus hour by hour in the full-build year (location-based), gCO2e/kWh. */
  carbonIntensityGPerKwh: number;
  /** Emissions of that energy over the full-build year (location-based), tCO2e. */
  carbonTco2PerYear: number;
  /** Market-based carbon: grid energy covered by certificates of virtual clean PPAs counts at their intensity. */
  marketCarbonIntensityGPerKwh: number;
  /** Market-based emissions of the full-build year, tCO2e. */
  marketCarbonTco2PerYear: number;
  /** Where the weather hours come from. */
  weather: string;
  /** The year by month: energy, PUE, water, unserved energy, carbon-free share. */
  monthly: MonthlyRow[];
  /** Water the site's permit allows per year, m³ (the arg; absent when unset). */
  waterPermitM3PerYear?: number;
  /** Water the site may draw on any day, m³ (the arg; absent when unset). */
  dailyWaterCapM3?: number;
  /** The evaporated part of the full-build year's make-up water: the water consumed (blowdown returns to the basin), m³. */
  waterConsumedM3PerYear: number;
  /** Water scarcity id that weighs it (absent when the site's water scarcity is not known). */
  waterScarcity?: string;
  /** The AWARE region its factors are for, e.g. `US-TX` (absent when not known). */
  awareRegion?: string;
  /** The site's annual AWARE factor, m³ world-eq per m³ consumed (absent when not known): shown beside the monthly weighting. */
  awareAnnualM3WorldEqPerM3?: number;
  /** The basin's or state's baseline water stress (WRI Aqueduct), e.g. `extremely-high (score 4.39; Aqueduct 4.0, state)` (absent when not known). */
  baselineWaterStress?: string;
  /** The full-build year's consumed water weighted by the site's monthly AWARE factors, m³ world-equivalent (absent when not known). */
  scarcityWeightedWaterM3PerYear?: number;
  /** Scarcity-weighted water per kWh of IT energy, L world-eq/kWh (absent when not known): WUE on the scarcity basis. */
  scarcityWeightedWueLPerKwh?: number;
  /** Capex of the halls and owned generation by category (lines of one category with different lives stay apart). */
  capex: CapexLine[];
  /** Total capex over the horizon, USD (low, base, high). */
  capexUsd: UsdRange;
  /** Capex per MW of IT (full load), USD. */
  capexUsdPerMwIt: UsdRange;
  /** Capex per GPU, USD. */
  capexUsdPerGpu: UsdRange;
  /** In the full-build year: (depreciation + opex) per GPU-hour at the modelled utilisation, USD. */
  costUsdPerGpuHour: UsdRange;
  /** In the full-build year: energy cost per MWh consumed, USD/MWh. */
  energyCostUsdPerMwh: UsdRange;
  /** Cost year by year over the horizon (one row for an undated campus): capex, opex, depreciation, who pays. */
  costYears: CostYearRow[];
  /** What the cost catalog has no price for (then the cost figures are incomplete and the capex rules fail). */
  costMissing: string[];
  /** The partner financing of the args (absent when the operator funds everything). */
  financing?: Financing;
  /** Money over the horizon: cost of capital, present values, TCO, levelised cost per GPU-hour with a capital charge, refresh, cash flows by party, rental bands. */
  finance: CampusFinance;
}

/** Whether proposed contracts count toward a campus's supply. */
export const PROPOSED_CONTRACTS = ["exclude", "count"] as const;

const named = z.looseObject({ name: childName });
const hallEntry = z.looseObject({ name: childName, onlineYear: wholeNumberIn(2000, 2100).optional() });

/** Years a horizon spans by default, and at most (each year is one hourly run at most). */
export const DEFAULT_HORIZON_YEARS = 10;
/** Most years a campus's horizon may span. */
export const MAX_HORIZON_YEARS = 50;
const schema = z.strictObject({
  location: z.string({ error: "the campus location" }).min(1, { error: "the campus location" }),
  climate: z.string({ error: "a climate id (string)" }),
  weatherFile: weatherFileArg.optional(),
  onlineYear: wholeNumberIn(2000, 2100).optional(),
  horizonStartYear: wholeNumberIn(2000, 2100).optional(),
  horizonEndYear: wholeNumberIn(2000, 2100).optional(),
  market: z.string({ error: "a market id (string)" }).optional(),
  waterPermitM3PerYear: numberIn(0, 1e10, "m³/yr").optional(),
  dailyWaterCapM3: numberIn(0, 1e8, "m³/day").optional(),
  waterScarcity: z.string({ error: "a water scarcity id (string)" }).optional(),
  halls: z.array(hallEntry, { error: "a list of halls" }).min(1, { error: "at least one hall" }),
  powerContracts: z.array(named, { error: "a list of power contracts" }).min(1, { error: "at least one power contract (a campus with none has no power)" }),
  maxResources: wholeNumberIn(10, 10_000_000).optional(),
  ...moneyArgsShape,
  carbonBasis: z.enum(CARBON_BASES, { error: `"operational" (combustion emission factors, the GHG Protocol Scope 2 basis) or "lifecycle"` }).optional(),
  proposedContracts: z.enum(PROPOSED_CONTRACTS, { error: `"exclude" (the default: a proposed contract delivers nothing and counts for no firm MW) or "count"` }).optional(),
});

/** Name of a campus's hall component: `<campus>-<hall>`. */
export function hallChildName(campusName: string, hallName: string): string {
  return `${campusName}-${hallName}`;
}
/** Name of a campus's power contract component: `<campus>-<contract>`. */
export function contractChildName(campusName: string, contractName: string): string {
  return `${campusName}-${contractName}`;
}

/** Fails before any hall is modelled when the campus would register more resources than `maxResources`. */
function requireWithinResources(args: CampusArgs, maxResources: number, subject: Subject): void {
  const estimate = estimateCampusResources(args);
  if (estimate.resources <= maxResources) return;
  reject(subject, {
    field: "maxResources",
    value: maxResources,
    allowed: `at least the ${count(estimate.resources)} resources this campus registers (about ${megabytes(estimate.bytes)} offline), or fewer resources: put more racks in each rack group (${count(estimate.rackGroups)} groups hold ${count(estimate.racks)} racks; a stack sets aicluster:racksPerGroup)`,
  });
}

type ParsedCampus = z.infer<typeof schema>;

/**
 * The planning horizon: from onlineYear (or horizonStartYear, or the earliest hall or contract year) for
 * DEFAULT_HORIZON_YEARS, extended to the last hall's year. Undefined when nothing on the campus has a date.
 */
function horizonOf(args: ParsedCampus, contracts: readonly { startYear?: number }[], subject: Subject): Horizon | undefined {
  const hallYears = args.halls.flatMap((h) => (h.onlineYear === undefined ? [] : [h.onlineYear]));
  const contractYears = contracts.flatMap((c) => (c.startYear === undefined ? [] : [c.startYear]));
  const startYear = args.horizonStartYear ?? args.onlineYear ?? (hallYears.length ? Math.min(...hallYears) : contractYears.length ? Math.min(...contractYears) : undefined);
  if (startYear === undefined) {
    if (args.horizonEndYear !== undefined) reject(subject, { field: "horizonEndYear", value: args.horizonEndYear, allowed: "unset on an undated campus, or with onlineYear or horizonStartYear (where the horizon starts)" });
    return undefined;
  }
  if (args.horizonStartYear !== undefined && args.onlineYear !== undefined && args.onlineYear < args.horizonStartYear) {
    reject(subject, { field: "onlineYear", value: args.onlineYear, allowed: `horizonStartYear (${args.horizonStartYear}) or later: a campus online before its horizon starts has years (and capex) the ledger cannot book; start the horizon at or before onlineYear` });
  }
  const lastHallYear = Math.max(startYear, ...hallYears);
  const endYear = args.horizonEndYear ?? Math.min(2100, Math.max(startYear + DEFAULT_HORIZON_YEARS - 1, lastHallYear));
  if (endYear < startYear) reject(subject, { field: "horizonEndYear", value: endYear, allowed: `a year at or after the horizon's start (${startYear})` });
  if (endYear - startYear + 1 > MAX_HORIZON_YEARS) {
    // Without horizonEndYear the horizon was stretched to the last hall: name that hall, not a field the user never set.
    const lastHall = args.halls.findIndex((h) => h.onlineYear === lastHallYear);
    const field = args.horizonEndYear === undefined && lastHall >= 0 ? `halls[${lastHall}].onlineYear` : "horizonEndYear";
    reject(subject, { field, value: args.horizonEndYear ?? lastHallYear, allowed: `at most ${MAX_HORIZON_YEARS} years from the horizon's start (${startYear}): up to ${startYear + MAX_HORIZON_YEARS - 1}` });
  }
  args.halls.forEach((h, i) => {
    if (h.onlineYear === undefined) return;
    if (h.onlineYear > endYear) reject(subject, { field: `halls[${i}].onlineYear`, value: h.onlineYear, allowed: `a year within the horizon (${startYear} to ${endYear}; extend horizonEndYear to plan later halls)` });
    if (args.onlineYear !== undefined && h.onlineYear < args.onlineYear) reject(subject, { field: `halls[${i}].onlineYear`, value: h.onlineYear, allowed: `the campus's onlineYear (${args.onlineYear}) or later: the campus goes online with its first hall` });
    if (h.onlineYear < startYear) reject(subject, { field: `halls[${i}].onlineYear`, value: h.onlineYear, allowed: `a year within the horizon (${startYear} to ${endYear}; a hall online before the horizon starts would have its capex booked in ${startYear}: start the horizon earlier)` });
  });
  return { startYear, endYear };
}

/** A campus's hourly series as reports show them: the full-build year's hours, the year they are labelled with, and the site's clock. */
export type RecordedCampusHours = CampusHours & {
  /** The calendar year of the series (the first year every hall runs); undefined for an undated campus. */
  year?: number;
  /** The site's offset of local standard time from UTC, hours: hour 0 is 1 January 00:00 at that offset. */
  utcOffsetHours: number;
};

function minOf(series: readonly Float64Array[]): Float64Array {
  const out = Float64Array.from(series[0]);
  for (const s of series.slice(1)) for (let h = 0; h < out.length; h++) if (s[h] < out[h]) out[h] = s[h];
  return out;
}

/** Validated footprint of a campus and of every child it will create; fails with an AiclusterInputError naming the field. */
export function campusModel(rawArgs: CampusArgs, subject: Subject): CampusFootprint {
  return planCampusFootprint(rawArgs, subject).footprint;
}

/**
 * The campus's footprint and the series its reports draw (see `planCampus` in ./plan.ts, which builds the tree from
 * them): nothing is kept once it returns.
 */
export function planCampusFootprint(rawArgs: CampusArgs, subject: Subject): { footprint: CampusFootprint; series: CampusSeries } {
  const args = parseArgs(schema, rawArgs, subject);
  const carbonBasis: CarbonBasis = args.carbonBasis ?? DEFAULT_CARBON_BASIS;
  const climate = lookup(catalogOf(subject).climates, args.climate, "climate", subject);
  requireUniqueNames(rawArgs.halls, "halls", subject);
  requireUniqueNames(rawArgs.powerContracts, "powerContracts", subject);
  requireWithinResources(rawArgs, args.maxResources ?? DEFAULT_MAX_RESOURCES, subject);
  // A campus gives every hall its climate; a hall that names another one is a contradiction, not something to override.
  rawArgs.halls.forEach((hall, i) => {
    const own = (hall as { climate?: unknown }).climate;
    if (own !== undefined && own !== args.climate) {
      reject(subject, { field: `halls[${i}].climate`, value: own, allowed: `unset, or the campus's climate "${args.climate}" (a campus has one climate; model another site as another campus)` });
    }
    const file = (hall as { weatherFile?: unknown }).weatherFile;
    if (file !== undefined && file !== args.weatherFile) {
      reject(subject, { field: `halls[${i}].weatherFile`, value: file, allowed: `unset, or the campus's weatherFile (a campus has one weather year)` });
    }
  });
  const weather = weatherOf(climate, args.weatherFile, subject);

  const modelledHalls = rawArgs.halls.map(({ name, onlineYear, ...hall }, i) => {
    const hallSubject = { ...subject, as: hallChildName(subject.name, name) };
    const hallArgs = { ...hall, climate: args.climate, ...(args.weatherFile === undefined ? {} : { weatherFile: args.weatherFile }) };
    const year = onlineYear ?? args.onlineYear;
    const modelled = nested(subject, `halls[${i}]`, () => dataHallWithHours(hallArgs, hallSubject, { weather, year }));
    return { footprint: { name, ...(onlineYear === undefined ? {} : { onlineYear }), ...modelled.footprint }, hours: modelled.hours, onlineYear: year, supplyMarginK: modelled.supplyMarginK };
  });
  const halls = modelledHalls.map((h) => h.footprint);
  requireUniqueIdentities(
    subject,
    halls.map((h, i) => ({ hallName: hallChildName(subject.name, h.name), path: `halls[${i}]`, groups: h.rackGroups })),
    rackGroupChildName,
  );
  if (args.market !== undefined) lookup(catalogOf(subject).markets, args.market, "market", subject);
  const scarcity = waterScarcityOf(args, subject);
  const contracts = rawArgs.powerContracts.map(({ name, ...contract }, i) => {
    const footprint = nested(subject, `powerContracts[${i}]`, () => powerContractModel(contract, subject, { market: args.market }));
    return { name, ...footprint, carbonIntensityGPerKwh: intensityOnBasis(footprint, carbonBasis) };
  });
  // The hourly dispatch fits a solar profile to the capacity factor; a site's daylight bounds it (physics/solar.ts).
  contracts.forEach((c, i) => {
    if (c.hourlyProfile !== "solar") return;
    const hours = solarGeneratingHours(weather.location);
    if (c.capacityFactor * HOURS_PER_YEAR > hours) {
      // The arg when given; else the catalog source's own capacity factor is what cannot be reached.
      const given = rawArgs.powerContracts[i].capacityFactor !== undefined;
      reject(subject, {
        field: given ? `powerContracts[${i}].capacityFactor` : `powerContracts[${i}].source`,
        value: given ? c.capacityFactor : c.source,
        allowed: `0 to ${fixed(hours / HOURS_PER_YEAR, 4)} for solar at this site (a solar plant generates only with the sun up: ${count(hours)} of 8,760 hours; utility-scale plants reach 0.2 to 0.35)`,
      });
    }
  });
  const horizon = horizonOf(args, contracts, subject);

  const itLoadKw = sumOf(halls, (h) => h.itLoadKw);
  const facilityPowerKw = sumOf(halls, (h) => h.facilityPowerKw);
  const ledger = campusYears(
    modelledHalls.map((h) => ({ name: h.footprint.name, onlineYear: h.onlineYear, hours: h.hours, rackCount: h.footprint.rackCount, gpuCount: h.footprint.gpuCount, itLoadKw: h.footprint.itLoadKw })),
    contracts,
    weather,
    horizon,
    { countProposed: args.proposedContracts === "count", ...(scarcity === undefined ? {} : { waterScarcityByMonth: scarcity.monthlyM3WorldEqPerM3 }) },
  );
  const hours = ledger.fullBuildHours;
  const full = ledger.rows.find((r) => r.year === ledger.fullBuildYear)!;
  const cost = campusCostOf(subject, args, horizon, modelledHalls, contracts, ledger);
  const recorded: RecordedCampusHours = { ...hours, ...(ledger.fullBuildYear === undefined ? {} : { year: ledger.fullBuildYear }), utcOffsetHours: weather.location.utcOffsetHours };
  const margins = modelledHalls.flatMap((h) => (h.supplyMarginK ? [h.supplyMarginK] : []));
  const series: CampusSeries = { hours: recorded, supplyMarginK: () => (margins.length ? minOf(margins.map((m) => m())) : undefined) };
  const footprint: CampusFootprint = {
    location: args.location,
    climate: args.climate,
    onlineYear: args.onlineYear ?? horizon?.startYear,
    ...(horizon === undefined ? {} : { horizonStartYear: horizon.startYear, horizonEndYear: horizon.endYear }),
    ...(args.market === undefined ? {} : { market: args.market }),
    carbonBasis,
    proposedContracts: args.proposedContracts ?? "exclude",
    ...(ledger.fullBuildYear === undefined ? {} : { fullBuildYear: ledger.fullBuildYear }),
    years: ledger.rows,
    halls,
    contracts,
    hallCount: halls.length,
    ...sumFields(halls, ["rackCount", "nodeCount", "gpuCount", "coolingPowerKw", "heatToLiquidKw", "heatToAirKw", "coolantFlowLpm"]),
    itLoadKw,
    facilityPowerKw,
    facilityPowerMw: kwToMw(facilityPowerKw),
    peakFacilityPowerMw: hours.peakFacilityPowerMw,
    peakHour: hours.peakHour,
    peakHourPue: powerUsageEffectiveness(hours.peakFacilityPowerMw, kwToMw(itLoadKw)),
    pue: powerUsageEffectiveness(hours.annualFacilityEnergyMwh, hours.annualItEnergyMwh),
    annualItEnergyMwh: hours.annualItEnergyMwh,
    annualFacilityEnergyMwh: hours.annualFacilityEnergyMwh,
    waterM3PerYear: hours.waterM3PerYear,
    peakDailyWaterM3: hours.peakDailyWaterM3,
    worstWaterDay: hours.worstWaterDay,
    wueLPerKwh: waterUsageEffectiveness(hours.waterM3PerYear, hours.annualItEnergyMwh),
    waterConsumedM3PerYear: hours.waterConsumedM3PerYear,
    ...(scarcity === undefined || full.scarcityWeightedWaterM3 === undefined
      ? {}
      : {
          waterScarcity: scarcity.id,
          awareRegion: scarcity.awareRegion,
          awareAnnualM3WorldEqPerM3: scarcity.annualM3WorldEqPerM3,
          ...(scarcity.baselineWaterStress === undefined ? {} : { baselineWaterStress: baselineWaterStressText(scarcity.baselineWaterStress) }),
          scarcityWeightedWaterM3PerYear: full.scarcityWeightedWaterM3,
          scarcityWeightedWueLPerKwh: waterUsageEffectiveness(full.scarcityWeightedWaterM3, hours.annualItEnergyMwh),
        }),
    contractedMw: full.contractedMw,
    firmContractedMw: full.firmMw,
    powerHeadroomMw: full.firmHeadroomMw,
    carbonIntensityGPerKwh: hours.supply.intensityGPerKwh,
    carbonTco2PerYear: hours.supply.carbonTco2,
    marketCarbonIntensityGPerKwh: full.marketCarbonIntensityGPerKwh,
    marketCarbonTco2PerYear: full.marketCarbonTco2,
    cleanEnergyShare: hours.supply.cleanShare,
    carbonFreeShare: hours.supply.carbonFreeShare,
    unservedEnergyMwh: hours.supply.unservedMwh,
    unservedHours: hours.supply.unservedHours,
    maxShortfallMw: hours.supply.maxShortfallMw,
    ...(full.maxShortfallHour === undefined ? {} : { maxShortfallHour: full.maxShortfallHour }),
    weather: weather.origin,
    monthly: hours.monthly,
    waterPermitM3PerYear: args.waterPermitM3PerYear,
    dailyWaterCapM3: args.dailyWaterCapM3,
    ...cost,
  };
  return { footprint, series };
}

/** The campus's water scarcity entry: the arg's, else the climate's when the catalog has one. */
function waterScarcityOf(args: ParsedCampus, subject: Subject): WaterScarcitySpec | undefined {
  const section = catalogOf(subject).waterScarcity;
  if (args.waterScarcity !== undefined) return lookup(section, args.waterScarcity, "waterScarcity", subject);
  return section.has(args.climate) ? section.get(args.climate) : undefined;
}

/** `high (score 3.2; Aqueduct 4.0, state)`: the category, its score when known, the release and what it describes. */
export function baselineWaterStressText(b: BaselineWaterStress): string {
  return `${b.category} (${b.score === undefined ? "" : `score ${fixed(b.score, 2)}; `}Aqueduct ${b.aqueductVersion}, ${b.scope})`;
}

/** The campus's cost: capex of its halls and owned generation, the cost ledger over its years, and its finance. */
function campusCostOf(
  subject: Subject,
  args: ParsedCampus,
  horizon: Horizon | undefined,
  halls: readonly { footprint: DataHallFootprint & { name: string }; onlineYear?: number }[],
  contracts: readonly (PowerContractFootprint & { name: string })[],
  ledger: CampusYears,
) {
  const { capex, costYears, finance, costMissing } = campusMoney(subject, args, horizon, halls, contracts, ledger);
  const full = costYears[ledger.rows.findIndex((r) => r.year === ledger.fullBuildYear)];
  const capexUsd = capexTotal(capex);
  const itMw = halls.reduce((s, h) => s + h.footprint.itLoadKw, 0) / 1000;
  const gpus = halls.reduce((s, h) => s + h.footprint.gpuCount, 0);
  return {
    capex: capex.lines,
    capexUsd,
    capexUsdPerMwIt: per(capexUsd, itMw),
    capexUsdPerGpu: per(capexUsd, gpus),
    costUsdPerGpuHour: full.costUsdPerGpuHour,
    energyCostUsdPerMwh: full.energyCostUsdPerMwh,
    costYears,
    costMissing,
    // As given, with its structure stated (a default an SDK fills in publishes the same footprint).
    ...(args.financing === undefined ? {} : { financing: { structure: args.financing.structure ?? "joint-venture", ...args.financing } }),
    finance,
  };
}
