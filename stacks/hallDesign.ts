/** The hall design both Meta campuses share (assumptions, listed in README "Stack assumptions"). */
import type { PlannedHall } from "./sitePlan";

/** Racks per hall at full size: 1,000 NVL72 racks make scale 0.001 exactly one rack per hall. */
export const RACKS_PER_HALL = 1000;

/**
 * A hall of 1,000 liquid-cooled NVL72 racks: distribution up to 150 kW per rack, adiabatic dry coolers in 1.5 MW
 * units with N+1 redundancy (low water use; the site's design wet bulb decides the warmest supply they can hold), and
 * optionally a trim chiller on the facility water for the wettest hours.
 */
export function nvl72Hall(spec: Pick<PlannedHall, "name" | "phase" | "onlineYear" | "design" | "supplyTempC">, options: { trimCapacityFraction?: number } = {}): PlannedHall {
  const trim = options.trimCapacityFraction === undefined ? {} : { trimChiller: { capacityFraction: options.trimCapacityFraction } };
  return {
    ...spec,
    rackCount: RACKS_PER_HALL,
    maxRackKw: 150,
    cooling: { technology: "adiabatic", redundancy: "N+1", unitCapacityKw: 1500, ...trim },
  };
}

/**
 * A hall of 1,000 Vera Rubin NVL72 racks (about 230 kW each at maximum performance): distribution up to 250 kW per
 * rack at 800 V DC, adiabatic coolers in 1.5 MW units with N+1. NVIDIA (technical blog, 2025-05-20) claims up to 5 %
 * better end-to-end efficiency for 800 V DC; part of that is in the rack's own conversion, so the assumption here
 * lowers only the facility's distribution losses, from the default 4 % of IT load to 2.5 %.
 */
export function veraRubinHall(spec: Pick<PlannedHall, "name" | "phase" | "onlineYear" | "supplyTempC">): PlannedHall {
  return {
    ...spec,
    design: "vera-rubin-nvl72",
    rackCount: RACKS_PER_HALL,
    maxRackKw: 250,
    electricalLossFraction: 0.025,
    cooling: { technology: "adiabatic", redundancy: "N+1", unitCapacityKw: 1500 },
  };
}
