/**
 * The public API's args are documented where users read them (editor hovers, the .d.ts files): every field, and
 * nested ones, has TSDoc; every optional field says what happens without it (`@default`); every number says its
 * range or unit.
 */
import * as path from "path";
import * as ts from "typescript";
import { describe, expect, it } from "vitest";

const ENTRIES = ["../components/index.ts", "../components/aws/index.ts"].map((e) => path.resolve(__dirname, e));

interface Problem {
  field: string;
  problem: string;
}

function argsProblems(): { checked: string[]; problems: Problem[] } {
  const program = ts.createProgram(ENTRIES, { strict: true, module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022 });
  const checker = program.getTypeChecker();
  const checked: string[] = [];
  const problems: Problem[] = [];
  const seen = new Set<ts.Type>();

  const ownObject = (type: ts.Type): ts.Type | undefined => {
    const t = checker.getNonNullableType(type);
    const element = checker.isArrayType(t) ? checker.getTypeArguments(t as ts.TypeReference)[0] : t;
    const decl = element.getSymbol()?.declarations?.[0];
    return decl && !decl.getSourceFile().fileName.includes("node_modules") && element.getProperties().length > 0 && !(element.flags & ts.TypeFlags.StringLike) ? element : undefined;
  };

  const walk = (owner: string, type: ts.Type) => {
    if (seen.has(type)) return;
    seen.add(type);
    for (const p of type.getProperties()) {
      const field = `${owner}.${p.name}`;
      checked.push(field);
      const doc = ts.displayPartsToString(p.getDocumentationComment(checker));
      const tags = p.getJsDocTags(checker);
      const propType = checker.getTypeOfSymbol(p);
      if (!doc.trim()) problems.push({ field, problem: "no TSDoc" });
      if (p.flags & ts.SymbolFlags.Optional && !tags.some((t) => t.name === "default")) problems.push({ field, problem: "optional without @default" });
      const isNumber = checker.getNonNullableType(propType).flags & ts.TypeFlags.NumberLike;
      const text = doc + tags.map((t) => ts.displayPartsToString(t.text)).join(" ");
      if (isNumber && !/\d/.test(text)) problems.push({ field, problem: "a number without a range or unit figure" });
      const nested = ownObject(propType);
      if (nested) walk(field, nested);
    }
  };

  for (const file of ENTRIES) {
    for (const exported of checker.getExportsOfModule(checker.getSymbolAtLocation(program.getSourceFile(file)!)!)) {
      if (!exported.name.endsWith("Args")) continue;
      const symbol = exported.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(exported) : exported;
      walk(exported.name, checker.getDeclaredTypeOfSymbol(symbol));
    }
  }
  return { checked, problems };
}

describe("public args documentation", () => {
  it("documents every args field, nested ones included, with defaults and ranges", () => {
    const { checked, problems } = argsProblems();
    expect(checked.length).toBeGreaterThan(50);
    for (const nested of [".racks.supplyTempC", ".redundancy", ".powerContracts.contractedMw", "GpuNodePoolArgs.nodeCount", "AwsGpuClusterArgs.efaInterfacesPerNode"]) {
      expect(checked.some((field) => field.endsWith(nested)), nested).toBe(true);
    }
    expect(problems).toEqual([]);
  }, 30_000);
});
