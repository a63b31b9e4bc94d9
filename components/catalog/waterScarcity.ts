/**
 * Built-in water scarcity per site (by climate id): AWARE 2.0 factors for non-agricultural consumption, by month, of
 * the site's state, and the basin's WRI Aqueduct baseline water stress where a source gives it.
 */
import type { BaselineWaterStress, WaterScarcitySpec } from "./waterScarcitySchema";

const CHECKED = "2026-12-07";

const AWARE_TITLE =
  "AWARE 2.0 country and region aggregations (Seitfudem, Berger, Müller Schmied & Boulay, \"The updated and improved method for water scarcity impact assessment in LCA, AWARE2.0\", Journal of Industrial Ecology, data set 0.0.3, doi:10.5281/zenodo.8215864), workbook AWARE20_Countries_and_Regions.xlsx of 2024-07-09, sheet CFs_nonagri";
const AWARE_URL = "https://doi.org/10.5281/zenodo.8215864";
const AWARE_NOTE =
  "Factors for non-agricultural (non-irrigation) consumption, m³ world-equivalent per m³ consumed, for the state as an ecoinvent geography (the state's basins averaged by their 2019 non-agricultural water demand, sheet pHWC_nonagri); " +
  "the workbook was read from the copy in github.com/Laboratory-for-Energy-Systems-Analysis/edges (dev/AWARE/AWARE 2.0/, commit d4507b8, sha256 e81a4369…f328) on 2026-12-07. " +
  "The site's own basin was not resolved: the basin-level factors (AWARE20_Native_CFs.xlsx) are keyed by basin id and the basin geometry was not reachable here, so a site drawing on one river can differ a lot from its state's average (a state factor is a demand-weighted mean over wet and dry basins). " +
  "A plant's consumption is its evaporation (make-up minus blowdown, which returns to the basin through the sewer); water consumed in a month counts at that month's factor.";

/**
 * Aqueduct 3.0 (2019) state categories, as read from the Washington Post's graphic of WRI's state ranking
 * ("Mapping the strain on our water", 2019-08-06): a press rendering, not WRI's file. Aqueduct 4.0's state rows
 * (Aqueduct40_rankings_download_Y2023M07D05.xlsx, sheet province_baseline) were found only for Arizona; the
 * sub-basin scores at the sites were not found (searched: WRI's repositories, whose data files were absent from the
 * copies reachable here; GitHub copies of the rankings; packages bundling Aqueduct data).
 */
const AQUEDUCT_30_PRESS = "Baseline water stress: Aqueduct 3.0 (2019) state category as shown in the Washington Post graphic \"Mapping the strain on our water\" (2019-08-06) of WRI's state ranking, a press rendering of WRI's figures (weak: read from a chart); Aqueduct 4.0 state and sub-basin values for this site were not found.";
const AQUEDUCT_40_AZ = "Baseline water stress: Aqueduct 4.0 (2023-07-05) province ranking for Arizona (USA.3_1), sheet province_baseline, indicator bws, weight Tot: score 4.392, category 4 'Extremely High (>80%)' (4.423 with industrial weights), read from an unmodified JSON export of WRI's workbook in github.com/NicoliFelip/DataCenter_Analises data/water_stress_province_baseline.json (commit 33aced3); the LA Times (2023-08-16) reports Arizona ranked first in the U.S. for water stress. The sub-basin scores at Phoenix, Mesa and Goodyear were not found.";

/** The state's factors as the workbook gives them: [annual, Jan … Dec]; the baseline water stress with its source note. */
function aware(id: string, region: string, annualAndMonths: readonly number[], place: string, stress?: { value: BaselineWaterStress; note: string }): WaterScarcitySpec {
  const [annual, ...months] = annualAndMonths;
  const stressNote = stress?.note ?? "Baseline water stress: no Aqueduct category was found for this state or site (Aqueduct 3.0 graphic readings disagree; 4.0 rows not found).";
  return {
    id,
    awareRegion: region,
    annualM3WorldEqPerM3: annual,
    monthlyM3WorldEqPerM3: months,
    ...(stress === undefined ? {} : { baselineWaterStress: stress.value }),
    source: { title: `${AWARE_TITLE}, ${region}`, url: AWARE_URL, checked: CHECKED, note: `${AWARE_NOTE} ${place} ${stressNote}` },
  };
}

/** An Aqueduct 3.0 state category from the press graphic. */
const press30 = (category: BaselineWaterStress["category"]) => ({ value: { category, scope: "state" as const, aqueductVersion: "3.0" as const }, note: AQUEDUCT_30_PRESS });

/** AWARE 2.0, sheet CFs_nonagri, columns Annual, Jan … Dec, rows by ecoinvent short name. */
const US_OH = [1.22, 0.732, 0.748, 0.627, 0.633, 0.674, 0.979, 1.36, 1.85, 2.24, 2.09, 1.73, 0.982];
const US_LA = [0.359, 0.256, 0.24, 0.185, 0.205, 0.209, 0.262, 0.322, 0.423, 0.579, 0.631, 0.597, 0.392];
const US_TX = [13.5, 12.4, 12.9, 12.4, 13.2, 12.4, 13.9, 13.2, 17.2, 15.3, 13.3, 12.3, 12.8];
const US_AZ = [99.4, 99.3, 99.4, 99.5, 99.4, 99.4, 99.4, 100, 99.9, 99.2, 99.3, 99.4, 99.3];
const US_VA = [1.62, 0.847, 0.735, 0.596, 0.8, 0.99, 1.36, 2.25, 3.07, 3.05, 2.74, 1.8, 1.08];
const US_WA = [1.53, 0.501, 0.546, 0.503, 0.534, 0.652, 0.936, 2.01, 3.95, 4.72, 2.39, 0.917, 0.581];
const US_GA = [1.78, 0.787, 0.725, 0.611, 0.897, 1.25, 1.99, 2.14, 2.89, 3.51, 3.1, 2.3, 1.07];
const US_IA = [3.4, 3.29, 3.23, 2.24, 2.48, 3.09, 4.04, 3.26, 3.75, 4.06, 4.17, 4.03, 3.21];

/** The sites the catalog knows water scarcity for (the generic example site has none: a plan there lists it as not known). */
export const BUILTIN_WATER_SCARCITY: readonly WaterScarcitySpec[] = [
  aware("central-ohio", "US-OH", US_OH, "New Albany draws on the Scioto / Big Walnut basins of central Ohio.", press30("low-medium")),
  aware("north-louisiana", "US-LA", US_LA, "Richland Parish lies between the Ouachita and Mississippi basins.", press30("low-medium")),
  aware("abilene-tx", "US-TX", US_TX, "Abilene draws on local reservoirs of the Brazos basin (Fort Phantom Hill, Hubbard Creek, O.H. Ivie), in a region of recurrent drought restrictions: the state average may understate it.", press30("medium-high")),
  aware("phoenix-az", "US-AZ", US_AZ, "Phoenix draws on the Salt / Verde rivers, the Colorado (Central Arizona Project) and groundwater; AWARE's Arizona factor is at the method's cap of 100 most months.", {
    value: { category: "extremely-high", score: 4.39, scope: "state", aqueductVersion: "4.0" }, note: AQUEDUCT_40_AZ,
  }),
  aware("loudoun-va", "US-VA", US_VA, "Loudoun draws on the Potomac and Goose Creek; Loudoun Water also sells reclaimed water for cooling.", press30("medium-high")),
  aware("quincy-wa", "US-WA", US_WA, "Quincy draws groundwater and reuses treated industrial water, in the Columbia basin; Washington's factor peaks in August-September (3.95, 4.72).", press30("low")),
  aware("newton-county-ga", "US-GA", US_GA, "Newton County draws on the Alcovy River and Lake Varner (Ocmulgee basin)."),
  aware("council-bluffs-ia", "US-IA", US_IA, "Council Bluffs draws on the Missouri River and its alluvial aquifer; Nebraska, across the river, has a factor of 34.3.", press30("low")),
];
