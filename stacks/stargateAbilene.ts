/**
 * Stargate Abilene (OpenAI, Oracle; built and run by Crusoe on Lancium's Clean Campus, Abilene, Texas): eight
 * buildings, about 1.2 GW, the first two energised in 2025, the other six in 2026. Public figures are cited inline
 * (checked 2026-12-07); everything else is an assumption, said so where it is made and listed in README ("Stack
 * assumptions").
 */
import type { PlannedHall, SitePlan } from "./sitePlan";

/** US gallons to m³. */
const M3_PER_GALLON = 0.003785411784;

/**
 * GB200 racks per building: "each [building will] operate up to 50,000 NVIDIA GB200 NVL72s on a single integrated
 * network fabric" (Crusoe, GlobeNewswire 2025-03-18 and 2025-05-21), read as 50,000 GB200 GPUs (the FT's "roughly
 * 400,000 Nvidia GB200 superchips" for the eight buildings, via TechSpot, agrees; AP, 2025-09-23, says "about 60,000"
 * per building): 50,000 / 72 = 694 NVL72 racks.
 */
export const ABILENE_RACKS_PER_BUILDING = 694;

/**
 * A building: GB200 NVL72 racks, liquid-cooled through closed-loop dry coolers, "zero-water-evaporation" (Crusoe's
 * description as summarised by jaredwatkins.com; Site Selection Group, 2025-10-10: "closed-loop, low-water cooling
 * system"). Assumptions: 45 °C facility supply (ASHRAE W45, the GB200 NVL72's catalog maximum: a dry cooler's water
 * follows the dry bulb, and Abilene's 0.4 % dry bulb is 37.4 °C), 150 kW distribution per rack, 1.5 MW dry-cooler
 * units with N+1 redundancy.
 */
function building(n: number, phase: number, onlineYear: number): PlannedHall {
  return {
    name: `building-${n}`,
    phase,
    onlineYear,
    design: "gb200-nvl72",
    rackCount: ABILENE_RACKS_PER_BUILDING,
    supplyTempC: 45,
    maxRackKw: 150,
    cooling: { technology: "dry-cooler", redundancy: "N+1", unitCapacityKw: 1500 },
  };
}

export const STARGATE_ABILENE: SitePlan = {
  name: "stargate-abilene",
  location: "Abilene, Texas",
  climate: "abilene-tx",
  market: "ercot",
  // Phase 1, "two buildings at 980,000 square feet and 200+ megawatts", construction from June 2024, "expected to be
  // energized in the first half of 2025" (Crusoe, 2025-03-18); AP (2025-09-23): one building operating, a second
  // almost done.
  horizonStartYear: 2025,
  // Fifteen years: the lease of the whole campus ("a 15-year lease", FT/Reuters via TechSpot and teknowire; whether
  // Oracle or OpenAI is the lessee differs by source), 2025-2039. The same end for both phases.
  phaseEndYears: [2039, 2039],
  // Phase 2, six buildings, construction from March 2025, "expected to be energized in mid-2026" (Crusoe,
  // GlobeNewswire 2025-05-21). Assumption: each runs from 2026 (a year's rules check all of it).
  halls: [1, 2].map((n) => building(n, 1, 2025)).concat([3, 4, 5, 6, 7, 8].map((n) => building(n, 2, 2026))),
  powerContracts: [
    // ERCOT grid service, "the majority of electricity comes from the regional power grid" (Techstrong, 2025-09).
    // Lancium's campus had a 200 MW substation "with plans to raise capacity fivefold by 2025" (Energy News Beat,
    // 2025-01-28); Crusoe's campus is "1.2 gigawatts" (2025-03-18). The serving utility was not found. Assumptions:
    // 200 MW in 2025, 1,000 MW (fivefold) from 2026, through the lease. Firm under its tariff, except that Texas SB 6
    // (2025) lets ERCOT curtail loads of 75 MW or more in an energy emergency (the market entry; not modelled as lost MW).
    { name: "ercot-grid", phase: 1, counterparty: "ERCOT transmission service (utility not found)", source: "grid-ercot", contractedMw: 1000, startYear: 2025, termYears: 15, ramp: [{ year: 2025, contractedMw: 200 }] },
    // On-site gas: a TCEQ permit application for ten simple-cycle turbines, "up to 360.5 megawatts", "primary and
    // backup power", half GE Vernova and half Solar Turbines (Business Insider; Data Center Dynamics, January 2025).
    // Assumptions: in service from 2026 with phase 2; firm with its largest unit out (ten units taken as equal:
    // 0.9); run as backup and peak support, capacity factor 0.3 (Altman, 2025-09-23: "we're burning gas to run this
    // data center"; how much is not public).
    { name: "onsite-gas", phase: 2, counterparty: "Crusoe (on-site, TCEQ permit application)", source: "gas-turbine", market: "behind-the-meter", contractedMw: 360.5, firmFraction: 0.9, capacityFactor: 0.3, startYear: 2026, termYears: 14 },
  ],
  // The water claim checked as a permit: "roughly 12,000 gallons per year per building after the initial fill" (Site
  // Selection Group, 2025-10-10), 8 × 12,000 gal = 363 m³/yr. The initial fill is not counted (not found).
  waterPermitM3PerYear: [{ phase: 1, value: 2 * 12_000 * M3_PER_GALLON }, { phase: 2, value: 8 * 12_000 * M3_PER_GALLON }],
  // The joint venture of Crusoe, Blue Owl Capital and Primary Digital Infrastructure owns the campus, "a $15 billion
  // joint-venture to fund the 1.2 gigawatt AI data center" (Crusoe, 2025-05-21), and leases it to the tenant. It
  // borrowed $2.3B (JPMorgan, phase 1, Commercial Observer 2025-01) and $7.1B (JPMorgan-led, phase 2, CoStar / Commercial
  // Search 2025-05): $9.4B. The loans' rates and terms are not public. Assumptions: the JV funds all of the facility
  // (the tenant buys the GPUs: Oracle's "about $40 billion" of NVIDIA chips, FT via TechSpot); the debt is issued in
  // 2025 and amortises level to 2039, the lease's end, at 7 % (SOFR about 4.3 % in 2025 plus a construction-loan
  // spread of about 2.5-3 points: an assumption, as the Prometheus guide's construction loan).
  financing: { partner: "Crusoe / Blue Owl / Primary Digital JV", partnerShareOfFacility: 1, debtUsd: 9.4e9, couponRate: 0.07, debtIssueYear: 2025, maturityYear: 2039 },
};
