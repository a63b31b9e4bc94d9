/** Stack config of the aicluster project, read and checked once: every bad value names its key, the value and what is allowed. */
import * as path from "node:path";
import * as pulumi from "@pulumi/pulumi";
import { didYouMean } from "../components/model/nearest";
import { HYPERION } from "./hyperion";
import { PROMETHEUS } from "./prometheus";
import { STARGATE_ABILENE } from "./stargateAbilene";
import { lastPhase, SitePlan } from "./sitePlan";
import { atSite, SITES, withCooling } from "./sites";
import { catalog } from "../components/catalog";
import { isValidStackName, STACK_NAME_ALLOWED } from "./stackName";

export { isValidStackName };

/** `a, b or c`. */
function orList(items: readonly string[]): string {
  return items.length <= 1 ? items.join("") : `${items.slice(0, -1).join(", ")} or ${items[items.length - 1]}`;
}

export const TOPOLOGIES: Record<string, SitePlan> = { prometheus: PROMETHEUS, hyperion: HYPERION, "stargate-abilene": STARGATE_ABILENE };

export const DEFAULT_SCALE = 0.001;
/**
 * Identical racks in one rack-group resource, at most. Every figure and rule is per rack or summed per hall, so the
 * grouping changes the resource count, not the plan (test/stacks.test.ts checks both stacks at 16 and 64). 64 since
 * issue 38: each resource is a step of the real engine (about 4.6 ms, and two policy-pack calls, on 2 cores), and
 * the 5 GW campus previews in 18 s with 857 steps where 16 made 3,207 steps and 32 s.
 */
export const DEFAULT_RACKS_PER_GROUP = 64;
export { DEFAULT_MAX_RESOURCES } from "../components/model/resourceBudget";
import { DEFAULT_MAX_RESOURCES } from "../components/model/resourceBudget";

export interface StackSettings {
  topology: string;
  /** The topology's plan, at `site` and with `cooling` when set. */
  plan: SitePlan;
  /** `aicluster:site`: the site the design is planned at, a key of SITES. @default the topology's own */
  site?: string;
  /** `aicluster:cooling`: the cooling technology of every hall. @default each hall's own */
  cooling?: string;
  scale: number;
  phase: number;
  gpuDensityFactor: number;
  racksPerGroup: number;
  /** Most resources the stack may register: above it the plan fails before registering anything. */
  maxResources: number;
  /** Where GPU nodes are realized besides the model: `none`, or `aws` for a pilot on EC2. */
  cloud: "none" | "aws";
  /** EnergyPlus weather file whose hours replace the site climate's generated year (absolute, resolved from the working directory). */
  weatherFile?: string;
  /** The basis the campus counts carbon on (`aicluster:carbonBasis`): "operational" (combustion, the default) or "lifecycle". */
  carbonBasis?: "operational" | "lifecycle";
  /** Whether contracts on the record only as proposed count toward the supply (`aicluster:proposedContracts`): "exclude" (the campus's default) or "count" (a scenario). */
  proposedContracts?: "exclude" | "count";
  /** The AWS pilot (with `cloud: aws`): its size and where it runs; checked in full by AwsGpuCluster. */
  aws?: AwsPilotSettings;
}

export const DEFAULT_AWS_PILOT_NODES = 2;

/** `aicluster:aws*` config: each key is the AwsGpuCluster arg of the same name without the `aws` prefix. */
export interface AwsPilotSettings {
  pilotNodes: number;
  instanceType?: string;
  availabilityZone?: string;
  subnetId?: string;
  vpcId?: string;
  securityGroupIds?: string[];
  reserveCapacity: boolean;
  capacityReservationId?: string;
  capacityBlock?: boolean;
  keyName?: string;
}

export interface ConfigProblem {
  key: string;
  value: string | undefined;
  allowed: string;
}

/** Bad stack config. A RunError, so the engine prints it without a stack trace. */
export class StackConfigError extends pulumi.RunError {
  constructor(readonly stack: string, readonly problems: ConfigProblem[]) {
    super(`stack "${stack}" has invalid config: ${problems.map((p) => `${p.key} = ${p.value === undefined ? "(unset)" : JSON.stringify(p.value)}: allowed ${p.allowed}`).join("; ")}`);
    this.name = "StackConfigError";
  }
}

type Raw = (key: string) => string | undefined;

/** Decimal notation only: `0.5`, `1e-3`, `-2`; not `0x1`, `0b1`, `Infinity`, blanks or an empty string (which `Number` accepts). */
const DECIMAL = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

/** A number written in decimal notation, or undefined. */
export function parseDecimal(text: string): number | undefined {
  if (!DECIMAL.test(text)) return undefined;
  const n = Number(text);
  return Number.isFinite(n) ? n : undefined;
}

function numberSetting(raw: Raw, problems: ConfigProblem[], key: string, fallback: number, ok: (n: number) => boolean, allowed: string): number {
  const text = raw(key);
  if (text === undefined) return fallback;
  const n = parseDecimal(text);
  if (n === undefined || !ok(n)) {
    problems.push({ key: `aicluster:${key}`, value: text, allowed });
    return fallback;
  }
  return n;
}

/** Every `aicluster:` key the project reads. */
export const KNOWN_KEYS: readonly string[] = ["topology", "scale", "phase", "gpuDensityFactor", "racksPerGroup", "maxResources", "cloud", "weatherFile", "carbonBasis", "proposedContracts", "site", "cooling"];

/** Keys of the `aicluster:` namespace that the project does not read: each a problem, with the nearest known key. */
function unknownKeyProblems(keys: readonly string[], raw: Raw): ConfigProblem[] {
  const known = [...KNOWN_KEYS, ...AWS_KEYS];
  return keys
    .filter((k) => !known.includes(k))
    .map((k) => ({ key: `aicluster:${k}`, value: raw(k), allowed: `no such setting${didYouMean(k, known).replace(/"(.+)"/, '"aicluster:$1"')}; known: ${known.map((x) => `aicluster:${x}`).join(", ")}` }));
}

/**
 * Settings from raw config values (`raw("scale")` reads `aicluster:scale`) for a stack name. `keys` are the
 * `aicluster:` keys that are set (without the namespace): any the project does not read is an error, so a typo
 * can never plan silently at the defaults.
 */
export function parseSettings(stack: string, raw: Raw, keys: readonly string[] = []): StackSettings {
  const problems: ConfigProblem[] = unknownKeyProblems(keys, raw);
  if (!isValidStackName(stack)) problems.push({ key: "(stack name)", value: stack, allowed: STACK_NAME_ALLOWED });
  const topology = raw("topology") ?? stack;
  const plan = TOPOLOGIES[topology];
  if (!plan) {
    problems.push({ key: "aicluster:topology", value: raw("topology"), allowed: `${orList(Object.keys(TOPOLOGIES))} (defaults to the stack name, "${stack}")` });
  }
  const site = raw("site");
  if (site !== undefined && !Object.hasOwn(SITES, site)) {
    problems.push({ key: "aicluster:site", value: site, allowed: `${orList(Object.keys(SITES))} (the design planned at that site's climate, market and grid service; default: the topology's own site)` });
  }
  const cooling = raw("cooling");
  if (cooling !== undefined && !catalog.coolingTechnologies.has(cooling)) {
    problems.push({ key: "aicluster:cooling", value: cooling, allowed: `${orList(catalog.coolingTechnologies.ids())} (a cooling technology in the catalog, for every hall; default: each hall's own)` });
  }
  const scale = numberSetting(raw, problems, "scale", DEFAULT_SCALE, (n) => n >= 1e-4 && n <= 1, "a number from 0.0001 to 1 (1 = full size)");
  const phases = plan ? lastPhase(plan) : 1;
  // The default is the whole timeline; a lower phase cuts the horizon after that phase's halls.
  const phase = numberSetting(raw, problems, "phase", phases, (n) => Number.isInteger(n) && n >= 1 && n <= phases, phases === 1 ? `1 (${topology} has one phase)` : `a whole number from 1 to ${phases} (default ${phases}: the whole timeline)`);
  const gpuDensityFactor = numberSetting(raw, problems, "gpuDensityFactor", 1, (n) => n >= 0.1 && n <= 10, "a number from 0.1 to 10 (racks per hall relative to the plan)");
  const racksPerGroup = numberSetting(raw, problems, "racksPerGroup", DEFAULT_RACKS_PER_GROUP, (n) => Number.isInteger(n) && n >= 1 && n <= 100_000, "a whole number from 1 to 100,000");
  const maxResources = numberSetting(raw, problems, "maxResources", DEFAULT_MAX_RESOURCES, (n) => Number.isInteger(n) && n >= 10 && n <= 10_000_000, "a whole number from 10 to 10,000,000 (most resources the stack may register)");
  const weatherFileRaw = raw("weatherFile");
  // The file itself is read and checked by the campus, which names it in any error; here only that it names a path.
  if (weatherFileRaw !== undefined && weatherFileRaw.trim() === "") problems.push({ key: "aicluster:weatherFile", value: weatherFileRaw, allowed: "a path to an EnergyPlus weather file (.epw)" });
  const weatherFile = weatherFileRaw?.trim() ? path.resolve(weatherFileRaw.trim()) : undefined;
  const carbonBasis = raw("carbonBasis");
  if (carbonBasis !== undefined && carbonBasis !== "operational" && carbonBasis !== "lifecycle") problems.push({ key: "aicluster:carbonBasis", value: carbonBasis, allowed: `"operational" (combustion emission factors, the default) or "lifecycle"` });
  const proposedContracts = raw("proposedContracts");
  if (proposedContracts !== undefined && proposedContracts !== "exclude" && proposedContracts !== "count") {
    problems.push({ key: "aicluster:proposedContracts", value: proposedContracts, allowed: `"exclude" (the default: proposed contracts, such as Hyperion's entergy-ccgt-expansion, deliver nothing) or "count" (plan with them as if contracted)` });
  }
  const cloud = raw("cloud") ?? "none";
  if (cloud !== "none" && cloud !== "aws") problems.push({ key: "aicluster:cloud", value: cloud, allowed: `"none" (the default) or "aws" (a GPU pilot on EC2)` });
  const aws = cloud === "aws" ? awsSettings(raw, problems) : undefined;
  if (cloud === "none") {
    const stray = AWS_KEYS.filter((k) => raw(k) !== undefined);
    if (stray.length) problems.push({ key: `aicluster:${stray[0]}`, value: raw(stray[0]), allowed: `unset unless aicluster:cloud is "aws" (set: ${stray.map((k) => `aicluster:${k}`).join(", ")})` });
  }
  if (problems.length > 0) throw new StackConfigError(stack, problems);
  const placed = site === undefined ? plan! : atSite(plan!, SITES[site]);
  const designed = cooling === undefined ? placed : withCooling(placed, cooling);
  return { topology, plan: designed, ...(site === undefined ? {} : { site }), ...(cooling === undefined ? {} : { cooling }), scale, phase, gpuDensityFactor, racksPerGroup, maxResources, cloud: cloud as "none" | "aws", aws, ...(weatherFile ? { weatherFile } : {}), ...(carbonBasis === "operational" || carbonBasis === "lifecycle" ? { carbonBasis } : {}), ...(proposedContracts === "exclude" || proposedContracts === "count" ? { proposedContracts } : {}) };
}

const AWS_KEYS = ["awsPilotNodes", "awsInstanceType", "awsAvailabilityZone", "awsSubnetId", "awsVpcId", "awsSecurityGroupIds", "awsReserveCapacity", "awsCapacityReservationId", "awsCapacityBlock", "awsKeyName"];

function awsSettings(raw: Raw, problems: ConfigProblem[]): AwsPilotSettings {
  const pilotNodes = numberSetting(raw, problems, "awsPilotNodes", DEFAULT_AWS_PILOT_NODES, (n) => Number.isInteger(n) && n >= 1 && n <= 256, "a whole number from 1 to 256");
  const flag = (key: string): boolean | undefined => {
    const text = raw(key);
    if (text !== undefined && text !== "true" && text !== "false") problems.push({ key: `aicluster:${key}`, value: text, allowed: "true or false" });
    return text === undefined ? undefined : text === "true";
  };
  const groups = raw("awsSecurityGroupIds");
  return {
    pilotNodes,
    instanceType: raw("awsInstanceType"),
    availabilityZone: raw("awsAvailabilityZone"),
    subnetId: raw("awsSubnetId"),
    vpcId: raw("awsVpcId"),
    securityGroupIds: groups === undefined ? undefined : groups.split(",").map((g) => g.trim()),
    reserveCapacity: flag("awsReserveCapacity") ?? false,
    capacityReservationId: raw("awsCapacityReservationId"),
    capacityBlock: flag("awsCapacityBlock"),
    keyName: raw("awsKeyName"),
  };
}

/** Settings of the running stack. */
export function stackSettings(): StackSettings {
  const config = new pulumi.Config("aicluster");
  const keys = Object.keys(pulumi.runtime.allConfig()).flatMap((k) => (k.startsWith("aicluster:") ? [k.slice("aicluster:".length)] : []));
  return parseSettings(pulumi.getStack(), (key) => config.get(key), keys);
}
