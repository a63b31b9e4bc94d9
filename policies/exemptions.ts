/**
 * Policy exemptions: a rule's entry in the policy config may exempt resources from it, each with a reason and an
 * optional expiry date:
 *
 *   {"water-permit": {"exemptions": [{"resource": "prometheus-*", "reason": "permit renewal filed", "expires": "2026-12-31", "ticket": "OPS-12"}]}}
 *
 * An exempted violation is still reported, in every format, marked as exempted; it no longer blocks. An exemption
 * stops applying after its `expires` day (UTC): the violation blocks again and the summary lists the exemption as
 * expired. An exemption that exempts no violation (its pattern matches no resource, or none of the resources it
 * matches violates the rule) is listed as unused, so stale exemptions get cleaned up; that is advisory, never an error.
 * A live exemption whose pattern matches every resource (two or more) of a type the rule checks is flagged as broad
 * (`broad` in its summary, `broadNote`): it switches the rule off for that type. A warning, never a change of verdict.
 *
 * Patterns are matched in linear time (globMatcher): `*` is the only special character, and no pattern can make the
 * matcher backtrack.
 *
 * No Pulumi import: the planner, the pack and tests share it.
 */
import { z } from "zod";
import type { EnforcementLevel, Finding, FindingExemption } from "./finding";
import { isBlocking } from "./finding";
import type { ResourceView } from "./view";

/** One exemption as written in the policy config. */
export interface Exemption {
  /** A URN (starts with `urn:pulumi:`) or a resource name; `*` matches any run of characters; the whole URN or name must match. */
  resource: string;
  /** Why the violation is accepted (required, one line). */
  reason: string;
  /** Last day (UTC) the exemption applies, `YYYY-MM-DD`; none: it never expires. */
  expires?: string;
  /** Free text, e.g. a ticket or change-request id. */
  ticket?: string;
}

/** The fields an exemption takes. */
export const EXEMPTION_FIELDS = ["resource", "reason", "expires", "ticket"] as const;

/** The most exemptions one rule may carry: matching is exemptions × violations, and a longer list is not a list of exceptions. */
export const MAX_EXEMPTIONS_PER_RULE = 1000;

const URN_PREFIX = "urn:pulumi:";

// Patterns stay RE2-compatible (no look-arounds): the engine checks config against the JSON schema with Go's regexp.
const ONE_LINE = /^[^\r\n]*$/;
const NOT_BLANK = /\S/;
const NO_EDGE_SPACE = /^\S(?:.*\S)?$/;

const PATTERN_ALLOWED = "a resource name or a URN starting with urn:pulumi:, `*` matching any characters, without spaces at either end (e.g. \"prometheus-hall-*\")";

const exemptionSchema = z.strictObject({
  resource: z
    .string({ error: `required: ${PATTERN_ALLOWED}` })
    .max(1000, { error: "at most 1000 characters" })
    .regex(NO_EDGE_SPACE, { error: `not empty, ${PATTERN_ALLOWED}` })
    .regex(ONE_LINE, { error: `one line: ${PATTERN_ALLOWED}` })
    // A pattern of wildcards alone exempts every resource: that is the rule's enforcementLevel's job, not an exemption's.
    .refine((p) => p === "" || /[^*]/.test(p.startsWith(URN_PREFIX) ? p.slice(URN_PREFIX.length) : p), {
      error: "a pattern naming something besides `*`; to stop a rule blocking everywhere, set its enforcementLevel to advisory",
    })
    .describe("The exempted resource: its URN (starting with urn:pulumi:) or its name; `*` matches any characters; the whole URN or name must match."),
  reason: z
    .string({ error: "required: why the violation is accepted, one line of text" })
    .max(500, { error: "at most 500 characters" })
    .regex(NOT_BLANK, { error: "not empty: why the violation is accepted" })
    .regex(ONE_LINE, { error: "one line of text (no line breaks)" })
    .describe("Why the violation is accepted (required); shown with every exempted finding."),
  expires: z
    .iso.date({ error: "a calendar date YYYY-MM-DD (the last day, UTC, the exemption applies), e.g. 2026-12-31" })
    .optional()
    .describe("Last day (UTC) the exemption applies, YYYY-MM-DD; after it the violation counts again. None: it never expires."),
  ticket: z
    .string({ error: "text, e.g. a ticket id" })
    .max(200, { error: "at most 200 characters" })
    .regex(NOT_BLANK, { error: "not empty (leave the key out instead)" })
    .regex(ONE_LINE, { error: "one line of text (no line breaks)" })
    .optional()
    .describe("Optional free text, e.g. a ticket or change-request id."),
});

/** The `exemptions` key every rule takes: a list of exemptions, each resource pattern at most once. @internal */
export const exemptionsSchema = z
  .array(exemptionSchema, { error: "a list of exemptions, each {resource, reason, expires?, ticket?}" })
  .max(MAX_EXEMPTIONS_PER_RULE, { error: `at most ${MAX_EXEMPTIONS_PER_RULE} exemptions per rule` })
  .superRefine((list, ctx) => {
    const seen = new Map<string, number>();
    list.forEach((e, i) => {
      const first = seen.get(e.resource);
      if (first !== undefined) ctx.addIssue({ code: "custom", path: [i, "resource"], message: `each resource pattern once per rule; exemptions[${first}] already names it` });
      else seen.set(e.resource, i);
    });
  })
  .default([])
  .describe("Resources exempted from this rule: [{resource, reason, expires?, ticket?}]. An exempted violation is still reported, marked exempted, and does not block.");

/** Where "now" comes from; exemptions are judged on its UTC day. Injectable for tests and a planner's `--today`. */
export type Clock = () => Date;

export const systemClock: Clock = () => new Date();

/** A clock stopped at the start (UTC) of a `YYYY-MM-DD` day, e.g. for a planner's `--today`; an Error naming the value otherwise. */
export function fixedClock(day: string): Clock {
  if (!z.iso.date().safeParse(day).success) throw new Error(`today = ${JSON.stringify(day)}; allowed: a calendar date YYYY-MM-DD`);
  const at = new Date(`${day}T00:00:00Z`);
  return () => at;
}

/** The clock's day in UTC, `YYYY-MM-DD`. */
export function utcDay(clock: Clock = systemClock): string {
  const now = clock();
  if (!(now instanceof Date) || !Number.isFinite(now.getTime())) throw new Error(`aicluster: the exemptions clock gave ${String(now)}; allowed: a valid Date`);
  return now.toISOString().slice(0, 10);
}

/**
 * Whether an exemption applies on `today`: one without an expiry always does; one with applies through the end of its
 * `expires` day (UTC). ISO dates of equal length order as strings.
 */
export function isLive(e: Pick<Exemption, "expires">, today: string): boolean {
  return e.expires === undefined || today <= e.expires;
}

/** Whether a pattern is read as a URN (else: a resource name). */
export function isUrnPattern(pattern: string): boolean {
  return pattern.startsWith(URN_PREFIX);
}

/**
 * Whether `text` matches a pattern in which `*` matches any run of characters (`/`, `:`, `::` and line breaks
 * included) and every other character only itself, the whole text. Linear: the literal pieces between the stars are
 * found left to right with indexOf, each at its earliest place (the earliest place never loses a match), so no pattern
 * can backtrack: `*a*a*a*a*a*a*a*a*a*a*a*a*b` against 40 characters takes microseconds, where the regular expression
 * `^.*a.*a...b$` (and a glob library compiling to one, such as picomatch's `.*?` pieces) runs for minutes.
 */
export function globMatcher(pattern: string): (text: string) => boolean {
  const pieces = pattern.split("*");
  if (pieces.length === 1) return (text) => text === pattern;
  const head = pieces[0];
  const tail = pieces[pieces.length - 1];
  const middle = pieces.slice(1, -1).filter((p) => p !== "");
  const shortest = head.length + tail.length + middle.reduce((n, p) => n + p.length, 0);
  return (text) => {
    if (text.length < shortest || !text.startsWith(head) || !text.endsWith(tail)) return false;
    const end = text.length - tail.length;
    let at = head.length;
    for (const piece of middle) {
      const found = text.indexOf(piece, at);
      if (found < 0 || found + piece.length > end) return false;
      at = found + piece.length;
    }
    return true;
  };
}

/** A matcher for one pattern: the whole URN (for `urn:pulumi:` patterns) or the whole name, `*` matching any run of characters. */
export function resourceMatcher(pattern: string): (resource: { urn: string; name: string }) => boolean {
  const matches = globMatcher(pattern);
  return isUrnPattern(pattern) ? (r) => matches(r.urn) : (r) => matches(r.name);
}

/** What happened to one exemption in a run. */
export type ExemptionState = "applied" | "expired" | "unused";

/** One exemption's outcome, for the summary of every format. */
export interface ExemptionSummary {
  policy: string;
  /** The rule's level in this run: an applied exemption of a blocking rule (mandatory, remediate) lets a plan pass that would fail. */
  enforcementLevel: EnforcementLevel;
  /** The pattern as written. */
  resource: string;
  reason: string;
  expires?: string;
  ticket?: string;
  /**
   * `applied`: it exempted at least one violation; `expired`: its day has passed, so the violations it names count
   * again; `unused`: live, but it exempted no violation (its pattern matches no resource, or none that violates the rule).
   */
  state: ExemptionState;
  /** Violations it exempted (applied) or names but no longer exempts (expired). */
  violations: number;
  /** Names of the resources of those violations, each once. */
  violatingResources: string[];
  /** Resources (of every type) the pattern matches in this run. */
  matchedResources: number;
  /**
   * Set (for a live exemption) when its pattern matches every resource, two or more, of a type the rule checks: it
   * exempts the rule for that whole type, which is what the rule's enforcementLevel is for. A warning (broadNote says
   * it); the verdict is the same as without it.
   */
  broad?: BroadMatch[];
}

/** A type all of whose resources (two or more) one exemption's pattern matches. */
export interface BroadMatch {
  /** The type token, e.g. `aicluster:index:DataHall`. */
  type: string;
  /** How many resources of the type the run has (all matched). */
  resources: number;
}

/** The marker a finding carries for an exemption. */
function marker(e: Exemption): FindingExemption {
  return { pattern: e.resource, reason: e.reason, ...(e.expires === undefined ? {} : { expires: e.expires }), ...(e.ticket === undefined ? {} : { ticket: e.ticket }) };
}

/**
 * One rule's findings with its exemptions applied, and the exemptions' summary. A violation matched by a live
 * exemption (the first in config order) gets `exemption`; one matched only by expired ones gets `expiredExemption`
 * (and still blocks). Passes and not-applicable findings are left as they are. No finding is dropped or reordered.
 */
export function applyExemptions<F extends Finding>(
  findings: readonly F[], exemptions: readonly Exemption[], context: { policy: string; level: EnforcementLevel; resources: readonly ResourceView[]; today: string },
): { findings: F[]; summaries: ExemptionSummary[] } {
  if (exemptions.length === 0) return { findings: [...findings], summaries: [] };
  const compiled = exemptions.map((e) => ({ e, live: isLive(e, context.today), matches: resourceMatcher(e.resource) }));
  const hits = compiled.map(() => ({ count: 0, names: new Set<string>() }));
  const out = findings.map((f) => {
    if (f.status !== "violation") return f;
    const resource = { urn: f.resourceUrn, name: f.resourceName };
    const live = compiled.findIndex((c) => c.live && c.matches(resource));
    // Expired exemptions count what they would cover whether or not a live one covers it too, so the summary says what lapsed.
    compiled.forEach((c, i) => {
      if (!c.live && c.matches(resource)) {
        hits[i].count += 1;
        hits[i].names.add(f.resourceName);
      }
    });
    if (live >= 0) {
      hits[live].count += 1;
      hits[live].names.add(f.resourceName);
      return { ...f, exemption: marker(compiled[live].e) };
    }
    const expired = compiled.find((c) => !c.live && c.matches(resource));
    return expired ? { ...f, expiredExemption: marker(expired.e) } : f;
  });
  // The types the rule checks (those its findings are on), with their resource counts: a pattern that matches all of
  // a type's resources, two or more, is broad.
  const typeOfUrn = new Map(context.resources.map((r) => [r.urn, r.type]));
  const checked = new Set(findings.map((f) => typeOfUrn.get(f.resourceUrn)).filter((t): t is string => t !== undefined));
  const counts = new Map<string, number>();
  for (const r of context.resources) if (checked.has(r.type)) counts.set(r.type, (counts.get(r.type) ?? 0) + 1);
  const summaries = compiled.map(({ e, live, matches }, i): ExemptionSummary => {
    const matched = context.resources.filter(matches);
    const matchedOfType = new Map<string, number>();
    for (const r of matched) matchedOfType.set(r.type, (matchedOfType.get(r.type) ?? 0) + 1);
    const broad = live ? [...counts].filter(([type, n]) => n >= 2 && matchedOfType.get(type) === n).map(([type, resources]) => ({ type, resources })) : [];
    return {
      policy: context.policy,
      enforcementLevel: context.level,
      resource: e.resource,
      reason: e.reason,
      ...(e.expires === undefined ? {} : { expires: e.expires }),
      ...(e.ticket === undefined ? {} : { ticket: e.ticket }),
      state: !live ? "expired" : hits[i].count > 0 ? "applied" : "unused",
      violations: hits[i].count,
      violatingResources: [...hits[i].names],
      matchedResources: matched.length,
      ...(broad.length > 0 ? { broad } : {}),
    };
  });
  return { findings: out, summaries };
}

/** Whether a finding blocks: a violation of a blocking rule that no live exemption covers. */
export function blocks(f: Finding & { enforcementLevel: EnforcementLevel }): boolean {
  return f.status === "violation" && isBlocking(f.enforcementLevel) && f.exemption === undefined;
}

/** `reason, until 2026-12-31; ticket OPS-12` (or `reason, no expiry`): how every format shows an exemption. */
export function describeExemption(e: Pick<FindingExemption, "reason" | "expires" | "ticket">): string {
  return `${e.reason}, ${e.expires === undefined ? "no expiry" : `until ${e.expires}`}${e.ticket === undefined ? "" : `; ticket ${e.ticket}`}`;
}

/**
 * `hall-power exemption: pattern "hall-*" matches all 3 resources of type test:Hall; ...` for a broad exemption (see
 * ExemptionSummary.broad), else undefined.
 */
export function broadNote(s: Pick<ExemptionSummary, "policy" | "resource" | "broad">): string | undefined {
  if (!s.broad || s.broad.length === 0) return undefined;
  const types = s.broad.map((b) => `all ${b.resources} resources of type ${b.type}`).join(" and ");
  return `${s.policy} exemption: pattern "${s.resource}" matches ${types}; name the resources meant, or set the rule's enforcementLevel to stop it blocking`;
}

/**
 * One line on an exemption that did not apply as written (expired or unused), for summaries and the pack's console
 * notes; a broad pattern's warning is added to it.
 */
export function exemptionNote(s: ExemptionSummary): string {
  const note = exemptionStateNote(s);
  const broad = broadNote(s);
  return broad === undefined ? note : `${note}. Warning: ${broad}`;
}

function exemptionStateNote(s: ExemptionSummary): string {
  const what = `${s.policy} exemption of "${s.resource}"`;
  if (s.state === "expired") {
    const lapsed = s.violations > 0 ? `; ${s.violations} violation${s.violations === 1 ? "" : "s"} (${s.violatingResources.join(", ")}) count again` : "";
    return `${what} expired ${s.expires}: ${s.reason}${lapsed}`;
  }
  if (s.state === "unused") {
    const why = s.matchedResources === 0 ? "its pattern matches no resource" : `none of the ${s.matchedResources} resource${s.matchedResources === 1 ? "" : "s"} it matches violates ${s.policy}`;
    return `${what} is unused: ${why}; remove it or fix the pattern (${s.reason})`;
  }
  return `${what} exempts ${s.violations} violation${s.violations === 1 ? "" : "s"} (${s.violatingResources.join(", ")}) [${s.enforcementLevel}]: ${describeExemption(s)}`;
}

/** One line on an exempted violation, e.g. for the pack's console (where it is not reported as a violation). */
export function exemptedViolationNote(f: Finding): string {
  return f.exemption ? `${f.policy}: EXEMPTED (${describeExemption(f.exemption)}): ${f.message}` : `${f.policy}: ${f.message}`;
}

/** ` (exemption expired 2026-10-01: reason)` for a violation whose exemption lapsed, else "". */
export function expiredSuffix(f: Finding): string {
  return f.expiredExemption ? ` (exemption expired ${f.expiredExemption.expires}: ${f.expiredExemption.reason})` : "";
}
