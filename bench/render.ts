/** The benchmark's tables, and the targets checked against them. */
import type { EngineRow, EngineTable } from "./realEngine";
import type { OfflineRow } from "./offline";
import { TARGETS } from "./scenarios";
import { fixed } from "../components/format/numbers";
import { textTable } from "../components/format/table";

const f = fixed;

/** Scenario and scale left-aligned, figures right-aligned, a rule under the header. */
function table(header: string[], rows: string[][]): string {
  return textTable([header, ...rows], { align: header.map((_, i) => (i < 2 ? "left" : "right")), headerRule: true }).join("\n");
}

export function renderOffline(rows: OfflineRow[], runs: number): string {
  const compare = rows.some((r) => r.bare);
  const header = [
    "scenario", "scale", "resources", "GPUs", "MW", "res/MW", "plan s", "plan MB", "replay s", "replay MB", "ratio", "run ratio",
    ...(compare ? ["bare s", "bare ratio"] : []), "model ms", "policy ms", "µs/res",
  ];
  const body = rows.map((r) => [
    r.scenario, r.scale, f(r.resources, 0), f(r.gpus, 0), f(r.facilityMw, 1), f(r.resourcesPerMw, 2),
    f(r.plan.processSeconds, 2), f(r.plan.peakRssMb, 0), f(r.baseline.processSeconds, 2), f(r.baseline.peakRssMb, 0),
    f(r.ratio, 2), f(r.runRatio, 2),
    ...(compare ? [r.bare ? f(r.bare.processSeconds, 2) : "-", r.bareRatio === undefined ? "-" : f(r.bareRatio, 2)] : []),
    f(r.model.runSeconds * 1000, 1), f(r.plan.policySeconds * 1000, 1), f(r.policyMicrosPerResource, 1),
  ]);
  return [
    `Offline: plan with policies vs a replay of its resources as bare components with the same args and registered outputs,`,
    `same tree, same mock runtime (median of ${runs} fresh processes each)`,
    table(header, body),
    "plan s / replay s: process start to exit; ratio = plan s / replay s (the toolkit's own cost: validation, physics, policies);",
    "run ratio: the same without module loading and start-up.",
    ...(compare ? ["bare s: the old baseline, as many bare components with no args and no outputs; bare ratio = plan s / bare s."] : []),
    `model ms: the campus model alone, no Pulumi, first run in a fresh process (fastest of ${runs}): the floor.`,
  ].join("\n");
}

export function renderEngine(engine: EngineTable): string {
  if (engine.skipped) return `Real engine: SKIPPED (${engine.skipped})`;
  // The engine's cost per step: the no-pack preview's time above the scenario's smallest scale, per step added.
  const perStep = (r: EngineRow): string => {
    const first = engine.rows.find((x) => x.scenario === r.scenario && x.noPackSeconds !== undefined && x.resources !== undefined);
    if (!first || first === r || r.noPackSeconds === undefined || r.resources === undefined || r.resources <= first.resources!) return "-";
    return f(((r.noPackSeconds - first.noPackSeconds!) / (r.resources - first.resources!)) * 1000, 1);
  };
  const s = (x: number | undefined) => (x === undefined ? "-" : f(x, 1));
  const body = engine.rows.map((r) => [
    r.scenario, r.scale, r.resources === undefined ? "-" : f(r.resources, 0), s(r.seconds), s(r.noPackSeconds),
    r.seconds !== undefined && r.noPackSeconds !== undefined ? s(r.seconds - r.noPackSeconds) : "-", perStep(r), r.exitCode === undefined ? "-" : String(r.exitCode), r.note ?? "",
  ]);
  const largest = [...engine.rows].reverse().find((r) => r.bytesByType);
  const payload = largest?.bytesByType
    ? [
        `Payload per step by type (${largest.scenario} @ ${largest.scale}, from the preview's JSON steps):`,
        table(["type", "steps", "inputs KB/step", "outputs KB/step", "total MB"], Object.entries(largest.bytesByType).sort((a, b) => b[1].steps - a[1].steps).map(([type, b]) => [
          type, f(b.steps, 0), f(b.inputBytes / b.steps / 1024, 2), f(b.outputBytes / b.steps / 1024, 2), f((b.inputBytes + b.outputBytes) / 2 ** 20, 2),
        ])),
      ]
    : [];
  return [
    "Real engine: pulumi preview, with the policy pack (--policy-pack policies) and without (one run each; steps include the stack)",
    table(["scenario", "scale", "steps", "with pack s", "without s", "pack s", "engine ms/step", "exit", "note"], body),
    "pack s = with − without (the analyzer: each stack policy gets every resource, deserialized for it); engine ms/step = the",
    "no-pack time above the scenario's smallest scale, per step added (the program's own time included).",
    ...payload,
  ].join("\n");
}

export interface TargetCheck {
  target: string;
  measured: string;
  met: boolean;
}

export function checkTargets(rows: OfflineRow[], engine: EngineTable): TargetCheck[] {
  const checks: TargetCheck[] = [];
  const worst = rows.reduce<OfflineRow | undefined>((w, r) => (!w || r.ratio > w.ratio ? r : w), undefined);
  if (worst) checks.push({ target: `ratio (plan / replay) <= ${TARGETS.ratioMax} at every scale`, measured: `worst ${f(worst.ratio, 2)} (${worst.scenario} @ ${worst.scale})`, met: worst.ratio <= TARGETS.ratioMax });
  for (const [scenario, t] of Object.entries(TARGETS.offline)) {
    const r = rows.find((x) => x.scenario === scenario && x.scale === "1");
    if (r) checks.push({ target: `offline ${scenario} @ 1 < ${t.seconds} s, < ${t.rssMb} MB`, measured: `${f(r.plan.processSeconds, 2)} s, ${f(r.plan.peakRssMb, 0)} MB`, met: r.plan.processSeconds < t.seconds && r.plan.peakRssMb < t.rssMb });
  }
  for (const [scenario, seconds] of Object.entries(TARGETS.realEngineSeconds)) {
    const r = engine.rows.find((x) => x.scenario === scenario && x.scale === "1");
    // A preview that ends in the pack's verdict (a mandatory policy failed) finished: its time counts.
    const finished = r?.exitCode === 0 || (r?.noPackExitCode === 0 && r?.exitCode !== undefined);
    if (r) checks.push({ target: `real preview with the pack ${scenario} @ 1 < ${seconds} s`, measured: r.seconds === undefined ? r.note ?? "-" : `${f(r.seconds, 1)} s, exit ${r.exitCode}`, met: r.seconds !== undefined && r.seconds < seconds && finished });
  }
  return checks;
}

export function renderTargets(checks: TargetCheck[]): string {
  return ["Targets", ...checks.map((c) => `  ${c.met ? "met    " : "MISSED "} ${c.target}: ${c.measured}`)].join("\n");
}
