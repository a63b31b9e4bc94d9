/**
 * `aicluster check --engine`: the program previewed by the real engine (`pulumi preview` through Pulumi's Automation
 * API, on the user's own project, stack, backend, secrets and config), with the aicluster pack and any packs the user
 * adds. The pack hands back what its rules saw (policies/engineRecord.ts) and the model its hourly series
 * (components/model/hoursHandoff.ts) by URN; the checker evaluates the same rules over the same resources, checks that its
 * violations are exactly the ones the engine reported, and renders the report as in the mock mode.
 *
 * Every way this can go wrong ends in a named error: no CLI (exit 2), no such stack (2), a preview that fails for
 * anything but a policy (3, with the engine's own messages), no record from the pack (3), values the preview cannot
 * know on an aicluster resource (3), and the engine and the checker disagreeing on a violation (3).
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import type { CampusSeries } from "../../components/model/plan";
import { deserializeHours, HOURS_HANDOFF_ENV } from "../../components/model/hoursHandoff";
import { isAiclusterType, TYPE_TOKENS } from "../../components/model/typeTokens";
import { ENGINE_RECORD_ENV, ENGINE_RECORD_POLICY, ENGINE_RECORD_VERSION, EngineRecord } from "../../policies/engineRecord";
import { Clock, evaluatePolicies, PackConfig } from "../../policies/evaluate";
import { RULES } from "../../policies/rules";
import type { ResourceView } from "../../policies/view";
import { canonicalOrder } from "../canonicalOrder";
import { toolPackage } from "../ciFormats";
import { textSafe } from "../neutralise";
import { UsageError } from "../options";
import { ProgramError } from "../programError";
import type { PulumiProject } from "../project";
import type { PlanRun } from "../runProgram";
import { configDir, SECRET_PLACEHOLDER, stackConfigFile } from "../stackConfig";
import { AICLUSTER_PACK, disagreements, registrationOrder, EngineEventLike, engineErrors, EngineViolation, engineViolations, reportedMessage, stackOutputsOf } from "./engineEvents";

/**
 * The policy pack the engine runs: `engine-pack/` at the package's root (plain JavaScript, shipped in the package),
 * two folders up from this file in a clone (plan/engine), three when installed (dist/plan/engine).
 */
export function enginePackDir(): string {
  const candidates = [path.resolve(__dirname, "..", "..", "engine-pack"), path.resolve(__dirname, "..", "..", "..", "engine-pack")];
  const found = candidates.find((d) => fs.existsSync(path.join(d, "PulumiPolicy.yaml")));
  if (!found) throw new ProgramError(`--engine: the aicluster policy pack is missing from the package (looked in ${candidates.join(" and ")}); reinstall pulumi-aicluster`);
  return found;
}

export interface EngineInput {
  project: PulumiProject;
  /** The stack as the user named it (`dev`, `acme/dev`, `acme/<project>/dev`): the engine selects it so. */
  stackReference: string;
  /** The stack's short name, as reports use it. */
  stack: string;
  /** The user's policy config file and its checked content (`--policy-config`). */
  policyConfigFile?: string;
  policyConfig?: PackConfig;
  /** More policy packs to run beside aicluster's (`--policy-pack <dir>`). */
  policyPacks?: readonly string[];
  clock?: Clock;
  timeoutSeconds: number;
  /** Where `pulumi` is looked for. @default PATH */
  pathEnv?: string;
}

export interface EngineRun extends PlanRun {
  /** Violations other packs reported (never aicluster's: those are in `findings`). */
  otherPackViolations: EngineViolation[];
  engine: { previewSeconds: number };
}

/** `pulumi` on PATH, or a named error (exit 2). */
export function findPulumiCli(pathEnv = process.env.PATH ?? ""): string {
  for (const dir of pathEnv.split(path.delimiter).filter((d) => d !== "")) {
    const file = path.join(dir, "pulumi");
    try {
      fs.accessSync(file, fs.constants.X_OK);
      if (fs.statSync(file).isFile()) return file;
    } catch {
      // not here
    }
  }
  throw new UsageError("--engine: no pulumi CLI on PATH; install it (https://www.pulumi.com/docs/iac/download-install/) or leave out --engine to check under Pulumi's mock runtime", false);
}

/** The user's policy config with the record policy's level set, so `"all": "disabled"` cannot switch the hand-off off. */
function writePackConfig(dir: string, userFile: string | undefined): string {
  const user = userFile ? (JSON.parse(fs.readFileSync(userFile, "utf8")) as Record<string, unknown>) : {};
  const file = path.join(dir, "aicluster-policy-config.json");
  fs.writeFileSync(file, JSON.stringify({ ...user, [ENGINE_RECORD_POLICY]: "advisory" }), { mode: 0o600 });
  return file;
}

/** One message from the engine's errors: each line made safe for a terminal and a CI log, at most 20 of them. */
function engineMessage(lines: readonly string[]): string {
  const all = lines.flatMap((l) => l.split("\n")).map((l) => textSafe(l.replace(/\t/g, "  ")).trimEnd()).filter((l) => l !== "");
  return all.length > 20 ? [...all.slice(0, 20), `... and ${all.length - 20} more lines`].join("\n") : all.join("\n");
}

/** What the CLI wrote to stderr, from the Automation API's CommandError (its message also holds the command line and stdout). */
function cliStderr(e: unknown): string {
  const result = (e as { commandResult?: { stderr?: unknown } }).commandResult;
  // Its first line may be the process runner's own ("Command failed with exit code 255: <the command line>").
  if (result && typeof result.stderr === "string" && result.stderr.trim() !== "") return result.stderr.replace(/^Command failed with exit code.*\n/, "");
  return e instanceof Error ? e.message : String(e);
}

/**
 * The stack's config as the engine resolves it (the stack file, Pulumi.yaml's defaults, ESC environments), for the
 * report's Config line: secret values are replaced by `[secret]` as they are read, so none is ever kept.
 */
async function engineConfig(stack: import("@pulumi/pulumi/automation").Stack): Promise<{ values: Record<string, string>; secretKeys: string[] }> {
  let all: Awaited<ReturnType<typeof stack.getAllConfig>>;
  try {
    all = await stack.getAllConfig();
  } catch (e) {
    throw new UsageError(`--stack ${stack.name}: the engine cannot read its config:\n${engineMessage([cliStderr(e)])}`, false);
  }
  const values: Record<string, string> = {};
  const secretKeys: string[] = [];
  for (const [key, entry] of Object.entries(all)) {
    values[key] = entry.secret ? SECRET_PLACEHOLDER : entry.value;
    if (entry.secret) secretKeys.push(key);
  }
  return { values, secretKeys: secretKeys.sort() };
}

function readRecord(file: string): EngineRecord | undefined {
  if (!fs.existsSync(file)) return undefined;
  const record = JSON.parse(fs.readFileSync(file, "utf8")) as EngineRecord;
  if (record.version !== ENGINE_RECORD_VERSION) {
    throw new ProgramError(`--engine: the policy pack wrote a record of version ${record.version}, this checker reads ${ENGINE_RECORD_VERSION}: the pack and the checker come from different pulumi-aicluster releases (reinstall the package)`);
  }
  return record;
}

/** The series each campus handed off in the engine's process, by URN (components/model/hoursHandoff.ts). */
function handedOffSeries(dir: string): Map<string, CampusSeries> {
  const byUrn = new Map<string, CampusSeries>();
  for (const f of fs.readdirSync(dir)) {
    if (!f.startsWith("campus-") || !f.endsWith(".json")) continue;
    const entry = deserializeHours(fs.readFileSync(path.join(dir, f), "utf8"));
    byUrn.set(entry.urn, { hours: entry.hours, supplyMarginK: () => entry.supplyMarginK });
  }
  return byUrn;
}

export async function runEngine(input: EngineInput): Promise<EngineRun> {
  const started = process.hrtime.bigint();
  const cli = findPulumiCli(input.pathEnv);
  const packs = [enginePackDir(), ...(input.policyPacks ?? []).map((p) => path.resolve(p))];
  try {
    // The pack the engine starts loads @pulumi/policy from the project's node_modules (an optional peer of the package).
    require.resolve("@pulumi/policy", { paths: [packs[0], input.project.dir] });
  } catch {
    throw new UsageError("--engine: @pulumi/policy is not installed; the engine runs the aicluster policy pack with it: npm install --save-dev @pulumi/policy", false);
  }
  for (const p of packs.slice(1)) {
    if (!fs.existsSync(path.join(p, "PulumiPolicy.yaml"))) throw new UsageError(`--policy-pack ${p}: allowed a policy pack folder (one holding PulumiPolicy.yaml)`, false);
  }
  const work = fs.mkdtempSync(path.join(os.tmpdir(), "aicluster-engine-"));
  try {
    const recordFile = path.join(work, "record.json");
    const hoursDir = path.join(work, "hours");
    fs.mkdirSync(hoursDir, { mode: 0o700 });
    const configs = [writePackConfig(work, input.policyConfigFile), ...packs.slice(1).map((_, i) => {
      // The CLI takes one config per pack or none: the user's own packs run on their defaults.
      const file = path.join(work, `pack-${i}.json`);
      fs.writeFileSync(file, "{}");
      return file;
    })];
    // The Automation API from the program's own @pulumi/pulumi (the one its language host runs), else the checker's.
    const automation = require(require.resolve("@pulumi/pulumi/automation", { paths: [input.project.dir, __dirname] })) as typeof import("@pulumi/pulumi/automation");
    const envVars = { [ENGINE_RECORD_ENV]: recordFile, [HOURS_HANDOFF_ENV]: hoursDir };
    const pulumiCommand = await automation.PulumiCommand.get({ root: path.dirname(path.dirname(cli)), skipVersionCheck: true }).catch(() => undefined);
    const workspace = await automation.LocalWorkspace.create({ workDir: input.project.dir, envVars, ...(pulumiCommand ? { pulumiCommand } : {}) });
    let stack: import("@pulumi/pulumi/automation").Stack;
    try {
      stack = await automation.Stack.select(input.stackReference, workspace);
    } catch (e) {
      const said = engineMessage([cliStderr(e)]);
      throw new UsageError(`--stack ${input.stackReference}: the engine cannot select it (pulumi stack ls lists the stacks; pulumi stack init ${input.stackReference} makes one):\n${said}`, false);
    }
    const config = await engineConfig(stack);
    const events: EngineEventLike[] = [];
    const previewStarted = process.hrtime.bigint();
    let failure: unknown;
    try {
      await stack.preview({
        policyPacks: packs, policyPackConfigs: configs, color: "never", diff: false,
        onEvent: (e) => void events.push(e as EngineEventLike),
        signal: AbortSignal.timeout(input.timeoutSeconds * 1000),
      });
    } catch (e) {
      failure = e;
    }
    const previewSeconds = Number(process.hrtime.bigint() - previewStarted) / 1e9;
    const violations = engineViolations(events);
    const blockingPolicies = violations.filter((v) => v.level === "mandatory");
    const record = readRecord(recordFile);
    if (failure !== undefined && (blockingPolicies.length === 0 || record === undefined)) {
      if ((failure as Error).name === "AbortError" || (failure as Error).name === "TimeoutError") {
        throw new ProgramError(`--engine: the preview did not finish in ${input.timeoutSeconds} s (--timeout); it was stopped`);
      }
      const errors = engineErrors(events);
      const said = engineMessage(errors.length > 0 ? errors : [cliStderr(failure)]);
      throw new ProgramError(`--engine: pulumi preview failed, not on a policy:\n${said}`);
    }
    if (record === undefined) {
      throw new ProgramError("--engine: the preview ran but the aicluster policy pack handed nothing back (its stack validation did not run); no verdict can be given");
    }
    const recorded: ResourceView[] = record.resources
      .filter((r) => r.type !== "pulumi:pulumi:Stack" && !r.type.startsWith("pulumi:providers:"))
      .map((r) => ({ type: r.type, urn: r.urn, name: r.name, ...(r.parent ? { parent: r.parent } : {}), props: r.props }));
    const views = canonicalOrder(recorded, registrationOrder(events));

    const blind = record.resources.filter((r) => isAiclusterType(r.type) && r.unknown && r.unknown.length > 0);
    if (blind.length > 0) {
      const list = blind.slice(0, 5).map((r) => `${textSafe(r.urn)} (${r.unknown!.slice(0, 3).map((p) => textSafe(p)).join(", ")})`).join("; ");
      throw new ProgramError(`--engine: the preview cannot know the outputs of ${blind.length} aicluster resource${blind.length === 1 ? "" : "s"}, so their budgets cannot be checked: ${list}. An input depends on a value known only after deployment; check under mocks (without --engine) or give the value in config`);
    }
    const series = handedOffSeries(hoursDir);
    const withoutHours = views.filter((v) => v.type === TYPE_TOKENS.campus && !series.has(v.urn));
    if (withoutHours.length > 0) {
      // The model that ran is not this package's (an aicluster plugin or a program's copy from another release):
      // its hours never came back, and the reports' hourly parts would be empty or wrong.
      throw new ProgramError(`--engine: the hourly series of ${withoutHours.map((v) => textSafe(v.name)).join(", ")} did not come back from the engine: the model that ran is from another pulumi-aicluster release than this checker (for YAML or Python, reinstall the aicluster plugin at version ${toolPackage().version})`);
    }
    const policiesStarted = process.hrtime.bigint();
    const { findings, exemptions } = evaluatePolicies(views, input.policyConfig, RULES, input.clock ? { clock: input.clock } : {});
    const finished = process.hrtime.bigint();
    const { engineOnly, checkerOnly } = disagreements(violations, findings);
    if (engineOnly.length > 0 || checkerOnly.length > 0) {
      const lines = [
        ...engineOnly.slice(0, 5).map((v) => `  the engine only: ${v.policy} on ${textSafe(v.resourceUrn ?? "(the stack)")}: ${textSafe(v.message)}`),
        ...checkerOnly.slice(0, 5).map((f) => `  the checker only: ${f.policy} on ${textSafe(f.resourceUrn)}: ${textSafe(reportedMessage(f))}`),
      ];
      throw new ProgramError(`--engine: the engine's policy verdict and the checker's disagree on ${engineOnly.length + checkerOnly.length} violation${engineOnly.length + checkerOnly.length === 1 ? "" : "s"}, so neither is reported (a bug: please report it with this message):\n${lines.join("\n")}`);
    }
    return {
      project: input.project.name,
      projectDir: input.project.dir,
      stackConfigFile: stackConfigFile(input.project, input.stack) ?? path.join(configDir(input.project), `Pulumi.${input.stack}.yaml`),
      stack: input.stack,
      config: config.values,
      secretKeys: config.secretKeys,
      outputs: stackOutputsOf(events),
      series,
      registrations: [],
      views,
      findings,
      exemptions,
      locations: new Map(),
      wallSeconds: Number(finished - started) / 1e9,
      policySeconds: Number(finished - policiesStarted) / 1e9,
      otherPackViolations: violations.filter((v) => v.pack !== AICLUSTER_PACK),
      engine: { previewSeconds },
    };
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}
