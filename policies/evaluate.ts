/** Runs the rules over resource views with per-rule config and enforcement levels: the one engine behind the PolicyPack, the planner and tests. */
import { ALL_RULES_KEY, resolvePackConfig, PackConfig, ResolvedRuleConfig } from "./config";
import { applyExemptions, blocks, Clock, ExemptionSummary, systemClock, utcDay } from "./exemptions";
import type { EnforcementLevel, Finding } from "./finding";
import type { Rule } from "./rule";
import { RULES } from "./rules";
import type { ResourceView } from "./view";

export { PolicyConfigError, resolvePackConfig } from "./config";
export type { PackConfig, PolicyConfigProblem } from "./config";
export { fixedClock } from "./exemptions";
export type { Clock, Exemption, ExemptionState, ExemptionSummary } from "./exemptions";

export interface EnforcedFinding extends Finding {
  enforcementLevel: EnforcementLevel;
}

/**
 * A rule's config: its defaults overridden by the keys given for it, parsed (a PolicyConfigError, naming `origin`,
 * when any is wrong).
 */
export function ruleConfig(rule: Rule<any>, given: Record<string, unknown> = {}, origin?: string): Record<string, unknown> {
  return resolvePackConfig({ [rule.name]: given }, [rule], origin).get(rule.name)!.config;
}

/** The enforcement level a config gives a rule: its own entry's, else `all`'s, else the rule's default. */
export function enforcementOf(rule: Rule<any>, config: PackConfig = {}): EnforcementLevel {
  const all = rule.name !== ALL_RULES_KEY && config[ALL_RULES_KEY] !== undefined ? { [ALL_RULES_KEY]: config[ALL_RULES_KEY] } : {};
  return resolvePackConfig({ [rule.name]: config[rule.name], ...all }, [rule]).get(rule.name)!.level;
}

export interface EvaluateOptions {
  /** Where "today" comes from for exemption expiry (its UTC day); default: the system clock. */
  clock?: Clock;
  /** Where the config came from, for PolicyConfigError messages. */
  origin?: string;
  /**
   * Whether PolicyConfigError messages quote the bad values (the default: a config written in code). A config read
   * from a file may hold anything, secrets included: pass false, and each bad value is named by its kind ("a string").
   * @default true
   */
  showValues?: boolean;
}

/** Findings with exemptions applied, and what happened to each exemption. */
export interface PolicyEvaluation {
  findings: EnforcedFinding[];
  /** Every exemption of every enabled rule, in config order: applied, expired or unused. */
  exemptions: ExemptionSummary[];
}

/** One rule, already configured, over the views at one level: its findings with its exemptions applied. */
function runRule(rule: Rule<any>, resources: readonly ResourceView[], resolved: ResolvedRuleConfig, level: EnforcementLevel, today: string): PolicyEvaluation {
  const findings = rule.evaluate(resources, resolved.config).map((f): EnforcedFinding => ({ ...f, enforcementLevel: level }));
  const applied = applyExemptions(findings, resolved.exemptions, { policy: rule.name, level, resources, today });
  return { findings: applied.findings, exemptions: applied.summaries };
}

/**
 * Findings of every enabled rule (violations, passes for budget tables, and checks that could not be made), with the
 * config's exemptions applied: an exempted violation keeps its place, marked with `exemption`, and no longer blocks.
 * The config is parsed first, in full: a PolicyConfigError (rule, key, value, allowed) before any rule runs.
 */
export function evaluatePolicies(
  resources: readonly ResourceView[], config: PackConfig = {}, rules: readonly Rule<any>[] = RULES, options: EvaluateOptions = {},
): PolicyEvaluation {
  const resolved = resolvePackConfig(config, rules, options.origin, options.showValues);
  const today = utcDay(options.clock ?? systemClock);
  const runs = rules.flatMap((rule) => {
    const r = resolved.get(rule.name)!;
    return r.level === "disabled" ? [] : [runRule(rule, resources, r, r.level, today)];
  });
  return { findings: runs.flatMap((r) => r.findings), exemptions: runs.flatMap((r) => r.exemptions) };
}

/**
 * The findings of `evaluatePolicies` (exemptions applied) without the exemptions' summary.
 *
 * @example
 * ```ts
 * import { evaluateRules, hasMandatoryViolation, RULES, violationsOf } from "pulumi-aicluster/policies";
 *
 * // A campus as a stack policy sees it (type, URN, name and its published outputs), here with a PUE of 1.35.
 * const views = [{ type: "aicluster:index:Campus", urn: "urn:pulumi:dev::site::aicluster:index:Campus::ohio", name: "ohio", props: { pue: 1.35 } }];
 * const pueMax = RULES.filter((r) => r.name === "pue-max");
 *
 * const findings = evaluateRules(views, { "pue-max": { maxPue: 1.3 } }, pueMax);
 * console.log(violationsOf(findings).map((f) => `${f.enforcementLevel}: ${f.message}`));
 * // [ 'mandatory: ohio: PUE 1.35 exceeds the maximum of 1.3' ]
 * console.log(hasMandatoryViolation(findings)); // true
 *
 * // Advisory, the violation is still reported but no longer blocks; under a cap of 1.4 it is a pass.
 * console.log(hasMandatoryViolation(evaluateRules(views, { "pue-max": "advisory" }, pueMax))); // false
 * console.log(evaluateRules(views, { "pue-max": { maxPue: 1.4 } }, pueMax)[0].message); // ohio: PUE 1.35 within the maximum of 1.4
 * ```
 */
export function evaluateRules(
  resources: readonly ResourceView[], config: PackConfig = {}, rules: readonly Rule<any>[] = RULES, options: EvaluateOptions = {},
): EnforcedFinding[] {
  return evaluatePolicies(resources, config, rules, options).findings;
}

/**
 * One rule with the keys given for it, at the level the caller knows (the engine applies its own level, so the pack
 * passes the rule's default): findings with exemptions applied, and their summary.
 */
export function evaluateRule(
  rule: Rule<any>, resources: readonly ResourceView[], given: Record<string, unknown> = {}, options: EvaluateOptions = {},
  level: EnforcementLevel = rule.enforcementLevel,
): PolicyEvaluation {
  const resolved = resolvePackConfig({ [rule.name]: given }, [rule], options.origin, options.showValues).get(rule.name)!;
  return runRule(rule, resources, resolved, level, utcDay(options.clock ?? systemClock));
}

/** True when a blocking rule (mandatory, or remediate) found a violation that no live exemption covers. */
export function hasMandatoryViolation(findings: readonly EnforcedFinding[]): boolean {
  return findings.some(blocks);
}
