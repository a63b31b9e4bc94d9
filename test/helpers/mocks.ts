/**
 * Pulumi's mock runtime for tests, the same set-up the offline planner uses (plan/mockEngine.ts).
 * Import code under test only after installMocks().
 */
import * as pulumi from "@pulumi/pulumi";
import { installMockEngine, MockEngine, Registration } from "../../plan/mockEngine";
import type { ResourceView } from "../../policies/view";

export type Registered = Registration;

let engine: MockEngine | undefined;

function current(): MockEngine {
  if (!engine) throw new Error("call installMocks() first");
  return engine;
}

/** Installs the mocks; returns the list every registration is appended to. */
export function installMocks(): Registered[] {
  engine = installMockEngine({ project: "aicluster-test", stack: "test" });
  return engine.registrations;
}

/** The value inside an Output (mocks resolve everything). */
export function resolve<T>(output: pulumi.Output<T>): Promise<T> {
  return new Promise((done) => output.apply((v) => done(v)));
}

/** Waits until registrations queued so far have reached the mock monitor. */
export function settle(): Promise<void> {
  return current().settle();
}

/** Views, as the engine's stack validation gives them, of every resource named `prefix` or `prefix-...`. */
export async function viewsOf(prefix: string): Promise<ResourceView[]> {
  await settle();
  return current().views(prefix);
}

/**
 * A campus built by the TypeScript components under fresh mocks: its footprint and its resources counted by type
 * (what the e2e tests of other languages compare their programs with).
 */
export async function campusUnderMocks(args: import("../../components/campus").CampusArgs) {
  const registered = installMocks();
  const { Campus } = await import("../../components");
  const campus = new Campus("campus", args);
  await settle();
  const counts: Record<string, number> = {};
  for (const r of registered) counts[r.type] = (counts[r.type] ?? 0) + 1;
  return { footprint: campus.footprint, counts };
}
