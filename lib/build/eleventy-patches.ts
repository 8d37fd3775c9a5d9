/**
 * Three changes to Eleventy 3.1.8: a backport of an upstream fix that a 10,000-item archive needs and that no 3.1.x
 * release has yet, a rebuild when a watched file is deleted (patchWatchDeletes, below), and a written page's HTML
 * let go of in a production build (releaseWrittenPages, below).
 *
 * Saves: Eleventy's TemplateMap finds a template's entry by scanning every entry (`this.map.find(...)`), and does
 * so once per template in three passes of each build: O(n²), seconds of a large archive's build (measured in
 * docs/performance.md, npm run bench). Upstream replaced
 * the scan with a Map lookup in https://github.com/11ty/eleventy/pull/3939 (issue #3938), merged after 3.1.8.
 * This installs the same lookup on the installed 3.1.8 only, and only if the method is still the scan it
 * replaces; any other version is left alone (and builds as before, only slower).
 */
import fs from "node:fs";
import path from "node:path";
import { createRequire } from "node:module";
import { pathToFileURL } from "node:url";

interface MapEntry {
  inputPath: string;
}
interface TemplateMapLike {
  map: MapEntry[];
  getMapEntryForInputPath(inputPath: string): MapEntry | undefined;
}
interface TemplatePathLike {
  absolutePath(...paths: string[]): string;
}

const PATCHED_VERSION = "3.1.8";

/** The installed Eleventy's package folder if it is the version the patches were written for, else undefined. */
function pinnedEleventyDir(): string | undefined {
  // The package's main module is src/EleventyCommonJs.cjs (its exports hide package.json too).
  const eleventyDir = path.resolve(path.dirname(createRequire(import.meta.url).resolve("@11ty/eleventy")), "..");
  const { version } = JSON.parse(fs.readFileSync(path.join(eleventyDir, "package.json"), "utf8")) as { version: string };
  return version === PATCHED_VERSION ? eleventyDir : undefined;
}
/** The body of the method as 3.1.8 ships it, without whitespace: the patch applies only to this code. */
const EXPECTED_BODY =
  "getMapEntryForInputPath(inputPath){letabsoluteInputPath=TemplatePath.absolutePath(inputPath);returnthis.map.find((entry)=>{if(entry.inputPath===inputPath||entry.inputPath===absoluteInputPath){returnentry;}});}";

/**
 * An index of entries by input path, built from the entries array on first use and rebuilt when it grows
 * (TemplateMap only ever pushes to it, once per template before the lookups start).
 */
export function createEntryIndex(absolutePath: (inputPath: string) => string) {
  const indexes = new WeakMap<MapEntry[], { length: number; byPath: Map<string, MapEntry> }>();
  return function find(entries: MapEntry[], inputPath: string): MapEntry | undefined {
    let index = indexes.get(entries);
    if (!index || index.length !== entries.length) {
      const byPath = new Map<string, MapEntry>();
      // First entry wins, as with Array.prototype.find.
      for (const entry of entries) if (!byPath.has(entry.inputPath)) byPath.set(entry.inputPath, entry);
      index = { length: entries.length, byPath };
      indexes.set(entries, index);
    }
    return index.byPath.get(inputPath) ?? index.byPath.get(absolutePath(inputPath));
  };
}

let applied: Promise<boolean> | undefined;

/**
 * Installs the indexed lookup on Eleventy's TemplateMap. Resolves to whether it was installed. Idempotent.
 * Eleventy's package exports hide src/, so the module is imported by file URL: the same file, and so the same
 * module instance, as Eleventy's own `import TemplateMap from "./TemplateMap.js"`.
 */
export function patchEleventy(): Promise<boolean> {
  applied ??= (async () => {
    const eleventyDir = pinnedEleventyDir();
    if (!eleventyDir) return false;
    const templateMapFile = path.join(eleventyDir, "src", "TemplateMap.js");
    const { default: TemplateMap } = (await import(pathToFileURL(templateMapFile).href)) as { default: { prototype: TemplateMapLike } };
    const original = TemplateMap.prototype.getMapEntryForInputPath;
    if (original.toString().replace(/\s+/g, "") !== EXPECTED_BODY) return false;
    const utilsFile = createRequire(templateMapFile).resolve("@11ty/eleventy-utils");
    const { TemplatePath } = (await import(pathToFileURL(utilsFile).href)) as { TemplatePath: TemplatePathLike };
    const find = createEntryIndex((inputPath) => TemplatePath.absolutePath(inputPath));
    TemplateMap.prototype.getMapEntryForInputPath = function (this: TemplateMapLike, inputPath: string) {
      return find(this.map, inputPath);
    };
    return true;
  })();
  return applied;
}

interface TemplateLike {
  _write(page: PageLike, content: unknown): Promise<{ content?: unknown }>;
  renderPageEntry(page: PageLike): Promise<unknown>;
  eleventyConfig?: { userConfig?: object };
}
interface PageLike {
  template?: { _cacheRenderedTransformsAndLayoutsPromise?: unknown; _cacheRenderedPromise?: unknown };
  templateContent?: unknown;
}

/** The code the release below relies on, as 3.1.8 ships it (without whitespace). */
const WRITES_CONTENT = "content:finalContent,";
const CACHES_PAGE = "pageEntry.template._cacheRenderedTransformsAndLayoutsPromise=";

let releasing: Promise<boolean> | undefined;

/**
 * Eleventy 3.1.8 keeps each page's HTML until its run ends: the page's template caches the promise of its finished
 * HTML (renderPageEntry) and of its content before the layout (renderPageEntryWithoutLayout), the page keeps that
 * content (templateContent), and the run's results, which write() returns and the eleventy.after event is given,
 * hold the finished HTML as `content`. This lets go of them once the page is written, in the runs `releases` says
 * yes to (the batched production build's, lib/build/batched-build.ts), whose results no one reads for their HTML
 * and whose pages read no other page's templateContent once it is written (a collection's items keep their own).
 * Never under `npm start`: the dev server reloads a page from those results.
 *
 * Saves: memory. A run's pages' HTML, a few thousand pages of tens of kilobytes each, was held to the run's end
 * (docs/performance.md, npm run bench). Installed only on 3.1.8, and only where the code is as described; any other
 * version builds as before. Idempotent.
 */
export function releaseWrittenPages(releases: (userConfig: object) => boolean): Promise<boolean> {
  releasing ??= (async () => {
    const eleventyDir = pinnedEleventyDir();
    if (!eleventyDir) return false;
    const { default: Template } = (await import(pathToFileURL(path.join(eleventyDir, "src", "Template.js")).href)) as { default: { prototype: TemplateLike } };
    const write = Template.prototype._write;
    const squeezed = (f: unknown) => String(f).replace(/\s+/g, "");
    if (!squeezed(write).includes(WRITES_CONTENT) || !squeezed(Template.prototype.renderPageEntry).includes(CACHES_PAGE)) return false;
    Template.prototype._write = async function (this: TemplateLike, page: PageLike, content: unknown) {
      const written = await write.call(this, page, content);
      const config = this.eleventyConfig?.userConfig;
      if (config && releases(config)) {
        delete page.template?._cacheRenderedTransformsAndLayoutsPromise;
        delete page.template?._cacheRenderedPromise;
        page.templateContent = undefined;
        delete written.content;
      }
      return written;
    };
    return true;
  })();
  return releasing;
}

interface WatchingEleventy {
  watch(): Promise<unknown>;
  stopWatch(): Promise<unknown>;
  watcher?: { on(event: "unlink" | "change" | "add", listener: (file: string) => void): unknown };
  eleventyConfig?: { userConfig?: object };
  watchManager?: { isBuildRunning(): boolean; getPendingQueue(): string[] };
  shouldTriggerConfigReset?(files: string[]): boolean;
}

interface WatchState {
  /**
   * Each watching Eleventy with its watchRun (see requestRebuild). Looked up by the config its plugins are given
   * now: a config reload (an edited site.json) gives the instance a new one.
   */
  watching: Set<WeakRef<WatchingEleventy>>;
  watchRuns: WeakMap<WatchingEleventy, (file: string) => Promise<unknown>>;
  /** What to do when the instance watching with a config stops watching (see onStopWatch). */
  stopListeners: WeakMap<object, Array<() => void>>;
  patched: boolean;
}
const WATCH_STATE = Symbol.for("govnews.watchState");

/**
 * One for the process, on globalThis: an edit of the plugin's code under npm start makes Eleventy import this module
 * afresh, and the new import must find the instance that the first one saw start watching.
 */
const shared = ((globalThis as { [WATCH_STATE]?: WatchState })[WATCH_STATE] ??= {
  watching: new Set(),
  watchRuns: new WeakMap(),
  stopListeners: new WeakMap(),
  patched: false,
});
const { watching, watchRuns, stopListeners } = shared;

/**
 * Starts a rebuild of the Eleventy instance that watches with this config, as a change of `file` would: queued
 * behind a build under way, as Eleventy queues edits. For npm start's second pass (lib/eleventy/preview.ts), whose
 * cause is not a file. False when the config is not watching (a production build, a test's one-off build).
 */
export function requestRebuild(eleventyConfig: object, file: string): boolean {
  for (const ref of watching) {
    const eleventy = ref.deref();
    if (!eleventy) watching.delete(ref);
    else if (eleventy.eleventyConfig?.userConfig === eleventyConfig) {
      void watchRuns.get(eleventy)?.(file);
      return true;
    }
  }
  return false;
}

/**
 * Calls `listener` when the Eleventy instance that watches with this config stops watching (stopWatch: a test's
 * instance, or a server stopped inside a process that goes on), so that what watches beside it is closed too.
 */
export function onStopWatch(eleventyConfig: object, listener: () => void): void {
  stopListeners.set(eleventyConfig, [...(stopListeners.get(eleventyConfig) ?? []), listener]);
}

/**
 * A second fix for 3.1.8: its watcher starts no rebuild when a watched file is deleted (it logs "File deleted" and
 * stops), so under `npm start` a deleted item stayed on the site being previewed until the next edit. This makes a
 * deletion rebuild as a change does, through the same watchRun that `watch()` returns, and keeps that watchRun for
 * requestRebuild. Installed when the plugin is registered, which is before `npm start` calls watch(); on 3.1.8
 * only. Idempotent.
 */
export function patchWatchDeletes(eleventyClass: { prototype: unknown }): boolean {
  if (shared.patched) return true;
  if (!pinnedEleventyDir()) return false;
  const prototype = eleventyClass.prototype as WatchingEleventy;
  const watch = prototype.watch;
  prototype.watch = async function (this: WatchingEleventy) {
    const watchRun = await watch.call(this);
    if (typeof watchRun === "function") {
      this.watcher?.on("unlink", (file) => void (watchRun as (file: string) => Promise<unknown>)(file));
      // Eleventy decides whether a rebuild reloads the config from the last file that started it, and a change saved
      // while a build runs is built by that build's follow-up, which never reloads it: a config file (site.json)
      // saved then, or just before a requested rebuild, would never reach the pages. Such a file is built again,
      // on its own, once no build runs; and a requested rebuild names it rather than its own cause.
      const resets = (file: string) => this.shouldTriggerConfigReset?.([file.startsWith("./") || file.startsWith("/") ? file : `./${file}`]) ?? false;
      const later = (file: string) => {
        const retry = () => (this.watchManager?.isBuildRunning() ? void setTimeout(retry, 100).unref() : void run(file));
        setTimeout(retry, 100).unref();
      };
      for (const event of ["change", "add"] as const) this.watcher?.on(event, (file) => void (this.watchManager?.isBuildRunning() && resets(file) && later(file)));
      // Not once the watcher is closed (stopWatch): nothing is served any more.
      const watcher = this.watcher as { closed?: boolean } | undefined;
      const run = (file: string): Promise<unknown> => {
        if (watcher?.closed) return Promise.resolve();
        const reset = this.watchManager?.getPendingQueue().find(resets);
        return (watchRun as (file: string) => Promise<unknown>)(reset ?? file);
      };
      watchRuns.set(this, run);
      watching.add(new WeakRef(this));
    }
    return watchRun;
  };
  const stopWatch = prototype.stopWatch;
  prototype.stopWatch = function (this: WatchingEleventy) {
    // No rebuild is requested of an instance that has stopped (the related lists' pass, a fill build).
    watchRuns.delete(this);
    for (const ref of watching) if (ref.deref() === this) watching.delete(ref);
    const config = this.eleventyConfig?.userConfig;
    const listeners = config ? stopListeners.get(config) : undefined;
    if (config) stopListeners.delete(config);
    for (const listener of listeners ?? []) listener();
    return stopWatch.call(this);
  };
  shared.patched = true;
  return true;
}
