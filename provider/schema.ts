/**
 * The package schema other languages see, built once from the TypeScript sources (at build time, never when the
 * plugin starts): Pulumi's analyzer derives inputs and outputs from each component's args interface and Output
 * members; this file then adds what the analyzer drops. Each output gets the TSDoc of its footprint field (the
 * component's `*Outputs` type, components/model/published.ts), each `@default` TSDoc tag goes into the property's
 * description (and becomes the schema `default` when it is a bare literal), counts become `integer` (read from the
 * declarations, provider/integers.ts: a footprint field's `@integer` tag, an input's `wholeNumberIn`), nested input
 * types lose their `Args` suffix (SDK generators add their own: `CampusHallArgs`, not `CampusHallArgsArgs`), and the
 * package carries its publisher, repository, version and keywords from package.json.
 */
import * as fs from "fs";
import * as path from "path";
import * as ts from "typescript";
import { ComponentProvider } from "@pulumi/pulumi/provider/experimental";
import { components, PACKAGE_NAME } from "./components";
import { integerInputNames, integerOutputNames } from "./integers";

export interface SchemaProperty {
  type?: string;
  $ref?: string;
  items?: SchemaProperty;
  additionalProperties?: SchemaProperty;
  description?: string;
  plain?: boolean;
  default?: string | number | boolean;
  /** Written by the analyzer; dropped here, since `required` lists say the same in the schema's own terms. */
  optional?: boolean;
}
export interface SchemaObject {
  type?: string;
  description?: string;
  properties: Record<string, SchemaProperty>;
  required?: string[];
}
export interface SchemaResource extends SchemaObject {
  isComponent: boolean;
  inputProperties: Record<string, SchemaProperty>;
  requiredInputs: string[];
}
export interface PackageSchema {
  name: string;
  displayName?: string;
  version: string;
  description?: string;
  publisher?: string;
  repository?: string;
  homepage?: string;
  license?: string;
  keywords?: string[];
  resources: Record<string, SchemaResource>;
  types: Record<string, SchemaObject>;
  language?: Record<string, unknown>;
}

/** The `@default` text and declaring interface of each property of each interface in the program, by interface name. */
interface PropertyDoc {
  declaredIn: string;
  defaultText?: string;
}

/** A bare literal (`35`, `0.04`, `"N+1"`, `true`) as a value; anything with words in it (a rule, a note) is not. */
export function literalDefault(text: string): string | number | boolean | undefined {
  const t = text.trim();
  if (/^-?\d+(\.\d+)?$/.test(t)) return Number(t);
  if (/^"[^"\\]*"$/.test(t)) return t.slice(1, -1);
  if (t === "true" || t === "false") return t === "true";
  return undefined;
}

/** Reads every interface in the program the analyzer reads, with each property's `@default` tag and declaring interface. */
function interfaceDocs(sourceDir: string): {
  docs: Map<string, Map<string, PropertyDoc>>;
  argsOf: Map<string, string>;
  outputDocs: Map<string, Map<string, string>>;
  integers: { inputs: Set<string>; outputs: Set<string> };
} {
  const configPath = path.join(sourceDir, "tsconfig.json");
  const config = ts.readConfigFile(configPath, ts.sys.readFile);
  const parsed = ts.parseJsonConfigFileContent(config.config, ts.sys, sourceDir);
  const program = ts.createProgram({ rootNames: parsed.fileNames, options: { ...parsed.options, strictNullChecks: true } });
  const checker = program.getTypeChecker();
  const docs = new Map<string, Map<string, PropertyDoc>>();
  const argsOf = new Map<string, string>();
  const outputDocs = new Map<string, Map<string, string>>();
  const componentNames = new Set(components.map((c) => c.name));
  const visit = (node: ts.Node): void => {
    if (ts.isTypeAliasDeclaration(node) && /^\w+Outputs$/.test(node.name.text) && componentNames.has(node.name.text.replace(/Outputs$/, ""))) {
      // A component's published outputs (components/model/published.ts): each field's TSDoc, where the footprint declares it.
      const fields = new Map<string, string>();
      for (const symbol of checker.getTypeAtLocation(node).getProperties()) {
        const text = ts.displayPartsToString(symbol.getDocumentationComment(checker)).trim();
        if (text) fields.set(symbol.name, text);
      }
      outputDocs.set(node.name.text.replace(/Outputs$/, ""), fields);
    } else if (ts.isInterfaceDeclaration(node)) {
      const props = new Map<string, PropertyDoc>();
      for (const symbol of checker.getTypeAtLocation(node).getProperties()) {
        const decl = symbol.valueDeclaration ?? symbol.declarations?.[0];
        if (!decl) continue;
        const tag = ts.getJSDocTags(decl).find((t) => t.tagName.text === "default");
        const owner = decl.parent && ts.isInterfaceDeclaration(decl.parent) ? decl.parent.name.text : node.name.text;
        props.set(symbol.name, { declaredIn: owner, defaultText: tag ? ts.getTextOfJSDocComment(tag.comment)?.trim() : undefined });
      }
      const name = node.name.text;
      const known = docs.get(name);
      if (known && JSON.stringify([...known]) !== JSON.stringify([...props])) {
        throw new Error(`provider/schema.ts: two interfaces named ${name} with different properties; the schema's type names would clash`);
      }
      docs.set(name, props);
    } else if (ts.isClassDeclaration(node) && node.name && componentNames.has(node.name.text)) {
      const ctor = node.members.find(ts.isConstructorDeclaration);
      const args = ctor?.parameters.find((p) => ts.isIdentifier(p.name) && p.name.text === "args");
      const symbol = args?.type ? checker.getTypeAtLocation(args.type).getSymbol() : undefined;
      if (symbol) argsOf.set(node.name.text, symbol.name);
    }
    ts.forEachChild(node, visit);
  };
  for (const file of program.getSourceFiles()) if (!file.isDeclarationFile) visit(file);
  const componentsDir = path.resolve(sourceDir, "..", "components");
  const integers = { inputs: integerInputNames(program, path.join(componentsDir, "model")), outputs: integerOutputNames(program, componentsDir) };
  return { docs, argsOf, outputDocs, integers };
}

interface PackageJson {
  version?: string;
  description?: string;
  author?: string | { name?: string };
  repository?: string | { url?: string };
  homepage?: string;
  license?: string;
  keywords?: string[];
}

/** The schema type name for an analyzer type name: `CampusHallArgs` -> `CampusHall`. */
export function readableTypeName(name: string): string {
  return name.endsWith("Args") && name.length > 4 ? name.slice(0, -4) : name;
}

/**
 * Builds the schema from the TypeScript sources in `sourceDir` (this folder, with its tsconfig.json) and the
 * repository's package.json (`rootDir`). Takes a few seconds: the analyzer type-checks the components.
 */
export async function buildSchema(sourceDir: string, rootDir = path.resolve(sourceDir, "..")): Promise<PackageSchema> {
  const pkg = JSON.parse(fs.readFileSync(path.join(rootDir, "package.json"), "utf8")) as PackageJson;
  const provider = new ComponentProvider({ components, name: PACKAGE_NAME, dirname: sourceDir, version: pkg.version });
  const raw = JSON.parse(await provider.getSchema()) as PackageSchema;
  const { docs, argsOf, outputDocs, integers } = interfaceDocs(sourceDir);

  const prefix = `${PACKAGE_NAME}:index:`;
  const renames = new Map<string, string>();
  for (const token of Object.keys(raw.types)) {
    const name = token.slice(prefix.length);
    const readable = readableTypeName(name);
    if (readable === name) continue;
    if (`${prefix}${readable}` in raw.types || `${prefix}${readable}` in raw.resources) {
      throw new Error(`provider/schema.ts: type ${name} cannot be renamed ${readable}: that name is taken`);
    }
    renames.set(`#/types/${token}`, `#/types/${prefix}${readable}`);
  }

  /** Completes one property of interface `owner`: default in the description (and as `default`), integer type, renamed refs. */
  const complete = (owner: string, key: string, prop: SchemaProperty, input: boolean): SchemaProperty => {
    const out: SchemaProperty = { ...prop };
    delete out.optional;
    if (out.$ref && renames.has(out.$ref)) out.$ref = renames.get(out.$ref);
    if (out.items) out.items = complete(owner, key, out.items, false);
    if (!input) {
      if (out.type === "number" && integers.outputs.has(key)) out.type = "integer";
      // A component's output: the description its footprint field carries, as written there (the class's generated
      // Output members, which the analyzer reads, hold it on one line).
      const doc = outputDocs.get(owner)?.get(key);
      if (doc) out.description = doc;
      return out;
    }
    const doc = docs.get(owner)?.get(key);
    if (!doc) throw new Error(`provider/schema.ts: no TypeScript declaration found for ${owner}.${key}`);
    if (integers.inputs.has(key)) {
      if (out.type === "number") out.type = "integer";
      else if (out.items?.type === "number") out.items = { ...out.items, type: "integer" };
    }
    if (doc.defaultText) {
      out.description = `${out.description ? `${out.description}\n\n` : ""}Default: ${doc.defaultText}.`.replace(/\.\.$/, ".");
      const value = literalDefault(doc.defaultText);
      const fits =
        (typeof value === "number" && (out.type === "number" || (out.type === "integer" && Number.isInteger(value)))) ||
        (typeof value === "string" && out.type === "string") ||
        (typeof value === "boolean" && out.type === "boolean");
      if (fits) out.default = value;
    }
    return out;
  };
  const completeAll = (owner: string, props: Record<string, SchemaProperty>, input: boolean) =>
    Object.fromEntries(Object.entries(props).map(([k, p]) => [k, complete(owner, k, p, input)]));

  const resources: Record<string, SchemaResource> = {};
  for (const [token, resource] of Object.entries(raw.resources)) {
    const className = token.slice(prefix.length);
    const argsName = argsOf.get(className);
    if (!argsName) throw new Error(`provider/schema.ts: no args interface found for component ${className}`);
    resources[token] = {
      ...resource,
      inputProperties: completeAll(argsName, resource.inputProperties, true),
      properties: completeAll(className, resource.properties, false),
    };
  }
  const types: Record<string, SchemaObject> = {};
  for (const [token, type] of Object.entries(raw.types)) {
    const name = token.slice(prefix.length);
    // Types reached only through outputs (ledgers, cost lines) are read, not written: no defaults to carry.
    const isInput = referencedAsInput(raw, token);
    types[`${prefix}${readableTypeName(name)}`] = { ...type, properties: completeAll(name, type.properties, isInput) };
  }

  const author = typeof pkg.author === "string" ? pkg.author : pkg.author?.name;
  const repository = typeof pkg.repository === "string" ? pkg.repository : pkg.repository?.url;
  return {
    name: raw.name,
    displayName: "aicluster",
    version: raw.version,
    description: raw.description,
    publisher: author ?? "aicluster",
    ...(repository ? { repository: repository.replace(/^git\+/, "").replace(/\.git$/, "") } : {}),
    ...(pkg.homepage ? { homepage: pkg.homepage } : {}),
    license: pkg.license,
    keywords: ["pulumi", "aicluster", "kind/component", "category/infrastructure", ...(pkg.keywords ?? []).filter((k) => k !== "pulumi")],
    resources,
    types,
    language: raw.language,
  };
}

/** Whether a type is reached from some component's inputs (directly, or through another input type). */
function referencedAsInput(schema: PackageSchema, token: string): boolean {
  const seen = new Set<string>();
  const refsOf = (props: Record<string, SchemaProperty>): string[] =>
    Object.values(props).flatMap((p) => [p.$ref, p.items?.$ref].filter((r): r is string => Boolean(r)).map((r) => r.replace(/^#\/types\//, "")));
  const queue = Object.values(schema.resources).flatMap((r) => refsOf(r.inputProperties));
  while (queue.length) {
    const next = queue.shift()!;
    if (seen.has(next)) continue;
    seen.add(next);
    const type = schema.types[next];
    if (type) queue.push(...refsOf(type.properties));
  }
  return seen.has(token);
}
