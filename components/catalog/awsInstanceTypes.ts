/**
 * Built-in EC2 GPU instance types, one or more per accelerator. EFA cards and bandwidth change between instance
 * generations and AWS documentation revisions: check a type before relying on it with
 * `aws ec2 describe-instance-types --instance-types <type> --query "InstanceTypes[].NetworkInfo"`, and
 * `catalog.awsInstanceTypes.register({ ... }, { replace: true })` to correct or add one.
 */
import type { Source } from "./schemaCommon";

/** How an instance type can be bought: on demand or reserved, or only as EC2 Capacity Blocks. */
export const AWS_PURCHASE_OPTIONS = ["on-demand-or-reserved", "capacity-block-only"] as const;

/** An EC2 instance type that realizes nodes of one accelerator (plain TypeScript, so the policy pack loads it without zod). */
export interface AwsInstanceTypeSpec {
  /** EC2 instance type name, e.g. `p5.48xlarge`. */
  id: string;
  /** Accelerator id from the catalog that the instance's GPUs are. */
  acceleratorId: string;
  /** GPUs in one instance, a whole number from 1 to 64. */
  gpusPerInstance: number;
  /** CPU architecture, which picks the AMI. */
  architecture: "x86_64" | "arm64";
  /** Network cards that take an EFA interface, in the order AWS documents (empty: no EFA). */
  efaNetworkCardIndexes: number[];
  /** `capacity-block-only`: sold only as Capacity Blocks (e.g. UltraServers), so a reservation id is required. */
  purchase: (typeof AWS_PURCHASE_OPTIONS)[number];
  /** Whether the catalog picks this type for its accelerator when none is asked for (one per accelerator). */
  defaultForAccelerator: boolean;
  /** Where the figures come from (EFA cards and purchase options in particular). */
  source: Source;
}

const CHECKED = "2026-11-25";
const EFA_DOC = "https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/efa-acc-inst-types.html";
const range = (from: number, count: number, step = 1) => Array.from({ length: count }, (_, i) => from + i * step);

/**
 * The EC2 GPU instance types the catalog starts with. EFA cards change between instance generations: check a type
 * with `aws ec2 describe-instance-types` before relying on it, and register a corrected entry with `{ replace: true }`.
 */
export const BUILTIN_AWS_INSTANCE_TYPES: readonly AwsInstanceTypeSpec[] = [
  {
    id: "p5.48xlarge", acceleratorId: "h100-sxm", gpusPerInstance: 8, architecture: "x86_64",
    efaNetworkCardIndexes: range(0, 32), purchase: "on-demand-or-reserved", defaultForAccelerator: true,
    source: { title: "Amazon EC2 P5 instances (8× H100, 3,200 Gbps EFA); EC2 user guide: P5 and P5e support up to 32 network cards", url: "https://aws.amazon.com/ec2/instance-types/p5/", checked: CHECKED, note: `32 network cards, one EFA each (${EFA_DOC})` },
  },
  {
    id: "p5e.48xlarge", acceleratorId: "h200-sxm", gpusPerInstance: 8, architecture: "x86_64",
    efaNetworkCardIndexes: range(0, 32), purchase: "on-demand-or-reserved", defaultForAccelerator: false,
    source: { title: "Amazon EC2 P5e instances (8× H200, 3,200 Gbps EFA); EC2 user guide: P5 and P5e support up to 32 network cards", url: "https://aws.amazon.com/ec2/instance-types/p5/", checked: CHECKED, note: `32 network cards, one EFA each (${EFA_DOC})` },
  },
  {
    id: "p5en.48xlarge", acceleratorId: "h200-sxm", gpusPerInstance: 8, architecture: "x86_64",
    efaNetworkCardIndexes: range(0, 16), purchase: "on-demand-or-reserved", defaultForAccelerator: true,
    source: { title: "Amazon EC2 P5en instances (8× H200, 3,200 Gbps EFAv3)", url: "https://aws.amazon.com/ec2/instance-types/p5/", checked: CHECKED, note: "16 EFA network cards of 200 Gbps; the newer H200 type, so the default for h200-sxm" },
  },
  {
    id: "p6-b200.48xlarge", acceleratorId: "b200", gpusPerInstance: 8, architecture: "x86_64",
    efaNetworkCardIndexes: range(0, 8), purchase: "on-demand-or-reserved", defaultForAccelerator: true,
    source: { title: "Amazon EC2 P6-B200 instances (8× B200, 3.2 Tbps EFAv4)", url: "https://aws.amazon.com/ec2/instance-types/p6/", checked: CHECKED, note: "8 network cards of 400 Gbps EFA" },
  },
  {
    id: "p6e-gb200.36xlarge", acceleratorId: "gb200", gpusPerInstance: 4, architecture: "arm64",
    efaNetworkCardIndexes: range(1, 8, 2), purchase: "capacity-block-only", defaultForAccelerator: true,
    source: {
      title: "Amazon EC2 P6e-GB200 UltraServers (GB200 NVL72; 18 p6e-gb200.36xlarge instances of 4 GPUs per 72-GPU UltraServer), sold as Capacity Blocks",
      url: "https://aws.amazon.com/ec2/instance-types/p6/", checked: CHECKED,
      note:
        "one instance = one GB200 NVL72 compute tray (2 Grace CPUs, 4 GPUs), as the catalog's gb200-nvl72-tray. EFA on the odd network cards 1-15 (400 Gbps each), " +
        "as AWS's GB200 reference architectures configure it; AWS's UltraServer page gives 28.8 Tbps of EFA per UltraServer, so check the card count with describe-instance-types",
    },
  },
];
