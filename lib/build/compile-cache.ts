/**
 * Node's module compile cache (`module.enableCompileCache`, NODE_COMPILE_CACHE), on disk in node_modules/.cache.
 *
 * Saves: every run of the build and of `npm run check` otherwise strips and compiles the same TypeScript and
 * JavaScript modules again (Eleventy's, ours, the Markdown plugins'), in each thread; measured in
 * docs/performance.md (npm run bench:check, npm run bench). Nothing else changes: the cache holds V8's compiled
 * code, checked by Node against each module's source, and a cache that cannot be written is skipped.
 */
import path from "node:path";

/** Where the compiled code is kept: beside ESLint's cache, so `npm ci` clears it with the rest. */
export const COMPILE_CACHE_DIR = path.join(import.meta.dirname, "..", "..", "node_modules", ".cache", "govnews", "compile");

/** The environment for a child process or worker with the cache on (an explicit NODE_COMPILE_CACHE wins). */
export function withCompileCache(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  return { ...env, NODE_COMPILE_CACHE: env.NODE_COMPILE_CACHE ?? COMPILE_CACHE_DIR };
}
