/**
 * The catalog: built-in specs plus the user's own, validated by the same schemas.
 * Lookups of unknown ids fail with the list of known ones.
 */
import type { Assert, SameShape } from "./schemaCommon";
import { fixed } from "../format/numbers";
import { BUILTIN_ACCELERATORS } from "./accelerators";
import { BUILTIN_AWS_INSTANCE_TYPES } from "./awsInstanceTypes";
import { BUILTIN_CLIMATES } from "./climates";
import { BUILTIN_COOLING_TECHNOLOGIES } from "./coolingTechnologies";
import { BUILTIN_GENERATION_SOURCES } from "./generationSources";
import { BUILTIN_MARKETS } from "./markets";
import { marketSchema, MarketSpec } from "./marketSchema";
import { BUILTIN_COSTS_OF_CAPITAL, BUILTIN_GPU_RENTAL_PRICES } from "./finance";
import { costOfCapitalSchema, CostOfCapitalSpec, gpuRentalPriceSchema, GpuRentalPriceSpec } from "./financeSchema";
import { BUILTIN_COOLING_PLANT_COSTS, BUILTIN_ENERGY_PRICES, BUILTIN_FACILITY_COSTS, BUILTIN_GENERATION_COSTS, BUILTIN_RACK_HARDWARE_COSTS, BUILTIN_WATER_PRICES } from "./costs";
import {
  coolingPlantCostSchema, CoolingPlantCostSpec, energyPriceSchema, EnergyPriceSpec, facilityCostSchema, FacilityCostSpec, generationCostSchema, GenerationCostSpec,
  rackHardwareCostSchema, RackHardwareCostSpec, waterPriceSchema, WaterPriceSpec,
} from "./costSchema";
import { BUILTIN_NODE_DESIGNS } from "./nodeDesigns";
import { BUILTIN_WATER_SCARCITY } from "./waterScarcity";
import { waterScarcitySchema, type WaterScarcitySpec } from "./waterScarcitySchema";
import { BUILTIN_RACK_DESIGNS } from "./rackDesigns";
import { nodeItPowerW, rackItPowerKw } from "../physics";
import { describeProblems, EntrySchema, InputProblem, problemsFromZod } from "./issues";
import {
  acceleratorSchema, AcceleratorSpec, awsInstanceTypeSchema, AwsInstanceTypeSpec, climateSchema, ClimateSpec, coolingTechnologySchema, CoolingTechnologySpec,
  generationSourceSchema, GenerationSourceSpec, nodeDesignSchema, NodeDesignSpec, rackDesignSchema, RackDesignSpec,
} from "./schema";

/** A catalog entry that is invalid, duplicated, or refers to something unknown; or a lookup of an unknown id. */
export class CatalogError extends Error {
  constructor(
    message: string,
    /** Each problem with its field, the value given and what is allowed (empty when the message says it all). */
    readonly problems: InputProblem[] = [],
  ) {
    super(message);
    this.name = "CatalogError";
  }
}

/** `invalid <kind> "<id>": <field> = <value>; allowed: <...>`, one problem per line when there are several. */
function invalidEntryMessage(kind: string, label: string, problems: readonly InputProblem[]): string {
  return problems.length === 1 ? `invalid ${kind} ${label}: ${describeProblems(problems)}` : `invalid ${kind} ${label}:\n  - ${describeProblems(problems)}`;
}

function article(noun: string): string {
  return /^[aeiou]/i.test(noun) ? "an" : "a";
}

/**
 * The problem of `field` naming an id that `section` does not hold: `acceleratorId = "x"; allowed: an accelerator in
 * the catalog: a, b`. Shared by catalog references and component args (`lookup` in the model).
 */
export function unknownReference(field: string, id: string, section: { readonly kind: string; ids(): string[] }): InputProblem {
  return { field, value: id, allowed: `${article(section.kind)} ${section.kind} in the catalog: ${section.ids().join(", ")}` };
}

/** Checks an entry against the rest of the catalog once its own fields are valid; returns the problems, none if it fits. */
export type ReferenceCheck<T> = (entry: T) => InputProblem[];

/** Options of {@link CatalogSection.register}. */
export interface RegisterOptions {
  /** Replace an existing entry with the same id instead of failing. */
  replace?: boolean;
}

/** One kind of catalog entry (accelerators, node designs, ...). */
export class CatalogSection<
  T extends {
    /** Catalog id of the entry, unique within its section. */
    id: string;
  },
> {
  private readonly entries = new Map<string, Readonly<T>>();

  constructor(
    /** Singular noun used in messages, e.g. "accelerator". */
    readonly kind: string,
    private readonly schema: EntrySchema<T>,
    private readonly checkReferences: ReferenceCheck<T> = () => [],
  ) {}

  /** Validates and adds an entry; fails on a duplicate id unless `replace` is set. */
  register(entry: T, options: RegisterOptions = {}): Readonly<T> {
    const parsed = this.schema.safeParse(entry);
    if (!parsed.success) {
      const problems = problemsFromZod(parsed.error, entry);
      const label = typeof entry?.id === "string" ? `"${entry.id}"` : "(no id)";
      throw new CatalogError(invalidEntryMessage(this.kind, label, problems), problems);
    }
    const spec = parsed.data;
    if (this.entries.has(spec.id) && !options.replace) {
      throw new CatalogError(`${this.kind} "${spec.id}" is already in the catalog; pass { replace: true } to replace it`, [
        { field: "id", value: spec.id, allowed: `an id not yet in the catalog, or { replace: true }` },
      ]);
    }
    return this.add(spec);
  }

  /** Checks a parsed entry's references to the rest of the catalog, then holds it frozen. */
  private add(spec: T): Readonly<T> {
    const problems = this.checkReferences(spec);
    if (problems.length > 0) throw new CatalogError(invalidEntryMessage(this.kind, `"${spec.id}"`, problems), problems);
    const frozen = Object.freeze(spec);
    this.entries.set(spec.id, frozen);
    return frozen;
  }

  /**
   * Adds a built-in entry without parsing it again: the built-ins are parsed by every test run
   * (test/catalogBuiltins.test.ts checks each equals its parse), and parsing them cold on every start cost most of the
   * catalog's load time. Duplicate ids and references are still checked.
   */
  registerBuiltin(entry: T): Readonly<T> {
    if (this.entries.has(entry.id)) throw new CatalogError(`${this.kind} "${entry.id}" is built in twice`);
    return this.add(entry);
  }

  /** Parses `entry` against the section's schema, as register does: the parsed entry, or the problems. For tests of the built-ins. */
  parse(entry: unknown):
    | {
        /** The parsed entry. */
        entry: T;
        /** None: the entry is valid. */
        problems?: undefined;
      }
    | {
        /** None: the entry is invalid. */
        entry?: undefined;
        /** Why not, one problem per field. */
        problems: InputProblem[];
      } {
    const parsed = this.schema.safeParse(entry);
    return parsed.success ? { entry: parsed.data } : { problems: problemsFromZod(parsed.error, entry) };
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

  /** Whether an entry with this id is registered. */
  has(id: string): boolean {
    return this.entries.has(id);
  }

  /** The ids of every registered entry, sorted. */
  ids(): string[] {
    return [...this.entries.keys()].sort();
  }

  /** Every registered entry (frozen), in id order. */
  list(): Readonly<T>[] {
    return this.ids().map((id) => this.entries.get(id)!);
  }
}

/** All sections, with the references between them (and a node design's power with its own accelerator) checked at registration. */
export class Catalog {
  /** Accelerator (GPU) models. */
  readonly accelerators = new CatalogSection<AcceleratorSpec>("accelerator", acceleratorSchema);
  /** GPU node designs; each names an accelerator of {@link Catalog.accelerators} and must stay within its maxPowerW with it. */
  readonly nodeDesigns: CatalogSection<NodeDesignSpec> = new CatalogSection<NodeDesignSpec>("node design", nodeDesignSchema, (n) => {
    if (!this.accelerators.has(n.acceleratorId)) return [unknownReference("acceleratorId", n.acceleratorId, this.accelerators)];
    const accelerator = this.accelerators.get(n.acceleratorId);
    const problems: InputProblem[] = [];
    if (n.cooling === "air" && accelerator.cooling === "liquid") {
      const airCoolable = this.accelerators.list().filter((a) => a.cooling !== "liquid").map((a) => a.id);
      problems.push({
        field: "acceleratorId",
        value: n.acceleratorId,
        allowed: `an accelerator an air-cooled node can cool (the node design is air-cooled but accelerator "${accelerator.id}" needs liquid cooling): ${airCoolable.join(", ")}`,
      });
    }
    // The design's own accelerator at board power, plus the host, must stay within the datasheet maximum (pools that fit
    // another accelerator are checked against the same maximum when they are modelled).
    const powerW = nodeItPowerW(n.gpusPerNode, accelerator.boardPowerW, n.hostOverheadW);
    if (powerW > n.maxPowerW) {
      problems.push({
        field: "maxPowerW",
        value: n.maxPowerW,
        allowed: `at least the node's power with its own accelerator "${accelerator.id}": ${n.gpusPerNode} × ${accelerator.boardPowerW} W + ${n.hostOverheadW} W host overhead = ${powerW} W`,
      });
    }
    return problems;
  });
  /** Rack designs; each names a node design, and its default fill must stay within its ratedKw. */
  readonly rackDesigns: CatalogSection<RackDesignSpec> = new CatalogSection<RackDesignSpec>("rack design", rackDesignSchema, (r) => {
    if (!this.nodeDesigns.has(r.nodeDesignId)) return [unknownReference("nodeDesignId", r.nodeDesignId, this.nodeDesigns)];
    const node = this.nodeDesigns.get(r.nodeDesignId);
    const problems: InputProblem[] = [];
    if (node.cooling === "liquid" && r.cooling === "air") {
      const airNodes = this.nodeDesigns.list().filter((d) => d.cooling === "air").map((d) => d.id);
      problems.push({
        field: "nodeDesignId",
        value: r.nodeDesignId,
        allowed: `an air-cooled node design (the rack design is air-cooled but node design "${node.id}" is liquid-cooled): ${airNodes.join(", ")}`,
      });
    }
    // The design's default fill (nodesPerRack, what a rack group gets when it sets none) with the node design's own
    // accelerator must fit the rating: a design whose own default cannot be powered is a contradiction. A power-limited
    // rack is registered with the fill it can power; a group may still fit a hotter accelerator, checked when modelled.
    if (this.accelerators.has(node.acceleratorId)) {
      const accelerator = this.accelerators.get(node.acceleratorId);
      const nodePowerW = nodeItPowerW(node.gpusPerNode, accelerator.boardPowerW, node.hostOverheadW);
      const loadKw = defaultFillItPowerKw(r, node, accelerator);
      if (loadKw > r.ratedKw) {
        problems.push({
          field: "ratedKw",
          value: r.ratedKw,
          allowed: `at least the ${fixed(loadKw, 1)} kW its default fill draws (${r.nodesPerRack} × ${nodePowerW} W "${node.id}" nodes, switches and overhead, at ${r.powerConversionEfficiency} conversion efficiency); for a power-limited rack lower nodesPerRack`,
        });
      }
    }
    return problems;
  });
  /** Heat-rejection technologies (dry cooler, adiabatic cooler, evaporative tower, chiller). */
  readonly coolingTechnologies = new CatalogSection<CoolingTechnologySpec>("cooling technology", coolingTechnologySchema);
  /** Generation sources a power contract can buy from (grid service, gas, nuclear, solar, wind, storage). */
  readonly generationSources = new CatalogSection<GenerationSourceSpec>("generation source", generationSourceSchema);
  /** Site climates: design temperatures, and the inputs the hourly weather year is generated from. */
  readonly climates = new CatalogSection<ClimateSpec>("climate", climateSchema);
  /** Markets accredit registered generation sources only; a firm utility service needs no accreditation. */
  readonly markets: CatalogSection<MarketSpec> = new CatalogSection<MarketSpec>("market", marketSchema, (m) =>
    Object.keys(m.accreditation).flatMap((sourceId) => {
      if (!this.generationSources.has(sourceId)) return [unknownReference(`accreditation.${sourceId}`, sourceId, this.generationSources)];
      if (this.generationSources.get(sourceId).gridService) {
        return [{ field: `accreditation.${sourceId}`, value: m.accreditation[sourceId], allowed: `unset: "${sourceId}" is a firm utility service (firm under its tariff in any market)` }];
      }
      return [];
    }),
  );
  // Costs: each entry prices something another section defines, named by that entry's id.
  private pricing<T extends { id: string }>(kind: string, schema: EntrySchema<T>, section: () => { readonly kind: string; has(id: string): boolean; ids(): string[] }): CatalogSection<T> {
    return new CatalogSection<T>(kind, schema, (entry) => (section().has(entry.id) ? [] : [unknownReference("id", entry.id, section())]));
  }
  /** IT hardware cost of each rack design, by rack design id. */
  readonly rackHardwareCosts = this.pricing<RackHardwareCostSpec>("rack hardware cost", rackHardwareCostSchema, () => this.rackDesigns);
  /** Heat-rejection plant cost per kW, by cooling technology id. */
  readonly coolingPlantCosts = this.pricing<CoolingPlantCostSpec>("cooling plant cost", coolingPlantCostSchema, () => this.coolingTechnologies);
  /** Owned generation's capex and variable cost, by generation source id. */
  readonly generationCosts = this.pricing<GenerationCostSpec>("generation cost", generationCostSchema, () => this.generationSources);
  /** Energy price of a contract that states none, by generation source id. */
  readonly energyPrices = this.pricing<EnergyPriceSpec>("energy price", energyPriceSchema, () => this.generationSources);
  /** Make-up water price, by climate id. */
  readonly waterPrices = this.pricing<WaterPriceSpec>("water price", waterPriceSchema, () => this.climates);
  /** Water scarcity of a site (AWARE factors by month, baseline water stress), by climate id: what weighs the water it consumes. */
  readonly waterScarcity = this.pricing<WaterScarcitySpec>("water scarcity", waterScarcitySchema, () => this.climates);
  /** Costs of capital: the discount rate of a campus (an operator's WACC) or a partner's required equity return. */
  readonly costsOfCapital = new CatalogSection<CostOfCapitalSpec>("cost of capital", costOfCapitalSchema);
  /** Market rental prices per GPU-hour, by band id, each for one accelerator. */
  readonly gpuRentalPrices: CatalogSection<GpuRentalPriceSpec> = new CatalogSection<GpuRentalPriceSpec>("GPU rental price", gpuRentalPriceSchema, (r) =>
    this.accelerators.has(r.acceleratorId) ? [] : [unknownReference("acceleratorId", r.acceleratorId, this.accelerators)]);
  /** Data-hall building classes: shell, electrical, mechanical and network cost. */
  readonly facilityCosts = new CatalogSection<FacilityCostSpec>("facility cost", facilityCostSchema);
  /** EC2 instance types that realize nodes of an accelerator, at most one default per accelerator. */
  readonly awsInstanceTypes: CatalogSection<AwsInstanceTypeSpec> = new CatalogSection<AwsInstanceTypeSpec>("AWS instance type", awsInstanceTypeSchema, (t) => {
    if (!this.accelerators.has(t.acceleratorId)) return [unknownReference("acceleratorId", t.acceleratorId, this.accelerators)];
    const other = this.awsInstanceTypes.list().find((o) => o.id !== t.id && o.acceleratorId === t.acceleratorId && o.defaultForAccelerator);
    if (t.defaultForAccelerator && other) {
      return [{
        field: "defaultForAccelerator",
        value: true,
        allowed: `false: AWS instance type "${other.id}" is already the default for accelerator "${t.acceleratorId}" (one default per accelerator)`,
      }];
    }
    return [];
  });

  /**
   * A catalog holding this one's entries, to change without touching this one (a confidence run replaces drawn figures
   * in a copy per sample). Entries are shared: they are frozen, and were checked when this catalog took them.
   */
  copy(): Catalog {
    return Catalog.fromEntries(this.entries());
  }

  /** Every entry by section, as plain data (to hand a catalog to a worker thread: `Catalog.fromEntries`). */
  entries(): CatalogEntries {
    return Object.fromEntries(SECTIONS_IN_REFERENCE_ORDER.map((key) => [key, this[key].list()])) as unknown as CatalogEntries;
  }

  /** A catalog holding `entries` (from `entries()`: checked when they were first registered, so not parsed again). */
  static fromEntries(entries: CatalogEntries): Catalog {
    const c = new Catalog();
    for (const key of SECTIONS_IN_REFERENCE_ORDER) {
      const to = c[key] as unknown as CatalogSection<{ id: string }>;
      for (const entry of entries[key] ?? []) to.registerBuiltin(entry);
    }
    return c;
  }

  /** A catalog holding the built-in entries. */
  static withBuiltins(): Catalog {
    const c = new Catalog();
    // Copies: the built-in arrays stay unfrozen for tests that derive entries from them.
    const add = <T extends { id: string }>(section: CatalogSection<T>, entries: readonly T[]) => entries.forEach((e) => section.registerBuiltin(structuredClone(e)));
    add(c.accelerators, BUILTIN_ACCELERATORS);
    add(c.nodeDesigns, BUILTIN_NODE_DESIGNS);
    add(c.rackDesigns, BUILTIN_RACK_DESIGNS);
    add(c.coolingTechnologies, BUILTIN_COOLING_TECHNOLOGIES);
    add(c.generationSources, BUILTIN_GENERATION_SOURCES);
    add(c.climates, BUILTIN_CLIMATES);
    add(c.markets, BUILTIN_MARKETS);
    add(c.rackHardwareCosts, BUILTIN_RACK_HARDWARE_COSTS);
    add(c.coolingPlantCosts, BUILTIN_COOLING_PLANT_COSTS);
    add(c.facilityCosts, BUILTIN_FACILITY_COSTS);
    add(c.generationCosts, BUILTIN_GENERATION_COSTS);
    add(c.energyPrices, BUILTIN_ENERGY_PRICES);
    add(c.waterPrices, BUILTIN_WATER_PRICES);
    add(c.waterScarcity, BUILTIN_WATER_SCARCITY);
    add(c.awsInstanceTypes, BUILTIN_AWS_INSTANCE_TYPES);
    add(c.costsOfCapital, BUILTIN_COSTS_OF_CAPITAL);
    add(c.gpuRentalPrices, BUILTIN_GPU_RENTAL_PRICES);
    return c;
  }
}

/**
 * IT power of one rack of a design at its default fill (nodesPerRack nodes of its node design, each GPU at its own
 * accelerator's nameplate board power), kW: what the design's rating is checked against, and what a refresh to it
 * fits into a hall's power.
 */
export function defaultFillItPowerKw(rack: Readonly<RackDesignSpec>, node: Readonly<NodeDesignSpec>, accelerator: Readonly<AcceleratorSpec>): number {
  return rackItPowerKw({
    nodesPerRack: rack.nodesPerRack, nodePowerW: nodeItPowerW(node.gpusPerNode, accelerator.boardPowerW, node.hostOverheadW), switchesPerRack: rack.switchesPerRack,
    switchPowerW: rack.switchPowerW, rackOverheadW: rack.rackOverheadW, powerConversionEfficiency: rack.powerConversionEfficiency,
  });
}

/** Every section, each after the sections its entries refer to. */
const SECTIONS_IN_REFERENCE_ORDER = [
  "accelerators", "nodeDesigns", "rackDesigns", "coolingTechnologies", "generationSources", "climates", "markets",
  "rackHardwareCosts", "coolingPlantCosts", "facilityCosts", "generationCosts", "energyPrices", "waterPrices", "waterScarcity", "awsInstanceTypes",
  "costsOfCapital", "gpuRentalPrices",
] as const satisfies readonly CatalogSectionName[];
/** Every section is listed (a section added to the catalog and not here fails to compile). @internal */
export type EverySectionListed = Assert<SameShape<(typeof SECTIONS_IN_REFERENCE_ORDER)[number], CatalogSectionName>>;

/** The catalog's sections, by their property names on {@link Catalog}. */
export type CatalogSectionName = "accelerators" | "nodeDesigns" | "rackDesigns" | "coolingTechnologies" | "generationSources" | "climates" | "markets"
  | "rackHardwareCosts" | "coolingPlantCosts" | "facilityCosts" | "generationCosts" | "energyPrices" | "waterPrices" | "waterScarcity" | "awsInstanceTypes"
  | "costsOfCapital" | "gpuRentalPrices";

/** An entry as plain data: every entry has its catalog id. */
export interface CatalogEntryData {
  /** Catalog id of the entry, unique within its section. */
  id: string;
}

/** A catalog's entries by section, as plain data. */
export type CatalogEntries = { readonly [K in CatalogSectionName]: readonly CatalogEntryData[] };

/**
 * The catalog the components read. Extend it before creating components:
 * `catalog.accelerators.register({ id: "acme-x1", ... })`.
 */
export const catalog: Catalog = Catalog.withBuiltins();
