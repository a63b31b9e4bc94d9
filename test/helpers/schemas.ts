/**
 * The schemas CI formats are checked against: SARIF 2.1.0 (the official JSON schema, the copy @microsoft/jest-sarif
 * ships; draft-04, hence ajv-draft-04) and JUnit XML (test/schemas/junit.xsd, checked with libxml2 compiled to
 * WebAssembly by xmllint-wasm: no native build, no download).
 */
import * as fs from "node:fs";
import * as path from "node:path";
import Ajv from "ajv-draft-04";
import addFormats from "ajv-formats";
import { validateXML } from "xmllint-wasm";

const SARIF_SCHEMA_FILE = require.resolve("@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json");
const JUNIT_XSD_FILE = path.join(__dirname, "..", "schemas", "junit.xsd");

let sarifValidator: ReturnType<Ajv["compile"]> | undefined;

/** The SARIF schema's errors for a log (empty when valid). */
export function sarifSchemaErrors(log: unknown): string[] {
  if (!sarifValidator) {
    // The schema's language pattern is not a valid regular expression in unicode mode.
    const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false });
    addFormats(ajv);
    sarifValidator = ajv.compile(JSON.parse(fs.readFileSync(SARIF_SCHEMA_FILE, "utf8")));
  }
  return sarifValidator(log) ? [] : (sarifValidator.errors ?? []).map((e) => `${e.instancePath} ${e.message}`);
}

/** The JUnit schema's errors for a document (empty when valid). */
export async function junitSchemaErrors(xml: string): Promise<string[]> {
  const result = await validateXML({
    xml: [{ fileName: "report.xml", contents: xml }],
    schema: [{ fileName: "junit.xsd", contents: fs.readFileSync(JUNIT_XSD_FILE, "utf8") }],
  });
  return result.valid ? [] : result.errors.map((e) => e.rawMessage ?? String(e));
}
