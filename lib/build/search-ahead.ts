/**
 * The search index built in a worker thread while Eleventy writes the pages, instead of after them.
 *
 * Saves: Pagefind's indexing, the largest part of a large build's search work, runs in Pagefind's own process on
 * the second core from the start of the build, fed by a worker that renders each body's text as Pagefind asks
 * for it (search-ahead-worker.ts); the page thread only waits for the bundle at the end, if it is not ready by
 * then. The worker writes the bundle into a temporary folder, which the page thread moves into the site
 * (lib/eleventy/search-index.ts's writeSearchBundle): its files are never copied from thread to thread.
 * Measured in docs/performance.md (npm run bench:search).
 *
 * The plain twin is the same function on the main thread (GOVNEWS_RENDER_AHEAD=off, as for render-ahead.ts):
 * tests/build/deterministic.test.ts checks that both build the same site. If the worker dies, the main thread
 * builds the index instead: slower, never different.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { Worker } from "node:worker_threads";
import type { SiteData } from "../content/schema.ts";
import type { SearchItem } from "../search/records.ts";
import { shardsFolder } from "../search/bundle.ts";

/**
 * An item as the index is given it: its record without the body's HTML, and its file, which the index reads the
 * body from when it comes to the item (so that no thread holds every body of a large archive, and none is copied
 * between threads, as in render-ahead.ts).
 */
export type SearchAheadItem = Omit<SearchItem, "bodyHtml"> & { file: string };

export interface SearchAheadInput {
  /** The published items, in the order the index numbers them (the model's: newest first). */
  items: Iterable<SearchAheadItem>;
  /** The project root the items' files are relative to. */
  root: string;
  /** Site data: the Markdown options come from it. */
  site: SiteData;
  /** The folder the bundle is written to (made afresh). */
  out: string;
  /**
   * Work in the background (npm start, whose rebuilds come first): the worker lowers its priority, and Pagefind's
   * process, which it starts, inherits it.
   */
  background?: boolean;
  /**
   * Set (to 1) to stop: read before each item is read, so that indexing stops at the next item (after the shard
   * under way is written, if it is full). A message alone would wait until our indexer was done, since its work
   * gives the worker's event loop no turn, and under npm start each edit's stopped index ran to its end beside the
   * next ones, each holding its own heap.
   */
  stop?: Int32Array;
}

/** What indexing that was stopped (SearchAheadInput's `stop`) rejects with. */
export class SearchStopped extends Error {
  constructor() {
    super("the search index was stopped");
  }
}

/** Worker to page thread. */
export type SearchAheadMessage = { kind: "written" } | { kind: "error"; message: string };

export interface SearchAhead {
  /**
   * The folder holding the bundle, once it is written; rejects with Pagefind's own error. Once stopped it never
   * settles in a worker (which ends without a word), and rejects with SearchStopped on the page thread.
   */
  bundle(): Promise<string>;
  /** Ends the worker (a rebuild starts a new one) and removes what it wrote. */
  stop(): void;
}

/** The index's bundle, written to `input.out` on this thread: what the worker runs, and the twin. */
export async function buildSearchBundle(input: SearchAheadInput): Promise<void> {
  const [{ createMarkdown }, { searchRecord }, { indexRecords }, { readBody }] = await Promise.all([
    import("../eleventy/markdown.ts"),
    import("../search/records.ts"),
    import("../search/pagefind-index.ts"),
    import("../content/text-files.ts"),
  ]);
  const render = await createMarkdown(input.site);
  const { root } = input;
  function* records() {
    for (const { file, ...item } of input.items) {
      if (input.stop && Atomics.load(input.stop, 0)) throw new SearchStopped();
      // Unreadable now, the index fails with the reason.
      yield searchRecord({ ...item, bodyHtml: render(readBody(root, file)).html });
    }
  }
  // GOVNEWS_SEARCH_INDEXER=pagefind: Pagefind's process works out the words, the plain twin of our own indexer
  // (lib/search/word-index.ts), for benchmarks and comparisons.
  await indexRecords(records(), input.out, { engine: process.env.GOVNEWS_SEARCH_INDEXER === "pagefind" ? "pagefind" : "own", background: input.background });
}

/**
 * The worker's heap limit. The indexer (lib/search/word-index.ts) makes much short-lived garbage, and an unbounded
 * heap let it grow to gigabytes beside the build's own (docs/performance.md, Our own indexer) where what it keeps
 * is the items it is given, its memo of words and one shard: a limit makes V8 collect instead. Should a limit ever
 * be too small, the worker fails and the page thread builds the index itself (below): slower, never different.
 */
export function searchHeapMb(items: number): number {
  return 256 + Math.ceil((items * 2.5) / 1024);
}

/** Starts building the bundle of these items, into a temporary folder of its own. */
export function startSearchAhead(given: { items: SearchAheadItem[]; root: string; site: SiteData; background?: boolean }, inWorker: boolean): SearchAhead {
  const out = fs.mkdtempSync(path.join(os.tmpdir(), "govnews-search-"));
  const input: SearchAheadInput = { ...given, out, stop: new Int32Array(new SharedArrayBuffer(4)) };
  let worker: Worker | undefined;
  const written = inWorker
    ? new Promise<void>((resolve, reject) => {
        worker = new Worker(new URL("./search-ahead-worker.ts", import.meta.url), {
          workerData: input,
          resourceLimits: { maxOldGenerationSizeMb: searchHeapMb(given.items.length) },
        });
        // Never keeps the build's process alive (a failed build ends without waiting for it).
        worker.unref();
        let answered = false;
        worker.on("message", (message: SearchAheadMessage) => {
          answered = true;
          if (message.kind === "written") resolve();
          else reject(new Error(message.message));
        });
        // The worker itself failed (not Pagefind, whose errors are messages): the twin on this thread, unless the
        // index was stopped meanwhile.
        worker.on("error", () => {
          if (!answered && !Atomics.load(input.stop!, 0)) buildSearchBundle(input).then(resolve, reject);
          answered = true;
        });
      })
    : buildSearchBundle(input);
  const named = written.then(
    () => out,
    (error: unknown) => {
      throw new Error(`govnews: search index: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
    },
  );
  // Settled by the end of the build; until then a failure must not end the process as an unhandled rejection.
  named.catch(() => {});
  // The bundle, unless writeSearchBundle has moved it into the site, and the shards of an index left unfinished:
  // when the build is stopped, and when the process ends (a failed build, or `npm start` ended, mid-index).
  const remove = () => {
    process.off("exit", remove);
    for (const folder of [out, shardsFolder(out)]) fs.rmSync(folder, { recursive: true, force: true });
  };
  process.once("exit", remove);
  let running = inWorker;
  worker?.once("exit", () => (running = false));
  return {
    bundle: () => named,
    stop: () => {
      // The worker closes Pagefind's process and ends (search-ahead-worker.ts), at the next item if it is indexing;
      // what it wrote goes after it.
      Atomics.store(input.stop!, 0, 1);
      if (worker && running) {
        worker.once("exit", remove);
        worker.postMessage("stop");
      } else named.then(remove, remove);
    },
  };
}
