/**
 * The order the reports list resources in, whichever engine ran the program. Both record resources as their
 * registrations arrive, which follows construction only loosely: each registration first awaits its inputs, so the
 * mocks record a campus's halls, then its contracts, then every hall's racks, and the real engine may step through a
 * hall's cooling plant before its racks. The reports put them in one order instead: depth first from the roots,
 * siblings by kind in the order the components create them (a campus's halls, then its contracts; a hall's rack
 * groups, each with its node pool, then its cooling plant), then in the order they arrived. Resources of the same kind
 * under one parent keep their order, so every rule's findings come in the same order as before.
 */
import { TYPE_TOKENS } from "../components/model/typeTokens";
import type { ResourceView } from "../policies/view";

/** The order in which a component creates its children, by kind: resources of other types come after, as the engine ordered them. */
const SIBLING_RANK: readonly string[] = [
  TYPE_TOKENS.campus, TYPE_TOKENS.dataHall, TYPE_TOKENS.powerContract, TYPE_TOKENS.liquidRack, TYPE_TOKENS.airRack, TYPE_TOKENS.nodePool, TYPE_TOKENS.coolingPlant,
];

/** `views` depth first, siblings by kind then by `seen` (the order they arrived in; views not in it keep their own order, after those). */
export function canonicalOrder(views: readonly ResourceView[], seen: ReadonlyMap<string, number>): ResourceView[] {
  const position = new Map(views.map((v, i) => [v.urn, seen.get(v.urn) ?? views.length + i]));
  const rank = (v: ResourceView) => {
    const r = SIBLING_RANK.indexOf(v.type);
    return r < 0 ? SIBLING_RANK.length : r;
  };
  const byOrder = (a: ResourceView, b: ResourceView) => rank(a) - rank(b) || position.get(a.urn)! - position.get(b.urn)!;
  const known = new Set(views.map((v) => v.urn));
  const children = new Map<string | undefined, ResourceView[]>();
  for (const v of views) {
    const parent = v.parent !== undefined && known.has(v.parent) ? v.parent : undefined;
    children.set(parent, [...(children.get(parent) ?? []), v]);
  }
  const out: ResourceView[] = [];
  // Iterative, so a deep tree cannot overflow the stack.
  const stack = [...(children.get(undefined) ?? [])].sort(byOrder).reverse();
  while (stack.length > 0) {
    const v = stack.pop()!;
    out.push(v);
    stack.push(...[...(children.get(v.urn) ?? [])].sort(byOrder).reverse());
  }
  return out;
}
