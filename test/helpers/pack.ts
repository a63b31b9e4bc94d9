/**
 * `npm pack` for the tests that install the package as users do. Its prepack builds dist/ with tsc, and the test
 * files run in parallel processes: two packs at once would write dist/ under each other's `npm pack` reading it.
 * A lock folder (mkdir is atomic) serialises them across processes; a lock older than the longest pack is stale.
 */
import { execFileSync } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";

const ROOT = path.resolve(__dirname, "../..");
const LOCK = path.join(ROOT, "node_modules", ".cache", "aicluster-pack.lock");
/** A pack (tsc over the package sources, then the tarball) takes 10-40 s on a loaded 2-core machine. */
const STALE_MS = 300_000;

function sleep(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

/** Packs the repository into `destination`; returns the tarball's path and the files it holds. */
export function packTarball(destination: string): { tarball: string; files: string[] } {
  fs.mkdirSync(path.dirname(LOCK), { recursive: true });
  for (;;) {
    try {
      fs.mkdirSync(LOCK);
      break;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== "EEXIST") throw e;
      const age = Date.now() - (fs.statSync(LOCK, { throwIfNoEntry: false })?.mtimeMs ?? Date.now());
      if (age > STALE_MS) fs.rmSync(LOCK, { recursive: true, force: true });
      else sleep(250);
    }
  }
  try {
    const out = execFileSync("npm", ["pack", "--json", "--pack-destination", destination], {
      cwd: ROOT, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"], env: { ...process.env, npm_config_update_notifier: "false" }, maxBuffer: 64 * 1024 * 1024,
    });
    const packed = JSON.parse(out) as { filename: string; files: { path: string }[] }[];
    return { tarball: path.join(destination, packed[0].filename), files: packed[0].files.map((f) => f.path).sort() };
  } finally {
    fs.rmSync(LOCK, { recursive: true, force: true });
  }
}
