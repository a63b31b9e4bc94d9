/**
 * The steps of one hour's dispatch, each a formula over arrays (hours/supply.ts composes them into a year and
 * states the rules in full). Every hour is one hour long, so a MW in an hour and the MWh of that hour are the same
 * number: the step functions speak MW throughout.
 *
 * The order of the steps, and of the additions inside each, is the model's: moving a sum out of order changes the
 * last digit of a figure, so each step keeps the loop order hours/supply.ts had when it did them inline.
 */

/**
 * Share `amount` among k parties pro rata to weight, each at most its cap (water filling: parties that reach their
 * cap keep it, the others share what is left). Writes the shares to `out` (`fixed` is scratch, k long); returns the
 * total shared, min(amount, Σ cap), in amount's unit. Weights are the parties' MW and caps never exceed them, so a
 * party with cap > 0 has weight > 0.
 */
export function shareProRata(amount: number, weight: Float64Array, cap: Float64Array, out: Float64Array, fixed: Uint8Array, k: number): number {
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

/** Must-run and variable sources (flat, solar, wind), as parallel arrays, one entry per source. */
export interface VariableSources {
  /** Number of sources (the length of each array). */
  count: number;
  /** Contracted (nameplate) MW. */
  mw: Float64Array;
  /** Output of a flat source in every hour, MW (contracted MW × capacity factor); unused for a profiled one. */
  flatMw: Float64Array;
  /** Output per MW of nameplate in each of the 8,760 hours, 0-1 (solar, wind); null: flat. */
  profile: readonly (Float64Array | null)[];
  /** Counts toward the clean and carbon-free shares. */
  clean: readonly boolean[];
  /** First hour the source delivers (0-8,759). */
  firstHour: Int32Array;
}

/**
 * Step 1: the output of each must-run and variable source in hour `h`, MW, into `genMw`; returns their total MW
 * (0 for a source before its first hour, flat MW for a flat one, MW × profile[h] otherwise).
 */
export function variableOutputMw(sources: VariableSources, h: number, genMw: Float64Array): number {
  let totalMw = 0;
  for (let j = 0; j < sources.count; j++) {
    const p = sources.profile[j];
    const g = h < sources.firstHour[j] ? 0 : p === null ? sources.flatMw[j] : sources.mw[j] * p[h];
    genMw[j] = g;
    totalMw += g;
  }
  return totalMw;
}

/** The clean part of the sources' output in `genMw`, MW (summed in the sources' order). */
export function cleanOutputMw(sources: VariableSources, genMw: Float64Array): number {
  let cleanMw = 0;
  for (let j = 0; j < sources.count; j++) if (sources.clean[j]) cleanMw += genMw[j];
  return cleanMw;
}

/**
 * Step 2, with a surplus (variable output V above demand D): the share of each source's output taken, to the load
 * and into the batteries, (D + charged) / V, 0-1. Every source gives up the same share (pro rata curtailment).
 */
export function takenShare(demandMw: number, chargedMw: number, variableMw: number): number {
  return (demandMw + chargedMw) / variableMw;
}

/** Step 2, with a surplus: the clean MW reaching the load directly, clean output × D / V (the load takes D of V). */
export function cleanToLoadMw(cleanMw: number, demandMw: number, variableMw: number): number {
  return cleanMw * (demandMw / variableMw);
}

/**
 * Batteries, as parallel arrays, one entry per battery, with the state they carry from hour to hour (the energy
 * stored and its clean part) and scratch arrays for the pro-rata steps.
 */
export interface Batteries {
  /** Number of batteries (the length of each array). */
  count: number;
  /** Charging and discharging power, MW. */
  mw: Float64Array;
  /** Energy capacity, MWh (MW × storage hours). */
  energyMwh: Float64Array;
  /** Energy stored per energy charged, (0, 1] (taken on charging). */
  roundTripEfficiency: Float64Array;
  /** First hour the battery exists (0-8,759): before it, it is empty and idle. */
  firstHour: Int32Array;
  /** Energy stored now, MWh. */
  storedMwh: Float64Array;
  /** The clean part of storedMwh, MWh. */
  cleanStoredMwh: Float64Array;
  /** Scratch: each battery's cap in the step, MW. */
  capMw: Float64Array;
  /** Scratch: each battery's share in the step, MW. */
  shareMw: Float64Array;
  /** Scratch for shareProRata. */
  fixed: Uint8Array;
}

/** Batteries of the given power, capacity, efficiency and first hour, empty. */
export function emptyBatteries(mw: Float64Array, energyMwh: Float64Array, roundTripEfficiency: Float64Array, firstHour: Int32Array): Batteries {
  const count = mw.length;
  return {
    count, mw, energyMwh, roundTripEfficiency, firstHour,
    storedMwh: new Float64Array(count), cleanStoredMwh: new Float64Array(count),
    capMw: new Float64Array(count), shareMw: new Float64Array(count), fixed: new Uint8Array(count),
  };
}

/**
 * Empty the batteries that do not exist yet in hour `h` (a battery starting during the year cannot carry
 * December's charge, from the year's wrap, into hours before it exists).
 */
export function clearBatteriesBefore(b: Batteries, h: number): void {
  for (let s = 0; s < b.count; s++) if (h < b.firstHour[s]) b.storedMwh[s] = b.cleanStoredMwh[s] = 0;
}

/**
 * Step 2: charge the batteries in hour `h` from a surplus of `surplusMw`, pro rata to their MW, each up to its MW
 * and to the energy room left (room / round-trip efficiency); the energy stored is clean in `cleanFraction` (0-1).
 * Updates the stored energy; returns the MW charged (before the round-trip loss; the rest of the surplus is
 * curtailed).
 */
export function chargeBatteries(b: Batteries, h: number, surplusMw: number, cleanFraction: number): number {
  for (let s = 0; s < b.count; s++) {
    b.capMw[s] = h < b.firstHour[s] ? 0 : Math.min(b.mw[s], Math.max(0, b.energyMwh[s] - b.storedMwh[s]) / b.roundTripEfficiency[s]);
  }
  const chargedMw = shareProRata(surplusMw, b.mw, b.capMw, b.shareMw, b.fixed, b.count);
  for (let s = 0; s < b.count; s++) {
    const stored = b.shareMw[s] * b.roundTripEfficiency[s];
    b.storedMwh[s] = Math.min(b.energyMwh[s], b.storedMwh[s] + stored);
    b.cleanStoredMwh[s] = Math.min(b.storedMwh[s], b.cleanStoredMwh[s] + stored * cleanFraction);
  }
  return chargedMw;
}

/** Dispatchable contracts (grid, gas), as parallel arrays, one entry per contract. */
export interface DispatchableContracts {
  /** Number of contracts (the length of each array). */
  count: number;
  /** Contracted MW. */
  contractedMw: Float64Array;
  /** Firm MW, the cap of the hourly output (contracted MW × accreditation), MW. */
  firmMw: Float64Array;
  /** Share of contracted MW available in each of the 8,760 hours (ambient derating), >= 0; null: none. */
  derating: readonly (Float64Array | null)[];
  /** First hour the contract delivers (0-8,759). */
  firstHour: Int32Array;
}

/**
 * Step 3: each dispatchable contract's cap in hour `h`, MW, into `capMw`: 0 before its first hour, else its firm MW,
 * or min(firm MW, contracted MW × derating[h]) with a derating. Returns the caps' sum, MW.
 */
export function dispatchableCapsMw(d: DispatchableContracts, h: number, capMw: Float64Array): number {
  let sumMw = 0;
  for (let j = 0; j < d.count; j++) {
    const derating = d.derating[j];
    capMw[j] = h < d.firstHour[j] ? 0 : derating === null ? d.firmMw[j] : Math.min(d.firmMw[j], d.contractedMw[j] * derating[h]);
    sumMw += capMw[j];
  }
  return sumMw;
}

/** Whether the dispatchable caps change from hour to hour: a derating, or a contract starting after hour 0. */
export function dispatchableCapsVary(d: DispatchableContracts): boolean {
  return d.derating.some((x) => x !== null) || d.firstHour.some((f) => f > 0);
}

/**
 * Step 3: cover `remainingMw` from the dispatchable contracts pro rata to their caps (shares and caps both
 * proportional, so all reach their caps together), each contract's MW into `outMw` (0 when nothing is taken).
 * Returns the MW still unmet: 0 when the caps cover it, else remaining − Σ caps.
 */
export function dispatchProRata(remainingMw: number, capMw: Float64Array, capSumMw: number, outMw: Float64Array, count: number): number {
  if (!(remainingMw > 0 && capSumMw > 0)) {
    outMw.fill(0, 0, count);
    return remainingMw;
  }
  const dispatchedMw = Math.min(remainingMw, capSumMw);
  const fraction = dispatchedMw / capSumMw;
  for (let j = 0; j < count; j++) outMw[j] = capMw[j] * fraction;
  return dispatchedMw === remainingMw ? 0 : remainingMw - capSumMw;
}

/** What is left of an hour's demand as the steps serve it, and the clean energy that has reached the load, MW. */
export interface HourFlow {
  /** Demand not yet served, MW. */
  remainingMw: number;
  /** Clean MW that has reached the load so far. */
  cleanToLoadMw: number;
}

/**
 * Step 4: discharge the batteries in hour `h` for `flow.remainingMw`, pro rata to their MW, each up to its MW and its
 * stored energy; each battery's MW delivered into `b.shareMw` (0 when none). The delivered energy is clean in each battery's stored clean
 * fraction, added battery by battery to `flow.cleanToLoadMw`; `flow.remainingMw` becomes the MW still unmet.
 */
export function dischargeBatteries(b: Batteries, h: number, flow: HourFlow): void {
  const remainingMw = flow.remainingMw;
  for (let s = 0; s < b.count; s++) b.capMw[s] = h < b.firstHour[s] ? 0 : Math.min(b.mw[s], b.storedMwh[s]);
  const deliveredMw = shareProRata(remainingMw, b.mw, b.capMw, b.shareMw, b.fixed, b.count);
  for (let s = 0; s < b.count; s++) {
    const d = b.shareMw[s];
    if (d <= 0) {
      b.shareMw[s] = 0; // a battery that delivers nothing records 0
      continue;
    }
    const stored = b.storedMwh[s];
    const cleanPart = stored > 0 ? d * (b.cleanStoredMwh[s] / stored) : 0;
    flow.cleanToLoadMw += cleanPart;
    b.storedMwh[s] = Math.max(0, stored - d);
    b.cleanStoredMwh[s] = Math.min(b.storedMwh[s], Math.max(0, b.cleanStoredMwh[s] - cleanPart));
  }
  flow.remainingMw = deliveredMw === remainingMw ? 0 : remainingMw - deliveredMw;
}

/** Energy stored in all the batteries, MWh (summed in their order). */
export function totalStoredMwh(b: Batteries): number {
  let e = 0;
  for (let s = 0; s < b.count; s++) e += b.storedMwh[s];
  return e;
}

/**
 * Whether the batteries ended the year where they started it (`startMwh`, `startCleanMwh`: the state at the
 * year's start), to 1e-9 of each one's capacity: then the year wraps and another pass changes nothing.
 */
export function batteriesWrapped(b: Batteries, startMwh: Float64Array, startCleanMwh: Float64Array): boolean {
  let wrapped = true;
  for (let s = 0; s < b.count; s++) {
    const tol = 1e-9 * b.energyMwh[s];
    if (Math.abs(b.storedMwh[s] - startMwh[s]) > tol || Math.abs(b.cleanStoredMwh[s] - startCleanMwh[s]) > tol) wrapped = false;
  }
  return wrapped;
}

/** A shortfall at most this fraction of the hour's demand is float residue and counts as served. */
export const UNSERVED_RESIDUE = 1e-9;

/** Step 5: the hour's unserved MW: what is left, or 0 when it is at most UNSERVED_RESIDUE of the demand. */
export function unservedMw(remainingMw: number, demandMw: number): number {
  return remainingMw <= UNSERVED_RESIDUE * demandMw ? 0 : remainingMw;
}
