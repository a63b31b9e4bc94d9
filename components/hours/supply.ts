/**
 * Hourly supply: a campus's power contracts dispatched against its demand in each of the 8,760 hours of a year, so
 * the binding hours show (1 GW of solar covers a 100 MW load's annual energy many times over and still leaves every
 * night unserved). Pure: no Pulumi import.
 *
 * Hours: index 0 is 1 January 00:00-01:00 local standard time, index 8,759 is 31 December 23:00-24:00; a 365-day
 * year (months of 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 days). Every hour is one hour long, so MW in an hour
 * and MWh of that hour are the same number.
 *
 * Dispatch in hour h (D = demand):
 *  1. Must-run and variable sources deliver first: flat contracts MW × capacity factor, solar MW × solarProfile(site,
 *     capacity factor)[h], wind MW × windProfile(capacity factor)[h]. Call their total V and its clean part C.
 *  2. If V > D, the surplus S = V − D charges the batteries (pro rata to their MW, each up to its MW and to the energy
 *     room left, room / round-trip efficiency), the rest of S is curtailed. Every source gives up the same fraction
 *     of its output (pro rata): it supplies gen × (D + charged) / V (to the load and to the batteries). The charged
 *     energy is clean in the share C / V; each battery tracks how much of its stored energy is clean.
 *  3. Dispatchable contracts (grid, gas) cover what is left, pro rata to their firm MW, each up to its firm MW (the
 *     MW its market accredits it for, contracted MW × accreditation: what the campus can count on in a stressed hour;
 *     contracted MW when no firm MW is given). Shares and caps are both proportional to firm MW, so they all reach
 *     their caps together. Their capacity factor is unused (it describes a year of load-following, not a limit in the
 *     hour). A contract with an ambient derating (a gas plant: hours/campusHours.ts gives it from the hour's dry
 *     bulb and the source's catalog curve) delivers in hour h at most min(firm MW, contracted MW × derating[h]): the
 *     plant's ISO-rated MW cannot all be had on a hot afternoon, whatever its accreditation. The shares stay pro rata
 *     to each contract's cap in that hour, so they still reach their caps together.
 *  4. Batteries discharge for what is still left (pro rata to MW, each up to its MW and its stored energy); the
 *     delivered energy is clean in each battery's stored clean fraction.
 *  A contract with a first hour (it starts during the year) takes no part in any step before that hour.
 *  5. The remainder is unserved. A remainder of at most 1e-9 of the hour's demand is float residue and counts as 0.
 * Consequence of the order (the brief's): batteries serve only what the dispatchable contracts cannot, so with a firm
 * grid contract they never displace grid energy and do not lower carbon; they raise reliability.
 *
 * Hourly energy balance, exactly as the code keeps it (to float rounding):
 *   D_h = Σ_{c not storage} supplied_{c,h} − charged_h + Σ_{storage} discharged_h + unserved_h
 * and for the must-run and variable sources: Σ gen_{c,h} = Σ supplied_{c,h} + curtailed_h.
 *
 * Batteries: energy capacity = MW × storageHours (default 4, the NREL ATB reference utility-scale battery).
 * Round-trip efficiency (default 0.85, NREL Annual Technology Baseline, utility-scale battery storage) is taken on
 * charging: charging c MWh from the grid side stores c × efficiency; discharging delivers what is stored, 1 for 1.
 * Charging power and discharging power are both limited to the contracted MW. Batteries charge only from the surplus
 * of step 2 (never from dispatchable contracts). Starting state: empty on 1 January, the year is run, and then run
 * again from the state it ended in, until a pass ends where it started (to 1e-9 of capacity, at most 5 passes; the
 * last pass is kept), so the year wraps: 31 December's charge carries into 1 January. Passes agree as soon as a
 * battery fills or empties once in the year, which a daily solar cycle does, so 2 passes are usual.
 *
 * Figures:
 * - suppliedMwh[c]: energy taken from contract c (to the load and, for must-run and variable sources, into the
 *   batteries); for a battery, the energy it discharged to the load.
 * - carbon = Σ_c suppliedMwh[c] × c's intensity (a battery's own intensity applies to its discharge and is normally
 *   0: the carbon of its charging energy is counted at the sources that charged it, as the catalog's battery entry
 *   says). intensityGPerKwh = carbon / energy consumed by the load (D − unserved), so battery losses raise it.
 * - cleanShare: clean share of the energy taken from the non-storage contracts (Σ clean supplied / Σ supplied),
 *   an annual accounting. A battery's own `clean` flag is ignored: its energy is as clean as what
 *   charged it.
 * - cleanMw[h] = min(clean energy reaching the load in h, D_h): clean direct supply C × min(1, D/V) plus the clean
 *   part of the batteries' discharge. carbonFreeShare = Σ_h cleanMw[h] / Σ_h D_h, the hourly-matched carbon-free
 *   energy score (Google's "24/7 CFE": Σ_h min(clean_h, demand_h) / Σ_h demand_h), 0 when there is no demand.
 * - monthly rows are sums over each month's hours; annual figures are the sums of the twelve rows in order.
 *
 * The formulas of each step are physics/dispatch.ts's and the carbon figures physics/carbon.ts's; this file checks
 * the inputs, sorts the contracts for the steps, runs the hours and passes, and adds up the figures.
 */
import { carbonFreeMw, carbonFreeShare, carbonIntensityGPerKwh, cleanShare, emissionsTco2 } from "../physics/carbon";
import { HOURS_PER_YEAR } from "../physics/constants";
import {
  Batteries, batteriesWrapped, chargeBatteries, cleanOutputMw, cleanToLoadMw, clearBatteriesBefore, dischargeBatteries, dispatchableCapsMw, dispatchableCapsVary,
  DispatchableContracts, dispatchProRata, emptyBatteries, HourFlow, takenShare, totalStoredMwh, unservedMw, VariableSources, variableOutputMw,
} from "../physics/dispatch";
import { PhysicsInputError, requireFraction, requireInRange } from "../physics/guard";
import { solarProfileShared } from "../physics/solar";
import { windProfileShared } from "../physics/windProfile";
import type { SiteLocation } from "../weather/types";
import { MONTH_OF_HOUR } from "./calendar";

export type SupplyProfile = "flat" | "solar" | "wind" | "dispatchable" | "storage";

export const SUPPLY_PROFILES: readonly SupplyProfile[] = ["flat", "solar", "wind", "dispatchable", "storage"];

/** Round-trip efficiency of a battery when the contract gives none (NREL Annual Technology Baseline, utility-scale battery storage: 85 %). */
export const DEFAULT_ROUND_TRIP_EFFICIENCY = 0.85;

/** Hours of storage when the contract gives none (the NREL ATB reference utility-scale battery is 4-hour). */
export const DEFAULT_STORAGE_HOURS = 4;

/** Passes over the year at most, for the battery state to wrap (see the file comment). */
const MAX_PASSES = 5;

export interface HourlyContract {
  name: string;
  /** Contracted MW, >= 0: nameplate for flat, solar and wind; the cap in any hour for dispatchable; charge and discharge power for storage. */
  contractedMw: number;
  /** 0-1: the hourly output of flat (every hour) and the annual mean of solar and wind; unused for dispatchable and storage. */
  capacityFactor: number;
  /** gCO2e/kWh of the energy taken from this contract, >= 0. */
  carbonIntensityGPerKwh: number;
  /** Counts toward the clean and carbon-free shares (ignored for storage: its energy is as clean as what charged it). */
  clean: boolean;
  /** flat: must-run at capacityFactor every hour (nuclear); solar / wind: the profile × MW; dispatchable: follows the load up to MW (grid, gas); storage: a battery. */
  profile: SupplyProfile;
  /**
   * Dispatchable only: the firm MW it can be counted on for in any hour (contracted MW × its market's accreditation),
   * the cap of its hourly output, at most contractedMw. @default contractedMw
   */
  firmMw?: number;
  /**
   * Dispatchable only: the share of contracted MW available in each of the 8,760 hours (the ambient derating of a
   * gas plant at that hour's dry bulb), >= 0; the hour's cap is min(firmMw, contractedMw × derating[h]).
   * @default unset: firmMw in every hour
   */
  derating?: Float64Array;
  /**
   * First hour the contract delivers (0-8,759, a whole number): a contract that starts during the year (its first
   * delivery date, e.g. 30 September) delivers nothing before it: no output, no dispatch, no charging or discharging.
   * @default 0: every hour
   */
  firstHour?: number;
  /** Storage only: energy = MW × hours, >= 0. @default 4 */
  storageHours?: number;
  /** Storage only: energy out per energy in, (0, 1]. @default 0.85 */
  roundTripEfficiency?: number;
}

/** One month of the hourly dispatch. */
export interface HourlySupplyMonth {
  /** Facility energy demanded in the month, MWh. */
  demandMwh: number;
  /** Of it, what no contract served, MWh. */
  unservedMwh: number;
  /** Σ cleanMw over the month's hours. */
  carbonFreeMwh: number;
  /** Carbon of the energy taken in the month, tCO2e (on the campus's carbon basis). */
  carbonTco2: number;
}

/** The year's hourly dispatch of a campus's contracts against its demand, summed, with the series reports draw. */
export interface HourlySupply {
  /** Facility energy demanded over the year, MWh. */
  demandMwh: number;
  /** Energy taken from each contract, MWh, in the order given (see the file comment; a battery: its discharge). */
  suppliedMwh: Record<string, number>;
  /** The most MW taken from each contract in one hour of the year (what a demand or capacity charge bills). */
  peakSuppliedMw: Record<string, number>;
  /** Output of must-run and variable sources neither used nor stored, MWh. */
  curtailedMwh: number;
  /** Demand no contract served, MWh. */
  unservedMwh: number;
  /** Hours with any unserved demand. */
  unservedHours: number;
  /** Largest unserved MW in one hour (0 when none). */
  maxShortfallMw: number;
  /** First hour with the largest shortfall, -1 when none. */
  maxShortfallHour: number;
  /** Carbon of the energy taken over the year, tCO2e (on the campus's carbon basis). */
  carbonTco2: number;
  /** Carbon per kWh the load consumed, gCO2e/kWh (0 when it consumed nothing). */
  intensityGPerKwh: number;
  /** Clean share of the energy taken from non-storage contracts, annual, 0-1. */
  cleanShare: number;
  /** Hourly-matched carbon-free share: Σ_h min(clean_h, demand_h) / Σ_h demand_h, 0-1. */
  carbonFreeShare: number;
  /** Unserved MW per hour. */
  unservedMw: Float64Array;
  /** Clean MW reaching the load per hour (at most the hour's demand). */
  cleanMw: Float64Array;
  /** 12 rows, January first. */
  monthly: HourlySupplyMonth[];
}

/** hourlySupply plus the hour-by-hour detail behind it (for reports and tests; costs one array per contract). */
export interface HourlySupplyDetail extends HourlySupply {
  /** MW taken from each contract in each hour (as suppliedMwh, per hour). */
  suppliedMw: Record<string, Float64Array>;
  /** MW of surplus put into the batteries in each hour (before the round-trip loss). */
  chargedMw: Float64Array;
  /** MW of must-run and variable output neither used nor stored in each hour. */
  curtailedMw: Float64Array;
  /** Energy stored in all batteries at the end of each hour, MWh. */
  storedMwh: Float64Array;
}

function field(c: HourlyContract | undefined, i: number, name: string): string {
  const label = c && typeof c.name === "string" && c.name !== "" ? `contracts[${JSON.stringify(c.name)}]` : `contracts[${i}]`;
  return `${label}.${name}`;
}

function checkInputs(demandMw: Float64Array, contracts: readonly HourlyContract[], location: SiteLocation): void {
  if (demandMw === null || typeof demandMw !== "object" || demandMw.length !== HOURS_PER_YEAR) {
    throw new PhysicsInputError("demandMw.length", demandMw?.length, `${HOURS_PER_YEAR} (one value per hour of a 365-day year)`);
  }
  for (let h = 0; h < HOURS_PER_YEAR; h++) {
    const v = demandMw[h];
    if (!(v >= 0) || !Number.isFinite(v)) throw new PhysicsInputError(`demandMw[${h}]`, v, "a finite number >= 0");
  }
  requireInRange("location.latitudeDeg", location?.latitudeDeg, -90, 90);
  requireInRange("location.longitudeDeg", location.longitudeDeg, -180, 180);
  requireInRange("location.utcOffsetHours", location.utcOffsetHours, -12, 14);
  const names = new Set<string>();
  contracts.forEach((c, i) => {
    if (c === null || typeof c !== "object") throw new PhysicsInputError(`contracts[${i}]`, c, "a contract object");
    if (typeof c.name !== "string" || c.name === "") throw new PhysicsInputError(`contracts[${i}].name`, c.name, "a non-empty string");
    if (names.has(c.name)) throw new PhysicsInputError(field(c, i, "name"), c.name, "a name no other contract has");
    names.add(c.name);
    if (!SUPPLY_PROFILES.includes(c.profile)) throw new PhysicsInputError(field(c, i, "profile"), c.profile, SUPPLY_PROFILES.join(", "));
    requireInRange(field(c, i, "contractedMw"), c.contractedMw, 0);
    requireFraction(field(c, i, "capacityFactor"), c.capacityFactor);
    requireInRange(field(c, i, "carbonIntensityGPerKwh"), c.carbonIntensityGPerKwh, 0);
    if (typeof c.clean !== "boolean") throw new PhysicsInputError(field(c, i, "clean"), c.clean, "true or false");
    if (c.storageHours !== undefined) requireInRange(field(c, i, "storageHours"), c.storageHours, 0);
    if (c.firmMw !== undefined) requireInRange(field(c, i, "firmMw"), c.firmMw, 0, c.contractedMw);
    if (c.derating !== undefined) {
      if (c.profile !== "dispatchable") throw new PhysicsInputError(field(c, i, "derating"), "set", `unset for profile "${c.profile}" (only a dispatchable contract is derated)`);
      if (!(c.derating instanceof Float64Array) || c.derating.length !== HOURS_PER_YEAR) {
        throw new PhysicsInputError(field(c, i, "derating.length"), (c.derating as { length?: unknown } | null)?.length, `${HOURS_PER_YEAR} (one value per hour)`);
      }
      for (let h = 0; h < HOURS_PER_YEAR; h++) {
        const v = c.derating[h];
        if (!(v >= 0) || !Number.isFinite(v)) throw new PhysicsInputError(field(c, i, `derating[${h}]`), v, "a finite number >= 0");
      }
    }
    if (c.firstHour !== undefined && !(Number.isInteger(c.firstHour) && c.firstHour >= 0 && c.firstHour < HOURS_PER_YEAR)) {
      throw new PhysicsInputError(field(c, i, "firstHour"), c.firstHour, `a whole hour of the year, 0 to ${HOURS_PER_YEAR - 1}`);
    }
    const rte = c.roundTripEfficiency;
    if (rte !== undefined && (typeof rte !== "number" || !(rte > 0 && rte <= 1))) {
      throw new PhysicsInputError(field(c, i, "roundTripEfficiency"), rte, "a fraction > 0 and <= 1");
    }
  });
}

/** Dispatch `contracts` against `demandMw` (8,760 hourly MW) at `location`, hour by hour (see the file comment). */
export function hourlySupply(demandMw: Float64Array, contracts: readonly HourlyContract[], location: SiteLocation): HourlySupply {
  return dispatch(demandMw, contracts, location, false);
}

/** hourlySupply with each hour's supply per contract, charging, curtailment and stored energy. */
export function hourlySupplyDetail(demandMw: Float64Array, contracts: readonly HourlyContract[], location: SiteLocation): HourlySupplyDetail {
  return dispatch(demandMw, contracts, location, true) as HourlySupplyDetail;
}

/** The contracts by how they dispatch, as the physics steps read them, each with its index among the contracts. */
interface Parts {
  variableIndex: number[];
  variable: VariableSources;
  dispatchableIndex: number[];
  dispatchable: DispatchableContracts;
  storageIndex: number[];
  batteries: Batteries;
}

function partsOf(contracts: readonly HourlyContract[], location: SiteLocation): Parts {
  const variableIndex: number[] = [];
  const dispatchableIndex: number[] = [];
  const storageIndex: number[] = [];
  contracts.forEach((c, i) => {
    if (c.profile === "flat" || c.profile === "solar" || c.profile === "wind") variableIndex.push(i);
    else if (c.profile === "dispatchable") dispatchableIndex.push(i);
    else storageIndex.push(i);
  });
  const of = (index: number[]) => index.map((i) => contracts[i]);
  const v = of(variableIndex);
  const d = of(dispatchableIndex);
  const s = of(storageIndex);
  return {
    variableIndex,
    variable: {
      count: v.length,
      mw: Float64Array.from(v, (c) => c.contractedMw),
      flatMw: Float64Array.from(v, (c) => c.contractedMw * c.capacityFactor),
      profile: v.map((c) => (c.profile === "solar" ? solarProfileShared(location, c.capacityFactor) : c.profile === "wind" ? windProfileShared(c.capacityFactor) : null)),
      clean: v.map((c) => c.clean),
      firstHour: Int32Array.from(v, (c) => c.firstHour ?? 0),
    },
    dispatchableIndex,
    // Dispatchable contracts deliver up to their firm MW in any hour (the capacity they are accredited for).
    dispatchable: {
      count: d.length,
      contractedMw: Float64Array.from(d, (c) => c.contractedMw),
      firmMw: Float64Array.from(d, (c) => c.firmMw ?? c.contractedMw),
      derating: d.map((c) => c.derating ?? null),
      firstHour: Int32Array.from(d, (c) => c.firstHour ?? 0),
    },
    storageIndex,
    batteries: emptyBatteries(
      Float64Array.from(s, (c) => c.contractedMw),
      Float64Array.from(s, (c) => c.contractedMw * (c.storageHours ?? DEFAULT_STORAGE_HOURS)),
      Float64Array.from(s, (c) => c.roundTripEfficiency ?? DEFAULT_ROUND_TRIP_EFFICIENCY),
      Int32Array.from(s, (c) => c.firstHour ?? 0),
    ),
  };
}

/** What one pass over the year adds up (the last pass is kept), and the hour-by-hour detail when asked for. */
interface YearTally {
  /** Energy taken from each contract in each month, MWh, row m × contracts + c. */
  monthSupplied: Float64Array;
  /** The most MW taken from each contract in one hour. */
  peakSupplied: Float64Array;
  monthDemand: Float64Array;
  monthUnserved: Float64Array;
  monthClean: Float64Array;
  unservedMw: Float64Array;
  cleanMw: Float64Array;
  curtailedMwh: number;
  unservedHours: number;
  maxShortfallMw: number;
  maxShortfallHour: number;
  hourSupplied: Float64Array[] | null;
  chargedMw: Float64Array | null;
  curtailedMw: Float64Array | null;
  storedMwh: Float64Array | null;
}

function newTally(n: number, detail: boolean): YearTally {
  const hours = () => new Float64Array(HOURS_PER_YEAR);
  return {
    monthSupplied: new Float64Array(12 * n), peakSupplied: new Float64Array(n), monthDemand: new Float64Array(12), monthUnserved: new Float64Array(12), monthClean: new Float64Array(12),
    unservedMw: hours(), cleanMw: hours(), curtailedMwh: 0, unservedHours: 0, maxShortfallMw: 0, maxShortfallHour: -1,
    hourSupplied: detail ? Array.from({ length: n }, hours) : null,
    chargedMw: detail ? hours() : null, curtailedMw: detail ? hours() : null, storedMwh: detail ? hours() : null,
  };
}

/** Zero what a pass adds up (the hourly series are written whole by every pass). */
function resetTally(t: YearTally): void {
  t.monthSupplied.fill(0);
  t.peakSupplied.fill(0);
  t.monthDemand.fill(0);
  t.monthUnserved.fill(0);
  t.monthClean.fill(0);
  t.curtailedMwh = 0;
  t.unservedHours = 0;
  t.maxShortfallMw = 0;
  t.maxShortfallHour = -1;
  if (t.hourSupplied) for (const a of t.hourSupplied) a.fill(0);
}

/** Scratch arrays of one hour: each variable source's output and each dispatchable contract's cap and share, MW. */
interface HourScratch {
  genMw: Float64Array;
  /** Each dispatchable contract's cap this hour, MW, and their sum (set once when the caps are the same every hour). */
  capMw: Float64Array;
  capSumMw: number;
  /** The caps change hour by hour (a derating, or a contract starting during the year). */
  capsVary: boolean;
  dispatchedMw: Float64Array;
  flow: HourFlow;
}

/** Record `mw[k]` × `share` as taken from contract `index[k]` in hour `h` (month row `row`), for k < index's length. */
function take(t: YearTally, index: readonly number[], mw: Float64Array, share: number, row: number, h: number): void {
  const month = t.monthSupplied;
  const hours = t.hourSupplied;
  for (let k = 0; k < index.length; k++) {
    const taken = mw[k] * share; // × 1 leaves a value as it is
    month[row + index[k]] += taken;
    if (taken > t.peakSupplied[index[k]]) t.peakSupplied[index[k]] = taken;
    if (hours) hours[index[k]][h] = taken;
  }
}

/** Hour `h` through the five steps of the file comment, added to the tally. */
function dispatchHour(p: Parts, demand: number, h: number, n: number, x: HourScratch, t: YearTally): void {
  const b = p.batteries;
  const m = MONTH_OF_HOUR[h];
  const row = m * n;
  clearBatteriesBefore(b, h);

  // 1. Must-run and variable output.
  const v = variableOutputMw(p.variable, h, x.genMw);
  const clean = cleanOutputMw(p.variable, x.genMw);

  // 2. A surplus charges the batteries, the rest is curtailed; every source gives up the same fraction.
  let taken = 1;
  if (v > demand) {
    const surplus = v - demand;
    const charged = b.count > 0 ? chargeBatteries(b, h, surplus, clean / v) : 0;
    t.curtailedMwh += surplus - charged;
    if (t.chargedMw && t.curtailedMw) {
      t.chargedMw[h] = charged;
      t.curtailedMw[h] = surplus - charged;
    }
    taken = takenShare(demand, charged, v);
    x.flow.cleanToLoadMw = cleanToLoadMw(clean, demand, v);
    x.flow.remainingMw = 0;
  } else {
    if (t.chargedMw && t.curtailedMw) t.chargedMw[h] = t.curtailedMw[h] = 0;
    x.flow.cleanToLoadMw = clean;
    x.flow.remainingMw = demand - v;
  }
  take(t, p.variableIndex, x.genMw, taken, row, h);

  // 3. Dispatchable contracts, pro rata to their caps this hour.
  if (x.capsVary) x.capSumMw = dispatchableCapsMw(p.dispatchable, h, x.capMw);
  x.flow.remainingMw = dispatchProRata(x.flow.remainingMw, x.capMw, x.capSumMw, x.dispatchedMw, p.dispatchable.count);
  take(t, p.dispatchableIndex, x.dispatchedMw, 1, row, h);

  // 4. Batteries discharge.
  if (x.flow.remainingMw > 0 && b.count > 0) {
    dischargeBatteries(b, h, x.flow);
    take(t, p.storageIndex, b.shareMw, 1, row, h);
  }
  if (t.storedMwh) t.storedMwh[h] = totalStoredMwh(b);

  // 5. Unserved.
  const unserved = unservedMw(x.flow.remainingMw, demand);
  t.unservedMw[h] = unserved;
  if (unserved > 0) {
    t.unservedHours++;
    if (unserved > t.maxShortfallMw) {
      t.maxShortfallMw = unserved;
      t.maxShortfallHour = h;
    }
  }
  const cleanServed = carbonFreeMw(x.flow.cleanToLoadMw, demand);
  t.cleanMw[h] = cleanServed;
  t.monthDemand[m] += demand;
  t.monthUnserved[m] += unserved;
  t.monthClean[m] += cleanServed;
}

/** Passes over the year until the batteries wrap (see the file comment); the tally holds the last pass. */
function dispatchYear(demandMw: Float64Array, p: Parts, n: number, t: YearTally): void {
  const b = p.batteries;
  const x: HourScratch = {
    genMw: new Float64Array(p.variable.count),
    capMw: new Float64Array(p.dispatchable.count),
    capSumMw: 0,
    capsVary: dispatchableCapsVary(p.dispatchable),
    dispatchedMw: new Float64Array(p.dispatchable.count),
    flow: { remainingMw: 0, cleanToLoadMw: 0 },
  };
  if (!x.capsVary) x.capSumMw = dispatchableCapsMw(p.dispatchable, 0, x.capMw);
  const startMwh = new Float64Array(b.count);
  const startCleanMwh = new Float64Array(b.count);
  const passes = b.count > 0 ? MAX_PASSES : 1;
  for (let pass = 0; pass < passes; pass++) {
    startMwh.set(b.storedMwh);
    startCleanMwh.set(b.cleanStoredMwh);
    resetTally(t);
    for (let h = 0; h < HOURS_PER_YEAR; h++) dispatchHour(p, demandMw[h], h, n, x, t);
    if (b.count === 0 || batteriesWrapped(b, startMwh, startCleanMwh)) break;
  }
}

/** The year's figures from the tally: the twelve monthly rows, and annual figures summed from them in order. */
function figuresOf(contracts: readonly HourlyContract[], t: YearTally): HourlySupply {
  const n = contracts.length;
  const monthly: HourlySupplyMonth[] = [];
  const suppliedTotals = new Float64Array(n);
  let demandMwh = 0;
  let unservedMwh = 0;
  let carbonFreeMwh = 0;
  let carbonTco2 = 0;
  for (let m = 0; m < 12; m++) {
    let carbon = 0;
    for (let c = 0; c < n; c++) {
      const e = t.monthSupplied[m * n + c];
      suppliedTotals[c] += e;
      carbon += emissionsTco2(e, contracts[c].carbonIntensityGPerKwh);
    }
    monthly.push({ demandMwh: t.monthDemand[m], unservedMwh: t.monthUnserved[m], carbonFreeMwh: t.monthClean[m], carbonTco2: carbon });
    demandMwh += t.monthDemand[m];
    unservedMwh += t.monthUnserved[m];
    carbonFreeMwh += t.monthClean[m];
    carbonTco2 += carbon;
  }
  const suppliedMwh: Record<string, number> = {};
  const peakSuppliedMw: Record<string, number> = {};
  let takenMwh = 0;
  let cleanTakenMwh = 0;
  contracts.forEach((c, i) => {
    suppliedMwh[c.name] = suppliedTotals[i];
    peakSuppliedMw[c.name] = t.peakSupplied[i];
    if (c.profile === "storage") return;
    takenMwh += suppliedTotals[i];
    if (c.clean) cleanTakenMwh += suppliedTotals[i];
  });
  return {
    demandMwh,
    suppliedMwh,
    peakSuppliedMw,
    curtailedMwh: t.curtailedMwh,
    unservedMwh,
    unservedHours: t.unservedHours,
    maxShortfallMw: t.maxShortfallMw,
    maxShortfallHour: t.maxShortfallHour,
    carbonTco2,
    intensityGPerKwh: carbonIntensityGPerKwh(carbonTco2, demandMwh - unservedMwh),
    cleanShare: cleanShare(cleanTakenMwh, takenMwh),
    carbonFreeShare: carbonFreeShare(carbonFreeMwh, demandMwh),
    unservedMw: t.unservedMw,
    cleanMw: t.cleanMw,
    monthly,
  };
}

function dispatch(demandMw: Float64Array, contracts: readonly HourlyContract[], location: SiteLocation, detail: boolean): HourlySupply | HourlySupplyDetail {
  checkInputs(demandMw, contracts, location);
  const tally = newTally(contracts.length, detail);
  dispatchYear(demandMw, partsOf(contracts, location), contracts.length, tally);
  const result = figuresOf(contracts, tally);
  const { hourSupplied, chargedMw, curtailedMw, storedMwh } = tally;
  if (!hourSupplied || !chargedMw || !curtailedMw || !storedMwh) return result;
  const suppliedMw: Record<string, Float64Array> = {};
  contracts.forEach((c, i) => (suppliedMw[c.name] = hourSupplied[i]));
  return { ...result, suppliedMw, chargedMw, curtailedMw, storedMwh };
}
