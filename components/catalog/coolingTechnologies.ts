/**
 * Built-in heat-rejection technologies. Water per kWh follows from physics (evaporation + blowdown); when a plant
 * runs wet and how much of the heat it evaporates in those hours are the assumptions below (see physics/hourlyCooling.ts).
 */
import type { CoolingTechnologySpec } from "./schema";

const CHECKED = "2026-11-25";

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
      note: "assumptions: runs dry (6 K approach to the dry bulb, as the dry cooler) until wetting the pads makes colder water, then wet (8 K approach to the wet bulb, for incomplete saturation); in a wet hour half the heat is evaporated (psychrometric balance at a design hour: pads at about 85 % effectiveness cool 32 °C air to 26 °C, which leaves the coil near 38 °C: (32 − 26) / (38 − 26) = 0.5); 3 cycles",
    },
  },
  {
    id: "evaporative-tower", description: "Open evaporative cooling towers with plate heat exchangers",
    evaporativeFraction: 1, cyclesOfConcentration: 5,
    powerKwPerKwHeat: 0.025, powerKwPerKwHeatRange: [0.015, 0.04], ambientBasis: "wet-bulb", approachK: 5, mechanicalSupplyC: 18, defaultUnitCapacityKw: 3000,
    source: {
      title: "Cooling-tower handbooks: 1.8-2.2 L per kWh of heat with blowdown; reference/figures.md", checked: CHECKED,
      note: "assumptions: 5 cycles of concentration (1.6 L/kWh evaporation × 5/4 = 2.0 L/kWh), fans and pumps 0.025 kW/kW, 5 K approach (tower + exchanger) to wet bulb, 3 MW cells",
    },
  },
  {
    id: "chiller", description: "Air-cooled mechanical chillers: any supply temperature, no water, compressor power",
    evaporativeFraction: 0, cyclesOfConcentration: 5,
    powerKwPerKwHeat: 0.25, powerKwPerKwHeatRange: [0.18, 0.35], ambientBasis: "mechanical", approachK: 0, mechanicalSupplyC: 7, defaultUnitCapacityKw: 1500,
    source: { title: "ASHRAE 90.1 air-cooled chiller efficiency (COP about 3-4 with heat-rejection fans)", checked: CHECKED, note: "assumptions: 0.25 kW per kW of heat (COP 4), 7 °C supply, 1.5 MW units" },
  },
];
