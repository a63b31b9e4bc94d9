/**
 * Policy exemptions under the real engine: an exempted violation of a mandatory policy does not fail the preview and
 * is printed in the preview's Diagnostics (the pack's console output, under the stack resource); once the exemption
 * has expired the violation fails the preview again; a bad exemption fails it, by the engine's JSON-schema check or
 * the pack's own PolicyConfigError. Skips, printing why, when no engine can be found (scripts/pulumi-cli.sh builds one).
 */
import * as fs from "fs";
import * as path from "path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { findEngine, stageProject, Workspace } from "../../scripts/realEngine";

const engine = findEngine();
if ("reason" in engine) console.warn(`\n*** SKIPPING the real-engine exemption tests: ${engine.reason} ***\n`);

describe.skipIf("reason" in engine)("exemptions under the real engine", () => {
  let ws: Workspace;

  beforeAll(async () => {
    ws = stageProject((engine as { bin: string }).bin, { transpileOnly: true });
    const init = await ws.pulumi(["stack", "init", "prometheus"]);
    expect(init.code, init.stderr).toBe(0);
  }, 120_000);

  // A staged project with the engine's state and plugins under it: more than vitest's 10 s default to remove on a
  // loaded machine. Runs after a failed beforeAll too (vitest), so the folder goes whatever happened.
  afterAll(() => ws?.dispose(), 120_000);

  /** Prometheus on the public record breaks firm-power and energy-adequacy (both mandatory): exempt its campus from both. */
  async function preview(firmPowerExpires: string, extra: object = {}) {
    const exempt = (reason: string, expires: string) => ({ exemptions: [{ resource: "prometheus", reason, expires, ticket: "T-1" }] });
    const file = path.join(ws.dir, `exempt-${firmPowerExpires}.json`);
    fs.writeFileSync(file, JSON.stringify({
      "firm-power": exempt("firm power short on the public record", firmPowerExpires),
      "energy-adequacy": exempt("same shortfall", "2099-12-31"),
      ...extra,
    }));
    const run = await ws.pulumi(["preview", "-s", "prometheus", "--policy-pack", "policies", "--policy-pack-config", file]);
    return { code: run.code, out: run.stdout + run.stderr };
  }

  it("passes with both mandatory violations exempted, printing each and an unused exemption in Diagnostics", async () => {
    const { code, out } = await preview("2099-12-31", { "pue-max": { exemptions: [{ resource: "nowhere-*", reason: "stale" }] } });
    expect(code, out.slice(-3000)).toBe(0);
    expect(out).toMatch(/aicluster: firm-power: EXEMPTED \(firm power short on the public record, until 2099-12-31; ticket T-1\): prometheus in 2026: facility power [\d.]+ MW in the binding hour/);
    expect(out).toMatch(/aicluster: energy-adequacy: EXEMPTED \(same shortfall, until 2099-12-31; ticket T-1\): prometheus in 2026: demand goes unserved/);
    expect(out).toContain('aicluster: pue-max exemption of "nowhere-*" is unused: its pattern matches no resource');
    expect(out).not.toMatch(/\[mandatory\]/);
  }, 180_000);

  it("fails once an exemption has expired, the violation saying so", async () => {
    const { code, out } = await preview("2020-01-01");
    expect(code).not.toBe(0);
    expect(out).toMatch(/\[mandatory\] .*firm-power/);
    // 2026 binds before Socrates's first delivery (2026-09-30): the firm capacity delivering in that hour.
    expect(out).toMatch(/exceeds firm capacity delivering in that hour .*\(exemption expired 2020-01-01: firm power short on the public record\)/);
    expect(out).toContain('aicluster: firm-power exemption of "prometheus" expired 2020-01-01');
  }, 180_000);

  const BAD: [string, object, RegExp][] = [
    ["a date not on the calendar (the engine's schema check)", { exemptions: [{ resource: "prometheus", reason: "r", expires: "2026-02-30" }] }, /pue-max: exemptions\.0\.expires: Does not match format 'date'/],
    ["a pattern of wildcards alone (the pack's check)", { exemptions: [{ resource: "*", reason: "r" }] }, /PolicyConfigError: policy pack config: pue-max\.exemptions\[0\]\.resource = a string; allowed: a pattern naming something besides `\*`/],
  ];
  BAD.forEach(([label, config, message], i) => {
    it(`fails the preview on ${label}`, async () => {
      const file = path.join(ws.dir, `bad-exemption-${i}.json`);
      fs.writeFileSync(file, JSON.stringify({ "pue-max": config }));
      const run = await ws.pulumi(["preview", "-s", "prometheus", "--policy-pack", "policies", "--policy-pack-config", file]);
      expect(run.code).not.toBe(0);
      expect(run.stdout + run.stderr).toMatch(message);
    }, 180_000);
  });
});
