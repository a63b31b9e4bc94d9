/**
 * The multi-language component package (provider/): the schema Pulumi's analyzer derives from the TypeScript sources,
 * offline and without an engine. Every component is in it under its own type token, with documented inputs, and
 * its outputs are exactly what the component registers, so other languages see what TypeScript sees.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { installMocks, viewsOf } from "./helpers/mocks";

interface SchemaProperty {
  type?: string;
  $ref?: string;
  description?: string;
  plain?: boolean;
}
interface SchemaResource {
  isComponent: boolean;
  inputProperties: Record<string, SchemaProperty>;
  requiredInputs: string[];
  properties: Record<string, SchemaProperty>;
  description?: string;
}
interface Schema {
  name: string;
  version: string;
  resources: Record<string, SchemaResource>;
  types: Record<string, { properties: Record<string, SchemaProperty> }>;
}

let schema: Schema;
let components: { type: string; name: string }[];

beforeAll(async () => {
  installMocks();
  const provider = await import("../provider/components");
  components = provider.components.map((c) => ({ type: c.type, name: c.name }));
  schema = JSON.parse(await provider.createProvider().getSchema()) as Schema;
}, 60_000);

describe("the component package schema", () => {
  it("offers every component under the type token its class registers, as package aicluster at the npm version", async () => {
    const { version } = await import("../package.json");
    expect(schema.name).toBe("aicluster");
    expect(schema.version).toBe(version);
    expect(Object.keys(schema.resources).sort()).toEqual(components.map((c) => c.type).sort());
    for (const { type, name } of components) {
      expect(type).toBe(`aicluster:index:${name}`);
      expect(schema.resources[type].isComponent).toBe(true);
      expect(schema.resources[type].description, type).toBeTruthy();
    }
  });

  it("documents every input, nested types included, from the TSDoc of the args", () => {
    const inputs = [
      ...Object.entries(schema.resources).flatMap(([type, r]) => Object.entries(r.inputProperties).map(([k, p]) => [`${type}.${k}`, p] as const)),
      ...Object.entries(schema.types).flatMap(([type, t]) => Object.entries(t.properties).map(([k, p]) => [`${type}.${k}`, p] as const)),
    ];
    expect(inputs.length).toBeGreaterThan(60);
    expect(inputs.filter(([, p]) => !p.description).map(([name]) => name)).toEqual([]);
    expect(schema.resources["aicluster:index:Campus"].requiredInputs.sort()).toEqual(["climate", "halls", "location", "powerContracts"]);
    expect(schema.resources["aicluster:index:LiquidCooledRack"].inputProperties.supplyTempC).toMatchObject({ type: "number", plain: true });
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
    for (const [type, keys] of registered) {
      const outputs = schema.resources[type].properties;
      const required = Object.keys(outputs).filter((k) => !(outputs[k] as { optional?: boolean }).optional);
      expect(Object.keys(outputs), type).not.toContain("footprint");
      expect([...keys].filter((k) => !(k in outputs)), `${type}: registered but not in the schema`).toEqual([]);
      expect(required.filter((k) => !keys.has(k)), `${type}: in the schema but not registered`).toEqual([]);
    }
  });
});
