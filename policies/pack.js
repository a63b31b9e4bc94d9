/**
 * The entry of the repository's policy pack folder (`pulumi preview --policy-pack policies`). Pulumi's policy runner
 * loads a pack's TypeScript through ts-node with type-checking on (@pulumi/pulumi cmd/run-policy-pack), and the engine
 * starts the pack, and waits for it, before it runs the program: type-checking the rules and the model they import
 * took 3.3 s of every preview here, though `npm test` type-checks the same sources. This entry compiles them without
 * type-checking instead (TypeScript's own transpileModule, the project's compiler options), then loads ./index.ts.
 * Plain JavaScript, so the runner has nothing of its own to check. engine-pack/index.js uses the same loader in a clone.
 */
"use strict";
require("./transpileOnly").transpileTypeScriptOnly();
require("./index.ts");
