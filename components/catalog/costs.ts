/**
 * Built-in cost figures (US dollars), each a low / base / high range with its source. Hardware prices are not public
 * list prices: they are analysts' estimates relayed by the trade press, so the ranges are wide on purpose.
 */
import type { CoolingPlantCostSpec, EnergyPriceSpec, FacilityCostSpec, GenerationCostSpec, RackHardwareCostSpec, WaterPriceSpec } from "./costSchema";

const CHECKED = "2026-11-25";
const M = 1e6;
/** Meta's depreciation life for servers and network equipment from 2025 (Meta 2025 10-K). */
const SERVER_LIFE = 5.5;
/** IT hardware support as a share of capex a year: DGX support lists at 20 % a year (an upper bound for hyperscalers, who self-maintain); assumption 3 %. */
const IT_SUPPORT = 0.03;
const META_LIFE = "useful life 5.5 years: Meta 2025 10-K (servers and network assets, from January 2025)";

/** Built-in IT hardware cost ranges, one per built-in rack design. */
export const BUILTIN_RACK_HARDWARE_COSTS: readonly RackHardwareCostSpec[] = [
  {
    id: "gb200-nvl72", usdPerRack: { low: 2.8 * M, base: 3.4 * M, high: 4.0 * M }, usefulLifeYears: SERVER_LIFE, maintenanceShareOfCapex: IT_SUPPORT,
    source: {
      title: "GB200 NVL72 rack about $3.0-3.1M (Xataka, 2025; SemiAnalysis via fetchlogic.net), $3.5-4.0M (Morgan Stanley via BuySellRam, 2026)",
      url: "https://www.buysellram.com/blog/why-nvidias-vera-rubin-racks-cost-double-and-memory", checked: CHECKED,
      note: `analysts' estimates, not list prices; the range spans them. ${META_LIFE}; support 3 %/yr is an assumption (DGX support lists at 20 %)`,
    },
  },
  {
    id: "gb300-nvl72", usdPerRack: { low: 3.4 * M, base: 3.9 * M, high: 4.5 * M }, usefulLifeYears: SERVER_LIFE, maintenanceShareOfCapex: IT_SUPPORT,
    source: {
      title: "GB300 NVL72 rack \"roughly $4 million\" (Morgan Stanley via Blogerroom, 2026); $3-4M (awesomeagents.ai, 2025)",
      url: "https://blogerroom.com/technology/nvidias-next-ai-rack-costs-78-million-what-the-vera-rubin-vr200-price-tag-t", checked: CHECKED,
      note: `analysts' estimates; ${META_LIFE}`,
    },
  },
  {
    id: "vera-rubin-nvl72", usdPerRack: { low: 6.0 * M, base: 7.8 * M, high: 9.1 * M }, usefulLifeYears: SERVER_LIFE, maintenanceShareOfCapex: IT_SUPPORT,
    source: {
      title: "Vera Rubin VR200 NVL72 \"an estimated $7,803,148\", up to $9.1M (Morgan Stanley, 2026-05, via faq.com.tw); up to $8.8M (NextFin, 2026)",
      url: "https://www.nextfin.ai/en/news/nvidia-vera-rubin-racks-8-8-million-cef5ec503d", checked: CHECKED,
      note: `low end an assumption (early volume discounts, about 25 % under base); ${META_LIFE}`,
    },
  },
  {
    id: "hgx-h100-air-rack", usdPerRack: { low: 0.8 * M, base: 1.12 * M, high: 1.28 * M }, usefulLifeYears: SERVER_LIFE, maintenanceShareOfCapex: IT_SUPPORT,
    source: {
      title: "4 × 8-GPU H100 servers: DGX H100 list $199k (Supercluster, 2024), OEM HGX H100 quote about $317k with InfiniBand cards (Thinkmate, via a public cluster cost model)",
      url: "https://www.supercluster.blog/p/4-nvidia-dgx-h100-hardware", checked: CHECKED, note: "per server 200 / 280 / 320 k$; rack and PDUs included in the range",
    },
  },
  {
    id: "hgx-b200-air-rack", usdPerRack: { low: 1.4 * M, base: 1.68 * M, high: 2.06 * M }, usefulLifeYears: SERVER_LIFE, maintenanceShareOfCapex: IT_SUPPORT,
    source: {
      title: "4 × 8-GPU B200 servers: DGX B200 $515k (vengineer, 2025-03-16)", url: "https://vengineer.hatenablog.com/entry/2025/03/16/080000", checked: CHECKED,
      note: "per server 350 / 420 / 515 k$: the DGX price is the high end; OEM HGX discounts are an assumption",
    },
  },
  {
    id: "mi300x-air-rack", usdPerRack: { low: 0.6 * M, base: 0.8 * M, high: 1.0 * M }, usefulLifeYears: SERVER_LIFE, maintenanceShareOfCapex: IT_SUPPORT,
    source: {
      title: "4 × 8-GPU MI300X platforms; MI300X street price $10-15k per GPU (awesomeagents.ai, 2025)", url: "https://awesomeagents.ai/hardware/amd-mi300x", checked: CHECKED,
      note: "per platform 150 / 200 / 250 k$: eight GPUs at street price plus a host (assumption); no public platform price",
    },
  },
  {
    id: "mi355x-liquid-rack", usdPerRack: { low: 2.0 * M, base: 2.56 * M, high: 3.2 * M }, usefulLifeYears: SERVER_LIFE, maintenanceShareOfCapex: IT_SUPPORT,
    source: {
      title: "8 × 8-GPU MI355X platforms; MI355X \"approximately 2.75 times cheaper per GPU than the NVIDIA B300\" (AxBrief, 2026)",
      url: "https://axbrief.com/en/article/amd-mi355x-delivers-80-of-b200-performance-at-2-75x-lower-cost-31123", checked: CHECKED,
      note: "per platform 250 / 320 / 400 k$: an assumption sized from that ratio against a GB300 rack's per-GPU price; no public platform price",
    },
  },
];

const HEAT_REJECTION_NOTE = "no public per-kW figure was found: assumption sized from equipment quotes in the trade press (dry and adiabatic coolers 100-300 $/kW); 20-year life, 2 %/yr maintenance (assumptions)";

/** Built-in heat-rejection plant cost ranges, per cooling technology. */
export const BUILTIN_COOLING_PLANT_COSTS: readonly CoolingPlantCostSpec[] = [
  { id: "dry-cooler", usdPerKw: { low: 100, base: 150, high: 250 }, usefulLifeYears: 20, maintenanceShareOfCapex: 0.02, source: { title: "Heat-rejection plant cost per kW installed (assumption)", checked: CHECKED, note: HEAT_REJECTION_NOTE } },
  { id: "adiabatic", usdPerKw: { low: 100, base: 180, high: 300 }, usefulLifeYears: 20, maintenanceShareOfCapex: 0.02, source: { title: "Heat-rejection plant cost per kW installed (assumption)", checked: CHECKED, note: `${HEAT_REJECTION_NOTE}; pads, pumps and water treatment above a dry cooler` } },
  { id: "evaporative-tower", usdPerKw: { low: 60, base: 100, high: 150 }, usefulLifeYears: 20, maintenanceShareOfCapex: 0.03, source: { title: "Heat-rejection plant cost per kW installed (assumption)", checked: CHECKED, note: `${HEAT_REJECTION_NOTE}; towers with plate heat exchangers are cheaper per kW, dearer to maintain` } },
  { id: "chiller", usdPerKw: { low: 300, base: 450, high: 600 }, usefulLifeYears: 20, maintenanceShareOfCapex: 0.03, source: { title: "Air-cooled chiller plant cost per kW installed (assumption)", checked: CHECKED, note: "no public per-kW figure was found: assumption (compressors and condensers, about 3× a dry cooler)" } },
];

/** The building class halls use unless they name another. */
export const DEFAULT_FACILITY_COST = "hyperscale-liquid-ai";

/** Built-in data-hall building classes and their cost ranges. */
export const BUILTIN_FACILITY_COSTS: readonly FacilityCostSpec[] = [
  {
    id: DEFAULT_FACILITY_COST,
    description: "US hyperscale data hall for liquid-cooled AI racks",
    shellUsdPerMwIt: { low: 4.7 * M, base: 6.0 * M, high: 7.8 * M },
    electricalUsdPerMwIt: { low: 3.2 * M, base: 4.0 * M, high: 5.2 * M },
    mechanicalUsdPerMwIt: { low: 2.0 * M, base: 2.4 * M, high: 3.1 * M },
    networkUsdPerGpu: { low: 3000, base: 5000, high: 9000 },
    shellUsefulLifeYears: 25,
    electricalUsefulLifeYears: 15,
    mechanicalUsefulLifeYears: 15,
    networkUsefulLifeYears: SERVER_LIFE,
    maintenanceShareOfCapex: 0.02,
    source: {
      title: "Cushman & Wakefield Data Center Development Cost Guide 2025 ($11.7M per MW of critical IT, range $9.3-15.0M; critical capacity 53 %, shell 21 %, site 10 %, white space 10 %); Turner & Townsend DCCCI 2025-26 (+7-10 % for AI data centres in the US)",
      url: "https://cushwake.cld.bz/Data-Center-Development-Cost-Guide-2025/6-7", checked: CHECKED,
      note: "total × (1.07 / 1.085 / 1.10) for the AI premium; critical capacity split 60 % electrical / 40 % mechanical (assumption), mechanical less the heat-rejection plant priced per technology; shell carries the rest (shell, site, white space, back of house). Network 3-9 k$ per GPU: a public cluster cost model (about 6.6 k$ for 400G InfiniBand) and the 20-30 % of GPU cost rule of thumb. Lives 25 / 15 / 15 years and 2 %/yr maintenance are assumptions; land, soft costs and owner-furnished equipment are excluded, as in the guide",
    },
  },
];

/** Built-in cost ranges of owned generation, per generation source. */
export const BUILTIN_GENERATION_COSTS: readonly GenerationCostSpec[] = [
  {
    id: "gas-turbine", usdPerKw: { low: 1000, base: 1600, high: 4000 }, variableUsdPerMwh: { low: 33, base: 42, high: 58 }, usefulLifeYears: 25, maintenanceShareOfCapex: 0.0125,
    source: {
      title: "Simple-cycle gas: about $1,000/kW for large turbines (Thunder Said Energy); Williams Socrates $1.6B for 400 MW incl. pipeline, about $4,000/kW (Hart Energy, 2025-05); Henry Hub $3.53/MMBtu in 2025, EIA STEO $3.46 (2026) and $4.59 (2027)",
      checked: CHECKED, note: "fuel at a heat rate of 8.5-10.5 MMBtu/MWh × $3.0-4.6/MMBtu = $30-53/MWh plus about $3-5/MWh variable O&M; fixed O&M about $20/kW-yr (1.25 % of capex, assumption)",
    },
  },
  {
    id: "gas-ccgt", usdPerKw: { low: 1400, base: 2150, high: 2500 }, variableUsdPerMwh: { low: 22, base: 27, high: 38 }, usefulLifeYears: 30, maintenanceShareOfCapex: 0.013,
    source: {
      title: "Entergy's three CCGTs for Hyperion: 2,262 MW for $3.2B, about $1,415/kW (S&P Global, 2025-08-20); US combined-cycle cost about $2,157/kW in 2025 (BNEF, via substack 2026)",
      checked: CHECKED, note: "fuel at 6.4 MMBtu/MWh × $3.0-4.6/MMBtu plus $3/MWh variable O&M; high end $2,500/kW (Reuters: above $2,400/kW)",
    },
  },
  {
    id: "solar-utility", usdPerKw: { low: 1100, base: 1400, high: 1700 }, variableUsdPerMwh: { low: 0, base: 0, high: 0 }, usefulLifeYears: 30, maintenanceShareOfCapex: 0.015,
    source: { title: "NREL Annual Technology Baseline 2024, utility PV (tracking)", url: "https://atb.nrel.gov/", checked: CHECKED, note: "ATB tables not in the stored pages: figures from memory of the 2024 ATB, to check" },
  },
  {
    id: "wind-onshore", usdPerKw: { low: 1300, base: 1700, high: 2100 }, variableUsdPerMwh: { low: 0, base: 0, high: 0 }, usefulLifeYears: 25, maintenanceShareOfCapex: 0.025,
    source: { title: "NREL Annual Technology Baseline 2024, land-based wind", url: "https://atb.nrel.gov/", checked: CHECKED, note: "ATB tables not in the stored pages: figures from memory, to check" },
  },
  {
    id: "battery-4h", usdPerKw: { low: 1500, base: 1900, high: 2300 }, variableUsdPerMwh: { low: 0, base: 0, high: 0 }, usefulLifeYears: 15, maintenanceShareOfCapex: 0.025,
    source: { title: "NREL Annual Technology Baseline 2024, utility-scale 4-hour battery", url: "https://atb.nrel.gov/", checked: CHECKED, note: "ATB tables not in the stored pages: figures from memory, to check" },
  },
  {
    id: "nuclear", usdPerKw: { low: 6000, base: 9000, high: 13000 }, variableUsdPerMwh: { low: 8, base: 10, high: 14 }, usefulLifeYears: 60, maintenanceShareOfCapex: 0.015,
    source: { title: "NREL Annual Technology Baseline 2024, nuclear (large and small modular); INL SMR cost studies", url: "https://atb.nrel.gov/", checked: CHECKED, note: "first-of-a-kind SMR costs are uncertain; figures from memory, to check" },
  },
];

/**
 * A grid's all-in price from EIA's 2023 state industrial average, as the site grids of issue 36 are priced: base the
 * state's average revenue per kWh, low −15 % and high +30 % for the rise since 2023 and a large load's own tariff (an
 * assumption, sized as for the Louisiana grid), escalating 1.7 % a year nominal from 2023 (EIA AEO2025 reference case).
 */
function eiaIndustrialPrice(id: string, state: string, centsPerKwh: number, more?: string): EnergyPriceSpec {
  const base = Math.round(centsPerKwh * 100) / 10;
  return {
    id, usdPerMwh: { low: Math.round(base * 0.85), base, high: Math.round(base * 1.3) }, escalationPerYear: 0.017, priceYear: 2023,
    source: {
      title: `EIA Electric Power Annual 2023 (released 2024-10-17): ${state} industrial average revenue ${centsPerKwh.toFixed(2)} ¢/kWh`,
      url: "https://www.eia.gov/electricity/annual/secrev-map.php", checked: "2026-12-07",
      note: `all-in (energy, capacity and delivery in the price); range −15 % / +30 % for the rise since 2023 and a large load's tariff (assumption, as for the Louisiana grid); escalation 1.7 %/yr nominal from 2023 (EIA AEO2025 reference case, all sectors)${more ? `. ${more}` : ""}`,
    },
  };
}

/** Built-in energy price ranges of contracts that state no price, per generation source. */
export const BUILTIN_ENERGY_PRICES: readonly EnergyPriceSpec[] = [
  {
    id: "grid-pjm-ohio", usdPerMwh: { low: 33.74, base: 50.51, high: 65 },
    escalationPerYear: 0.017, priceYear: 2025,
    capacityUsdPerMwDay: { low: 177.24, base: 333.44, high: 529.8 },
    demandUsdPerKwMonth: { low: 6, base: 9, high: 12 },
    minimumDemandShare: 0.85,
    source: {
      title: "Energy at PJM's load-weighted average real-time LMP: $33.74/MWh (2024), $50.51 (January-September 2025) (Monitoring Analytics, via RTO Insider 2025-03-13 and third-news 2025-11); PJM capacity $333.44/MW-day (2027/28 cap), floor $177.24, $529.80 uncapped (Camelot Energy Group, 2025-12-30; felpower.com); AEP Ohio data-centre tariff: at least 85 % of contracted demand billed (PUCO order 2025-07-09)",
      url: "https://rtowww.com/100674-pjm-market-monitor-publishes-mixed-views-annual-report", checked: "2026-12-07",
      note: "the tariff billed in parts, the capacity price passed through at PJM's clearing price. The demand (delivery) charge is not public in the stored sources: sized as what the Ohio industrial average (7.90 ¢/kWh, EIA EPM table 5.6.A, April 2025) leaves after energy ($50.51) and capacity ($333.44 / 21.6 h = $15.4/MWh at a 90 % load factor): $13.1/MWh × 0.9 × 730 h = $8.6/kW-month, range ±33 % (assumption). High energy +29 % over 2025 (assumption). Escalation 1.7 %/yr nominal: EIA AEO2025 reference case, all-sector prices from 13 ¢/kWh (2024) to above 20 ¢ in 2050 (Latitude Media, 2025-04)",
    },
  },
  {
    id: "grid-miso-louisiana", usdPerMwh: { low: 55, base: 68, high: 80 }, escalationPerYear: 0.017, priceYear: 2023,
    source: { title: "EIA Electric Power Annual 2023: Louisiana industrial 5.88 ¢/kWh", url: "https://www.eia.gov/electricity/annual/secrev-map.php", checked: CHECKED, note: "2025 figure not in the stored pages; range sized for the rise since 2023 and for new-build recovery. All-in (capacity and delivery in the price). Escalation 1.7 %/yr nominal from 2023: EIA AEO2025 reference case, all sectors (13 ¢/kWh in 2024 to above 20 ¢ in 2050; Latitude Media, 2025-04)" },
  },
  eiaIndustrialPrice("grid-ercot", "Texas", 6.6, "ERCOT's energy-only wholesale price averaged $32/MWh in real time in 2024 (Potomac Economics, State of the Market, via RTO Insider); retail adds transmission (4CP) and delivery"),
  eiaIndustrialPrice("grid-pjm-dominion", "Virginia", 8.92, "Dominion's GS-5 class for loads of 25 MW or more (Virginia SCC order 2025-11-25, from 2027-01-01) bills at least 85 % of contracted transmission and distribution demand and 60 % of generation demand over 14-year agreements; its charges were not found, so the minimum is not billed apart. PJM capacity in the DOM zone: $444.26/MW-day (2025/26), $329.17 (2026/27, the cap), $333.34 (2027/28, the cap; $542.83 uncapped), within the all-in price"),
  eiaIndustrialPrice("grid-spp", "Oklahoma", 6.26, "SPP has no capacity market: load-serving entities meet its 16 % summer and 36 % winter planning reserve margins (RR622, 2024-08) bilaterally"),
  eiaIndustrialPrice("grid-caiso", "California", 18.64, "Resource adequacy capacity is bought bilaterally: $3.63/kW-month on average in 2019, trades above $60 (to $82.94) in summer 2023 (CalCCA)"),
  eiaIndustrialPrice("grid-georgia", "Georgia", 6.88),
  eiaIndustrialPrice("grid-arizona", "Arizona", 8.11),
  eiaIndustrialPrice("grid-northwest", "Washington", 6.35, "Washington's average; Grant County PUD's hydro rates at Quincy are lower (not found)"),
  eiaIndustrialPrice("grid-miso-iowa", "Iowa", 6.91),
  {
    id: "grid-us-average", usdPerMwh: { low: 70, base: 81, high: 95 }, escalationPerYear: 0.017, priceYear: 2025,
    source: { title: "EIA Electric Power Monthly: US average industrial price about 8.1 ¢/kWh (2025)", url: "https://www.eia.gov/electricity/monthly/", checked: CHECKED, note: "figure from memory of the 2025 monthly tables, to check. All-in. Escalation 1.7 %/yr nominal: EIA AEO2025 reference case, all sectors" },
  },
  {
    id: "gas-turbine", usdPerMwh: { low: 85, base: 101, high: 130 },
    source: {
      title: "Williams Socrates: $320M a year of revenue for 400 MW under a 10-year fixed-price agreement (AInvest, 2025-03)",
      url: "https://www.ainvest.com/news/williams-trading-volume-drops-40-69-ranking-253rd-1-6-billion-project-socrates-drives-data-center-demand-2503", checked: CHECKED,
      note: "$320M / (400 MW × 8,760 h × 0.9) = $101/MWh; range for utilisation and fuel pass-through (assumption)",
    },
  },
  {
    id: "gas-ccgt", usdPerMwh: { low: 55, base: 68, high: 85 }, escalationPerYear: 0.017, priceYear: 2023,
    source: { title: "Utility service backed by new combined-cycle plants: Louisiana industrial average (EIA 2023: 5.88 ¢/kWh) with new-build recovery", checked: CHECKED, note: "Entergy's Hyperion tariff is not public; assumption. A utility service escalates like the grid: 1.7 %/yr nominal from 2023 (EIA AEO2025 reference case, all sectors)" },
  },
  {
    id: "nuclear", usdPerMwh: { low: 70, base: 85, high: 100 },
    source: { title: "Nuclear PPAs with existing plants for data centres (2024-2026)", checked: CHECKED, note: "prices of Meta's and others' nuclear deals are not public; assumption sized from analyst estimates of $80-100/MWh" },
  },
  {
    id: "solar-utility", usdPerMwh: { low: 59.77, base: 64.95, high: 81.03 },
    source: {
      title: "LevelTen P25 solar PPA index: Q3 2025 market average $59.77/MWh (pv magazine, 2025-10-15); Q4 2025 MISO $64.95, PJM $81.03 (pv magazine USA, 2026-01-30)", url: "https://www.leveltenenergy.com/post/levelten-q4-2025-north-american-ppa-price-index-solar-prices-rise-while-wind-experiences-a-slight-decline", checked: "2026-12-07",
      note: "the 25th percentile of offers, a buyer's price; flat over the term (no escalator), as the index quotes. Base MISO, high PJM (audit-2026-12 §4 for the Q4 levels)",
    },
  },
  {
    id: "wind-onshore", usdPerMwh: { low: 60, base: 74.69, high: 90 },
    source: { title: "LevelTen P25 wind PPA index: Q3 2025 market average $74.69/MWh (pv magazine, 2025-10-15); Q4 2025 −1 % on the quarter (LevelTen, 2026-01-27)", url: "https://www.leveltenenergy.com/post/levelten-q4-2025-north-american-ppa-price-index-solar-prices-rise-while-wind-experiences-a-slight-decline", checked: "2026-12-07", note: "range ±20 % for regional spread (assumption); flat over the term" },
  },
  { id: "battery-4h", usdPerMwh: { low: 100, base: 150, high: 200 }, source: { title: "Storage tolling price per MWh discharged (assumption)", checked: CHECKED, note: "no public figure: assumption" } },
];

/** Built-in make-up water price ranges, per climate. */
export const BUILTIN_WATER_PRICES: readonly WaterPriceSpec[] = [
  {
    id: "central-ohio", usdPerM3: { low: 1.3, base: 1.7, high: 2.3 },
    source: { title: "City of Columbus water rates (ordinance 2836-2024, from 2025-01-01; 2026 commercial commodity adjustment)", checked: CHECKED, note: "the commercial rate chart was not readable in the stored pages: range from memory of Columbus's inside-city commodity charges, to check" },
  },
  {
    id: "north-louisiana", usdPerM3: { low: 0.05, base: 0.15, high: 0.3 },
    source: {
      title: "Hyperion's water is its own groundwater (Mississippi River Alluvial Aquifer), with no tariff (The Advocate via WBRZ, 2025-12-21)",
      url: "https://www.wbrz.com/news/meta-s-louisiana-data-center-causing-concern-over-water-usage", checked: CHECKED, note: "the cost is pumping and treatment: assumption",
    },
  },
  { id: "temperate-generic", usdPerM3: { low: 1.0, base: 2.0, high: 3.0 }, source: { title: "US municipal commercial water rates (assumption)", checked: CHECKED, note: "a generic site: assumption" } },
  // The six AI-site climates (issue 36). No utility's commercial or industrial volume rate was readable for any of them
  // (the rate tables sit in PDFs and board documents the stored pages do not reach); each range is sized from what was
  // found, said so in its note. A 1,000 US gal is 3.785 m³.
  {
    id: "abilene-tx", usdPerM3: { low: 0.94, base: 1.6, high: 2.25 },
    source: {
      title: "City of Abilene water billing structures (Ordinance 41-2022, effective 2022-08-11)", url: "https://www.abilenetx.gov/430/Billing-Structures", checked: "2026-12-07",
      note: "residential volume tiers $3.55 / $6.05 / $8.50 per 1,000 gal (0.94 / 1.60 / 2.25 USD/m³) taken as the range: the commercial and industrial rates (a single commercial tier under the 2019 five-year plan, Abilene Reporter-News 2019-07-25) were not readable; what the Stargate campus pays was not found (closed-loop cooling draws little)",
    },
  },
  {
    id: "phoenix-az", usdPerM3: { low: 0.15, base: 1.5, high: 3.0 },
    source: {
      title: "City of Phoenix water rates (seasonal per-CCF charges; raw-water charge $0.42 per CCF from 2022-03-01; +6.5 % Oct 2023, +6.5 % Mar 2024, +13 % Mar 2025)", url: "https://www.phoenix.gov/waterservices/customerservices/rateinfo", checked: "2026-12-07",
      note: "the commercial volume rate was NOT FOUND: low end the raw-water charge (0.15 USD/m³, from a secondary copy of the city's page), base and high sized as a desert city's commercial potable rate (assumption); Mesa's large-customer class and Meta's 2021 water agreement with Mesa are not public figures",
    },
  },
  {
    id: "loudoun-va", usdPerM3: { low: 0.4, base: 0.8, high: 1.7 },
    source: {
      title: "Loudoun Water reclaimed water developer FAQ ($1.50 per 1,000 gal, 'nearly half the rate of potable water')", url: "https://www.loudounwater.org/reclaimed-water-developer-faq", checked: "2026-12-07",
      note: "low: reclaimed water for cooling, 0.40 USD/m³ (the FAQ, undated); base: potable at about twice that, 0.8 USD/m³ (inferred from the FAQ's wording, not a published rate); high: the 2016 residential second tier $6.41 per 1,000 gal (1.69 USD/m³, LoudounNow 2015-12-18); the current commercial schedule was not readable",
    },
  },
  {
    id: "quincy-wa", usdPerM3: { low: 0.5, base: 1.5, high: 3.0 },
    source: {
      title: "City of Quincy utility rates 2023 (Columbia Basin Herald, 2022-12-26: data-centre sewer $10.49 per 100 ft³ of discharge)", checked: "2026-12-07",
      note: "the industrial potable and reuse-water volume rates were NOT FOUND; range sized as a small-city industrial rate (assumption). The city charges data centres 3.70 USD per m³ discharged to its sewer: blowdown there costs more than make-up (not modelled: the model prices make-up water only)",
    },
  },
  {
    id: "newton-county-ga", usdPerM3: { low: 0.81, base: 1.82, high: 2.64 },
    source: {
      title: "Newton County Water & Sewerage Authority rates from 2022-07-01 (Rockdale Newton Citizen, 2022-06-08)", checked: "2026-12-07",
      note: "residential tiers $3.06 / $6.90 / $10.00 per 1,000 gal (0.81 / 1.82 / 2.64 USD/m³) taken as the range: the commercial rate was NOT FOUND",
    },
  },
  {
    id: "council-bluffs-ia", usdPerM3: { low: 1.0, base: 1.43, high: 2.0 },
    source: {
      title: "Council Bluffs Water Works (The Daily Nonpareil, 2021-01-01: an average residential customer pays $270 a year for 50,000 gal)", checked: "2026-12-07",
      note: "base: $5.40 per 1,000 gal with fixed charges (1.43 USD/m³); low and high sized ±30-40 % (assumption): the commercial volume rate was NOT FOUND",
    },
  },
];
