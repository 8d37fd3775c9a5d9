/**
 * Eleventy keeps compiled layouts in a cache shared by every Eleventy instance in the process (its LayoutCache
 * module), and a cached layout renders with the filters of the instance that compiled it. A second build in the
 * same process (the in-memory builds of the tests, or anyone using Eleventy's API twice) would then print the first
 * build's content through our filters, which read the build state of the plugin instance they belong to. Eleventy
 * itself empties this cache when a file changes (`eleventy.resourceModified`); we empty it before each build, which
 * costs only compiling each layout once per build. The module is not among the package's exports, so it is
 * imported by file, as the GOV.UK plugin's own modules are (markdown.ts); another Eleventy version without it is
 * left alone.
 */
import fs from "node:fs";
import path from "node:path";
import { createRequire } from "node:module";
import { pathToFileURL } from "node:url";

interface LayoutCacheLike {
  removeAll(): void;
}

let cache: Promise<LayoutCacheLike | undefined> | undefined;

function layoutCache(): Promise<LayoutCacheLike | undefined> {
  cache ??= (async () => {
    const eleventy = path.dirname(createRequire(import.meta.url).resolve("@11ty/eleventy"));
    const file = path.join(eleventy, "LayoutCache.js");
    if (!fs.existsSync(file)) return undefined;
    const module = (await import(pathToFileURL(file).href)) as { default?: Partial<LayoutCacheLike> };
    return typeof module.default?.removeAll === "function" ? (module.default as LayoutCacheLike) : undefined;
  })();
  return cache;
}

/** Forgets every compiled layout, so this build compiles its own with its own filters. */
export async function clearLayoutCache(): Promise<void> {
  (await layoutCache())?.removeAll();
}
