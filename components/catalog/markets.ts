/**
 * Built-in electricity markets and their capacity accreditation by generation source. Accreditation belongs to the
 * market (the share of a plant's MW its resource-adequacy rules count as firm), not to the technology alone.
 */
import type { MarketSpec } from "./marketSchema";

const CHECKED = "2026-11-25";

/** The electricity markets the catalog starts with, and what each accredits as firm. */
export const BUILTIN_MARKETS: readonly MarketSpec[] = [
  {
    id: "pjm",
    description: "PJM Interconnection (Ohio and 12 other states): ELCC class ratings of the capacity auction",
    accreditation: { "nuclear": 0.95, "gas-ccgt": 0.74, "gas-turbine": 0.61, "wind-onshore": 0.41, "solar-utility": 0.08, "battery-4h": 0.58 },
    source: {
      title: "PJM, 2027/2028 Base Residual Auction ELCC class ratings (PJM 2025 ELCC/RRS report, table 24; PDF of 2025-08-01)",
      url: "https://www.pjm.com/planning/resource-adequacy-planning/effective-load-carrying-capability",
      checked: CHECKED,
      note: "solar-utility is single-axis tracking (8 %; fixed tilt 7 %); 2026/27 ratings were nuclear 95, gas CC 74, CT 60, wind 41, tracking solar 11, 4-h storage 50 %. Read from a page-cited transcription of PJM's PDFs, agreeing with renewafi.com (2025-06-25) on wind",
    },
    hubPrice: {
      hub: "PJM load-weighted average real-time LMP",
      usdPerMwh: { low: 33.74, base: 50.51, high: 60 },
      source: {
        title: "Monitoring Analytics (PJM's market monitor): load-weighted average LMP $33.74/MWh in 2024 (RTO Insider, 2025-03-13), $50.51 in January-September 2025 (+47 %; third-news, 2025-11)",
        url: "https://rtowww.com/100674-pjm-market-monitor-publishes-mixed-views-annual-report", checked: "2026-12-07",
        note: "the RTO-wide average: the AEP-Dayton and PJM West hub averages were not found; high +19 % over 2025 (assumption). An annual average: a solar plant's capture price is lower",
      },
    },
  },
  {
    id: "miso",
    description: "Midcontinent ISO (Louisiana in MISO South): Direct Loss of Load (DLOL) accreditation from planning year 2028/29",
    accreditation: { "nuclear": 0.8, "gas-ccgt": 0.7, "gas-turbine": 0.7, "wind-onshore": 0.12, "solar-utility": 0.01 },
    source: {
      title: "MISO DLOL accreditation (FERC docket ER24-1638, filed 2024-03-28, effective PY 2028/29); preliminary class averages, RTO Insider, August 2023",
      url: "https://www.troutmanenergyreport.com/2024/04/miso-submits-ferc-filing-seeking-to-reform-resource-accreditation-requirements/",
      checked: CHECKED,
      note: "the lowest season of each preliminary class range (gas 89-70 %, nuclear 91-80 %, wind 18-12 %, solar 37-1 %), because a data-centre load is flat through the year and firm power must hold in every season; MISO's pre-DLOL PY 2025/26 credits were wind 20.8 % (summer) and new solar 50 % summer / 5 % winter. No class figure for batteries: storage contracts in MISO state their firmFraction",
    },
    hubPrice: {
      hub: "MISO average real-time LMP",
      usdPerMwh: { low: 30, base: 41, high: 55 },
      source: {
        title: "MISO real-time LMP averaged $41/MWh in February 2025 (against $22 a year earlier) and about $42 in January 2025 (RTO Insider)",
        url: "https://rtowww.com/?p=101504", checked: "2026-12-07",
        note: "monthly figures only: no annual Louisiana hub average was found; the range (−27 %, +34 %) is an assumption spanning 2024's lower prices and 2025's rise",
      },
    },
  },
  {
    id: "ercot",
    description: "ERCOT (most of Texas): an energy-only market, no capacity accreditation; large loads curtailable in an energy emergency (Texas SB 6)",
    accreditation: {},
    source: {
      title: "Texas SB 6 (89th Legislature, signed 2025-06-20): loads of 75 MW or more disclose on-site backup generation able to serve at least 50 % of their demand; in an energy emergency ERCOT may direct them to deploy it or curtail; Potomac Economics, 2024 State of the Market (via RTO Insider)",
      url: "https://capitol.texas.gov/tlodocs/89R/billtext/html/SB00006F.htm", checked: "2026-12-07",
      note: "ERCOT runs no capacity market and accredits no generation: a generator contract in ERCOT states its firmFraction (its units with the largest out). Firm grid service to a large load is firm except in an energy emergency, when SB 6 lets ERCOT curtail it or have its backup deployed: backup able to serve half the campus keeps it running (National Law Review 2025-07-08; Mondaq: the powers are limited and conditional)",
    },
    largeLoadCurtailment: {
      minLoadMw: 75, backupShareOfLoad: 0.5,
      source: {
        title: "Texas SB 6 (89th Legislature, signed 2025-06-20), Utilities Code §39.169 and §37.0561: large loads (75 MW or more) disclose on-site backup generation able to serve at least 50 % of their demand; ERCOT may direct such a load to deploy it, or curtail it, in an energy emergency",
        url: "https://capitol.texas.gov/tlodocs/89R/billtext/html/SB00006F.htm", checked: "2026-12-07",
        note: "modelled as: in an emergency only the campus's own firm supply (on-site generation and storage) carries it, and the rule emergency-power checks that it carries the 50 % SB 6 names; which loads ERCOT curtails first, and for how long, is left to ERCOT's procedures (PUCT rulemaking, not modelled). The threshold is not applied by the model: every AI campus is far above 75 MW, and a stack scaled down for a plan stands for its full size",
      },
    },
    hubPrice: {
      hub: "ERCOT average real-time price (North hub day-ahead for the range)",
      usdPerMwh: { low: 27.33, base: 32, high: 55.5 },
      source: {
        title: "Potomac Economics, ERCOT 2024 State of the Market: average real-time price $32/MWh, down about 52 % (RTO Insider); E3, ERCOT Year-End Snapshot 2024-12-23: North hub day-ahead $55.50 (2023) to $27.33 (2024)",
        url: "https://ethree.com/ercot-snapshot-2024", checked: "2026-12-07",
        note: "2025's annual average was not found; the range spans 2023-2024",
      },
    },
  },
  {
    id: "spp",
    description: "Southwest Power Pool: planning reserve margins of 16 % (summer) and 36 % (winter); ELCC and performance-based accreditation approved 2025",
    accreditation: {},
    source: {
      title: "SPP planning reserve margin 16 % summer (from 2026) and 36 % winter (from 2026/27), RR622 (SPP Board, 2024-08-06, RTO Insider); FERC approved SPP's ELCC (wind, solar, storage) and performance-based (thermal) accreditation 2025-07-18 (APPA)",
      url: "https://www.publicpower.org/periodical/article/ferc-approvals-spp-proposals-advance-regional-resource-adequacy", checked: "2026-12-07",
      note: "the class ELCC percentages were not found (2026-12): a generator contract in SPP states its firmFraction",
    },
  },
  {
    id: "caiso",
    description: "California ISO: resource adequacy bought bilaterally under CPUC rules (slice of day)",
    accreditation: {},
    source: {
      title: "CPUC resource adequacy: 15 % planning reserve margin before slice of day (WSGR, 2023); RA prices $3.63/kW-month in 2019, above $60 in summer 2023 (CalCCA)",
      url: "https://cal-cca.org/resource-adequacy/", checked: "2026-12-07",
      note: "the CPUC's qualifying-capacity counting by technology was not found (2026-12): a generator contract in CAISO states its firmFraction",
    },
  },
  {
    id: "behind-the-meter",
    description: "On-site generation not connected to a grid (islanded): no market accredits it",
    accreditation: {},
    islanded: true,
    source: {
      title: "No market accreditation applies behind the meter",
      checked: CHECKED,
      note: "an islanded plant is as firm as its units with the largest out (N+1): its contracts state firmFraction from the plant's spare units",
    },
  },
];
