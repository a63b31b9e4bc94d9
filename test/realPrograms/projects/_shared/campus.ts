/**
 * The campus every fixture program builds, written once: realPrograms.test.ts copies it into each project as
 * campus.ts (and, transpiled to an ES module, as campus.js into the ES module project), as a team keeps its campus in
 * a module of its own. It imports only the package's public entry point.
 *
 * It breaks four mandatory budgets on purpose: firm power (0.5 MW contracted for a ~1.2 MW peak), energy adequacy
 * (demand unserved every hour), the water permit (5 m³/yr for ~110 m³/yr) and cooling capacity (N redundancy
 * where the rules require N+1). So a program that builds it checks to `Verdict: FAIL`, exit 1.
 */
import { Campus } from "pulumi-aicluster";

export interface FailingCampusOptions {
  /** The campus's resource name. @default "site" */
  name?: string;
  /** Racks in the one row. @default 8 */
  racks?: number;
  /** The grid contract's counterparty. @default "AEP Ohio" */
  counterparty?: string;
}

export function failingCampus(options: FailingCampusOptions = {}): Campus {
  return new Campus(options.name ?? "site", {
    location: "Somewhere, Ohio",
    climate: "central-ohio",
    waterPermitM3PerYear: 5,
    halls: [
      {
        name: "hall-a",
        racks: [{ name: "row-1", design: "gb300-nvl72", rackCount: options.racks ?? 8, supplyTempC: 40 }],
        cooling: { technology: "adiabatic", redundancy: "N" },
      },
    ],
    powerContracts: [{ name: "grid", counterparty: options.counterparty ?? "AEP Ohio", source: "grid-pjm-ohio", contractedMw: 0.5 }],
  });
}
