/** Args, validation and footprint of a power contract. */
import { z } from "zod";
import { catalog } from "../catalog";
import { deliverableEnergyMwh, firmCapacityMw } from "../physics";
import { numberIn, wholeNumberIn } from "./ranges";
import { lookup, parseArgs, Subject } from "./validate";

export interface PowerContractArgs {
  /** Who supplies the power (utility, generator, developer). */
  counterparty: string;
  /** Generation source id from the catalog, e.g. `"nuclear"`, `"gas-ccgt"`, `"grid-pjm-ohio"`. */
  source: string;
  /** Contracted capacity, MW (above 0, up to 100,000). */
  contractedMw: number;
  /** Share of contracted MW that counts as firm, 0-1 (e.g. a firm-delivery clause). @default the source's capacity accreditation */
  firmFraction?: number;
  /** Average output / contracted MW over a year, 0-1. @default the source's capacity factor */
  capacityFactor?: number;
  /** Carbon intensity of the delivered energy, gCO2e/kWh. @default the source's */
  carbonIntensityGPerKwh?: number;
  /** First year of delivery (2000 to 2100). @default none: the contract's term is not reported */
  startYear?: number;
  /** Term, years (1 to 60). @default none: no end year is reported */
  termYears?: number;
  /** Energy price, USD/MWh (-1,000 to 10,000). @default none: no price is reported */
  priceUsdPerMwh?: number;
}

export interface PowerContractFootprint {
  counterparty: string;
  source: string;
  contractedMw: number;
  firmFraction: number;
  firmMw: number;
  capacityFactor: number;
  deliverableEnergyMwhPerYear: number;
  carbonIntensityGPerKwh: number;
  dispatchable: boolean;
  clean: boolean;
  /** How the source delivers hour by hour (flat, solar, wind, dispatchable, storage). */
  hourlyProfile: string;
  /** Storage: hours of discharge at contracted MW. */
  storageHours?: number;
  startYear?: number;
  endYear?: number;
  priceUsdPerMwh?: number;
}

const schema = z.strictObject({
  counterparty: z.string({ error: "the counterparty's name" }).min(1, { error: "the counterparty's name" }),
  source: z.string({ error: "a generation source id (string)" }),
  contractedMw: numberIn(0, 100_000, "MW", true),
  firmFraction: numberIn(0, 1).optional(),
  capacityFactor: numberIn(0, 1).optional(),
  carbonIntensityGPerKwh: numberIn(0, 2000, "gCO2e/kWh").optional(),
  startYear: wholeNumberIn(2000, 2100).optional(),
  termYears: wholeNumberIn(1, 60).optional(),
  priceUsdPerMwh: numberIn(-1000, 10_000, "USD/MWh").optional(),
});

export function powerContractModel(rawArgs: PowerContractArgs, subject: Subject): PowerContractFootprint {
  const args = parseArgs(schema, rawArgs, subject);
  const source = lookup(catalog.generationSources, args.source, "source", subject);
  const firmFraction = args.firmFraction ?? source.firmFraction;
  const capacityFactor = args.capacityFactor ?? source.capacityFactor;
  return {
    counterparty: args.counterparty,
    source: source.id,
    contractedMw: args.contractedMw,
    firmFraction,
    firmMw: firmCapacityMw(args.contractedMw, firmFraction),
    capacityFactor,
    deliverableEnergyMwhPerYear: deliverableEnergyMwh(args.contractedMw, capacityFactor),
    carbonIntensityGPerKwh: args.carbonIntensityGPerKwh ?? source.carbonIntensityGPerKwh,
    dispatchable: source.dispatchable,
    clean: source.clean,
    hourlyProfile: source.hourlyProfile,
    ...(source.storageHours === undefined ? {} : { storageHours: source.storageHours }),
    startYear: args.startYear,
    endYear: args.startYear !== undefined && args.termYears !== undefined ? args.startYear + args.termYears - 1 : undefined,
    priceUsdPerMwh: args.priceUsdPerMwh,
  };
}
