/** A hand-built year row for report tests: one hall of 2 racks (144 GPUs), round figures; `over` replaces fields. */
import type { YearRow } from "../../components/years/ledger";

export function yearRow(year: number | undefined, over: Partial<YearRow> = {}): YearRow {
  return {
    ...(year === undefined ? {} : { year }), hallsOnline: 1, hallsStarting: [], racksOnline: 2, gpusOnline: 144, itLoadMw: 0.25, peakFacilityPowerMw: 0.3,
    peakHour: "2030-07-01 15:00", contractedMw: 0.5, firmMw: 0.4, firmHeadroomMw: 0.1, contractsActive: ["grid"], contractsStarting: [], contractsEnding: [], contracts: [],
    itEnergyMwh: 2000, facilityEnergyMwh: 2300, pue: 1.15, waterM3: 0, waterConsumedM3: 0, peakDailyWaterM3: 0, worstWaterDay: "2030-07-01", carbonTco2: 900,
    carbonIntensityGPerKwh: 390, marketCarbonTco2: 900, marketCarbonIntensityGPerKwh: 390, certificatesMwh: 0, certificatesUsedMwh: 0, cleanEnergyShare: 0.2,
    carbonFreeShare: 0.2, unservedEnergyMwh: 0, unservedHours: 0, maxShortfallMw: 0, energyCoverage: 1, ...over,
  };
}
