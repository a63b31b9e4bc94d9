/** Publishing a footprint: one Output property per field on the component, and the same values as registered outputs. */
import * as pulumi from "@pulumi/pulumi";

/** The Output properties a component exposes for a footprint. */
export type OutputsOf<T> = { readonly [K in keyof T]-?: pulumi.Output<T[K]> };

/** Assigns an Output property per field of `values` on `resource` and returns `values` for `registerOutputs`. */
export function publishFootprint<T extends object>(resource: pulumi.ComponentResource, values: T): T {
  const target = resource as unknown as Record<string, pulumi.Output<unknown>>;
  for (const [key, value] of Object.entries(values)) target[key] = pulumi.output(value);
  return values;
}
