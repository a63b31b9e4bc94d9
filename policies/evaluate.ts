/** Runs the rules over resource views with per-rule config and enforcement levels: the one engine behind the PolicyPack, the planner and tests. */
import { resolvePackConfig, PackConfig } from "./config";
import { EnforcementLevel, Finding, isBlocking } from "./finding";
import type { Rule } from "./rule";
import { RULES } from "./rules";
import type { ResourceView } from "./view";

export { PolicyConfigError, resolvePackConfig } from "./config";
export type { PackConfig, PolicyConfigProblem } from "./config";

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

/** The enforcement level a config gives a rule (its own default when the config names none). */
export function enforcementOf(rule: Rule<any>, config: PackConfig = {}): EnforcementLevel {
  return resolvePackConfig({ [rule.name]: config[rule.name] }, [rule]).get(rule.name)!.level;
}

/**
 * Findings of every enabled rule: violations, passes (for budget tables) and checks that could not be made.
 * The config is parsed first, in full: a PolicyConfigError (rule, key, value, allowed) before any rule runs.
 */
export function evaluateRules(resources: readonly ResourceView[], config: PackConfig = {}, rules: readonly Rule<any>[] = RULES): EnforcedFinding[] {
  const resolved = resolvePackConfig(config, rules);
  return rules.flatMap((rule) => {
    const { level, config: ruleSettings } = resolved.get(rule.name)!;
    if (level === "disabled") return [];
    return rule.evaluate(resources, ruleSettings).map((f) => ({ ...f, enforcementLevel: level }));
  });
}

/** True when a blocking rule (mandatory, or remediate) found a violation. */
export function hasMandatoryViolation(findings: readonly EnforcedFinding[]): boolean {
  return findings.some((f) => f.status === "violation" && isBlocking(f.enforcementLevel));
}
