/**
 * The campus program the checker's end-to-end tests write into temporary projects (check, projectConfig, triage):
 * `permit` m³/year from config (5 breaks the water permit, 5,000 holds), `racks` GB300 racks (a number, or read from
 * config), one 2 MW grid contract; the components imported by absolute path.
 */
import * as path from "node:path";

const COMPONENTS = path.join(__dirname, "..", "..", "components");

/** The campus declaration `export const campus = new Campus("my-campus", {...});`, with `racks` as given or from config. */
export function campusDeclaration(racks: number | "config"): string {
  const rackCount = racks === "config" ? `config.requireNumber("racks")` : String(racks);
  return `export const campus = new Campus("my-campus", {
  location: "Somewhere, Ohio",
  climate: "central-ohio",
  waterPermitM3PerYear: config.requireNumber("permit"),
  halls: [{ name: "hall-a", racks: [{ name: "row-1", design: "gb300-nvl72", rackCount: ${rackCount}, supplyTempC: 40 }], cooling: { technology: "adiabatic", redundancy: "N+1" } }],
  powerContracts: [{ name: "grid", counterparty: "AEP Ohio", source: "grid-pjm-ohio", contractedMw: 2 }],
});
`;
}

/** The program's head: the imports and the project's config. */
export const CAMPUS_PROGRAM_HEAD = `import * as pulumi from "@pulumi/pulumi";
import { Campus } from ${JSON.stringify(COMPONENTS)};

const config = new pulumi.Config();
`;
