/**
 * Writes the package schema (provider/schema.ts) as JSON: `node <compiled>/provider/build.js <out.json>`, run by
 * scripts/pulumi-cli.sh after compiling the plugin, so the plugin serves it without analyzing TypeScript.
 * Reads the TypeScript sources of this folder in the checkout (the analyzer needs them, not the JavaScript).
 */
import * as fs from "fs";
import * as path from "path";
import { buildSchema } from "./schema";

const [out, sourceDir] = process.argv.slice(2);
if (!out || !sourceDir) {
  console.error("usage: node provider/build.js <schema.json to write> <provider source folder>");
  process.exit(2);
}
buildSchema(path.resolve(sourceDir))
  .then((schema) => fs.writeFileSync(out, `${JSON.stringify(schema, null, 2)}\n`))
  .catch((err: unknown) => {
    console.error(`provider/build: ${err instanceof Error ? err.message : String(err)}`);
    process.exit(1);
  });
