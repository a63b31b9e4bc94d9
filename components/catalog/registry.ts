/**
 * The catalog: built-in specs plus the user's own, validated by the same schemas.
 * Lookups of unknown ids fail with the list of known ones.
 */
import { z } from "zod";
import { BUILTIN_ACCELERATORS } from "./accelerators";
import { BUILTIN_AWS_INSTANCE_TYPES } from "./awsInstanceTypes";
import { BUILTIN_CLIMATES } from "./climates";
import { BUILTIN_COOLING_TECHNOLOGIES } from "./coolingTechnologies";
import { BUILTIN_GENERATION_SOURCES } from "./generationSources";
import { BUILTIN_NODE_DESIGNS } from "./nodeDesigns";
import { BUILTIN_RACK_DESIGNS } from "./rackDesigns";
import { describeProblems, InputProblem, problemsFromZod } from "./issues";
import {
  acceleratorSchema, AcceleratorSpec, awsInstanceTypeSchema, AwsInstanceTypeSpec, climateSchema, ClimateSpec, coolingTechnologySchema, CoolingTechnologySpec,
  generationSourceSchema, GenerationSourceSpec, nodeDesignSchema, NodeDesignSpec, rackDesignSchema, RackDesignSpec,
} from "./schema";

/** A catalog entry that is invalid, duplicated, or refers to something unknown; or a lookup of an unknown id. */
export class CatalogError extends Error {
  constructor(
    message: string,
    readonly problems: InputProblem[] = [],
  ) {
    super(message);
    this.name = "CatalogError";
  }
}

export interface RegisterOptions {
  /** Replace an existing entry with the same id instead of failing. */
  replace?: boolean;
}

/** One kind of catalog entry (accelerators, node designs, ...). */
export class CatalogSection<T extends { id: string }> {
  private readonly entries = new Map<string, Readonly<T>>();

  constructor(
    /** Singular noun used in messages, e.g. "accelerator". */
    readonly kind: string,
    private readonly schema: z.ZodType<T>,
    private readonly checkReferences: (entry: T) => void = () => {},
  ) {}

  /** Validates and adds an entry; fails on a duplicate id unless `replace` is set. */
  register(entry: T, options: RegisterOptions = {}): Readonly<T> {
    const parsed = this.schema.safeParse(entry);
    if (!parsed.success) {
      const problems = problemsFromZod(parsed.error, entry);
      const label = typeof entry?.id === "string" ? `"${entry.id}"` : "(no id)";
      throw new CatalogError(`invalid ${this.kind} ${label}:\n  - ${describeProblems(problems)}`, problems);
    }
    const spec = parsed.data;
    if (this.entries.has(spec.id) && !options.replace) {
      throw new CatalogError(`${this.kind} "${spec.id}" is already in the catalog; pass { replace: true } to replace it`);
    }
    this.checkReferences(spec);
    const frozen = Object.freeze(spec);
    this.entries.set(spec.id, frozen);
    return frozen;
  }

  /** The entry with this id, or a CatalogError listing the known ids. */
  get(id: string): Readonly<T> {
    const found = this.entries.get(id);
    if (!found) {
      throw new CatalogError(`unknown ${this.kind} ${JSON.stringify(id)}; known: ${this.ids().join(", ")}`, [
        { field: this.kind, value: id, allowed: `one of ${this.ids().join(", ")}` },
      ]);
    }
    return found;
  }

  has(id: string): boolean {
    return this.entries.has(id);
  }

  ids(): string[] {
    return [...this.entries.keys()].sort();
  }

  list(): Readonly<T>[] {
    return this.ids().map((id) => this.entries.get(id)!);
  }
}

/** All sections, with the references between them checked at registration. */
export class Catalog {
  readonly accelerators = new CatalogSection<AcceleratorSpec>("accelerator", acceleratorSchema);
  readonly nodeDesigns: CatalogSection<NodeDesignSpec> = new CatalogSection<NodeDesignSpec>("node design", nodeDesignSchema, (n) => {
    const accelerator = this.accelerators.get(n.acceleratorId);
    if (n.cooling === "air" && accelerator.cooling === "liquid") {
      throw new CatalogError(`node design "${n.id}" is air-cooled but accelerator "${accelerator.id}" needs liquid cooling`);
    }
  });
  readonly rackDesigns: CatalogSection<RackDesignSpec> = new CatalogSection<RackDesignSpec>("rack design", rackDesignSchema, (r) => {
    const node = this.nodeDesigns.get(r.nodeDesignId);
    if (node.cooling === "liquid" && r.cooling === "air") {
      throw new CatalogError(`rack design "${r.id}" is air-cooled but node design "${node.id}" is liquid-cooled`);
    }
  });
  readonly coolingTechnologies = new CatalogSection<CoolingTechnologySpec>("cooling technology", coolingTechnologySchema);
  readonly generationSources = new CatalogSection<GenerationSourceSpec>("generation source", generationSourceSchema);
  readonly climates = new CatalogSection<ClimateSpec>("climate", climateSchema);
  readonly awsInstanceTypes: CatalogSection<AwsInstanceTypeSpec> = new CatalogSection<AwsInstanceTypeSpec>("AWS instance type", awsInstanceTypeSchema, (t) => {
    this.accelerators.get(t.acceleratorId);
    const other = this.awsInstanceTypes.list().find((o) => o.id !== t.id && o.acceleratorId === t.acceleratorId && o.defaultForAccelerator);
    if (t.defaultForAccelerator && other) {
      throw new CatalogError(`AWS instance type "${t.id}" and "${other.id}" are both the default for accelerator "${t.acceleratorId}"; set defaultForAccelerator: false on one`);
    }
  });

  /** A catalog holding the built-in entries. */
  static withBuiltins(): Catalog {
    const c = new Catalog();
    BUILTIN_ACCELERATORS.forEach((e) => c.accelerators.register(e));
    BUILTIN_NODE_DESIGNS.forEach((e) => c.nodeDesigns.register(e));
    BUILTIN_RACK_DESIGNS.forEach((e) => c.rackDesigns.register(e));
    BUILTIN_COOLING_TECHNOLOGIES.forEach((e) => c.coolingTechnologies.register(e));
    BUILTIN_GENERATION_SOURCES.forEach((e) => c.generationSources.register(e));
    BUILTIN_CLIMATES.forEach((e) => c.climates.register(e));
    BUILTIN_AWS_INSTANCE_TYPES.forEach((e) => c.awsInstanceTypes.register(e));
    return c;
  }
}

/**
 * The catalog the components read. Extend it before creating components:
 * `catalog.accelerators.register({ id: "acme-x1", ... })`.
 */
export const catalog: Catalog = Catalog.withBuiltins();
