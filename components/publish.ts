/**
 * Publishing a footprint: an Output property per field on the component, and the same values as registered outputs.
 *
 * The Output properties are getters installed once per class and field, each creating its Output on first read.
 * A plan builds thousands of components and reads few of their properties; creating some 20 eager Outputs per
 * component (each a handful of promises) was the largest allocation of a 5 GW plan and most of its GC time.
 */
import * as pulumi from "@pulumi/pulumi";

/** A string-literal union (`"air" | "liquid"`) as `string`: the component-package schema has no unions, so classes declare `string`. */
type Widened<V> = V extends string ? string : V;

/**
 * The Output properties a component exposes for the outputs `T` it publishes. Pulumi's component-package analyzer
 * (provider/) reads only the `declare readonly x: pulumi.Output<...>` fields a class writes itself, so each class holds
 * them, generated from the footprint by scripts/outputs.ts (`npm run outputs`; test/outputsGenerated.test.ts fails
 * when they are stale); `class X extends pulumi.ComponentResource implements OutputsOf<XOutputs>` makes a field that
 * is published but not declared (or declared with another type) a compile error, and test/componentPackage.test.ts
 * catches one declared but not published.
 */
export type OutputsOf<T> = { readonly [K in keyof T]-?: pulumi.Output<Widened<T[K]>> };

const PUBLISHED = Symbol("aicluster.published");
const CREATED = Symbol("aicluster.outputs");
const INSTALLED = Symbol("aicluster.outputGetters");

interface Publishing {
  [PUBLISHED]?: Record<string, unknown>;
  [CREATED]?: Map<string, pulumi.Output<unknown>>;
}

function outputGetter(key: string): (this: Publishing) => pulumi.Output<unknown> {
  return function (this: Publishing) {
    const created = (this[CREATED] ??= new Map());
    let output = created.get(key);
    if (!output) {
      output = pulumi.output(this[PUBLISHED]?.[key]);
      created.set(key, output);
    }
    return output;
  };
}

/** Installs the getters for `keys` on `proto` once; a name already taken by the class is a programming error. */
function installGetters(proto: object, keys: string[]): void {
  const installed: Set<string> = Object.prototype.hasOwnProperty.call(proto, INSTALLED)
    ? (proto as { [INSTALLED]: Set<string> })[INSTALLED]
    : Object.defineProperty(proto, INSTALLED, { value: new Set<string>() })[INSTALLED as keyof object];
  for (const key of keys) {
    if (installed.has(key)) continue;
    if (key in proto) throw new Error(`aicluster: footprint field "${key}" clashes with a member of ${proto.constructor.name}`);
    Object.defineProperty(proto, key, { get: outputGetter(key), enumerable: false, configurable: false });
    installed.add(key);
  }
}

/** Exposes each field of `values` as an Output property of `resource` and returns `values` for `registerOutputs`. */
export function publishFootprint<T extends object>(resource: pulumi.ComponentResource, values: T): T {
  (resource as unknown as Publishing)[PUBLISHED] = values as Record<string, unknown>;
  installGetters(Object.getPrototypeOf(resource), Object.keys(values));
  return values;
}
