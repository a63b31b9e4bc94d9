/**
 * The aicluster stack program (`pulumi preview -s prometheus`, `npm run plan -- prometheus`). The stack name, or
 * `aicluster:topology`, picks the campus; `aicluster:scale` and `aicluster:phase` size it. The Node.js runtime calls a
 * CommonJS main module's exported function and makes what it returns the stack outputs; the offline planner calls it
 * the same way. (A default export is only called for ES modules, so this is `export =`.)
 */
import { stackProgram } from "./program";
import * as pulumi from "@pulumi/pulumi";
import { stackSettings } from "./settings";

export = function main() {
  return stackProgram(stackSettings(), pulumi.getStack());
};
