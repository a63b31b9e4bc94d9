/** Runs the rules over resource views with per-rule config and enforcement levels: the one engine behind the PolicyPack, the planner and tests. */
import type { EnforcementLevel, Finding } from "./finding";
import type { Rule } from "./rule";
import { RULES } from "./rules";
import type { ResourceView } from "./view";

/** Per rule: an enforcement level and any of its config keys. */
export type PackConfig = Record<string, { enforcementLevel?: EnforcementLevel } & Record<string, unknown>>;

export interface EnforcedFinding extends Finding {
  enforcementLevel: EnforcementLevel;
}

/** A rule's config: its defaults overridden by the keys given for it (an enforcement level among them is not config). */
export function ruleConfig(rule: Rule<any>, given: Record<string, unknown> = {}): Record<string, unknown> {
  const { enforcementLevel: _level, ...keys } = given;
  return { ...rule.defaults, ...keys };
}

export function enforcementOf(rule: Rule<any>, config: PackConfig = {}): EnforcementLevel {
  return config[rule.name]?.enforcementLevel ?? rule.enforcementLevel;
}

/** Policy config that names no known rule. */
export class PolicyConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "PolicyConfigError";
  }
}

/** Findings of every enabled rule: violations, passes (for budget tables) and checks that could not be made. */
export function evaluateRules(resources: readonly ResourceView[], config: PackConfig = {}, rules: readonly Rule<any>[] = RULES): EnforcedFinding[] {
  const unknown = Object.keys(config).filter((name) => !rules.some((r) => r.name === name));
  if (unknown.length > 0) throw new PolicyConfigError(`unknown policy in config: ${unknown.join(", ")}; known: ${rules.map((r) => r.name).join(", ")}`);
  return rules.flatMap((rule) => {
    const level = enforcementOf(rule, config);
    if (level === "disabled") return [];
    return rule.evaluate(resources, ruleConfig(rule, config[rule.name])).map((f) => ({ ...f, enforcementLevel: level }));
  });
}

/** True when a mandatory rule found a violation. */
export function hasMandatoryViolation(findings: readonly EnforcedFinding[]): boolean {
  return findings.some((f) => f.status === "violation" && f.enforcementLevel === "mandatory");
}
