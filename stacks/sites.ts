/**
 * Sites a stack's campus design can be planned at (`aicluster:site`), and the cooling it can be planned with
 * (`aicluster:cooling`): one design, several sites, side by side with `npm run compare` (docs/guide.md, "Site
 * comparison"). A site is the catalog's climate (weather, water price, water scarcity), the market that accredits
 * contracts naming none, and the grid service there (carbon, price); everything else of the design stays.
 */
import { catalog } from "../components/catalog";
import type { SitePlan } from "./sitePlan";

export interface Site {
  /** Where the campus is, as the plan states it. */
  location: string;
  /** Climate id (also the water price's and water scarcity's). */
  climate: string;
  /** Market id; none where no organised market accredits capacity (vertically integrated utilities). */
  market?: string;
  /** The generation source of the grid service there, which replaces the design's grid service. */
  gridSource: string;
}

/** The sites, by climate id. */
export const SITES: Readonly<Record<string, Site>> = {
  "central-ohio": { location: "New Albany, Ohio", climate: "central-ohio", market: "pjm", gridSource: "grid-pjm-ohio" },
  "north-louisiana": { location: "Richland Parish, Louisiana", climate: "north-louisiana", market: "miso", gridSource: "grid-miso-louisiana" },
  "abilene-tx": { location: "Abilene, Texas", climate: "abilene-tx", market: "ercot", gridSource: "grid-ercot" },
  // Arizona's utilities (APS, SRP) are vertically integrated in WECC: no organised capacity market.
  "phoenix-az": { location: "Mesa, Arizona", climate: "phoenix-az", gridSource: "grid-arizona" },
  "loudoun-va": { location: "Ashburn, Virginia", climate: "loudoun-va", market: "pjm", gridSource: "grid-pjm-dominion" },
  // Grant County PUD, in the Northwest's bilateral market (no RTO).
  "quincy-wa": { location: "Quincy, Washington", climate: "quincy-wa", gridSource: "grid-northwest" },
  // Georgia Power, vertically integrated (SERC, no RTO).
  "newton-county-ga": { location: "Stanton Springs, Georgia", climate: "newton-county-ga", gridSource: "grid-georgia" },
  // MidAmerican Energy, in MISO.
  "council-bluffs-ia": { location: "Council Bluffs, Iowa", climate: "council-bluffs-ia", market: "miso", gridSource: "grid-miso-iowa" },
};

/**
 * The design at another site: its location, climate and market become the site's, and every grid-service contract
 * buys the site's grid service instead (same MW, years and ramp). Contracts that name their own market keep it
 * (behind-the-meter generation is the same anywhere); on-site generation derates with the new site's weather.
 */
export function atSite(plan: SitePlan, site: Site): SitePlan {
  const { market: _market, ...rest } = plan;
  return {
    ...rest,
    location: site.location,
    climate: site.climate,
    ...(site.market === undefined ? {} : { market: site.market }),
    powerContracts: plan.powerContracts.map((c) =>
      catalog.generationSources.has(c.source) && catalog.generationSources.get(c.source).gridService
        ? { ...c, source: site.gridSource, counterparty: `grid service at ${site.location}` }
        : c),
  };
}

/** The design with every hall's heat rejected by `technology` (a catalog cooling technology id); unit sizes and redundancy stay. */
export function withCooling(plan: SitePlan, technology: string): SitePlan {
  return { ...plan, halls: plan.halls.map((h) => ({ ...h, cooling: { ...h.cooling, technology } })) };
}
