/**
 * The knobs a failing budget can be fixed with, per rule and budget: what to change (the campus's args, or the policy
 * config that sets the limit), from what value, how far it may go, and how to say it. The search (./search.ts) finds
 * the smallest setting of each that passes.
 */
import type { CampusArgs } from "../../components/model/campus";
import type { PackConfig } from "../../policies/evaluate";
import type { Finding } from "../../policies/finding";
import { TYPES } from "../../policies/view";
import { show, upTo } from "../../components/format/numbers";
import type { RunCampus } from "../campusPlans";

/**
 * A fix's value as found (four significant figures, rounded up by the search): never rounded again for display, which
 * could state less than passes (20.32 % shown as 20.3 %).
 */
const asFound = (x: number) => upTo(Number(x.toPrecision(6)), 6);

/** What a knob changes: the campus's args, and the policy config when the knob is the limit set there (else the run's applies). */
export interface Setting {
  args: CampusArgs;
  config?: PackConfig;
}

/** One change, along one number. */
export interface Knob {
  /** The value as planned (the search starts above it). */
  from: number;
  /** The most the knob may be set to (a design's or a schema's limit). */
  limit: number;
  /** The first step of the search. */
  firstStep: number;
  /** The args (and config) with the knob at `x`. */
  apply(x: number): Setting;
  /** The change in words, e.g. "add 264 MW of firm capacity from 2029". */
  describe(x: number): string;
}

/** The name of the contract a firm or dispatchable fix adds. */
export const FIX_CONTRACT = "smallest-fix";

/**
 * The source a fix that adds firm MW contracts more of: a firm service the campus already buys, else the dispatchable
 * generation it already contracts (derated in hot hours when that source is: the MW found are then at its ISO
 * rating, and the search counts them derated as the ledger does).
 */
function firmSource(campus: RunCampus): { source: string; derated: boolean } | undefined {
  const sources = campus.plan.catalog.generationSources;
  const own = campus.plan.args.powerContracts.map((c) => c.source).filter((s) => sources.has(s)).map((s) => sources.get(s));
  const service = own.find((s) => s.gridService === true);
  if (service) return { source: service.id, derated: false };
  const generator = own.find((s) => s.dispatchable && s.hourlyProfile === "dispatchable");
  return generator ? { source: generator.id, derated: generator.ambientDerating !== undefined } : undefined;
}

/** The campus's args with one more contract, the fix's, delivering from `year` (every year when undefined). */
function withFixContract(campus: RunCampus, source: string, mw: number, year: number | undefined, firmFraction?: number): Setting {
  return {
    args: {
      ...campus.plan.args,
      powerContracts: [...campus.plan.args.powerContracts, {
        name: FIX_CONTRACT, counterparty: "the smallest fix (aicluster)", source, contractedMw: mw,
        ...(firmFraction === undefined ? {} : { firmFraction }), ...(year === undefined ? {} : { startYear: year }),
      }],
    },
  };
}

/** ` from <year>`, or nothing for an undated campus. */
const fromYear = (year: number | undefined) => (year === undefined ? "" : ` from ${year}`);

/** MW of firm (dispatchable) capacity added from the first failing year on: for firm power and for energy adequacy. */
function addedCapacity(campus: RunCampus, finding: Finding, what: string): Knob | undefined {
  const firm = firmSource(campus);
  if (firm === undefined) return undefined;
  const source = firm.source;
  const peakMw = Number(campus.plan.outputs.peakFacilityPowerMw) || 1;
  const year = finding.year;
  const shortfall = finding.measured !== undefined && finding.limit !== undefined && finding.unit === "MW" ? finding.measured - finding.limit : 0.05 * peakMw;
  return {
    from: 0, limit: 100 * peakMw, firstStep: Math.max(shortfall, 1e-3 * peakMw),
    apply: (mw) => withFixContract(campus, source, mw, year, 1),
    describe: (mw) => firm.derated
      ? `add ${asFound(mw)} MW (at ISO 15 °C, derated in hot hours) of ${what}${fromYear(year)}, e.g. more ${source} contracted firm`
      : `add ${asFound(mw)} MW of ${what}${fromYear(year)}, e.g. more ${source} firm service`,
  };
}

/**
 * MW of battery storage (of the storage source the campus contracts, else the catalog's first) added from the first
 * failing year: it charges from the hours with more supply than demand and serves the hours short of it, so it fixes
 * unserved energy only where there is surplus to store (none on a campus short in every hour: then no fix is found).
 */
function addedStorage(campus: RunCampus, finding: Finding): Knob | undefined {
  const sources = campus.plan.catalog.generationSources;
  const own = campus.plan.args.powerContracts.map((c) => c.source).find((s) => sources.has(s) && sources.get(s).hourlyProfile === "storage");
  const storage = own === undefined ? sources.list().find((s) => s.hourlyProfile === "storage") : sources.get(own);
  if (!storage || storage.storageHours === undefined) return undefined;
  const peakMw = Number(campus.plan.outputs.peakFacilityPowerMw) || 1;
  const year = finding.year;
  const hours = storage.storageHours;
  return {
    from: 0, limit: 10 * peakMw, firstStep: 0.05 * peakMw,
    apply: (mw) => withFixContract(campus, storage.id, mw, year),
    describe: (mw) => `add ${asFound(mw)} MW / ${asFound(mw * hours)} MWh of ${storage.id} storage${fromYear(year)}`,
  };
}

/** The water permit or daily cap raised to `x`: in the policy config when the rule's limit is set there, else the campus's arg. */
function raisedCap(campus: RunCampus, finding: Finding, config: PackConfig | undefined, field: "waterPermitM3PerYear" | "dailyWaterCapM3", what: string, unit: string): Knob | undefined {
  const entry = config?.["water-permit"];
  const inConfig = typeof entry === "object" && entry !== null && typeof (entry as Record<string, unknown>)[field] === "number";
  const from = inConfig ? (entry as Record<string, number>)[field] : campus.plan.args[field];
  if (from === undefined || finding.measured === undefined) return undefined;
  return {
    from, limit: Math.max(from, finding.measured) * 1000, firstStep: Math.max(finding.measured - from, 1e-6 * Math.max(1, from)),
    apply: (x) => inConfig
      ? { args: campus.plan.args, config: { ...config, "water-permit": { ...(entry as object), [field]: x } } }
      : { args: { ...campus.plan.args, [field]: x } },
    describe: (x) => `raise the ${what} to ${asFound(x)} ${unit} (from ${show(from)} ${unit}${inConfig ? ", in the policy config" : ""})`,
  };
}

/** The highest cycles of concentration a plant may run at (the plant schema's bound). */
const MAX_CYCLES = 20;

/** The cycles of concentration of every evaporating plant raised to `x` (less blowdown for the same evaporation). */
function moreCycles(campus: RunCampus): Knob | undefined {
  const halls = campus.plan.children.filter((c) => c.type === TYPES.dataHall);
  const evaporating = halls.map((h, i) => ({ i, plant: h.children.find((c) => c.type === TYPES.coolingPlant)?.outputs as { cyclesOfConcentration?: number; evaporationM3PerYear?: number } | undefined }))
    .filter((h) => (h.plant?.evaporationM3PerYear ?? 0) > 0 && typeof h.plant?.cyclesOfConcentration === "number");
  if (evaporating.length === 0) return undefined;
  const from = Math.min(...evaporating.map((h) => h.plant!.cyclesOfConcentration!));
  if (from >= MAX_CYCLES) return undefined;
  const which = new Set(evaporating.map((h) => h.i));
  const args = campus.plan.args;
  return {
    from, limit: MAX_CYCLES, firstStep: 1,
    apply: (x) => ({
      args: { ...args, halls: args.halls.map((h, i) => !which.has(i) || !h.cooling || (h.cooling.cyclesOfConcentration ?? 0) >= x ? h : { ...h, cooling: { ...h.cooling, cyclesOfConcentration: x } }) },
    }),
    describe: (x) => `run the evaporating plants at ${asFound(x)} cycles of concentration (from ${show(from)}; less blowdown, better water treatment)`,
  };
}

/**
 * The rack loops' supply temperature raised to `x` (groups already warmer keep theirs): of the finding's hall, or with
 * `campusWide` of every hall (a budget fragile over the samples binds in whichever hall the sample makes tightest).
 */
function warmerSupply(campus: RunCampus, finding: Finding, campusWide: boolean): Knob | undefined {
  const halls = campus.plan.children.map((h, i) => ({ h, i })).filter(({ h }) => h.type === TYPES.dataHall && (campusWide || h.name === finding.resourceName));
  if (halls.length === 0) return undefined;
  const groups = halls.flatMap(({ h }) => h.children.filter((g) => g.type === TYPES.liquidRack));
  const temps = groups.map((g) => (g.outputs as { supplyTempC?: number }).supplyTempC).filter((t): t is number => typeof t === "number");
  const designs = groups.map((g) => (g.outputs as { design?: string }).design).filter((d): d is string => typeof d === "string");
  if (temps.length === 0 || designs.length === 0) return undefined;
  const from = Math.min(...temps);
  const limit = Math.min(...designs.map((d) => campus.plan.catalog.rackDesigns.get(d).maxSupplyTempC));
  if (limit <= from) return undefined;
  const which = new Set(halls.map(({ i }) => i));
  const args = campus.plan.args;
  const where = campusWide ? "every liquid-cooled rack" : `${halls[0].h.name}'s liquid-cooled racks`;
  return {
    from, limit, firstStep: 1,
    apply: (t) => ({
      args: { ...args, halls: args.halls.map((h, i) => !which.has(i) ? h : { ...h, racks: h.racks.map((r) => ({ ...r, ...(r.supplyTempC === undefined || r.supplyTempC < t ? { supplyTempC: t } : {}) })) }) },
    }),
    describe: (t) => `raise the facility-water supply temperature of ${where} to ${asFound(t)} °C (from ${show(from)} °C; their designs allow up to ${show(limit)} °C)`,
  };
}

/**
 * A trim chiller's capacity (a share of the facility water's heat) raised to `x` in the finding's hall, or with
 * `campusWide` in every hall with a plant: a hall without one gets one, at the catalog chiller's rating.
 */
function largerTrim(campus: RunCampus, finding: Finding, campusWide: boolean): Knob | undefined {
  const args = campus.plan.args;
  const which = new Set(campus.plan.children.map((h, i) => ({ h, i })).filter(({ h }) => h.type === TYPES.dataHall && (campusWide || h.name === finding.resourceName)).map(({ i }) => i));
  const halls = args.halls.filter((h, i) => which.has(i) && h.cooling !== undefined && h.cooling.technology !== "chiller");
  if (halls.length === 0) return undefined;
  const now = halls.map((h) => h.cooling!.trimChiller?.capacityFraction ?? 0);
  const from = Math.min(...now);
  const fromMax = Math.max(...now);
  if (from >= 1) return undefined;
  const was = fromMax === 0 ? "none" : from === fromMax ? `${show(from * 100)} %` : `${from === 0 ? "none" : `${show(from * 100)} %`} to ${show(fromMax * 100)} %`;
  const where = campusWide ? "every hall's plant" : `${finding.resourceName}'s plant`;
  return {
    from, limit: 1, firstStep: 0.05,
    apply: (x) => ({
      args: {
        ...args,
        halls: args.halls.map((h, i) => !which.has(i) || !h.cooling || h.cooling.technology === "chiller" || (h.cooling.trimChiller?.capacityFraction ?? 0) >= x ? h
          : { ...h, cooling: { ...h.cooling, trimChiller: { ...h.cooling.trimChiller, capacityFraction: x } } }),
      },
    }),
    describe: (x) => `give ${where} a trim chiller of ${asFound(x * 100)} % of its facility-water heat (from ${was})`,
  };
}

/**
 * The knobs for a violation (none when its rule's budget has none). `campusWide`: knobs of one resource (a hall's
 * racks) act on every such resource of the campus, for a budget judged over all of them (a fragile one).
 */
export function knobsFor(campus: RunCampus, finding: Finding, config: PackConfig | undefined, campusWide = false): Knob[] {
  const knobs = (() => {
    switch (`${finding.policy}: ${finding.budget}`) {
      case "firm-power: firm power (peak hour + headroom)":
        return [addedCapacity(campus, finding, "firm capacity")];
      case "energy-adequacy: unserved hours":
        return [addedCapacity(campus, finding, "dispatchable capacity"), addedStorage(campus, finding)];
      case "water-permit: annual water (permit)":
        return [raisedCap(campus, finding, config, "waterPermitM3PerYear", "water permit", "m³/yr"), moreCycles(campus)];
      case "water-permit: worst-day water (daily cap)":
        return [raisedCap(campus, finding, config, "dailyWaterCapM3", "daily water cap", "m³/day"), moreCycles(campus)];
      case "supply-temperature: hours supply temperature missed":
        return [warmerSupply(campus, finding, campusWide), largerTrim(campus, finding, campusWide)];
      default:
        return [];
    }
  })();
  return knobs.filter((k): k is Knob => k !== undefined);
}
