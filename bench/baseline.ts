/**
 * The benchmark's yardsticks, both under the same mock runtime as the plan:
 *
 * - the replay (the baseline): the plan's resources captured once (type, name, parent, args, registered outputs) and
 *   registered again as bare ComponentResources with the same args and the same registered outputs, in the same tree
 *   shape. It carries the data Pulumi itself must serialize, without the toolkit's validation, physics and policies,
 *   so plan / replay is the toolkit's own cost;
 * - the bare components (the old baseline, `--compare-baselines`): as many ComponentResources with no args and no
 *   outputs, one root and the rest its children.
 */
import * as pulumi from "@pulumi/pulumi";
import type { Registration } from "../plan/mockEngine";
import type { ResourceView } from "../policies/view";

class BareComponent extends pulumi.ComponentResource {
  constructor(name: string, opts?: pulumi.ComponentResourceOptions) {
    super("aicluster-bench:index:Bare", name, {}, opts);
  }
}

export function registerBareComponents(count: number): void {
  if (count < 1) return;
  const root = new BareComponent("bare-root");
  for (let i = 1; i < count; i++) new BareComponent(`bare-${i}`, { parent: root });
}

/** One registered resource of a plan, as Pulumi saw it. */
export interface CapturedResource {
  /** The plan's type token (`aicluster:index:RackGroup`). */
  type: string;
  name: string;
  /** Index of the parent in `resources`, or -1 for a root. Parents come before their children. */
  parent: number;
  /** What the resource passed to `super(type, name, args)` (the mocks' inputs). */
  args: Record<string, unknown>;
  /** What it registered with `registerOutputs` (the mock monitor's state for a component). */
  outputs: Record<string, unknown>;
}

export interface Capture {
  resources: CapturedResource[];
}

/**
 * The plan's resources from the mock engine's registrations (type, name, args, in registration order) and its views
 * (parent URN and registered outputs), matched by type and name (unique within a plan, as the URN holds both).
 */
export function captureRegistrations(registrations: readonly Registration[], views: readonly ResourceView[]): Capture {
  const key = (type: string, name: string) => `${type}::${name}`;
  const viewByKey = new Map<string, ResourceView>();
  for (const v of views) {
    const k = key(v.type, v.name);
    if (viewByKey.has(k)) throw new Error(`bench capture: two resources ${k}; cannot tell them apart`);
    viewByKey.set(k, v);
  }
  const indexByUrn = new Map<string, number>();
  const pending = registrations.map((r) => {
    const view = viewByKey.get(key(r.type, r.name));
    if (!view) throw new Error(`bench capture: ${key(r.type, r.name)} was registered but has no view`);
    return { r, view };
  });
  pending.forEach(({ view }, i) => indexByUrn.set(view.urn, i));
  const resources = pending.map(({ r, view }): CapturedResource => {
    const parent = view.parent === undefined ? -1 : indexByUrn.get(view.parent);
    if (parent === undefined) throw new Error(`bench capture: the parent of ${view.urn} was not registered`);
    return { type: r.type, name: r.name, parent, args: r.inputs, outputs: view.props };
  });
  resources.forEach((r, i) => {
    if (r.parent >= i) throw new Error(`bench capture: ${r.name} registered before its parent`);
  });
  return { resources };
}

/** The replay's type token for a captured type: the same name in the bench's package (`aicluster-bench:index:RackGroup`). */
export function replayType(type: string): string {
  return `aicluster-bench:index:${type.split(":").pop()}`;
}

class ReplayedComponent extends pulumi.ComponentResource {
  constructor(type: string, name: string, args: Record<string, unknown>, opts?: pulumi.ComponentResourceOptions) {
    super(type, name, args, opts);
  }
  publish(outputs: Record<string, unknown>): void {
    this.registerOutputs(outputs);
  }
}

/**
 * Registers the captured resources again as bare components, as the toolkit's components do: the parent first, then
 * its children (depth first, in registration order), then the parent's `registerOutputs` once its children exist.
 * Returns the number registered.
 */
export function replayCapture(capture: Capture): number {
  const children: number[][] = capture.resources.map(() => []);
  const roots: number[] = [];
  capture.resources.forEach((r, i) => (r.parent < 0 ? roots : children[r.parent]).push(i));
  let count = 0;
  const replay = (i: number, parent: ReplayedComponent | undefined): void => {
    const r = capture.resources[i];
    const resource = new ReplayedComponent(replayType(r.type), r.name, r.args, parent ? { parent } : undefined);
    count++;
    for (const child of children[i]) replay(child, resource);
    resource.publish(r.outputs);
  };
  for (const root of roots) replay(root, undefined);
  return count;
}
