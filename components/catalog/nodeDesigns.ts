/** Built-in node designs: GPUs per node, host overhead and maximum power. */
import type { NodeDesignSpec } from "./schema";

const CHECKED = "2026-11-25";
const HGX_HOST_NOTE = "host overhead = datasheet max system power − 8 × GPU board power";

/** The node designs the catalog starts with, each citing the datasheet its power figures come from. */
export const BUILTIN_NODE_DESIGNS: readonly NodeDesignSpec[] = [
  {
    id: "hgx-h100-8gpu", description: "8× H100 SXM HGX/DGX-class air-cooled server (DGX H100)", acceleratorId: "h100-sxm",
    gpusPerNode: 8, hostOverheadW: 4600, maxPowerW: 10200, cooling: "air",
    source: { title: "NVIDIA DGX H100/H200 user guide: 6 × 3.3 kW PSUs, 10.2 kW max system input", url: "https://docs.nvidia.com/dgx/dgxh100-user-guide/introduction-to-dgxh100.html", checked: CHECKED, note: `${HGX_HOST_NOTE}: 10,200 − 5,600 = 4,600 W` },
  },
  {
    id: "hgx-h200-8gpu", description: "8× H200 SXM HGX/DGX-class air-cooled server (DGX H200)", acceleratorId: "h200-sxm",
    gpusPerNode: 8, hostOverheadW: 4600, maxPowerW: 10200, cooling: "air",
    source: { title: "NVIDIA DGX H100/H200 user guide: 10.2 kW max system input", url: "https://docs.nvidia.com/dgx/dgxh100-user-guide/introduction-to-dgxh100.html", checked: CHECKED, note: `${HGX_HOST_NOTE}: 10,200 − 5,600 = 4,600 W` },
  },
  {
    id: "hgx-b200-8gpu", description: "8× B200 HGX/DGX-class air-cooled server (DGX B200)", acceleratorId: "b200",
    gpusPerNode: 8, hostOverheadW: 6300, maxPowerW: 14300, cooling: "air",
    source: { title: "NVIDIA DGX B200 user guide: 6 × 3.3 kW PSUs (5+1), 14.3 kW max", url: "https://docs.nvidia.com/dgx/dgxb200-user-guide/introduction-to-dgxb200.html", checked: CHECKED, note: `${HGX_HOST_NOTE}: 14,300 − 8,000 = 6,300 W` },
  },
  {
    id: "gb200-nvl72-tray", description: "GB200 NVL72 compute tray: 2 superchips (4 Blackwell GPUs, 2 Grace CPUs), 1U, liquid-cooled", acceleratorId: "gb200",
    gpusPerNode: 4, hostOverheadW: 1500, maxPowerW: 6300, cooling: "liquid",
    source: {
      title: "FiberMall GB200 analysis (superchips up to 5,400 W per tray); NVIDIA GB200 NVL72 page", url: "https://www.fibermall.com/blog/in-depth-analysis-for-nvidia-gb200.htm", checked: CHECKED,
      note: "assumption: host overhead 1,500 W = 2 Grace CPUs (2 × 300 W, from the 2,700 W superchip figure) + 4 ConnectX NICs and 2 BlueField-3 DPUs (about 400 W) + fans, storage and management (about 500 W)",
    },
  },
  {
    id: "gb300-nvl72-tray", description: "GB300 NVL72 compute tray: 4 Blackwell Ultra GPUs, 2 Grace CPUs, 1U, liquid-cooled", acceleratorId: "gb300",
    gpusPerNode: 4, hostOverheadW: 1500, maxPowerW: 7100, cooling: "liquid",
    source: {
      title: "introl.com GB300 NVL72 article (compute trays about 6.5 kW, citing Supermicro)", url: "https://introl.com/blog/why-nvidia-gb300-nvl72-blackwell-ultra-matters", checked: CHECKED,
      note: "assumption: same host overhead as the GB200 tray (1,500 W); 4 × 1,400 + 1,500 = 7,100 W, above the 6.5 kW quoted, to stay on the side of safety",
    },
  },
  {
    id: "vera-rubin-nvl72-tray", description: "Vera Rubin NVL72 compute tray: 2 Vera Rubin superchips (4 Rubin GPUs, 2 Vera CPUs), 1U, fanless, 100 % liquid-cooled", acceleratorId: "rubin",
    gpusPerNode: 4, hostOverheadW: 2600, maxPowerW: 11800, cooling: "liquid",
    ranges: {
      hostOverheadW: {
        low: 2000, high: 2600,
        note: "bottom-up estimate about 2,000-3,000 W (2 Vera CPUs, 8 ConnectX-9 SuperNICs and a BlueField-4 per tray, Wheeler's Network and NVIDIA's Rubin platform blog), capped at 2,600 W: maxPowerW 11,800 W = 4 × 2,300 W + 2,600 W is derived from it, and a node drawing more than its maxPowerW is not a valid design",
      },
    },
    source: {
      title: "NVIDIA Technical Blog 'Inside the NVIDIA Rubin Platform: Six New Chips, One AI Supercomputer' (CES 2026); The Next Platform, CES 2026 (72 GPU and 36 CPU sockets per rack); Wheeler's Network 'Decoding Nvidia's Rubin Networking Math' (8 ConnectX-9 800G NICs and 1 BlueField-4 per tray); Vera Rubin NVL72 Max-P TDP about 227 kW (analyst post, Computex 2026)",
      url: "https://developer.nvidia.com/blog/inside-the-nvidia-rubin-platform-six-new-chips-one-ai-supercomputer/", checked: CHECKED,
      note:
        "assumption, no published figure: host overhead 2,600 W, sized top-down from the rack's about 227 kW Max-P TDP: (227 kW × 0.975 shelf efficiency − 9 × 800 W NVLink 6 switch trays − 1 kW management) / 18 trays − 4 × 2,300 W GPUs = 2,640 W, rounded to 2,600 W. " +
        "Bottom-up it is plausible against the GB300 tray's 1,500 W: 2 Vera CPUs (88 Olympus cores and SOCAMM LPDDR5X each; about 500 W each assumed, against about 300 W for Grace) + 8 ConnectX-9 SuperNICs and a BlueField-4 DPU (about 800 W: 2 × 800G per GPU, twice the GB300 tray's scale-out bandwidth) + E1.S SSDs, management and the tray's 50 V step-down losses (about 800 W); no fans. Range about 2,000-3,000 W. " +
        "maxPowerW = 4 × 2,300 + 2,600 = 11,800 W, derived as for the GB300 tray",
    },
  },
  {
    id: "mi300x-platform-8gpu", description: "8× MI300X OAM platform, air-cooled", acceleratorId: "mi300x",
    gpusPerNode: 8, hostOverheadW: 4600, maxPowerW: 10600, cooling: "air",
    source: { title: "AMD Instinct MI300X platform datasheet (8 × 750 W OAM)", url: "https://www.amd.com/en/products/accelerators/instinct/mi300/platform.html", checked: CHECKED, note: "assumption: host overhead as an HGX H100 server (4,600 W: 2 CPUs, 8 NICs, fans, storage)" },
  },
  {
    id: "mi325x-platform-8gpu", description: "8× MI325X OAM platform, air-cooled", acceleratorId: "mi325x",
    gpusPerNode: 8, hostOverheadW: 4600, maxPowerW: 12600, cooling: "air",
    source: { title: "AMD Instinct MI325X platform (8 × 1,000 W OAM)", url: "https://www.amd.com/en/products/accelerators/instinct/mi300/mi325x.html", checked: CHECKED, note: "assumption: host overhead as an HGX H100 server (4,600 W)" },
  },
  {
    id: "mi355x-platform-8gpu", description: "8× MI355X OAM platform, direct liquid cooling", acceleratorId: "mi355x",
    gpusPerNode: 8, hostOverheadW: 3000, maxPowerW: 14200, cooling: "liquid",
    source: { title: "AMD Instinct MI350 series launch material (MI355X: 1,400 W, liquid-cooled)", url: "https://www.amd.com/en/products/accelerators/instinct/mi350.html", checked: CHECKED, note: "assumption: host overhead 3,000 W, lower than air-cooled platforms because cold plates replace most fan power" },
  },
];
