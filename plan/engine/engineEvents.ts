/**
 * What `aicluster check --engine` takes from the engine's event stream (Automation API `onEvent`): the policy
 * violations every pack reported, the errors the engine printed, and the stack's outputs as the preview shows them.
 * Pure functions over the events, so they are tested without an engine.
 */
import type { EnforcedFinding } from "../../policies/evaluate";
import { expiredSuffix } from "../../policies/exemptions";
import { SECRET_OUTPUT } from "../stackOutputs";

/** The parts of the Automation API's EngineEvent read here (a structural subset: the SDK's own types stay out of the reports). */
export interface EngineEventLike {
  policyEvent?: { resourceUrn?: string; message: string; policyName: string; policyPackName: string; enforcementLevel: string };
  diagnosticEvent?: { urn?: string; message: string; severity: string };
  resOutputsEvent?: { metadata: { type: string; urn: string; new?: { outputs?: Record<string, unknown> } } };
  resourcePreEvent?: { metadata: { type: string; urn: string } };
}

/** A violation as the engine reported it: by pack, policy, resource and message. */
export interface EngineViolation {
  pack: string;
  policy: string;
  resourceUrn?: string;
  message: string;
  /** The engine's level: `mandatory` blocks the preview, `warning` (advisory) does not. */
  level: string;
}

/** The name the aicluster pack has under the engine (engine-pack/index.js). */
export const AICLUSTER_PACK = "aicluster";

export function engineViolations(events: readonly EngineEventLike[]): EngineViolation[] {
  return events.flatMap((e) => {
    const p = e.policyEvent;
    if (!p) return [];
    // The CLI's message is the policy's description, a line break, then what the pack reported.
    const message = p.message.trim();
    const reported = message.includes("\n") ? message.slice(message.indexOf("\n") + 1) : message;
    return [{ pack: p.policyPackName, policy: p.policyName, ...(p.resourceUrn ? { resourceUrn: p.resourceUrn } : {}), message: reported, level: p.enforcementLevel }];
  });
}

/** The engine's error lines (diagnostics of severity error), each trimmed: what a failed preview says went wrong. */
export function engineErrors(events: readonly EngineEventLike[]): string[] {
  return events.flatMap((e) => (e.diagnosticEvent?.severity === "error" ? [e.diagnosticEvent.message.trim()] : [])).filter((m) => m !== "");
}

/** The engine's marker of a value unknown during preview, as its events carry it. */
const UNKNOWN_SENTINEL = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";
export const UNKNOWN_OUTPUT = "[unknown]";

/** An output value as the reports show it: unknowns as `[unknown]`, secrets (already masked by the engine) as `[secret]`. */
function shownOutput(value: unknown): unknown {
  if (value === UNKNOWN_SENTINEL) return UNKNOWN_OUTPUT;
  if (value === "[secret]") return SECRET_OUTPUT;
  if (Array.isArray(value)) return value.map(shownOutput);
  if (value !== null && typeof value === "object") {
    const o = value as Record<string, unknown>;
    // A secret the event kept wrapped ({"4dabf18193072939515e22adb298388d": "1b47061264138c4ac30d75fd1eb44270", ...}).
    if (o["4dabf18193072939515e22adb298388d"] === "1b47061264138c4ac30d75fd1eb44270") return SECRET_OUTPUT;
    // An exported resource: the preview shows it as its URN, as the mock mode does.
    if (o["@isPulumiResource"] === true && typeof o.urn === "string") return o.urn;
    return Object.fromEntries(Object.entries(o).map(([k, v]) => [k, shownOutput(v)]));
  }
  return value;
}

/**
 * The URNs in the order the engine stepped through them (the order the program registered them): the reports list
 * resources in that order, as in the mock mode, whatever order the analyzer hands them to a pack in.
 */
export function registrationOrder(events: readonly EngineEventLike[]): Map<string, number> {
  const order = new Map<string, number>();
  for (const e of events) {
    const urn = e.resourcePreEvent?.metadata.urn;
    if (urn !== undefined && !order.has(urn)) order.set(urn, order.size);
  }
  return order;
}

/** The stack's outputs from the last outputs event of the stack resource (none: the program exported nothing). */
export function stackOutputsOf(events: readonly EngineEventLike[]): Record<string, unknown> {
  let outputs: Record<string, unknown> = {};
  for (const e of events) {
    const m = e.resOutputsEvent?.metadata;
    if (m && m.type === "pulumi:pulumi:Stack") outputs = m.new?.outputs ?? {};
  }
  return shownOutput(outputs) as Record<string, unknown>;
}

/** What the aicluster pack reports for a finding under the engine (policies/stackPolicies.ts), to compare with the engine's events. */
export function reportedMessage(f: EnforcedFinding): string {
  return `${f.message}. Fix: ${f.remediation}${expiredSuffix(f)}`.trim();
}

/** The findings the aicluster pack reports as violations under the engine: violations not exempted, of rules that run. */
export function reportedFindings(findings: readonly EnforcedFinding[]): EnforcedFinding[] {
  return findings.filter((f) => f.status === "violation" && f.exemption === undefined && f.enforcementLevel !== "disabled");
}

/**
 * The differences between the violations the engine reported for the aicluster pack and the ones the checker found
 * over the same resources: each side's violations (policy, resource, message) the other lacks, as multisets. Empty
 * when they agree, which they must: the same rules over the same props.
 */
export function disagreements(engine: readonly EngineViolation[], findings: readonly EnforcedFinding[]): { engineOnly: EngineViolation[]; checkerOnly: EnforcedFinding[] } {
  const key = (policy: string, urn: string | undefined) => `${policy}\u0000${urn ?? ""}`;
  const waiting = new Map<string, EngineViolation[]>();
  for (const v of engine.filter((v) => v.pack === AICLUSTER_PACK)) waiting.set(key(v.policy, v.resourceUrn), [...(waiting.get(key(v.policy, v.resourceUrn)) ?? []), v]);
  const checkerOnly: EnforcedFinding[] = [];
  for (const f of reportedFindings(findings)) {
    const list = waiting.get(key(f.policy, f.resourceUrn)) ?? [];
    const message = reportedMessage(f);
    const i = list.findIndex((v) => v.message === message);
    if (i >= 0) list.splice(i, 1);
    else checkerOnly.push(f);
  }
  return { engineOnly: [...waiting.values()].flat(), checkerOnly };
}
