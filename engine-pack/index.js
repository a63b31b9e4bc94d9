/**
 * The policy pack `aicluster check --engine` runs: every aicluster rule as a stack validation, and the record that
 * hands what the rules saw back to the checker (policies/engineRecord.ts). Plain JavaScript, so it runs from the
 * installed package with no build: the compiled rules in ../dist; in a clone of the repository, the TypeScript
 * sources (never a dist/ that may be stale).
 */
"use strict";
const fs = require("fs");
const path = require("path");
const { PolicyPack } = require("@pulumi/policy");

const sources = path.join(__dirname, "..", "policies", "stackPolicies.ts");
let rules;
if (fs.existsSync(sources)) {
  // Without a type-check (npm test does that): the engine waits for the pack before it runs the program.
  require("../policies/transpileOnly").transpileTypeScriptOnly();
  rules = { pack: require("../policies/stackPolicies"), record: require("../policies/engineRecord") };
} else {
  rules = { pack: require("../dist/policies/stackPolicies"), record: require("../dist/policies/engineRecord") };
}

new PolicyPack("aicluster", { policies: [...rules.pack.STACK_POLICIES, rules.record.engineRecordPolicy()] });
