/**
 * `npm run example`: builds the example campus under Pulumi's mock runtime (no CLI, no cloud account)
 * and prints the resource tree and footprints. Exit code 2 on bad input.
 */
import { fixed } from "../components/format/numbers";
import { textTable } from "../components/format/table";
import { installMockEngine } from "../plan/mockEngine";

const { registrations: registered, settle } = installMockEngine({ project: "aicluster", stack: "example" });

const fmt = (n: number, digits = 1) => fixed(n, digits);

async function main(): Promise<void> {
  // Imported after setMocks, as Pulumi's mock runtime requires.
  const { smallCampus } = await import("./smallCampus");
  const { AiclusterInputError } = await import("../components");
  let campus;
  try {
    campus = smallCampus();
  } catch (e) {
    if (e instanceof AiclusterInputError) {
      console.error(e.message);
      process.exit(2);
    }
    throw e;
  }
  await settle();
  const f = campus.footprint;
  console.log(`Resources registered: ${registered.length}`);
  for (const line of textTable(registered.map((r) => [r.type, r.name]), { indent: "  " })) console.log(line);
  console.log("");
  console.log("Rack groups:");
  for (const hall of f.halls) {
    for (const g of hall.rackGroups) {
      console.log(
        `  ${hall.name}/${g.name}: ${g.rackCount} × ${g.design}, ${g.gpuCount} GPUs, ${fmt(g.itLoadPerRackKw)} kW/rack` +
          ` (rated ${g.ratedKwPerRack}), liquid ${fmt(g.heatToLiquidKw)} kW, air ${fmt(g.heatToAirKw)} kW, coolant ${fmt(g.coolantFlowLpm)} L/min`,
      );
    }
  }
  console.log("");
  console.log("Campus footprint:");
  const rows: [string, string][] = [
    ["GPUs", String(f.gpuCount)],
    ["racks", String(f.rackCount)],
    ["IT load", `${fmt(f.itLoadKw)} kW`],
    ["facility power", `${fmt(f.facilityPowerKw)} kW rated, ${fmt(f.peakFacilityPowerMw * 1000)} kW in the peak hour (${f.peakHour})`],
    ["PUE", `${fmt(f.pue, 3)} over the year, ${fmt(f.peakHourPue, 3)} in the peak hour`],
    ["water", `${fmt(f.waterM3PerYear, 0)} m³/yr (permit ${f.waterPermitM3PerYear === undefined ? "none" : fmt(f.waterPermitM3PerYear, 0)})`],
    ["worst-day water", `${fmt(f.peakDailyWaterM3)} m³ (${f.worstWaterDay})`],
    ["WUE", `${fmt(f.wueLPerKwh, 3)} L/kWh`],
    ["firm contracted", `${fmt(f.firmContractedMw, 2)} MW (headroom ${fmt(f.powerHeadroomMw, 2)} MW)`],
    ["carbon", `${fmt(f.carbonTco2PerYear, 0)} tCO2e/yr at ${fmt(f.carbonIntensityGPerKwh, 0)} gCO2e/kWh (${f.carbonBasis} basis), clean share ${fmt(f.cleanEnergyShare * 100)} %, carbon-free hour by hour ${fmt(f.carbonFreeShare * 100)} %`],
    ["unserved", `${fmt(f.unservedHours, 0)} h, ${fmt(f.unservedEnergyMwh)} MWh a year`],
  ];
  for (const line of textTable(rows, { indent: "  " })) console.log(line);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
