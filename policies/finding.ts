/** What a rule reports. */
import { show } from "../components/format/numbers";
import type { ResourceView } from "./view";

/** Pulumi's enforcement levels. `remediate` applies to remediation policies; on these stack validations it blocks like `mandatory`. */
export type EnforcementLevel = "advisory" | "mandatory" | "remediate" | "disabled";
export const ENFORCEMENT_LEVELS: readonly EnforcementLevel[] = ["advisory", "mandatory", "remediate", "disabled"];

/** Whether a violation at this level fails the plan (Pulumi blocks on mandatory, and on remediate for validations). */
export function isBlocking(level: EnforcementLevel): boolean {
  return level === "mandatory" || level === "remediate";
}

export interface Finding {
  /** Rule name, e.g. `water-permit`. */
  policy: string;
  /**
   * `violation`: a budget is broken; `pass`: it was checked and holds (kept for budget tables);
   * `not-applicable`: a value the rule needs is missing or unknown (e.g. during preview).
   */
  status: "violation" | "pass" | "not-applicable";
  resourceUrn: string;
  resourceName: string;
  /** What was compared, e.g. `annual water`. */
  budget?: string;
  measured?: number;
  limit?: number;
  unit?: string;
  /** `max`: measured must not exceed limit; `min`: measured must reach it. */
  bound?: "max" | "min";
  /** The hour (`2026-07-21 15:00`) or day (`2026-07-21`) the measured value comes from, for budgets set by the worst hour or day. */
  at?: string;
  /** For budgets checked in every year of a campus's horizon: the first failing year, or the tightest when all hold. */
  year?: number;
  /** One line naming the budget and both numbers. */
  message: string;
  /** One line on how to fix it. */
  remediation: string;
  /** A violation the policy config exempts (policies/exemptions.ts): still reported, no longer blocking. */
  exemption?: FindingExemption;
  /** A violation whose only matching exemptions have expired: it counts (and blocks) again. */
  expiredExemption?: FindingExemption;
  /**
   * What it takes: for each knob that can fix the budget, the smallest change that makes it pass, found by planning
   * again (the checker adds them; any one of them is enough).
   */
  fixes?: QuantifiedFix[];
}

/** The smallest change of one knob that makes a failing budget pass, found and checked by planning the campus again. */
export interface QuantifiedFix {
  /** The change in words, e.g. `add 264 MW of firm capacity from 2029 (...)`. */
  change: string;
  /** The value found (MW added, a permit, a temperature) and the value as planned. */
  value: number;
  from: number;
  /** How it was checked: planned again with it (it passes), and with a change 1 % smaller. */
  checked: string;
  /** Model runs the search made. */
  modelRuns: number;
}

/** The exemption a violation falls under, as findings carry it. */
export interface FindingExemption {
  /** The exemption's resource pattern, as written in the policy config. */
  pattern: string;
  reason: string;
  /** Last day (UTC) it applies, `YYYY-MM-DD`; absent: no expiry. */
  expires?: string;
  ticket?: string;
}

/**
 * How to fix a finding, in one line: the smallest change found by planning again, when the checker found one (with how
 * it was checked), then the rule's own advice.
 */
export function fixText(f: Pick<Finding, "remediation" | "fixes">): string {
  return f.fixes?.length ? `what it takes: ${whatItTakes(f.fixes)}; otherwise ${f.remediation}` : f.remediation;
}

/** The fixes in one line: `A (checked ...), or B (checked ...)`. */
export function whatItTakes(fixes: readonly QuantifiedFix[]): string {
  return fixes.map((x) => `${x.change} (${x.checked})`).join(", or ");
}

/** A measured value against its limit. */
export interface BudgetCheck {
  budget: string;
  measured: number;
  limit: number;
  unit: string;
  /** @default "max" */
  bound?: "max" | "min";
  /** When the measured value happens (worst hour or day), when it comes from one. */
  at?: string;
}

/** A broken budget on a resource. */
export function violation(policy: string, view: ResourceView, f: BudgetCheck & { message: string; remediation: string }): Finding {
  return { policy, status: "violation", resourceUrn: view.urn, resourceName: view.name, bound: "max", ...f };
}

/** Compares a value with its limit: a pass, or a violation described by `broken`. */
export function check(policy: string, view: ResourceView, b: BudgetCheck, broken: () => { message: string; remediation: string }): Finding {
  const bound = b.bound ?? "max";
  const holds = bound === "max" ? b.measured <= b.limit : b.measured >= b.limit;
  if (!holds) return violation(policy, view, { ...b, bound, ...broken() });
  const side = bound === "max" ? "within the maximum" : "at or above the minimum";
  const unit = b.unit ? ` ${b.unit}` : "";
  return {
    policy, status: "pass", resourceUrn: view.urn, resourceName: view.name, ...b, bound,
    message: `${view.name}: ${b.budget} ${show(b.measured)}${unit}${b.at ? ` (${b.at})` : ""} ${side} of ${show(b.limit)}${unit}`,
    remediation: "",
  };
}

/** Only the broken budgets. */
export function violationsOf<F extends Finding>(findings: readonly F[]): F[] {
  return findings.filter((f) => f.status === "violation");
}

/** A check that cannot be made: the values it needs are missing or not known yet. */
export function notApplicable(policy: string, view: ResourceView, missing: string[]): Finding {
  return {
    policy,
    status: "not-applicable",
    resourceUrn: view.urn,
    resourceName: view.name,
    message: `${view.name}: not applicable, ${missing.join(", ")} not known (yet)`,
    remediation: "values unknown during preview are checked on update; missing ones must be published by the component",
  };
}

/** A check that is not a number against a limit (a match, a presence): passed, or violated with a message and fix. */
export function verdict(policy: string, view: ResourceView, passed: string, broken?: { message: string; remediation: string }): Finding {
  const base = { policy, resourceUrn: view.urn, resourceName: view.name };
  return broken ? { ...base, status: "violation", ...broken } : { ...base, status: "pass", message: `${view.name}: ${passed}`, remediation: "" };
}
