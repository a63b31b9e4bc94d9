/** Runs a Pulumi program under the mock runtime, then the policy rules over what it registered (engine-neutral of which program). */
import * as path from "node:path";
import { Clock, EnforcedFinding, evaluatePolicies, ExemptionSummary, PackConfig } from "../policies/evaluate";
import { RULES } from "../policies/rules";
import type { ResourceView } from "../policies/view";
import { awaitProgram } from "./awaitProgram";
import { canonicalOrder } from "./canonicalOrder";
import { collectSeries, SeriesByUrn } from "../components/model/seriesSink";
import type { PlannedCampus } from "../components/model/plan";
import { TYPE_TOKENS } from "../components/model/typeTokens";
import { toolPackage } from "./ciFormats";
import { textSafe } from "./neutralise";
import { ProgramError } from "./programError";
import type { CampusSeries } from "../components/model/plan";
import { installMockEngine, Registration, SourceLocation } from "./mockEngine";
import { trackProgramWork } from "./programWork";
import { OutputResolution, resolveStackOutputs } from "./stackOutputs";
import type { PulumiProject } from "./project";
import { configDir, PROJECT_ROOT, readProject, stackConfigFile } from "./stackConfig";

export interface PlanInput {
  stack: string;
  /** Stack config, namespaced keys. */
  config: Record<string, string>;
  policyConfig?: PackConfig;
  /** Called as resources register, with the count so far. */
  onProgress?: (registered: number) => void;
  /** The Pulumi project, as read from its folder (or the folder to read it from). @default this repository */
  project?: PulumiProject;
  projectDir?: string;
  /** The program: a function returning the stack outputs (this repository's stacks, or a user's, loaded by ./program). */
  program: () => unknown;
  /** Today, for exemptions' expiry dates. @default the system clock (UTC date) */
  clock?: Clock;
  /** Record where the program created each resource (for SARIF and annotations); costs a stack capture per resource. */
  locate?: boolean;
  /** Secret config keys (namespaced): the program reads them as secret values. */
  secretKeys?: readonly string[];
  /** How long the program may take to settle before the run fails naming what is pending. @default 120 */
  timeoutSeconds?: number;
}

/**
 * The default --timeout. The largest stack here (Hyperion at 5 GW, 3,206 resources) settles in about 2 s offline on a
 * 2-core machine; a user's program may also await files or a StackReference's mock. 120 s leaves room for 50 times
 * that on a loaded CI runner, and still ends a hung program well before CI's own job timeout.
 */
export const DEFAULT_TIMEOUT_SECONDS = 120;

/** What a program's module or exported function gave: its stack outputs (a non-object is one output, `value`). */
function asOutputs(exported: unknown): Record<string, unknown> {
  if (exported === undefined || exported === null) return {};
  if (typeof exported !== "object") return { value: exported };
  const { __esModule: _esModule, ...rest } = exported as Record<string, unknown>;
  return rest;
}

export interface PlanRun {
  project: string;
  /** The project folder (absolute). */
  projectDir: string;
  /** The stack's config file (absolute; where findings point when no program line is recorded). */
  stackConfigFile: string;
  stack: string;
  config: Record<string, string>;
  /** Config keys whose values are secret: reports show them as [secret]. */
  secretKeys: readonly string[];
  outputs: Record<string, unknown>;
  /** The hourly series of each campus the program created, by URN (never published; the reports draw them). */
  series: ReadonlyMap<string, CampusSeries>;
  /**
   * Each campus's plan (args, catalog, tree), by URN: what a confidence run re-plans with drawn figures. Under the
   * mocks only (the real engine's campuses are planned in another process); absent in runs built by hand.
   */
  plans?: ReadonlyMap<string, PlannedCampus>;
  registrations: Registration[];
  views: ResourceView[];
  findings: EnforcedFinding[];
  /** Every exemption in the policy config: applied, expired or unused. */
  exemptions: ExemptionSummary[];
  /** Where the program created each resource, by URN (only with `locate`). */
  locations: Map<string, SourceLocation>;
  /** Whole run: program, settling, reading back and policies. */
  wallSeconds: number;
  /** The policy rules alone. */
  policySeconds: number;
  /** `--engine` with `--policy-pack`: violations the user's other packs reported (the aicluster rules' are in `findings`). */
  otherPackViolations?: readonly OtherPackViolation[];
  /** Set when the real engine ran the program (`--engine`): how long its preview took. */
  engine?: { previewSeconds: number };
}

/** A violation another policy pack reported under the engine, as its event says it. */
export interface OtherPackViolation {
  pack: string;
  policy: string;
  resourceUrn?: string;
  message: string;
  /** `mandatory` blocks; `warning` (advisory) does not. */
  level: string;
}

/** aicluster's own sources (the repository's, or the installed package's compiled ones): never "the user's line". */
const LIBRARY_ROOT = path.resolve(__dirname, "..");
const LIBRARY_DIRS = ["components", "policies", "plan", "report", "provider"].map((d) => path.join(LIBRARY_ROOT, d) + path.sep);

/** A file of the user's program: inside the project folder, and neither a dependency nor aicluster's own source. */
export function isProgramFile(projectDir: string, file: string): boolean {
  return file.startsWith(projectDir + path.sep) && !isLibraryFile(file);
}

export function isLibraryFile(file: string): boolean {
  return LIBRARY_DIRS.some((dir) => file.startsWith(dir)) || file.includes(`${path.sep}node_modules${path.sep}`);
}

export async function runProgram(input: PlanInput): Promise<PlanRun> {
  const started = process.hrtime.bigint();
  const pulumiProject = input.project ?? readProject(path.resolve(input.projectDir ?? PROJECT_ROOT));
  const projectDir = pulumiProject.dir;
  const project = pulumiProject.name;
  // Registration is a long run of promise callbacks that starves timers, so progress is reported from the mocks.
  const keepTraces = Boolean(process.env.AICLUSTER_STACK_TRACES);
  const locate = input.locate ? (file: string) => isProgramFile(projectDir, file) : undefined;
  const engine = installMockEngine({ project, stack: input.stack, config: input.config, secretKeys: input.secretKeys, preview: true, onRegister: input.onProgress, sourcePositions: keepTraces, locate });
  // An error thrown inside an apply callback surfaces as an unhandled rejection: the run fails with it, as under the engine.
  const rejections: unknown[] = [];
  const onRejection = (reason: unknown) => void rejections.push(reason);
  process.on("unhandledRejection", onRejection);
  const work = trackProgramWork();
  // Each campus created in this run hands its series to this run's sink, under its URN (components/model/seriesSink.ts).
  const series = new SeriesByUrn();
  let outputs: Record<string, unknown>;
  try {
    // Stack traces cost much under ts-node's source maps and mocks read none; AICLUSTER_STACK_TRACES=1 keeps them.
    outputs = await collectSeries(series, () => engine.withoutStackTraces(async () => {
      let resolution: OutputResolution | undefined;
      // Bad config or args throw here, before anything registers.
      const result = (async () => asOutputs(await input.program()))().then((exported) => {
        resolution = resolveStackOutputs(exported);
        return resolution.done;
      });
      const values = await awaitProgram({
        result,
        work,
        rpcsIdle: engine.rpcsIdle,
        waitingFor: () => (resolution ? resolution.pending().map((name) => `stack output ${JSON.stringify(name)}`) : ["the program's code (its exported function, or a module it awaits)"]),
        failure: () => rejections[0],
        timeoutSeconds: input.timeoutSeconds ?? DEFAULT_TIMEOUT_SECONDS,
      });
      await engine.settle();
      return values;
    }));
  } finally {
    process.off("unhandledRejection", onRejection);
  }
  const arrived = engine.views();
  const campusSeries = await series.settled();
  const withoutSeries = arrived.filter((v) => v.type === TYPE_TOKENS.campus && !campusSeries.has(v.urn));
  if (withoutSeries.length > 0) {
    // A Campus from a pulumi-aicluster release that hands no series to the run (before the planned tree): the
    // reports' hourly parts (worst times, energy flows, margins) would be missing, so no report is made.
    throw new ProgramError(`the hourly series of ${withoutSeries.map((v) => textSafe(v.name)).join(", ")} did not reach the checker: the program's pulumi-aicluster is another release than this checker's (${toolPackage().version}); install the same version in the project`);
  }
  const views = canonicalOrder(arrived, new Map(arrived.map((v, i) => [v.urn, i])));
  const policiesStarted = process.hrtime.bigint();
  const { findings, exemptions } = evaluatePolicies(views, input.policyConfig, RULES, input.clock ? { clock: input.clock } : {});
  const finished = process.hrtime.bigint();
  return {
    project,
    projectDir,
    stackConfigFile: stackConfigFile(pulumiProject, input.stack) ?? path.join(configDir(pulumiProject), `Pulumi.${input.stack}.yaml`),
    stack: input.stack,
    config: input.config,
    secretKeys: input.secretKeys ?? [],
    outputs,
    series: campusSeries,
    plans: await series.plans(),
    registrations: engine.registrations,
    views,
    findings,
    exemptions,
    locations: engine.locations,
    wallSeconds: Number(finished - started) / 1e9,
    policySeconds: Number(finished - policiesStarted) / 1e9,
  };
}
