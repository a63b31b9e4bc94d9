/** Built-in site climates: the design temperatures that limit heat rejection. */
import type { ClimateSpec } from "./climateSchema";

const CHECKED = "2026-11-25";
const ASHRAE = "ASHRAE Handbook Fundamentals, climatic design conditions (0.4 % cooling dry bulb, 0.4 % evaporation wet bulb)";

export const BUILTIN_CLIMATES: readonly ClimateSpec[] = [
  {
    id: "central-ohio", description: "Central Ohio (Columbus / New Albany), humid continental", designDryBulbC: 32, designWetBulbC: 24,
    source: { title: `${ASHRAE}, Columbus Port Columbus Intl AP`, checked: CHECKED, note: "rounded; approximate values, check against the current handbook" },
  },
  {
    id: "north-louisiana", description: "North-east Louisiana (Richland Parish / Monroe), humid subtropical", designDryBulbC: 35, designWetBulbC: 27,
    source: { title: `${ASHRAE}, Monroe Regional AP`, checked: CHECKED, note: "rounded; approximate values, check against the current handbook" },
  },
  {
    id: "temperate-generic", description: "Generic temperate site, for examples and tests", designDryBulbC: 30, designWetBulbC: 22,
    source: { title: "aicluster assumption for examples", checked: CHECKED, note: "not a real site: use a named climate for real plans" },
  },
];
