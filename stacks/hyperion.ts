/**
 * Meta's Hyperion, Richland Parish, Louisiana: about 2 GW in a first phase, up to 5 GW over several years. Public
 * figures are cited inline; everything else is an assumption listed in README ("Stack assumptions").
 */
import { nvl72Hall } from "./hallDesign";
import type { PlannedHall, SitePlan } from "./sitePlan";

/** Halls in the first phase (about 2 GW) and in all (about 5 GW). */
const FIRST_PHASE_HALLS = 13;
const ALL_HALLS = 32;

function hall(n: number): PlannedHall {
  return nvl72Hall({
    name: `hall-${String(n).padStart(2, "0")}`,
    phase: n <= FIRST_PHASE_HALLS ? 1 : 2,
    // Assumption: GB300 NVL72 throughout (later generations are not in the catalog).
    design: "gb300-nvl72",
    // Assumption: 40 °C supply (ASHRAE W40), since Louisiana's 27 °C design wet bulb lets adiabatic coolers hold 35 °C at best.
    supplyTempC: 40,
  });
}

export const HYPERION: SitePlan = {
  name: "hyperion",
  location: "Richland Parish, Louisiana",
  climate: "north-louisiana",
  // Phase 1: Entergy's new plants come online late 2028 and late 2029; phase 2 year is an assumption.
  onlineYears: [2029, 2032],
  halls: Array.from({ length: ALL_HALLS }, (_, i) => hall(i + 1)),
  powerContracts: [
    // Entergy Louisiana: three combined-cycle plants, 2.26 GW in all, approved by the LPSC 2025-08-20 (two in Richland
    // Parish, late 2028; one at Waterford, late 2029). Firm utility service (assumption: firm for the full MW).
    { name: "entergy-ccgt", phase: 1, counterparty: "Entergy Louisiana", source: "gas-ccgt", contractedMw: 2262, firmFraction: 1, startYear: 2028, termYears: 15 },
    // The same approval lets Entergy procure up to 1,500 MW of solar for large customers.
    { name: "entergy-solar", phase: 1, counterparty: "Entergy Louisiana", source: "solar-utility", contractedMw: 1500, startYear: 2028, termYears: 20 },
    // Entergy's 2026 application for seven more gas plants (about 7.5 GW with the first three; LPSC fast-track vote
    // 2026-04-15, UCS). Assumption: all combined cycle, firm service, for phase 2.
    { name: "entergy-ccgt-2", phase: 2, counterparty: "Entergy Louisiana", source: "gas-ccgt", contractedMw: 5238, firmFraction: 1, startYear: 2030, termYears: 15 },
  ],
  // Assumption: no public permit figures.
  waterPermitM3PerYear: [{ phase: 1, value: 6_000_000 }, { phase: 2, value: 15_000_000 }],
};
