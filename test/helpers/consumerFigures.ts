/**
 * The campus test/consumer/project/index.ts builds, built again here from the repository's own components, and the
 * figures the consumer program prints that must equal it (the packed package and the repository agree).
 */
import { expect } from "vitest";
import { Campus } from "../../components";
import { RULES } from "../../policies/rules";
import { resolve } from "./mocks";

/** What the consumer program prints (the fields compared here). */
export interface ConsumerFigures {
  gpuCount: number;
  packPolicies: string[];
  itLoadKw: number;
  facilityPowerKw: number;
  pue: number;
  waterM3PerYear: number;
  peakHour: string;
}

/** Checks `out` against the same campus built by the repository under mocks (installMocks first); `name` keeps resources apart. */
export async function expectRepositoryFigures(out: ConsumerFigures, name: string): Promise<void> {
  const mine = new Campus(name, {
    location: "Somewhere, Ohio", climate: "central-ohio", waterPermitM3PerYear: 10_000,
    halls: [{ name: "hall-a", racks: [{ name: "row-1", design: "gb300-nvl72", rackCount: 8, supplyTempC: 40 }], cooling: { technology: "adiabatic", redundancy: "N+1" } }],
    powerContracts: [{ name: "grid", counterparty: "AEP Ohio", source: "grid-pjm-ohio", contractedMw: 2 }],
  });
  expect(out.gpuCount).toBe(576);
  expect(out.packPolicies).toEqual(RULES.map((r) => r.name));
  expect(out.itLoadKw).toBe(mine.footprint.itLoadKw);
  expect(out.facilityPowerKw).toBe(mine.footprint.facilityPowerKw);
  expect(out.pue).toBe(await resolve(mine.pue));
  expect(out.waterM3PerYear).toBe(mine.footprint.waterM3PerYear);
  expect(out.peakHour).toBe(mine.footprint.peakHour);
}
