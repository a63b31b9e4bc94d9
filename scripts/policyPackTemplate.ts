/**
 * Writes the generated files of the policy pack template (`policy-pack/`) from the rules, so the README's rule list
 * and the config defaults can never drift from the code:
 * - `policy-pack/README.md`: how to use, publish and configure the pack, and every rule with its settings (types,
 *   defaults, allowed values and descriptions read from each rule's published JSON schema, `exemptions` included);
 * - `policy-pack/policy-config.json`: every rule at its default enforcement level and settings (a ready
 *   `--policy-pack-config` file);
 * - `policy-pack/package.json`: the pack's dependencies: this package as the tarball `npm pack` makes, beside the
 *   pack's folder (`file:../pulumi-aicluster-<version>.tgz`: the package is on no registry yet), and the tested peer versions.
 * `PulumiPolicy.yaml`, `index.ts` and `tsconfig.json` are written by hand.
 *
 *   npx ts-node --transpile-only scripts/policyPackTemplate.ts          # writes them
 *   npx ts-node --transpile-only scripts/policyPackTemplate.ts --check  # exit 1, naming the stale files
 */
import * as fs from "fs";
import * as path from "path";
import { ENFORCEMENT_LEVELS } from "../policies/finding";
import type { JsonSchemaProperty, Rule } from "../policies/rule";
import { RULES } from "../policies/rules";
import { cell, runGenerator, staleFiles as staleFilesIn } from "./generated";

export const ROOT = path.resolve(__dirname, "..");
export const TEMPLATE_DIR = path.join(ROOT, "policy-pack");

interface Manifest {
  name: string;
  version: string;
  dependencies?: Record<string, string>;
  peerDependencies: Record<string, string>;
  devDependencies: Record<string, string>;
}

type Schema = JsonSchemaProperty | Record<string, unknown>;

/** 10000000000 as 10,000,000,000 (no locale: the output must not depend on the machine). */
function grouped(n: number): string {
  const [whole, fraction] = String(n).split(".");
  const sign = whole.startsWith("-") ? "-" : "";
  const digits = whole.replace("-", "").replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  return `${sign}${digits}${fraction ? `.${fraction}` : ""}`;
}

/** The alternatives of a setting that is a word or a limit (`"off"` or a number): its const and the other schemas. */
function alternatives(schema: Schema): { words: unknown[]; rest: Schema[] } | undefined {
  if (!Array.isArray(schema.anyOf)) return undefined;
  const options = schema.anyOf as Schema[];
  return { words: options.filter((o) => "const" in o).map((o) => o.const), rest: options.filter((o) => !("const" in o)) };
}

export function typeOf(schema: Schema): string {
  const alt = alternatives(schema);
  if (alt) return [...alt.words.map((w) => `\`${JSON.stringify(w)}\``), ...alt.rest.map(typeOf)].join(" or ");
  if (Array.isArray(schema.enum)) return `one of ${schema.enum.map((v) => `\`${JSON.stringify(v)}\``).join(", ")}`;
  switch (schema.type) {
    case "integer":
      return "whole number";
    case "string":
      return schema.format === "date" ? "date (YYYY-MM-DD)" : "string";
    case "array": {
      const items = (schema.items ?? {}) as Schema;
      if (items.type === "object" && items.properties) {
        const required = new Set((items.required as string[] | undefined) ?? []);
        return `list of {${Object.keys(items.properties as object).map((k) => (required.has(k) ? k : `${k}?`)).join(", ")}}`;
      }
      return `list of ${typeOf(items)}`;
    }
    default:
      return typeof schema.type === "string" ? schema.type : "value";
  }
}

export function allowedOf(schema: Schema): string {
  const alt = alternatives(schema);
  if (alt) return alt.rest.map(allowedOf).join("; ") || "—";
  const parts: string[] = [];
  const n = (key: string) => (typeof schema[key] === "number" ? (schema[key] as number) : undefined);
  const min = n("minimum");
  const max = n("maximum");
  if (min !== undefined && max !== undefined) parts.push(`${grouped(min)} to ${grouped(max)}`);
  else if (min !== undefined) parts.push(`at least ${grouped(min)}`);
  else if (max !== undefined) parts.push(`at most ${grouped(max)}`);
  if (n("exclusiveMinimum") !== undefined) parts.push(`above ${grouped(n("exclusiveMinimum")!)}`);
  if (n("exclusiveMaximum") !== undefined) parts.push(`below ${grouped(n("exclusiveMaximum")!)}`);
  if (n("maxItems") !== undefined) parts.push(`at most ${grouped(n("maxItems")!)} entries`);
  if (n("minLength") !== undefined) parts.push(`at least ${grouped(n("minLength")!)} characters`);
  if (n("maxLength") !== undefined) parts.push(`at most ${grouped(n("maxLength")!)} characters`);
  return parts.join(", ") || "—";
}

/** The default every key must declare: the pack's config defaults and the README are read from it. */
function defaultOf(rule: Rule<any>, key: string, schema: Schema): unknown {
  if (!("default" in schema)) throw new Error(`policy pack template: ${rule.name}.${key} has no default in its config schema`);
  return schema.default;
}

/** Every rule at its default level and settings, in the pack's order (what `--policy-pack-config` takes). */
export function policyConfig(rules: readonly Rule<any>[]): Record<string, Record<string, unknown>> {
  return Object.fromEntries(
    rules.map((rule) => [rule.name, { enforcementLevel: rule.enforcementLevel, ...Object.fromEntries(Object.entries(rule.configSchema).map(([key, schema]) => [key, defaultOf(rule, key, schema)])) }]),
  );
}

/** The fields of a list-of-objects setting, with their descriptions (the `exemptions` key, when the rules have it). */
export function fieldTable(schema: Schema): string[] {
  const items = (schema.items ?? {}) as Schema;
  const properties = (items.properties ?? {}) as Record<string, Schema>;
  const required = new Set((items.required as string[] | undefined) ?? []);
  return [
    "| Field | Required | Type | Allowed | Description |",
    "|---|---|---|---|---|",
    ...Object.entries(properties).map(([key, s]) => `| \`${key}\` | ${required.has(key) ? "yes" : "no"} | ${cell(typeOf(s))} | ${cell(allowedOf(s))} | ${cell(String(s.description ?? ""))} |`),
  ];
}

/** An example entry built from the schema: a date for date fields, a placeholder naming the field otherwise. */
function exampleEntry(schema: Schema): Record<string, string> {
  const items = (schema.items ?? {}) as Schema;
  return Object.fromEntries(Object.entries((items.properties ?? {}) as Record<string, Schema>).map(([key, s]) => [key, s.format === "date" ? "2027-12-31" : `<${key}>`]));
}

/** Keys every rule shares (same schema in each), e.g. `exemptions`: documented once. */
export function sharedKeys(rules: readonly Rule<any>[]): string[] {
  const [first, ...rest] = rules;
  if (!first) return [];
  return Object.keys(first.configSchema).filter((key) => rest.every((r) => JSON.stringify(r.configSchema[key]) === JSON.stringify(first.configSchema[key])));
}

export function readme(rules: readonly Rule<any>[], manifest: Manifest): string {
  const shared = rules.length > 1 ? sharedKeys(rules) : [];
  const lines: string[] = [
    `<!-- Generated by scripts/policyPackTemplate.ts from the rules of ${manifest.name} ${manifest.version}; do not edit. -->`,
    `# aicluster policy pack`,
    ``,
    `A Pulumi policy pack with every energy, water, carbon and cost budget rule of [\`${manifest.name}\`](../README.md) ${manifest.version}, as stack validations. It needs nothing of the repository but the package's tarball.`,
    ``,
    `## Use it`,
    ``,
    `The package is not on a registry yet: \`package.json\` takes it from the tarball \`npm pack\` makes, \`${tarballName(manifest)}\`, in the folder above this one (\`${tarballDependency(manifest)}\`). That is where it is when you installed the package as [its README](../README.md#use-it-from-your-repo) says (the tarball in your repository's root) and copy this folder there, or when you ran \`npm pack\` in a clone and use the clone's \`policy-pack/\` folder. Once the package is on a registry, make it \`"^${manifest.version}"\`.`,
    ``,
    "```sh",
    `cp -r node_modules/${manifest.name}/policy-pack ./aicluster-policy-pack   # from your repository's root, beside ${tarballName(manifest)}`,
    `cd aicluster-policy-pack && npm install`,
    ``,
    `# Preview a stack with the pack (from your Pulumi project, or point -C at it):`,
    `pulumi -C ../my-infra preview --policy-pack .`,
    `# ...with your own settings (start from policy-config.json, which lists every default):`,
    `pulumi -C ../my-infra preview --policy-pack . --policy-pack-config policy-config.json`,
    ``,
    `# Publish it to your Pulumi Cloud organization and enforce it there with those settings:`,
    `pulumi policy publish <org>`,
    `pulumi policy enable <org>/aicluster latest --config policy-config.json`,
    "```",
    ``,
    `Pulumi Cloud installs a published pack's dependencies where the pack runs, so \`${tarballDependency(manifest)}\` does not resolve there: before \`pulumi policy publish\`, point the dependency at a place every machine reaches (your organization's registry, or an https URL of the tarball).`,
    ``,
    `A preview fails when a \`mandatory\` rule finds a violation; \`advisory\` ones are printed and pass. The pack is named \`aicluster\` in \`index.ts\` and takes its version from \`package.json\`; change both before publishing your own variant.`,
    ``,
    `## Settings`,
    ``,
    `\`policy-config.json\` holds every rule at its defaults. Each rule takes \`enforcementLevel\` (${ENFORCEMENT_LEVELS.map((l) => `\`${l}\``).join(", ")}) and the settings listed below; a rule can also be given just a level (\`"pue-max": "advisory"\`). Every value is checked (ranges and levels by the Pulumi CLI against the schema the pack publishes, unknown keys by the pack): a mistake fails the preview with a message naming the rule, the key, the value and what is allowed, never a silent default. Keep only the keys you change: the rest stay at their defaults.`,
    ``,
  ];
  for (const key of shared) {
    const schema = rules[0].configSchema[key];
    lines.push(`### \`${key}\` (every rule)`, ``, `${schema.description}`, ``, `Type: ${typeOf(schema)}; allowed: ${allowedOf(schema)}; default: \`${JSON.stringify(schema.default)}\`.`, ``);
    if (schema.type === "array" && ((schema.items ?? {}) as Schema).type === "object") {
      const example = { [rules[0].name]: { [key]: [exampleEntry(schema)] } };
      lines.push(...fieldTable(schema), ``, `For example, in \`policy-config.json\`:`, ``, "```json", JSON.stringify(example, null, 2), "```", ``);
    }
  }
  lines.push(...rulesSection(rules, shared, "##"));
  return lines.join("\n");
}

/**
 * The rules as Markdown: a summary table, then each rule with its level, severity, fix and settings (type, default,
 * allowed values, description), read from its published JSON schema. `heading` is the level of the section heading;
 * `shared` keys (documented once elsewhere) are left out of each rule's table. Also docs/rules.md's body.
 */
export function rulesSection(rules: readonly Rule<any>[], shared: readonly string[] = sharedKeys(rules), heading = "##"): string[] {
  const lines: string[] = [];
  lines.push(`${heading} Rules`, ``, `| Rule | Default level | Severity | What it checks |`, `|---|---|---|---|`);
  for (const rule of rules) lines.push(`| [\`${rule.name}\`](#${rule.name}) | ${rule.enforcementLevel} | ${rule.severity} | ${cell(rule.description)} |`);
  lines.push(``);
  for (const rule of rules) {
    lines.push(`${heading}# ${rule.name}`, ``, rule.description, ``, `Default level: \`${rule.enforcementLevel}\`; severity: ${rule.severity}.`, ``, `Fix: ${rule.remediationSteps}`, ``);
    const own = Object.entries(rule.configSchema).filter(([key]) => !shared.includes(key));
    if (own.length === 0) {
      lines.push(`Settings: none besides \`enforcementLevel\`${shared.length ? ` and ${shared.map((k) => `\`${k}\``).join(", ")}` : ""}.`, ``);
      continue;
    }
    lines.push(`| Setting | Type | Default | Allowed | Description |`, `|---|---|---|---|---|`);
    for (const [key, schema] of own) lines.push(`| \`${key}\` | ${cell(typeOf(schema))} | \`${JSON.stringify(defaultOf(rule, key, schema))}\` | ${cell(allowedOf(schema))} | ${cell(String(schema.description))} |`);
    lines.push(``);
  }
  return lines;
}

/** The file `npm pack` writes for this package: `<name>-<version>.tgz` (a scope's `@` dropped and its `/` a `-`). */
export function tarballName(manifest: Pick<Manifest, "name" | "version">): string {
  return `${manifest.name.replace(/^@/, "").replace("/", "-")}-${manifest.version}.tgz`;
}

/** The template's dependency on this package: the tarball in the folder above the pack's (the package is on no registry yet). */
export function tarballDependency(manifest: Pick<Manifest, "name" | "version">): string {
  return `file:../${tarballName(manifest)}`;
}

/**
 * The template's package.json: this package as its tarball beside the pack's folder ({@link tarballDependency}), the
 * rest at the versions this repository tests with.
 */
export function packageJson(manifest: Manifest): Record<string, unknown> {
  const dev = (name: string) => {
    const version = manifest.dependencies?.[name] ?? manifest.devDependencies[name];
    if (!version || !/^\d+\.\d+\.\d+$/.test(version)) throw new Error(`policy pack template: package.json pins ${name} at ${JSON.stringify(version)}; expected an exact x.y.z version in dependencies or devDependencies`);
    return `^${version}`;
  };
  return {
    name: "aicluster-policy-pack",
    version: manifest.version,
    description: `Pulumi policy pack: the energy, water, carbon and cost budget rules of ${manifest.name}.`,
    private: true,
    main: "index.ts",
    dependencies: {
      [manifest.name]: tarballDependency(manifest),
      "@pulumi/policy": dev("@pulumi/policy"),
      "@pulumi/pulumi": dev("@pulumi/pulumi"),
    },
    // Pulumi runs index.ts with the pack's own TypeScript and ts-node (its vendored TypeScript 3.8 cannot read exports maps).
    devDependencies: {
      "@types/node": dev("@types/node"),
      "ts-node": dev("ts-node"),
      typescript: dev("typescript"),
    },
  };
}

/** The generated files, by path relative to the template folder. */
export function templateFiles(rules: readonly Rule<any>[] = RULES, manifest: Manifest = readManifest()): Record<string, string> {
  return {
    "README.md": readme(rules, manifest),
    "policy-config.json": `${JSON.stringify(policyConfig(rules), null, 2)}\n`,
    "package.json": `${JSON.stringify(packageJson(manifest), null, 2)}\n`,
  };
}

export function readManifest(): Manifest {
  return JSON.parse(fs.readFileSync(path.join(ROOT, "package.json"), "utf8")) as Manifest;
}

/** Files whose committed content differs from what the rules generate (missing ones included). */
export function staleFiles(files: Record<string, string> = templateFiles(), dir: string = TEMPLATE_DIR): string[] {
  return staleFilesIn(files, dir);
}

if (require.main === module) {
  process.exit(runGenerator(process.argv.slice(2), {
    name: "policyPackTemplate", dir: TEMPLATE_DIR, shownDir: "policy-pack/", regenerate: "npm run policy-pack", files: () => templateFiles(),
  }));
}
