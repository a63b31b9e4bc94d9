/**
 * The order the reports list resources in, whichever engine ran the program. Both see resources as their
 * registrations arrive, which follows construction only loosely (each registration first awaits its inputs): the
 * mocks see a campus's halls, then its contracts, then every hall's racks; the real engine may step through a
 * campus's gas contract before its grid contract, or a hall's cooling plant before its racks, and not the same way
 * twice. So the reports use one order of their own: depth first from the roots, siblings by kind in the order the
 * components create them (a campus's halls, then its contracts; a hall's rack groups, each with its node pool, then
 * its cooling plant), then by name, digits compared as numbers (`hall-2` before `hall-10`), then as they arrived.
 */
import { TYPE_TOKENS } from "../components/model/typeTokens";
import type { ResourceView } from "../policies/view";

/** The order in which a component creates its children, by kind: resources of other types come after, as the engine ordered them. */
const SIBLING_RANK: readonly string[] = [
  TYPE_TOKENS.campus, TYPE_TOKENS.dataHall, TYPE_TOKENS.powerContract, TYPE_TOKENS.liquidRack, TYPE_TOKENS.airRack, TYPE_TOKENS.nodePool, TYPE_TOKENS.coolingPlant,
];

/**
 * Names compared with their digit runs as numbers and everything else by UTF-16 code unit: the same on every machine
 * (a locale's collation is not).
 */
export function compareNames(a: string, b: string): number {
  const chunks = (s: string) => s.match(/\d+|\D+/g) ?? [];
  const [x, y] = [chunks(a), chunks(b)];
  for (let i = 0; i < Math.min(x.length, y.length); i++) {
    const [p, q] = [x[i], y[i]];
    const numeric = /^\d/.test(p) && /^\d/.test(q);
    if (numeric) {
      const [m, n] = [p.replace(/^0+(?=\d)/, ""), q.replace(/^0+(?=\d)/, "")];
      if (m.length !== n.length) return m.length - n.length;
      if (m !== n) return m < n ? -1 : 1;
      if (p.length !== q.length) return p.length - q.length;
    } else if (p !== q) {
      return p < q ? -1 : 1;
    }
  }
  return x.length - y.length;
}

/** `views` depth first, siblings by kind, then name, then `seen` (the order they arrived in; views not in it after those). */
export function canonicalOrder(views: readonly ResourceView[], seen: ReadonlyMap<string, number>): ResourceView[] {
  const position = new Map(views.map((v, i) => [v.urn, seen.get(v.urn) ?? views.length + i]));
  const rank = (v: ResourceView) => {
    const r = SIBLING_RANK.indexOf(v.type);
    return r < 0 ? SIBLING_RANK.length : r;
  };
  const byOrder = (a: ResourceView, b: ResourceView) => rank(a) - rank(b) || compareNames(a.name, b.name) || position.get(a.urn)! - position.get(b.urn)!;
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
