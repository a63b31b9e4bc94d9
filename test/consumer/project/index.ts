/**
 * A consumer's program: only the package's public entry points, as another IaC repository would import them.
 * Run by test/consumer/consumer.test.ts in a throwaway project that installed the packed tarball.
 */
import * as pulumi from "@pulumi/pulumi";

async function main(): Promise<void> {
  await pulumi.runtime.setMocks(
    {
      newResource: (args: pulumi.runtime.MockResourceArgs) => ({ id: `${args.name}-id`, state: args.custom ? args.inputs : {} }),
      call: (args: pulumi.runtime.MockCallArgs) => args.inputs,
    },
    "consumer",
    "dev",
    true,
  );
  // Imported after the mocks, as Pulumi's testing guide asks.
  const { Campus, AiclusterInputError } = await import("pulumi-aicluster");
  const { catalog } = await import("pulumi-aicluster/catalog");
  const physics = await import("pulumi-aicluster/physics");
  const { evaluateRules, hasMandatoryViolation } = await import("pulumi-aicluster/policies");
  const { weatherYearOf } = await import("pulumi-aicluster/weather");
  // The pack's adapters type-check with skipLibCheck off (their @pulumi/policy shapes are the package's own).
  const { STACK_POLICIES } = await import("pulumi-aicluster/policies/pack");
  type CampusArgs = import("pulumi-aicluster").CampusArgs;

  const args: CampusArgs = {
    location: "Somewhere, Ohio",
    climate: "central-ohio",
    waterPermitM3PerYear: 10_000,
    halls: [
      {
        name: "hall-a",
        racks: [{ name: "row-1", design: "gb300-nvl72", rackCount: 8, supplyTempC: 40 }],
        cooling: { technology: "adiabatic", redundancy: "N+1" },
      },
    ],
    powerContracts: [{ name: "grid", counterparty: "AEP Ohio", source: "grid-pjm-ohio", contractedMw: 2 }],
  };
  const campus = new Campus("consumer", args);
  const pue: number = await new Promise((done) => campus.pue.apply(done));

  let badInput = "";
  try {
    new Campus("bad", { ...args, halls: [{ ...args.halls[0], racks: [{ name: "r", design: "gb300-nvl72", rackCount: -1 }] }] });
  } catch (e) {
    if (e instanceof AiclusterInputError) badInput = e.message;
  }

  const f = campus.footprint;
  const view = { type: "aicluster:index:Campus", urn: "urn:consumer", name: "consumer", props: { ...f, halls: undefined, contracts: undefined } };
  const findings = evaluateRules([view]);
  console.log(JSON.stringify({
    gpuCount: f.gpuCount,
    packPolicies: STACK_POLICIES.map((p) => p.name),
    itLoadKw: f.itLoadKw,
    facilityPowerKw: f.facilityPowerKw,
    pue,
    waterM3PerYear: f.waterM3PerYear,
    gb300BoardPowerW: catalog.accelerators.get("gb300").boardPowerW,
    kwToMw: physics.kwToMw(1500),
    ohioWarmestDryBulbC: Math.max(...weatherYearOf(catalog.climates.get("central-ohio")).dryBulbC),
    peakHour: f.peakHour,
    campusFindings: Object.fromEntries(findings.filter((x) => x.policy === "firm-power" || x.policy === "water-permit").map((x) => [x.policy, x.status])),
    mandatoryViolationOnCampusBudgets: hasMandatoryViolation(findings.filter((x) => x.policy === "firm-power" || x.policy === "water-permit")),
    badInput,
  }));
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
