/**
 * Policy config (the `--policy-pack-config` format), parsed once against every rule's zod schema. Anything a user can
 * get wrong (a rule that does not exist, an enforcement level Pulumi does not know, a key a rule does not have, a value
 * of the wrong type or out of range, a non-finite number) is a PolicyConfigError naming the rule, the key, the value
 * and what is allowed. Nothing is dropped or defaulted silently.
 *
 * A config read from a file may hold anything, a credentials file given by mistake included: its reader passes
 * `showValues: false`, and its errors name the key path and the kind of the value ("a string"), never the value
 * itself. A config given in code has its values quoted. Messages are bounded: long keys are cut, and at most
 * MAX_PROBLEMS_SHOWN problems are listed (the rest are counted).
 */
import type { z } from "zod";
import { deferredKind, problemsFromZod, showValue } from "../components/catalog/issues";
import { didYouMean as nearestName } from "../components/model/nearest";
import { EXEMPTION_FIELDS, Exemption, exemptionsSchema } from "./exemptions";
import { ENFORCEMENT_LEVELS, EnforcementLevel } from "./finding";
import type { Rule } from "./rule";

/**
 * Per rule: an enforcement level alone, or an object with an optional level and any of the rule's keys. The key `all`
 * (a level, or `{enforcementLevel}` only) sets every rule's level, as in CrossGuard; a rule's own level wins.
 */
export type PackConfig = Record<string, EnforcementLevel | ({ enforcementLevel?: EnforcementLevel } & Record<string, unknown>)>;

/** One thing wrong in a policy config. */
export interface PolicyConfigProblem {
  /** Rule name, or `(config)` for the whole document. */
  policy: string;
  /** Key inside the rule's config, or `(rule)` for the rule's entry itself. */
  key: string;
  /** The value given. Kept for programs; a message about a config read from a file names only its kind. */
  value: unknown;
  allowed: string;
}

/** Problems a PolicyConfigError's message lists; the rest are counted (every one stays in `problems`). */
export const MAX_PROBLEMS_SHOWN = 10;

/**
 * What a value is, without what it says: `a string`, `an empty string`, `a number`, `a boolean`, `null`, `a list of 3`,
 * `an object`, `(missing)`. For messages about values read from a file, which may hold secrets.
 */
export function kindOf(value: unknown): string {
  if (value === undefined) return "(missing)";
  if (value === null) return "null";
  const deferred = deferredKind(value);
  if (deferred) return deferred;
  if (Array.isArray(value)) return `a list of ${value.length}`;
  switch (typeof value) {
    case "string":
      return value === "" ? "an empty string" : "a string";
    case "number":
    case "bigint":
      return "a number";
    case "boolean":
      return "a boolean";
    case "object":
      return "an object";
    default:
      return `a ${typeof value}`;
  }
}

/** A rule name or key path for a message: as given, cut at 80 characters (names are shown, but can be any length). */
function shortName(name: string): string {
  return name.length > 80 ? `${name.slice(0, 77)}...` : name;
}

/** Bad policy config: every problem, each naming the rule, key, value (or, from a file, its kind) and what is allowed. */
export class PolicyConfigError extends Error {
  constructor(
    readonly problems: PolicyConfigProblem[],
    /** Where the config came from, e.g. a file name. */
    readonly origin = "policy config",
    /** Whether the message quotes the values (config given in code) or names only their kind (config read from a file). */
    readonly showsValues = true,
  ) {
    const lines = problems.slice(0, MAX_PROBLEMS_SHOWN).map((p) =>
      `${shortName(`${p.policy}${p.key === "(rule)" ? "" : `.${p.key}`}`)} = ${showsValues ? showValue(p.value) : kindOf(p.value)}; allowed: ${p.allowed}`);
    if (problems.length > MAX_PROBLEMS_SHOWN) lines.push(`... and ${problems.length - MAX_PROBLEMS_SHOWN} more problems`);
    super(lines.length === 1 ? `${origin}: ${lines[0]}` : `${origin}:\n  - ${lines.join("\n  - ")}`);
    this.name = "PolicyConfigError";
  }
}

/** A rule's enforcement level, its full config and its exemptions, parsed. */
export interface ResolvedRuleConfig {
  level: EnforcementLevel;
  config: Record<string, unknown>;
  /** The resources exempted from the rule (the `exemptions` key, kept apart from the rule's own settings). */
  exemptions: Exemption[];
}

const LEVELS_ALLOWED = `one of ${ENFORCEMENT_LEVELS.join(", ")} (lower case)`;

function isLevel(v: unknown): v is EnforcementLevel {
  return typeof v === "string" && (ENFORCEMENT_LEVELS as readonly string[]).includes(v);
}

/** ` (did you mean "x"?)` for a plausible typo; nothing for a long name (no typo, and edit distance grows with its length). */
function didYouMean(name: string, known: readonly string[]): string {
  return name.length > 64 ? "" : nearestName(name, known);
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

/**
 * The key that sets every rule's enforcement level, as CrossGuard's policy config allows (`{"all": "advisory"}` or
 * `{"all": {"enforcementLevel": "advisory"}}`). A rule's own level (its entry's string, or its `enforcementLevel`) wins.
 */
export const ALL_RULES_KEY = "all";

const ALL_ALLOWED = `an enforcement level (${LEVELS_ALLOWED}) or {"enforcementLevel": <level>}, which sets every rule's level (a rule's own entry wins)`;

/** The level `all` gives every rule, if any; each problem is named `all`. */
function parseAllLevel(entry: unknown, problems: PolicyConfigProblem[]): EnforcementLevel | undefined {
  if (entry === undefined) return undefined;
  if (isLevel(entry)) return entry;
  if (!isPlainObject(entry)) {
    problems.push({ policy: ALL_RULES_KEY, key: "(rule)", value: entry, allowed: `${ALL_ALLOWED}${typeof entry === "string" ? didYouMean(entry, ENFORCEMENT_LEVELS) : ""}` });
    return undefined;
  }
  const { enforcementLevel, ...rest } = entry;
  for (const key of Object.keys(rest)) {
    problems.push({ policy: ALL_RULES_KEY, key, value: rest[key], allowed: `no such setting${didYouMean(key, ["enforcementLevel"])}; all takes only enforcementLevel (a rule's settings and exemptions go under the rule's own name)` });
  }
  if (enforcementLevel === undefined || isLevel(enforcementLevel)) return enforcementLevel;
  problems.push({ policy: ALL_RULES_KEY, key: "enforcementLevel", value: enforcementLevel, allowed: `${LEVELS_ALLOWED}${typeof enforcementLevel === "string" ? didYouMean(enforcementLevel, ENFORCEMENT_LEVELS) : ""}` });
  return undefined;
}

/**
 * One rule's entry parsed: its keys against the rule's schema (defaults filled in), its level checked. `baseLevel` is
 * the level the rule has when its entry names none (`all`'s, else the rule's default).
 */
function parseRuleConfig(rule: Rule<any>, entry: unknown, problems: PolicyConfigProblem[], baseLevel: EnforcementLevel = rule.enforcementLevel): ResolvedRuleConfig {
  if (entry === undefined) return { level: baseLevel, config: { ...rule.defaults }, exemptions: [] };
  if (typeof entry === "string") {
    if (isLevel(entry)) return { level: entry, config: { ...rule.defaults }, exemptions: [] };
    problems.push({ policy: rule.name, key: "(rule)", value: entry, allowed: `an enforcement level (${LEVELS_ALLOWED})${didYouMean(entry, ENFORCEMENT_LEVELS)} or an object of the rule's settings` });
    return { level: baseLevel, config: { ...rule.defaults }, exemptions: [] };
  }
  if (!isPlainObject(entry)) {
    const own = settingsList(rule).filter((k) => k !== "exemptions").join(", ");
    problems.push({ policy: rule.name, key: "(rule)", value: entry, allowed: `an object of the rule's settings (${own}) and exemptions, or an enforcement level` });
    return { level: baseLevel, config: { ...rule.defaults }, exemptions: [] };
  }
  const { enforcementLevel, exemptions: givenExemptions, ...keys } = entry;
  const exemptions = parseExemptions(rule, givenExemptions, problems);
  let level = baseLevel;
  if (enforcementLevel !== undefined) {
    if (isLevel(enforcementLevel)) level = enforcementLevel;
    else problems.push({ policy: rule.name, key: "enforcementLevel", value: enforcementLevel, allowed: `${LEVELS_ALLOWED}${typeof enforcementLevel === "string" ? didYouMean(enforcementLevel, ENFORCEMENT_LEVELS) : ""}` });
  }
  const parsed = (rule.config as z.ZodType).safeParse(keys);
  if (!parsed.success) {
    for (const p of problemsFromZod(parsed.error, keys)) {
      const allowed = p.allowed.startsWith("no such field") ? `no such setting${didYouMean(p.field, settingsList(rule))}; ${rule.name} takes ${settingsOf(rule)}` : p.allowed;
      problems.push({ policy: rule.name, key: p.field, value: p.value, allowed });
    }
    return { level, config: { ...rule.defaults }, exemptions };
  }
  return { level, config: parsed.data as Record<string, unknown>, exemptions };
}

/** A rule's `exemptions` parsed; each problem keyed by its path, e.g. `exemptions[0].reason`. */
function parseExemptions(rule: Rule<any>, given: unknown, problems: PolicyConfigProblem[]): Exemption[] {
  const parsed = exemptionsSchema.safeParse(given);
  if (parsed.success) return parsed.data;
  for (const p of problemsFromZod(parsed.error, given)) {
    const key = p.field === "(args)" ? "exemptions" : p.field.startsWith("[") ? `exemptions${p.field}` : `exemptions.${p.field}`;
    const field = key.split(".").pop()!;
    const allowed = p.allowed.startsWith("no such field") ? `no such exemption field${didYouMean(field, EXEMPTION_FIELDS)}; an exemption takes ${EXEMPTION_FIELDS.join(", ")}` : p.allowed;
    problems.push({ policy: rule.name, key, value: p.value, allowed });
  }
  return [];
}

function settingsList(rule: Rule<any>): string[] {
  return ["enforcementLevel", ...Object.keys(rule.configSchema)];
}

function settingsOf(rule: Rule<any>): string {
  return settingsList(rule).join(", ");
}

/**
 * Every rule's level and config; a PolicyConfigError listing every problem when anything is wrong. `origin` names where
 * the config came from; `showValues: false` (a config read from a file) names each bad value by its kind only.
 */
export function resolvePackConfig(
  config: unknown, rules: readonly Rule<any>[], origin = "policy config", showValues = true,
): Map<string, ResolvedRuleConfig> {
  const problems: PolicyConfigProblem[] = [];
  const given: Record<string, unknown> = config === undefined ? {} : isPlainObject(config) ? config : {};
  if (config !== undefined && !isPlainObject(config)) {
    problems.push({ policy: "(config)", key: "(rule)", value: config, allowed: "an object keyed by rule name, e.g. {\"pue-max\": {\"maxPue\": 1.2}}" });
  }
  const known = new Set(rules.map((r) => r.name));
  // `all` is CrossGuard's key for every rule's level, unless a rule is itself named so.
  const allKey = !known.has(ALL_RULES_KEY);
  const allLevel = allKey ? parseAllLevel(given[ALL_RULES_KEY], problems) : undefined;
  for (const name of Object.keys(given)) {
    if (!known.has(name) && !(allKey && name === ALL_RULES_KEY)) {
      problems.push({ policy: name, key: "(rule)", value: given[name], allowed: `no such rule${didYouMean(name, [...known, ...(allKey ? [ALL_RULES_KEY] : [])])}; rules: ${rules.map((r) => r.name).join(", ")}` });
    }
  }
  const resolved = new Map(rules.map((rule) => [rule.name, parseRuleConfig(rule, given[rule.name], problems, allLevel ?? rule.enforcementLevel)]));
  if (problems.length > 0) throw new PolicyConfigError(problems, origin, showValues);
  return resolved;
}
