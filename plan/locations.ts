/**
 * Where a finding points in the repository, for SARIF and GitHub annotations: the program line that created the
 * resource (recorded by the mock engine when asked), else the stack's config file. Paths are relative to the
 * repository root (the nearest folder with .git above the project), which is what code scanning resolves them against;
 * outside a repository, relative to the current folder.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import type { SourceLocation } from "./mockEngine";

export interface ReportLocation {
  /** Repository-relative, with forward slashes. */
  file: string;
  /** 1-based; absent for a whole file. */
  line?: number;
}

export interface ReportLocations {
  /** The stack's config file (the project's Pulumi.yaml when the stack has none): where a finding without a program line points. */
  stackConfig: ReportLocation;
  /** The program line that created each resource with a finding, by URN. */
  resources: Record<string, ReportLocation>;
}

function repositoryRoot(from: string): string | undefined {
  for (let dir = path.resolve(from); ; dir = path.dirname(dir)) {
    if (fs.existsSync(path.join(dir, ".git"))) return dir;
    if (path.dirname(dir) === dir) return undefined;
  }
}

function relativePath(file: string, root: string): string {
  const rel = path.relative(root, file);
  return (rel.startsWith("..") || path.isAbsolute(rel) ? file : rel).split(path.sep).join("/");
}

/**
 * The stack config file (absolute, as the run read it) and the program lines of the resources named, relative to the
 * repository root of `projectDir`.
 */
export function reportLocations(projectDir: string, configFile: string, located: ReadonlyMap<string, SourceLocation>, urns: Iterable<string>): ReportLocations {
  const root = repositoryRoot(projectDir) ?? process.cwd();
  const resources: Record<string, ReportLocation> = {};
  for (const urn of urns) {
    const at = located.get(urn);
    if (at) resources[urn] = { file: relativePath(at.file, root), line: at.line };
  }
  // A stack without a config file (run on the project's defaults) points at the project file instead: a path that exists.
  const projectFile = ["Pulumi.yaml", "Pulumi.yml"].map((name) => path.join(projectDir, name)).find((file) => fs.existsSync(file));
  const configured = fs.existsSync(configFile) || projectFile === undefined ? configFile : projectFile;
  return { stackConfig: { file: relativePath(configured, root) }, resources };
}
