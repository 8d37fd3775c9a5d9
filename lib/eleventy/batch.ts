/**
 * A production build in batches: Eleventy keeps every page of a run (its data, and its rendered HTML until the
 * run ends) in memory, so one run over a 100,000-item archive runs out of memory. `npm run build`
 * (lib/build/batched-build.ts) instead runs Eleventy several times into the same folder, each run writing a slice
 * of every paginated page family (items, home, topic, author, type and archive pages), and drops each run whole
 * before the next. The content is loaded and checked once, by the first run: every run reads the same BuildState
 * (and its render-ahead and search workers), which the driver hands on in a BuildBatches object.
 *
 * The first run also writes the pages there is one of (feeds, sitemaps, the search page and the like); the last
 * run finishes the build (images, icons, the search index). The site is byte-identical to a build in one run
 * (tests/build/batched-build.test.ts).
 */
import type UserConfig from "@11ty/eleventy/UserConfig";
import type { BuildState } from "./build-state.ts";

/** Roughly how many pages one run writes: small enough that a run's pages fit in memory many times over. */
export const PAGES_PER_BATCH = 2_000;

/**
 * At most this many runs, unless asked for smaller batches: each run has a cost of its own (the config, the
 * templates, a garbage collection), so past MAX_RUNS batches the runs grow instead (docs/performance.md).
 */
export const MAX_RUNS = 25;

/** What the runs of one batched build share; the driver makes it and raises `index` after each run. */
export interface BuildBatches {
  /** The run under way, from 0. */
  index: number;
  /** How many runs the build takes: set by the first run once it knows how many pages there are. */
  count?: number;
  /** Pages per run (PAGES_PER_BATCH unless a test asks for smaller batches). */
  pagesPerBatch: number;
  /** Most runs (MAX_RUNS; no limit when a batch size is asked for). */
  maxRuns: number;
  /** The build's state, loaded by the first run and read by every later one. */
  state?: BuildState;
}

/** How many runs write `pages` pages at `perBatch` a run, and no more than `maxRuns` (at least one). */
export function batchCount(pages: number, perBatch: number, maxRuns = Number.POSITIVE_INFINITY): number {
  if (!(perBatch >= 1)) throw new Error(`govnews: pages per batch must be at least 1, not ${perBatch}`);
  if (!(maxRuns >= 1)) throw new Error(`govnews: a build needs at least one run, not ${maxRuns}`);
  return Math.max(1, Math.min(Math.ceil(pages / perBatch), Math.floor(maxRuns)));
}

/**
 * The part of a page family that run `index` of `count` writes: the index-th of `count` near-equal, consecutive
 * slices, so that every page is written by exactly one run.
 */
export function batchSlice<T>(pages: readonly T[], index: number, count: number): T[] {
  if (count <= 1) return pages as T[];
  const start = Math.floor((index * pages.length) / count);
  const end = Math.floor(((index + 1) * pages.length) / count);
  return pages.slice(start, end);
}

// Each run's Eleventy config, with the batches it belongs to. Keyed by the config object so that nothing outlives
// the run that made it; the driver adds the entry (runInBatch) before Eleventy reads .eleventy.ts, whose plugin
// looks it up (batchesOf).
const byConfig = new WeakMap<UserConfig, BuildBatches>();

/** Marks an Eleventy config as one run of a batched build (the driver calls it from Eleventy's `config` option). */
export function runInBatch(eleventyConfig: UserConfig, batches: BuildBatches): void {
  byConfig.set(eleventyConfig, batches);
}

/** The batched build this config is a run of, if any (a plain Eleventy run, `npm start` or a test: none). */
export function batchesOf(eleventyConfig: UserConfig): BuildBatches | undefined {
  return byConfig.get(eleventyConfig);
}

/**
 * A full garbage collection, where the build's process allows it (lib/build/batched-build.ts runs with gc
 * exposed): V8 collects lazily, so without this the heap of a batched build grows by the garbage of each run (and
 * of loading the content) rather than staying near what one run keeps.
 */
export function collectGarbage(): void {
  (globalThis as { gc?: () => void }).gc?.();
}
