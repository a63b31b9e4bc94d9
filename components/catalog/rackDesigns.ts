/** Built-in rack designs: what a rack holds, what it is rated for, and where its heat goes. */
import type { FigureRange } from "./figureRange";
import type { CduSpec, RackDesignSpec } from "./schema";

const CHECKED = "2026-11-25";
const ASHRAE_W = "ASHRAE TC 9.9 liquid cooling classes W17-W45 bound the facility-water supply";

/*
 * NVLink 5 switch tray (GB200/GB300 NVL72: 9 trays, 2 NVLink Switch ASICs each): switchPowerW 400 W typical. The
 * published figures disagree; 400 W is the only one with a named vendor source and it agrees with NVIDIA's measured ASIC power.
 */
const NVLINK5_SWITCH_SOURCES =
  "NVLink switch trays: introl.com GB300 NVL72 article citing Supermicro (9 trays 3.6 kW total); NVIDIA NVOS User Manual v25.02.5002, ASIC and Power Profiles Commands (about 200 W per ASIC); NVIDIA Dynamic Power Software runbook, Run the MaxLPS Power Pilot (11,160 W static for 9 trays)";
const NVLINK5_SWITCH_NOTE =
  "NVLink switch tray 400 W typical, range 400 W to 1,240 W: Supermicro (via introl.com) 3.6 kW for 9 trays = 400 W each; NVIDIA NVOS example output about 200 W per switch ASIC (203 W and 196 W), 2 ASICs per tray = about 400 W of switch silicon (silicon only: the tray's fans, management CPU and VRM losses come on top, so Supermicro's 400 W per tray is a typical figure, not a peak); " +
  "NVIDIA's Dynamic Power Software runbook provisions 11,160 W static for all 9 trays = 1,240 W per tray, a worst-case budget for power capping, not typical draw; " +
  "the earlier 800 W had no named source (it only reproduces SemiAnalysis's 123.6 kW rack total: 18 × 6.3 kW + 9 × 0.8 kW = 120.6 kW at 97.6 % conversion)";

/** NVLink 5 switch tray power, typical to worst-case: the high end where the rack's rating allows it (see each rack). */
const NVLINK5_SWITCH_RANGE_NOTE =
  "Supermicro 400 W per tray typical (3.6 kW for 9 trays, via introl.com's GB300 NVL72 article) to NVIDIA's 1,240 W provisioning budget per tray (Dynamic Power Software runbook, MaxLPS Power Pilot: 11,160 W static for 9 trays)";

/** Liquid capture of the NVL72 Blackwell racks: the vendor range cited in their source note. */
const NVL72_LIQUID_CAPTURE_RANGE: FigureRange = {
  low: 0.8, high: 0.9,
  note: "vendor range 80-90 % of rack heat to liquid for GB200/GB300 NVL72 (introl.com NVL72 deployment article, Vertiv/Schneider NVL72 reference designs); HPE's data sheet, 115 of 132 kW to liquid = 87 %, lies within it",
};

/*
 * CDU heat-exchanger approach (rack-loop supply minus facility-water supply). The same figure for every built-in
 * liquid-cooled design: they are deployed with row or in-rack liquid-to-liquid CDUs of the same class, and no rack
 * vendor publishes its own.
 */
const LIQUID_TO_LIQUID_CDU: CduSpec = {
  approachK: 3,
  source: {
    title: "STULZ USA, CDU specifications for liquid cooling (citing the rating conditions proposed by ASHRAE TC 9.9); resistancezero.com CDU commissioning checklist (approach 3-5 °C: Boyd 3 °C, CoolIT 5 °C)",
    url: "https://blog.stulz-usa.com/cdu-specifications-for-liquid-cooling",
    checked: CHECKED,
    note:
      "approach of the CDU's plate heat exchanger, typically at most 3 °C at rated flow per STULZ (ASHRAE TC 9.9's proposed CDU rating conditions); " +
      "a third-party commissioning checklist gives 3-5 °C across vendors (Boyd 3 °C, CoolIT 5 °C), which the vendors' own datasheets were not checked against here. " +
      "3 K is the tight end: a CDU selected at 5 K (or fouled) needs facility water 2 K colder, which a hall sets with its cduApproachK arg",
  },
};

/** The CDU approach across vendors (rack field "cdu.approachK"), for every liquid-cooled design deployed with {@link LIQUID_TO_LIQUID_CDU}. */
const CDU_APPROACH_RANGE: FigureRange = {
  low: 3, high: 5,
  note: "resistancezero.com CDU commissioning checklist: approach 3-5 °C across vendors (Boyd 3 °C, CoolIT 5 °C); STULZ (ASHRAE TC 9.9's proposed rating conditions) typically at most 3 °C at rated flow, the low end",
};

/** The rack designs the catalog starts with, each citing its source for power, fill and cooling. */
export const BUILTIN_RACK_DESIGNS: readonly RackDesignSpec[] = [
  {
    id: "gb200-nvl72", description: "NVIDIA GB200 NVL72: 18 compute trays, 9 NVLink switch trays, 48 V power shelves, liquid-cooled",
    nodeDesignId: "gb200-nvl72-tray", nodesPerRack: 18, switchesPerRack: 9, switchPowerW: 400, rackOverheadW: 1000,
    powerConversionEfficiency: 0.975, ratedKw: 132, cooling: "liquid", liquidCaptureFraction: 0.85, minSupplyTempC: 17, maxSupplyTempC: 45, cdu: LIQUID_TO_LIQUID_CDU,
    ranges: {
      switchPowerW: { low: 400, high: 1240, note: `${NVLINK5_SWITCH_RANGE_NOTE}; with 1,240 W trays the default fill draws 128.8 kW, within the 132 kW rating` },
      liquidCaptureFraction: NVL72_LIQUID_CAPTURE_RANGE,
      "cdu.approachK": CDU_APPROACH_RANGE,
    },
    source: {
      title: `NVIDIA GB200 NVL72 page (about 120 kW, up to 132 kW per rack); introl.com NVL72 deployment article; Vertiv/Schneider NVL72 reference designs; ${NVLINK5_SWITCH_SOURCES}`, url: "https://www.nvidia.com/en-us/data-center/gb200-nvl72/", checked: CHECKED,
      note: `${NVLINK5_SWITCH_NOTE}; default fill (18 × 6,300 + 9 × 400 + 1,000) W / 0.975 = 121.0 kW (about 120 kW nominal, NVIDIA/ServeTheHome; 128.8 kW with 1,240 W trays, within 132 kW); assumptions: management and misc 1 kW, power shelves 97.5 % efficient, 85 % of heat to liquid (vendor range 80-90 %; HPE data sheet 115 of 132 kW liquid = 87 %); ${ASHRAE_W}`,
    },
  },
  {
    id: "gb300-nvl72", description: "NVIDIA GB300 NVL72: 18 compute trays, 9 NVLink switch trays, 48 V power shelves, liquid-cooled",
    nodeDesignId: "gb300-nvl72-tray", nodesPerRack: 18, switchesPerRack: 9, switchPowerW: 400, rackOverheadW: 1000,
    powerConversionEfficiency: 0.975, ratedKw: 142, cooling: "liquid", liquidCaptureFraction: 0.85, minSupplyTempC: 17, maxSupplyTempC: 45, cdu: LIQUID_TO_LIQUID_CDU,
    ranges: {
      switchPowerW: {
        low: 400, high: 1072,
        note: `${NVLINK5_SWITCH_RANGE_NOTE}, capped at 1,072 W: the most the 142 kW rating (NVIDIA Enterprise Reference Architecture) powers at the default fill, (142 kW × 0.975 − 18 × 7,100 W − 1,000 W) / 9 = 1,072 W; 1,240 W trays would draw 143.5 kW (the budget and the trays' maxima are not reached together)`,
      },
      liquidCaptureFraction: NVL72_LIQUID_CAPTURE_RANGE,
      "cdu.approachK": CDU_APPROACH_RANGE,
    },
    source: {
      title: `NVIDIA GB300 NVL72 page; introl.com GB300 article (8 power shelves, 132 kW DC output); NVIDIA Enterprise Reference Architecture NVL72 AI Factory (up to 142 kW); vendor reference designs 135-142 kW; ${NVLINK5_SWITCH_SOURCES}`, url: "https://www.nvidia.com/en-us/data-center/gb300-nvl72/", checked: CHECKED,
      note: `${NVLINK5_SWITCH_NOTE}; default fill (18 × 7,100 + 9 × 400 + 1,000) W / 0.975 = 135.8 kW (Supermicro 132-140 kW typical, NVIDIA up to 142 kW); with 1,240 W trays it would be 143.5 kW, above the 142 kW rating: the provisioning budget and the trays' maxima are not reached together; other assumptions as for gb200-nvl72; ${ASHRAE_W}`,
    },
  },
  {
    id: "vera-rubin-nvl72", description: "NVIDIA Vera Rubin NVL72 (called NVL144 before CES 2026): 18 compute trays, 9 NVLink 6 switch trays, 50 V power shelves, fanless, 100 % liquid-cooled",
    nodeDesignId: "vera-rubin-nvl72-tray", nodesPerRack: 18, switchesPerRack: 9, switchPowerW: 800, rackOverheadW: 1000,
    powerConversionEfficiency: 0.975, ratedKw: 230, cooling: "liquid", liquidCaptureFraction: 0.95, minSupplyTempC: 17, maxSupplyTempC: 45, cdu: LIQUID_TO_LIQUID_CDU,
    ranges: {
      switchPowerW: {
        low: 400, high: 1205,
        note: "NVLink 6 tray, no published figure: 400 W (Supermicro's typical NVLink 5 tray, via introl.com) up to 2 × NVIDIA's 1,240 W NVLink 5 provisioning budget (Dynamic Power Software runbook) = 2,480 W, capped at 1,205 W: the most the 230 kW Max-P rating powers at the default fill, (230 kW × 0.975 − 18 × 11,800 W − 1,000 W) / 9 = 1,205 W",
      },
      liquidCaptureFraction: {
        low: 0.95, high: 1,
        note: "NVIDIA's Rubin/DSX reference design blog (via news.warptechlab.com): every chip and networking component liquid-cooled, no fans, so 100 % at most; 95 % leaves the power shelves' conversion loss and convection from manifolds and hoses to room air",
      },
      "cdu.approachK": CDU_APPROACH_RANGE,
    },
    source: {
      title: "NVIDIA blog on the Rubin/DSX reference design, June 2026, republished at news.warptechlab.com (coolant up to 45 °C, 100 % liquid, no fans); Vera Rubin NVL72 Max-P TDP about 227 kW, 4 × 110 kW power shelves (analyst post, Computex 2026); TrendForce via cloudnews.tech (about 225 kW); Vera Rubin Decoded Pt. 5 (180-220 kW, 415-480 VAC to 50 V shelves); The Next Platform, CES 2026 (NVL72 naming)",
      url: "https://developer.nvidia.com/blog/inside-the-nvidia-rubin-platform-six-new-chips-one-ai-supercomputer/", checked: CHECKED,
      note:
        "naming: the same rack was announced as Vera Rubin NVL144 at GTC 2025 (counting GPU dies) and marketed as Vera Rubin NVL72 from CES 2026 (72 GPU packages = 144 dies, 36 Vera CPUs); volume shipments H2 2026. " +
        "ratedKw 230: about 230 kW at maximum performance (Max-P; planning range 190-230 kW from Max-Q to Max-P, about 227 kW Max-P TDP, TrendForce about 225 kW); the 4 × 110 kW shelves are redundant capacity, not the rack's rating. " +
        "Default fill (18 × 11,800 + 9 × 800 + 1,000) W / 0.975 = 226.3 kW. " +
        "Assumption, no published figure: NVLink 6 switch tray 800 W = 2 × the 400 W NVLink 5 tray of gb200-nvl72, for twice the bandwidth (3.6 TB/s per GPU, 260 TB/s per rack against 130 TB/s); range 400-2,480 W (up to 2 × NVIDIA's 1,240 W NVLink 5 provisioning budget). " +
        "Supply up to 45 °C per NVIDIA (25 % propylene glycol, 45 °C inlet and about 55 °C outlet per The Verge); lowest 17 °C as ASHRAE W17. " +
        "Liquid capture 95 %, assumption: NVIDIA cools every chip and networking component by liquid with no fans (range 0.95-1.0); the 5 % (about 11 kW) left to room air covers what no cold plate touches: the power shelves' 2.5 % conversion loss (about 5.6 kW) if they are air-cooled, and convection from 45-55 °C manifolds, hoses and tray surfaces. " +
        `Power shelves 415-480 VAC to 50 V DC, 97.5 % efficient as for gb300-nvl72 (the 800 V DC option is not modelled); management and misc 1 kW; ${ASHRAE_W}`,
    },
  },
  {
    id: "hgx-h100-air-rack", description: "Air-cooled rack of 4 HGX/DGX H100-class servers (SuperPOD-style)",
    nodeDesignId: "hgx-h100-8gpu", nodesPerRack: 4, switchesPerRack: 0, switchPowerW: 0, rackOverheadW: 500,
    powerConversionEfficiency: 1, ratedKw: 45, cooling: "air", liquidCaptureFraction: 0, minSupplyTempC: 17, maxSupplyTempC: 45,
    source: {
      title: "NVIDIA DGX SuperPOD reference architecture (4 DGX H100 per rack, fabric switches in separate racks)", url: "https://docs.nvidia.com/dgx-superpod/reference-architecture-scalable-infrastructure-h100/latest/", checked: CHECKED,
      note: "assumptions: PDUs and management switch 500 W; rated 45 kW; typical air-cooled racks 10-40 kW (Uptime Institute surveys)",
    },
  },
  {
    id: "hgx-b200-air-rack", description: "Air-cooled rack of 4 HGX/DGX B200-class servers",
    nodeDesignId: "hgx-b200-8gpu", nodesPerRack: 4, switchesPerRack: 0, switchPowerW: 0, rackOverheadW: 500,
    powerConversionEfficiency: 1, ratedKw: 60, cooling: "air", liquidCaptureFraction: 0, minSupplyTempC: 17, maxSupplyTempC: 45,
    source: { title: "NVIDIA DGX B200 user guide (14.3 kW per system); DGX SuperPOD reference architecture (4 systems per rack)", url: "https://docs.nvidia.com/dgx/dgxb200-user-guide/introduction-to-dgxb200.html", checked: CHECKED, note: "assumptions: PDUs and management switch 500 W; rated 60 kW" },
  },
  {
    id: "mi300x-air-rack", description: "Air-cooled rack of 4 MI300X 8-GPU platforms",
    nodeDesignId: "mi300x-platform-8gpu", nodesPerRack: 4, switchesPerRack: 0, switchPowerW: 0, rackOverheadW: 500,
    powerConversionEfficiency: 1, ratedKw: 45, cooling: "air", liquidCaptureFraction: 0, minSupplyTempC: 17, maxSupplyTempC: 45,
    source: { title: "AMD Instinct MI300X platform datasheet", url: "https://www.amd.com/en/products/accelerators/instinct/mi300/platform.html", checked: CHECKED, note: "assumptions: 4 platforms per rack as for HGX H100, PDUs and management switch 500 W, rated 45 kW" },
  },
  {
    id: "mi355x-liquid-rack", description: "Direct-liquid-cooled rack of 8 MI355X 8-GPU platforms (64 GPUs)",
    nodeDesignId: "mi355x-platform-8gpu", nodesPerRack: 8, switchesPerRack: 0, switchPowerW: 0, rackOverheadW: 1000,
    powerConversionEfficiency: 1, ratedKw: 120, cooling: "liquid", liquidCaptureFraction: 0.8, minSupplyTempC: 17, maxSupplyTempC: 45, cdu: LIQUID_TO_LIQUID_CDU,
    ranges: { "cdu.approachK": CDU_APPROACH_RANGE },
    source: { title: "AMD Instinct MI350 series launch material (MI355X direct liquid cooling, rack-scale deployments)", url: "https://www.amd.com/en/products/accelerators/instinct/mi350.html", checked: CHECKED, note: `assumptions: 8 platforms per rack, management 1 kW, rated 120 kW, 80 % heat to liquid; ${ASHRAE_W}` },
  },
];
