/**
 * The shape of a rule: a pure function over resource views and its own config. The config is a zod schema (types,
 * ranges, defaults, unknown keys rejected): the one source from which the defaults and the JSON schema @pulumi/policy
 * publishes are derived, and against which every config a user gives is parsed.
 */
import { z } from "zod";
import { exemptionsSchema } from "./exemptions";
import type { EnforcementLevel, Finding } from "./finding";
import type { ResourceView } from "./view";

/** JSON schema of one config property, as @pulumi/policy's `configSchema.properties` takes it. */
export type JsonSchemaProperty = Record<string, unknown> & { description: string };

/** How bad a violation is, in @pulumi/policy's terms (shown by Pulumi Cloud and newer CLIs). */
export type Severity = "low" | "medium" | "high" | "critical";

/**
 * A zod 4 schema as the public declarations see it: structurally, by `_zod.output` (where zod keeps a schema's output
 * type), so that no public .d.ts references zod, whose own declaration files fail to type-check without `esModuleInterop`.
 */
export interface ConfigKeySchema<O = unknown> {
  readonly _zod: { readonly output: O };
}

/**
 * A rule's config keys: one zod schema per key of its parsed config `C`. `defineRule` infers `C` from the schemas, so
 * a rule's declared type is its plain config (`Rule<{ maxPue: number }>`), never zod's types.
 */
export type ConfigShape<C extends object> = { readonly [K in keyof C]: ConfigKeySchema<C[K]> };

export interface Rule<C extends object = Record<string, unknown>> {
  name: string;
  description: string;
  enforcementLevel: EnforcementLevel;
  severity: Severity;
  /** What to do about a violation in general; each finding also carries its own remediation. */
  remediationSteps: string;
  /** Config keys with their types, ranges, defaults and descriptions; unknown keys are rejected. */
  config: ConfigKeySchema<C>;
  /** Every key at its default (derived from `config`). */
  defaults: C;
  /**
   * JSON schema of each key (derived from `config`), for @pulumi/policy's `configSchema`, plus `exemptions`, which
   * every rule takes and policies/config.ts parses apart from the rule's own settings.
   */
  configSchema: Record<string, JsonSchemaProperty>;
  evaluate(resources: readonly ResourceView[], config: C): Finding[];
}

export interface RuleSpec<C extends object> {
  name: string;
  description: string;
  enforcementLevel: EnforcementLevel;
  severity: Severity;
  remediationSteps: string;
  /** One zod schema per key, each with `.default(...)` and `.describe(...)`. */
  config: ConfigShape<C>;
  evaluate(this: { name: string }, resources: readonly ResourceView[], config: C): Finding[];
}

/** The JSON schema of one key, without the `$schema` header (Pulumi's engine validates config with draft-07 semantics). */
function jsonSchemaOf(key: string, schema: z.ZodType): JsonSchemaProperty {
  const { $schema: _header, ...json } = z.toJSONSchema(schema, { target: "draft-7", io: "input" }) as Record<string, unknown>;
  if (typeof json.description !== "string") throw new Error(`aicluster: policy config key "${key}" has no description`);
  return json as JsonSchemaProperty;
}

let exemptionsJson: JsonSchemaProperty | undefined;
/** The exemptions key's JSON schema, shared by every rule, built once on first use. */
function exemptionsJsonSchema(): JsonSchemaProperty {
  return (exemptionsJson ??= jsonSchemaOf("exemptions", exemptionsSchema));
}

/** A rule whose defaults and JSON schema are derived from its zod config. */
export function defineRule<C extends object>(spec: RuleSpec<C>): Rule<C> {
  if ("exemptions" in spec.config || "enforcementLevel" in spec.config) throw new Error(`aicluster: rule ${spec.name} names a reserved config key (exemptions, enforcementLevel)`);
  const config = z.strictObject(spec.config as unknown as z.ZodRawShape);
  // The JSON schema is built on first use (the pack, the docs, error suggestions): a plan that parses its config
  // without error never needs it, and building it is most of a rule's load time.
  let configSchema: Record<string, JsonSchemaProperty> | undefined;
  return {
    ...spec,
    config: config as unknown as ConfigKeySchema<C>,
    defaults: config.parse({}) as C,
    get configSchema(): Record<string, JsonSchemaProperty> {
      configSchema ??= {
        ...Object.fromEntries(Object.entries(spec.config).map(([key, schema]) => [key, jsonSchemaOf(key, schema as z.ZodType)])),
        // Declared to the engine too: it checks --policy-pack-config against this schema before the pack runs.
        exemptions: exemptionsJsonSchema(),
      };
      return configSchema;
    },
  };
}
