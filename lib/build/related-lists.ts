/**
 * Every related-articles list, computed in a worker thread while the page thread serves: for `npm start`
 * (lib/eleventy/preview.ts), whose rebuilds first show the lists of the build before and then, once these arrive,
 * rewrite the pages whose list changed.
 *
 * Saves: the related-articles engine's index and lists on the page thread, which would hold up the dev server for
 * as long as they take (they grow with the archive; docs/performance.md, npm run bench:preview). The plain twin is
 * relatedLists on the page thread, the same function the worker runs: tests/unit/build/related-lists.test.ts
 * compares both.
 */
import { Worker } from "node:worker_threads";
import type { ArticleSummary } from "../related/engine.ts";
import type { RenderAheadItem } from "./render-ahead.ts";

export interface RelatedListsInput {
  /** Published items without their bodies, which are read from their files (as render-ahead.ts does). */
  items: RenderAheadItem[];
  /** The project root the items' files are relative to. */
  root: string;
}

/** Each item's related list, as slugs, best first: what buildRelatedIndex gives, read from the items' files. */
export async function relatedLists(input: RelatedListsInput): Promise<Map<string, string[]>> {
  const [{ buildRelatedIndex }, { readBody }] = await Promise.all([import("../related/engine.ts"), import("../content/text-files.ts")]);
  const items = input.items.map(
    ({ file, ...item }): ArticleSummary => Object.defineProperty(item, "body", { enumerable: true, get: () => readBody(input.root, file) }) as unknown as ArticleSummary,
  );
  const index = buildRelatedIndex(items);
  return new Map(items.map((item) => [item.slug, index.slugs(item.slug)]));
}

export interface RelatedListsJob {
  /** The lists; rejects if the worker fails (a file became unreadable: the next rebuild reports it). */
  lists: Promise<Map<string, string[]>>;
  /** Ends the worker (a newer rebuild makes its own). */
  stop(): void;
}

/** Computes relatedLists(input) in a worker thread. */
export function startRelatedLists(input: RelatedListsInput): RelatedListsJob {
  const worker = new Worker(new URL("./related-lists-worker.ts", import.meta.url), { workerData: input });
  // Never keeps the process alive: the dev server does, and a stopped server needs no lists.
  worker.unref();
  const lists = new Promise<Map<string, string[]>>((resolve, reject) => {
    worker.once("message", (message: { lists?: Array<[string, string[]]>; error?: string }) =>
      message.lists ? resolve(new Map(message.lists)) : reject(new Error(message.error)),
    );
    worker.once("error", reject);
    worker.once("exit", () => reject(new Error("govnews: the related-lists worker stopped")));
  });
  // Stopping is not a failure anyone waits on.
  lists.catch(() => {});
  return { lists, stop: () => void worker.terminate() };
}
