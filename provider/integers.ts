/**
 * Which fields the multi-language schema types `integer`, read from the declarations rather than kept as lists:
 * - an output is integer when its footprint field carries the `@integer` TSDoc tag (counts, calendar years, hour
 *   counts), so a Python SDK gives `int`;
 * - an input is integer when the model validates it with `wholeNumberIn` (components/model/ranges.ts): the zod
 *   schema that refuses a fraction is the declaration, test/componentPackage.test.ts probes it field by field.
 * Both are by field name, as the schema's nested types carry no owner the model would recognise; a name validated as
 * a whole number in one schema and as a fraction in another is refused, since it cannot be typed one way.
 * Engine-free (TypeScript's compiler API only), so the outputs generator (scripts/outputs.ts) uses it too.
 */
import * as path from "path";
import * as ts from "typescript";

/** The TSDoc tag that marks an output field as a whole number. */
export const INTEGER_TAG = "integer";

/** Whether a file belongs to the components' sources (the model, the footprints), not tests or scripts. */
function inComponents(file: ts.SourceFile, componentsDir: string): boolean {
  return !file.isDeclarationFile && !path.relative(componentsDir, file.fileName).startsWith("..");
}

/** Whether a property declaration carries the `@integer` tag. */
export function hasIntegerTag(node: ts.Node): boolean {
  return ts.getJSDocTags(node).some((t) => t.tagName.text === INTEGER_TAG);
}

/** Names of the properties, in any interface or object type under `componentsDir`, tagged `@integer`. */
export function integerOutputNames(program: ts.Program, componentsDir: string): Set<string> {
  const names = new Set<string>();
  const visit = (node: ts.Node): void => {
    if (ts.isPropertySignature(node) && hasIntegerTag(node)) names.add(node.name.getText());
    ts.forEachChild(node, visit);
  };
  for (const file of program.getSourceFiles()) if (inComponents(file, componentsDir)) visit(file);
  return names;
}

/** The range helper a zod property is built from (`wholeNumberIn(1, 8).optional()` -> `wholeNumberIn`), if any. */
function rangeHelperOf(expr: ts.Expression): string | undefined {
  let e: ts.Expression = expr;
  for (;;) {
    if (ts.isCallExpression(e)) {
      if (ts.isIdentifier(e.expression)) return e.expression.text;
      e = e.expression;
    } else if (ts.isPropertyAccessExpression(e)) e = e.expression;
    else return undefined;
  }
}

/**
 * Names of the inputs the model's zod schemas (under `modelDir`) accept only as whole numbers. Throws when one name
 * is a whole number in one schema and a fraction (`numberIn`) in another.
 */
export function integerInputNames(program: ts.Program, modelDir: string): Set<string> {
  const whole = new Map<string, string>();
  const fraction = new Map<string, string>();
  const visit = (node: ts.Node): void => {
    if (ts.isPropertyAssignment(node) && !ts.isComputedPropertyName(node.name)) {
      const helper = rangeHelperOf(node.initializer);
      const at = `${path.basename(node.getSourceFile().fileName)}:${node.getSourceFile().getLineAndCharacterOfPosition(node.getStart()).line + 1}`;
      if (helper === "wholeNumberIn") whole.set(node.name.getText(), at);
      else if (helper === "numberIn") fraction.set(node.name.getText(), at);
    }
    ts.forEachChild(node, visit);
  };
  for (const file of program.getSourceFiles()) if (inComponents(file, modelDir)) visit(file);
  for (const [name, at] of whole) {
    if (fraction.has(name)) {
      throw new Error(`provider/integers.ts: input "${name}" is a whole number at ${at} and a fraction at ${fraction.get(name)}; the schema types by name, so rename one`);
    }
  }
  return new Set(whole.keys());
}
