/**
 * Meta's Hyperion, Richland Parish, Louisiana: about 2 GW by 2030, "up to 5 GW over several years". Public figures
 * are cited inline (checked 2026-11-25); everything else is an assumption listed in README ("Stack assumptions").
 */
import { nvl72Hall, veraRubinHall } from "./hallDesign";
import type { PlannedHall, SitePlan } from "./sitePlan";

/** US gallons to m³. */
const M3_PER_GALLON = 0.003785411784;

/**
 * Phase 1, "two gigawatts of data center capacity online by 2030" (Meta to TechCrunch, via Baton Rouge Business
 * Report, 2025-07-15): 13 GB300 NVL72 halls, about 2 GW of facility power. Assumption: the six halls the two
 * Franklin Farms units can carry run from 2029, the other seven from 2030 with the Waterford unit.
 */
function phaseOneHall(n: number): PlannedHall {
  // 40 °C rack supply (ASHRAE W40): Louisiana's 27 °C design wet bulb lets adiabatic coolers hold 35 °C at best.
  // North Louisiana's wettest hours (a 29.0 °C wet bulb in the generated year, 2 K above the 0.4 % design value, as
  // real TMY3 years reach 1.5-2.1 K above theirs) push the adiabatic coolers' water (wet bulb + 8 K) just above the
  // 37 °C the 40 °C racks need, for 2 hours a year. A trim chiller of 5 % of the facility water's heat covers 0.5 K of
  // lift at the 10 K range: an assumption sized here (Meta's cooling design for Hyperion is not public), as designers
  // give adiabatic plants mechanical trim for the extreme hours.
  return nvl72Hall({ name: `hall-${String(n).padStart(2, "0")}`, phase: 1, onlineYear: n <= 6 ? 2029 : 2030, design: "gb300-nvl72", supplyTempC: 40 }, { trimCapacityFraction: 0.05 });
}

/**
 * Phase 2, toward 5 GW "over several years": NVIDIA's next generation, Vera Rubin NVL72 (about 230 kW per rack,
 * shipping from the second half of 2026, 45 °C supply), in halls built for 800 V DC. Assumption: 12 halls (about
 * 3 GW more), three a year from 2031 to 2034, as Entergy's seven further plants would come online (proposed only).
 */
function phaseTwoHall(i: number): PlannedHall {
  return veraRubinHall({ name: `hall-${String(14 + i).padStart(2, "0")}`, phase: 2, onlineYear: 2031 + Math.floor(i / 3), supplyTempC: 45 });
}

export const HYPERION: SitePlan = {
  name: "hyperion",
  location: "Richland Parish, Louisiana",
  climate: "north-louisiana",
  market: "miso",
  horizonStartYear: 2029,
  // Phase 1 alone: ten years. With phase 2: to 2041, the end of Entergy's 15-year service agreement.
  phaseEndYears: [2038, 2041],
  halls: [...Array.from({ length: 13 }, (_, i) => phaseOneHall(i + 1)), ...Array.from({ length: 12 }, (_, i) => phaseTwoHall(i))],
  powerContracts: [
    // Entergy Louisiana: three 754 MW combined-cycle plants, 2,262 MW, approved by the LPSC 2025-08-20 (S&P Global):
    // Franklin Farms 1 and 2 in Richland Parish "in late 2028", the third at Waterford "by the end of 2029" (Entergy,
    // 2025-08-20); a 15-year electric service agreement, renewal in 2041 (KRVS, 2025-08-20). Firm utility service
    // backed by the dedicated plants: firm for the full MW (the MISO accreditation of a gas plant, 70 %, is Entergy's
    // obligation, not the campus's). Years are the plants' first full years.
    { name: "entergy-franklin-farms", phase: 1, counterparty: "Entergy Louisiana", source: "gas-ccgt", contractedMw: 1508, firmFraction: 1, startYear: 2029, termYears: 13 },
    { name: "entergy-waterford", phase: 1, counterparty: "Entergy Louisiana", source: "gas-ccgt", contractedMw: 754, firmFraction: 1, startYear: 2030, termYears: 12 },
    // Solar whose environmental attributes Meta buys: Treaty Oak's Beekman (185 MWac) and Hollis Creek (200 MWac),
    // in service 2027 (Business Wire, 2025-10-30). Energy to the MISO grid, certificates to Meta: virtual PPAs.
    // Term not reported: assumption 20 years.
    { name: "treaty-oak-solar", phase: 1, counterparty: "Treaty Oak Clean Energy", source: "solar-utility", delivery: "virtual", contractedMw: 385, startYear: 2027, termYears: 20 },
    // The rest of Meta's pledge of "at least 1,500 megawatts of new renewable energy to the grid" (Meta, 2024-12),
    // which the LPSC authorised Entergy to procure (MT Newswires, 2025-08-21). Assumption: 1,115 MW more, from 2029.
    { name: "entergy-solar", phase: 1, counterparty: "Entergy Louisiana", source: "solar-utility", delivery: "virtual", contractedMw: 1115, startYear: 2029, termYears: 20 },
    // Entergy's seven further combined-cycle plants, "exceeding 5,200 megawatts" (NextFin, about 2026-03-31), about
    // 7.5 GW with the first three. Proposed, not approved: the LPSC adopted a fast-track schedule on 2026-04-15 (UCS,
    // 2026-04-15; docket U-37425, "Entergy LA filing - 7.2 GW load addition", louisianai.com tracker), final vote
    // expected December 2026 and not found as of 2026-12; no in-service years reported; the "$21 billion" package is
    // described as supporting "Meta's second planned data center in Richland Parish" (datacentersignal.com clip), so
    // it may not serve this campus's phase 2 at all (audit-2026-12 §2 item 5). Not counted by default
    // (aicluster:proposedContracts=count plans with it); then the ramp below, 2031 to 2034 in step with the phase-2
    // halls and firm service to 2041 like the first three, is an assumption.
    {
      name: "entergy-ccgt-expansion", phase: 2, counterparty: "Entergy Louisiana", source: "gas-ccgt", contractedMw: 5238, firmFraction: 1, startYear: 2031, termYears: 11, status: "proposed",
      ramp: [{ year: 2031, contractedMw: 1497 }, { year: 2032, contractedMw: 2994 }, { year: 2033, contractedMw: 4491 }],
    },
  ],
  // The Advocate (via WBRZ, 2025-12-21): registered to use about 8.4 billion gallons a year (about 23 million gallons
  // a day) from the Mississippi River Alluvial Aquifer; Meta expects to use 500-600 million gallons a year (about
  // 1.5 million gallons a day). The registration is the permit the rules check (annual and daily); the same for both
  // phases (no larger figure is public).
  waterPermitM3PerYear: [{ phase: 1, value: 8.4e9 * M3_PER_GALLON }],
  dailyWaterCapM3: [{ phase: 1, value: 23e6 * M3_PER_GALLON }],
  // Joint venture with funds managed by Blue Owl (Meta, 2025-10-21, via StockTitan): about $27B of development cost for
  // the campus's buildings and infrastructure, Blue Owl 80 %, Meta 20 %; Meta leases the campus (4-year initial terms,
  // a residual value guarantee for 16 years). The JV (Beignet Investor LLC) issued $27.3B of bonds at 6.58 % due 2049
  // (StockTitan, 2025-10-21; FT Alphaville, October 2025) with $2.5B of equity (The Real Deal, 2025-10-22). The lease
  // services that debt, a level annuity over the 24 years 2026-2049: 27.3e9 × 0.0658 / (1 − 1.0658^−24) = $2.29B a
  // year at full size; the partner's modelled facility capex beyond the bonds' proceeds (phase 2's halls, financed
  // like phase 1: an assumption, nothing about phase 2's financing is public) is the partner's equity, recovered in
  // the lease at its required return to 2049 (the catalog's "infrastructure-equity", 10 %, 8-12 %: Blue Owl's return
  // is not public). Assumption: the debt is issued in 2025 (priced October 2025) and amortises level from 2026.
  financing: { partner: "Blue Owl (Beignet Investor LLC)", partnerShareOfFacility: 0.8, debtUsd: 27.3e9, couponRate: 0.0658, debtIssueYear: 2025, maturityYear: 2049 },
};
