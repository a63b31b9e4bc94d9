/** What the benchmark measures: both stacks, Hyperion at its first and last phase, at four scales. */
export interface Scenario {
  label: string;
  stack: string;
  phase?: string;
}

export const SCENARIOS: Scenario[] = [
  { label: "prometheus", stack: "prometheus" },
  { label: "hyperion phase 1", stack: "hyperion", phase: "1" },
  { label: "hyperion phase 2", stack: "hyperion", phase: "2" },
];

export const SCALES = ["0.001", "0.01", "0.1", "1"];

/** The issues' targets on a 2-core machine (scale-1 figures; the ratio, plan over its replay, at every scale). */
export const TARGETS = {
  ratioMax: 1.15,
  offline: { prometheus: { seconds: 30, rssMb: 2048 }, "hyperion phase 2": { seconds: 60, rssMb: 4096 } } as Record<string, { seconds: number; rssMb: number }>,
  /** Issue 38: the 5 GW preview with the policy pack under 20 s, Prometheus under 8 s (both at scale 1). */
  realEngineSeconds: { prometheus: 8, "hyperion phase 2": 20 } as Record<string, number>,
  /** Issue 34: 1,000 samples of the 5 GW campus in under 30 s; the campus model alone, warm, in under 20 ms. */
  confidence: { samples: 1000, seconds: 30, warmModelMs: 20 },
};
