/**
 * Each component's Output declarations and docs/outputs.md are generated from the footprints (scripts/outputs.ts):
 * they are current, they follow the footprint field for field, and the generator refuses what it cannot write.
 */
import * as fs from "fs";
import * as path from "path";
import { beforeAll, describe, expect, it } from "vitest";
import {
  ComponentOutputs,
  IMPORTS_BEGIN,
  IMPORTS_END,
  OUTPUTS_BEGIN,
  OUTPUTS_END,
  outputFiles,
  outputsPage,
  readComponentOutputs,
  REGENERATE,
  ROOT,
  staleOutputFiles,
  unitOf,
  withGeneratedBlocks,
} from "../scripts/outputs";
import { TYPE_TOKENS } from "../components/model/typeTokens";

let components: ComponentOutputs[];
let files: Record<string, string>;

beforeAll(() => {
  // One TypeScript program over the components: a few seconds on a loaded machine.
  components = readComponentOutputs();
  files = outputFiles(ROOT, components);
}, 120_000);

describe("generated output declarations (scripts/outputs.ts)", () => {
  it(`are current: every class's block and docs/outputs.md (regenerate with ${REGENERATE})`, () => {
    const stale = staleOutputFiles(files);
    expect(stale, `stale: ${stale.join(", ")}; run ${REGENERATE}`).toEqual([]);
  });

  it("cover every component type token but the AWS pilot's, each from its own class file", () => {
    const tokens = Object.values(TYPE_TOKENS).filter((t) => t !== TYPE_TOKENS.awsPilot);
    expect(components.map((c) => c.token).sort()).toEqual([...tokens].sort());
    for (const c of components) expect(fs.readFileSync(path.join(ROOT, c.file), "utf8")).toContain(`export class ${c.className} `);
  });

  it("declare each published field once, in the footprint's order, with its TSDoc, widened and optional types", () => {
    const campus = components.find((c) => c.token === TYPE_TOKENS.campus)!;
    const names = campus.fields.map((f) => f.name);
    expect(new Set(names).size).toBe(names.length);
    // The footprint's order, the interfaces it extends first (the totals a hall and a campus share), then its own:
    // location first of those, costs last.
    expect(names.slice(0, 3)).toEqual(["rackCount", "nodeCount", "gpuCount"]);
    expect(names.indexOf("wueLPerKwh")).toBeLessThan(names.indexOf("location"));
    expect(names.slice(names.indexOf("location"), names.indexOf("location") + 3)).toEqual(["location", "climate", "onlineYear"]);
    expect(names.indexOf("pue")).toBeLessThan(names.indexOf("capexUsd"));
    const source = files[campus.file];
    const block = source.slice(source.indexOf(OUTPUTS_BEGIN), source.indexOf(OUTPUTS_END));
    const declared = [...block.matchAll(/declare readonly (\w+): pulumi\.Output<(.+)>;/g)].map((m) => [m[1], m[2]]);
    expect(declared.map(([n]) => n)).toEqual(names);
    const typeOf = Object.fromEntries(declared);
    expect(typeOf.carbonBasis).toBe("string"); // a literal union, widened as OutputsOf does
    expect(typeOf.onlineYear).toBe("number | undefined");
    expect(typeOf.years).toBe("YearRow[]");
    expect(typeOf.financing).toBe("Financing | undefined");
    expect(block).toContain("  /** Annual PUE: facility energy / IT energy, summed over the 8,760 hours. */\n  declare readonly pue: pulumi.Output<number>;");
    expect(source).toMatch(/import type \{ YearRow \} from "\.\/years\/ledger";/);
  });

  it("docs/outputs.md has a table per component: field, type (integer where tagged @integer), unit, description", () => {
    const page = files["docs/outputs.md"];
    for (const c of components) {
      expect(page).toContain(`## ${c.className}\n`);
      for (const f of c.fields) expect(page, `${c.className}.${f.name}`).toContain(`| \`${f.name}\` | `);
    }
    expect(page).toContain("| `gpuCount` | `integer` |  | GPUs. |");
    expect(page).toMatch(/\| `waterM3PerYear` \| `number` \| m³\/yr \| /);
    expect(page).toMatch(/\| `maxShortfallHour` \| `string`, optional \|/);
  });

  it("names the units the field names state", () => {
    const cases: [string, string][] = [
      ["facilityPowerKw", "kW"],
      ["facilityPowerMw", "MW"],
      ["annualItEnergyMwh", "MWh"],
      ["waterM3PerYear", "m³/yr"],
      ["wueLPerKwh", "L/kWh"],
      ["carbonIntensityGPerKwh", "gCO2e/kWh"],
      ["costUsdPerGpuHour", "USD/GPU-hour"],
      ["supplyTempC", "°C"],
      ["cduApproachK", "K"],
      ["gpuPowerW", "W"],
      ["gpuCount", ""],
      ["pue", ""],
    ];
    for (const [field, unit] of cases) expect(unitOf(field), field).toBe(unit);
  });

  it("a changed footprint makes the files stale, and a class without its markers or importing a type twice is refused", () => {
    const pool = components.find((c) => c.token === TYPE_TOKENS.nodePool)!;
    // A field's TSDoc edited in the footprint: the class's block and the page both change, and the check names them.
    const edited: ComponentOutputs = { ...pool, fields: pool.fields.map((f) => (f.name === "gpuCount" ? { ...f, doc: "Something else." } : f)) };
    const source = fs.readFileSync(path.join(ROOT, pool.file), "utf8");
    const regenerated = withGeneratedBlocks(source, edited);
    expect(regenerated).toContain("/** Something else. */\n  declare readonly gpuCount");
    expect(staleOutputFiles({ [pool.file]: regenerated, "docs/outputs.md": outputsPage([edited]) })).toEqual([pool.file, "docs/outputs.md"]);
    // A field dropped from the footprint disappears from the class.
    const dropped = withGeneratedBlocks(source, { ...pool, fields: pool.fields.filter((f) => f.name !== "gpuMemoryGb") });
    expect(dropped).not.toContain("gpuMemoryGb");
    // Markers missing: the error names them.
    expect(() => withGeneratedBlocks(source.replace(OUTPUTS_END, ""), pool)).toThrow(OUTPUTS_END);
    // A type the block needs, with no import markers in the file: the error names the markers.
    const needsImport: ComponentOutputs = { ...pool, imports: new Map([["./costs/range", new Set(["UsdRange"])]]) };
    expect(() => withGeneratedBlocks(source, needsImport)).toThrow(IMPORTS_BEGIN);
    const campus = components.find((c) => c.token === TYPE_TOKENS.campus)!;
    const campusSource = fs.readFileSync(path.join(ROOT, campus.file), "utf8");
    expect(campusSource).toContain(IMPORTS_END);
    // A type imported by hand as well as by the block: refused, naming it.
    expect(() => withGeneratedBlocks(`import type { YearRow } from "./elsewhere";\n${campusSource}`, campus)).toThrow(/imports YearRow by hand/);
  });
});
