/**
 * Built-in site climates: the design temperatures that limit heat rejection, and the monthly normals, variability and
 * location the hourly weather year is generated from (components/weather).
 */
import type { ClimateSpec } from "./climateSchema";
import { celsiusFromFList } from "./fahrenheit";
import { AI_SITE_CLIMATES } from "./climatesAiSites";

const CHECKED = "2026-11-25";

const fromF = celsiusFromFList;

const NOAA_NORMALS = "NOAA NCEI U.S. Climate Normals 1991-2020 (monthly mean daily maximum and minimum), https://www.ncei.noaa.gov/products/land-based-station/us-climate-normals";
const ASHRAE_TABLES =
  "ASHRAE Handbook Fundamentals climatic design conditions (station tables as reproduced in the CRC Press companion tables, K10576 companion CD, https://www.crcpress.com/downloads/K14361/K10576_Companion_CD.zip; 2009-edition values)";
const VARIABILITY_NOTE =
  "variability (day-to-day standard deviation of the daily temperature and dew-point anomalies per season, lag-one persistence 0.7) is an aicluster assumption sized to typical mid-latitude values (a few K, largest in winter, smallest in summer), not a published figure; the generator maps the hottest hours onto the design values whatever it is";

/** The site climates the catalog starts with: real sites (ASHRAE design conditions, NOAA normals) and a generic temperate site for examples. */
export const BUILTIN_CLIMATES: readonly ClimateSpec[] = [
  {
    id: "central-ohio",
    description: "Central Ohio (Columbus / New Albany), humid continental",
    // ASHRAE, Columbus Int'l Airport (WMO 724280, 40.00 N 82.88 W, 249 m, 98.37 kPa): cooling DB 0.4 % 32.4, 1 % 31.1;
    // evaporation WB 0.4 % 24.7, 1 % 23.9 °C.
    designDryBulbC: 32.4,
    designWetBulbC: 24.7,
    designDryBulb1C: 31.1,
    designWetBulb1C: 23.9,
    // The site (New Albany) at the station's elevation, which sets the pressure the design wet bulbs were computed at.
    location: { latitudeDeg: 40.08, longitudeDeg: -82.81, utcOffsetHours: -5, elevationM: 249 },
    normals: {
      // Columbus John Glenn Intl (KCMH, GHCN USW00014821), °F: max 37.6 41.6 51.7 64.3 73.8 81.9 85.3 84.1 77.8 65.6 52.9 42.1
      dailyMaxC: fromF([37.6, 41.6, 51.7, 64.3, 73.8, 81.9, 85.3, 84.1, 77.8, 65.6, 52.9, 42.1]),
      // min 23.2 25.5 32.9 43.0 53.1 62.0 65.8 64.2 56.5 45.1 35.4 28.1
      dailyMinC: fromF([23.2, 25.5, 32.9, 43.0, 53.1, 62.0, 65.8, 64.2, 56.5, 45.1, 35.4, 28.1]),
      // Mean dew point, °F (see the source note: not found as a published 1991-2020 normal; sized).
      dewPointC: fromF([19.5, 21.5, 29, 37.5, 48.5, 58.5, 62.5, 61.5, 55, 42.5, 34, 24.5]),
    },
    variability: { dryBulbSdK: { winter: 5, spring: 4.5, summer: 2.2, autumn: 4 }, dewPointSdK: { winter: 4.5, spring: 4, summer: 3.2, autumn: 3.5 }, persistence: 0.7 },
    source: {
      title: `${ASHRAE_TABLES}, Columbus Int'l Airport; ${NOAA_NORMALS}, Columbus John Glenn Intl (KCMH)`,
      url: "https://www.ncei.noaa.gov/products/land-based-station/us-climate-normals",
      checked: CHECKED,
      note:
        "Design values: ASHRAE table row for Columbus Int'l Airport (0.4 %/1 % cooling DB 32.4/31.1 °C, 0.4 %/1 % evaporation WB 24.7/23.9 °C), the 2009 edition's figures as found; the 2013/2017/2021 rows for WMO 724280 were searched for again on 2026-11-25 (handbook tables, ASHRAE climatic design conditions pages, DDY/STAT files) and not found, so they are kept and may differ from the current edition by a few tenths. " +
        "Normals: NOAA 1991-2020 monthly normals for KCMH as tabulated from the normals (the NCEI table itself was not reachable from here), spot-checked against NWS Wilmington climate reports (CLMCMH September 2025: normal average maximum 77.8 °F, minimum 56.5 °F, https://kamala.cod.edu/oh/latest.cxus51.KILN.html; CLICMH daily normals, https://forecast.weather.gov/product.php?site=NWS&issuedby=CMH&product=CLI). " +
        "Mean dew points NOT FOUND: no published monthly mean dew point for KCMH was found (searched again 2026-11-25: NCEI 1991-2020 normals, LCD annual summaries, TMY3/EPW files for WMO 724280, climate summaries); sized (not checked against a published table) at about 19 °F in January to 62 °F in July, the order of the older NCDC mean dew points for Columbus, 3-4 °F below the mean minimum in summer and consistent with the ASHRAE 0.4 % dew point of 23.0 °C; replace with NOAA LCD or TMY3 monthly means when checked. " +
        `Location: New Albany, Ohio (site) at the KCMH station elevation. ${VARIABILITY_NOTE}.`,
    },
  },
  {
    id: "north-louisiana",
    description: "North-east Louisiana (Richland Parish / Monroe), humid subtropical",
    designDryBulbC: 35.8,
    designWetBulbC: 27,
    designDryBulb1C: 35,
    designWetBulb1C: 26.5,
    // The site (Holly Ridge, Richland Parish) at the Monroe Regional station's elevation (24 m, ASHRAE table).
    location: { latitudeDeg: 32.48, longitudeDeg: -91.69, utcOffsetHours: -6, elevationM: 24 },
    normals: {
      // Monroe Regional Airport (KMLU, GHCN USW00013942), °F: max 57.9 62.3 70.3 77.6 85.0 91.0 93.4 93.6 88.4 78.9 67.4 59.4
      dailyMaxC: fromF([57.9, 62.3, 70.3, 77.6, 85.0, 91.0, 93.4, 93.6, 88.4, 78.9, 67.4, 59.4]),
      // min 37.3 40.6 47.6 54.8 63.8 71.0 73.6 72.6 66.6 55.2 45.0 39.2
      dailyMinC: fromF([37.3, 40.6, 47.6, 54.8, 63.8, 71.0, 73.6, 72.6, 66.6, 55.2, 45.0, 39.2]),
      // Mean dew point, °F: June-August set to the published 1973-2021 summer mean (71.5 °F, KNOE, see the source note), each
      // month 0.9 °F below its mean minimum; the other months sized.
      dewPointC: fromF([36, 39, 45, 53, 61, 70.1, 72.7, 71.7, 64, 53, 44, 38]),
    },
    variability: { dryBulbSdK: { winter: 4.5, spring: 3.5, summer: 1.8, autumn: 3 }, dewPointSdK: { winter: 4.5, spring: 3.5, summer: 2.2, autumn: 3.5 }, persistence: 0.7 },
    source: {
      title: `${NOAA_NORMALS}, Monroe Regional Airport (KMLU); ASHRAE Handbook Fundamentals climatic design conditions, Monroe Regional AP (cooling values sized, see note); KNOE, "Summer 2021 was most humid since 2016, more humid than average" (summer mean dew point)`,
      url: "https://www.ncei.noaa.gov/products/land-based-station/us-climate-normals",
      checked: CHECKED,
      note:
        "Normals: NOAA 1991-2020 monthly normals for KMLU as tabulated from the normals (the NCEI table itself was not reachable from here), spot-checked against NWS Shreveport daily climate reports (CLIMLU daily normals 58/37 °F on 29 January, 75/52 °F on 5 April, 88/67 °F on 31 May, 86/62 °F on 27 September, https://kamala.cod.edu/offs/KSHV/). " +
        "Design values NOT FOUND: the ASHRAE cooling table row for Monroe (2009, 2013, 2017 or 2021 edition) was not found in any source reachable from here (searched again 2026-11-25: the CRC Press companion tables https://www.crcpress.com/downloads/K14361/K10576_Companion_CD.zip hold only Monroe's heating and extremes row, WMO 722486, 32.52 N 92.03 W, 24 m, 101.04 kPa, mean annual extreme maximum 37.3 °C; their Louisiana cooling table, the station's DDY/STAT files and the ASHRAE 2017/2021 rows were not found). " +
        "So the four cooling values are sized, not published figures: 0.4 % cooling DB 35.8 °C and 0.4 % evaporation WB 27.0 °C from the commonly quoted ASHRAE values for Monroe (35-36 °C, about 27 °C), bounded above by the table's mean annual extreme maximum of 37.3 °C; the 1 % values 0.8 K (DB) and 0.5 K (WB) lower, the 0.4 %-to-1 % gaps of ASHRAE rows for humid southern U.S. stations; check against the current handbook. " +
        "Mean dew points: no published 1991-2020 monthly mean dew point normal was found (nor an LCD, TMY3 or EPW table for KMLU readable from here). June-August are set from a published seasonal figure: KNOE-TV's analysis of Monroe Regional Airport's hourly dew points, 1973-2021, gives an average June-August dew point of about 71.5 °F (KNOE, 23 September 2021, https://www.knoe.com/2021/09/23/summer-2021-was-most-humid-since-2016-more-humid-than-average/); each summer month is set 0.9 °F below its 1991-2020 mean minimum (70.1, 72.7, 71.7 °F), the gap at which the three average 71.5 °F (a different period from the 1991-2020 normals, and a station analysis by a TV meteorologist, not an NCEI normal). " +
        "The other nine months remain sized, not checked against a published table: from the monthly mean minimum temperatures (Gulf-moist air: the mean dew point 2-3 °F below the mean minimum in May and September, 1-2 °F below in winter) and the humid-subtropical annual cycle (about 36 °F in January). " +
        `Location: Holly Ridge, Richland Parish (site) at the KMLU station elevation. ${VARIABILITY_NOTE}.`,
    },
  },
  {
    id: "temperate-generic",
    description: "Generic temperate site, for examples and tests",
    designDryBulbC: 30,
    designWetBulbC: 22,
    designDryBulb1C: 28.8,
    designWetBulb1C: 21.2,
    location: { latitudeDeg: 45, longitudeDeg: 0, utcOffsetHours: 0, elevationM: 100 },
    normals: {
      dailyMaxC: [5, 7, 11, 15, 19, 23, 26, 25.5, 22, 16, 10, 6],
      dailyMinC: [-2, -1.5, 1, 4, 8, 12, 14, 13.5, 10.5, 7, 3, 0],
      dewPointC: [-3, -2.5, 0, 3, 7.5, 12, 14.5, 14.5, 11.5, 6.5, 2, -1.5],
    },
    variability: { dryBulbSdK: { winter: 4, spring: 3.5, summer: 3.5, autumn: 3.5 }, dewPointSdK: { winter: 3.5, spring: 3, summer: 3.5, autumn: 3 }, persistence: 0.7 },
    source: {
      title: "aicluster assumption for examples",
      checked: CHECKED,
      note:
        "not a real site: use a named climate for real plans. Plausible mid-latitude (45 N, 100 m, UTC+0) normals: winter highs about 5 °C, summer highs about 26 °C, a 7-12 K daily range, mean dew points 1-3 K below the mean minimum; design values 30/28.8 °C dry bulb and 22/21.2 °C wet bulb (0.4 %/1 %) chosen to match them. " +
        `${VARIABILITY_NOTE}.`,
    },
  },
  ...AI_SITE_CLIMATES,
];
