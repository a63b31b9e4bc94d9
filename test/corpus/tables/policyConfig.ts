/**
 * Bad policy config, given to the policy engine (`evaluateRules(views, config)`: a PolicyConfigError naming rule and
 * key) and read from a file (`readPolicyConfigFile`: a UsageError for the file itself, a PolicyConfigError for what it
 * says). The planner exits 2 for all of them.
 */
import * as fs from "fs";
import * as path from "path";
import { UsageError } from "../../../plan/options";
import { MAX_POLICY_CONFIG_BYTES, readPolicyConfigFile } from "../../../plan/policyConfigFile";
import { evaluateRules, PolicyConfigError } from "../../../policies/evaluate";
import type { BadInputCase } from "../helpers";

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Any = any;

const PCE = { errorClass: PolicyConfigError, exit: 2 } as const;
const USAGE = { errorClass: UsageError, exit: 2 } as const;
const LEVELS = "one of advisory, mandatory, remediate, disabled (lower case)";

/** The config alone is parsed before any rule runs, so no resources are needed. */
const evaluate = (config: unknown) => evaluateRules([], config as Any);

export const POLICY_CONFIG_CASES: BadInputCase[] = [
  { name: "energy-adequacy maxUnservedHours 1.5", run: () => evaluate({ "energy-adequacy": { maxUnservedHours: 1.5 } }), ...PCE, field: "energy-adequacy.maxUnservedHours", value: 1.5, allowed: "a whole number from 0 to 8,760" },
  { name: "energy-adequacy maxUnservedHours -1", run: () => evaluate({ "energy-adequacy": { maxUnservedHours: -1 } }), ...PCE, field: "energy-adequacy.maxUnservedHours", value: -1, allowed: "a whole number from 0 to 8,760" },
  { name: "supply-temperature maxMissedHours 9000", run: () => evaluate({ "supply-temperature": { maxMissedHours: 9000 } }), ...PCE, field: "supply-temperature.maxMissedHours", value: 9000, allowed: "a whole number from 0 to 8,760" },
  { name: "capex-budget maxCapexUsd negative", run: () => evaluate({ "capex-budget": { maxCapexUsd: -1 } }), ...PCE, field: "capex-budget.maxCapexUsd", value: -1, allowed: "a number from 0 to" },
  // Issue 32: 0 meant "not checked" (so tightening a budget to 0 turned FAIL into PASS); "off" now says it, and a cap of 0 on a unit cost (which nothing meets) is refused.
  { name: "unit-cost maxUsdPerGpuHour 0 (was: not checked)", run: () => evaluate({ "unit-cost": { maxUsdPerGpuHour: 0 } }), ...PCE, field: "unit-cost.maxUsdPerGpuHour", value: 0, allowed: '"off" (not checked) or a number above 0 and up to 1,000 USD' },
  { name: "unit-cost maxCapexUsdPerMwIt 0 (was: not checked)", run: () => evaluate({ "unit-cost": { maxCapexUsdPerMwIt: 0 } }), ...PCE, field: "unit-cost.maxCapexUsdPerMwIt", value: 0, allowed: '"off" (not checked) or a number above 0 and up to 10,000,000,000 USD' },
  { name: "capex-budget maxCapexUsd 'of' (a typo of off)", run: () => evaluate({ "capex-budget": { maxCapexUsd: "of" } }), ...PCE, field: "capex-budget.maxCapexUsd", value: "of", allowed: '"off" (not checked) or a number from 0 to 10,000,000,000,000 USD' },
  { name: "water-permit waterPermitM3PerYear 'off' (its word is campus)", run: () => evaluate({ "water-permit": { waterPermitM3PerYear: "off" } }), ...PCE, field: "water-permit.waterPermitM3PerYear", value: "off", allowed: `"campus" (the campus's waterPermitM3PerYear; none: not checked) or a number from 0 to 10,000,000,000 m³/yr` },
  // Issue 35: the finance budgets and the financing rule's caps take "off" or a limit, as the capex budgets do.
  { name: "capex-budget maxTcoUsd 'of' (a typo of off)", run: () => evaluate({ "capex-budget": { maxTcoUsd: "of" } }), ...PCE, field: "capex-budget.maxTcoUsd", value: "of", allowed: '"off" (not checked) or a number from 0 to 10,000,000,000,000 USD' },
  { name: "unit-cost maxLevelisedUsdPerGpuHour 0", run: () => evaluate({ "unit-cost": { maxLevelisedUsdPerGpuHour: 0 } }), ...PCE, field: "unit-cost.maxLevelisedUsdPerGpuHour", value: 0, allowed: '"off" (not checked) or a number above 0 and up to 1,000 USD' },
  { name: "financing maxOwnerOnBalanceSheetCapexUsdPerYear negative", run: () => evaluate({ financing: { maxOwnerOnBalanceSheetCapexUsdPerYear: -1 } }), ...PCE, field: "financing.maxOwnerOnBalanceSheetCapexUsdPerYear", value: -1, allowed: '"off" (not checked) or a number from 0 to 10,000,000,000,000 USD' },
  { name: "capex-budget estimate 'median'", run: () => evaluate({ "capex-budget": { estimate: "median" } }), ...PCE, field: "capex-budget.estimate", value: "median", allowed: '"low", "base" or "high"' },
  { name: "unit-cost maxCapexUsdPerMwIt negative", run: () => evaluate({ "unit-cost": { maxCapexUsdPerMwIt: -5 } }), ...PCE, field: "unit-cost.maxCapexUsdPerMwIt", value: -5 },
  { name: "contract-expiry lookaheadYears negative", run: () => evaluate({ "contract-expiry": { lookaheadYears: -1 } }), ...PCE, field: "contract-expiry.lookaheadYears", value: -1, allowed: "a whole number from 0 to 50" },
  { name: "unit-cost maxUsdPerGpuHour a string", run: () => evaluate({ "unit-cost": { maxUsdPerGpuHour: "2" } }), ...PCE, field: "unit-cost.maxUsdPerGpuHour", value: "2" },
  { name: "carbon basis neither location nor market", run: () => evaluate({ carbon: { basis: "residual" } }), ...PCE, field: "carbon.basis", value: "residual", allowed: '"location" or "market"' },
  { name: "contract-expiry lookaheadYears 51", run: () => evaluate({ "contract-expiry": { lookaheadYears: 51 } }), ...PCE, field: "contract-expiry.lookaheadYears", value: 51, allowed: "a whole number from 0 to 50" },
  { name: "contract-expiry lookaheadYears fractional", run: () => evaluate({ "contract-expiry": { lookaheadYears: 2.5 } }), ...PCE, field: "contract-expiry.lookaheadYears", value: 2.5 },
  { name: "carbon minCarbonFreeShare 2", run: () => evaluate({ carbon: { minCarbonFreeShare: 2 } }), ...PCE, field: "carbon.minCarbonFreeShare", value: 2, allowed: "a number from 0 to 1" },
  { name: "unknown rule (typo pue-maxx)", run: () => evaluate({ "pue-maxx": { maxPue: 1.2 } }), ...PCE, field: "pue-maxx", allowed: 'no such rule (did you mean "pue-max"?)' },
  { name: "unknown rule (not close to any)", run: () => evaluate({ "noise-limit": "mandatory" }), ...PCE, field: "noise-limit", value: "mandatory", allowed: "no such rule; rules: firm-power" },
  { name: "unknown key inside a rule (maxPUE)", run: () => evaluate({ "pue-max": { maxPUE: 1.2 } }), ...PCE, field: "pue-max.maxPUE", value: 1.2, allowed: 'no such setting (did you mean "maxPue"?); pue-max takes enforcementLevel, maxPue' },
  { name: "a key on a rule that takes none", run: () => evaluate({ "rack-density": { maxKw: 150 } }), ...PCE, field: "rack-density.maxKw", value: 150, allowed: "rack-density takes enforcementLevel" },
  { name: 'enforcementLevel "warn"', run: () => evaluate({ "pue-max": { enforcementLevel: "warn" } }), ...PCE, field: "pue-max.enforcementLevel", value: "warn", allowed: LEVELS },
  { name: 'enforcementLevel "Mandatory"', run: () => evaluate({ "pue-max": { enforcementLevel: "Mandatory" } }), ...PCE, field: "pue-max.enforcementLevel", value: "Mandatory", allowed: 'did you mean "mandatory"?' },
  { name: "enforcementLevel 1", run: () => evaluate({ "firm-power": { enforcementLevel: 1 } }), ...PCE, field: "firm-power.enforcementLevel", value: 1, allowed: LEVELS },
  { name: "enforcementLevel null", run: () => evaluate({ "firm-power": { enforcementLevel: null } }), ...PCE, field: "firm-power.enforcementLevel", value: null, allowed: LEVELS },
  { name: "a rule's entry a string that is not a level", run: () => evaluate({ "firm-power": "warn" }), ...PCE, field: "firm-power", value: "warn", allowed: "an enforcement level" },
  { name: "a rule's entry null", run: () => evaluate({ "firm-power": null }), ...PCE, field: "firm-power", value: null, allowed: "an object of the rule's settings (enforcementLevel, headroomFraction)" },
  { name: "a rule's entry a number", run: () => evaluate({ "firm-power": 5 }), ...PCE, field: "firm-power", value: 5 },
  { name: "a rule's entry an array", run: () => evaluate({ "firm-power": ["mandatory"] }), ...PCE, field: "firm-power", value: ["mandatory"] },
  { name: 'maxPue a string "abc"', run: () => evaluate({ "pue-max": { maxPue: "abc" } }), ...PCE, field: "pue-max.maxPue", value: "abc", allowed: "a number from 1 to 3" },
  { name: "maxPue a boolean", run: () => evaluate({ "pue-max": { maxPue: true } }), ...PCE, field: "pue-max.maxPue", value: true, allowed: "a number from 1 to 3" },
  { name: "maxPue an array", run: () => evaluate({ "pue-max": { maxPue: [1.2] } }), ...PCE, field: "pue-max.maxPue", value: [1.2] },
  { name: "maxPue an object", run: () => evaluate({ "pue-max": { maxPue: { value: 1.2 } } }), ...PCE, field: "pue-max.maxPue", value: { value: 1.2 } },
  { name: "maxPue NaN (only from JS; JSON has none)", run: () => evaluate({ "pue-max": { maxPue: Number.NaN } }), ...PCE, field: "pue-max.maxPue", value: Number.NaN, allowed: "a number from 1 to 3" },
  { name: "maxPue Infinity", run: () => evaluate({ "pue-max": { maxPue: Infinity } }), ...PCE, field: "pue-max.maxPue", value: Infinity },
  { name: "maxPue 0.5", run: () => evaluate({ "pue-max": { maxPue: 0.5 } }), ...PCE, field: "pue-max.maxPue", value: 0.5, allowed: "a number from 1 to 3" },
  { name: "maxPue 3.5", run: () => evaluate({ "pue-max": { maxPue: 3.5 } }), ...PCE, field: "pue-max.maxPue", value: 3.5, allowed: "a number from 1 to 3" },
  { name: "headroomFraction negative", run: () => evaluate({ "firm-power": { headroomFraction: -0.1 } }), ...PCE, field: "firm-power.headroomFraction", value: -0.1, allowed: "a number from 0 to 1" },
  { name: "headroomFraction 1.5", run: () => evaluate({ "firm-power": { headroomFraction: 1.5 } }), ...PCE, field: "firm-power.headroomFraction", value: 1.5 },
  { name: 'requiredRedundancy "3N"', run: () => evaluate({ "cooling-capacity": { requiredRedundancy: "3N" } }), ...PCE, field: "cooling-capacity.requiredRedundancy", value: "3N", allowed: "one of N, N+1, 2N" },
  { name: "maxPilotNodes 1.5", run: () => evaluate({ "aws-pilot-size": { maxPilotNodes: 1.5 } }), ...PCE, field: "aws-pilot-size.maxPilotNodes", value: 1.5, allowed: "a whole number from 0 to 256" },
  { name: "maxPilotNodes 257", run: () => evaluate({ "aws-pilot-size": { maxPilotNodes: 257 } }), ...PCE, field: "aws-pilot-size.maxPilotNodes", value: 257 },
  { name: "maxScarcityWeightedWueLPerKwh a word other than off", run: () => evaluate({ "wue-max": { maxScarcityWeightedWueLPerKwh: "none" } }), ...PCE, field: "wue-max.maxScarcityWeightedWueLPerKwh", value: "none", allowed: '"off" (not checked) or a number from 0 to 1,000 L world-eq/kWh' },
  { name: "maxScarcityWeightedWaterM3PerYear negative", run: () => evaluate({ "water-permit": { maxScarcityWeightedWaterM3PerYear: -5 } }), ...PCE, field: "water-permit.maxScarcityWeightedWaterM3PerYear", value: -5, allowed: '"off" (not checked) or a number from 0 to 1,000,000,000,000 m³ world-eq/yr' },
  { name: "emergency-power minBackupShare above 1", run: () => evaluate({ "emergency-power": { minBackupShare: 1.5 } }), ...PCE, field: "emergency-power.minBackupShare", value: 1.5, allowed: '"market" (the share the market\'s large-load rules name, e.g. 0.5 under Texas SB 6) or a number from 0 to 1' },
  { name: "maxWueLPerKwh negative", run: () => evaluate({ "wue-max": { maxWueLPerKwh: -1 } }), ...PCE, field: "wue-max.maxWueLPerKwh", value: -1, allowed: "a number from 0 to 10 L/kWh" },
  { name: "waterPermitM3PerYear negative", run: () => evaluate({ "water-permit": { waterPermitM3PerYear: -1 } }), ...PCE, field: "water-permit.waterPermitM3PerYear", value: -1 },
  { name: 'maxCarbonIntensityGPerKwh a string "450"', run: () => evaluate({ carbon: { maxCarbonIntensityGPerKwh: "450" } }), ...PCE, field: "carbon.maxCarbonIntensityGPerKwh", value: "450" },
  { name: "minCleanEnergyShare 2", run: () => evaluate({ carbon: { minCleanEnergyShare: 2 } }), ...PCE, field: "carbon.minCleanEnergyShare", value: 2, allowed: "a number from 0 to 1" },
  { name: "minMarginK 21", run: () => evaluate({ "supply-temperature": { minMarginK: 21 } }), ...PCE, field: "supply-temperature.minMarginK", value: 21, allowed: "a number from 0 to 20 K" },
  { name: "config null", run: () => evaluate(null), ...PCE, field: "(config)", value: null, allowed: "an object keyed by rule name" },
  { name: "config an array", run: () => evaluate([{ "pue-max": "mandatory" }]), ...PCE, field: "(config)", allowed: "an object keyed by rule name" },
  { name: "config a string", run: () => evaluate("mandatory"), ...PCE, field: "(config)", value: "mandatory" },
  { name: "several problems at once: each is reported", run: () => evaluate({ "pue-max": { maxPue: 9, enforcementLevel: "warn" }, "firm-powr": {} }), ...PCE, field: "pue-max.maxPue", value: 9 },
];

/** A temporary folder the file cases write into. */
export interface FileContext {
  dir: string;
}
const write = (ctx: FileContext, name: string, content: string | Buffer): string => {
  const file = path.join(ctx.dir, name);
  fs.writeFileSync(file, content);
  return file;
};

/** A symlink in the folder to `target` (e.g. a device). */
const link = (ctx: FileContext, name: string, target: string): string => {
  const file = path.join(ctx.dir, name);
  fs.rmSync(file, { force: true });
  fs.symlinkSync(target, file);
  return file;
};

/** Looks like a credential: the reader must never print a file's content. */
export const SECRET = "sk_live_51HvQzCorpusSecretToken";
const LINE_COLUMN = /line \d+, column \d+/;

export const POLICY_FILE_CASES: BadInputCase<FileContext>[] = [
  { name: "file: invalid JSON (the content is not echoed)", run: (ctx) => readPolicyConfigFile(write(ctx, "invalid.json", `{\n  "pue-max": { "maxPue": ${SECRET} }\n}\n`)), ...USAGE, field: "--policy-config", allowed: "invalid JSON at line 2, column 26", message: LINE_COLUMN, notInMessage: SECRET },
  { name: "file: a trailing comma", run: (ctx) => readPolicyConfigFile(write(ctx, "trailing.json", `{"pue-max": {"maxPue": 1.2},}`)), ...USAGE, field: "--policy-config", allowed: "invalid JSON at line 1, column 29", message: LINE_COLUMN },
  { name: "file: a comment", run: (ctx) => readPolicyConfigFile(write(ctx, "comment.json", `{\n  // ${SECRET}\n  "pue-max": "advisory"\n}`)), ...USAGE, field: "--policy-config", allowed: "invalid JSON at line 2, column 3", notInMessage: SECRET },
  { name: "file: a key given twice", run: (ctx) => readPolicyConfigFile(write(ctx, "twice.json", `{"pue-max": "advisory",\n "pue-max": "mandatory"}`)), ...USAGE, field: "--policy-config", allowed: 'key "pue-max" given twice in one object (line 2, column 2)' },
  { name: "file: empty", run: (ctx) => readPolicyConfigFile(write(ctx, "empty.json", "")), ...USAGE, field: "--policy-config", allowed: "invalid JSON at line 1, column 1", message: LINE_COLUMN },
  { name: "file: a directory", run: (ctx) => readPolicyConfigFile(ctx.dir), ...USAGE, field: "--policy-config", allowed: "not a regular file" },
  { name: "file: /dev/zero (not a regular file; never read)", run: () => readPolicyConfigFile("/dev/zero"), ...USAGE, field: "--policy-config /dev/zero", allowed: "not a regular file" },
  { name: "file: above MAX_POLICY_CONFIG_BYTES", run: (ctx) => readPolicyConfigFile(write(ctx, "big.json", `{}${" ".repeat(MAX_POLICY_CONFIG_BYTES)}`)), ...USAGE, field: "--policy-config", allowed: `${MAX_POLICY_CONFIG_BYTES + 2} bytes; allowed: at most ${MAX_POLICY_CONFIG_BYTES} bytes` },
  { name: "file: missing", run: (ctx) => readPolicyConfigFile(path.join(ctx.dir, "missing.json")), ...USAGE, field: "--policy-config", allowed: "no such file" },
  { name: "file: not UTF-8", run: (ctx) => readPolicyConfigFile(write(ctx, "latin1.json", Buffer.from([0x7b, 0x22, 0xe9, 0x22, 0x3a, 0x31, 0x7d]))), ...USAGE, field: "--policy-config", allowed: "not UTF-8 text" },
  { name: "file: valid JSON, a bad level (named by its kind, not echoed)", run: (ctx) => readPolicyConfigFile(write(ctx, "warn.json", `{"pue-max": {"enforcementLevel": "warn"}}`)), ...PCE, field: "pue-max.enforcementLevel", value: "warn", message: /^--policy-config .*warn\.json: pue-max\.enforcementLevel = a string; allowed: /, notInMessage: '"warn"' },
  { name: "file: valid JSON, null", run: (ctx) => readPolicyConfigFile(write(ctx, "null.json", "null")), ...PCE, field: "(config)", value: null },
  { name: "file: valid JSON, an unknown rule", run: (ctx) => readPolicyConfigFile(write(ctx, "rule.json", `{"firm-powr": {"headroomFraction": 0.2}}`)), ...PCE, field: "firm-powr", allowed: 'did you mean "firm-power"?' },
  { name: "file: a credentials file (keys named, values never echoed)", run: (ctx) => readPolicyConfigFile(write(ctx, "credentials.json", `{"aws_secret_access_key": "${SECRET}", "token": "hunter2"}`)), ...PCE, field: "aws_secret_access_key", allowed: "no such rule", message: /aws_secret_access_key = a string; allowed: no such rule/, notInMessage: SECRET },
  { name: "file: a secret as a setting's value (not echoed)", run: (ctx) => readPolicyConfigFile(write(ctx, "setting.json", `{"pue-max": {"maxPue": "${SECRET}"}}`)), ...PCE, field: "pue-max.maxPue", allowed: "a number from 1 to 3", message: /pue-max\.maxPue = a string; allowed: /, notInMessage: SECRET },
  { name: "file: nested 200,000 deep (no stack overflow)", run: (ctx) => readPolicyConfigFile(write(ctx, "deep.json", `${"[".repeat(200_000)}${"]".repeat(200_000)}`)), ...USAGE, field: "--policy-config", allowed: "nested deeper than 64 levels at line 1, column 65; allowed: at most 64" },
  { name: "file: a symlink to /dev/zero (never read)", run: (ctx) => readPolicyConfigFile(link(ctx, "zero.json", "/dev/zero")), ...USAGE, field: "--policy-config", allowed: "not a regular file (a character device)" },
];

