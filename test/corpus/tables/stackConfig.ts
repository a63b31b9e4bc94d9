/**
 * Bad stack config: `parseSettings` fails with a StackConfigError whose problems name the `aicluster:` key (or
 * `(stack name)`); `loadStackConfig` fails with a UsageError for a stack name that is not one. The planner exits 2.
 */
import { loadStackConfig } from "../../../plan/stackConfig";
import { UsageError } from "../../../plan/options";
import { parseSettings, StackConfigError } from "../../../stacks/settings";
import type { BadInputCase } from "../helpers";

const SCE = { errorClass: StackConfigError, exit: 2 } as const;
const USAGE = { errorClass: UsageError, exit: 2 } as const;
const SCALE = "a number from 0.0001 to 1 (1 = full size)";

/** Settings of `stack` from `aicluster:` values (keys without the namespace), every key counted as set. */
const settings = (stack: string, values: Record<string, string>) => parseSettings(stack, (key) => values[key], Object.keys(values));

export const STACK_CONFIG_CASES: BadInputCase[] = [
  { name: "aicluster:weatherFile blank", run: () => settings("prometheus", { weatherFile: "  " }), ...SCE, field: "aicluster:weatherFile", value: "  ", allowed: "a path to an EnergyPlus weather file (.epw)" },
  { name: "unknown key scal (suggests aicluster:scale)", run: () => settings("prometheus", { scal: "0.5" }), ...SCE, field: "aicluster:scal", value: "0.5", allowed: 'no such setting (did you mean "aicluster:scale"?)' },
  { name: "unknown key foo", run: () => settings("prometheus", { foo: "1" }), ...SCE, field: "aicluster:foo", allowed: "no such setting; known: aicluster:topology" },
  { name: 'scale "0x1" (hex)', run: () => settings("prometheus", { scale: "0x1" }), ...SCE, field: "aicluster:scale", value: "0x1", allowed: SCALE },
  { name: 'scale "1e400" (overflows to Infinity)', run: () => settings("prometheus", { scale: "1e400" }), ...SCE, field: "aicluster:scale", value: "1e400", allowed: SCALE },
  { name: 'scale "Infinity"', run: () => settings("prometheus", { scale: "Infinity" }), ...SCE, field: "aicluster:scale", value: "Infinity" },
  { name: 'scale "" (Number("") is 0)', run: () => settings("prometheus", { scale: "" }), ...SCE, field: "aicluster:scale", value: "" },
  { name: 'scale " " (blank)', run: () => settings("prometheus", { scale: " " }), ...SCE, field: "aicluster:scale", value: " " },
  { name: 'scale "0"', run: () => settings("prometheus", { scale: "0" }), ...SCE, field: "aicluster:scale", value: "0", allowed: SCALE },
  { name: 'scale "2"', run: () => settings("prometheus", { scale: "2" }), ...SCE, field: "aicluster:scale", value: "2", allowed: SCALE },
  { name: 'scale "abc"', run: () => settings("prometheus", { scale: "abc" }), ...SCE, field: "aicluster:scale", value: "abc" },
  { name: 'scale "0.00009" (just below 0.0001)', run: () => settings("prometheus", { scale: "0.00009" }), ...SCE, field: "aicluster:scale", value: "0.00009" },
  { name: 'phase "1.5" on hyperion', run: () => settings("hyperion", { phase: "1.5" }), ...SCE, field: "aicluster:phase", value: "1.5", allowed: "a whole number from 1 to 2" },
  { name: 'phase "3" on hyperion (two phases)', run: () => settings("hyperion", { phase: "3" }), ...SCE, field: "aicluster:phase", value: "3", allowed: "a whole number from 1 to 2" },
  { name: 'phase "2" on prometheus (one phase)', run: () => settings("prometheus", { phase: "2" }), ...SCE, field: "aicluster:phase", value: "2", allowed: "1 (prometheus has one phase)" },
  { name: 'gpuDensityFactor "0"', run: () => settings("prometheus", { gpuDensityFactor: "0" }), ...SCE, field: "aicluster:gpuDensityFactor", value: "0", allowed: "a number from 0.1 to 10" },
  { name: 'gpuDensityFactor "11"', run: () => settings("prometheus", { gpuDensityFactor: "11" }), ...SCE, field: "aicluster:gpuDensityFactor", value: "11", allowed: "a number from 0.1 to 10" },
  { name: 'racksPerGroup "0"', run: () => settings("prometheus", { racksPerGroup: "0" }), ...SCE, field: "aicluster:racksPerGroup", value: "0", allowed: "a whole number from 1 to 100,000" },
  { name: 'racksPerGroup "2.5"', run: () => settings("prometheus", { racksPerGroup: "2.5" }), ...SCE, field: "aicluster:racksPerGroup", value: "2.5" },
  { name: 'maxResources "5"', run: () => settings("prometheus", { maxResources: "5" }), ...SCE, field: "aicluster:maxResources", value: "5", allowed: "a whole number from 10 to 10,000,000" },
  { name: 'carbonBasis "scope3"', run: () => settings("prometheus", { carbonBasis: "scope3" }), ...SCE, field: "aicluster:carbonBasis", value: "scope3", allowed: '"operational" (combustion emission factors, the default) or "lifecycle"' },
  { name: 'cloud "gcp"', run: () => settings("prometheus", { cloud: "gcp" }), ...SCE, field: "aicluster:cloud", value: "gcp", allowed: '"none" (the default) or "aws"' },
  { name: 'topology "zeus"', run: () => settings("prometheus", { topology: "zeus" }), ...SCE, field: "aicluster:topology", value: "zeus", allowed: "prometheus, hyperion or stargate-abilene" },
  { name: 'site "mars"', run: () => settings("stargate-abilene", { site: "mars" }), ...SCE, field: "aicluster:site", value: "mars", allowed: "central-ohio, north-louisiana, abilene-tx, phoenix-az, loudoun-va, quincy-wa, newton-county-ga or council-bluffs-ia (the design planned at that site's climate, market and grid service" },
  { name: 'cooling "ice"', run: () => settings("stargate-abilene", { cooling: "ice" }), ...SCE, field: "aicluster:cooling", value: "ice", allowed: "a cooling technology in the catalog, for every hall" },
  { name: "an AWS key with cloud none", run: () => settings("prometheus", { awsPilotNodes: "2" }), ...SCE, field: "aicluster:awsPilotNodes", value: "2", allowed: 'unset unless aicluster:cloud is "aws"' },
  { name: 'awsPilotNodes "0" with cloud aws', run: () => settings("prometheus", { cloud: "aws", awsPilotNodes: "0" }), ...SCE, field: "aicluster:awsPilotNodes", value: "0", allowed: "a whole number from 1 to 256" },
  { name: 'awsReserveCapacity "yes" with cloud aws', run: () => settings("prometheus", { cloud: "aws", awsReserveCapacity: "yes" }), ...SCE, field: "aicluster:awsReserveCapacity", value: "yes", allowed: "true or false" },
  { name: "stack name with ../", run: () => settings("../prometheus", {}), ...SCE, field: "(stack name)", value: "../prometheus", allowed: "no path separators" },
  { name: "stack name with /", run: () => settings("stacks/prometheus", { topology: "prometheus" }), ...SCE, field: "(stack name)", value: "stacks/prometheus" },
  { name: 'stack name ".."', run: () => settings("..", { topology: "prometheus" }), ...SCE, field: "(stack name)", value: ".." },
  { name: "loadStackConfig: a stack name with ../", run: () => loadStackConfig("../stacks/Pulumi.prometheus", {}), ...USAGE, field: "stack name", allowed: "no path separators" },
  { name: "loadStackConfig: a stack name with /", run: () => loadStackConfig("/etc/passwd", {}), ...USAGE, field: "stack name", allowed: "no path separators" },
  { name: "loadStackConfig: a stack with no config file", run: () => loadStackConfig("nostack", {}), ...USAGE, field: 'no stack "nostack"', allowed: "stacks: hyperion, prometheus" },
];
