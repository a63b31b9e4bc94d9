/**
 * The component package's provider at run time: serves the schema built ahead of time (provider/schema.ts, written
 * next to the compiled plugin by provider/build.ts) and constructs components. No TypeScript analysis when the
 * engine starts the plugin: that took most of a YAML preview's time.
 */
import type * as pulumi from "@pulumi/pulumi";
import type { ConstructResult, Provider } from "@pulumi/pulumi/provider";
import { components, PACKAGE_NAME } from "./components";
import type { PackageSchema } from "./schema";

type ComponentClass = (typeof components)[number];

export class AiclusterProvider implements Provider {
  readonly version: string;
  private readonly schemaJson: string;
  private readonly classes = new Map<string, ComponentClass>(components.map((c) => [c.type, c]));
  /** Output names per type token: what the schema promises, and so what construct returns. */
  private readonly outputs = new Map<string, string[]>();

  constructor(schema: PackageSchema) {
    if (schema.name !== PACKAGE_NAME) throw new Error(`aicluster plugin: schema is for package "${schema.name}", not "${PACKAGE_NAME}"`);
    this.version = schema.version;
    this.schemaJson = JSON.stringify(schema);
    for (const [token, resource] of Object.entries(schema.resources)) this.outputs.set(token, Object.keys(resource.properties));
    const missing = [...this.classes.keys()].filter((t) => !this.outputs.has(t));
    if (missing.length) throw new Error(`aicluster plugin: the schema lacks ${missing.join(", ")}; rebuild it (bash scripts/pulumi-cli.sh)`);
  }

  async getSchema(): Promise<string> {
    return this.schemaJson;
  }

  async construct(name: string, type: string, inputs: pulumi.Inputs, options: pulumi.ComponentResourceOptions): Promise<ConstructResult> {
    const Component = this.classes.get(type);
    if (!Component) throw new Error(`aicluster plugin: unknown component type ${type}; the package offers ${[...this.classes.keys()].join(", ")}`);
    // Args arrive as the plain values the schema declares; the component validates them and names any bad field.
    const instance = new Component(name, inputs as never, options) as unknown as Record<string, unknown> & pulumi.ComponentResource;
    const state = Object.fromEntries(this.outputs.get(type)!.map((key) => [key, instance[key]]));
    return { urn: instance.urn, state };
  }
}
