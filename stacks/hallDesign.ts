/** The hall design both Meta campuses share (assumptions, listed in README "Stack assumptions"). */
import type { PlannedHall } from "./sitePlan";

/** Racks per hall at full size: 1,000 NVL72 racks make scale 0.001 exactly one rack per hall. */
export const RACKS_PER_HALL = 1000;

/**
 * A hall of 1,000 liquid-cooled NVL72 racks: distribution up to 150 kW per rack, adiabatic dry coolers in 1.5 MW
 * units with N+1 redundancy (low water use; the site's design wet bulb decides the warmest supply they can hold).
 */
export function nvl72Hall(spec: Pick<PlannedHall, "name" | "phase" | "design" | "supplyTempC">): PlannedHall {
  return {
    ...spec,
    rackCount: RACKS_PER_HALL,
    maxRackKw: 150,
    cooling: { technology: "adiabatic", redundancy: "N+1", unitCapacityKw: 1500 },
  };
}
