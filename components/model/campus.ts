/** Args, validation and footprint of a campus: halls, power contracts, site budgets, and the roll-up of all of them. */
import { z } from "zod";
import { catalog } from "../catalog";
import { kwToMw, powerUsageEffectiveness, waterUsageEffectiveness } from "../physics";
import { CampusHours, campusHours, MonthlyRow } from "../hours/campusHours";
import { dataHallWithHours, DataHallFootprint, HallDesignArgs, rackGroupChildName } from "./dataHall";
import { weatherFileArg, weatherOf } from "./weather";
import { requireUniqueIdentities } from "./identity";
import { powerContractModel, PowerContractArgs, PowerContractFootprint } from "./powerContract";
import { childName, numberIn, wholeNumberIn } from "./ranges";
import { DEFAULT_MAX_RESOURCES, estimateCampusResources, megabytes } from "./resourceBudget";
import { lookup, nested, parseArgs, reject, requireUniqueNames, Subject, sumFields, sumOf } from "./validate";

export interface CampusHallArgs extends HallDesignArgs {
  /** Name of the hall, unique on the campus; the hall component is named `<campus>-<name>`. */
  name: string;
}

export interface CampusPowerContractArgs extends PowerContractArgs {
  /** Name of the contract, unique on the campus; the component is named `<campus>-<name>`. */
  name: string;
}

export interface CampusArgs {
  /** Where the campus is, e.g. `"New Albany, Ohio"`. */
  location: string;
  /** Climate id from the catalog, passed to every hall's cooling plant; its generated weather year drives the hourly model. */
  climate: string;
  /** EnergyPlus weather file (EPW, 8,760 hours) whose hours and location replace the climate's generated year. @default none */
  weatherFile?: string;
  /** Year the campus goes online (2000 to 2100). @default none: not reported */
  onlineYear?: number;
  /** Water the site's permit allows per year, m³ (0 to 1e10); checked by the policy pack. @default none: checked only against a permit in policy config */
  waterPermitM3PerYear?: number;
  /** Water the site may draw on any day, m³ (0 to 1e8); checked by the policy pack. @default none: checked only against a cap in policy config */
  dailyWaterCapM3?: number;
  /** Data halls (at least one). */
  halls: CampusHallArgs[];
  /** Power contracts that supply the whole campus (at least one). */
  powerContracts: CampusPowerContractArgs[];
  /** Most resources the campus may register (10 to 10,000,000), checked before anything registers: about 44 KB of memory each in an offline plan. @default 40,000 (about 1.9 GB) */
  maxResources?: number;
}

export interface CampusFootprint {
  location: string;
  climate: string;
  onlineYear?: number;
  halls: (DataHallFootprint & { name: string })[];
  contracts: (PowerContractFootprint & { name: string })[];
  hallCount: number;
  rackCount: number;
  nodeCount: number;
  gpuCount: number;
  itLoadKw: number;
  /** Facility power at full IT load with every plant at its rating, kW. */
  facilityPowerKw: number;
  facilityPowerMw: number;
  /** Facility power at full IT load in the campus's worst hour, MW, that hour, and the PUE then: what firm capacity must carry. */
  peakFacilityPowerMw: number;
  peakHour: string;
  peakHourPue: number;
  coolingPowerKw: number;
  heatToLiquidKw: number;
  heatToAirKw: number;
  coolantFlowLpm: number;
  /** Annual PUE: facility energy / IT energy over the 8,760 hours. */
  pue: number;
  annualItEnergyMwh: number;
  annualFacilityEnergyMwh: number;
  waterM3PerYear: number;
  /** Make-up water on the worst simulated day, m³, and that day. */
  peakDailyWaterM3: number;
  worstWaterDay: string;
  wueLPerKwh: number;
  contractedMw: number;
  firmContractedMw: number;
  /** Firm contracted MW minus peak-hour facility MW (negative: short of firm power). */
  powerHeadroomMw: number;
  carbonIntensityGPerKwh: number;
  carbonTco2PerYear: number;
  /** Share of the supplied energy from clean sources over the year. */
  cleanEnergyShare: number;
  /** Share of the demand met by clean energy in the same hour (24/7 carbon-free energy). */
  carbonFreeShare: number;
  /** Facility energy no contract can supply in a year, MWh; the hours it happens; the largest hourly shortfall and when. */
  unservedEnergyMwh: number;
  unservedHours: number;
  maxShortfallMw: number;
  maxShortfallHour?: string;
  /** Where the weather hours come from. */
  weather: string;
  /** The year by month: energy, PUE, water, unserved energy, carbon-free share. */
  monthly: MonthlyRow[];
  waterPermitM3PerYear?: number;
  dailyWaterCapM3?: number;
}

const named = z.looseObject({ name: childName });
const schema = z.strictObject({
  location: z.string({ error: "the campus location" }).min(1, { error: "the campus location" }),
  climate: z.string({ error: "a climate id (string)" }),
  weatherFile: weatherFileArg.optional(),
  onlineYear: wholeNumberIn(2000, 2100).optional(),
  waterPermitM3PerYear: numberIn(0, 1e10, "m³/yr").optional(),
  dailyWaterCapM3: numberIn(0, 1e8, "m³/day").optional(),
  halls: z.array(named, { error: "a list of halls" }).min(1, { error: "at least one hall" }),
  powerContracts: z.array(named, { error: "a list of power contracts" }).min(1, { error: "at least one power contract (a campus with none has no power)" }),
  maxResources: wholeNumberIn(10, 10_000_000).optional(),
});

export function hallChildName(campusName: string, hallName: string): string {
  return `${campusName}-${hallName}`;
}
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
    allowed: `at least the ${estimate.resources.toLocaleString("en-US")} resources this campus registers (about ${megabytes(estimate.bytes)} offline), or fewer resources: put more racks in each rack group (${estimate.rackGroups.toLocaleString("en-US")} groups hold ${estimate.racks.toLocaleString("en-US")} racks; a stack sets aicluster:racksPerGroup)`,
  });
}

/** The hours of the last campus modelled under each name, for reports that show the series (the footprint carries summaries only). */
const lastHours = new Map<string, CampusHours>();
/** Bound on the names kept, so a process that models many campuses does not keep every year. */
const MAX_RECORDED = 16;

export function recordedCampusHours(name: string): CampusHours | undefined {
  return lastHours.get(name);
}

export function campusModel(rawArgs: CampusArgs, subject: Subject): CampusFootprint {
  const args = parseArgs(schema, rawArgs, subject);
  const climate = lookup(catalog.climates, args.climate, "climate", subject);
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

  const modelledHalls = rawArgs.halls.map(({ name, ...hall }, i) => {
    const hallSubject = { ...subject, as: hallChildName(subject.name, name) };
    const hallArgs = { ...hall, climate: args.climate, ...(args.weatherFile === undefined ? {} : { weatherFile: args.weatherFile }) };
    const modelled = nested(subject, `halls[${i}]`, () => dataHallWithHours(hallArgs, hallSubject, { weather, year: args.onlineYear }));
    return { footprint: { name, ...modelled.footprint }, hours: modelled.hours };
  });
  const halls = modelledHalls.map((h) => h.footprint);
  requireUniqueIdentities(
    subject,
    halls.map((h, i) => ({ hallName: hallChildName(subject.name, h.name), path: `halls[${i}]`, groups: h.rackGroups })),
    rackGroupChildName,
  );
  const contracts = rawArgs.powerContracts.map(({ name, ...contract }, i) => {
    return { name, ...nested(subject, `powerContracts[${i}]`, () => powerContractModel(contract, subject)) };
  });

  const itLoadKw = sumOf(halls, (h) => h.itLoadKw);
  const facilityPowerKw = sumOf(halls, (h) => h.facilityPowerKw);
  const firmContractedMw = sumOf(contracts, (c) => c.firmMw);
  const hours = campusHours(modelledHalls.map((h) => h.hours), contracts, weather, args.onlineYear);
  lastHours.delete(subject.name);
  if (lastHours.size >= MAX_RECORDED) lastHours.delete(lastHours.keys().next().value as string);
  lastHours.set(subject.name, hours);
  return {
    location: args.location,
    climate: args.climate,
    onlineYear: args.onlineYear,
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
    contractedMw: sumOf(contracts, (c) => c.contractedMw),
    firmContractedMw,
    powerHeadroomMw: firmContractedMw - hours.peakFacilityPowerMw,
    carbonIntensityGPerKwh: hours.supply.intensityGPerKwh,
    carbonTco2PerYear: hours.supply.carbonTco2,
    cleanEnergyShare: hours.supply.cleanShare,
    carbonFreeShare: hours.supply.carbonFreeShare,
    unservedEnergyMwh: hours.supply.unservedMwh,
    unservedHours: hours.supply.unservedHours,
    maxShortfallMw: hours.supply.maxShortfallMw,
    ...(hours.maxShortfallHour === undefined ? {} : { maxShortfallHour: hours.maxShortfallHour }),
    weather: weather.origin,
    monthly: hours.monthly,
    waterPermitM3PerYear: args.waterPermitM3PerYear,
    dailyWaterCapM3: args.dailyWaterCapM3,
  };
}
