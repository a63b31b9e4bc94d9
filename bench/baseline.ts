/**
 * The benchmark's yardstick: the same number of resources as a plan, registered as bare ComponentResources (no args,
 * no outputs, no validation, no physics, no policies) under the same mock runtime, in the same tree shape (one root,
 * the rest its children).
 */
import * as pulumi from "@pulumi/pulumi";

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
