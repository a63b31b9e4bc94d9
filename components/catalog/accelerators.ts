/** Built-in accelerators: board power, memory and cooling, per GPU. */
import type { AcceleratorSpec } from "./schema";

const CHECKED = "2026-11-25";

/** The accelerators the catalog starts with, each with its datasheet source; {@link catalog} registers them. */
export const BUILTIN_ACCELERATORS: readonly AcceleratorSpec[] = [
  {
    id: "h100-sxm", vendor: "NVIDIA", model: "H100 SXM5", boardPowerW: 700, memoryGb: 80, cooling: "air-or-liquid",
    source: { title: "NVIDIA H100 Tensor Core GPU datasheet (SXM: up to 700 W, 80 GB HBM3)", url: "https://www.nvidia.com/en-us/data-center/h100/", checked: CHECKED },
  },
  {
    id: "h200-sxm", vendor: "NVIDIA", model: "H200 SXM", boardPowerW: 700, memoryGb: 141, cooling: "air-or-liquid",
    source: { title: "NVIDIA H200 Tensor Core GPU datasheet (SXM: up to 700 W, 141 GB HBM3e)", url: "https://www.nvidia.com/en-us/data-center/h200/", checked: CHECKED },
  },
  {
    id: "b200", vendor: "NVIDIA", model: "B200 (HGX/DGX)", boardPowerW: 1000, memoryGb: 180, cooling: "air-or-liquid",
    source: {
      title: "NVIDIA DGX B200 user guide, Introduction to NVIDIA DGX B200 Systems", url: "https://docs.nvidia.com/dgx/dgxb200-user-guide/introduction-to-dgxb200.html", checked: CHECKED,
      note: "1,440 GB GPU memory over 8 GPUs = 180 GB each; 1,000 W per GPU in HGX B200 (NVIDIA HGX page)",
    },
  },
  {
    id: "gb200", vendor: "NVIDIA", model: "GB200 (Blackwell GPU in a Grace Blackwell superchip)", boardPowerW: 1200, memoryGb: 186, cooling: "liquid",
    source: {
      title: "NVIDIA GB200 NVL72 product page; FiberMall 'In-depth analysis of NVIDIA GB200' (superchip up to 2,700 W)", url: "https://www.nvidia.com/en-us/data-center/gb200-nvl72/", checked: CHECKED,
      note: "per GPU: superchip 2,700 W = 2 × 1,200 W GPUs + about 300 W Grace CPU; 13.4-13.8 TB HBM3e over 72 GPUs ≈ 186 GB",
    },
  },
  {
    id: "gb300", vendor: "NVIDIA", model: "GB300 (Blackwell Ultra GPU in a Grace Blackwell superchip)", boardPowerW: 1400, memoryGb: 288, cooling: "liquid",
    source: { title: "NVIDIA GB300 NVL72 product page; introl.com GB300 NVL72 article (288 GB HBM3e, about 1.4 kW per GPU)", url: "https://www.nvidia.com/en-us/data-center/gb300-nvl72/", checked: CHECKED },
  },
  {
    id: "rubin", vendor: "NVIDIA", model: "Rubin (Vera Rubin GPU package, 2 dies, HBM4)", boardPowerW: 2300, memoryGb: 288, cooling: "liquid",
    ranges: {
      boardPowerW: {
        low: 1800, high: 2300,
        note: "analysts' figures, NVIDIA has published none: 1.8 kW (Morgan Stanley via Tom's Hardware, 2025; the Max-Q end of the rack's 190-230 kW) to 2.3 kW (KeyBanc, Jan 2026, the raised figure that reproduces the rack's about 227 kW Max-P TDP)",
      },
    },
    source: {
      title: "introl.com 'NVIDIA Rubin in full production' (CES 2026: 288 GB HBM4, 50 PF NVFP4 per GPU, volume shipments H2 2026); KeyBanc via @Jukan05 and occlub.ru, Jan 2026 (Rubin GPU 2.3 kW, first stated as 1.8 kW); Morgan Stanley via Tom's Hardware and wemedia.it, 2025 (up to 1,800 W per Rubin GPU)",
      url: "https://introl.com/blog/nvidia-rubin-full-production-ces-2026-ai-infrastructure", checked: CHECKED,
      note:
        "NVIDIA has published no Rubin TDP; analysts give 1.8 kW (the first figure, Morgan Stanley 2025) and 2.3 kW (KeyBanc, Jan 2026: NVIDIA raised it from 1.8 kW). " +
        "2.3 kW is taken because this tool sizes power and cooling for every part at its rated maximum at once, and 2.3 kW is what reproduces the rack's maximum-performance (Max-P) draw: " +
        "with it the vera-rubin-nvl72 rack's default fill is 226 kW against about 227 kW Max-P TDP (analyst post from Computex 2026) and 225 kW (TrendForce); with 1.8 kW the same rack is 189 kW, the Max-Q (efficiency) end of the 190-230 kW range. " +
        "A fleet run power-capped at Max-Q can set boardPowerW 1800 through a custom accelerator. Package = 2 GPU dies (NVL144 counted dies); 288 GB HBM4 per package = 20.7 TB per 72-GPU rack",
    },
  },
  {
    id: "mi300x", vendor: "AMD", model: "Instinct MI300X (OAM)", boardPowerW: 750, memoryGb: 192, cooling: "air",
    source: { title: "AMD Instinct MI300X accelerator datasheet (750 W TBP, 192 GB HBM3)", url: "https://www.amd.com/en/products/accelerators/instinct/mi300/mi300x.html", checked: CHECKED },
  },
  {
    id: "mi325x", vendor: "AMD", model: "Instinct MI325X (OAM)", boardPowerW: 1000, memoryGb: 256, cooling: "air",
    source: { title: "AMD Instinct MI325X accelerator datasheet (1,000 W TBP, 256 GB HBM3E)", url: "https://www.amd.com/en/products/accelerators/instinct/mi300/mi325x.html", checked: CHECKED },
  },
  {
    id: "mi355x", vendor: "AMD", model: "Instinct MI355X (OAM, direct liquid cooling)", boardPowerW: 1400, memoryGb: 288, cooling: "liquid",
    source: { title: "AMD Instinct MI350 series launch material; The Register, 2025-06-12 (MI355X 1,400 W, liquid-cooled, 288 GB HBM3E)", url: "https://www.amd.com/en/products/accelerators/instinct/mi350.html", checked: CHECKED },
  },
];
