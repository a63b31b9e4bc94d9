/**
 * A campus described at full size, and how it shrinks: the scale multiplies rack counts, contracted MW, permits and
 * cooling-unit sizes together, so a scaled-down stack keeps the full-size shape (same halls, contracts and plant unit
 * counts) and ratios (GPUs per MW, water per MWh, firm MW per facility MW).
 */
import type { CampusArgs, CampusHallArgs, CampusPowerContractArgs } from "../components";
import type { PlantDesignArgs } from "../components/model/coolingPlant";
import type { Financing } from "../components/costs/campusCost";

/** A hall at full size: one rack design, split into groups (rows or pods) of identical racks. */
export interface PlannedHall {
  name: string;
  /** Build phase that adds the hall (1 = first); `aicluster:phase` keeps the halls of phases up to it. */
  phase: number;
  /** First calendar year the hall runs. */
  onlineYear: number;
  design: string;
  /** Racks in the hall at full size. */
  rackCount: number;
  supplyTempC?: number;
  maxRackKw?: number;
  /** Distribution losses as a share of IT load (lower with 800 V DC distribution). @default the hall's default */
  electricalLossFraction?: number;
  /** Plant design; `unitCapacityKw` is the full-size unit and shrinks with the scale. */
  cooling: PlantDesignArgs & { unitCapacityKw: number };
}

/** A power contract at full size; `contractedMw` shrinks with the scale. */
export interface PlannedContract extends CampusPowerContractArgs {
  /** Build phase from which the contract delivers. */
  phase: number;
}

/** A site budget that grows with the build phases. */
export interface PhasedBudget {
  phase: number;
  /** Full-size value. */
  value: number;
}

export interface SitePlan {
  /** Campus resource name. */
  name: string;
  location: string;
  climate: string;
  /** Market whose accreditation applies to contracts that name none. @default none (a site without an organised market: each generator contract names its market or firmFraction) */
  market?: string;
  /** First year of the planning horizon (the first hall's year). */
  horizonStartYear: number;
  /** Last year of the horizon when planning up to each phase, first phase first: `aicluster:phase` cuts the horizon. */
  phaseEndYears: number[];
  halls: PlannedHall[];
  powerContracts: PlannedContract[];
  /** Annual water permit by phase, m³/yr at full size. */
  waterPermitM3PerYear: PhasedBudget[];
  /** Daily water cap by phase, m³/day at full size. @default none */
  dailyWaterCapM3?: PhasedBudget[];
  /** A partner funding part of the facility (shares, rates and years do not scale; a stated debt, USD, scales with the campus). @default none */
  financing?: Financing;
}

export interface ScaleOptions {
  /** Fraction of the full size, above 0 and up to 1. */
  scale: number;
  /** Build phase (1 to the plan's last). */
  phase: number;
  /** Multiplies the racks of every hall while budgets, contracts and plants stay as scaled. @default 1 */
  gpuDensityFactor?: number;
  /** Largest number of racks in one rack group (one resource). */
  racksPerGroup: number;
}

export interface ScaledCampus {
  args: CampusArgs;
  /** Racks built / racks at full size (before the density factor): what budgets were multiplied by. */
  builtScale: number;
}

/** Racks of a hall at a scale: at least one, so every hall of the full-size plan exists. */
export function scaledRackCount(fullRackCount: number, factor: number): number {
  return Math.max(1, Math.round(fullRackCount * factor));
}

/** Splits `rackCount` racks into groups of at most `racksPerGroup` (the last one takes the rest). */
export function rackGroupSizes(rackCount: number, racksPerGroup: number): number[] {
  const full = Math.floor(rackCount / racksPerGroup);
  const rest = rackCount - full * racksPerGroup;
  return [...Array<number>(full).fill(racksPerGroup), ...(rest > 0 ? [rest] : [])];
}

/** The last phase's budget value at or before `phase`. */
export function budgetAt(budgets: readonly PhasedBudget[], phase: number): number | undefined {
  return budgets.filter((b) => b.phase <= phase).sort((a, b) => b.phase - a.phase)[0]?.value;
}

export function lastPhase(plan: SitePlan): number {
  return plan.phaseEndYears.length;
}

function scaledHall(hall: PlannedHall, o: ScaleOptions): { args: CampusHallArgs; builtRacks: number } {
  const builtRacks = scaledRackCount(hall.rackCount, o.scale);
  const rackCount = scaledRackCount(hall.rackCount, o.scale * (o.gpuDensityFactor ?? 1));
  const sizes = rackGroupSizes(rackCount, o.racksPerGroup);
  const width = Math.max(3, String(sizes.length).length);
  const hallScale = builtRacks / hall.rackCount;
  return {
    builtRacks,
    args: {
      name: hall.name,
      racks: sizes.map((n, i) => ({
        name: `row-${String(i + 1).padStart(width, "0")}`,
        design: hall.design,
        rackCount: n,
        ...(hall.supplyTempC === undefined ? {} : { supplyTempC: hall.supplyTempC }),
      })),
      onlineYear: hall.onlineYear,
      ...(hall.maxRackKw === undefined ? {} : { maxRackKw: hall.maxRackKw }),
      ...(hall.electricalLossFraction === undefined ? {} : { electricalLossFraction: hall.electricalLossFraction }),
      // The unit shrinks with the hall, so the plant keeps its full-size unit count.
      cooling: { ...hall.cooling, unitCapacityKw: hall.cooling.unitCapacityKw * hallScale },
    },
  };
}

/** Campus args for a phase at a scale. */
export function scaleSitePlan(plan: SitePlan, o: ScaleOptions): ScaledCampus {
  const halls = plan.halls.filter((h) => h.phase <= o.phase).map((h) => ({ full: h.rackCount, ...scaledHall(h, o) }));
  const builtScale = halls.reduce((s, h) => s + h.builtRacks, 0) / halls.reduce((s, h) => s + h.full, 0);
  const permit = budgetAt(plan.waterPermitM3PerYear, o.phase);
  const dailyCap = plan.dailyWaterCapM3 && budgetAt(plan.dailyWaterCapM3, o.phase);
  return {
    builtScale,
    args: {
      location: plan.location,
      climate: plan.climate,
      ...(plan.market === undefined ? {} : { market: plan.market }),
      onlineYear: plan.horizonStartYear,
      horizonEndYear: plan.phaseEndYears[o.phase - 1],
      ...(permit === undefined ? {} : { waterPermitM3PerYear: permit * builtScale }),
      ...(dailyCap === undefined ? {} : { dailyWaterCapM3: dailyCap * builtScale }),
      // A stated debt is money for the full-size campus: it shrinks with the racks built, as the capex does.
      ...(plan.financing === undefined ? {} : { financing: { ...plan.financing, ...(plan.financing.debtUsd === undefined ? {} : { debtUsd: plan.financing.debtUsd * builtScale }) } }),
      halls: halls.map((h) => h.args),
      powerContracts: plan.powerContracts
        .filter((c) => c.phase <= o.phase)
        .map(({ phase: _phase, ...c }) => ({
          ...c,
          contractedMw: c.contractedMw * builtScale,
          ...(c.ramp ? { ramp: c.ramp.map((step) => ({ ...step, contractedMw: step.contractedMw * builtScale })) } : {}),
        })),
    },
  };
}
