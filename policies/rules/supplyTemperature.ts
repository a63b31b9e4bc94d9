/**
 * The cooling plant must make facility water cold enough for the coldest rack loop it serves, behind the CDU's heat
 * exchanger, in every hour of the year: a rack asking for 35 °C behind dry coolers in central Ohio gets warmer water
 * on every summer afternoon. The hourly model counts those hours per hall (and per rack group).
 */
import { numberIn, wholeNumberIn } from "../../components/model/ranges";
import { check, Finding, notApplicable } from "../finding";
import { defineRule } from "../rule";
import { numberProp, ofType, prop, stringProp, TYPES, type ResourceView } from "../view";
import { show } from "../../components/format/numbers";

/** Rack groups named in a finding, at most; the rest are counted. */
const MAX_GROUPS_NAMED = 5;

/**
 * The hall's liquid-cooled rack groups that miss their supply temperature for more than `limit` hours, most missed
 * first, as `; rack groups: a (35 °C supply, 1,234 h), b (38 °C, 12 h)`: which rows to warm up or re-plan.
 */
function groupsMissing(resources: readonly ResourceView[], hallUrn: string, limit: number): string {
  const missing = ofType(resources, TYPES.liquidRack)
    .filter((g) => g.parent === hallUrn)
    .map((g) => ({ name: g.name, supplyC: numberProp(g, "supplyTempC"), missed: numberProp(g, "supplyTempMissedHours") ?? 0 }))
    .filter((g) => g.missed > limit)
    .sort((a, b) => b.missed - a.missed || a.name.localeCompare(b.name));
  if (missing.length === 0) return "";
  const named = missing.slice(0, MAX_GROUPS_NAMED).map((g, i) => `${g.name} (${g.supplyC === undefined ? "" : `${show(g.supplyC)} °C${i === 0 ? " supply" : ""}, `}${show(g.missed)} h)`);
  const more = missing.length > MAX_GROUPS_NAMED ? ` and ${missing.length - MAX_GROUPS_NAMED} more` : "";
  return `; rack groups: ${named.join(", ")}${more}`;
}

interface SupplyConfig {
  maxMissedHours: number;
  minMarginK: number;
}

/** The racks' facility water: missed hours, and the worst hour's margin when one is asked for. */
function rackLoopChecks(rule: string, hall: ResourceView, resources: readonly ResourceView[], config: SupplyConfig): Finding[] {
  const missed = numberProp(hall, "supplyTempMissedHours");
  const margin = numberProp(hall, "supplyTempMarginK");
  if (missed === undefined || margin === undefined) {
    // Undefined when the hall has no liquid-cooled rack: nothing asks for facility water.
    if (numberProp(hall, "heatToLiquidKw") === 0) return [];
    return [notApplicable(rule, hall, ["supplyTempMissedHours", "supplyTempMarginK"])];
  }
  const at = stringProp(hall, "worstSupplyTempHour");
  const findings = [check(rule, hall, { budget: "hours supply temperature missed", measured: missed, limit: config.maxMissedHours, unit: "h/yr", at }, () => ({
    message: `${hall.name}: the racks get warmer water than they ask for in ${show(missed)} hours a year (worst ${show(-margin)} K warmer${at ? ` at ${at}` : ""}), above the limit of ${show(config.maxMissedHours)} h${groupsMissing(resources, hall.urn, config.maxMissedHours)}`,
    remediation: "raise the racks' supplyTempC, add a trim chiller (cooling.trimChiller) sized for the missed hours, or use a technology that makes colder water (evaporative towers, chillers)",
  }))];
  if (config.minMarginK > 0) {
    findings.push(check(rule, hall, { budget: "supply temperature margin (worst hour)", measured: margin, limit: config.minMarginK, unit: "K", bound: "min", at }, () => ({
      message: `${hall.name}: in its worst hour${at ? ` (${at})` : ""} the plant's water is ${show(margin)} K below what the racks need, less than the required margin of ${show(config.minMarginK)} K`,
      remediation: "raise the racks' supplyTempC, or use a technology that makes colder water",
    })));
  }
  return findings;
}

/**
 * The air path: the hours its coils get warmer water than the supply air needs. A hall with a plant always publishes
 * them; a hall that does not (a resource from before the air path, or one whose outputs are unknown) is not applicable.
 */
function airPathChecks(rule: string, hall: ResourceView, config: SupplyConfig): Finding[] {
  const missed = numberProp(hall, "airSupplyMissedHours");
  const margin = numberProp(hall, "airSupplyMarginK");
  if (missed === undefined || margin === undefined) return [notApplicable(rule, hall, ["airSupplyMissedHours", "airSupplyMarginK"])];
  const at = stringProp(hall, "worstAirSupplyHour");
  const supplyAirC = numberProp(hall, "supplyAirC");
  const onFacilityWater = stringProp(hall, "airPathService") === "facility-water";
  return [check(rule, hall, { budget: "hours supply air missed", measured: missed, limit: config.maxMissedHours, unit: "h/yr", at }, () => ({
    message: `${hall.name}: the air path's coils get warmer water than its ${supplyAirC === undefined ? "" : `${show(supplyAirC)} °C `}supply air needs in ${show(missed)} hours a year (worst ${show(-margin)} K warmer${at ? ` at ${at}` : ""}${onFacilityWater ? "; the coils are on the facility water" : ""}), above the limit of ${show(config.maxMissedHours)} h`,
    remediation: "give the air path a loop of its own (airPath.service \"economised-chiller\" or \"chiller\"), raise its supplyAirC within the hall's ASHRAE class, or use a technology that makes colder water",
  }))];
}

export const supplyTemperature = defineRule({
  name: "supply-temperature",
  description: "Each hall's plant must hold the facility water its liquid-cooled racks need (rack-loop supply minus the CDU approach), and its air path the water its coils need for the supply air, in every hour, up to an allowed number of missed hours.",
  enforcementLevel: "mandatory",
  severity: "critical",
  remediationSteps: "Raise the racks' supplyTempC (warm-water designs accept up to 40-45 °C), add a trim chiller to the free-cooling plant (cooling.trimChiller) for the hot hours, or choose a technology that reaches colder water (evaporative towers, chillers); for the air path, give its coils a loop of their own (airPath.service) or raise its supplyAirC within the hall's ASHRAE class.",
  config: {
    maxMissedHours: wholeNumberIn(0, 8760).default(0).describe("Most hours a year a hall's racks may get warmer water than they ask for, or its air path's coils warmer water than its supply air needs (0 = none)."),
    minMarginK: numberIn(0, 20, "K").default(0).describe("Least margin, K, in the worst hour between the facility water the racks need and what the plant holds (0 = not checked beyond the missed hours)."),
  },
  evaluate(resources, config) {
    const findings: Finding[] = [];
    for (const hall of ofType(resources, TYPES.dataHall)) {
      if (prop(hall, "supplyTempMissedHours") === undefined && prop(hall, "hasCoolingPlant") === false) continue; // no plant: the structure rule flags it
      findings.push(...rackLoopChecks(this.name, hall, resources, config));
      findings.push(...airPathChecks(this.name, hall, config));
    }
    return findings;
  },
});
