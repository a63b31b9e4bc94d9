/**
 * A campus's year hour by hour: its halls' hours summed, the supply dispatched against the facility demand of each
 * hour, and the year by month.
 */
import { carbonFreeShare, powerUsageEffectiveness } from "../physics";
import type { AmbientDeratingPoint } from "../catalog/schema";
import { hourlyDerating } from "../physics/derating";
import type { WeatherYear } from "../weather/types";
import { argMax, dayLabel, HOURS, hourLabel, MONTH_NAMES, monthlySums, worstDay } from "./calendar";
import type { HallHours } from "./hallHours";
import { hourlySupply, HourlyContract, HourlySupply, SupplyProfile } from "./supply";

/** One month of a campus's hourly year, summed from its hours (a row of the campus footprint's `monthly` table). */
export interface MonthlyRow {
  /** `Jan` to `Dec`. */
  month: string;
  /** IT energy in the month, MWh. */
  itEnergyMwh: number;
  /** Facility energy in the month, MWh. */
  facilityEnergyMwh: number;
  /** Facility energy / IT energy in the month. */
  pue: number;
  /** Make-up water in the month, m³. */
  waterM3: number;
  /** The evaporated part of that make-up water (consumed: blowdown returns to the basin), m³. */
  waterConsumedM3: number;
  /** Facility energy no contract could supply in the month, MWh. */
  unservedEnergyMwh: number;
  /** Share of the month's demand met by clean energy in the same hour. */
  carbonFreeShare: number;
}

/** What a contract contributes to the hourly dispatch (a contract footprint has these fields). */
export interface ContractForHours {
  name: string;
  contractedMw: number;
  capacityFactor: number;
  carbonIntensityGPerKwh: number;
  clean: boolean;
  hourlyProfile: string;
  /** Dispatchable: the firm MW that caps its output in any hour (see hours/supply.ts). */
  firmMw?: number;
  storageHours?: number;
  /** Dispatchable generation: available output / ISO-rated MW vs the dry bulb (the catalog curve); caps each hour at contracted MW × derating. */
  ambientDerating?: readonly AmbientDeratingPoint[];
}

/** A campus's year hour by hour: its halls' demand and water summed, and the contracts dispatched against it. */
export interface CampusHours {
  /** Facility demand each hour at the halls' IT profiles, MW. */
  facilityMw: Float64Array;
  /** Facility power each hour at full IT load, MW: what firm power must cover (its largest is peakFacilityPowerMw). */
  fullLoadFacilityMw: Float64Array;
  /** IT power each hour, MW. */
  itMw: Float64Array;
  /** Make-up water each hour, m³. */
  waterM3: Float64Array;
  /** Σ itMw over the year, MWh. */
  annualItEnergyMwh: number;
  /** Σ facilityMw over the year, MWh. */
  annualFacilityEnergyMwh: number;
  /** Σ waterM3 over the year, m³. */
  waterM3PerYear: number;
  /** The evaporated part of the make-up water over the year (consumed; blowdown returns to the basin), m³. */
  waterConsumedM3PerYear: number;
  /** Largest fullLoadFacilityMw, MW. */
  peakFacilityPowerMw: number;
  /** That hour, `MM-DD HH:00` local standard time. */
  peakHour: string;
  /** Make-up water on the worst day, m³. */
  peakDailyWaterM3: number;
  /** That day, `MM-DD`. */
  worstWaterDay: string;
  /** The hour of the largest shortfall, `MM-DD HH:00` (absent when every hour is served). */
  maxShortfallHour?: string;
  /** The hourly dispatch of the contracts against facilityMw. */
  supply: HourlySupply;
  /** Each derated contract's available share of its contracted MW in each hour (by contract name; absent without derating). */
  derating: Record<string, Float64Array>;
  /** The year month by month. */
  monthly: MonthlyRow[];
}

function sumInto(target: Float64Array, series: Float64Array, scale: number): void {
  for (let h = 0; h < HOURS; h++) target[h] += series[h] * scale;
}

/** Sums the halls' hours (kW → MW) and dispatches the contracts against them. */
export function campusHours(halls: readonly HallHours[], contracts: readonly ContractForHours[], weather: WeatherYear, year?: number): CampusHours {
  const facilityMw = new Float64Array(HOURS);
  const fullLoadMw = new Float64Array(HOURS);
  const itMw = new Float64Array(HOURS);
  const waterM3 = new Float64Array(HOURS);
  const consumedByMonth = new Array<number>(12).fill(0);
  // Identical halls share one HallHours object: add each distinct one once, times how many halls share it.
  const counts = new Map<HallHours, number>();
  for (const hall of halls) counts.set(hall, (counts.get(hall) ?? 0) + 1);
  for (const [hall, count] of counts) {
    sumInto(facilityMw, hall.facilityKw, count / 1000);
    sumInto(fullLoadMw, hall.fullLoadFacilityKw, count / 1000);
    sumInto(itMw, hall.itKw, count / 1000);
    sumInto(waterM3, hall.waterM3, count);
    if (hall.evaporatedShareOfMakeup > 0) monthlySums(hall.waterM3).forEach((m3, m) => (consumedByMonth[m] += m3 * count * hall.evaporatedShareOfMakeup));
  }
  const derating: Record<string, Float64Array> = {};
  for (const c of contracts) {
    if (c.ambientDerating !== undefined && c.hourlyProfile === "dispatchable") derating[c.name] = hourlyDerating(c.ambientDerating, weather.dryBulbC);
  }
  const hourlyContracts: HourlyContract[] = contracts.map((c) => ({
    name: c.name, contractedMw: c.contractedMw, capacityFactor: c.capacityFactor, carbonIntensityGPerKwh: c.carbonIntensityGPerKwh,
    clean: c.clean, profile: c.hourlyProfile as SupplyProfile, ...(c.storageHours === undefined ? {} : { storageHours: c.storageHours }),
    ...(c.firmMw === undefined || c.hourlyProfile !== "dispatchable" ? {} : { firmMw: c.firmMw }),
    ...(derating[c.name] === undefined ? {} : { derating: derating[c.name] }),
  }));
  const supply = hourlySupply(facilityMw, hourlyContracts, weather.location);
  const peak = argMax(fullLoadMw);
  const day = worstDay(waterM3);
  const itByMonth = monthlySums(itMw);
  const facilityByMonth = monthlySums(facilityMw);
  const waterByMonth = monthlySums(waterM3);
  const annualItEnergyMwh = itByMonth.reduce((a, b) => a + b, 0);
  const annualFacilityEnergyMwh = facilityByMonth.reduce((a, b) => a + b, 0);
  return {
    facilityMw, fullLoadFacilityMw: fullLoadMw, itMw, waterM3,
    annualItEnergyMwh,
    annualFacilityEnergyMwh,
    waterM3PerYear: waterByMonth.reduce((a, b) => a + b, 0),
    waterConsumedM3PerYear: consumedByMonth.reduce((a, b) => a + b, 0),
    peakFacilityPowerMw: fullLoadMw[peak],
    peakHour: hourLabel(peak, year),
    peakDailyWaterM3: day.total,
    worstWaterDay: dayLabel(day.day, year),
    ...(supply.maxShortfallHour >= 0 ? { maxShortfallHour: hourLabel(supply.maxShortfallHour, year) } : {}),
    supply,
    derating,
    monthly: MONTH_NAMES.map((month, m) => ({
      month,
      itEnergyMwh: itByMonth[m],
      facilityEnergyMwh: facilityByMonth[m],
      pue: powerUsageEffectiveness(facilityByMonth[m], itByMonth[m]),
      waterM3: waterByMonth[m],
      waterConsumedM3: consumedByMonth[m],
      unservedEnergyMwh: supply.monthly[m].unservedMwh,
      carbonFreeShare: carbonFreeShare(supply.monthly[m].carbonFreeMwh, supply.monthly[m].demandMwh),
    })),
  };
}

