/**
 * The component package plugin for the YAML and Python end-to-end tests: the compiled plugin, its schema and its
 * launcher that scripts/pulumi-cli.sh (scripts/engine/plugin.sh) writes into .tools, and the install of that
 * launcher into a workspace's own plugin cache, the way a user installs it (`pulumi plugin install --file`).
 */
import * as fs from "fs";
import * as path from "path";
import { expect } from "vitest";
import { ROOT, Workspace } from "../../scripts/realEngine";

export const TOOLS = process.env.AICLUSTER_TOOLS_DIR ?? path.join(ROOT, ".tools");
export const LAUNCHER = path.join(TOOLS, "plugin", "pulumi-resource-aicluster");
export const SCHEMA = path.join(TOOLS, "provider", "provider", "schema.json");
export const PACKAGE_VERSION = (JSON.parse(fs.readFileSync(path.join(ROOT, "package.json"), "utf8")) as { version: string }).version;

/** Why the plugin cannot be used, or undefined when it is built. */
export function missingPlugin(): string | undefined {
  for (const file of [LAUNCHER, SCHEMA]) {
    if (!fs.existsSync(file)) return `no ${path.relative(ROOT, file)}; build it with \`bash scripts/pulumi-cli.sh\``;
  }
  return undefined;
}

/** Installs the launcher into the workspace's plugin cache as resource plugin aicluster at the package version. */
export async function installPlugin(ws: Workspace): Promise<void> {
  const run = await ws.pulumi(["plugin", "install", "resource", "aicluster", PACKAGE_VERSION, "--file", LAUNCHER, "--reinstall"]);
  expect(run.code, run.stderr).toBe(0);
}

/** Wall time of one command, in seconds. */
export async function timed<T>(fn: () => Promise<T>): Promise<{ result: T; seconds: number }> {
  const started = process.hrtime.bigint();
  const result = await fn();
  return { result, seconds: Number(process.hrtime.bigint() - started) / 1e9 };
}
