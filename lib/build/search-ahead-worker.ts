/**
 * The worker side of search-ahead.ts: builds the search index and sends its files, or Pagefind's error. Told to
 * stop (a rebuild started before this one ended), it closes Pagefind's process first: it belongs to the whole
 * process, and would otherwise outlive the worker.
 */
import { workerData, parentPort } from "node:worker_threads";
import { close } from "pagefind";
import { buildSearchBundle, type SearchAheadInput, type SearchAheadMessage } from "./search-ahead.ts";

parentPort!.on("message", () => void close().finally(() => process.exit(0)));
parentPort!.unref();

let message: SearchAheadMessage;
try {
  message = { kind: "files", files: await buildSearchBundle(workerData as SearchAheadInput) };
} catch (error) {
  message = { kind: "error", message: error instanceof Error ? error.message : String(error) };
}
parentPort!.postMessage(message);
