/**
 * Bad-input corpus, the planner's command line: `main(argv)` returns 2 and prints one `error: ` line naming the
 * field. Output is captured (and kept off the test log).
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, MockInstance, vi } from "vitest";
import { main } from "../../plan/cli";
import { reportCount } from "./helpers";
import { CLI_CASES, CliContext, MESSAGE_SHAPES, SECRET } from "./tables/cli";

const ctx: CliContext = { warnFile: "", secretFile: "" };
let dir = "";
let errors: MockInstance<typeof console.error>;
let logs: MockInstance<typeof console.log>;

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "aicluster-corpus-cli-"));
  ctx.warnFile = path.join(dir, "warn.json");
  fs.writeFileSync(ctx.warnFile, `{"pue-max":{"enforcementLevel":"warn"}}`);
  ctx.secretFile = path.join(dir, "secret.json");
  fs.writeFileSync(ctx.secretFile, `{"pue-max": ${SECRET}}`);
});
afterAll(() => {
  fs.rmSync(dir, { recursive: true, force: true });
  reportCount("cli", CLI_CASES.length);
});
beforeEach(() => {
  errors = vi.spyOn(console, "error").mockImplementation(() => {});
  logs = vi.spyOn(console, "log").mockImplementation(() => {});
});
afterEach(() => vi.restoreAllMocks());

describe("cli: bad input exits 2 with one error line naming the field", () => {
  it.each(CLI_CASES)("$name", async (k) => {
    const started = Date.now();
    const code = await main(k.argv(ctx));
    const seconds = (Date.now() - started) / 1000;
    const calls = errors.mock.calls.map((args) => args[0]);
    // A crash prints the Error object itself: every call must be a string.
    for (const arg of calls) expect(typeof arg, String(arg)).toBe("string");
    const lines = (calls as string[]).filter((arg) => arg.startsWith("error: "));
    expect(lines, calls.join("\n")).toHaveLength(1);
    const message = lines[0].slice("error: ".length);
    expect(message).toContain(k.field);
    if (k.allowed !== undefined) expect(message).toContain(k.allowed);
    if (k.notInMessage !== undefined) expect(calls.join("\n")).not.toContain(k.notInMessage);
    expect(message).toMatch(MESSAGE_SHAPES[k.errorClass]);
    expect(code).toBe(k.exit);
    // Nothing reaches stdout on bad input (no partial report).
    expect(logs).not.toHaveBeenCalled();
    if (k.withinSeconds !== undefined) expect(seconds).toBeLessThan(k.withinSeconds);
  });
});
