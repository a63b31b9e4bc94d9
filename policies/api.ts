/**
 * `pulumi-aicluster/policies`: the budget rules as pure functions, for your own policy pack, CI or planner.
 *
 * - `evaluateRules(views, config)` runs every rule over resource views and returns findings with enforcement levels;
 *   `evaluatePolicies` also returns what became of each exemption in the config (applied, expired, unused).
 * - The @pulumi/policy adapters (`STACK_POLICIES`, `stackPolicy`, `viewOf`) are in `pulumi-aicluster/policies/pack`,
 *   so this entry needs no @pulumi/policy, not even its types.
 */
export { enforcementOf, evaluatePolicies, evaluateRule, evaluateRules, fixedClock, hasMandatoryViolation, PolicyConfigError, resolvePackConfig, ruleConfig } from "./evaluate";
export type { Clock, EnforcedFinding, Exemption, ExemptionState, ExemptionSummary, PackConfig, PolicyConfigProblem } from "./evaluate";
export { ENFORCEMENT_LEVELS, isBlocking, violationsOf } from "./finding";
export type { BudgetCheck, EnforcementLevel, Finding } from "./finding";
export { defineRule } from "./rule";
export type { ConfigKeySchema, ConfigShape, JsonSchemaProperty, Rule, RuleSpec, Severity } from "./rule";
export { RULES } from "./rules";
export type { ResourceView } from "./view";
