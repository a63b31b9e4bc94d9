/** Runs a Pulumi program under the mock runtime, then the policy rules over what it registered (engine-neutral of which program). */
import * as path from "node:path";
import * as pulumi from "@pulumi/pulumi";
import { Clock, EnforcedFinding, evaluatePolicies, ExemptionSummary, PackConfig } from "../policies/evaluate";
import { RULES } from "../policies/rules";
import type { ResourceView } from "../policies/view";
import { installMockEngine, Registration, SourceLocation } from "./mockEngine";
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
}

export interface PlanRun {
  project: string;
  /** The project folder (absolute). */
  projectDir: string;
  /** The stack's config file (absolute; where findings point when no program line is recorded). */
  stackConfigFile: string;
  stack: string;
  config: Record<string, string>;
  outputs: Record<string, unknown>;
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
}

/**
 * Stack outputs as the engine records them: an exported resource becomes its URN (the engine would store its whole
 * state; a report needs only which resource it is), plain objects and arrays are walked.
 */
function withResourcesAsUrns(value: unknown, depth = 0): unknown {
  if (pulumi.Resource.isInstance(value)) return (value as pulumi.Resource).urn;
  if (depth > 8 || value === null || typeof value !== "object" || pulumi.Output.isInstance(value)) return value;
  if (Array.isArray(value)) return value.map((v) => withResourcesAsUrns(v, depth + 1));
  if (Object.getPrototypeOf(value) !== Object.prototype) return value;
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, withResourcesAsUrns(v, depth + 1)]));
}

function resolved<T>(value: T): Promise<pulumi.Unwrap<T>> {
  return new Promise((done) => pulumi.output(value).apply((v) => done(v as pulumi.Unwrap<T>)));
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
  const engine = installMockEngine({ project, stack: input.stack, config: input.config, preview: true, onRegister: input.onProgress, sourcePositions: keepTraces, locate });
  // An error thrown inside an apply callback surfaces as an unhandled rejection: the run fails with it, as under the engine.
  const rejections: unknown[] = [];
  const onRejection = (reason: unknown) => void rejections.push(reason);
  process.on("unhandledRejection", onRejection);
  let outputs: Record<string, unknown>;
  try {
    // Stack traces cost much under ts-node's source maps and mocks read none; AICLUSTER_STACK_TRACES=1 keeps them.
    outputs = await engine.withoutStackTraces(async () => {
      // Bad config or args throw here, before anything registers.
      const values = (await resolved(withResourcesAsUrns(await input.program()))) as Record<string, unknown>;
      await engine.settle();
      return values ?? {};
    });
    // Rejections are reported on the next turn of the event loop.
    await new Promise((done) => setImmediate(done));
  } finally {
    process.off("unhandledRejection", onRejection);
  }
  if (rejections.length > 0) throw rejections[0];
  const views = engine.views();
  const policiesStarted = process.hrtime.bigint();
  const { findings, exemptions } = evaluatePolicies(views, input.policyConfig, RULES, input.clock ? { clock: input.clock } : {});
  const finished = process.hrtime.bigint();
  return {
    project,
    projectDir,
    stackConfigFile: stackConfigFile(pulumiProject, input.stack) ?? path.join(configDir(pulumiProject), `Pulumi.${input.stack}.yaml`),
    stack: input.stack,
    config: input.config,
    outputs,
    registrations: engine.registrations,
    views,
    findings,
    exemptions,
    locations: engine.locations,
    wallSeconds: Number(finished - started) / 1e9,
    policySeconds: Number(finished - policiesStarted) / 1e9,
  };
}
