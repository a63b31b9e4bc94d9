/**
 * Pulumi's mock runtime set up the way the offline planner and the tests need it: every registration recorded with
 * its parent, and each resource read back as the engine's stack policies see it (a component's props are the outputs
 * it registered with registerOutputs; a custom resource's are its state).
 */
import * as pulumi from "@pulumi/pulumi";
import { fileURLToPath } from "node:url";
import type { ResourceView } from "../policies/view";

/** Where a program created a resource: the file and line of the user's code on the resource's construction stack. */
export interface SourceLocation {
  /** Absolute path. */
  file: string;
  line: number;
  column: number;
}

/** A recorded registration: what the mocks were asked to create. */
export interface Registration {
  type: string;
  name: string;
  custom: boolean;
  inputs: Record<string, unknown>;
}

interface MonitorEntry {
  urn: string;
  state: unknown;
}
interface SourcePositionLike {
  getUri(): string;
  getLine(): number;
  getColumn(): number;
}
interface MockMonitorLike {
  resources: Map<string, MonitorEntry>;
  registerResource(req: { getParent(): string; getSourceposition?(): SourcePositionLike | undefined }, callback: (err: unknown, res?: { getUrn(): string }) => void): unknown;
}

export interface MockEngine {
  registrations: Registration[];
  /** Where each resource was created (by URN), when `locate` was given: the nearest frame in the user's files. */
  locations: Map<string, SourceLocation>;
  /** Waits until every registration and output registered so far has reached the monitor; a DuplicateUrnError if two resources share a URN. */
  settle(): Promise<void>;
  /** Waits until every registration started so far has reached the monitor (no duplicate check). */
  rpcsIdle(): Promise<void>;
  /** Views of the registered resources, optionally only those named `prefix` or `prefix-...`. */
  views(prefix?: string): ResourceView[];
  /**
   * Runs `work` with stack traces off (restored after), unless `sourcePositions` was asked for: the SDK still takes
   * traces per resource outside source positions, and mocks read none of them.
   */
  withoutStackTraces<T>(work: () => Promise<T>): Promise<T>;
}

export interface MockEngineOptions {
  project?: string;
  stack?: string;
  /** Preview (true) or update (false) semantics for unknown values. @default true */
  preview?: boolean;
  /** Stack config, keys with their namespace (`aicluster:scale`). */
  config?: Record<string, string>;
  /** Config keys whose values are secret: the program reads them as secret Outputs (`requireSecret`), as under the engine. */
  secretKeys?: readonly string[];
  /** Called after each registration with the count so far (progress reporting; keep it cheap). */
  onRegister?: (count: number) => void;
  /**
   * Keep Pulumi's per-resource source positions (a full stack trace parsed per registration, which the engine uses
   * to point errors at user code and mocks have no use for). Off, they cost nothing. @default false
   */
  sourcePositions?: boolean;
  /**
   * Record where each resource was created: the nearest stack frame whose file this accepts (the user's program, not
   * a library), mapped through source maps. One short stack capture per registration; off, nothing is captured.
   */
  locate?: (file: string) => boolean;
  /** State returned for custom resources (components get none until they register outputs). @default their inputs */
  newResourceState?: (type: string, inputs: Record<string, unknown>, name: string) => Record<string, unknown>;
}

function toPlain(state: unknown): Record<string, unknown> {
  if (state && typeof (state as { toJavaScript?: unknown }).toJavaScript === "function") {
    return (state as { toJavaScript(): Record<string, unknown> }).toJavaScript();
  }
  return (state as Record<string, unknown>) ?? {};
}

/** Two resources with one URN: the engine's error (diagnostic 2001), raised by the mock engine too, so no plan merges them. */
export class DuplicateUrnError extends Error {
  constructor(readonly urns: readonly string[]) {
    super(urns.map((urn) => `Duplicate resource URN '${urn}'; try giving it a unique name`).join("\n"));
    this.name = "DuplicateUrnError";
  }
}

/** Replaces Pulumi's runtime with mocks; import the program (or code under test) after calling this. */
export function installMockEngine(options: MockEngineOptions = {}): MockEngine {
  const registrations: Registration[] = [];
  const parents = new Map<string, string>();
  pulumi.runtime.setAllConfig(options.config ?? {}, options.secretKeys ? [...options.secretKeys] : undefined);
  // Resource.callsites() raises the stack-trace limit to infinity and parses every frame, so its cost grows with how
  // deeply components nest: a fifth of a large plan's registration time.
  // It is private in the SDK; where it is missing (another SDK version) nothing is changed.
  const resourceClass = pulumi.Resource as unknown as { callsites?: () => unknown[] };
  if (options.locate && typeof resourceClass.callsites === "function") resourceClass.callsites = userCallsite(options.locate);
  else if (!options.sourcePositions && typeof resourceClass.callsites === "function") resourceClass.callsites = () => [];
  pulumi.runtime.setMocks(
    {
      newResource: (args) => {
        registrations.push({ type: args.type, name: args.name, custom: args.custom ?? false, inputs: args.inputs });
        options.onRegister?.(registrations.length);
        // A component has no state until it registers outputs (as under the engine); echoing its args back through the
        // mock monitor's serialization cost about a third of a large plan.
        const state = !args.custom ? {} : options.newResourceState ? options.newResourceState(args.type, args.inputs, args.name) : args.inputs;
        return { id: `${args.name}-id`, state };
      },
      call: (args) => args.inputs,
    },
    options.project ?? "aicluster",
    options.stack ?? "test",
    options.preview ?? true,
  );
  const monitor = (pulumi.runtime as unknown as { getMonitor(): MockMonitorLike }).getMonitor();
  // The mocks' newResource does not see the parent; the monitor's request does. Pulumi's mock monitor keeps resources
  // in a map by URN, so a second resource with the same URN would silently replace the first: record it instead and
  // fail as the engine does.
  const register = monitor.registerResource.bind(monitor);
  const seen = new Set<string>();
  const duplicates: string[] = [];
  const locations = new Map<string, SourceLocation>();
  monitor.registerResource = (req, callback) =>
    register(req, (err, res) => {
      if (res) {
        const urn = res.getUrn();
        if (seen.has(urn)) duplicates.push(urn);
        seen.add(urn);
        if (req.getParent()) parents.set(urn, req.getParent());
        const position = options.locate ? req.getSourceposition?.() : undefined;
        if (position?.getUri()) locations.set(urn, { file: fileURLToPath(position.getUri()), line: position.getLine(), column: position.getColumn() });
      }
      callback(err, res);
    });

  const rpcsIdle = async (): Promise<void> => {
    const wait = (pulumi.runtime as unknown as { waitForRPCs?: () => Promise<void> }).waitForRPCs;
    if (wait) await wait();
    else await new Promise((done) => setTimeout(done, 50));
  };
  return {
    registrations,
    locations,
    settle: async () => {
      await rpcsIdle();
      if (duplicates.length > 0) throw new DuplicateUrnError(duplicates);
    },
    rpcsIdle,
    withoutStackTraces: async (work) => {
      if (options.sourcePositions) return work();
      const limit = Error.stackTraceLimit;
      Error.stackTraceLimit = 0;
      try {
        return await work();
      } finally {
        Error.stackTraceLimit = limit;
      }
    },
    views: (prefix) => {
      const views: ResourceView[] = [];
      for (const entry of monitor.resources.values()) {
        const { type, name } = parseUrn(entry.urn);
        if (prefix !== undefined && name !== prefix && !name.startsWith(`${prefix}-`)) continue;
        views.push({ type: type.split("$").pop()!, urn: entry.urn, name, parent: parents.get(entry.urn), props: toPlain(entry.state) });
      }
      return views;
    },
  };
}

/**
 * A URN's type and name: `urn:pulumi:<stack>::<project>::<qualified type>::<name>`. Stack, project and type cannot
 * hold `::`; a name can (`x::y`), so the name is everything after the third separator.
 */
export function parseUrn(urn: string): { type: string; name: string } {
  const parts = urn.split("::");
  return { type: parts[2] ?? "", name: parts.slice(3).join("::") };
}

/** Frames a source-mapped stack line names: `at f (file:line:col)` or `at file:line:col`. */
const FRAME = /at (?:.*\()?(.+):(\d+):(\d+)\)?$/;

/**
 * A replacement for the SDK's private Resource.callsites that returns only the user's frame, in the place the SDK
 * reads the source position from (it skips the first five frames: Resource, Custom/ComponentResource, the class).
 * Structured V8 call sites cost little; only the one frame kept is formatted, which maps it through the source map
 * ts-node installed (so a TypeScript program's line is its own, not the transpiled one).
 */
function userCallsite(accept: (file: string) => boolean): () => { file?: string; line?: number; column?: number }[] {
  return () => {
    const format = Error.prepareStackTrace;
    const limit = Error.stackTraceLimit;
    let sites: NodeJS.CallSite[] = [];
    try {
      Error.stackTraceLimit = 100;
      Error.prepareStackTrace = (_error, stack) => stack;
      const holder: { stack?: unknown } = {};
      Error.captureStackTrace(holder);
      sites = (holder.stack as NodeJS.CallSite[] | undefined) ?? [];
    } finally {
      Error.prepareStackTrace = format;
      Error.stackTraceLimit = limit;
    }
    const site = sites.find((s) => {
      const file = s.getFileName();
      return file !== undefined && file !== null && !file.startsWith("node:") && accept(file.startsWith("file://") ? fileURLToPath(file) : file);
    });
    if (!site) return [];
    let frame = { file: site.getFileName()!, line: site.getLineNumber() ?? 0, column: site.getColumnNumber() ?? 0 };
    if (format) {
      const mapped = FRAME.exec(String(format(new Error(), [site])).split("\n").pop()!.trim());
      if (mapped) frame = { file: mapped[1], line: Number(mapped[2]), column: Number(mapped[3]) };
    }
    if (frame.file.startsWith("file://")) frame.file = fileURLToPath(frame.file);
    return [{}, {}, {}, {}, {}, frame];
  };
}
