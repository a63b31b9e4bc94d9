/**
 * Built-in generation sources for power contracts: carbon, capacity factor and how they deliver hour by hour. Firm
 * capacity is the market's (catalog `markets`): the same plant is accredited differently in PJM and MISO.
 */
import type { GenerationSourceSpec } from "./schema";

const CHECKED = "2026-11-25";
const IPCC = "IPCC AR5 WG3 Annex III, lifecycle medians";
const EIA = "US EIA Electric Power Monthly, capacity factors";
const EGRID_URL = "https://www.epa.gov/egrid/summary-data";

/** The generation sources the catalog starts with (carbon intensities and capacity factors from the cited public data). */
export const BUILTIN_GENERATION_SOURCES: readonly GenerationSourceSpec[] = [
  {
    id: "gas-ccgt", description: "Natural-gas combined-cycle plant", carbonIntensityGPerKwh: 490, capacityFactor: 0.57, dispatchable: true, clean: false, hourlyProfile: "dispatchable",
    source: { title: `${IPCC} (490); ${EIA} (about 0.55-0.6)`, checked: CHECKED },
  },
  {
    id: "gas-turbine", description: "Natural-gas simple-cycle combustion turbine", carbonIntensityGPerKwh: 590, capacityFactor: 0.12, dispatchable: true, clean: false, hourlyProfile: "dispatchable",
    source: {
      title: "EIA average heat rate of gas turbines (about 11,100 Btu/kWh) × EPA natural-gas factor 53.06 kgCO2/MMBtu", checked: CHECKED,
      note: "combustion CO2 only (IPCC AR5 has no separate simple-cycle median)",
    },
  },
  {
    id: "nuclear", description: "Nuclear power plant", carbonIntensityGPerKwh: 12, capacityFactor: 0.92, dispatchable: false, clean: true, hourlyProfile: "flat",
    source: { title: `${IPCC} (12); ${EIA} (about 0.9+)`, checked: CHECKED, note: "treated as must-run (not load-following)" },
  },
  {
    id: "solar-utility", description: "Utility-scale solar PV (single-axis tracking)", carbonIntensityGPerKwh: 48, capacityFactor: 0.24, dispatchable: false, clean: true, hourlyProfile: "solar",
    source: { title: `${IPCC} (48); ${EIA} (about 0.23-0.25)`, checked: CHECKED },
  },
  {
    id: "wind-onshore", description: "Onshore wind farm", carbonIntensityGPerKwh: 11, capacityFactor: 0.34, dispatchable: false, clean: true, hourlyProfile: "wind",
    source: { title: `${IPCC} (11); ${EIA} (about 0.33-0.35)`, checked: CHECKED },
  },
  {
    id: "battery-4h", description: "4-hour battery storage (firms capacity; stores energy, generates none)", carbonIntensityGPerKwh: 0, capacityFactor: 0, dispatchable: true, clean: false, hourlyProfile: "storage", storageHours: 4,
    source: { title: "NREL Annual Technology Baseline, utility-scale battery storage (4-hour reference system)", checked: CHECKED, note: "no net energy over a year, so neither carbon nor clean share; the carbon of its charging energy belongs to the sources that charge it" },
  },
  {
    id: "grid-pjm-ohio", description: "Firm utility service in Ohio (PJM, eGRID subregion RFCW)", carbonIntensityGPerKwh: 416, capacityFactor: 1, dispatchable: true, clean: false, hourlyProfile: "dispatchable", gridService: true,
    source: {
      title: "US EPA eGRID2023 (rev. 2, 2025-06-12), subregion RFCW total output emission rate 916.05 lb CO2e/MWh", url: EGRID_URL, checked: CHECKED,
      note: "= 415.5 g/kWh; operational (stack) emissions of the average grid mix, not lifecycle (eGRID2022 gave 1,005.9 lb/MWh, 456 g/kWh); figures read from copies of EPA's summary tables that agree with each other",
    },
  },
  {
    id: "grid-miso-louisiana", description: "Firm utility service in Louisiana (MISO South, eGRID subregion SRMV)", carbonIntensityGPerKwh: 336, capacityFactor: 1, dispatchable: true, clean: false, hourlyProfile: "dispatchable", gridService: true,
    source: {
      title: "US EPA eGRID2023 (rev. 2, 2025-06-12), subregion SRMV total output emission rate 741.7 lb CO2e/MWh", url: EGRID_URL, checked: CHECKED,
      note: "= 336.4 g/kWh; operational emissions of the average grid mix, not lifecycle (eGRID2022 gave 803.7 lb/MWh, 365 g/kWh)",
    },
  },
  {
    id: "grid-us-average", description: "Firm utility service at the US average grid mix", carbonIntensityGPerKwh: 350, capacityFactor: 1, dispatchable: true, clean: false, hourlyProfile: "dispatchable", gridService: true,
    source: {
      title: "US EPA eGRID2023 (rev. 2, 2025-06-12), US total output emission rate 770.9 lb CO2e/MWh", url: EGRID_URL, checked: CHECKED,
      note: "= 349.7 g/kWh; operational emissions, not lifecycle (eGRID2022 gave 827.5 lb/MWh, 375 g/kWh; EIA gives 0.81 lb CO2/kWh for 2023)",
    },
  },
];
