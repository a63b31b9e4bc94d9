/**
 * Hourly supply: a campus's power contracts dispatched against its demand in each of the 8,760 hours of a year, so
 * the binding hours show (1 GW of solar covers a 100 MW load's annual energy many times over and still leaves every
 * night unserved). The annual balance is physics/supply.ts `supplyMix`; this is its hourly counterpart. Pure: no
 * Pulumi import.
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
 *   an annual accounting like supplyMix's. A battery's own `clean` flag is ignored: its energy is as clean as what
 *   charged it.
 * - cleanMw[h] = min(clean energy reaching the load in h, D_h): clean direct supply C × min(1, D/V) plus the clean
 *   part of the batteries' discharge. carbonFreeShare = Σ_h cleanMw[h] / Σ_h D_h, the hourly-matched carbon-free
 *   energy score (Google's "24/7 CFE": Σ_h min(clean_h, demand_h) / Σ_h demand_h), 0 when there is no demand.
 * - monthly rows are sums over each month's hours; annual figures are the sums of the twelve rows in order.
 */
import { GRAMS_PER_TONNE, HOURS_PER_YEAR, KWH_PER_MWH } from "../physics/constants";
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

/** A shortfall at most this fraction of the hour's demand is float residue and counts as served. */
const RESIDUE = 1e-9;

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

export interface HourlySupplyMonth {
  demandMwh: number;
  unservedMwh: number;
  /** Σ cleanMw over the month's hours. */
  carbonFreeMwh: number;
  carbonTco2: number;
}

export interface HourlySupply {
  demandMwh: number;
  /** Energy taken from each contract, MWh, in the order given (see the file comment; a battery: its discharge). */
  suppliedMwh: Record<string, number>;
  /** Output of must-run and variable sources neither used nor stored, MWh. */
  curtailedMwh: number;
  unservedMwh: number;
  /** Hours with any unserved demand. */
  unservedHours: number;
  /** Largest unserved MW in one hour (0 when none). */
  maxShortfallMw: number;
  /** First hour with the largest shortfall, -1 when none. */
  maxShortfallHour: number;
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

/**
 * Share `amount` among k parties pro rata to weight, each at most its cap (water filling: parties that reach their
 * cap keep it, the others share what is left). Writes the shares to `out`; returns the total shared
 * (min(amount, Σ cap)). Weights are the parties' MW and caps never exceed them, so a party with cap > 0 has weight > 0.
 */
function shareProRata(amount: number, weight: Float64Array, cap: Float64Array, out: Float64Array, fixed: Uint8Array, k: number): number {
  let capSum = 0;
  for (let i = 0; i < k; i++) capSum += cap[i];
  if (capSum <= amount) {
    for (let i = 0; i < k; i++) out[i] = cap[i];
    return capSum;
  }
  let left = amount;
  for (let i = 0; i < k; i++) {
    fixed[i] = cap[i] > 0 && weight[i] > 0 ? 0 : 1;
    if (fixed[i]) out[i] = 0;
  }
  for (;;) {
    let w = 0;
    for (let i = 0; i < k; i++) if (!fixed[i]) w += weight[i];
    if (!(w > 0)) break;
    const lambda = left / w;
    let capped = false;
    for (let i = 0; i < k; i++) {
      if (!fixed[i] && lambda * weight[i] >= cap[i]) {
        out[i] = cap[i];
        left -= cap[i];
        fixed[i] = 1;
        capped = true;
      }
    }
    if (!capped) {
      for (let i = 0; i < k; i++) if (!fixed[i]) out[i] = lambda * weight[i];
      break;
    }
  }
  return amount;
}

/** Dispatch `contracts` against `demandMw` (8,760 hourly MW) at `location`, hour by hour (see the file comment). */
export function hourlySupply(demandMw: Float64Array, contracts: readonly HourlyContract[], location: SiteLocation): HourlySupply {
  return dispatch(demandMw, contracts, location, false);
}

/** hourlySupply with each hour's supply per contract, charging, curtailment and stored energy. */
export function hourlySupplyDetail(demandMw: Float64Array, contracts: readonly HourlyContract[], location: SiteLocation): HourlySupplyDetail {
  return dispatch(demandMw, contracts, location, true) as HourlySupplyDetail;
}

function dispatch(demandMw: Float64Array, contracts: readonly HourlyContract[], location: SiteLocation, detail: boolean): HourlySupply | HourlySupplyDetail {
  checkInputs(demandMw, contracts, location);
  const n = contracts.length;
  const intensity = Float64Array.from(contracts, (c) => c.carbonIntensityGPerKwh);

  // Must-run and variable sources: index, MW, profile (null: flat at the capacity factor), clean.
  const vIdx: number[] = [];
  const vMw: number[] = [];
  const vFlat: number[] = [];
  const vProfile: (Float64Array | null)[] = [];
  const vClean: boolean[] = [];
  const vFirst: number[] = [];
  const dIdx: number[] = [];
  const sIdx: number[] = [];
  contracts.forEach((c, i) => {
    if (c.profile === "flat" || c.profile === "solar" || c.profile === "wind") {
      vIdx.push(i);
      vMw.push(c.contractedMw);
      vFlat.push(c.contractedMw * c.capacityFactor);
      vProfile.push(c.profile === "solar" ? solarProfileShared(location, c.capacityFactor) : c.profile === "wind" ? windProfileShared(c.capacityFactor) : null);
      vClean.push(c.clean);
      vFirst.push(c.firstHour ?? 0);
    } else if (c.profile === "dispatchable") dIdx.push(i);
    else sIdx.push(i);
  });
  const nv = vIdx.length;
  const nd = dIdx.length;
  const ns = sIdx.length;
  // Dispatchable contracts deliver up to their firm MW in any hour (the capacity they are accredited for).
  const dFirm = Float64Array.from(dIdx, (i) => contracts[i].firmMw ?? contracts[i].contractedMw);
  const dDerating = dIdx.map((i) => contracts[i].derating ?? null);
  const dFirst = Int32Array.from(dIdx, (i) => contracts[i].firstHour ?? 0);
  // Caps change hour by hour with a derating or a contract starting during the year.
  const derated = dDerating.some((d) => d !== null) || dFirst.some((f) => f > 0);
  // This hour's cap of each dispatchable contract (its firm MW, or less in an hour its derating bites) and their sum.
  const dMw = Float64Array.from(dFirm);
  let dCap = 0;
  for (let j = 0; j < nd; j++) dCap += dMw[j];

  const sMw = Float64Array.from(sIdx, (i) => contracts[i].contractedMw);
  const sEnergy = Float64Array.from(sIdx, (i) => contracts[i].contractedMw * (contracts[i].storageHours ?? DEFAULT_STORAGE_HOURS));
  const sRte = Float64Array.from(sIdx, (i) => contracts[i].roundTripEfficiency ?? DEFAULT_ROUND_TRIP_EFFICIENCY);
  // A battery starting during the year is empty and idle before its first hour (so the year's wrap cannot carry
  // December's charge into hours it does not exist in).
  const sFirst = Int32Array.from(sIdx, (i) => contracts[i].firstHour ?? 0);
  const soc = new Float64Array(ns);
  const cleanSoc = new Float64Array(ns);
  const startSoc = new Float64Array(ns);
  const startCleanSoc = new Float64Array(ns);
  const cap = new Float64Array(ns);
  const share = new Float64Array(ns);
  const fixed = new Uint8Array(ns);
  const gen = new Float64Array(nv);

  // Accumulators of one pass (the last pass is kept).
  const monthSupplied = new Float64Array(12 * n);
  const monthDemand = new Float64Array(12);
  const monthUnserved = new Float64Array(12);
  const monthClean = new Float64Array(12);
  const unservedMw = new Float64Array(HOURS_PER_YEAR);
  const cleanMw = new Float64Array(HOURS_PER_YEAR);
  const hourSupplied: Float64Array[] | null = detail ? contracts.map(() => new Float64Array(HOURS_PER_YEAR)) : null;
  const chargedMw = detail ? new Float64Array(HOURS_PER_YEAR) : null;
  const curtailedMw = detail ? new Float64Array(HOURS_PER_YEAR) : null;
  const storedMwh = detail ? new Float64Array(HOURS_PER_YEAR) : null;
  let curtailedMwh = 0;
  let unservedHours = 0;
  let maxShortfallMw = 0;
  let maxShortfallHour = -1;

  const passes = ns > 0 ? MAX_PASSES : 1;
  for (let pass = 0; pass < passes; pass++) {
    startSoc.set(soc);
    startCleanSoc.set(cleanSoc);
    monthSupplied.fill(0);
    monthDemand.fill(0);
    monthUnserved.fill(0);
    monthClean.fill(0);
    curtailedMwh = 0;
    unservedHours = 0;
    maxShortfallMw = 0;
    maxShortfallHour = -1;
    if (hourSupplied) for (const a of hourSupplied) a.fill(0);

    for (let h = 0; h < HOURS_PER_YEAR; h++) {
      const m = MONTH_OF_HOUR[h];
      for (let s = 0; s < ns; s++) if (h < sFirst[s]) soc[s] = cleanSoc[s] = 0;
      const row = m * n;
      const demand = demandMw[h];

      // 1. Must-run and variable output.
      let v = 0;
      let clean = 0;
      for (let j = 0; j < nv; j++) {
        const p = vProfile[j];
        const g = h < vFirst[j] ? 0 : p === null ? vFlat[j] : vMw[j] * p[h];
        gen[j] = g;
        v += g;
        if (vClean[j]) clean += g;
      }

      let remaining: number;
      let cleanToLoad: number;
      if (v > demand) {
        // 2. Surplus: charge batteries, curtail the rest; every source gives up the same fraction.
        const surplus = v - demand;
        let charged = 0;
        if (ns > 0) {
          for (let s = 0; s < ns; s++) cap[s] = h < sFirst[s] ? 0 : Math.min(sMw[s], Math.max(0, sEnergy[s] - soc[s]) / sRte[s]);
          charged = shareProRata(surplus, sMw, cap, share, fixed, ns);
          const cleanFraction = clean / v;
          for (let s = 0; s < ns; s++) {
            const stored = share[s] * sRte[s];
            soc[s] = Math.min(sEnergy[s], soc[s] + stored);
            cleanSoc[s] = Math.min(soc[s], cleanSoc[s] + stored * cleanFraction);
          }
        }
        curtailedMwh += surplus - charged;
        if (chargedMw && curtailedMw) {
          chargedMw[h] = charged;
          curtailedMw[h] = surplus - charged;
        }
        const taken = (demand + charged) / v;
        for (let j = 0; j < nv; j++) monthSupplied[row + vIdx[j]] += gen[j] * taken;
        if (hourSupplied) for (let j = 0; j < nv; j++) hourSupplied[vIdx[j]][h] = gen[j] * taken;
        cleanToLoad = clean * (demand / v);
        remaining = 0;
      } else {
        if (chargedMw && curtailedMw) chargedMw[h] = curtailedMw[h] = 0;
        for (let j = 0; j < nv; j++) monthSupplied[row + vIdx[j]] += gen[j];
        if (hourSupplied) for (let j = 0; j < nv; j++) hourSupplied[vIdx[j]][h] = gen[j];
        cleanToLoad = clean;
        remaining = demand - v;
      }

      // 3. Dispatchable contracts, pro rata to MW.
      if (derated) {
        dCap = 0;
        for (let j = 0; j < nd; j++) {
          const d = dDerating[j];
          dMw[j] = h < dFirst[j] ? 0 : d === null ? dFirm[j] : Math.min(dFirm[j], contracts[dIdx[j]].contractedMw * d[h]);
          dCap += dMw[j];
        }
      }
      if (remaining > 0 && dCap > 0) {
        const dispatched = Math.min(remaining, dCap);
        const fraction = dispatched / dCap;
        for (let j = 0; j < nd; j++) monthSupplied[row + dIdx[j]] += dMw[j] * fraction;
        if (hourSupplied) for (let j = 0; j < nd; j++) hourSupplied[dIdx[j]][h] = dMw[j] * fraction;
        remaining = dispatched === remaining ? 0 : remaining - dCap;
      }

      // 4. Batteries discharge.
      if (remaining > 0 && ns > 0) {
        for (let s = 0; s < ns; s++) cap[s] = h < sFirst[s] ? 0 : Math.min(sMw[s], soc[s]);
        const delivered = shareProRata(remaining, sMw, cap, share, fixed, ns);
        for (let s = 0; s < ns; s++) {
          const d = share[s];
          if (d <= 0) continue;
          const cleanPart = soc[s] > 0 ? d * (cleanSoc[s] / soc[s]) : 0;
          cleanToLoad += cleanPart;
          soc[s] = Math.max(0, soc[s] - d);
          cleanSoc[s] = Math.min(soc[s], Math.max(0, cleanSoc[s] - cleanPart));
          monthSupplied[row + sIdx[s]] += d;
          if (hourSupplied) hourSupplied[sIdx[s]][h] = d;
        }
        remaining = delivered === remaining ? 0 : remaining - delivered;
      }

      if (storedMwh) {
        let e = 0;
        for (let s = 0; s < ns; s++) e += soc[s];
        storedMwh[h] = e;
      }

      // 5. Unserved.
      if (remaining <= RESIDUE * demand) remaining = 0;
      unservedMw[h] = remaining;
      if (remaining > 0) {
        unservedHours++;
        if (remaining > maxShortfallMw) {
          maxShortfallMw = remaining;
          maxShortfallHour = h;
        }
      }
      const cleanServed = Math.min(cleanToLoad, demand);
      cleanMw[h] = cleanServed;
      monthDemand[m] += demand;
      monthUnserved[m] += remaining;
      monthClean[m] += cleanServed;
    }

    if (ns === 0) break;
    let wrapped = true;
    for (let s = 0; s < ns; s++) {
      const tol = 1e-9 * sEnergy[s];
      if (Math.abs(soc[s] - startSoc[s]) > tol || Math.abs(cleanSoc[s] - startCleanSoc[s]) > tol) wrapped = false;
    }
    if (wrapped) break;
  }

  // Annual figures: the twelve monthly rows summed in order.
  const tco2PerMwhPerG = KWH_PER_MWH / GRAMS_PER_TONNE;
  const monthly: HourlySupplyMonth[] = [];
  const suppliedMwh: Record<string, number> = {};
  const suppliedTotals = new Float64Array(n);
  let demandMwh = 0;
  let unservedMwh = 0;
  let carbonFreeMwh = 0;
  let carbonTco2 = 0;
  for (let m = 0; m < 12; m++) {
    let carbon = 0;
    for (let c = 0; c < n; c++) {
      const e = monthSupplied[m * n + c];
      suppliedTotals[c] += e;
      carbon += e * intensity[c] * tco2PerMwhPerG;
    }
    monthly.push({ demandMwh: monthDemand[m], unservedMwh: monthUnserved[m], carbonFreeMwh: monthClean[m], carbonTco2: carbon });
    demandMwh += monthDemand[m];
    unservedMwh += monthUnserved[m];
    carbonFreeMwh += monthClean[m];
    carbonTco2 += carbon;
  }
  let takenMwh = 0;
  let cleanTakenMwh = 0;
  contracts.forEach((c, i) => {
    suppliedMwh[c.name] = suppliedTotals[i];
    if (c.profile === "storage") return;
    takenMwh += suppliedTotals[i];
    if (c.clean) cleanTakenMwh += suppliedTotals[i];
  });
  const consumedMwh = demandMwh - unservedMwh;
  const result: HourlySupply = {
    demandMwh,
    suppliedMwh,
    curtailedMwh,
    unservedMwh,
    unservedHours,
    maxShortfallMw,
    maxShortfallHour,
    carbonTco2,
    intensityGPerKwh: consumedMwh > 0 ? (carbonTco2 * GRAMS_PER_TONNE) / (consumedMwh * KWH_PER_MWH) : 0,
    // Summation order can put a ratio a few ulps above 1.
    cleanShare: takenMwh > 0 ? Math.min(1, cleanTakenMwh / takenMwh) : 0,
    carbonFreeShare: demandMwh > 0 ? Math.min(1, carbonFreeMwh / demandMwh) : 0,
    unservedMw,
    cleanMw,
    monthly,
  };
  if (!hourSupplied || !chargedMw || !curtailedMw || !storedMwh) return result;
  const suppliedMw: Record<string, Float64Array> = {};
  contracts.forEach((c, i) => (suppliedMw[c.name] = hourSupplied[i]));
  return { ...result, suppliedMw, chargedMw, curtailedMw, storedMwh };
}
