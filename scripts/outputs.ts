/**
 * Writes each component's Output declarations, and docs/outputs.md, from the one declaration of its published
 * fields: the model's footprint interfaces (components/model/), from which components/model/published.ts derives the
 * `*Outputs` type of each type token (`PublishedByType`).
 *
 * Pulumi's component-package analyzer (provider/) reads only the `declare readonly x: pulumi.Output<...>` members a
 * class writes itself, not mapped types or base classes, so the members must be in the class's source. This script
 * writes them between the `// <generated:outputs>` markers of each class, in the footprint's order, each with the
 * field's TSDoc on one line, and the `import type` lines they need between the `// <generated:output-types>` markers
 * of the file. `implements OutputsOf<...>` and test/declaredOutputs.test.ts still check the result both ways.
 *
 *   npm run outputs             # writes them (also run by npm run docs:generate)
 *   npm run outputs -- --check  # exit 1, naming the stale files (test/outputsGenerated.test.ts runs the same check)
 */
import * as fs from "fs";
import * as path from "path";
import * as ts from "typescript";
import { integerOutputNames } from "../provider/integers";
import { cell, runGenerator, staleFiles } from "./generated";

/** The repository root: the generated files are named relative to it. */
export const ROOT = path.resolve(__dirname, "..");
/** The command that regenerates the files. */
export const REGENERATE = "npm run outputs";
/** The marker lines around a class's generated Output members. */
export const OUTPUTS_BEGIN = "// <generated:outputs>";
/** Closes {@link OUTPUTS_BEGIN}. */
export const OUTPUTS_END = "// </generated:outputs>";
/** The marker lines around a file's generated `import type` lines. */
export const IMPORTS_BEGIN = "// <generated:output-types>";
/** Closes {@link IMPORTS_BEGIN}. */
export const IMPORTS_END = "// </generated:output-types>";
const NOTE = `written by scripts/outputs.ts from the footprint (${REGENERATE}); do not edit`;

/** One published field of a component, as its footprint declares it. */
export interface OutputField {
  name: string;
  /** The Output's value type as the class declares it: literal unions widened to `string`, `| undefined` when optional. */
  declared: string;
  /** The same for the reference table: `integer` for a field tagged `@integer`, without `| undefined`. */
  shown: string;
  /** Whether the component may publish no value for it. */
  optional: boolean;
  /** The field's TSDoc, without tags. */
  doc: string;
}

/** A component class and the fields it publishes, in the footprint's order. */
export interface ComponentOutputs {
  token: string;
  className: string;
  /** The class's source file, relative to the repository root. */
  file: string;
  fields: OutputField[];
  /** The named types the declarations use: module specifier (relative to the class's file) -> names. */
  imports: Map<string, Set<string>>;
}

function programOf(root: string): ts.Program {
  const config = ts.readConfigFile(path.join(root, "tsconfig.json"), ts.sys.readFile);
  const options = ts.parseJsonConfigFileContent(config.config, ts.sys, root).options;
  const dir = path.join(root, "components");
  const rootNames = [
    path.join(dir, "model", "published.ts"),
    ...fs.readdirSync(dir).filter((f) => f.endsWith(".ts") && !f.endsWith(".d.ts")).map((f) => path.join(dir, f)),
  ];
  return ts.createProgram({ rootNames, options: { ...options, noEmit: true } });
}

/** The string literal a class's `static readonly type = TYPE_TOKENS.x` holds, if it has one. */
function tokenOf(node: ts.ClassDeclaration, checker: ts.TypeChecker): string | undefined {
  for (const member of node.members) {
    const isStatic = ts.getCombinedModifierFlags(member) & ts.ModifierFlags.Static;
    if (!isStatic || !ts.isPropertyDeclaration(member) || member.name.getText() !== "type" || !member.initializer) continue;
    const type = checker.getTypeAtLocation(member.initializer);
    if (type.isStringLiteral()) return type.value;
  }
  return undefined;
}

function isStringLike(t: ts.Type): boolean {
  if (t.flags & (ts.TypeFlags.String | ts.TypeFlags.StringLiteral)) return true;
  return t.isUnion() && t.types.every((m) => (m.flags & (ts.TypeFlags.String | ts.TypeFlags.StringLiteral)) !== 0);
}

/** How a (defined) value type is written: primitives by keyword (literal unions widened, as `Widened` in components/publish.ts), named types by name. */
function typeText(t: ts.Type, checker: ts.TypeChecker, named: ts.Symbol[], where: string): string {
  if (isStringLike(t)) return "string";
  if (t.flags & (ts.TypeFlags.Number | ts.TypeFlags.NumberLiteral)) return "number";
  if (t.flags & (ts.TypeFlags.Boolean | ts.TypeFlags.BooleanLiteral)) return "boolean";
  if (t.isUnion() && t.types.every((m) => m.flags & ts.TypeFlags.BooleanLiteral)) return "boolean";
  if (checker.isArrayType(t)) {
    const element = checker.getTypeArguments(t as ts.TypeReference)[0];
    const inner = typeText(element, checker, named, where);
    return /[|&]/.test(inner) ? `(${inner})[]` : `${inner}[]`;
  }
  const symbol = t.aliasSymbol ?? t.getSymbol();
  if (symbol && !t.aliasTypeArguments?.length && (t.aliasSymbol || symbol.flags & (ts.SymbolFlags.Interface | ts.SymbolFlags.Class))) {
    named.push(symbol);
    return symbol.name;
  }
  throw new Error(`scripts/outputs.ts: ${where} has type ${checker.typeToString(t)}, which a declaration cannot name; give it a named interface or type alias`);
}

/** The module specifier of the file declaring `symbol`, from `fromFile`'s folder. */
function moduleOf(symbol: ts.Symbol, fromFile: string, where: string): string {
  const decl = symbol.declarations?.[0];
  const file = decl?.getSourceFile();
  if (!file || file.isDeclarationFile) throw new Error(`scripts/outputs.ts: ${where} uses ${symbol.name}, declared outside the project's sources; import it by hand`);
  const rel = path.relative(path.dirname(fromFile), file.fileName).replace(/\\/g, "/").replace(/\.ts$/, "");
  return rel.startsWith(".") ? rel : `./${rel}`;
}

/** The TSDoc of a field on one line, safe inside a comment. */
function oneLine(text: string): string {
  return text.replace(/\s+/g, " ").replace(/\*\//g, "*\\/").trim();
}

/**
 * The interface declaring most of `fields` (the footprint), read in declaration order with the interfaces it extends
 * first, in its `extends` order (so fields a footprint shares with another, such as a hall's and a campus's totals,
 * stand where a reader expects them: before the footprint's own).
 */
function footprintOrder(symbols: readonly ts.Symbol[], checker: ts.TypeChecker): Map<string, number> {
  const counts = new Map<ts.InterfaceDeclaration, number>();
  for (const s of symbols) {
    const parent = s.declarations?.[0]?.parent;
    if (parent && ts.isInterfaceDeclaration(parent)) counts.set(parent, (counts.get(parent) ?? 0) + 1);
  }
  const footprint = [...counts].sort((a, b) => b[1] - a[1])[0]?.[0];
  const order = new Map<string, number>();
  const walk = (iface: ts.InterfaceDeclaration, seen: Set<ts.InterfaceDeclaration>): void => {
    if (seen.has(iface)) return;
    seen.add(iface);
    for (const clause of iface.heritageClauses ?? []) {
      for (const base of clause.types) {
        const declaration = checker.getTypeAtLocation(base.expression).getSymbol()?.declarations?.find(ts.isInterfaceDeclaration);
        if (declaration) walk(declaration, seen);
      }
    }
    iface.members.forEach((m) => m.name && !order.has(m.name.getText()) && order.set(m.name.getText(), order.size));
  };
  if (footprint) walk(footprint, new Set());
  return order;
}

/** Every component class under components/ with the fields its type token publishes (`PublishedByType`), in the footprint's order. */
export function readComponentOutputs(root: string = ROOT): ComponentOutputs[] {
  const program = programOf(root);
  const checker = program.getTypeChecker();
  const integers = integerOutputNames(program, path.join(root, "components"));
  const published = program.getSourceFile(path.join(root, "components", "model", "published.ts"));
  const byType = published?.statements.find((s): s is ts.InterfaceDeclaration => ts.isInterfaceDeclaration(s) && s.name.text === "PublishedByType");
  if (!byType) throw new Error("scripts/outputs.ts: components/model/published.ts must declare interface PublishedByType (the outputs by type token)");
  const tokens = checker.getTypeAtLocation(byType);

  const classes = new Map<string, { node: ts.ClassDeclaration; file: ts.SourceFile }>();
  for (const file of program.getSourceFiles()) {
    if (path.resolve(path.dirname(file.fileName)) !== path.join(root, "components")) continue;
    for (const s of file.statements) {
      if (!ts.isClassDeclaration(s) || !s.name) continue;
      const token = tokenOf(s, checker);
      if (token) classes.set(token, { node: s, file });
    }
  }

  return tokens.getProperties().map((tokenSymbol) => {
    const token = tokenSymbol.name;
    const found = classes.get(token);
    if (!found) throw new Error(`scripts/outputs.ts: no class under components/ registers ${token} (static readonly type = TYPE_TOKENS...)`);
    const className = found.node.name!.text;
    const outputs = checker.getNonNullableType(checker.getTypeOfSymbolAtLocation(tokenSymbol, byType));
    const symbols = checker.getPropertiesOfType(outputs);
    const order = footprintOrder(symbols, checker);
    const rank = (s: ts.Symbol, i: number) => order.get(s.name) ?? order.size + i;
    const sorted = symbols.map((s, i) => ({ s, r: rank(s, i) })).sort((a, b) => a.r - b.r).map((x) => x.s);
    const imports = new Map<string, Set<string>>();
    const fields = sorted.map((symbol): OutputField => {
      const where = `${className}.${symbol.name}`;
      const optional = (symbol.flags & ts.SymbolFlags.Optional) !== 0;
      const value = checker.getNonNullableType(checker.getTypeOfSymbolAtLocation(symbol, byType));
      const named: ts.Symbol[] = [];
      const text = typeText(value, checker, named, where);
      for (const n of named) {
        const from = moduleOf(n, found.file.fileName, where);
        imports.set(from, (imports.get(from) ?? new Set()).add(n.name));
      }
      const doc = oneLine(ts.displayPartsToString(symbol.getDocumentationComment(checker)));
      if (!doc) throw new Error(`scripts/outputs.ts: ${where} has no TSDoc in its footprint; every published field says what it is and its unit`);
      const integer = text === "number" && integers.has(symbol.name);
      return { name: symbol.name, declared: optional ? `${text} | undefined` : text, shown: integer ? "integer" : text, optional, doc };
    });
    return { token, className, file: path.relative(root, found.file.fileName).replace(/\\/g, "/"), fields, imports };
  });
}

/** A class's generated Output members, between its markers, indented as class members. */
export function outputsBlock(c: ComponentOutputs, indent = "  "): string[] {
  return [
    `${indent}${OUTPUTS_BEGIN} ${NOTE}`,
    ...c.fields.flatMap((f) => [`${indent}/** ${f.doc} */`, `${indent}declare readonly ${f.name}: pulumi.Output<${f.declared}>;`]),
    `${indent}${OUTPUTS_END}`,
  ];
}

/** A file's generated `import type` lines, between their markers. */
export function importsBlock(c: ComponentOutputs): string[] {
  const lines = [...c.imports]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([from, names]) => `import type { ${[...names].sort().join(", ")} } from "${from}";`);
  return [`${IMPORTS_BEGIN} ${NOTE}`, ...lines, IMPORTS_END];
}

/** `source` with the lines from the one line starting (after indentation) with `begin` to the one with `end` replaced by `block`. */
function replaceBetween(source: string, begin: string, end: string, block: string[], file: string): string {
  const lines = source.split("\n");
  const at = (marker: string) => lines.flatMap((l, i) => (l.trimStart().startsWith(marker) ? [i] : []));
  const [b, e] = [at(begin), at(end)];
  if (b.length !== 1 || e.length !== 1 || e[0] < b[0]) {
    throw new Error(`scripts/outputs.ts: ${file} must hold these marker lines once each, in this order:\n  ${begin}\n  ${end}`);
  }
  return [...lines.slice(0, b[0]), ...block, ...lines.slice(e[0] + 1)].join("\n");
}

/** Names bound by the file's imports outside the generated block, which the block must not import again. */
function handImportedNames(source: string, file: string): Set<string> {
  const sf = ts.createSourceFile(file, source, ts.ScriptTarget.ES2022, true);
  const names = new Set<string>();
  for (const s of sf.statements) {
    const bindings = ts.isImportDeclaration(s) ? s.importClause?.namedBindings : undefined;
    if (bindings && ts.isNamedImports(bindings)) for (const el of bindings.elements) names.add(el.name.text);
  }
  return names;
}

/** The class file `source` with its generated blocks rewritten for `c`; throws when a marker is missing or a name is imported twice. */
export function withGeneratedBlocks(source: string, c: ComponentOutputs): string {
  // A class whose outputs name no type (numbers, strings) needs no import block; one that does must have its markers.
  if (c.imports.size === 0 && !source.includes(IMPORTS_BEGIN)) return replaceBetween(source, OUTPUTS_BEGIN, OUTPUTS_END, outputsBlock(c), c.file);
  const withoutImports = replaceBetween(source, IMPORTS_BEGIN, IMPORTS_END, [IMPORTS_BEGIN, IMPORTS_END], c.file);
  const taken = handImportedNames(withoutImports, c.file);
  const twice = [...c.imports.values()].flatMap((names) => [...names]).filter((n) => taken.has(n));
  if (twice.length > 0) throw new Error(`scripts/outputs.ts: ${c.file} imports ${twice.join(", ")} by hand; the generated import block brings them: drop them from the hand imports`);
  const withImports = replaceBetween(source, IMPORTS_BEGIN, IMPORTS_END, importsBlock(c), c.file);
  return replaceBetween(withImports, OUTPUTS_BEGIN, OUTPUTS_END, outputsBlock(c), c.file);
}

/** Units spelled in field names, longest first: `waterM3PerYear` -> m³/yr. */
const UNITS: readonly [RegExp, string][] = [
  [/UsdPerGpuHour$/, "USD/GPU-hour"],
  [/UsdPerMwIt$/, "USD/MW IT"],
  [/UsdPerGpu$/, "USD/GPU"],
  [/UsdPerMwh$/, "USD/MWh"],
  [/Usd$/, "USD"],
  [/MwhPerYear$/, "MWh/yr"],
  [/M3PerYear$/, "m³/yr"],
  [/Tco2PerYear$/, "tCO2e/yr"],
  [/GPerKwh$/, "gCO2e/kWh"],
  [/LPerKwh$/, "L/kWh"],
  [/Lpm$/, "L/min"],
  [/Mwh$/, "MWh"],
  [/Mw$/, "MW"],
  [/Kw$/, "kW"],
  [/[a-z]W$/, "W"],
  [/Gb$/, "GB"],
  [/M3$/, "m³"],
  [/[a-z]C$/, "°C"],
  [/[a-z]K$/, "K"],
  [/Hours$/, "hours"],
  [/^hours[A-Z]/, "hours"],
  [/Year$/, "year"],
];

/** The unit a field's name states, or "" when it states none (a count, a share, a name). */
export function unitOf(field: string): string {
  return UNITS.find(([re]) => re.test(field))?.[1] ?? "";
}

/** docs/outputs.md: one table per component of what it publishes. */
export function outputsPage(components: readonly ComponentOutputs[]): string {
  const lines = [
    `<!-- Generated by scripts/outputs.ts from the footprints; do not edit (${REGENERATE}). -->`,
    "# Component outputs reference",
    "",
    "What each component publishes: its Output properties in TypeScript and its outputs in the component package's",
    "schema (Python, Go, .NET, YAML). Each is declared once, in the model's footprint (`components/model/`); this page,",
    "the classes' `declare readonly` members and the schema are generated from there. Types: `integer` is a whole",
    "number (a count, a year); *optional* outputs may be unset (the description says when). Units are in the names.",
    "",
  ];
  for (const c of components) {
    lines.push(`## ${c.className}`, "", `\`${c.token}\`, ${c.fields.length} outputs (\`${c.file}\`).`, "", "| output | type | unit | description |", "|---|---|---|---|");
    for (const f of c.fields) lines.push(`| \`${f.name}\` | \`${cell(f.shown)}\`${f.optional ? ", optional" : ""} | ${unitOf(f.name)} | ${cell(f.doc)} |`);
    lines.push("");
  }
  return `${lines.join("\n").trimEnd()}\n`;
}

/** Every generated file, by path relative to `root`: each component class's source with its blocks current, and docs/outputs.md. */
export function outputFiles(root: string = ROOT, components: readonly ComponentOutputs[] = readComponentOutputs(root)): Record<string, string> {
  const files: Record<string, string> = {};
  for (const c of components) files[c.file] = withGeneratedBlocks(fs.readFileSync(path.join(root, c.file), "utf8"), c);
  files["docs/outputs.md"] = outputsPage(components);
  return files;
}

/** Generated files whose committed content (under `dir`) differs from `files`. */
export function staleOutputFiles(files: Record<string, string> = outputFiles(), dir: string = ROOT): string[] {
  return staleFiles(files, dir);
}

if (require.main === module) {
  process.exit(runGenerator(process.argv.slice(2), { name: "outputs", dir: ROOT, shownDir: "", regenerate: REGENERATE, files: () => outputFiles() }));
}
