/**
 * Carbon of the energy a campus takes: location-based (each contract's energy at its own intensity), the clean and
 * hourly carbon-free shares, and market-based (certificates of virtual clean PPAs covering grid energy of their
 * market; GHG Protocol Scope 2 Guidance, 2015). hours/supply.ts and years/ledger.ts compose these.
 */
import { GRAMS_PER_TONNE, KWH_PER_MWH } from "./constants";
import { requireInRange } from "./guard";

/** tCO2e per (MWh × gCO2e/kWh): 1,000 kWh/MWh ÷ 1e6 g/t. */
const TCO2_PER_MWH_G_PER_KWH = KWH_PER_MWH / GRAMS_PER_TONNE;

/**
 * Emissions of an amount of energy, tCO2e: MWh × gCO2e/kWh × (1,000 kWh/MWh ÷ 1e6 g/t).
 * @param energyMwh energy taken, MWh, >= 0
 * @param intensityGPerKwh carbon intensity of that energy, gCO2e/kWh, >= 0
 */
export function emissionsTco2(energyMwh: number, intensityGPerKwh: number): number {
  requireInRange("energyMwh", energyMwh, 0);
  requireInRange("intensityGPerKwh", intensityGPerKwh, 0);
  return energyMwh * intensityGPerKwh * TCO2_PER_MWH_G_PER_KWH;
}

/** Carbon per kWh consumed, gCO2e/kWh: tCO2e × 1e6 g/t ÷ (MWh × 1,000 kWh/MWh); 0 when nothing was consumed. */
export function carbonIntensityGPerKwh(carbonTco2: number, consumedMwh: number): number {
  return consumedMwh > 0 ? (carbonTco2 * GRAMS_PER_TONNE) / (consumedMwh * KWH_PER_MWH) : 0;
}

/** part / whole as a share, 0-1 (0 when the whole is 0): summation order can put a ratio a few ulps above 1. */
function shareOf(part: number, whole: number): number {
  return whole > 0 ? Math.min(1, part / whole) : 0;
}

/** Clean share of the energy taken from the non-storage contracts, 0-1: clean MWh ÷ MWh taken (an annual accounting). */
export function cleanShare(cleanMwh: number, takenMwh: number): number {
  return shareOf(cleanMwh, takenMwh);
}

/** Clean MW that counts as carbon-free in an hour: the clean MW reaching the load, at most the hour's demand MW. */
export function carbonFreeMw(cleanToLoadMw: number, demandMw: number): number {
  return Math.min(cleanToLoadMw, demandMw);
}

/**
 * Hourly-matched carbon-free share, 0-1 (Google's "24/7 CFE"): Σ_h min(clean_h, demand_h) ÷ Σ_h demand_h, from the
 * carbon-free MWh (Σ of carbonFreeMw over the hours) and the demand MWh over the same hours; 0 with no demand.
 */
export function carbonFreeShare(carbonFreeMwh: number, demandMwh: number): number {
  return shareOf(carbonFreeMwh, demandMwh);
}

/** One market's grid energy and certificates, with their carbon (MWh and tCO2e); mutated as certificates cover energy. */
export interface MarketLedger {
  /** Grid-connected fossil energy the campus takes in the market, MWh. */
  energyMwh: number;
  /** Its location-based carbon, tCO2e. */
  energyTco2: number;
  /** Certificates of virtual PPAs in the market, MWh (their generation). */
  certificatesMwh: number;
  /** The carbon of the certificates' source, tCO2e. */
  certificateTco2: number;
}

/** What certificates covered: MWh of energy covered and tCO2e avoided (energy's intensity − certificates', >= 0). */
export interface CertificateCover {
  /** Energy the certificates covered, MWh. */
  coveredMwh: number;
  /** Carbon avoided by the cover, tCO2e. */
  avoidedTco2: number;
}

/**
 * Cover `energy` with `certs` (up to the smaller of the two, MWh): the covered energy counts at the certificates'
 * intensity instead of its own. Takes the covered MWh and their carbon off both; adds to `cover`.
 */
function coverWith(energy: MarketLedger, certs: MarketLedger, cover: CertificateCover): void {
  const covered = Math.min(certs.certificatesMwh, energy.energyMwh);
  if (!(covered > 0)) return;
  const energyPerMwh = energy.energyTco2 / energy.energyMwh;
  const certificatePerMwh = certs.certificateTco2 / certs.certificatesMwh;
  cover.coveredMwh += covered;
  cover.avoidedTco2 += covered * Math.max(0, energyPerMwh - certificatePerMwh);
  energy.energyTco2 -= covered * energyPerMwh;
  energy.energyMwh -= covered;
  certs.certificateTco2 -= covered * certificatePerMwh;
  certs.certificatesMwh -= covered;
}

/**
 * Certificates cover grid energy of their own market first; then the unmarked ledger (key "": a contract naming no
 * market, a grid service on an unmarked campus) matches any market, both ways, in the map's order. Mutates the
 * ledgers; returns the MWh covered and the tCO2e avoided.
 */
export function coverWithCertificates(byMarket: Map<string, MarketLedger>): CertificateCover {
  const cover: CertificateCover = { coveredMwh: 0, avoidedTco2: 0 };
  for (const b of byMarket.values()) coverWith(b, b, cover);
  const unmarked = byMarket.get("");
  if (unmarked) {
    for (const [key, b] of byMarket) {
      if (key === "") continue;
      coverWith(unmarked, b, cover);
      coverWith(b, unmarked, cover);
    }
  }
  return cover;
}

/** Market-based carbon, tCO2e: the location-based carbon less what certificates avoided, at least 0. */
export function marketBasedTco2(locationTco2: number, avoidedTco2: number): number {
  return Math.max(0, locationTco2 - avoidedTco2);
}

/** gCO2e/kWh per (tCO2e/MWh): 1e6 g/t ÷ 1,000 kWh/MWh. */
const G_PER_KWH_PER_TCO2_PER_MWH = GRAMS_PER_TONNE / KWH_PER_MWH;

/**
 * Market-based carbon per kWh consumed, gCO2e/kWh: tCO2e × 1,000 ÷ MWh; 0 when nothing was consumed. The same
 * quantity as {@link carbonIntensityGPerKwh}, multiplied in the order the ledger has always used: either order for
 * both moves the last digit of one published figure (Hyperion's market intensity, or both stacks' location
 * intensity), so the two stay apart until a change may move figures.
 */
export function marketCarbonIntensityGPerKwh(marketTco2: number, consumedMwh: number): number {
  return consumedMwh > 0 ? (marketTco2 * G_PER_KWH_PER_TCO2_PER_MWH) / consumedMwh : 0;
}
