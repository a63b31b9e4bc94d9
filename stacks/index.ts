/**
 * The aicluster stack program (`pulumi preview -s prometheus`, `npm run plan -- prometheus`). The stack name, or
 * `aicluster:topology`, picks the campus; `aicluster:scale` and `aicluster:phase` size it. A main module that exports a
 * function is called by the Node.js runtime, and what it returns becomes the stack outputs; the planner calls it the same way.
 */
import { stackProgram } from "./program";
import { stackSettings } from "./settings";

export = () => stackProgram(stackSettings());
