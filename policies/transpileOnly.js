/**
 * Loads the repository's .ts files by transpiling each on its own (TypeScript's transpileModule with tsconfig.json's
 * options), replacing any TypeScript loader already installed (the policy runner's type-checking ts-node), so a pack
 * started from a clone pays no type-check. Only files inside the repository; anything else keeps the loader it had.
 */
"use strict";
const fs = require("fs");
const path = require("path");

const ROOT = path.resolve(__dirname, "..");

function transpileTypeScriptOnly() {
  const ts = require("typescript");
  const { config } = ts.readConfigFile(path.join(ROOT, "tsconfig.json"), ts.sys.readFile);
  const { options } = ts.convertCompilerOptionsFromJson(config.compilerOptions, ROOT);
  const compilerOptions = { ...options, module: ts.ModuleKind.CommonJS, sourceMap: false, inlineSourceMap: false, declaration: false, noEmit: false };
  const previous = require.extensions[".ts"];
  require.extensions[".ts"] = function (module, filename) {
    if (!filename.startsWith(ROOT + path.sep) || filename.includes(`${path.sep}node_modules${path.sep}`)) {
      if (previous) return previous(module, filename);
      throw new Error(`no TypeScript loader for ${filename}`);
    }
    const { outputText } = ts.transpileModule(fs.readFileSync(filename, "utf8"), { compilerOptions, fileName: filename });
    module._compile(outputText, filename);
  };
}

module.exports = { transpileTypeScriptOnly };
