/** What a stack builds and exports, for given settings: called by stacks/index.ts under the engine and by the offline planner. */
import { Campus, physics } from "../components";
import { campusModel } from "../components/model/campus";
import { handOff } from "../components/model/handoff";
import { awsPilotArgs, loadAwsGpuCluster, pilotName } from "./awsPilot";
import type { StackSettings } from "./settings";
import { scaleSitePlan } from "./sitePlan";

export async function stackProgram(settings: StackSettings, stack = "stack") {
  const scaled = scaleSitePlan(settings.plan, settings);
  // Everything is validated before anything registers: the campus model (handed to the Campus), then the pilot.
  const footprint = campusModel(scaled.args, { type: Campus.type, name: settings.plan.name });
  const pilotArgs = settings.cloud === "aws" && settings.aws ? awsPilotArgs(footprint, { ...settings, aws: settings.aws }, stack) : undefined;
  const AwsGpuCluster = pilotArgs ? await loadAwsGpuCluster() : undefined;
  const campus = new Campus(settings.plan.name, handOff(scaled.args, footprint));
  const pilot = AwsGpuCluster && pilotArgs ? new AwsGpuCluster(pilotName(settings), pilotArgs) : undefined;
  return {
    topology: settings.topology,
    phase: settings.phase,
    scale: settings.scale,
    /** Racks built / racks at full size: the factor budgets and contracts were scaled by. */
    builtScale: scaled.builtScale,
    gpus: campus.gpuCount,
    racks: campus.rackCount,
    halls: campus.hallCount,
    itLoadMw: campus.itLoadKw.apply(physics.kwToMw),
    facilityPowerMw: campus.facilityPowerMw,
    pue: campus.pue,
    waterM3PerYear: campus.waterM3PerYear,
    waterPermitM3PerYear: campus.waterPermitM3PerYear,
    wueLPerKwh: campus.wueLPerKwh,
    carbonTco2PerYear: campus.carbonTco2PerYear,
    carbonIntensityGPerKwh: campus.carbonIntensityGPerKwh,
    firmContractedMw: campus.firmContractedMw,
    powerHeadroomMw: campus.powerHeadroomMw,
    ...(pilot
      ? {
          awsPilot: {
            instanceType: pilot.instanceType,
            nodeCount: pilot.nodeCount,
            gpuCount: pilot.gpuCount,
            itLoadKw: pilot.itLoadKw,
            efaInterfacesPerNode: pilot.efaInterfacesPerNode,
            instanceIds: pilot.instanceIds,
          },
        }
      : {}),
  };
}

export type StackOutputs = Awaited<ReturnType<typeof stackProgram>>;
