/**
 * `aicluster compare`: args.ts reads the command line, load.ts the plans (report files, stack variants), compare.ts
 * lines them up, document.ts words the result, render.ts writes it as text, Markdown or HTML, cli.ts runs it all.
 */
export * from "./args";
export * from "./load";
export * from "./compare";
export * from "./document";
export * from "./render";
export * from "./cli";
