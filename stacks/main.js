/**
 * The entry Pulumi.yaml names for this repository's stacks. Pulumi's Node.js host would type-check the program, and
 * with it every source of the toolkit it imports (about 5.4 s of each preview here), which `npm test` already
 * type-checks; a user's program imports the compiled package instead. So this entry transpiles the TypeScript
 * sources without a type-check (policies/transpileOnly.js, as the repository's policy pack does) and hands the host
 * stacks/index.ts's exported function.
 */
"use strict";
require("../policies/transpileOnly").transpileTypeScriptOnly();
module.exports = require("./index.ts");
