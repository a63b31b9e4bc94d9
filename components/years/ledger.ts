/**
 * The build-out year by year: for each year of a campus's horizon, the halls online that year and the contracts
 * delivering that year (at their ramp's MW) run through the hourly model (hours/campusHours.ts), and the year's row
 * sums its hours. Years with the same halls and the same contract MW share one hourly run. Pure: no Pulumi import.
 *
 * Carbon, two ways (GHG Protocol Scope 2 Guidance, 2015):
 * - location-based: the hourly dispatch's carbon (each contract's energy at its intensity; grid energy at the grid
 *   average), as the hourly model computes it;
 * - market-based: the certificates of virtual (financial) clean PPAs cover the energy the campus takes from
 *   grid-connected contracts in the same market, up to the certificates' annual generation (contracted MW that year
 *   × capacity factor × 8,760 h); covered energy counts at the certificate source's intensity instead of its own.
 *   Islanded generation (behind the meter, in no market) cannot be covered: the Scope 2 quality criteria require
 *   instruments from the market the energy comes from. Uncovered energy keeps its own intensity (the residual mix,
 *   which would be higher for grid energy, is not in the catalog: market-based figures are a lower bound).
 *
 * A contract starting during the year (its `startDate`, e.g. 2026-09-30) delivers nothing in that year's hours
 * before the date: the hourly dispatch leaves it out of them, so its energy, carbon and cost in its first year follow
 * the hours it delivers (pro rata for a flat source: MW × capacity factor × hours delivered), and a virtual PPA's
 * certificates are its generation in those hours. Firm power in such a year binds in the hour of least firm MW per MW
 * of full-load facility power, each contract counting only in the hours it delivers (as with derating): a plant
 * energised on 30 September is no firm capacity on a July afternoon.
 *
 * Proposed contracts (status "proposed": announced or filed, not approved) deliver only when the campus counts them
 * (`countProposed`); each year lists those in their term either way, with their MW and the firm MW counted.
 */
import { carbonFreeShare, coverWithCertificates, emissionsTco2, MarketLedger, marketBasedTco2, marketCarbonIntensityGPerKwh } from "../physics/carbon";
import { HOURS_PER_YEAR } from "../physics/constants";
import { scarcityWeightedWaterM3 } from "../physics/water";
import { CampusHours, campusHours, ContractForHours } from "../hours/campusHours";
import type { HallHours } from "../hours/hallHours";
import type { WeatherYear } from "../weather/types";
import { hourLabel } from "../hours/calendar";
import { hourlySupply, HourlyContract, SupplyProfile } from "../hours/supply";
import { hourOfDate } from "../model/powerContract";

/** A hall as the ledger sees it: when it comes online and what it adds. */
export interface LedgerHall {
  name: string;
  /** First calendar year the hall runs (undefined: from the start of the horizon). */
  onlineYear?: number;
  hours: HallHours;
  rackCount: number;
  gpuCount: number;
  itLoadKw: number;
}

/** A contract as the ledger sees it (a contract footprint with its name has these fields). */
export interface LedgerContract extends ContractForHours {
  firmFraction: number;
  /** Market the contract is in (certificates cover energy of their own market); islanded: in none. */
  market?: string;
  islanded: boolean;
  delivery: "physical" | "virtual";
  startYear?: number;
  /** First day of delivery in startYear (`YYYY-MM-DD`; absent: 1 January). */
  startDate?: string;
  endYear?: number;
  ramp?: readonly { year: number; contractedMw: number }[];
  /** "contracted", "approved" or "proposed" (absent: contracted). */
  status?: string;
  /** Grid service its market may curtail in an energy emergency (Texas SB 6). @default false */
  curtailableInEmergency?: boolean;
  /** With it: the share of the load the market's rules look for in the campus's own backup. */
  emergencyBackupShare?: number;
}

/** How the ledger treats contracts by status. */
export interface LedgerOptions {
  /** Proposed contracts deliver (and count as firm) like contracted ones. @default false: they deliver nothing */
  countProposed?: boolean;
  /** The site's AWARE factor for each month (m³ world-eq per m³ consumed): each row then weighs its consumed water. @default none: no scarcity-weighted water */
  waterScarcityByMonth?: readonly number[];
}

/** The calendar years a campus is planned over, first and last inclusive. */
export interface Horizon {
  startYear: number;
  endYear: number;
}

/** How well a year's contracts served its demand: what a ledger row and a campus's full-build year both publish. */
export interface SupplyFigures {
  /** Share of the energy supplied over the year from clean sources, 0-1. */
  cleanEnergyShare: number;
  /** Share of the demand met by clean energy in the same hour (24/7 carbon-free energy), 0-1. */
  carbonFreeShare: number;
  /** Facility energy no contract could supply over the year, MWh. */
  unservedEnergyMwh: number;
  /** Hours of the year with some demand unserved. @integer */
  unservedHours: number;
  /** The largest shortfall in one hour, MW. */
  maxShortfallMw: number;
  /** The hour of that shortfall, `YYYY-MM-DD HH:00` (absent when nothing is unserved). */
  maxShortfallHour?: string;
}

/** One year of the build-out (or the one steady-state year of a campus without dates). */
export interface YearRow extends SupplyFigures {
  /** Calendar year; absent for a campus without dates. */
  year?: number;
  /** Halls running this year. */
  hallsOnline: number;
  /** Halls whose first year this is. */
  hallsStarting: string[];
  /** Racks in the halls running this year. */
  racksOnline: number;
  /** GPUs in the halls running this year. */
  gpusOnline: number;
  /** Rated IT power of the halls online, MW. */
  itLoadMw: number;
  /** Facility power at full IT load in the year's worst hour, MW, and that hour. */
  peakFacilityPowerMw: number;
  /** The hour of peakFacilityPowerMw (`YYYY-MM-DD HH:00`). */
  peakHour: string;
  /** MW of the physical contracts delivering this year, and its firm part. */
  contractedMw: number;
  /**
   * Firm part of contractedMw: MW × firm fraction; with a derated contract (gas at a stated firm share), the firm MW
   * in the binding hour (firmHour), where each derated contract counts min(MW × firm fraction, MW × derating).
   */
  firmMw: number;
  /** firmMw − the facility power it is compared with (peakFacilityPowerMw, or firmHourFacilityMw with derating). */
  firmHeadroomMw: number;
  /** With a derated or part-year contract: firm MW at ISO rating (MW × firm fraction) with every contract of the year delivering, what firmMw would be on a 15 °C day after the last start date. */
  ratedFirmMw?: number;
  /** With a derated or part-year contract: the hour of least firm MW per MW of full-load facility power (where firm power binds, for any headroom share). */
  firmHour?: string;
  /** With a derated or part-year contract: facility power at full IT load in firmHour, MW. */
  firmHourFacilityMw?: number;
  /** With a derated or part-year contract: the dry bulb of firmHour, °C. */
  firmHourDryBulbC?: number;
  /** Contracts starting during this year after 1 January, each with its first day of delivery (`name from YYYY-MM-DD`); absent when none. */
  contractsStartingLate?: string[];
  /** Proposed contracts in their term this year (status "proposed"), counted or not; absent when none. */
  proposedContracts?: string[];
  /** With proposed contracts: their physical MW this year (virtual ones deliver no MW). */
  proposedMw?: number;
  /** With proposed contracts: their firm MW counted this year at ISO rating (0 when the campus does not count them). */
  proposedFirmMw?: number;
  /** Contracts delivering this year (physical and virtual), those starting and those whose last year this is. */
  contractsActive: string[];
  /** Contracts whose first year this is. */
  contractsStarting: string[];
  /** Contracts whose last year this is. */
  contractsEnding: string[];
  /** IT energy over the year, MWh. */
  itEnergyMwh: number;
  /** Facility energy over the year, MWh. */
  facilityEnergyMwh: number;
  /** Facility / IT energy; absent in a year with no IT energy. */
  pue?: number;
  /**
   * Firm MW of grid service this year that its market lets the grid operator curtail in an energy emergency (Texas
   * SB 6); absent when there is none. Firm MW less this is what carries the campus then.
   */
  curtailableMw?: number;
  /** With curtailableMw: the share of the peak-hour load the market's rules look for in the campus's own backup (SB 6: 0.5). */
  emergencyBackupShare?: number;
  /** Make-up water over the year, m³. */
  waterM3: number;
  /** The evaporated part of that make-up water, the water consumed (blowdown returns to the basin), m³. */
  waterConsumedM3: number;
  /** That consumed water weighted by the site's monthly AWARE factors, m³ world-equivalent (absent when the site's water scarcity is not known). */
  scarcityWeightedWaterM3?: number;
  /** Make-up water on the worst simulated day, m³. */
  peakDailyWaterM3: number;
  /** That day (`YYYY-MM-DD`). */
  worstWaterDay: string;
  /** Location-based carbon, t and gCO2e/kWh of the energy the campus consumed. */
  carbonTco2: number;
  /** Location-based carbon per kWh consumed, gCO2e/kWh. */
  carbonIntensityGPerKwh: number;
  /** Market-based carbon: grid energy covered by certificates of virtual clean PPAs counts at their intensity. */
  marketCarbonTco2: number;
  /** Market-based carbon per kWh consumed, gCO2e/kWh. */
  marketCarbonIntensityGPerKwh: number;
  /** Certificates from virtual PPAs this year, MWh, and the grid energy they cover. */
  certificatesMwh: number;
  /** Grid-connected fossil energy the certificates cover, MWh. */
  certificatesUsedMwh: number;
  /** Share of the facility's energy the contracts served (1 when there is no demand). */
  energyCoverage: number;
  /** Each contract delivering this year (in contractsActive's order): its MW that year, firm MW and energy. */
  contracts: YearContractRow[];
}

/** One contract in one year of the ledger: what a report needs to show a ramp, a start or an end. */
export interface YearContractRow {
  /** Name of the contract on the campus. */
  name: string;
  /** "physical" or "virtual". */
  delivery: string;
  /** MW it delivers this year: its ramp step, else contractedMw (a virtual PPA's MW are the plant's, not the campus's). */
  mw: number;
  /** Firm MW at ISO rating: mw × its firm fraction for a physical contract, 0 for a virtual one. */
  firmMw: number;
  /** MWh this year: what a physical contract supplied in the hourly dispatch; the certificates a virtual PPA's generation earns. */
  energyMwh: number;
}

export interface CampusYears {
  rows: YearRow[];
  /** MWh taken from each physical contract in each row's year (by contract name), for pricing. */
  suppliedMwh: Record<string, number>[];
  /** The most MW taken from each physical contract in one hour of each row's year (by contract name), for demand and capacity charges. */
  peakSuppliedMw: Record<string, number>[];
  /** First year with every hall online (absent without dates), and its hours. */
  fullBuildYear?: number;
  fullBuildHours: CampusHours;
}

/**
 * Whether something in service from `startYear` to `endYear` (both inclusive) runs in `year`: always on an undated
 * campus (no year); without a start year, from the horizon's start; without an end year, to the horizon's end (halls
 * and assets: refresh is not modelled). The one rule for halls, contracts and assets, in the ledger, the costs and
 * the GPU-hours.
 */
export function activeIn(startYear: number | undefined, year: number | undefined, endYear?: number): boolean {
  return year === undefined || ((startYear === undefined || startYear <= year) && (endYear === undefined || year <= endYear));
}

/** MW a contract delivers in `year`: 0 outside its term, its ramp step that year, else contractedMw. */
export function mwInYear(c: Pick<LedgerContract, "contractedMw" | "startYear" | "endYear" | "ramp">, year: number | undefined): number {
  if (!activeIn(c.startYear, year, c.endYear)) return 0;
  if (year === undefined) return c.contractedMw;
  return c.ramp?.find((s) => s.year === year)?.contractedMw ?? c.contractedMw;
}

/** A virtual PPA's generation in the hours of the year it delivers (from `firstHour`), MWh: MW × capacity factor × hours. */
function ppaGenerationMwh(mw: number, capacityFactor: number, firstHour: number): number {
  return mw * capacityFactor * (HOURS_PER_YEAR - firstHour);
}

/** The years of a horizon, or the one undated year. */
function yearsOf(horizon: Horizon | undefined): (number | undefined)[] {
  if (!horizon) return [undefined];
  return Array.from({ length: horizon.endYear - horizon.startYear + 1 }, (_, i) => horizon.startYear + i);
}

/**
 * Market-based carbon of a year: certificates cover grid-connected energy of their market (see the file comment;
 * the formulas are physics/carbon.ts's).
 */
function marketCarbon(hours: CampusHours, physical: readonly { c: LedgerContract }[], virtual: readonly { c: LedgerContract; mw: number; firstHour: number }[]) {
  const byMarket = new Map<string, MarketLedger>();
  const bucket = (market: string | undefined) => {
    const key = market ?? "";
    let b = byMarket.get(key);
    if (!b) byMarket.set(key, (b = { energyMwh: 0, energyTco2: 0, certificatesMwh: 0, certificateTco2: 0 }));
    return b;
  };
  for (const { c } of physical) {
    if (c.islanded || c.clean) continue; // clean energy needs no certificate; islanded energy cannot take one
    const mwh = hours.supply.suppliedMwh[c.name] ?? 0;
    const b = bucket(c.market);
    b.energyMwh += mwh;
    b.energyTco2 += emissionsTco2(mwh, c.carbonIntensityGPerKwh);
  }
  for (const { c, mw, firstHour } of virtual) {
    const mwh = ppaGenerationMwh(mw, c.capacityFactor, firstHour);
    const b = bucket(c.market);
    b.certificatesMwh += mwh;
    b.certificateTco2 += emissionsTco2(mwh, c.carbonIntensityGPerKwh);
  }
  let certificatesMwh = 0;
  for (const b of byMarket.values()) certificatesMwh += b.certificatesMwh;
  const cover = coverWithCertificates(byMarket);
  const marketTco2 = marketBasedTco2(hours.supply.carbonTco2, cover.avoidedTco2);
  const consumedMwh = hours.supply.demandMwh - hours.supply.unservedMwh;
  return { certificatesMwh, usedMwh: cover.coveredMwh, marketTco2, marketIntensity: marketCarbonIntensityGPerKwh(marketTco2, consumedMwh) };
}

/**
 * With derated or part-year contracts, the hour where firm power binds: the least firm MW per MW of full-load facility
 * power (the check facility × (1 + headroom) <= firm binds there for any headroom share), with its firm MW (each
 * derated contract at min(MW × firm fraction, MW × derating that hour); a contract not yet delivering that hour at 0).
 * Otherwise: undefined (firm MW is the same in every hour and binds at the peak hour).
 */
function bindingHour(hours: CampusHours, physical: readonly { c: LedgerContract; mw: number; firstHour: number }[], ratedFirmMw: number, year: number | undefined) {
  const derated = physical.filter((d) => hours.derating[d.c.name] !== undefined);
  const late = physical.filter((d) => d.firstHour > 0);
  if (derated.length === 0 && late.length === 0) return undefined;
  const load = hours.fullLoadFacilityMw;
  let best = -1;
  let bestRatio = Infinity;
  let bestFirm = ratedFirmMw;
  for (let h = 0; h < HOURS_PER_YEAR; h++) {
    let firm = ratedFirmMw;
    for (const d of derated) {
      if (h < d.firstHour) continue; // taken out whole below
      const rated = d.mw * d.c.firmFraction;
      firm -= rated - Math.min(rated, d.mw * hours.derating[d.c.name][h]);
    }
    for (const d of late) if (h < d.firstHour) firm -= d.mw * d.c.firmFraction;
    const ratio = load[h] > 0 ? firm / load[h] : Infinity;
    if (best < 0 || ratio < bestRatio) {
      best = h;
      bestRatio = ratio;
      bestFirm = firm;
    }
  }
  return { index: best, hour: hourLabel(best, year), firmMw: bestFirm, facilityMw: load[best] };
}

/** The year-by-year ledger of a campus over its horizon (or its one undated year). */
/** First hour a contract delivers in `year`: its start date's hour in its first year, else 0. */
export function firstHourInYear(c: Pick<LedgerContract, "startYear" | "startDate">, year: number | undefined): number {
  if (year === undefined || c.startDate === undefined || c.startYear !== year) return 0;
  return hourOfDate(c.startDate) ?? 0;
}

/**
 * The year's hours with the supply dispatched again, each contract from its first hour. campusHours dispatches every
 * contract from 1 January and takes no first hour (hours/campusHours.ts is another change's to edit), so a year with a
 * contract starting during it is dispatched here once more with the same contracts, caps and derating plus their first
 * hours, and the figures that come from the dispatch are replaced. TODO: pass firstHour through campusHours instead.
 */
function withFirstHours(hours: CampusHours, contracts: readonly (ContractForHours & { firstHour: number })[], weather: WeatherYear, year: number | undefined): CampusHours {
  const hourly: HourlyContract[] = contracts.map((c) => ({
    name: c.name, contractedMw: c.contractedMw, capacityFactor: c.capacityFactor, carbonIntensityGPerKwh: c.carbonIntensityGPerKwh,
    clean: c.clean, profile: c.hourlyProfile as SupplyProfile, ...(c.storageHours === undefined ? {} : { storageHours: c.storageHours }),
    ...(c.firmMw === undefined || c.hourlyProfile !== "dispatchable" ? {} : { firmMw: c.firmMw }),
    ...(hours.derating[c.name] === undefined ? {} : { derating: hours.derating[c.name] }),
    ...(c.firstHour > 0 ? { firstHour: c.firstHour } : {}),
  }));
  const supply = hourlySupply(hours.facilityMw, hourly, weather.location);
  const { maxShortfallHour: _old, ...rest } = hours;
  return {
    ...rest,
    ...(supply.maxShortfallHour >= 0 ? { maxShortfallHour: hourLabel(supply.maxShortfallHour, year) } : {}),
    supply,
    monthly: hours.monthly.map((row, m) => ({
      ...row,
      unservedEnergyMwh: supply.monthly[m].unservedMwh,
      carbonFreeShare: carbonFreeShare(supply.monthly[m].carbonFreeMwh, supply.monthly[m].demandMwh),
    })),
  };
}

/** The year's curtailable grid service (firm MW in an energy emergency's reach) and the backup share its market looks for; {} when none. */
function emergencyOf(physical: readonly { c: LedgerContract; mw: number }[]): { curtailableMw?: number; emergencyBackupShare?: number } {
  const curtailable = physical.filter((d) => d.c.curtailableInEmergency === true);
  if (curtailable.length === 0) return {};
  return {
    curtailableMw: curtailable.reduce((s, d) => s + d.mw * d.c.firmFraction, 0),
    emergencyBackupShare: Math.max(...curtailable.map((d) => d.c.emergencyBackupShare ?? 0)),
  };
}

export function campusYears(halls: readonly LedgerHall[], contracts: readonly LedgerContract[], weather: WeatherYear, horizon: Horizon | undefined, options: LedgerOptions = {}): CampusYears {
  const shared = new Map<string, CampusHours>();
  const rows: YearRow[] = [];
  const suppliedMwh: Record<string, number>[] = [];
  const peakSuppliedMw: Record<string, number>[] = [];
  let fullBuild: { year?: number; hours: CampusHours } | undefined;
  for (const year of yearsOf(horizon)) {
    const online = halls.filter((h) => activeIn(h.onlineYear, year));
    const inTerm = contracts.map((c) => ({ c, mw: mwInYear(c, year), firstHour: firstHourInYear(c, year) })).filter((d) => d.mw > 0);
    const proposed = inTerm.filter((d) => d.c.status === "proposed");
    const delivering = options.countProposed ? inTerm : inTerm.filter((d) => d.c.status !== "proposed");
    const physical = delivering.filter((d) => d.c.delivery === "physical");
    const virtual = delivering.filter((d) => d.c.delivery === "virtual");
    const key = `${online.map((h) => halls.indexOf(h)).join(",")}|${physical.map((d) => `${d.c.name}=${d.mw}@${d.firstHour}`).join(",")}`;
    let hours = shared.get(key);
    if (!hours) {
      // A dispatchable contract delivers up to its firm MW in an hour; the others' hourly output is their profile.
      const forHours = physical.map((d) => ({ ...d.c, contractedMw: d.mw, firmMw: d.c.hourlyProfile === "dispatchable" ? Math.min(d.mw, d.mw * d.c.firmFraction) : undefined, firstHour: d.firstHour }));
      hours = campusHours(online.map((h) => h.hours), forHours, weather, year);
      if (forHours.some((c) => c.firstHour > 0)) hours = withFirstHours(hours, forHours, weather, year);
      shared.set(key, hours);
    }
    // Shared hours carry the first year's labels; each row labels its own hours.
    const label = (text: string | undefined) => (text === undefined || year === undefined ? text : text.replace(/^\d{4}-/, `${year}-`));
    const carbon = marketCarbon(hours, physical, virtual);
    const ratedFirmMw = physical.reduce((s, d) => s + d.mw * d.c.firmFraction, 0);
    const binding = bindingHour(hours, physical, ratedFirmMw, year);
    const firmMw = binding ? binding.firmMw : ratedFirmMw;
    const { supply } = hours;
    const maxShortfallHour = label(hours.maxShortfallHour);
    const late = delivering.filter((d) => d.firstHour > 0);
    suppliedMwh.push(hours.supply.suppliedMwh);
    peakSuppliedMw.push(hours.supply.peakSuppliedMw);
    rows.push({
      ...(year === undefined ? {} : { year }),
      hallsOnline: online.length,
      hallsStarting: year === undefined ? [] : online.filter((h) => h.onlineYear === year).map((h) => h.name),
      racksOnline: online.reduce((s, h) => s + h.rackCount, 0),
      gpusOnline: online.reduce((s, h) => s + h.gpuCount, 0),
      itLoadMw: online.reduce((s, h) => s + h.itLoadKw, 0) / 1000,
      peakFacilityPowerMw: hours.peakFacilityPowerMw,
      peakHour: label(hours.peakHour)!,
      contractedMw: physical.reduce((s, d) => s + d.mw, 0),
      firmMw,
      firmHeadroomMw: firmMw - (binding ? binding.facilityMw : hours.peakFacilityPowerMw),
      ...(binding ? { ratedFirmMw, firmHour: label(binding.hour)!, firmHourFacilityMw: binding.facilityMw, firmHourDryBulbC: weather.dryBulbC[binding.index] } : {}),
      contractsActive: delivering.map((d) => d.c.name),
      contractsStarting: year === undefined ? [] : delivering.filter((d) => d.c.startYear === year).map((d) => d.c.name),
      contractsEnding: year === undefined ? [] : delivering.filter((d) => d.c.endYear === year).map((d) => d.c.name),
      ...(late.length ? { contractsStartingLate: late.map((d) => `${d.c.name} from ${d.c.startDate}`) } : {}),
      ...(proposed.length
        ? {
            proposedContracts: proposed.map((d) => d.c.name),
            proposedMw: proposed.filter((d) => d.c.delivery === "physical").reduce((s, d) => s + d.mw, 0),
            proposedFirmMw: options.countProposed ? proposed.filter((d) => d.c.delivery === "physical").reduce((s, d) => s + d.mw * d.c.firmFraction, 0) : 0,
          }
        : {}),
      ...emergencyOf(physical),
      itEnergyMwh: hours.annualItEnergyMwh,
      facilityEnergyMwh: hours.annualFacilityEnergyMwh,
      ...(hours.annualItEnergyMwh > 0 ? { pue: hours.annualFacilityEnergyMwh / hours.annualItEnergyMwh } : {}),
      waterM3: hours.waterM3PerYear,
      waterConsumedM3: hours.waterConsumedM3PerYear,
      ...(options.waterScarcityByMonth === undefined ? {} : { scarcityWeightedWaterM3: scarcityWeightedWaterM3(hours.monthly.map((m) => m.waterConsumedM3), options.waterScarcityByMonth) }),
      peakDailyWaterM3: hours.peakDailyWaterM3,
      worstWaterDay: label(hours.worstWaterDay)!,
      carbonTco2: supply.carbonTco2,
      carbonIntensityGPerKwh: supply.intensityGPerKwh,
      marketCarbonTco2: carbon.marketTco2,
      marketCarbonIntensityGPerKwh: carbon.marketIntensity,
      certificatesMwh: carbon.certificatesMwh,
      certificatesUsedMwh: carbon.usedMwh,
      cleanEnergyShare: supply.cleanShare,
      carbonFreeShare: supply.carbonFreeShare,
      unservedEnergyMwh: supply.unservedMwh,
      unservedHours: supply.unservedHours,
      maxShortfallMw: supply.maxShortfallMw,
      ...(maxShortfallHour === undefined ? {} : { maxShortfallHour }),
      energyCoverage: supply.demandMwh > 0 ? 1 - supply.unservedMwh / supply.demandMwh : 1,
      contracts: delivering.map(({ c, mw, firstHour }) => c.delivery === "physical"
        ? { name: c.name, delivery: c.delivery, mw, firmMw: mw * c.firmFraction, energyMwh: supply.suppliedMwh[c.name] ?? 0 }
        : { name: c.name, delivery: c.delivery, mw, firmMw: 0, energyMwh: ppaGenerationMwh(mw, c.capacityFactor, firstHour) }),
    });
    if (!fullBuild && online.length === halls.length) fullBuild = { year, hours };
  }
  // Every hall comes online within the horizon (the campus checks it), so the last year at the latest is full.
  return { rows, suppliedMwh, peakSuppliedMw, ...(fullBuild!.year === undefined ? {} : { fullBuildYear: fullBuild!.year }), fullBuildHours: fullBuild!.hours };
}
