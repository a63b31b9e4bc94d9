/**
 * The licence package.json declares (Apache-2.0) is in the repository and in the package npm packs: LICENSE at the
 * root, the Apache License 2.0 exactly as the ASF publishes it (https://www.apache.org/licenses/LICENSE-2.0.txt, whose
 * SHA-256 is below), with its appendix's template left as the ASF wrote it and no other project's notice.
 */
import { createHash } from "node:crypto";
import { execFileSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { packTarball } from "./helpers/pack";

const ROOT = path.resolve(__dirname, "..");
/** SHA-256 of the ASF's LICENSE-2.0.txt. */
const APACHE_2_0_SHA256 = "cfc7749b96f63bd31c3c42b5c471bf756814053e847c10f3eb003417bc523d30";
const sha256 = (text: string | Buffer) => createHash("sha256").update(text).digest("hex");
const readJson = (file: string) => JSON.parse(fs.readFileSync(path.join(ROOT, file), "utf8")) as { license?: string; files?: string[]; private?: boolean };

describe("LICENSE in the repository", () => {
  it("is the Apache License 2.0 verbatim, as package.json declares", () => {
    const text = fs.readFileSync(path.join(ROOT, "LICENSE"));
    expect(sha256(text)).toBe(APACHE_2_0_SHA256);
    const lines = text.toString("utf8").split("\n");
    expect(lines.slice(1, 4).map((l) => l.trim())).toEqual(["Apache License", "Version 2.0, January 2004", "http://www.apache.org/licenses/"]);
    expect(text.toString("utf8")).toContain("END OF TERMS AND CONDITIONS");
    expect(text.toString("utf8")).toContain("Copyright [yyyy] [name of copyright owner]");
    expect(readJson("package.json").license).toBe("Apache-2.0");
    expect(readJson("package.json").files).toContain("LICENSE");
  });

  it("covers the policy pack folder, which ships inside the package and declares no licence of its own", () => {
    const pack = readJson("policy-pack/package.json");
    expect(pack.private).toBe(true);
    expect(pack.license).toBeUndefined();
    expect(readJson("package.json").files).toContain("policy-pack/");
  });
});

describe("LICENSE in the packed package", () => {
  let dir = "";
  let tarball = "";
  let files: string[] = [];
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "aicluster-license-"));
    ({ tarball, files } = packTarball(dir));
  }, 300_000);
  afterAll(() => dir && fs.rmSync(dir, { recursive: true, force: true }));

  it("holds LICENSE at the package root, byte for byte the repository's", () => {
    expect(files).toContain("LICENSE");
    const packed = execFileSync("tar", ["-xzOf", tarball, "package/LICENSE"], { maxBuffer: 1024 * 1024 });
    expect(sha256(packed)).toBe(APACHE_2_0_SHA256);
    const manifest = JSON.parse(execFileSync("tar", ["-xzOf", tarball, "package/package.json"], { encoding: "utf8" })) as { license: string };
    expect(manifest.license).toBe("Apache-2.0");
  });
});
