/** Built-in rack designs: what a rack holds, what it is rated for, and where its heat goes. */
import type { RackDesignSpec } from "./schema";

const CHECKED = "2026-11-25";
const ASHRAE_W = "ASHRAE TC 9.9 liquid cooling classes W17-W45 bound the facility-water supply";

export const BUILTIN_RACK_DESIGNS: readonly RackDesignSpec[] = [
  {
    id: "gb200-nvl72", description: "NVIDIA GB200 NVL72: 18 compute trays, 9 NVLink switch trays, 48 V power shelves, liquid-cooled",
    nodeDesignId: "gb200-nvl72-tray", nodesPerRack: 18, switchesPerRack: 9, switchPowerW: 800, rackOverheadW: 1000,
    powerConversionEfficiency: 0.975, ratedKw: 132, cooling: "liquid", liquidCaptureFraction: 0.85, minSupplyTempC: 17, maxSupplyTempC: 45,
    source: {
      title: "NVIDIA GB200 NVL72 page (about 120 kW, up to 132 kW per rack); introl.com NVL72 deployment article; Vertiv/Schneider NVL72 reference designs", url: "https://www.nvidia.com/en-us/data-center/gb200-nvl72/", checked: CHECKED,
      note: `assumptions: NVLink switch tray 800 W, management and misc 1 kW, power shelves 97.5 % efficient, 85 % of heat to liquid (vendor range 80-90 %); ${ASHRAE_W}`,
    },
  },
  {
    id: "gb300-nvl72", description: "NVIDIA GB300 NVL72: 18 compute trays, 9 NVLink switch trays, 48 V power shelves, liquid-cooled",
    nodeDesignId: "gb300-nvl72-tray", nodesPerRack: 18, switchesPerRack: 9, switchPowerW: 800, rackOverheadW: 1000,
    powerConversionEfficiency: 0.975, ratedKw: 142, cooling: "liquid", liquidCaptureFraction: 0.85, minSupplyTempC: 17, maxSupplyTempC: 45,
    source: {
      title: "NVIDIA GB300 NVL72 page; introl.com GB300 article (8 power shelves, 132 kW DC output); vendor reference designs 135-142 kW", url: "https://www.nvidia.com/en-us/data-center/gb300-nvl72/", checked: CHECKED,
      note: `assumptions as for gb200-nvl72; ${ASHRAE_W}`,
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
    powerConversionEfficiency: 1, ratedKw: 120, cooling: "liquid", liquidCaptureFraction: 0.8, minSupplyTempC: 17, maxSupplyTempC: 45,
    source: { title: "AMD Instinct MI350 series launch material (MI355X direct liquid cooling, rack-scale deployments)", url: "https://www.amd.com/en/products/accelerators/instinct/mi350.html", checked: CHECKED, note: `assumptions: 8 platforms per rack, management 1 kW, rated 120 kW, 80 % heat to liquid; ${ASHRAE_W}` },
  },
];
