/** The shape of a rule: a pure function over resource views and its own config, with defaults and a JSON schema. */
import type { EnforcementLevel, Finding } from "./finding";
import type { ResourceView } from "./view";

/** JSON-schema of a config property (the subset @pulumi/policy accepts). */
export interface JsonSchemaProperty {
  type: "number" | "string" | "boolean" | "integer";
  description: string;
  minimum?: number;
  maximum?: number;
  enum?: string[];
  default?: number | string | boolean;
}

export interface Rule<C extends object = Record<string, unknown>> {
  name: string;
  description: string;
  enforcementLevel: EnforcementLevel;
  /** Default config; each key is documented in `configSchema`. */
  defaults: C;
  configSchema: Record<keyof C & string, JsonSchemaProperty>;
  evaluate(resources: readonly ResourceView[], config: C): Finding[];
}
