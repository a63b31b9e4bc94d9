/**
 * The aicluster stack program (`pulumi preview -s prometheus`, `npm run plan -- prometheus`). The stack name, or
 * `aicluster:topology`, picks the campus; `aicluster:scale` and `aicluster:phase` size it. The Node.js runtime calls a
 * default-exported function and makes what it returns the stack outputs; the offline planner calls it the same way.
 */
import { stackProgram } from "./program";
import { stackSettings } from "./settings";

export default function main() {
  return stackProgram(stackSettings());
}
