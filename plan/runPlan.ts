/** Runs the stack program under the mock runtime, then the policy rules over what it registered. */
import * as pulumi from "@pulumi/pulumi";
import { EnforcedFinding, evaluateRules, PackConfig } from "../policies/evaluate";
import type { ResourceView } from "../policies/view";
import stackMain from "../stacks";
import { installMockEngine, Registration } from "./mockEngine";
import { readProject } from "./stackConfig";

export interface PlanInput {
  stack: string;
  /** Stack config, namespaced keys. */
  config: Record<string, string>;
  policyConfig?: PackConfig;
  /** Called as resources register, with the count so far. */
  onProgress?: (registered: number) => void;
}

export interface PlanRun {
  project: string;
  stack: string;
  config: Record<string, string>;
  outputs: Record<string, unknown>;
  registrations: Registration[];
  views: ResourceView[];
  findings: EnforcedFinding[];
  /** Whole run: program, settling, reading back and policies. */
  wallSeconds: number;
  /** The policy rules alone. */
  policySeconds: number;
}

function resolved<T>(value: T): Promise<pulumi.Unwrap<T>> {
  return new Promise((done) => pulumi.output(value).apply((v) => done(v as pulumi.Unwrap<T>)));
}

export async function runPlan(input: PlanInput): Promise<PlanRun> {
  const started = process.hrtime.bigint();
  const project = readProject().name;
  // Registration is a long run of promise callbacks that starves timers, so progress is reported from the mocks.
  const keepTraces = Boolean(process.env.AICLUSTER_STACK_TRACES);
  const engine = installMockEngine({ project, stack: input.stack, config: input.config, preview: true, onRegister: input.onProgress, sourcePositions: keepTraces });
  // Stack traces cost much under ts-node's source maps and mocks read none; AICLUSTER_STACK_TRACES=1 keeps them.
  const outputs = await engine.withoutStackTraces(async () => {
    // Bad config or args throw here, before anything registers.
    const values = (await resolved(await stackMain())) as Record<string, unknown>;
    await engine.settle();
    return values;
  });
  const views = engine.views();
  const policiesStarted = process.hrtime.bigint();
  const findings = evaluateRules(views, input.policyConfig);
  const finished = process.hrtime.bigint();
  return {
    project,
    stack: input.stack,
    config: input.config,
    outputs,
    registrations: engine.registrations,
    views,
    findings,
    wallSeconds: Number(finished - started) / 1e9,
    policySeconds: Number(finished - policiesStarted) / 1e9,
  };
}
