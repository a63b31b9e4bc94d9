/**
 * This plan against an earlier report: per budget, the headroom before and after and its change; the findings that
 * are new, fixed or still failing (matched by findingFingerprint); the verdicts and resource counts. Every number in
 * the result is finite or null, so it is JSON as is; render.ts words it.
 */
import { ENFORCEMENT_LEVELS, EnforcementLevel, isBlocking } from "../../policies/finding";
import { findingFingerprint, matchFindings } from "../ciFormats";
import type { PlanReport } from "../report";
import type { BaselineReport } from "./parse";

export type BudgetStatus = "broken now" | "worse" | "new" | "removed" | "not comparable" | "fixed now" | "improved" | "unchanged";

/** One budget in both runs (or one of them). Headroom is in `unit`: the room left before the budget breaks, negative when broken. */
export interface BudgetDiff {
  policy: string;
  budget: string;
  /** The tightest resource now (the baseline's, for a removed budget). */
  resourceName: string;
  /** The baseline's tightest resource, set only when another resource is the tightest now. */
  resourceNameBefore?: string;
  unit: string;
  enforcementLevel: EnforcementLevel;
  /** null: the budget is not in that run (status new / removed), or its headroom was not a finite number. */
  headroomBefore: number | null;
  headroomAfter: number | null;
  /** headroomAfter − headroomBefore: positive = more room than before. null when either is null, or the unit or bound changed. */
  headroomChange: number | null;
  /** Resources over the budget in each run (null: not in that run). */
  violationsBefore: number | null;
  violationsAfter: number | null;
  status: BudgetStatus;
  /** What else changed, in words: the tightest resource, the unit, the bound, the enforcement level, the violation count, exemptions now. */
  notes: string[];
}

/** A finding as the comparison lists it. */
export interface FindingRef {
  /** findingFingerprint: policy, URN and budget (not the year: the first failing year moves with the model). */
  fingerprint: string;
  policy: string;
  status: "violation" | "not-applicable";
  resourceName: string;
  resourceUrn: string;
  budget?: string;
  year?: number;
  enforcementLevel: EnforcementLevel;
  /** An exemption covers it: listed, but it does not fail the plan. */
  exempted: boolean;
  /** A violation at a blocking level (mandatory, remediate) without an exemption: it fails the plan. */
  blocking: boolean;
  message: string;
  remediation: string;
}

export interface BaselineDiff {
  /** This run's project and stack (the PR comment's marker). */
  project: string;
  stack: string;
  baseline: { project: string; stack: string; schemaVersion: number };
  /** Set when the baseline is of another stack or project: compared all the same, and flagged in every rendering. */
  mismatch?: string;
  verdict: { before: "pass" | "fail"; after: "pass" | "fail" };
  resourceCount: { before: number; after: number };
  /** This run's budgets in its order, then the baseline's budgets that are gone. */
  budgets: BudgetDiff[];
  findings: {
    /** In this run, not in the baseline. */
    new: FindingRef[];
    /** In the baseline, not in this run (as the baseline had them). */
    fixed: FindingRef[];
    /** In both (as this run has them). */
    stillFailing: FindingRef[];
  };
}

/** What compareReports reads of a run: a PlanReport in memory, or a report read back from JSON. */
type Comparable = Pick<PlanReport, "project" | "stack" | "resourceCount" | "verdict"> & {
  budgets: readonly {
    policy: string; budget: string; enforcementLevel: string; resourceName: string; unit: string; bound: "max" | "min";
    headroom: number | null; violations: number; exempted?: number;
  }[];
  findings: readonly {
    policy: string; status: "violation" | "pass" | "not-applicable"; resourceUrn: string; resourceName: string; budget?: string;
    year?: number; message: string; remediation: string; enforcementLevel: string; exemption?: unknown;
  }[];
};

/**
 * Headroom changes smaller than this share of the larger headroom count as unchanged: the same design gives the same
 * floats, and differences a billionth of the value come from summation order, not from the design.
 */
export const HEADROOM_TOLERANCE = 1e-9;

/** A finite number, or null; −0 read as 0 (JSON writes it as 0, so a report read back would differ from one in memory). */
function finite(n: number | null | undefined): number | null {
  return typeof n === "number" && Number.isFinite(n) ? n + 0 : null;
}

function levelOf(value: string): EnforcementLevel {
  return (ENFORCEMENT_LEVELS as readonly string[]).includes(value) ? (value as EnforcementLevel) : "mandatory";
}

type Row = Comparable["budgets"][number];

function budgetDiff(before: Row | undefined, after: Row | undefined): BudgetDiff {
  const row = (after ?? before)!;
  const base = { policy: row.policy, budget: row.budget, resourceName: row.resourceName, unit: row.unit, enforcementLevel: levelOf(row.enforcementLevel) };
  if (!before || !after) {
    const h = finite(row.headroom);
    return {
      ...base, headroomBefore: before ? h : null, headroomAfter: after ? h : null, headroomChange: null,
      violationsBefore: before ? before.violations : null, violationsAfter: after ? after.violations : null,
      status: before ? "removed" : "new", notes: h === null ? ["headroom not finite"] : [],
    };
  }
  const notes: string[] = [];
  if (before.resourceName !== after.resourceName) notes.push(`tightest resource was ${before.resourceName}`);
  if (before.unit !== after.unit) notes.push(`unit was ${before.unit || "(none)"}`);
  if (before.bound !== after.bound) notes.push(`bound was ${before.bound}`);
  if (before.enforcementLevel !== after.enforcementLevel) notes.push(`enforcement was ${before.enforcementLevel}`);
  // Broken now or fixed now already says it when one side has none over.
  if (before.violations > 0 && after.violations > 0 && before.violations !== after.violations) notes.push(`resources over ${before.violations} → ${after.violations}`);
  const hb = finite(before.headroom);
  const ha = finite(after.headroom);
  if ((after.exempted ?? 0) > 0) notes.push(`${after.exempted} of ${after.violations} over exempted`);
  if (hb === null) notes.push("headroom before not finite");
  if (ha === null) notes.push("headroom after not finite");
  const comparable = hb !== null && ha !== null && before.unit === after.unit && before.bound === after.bound;
  const raw = comparable ? ha - hb : null;
  const change = raw !== null && Math.abs(raw) <= HEADROOM_TOLERANCE * Math.max(Math.abs(ha!), Math.abs(hb!)) ? 0 : raw;
  const brokenBefore = before.violations > 0;
  const brokenAfter = after.violations > 0;
  const status: BudgetStatus =
    !brokenBefore && brokenAfter ? "broken now"
    : brokenBefore && !brokenAfter ? "fixed now"
    : change === null ? "not comparable"
    : change > 0 ? "improved"
    : change < 0 ? "worse"
    // Same headroom on the tightest resource, but more or fewer resources over the budget.
    : after.violations > before.violations ? "worse"
    : after.violations < before.violations ? "improved"
    : "unchanged";
  return {
    ...base, ...(before.resourceName !== after.resourceName ? { resourceNameBefore: before.resourceName } : {}),
    headroomBefore: hb, headroomAfter: ha, headroomChange: change, violationsBefore: before.violations, violationsAfter: after.violations,
    status, notes,
  };
}

/** Pairs budgets by policy, budget and tightest resource, then by policy and budget alone (the tightest resource changed). */
function pairBudgets(before: readonly Row[], after: readonly Row[]): BudgetDiff[] {
  const used = new Set<number>();
  const matchOf = new Map<number, number>();
  for (const key of [(r: Row) => `${r.policy}\u0000${r.budget}\u0000${r.resourceName}`, (r: Row) => `${r.policy}\u0000${r.budget}`]) {
    // The baseline's unpaired rows by key, in order: a key given twice pairs in order (indexed, for reports of thousands).
    const waiting = new Map<string, number[]>();
    before.forEach((b, i) => void (used.has(i) || (waiting.get(key(b)) ?? waiting.set(key(b), []).get(key(b))!).push(i)));
    after.forEach((a, j) => {
      const i = matchOf.has(j) ? undefined : waiting.get(key(a))?.shift();
      if (i === undefined) return;
      used.add(i);
      matchOf.set(j, i);
    });
  }
  return [
    ...after.map((a, j) => budgetDiff(matchOf.has(j) ? before[matchOf.get(j)!] : undefined, a)),
    ...before.filter((_, i) => !used.has(i)).map((b) => budgetDiff(b, undefined)),
  ];
}

function findingRef(f: Comparable["findings"][number]): FindingRef {
  const enforcementLevel = levelOf(f.enforcementLevel);
  const exempted = f.exemption !== undefined && f.exemption !== null;
  return {
    fingerprint: findingFingerprint(f), policy: f.policy, status: f.status === "not-applicable" ? "not-applicable" : "violation",
    resourceName: f.resourceName, resourceUrn: f.resourceUrn, ...(f.budget === undefined ? {} : { budget: f.budget }),
    ...(f.year === undefined ? {} : { year: f.year }), enforcementLevel, exempted,
    blocking: f.status === "violation" && isBlocking(enforcementLevel) && !exempted, message: f.message, remediation: f.remediation,
  };
}

/** Findings matched by fingerprint, as multisets: two findings with one fingerprint in a run pair with two in the other. */
function pairFindings(before: readonly FindingRef[], after: readonly FindingRef[]): BaselineDiff["findings"] {
  const { partner, gone } = matchFindings(before, after);
  return {
    new: after.filter((_, j) => partner[j] === undefined),
    fixed: gone.map((i) => before[i]),
    stillFailing: after.filter((_, j) => partner[j] !== undefined),
  };
}

/** This run (`after`) against the baseline (`before`). Every number in the result is finite or null: it is JSON as is. */
export function compareReports(before: BaselineReport, after: PlanReport | BaselineReport): BaselineDiff {
  const b = before as Comparable;
  const a = after as Comparable;
  const differs = [
    ...(b.project !== a.project ? [`project ${b.project}`] : []),
    ...(b.stack !== a.stack ? [`stack ${b.stack}`] : []),
  ];
  const findings = (r: Comparable) => r.findings.filter((f) => f.status !== "pass").map(findingRef);
  return {
    project: a.project, stack: a.stack,
    baseline: { project: b.project, stack: b.stack, schemaVersion: before.schemaVersion },
    ...(differs.length > 0 ? { mismatch: `baseline is ${differs.join(", ")}` } : {}),
    verdict: { before: b.verdict, after: a.verdict },
    resourceCount: { before: b.resourceCount, after: a.resourceCount },
    budgets: pairBudgets(b.budgets, a.budgets),
    findings: pairFindings(findings(b), findings(a)),
  };
}
