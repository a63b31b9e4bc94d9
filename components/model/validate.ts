/** Parses component args and resolves catalog ids, turning every failure into one AiclusterInputError. */
import { Catalog, catalog as builtInCatalog, CatalogSection, EntrySchema, InputProblem, problemsFromZod, UNKNOWN_FIELD, unknownReference } from "../catalog";
import { AiclusterInputError, isAiclusterInputError } from "./inputError";
import { deferredProblems } from "./plainValues";

/** Who is being validated: the resource named in every message. */
export interface Subject {
  /** Type token of the resource, e.g. `aicluster:index:Campus`. */
  type: string;
  /** Name of the resource (the Pulumi resource name or construct id). */
  name: string;
  /** Name of the resource being modelled when a parent validates it on its behalf (errors still name the parent). @default name */
  as?: string;
  /**
   * The catalog the model reads its specs and prices from: a value the caller passes (`planCampus(name, args, catalog)`),
   * so two plans with different figures can run side by side in one process. @default the package's catalog
   */
  catalog?: Catalog;
}

/** The catalog a model reads: the subject's, else the package's (`catalog`, which users extend with `register`). */
export function catalogOf(subject: Subject): Catalog {
  return subject.catalog ?? builtInCatalog;
}

/** The name of the resource a model describes. */
export function modelledName(subject: Subject): string {
  return subject.as ?? subject.name;
}

/** Parsed args, or an AiclusterInputError listing every bad field. */
export function parseArgs<T>(schema: EntrySchema<T>, args: unknown, subject: Subject): T {
  // Pulumi needs a name for the URN; without one it throws a plain Error the planner could only call a crash.
  if (typeof subject.name !== "string" || subject.name.length === 0) {
    throw new AiclusterInputError(subject.type, String(subject.name ?? ""), [{ field: "(name)", value: subject.name, allowed: "a non-empty resource name" }]);
  }
  const deferred = deferredProblems(args);
  const parsed = schema.safeParse(args ?? {});
  if (parsed.success && deferred.length === 0) return parsed.data;
  const schemaProblems = parsed.success ? [] : problemsFromZod(parsed.error, args);
  throw new AiclusterInputError(subject.type, subject.name, mergeDeferred(deferred, schemaProblems));
}

/**
 * The schema's problems with each Output or Promise named as such: a schema problem at (or inside) a deferred value's
 * field gives way to the plain-value one, except an unknown field, which the spelling fix must come first for.
 */
function mergeDeferred(deferred: InputProblem[], schemaProblems: InputProblem[]): InputProblem[] {
  const unknownFields = new Set(schemaProblems.filter((p) => p.allowed === UNKNOWN_FIELD).map((p) => p.field));
  const kept = deferred.filter((d) => !unknownFields.has(d.field));
  const within = (field: string, d: InputProblem) => field === d.field || field.startsWith(`${d.field}.`) || field.startsWith(`${d.field}[`);
  const rest = schemaProblems.filter((p) => !kept.some((d) => within(p.field, d)));
  return [...kept, ...rest];
}

/** A catalog entry by id; an unknown id is reported against the field that named it. */
export function lookup<T extends { id: string }>(section: CatalogSection<T>, id: string, field: string, subject: Subject): Readonly<T> {
  if (!section.has(id)) throw new AiclusterInputError(subject.type, subject.name, [unknownReference(field, id, section)]);
  return section.get(id);
}

/** Fails with one problem. */
export function reject(subject: Subject, problem: InputProblem): never {
  throw new AiclusterInputError(subject.type, subject.name, [problem]);
}

/** Prefixes the fields of problems raised for a nested spec (e.g. `racks[2].`), keeping the outer resource's name. */
export function nested<T>(subject: Subject, prefix: string, fn: () => T): T {
  try {
    return fn();
  } catch (e) {
    if (isAiclusterInputError(e) && e.resourceName === subject.name) {
      throw new AiclusterInputError(subject.type, subject.name, e.problems.map((p) => ({ ...p, field: `${prefix}.${p.field}` })));
    }
    throw e;
  }
}

/** Fails on the first entry whose name an earlier entry of the same list already uses. */
export function requireUniqueNames(items: readonly { name: string }[], field: string, subject: Subject): void {
  const seen = new Set<string>();
  items.forEach((item, i) => {
    if (seen.has(item.name)) reject(subject, { field: `${field}[${i}].name`, value: item.name, allowed: `a name not used by another entry of ${field}` });
    seen.add(item.name);
  });
}

type NumericKey<T> = { [K in keyof T]-?: T[K] extends number ? K : never }[keyof T];

/** Sums of several numeric fields over items, for roll-ups. */
export function sumFields<T, K extends NumericKey<T>>(items: readonly T[], keys: readonly K[]): Record<K, number> {
  const totals = {} as Record<K, number>;
  for (const key of keys) totals[key] = sumOf(items, (item) => item[key] as number);
  return totals;
}

/** Sum of a numeric field over items. */
export function sumOf<T>(items: readonly T[], pick: (item: T) => number): number {
  let total = 0;
  for (const item of items) total += pick(item);
  return total;
}
