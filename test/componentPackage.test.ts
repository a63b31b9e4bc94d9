/**
 * The multi-language component package (provider/): the schema built from the TypeScript sources (Pulumi's analyzer
 * plus provider/schema.ts), offline and without an engine. Every component is in it under its own type token, with
 * documented inputs whose `@default` TSDoc tags are carried (in the description, and as `default` when a bare
 * literal), whole-number inputs typed `integer` exactly where the model's validation demands whole numbers, readable
 * type names, the package's publisher and version, and its outputs are exactly what the component registers.
 */
import * as fs from "fs";
import * as path from "path";
import { beforeAll, describe, expect, it } from "vitest";
import type { PackageSchema, SchemaProperty } from "../provider/schema";
import { installMocks, viewsOf } from "./helpers/mocks";

const ROOT = path.resolve(__dirname, "..");
const PREFIX = "aicluster:index:";

let schema: PackageSchema;
let components: { type: string; name: string }[];

beforeAll(async () => {
  installMocks();
  const provider = await import("../provider/components");
  components = provider.components.map((c) => ({ type: c.type, name: c.name }));
  const built = await import("../provider/schema");
  schema = await built.buildSchema(path.join(ROOT, "provider"));
}, 120_000);

/** Every input property of the schema: resources' inputs and input types' properties, with their owner token. */
function inputProperties(): { owner: string; key: string; prop: SchemaProperty }[] {
  const inputTypes = new Set<string>();
  const queue = Object.values(schema.resources).flatMap((r) => Object.values(r.inputProperties));
  while (queue.length) {
    const p = queue.shift()!;
    const ref = (p.$ref ?? p.items?.$ref)?.replace("#/types/", "");
    if (ref && !inputTypes.has(ref)) {
      inputTypes.add(ref);
      queue.push(...Object.values(schema.types[ref].properties));
    }
  }
  return [
    ...Object.entries(schema.resources).flatMap(([owner, r]) => Object.entries(r.inputProperties).map(([key, prop]) => ({ owner, key, prop }))),
    ...[...inputTypes].flatMap((owner) => Object.entries(schema.types[owner].properties).map(([key, prop]) => ({ owner, key, prop }))),
  ];
}

describe("the component package schema", () => {
  it("offers every component under the type token its class registers, as package aicluster at the npm version, with its publisher", async () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, "package.json"), "utf8")) as { version: string; license: string; author?: string; repository?: string | { url: string } };
    expect(schema.name).toBe("aicluster");
    expect(schema.version).toBe(pkg.version);
    // The publisher is package.json's author.
    expect(pkg.author).toBeTruthy();
    expect(schema.publisher).toBe(pkg.author);
    expect(schema.license).toBe(pkg.license);
    expect(schema.keywords).toEqual(expect.arrayContaining(["pulumi", "kind/component", "gpu", "cooling"]));
    // The repository comes from package.json's `repository`; the schema has none while package.json has none.
    const repository = typeof pkg.repository === "string" ? pkg.repository : pkg.repository?.url;
    expect(schema.repository).toBe(repository?.replace(/^git\+/, "").replace(/\.git$/, ""));
    if (!repository) console.warn("package.json has no `repository`, so neither has the package schema");
    expect(Object.keys(schema.resources).sort()).toEqual(components.map((c) => c.type).sort());
    for (const { type, name } of components) {
      expect(type).toBe(`aicluster:index:${name}`);
      expect(schema.resources[type].isComponent).toBe(true);
      expect(schema.resources[type].description, type).toBeTruthy();
    }
  });

  it("documents every input, nested types included, from the TSDoc of the args", () => {
    const inputs = inputProperties();
    expect(inputs.length).toBeGreaterThan(60);
    expect(inputs.filter(({ prop }) => !prop.description).map(({ owner, key }) => `${owner}.${key}`)).toEqual([]);
    expect(schema.resources["aicluster:index:Campus"].requiredInputs.sort()).toEqual(["climate", "halls", "location", "powerContracts"]);
    expect(schema.resources["aicluster:index:LiquidCooledRack"].inputProperties.supplyTempC).toMatchObject({ type: "number", plain: true, default: 35 });
  });

  it("documents every output of every component from the TSDoc of its footprint field (issue 37: Campus's were bare names)", () => {
    const outputs = Object.entries(schema.resources).flatMap(([type, r]) => Object.entries(r.properties).map(([key, prop]) => ({ where: `${type}.${key}`, prop })));
    expect(outputs.length).toBeGreaterThan(150);
    expect(outputs.filter(({ prop }) => !prop.description).map(({ where }) => where)).toEqual([]);
    expect(schema.resources["aicluster:index:CoolingPlant"].properties.blowdownM3PerYear.description).toBe("The blowdown in that make-up water, at the plant's own cycles of concentration, m³ (0 when it evaporates none).");
    expect(schema.resources["aicluster:index:Campus"].properties.pue.description).toMatch(/PUE|power usage effectiveness/i);
  });

  it("names nested types readably: no Args suffix (SDK generators add their own), no analyzer-only fields", () => {
    expect(Object.keys(schema.types).sort()).toEqual(expect.arrayContaining([`${PREFIX}CampusHall`, `${PREFIX}HallRackGroup`, `${PREFIX}PlantDesign`, `${PREFIX}CampusPowerContract`]));
    expect(Object.keys(schema.types).filter((t) => t.endsWith("Args"))).toEqual([]);
    const text = JSON.stringify(schema);
    expect(text).not.toMatch(/ArgsArgs|#\/types\/aicluster:index:\w+Args"/);
    expect(text).not.toContain('"optional"');
    for (const ref of text.match(/#\/types\/[\w:]+/g) ?? []) expect(schema.types[ref.replace("#/types/", "")], ref).toBeDefined();
    expect(schema.resources[`${PREFIX}Campus`].inputProperties.halls.items?.$ref).toBe(`#/types/${PREFIX}CampusHall`);
  });

  it("publishes as outputs exactly what each component registers, and not its plain members", async () => {
    const { smallCampus } = await import("../examples/smallCampus");
    smallCampus("pkg");
    // Registered outputs with a value (an undefined one does not reach the engine), by component type.
    const registered = new Map<string, Set<string>>();
    for (const view of await viewsOf("pkg")) {
      const keys = registered.get(view.type) ?? new Set<string>();
      for (const [key, value] of Object.entries(view.props)) if (value !== undefined) keys.add(key);
      registered.set(view.type, keys);
    }
    expect([...registered.keys()].sort()).toEqual(components.map((c) => c.type).sort());
    // Integer outputs: every value the example publishes for one is whole (Python's SDK turns them into int).
    const integerOutputs: string[] = [];
    for (const view of await viewsOf("pkg")) {
      for (const [key, value] of Object.entries(view.props)) {
        if (schema.resources[view.type].properties[key]?.type !== "integer" || value === undefined) continue;
        integerOutputs.push(`${view.type}.${key}`);
        expect(Number.isInteger(value), `${view.type}.${key} = ${String(value)}`).toBe(true);
      }
    }
    expect(integerOutputs).toEqual(expect.arrayContaining([`${PREFIX}Campus.gpuCount`, `${PREFIX}LiquidCooledRack.rackCount`, `${PREFIX}CoolingPlant.units`]));
    // Counts, years and hour counts are integer; storageHours is a battery duration in hours, which may be fractional.
    const countsNotInteger = Object.entries(schema.resources).flatMap(([type, r]) =>
      Object.entries(r.properties).filter(([k, p]) => /Count$|Year$|Hours$/.test(k) && !/PerYear$/.test(k) && k !== "storageHours" && p.type !== "integer").map(([k]) => `${type}.${k}`),
    );
    expect(countsNotInteger).toEqual([]);
    for (const [type, keys] of registered) {
      const outputs = schema.resources[type].properties;
      const required = schema.resources[type].required ?? [];
      expect(Object.keys(outputs), type).not.toContain("footprint");
      expect([...keys].filter((k) => !(k in outputs)), `${type}: registered but not in the schema`).toEqual([]);
      expect(required.filter((k) => !keys.has(k)), `${type}: in the schema but not registered`).toEqual([]);
    }
  });
});

/**
 * The `@default` tags of every exported interface in components/, read straight from the source text (not with the
 * TypeScript API provider/schema.ts uses, so the two readings check each other), inherited members included.
 */
function documentedDefaults(): Map<string, Map<string, string | undefined>> {
  const files: string[] = [];
  const walk = (dir: string): void => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const file = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(file);
      else if (entry.name.endsWith(".ts")) files.push(file);
    }
  };
  walk(path.join(ROOT, "components"));
  const own = new Map<string, { bases: string[]; props: Map<string, string | undefined> }>();
  for (const file of files) {
    const text = fs.readFileSync(file, "utf8");
    for (const m of text.matchAll(/^export interface (\w+)(?: extends ([\w, ]+))? \{([\s\S]*?)^\}|^export interface (\w+)(?: extends ([\w, ]+))? \{\}/gm)) {
      const name = m[1] ?? m[4];
      const bases = (m[2] ?? m[5] ?? "").split(",").map((b) => b.trim()).filter(Boolean);
      const props = new Map<string, string | undefined>();
      for (const p of (m[3] ?? "").matchAll(/\/\*\*([\s\S]*?)\*\/\s*(?:readonly\s+)?(\w+)\??:/g)) {
        const comment = p[1].replace(/^\s*\*\s?/gm, " ").replace(/\s+/g, " ").trim();
        props.set(p[2], /@default (.*)$/.exec(comment)?.[1].trim());
      }
      for (const p of (m[3] ?? "").matchAll(/^ {2}(?:readonly\s+)?(\w+)\??:/gm)) if (!props.has(p[1])) props.set(p[1], undefined);
      own.set(name, { bases, props });
    }
  }
  const resolved = new Map<string, Map<string, string | undefined>>();
  const resolve = (name: string): Map<string, string | undefined> => {
    const known = resolved.get(name);
    if (known) return known;
    const entry = own.get(name);
    if (!entry) throw new Error(`components/: no exported interface ${name} (an extends this reader cannot follow?)`);
    const all = new Map<string, string | undefined>();
    for (const base of entry.bases) for (const [k, v] of resolve(base)) all.set(k, v);
    for (const [k, v] of entry.props) all.set(k, v);
    resolved.set(name, all);
    return all;
  };
  for (const name of own.keys()) resolve(name);
  return resolved;
}

describe("defaults: the TSDoc @default tags, in the schema", () => {
  it("every input's documented default is in its description, and a bare literal one is its schema default", () => {
    const docs = documentedDefaults();
    const checked: string[] = [];
    for (const { owner, key, prop } of inputProperties()) {
      const name = owner.slice(PREFIX.length);
      const iface = owner in schema.resources ? `${name}Args` : docs.has(`${name}Args`) ? `${name}Args` : name;
      const props = docs.get(iface);
      expect(props, `${owner}: interface ${iface} not found in components/`).toBeDefined();
      expect(props!.has(key), `${iface}.${key} not declared`).toBe(true);
      const tag = props!.get(key);
      const where = `${iface}.${key}`;
      if (tag === undefined) {
        expect(prop.description ?? "", where).not.toContain("Default:");
        expect(prop.default, where).toBeUndefined();
        continue;
      }
      checked.push(where);
      expect(prop.description, where).toMatch(new RegExp(`\\n\\nDefault: ${tag.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}\\.?$`));
      const literal = /^-?\d+(\.\d+)?$/.test(tag) ? Number(tag) : /^"[^"]*"$/.test(tag) ? tag.slice(1, -1) : /^(true|false)$/.test(tag) ? tag === "true" : undefined;
      expect(prop.default, where).toEqual(literal);
    }
    // Spot checks of the reading itself: a number, a string, a rule in words.
    expect(checked).toEqual(expect.arrayContaining(["LiquidCooledRackArgs.supplyTempC", "PlantDesignArgs.redundancy", "CampusArgs.maxResources"]));
    expect(schema.types[`${PREFIX}PlantDesign`].properties.redundancy.default).toBe("N+1");
    expect(schema.types[`${PREFIX}CampusHall`].properties.utilisation.default).toBeUndefined();
    expect(checked.length).toBeGreaterThan(40);
  });

  it("passing every schema default explicitly gives the footprint that leaving it out gives (an SDK fills them in)", async () => {
    const { Campus, CoolingPlant, LiquidCooledRack, DataHall, PowerContract } = await import("../components");
    /** The args with every absent input that has a schema default set to it, nested types included. */
    const withDefaults = (owner: Record<string, SchemaProperty>, args: Record<string, unknown>): Record<string, unknown> => {
      const out: Record<string, unknown> = { ...args };
      for (const [key, prop] of Object.entries(owner)) {
        const ref = (prop.$ref ?? prop.items?.$ref)?.replace("#/types/", "");
        if (out[key] === undefined && prop.default !== undefined) out[key] = prop.default;
        else if (ref && Array.isArray(out[key])) out[key] = (out[key] as Record<string, unknown>[]).map((v) => withDefaults(schema.types[ref].properties, v));
        else if (ref && out[key] !== undefined) out[key] = withDefaults(schema.types[ref].properties, out[key] as Record<string, unknown>);
      }
      return out;
    };
    const cases: [new (name: string, args: never) => { footprint: unknown }, Record<string, unknown>][] = [
      [Campus, campusBase()],
      [CoolingPlant, { technology: "adiabatic", climate: "central-ohio", heatLoadKw: 1000 }],
      [LiquidCooledRack, { design: "gb300-nvl72", rackCount: 2 }],
      [DataHall, { racks: [{ name: "row-1", design: "gb300-nvl72", rackCount: 2 }], cooling: { technology: "adiabatic" }, climate: "central-ohio" }],
      [PowerContract, { counterparty: "Genco", source: "gas-turbine", contractedMw: 1, firmFraction: 1 }],
    ];
    let filled = 0;
    for (const [Component, args] of cases) {
      const explicit = withDefaults(schema.resources[`${PREFIX}${Component.name}`].inputProperties, args);
      filled += JSON.stringify(explicit).length > JSON.stringify(args).length ? 1 : 0;
      expect(new Component("same", explicit as never).footprint, Component.name).toEqual(new Component("same", args as never).footprint);
    }
    expect(filled).toBe(cases.length);
  });
});

/** A campus with every nested input type present: halls, rack groups, a plant, contracts with a ramp, financing. */
function campusBase(): Record<string, unknown> {
  return {
    location: "New Albany, Ohio",
    climate: "central-ohio",
    onlineYear: 2026,
    waterPermitM3PerYear: 50000,
    halls: [{ name: "hall-a", racks: [{ name: "row-1", design: "gb300-nvl72", rackCount: 2, supplyTempC: 40 }], cooling: { technology: "adiabatic", redundancy: "N+1" } }],
    powerContracts: [
      { name: "grid", counterparty: "AEP Ohio", source: "grid-pjm-ohio", contractedMw: 2, firmFraction: 1, startYear: 2026, termYears: 20, ramp: [{ year: 2026, contractedMw: 1 }] },
    ],
    financing: { partner: "JV partner", partnerShareOfFacility: 0.5, leaseRatePerYear: 0.1 },
  };
}

describe("integers: exactly the inputs the model accepts only whole numbers for", () => {
  /** Where each input's owner can be probed: a component, valid args, and the object in them that holds the input. */
  const sites: Record<string, { component: string; args: () => Record<string, unknown>; at: (args: Record<string, unknown>) => Record<string, unknown> }> = {
    Campus: { component: "Campus", args: campusBase, at: (a) => a },
    CampusHall: { component: "Campus", args: campusBase, at: (a) => (a.halls as Record<string, unknown>[])[0] },
    HallRackGroup: { component: "Campus", args: campusBase, at: (a) => ((a.halls as Record<string, unknown>[])[0].racks as Record<string, unknown>[])[0] },
    PlantDesign: { component: "Campus", args: campusBase, at: (a) => (a.halls as Record<string, unknown>[])[0].cooling as Record<string, unknown> },
    CampusPowerContract: { component: "Campus", args: campusBase, at: (a) => (a.powerContracts as Record<string, unknown>[])[0] },
    RampStep: { component: "Campus", args: campusBase, at: (a) => ((a.powerContracts as Record<string, unknown>[])[0].ramp as Record<string, unknown>[])[0] },
    Financing: { component: "Campus", args: campusBase, at: (a) => a.financing as Record<string, unknown> },
    ConstructionLoan: {
      component: "Campus",
      args: () => ({ ...campusBase(), financing: { structure: "own-balance-sheet", constructionLoan: { shareOfCapex: 0.1, rate: 0.06, termYears: 3 } } }),
      at: (a) => (a.financing as Record<string, unknown>).constructionLoan as Record<string, unknown>,
    },
    LiquidCooledRack: { component: "LiquidCooledRack", args: () => ({ design: "gb300-nvl72", rackCount: 2 }), at: (a) => a },
    AirCooledRack: { component: "AirCooledRack", args: () => ({ design: "hgx-h100-air-rack", rackCount: 2 }), at: (a) => a },
    GpuNodePool: { component: "GpuNodePool", args: () => ({ nodeDesign: "hgx-h100-8gpu", nodeCount: 4 }), at: (a) => a },
    CoolingPlant: { component: "CoolingPlant", args: () => ({ technology: "adiabatic", climate: "central-ohio", heatLoadKw: 1000 }), at: (a) => a },
    TrimChiller: {
      component: "CoolingPlant",
      args: () => ({ technology: "dry-cooler", climate: "central-ohio", heatLoadKw: 1000, trimChiller: { capacityFraction: 0.25, ratedKwPerKwCooling: 0.3, facilityDeltaTK: 10 } }),
      at: (a) => a.trimChiller as Record<string, unknown>,
    },
    AirLoop: {
      component: "CoolingPlant",
      args: () => ({ technology: "dry-cooler", climate: "central-ohio", heatLoadKw: 1000, airLoop: { service: "economised-chiller", heatLoadKw: 200, supplyC: 18, deltaTK: 10, ratedKwPerKwCooling: 0.3 } }),
      at: (a) => a.airLoop as Record<string, unknown>,
    },
    AirPath: {
      component: "DataHall",
      args: () => ({
        racks: [{ name: "row-1", design: "gb300-nvl72", rackCount: 2 }], cooling: { technology: "adiabatic" }, climate: "central-ohio",
        airPath: { service: "economised-chiller", supplyAirC: 24, coilApproachK: 5, waterDeltaTK: 10, chillerRatedKwPerKwCooling: 0.3 },
      }),
      at: (a) => a.airPath as Record<string, unknown>,
    },
    PowerContract: { component: "PowerContract", args: () => ({ counterparty: "Genco", source: "gas-turbine", contractedMw: 1, firmFraction: 1 }), at: (a) => a },
    DataHall: {
      component: "DataHall",
      args: () => ({ racks: [{ name: "row-1", design: "gb300-nvl72", rackCount: 2 }], cooling: { technology: "adiabatic" }, climate: "central-ohio" }),
      at: (a) => a,
    },
  };

  async function construct(component: string, args: Record<string, unknown>): Promise<string | undefined> {
    const classes = (await import("../components")) as unknown as Record<string, new (name: string, args: unknown) => unknown>;
    try {
      new classes[component]("probe", args);
      return undefined;
    } catch (e) {
      return (e as Error).message;
    }
  }

  it("every probe site's args are valid as they are", async () => {
    for (const [owner, site] of Object.entries(sites)) expect(await construct(site.component, site.args()), owner).toBeUndefined();
  });

  it("an input is `integer` in the schema if and only if the model rejects a fraction as not a whole number", async () => {
    const numeric = inputProperties().filter(({ prop }) => prop.type === "number" || prop.type === "integer");
    expect(numeric.length).toBeGreaterThan(30);
    const wrong: string[] = [];
    for (const { owner, key, prop } of numeric) {
      const site = sites[owner.slice(PREFIX.length)];
      expect(site, `no probe site for ${owner}`).toBeDefined();
      const args = site.args();
      const holder = site.at(args);
      const value = (typeof holder[key] === "number" ? (holder[key] as number) : 1) + 0.5;
      holder[key] = value;
      const error = await construct(site.component, args);
      const wholeNumber = error !== undefined && new RegExp(`(^|[\\s.\\]])${key} = ${value}; allowed: a whole number`).test(error);
      // A fraction accepted, or refused naming the field with another rule: the field takes fractions. Refused
      // without naming it: the probe cannot tell, and says so.
      if (!wholeNumber && error !== undefined) expect(error, `${owner}.${key} = ${value}: the error does not name the field`).toMatch(new RegExp(`(^|[\\s.\\]])${key} = `));
      if (wholeNumber !== (prop.type === "integer")) wrong.push(`${owner}.${key}: schema ${prop.type}, model ${wholeNumber ? "whole numbers only" : "takes fractions"}`);
    }
    expect(wrong).toEqual([]);
    // Not vacuous: the counts the model validates with wholeNumberIn are integer (provider/integers.ts reads them).
    expect(schema.resources[`${PREFIX}LiquidCooledRack`].inputProperties.rackCount.type).toBe("integer");
    expect(schema.types[`${PREFIX}RampStep`].properties.year.type).toBe("integer");
  });
});
