/**
 * The checker waits for a program as the engine does, and never ends without a verdict or a named error: outputs a
 * preview cannot know, secrets, an apply that throws, work started after an await or in a timer, a program that
 * never settles, one that outlives --timeout. In-process runs of runProgram with programs written as functions; the
 * same shapes as real projects, through the packed command, are in test/realPrograms.
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { spawnSync } from "node:child_process";
import * as pulumi from "@pulumi/pulumi";
import { afterAll, describe, expect, it } from "vitest";
import { Campus, CampusArgs } from "../components";
import { parseUrn } from "../plan/mockEngine";
import { writeReportFiles } from "../plan/outputFile";
import { runProgram } from "../plan/runProgram";

/** Short of power and water: the rules find four mandatory budgets broken. */
const FAILING: CampusArgs = {
  location: "Somewhere, Ohio",
  climate: "central-ohio",
  waterPermitM3PerYear: 100,
  halls: [{ name: "hall-a", racks: [{ name: "row-1", design: "gb300-nvl72", rackCount: 8, supplyTempC: 40 }], cooling: { technology: "adiabatic", redundancy: "N+1" } }],
  powerContracts: [{ name: "grid", counterparty: "AEP Ohio", source: "grid-pjm-ohio", contractedMw: 0.5 }],
};

const run = (program: () => unknown, timeoutSeconds?: number) =>
  runProgram({ stack: "dev", config: {}, program, ...(timeoutSeconds !== undefined ? { timeoutSeconds } : {}) });

const campusViews = (r: Awaited<ReturnType<typeof run>>) => r.views.filter((v) => v.type === "aicluster:index:Campus");

/** A custom resource the mocks give no value for `hex` (as a provider computes it only on create). */
class ComputedId extends pulumi.CustomResource {
  declare readonly hex: pulumi.Output<string>;
  constructor(name: string) {
    super("test:index:ComputedId", name, { byteLength: 4, hex: undefined });
  }
}

describe("stack outputs as a preview shows them", () => {
  it("gives [unknown] for a provider's computed output and a StackReference's, [secret] for secrets, values for the rest, each on its own", async () => {
    const r = await run(() => {
      const campus = new Campus("outputs-campus", FAILING);
      const id = new ComputedId("suffix");
      return {
        hex: id.hex,
        vpcId: new pulumi.StackReference("acme/network/prod").getOutput("vpcId"),
        token: pulumi.secret("hunter2"),
        derived: pulumi.secret("hunter2").apply((s) => s.length),
        nested: { secretLeaf: pulumi.secret("x"), known: campus.location, list: [id.hex, 2] },
        plain: "text",
        promised: Promise.resolve(7),
        campus,
      };
    });
    expect(r.outputs).toEqual({
      hex: "[unknown]",
      vpcId: "[unknown]",
      token: "[secret]",
      derived: "[secret]",
      nested: { secretLeaf: "[secret]", known: "Somewhere, Ohio", list: ["[unknown]", 2] },
      plain: "text",
      promised: 7,
      campus: "urn:pulumi:dev::aicluster::aicluster:index:Campus::outputs-campus",
    });
    expect(JSON.stringify(r.outputs)).not.toContain("hunter2");
    // The verdict is still taken: the campus was checked.
    expect(r.findings.some((f) => f.enforcementLevel === "mandatory")).toBe(true);
  });

  it("names the output whose apply throws", async () => {
    await expect(
      run(() => {
        const campus = new Campus("throws-campus", FAILING);
        return { x: campus.pue.apply((p) => { if (p > 1) throw new Error("too high"); return p; }) };
      }),
    ).rejects.toThrow(/^stack output "x" failed: too high$/);
  });
});

describe("the verdict waits for every registration the program started", () => {
  it("checks a campus created after an await", async () => {
    const r = await run(() => {
      void (async () => {
        await fs.promises.readFile(__filename);
        new Campus("late-campus", FAILING);
      })();
      return {};
    });
    expect(campusViews(r).map((v) => v.name)).toEqual(["late-campus"]);
    expect(r.findings.some((f) => f.resourceName.startsWith("late-campus"))).toBe(true);
  });

  it("does not wait for a timer the program unref'd (it keeps no event loop alive)", async () => {
    let timer: NodeJS.Timeout | undefined;
    const r = await run(() => {
      timer = setTimeout(() => {}, 60_000).unref();
      new Campus("unref-campus", FAILING);
      return {};
    }, 30);
    clearTimeout(timer);
    expect(campusViews(r).map((v) => v.name)).toEqual(["unref-campus"]);
  });
});

/**
 * Runs `body` (a program function's source) through runProgram in a fresh Node process, as the command does: the
 * checker compares the event loop's live handles with those before the program started, and a test runner's own
 * timers (vitest batches its reports with them) starting and ending around a run would blur that comparison.
 */
function runInOwnProcess(body: string, timeoutSeconds = 30): { campuses?: string[]; error?: string } {
  const script = `
    const { runProgram } = require(${JSON.stringify(path.resolve(__dirname, "../plan/runProgram"))});
    const { Campus } = require(${JSON.stringify(path.resolve(__dirname, "../components"))});
    const FAILING = ${JSON.stringify(FAILING)};
    runProgram({ stack: "dev", config: {}, timeoutSeconds: ${timeoutSeconds}, program: ${body} }).then(
      (r) => { console.log(JSON.stringify({ campuses: r.views.filter((v) => v.type === "aicluster:index:Campus").map((v) => v.name).sort() })); process.exit(0); },
      (e) => { console.log(JSON.stringify({ error: e.message })); process.exit(0); },
    );`;
  const r = spawnSync(process.execPath, ["-r", require.resolve("ts-node/register/transpile-only"), "-e", script], { encoding: "utf8", timeout: 120_000 });
  const last = r.stdout.trim().split("\n").pop() ?? "";
  if (!last.startsWith("{")) throw new Error(`no result: ${r.stdout.slice(-2000)}\n${r.stderr.slice(-2000)}`);
  return JSON.parse(last) as { campuses?: string[]; error?: string };
}

describe("in the command's own process", () => {
  it("checks a campus created in a timer, and one created after a timer the exported function awaits", () => {
    const r = runInOwnProcess(`async () => {
      setTimeout(() => new Campus("timer-campus", FAILING), 300);
      await new Promise((done) => setTimeout(done, 50));
      new Campus("awaited-campus", FAILING);
      return {};
    }`);
    expect(r).toEqual({ campuses: ["awaited-campus", "timer-campus"] });
  }, 120_000);

  it("fails as soon as the event loop empties with the program pending, naming what is pending", () => {
    const started = Date.now();
    const r = runInOwnProcess("() => new Promise(() => {})", 60);
    expect(r).toEqual({
      error: "the program never finishes: the program's code (its exported function, or a module it awaits) is still pending, and nothing the program started (a timer, a file or network request) is still running to settle it; a promise that nothing resolves? (Pulumi's engine stops such a program too)",
    });
    expect(Date.now() - started).toBeLessThan(30_000);
  }, 120_000);

  it("names the outputs that never resolve", () => {
    const r = runInOwnProcess(`() => ({ ok: 1, stuck: require("@pulumi/pulumi").output(new Promise(() => {})) })`, 60);
    expect(r.error).toMatch(/^the program never finishes: stack output "stuck" is still pending, and nothing the program started/);
  }, 120_000);

  it("fails at --timeout, naming the work still running", () => {
    const r = runInOwnProcess(`() => { setInterval(() => {}, 200); return {}; }`, 1);
    expect(r).toEqual({ error: "the program did not settle within --timeout 1 s; still pending: a timer (setTimeout or setInterval) the program started" });
  }, 120_000);

  it("names a server the program left listening at the timeout", () => {
    const r = runInOwnProcess(`() => { require("net").createServer().listen(0, "127.0.0.1"); return {}; }`, 1);
    expect(r).toEqual({ error: "the program did not settle within --timeout 1 s; still pending: a network server the program started" });
  }, 120_000);
});

describe("URNs", () => {
  it("keeps a name that holds ::", () => {
    expect(parseUrn("urn:pulumi:dev::proj::aicluster:index:Campus::x::y")).toEqual({ type: "aicluster:index:Campus", name: "x::y" });
    expect(parseUrn("urn:pulumi:dev::proj::aicluster:index:Campus$aicluster:index:DataHall::x-hall")).toEqual({ type: "aicluster:index:Campus$aicluster:index:DataHall", name: "x-hall" });
  });
});

describe("reports are written all together or not at all", () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "aicluster-reports-"));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it("writes none when one target is a folder", () => {
    fs.mkdirSync(path.join(dir, "r.sarif"));
    expect(() =>
      writeReportFiles([
        { flag: "--output-dir", file: path.join(dir, "r.json"), text: "{}" },
        { flag: "--output-dir", file: path.join(dir, "r.sarif"), text: "{}" },
      ]),
    ).toThrow(`--output-dir ${path.join(dir, "r.sarif")}: allowed a regular file (it is a folder)`);
    expect(fs.readdirSync(dir)).toEqual(["r.sarif"]);
  });

  it("writes none, and leaves no temporary file, when the step before committing fails", () => {
    const files = [{ flag: "--out", file: path.join(dir, "a.json"), text: "{}" }];
    expect(() => writeReportFiles(files, () => { throw new Error("summary failed"); })).toThrow("summary failed");
    expect(fs.readdirSync(dir).filter((f) => f.startsWith("a.json"))).toEqual([]);
  });

  it("refuses two reports to one file", () => {
    const file = path.join(dir, "same.md");
    expect(() => writeReportFiles([{ flag: "--html", file, text: "a" }, { flag: "--out", file, text: "b" }])).toThrow(`--out ${file}: the same file as --html ${file}; allowed: one report per file`);
  });

  it("writes all when all can be written", () => {
    writeReportFiles([
      { flag: "--out", file: path.join(dir, "b.json"), text: "1" },
      { flag: "--html", file: path.join(dir, "b.html"), text: "2" },
    ]);
    expect([fs.readFileSync(path.join(dir, "b.json"), "utf8"), fs.readFileSync(path.join(dir, "b.html"), "utf8")]).toEqual(["1", "2"]);
  });
});

describe("output to a pipe is complete", () => {
  it("a 3.7 MB write followed by the command's exit reaches a reader in full", () => {
    // A child writes 4 MiB of JSON to a pipe and exits the way the commands do; another child parses what arrives.
    const exitModule = path.resolve(__dirname, "../plan/exit.ts");
    const writer = `require(${JSON.stringify(require.resolve("ts-node/register/transpile-only"))}); const { exitWhenFlushed } = require(${JSON.stringify(exitModule)}); process.stdout.write(JSON.stringify({ items: Array.from({ length: 4 * 1024 * 1024 / 16 }, (_, i) => "x".repeat(10) + i % 10) })); exitWhenFlushed(1);`;
    const reader = `let n = 0, s = ""; process.stdin.setEncoding("utf8").on("data", (d) => { s += d; }).on("end", () => { console.log(JSON.parse(s).items.length, Buffer.byteLength(s)); });`;
    const r = spawnSync("bash", ["-c", `node -e '${writer}' | node -e '${reader}'; echo "writer exit \${PIPESTATUS[0]}"`], { encoding: "utf8", timeout: 60_000 });
    expect(r.stderr).toBe("");
    const [count, bytes] = r.stdout.split("\n")[0].split(" ").map(Number);
    expect(count).toBe(262_144);
    // Each item is "xxxxxxxxxxN", (14 bytes), the last without its comma, inside {"items":[...]}.
    expect(bytes).toBe(262_144 * 14 - 1 + '{"items":[]}'.length);
    expect(r.stdout).toContain("writer exit 1");
  }, 60_000);
});
