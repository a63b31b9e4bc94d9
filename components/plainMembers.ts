/**
 * Plain (non-Output) members of a component: its footprint as numbers and its child components.
 *
 * They live in a WeakMap behind getters rather than in class fields because Pulumi's component-package analyzer
 * (`componentProviderHost`) publishes every declared class field as an output in the package schema; a footprint
 * tree and child resources are neither Outputs nor schema types. Getters are not fields, so the schema lists only
 * the `pulumi.Output` properties.
 */
export class PlainMembers<Owner extends object, Members extends object> {
  private readonly byOwner = new WeakMap<Owner, Members>();

  constructor(private readonly componentType: string) {}

  set(owner: Owner, members: Members): void {
    this.byOwner.set(owner, members);
  }

  of(owner: Owner): Members {
    const members = this.byOwner.get(owner);
    if (!members) throw new Error(`aicluster: a ${this.componentType} member was read before its constructor finished`);
    return members;
  }
}
