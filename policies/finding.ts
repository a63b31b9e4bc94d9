/** What a rule reports. */
import type { ResourceView } from "./view";

export type EnforcementLevel = "advisory" | "mandatory" | "disabled";
export const ENFORCEMENT_LEVELS: readonly EnforcementLevel[] = ["advisory", "mandatory", "disabled"];

export interface Finding {
  /** Rule name, e.g. `water-permit`. */
  policy: string;
  /** `violation`: a budget is broken; `not-applicable`: a value the rule needs is missing or unknown (e.g. during preview). */
  status: "violation" | "not-applicable";
  resourceUrn: string;
  resourceName: string;
  measured?: number;
  limit?: number;
  unit?: string;
  /** One line naming the budget and both numbers. */
  message: string;
  /** One line on how to fix it. */
  remediation: string;
}

/** Rounds for messages: readable, and never hides which side of a limit a value is on. */
export function show(n: number): string {
  const abs = Math.abs(n);
  const digits = abs >= 1000 ? 0 : abs >= 10 ? 1 : abs >= 1 ? 3 : 4;
  return n.toLocaleString("en-US", { maximumFractionDigits: digits });
}

/** A broken budget on a resource. */
export function violation(
  policy: string,
  view: ResourceView,
  f: { measured: number; limit: number; unit: string; message: string; remediation: string },
): Finding {
  return { policy, status: "violation", resourceUrn: view.urn, resourceName: view.name, ...f };
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
