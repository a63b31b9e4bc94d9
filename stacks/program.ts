/** What a stack builds and exports, for given settings: called by stacks/index.ts under the engine and by the offline planner. */
import { Campus, CampusArgs, physics } from "../components";
import { planCampus } from "../components/model/plan";
import { awsPilotArgs, loadAwsGpuCluster, pilotName } from "./awsPilot";
import { MAX_RACKS_PER_GROUP } from "../components/model/rackGroup";
import { estimateCampusResources } from "../components/model/resourceBudget";
import { count, megabytes } from "../components/format/numbers";
import { StackConfigError, StackSettings } from "./settings";
import { scaleSitePlan } from "./sitePlan";

/** Fails before anything is modelled or registered when the stack would register more resources than allowed. */
function requireWithinResourceBudget(settings: StackSettings, args: CampusArgs, stack: string): void {
  const estimate = estimateCampusResources(args);
  const pilotResources = settings.cloud === "aws" && settings.aws ? 2 * settings.aws.pilotNodes + 8 : 0;
  const resources = estimate.resources + pilotResources;
  if (resources <= settings.maxResources) return;
  // Each hall's last group may be partial: groups ≤ racks / racksPerGroup + halls, two resources each.
  const fixed = estimate.resources - 2 * estimate.rackGroups + pilotResources + 2 * args.halls.length;
  const room = settings.maxResources - fixed;
  const fits = room > 0 ? Math.ceil((2 * estimate.racks) / room) : undefined;
  const fix = fits !== undefined && fits <= MAX_RACKS_PER_GROUP ? `aicluster:racksPerGroup=${fits} fits, or raise aicluster:maxResources` : "raise aicluster:maxResources or lower aicluster:scale";
  throw new StackConfigError(stack, [{
    key: "aicluster:racksPerGroup",
    value: String(settings.racksPerGroup),
    allowed: `a value that keeps the stack within aicluster:maxResources (${count(settings.maxResources)}): ${count(estimate.racks)} racks in groups of at most ${settings.racksPerGroup} make ${count(resources)} resources (about ${megabytes(estimate.bytes)} offline); ${fix}`,
  }]);
}

export async function stackProgram(settings: StackSettings, stack = "stack") {
  const scaled = scaleSitePlan(settings.plan, settings);
  requireWithinResourceBudget(settings, scaled.args, stack);
  const args: CampusArgs = { ...scaled.args, maxResources: settings.maxResources, ...(settings.weatherFile ? { weatherFile: settings.weatherFile } : {}), ...(settings.carbonBasis ? { carbonBasis: settings.carbonBasis } : {}), ...(settings.proposedContracts ? { proposedContracts: settings.proposedContracts } : {}) };
  // Everything is validated before anything registers: the campus plan (handed to the Campus), then the pilot.
  const plan = planCampus(settings.plan.name, args);
  const pilotPlan = settings.cloud === "aws" && settings.aws ? awsPilotArgs(plan.footprint, { ...settings, aws: settings.aws }, stack) : undefined;
  const AwsGpuCluster = pilotPlan ? await loadAwsGpuCluster() : undefined;
  const campus = new Campus(settings.plan.name, args, { plan });
  const pilot = AwsGpuCluster && pilotPlan ? new AwsGpuCluster(pilotName(settings), pilotPlan.args, { plan: pilotPlan.modelled }) : undefined;
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
    /** The planning horizon and the first year with every hall online (the year the figures below describe). */
    horizonStartYear: campus.horizonStartYear,
    horizonEndYear: campus.horizonEndYear,
    fullBuildYear: campus.fullBuildYear,
    /** Facility power at full IT load in the worst hour of the weather year, and when. */
    peakFacilityPowerMw: campus.peakFacilityPowerMw,
    peakHour: campus.peakHour,
    peakHourPue: campus.peakHourPue,
    pue: campus.pue,
    waterM3PerYear: campus.waterM3PerYear,
    waterPermitM3PerYear: campus.waterPermitM3PerYear,
    peakDailyWaterM3: campus.peakDailyWaterM3,
    worstWaterDay: campus.worstWaterDay,
    wueLPerKwh: campus.wueLPerKwh,
    /** The evaporated part of the make-up water (consumed), and it weighted by the site's monthly AWARE factors (m³ world-eq; undefined where the catalog has no water scarcity for the site). */
    waterConsumedM3PerYear: campus.waterConsumedM3PerYear,
    scarcityWeightedWaterM3PerYear: campus.scarcityWeightedWaterM3PerYear,
    carbonTco2PerYear: campus.carbonTco2PerYear,
    carbonBasis: campus.carbonBasis,
    carbonIntensityGPerKwh: campus.carbonIntensityGPerKwh,
    marketCarbonIntensityGPerKwh: campus.marketCarbonIntensityGPerKwh,
    carbonFreeShare: campus.carbonFreeShare,
    unservedHours: campus.unservedHours,
    firmContractedMw: campus.firmContractedMw,
    /** Capex over the horizon, per GPU, and cost per GPU-hour in the full-build year, USD (low, base, high). */
    capexUsd: campus.capexUsd,
    capexUsdPerGpu: campus.capexUsdPerGpu,
    costUsdPerGpuHour: campus.costUsdPerGpuHour,
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
