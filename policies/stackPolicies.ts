/**
 * `pulumi-aicluster/policies/pack`: adapter from the rules to @pulumi/policy stack validations. Stack validations see each component's registered
 * outputs as props (resource validations would see only its constructor args), so every rule runs over the stack.
 * Building these does not start a policy server, so tests call them directly.
 */
// Structural copies of @pulumi/policy's types (see ./packTypes): its 1.21.0 index.d.ts does not type-check.
import type { PolicyResource, StackValidationArgs, StackValidationPolicy } from "./packTypes";
import { evaluateRule } from "./evaluate";
import { exemptedViolationNote, exemptionNote, expiredSuffix } from "./exemptions";
import type { Rule } from "./rule";
import { RULES } from "./rules";
import type { ResourceView } from "./view";

export type { PolicyConfigJsonSchema, PolicyResource, ReportViolation, StackValidationArgs, StackValidationPolicy } from "./packTypes";

/** The normalized view of an engine resource. */
export function viewOf(resource: PolicyResource): ResourceView {
  return { type: resource.type, urn: resource.urn, name: resource.name, parent: resource.parent?.urn, props: resource.props ?? {} };
}

/** One stack validation per rule; violations are reported with their remediation, not-applicable findings are not. */
export function stackPolicy(rule: Rule<any>): StackValidationPolicy {
  return {
    name: rule.name,
    description: rule.description,
    enforcementLevel: rule.enforcementLevel,
    severity: rule.severity,
    remediationSteps: rule.remediationSteps,
    configSchema: { properties: rule.configSchema as NonNullable<StackValidationPolicy["configSchema"]>["properties"] },
    validateStack: (args: StackValidationArgs, reportViolation) => {
      // Parsed by the rule's own schema: what the engine's JSON-schema check lets through (an unknown key, say) fails
      // the validation with the planner's PolicyConfigError, so the preview fails instead of passing.
      const run = evaluateRule(rule, args.resources.map(viewOf), args.getConfig<Record<string, unknown>>() ?? {}, { origin: "policy pack config", showValues: false });
      for (const f of run.findings) {
        if (f.status !== "violation") continue;
        // @pulumi/policy has no per-violation level: a reported violation of a mandatory policy always blocks. So an
        // exempted one is printed instead; the CLI shows a pack's output under the stack's Diagnostics.
        if (f.exemption) console.warn(`aicluster: ${exemptedViolationNote(f)}`);
        else reportViolation(`${f.message}. Fix: ${f.remediation}${expiredSuffix(f)}`, f.resourceUrn);
      }
      for (const e of run.exemptions) if (e.state !== "applied") console.warn(`aicluster: ${exemptionNote(e)}`);
    },
  };
}

export const STACK_POLICIES: StackValidationPolicy[] = RULES.map(stackPolicy);
