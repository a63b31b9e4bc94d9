/**
 * What the parity tests (test/constructs.test.ts, test/cdk.test.ts) compare between the Pulumi components under mocks
 * and the constructs. No runtime import of @pulumi/pulumi or the components: import it before or after installMocks().
 */
import type { IConstruct } from "constructs";
import type { Campus as PulumiCampus } from "../../components";
import type { CampusArgs } from "../../components/model/campus";
import { ADVISORY_METADATA, isAiclusterConstruct } from "../../constructs";
import type { EnforcedFinding, PackConfig, PolicyEvaluation } from "../../policies/evaluate";
import { STACK_POLICIES } from "../../policies/stackPolicies";
import type { ResourceView } from "../../policies/view";

export const TODAY = "2026-06-01";

/** Two halls with adiabatic coolers (liquid NVL72; air-cooled H100 beside NVL72 on warmer water), grid and solar contracts, dated. */
export function twoHallCampus(over: Partial<CampusArgs> = {}): CampusArgs {
  return {
    location: "New Albany, Ohio",
    climate: "central-ohio",
    market: "pjm",
    onlineYear: 2027,
    halls: [
      { name: "hall-a", racks: [{ name: "nvl", design: "gb200-nvl72", rackCount: 6, supplyTempC: 40 }], maxRackKw: 150, cooling: { technology: "adiabatic", redundancy: "N+1", unitCapacityKw: 1000 } },
      { name: "hall-b", onlineYear: 2028, racks: [{ name: "h100", design: "hgx-h100-air-rack", rackCount: 4 }, { name: "nvl2", design: "gb200-nvl72", rackCount: 2, supplyTempC: 40 }], cooling: { technology: "adiabatic", unitCapacityKw: 1500 } },
    ],
    powerContracts: [
      { name: "grid", counterparty: "AEP Ohio", source: "grid-pjm-ohio", contractedMw: 8 },
      { name: "sun", counterparty: "Solar Co", source: "solar-utility", contractedMw: 4 },
    ],
    ...over,
  };
}

export type Node = { footprint: object; name: string };

/** Every Pulumi component of a campus with its footprint, keyed by resource name. */
export function pulumiTree(campus: PulumiCampus, name: string): Map<string, object> {
  const out: [string, object][] = [[name, campus.footprint]];
  campus.halls.forEach((hall, i) => {
    const hallName = `${name}-${(campus.footprint.halls[i] as { name: string }).name}`;
    out.push([hallName, hall.footprint]);
    hall.rackGroups.forEach((g, j) => {
      const groupName = `${hallName}-${hall.footprint.rackGroups[j].name}`;
      out.push([groupName, g.footprint], [`${groupName}-nodes`, g.nodes.footprint]);
    });
    if (hall.coolingPlant) out.push([`${hallName}-cooling`, hall.coolingPlant.footprint]);
  });
  campus.powerContracts.forEach((p, i) => out.push([`${name}-${campus.footprint.contracts[i].name}`, p.footprint]));
  return new Map(out);
}

/** Every aicluster construct of a tree with its footprint, keyed by construct id. */
export function constructTree(root: IConstruct): Map<string, object> {
  return new Map(root.node.findAll().filter(isAiclusterConstruct).map((n) => [n.node.id, (n as unknown as Node).footprint]));
}

/** Findings with the resource named instead of its URN (a Pulumi URN or a construct path), in a stable order. */
export function byName(run: PolicyEvaluation, views: readonly ResourceView[]): (Omit<EnforcedFinding, "resourceUrn"> & { resource: string })[] {
  const nameOf = new Map(views.map((v) => [v.urn, v.name]));
  return run.findings
    .map(({ resourceUrn, ...f }) => ({ ...f, resource: nameOf.get(resourceUrn) ?? `unknown ${resourceUrn}` }))
    .sort((a, b) => `${a.policy}|${a.resource}|${a.budget}|${a.message}`.localeCompare(`${b.policy}|${b.resource}|${b.budget}|${b.message}`));
}

/** Views with parents named and sorted by name: what both engines must agree on. */
export function comparable(views: readonly ResourceView[]): { type: string; name: string; parent?: string; props: Record<string, unknown> }[] {
  const nameOf = new Map(views.map((v) => [v.urn, v.name]));
  return views
    .map((v) => ({ type: v.type, name: v.name, parent: v.parent === undefined ? undefined : nameOf.get(v.parent), props: v.props }))
    .sort((a, b) => a.name.localeCompare(b.name));
}

/**
 * What the Pulumi pack reports for these views and this config (each rule's entry as the engine hands it over):
 * violations of the rules that block (mandatory at their defaults, as the engine would enforce them), or of the others.
 */
export function packReports(views: readonly ResourceView[], config: PackConfig = {}, which: "blocking" | "advisory" = "blocking"): string[] {
  const resources = views.map((v) => ({ ...v, parent: views.find((x) => x.urn === v.parent) }));
  const reported: string[] = [];
  for (const policy of STACK_POLICIES) {
    const entry = config[policy.name];
    const level = (typeof entry === "string" ? entry : entry?.enforcementLevel) ?? policy.enforcementLevel;
    if (level === "disabled" || (level === "advisory") !== (which === "advisory")) continue;
    const { enforcementLevel: _level, ...given } = typeof entry === "string" ? {} : entry ?? {};
    policy.validateStack({ resources, getConfig: () => given } as never, (message) => reported.push(message));
  }
  return reported.sort();
}

/** The advisory notes of a construct tree, as `kind message`. */
export function advisoryNotes(root: IConstruct): string[] {
  return root.node.findAll().flatMap((n) => n.node.metadata.filter((m) => m.type === ADVISORY_METADATA).map((m) => (m.data as { message: string }).message)).sort();
}

/** Validation errors of every construct of a tree: `[path] message`, as CDK and cdk8s print them. */
export function validationErrors(root: IConstruct): string[] {
  return root.node.findAll().flatMap((n) => n.node.validate().map((m) => `[${n.node.path}] ${m}`));
}

