/**
 * The parts of @pulumi/policy's types that `pulumi-aicluster/policies/pack` uses, declared here structurally.
 *
 * Why not import them: @pulumi/policy 1.21.0's own `index.d.ts` re-exports `unknownCheckingProxy` and
 * `UnknownValueError` from a `proxy.d.ts` that declares neither, so any .d.ts that imports "@pulumi/policy" fails to
 * type-check in a consumer with `skipLibCheck` off (TS2305). Each interface below is a subset of the upstream one with
 * the same member types, so a real `PolicyPack` takes these policies as they are:
 * `new PolicyPack("aicluster", { policies: STACK_POLICIES })` (test/publicTypes.test.ts compiles exactly that).
 * No runtime code: this file emits nothing but declarations.
 */
import type { EnforcementLevel } from "./finding";
import type { Severity } from "./rule";

/** A resource as a stack validation sees it (a subset of @pulumi/policy's `PolicyResource`). */
export interface PolicyResource {
  /** Type token, e.g. `aicluster:index:Campus`. */
  type: string;
  /** For a stack validation, the outputs the resource registered (a component's `registerOutputs`). */
  props: Record<string, any>;
  urn: string;
  name: string;
  /** The parent resource, when there is one. */
  parent?: PolicyResource;
}

/** What a stack validation is called with (a subset of @pulumi/policy's `StackValidationArgs`). */
export interface StackValidationArgs {
  /** Every resource of the stack. */
  resources: PolicyResource[];
  /** This policy's config: the pack's defaults overridden by `--policy-pack-config` or Pulumi Cloud. */
  getConfig<T extends object>(): T;
}

/** Reports one violation, optionally naming the resource (as @pulumi/policy's `ReportViolation`). */
export type ReportViolation = (message: string, urn?: string) => void;

/** JSON schema of one config property (@pulumi/policy's `PolicyConfigJSONSchema`, whose members are all optional). */
export type PolicyConfigJsonSchema = Record<string, unknown>;

/** A stack validation policy (a subset of @pulumi/policy's `StackValidationPolicy`). */
export interface StackValidationPolicy {
  /** Unique within the pack, e.g. `firm-power`. */
  name: string;
  description: string;
  /** @default the pack's level, else advisory */
  enforcementLevel?: EnforcementLevel;
  /** @default none */
  severity?: Severity;
  /** @default none */
  remediationSteps?: string;
  /** The policy's config keys, which `--policy-pack-config` is checked against before the pack runs. @default none */
  configSchema?: {
    properties: Record<string, PolicyConfigJsonSchema>;
    required?: string[];
  };
  validateStack: (args: StackValidationArgs, reportViolation: ReportViolation) => Promise<void> | void;
}
