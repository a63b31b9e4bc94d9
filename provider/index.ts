/**
 * Entry point of the component package plugin: serves the components over gRPC to the Pulumi engine. Compiled to
 * JavaScript with its schema.json beside it by provider/build.ts (scripts/pulumi-cli.sh does that), so a start
 * loads JavaScript and a JSON file. Run from the TypeScript sources (no schema.json beside it), it builds the schema
 * first, which takes seconds.
 */
import * as fs from "fs";
import * as path from "path";
import { main } from "@pulumi/pulumi/provider";
import { AiclusterProvider } from "./provider";
import type { PackageSchema } from "./schema";

async function loadSchema(): Promise<PackageSchema> {
  const built = path.join(__dirname, "schema.json");
  if (fs.existsSync(built)) return JSON.parse(fs.readFileSync(built, "utf8")) as PackageSchema;
  // Sources only (ts-node): analyze them now. Imported lazily so the compiled plugin never loads TypeScript.
  const { buildSchema } = await import("./schema");
  return buildSchema(__dirname);
}

loadSchema()
  .then((schema) => main(new AiclusterProvider(schema), process.argv.slice(2)))
  .catch((err: unknown) => {
    console.error(err instanceof Error ? err.message : err);
    process.exit(1);
  });
