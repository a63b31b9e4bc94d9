/** What a plan run shows, as data: resources by type, the component tree, budgets, findings and the verdict. */
import { EnforcedFinding, hasMandatoryViolation } from "../policies/evaluate";
import type { ResourceView } from "../policies/view";
import type { PlanRun } from "./runPlan";
import { printableConfig } from "./stackConfig";

export interface TypeCount {
  type: string;
  count: number;
}

export interface TreeNode {
  name: string;
  type: string;
  children: TreeNode[];
  /** Resources below this node that the tree does not show (deeper than the depth, or past the sibling limit). */
  hidden: number;
}

/** The tightest of the resources one budget was checked on. */
export interface BudgetRow {
  policy: string;
  budget: string;
  enforcementLevel: string;
  /** Resources checked against this budget. */
  checked: number;
  /** The resource with the least headroom. */
  resourceName: string;
  used: number;
  limit: number;
  unit: string;
  bound: "max" | "min";
  /** Limit minus used (used minus limit for a minimum); negative when broken. */
  headroom: number;
  /** Headroom as a share of the limit (0 when the limit is 0 and it holds, −Infinity when it is 0 and broken). */
  headroomShare: number;
  violations: number;
}

export interface PlanReport {
  project: string;
  stack: string;
  config: Record<string, string>;
  resourceCount: number;
  resourcesByType: TypeCount[];
  tree: TreeNode[];
  outputs: Record<string, unknown>;
  budgets: BudgetRow[];
  /** Violations and checks that could not be made. */
  findings: EnforcedFinding[];
  verdict: "pass" | "fail";
  wallSeconds: number;
}

/** Siblings of one type shown before the rest are counted as hidden. */
export const SIBLINGS_SHOWN = 3;

function typeName(type: string): string {
  return type.split(":").pop()!;
}

export function countByType(views: readonly ResourceView[]): TypeCount[] {
  const counts = new Map<string, number>();
  for (const v of views) counts.set(v.type, (counts.get(v.type) ?? 0) + 1);
  return [...counts].map(([type, count]) => ({ type, count })).sort((a, b) => b.count - a.count || a.type.localeCompare(b.type));
}

/** The component tree to `depth` levels; past SIBLINGS_SHOWN siblings of one type, the rest are only counted. */
export function componentTree(views: readonly ResourceView[], depth: number): TreeNode[] {
  const children = new Map<string | undefined, ResourceView[]>();
  const known = new Set(views.map((v) => v.urn));
  for (const v of views) {
    const parent = v.parent !== undefined && known.has(v.parent) ? v.parent : undefined;
    const list = children.get(parent) ?? children.set(parent, []).get(parent)!;
    list.push(v);
  }
  const size = (v: ResourceView): number => 1 + (children.get(v.urn) ?? []).reduce((s, c) => s + size(c), 0);
  const build = (v: ResourceView, level: number): TreeNode => {
    const kids = children.get(v.urn) ?? [];
    if (level >= depth) return { name: v.name, type: typeName(v.type), children: [], hidden: kids.reduce((s, c) => s + size(c), 0) };
    const shown: TreeNode[] = [];
    const perType = new Map<string, number>();
    let hidden = 0;
    for (const c of kids) {
      const n = (perType.get(c.type) ?? 0) + 1;
      perType.set(c.type, n);
      if (n <= SIBLINGS_SHOWN) shown.push(build(c, level + 1));
      else hidden += size(c);
    }
    return { name: v.name, type: typeName(v.type), children: shown, hidden };
  };
  return (children.get(undefined) ?? []).map((root) => build(root, 1));
}

/** One row per budget: how many resources were checked and the tightest of them. */
export function budgetRows(findings: readonly EnforcedFinding[]): BudgetRow[] {
  const rows = new Map<string, BudgetRow>();
  for (const f of findings) {
    if (f.status === "not-applicable" || f.budget === undefined || f.measured === undefined || f.limit === undefined) continue;
    const bound = f.bound ?? "max";
    const headroom = bound === "max" ? f.limit - f.measured : f.measured - f.limit;
    const headroomShare = f.limit === 0 ? (headroom >= 0 ? 0 : -Infinity) : headroom / Math.abs(f.limit);
    const key = `${f.policy}\u0000${f.budget}`;
    const row = rows.get(key);
    const violations = (row?.violations ?? 0) + (f.status === "violation" ? 1 : 0);
    // With a limit of 0 (a margin that must stay at or above 0 K) shares tie, so the smaller headroom is the tighter.
    if (!row || headroomShare < row.headroomShare || (headroomShare === row.headroomShare && headroom < row.headroom)) {
      rows.set(key, {
        policy: f.policy, budget: f.budget, enforcementLevel: f.enforcementLevel, checked: (row?.checked ?? 0) + 1,
        resourceName: f.resourceName, used: f.measured, limit: f.limit, unit: f.unit ?? "", bound, headroom, headroomShare, violations,
      });
    } else {
      row.checked += 1;
      row.violations = violations;
    }
  }
  return [...rows.values()];
}

export function buildReport(run: PlanRun, treeDepth: number): PlanReport {
  return {
    project: run.project,
    stack: run.stack,
    config: printableConfig(run.config),
    resourceCount: run.views.length,
    resourcesByType: countByType(run.views),
    tree: componentTree(run.views, treeDepth),
    outputs: run.outputs,
    budgets: budgetRows(run.findings),
    findings: run.findings.filter((f) => f.status !== "pass"),
    verdict: hasMandatoryViolation(run.findings) ? "fail" : "pass",
    wallSeconds: run.wallSeconds,
  };
}
