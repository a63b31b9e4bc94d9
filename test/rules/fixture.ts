/**
 * The happy path the rule tests start from (awsguard's style): one small campus, modelled by the real components
 * under Pulumi's mocks, whose views pass every rule at its defaults, and helpers that change ONE thing about those
 * views (a published field, a parent, a resource left out) so that each case shows which field a rule reads.
 *
 * Cases that need the model itself to change (another climate, another cooling technology) build a campus from
 * `fitting()` (the small undated campus the rule tests have always used) with `findingsFor`.
 *
 * Each test file runs in its own process (vitest.config.mts: pool "forks"), so the mocks installed here and the
 * views built once per file are that file's own. Import the components only through this module (after the mocks).
 */
import type { CampusArgs } from "../../components";
import { evaluateRules, type EnforcedFinding, type PackConfig } from "../../policies/evaluate";
import { violationsOf } from "../../policies/finding";
import type { ResourceView } from "../../policies/view";
import { installMocks, viewsOf } from "../helpers/mocks";

installMocks();

/** The components, loaded after the mocks are installed. */
export function components(): Promise<typeof import("../../components")> {
  return import("../../components");
}

/**
 * The compliant campus `fx`: dated (2027-2028), one hall of 8 liquid-cooled GB200 NVL72 racks at 40 °C and 2
 * air-cooled B200 racks behind adiabatic coolers in central Ohio (hall maxRackKw 140), a water permit of 10,000 m³/yr
 * and a daily cap of 100 m³; grid (1.5 MW, firm) and nuclear (0.5 MW at the catalog's 0.95 firm share = 0.475 MW
 * firm, 2027-2040) contracts, and a proposed 1 MW gas contract the campus does not count.
 */
export const FIXTURE_ARGS: CampusArgs = {
  location: "New Albany, Ohio",
  climate: "central-ohio",
  market: "pjm",
  onlineYear: 2027,
  horizonEndYear: 2028,
  waterPermitM3PerYear: 10_000,
  dailyWaterCapM3: 100,
  halls: [{
    name: "h1",
    maxRackKw: 140,
    cooling: { technology: "adiabatic" },
    racks: [
      { name: "nvl", design: "gb200-nvl72", rackCount: 8, supplyTempC: 40 },
      { name: "air", design: "hgx-b200-air-rack", rackCount: 2 },
    ],
  }],
  powerContracts: [
    { name: "grid", counterparty: "AEP Ohio", source: "grid-pjm-ohio", contractedMw: 1.5 },
    { name: "nuclear", counterparty: "Nuclear operator", source: "nuclear", contractedMw: 0.5, startYear: 2027, termYears: 14 },
    { name: "expansion", counterparty: "Genco", source: "gas-ccgt", contractedMw: 1, firmFraction: 1, status: "proposed" },
  ],
};

/** The AWS pilot beside it: 2 B200 instances mirroring the air-cooled rack group. */
export const FIXTURE_PILOT = { design: "hgx-b200-air-rack", nodeCount: 2, campus: "fx", hall: "h1", rackGroup: "air" };

let built: Promise<readonly ResourceView[]> | undefined;

/**
 * The views of the compliant campus `fx` and its pilot `fx-pilot`, as the engine's stack validation gives them, built
 * once per test file. Never mutate them: change them through `changed`, `reparented` or `without`.
 */
export function compliantViews(): Promise<readonly ResourceView[]> {
  built ??= (async () => {
    const c = await components();
    const aws = await import("../../components/aws");
    new c.Campus("fx", FIXTURE_ARGS);
    new aws.AwsGpuCluster("fx-pilot", FIXTURE_PILOT);
    return Object.freeze(await viewsOf("fx"));
  })();
  return built;
}

/** A path into a view's props: a key, or keys and row indices (`["years", 0, "firmMw"]`). */
export type PropPath = string | readonly (string | number)[];

function viewNamed(views: readonly ResourceView[], name: string): ResourceView {
  const view = views.find((v) => v.name === name);
  if (!view) throw new Error(`no view named ${name} (views: ${views.map((v) => v.name).join(", ")})`);
  return view;
}

/**
 * The views with ONE published field of one resource set to `value` (deleted when `value` is undefined); every other
 * view and field as given. `changed(views, "fx", "pue", 1.35)`, `changed(views, "fx", ["years", 1, "waterM3"], 12_000)`.
 */
export function changed(views: readonly ResourceView[], name: string, path: PropPath, value: unknown): ResourceView[] {
  viewNamed(views, name);
  const keys = typeof path === "string" ? [path] : path;
  return views.map((v) => {
    if (v.name !== name) return v;
    const props = structuredClone(v.props);
    let at: Record<string | number, unknown> = props;
    for (const key of keys.slice(0, -1)) {
      const next = at[key];
      if (next === null || typeof next !== "object") throw new Error(`${name}: ${keys.join(".")} does not lead to a field (${String(key)} is ${String(next)})`);
      at = next as Record<string | number, unknown>;
    }
    const last = keys[keys.length - 1];
    if (value === undefined) delete at[last];
    else at[last] = value;
    return { ...v, props };
  });
}

/** The views with one resource moved under another (or to the top of the tree when `parent` is undefined). */
export function reparented(views: readonly ResourceView[], name: string, parent: string | undefined): ResourceView[] {
  const parentUrn = parent === undefined ? undefined : viewNamed(views, parent).urn;
  viewNamed(views, name);
  return views.map((v) => {
    if (v.name !== name) return v;
    const { parent: _old, ...rest } = v;
    return parentUrn === undefined ? rest : { ...rest, parent: parentUrn };
  });
}

/** The views without the resources named (and nothing else changed: their children keep their parent URNs). */
export function without(views: readonly ResourceView[], ...names: string[]): ResourceView[] {
  for (const name of names) viewNamed(views, name);
  return views.filter((v) => !names.includes(v.name));
}

/** One rule's findings (every status) over the views, at the level the config gives it. */
export function findingsOf(policy: string, views: readonly ResourceView[], config: PackConfig = {}): EnforcedFinding[] {
  return evaluateRules(views, config).filter((f) => f.policy === policy);
}

/**
 * What a case asserts of each finding: resource, status, enforcement level and the exact message, sorted by resource
 * and message in code-point order, so that a case does not depend on the order the mocks registered resources in.
 */
export function summary(findings: readonly EnforcedFinding[]): [string, string, string, string][] {
  return findings
    .map((f): [string, string, string, string] => [f.resourceName, f.status, f.enforcementLevel, f.message])
    .sort((a, b) => (a[0] === b[0] ? (a[3] < b[3] ? -1 : a[3] > b[3] ? 1 : 0) : a[0] < b[0] ? -1 : 1));
}

/** A small undated campus that fits every default budget: the base of the cases that change the model's args. */
export function fitting(overrides: Partial<CampusArgs> = {}): CampusArgs {
  return {
    location: "New Albany, Ohio",
    climate: "central-ohio",
    market: "pjm",
    waterPermitM3PerYear: 10_000,
    halls: [{ name: "h1", racks: [{ name: "nvl", design: "gb200-nvl72", rackCount: 8, supplyTempC: 40 }], cooling: { technology: "adiabatic" }, maxRackKw: 140 }],
    powerContracts: [
      { name: "grid", counterparty: "AEP Ohio", source: "grid-pjm-ohio", contractedMw: 1.5 },
      { name: "nuclear", counterparty: "Nuclear operator", source: "nuclear", contractedMw: 0.5 },
    ],
    ...overrides,
  };
}

/** Violations of every enabled rule over the views. */
export function violations(...args: Parameters<typeof evaluateRules>) {
  return violationsOf(evaluateRules(...args));
}

/** A campus built by the components under mocks: the campus, every finding over its views, and its violations. */
export async function findingsFor(name: string, args: CampusArgs, config: PackConfig = {}) {
  const c = await components();
  const campus = new c.Campus(name, args);
  const all = evaluateRules(await viewsOf(name), config);
  return { campus, all, findings: violationsOf(all) };
}

export { viewsOf };
