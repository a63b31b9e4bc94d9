/**
 * Meta's Prometheus, New Albany, Ohio: about 1 GW, online in 2026. Public figures are cited inline (checked
 * 2026-11-25; Socrates's size and first delivery checked 2026-12); everything else is an assumption listed in README
 * ("Stack assumptions").
 */
import { nvl72Hall } from "./hallDesign";
import type { PlannedHall, SitePlan } from "./sitePlan";

/**
 * 7 halls × 1,000 NVL72 racks × 72 GPUs = 504,000 GPUs. No authoritative GPU count is public ("up to 500K
 * GB200/GB300", SemiAnalysis via wccftech, 2025-07); the hall count is sized to about 1 GW of facility power.
 */
function hall(n: number, design: "gb200-nvl72" | "gb300-nvl72", onlineYear: number): PlannedHall {
  // 40 °C rack supply (ASHRAE W40): Ohio's 24.7 °C design wet bulb leaves the adiabatic coolers too little margin for 35 °C.
  return nvl72Hall({ name: `hall-${n}`, phase: 1, onlineYear, design, supplyTempC: 40 });
}

export const PROMETHEUS: SitePlan = {
  name: "prometheus",
  location: "New Albany, Ohio",
  climate: "central-ohio",
  market: "pjm",
  // Zuckerberg (Threads, 2025-07-14): "coming online in '26"; "more than 500 MW of AI compute is already installed"
  // (measuredai.substack.com, 2026-05, citing Meta); energisation reportedly slipped to 2026-09-30 (compute.institute).
  horizonStartYear: 2026,
  // Ten years: to the end of the Socrates agreements' base term.
  phaseEndYears: [2035],
  // Assumption: four GB200 halls (about 500 MW) run in 2026, three GB300 halls join in 2027 (the rest of "1 GW").
  halls: [1, 2, 3, 4].map((n) => hall(n, "gb200-nvl72", 2026)).concat([5, 6, 7].map((n) => hall(n, "gb300-nvl72", 2027))),
  powerContracts: [
    // AEP Ohio Green Chapel substation (built for Intel): AEP and a Meta affiliate filed with PUCO on 2025-11-24 for
    // service 2026-01-01 to 2028-12-31 (WYSO/WOSU, 2025-11-26); 120 MW at first, 250 MW from April 2026, the 500 MW
    // back to Intel from 2029 (Data Center Dynamics, as summarised; the article itself was not found, date unconfirmed).
    // 2026 counts 120 MW: a year's rules check every hour of it, and January to March have only 120 MW.
    { name: "aep-green-chapel", phase: 1, counterparty: "AEP Ohio (PJM)", source: "grid-pjm-ohio", contractedMw: 250, startYear: 2026, termYears: 3, ramp: [{ year: 2026, contractedMw: 120 }] },
    // Williams "Socrates" South and North: two 200 MW gas plants for Meta's affiliate Sidecat, "not physically connected
    // to the electric grid" (OPSB orders 2025-06-09 and 2025-09-18: approved 2 × 200 MW, pgjonline/Reuters), a 10-year
    // agreement with a 5-year option, $1.6B, "power by Q3 2026" (Hart Energy, 2025-05). About 307 MW of turbines and
    // engines per 200 MW site (the North equipment list, The Reporting Project 2025-03), so firm for the contracted
    // 200 MW with a unit out. Simple-cycle gas run around the clock (capacity factor 0.9, assumption).
    // The base case is the approved 400 MW (record checked 2026-12, audit-2026-12 §2 item 2).
    // First delivery 2026-09-30: the campus's energisation reportedly slipped to about 2026-09-30 (compute.institute
    // project tracker, "meta-prometheus-new-albany", as of 2026-12); both plants are taken from that day (the record
    // gives no separate dates), so 2026's firm power and energy count them only from 30 September.
    { name: "socrates-south", phase: 1, counterparty: "Will-Power OH (Williams)", source: "gas-turbine", market: "behind-the-meter", contractedMw: 200, firmFraction: 1, capacityFactor: 0.9, startDate: "2026-09-30", termYears: 10 },
    { name: "socrates-north", phase: 1, counterparty: "Will-Power OH (Williams)", source: "gas-turbine", market: "behind-the-meter", contractedMw: 200, firmFraction: 1, capacityFactor: 0.9, startDate: "2026-09-30", termYears: 10 },
    // Reported, not filed: Williams' COO calls it a "500 MW Socrates project" (interview with Larry Larsen, pulse.bot,
    // summary, undated; audit-2026-12 §2 item 2); Morgan Stanley analysts' "about 750 MW" ($2B; AAPG newsletter 2025-10-14,
    // MarketScreener 2026-02-09) has no OPSB filing behind it. A proposed entry, not counted by default
    // (aicluster:proposedContracts=count plans with it): the 100 MW between the approved 400 MW and the COO's 500 MW
    // (was 350 MW, to the analysts' 750 MW, counted as firm). Assumption: from 2027 to the base plants' last year.
    { name: "socrates-expansion", phase: 1, counterparty: "Will-Power OH (Williams)", source: "gas-turbine", market: "behind-the-meter", contractedMw: 100, firmFraction: 1, capacityFactor: 0.9, startYear: 2027, termYears: 9, status: "proposed" },
    // Meta's nuclear agreements (World Nuclear News, 2026-01-09): power "to the grids that support Meta's operations,
    // including its Prometheus supercluster", i.e. PJM, not to the islanded site: virtual PPAs whose certificates
    // cover the campus's PJM grid energy (market-based carbon), never its on-site gas.
    // Vistra: 20-year PPAs for 2,176 MW from Perry and Davis-Besse plus 433 MW of uprates; purchases from late 2026,
    // uprates added through 2034 (Spectrum News, 2026-01). Assumption: 2,176 MW from 2027, 2,609 MW in 2034.
    { name: "vistra-nuclear", phase: 1, counterparty: "Vistra (Perry, Davis-Besse, Beaver Valley)", source: "nuclear", delivery: "virtual", contractedMw: 2609, startYear: 2027, termYears: 20, ramp: [2027, 2028, 2029, 2030, 2031, 2032, 2033].map((year) => ({ year, contractedMw: 2176 })) },
    // Oklo, Pike County, Ohio: 1.2 GW, first phase as early as 2030, full by 2034 (Oklo, 2026-01-09). Term not
    // reported: assumption 20 years. Assumption: 75 MW units added evenly, 300 MW in 2030.
    { name: "oklo-nuclear", phase: 1, counterparty: "Oklo (Pike County, Ohio)", source: "nuclear", delivery: "virtual", contractedMw: 1200, startYear: 2030, termYears: 20, ramp: [{ year: 2030, contractedMw: 300 }, { year: 2031, contractedMw: 525 }, { year: 2032, contractedMw: 750 }, { year: 2033, contractedMw: 975 }] },
    // TerraPower: two Natrium units, up to 690 MW, "delivery as early as 2032" (WNN, 2026-01-09); site not chosen,
    // term not reported (assumption 20 years). The options on six more units (2.1 GW by 2035) are not modelled.
    { name: "terrapower-natrium", phase: 1, counterparty: "TerraPower (Natrium)", source: "nuclear", delivery: "virtual", contractedMw: 690, startYear: 2032, termYears: 20 },
  ],
  // No public water figure for New Albany (only Meta's fleet figures). Assumption: 3 million m³/yr, sized far above the
  // adiabatic coolers' use (about 0.1 million m³/yr modelled) so the permit is not the binding budget.
  waterPermitM3PerYear: [{ phase: 1, value: 3_000_000 }],
};
