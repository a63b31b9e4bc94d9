/**
 * Meta's Prometheus, New Albany, Ohio: about 1 GW, 500,000+ GPUs, online 2026. Public figures are cited inline;
 * everything else is an assumption listed in README ("Stack assumptions").
 */
import { nvl72Hall } from "./hallDesign";
import type { PlannedHall, SitePlan } from "./sitePlan";

/** 7 halls × 1,000 NVL72 racks × 72 GPUs = 504,000 GPUs (public: 500,000+). */
function hall(n: number, design: "gb200-nvl72" | "gb300-nvl72"): PlannedHall {
  // Racks at the default 35 °C supply: Ohio's 24 °C design wet bulb leaves the adiabatic coolers a 3 K margin.
  return nvl72Hall({ name: `hall-${n}`, phase: 1, design, supplyTempC: 40 });
}

export const PROMETHEUS: SitePlan = {
  name: "prometheus",
  location: "New Albany, Ohio",
  climate: "central-ohio",
  onlineYears: [2026],
  // Assumption: four GB200 halls, then three GB300 halls.
  halls: [1, 2, 3, 4].map((n) => hall(n, "gb200-nvl72")).concat([5, 6, 7].map((n) => hall(n, "gb300-nvl72"))),
  powerContracts: [
    // Williams "Socrates" South and North: two 200 MW behind-the-meter gas plants for Meta's New Albany campus,
    // 10-year agreement, power from Q3 2026 (OPSB orders 2025-06-09 and 2025-09-18; Hart Energy 2025-05).
    // Turbines and engines, so simple-cycle gas; run around the clock (capacity factor 0.9, assumption) and built with
    // spare units (about 307 MW nameplate per 200 MW site), so firm for the contracted 200 MW.
    { name: "socrates-south", phase: 1, counterparty: "Will-Power OH (Williams)", source: "gas-turbine", contractedMw: 200, firmFraction: 1, capacityFactor: 0.9, startYear: 2026, termYears: 10 },
    { name: "socrates-north", phase: 1, counterparty: "Will-Power OH (Williams)", source: "gas-turbine", contractedMw: 200, firmFraction: 1, capacityFactor: 0.9, startYear: 2026, termYears: 10 },
    // Assumption: the rest is firm utility service from AEP Ohio in PJM (no public figure).
    { name: "aep-ohio", phase: 1, counterparty: "AEP Ohio (PJM)", source: "grid-pjm-ohio", contractedMw: 800, startYear: 2026, termYears: 20 },
  ],
  // Assumption: no public permit figure.
  waterPermitM3PerYear: [{ phase: 1, value: 3_000_000 }],
};
