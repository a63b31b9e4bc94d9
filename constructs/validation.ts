/**
 * The rules as a construct validation: the construct-tree adapter beside the @pulumi/policy pack (policies/stackPolicies.ts)
 * and the offline planner, over the same rules and the same views. A blocking violation (mandatory or remediate, not
 * exempted) becomes a validation error on the construct it names, with the pack's message (`<message>. Fix: <remediation>`),
 * so `app.synth()` fails in AWS CDK and cdk8s; advisory and exempted violations and exemption notes become metadata
 * (`aicluster:advisory`) on their construct, and go to `onAdvisory` when given (e.g. `cdkAnnotations` from
 * `pulumi-aicluster/cdk`).
 */
import type { IConstruct } from "constructs";
import { evaluatePolicies, EnforcedFinding, PolicyEvaluation, resolvePackConfig } from "../policies/evaluate";
import type { Clock, PackConfig } from "../policies/evaluate";
import { blocks, exemptedViolationNote, exemptionNote, expiredSuffix } from "../policies/exemptions";
import { RULES } from "../policies/rules";
import { aiclusterParent, aiclusterRoot, IAiclusterConstruct, viewsOf } from "./tree";

/** The metadata type of advisory notes on constructs. */
export const ADVISORY_METADATA = "aicluster:advisory";

/** A note that does not fail synthesis. */
export interface AdvisoryNote {
  /** `advisory`: a violation of a rule at advisory level; `exempted`: a blocking violation an exemption covers; `exemption`: an exemption that expired or exempts nothing. */
  kind: "advisory" | "exempted" | "exemption";
  /** The rule, e.g. `water-permit`. */
  policy: string;
  /** One line, as the Pulumi pack prints or reports it. */
  message: string;
}

/** Called once per note, with the construct it is about (the campus for exemption notes). */
export type AdvisoryReporter = (scope: IConstruct, note: AdvisoryNote) => void;

/** How a top-level aicluster construct runs the rules over its tree at synthesis. */
export interface PolicyOptions {
  /** Policy config in the `--policy-pack-config` format: per rule an enforcement level, settings and exemptions. @default every rule at its defaults */
  config?: PackConfig;
  /** Where "today" comes from for exemption expiry (its UTC day). @default the system clock */
  clock?: Clock;
  /** Run the rules at synthesis. @default true */
  enabled?: boolean;
  /** Also hand each advisory note to this reporter (metadata is always written). @default none */
  onAdvisory?: AdvisoryReporter;
}

/** The pack's violation message (policies/stackPolicies.ts reports exactly this). */
export function violationMessage(f: EnforcedFinding): string {
  return `${f.message}. Fix: ${f.remediation}${expiredSuffix(f)}`;
}

const optionsOf = new WeakMap<IConstruct, PolicyOptions>();
const lastRun = new WeakMap<IConstruct, PolicyEvaluation>();
const noted = new WeakMap<IConstruct, Set<string>>();

/**
 * Called by every aicluster construct's constructor: keeps its policy options (only the top of a tree may give them;
 * the config is parsed now, so a bad one fails where it is written) and adds the validation.
 */
export function attachPolicyValidation(c: IAiclusterConstruct, policy: PolicyOptions | undefined): void {
  if (policy !== undefined) {
    const above = aiclusterParent(c);
    if (above) throw new Error(`[${c.node.path}] aicluster: policy options are read from the top aicluster construct of a tree (${above.node.path}); give them there`);
    resolvePackConfig(policy.config ?? {}, RULES, `policy config of ${c.node.path}`);
    optionsOf.set(c, policy);
  }
  c.node.addValidation({ validate: () => blockingMessages(c) });
}

/** Runs the rules over the tree of `root` now (fresh: the tree may have grown since construction), and writes the notes. */
export function evaluateTree(root: IAiclusterConstruct): PolicyEvaluation {
  const options = optionsOf.get(root) ?? {};
  const run = evaluatePolicies(viewsOf(root), options.config ?? {}, RULES, { clock: options.clock, origin: `policy config of ${root.node.path}` });
  lastRun.set(root, run);
  const byPath = new Map(root.node.findAll().map((c) => [c.node.path, c]));
  for (const f of run.findings) {
    if (f.status !== "violation" || blocks(f)) continue;
    const note: AdvisoryNote = f.exemption
      ? { kind: "exempted", policy: f.policy, message: `aicluster: ${exemptedViolationNote(f)}` }
      : { kind: "advisory", policy: f.policy, message: violationMessage(f) };
    report(byPath.get(f.resourceUrn) ?? root, note, options);
  }
  for (const e of run.exemptions) {
    if (e.state !== "applied") report(root, { kind: "exemption", policy: e.policy, message: `aicluster: ${exemptionNote(e)}` }, options);
  }
  return run;
}

/** Metadata once per construct and note (validation may run more than once), then the reporter. */
function report(scope: IConstruct, note: AdvisoryNote, options: PolicyOptions): void {
  const seen = noted.get(scope) ?? noted.set(scope, new Set()).get(scope)!;
  const key = `${note.kind}\n${note.message}`;
  if (seen.has(key)) return;
  seen.add(key);
  scope.node.addMetadata(ADVISORY_METADATA, note);
  options.onAdvisory?.(scope, note);
}

/** The validation errors of one construct: the blocking violations that name it. The top of the tree runs the rules. */
function blockingMessages(c: IAiclusterConstruct): string[] {
  const root = aiclusterRoot(c);
  if ((optionsOf.get(root) ?? {}).enabled === false) return [];
  // Validation visits the tree top-down (CDK and cdk8s both), so the root runs first and its children read its run.
  const run = root === c ? evaluateTree(root) : lastRun.get(root) ?? evaluateTree(root);
  return run.findings.filter((f) => f.resourceUrn === c.node.path && blocks(f)).map(violationMessage);
}

/** The findings of the last run over the tree `c` belongs to (run now if none yet): for tests and reports. */
export function policyEvaluationOf(c: IAiclusterConstruct): PolicyEvaluation {
  const root = aiclusterRoot(c);
  return lastRun.get(root) ?? evaluateTree(root);
}
