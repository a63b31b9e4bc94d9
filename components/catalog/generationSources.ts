/**
 * Built-in generation sources for power contracts: carbon, capacity factor and how they deliver hour by hour. Firm
 * capacity is the market's (catalog `markets`): the same plant is accredited differently in PJM and MISO.
 */
import type { GenerationSourceSpec } from "./schema";

const CHECKED = "2026-11-25";
/** When the grids of issue 36's sites were checked. */
const CHECKED_SITES = "2026-12-07";
const IPCC = "IPCC AR5 WG3 Annex III, lifecycle medians";
const EIA = "US EIA Electric Power Monthly, capacity factors";
const EGRID_URL = "https://www.epa.gov/egrid/summary-data";
const CARBON_CHECKED = "2026-12-06";
/**
 * Upstream (lifecycle) over stack (combustion) emissions of gas generation: the IPCC AR5 lifecycle median of combined
 * cycle (490 g/kWh) over the combustion CO2 of a new combined cycle (6,654 Btu/kWh × 53.06 kgCO2/MMBtu = 353 g/kWh):
 * 490 / 353 = 1.388. Upstream emissions (gas production, methane leakage, infrastructure) scale with the fuel burned, so
 * the same ratio sizes a simple-cycle turbine's lifecycle figure and, as an upper estimate, a grid mix's.
 */
const GAS_LIFECYCLE_RATIO = 490 / 353;
const GRID_LIFECYCLE_NOTE = `lifecycle figure sized, not sourced (no subregion lifecycle rate found, 2026-12-06): the operational rate × ${GAS_LIFECYCLE_RATIO.toFixed(3)}, gas's lifecycle / combustion ratio (IPCC AR5 490 / EIA-EPA 353 g/kWh); an upper estimate for the fossil part (coal's upstream share is smaller than gas's) that leaves out the few g/kWh of the mix's nuclear, wind and solar lifecycle emissions`;

/**
 * Ambient derating of gas turbines. Wärtsilä's technical comparison gives the simple-cycle figure: output falls "5 to
 * 10 percent, depending on the type of gas turbine" for every 10 °C above ISO conditions (15 °C); De Sa and Al Zubaidy
 * measured 1.47 MW lost per K on Siemens SGT 94.2 / 94.3 units in Dubai (a heavy-duty machine; its ISO rating is not
 * in the material searched, so that figure is cited, not used for the slope).
 */
const WARTSILA_DERATING = {
  title: "Wärtsilä, \"Combustion Engine vs Gas Turbine: Derating due to Ambient Temperature\" (technical comparison): gas-turbine output falls 5-10 % per 10 °C above ISO 15 °C; A. De Sa, S. Al Zubaidy, \"Gas turbine performance at varying ambient temperature\", Applied Thermal Engineering 31 (2011) 2735-2739: 1.47 MW per K above ISO (SGT 94.2/94.3)",
  url: "https://www.wartsila.com/energy/learn-more/technical-comparisons/combustion-engine-vs-gas-turbine-derating-due-to-ambient-temperature",
  checked: "2026-12-06",
};

/** Ranges of the derating points above ISO: a simple-cycle turbine at Wärtsilä's 5 % and 10 % per 10 °C, a combined cycle at half of each (as its curve is sized). */
const TURBINE_DERATING = "Wärtsilä (Combustion Engine vs Gas Turbine: Derating due to Ambient Temperature): output falls 5-10 % per 10 °C above ISO 15 °C";
const CCGT_DERATING = "half of Wärtsilä's simple-cycle 5-10 % per 10 °C above ISO 15 °C (Combustion Engine vs Gas Turbine: Derating due to Ambient Temperature), as the curve itself is sized, no published combined-cycle curve being found: 2.5-5 % per 10 °C";
/** The EIA capacity-factor range a source's title cites. */
const eiaCapacityFactor = (low: number, high: number) => ({ low, high, note: `${EIA}: about ${low}-${high}` });

/** The generation sources the catalog starts with (carbon intensities and capacity factors from the cited public data). */
export const BUILTIN_GENERATION_SOURCES: readonly GenerationSourceSpec[] = [
  {
    id: "gas-ccgt", description: "Natural-gas combined-cycle plant", combustionGPerKwh: 353, lifecycleGPerKwh: 490, capacityFactor: 0.57, dispatchable: true, clean: false, hourlyProfile: "dispatchable",
    ambientDerating: {
      points: [{ dryBulbC: -10, fraction: 1 }, { dryBulbC: 15, fraction: 1 }, { dryBulbC: 25, fraction: 0.9625 }, { dryBulbC: 35, fraction: 0.925 }, { dryBulbC: 45, fraction: 0.8875 }],
      source: {
        ...WARTSILA_DERATING,
        note: "no published combined-cycle curve found in the material searched (2026-12-06); sized as half the simple-cycle slope, 0.375 %/K above 15 °C (-7.5 % at 35 °C, the \"several percent\" usually quoted): the gas turbines lose the simple-cycle share while the steam bottoming cycle recovers part of it from the hotter exhaust. Below 15 °C no gain is counted (firing and generator limits cap it; conservative). An engineering estimate, not a vendor curve",
      },
    },
    ranges: {
      capacityFactor: eiaCapacityFactor(0.55, 0.6),
      "ambientDerating.points.2.fraction": { low: 0.95, high: 0.975, note: `${CCGT_DERATING}; 10 K above ISO at 25 °C` },
      "ambientDerating.points.3.fraction": { low: 0.9, high: 0.95, note: `${CCGT_DERATING}; 20 K above ISO at 35 °C` },
      "ambientDerating.points.4.fraction": { low: 0.85, high: 0.925, note: `${CCGT_DERATING}; 30 K above ISO at 45 °C` },
    },
    source: {
      title: `${IPCC} (lifecycle 490); EIA Today in Energy (2020): combined-cycle units installed since 2015 average 6,654 Btu/kWh × US EPA natural-gas factor 53.06 kgCO2/MMBtu (combustion 353); ${EIA} (about 0.55-0.6)`, checked: CARBON_CHECKED,
      note: "combustion = 6.654 MMBtu/MWh × 53.06 kg/MMBtu = 353.1 kg/MWh (stack CO2 of a new unit: Entergy's and an islanded campus's plants are new; the 2022 all-gas fleet average 7,740 Btu/kWh would give 411); lifecycle adds gas production, methane leakage and infrastructure (IPCC AR5 WGIII Annex III median, 2014)",
    },
  },
  {
    id: "gas-turbine", description: "Natural-gas simple-cycle combustion turbine", combustionGPerKwh: 590, lifecycleGPerKwh: 819, capacityFactor: 0.12, dispatchable: true, clean: false, hourlyProfile: "dispatchable",
    ambientDerating: {
      points: [{ dryBulbC: -10, fraction: 1 }, { dryBulbC: 15, fraction: 1 }, { dryBulbC: 25, fraction: 0.925 }, { dryBulbC: 35, fraction: 0.85 }, { dryBulbC: 45, fraction: 0.775 }],
      source: {
        ...WARTSILA_DERATING,
        note: "0.75 %/K above 15 °C, the middle of Wärtsilä's 5-10 % per 10 °C (-15 % at 35 °C); below 15 °C no gain is counted (compressor and generator limits cap cold-day output; conservative). No inlet-air cooling: a plant with evaporative or chilled inlets derates less",
      },
    },
    ranges: {
      "ambientDerating.points.2.fraction": { low: 0.9, high: 0.95, note: `${TURBINE_DERATING}; 10 K above ISO at 25 °C` },
      "ambientDerating.points.3.fraction": { low: 0.8, high: 0.9, note: `${TURBINE_DERATING}; 20 K above ISO at 35 °C` },
      "ambientDerating.points.4.fraction": { low: 0.7, high: 0.85, note: `${TURBINE_DERATING}; 30 K above ISO at 45 °C` },
    },
    source: {
      title: "EIA average heat rate of gas turbines (about 11,100 Btu/kWh) × EPA natural-gas factor 53.06 kgCO2/MMBtu (combustion 589, carried as 590)", checked: CARBON_CHECKED,
      note: "combustion CO2 = 11.1 MMBtu/MWh × 53.06 kg/MMBtu = 589 kg/MWh. Lifecycle sized, not sourced (IPCC AR5 has no separate simple-cycle median): 590 × 1.388 (gas's lifecycle / combustion ratio, IPCC 490 / 353) = 819 g/kWh, the upstream emissions scaling with the fuel burned",
    },
  },
  {
    id: "nuclear", description: "Nuclear power plant", combustionGPerKwh: 0, lifecycleGPerKwh: 12, capacityFactor: 0.92, dispatchable: false, clean: true, hourlyProfile: "flat",
    source: { title: `${IPCC} (lifecycle 12); ${EIA} (about 0.9+)`, checked: CHECKED, note: "treated as must-run (not load-following); no stack emissions (combustion 0)" },
  },
  {
    id: "solar-utility", description: "Utility-scale solar PV (single-axis tracking)", combustionGPerKwh: 0, lifecycleGPerKwh: 48, capacityFactor: 0.24, dispatchable: false, clean: true, hourlyProfile: "solar",
    ranges: { capacityFactor: eiaCapacityFactor(0.23, 0.25) },
    source: { title: `${IPCC} (lifecycle 48); ${EIA} (about 0.23-0.25)`, checked: CHECKED, note: "no stack emissions (combustion 0)" },
  },
  {
    id: "wind-onshore", description: "Onshore wind farm", combustionGPerKwh: 0, lifecycleGPerKwh: 11, capacityFactor: 0.34, dispatchable: false, clean: true, hourlyProfile: "wind",
    ranges: { capacityFactor: eiaCapacityFactor(0.33, 0.35) },
    source: { title: `${IPCC} (lifecycle 11); ${EIA} (about 0.33-0.35)`, checked: CHECKED, note: "no stack emissions (combustion 0)" },
  },
  {
    id: "battery-4h", description: "4-hour battery storage (firms capacity; stores energy, generates none)", combustionGPerKwh: 0, lifecycleGPerKwh: 0, capacityFactor: 0, dispatchable: true, clean: false, hourlyProfile: "storage", storageHours: 4,
    source: { title: "NREL Annual Technology Baseline, utility-scale battery storage (4-hour reference system)", checked: CHECKED, note: "no net energy over a year, so neither carbon (0 on either basis) nor clean share; the carbon of its charging energy belongs to the sources that charge it" },
  },
  {
    id: "grid-pjm-ohio", description: "Firm utility service in Ohio (PJM, eGRID subregion RFCW)", combustionGPerKwh: 416, lifecycleGPerKwh: 577, capacityFactor: 1, dispatchable: true, clean: false, hourlyProfile: "dispatchable", gridService: true,
    source: {
      title: "US EPA eGRID2023 (rev. 2, 2025-06-12), subregion RFCW total output emission rate 916.05 lb CO2e/MWh", url: EGRID_URL, checked: CHECKED,
      note: `= 415.5 g/kWh, the combustion (operational) figure: stack emissions of the average grid mix (eGRID2022 gave 1,005.9 lb/MWh, 456 g/kWh); figures read from copies of EPA's summary tables that agree with each other; ${GRID_LIFECYCLE_NOTE}: 415.5 × 1.388 = 577`,
    },
  },
  {
    id: "grid-miso-louisiana", description: "Firm utility service in Louisiana (MISO South, eGRID subregion SRMV)", combustionGPerKwh: 336, lifecycleGPerKwh: 467, capacityFactor: 1, dispatchable: true, clean: false, hourlyProfile: "dispatchable", gridService: true,
    source: {
      title: "US EPA eGRID2023 (rev. 2, 2025-06-12), subregion SRMV total output emission rate 741.7 lb CO2e/MWh", url: EGRID_URL, checked: CHECKED,
      note: `= 336.4 g/kWh, the combustion (operational) figure of the average grid mix (eGRID2022 gave 803.7 lb/MWh, 365 g/kWh); ${GRID_LIFECYCLE_NOTE}: 336.4 × 1.388 = 467`,
    },
  },
  {
    id: "grid-ercot", description: "Firm utility service in Texas (ERCOT, eGRID subregion ERCT); for a large load, curtailable in an energy emergency (Texas SB 6)", combustionGPerKwh: 334.1, lifecycleGPerKwh: 464, capacityFactor: 1, dispatchable: true, clean: false, hourlyProfile: "dispatchable", gridService: true,
    source: {
      title: "US EPA eGRID2023 (rev. 2, 2025-06-12), subregion ERCT output emission rate 733.862 lb CO2, 0.043 lb CH4 and 0.006 lb N2O per MWh", url: EGRID_URL, checked: CHECKED_SITES,
      note: `CO2e with IPCC AR5 100-year GWPs (CH4 28, N2O 265): 733.862 + 1.204 + 1.590 = 736.656 lb/MWh = 334.1 g/kWh, the combustion (operational) figure; read from copies of EPA's summary table 1 in three public repositories that agree to the last digit; ${GRID_LIFECYCLE_NOTE}: 334.1 × 1.388 = 464`,
    },
  },
  {
    id: "grid-pjm-dominion", description: "Firm utility service in Northern Virginia (PJM Dominion zone, eGRID subregion SRVC)", combustionGPerKwh: 269.2, lifecycleGPerKwh: 374, capacityFactor: 1, dispatchable: true, clean: false, hourlyProfile: "dispatchable", gridService: true,
    source: {
      title: "US EPA eGRID2023 (rev. 2, 2025-06-12), subregion SRVC output emission rate 593.419 lb CO2 per MWh", url: EGRID_URL, checked: CHECKED_SITES,
      note: `593.419 lb/MWh = 269.2 g/kWh of CO2, the combustion (operational) figure; the subregion's CH4 and N2O rates were not found (they add about 0.5 % elsewhere: ERCT, AZNM, CAMX); ${GRID_LIFECYCLE_NOTE}: 269.2 × 1.388 = 374`,
    },
  },
  {
    id: "grid-spp", description: "Firm utility service in SPP South (eGRID subregion SPSO: Oklahoma, western Arkansas and Louisiana)", combustionGPerKwh: 395.6, lifecycleGPerKwh: 549, capacityFactor: 1, dispatchable: true, clean: false, hourlyProfile: "dispatchable", gridService: true,
    source: {
      title: "US EPA eGRID2023 (rev. 2, 2025-06-12), subregion SPSO output emission rate 872.042 lb CO2 per MWh", url: EGRID_URL, checked: CHECKED_SITES,
      note: `872.042 lb/MWh = 395.6 g/kWh of CO2, the combustion (operational) figure; CH4 and N2O not found (about 0.5 % more); ${GRID_LIFECYCLE_NOTE}: 395.6 × 1.388 = 549`,
    },
  },
  {
    id: "grid-caiso", description: "Firm utility service in California (CAISO, eGRID subregion CAMX)", combustionGPerKwh: 195.0, lifecycleGPerKwh: 271, capacityFactor: 1, dispatchable: true, clean: false, hourlyProfile: "dispatchable", gridService: true,
    source: {
      title: "US EPA eGRID2023 (rev. 2, 2025-06-12), subregion CAMX output emission rate 428.464 lb CO2, 0.025 lb CH4 and 0.003 lb N2O per MWh", url: EGRID_URL, checked: CHECKED_SITES,
      note: `CO2e with IPCC AR5 GWPs: 428.464 + 0.700 + 0.795 = 429.959 lb/MWh = 195.0 g/kWh (a public calibration note gives CAMX CO2e as 429.983), the combustion (operational) figure; ${GRID_LIFECYCLE_NOTE}: 195.0 × 1.388 = 271`,
    },
  },
  {
    id: "grid-georgia", description: "Firm utility service in Georgia (Georgia Power, SERC South, eGRID subregion SRSO)", combustionGPerKwh: 382.1, lifecycleGPerKwh: 530, capacityFactor: 1, dispatchable: true, clean: false, hourlyProfile: "dispatchable", gridService: true,
    source: {
      title: "US EPA eGRID2023 (rev. 2, 2025-06-12), subregion SRSO output emission rate 842.329 lb CO2 per MWh", url: EGRID_URL, checked: CHECKED_SITES,
      note: `842.329 lb/MWh = 382.1 g/kWh of CO2, the combustion (operational) figure; CH4 and N2O not found (about 0.5 % more); ${GRID_LIFECYCLE_NOTE}: 382.1 × 1.388 = 530`,
    },
  },
  {
    id: "grid-arizona", description: "Firm utility service in Arizona (WECC Southwest, eGRID subregion AZNM)", combustionGPerKwh: 320.3, lifecycleGPerKwh: 445, capacityFactor: 1, dispatchable: true, clean: false, hourlyProfile: "dispatchable", gridService: true,
    source: {
      title: "US EPA eGRID2023 (rev. 2, 2025-06-12), subregion AZNM output emission rate 703.703 lb CO2, 0.039 lb CH4 and 0.005 lb N2O per MWh", url: EGRID_URL, checked: CHECKED_SITES,
      note: `CO2e with IPCC AR5 GWPs: 703.703 + 1.092 + 1.325 = 706.120 lb/MWh = 320.3 g/kWh, the combustion (operational) figure; ${GRID_LIFECYCLE_NOTE}: 320.3 × 1.388 = 445`,
    },
  },
  {
    id: "grid-northwest", description: "Firm utility service in the Pacific Northwest (WECC Northwest, eGRID subregion NWPP)", combustionGPerKwh: 287.2, lifecycleGPerKwh: 399, capacityFactor: 1, dispatchable: true, clean: false, hourlyProfile: "dispatchable", gridService: true,
    source: {
      title: "US EPA eGRID2023 (rev. 2, 2025-06-12), subregion NWPP output emission rate 631.735 lb CO2 and 0.054 lb CH4 per MWh", url: EGRID_URL, checked: CHECKED_SITES,
      note: `631.735 + 28 × 0.054 = 633.247 lb/MWh = 287.2 g/kWh without N2O (not found, about 0.3 % more); the subregion's average: a hydro utility's own mix (Grant County PUD at Quincy) is far cleaner, not in the catalog; ${GRID_LIFECYCLE_NOTE}: 287.2 × 1.388 = 399`,
    },
  },
  {
    id: "grid-miso-iowa", description: "Firm utility service in Iowa (MISO West, eGRID subregion MROW)", combustionGPerKwh: 420.3, lifecycleGPerKwh: 583, capacityFactor: 1, dispatchable: true, clean: false, hourlyProfile: "dispatchable", gridService: true,
    source: {
      title: "US EPA eGRID2023 (rev. 2, 2025-06-12), subregion MROW output emission rate 920.130 lb CO2, 0.097 lb CH4 and 0.014 lb N2O per MWh", url: EGRID_URL, checked: CHECKED_SITES,
      note: `CO2e with IPCC AR5 GWPs: 920.130 + 2.716 + 3.710 = 926.556 lb/MWh = 420.3 g/kWh, the combustion (operational) figure; ${GRID_LIFECYCLE_NOTE}: 420.3 × 1.388 = 583`,
    },
  },
  {
    id: "grid-us-average", description: "Firm utility service at the US average grid mix", combustionGPerKwh: 350, lifecycleGPerKwh: 485, capacityFactor: 1, dispatchable: true, clean: false, hourlyProfile: "dispatchable", gridService: true,
    source: {
      title: "US EPA eGRID2023 (rev. 2, 2025-06-12), US total output emission rate 770.9 lb CO2e/MWh", url: EGRID_URL, checked: CHECKED,
      note: `= 349.7 g/kWh, the combustion (operational) figure (eGRID2022 gave 827.5 lb/MWh, 375 g/kWh; EIA gives 0.81 lb CO2/kWh for 2023); ${GRID_LIFECYCLE_NOTE}: 349.7 × 1.388 = 485`,
    },
  },
];
