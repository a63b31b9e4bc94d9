/**
 * Built-in heat-rejection technologies. Water per kWh follows from physics (evaporation + blowdown); when a plant
 * runs wet and how much of the heat it evaporates in those hours follow the hour's air (physics/hourlyCooling.ts
 * wetHourEvaporativeShare) from the sourced figures below.
 */
import type { CoolingTechnologySpec } from "./schema";

const CHECKED = "2026-11-25";

/** The heat-rejection technologies the catalog starts with. */
export const BUILTIN_COOLING_TECHNOLOGIES: readonly CoolingTechnologySpec[] = [
  {
    id: "dry-cooler", description: "Closed-loop dry coolers: no water on site, more fan power in hot weather",
    evaporativeFraction: 0, cyclesOfConcentration: 5,
    powerKwPerKwHeat: 0.05, powerKwPerKwHeatRange: [0.03, 0.08], ambientBasis: "dry-bulb", approachK: 6, mechanicalSupplyC: 18, defaultUnitCapacityKw: 1500,
    source: { title: "Vendor dry-cooler material (closed loop, near-zero site water); reference/figures.md", checked: CHECKED, note: "assumptions: fans 0.05 kW per kW rejected (range 0.03-0.08), 6 K approach to dry bulb, 1.5 MW units" },
  },
  {
    id: "adiabatic", description: "Dry coolers with adiabatic pre-cooling: evaporate water on hot hours only",
    evaporativeFraction: 0.5, cyclesOfConcentration: 3,
    powerKwPerKwHeat: 0.035, powerKwPerKwHeatRange: [0.02, 0.06], ambientBasis: "wet-bulb", approachK: 8, dryApproachK: 6, mechanicalSupplyC: 18, defaultUnitCapacityKw: 1500,
    source: {
      title: "Hyperscale WUE reports 0.2-0.5 L/kWh (operators' sustainability reports); The Green Grid WUE", checked: CHECKED,
      note: "assumptions: runs dry (6 K approach to the dry bulb, as the dry cooler) until wetting the pads makes colder water, then wet (8 K approach to the wet bulb, for incomplete saturation); half the heat is evaporated at the design hour (psychrometric balance: pads at about 85 % effectiveness cool 32 °C air to 26 °C, which leaves the coil near 38 °C: (32 − 26) / (38 − 26) = 0.5); each wet hour scales it by its own pad cooling, 0.85 × (dry − wet bulb), and fan speed (physics/water.ts padEvaporatedShare; pad saturation effectiveness 0.75-0.95, S. K. Wang, Handbook of Air Conditioning and Refrigeration, 2nd ed. 2001, §9.8, read 2026-12-06); 3 cycles",
    },
  },
  {
    id: "evaporative-tower", description: "Open evaporative cooling towers with plate heat exchangers",
    evaporativeFraction: 1, cyclesOfConcentration: 5,
    powerKwPerKwHeat: 0.025, powerKwPerKwHeatRange: [0.015, 0.04], ambientBasis: "wet-bulb", approachK: 5, mechanicalSupplyC: 18, defaultUnitCapacityKw: 3000,
    source: {
      title: "Cooling-tower handbooks: 1.8-2.2 L per kWh of heat with blowdown; reference/figures.md", checked: CHECKED,
      note: "evaporated share of the heat each hour from the entering air's dry bulb: GB/T 50050-2017 evaporation-loss coefficient K_ZF (0.0008 per K at −10 °C to 0.0016 at 40 °C) × latent heat / cp of water = 0.43-0.86 (physics/water.ts towerEvaporatedShare, 2026-12-06; summer end agrees with Perry's / CTI 0.00085 × 1.8 per °C = 0.83); evaporativeFraction 1 takes that share as published. Assumptions: 5 cycles of concentration (1.6 L/kWh evaporation × 5/4 = 2.0 L/kWh of evaporated heat), fans and pumps 0.025 kW/kW, 5 K approach (tower + exchanger) to wet bulb, 3 MW cells",
    },
  },
  {
    id: "chiller", description: "Air-cooled mechanical chillers: any supply temperature, no water, compressor power",
    evaporativeFraction: 0, cyclesOfConcentration: 5,
    powerKwPerKwHeat: 0.34, powerKwPerKwHeatRange: [0.24, 0.4], ambientBasis: "mechanical", approachK: 0, mechanicalSupplyC: 7, defaultUnitCapacityKw: 1500,
    source: {
      title: "ASHRAE Standard 90.1-2019 Table 6.8.1-3, Path A minimum chiller efficiencies (as coded in NREL openstudio-standards, ashrae_90_1_2019.chillers.json)",
      url: "https://github.com/NREL/openstudio-standards/blob/748ed13ea5ab2d86d3459cd3803c42eadafe227b/lib/openstudio-standards/standards/ashrae_90_1/ashrae_90_1_2019/data/ashrae_90_1_2019.chillers.json",
      checked: CHECKED,
      note:
        "full load: air-cooled chiller with condenser, at least 150 tons, minimum 10.1 EER = 1.188 kW/ton = 0.338 kW/kW (COP 2.96; kW/kW = kW/ton ÷ 3.517), rounded to 0.34; " +
        "its part-load value (IPLV) is 14.0 EER = 0.857 kW/ton = 0.244 kW/kW (0.249 below 150 tons), which the previous 0.25 was. " +
        "The full-load figure is the right one here: the plant draws this at the design day (AHRI rating at 35 °C ambient, 6.7 °C leaving water) and the hourly model lowers it with the lift in cooler hours (physics/hourlyCooling.ts), so an IPLV would count the part-load credit twice. " +
        "Range 0.24-0.40: from the IPLV (for a user who wants the standard part-load weighting instead) to 0.40 = EER 8.5 (older units below the current minimum, or design days hotter than the 35 °C rating point). " +
        "Not this entry: a water-cooled centrifugal plant is about 0.16 kW/kW at full load (90.1-2019 minimum 0.56 kW/ton = 0.159 kW/kW, IPLV 0.50 kW/ton = 0.142) plus about 0.02-0.04 kW/kW for its towers and condenser pumps. " +
        "Other assumptions: 7 °C supply, 1.5 MW units",
    },
  },
];
