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
  readonly version?: string;
  private readonly classes = new Map<string, ComponentClass>(components.map((c) => [c.type, c]));
  private loaded?: Promise<{ json: string; outputs: Map<string, string[]> }>;

  /**
   * @param schema the package schema, or how to get it: only needed to answer getSchema and to pick a component's
   * outputs, so a construct whose args are invalid fails before any schema is built.
   */
  constructor(private readonly source: PackageSchema | (() => Promise<PackageSchema>)) {
    if (typeof source !== "function") this.version = source.version;
  }

  private load(): Promise<{ json: string; outputs: Map<string, string[]> }> {
    this.loaded ??= Promise.resolve(typeof this.source === "function" ? this.source() : this.source).then((schema) => {
      if (schema.name !== PACKAGE_NAME) throw new Error(`aicluster plugin: schema is for package "${schema.name}", not "${PACKAGE_NAME}"`);
      const outputs = new Map(Object.entries(schema.resources).map(([token, r]) => [token, Object.keys(r.properties)]));
      const missing = [...this.classes.keys()].filter((t) => !outputs.has(t));
      if (missing.length) throw new Error(`aicluster plugin: the schema lacks ${missing.join(", ")}; rebuild it (bash scripts/pulumi-cli.sh)`);
      return { json: JSON.stringify(schema), outputs };
    });
    return this.loaded;
  }

  async getSchema(): Promise<string> {
    return (await this.load()).json;
  }

  async construct(name: string, type: string, inputs: pulumi.Inputs, options: pulumi.ComponentResourceOptions): Promise<ConstructResult> {
    const Component = this.classes.get(type);
    if (!Component) throw new Error(`aicluster plugin: unknown component type ${type}; the package offers ${[...this.classes.keys()].join(", ")}`);
    // Args arrive as the plain values the schema declares; the component validates them and names any bad field
    // (an InputPropertiesError, which the gRPC server turns into one entry per property for the engine).
    const instance = new Component(name, inputs as never, options) as unknown as Record<string, unknown> & pulumi.ComponentResource;
    const state = Object.fromEntries((await this.load()).outputs.get(type)!.map((key) => [key, instance[key]]));
    return { urn: instance.urn, state };
  }
}
