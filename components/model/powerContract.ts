/** Args, validation and footprint of a power contract: what it delivers, how firm it is in its market, and when. */
import { z } from "zod";
import type { AmbientDeratingPoint } from "../catalog/schema";
import { deliverableEnergyMwh, firmCapacityMw } from "../physics";
import { numberIn, wholeNumberIn } from "./ranges";
import { MONTH_DAYS, MONTH_START_DAY } from "../weather/calendar";
import { lookup, parseArgs, reject, Subject, catalogOf } from "./validate";
import { capexTotal, energyPriceOf, generationCapex } from "../costs/capex";
import type { UsdRange } from "../costs/range";

/** How a contract's energy reaches the campus. */
export const DELIVERIES = ["physical", "virtual"] as const;
/** `"physical"`: the energy is dispatched to the campus hour by hour; `"virtual"`: a financial PPA whose certificates go to the campus. */
export type Delivery = (typeof DELIVERIES)[number];

/** Where a contract stands on the public record. */
export const CONTRACT_STATUSES = ["contracted", "approved", "proposed"] as const;
/**
 * `"contracted"`: signed (the default); `"approved"`: approved by its regulator, terms not yet signed or not public;
 * `"proposed"`: filed, announced or reported but not approved (no final vote, no in-service years): a campus counts it
 * only when told to (its `proposedContracts`), and reports it separately either way.
 */
export type ContractStatus = (typeof CONTRACT_STATUSES)[number];

/** Hour of the model year (0 = 1 January 00:00) at which `YYYY-MM-DD` begins; undefined for a string that is no such date of a 365-day year. */
export function hourOfDate(date: string): number | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!m) return undefined;
  const month = Number(m[2]);
  const day = Number(m[3]);
  // The model's 365-day calendar (weather/calendar.ts): February 29 is not one of its days.
  if (month < 1 || month > 12 || day < 1 || day > MONTH_DAYS[month - 1]) return undefined;
  return (MONTH_START_DAY[month - 1] + day - 1) * 24;
}

/** MW a contract delivers in one year of its ramp. */
export interface RampStep {
  /** Calendar year (2000 to 2100, within the contract's term). */
  year: number;
  /** MW delivered that year (0 up to the contract's contractedMw). */
  contractedMw: number;
}

/** Args of a PowerContract: who supplies what source, how many MW, how firm, when, and at what price. */
export interface PowerContractArgs {
  /** Who supplies the power (utility, generator, developer). */
  counterparty: string;
  /** Generation source id from the catalog, e.g. `"nuclear"`, `"gas-ccgt"`, `"grid-pjm-ohio"`. */
  source: string;
  /** Contracted capacity once fully ramped, MW (above 0, up to 100,000). */
  contractedMw: number;
  /** Market id from the catalog (`"pjm"`, `"miso"`, `"behind-the-meter"`) whose accreditation makes the source's MW firm. @default the campus's market; none needed for a firm utility service or with firmFraction */
  market?: string;
  /** Share of contracted MW that counts as firm, 0-1 (e.g. a firm-delivery clause, or an islanded plant's N+1 units). @default the market's accreditation of the source (1 for a firm utility service) */
  firmFraction?: number;
  /** Average output / contracted MW over a year, 0-1; for solar at most the share of the year's hours with the sun up at the campus's site (about 0.5; a campus refuses more, naming the site's limit). @default the source's capacity factor */
  capacityFactor?: number;
  /** Combustion (operational, stack) carbon intensity of the delivered energy, gCO2e/kWh (0 to 2,000). @default the source's combustionGPerKwh */
  combustionGPerKwh?: number;
  /** Lifecycle carbon intensity of the delivered energy, gCO2e/kWh (0 to 2,000; at least the combustion figure). @default the source's lifecycleGPerKwh */
  lifecycleGPerKwh?: number;
  /** First year of delivery (2000 to 2100). @default none: delivers in every year of the campus's horizon */
  startYear?: number;
  /**
   * First day of delivery, an ISO date `YYYY-MM-DD` in startYear (sets startYear when that is unset): the contract
   * delivers nothing in the hours of its first year before this day (hourly dispatch, firm power in each hour, energy
   * and cost of that year pro rata to the hours it delivers). February 29 is refused: the model's year has 365 days.
   * @default 1 January of startYear
   */
  startDate?: string;
  /** Term, years (1 to 60); the last year of delivery is startYear + termYears − 1. Needs startYear: a term counts from a stated first year, so termYears alone is refused (it would otherwise be silently ignored). @default none: no end */
  termYears?: number;
  /** MW delivered in the listed years of the term (a ramp up, or down); other years deliver contractedMw. Needs startYear. @default none: contractedMw in every year */
  ramp?: RampStep[];
  /** How the energy reaches the campus, `"physical"` or `"virtual"`. `physical`: the energy is dispatched to the campus hour by hour. `virtual`: a financial PPA of a clean source whose energy goes to the grid and whose certificates go to the campus: no MW on site, it lowers market-based carbon of the campus's grid energy. @default "physical" */
  delivery?: string;
  /** Energy price, USD/MWh (0 to 10,000): a contract's average price over its term. Negative prices happen hour by hour in markets, not as a planning contract's price (they would make a GPU-hour's energy cost negative). @default the cost catalog's price for the source (energyPrices) */
  priceUsdPerMwh?: number;
  /** The campus owns the generation: its capex (cost catalog generationCosts, per kW) is the campus's, and each MWh costs the plant's fuel and variable O&M instead of a price. @default false: the energy is bought */
  owned?: boolean;
  /** Where the contract stands, `"contracted"`, `"approved"` or `"proposed"`: a proposed contract (announced, filed or reported, not approved) counts toward a campus's supply only when the campus's `proposedContracts` is `"count"`, and is reported separately either way. @default "contracted" */
  status?: string;
}

/** What a power contract delivers, how firm it is, at what carbon and cost, and when. */
export interface PowerContractFootprint {
  /** Who supplies the power. */
  counterparty: string;
  /** Generation source id from the catalog. */
  source: string;
  /** Contracted capacity once fully ramped, MW. */
  contractedMw: number;
  /** The market whose accreditation set firmFraction (none: a firm utility service, or firmFraction given). */
  market?: string;
  /** Share of contracted MW that counts as firm, 0-1: the arg, 1 for a firm utility service, else the market's accreditation (0 for virtual delivery). */
  firmFraction: number;
  /** Firm MW once fully ramped (0 for virtual delivery). */
  firmMw: number;
  /** Average output / contracted MW over a year, 0-1 (the arg, or the source's). */
  capacityFactor: number;
  /** Energy the contract can deliver in a year once fully ramped, MWh: contracted MW × capacity factor × 8,760 h. */
  deliverableEnergyMwhPerYear: number;
  /** Combustion (operational, stack) carbon intensity of the delivered energy, gCO2e/kWh (the arg, or the source's). */
  combustionGPerKwh: number;
  /** Lifecycle carbon intensity of the delivered energy, gCO2e/kWh (the arg, or the source's). A campus counts one of the two, by its carbonBasis. */
  lifecycleGPerKwh: number;
  /** The source follows the load up to contracted MW (grid service, gas, storage). */
  dispatchable: boolean;
  /** The source counts as clean energy (nuclear, solar, wind). */
  clean: boolean;
  /** A firm utility service (grid energy). */
  gridService: boolean;
  /** Grid service its market lets the grid operator curtail in an energy emergency (large-load rules: Texas SB 6): firm except then. */
  curtailableInEmergency: boolean;
  /** With curtailableInEmergency: the share of the load the market's rules look for in the campus's own backup (SB 6: 0.5). */
  emergencyBackupShare?: number;
  /** Behind the meter, connected to no grid (its market is islanded): certificates cannot cover its energy. */
  islanded: boolean;
  /** How the energy reaches the campus (the arg, or "physical"). */
  delivery: Delivery;
  /** How the source delivers hour by hour (flat, solar, wind, dispatchable, storage). */
  hourlyProfile: string;
  /** Storage: hours of discharge at contracted MW. */
  storageHours?: number;
  /**
   * Dispatchable generation whose firm share is stated (firmFraction, e.g. an islanded plant): the source's ambient
   * derating (catalog), available output / ISO-rated MW vs the hour's dry bulb; each hour it caps the contract at
   * contracted MW × derating. Absent for a grid service and for a share its market accredits (the accreditation
   * already prices stressed hours), and for a source without a curve.
   */
  ambientDerating?: AmbientDeratingPoint[];
  /** First year of delivery (absent: every year of the campus's horizon). @integer */
  startYear?: number;
  /** First day of delivery in startYear, `YYYY-MM-DD` (absent: 1 January). */
  startDate?: string;
  /** Last year of delivery: startYear + termYears − 1 (absent: no end). @integer */
  endYear?: number;
  /** MW delivered in the listed years of the term (absent: contractedMw in every year). */
  ramp?: RampStep[];
  /** The stated energy price, USD/MWh (absent: the cost catalog's price, see energyUsdPerMwh). */
  priceUsdPerMwh?: number;
  /** The campus owns the generation (its capex is the campus's). */
  owned: boolean;
  /** Capex of owned generation, USD (low, base, high); absent when bought or not priced. */
  capexUsd?: UsdRange;
  /** What each MWh taken costs, USD/MWh (low, base, high): the stated price, the catalog's, or an owned plant's variable cost; absent when the catalog has none. */
  energyUsdPerMwh?: UsdRange;
  /** What the cost catalog has no price for. */
  costMissing: string[];
  /** Where the contract stands on the record (the arg, or "contracted"). */
  status: ContractStatus;
}

/** What a campus gives each contract: its market, the default for contracts that name none. */
export interface ContractContext {
  /** Market id for a contract that names none. @default none: the contract names its market or firmFraction */
  market?: string;
}

const rampStep = z.strictObject({ year: wholeNumberIn(2000, 2100), contractedMw: numberIn(0, 100_000, "MW") });

const schema = z.strictObject({
  counterparty: z.string({ error: "the counterparty's name" }).min(1, { error: "the counterparty's name" }),
  source: z.string({ error: "a generation source id (string)" }),
  contractedMw: numberIn(0, 100_000, "MW", true),
  market: z.string({ error: "a market id (string)" }).optional(),
  firmFraction: numberIn(0, 1).optional(),
  capacityFactor: numberIn(0, 1).optional(),
  combustionGPerKwh: numberIn(0, 2000, "gCO2e/kWh").optional(),
  lifecycleGPerKwh: numberIn(0, 2000, "gCO2e/kWh").optional(),
  startYear: wholeNumberIn(2000, 2100).optional(),
  termYears: wholeNumberIn(1, 60).optional(),
  ramp: z.array(rampStep, { error: "a list of { year, contractedMw }" }).min(1, { error: "at least one { year, contractedMw }, or no ramp" }).max(60, { error: "at most 60 steps" }).optional(),
  delivery: z.enum(DELIVERIES, { error: `"physical" or "virtual"` }).optional(),
  priceUsdPerMwh: numberIn(0, 10_000, "USD/MWh").optional(),
  owned: z.boolean({ error: "true or false" }).optional(),
  startDate: z.string({ error: "an ISO date, YYYY-MM-DD (e.g. \"2026-09-30\")" }).optional(),
  status: z.enum(CONTRACT_STATUSES, { error: `"contracted", "approved" or "proposed"` }).optional(),
});

type Parsed = z.infer<typeof schema>;

/** The ramp, checked against the term: inside it, years increasing, each at most the contracted MW. */
function checkedRamp(args: Parsed, endYear: number | undefined, subject: Subject): RampStep[] | undefined {
  if (args.ramp === undefined) return undefined;
  if (args.startYear === undefined) reject(subject, { field: "startYear", value: undefined, allowed: "the first year of delivery (2000 to 2100): a ramp is by calendar year, within the term" });
  args.ramp.forEach((step, i) => {
    const last = endYear === undefined ? "" : ` to ${endYear}`;
    if (step.year < args.startYear! || (endYear !== undefined && step.year > endYear)) {
      reject(subject, { field: `ramp[${i}].year`, value: step.year, allowed: `a year of the term (${args.startYear}${last || " on"})` });
    }
    if (i > 0 && step.year <= args.ramp![i - 1].year) reject(subject, { field: `ramp[${i}].year`, value: step.year, allowed: `a year after ramp[${i - 1}].year (${args.ramp![i - 1].year}): steps in increasing years` });
    if (step.contractedMw > args.contractedMw) {
      reject(subject, { field: `ramp[${i}].contractedMw`, value: step.contractedMw, allowed: `at most the contract's contractedMw (${args.contractedMw} MW, what it delivers once ramped)` });
    }
  });
  return args.ramp.map((s) => ({ ...s }));
}

/** The firm share: given, a firm utility service's 1, or the market's accreditation of the source. */
function firmFractionOf(args: Parsed, source: { id: string; gridService?: boolean }, market: string | undefined, subject: Subject): { firmFraction: number; market?: string } {
  if (args.firmFraction !== undefined) return { firmFraction: args.firmFraction, ...(market === undefined ? {} : { market }) };
  if (source.gridService) return { firmFraction: 1, ...(market === undefined ? {} : { market }) };
  if (market === undefined) {
    reject(subject, {
      field: "market",
      value: undefined,
      allowed: `a market id whose accreditation makes "${source.id}" firm (${catalogOf(subject).markets.ids().join(", ")}; a campus passes its own), or firmFraction`,
    });
  }
  const spec = lookup(catalogOf(subject).markets, market, "market", subject);
  const accredited = spec.accreditation[source.id];
  if (accredited === undefined) {
    const listed = Object.keys(spec.accreditation);
    reject(subject, {
      field: "firmFraction",
      value: undefined,
      allowed: `a share 0-1: market "${market}" accredits no "${source.id}" (${listed.length ? `it lists ${listed.join(", ")}` : spec.source.note ?? "it lists none"})`,
    });
  }
  return { firmFraction: accredited, market };
}

/** Validated footprint of a contract; fails with an AiclusterInputError naming the field, its value and what is allowed. */
export function powerContractModel(rawArgs: PowerContractArgs, subject: Subject, context: ContractContext = {}): PowerContractFootprint {
  const args = parseArgs(schema, rawArgs, subject);
  const source = lookup(catalogOf(subject).generationSources, args.source, "source", subject);
  const delivery = args.delivery ?? "physical";
  const market = args.market ?? context.market;
  const marketSpec = market === undefined ? undefined : lookup(catalogOf(subject).markets, market, args.market === undefined ? "(campus) market" : "market", subject);
  if (delivery === "virtual") {
    if (!source.clean || source.hourlyProfile === "storage") {
      reject(subject, { field: "delivery", value: "virtual", allowed: `"physical" for "${source.id}": a virtual PPA buys the certificates of clean generation (nuclear, solar, wind)` });
    }
    if (marketSpec?.islanded) reject(subject, { field: "market", value: market, allowed: `a grid market for a virtual PPA (its certificates come from a grid; "${market}" is islanded)` });
    if (args.firmFraction !== undefined && args.firmFraction > 0) {
      reject(subject, { field: "firmFraction", value: args.firmFraction, allowed: `0 or unset: a virtual contract delivers no MW to the campus` });
    }
  }
  const owned = args.owned === true;
  if (owned && (delivery === "virtual" || source.gridService)) {
    reject(subject, { field: "owned", value: true, allowed: `false for ${delivery === "virtual" ? "a virtual PPA (its plant is the seller's)" : `a utility service ("${source.id}")`}: a campus owns only generation it has built` });
  }
  if (owned && args.priceUsdPerMwh !== undefined) {
    reject(subject, { field: "priceUsdPerMwh", value: args.priceUsdPerMwh, allowed: "unset for owned generation (each MWh costs the plant's fuel and variable O&M, from the cost catalog)" });
  }
  const cost = contractCost(subject, source.id, args.contractedMw, owned, args.priceUsdPerMwh);
  const firm = delivery === "virtual" ? { firmFraction: 0, ...(market === undefined ? {} : { market }) } : firmFractionOf(args, source, market, subject);
  const capacityFactor = args.capacityFactor ?? source.capacityFactor;
  // A first-delivery date sets (or must agree with) the first year: every rule by year reads startYear.
  if (args.startDate !== undefined) {
    const year = /^(\d{4})-/.exec(args.startDate)?.[1];
    if (hourOfDate(args.startDate) === undefined || Number(year) < 2000 || Number(year) > 2100) {
      reject(subject, { field: "startDate", value: args.startDate, allowed: "an ISO date YYYY-MM-DD of a year 2000 to 2100 (e.g. \"2026-09-30\"; February 29 is not modelled: the model's year has 365 days)" });
    }
    if (args.startYear !== undefined && Number(year) !== args.startYear) {
      reject(subject, { field: "startDate", value: args.startDate, allowed: `a date in startYear (${args.startYear}), or unset startYear (the date sets it)` });
    }
    args.startYear = Number(year);
  }
  if (args.termYears !== undefined && args.startYear === undefined) {
    reject(subject, { field: "termYears", value: args.termYears, allowed: "unset, or with startYear (the first year of delivery, 2000 to 2100): a term counts from its first year, so without startYear it would be ignored" });
  }
  const endYear = args.startYear !== undefined && args.termYears !== undefined ? args.startYear + args.termYears - 1 : undefined;
  const ramp = checkedRamp(args, endYear, subject);
  const combustionGPerKwh = args.combustionGPerKwh ?? source.combustionGPerKwh;
  const lifecycleGPerKwh = args.lifecycleGPerKwh ?? source.lifecycleGPerKwh;
  if (lifecycleGPerKwh < combustionGPerKwh) {
    const field = args.lifecycleGPerKwh !== undefined ? "lifecycleGPerKwh" : "combustionGPerKwh";
    reject(subject, field === "lifecycleGPerKwh"
      ? { field, value: lifecycleGPerKwh, allowed: `at least the combustion figure (${combustionGPerKwh} gCO2e/kWh): a lifecycle figure includes the stack emissions` }
      : { field, value: combustionGPerKwh, allowed: `at most the lifecycle figure (${lifecycleGPerKwh} gCO2e/kWh, the source's unless lifecycleGPerKwh is given): a lifecycle figure includes the stack emissions` });
  }
  // Grid service delivered in a market whose large-load rules may curtail it in an energy emergency (Texas SB 6).
  const curtailable = source.gridService === true && delivery === "physical" ? marketSpec?.largeLoadCurtailment : undefined;
  return {
    counterparty: args.counterparty,
    source: source.id,
    contractedMw: args.contractedMw,
    ...firm,
    firmMw: firmCapacityMw(args.contractedMw, firm.firmFraction),
    capacityFactor,
    deliverableEnergyMwhPerYear: deliverableEnergyMwh(args.contractedMw, capacityFactor),
    combustionGPerKwh,
    lifecycleGPerKwh,
    dispatchable: source.dispatchable,
    clean: source.clean,
    gridService: source.gridService === true,
    curtailableInEmergency: curtailable !== undefined,
    ...(curtailable === undefined ? {} : { emergencyBackupShare: curtailable.backupShareOfLoad }),
    islanded: marketSpec?.islanded === true,
    delivery,
    hourlyProfile: source.hourlyProfile,
    ...(source.storageHours === undefined ? {} : { storageHours: source.storageHours }),
    ...(source.ambientDerating === undefined || delivery !== "physical" || args.firmFraction === undefined ? {} : { ambientDerating: source.ambientDerating.points.map((p) => ({ ...p })) }),
    ...(args.startYear === undefined ? {} : { startYear: args.startYear }),
    ...(args.startDate === undefined ? {} : { startDate: args.startDate }),
    ...(endYear === undefined ? {} : { endYear }),
    ...(ramp === undefined ? {} : { ramp }),
    ...(args.priceUsdPerMwh === undefined ? {} : { priceUsdPerMwh: args.priceUsdPerMwh }),
    owned,
    ...cost,
    status: args.status ?? "contracted",
  };
}

/** Capex of owned generation and the cost of each MWh, from the cost catalog; what it lacks is listed. */
function contractCost(subject: Subject, source: string, contractedMw: number, owned: boolean, stated: number | undefined): { capexUsd?: UsdRange; energyUsdPerMwh?: UsdRange; costMissing: string[] } {
  if (!owned) {
    const price = energyPriceOf(catalogOf(subject), source, stated);
    return price ? { energyUsdPerMwh: price, costMissing: [] } : { costMissing: [`energy from "${source}" (energyPrices, or the contract's priceUsdPerMwh)`] };
  }
  const capex = generationCapex(catalogOf(subject), source, contractedMw);
  if (capex.missing.length) return { costMissing: capex.missing };
  return { capexUsd: capexTotal(capex), energyUsdPerMwh: { ...catalogOf(subject).generationCosts.get(source).variableUsdPerMwh }, costMissing: [] };
}
