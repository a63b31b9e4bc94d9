/**
 * Identity across a whole tree, checked before anything registers. Pulumi names a resource by its type chain and
 * name (its URN); children are named `<parent>-<child>`, so hall `a-b` with group `c` and hall `a` with group `b-c`
 * would both make `x-a-b-c`: the engine fails on the duplicate URN, and a plan that merged them would check one
 * group instead of two. Rack ids must be unique for the same reason: they are what people and tools refer to.
 */
import { reject, Subject } from "./validate";

/** The first place a key was seen: its field path and a description for the message. */
interface Seen {
  path: string;
  what: string;
}

/** Remembers keys with where they came from; the second use of a key fails, naming both places. */
export class UniqueKeys {
  private readonly seen = new Map<string, Seen>();

  constructor(private readonly subject: Subject) {}

  /** Records `key` for the field at `path`; an AiclusterInputError (saying `allowed(first)`) when an earlier field took it. */
  add(key: string, path: string, value: unknown, what: string, allowed: (first: Seen) => string): void {
    const first = this.seen.get(key);
    if (first) reject(this.subject, { field: path, value, allowed: allowed(first) });
    this.seen.set(key, { path, what });
  }
}

/** The rack groups of one hall, as the identity checks need them. */
export interface HallIdentity {
  /** The hall's component name (`<campus>-<hall>`, or the hall's own name). */
  hallName: string;
  /** Field path of the hall in the args, e.g. `halls[2]` (empty for a standalone hall). */
  path: string;
  groups: readonly { name: string; cooling: "air" | "liquid"; rackIds: readonly string[] }[];
}

/** Fails when two rack groups (or their node pools) would get the same URN, or two racks the same id. */
export function requireUniqueIdentities(subject: Subject, halls: readonly HallIdentity[], childName: (hall: string, group: string) => string): void {
  const names = new UniqueKeys(subject);
  const rackIds = new UniqueKeys(subject);
  for (const hall of halls) {
    const at = hall.path ? `${hall.path}.` : "";
    hall.groups.forEach((g, i) => {
      const resource = childName(hall.hallName, g.name);
      const what = `group "${g.name}" of hall "${hall.hallName}"`;
      // Same type chain (campus, hall, rack kind) and name: the same URN. Air and liquid groups differ in type.
      names.add(`${g.cooling}\u0000${resource}`, `${at}racks[${i}].name`, g.name, what, (first) =>
        `a name that does not collide with ${first.path} (${first.what}): both make the ${g.cooling}-cooled rack group "${resource}", one URN`);
      g.rackIds.forEach((id, r) =>
        rackIds.add(id, `${at}racks[${i}].rackIds[${r}]`, id, what, (first) => `a rack id not used elsewhere; ${first.path} (${first.what}) has it`),
      );
    });
  }
}
