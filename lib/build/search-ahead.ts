/**
 * The search index built in a worker thread while Eleventy writes the pages, instead of after them.
 *
 * Saves: Pagefind's indexing, the largest part of a large build's search work, runs in Pagefind's own process on
 * the second core from the start of the build, fed by a worker that renders each body's text as Pagefind asks
 * for it (search-ahead-worker.ts); the page thread only waits for the files at the end, if they are not ready by
 * then. Measured in docs/performance.md (npm run bench:search).
 *
 * The plain twin is the same function on the main thread (GOVNEWS_RENDER_AHEAD=off, as for render-ahead.ts):
 * tests/build/deterministic.test.ts checks that both build the same site. If the worker dies, the main thread
 * builds the index instead: slower, never different.
 */
import { Worker } from "node:worker_threads";
import type { SiteData } from "../content/schema.ts";
import type { BundleFile } from "../search/canonical.ts";
import type { SearchItem } from "../search/records.ts";

export interface SearchAheadInput {
  /** The published items, in the order the index numbers them (the model's: newest first), with Markdown bodies. */
  items: Array<Omit<SearchItem, "bodyHtml"> & { body: string }>;
  /** Site data: the Markdown options come from it. */
  site: SiteData;
}

export type SearchAheadMessage = { kind: "files"; files: BundleFile[] } | { kind: "error"; message: string };

export interface SearchAhead {
  /** The bundle's files, once Pagefind has written them; rejects with Pagefind's own error. */
  files(): Promise<BundleFile[]>;
  /** Ends the worker (a rebuild starts a new one). */
  stop(): void;
}

/** The index's files, made on this thread: what the worker runs, and the twin. */
export async function buildSearchBundle(input: SearchAheadInput): Promise<BundleFile[]> {
  const [{ createMarkdown }, { searchRecord }, { indexRecords }] = await Promise.all([
    import("../eleventy/markdown.ts"),
    import("../search/records.ts"),
    import("../search/pagefind-index.ts"),
  ]);
  const render = await createMarkdown(input.site);
  function* records() {
    for (const { body, ...item } of input.items) yield searchRecord({ ...item, bodyHtml: render(body).html });
  }
  return indexRecords(records());
}

export function startSearchAhead(input: SearchAheadInput, inWorker: boolean): SearchAhead {
  let worker: Worker | undefined;
  const files = inWorker
    ? new Promise<BundleFile[]>((resolve, reject) => {
        worker = new Worker(new URL("./search-ahead-worker.ts", import.meta.url), { workerData: input });
        // Never keeps the build's process alive (a failed build ends without waiting for it).
        worker.unref();
        let answered = false;
        worker.on("message", (message: SearchAheadMessage) => {
          answered = true;
          if (message.kind === "files") resolve(message.files);
          else reject(new Error(message.message));
        });
        // The worker itself failed (not Pagefind, whose errors are messages): the twin on this thread.
        worker.on("error", () => {
          if (!answered) buildSearchBundle(input).then(resolve, reject);
          answered = true;
        });
      })
    : buildSearchBundle(input);
  const named = files.catch((error: unknown) => {
    throw new Error(`govnews: search index: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
  });
  // Settled by the end of the build; until then a failure must not end the process as an unhandled rejection.
  named.catch(() => {});
  return {
    files: () => named,
    // The worker closes Pagefind's process and ends (search-ahead-worker.ts).
    stop: () => worker?.postMessage("stop"),
  };
}
