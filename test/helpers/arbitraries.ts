/**
 * fast-check arbitraries of VALID campuses: everything generated here is input the model accepts, built from the
 * built-in catalog (rack designs, cooling technologies, generation sources, climates). Names are `h<i>` for halls,
 * `g<j>` for rack groups and `p<k>` for power contracts, so no two children's joined names (`<campus>-h0-g0`,
 * `<campus>-h0-cooling`, `<campus>-p0`) can collide.
 */
import fc from "fast-check";
import { BUILTIN_CLIMATES, BUILTIN_COOLING_TECHNOLOGIES, BUILTIN_GENERATION_SOURCES, BUILTIN_RACK_DESIGNS } from "../../components/catalog";
import type { CoolingTechnologySpec, RackDesignSpec } from "../../components/catalog";
import type { CampusArgs, CampusHallArgs, CampusPowerContractArgs } from "../../components/model/campus";
import { dataHallModel, HallDesignArgs, HallRackGroupArgs } from "../../components/model/dataHall";
import type { PlantDesignArgs } from "../../components/model/coolingPlant";
import { REDUNDANCY_SCHEMES } from "../../components/physics";

/** An integer from the environment (FC_SEED, FC_RUNS, ...), or the fallback when unset. */
export function envInt(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === "") return fallback;
  const n = Number(raw);
  if (!Number.isSafeInteger(n)) throw new Error(`${name}=${raw}: expected an integer`);
  return n;
}

/** The seed every property test runs with (FC_SEED overrides it), so a failure reproduces. */
export const SEED = envInt("FC_SEED", 20261125);

/** A finite double in [min, max] (fast-check spreads doubles over the exponent range, so small values are frequent). */
export function between(min: number, max: number): fc.Arbitrary<number> {
  return fc.double({ min, max, noNaN: true, noDefaultInfinity: true });
}

export const LIQUID_DESIGNS: readonly RackDesignSpec[] = BUILTIN_RACK_DESIGNS.filter((d) => d.cooling === "liquid");
export const AIR_DESIGNS: readonly RackDesignSpec[] = BUILTIN_RACK_DESIGNS.filter((d) => d.cooling === "air");
export const NON_DISPATCHABLE_SOURCES = BUILTIN_GENERATION_SOURCES.filter((s) => !s.dispatchable).map((s) => s.id);
export const DISPATCHABLE_SOURCES = BUILTIN_GENERATION_SOURCES.filter((s) => s.dispatchable).map((s) => s.id);

/** One rack group (without its name) of a built-in design; liquid-only fields only for liquid designs, within the design's range. */
export function rackGroupArb(design: RackDesignSpec): fc.Arbitrary<Omit<HallRackGroupArgs, "name">> {
  const common = {
    design: fc.constant(design.id),
    rackCount: fc.integer({ min: 1, max: 200 }),
    // Fewer nodes than the design's slots only lowers the rack's load, so the rating still holds.
    nodesPerRack: fc.integer({ min: 1, max: design.nodesPerRack }),
  };
  if (design.cooling === "air") return fc.record(common, { requiredKeys: ["design", "rackCount"] });
  return fc.record(
    {
      ...common,
      supplyTempC: between(design.minSupplyTempC, design.maxSupplyTempC),
      deltaTK: between(4, 20),
      // Sometimes below the default 1.2 × heat to liquid, so the cdu-capacity rule sees both verdicts.
      cduCapacityKwPerRack: between(1, 200),
    },
    { requiredKeys: ["design", "rackCount"] },
  );
}

/** Any built-in rack design, liquid and air equally often. */
export const anyRackGroupArb: fc.Arbitrary<Omit<HallRackGroupArgs, "name">> = fc
  .oneof(fc.constantFrom(...LIQUID_DESIGNS), fc.constantFrom(...AIR_DESIGNS))
  .chain(rackGroupArb);

/** A plant design without explicit units (those depend on the hall's heat load, see hallArb). */
function plantArb(tech: CoolingTechnologySpec) {
  const [minPower, maxPower] = tech.powerKwPerKwHeatRange;
  return fc.record(
    {
      technology: fc.constant(tech.id),
      redundancy: fc.constantFrom(...REDUNDANCY_SCHEMES),
      unitCapacityKw: between(100, 5000),
      powerKwPerKwHeat: between(minPower, maxPower),
      /** Units beyond the fewest that carry the heat load, or undefined: the model sizes the plant. */
      spareUnits: fc.integer({ min: 0, max: 3 }),
    },
    { requiredKeys: ["technology", "redundancy"] },
  );
}

/** The hall's heat load, which does not depend on its plant: what explicit units must carry. */
function heatLoadKw(hall: CampusHallArgs): number {
  const { cooling: _cooling, name: _name, ...withoutPlant }: HallDesignArgs & { name: string } = hall;
  return dataHallModel(withoutPlant, { type: "aicluster:index:DataHall", name: "arbitrary" }).heatLoadKw;
}

/** A hall named `h<index>` with 1-4 rack groups `g0..g3` and a plant of a built-in technology. */
export function hallArb(index: number): fc.Arbitrary<CampusHallArgs> {
  return fc
    .record(
      {
        racks: fc.array(anyRackGroupArb, { minLength: 1, maxLength: 4 }),
        plant: fc.constantFrom(...BUILTIN_COOLING_TECHNOLOGIES).chain(plantArb),
        utilisation: between(0.05, 1),
        electricalLossFraction: between(0, 0.5),
        airHandlingKwPerKwHeat: between(0, 0.5),
        cduPumpKwPerKwHeat: between(0, 0.2),
        networkWPerGpu: between(0, 1000),
        maxRackKw: between(20, 200),
      },
      { requiredKeys: ["racks", "plant"] },
    )
    .map(({ racks, plant, ...knobs }) => {
      const hall: CampusHallArgs = { name: `h${index}`, ...knobs, racks: racks.map((g, j) => ({ name: `g${j}`, ...g })) };
      const { spareUnits, ...cooling } = plant;
      const design: PlantDesignArgs = cooling;
      if (spareUnits !== undefined) {
        // Explicit units must carry the heat load (the model rejects fewer): the fewest that do, plus spares.
        const unitKw = cooling.unitCapacityKw ?? BUILTIN_COOLING_TECHNOLOGIES.find((t) => t.id === cooling.technology)!.defaultUnitCapacityKw;
        const heat = heatLoadKw(hall);
        let units = Math.max(1, Math.ceil(heat / unitKw));
        while (units * unitKw < heat) units++;
        design.units = units + spareUnits;
      }
      return { ...hall, cooling: design };
    });
}

/** A power contract `p<index>` from any built-in source, 0.1-500 MW. */
export function contractArb(index: number, sources: readonly string[] = BUILTIN_GENERATION_SOURCES.map((s) => s.id)): fc.Arbitrary<CampusPowerContractArgs> {
  return fc.record({
    name: fc.constant(`p${index}`),
    counterparty: fc.constant(`counterparty ${index}`),
    source: fc.constantFrom(...sources),
    contractedMw: between(0.1, 500),
  });
}

/**
 * 1-4 contracts; the first is non-dispatchable (nuclear, wind, solar) half the time and the rest are any source,
 * so a variable source oversupplying the campus next to dispatchable ones is common.
 */
export const contractsArb: fc.Arbitrary<CampusPowerContractArgs[]> = fc.integer({ min: 1, max: 4 }).chain((n) =>
  fc.tuple(
    fc.oneof(contractArb(0, NON_DISPATCHABLE_SOURCES), contractArb(0)),
    ...Array.from({ length: n - 1 }, (_, i) => fc.oneof(contractArb(i + 1, DISPATCHABLE_SOURCES), contractArb(i + 1))),
  ),
);

/** A valid campus: 1-3 halls, 1-4 power contracts, a built-in climate, optional permit, daily cap and online year. */
export const campusArb: fc.Arbitrary<CampusArgs> = fc
  .record(
    {
      halls: fc.integer({ min: 1, max: 3 }).chain((n) => fc.tuple(...Array.from({ length: n }, (_, i) => hallArb(i)))),
      powerContracts: contractsArb,
      climate: fc.constantFrom(...BUILTIN_CLIMATES.map((c) => c.id)),
      market: fc.constant("pjm"), // MISO accredits no battery class: a random battery there would need firmFraction
      onlineYear: fc.integer({ min: 2000, max: 2100 }),
      waterPermitM3PerYear: between(0, 5e6),
      dailyWaterCapM3: between(0, 5e4),
    },
    { requiredKeys: ["halls", "powerContracts", "climate", "market"] },
  )
  .map((c) => ({ location: "Somewhere, Ohio", ...c }));

/** A campus with every rack count doubled, and every explicit plant's units doubled (unit capacity kept). */
export function doubled(campus: CampusArgs): CampusArgs {
  return {
    ...campus,
    halls: campus.halls.map((h) => ({
      ...h,
      racks: h.racks.map((g) => ({ ...g, rackCount: g.rackCount * 2 })),
      cooling: h.cooling && { ...h.cooling, ...(h.cooling.units !== undefined ? { units: h.cooling.units * 2 } : {}) },
    })),
  };
}
