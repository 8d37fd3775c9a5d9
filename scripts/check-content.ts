/**
 * npm run check: validate the content folder without building (scripts/check-content-run.ts does the work).
 * Usage: npm run check [-- <content folder>]
 *
 * First, Node's module compile cache is switched on (lib/build/compile-cache.ts) for this thread and, through the
 * environment, the body-checking workers. It must come before the check's modules are loaded, so they are
 * imported after it.
 */
import module from "node:module";
import { withCompileCache } from "../lib/build/compile-cache.ts";

process.env.NODE_COMPILE_CACHE = withCompileCache(process.env).NODE_COMPILE_CACHE;
module.enableCompileCache?.(process.env.NODE_COMPILE_CACHE);
await import("./check-content-run.ts");
