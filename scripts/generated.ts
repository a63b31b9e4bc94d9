/**
 * Files generated from the code and committed (docs/rules.md, policy-pack/README.md, ...): the staleness check a test
 * runs, the `--check` / write command line each generator shares, and the Markdown cell escaping their tables use.
 */
import * as fs from "fs";
import * as path from "path";

/** A Markdown table cell: no pipes or line breaks of its own. */
export function cell(text: string): string {
  return text.replace(/\|/g, "\\|").replace(/\s*\n\s*/g, " ");
}

/** Files (by path relative to `dir`) whose committed content differs from `files` (missing ones included). */
export function staleFiles(files: Record<string, string>, dir: string): string[] {
  return Object.entries(files)
    .filter(([file, text]) => !fs.existsSync(path.join(dir, file)) || fs.readFileSync(path.join(dir, file), "utf8") !== text)
    .map(([file]) => file);
}

export interface Generator {
  /** The command's name in messages. */
  name: string;
  /** Where the files go. */
  dir: string;
  /** That folder as shown to users, e.g. `policy-pack/` (empty when it is the repository root). */
  shownDir: string;
  /** How to regenerate them, e.g. `npm run docs:generate`. */
  regenerate: string;
  files: () => Record<string, string>;
}

/** `<generator>` writes the files; `<generator> --check` exits 1 naming the stale ones; anything else exits 2. */
export function runGenerator(argv: readonly string[], g: Generator): number {
  const unknown = argv.filter((a) => a !== "--check");
  if (unknown.length > 0) {
    console.error(`${g.name}: unknown argument ${unknown.map((a) => JSON.stringify(a)).join(", ")}; allowed: --check`);
    return 2;
  }
  const files = g.files();
  if (argv.includes("--check")) {
    const stale = staleFiles(files, g.dir);
    if (stale.length === 0) return 0;
    console.error(`stale: ${stale.map((f) => `${g.shownDir}${f}`).join(", ")}; run ${g.regenerate}`);
    return 1;
  }
  fs.mkdirSync(g.dir, { recursive: true });
  for (const [file, text] of Object.entries(files)) fs.writeFileSync(path.join(g.dir, file), text);
  console.log(`wrote ${Object.keys(files).map((f) => `${g.shownDir}${f}`).join(", ")}`);
  return 0;
}
