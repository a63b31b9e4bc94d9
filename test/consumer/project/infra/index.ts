/** A consumer's own Pulumi program, written only from the README: a campus sized by stack config. */
import * as pulumi from "@pulumi/pulumi";
import { Campus } from "pulumi-aicluster";

const config = new pulumi.Config();

export const campus = new Campus("consumer", {
  location: "Somewhere, Ohio",
  climate: "central-ohio",
  waterPermitM3PerYear: config.requireNumber("waterPermitM3PerYear"),
  halls: [
    {
      name: "hall-a",
      racks: [{ name: "row-1", design: "gb300-nvl72", rackCount: config.requireNumber("racks"), supplyTempC: 40 }],
      cooling: { technology: "adiabatic", redundancy: "N+1" },
    },
  ],
  powerContracts: [{ name: "grid", counterparty: "AEP Ohio", source: "grid-pjm-ohio", contractedMw: 20 }],
});
export const facilityPowerMw = campus.facilityPowerMw;
