/** A small campus composed from the public API: the example README shows. */
import { Campus } from "../components";

export function smallCampus(name = "demo"): Campus {
  return new Campus(name, {
    location: "New Albany, Ohio",
    climate: "central-ohio",
    market: "pjm",
    onlineYear: 2026,
    waterPermitM3PerYear: 20_000,
    halls: [
      {
        name: "hall-a",
        racks: [
          { name: "nvl-row1", design: "gb200-nvl72", rackCount: 8 },
          { name: "nvl-row2", design: "gb300-nvl72", rackCount: 8, supplyTempC: 40 },
        ],
        cooling: { technology: "adiabatic", redundancy: "N+1" },
      },
      { name: "hall-b", racks: [{ name: "hgx", design: "hgx-h100-air-rack", rackCount: 16 }], cooling: { technology: "dry-cooler" } },
    ],
    powerContracts: [
      { name: "grid", counterparty: "AEP Ohio", source: "grid-pjm-ohio", contractedMw: 3 },
      { name: "solar", counterparty: "Solar developer", source: "solar-utility", contractedMw: 2, termYears: 20, startYear: 2026 },
    ],
  });
}
