/**
 * npm run check: validate the content folder without building (scripts/check-content-run.ts does the work).
 * Usage: npm run check [-- <content folder>]
 *
 * First, Node's module compile cache is switched on, in node_modules/.cache/govnews/compile, for this thread and
 * (through the environment) the body-checking workers. Saves: compiling the check's modules, which every run
 * otherwise does again in each thread (the TypeScript sources are stripped and compiled each time); measured in
 * docs/performance.md (npm run bench:check). It must come before the check's modules are loaded, so they are
 * imported after it. A cache that cannot be written is skipped, and everything runs as before.
 */
import module from "node:module";
import path from "node:path";

const cache = path.join(import.meta.dirname, "..", "node_modules", ".cache", "govnews", "compile");
process.env.NODE_COMPILE_CACHE ??= cache;
module.enableCompileCache?.(process.env.NODE_COMPILE_CACHE);
await import("./check-content-run.ts");
