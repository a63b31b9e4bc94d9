/**
 * Errors the ecosystem expects (issues 22.7 and 23.1): the model throws a Pulumi-free AiclusterInputError; the
 * components rethrow it as `pulumi.InputPropertiesError` (one entry per field, so YAML and Python users see each
 * property) that is still `instanceof AiclusterInputError` with the same message; an Output or a Promise where a plain
 * value is needed is named as such, not shown as its `toJSON` text.
 */
import { execFileSync } from "child_process";
import * as fs from "fs";
import * as path from "path";
import fc from "fast-check";
import * as pulumi from "@pulumi/pulumi";
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { envInt, SEED } from "./helpers/arbitraries";
import { installMocks } from "./helpers/mocks";

installMocks();
type Components = typeof import("../components");
let c: Components;
let aws: typeof import("../components/aws");
let showValue: (value: unknown) => string;

beforeAll(async () => {
  c = await import("../components");
  aws = await import("../components/aws");
  ({ showValue } = await import("../components/catalog/issues"));
});

const ROOT = path.resolve(__dirname, "..");
const TREE = "pass a plain value: this argument decides how many resources are created";
const MODEL = "pass a plain value: the footprint is computed from this argument when the component is created";

/** What `fn` throws (it must throw). */
function thrown(fn: () => unknown): Error & { errors?: { propertyPath: string; reason: string }[]; problems?: unknown[] } {
  try {
    fn();
  } catch (e) {
    return e as never;
  }
  throw new Error("expected an error, nothing was thrown");
}

const rackGroup = (over: Record<string, unknown> = {}) => ({ name: "r", design: "gb200-nvl72", rackCount: 1, ...over });
const campusArgs = (over: Record<string, unknown> = {}, group: Record<string, unknown> = {}) => ({
  location: "New Albany, Ohio",
  climate: "central-ohio",
  halls: [{ name: "h", racks: [rackGroup(group)] }],
  powerContracts: [{ name: "g", counterparty: "AEP Ohio", source: "grid-pjm-ohio", contractedMw: 2 }],
  ...over,
});

describe("the model and the rules load without @pulumi/pulumi", () => {
  it("no module of model, physics, catalog, hours, years, costs or policies/evaluate requires it; the probe does see components/errors", () => {
    const pure = [
      ...fs.readdirSync(path.join(ROOT, "components/model")).filter((f) => f.endsWith(".ts")).map((f) => `components/model/${f}`),
      "components/physics/index.ts",
      "components/catalog/index.ts",
      ...["hours", "years", "costs"].flatMap((dir) => fs.readdirSync(path.join(ROOT, "components", dir)).filter((f) => f.endsWith(".ts")).map((f) => `components/${dir}/${f}`)),
      "policies/evaluate.ts",
    ];
    expect(pure).toContain("components/model/validate.ts");
    expect(pure).toContain("components/model/inputError.ts");
    // A fresh Node process: records who asks for @pulumi/pulumi while the pure modules load, then loads
    // components/errors.ts as the control (it must be seen, or the probe proves nothing).
    const probe = `
      require(${JSON.stringify(require.resolve("ts-node"))}).register({ transpileOnly: true, project: ${JSON.stringify(path.join(ROOT, "tsconfig.json"))} });
      const Module = require("module");
      const load = Module._load;
      let requiredBy = [];
      Module._load = function (request, parent) {
        if (request === "@pulumi/pulumi" || request.startsWith("@pulumi/pulumi/")) requiredBy.push(parent ? parent.filename : "?");
        return load.apply(this, arguments);
      };
      for (const f of ${JSON.stringify(pure)}) require(require("path").join(${JSON.stringify(ROOT)}, f));
      const pure = requiredBy;
      requiredBy = [];
      require(${JSON.stringify(path.join(ROOT, "components/errors.ts"))});
      process.stdout.write(JSON.stringify({ pure, control: requiredBy }));
    `;
    const out = JSON.parse(execFileSync(process.execPath, ["-e", probe], { cwd: ROOT, encoding: "utf8", timeout: 60_000 })) as { pure: string[]; control: string[] };
    expect(out.pure).toEqual([]);
    expect(out.control).toEqual([path.join(ROOT, "components/errors.ts")]);
  }, 60_000);

  it("the model throws the pure error: an AiclusterInputError, not a Pulumi error", async () => {
    const { campusModel } = await import("../components/model/campus");
    const pureModule = await import("../components/model/inputError");
    const e = thrown(() => campusModel(campusArgs({}, { rackCount: 0 }) as never, { type: "aicluster:index:Campus", name: "m" }));
    expect(e.constructor).toBe(pureModule.AiclusterInputError);
    expect(e).toBeInstanceOf(c.AiclusterInputError);
    expect(pulumi.InputPropertiesError.isInstance(e)).toBe(false);
    expect(pulumi.RunError.isInstance(e)).toBe(false);
    expect(e.message).toBe('aicluster:index:Campus "m" has invalid args: halls[0].racks[0].rackCount = 0; allowed: a whole number from 1 to 100,000');
  });
});

describe("components throw pulumi.InputPropertiesError, one entry per field, still an AiclusterInputError", () => {
  const cases: { what: string; make: () => unknown; message: string; errors: [string, string][] }[] = [
    {
      what: "GpuNodePool",
      make: () => new c.GpuNodePool("p", { nodeDesign: "hgx-h100-8gpu", nodeCount: -3 }),
      message: 'aicluster:index:GpuNodePool "p" has invalid args: nodeCount = -3; allowed: a whole number from 0 to 10,000,000',
      errors: [["nodeCount", "-3; allowed: a whole number from 0 to 10,000,000"]],
    },
    {
      what: "LiquidCooledRack",
      make: () => new c.LiquidCooledRack("r", { design: "gb200-nvl72", rackCount: Number.NaN }),
      message: 'aicluster:index:LiquidCooledRack "r" has invalid args: rackCount = NaN; allowed: a whole number from 1 to 100,000',
      errors: [["rackCount", "NaN; allowed: a whole number from 1 to 100,000"]],
    },
    {
      what: "AirCooledRack",
      make: () => new c.AirCooledRack("air", { design: "hgx-h100-air-rack", rackCount: 0 }),
      message: 'aicluster:index:AirCooledRack "air" has invalid args: rackCount = 0; allowed: a whole number from 1 to 100,000',
      errors: [["rackCount", "0; allowed: a whole number from 1 to 100,000"]],
    },
    {
      what: "CoolingPlant",
      make: () => new c.CoolingPlant("cp", { technology: "chiller", climate: "central-ohio", heatLoadKw: Number.NaN }),
      message: 'aicluster:index:CoolingPlant "cp" has invalid args: heatLoadKw = NaN; allowed: a number from 0 to 100,000,000 kW',
      errors: [["heatLoadKw", "NaN; allowed: a number from 0 to 100,000,000 kW"]],
    },
    {
      what: "PowerContract, two fields",
      make: () => new c.PowerContract("pc", { counterparty: "X", source: "wind-onshore", contractedMw: -5, firmFraction: 2 }),
      message: 'aicluster:index:PowerContract "pc" has invalid args:\n  - contractedMw = -5; allowed: a number above 0 and up to 100,000 MW\n  - firmFraction = 2; allowed: a number from 0 to 1',
      errors: [
        ["contractedMw", "-5; allowed: a number above 0 and up to 100,000 MW"],
        ["firmFraction", "2; allowed: a number from 0 to 1"],
      ],
    },
    {
      what: "DataHall",
      make: () => new c.DataHall("h", { racks: [rackGroup()], utilisation: 3 }),
      message: 'aicluster:index:DataHall "h" has invalid args: utilisation = 3; allowed: a number above 0 and up to 1 (average / maximum IT power)',
      errors: [["utilisation", "3; allowed: a number above 0 and up to 1 (average / maximum IT power)"]],
    },
    {
      what: "Campus, two fields",
      make: () => new c.Campus("cx", campusArgs({ onlineYear: 1990, waterPermitM3PerYear: -1 }) as never),
      message: 'aicluster:index:Campus "cx" has invalid args:\n  - onlineYear = 1990; allowed: a whole number from 2,000 to 2,100\n  - waterPermitM3PerYear = -1; allowed: a number from 0 to 10,000,000,000 m³/yr',
      errors: [
        ["onlineYear", "1990; allowed: a whole number from 2,000 to 2,100"],
        ["waterPermitM3PerYear", "-1; allowed: a number from 0 to 10,000,000,000 m³/yr"],
      ],
    },
    {
      what: "Campus, a nested field",
      make: () => new c.Campus("cy", campusArgs({}, { rackCount: 0 }) as never),
      message: 'aicluster:index:Campus "cy" has invalid args: halls[0].racks[0].rackCount = 0; allowed: a whole number from 1 to 100,000',
      errors: [["halls[0].racks[0].rackCount", "0; allowed: a whole number from 1 to 100,000"]],
    },
    {
      what: "AwsGpuCluster",
      make: () => new aws.AwsGpuCluster("p", { design: "hgx-h100-air-rack", nodeCount: -1, campus: "c", hall: "h", rackGroup: "g" }),
      message: 'aicluster:aws:GpuCluster "p" has invalid args: nodeCount = -1; allowed: a whole number from 1 to 256',
      errors: [["nodeCount", "-1; allowed: a whole number from 1 to 256"]],
    },
  ];

  it.each(cases)("$what", ({ make, message, errors }) => {
    const e = thrown(make);
    expect(e).toBeInstanceOf(pulumi.InputPropertiesError);
    expect(pulumi.InputPropertiesError.isInstance(e)).toBe(true);
    expect(e).toBeInstanceOf(c.AiclusterInputError);
    expect(c.isAiclusterInputError(e)).toBe(true);
    // The Node.js language host prints a RunError's message without a stack trace.
    expect(pulumi.RunError.isInstance(e)).toBe(true);
    expect(e.message).toBe(message);
    expect(e.name).toBe("AiclusterInputError");
    expect(e.errors).toEqual(errors.map(([propertyPath, reason]) => ({ propertyPath, reason })));
    expect(e.problems).toHaveLength(errors.length);
    expect((e as unknown as { resourceName: string }).resourceName).toBe(message.split('"')[1]);
    expect((e as unknown as { resourceType: string }).resourceType).toBe(message.split(" ")[0]);
  });

  it("instanceof AiclusterInputError is not true of other errors", () => {
    expect(new Error("x")).not.toBeInstanceOf(c.AiclusterInputError);
    expect(new pulumi.InputPropertiesError({ message: "m", errors: [] })).not.toBeInstanceOf(c.AiclusterInputError);
    expect(new pulumi.RunError("m")).not.toBeInstanceOf(c.AiclusterInputError);
    expect({ message: "m", problems: [] }).not.toBeInstanceOf(c.AiclusterInputError);
    expect(c.isAiclusterInputError(undefined)).toBe(false);
  });

  it("the component package's provider throws it too, so the engine lists each property (the check its gRPC server makes)", async () => {
    const { createProvider } = await import("../provider/components");
    const provider = createProvider();
    const inputs = campusArgs({}, { rackCount: -1 }) as unknown as pulumi.Inputs;
    const e = await provider.construct("campus", "aicluster:index:Campus", inputs, {}).then(
      () => undefined,
      (err: unknown) => err as Error & { errors: unknown },
    );
    expect(e).toBeDefined();
    expect(pulumi.InputPropertiesError.isInstance(e)).toBe(true);
    expect(e!.message).toBe('aicluster:index:Campus "campus" has invalid args: halls[0].racks[0].rackCount = -1; allowed: a whole number from 1 to 100,000');
    expect(e!.errors).toEqual([{ propertyPath: "halls[0].racks[0].rackCount", reason: "-1; allowed: a whole number from 1 to 100,000" }]);
    // A secret config value reaches the provider as an Output inside the plain args.
    const secret = await provider.construct("campus2", "aicluster:index:Campus", campusArgs({}, { rackCount: pulumi.secret(8) }) as unknown as pulumi.Inputs, {}).then(
      () => undefined,
      (err: unknown) => err as Error & { errors: unknown },
    );
    expect(secret!.errors).toEqual([{ propertyPath: "halls[0].racks[0].rackCount", reason: `an Output; allowed: ${TREE}` }]);
  });
});

describe("an Output or a Promise where a plain value is needed", () => {
  it("rackCount of a rack group: an Output, a Promise", () => {
    for (const [value, shown] of [[pulumi.output(4), "an Output"], [Promise.resolve(4), "a Promise"]] as const) {
      const e = thrown(() => new c.LiquidCooledRack("r", { design: "gb200-nvl72", rackCount: value as never }));
      expect(e.message).toBe(`aicluster:index:LiquidCooledRack "r" has invalid args: rackCount = ${shown}; allowed: ${TREE}`);
      expect(e.errors).toEqual([{ propertyPath: "rackCount", reason: `${shown}; allowed: ${TREE}` }]);
      expect(e.message).not.toContain("toJSON");
    }
  });

  it("rackCount inside a campus, and the halls list itself", () => {
    for (const [value, shown] of [[pulumi.output(4), "an Output"], [Promise.resolve(4), "a Promise"]] as const) {
      expect(thrown(() => new c.Campus("x", campusArgs({}, { rackCount: value }) as never)).message).toBe(
        `aicluster:index:Campus "x" has invalid args: halls[0].racks[0].rackCount = ${shown}; allowed: ${TREE}`,
      );
    }
    for (const [value, shown] of [[pulumi.output(campusArgs().halls), "an Output"], [Promise.resolve(campusArgs().halls), "a Promise"]] as const) {
      const e = thrown(() => new c.Campus("x", campusArgs({ halls: value }) as never));
      expect(e.message).toBe(`aicluster:index:Campus "x" has invalid args: halls = ${shown}; allowed: ${TREE}`);
      expect(e.errors).toEqual([{ propertyPath: "halls", reason: `${shown}; allowed: ${TREE}` }]);
    }
  });

  it("nodeCount, powerContracts and a hall's rack list decide the tree; a temperature or a design id is needed by the model", () => {
    expect(thrown(() => new c.GpuNodePool("p", { nodeDesign: "hgx-h100-8gpu", nodeCount: pulumi.output(2) as never })).message).toBe(
      `aicluster:index:GpuNodePool "p" has invalid args: nodeCount = an Output; allowed: ${TREE}`,
    );
    expect(thrown(() => new c.Campus("x", campusArgs({ powerContracts: pulumi.output([]) }) as never)).message).toBe(
      `aicluster:index:Campus "x" has invalid args: powerContracts = an Output; allowed: ${TREE}`,
    );
    expect(thrown(() => new c.DataHall("h", { racks: [pulumi.output(rackGroup()) as never] })).message).toBe(
      `aicluster:index:DataHall "h" has invalid args: racks[0] = an Output; allowed: ${TREE}`,
    );
    expect(thrown(() => new c.LiquidCooledRack("r", { design: "gb200-nvl72", rackCount: 1, supplyTempC: pulumi.output(30) as never })).message).toBe(
      `aicluster:index:LiquidCooledRack "r" has invalid args: supplyTempC = an Output; allowed: ${MODEL}`,
    );
    expect(thrown(() => new c.LiquidCooledRack("r", { design: pulumi.output("gb200-nvl72") as never, rackCount: 1 })).message).toBe(
      `aicluster:index:LiquidCooledRack "r" has invalid args: design = an Output; allowed: ${MODEL}`,
    );
  });

  it("with other bad fields: one entry each; an unknown field's Output is reported as unknown", () => {
    const e = thrown(() => new c.LiquidCooledRack("r", { design: "gb200-nvl72", rackCount: pulumi.output(2) as never, supplyTempC: 99 }));
    expect(e.errors).toEqual([
      { propertyPath: "rackCount", reason: `an Output; allowed: ${TREE}` },
      { propertyPath: "supplyTempC", reason: "99; allowed: a number from 2 to 70 °C" },
    ]);
    expect(thrown(() => new c.LiquidCooledRack("r", { design: "gb200-nvl72", rackCount: 1, rackCuont: pulumi.output(2) } as never)).message).toBe(
      'aicluster:index:LiquidCooledRack "r" has invalid args: rackCuont = an Output; allowed: no such field (check the spelling)',
    );
  });
});

describe("bad numbers in any numeric field: the error names the field's path, and NaN never passes", () => {
  const RUNS = envInt("FC_RUNS", 300);
  interface NumericField {
    path: string;
    min: number;
    max: number;
    /** A whole number is required. */
    whole: boolean;
    /** 0 is out of range though min is 0 (a number above 0). */
    aboveMin?: boolean;
    make: (value: unknown) => unknown;
  }
  const fields: NumericField[] = [
    { path: "nodeCount", min: 0, max: 10_000_000, whole: true, make: (v) => new c.GpuNodePool("p", { nodeDesign: "hgx-h100-8gpu", nodeCount: v as number }) },
    { path: "rackCount", min: 1, max: 100_000, whole: true, make: (v) => new c.LiquidCooledRack("r", { design: "gb200-nvl72", rackCount: v as number }) },
    { path: "supplyTempC", min: 2, max: 70, whole: false, make: (v) => new c.LiquidCooledRack("r", { design: "gb200-nvl72", rackCount: 1, supplyTempC: v as number }) },
    { path: "heatLoadKw", min: 0, max: 1e8, whole: false, make: (v) => new c.CoolingPlant("cp", { technology: "chiller", climate: "central-ohio", heatLoadKw: v as number }) },
    {
      path: "contractedMw", min: 0, max: 100_000, whole: false, aboveMin: true,
      make: (v) => new c.PowerContract("pc", { counterparty: "X", source: "wind-onshore", contractedMw: v as number }),
    },
    { path: "halls[0].racks[0].rackCount", min: 1, max: 100_000, whole: true, make: (v) => new c.Campus("x", campusArgs({}, { rackCount: v }) as never) },
    { path: "waterPermitM3PerYear", min: 0, max: 1e10, whole: false, make: (v) => new c.Campus("x", campusArgs({ waterPermitM3PerYear: v }) as never) },
  ];
  const badValue = (f: NumericField): fc.Arbitrary<unknown> =>
    fc.oneof(
      fc.constantFrom(Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, null, true, "12", [], {}),
      fc.double({ max: f.min, noNaN: true, noDefaultInfinity: true }).filter((v) => v < f.min || (f.aboveMin === true && v === f.min)),
      fc.double({ min: f.max, noNaN: true, noDefaultInfinity: true }).filter((v) => v > f.max),
      f.whole ? fc.double({ min: f.min, max: f.max, noNaN: true }).filter((v) => !Number.isInteger(v)) : fc.constant(Number.NaN),
      fc.string().filter((s) => s.length > 0),
    );

  it("every bad value is one InputPropertiesError entry at the field's path, showing the value", () => {
    fc.assert(
      fc.property(fc.constantFrom(...fields), fc.context(), (f, ctx) =>
        fc.assert(
          fc.property(badValue(f), (value) => {
            ctx.log(`${f.path} = ${String(value)}`);
            const e = thrown(() => f.make(value));
            expect(e).toBeInstanceOf(pulumi.InputPropertiesError);
            expect(e).toBeInstanceOf(c.AiclusterInputError);
            expect(e.errors).toHaveLength(1);
            expect(e.errors![0].propertyPath).toBe(f.path);
            expect(e.errors![0].reason.startsWith(`${showValue(value)}; allowed: `)).toBe(true);
            expect(e.message).toContain(`has invalid args: ${f.path} = ${showValue(value)}; allowed: `);
            if (typeof value === "number" && Number.isNaN(value)) expect(e.message).toContain(`${f.path} = NaN;`);
          }),
          { seed: SEED, numRuns: Math.max(10, Math.round(RUNS / fields.length)) },
        ),
      ),
      { seed: SEED, numRuns: fields.length * 2 },
    );
  });
});

describe("on an SDK without InputPropertiesError (before 3.135.1)", () => {
  afterEach(() => {
    vi.doUnmock("@pulumi/pulumi");
    vi.resetModules();
  });

  it("the components throw a RunError carrying the same errors list and fields", async () => {
    vi.resetModules();
    vi.doMock("@pulumi/pulumi", async () => {
      const actual = await vi.importActual<typeof import("@pulumi/pulumi")>("@pulumi/pulumi");
      return { ...actual, InputPropertiesError: undefined };
    });
    const errors = await import("../components/errors");
    const e = thrown(() =>
      errors.atPulumiBoundary(() => {
        throw new errors.AiclusterInputError("aicluster:index:GpuNodePool", "p", [{ field: "nodeCount", value: -1, allowed: "a whole number from 0 to 10,000,000" }]);
      }),
    );
    expect(e).toBeInstanceOf(pulumi.RunError);
    expect(pulumi.InputPropertiesError.isInstance(e)).toBe(false);
    expect(e).toBeInstanceOf(errors.AiclusterInputError);
    expect(e.message).toBe('aicluster:index:GpuNodePool "p" has invalid args: nodeCount = -1; allowed: a whole number from 0 to 10,000,000');
    expect(e.errors).toEqual([{ propertyPath: "nodeCount", reason: "-1; allowed: a whole number from 0 to 10,000,000" }]);
  });
});
