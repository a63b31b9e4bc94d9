/** Built-in generation sources for power contracts: carbon, capacity factor and firm capacity. */
import type { GenerationSourceSpec } from "./schema";

const CHECKED = "2026-11-25";
const IPCC = "IPCC AR5 WG3 Annex III, lifecycle medians";
const EIA = "US EIA Electric Power Monthly, capacity factors";
const PJM = "PJM ELCC class ratings, 2026/2027 Base Residual Auction";
const PJM_URL = "https://www.pjm.com/planning/resource-adequacy-planning/effective-load-carrying-capability";

export const BUILTIN_GENERATION_SOURCES: readonly GenerationSourceSpec[] = [
  {
    id: "gas-ccgt", description: "Natural-gas combined-cycle plant", carbonIntensityGPerKwh: 490, capacityFactor: 0.57, firmFraction: 0.74, dispatchable: true, clean: false, hourlyProfile: "dispatchable",
    source: { title: `${IPCC} (490); ${EIA} (about 0.55-0.6); ${PJM} (gas CC 74 %)`, url: PJM_URL, checked: CHECKED, note: "ELCC figure for gas CC recalled from the PJM class-ratings document: check before relying on it" },
  },
  {
    id: "gas-turbine", description: "Natural-gas simple-cycle combustion turbine", carbonIntensityGPerKwh: 590, capacityFactor: 0.12, firmFraction: 0.6, dispatchable: true, clean: false, hourlyProfile: "dispatchable",
    source: {
      title: `EIA average heat rate of gas turbines (about 11,100 Btu/kWh) × EPA natural-gas factor 53.06 kgCO2/MMBtu; ${PJM} (gas CT 60 %)`, url: PJM_URL, checked: CHECKED,
      note: "combustion CO2 only (IPCC AR5 has no separate simple-cycle median); ELCC recalled, check",
    },
  },
  {
    id: "nuclear", description: "Nuclear power plant", carbonIntensityGPerKwh: 12, capacityFactor: 0.92, firmFraction: 0.95, dispatchable: false, clean: true, hourlyProfile: "flat",
    source: { title: `${IPCC} (12); ${EIA} (about 0.9+); ${PJM} (nuclear 95 %)`, url: PJM_URL, checked: CHECKED, note: "treated as must-run (not load-following)" },
  },
  {
    id: "solar-utility", description: "Utility-scale solar PV (single-axis tracking)", carbonIntensityGPerKwh: 48, capacityFactor: 0.24, firmFraction: 0.11, dispatchable: false, clean: true, hourlyProfile: "solar",
    source: { title: `${IPCC} (48); ${EIA} (about 0.23-0.25); ${PJM} (tracking solar 11 %)`, url: PJM_URL, checked: CHECKED, note: "ELCC recalled, check" },
  },
  {
    id: "wind-onshore", description: "Onshore wind farm", carbonIntensityGPerKwh: 11, capacityFactor: 0.34, firmFraction: 0.41, dispatchable: false, clean: true, hourlyProfile: "wind",
    source: { title: `${IPCC} (11); ${EIA} (about 0.33-0.35); ${PJM} (onshore wind 41 %, confirmed by renewafi.com, 2025-06-25)`, url: PJM_URL, checked: CHECKED },
  },
  {
    id: "battery-4h", description: "4-hour battery storage (firms capacity; stores energy, generates none)", carbonIntensityGPerKwh: 0, capacityFactor: 0, firmFraction: 0.5, dispatchable: true, clean: false, hourlyProfile: "storage", storageHours: 4,
    source: { title: `${PJM} (4-hour storage about 50 %)`, url: PJM_URL, checked: CHECKED, note: "no net energy over a year, so neither carbon nor clean share; the carbon of its charging energy belongs to the sources that charge it. ELCC recalled, check" },
  },
  {
    id: "grid-pjm-ohio", description: "Firm utility service in Ohio (PJM, eGRID subregion RFCW)", carbonIntensityGPerKwh: 466, capacityFactor: 1, firmFraction: 1, dispatchable: true, clean: false, hourlyProfile: "dispatchable",
    source: { title: "US EPA eGRID2022, subregion RFCW CO2 output emission rate (about 1,027 lb/MWh)", url: "https://www.epa.gov/egrid", checked: CHECKED, note: "operational (stack) emissions of the average grid mix, not lifecycle; check against the latest eGRID release" },
  },
  {
    id: "grid-miso-louisiana", description: "Firm utility service in Louisiana (MISO South, eGRID subregion SRMV)", carbonIntensityGPerKwh: 347, capacityFactor: 1, firmFraction: 1, dispatchable: true, clean: false, hourlyProfile: "dispatchable",
    source: { title: "US EPA eGRID2022, subregion SRMV CO2 output emission rate (about 766 lb/MWh)", url: "https://www.epa.gov/egrid", checked: CHECKED, note: "operational emissions of the average grid mix, not lifecycle; check against the latest eGRID release" },
  },
  {
    id: "grid-us-average", description: "Firm utility service at the US average grid mix", carbonIntensityGPerKwh: 373, capacityFactor: 1, firmFraction: 1, dispatchable: true, clean: false, hourlyProfile: "dispatchable",
    source: { title: "US EPA eGRID2022, US average CO2 output emission rate (about 823 lb/MWh)", url: "https://www.epa.gov/egrid", checked: CHECKED, note: "operational emissions, not lifecycle" },
  },
];
