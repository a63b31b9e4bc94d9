/**
 * Where a campus's series go once it is created: to the run that asked for them, by URN. The model keeps nothing
 * (see ./plan.ts); a run of the checker opens a sink for its own duration (`collectSeries`), and every Campus created
 * inside that run, in its async context, hands its series to it under its URN. Outside a run (a user's `pulumi up`)
 * there is no sink and nothing is kept. Under the real engine the checker runs in another process than the program,
 * so the sink there is the hand-off folder the checker names in AICLUSTER_HOURS_HANDOFF (./hoursHandoff.ts).
 *
 * The sink is found through AsyncLocalStorage, not a module variable, so two runs in one process never see each
 * other's campuses; the one AsyncLocalStorage is held under a `Symbol.for` key, so a program's own copy of this
 * package (its node_modules) hands its series to the checker's run as this copy does.
 */
import { AsyncLocalStorage } from "node:async_hooks";
import { handOffSinkFromEnv } from "./hoursHandoff";
import type { CampusSeries, PlannedCampus } from "./plan";

/** What receives the series of each campus a run creates. */
export interface SeriesSink {
  /**
   * Keeps `series` under the campus's URN (a promise under Pulumi, where the URN resolves after registration), and the
   * campus's whole plan when the caller hands it (a confidence run re-plans from its args and catalog; releases before
   * it hand the series alone).
   */
  keep(urn: PromiseLike<string> | string, series: CampusSeries, plan?: PlannedCampus): void;
}

/** The series (and plans) of one run's campuses by URN, once every URN has resolved. */
export class SeriesByUrn implements SeriesSink {
  private readonly byUrn = new Map<string, CampusSeries>();
  private readonly plansByUrn = new Map<string, PlannedCampus>();
  private readonly pending: PromiseLike<void>[] = [];

  keep(urn: PromiseLike<string> | string, series: CampusSeries, plan?: PlannedCampus): void {
    const put = (u: string) => {
      this.byUrn.set(u, series);
      if (plan) this.plansByUrn.set(u, plan);
    };
    if (typeof urn === "string") put(urn);
    else this.pending.push(Promise.resolve(urn).then(put));
  }

  /** Every series kept, by URN, after the URNs handed over as promises have resolved. */
  async settled(): Promise<ReadonlyMap<string, CampusSeries>> {
    await Promise.all(this.pending);
    return this.byUrn;
  }

  /** Every plan handed over, by URN, after the URNs have resolved. */
  async plans(): Promise<ReadonlyMap<string, PlannedCampus>> {
    await Promise.all(this.pending);
    return this.plansByUrn;
  }
}

const CURRENT = Symbol.for("pulumi-aicluster.seriesSink");
const current: AsyncLocalStorage<SeriesSink> = ((globalThis as Record<symbol, unknown>)[CURRENT] ??= new AsyncLocalStorage<SeriesSink>()) as AsyncLocalStorage<SeriesSink>;

/** Runs `fn` with `sink` receiving the series of every campus created in it (and in the async work it starts). */
export function collectSeries<T>(sink: SeriesSink, fn: () => T): T {
  return current.run(sink, fn);
}

/** The sink of the run this code is part of: the checker's, else the hand-off folder it named, else none. */
export function seriesSinkHere(): SeriesSink | undefined {
  return current.getStore() ?? handOffSinkFromEnv();
}
