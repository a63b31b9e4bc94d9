/**
 * Built-in water scarcity per site (by climate id): AWARE 2.0 factors for non-agricultural consumption, by month, of
 * the site's state, and the basin's WRI Aqueduct baseline water stress where a source gives it.
 */
import type { WaterScarcitySpec } from "./waterScarcitySchema";

const CHECKED = "2026-12-07";

const AWARE_TITLE =
  "AWARE 2.0 country and region aggregations (Seitfudem, Berger, Müller Schmied & Boulay, \"The updated and improved method for water scarcity impact assessment in LCA, AWARE2.0\", Journal of Industrial Ecology, data set 0.0.3, doi:10.5281/zenodo.8215864), workbook AWARE20_Countries_and_Regions.xlsx of 2024-07-09, sheet CFs_nonagri";
const AWARE_URL = "https://doi.org/10.5281/zenodo.8215864";
const AWARE_NOTE =
  "Factors for non-agricultural (non-irrigation) consumption, m³ world-equivalent per m³ consumed, for the state as an ecoinvent geography (the state's basins averaged by their 2019 non-agricultural water demand, sheet pHWC_nonagri); " +
  "the workbook was read from the copy in github.com/Laboratory-for-Energy-Systems-Analysis/edges (dev/AWARE/AWARE 2.0/, commit d4507b8, sha256 e81a4369…f328) on 2026-12-07. " +
  "The site's own basin was not resolved: the basin-level factors (AWARE20_Native_CFs.xlsx) are keyed by basin id and the basin geometry was not reachable here, so a site drawing on one river can differ a lot from its state's average (a state factor is a demand-weighted mean over wet and dry basins). " +
  "A plant's consumption is its evaporation (make-up minus blowdown, which returns to the basin through the sewer); water consumed in a month counts at that month's factor.";

/** The state's factors as the workbook gives them: [annual, Jan … Dec]. */
function aware(id: string, region: string, annualAndMonths: readonly number[], more = ""): WaterScarcitySpec {
  const [annual, ...months] = annualAndMonths;
  return {
    id,
    awareRegion: region,
    annualM3WorldEqPerM3: annual,
    monthlyM3WorldEqPerM3: months,
    source: { title: `${AWARE_TITLE}, ${region}`, url: AWARE_URL, checked: CHECKED, note: `${AWARE_NOTE}${more ? ` ${more}` : ""}` },
  };
}

/** AWARE 2.0, sheet CFs_nonagri, columns Annual, Jan … Dec, rows by ecoinvent short name. */
const US_OH = [1.22, 0.732, 0.748, 0.627, 0.633, 0.674, 0.979, 1.36, 1.85, 2.24, 2.09, 1.73, 0.982];
const US_LA = [0.359, 0.256, 0.24, 0.185, 0.205, 0.209, 0.262, 0.322, 0.423, 0.579, 0.631, 0.597, 0.392];

/** The sites the catalog knows water scarcity for (the generic example site has none: a plan there lists it as not known). */
export const BUILTIN_WATER_SCARCITY: readonly WaterScarcitySpec[] = [
  aware("central-ohio", "US-OH", US_OH, "New Albany draws on the Scioto / Big Walnut basins of central Ohio."),
  aware("north-louisiana", "US-LA", US_LA, "Richland Parish lies between the Ouachita and Mississippi basins."),
];
