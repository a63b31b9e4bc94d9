/**
 * The hand-off from a policy pack running under the real engine to `aicluster check --engine`: a stack validation that
 * writes every resource the analyzer handed the pack (type, URN, name, parent, props) to the file the checker named in
 * AICLUSTER_ENGINE_RECORD, so the checker evaluates the rules over exactly what the engine's rules saw and renders
 * the same report as under mocks. Without the variable it does nothing: `pulumi preview --policy-pack` never writes.
 *
 * A value the engine cannot know during preview (an output of a resource not yet created) is recorded by its path,
 * not guessed: the checker refuses to give a verdict on a resource whose outputs it cannot see (the engine's own
 * policy SDK skips such a policy with a warning, which would pass it).
 */
import * as fs from "node:fs";
import type { PolicyResource, StackValidationPolicy } from "./packTypes";

/** The variable naming the file the record is written to (set by `aicluster check --engine`, never by users). */
export const ENGINE_RECORD_ENV = "AICLUSTER_ENGINE_RECORD";

/** The recording policy's name in the pack (advisory, reports nothing; the checker sets its level in the config it passes). */
export const ENGINE_RECORD_POLICY = "aicluster-check-record";

/** Bumped when the record's shape changes: the checker refuses a record of another version (a pack from another release). */
export const ENGINE_RECORD_VERSION = 1;

/** One resource as the engine's analyzer handed it to the pack. */
export interface RecordedResource {
  type: string;
  urn: string;
  name: string;
  parent?: string;
  props: Record<string, unknown>;
  /** Paths of values unknown during preview (`props.location`, `props.halls[2]`); absent when every value is known. */
  unknown?: string[];
}

export interface EngineRecord {
  version: number;
  resources: RecordedResource[];
}

/** Reading a property can throw (the policy SDK's unknown-value proxy): the value's path is noted and the value left out. */
function plain(value: unknown, at: string, unknown: string[]): unknown {
  if (value === null || typeof value !== "object") return value;
  if (Array.isArray(value)) {
    const out: unknown[] = [];
    for (let i = 0; i < value.length; i++) out.push(read(() => value[i], `${at}[${i}]`, unknown));
    return out;
  }
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(value)) {
    const v = read(() => (value as Record<string, unknown>)[key], `${at}.${key}`, unknown);
    if (v !== undefined) out[key] = v;
  }
  return out;
}

function read(get: () => unknown, at: string, unknown: string[]): unknown {
  let v: unknown;
  try {
    v = get();
  } catch {
    unknown.push(at);
    return undefined;
  }
  return plain(v, at, unknown);
}

/** A resource as recorded: plain JSON, with the paths of the values unknown during preview. */
export function recordOf(resource: PolicyResource): RecordedResource {
  const unknown: string[] = [];
  const props = (read(() => resource.props ?? {}, "props", unknown) ?? {}) as Record<string, unknown>;
  return {
    type: resource.type, urn: resource.urn, name: resource.name,
    ...(resource.parent?.urn ? { parent: resource.parent.urn } : {}),
    props,
    ...(unknown.length > 0 ? { unknown } : {}),
  };
}

/** The stack validation that writes the record (written whole to a temporary file and renamed, so a reader never sees half). */
export function engineRecordPolicy(): StackValidationPolicy {
  return {
    name: ENGINE_RECORD_POLICY,
    description: "Hands the resources the rules saw to aicluster check --engine (writes only when that command runs the preview; reports nothing).",
    enforcementLevel: "advisory",
    validateStack: (args) => {
      const file = process.env[ENGINE_RECORD_ENV];
      if (!file) return;
      const record: EngineRecord = { version: ENGINE_RECORD_VERSION, resources: args.resources.map(recordOf) };
      fs.writeFileSync(`${file}.partial`, JSON.stringify(record), { mode: 0o600 });
      fs.renameSync(`${file}.partial`, file);
    },
  };
}
