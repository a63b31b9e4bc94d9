/**
 * A temporary folder for one test file: made before its tests, removed after them (with everything in it), so no
 * test writes outside the system's temp folder. Call at the top level of the file; read the path through the getter.
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { afterAll, beforeAll } from "vitest";

export function tempFolderForFile(prefix: string): () => string {
  let dir = "";
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), `aicluster-${prefix}-`));
  });
  afterAll(() => {
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });
  return () => {
    if (!dir) throw new Error(`the temp folder aicluster-${prefix}-* is made in beforeAll: read it inside a hook or a test`);
    return dir;
  };
}
