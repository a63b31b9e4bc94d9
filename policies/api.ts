/**
 * `pulumi-aicluster/policies`: the budget rules as pure functions, for your own policy pack, CI or planner.
 *
 * - `evaluateRules(views, config)` runs every rule over resource views and returns findings with enforcement levels.
 * - The @pulumi/policy adapters (`STACK_POLICIES`, `stackPolicy`, `viewOf`) are in `pulumi-aicluster/policies/pack`,
 *   so this entry needs no @pulumi/policy, not even its types.
 */
export { enforcementOf, evaluateRules, hasMandatoryViolation, PolicyConfigError, resolvePackConfig, ruleConfig } from "./evaluate";
export type { EnforcedFinding, PackConfig, PolicyConfigProblem } from "./evaluate";
export { ENFORCEMENT_LEVELS, isBlocking, violationsOf } from "./finding";
export type { BudgetCheck, EnforcementLevel, Finding } from "./finding";
export { defineRule } from "./rule";
export type { JsonSchemaProperty, Rule, RuleSpec, Severity } from "./rule";
export { RULES } from "./rules";
export type { ResourceView } from "./view";
