/**
 * The worker side of search-ahead.ts: builds the search index into the folder it is given, reading each item's
 * body from its file as it comes to it, and says when the index is written, or sends Pagefind's error. Told to stop
 * (a rebuild started before this one ended), it closes Pagefind's process first: it belongs to the whole process,
 * and would otherwise outlive the worker.
 */
import { workerData, parentPort } from "node:worker_threads";
import { close } from "pagefind";
import { buildSearchBundle, SearchStopped, type SearchAheadInput, type SearchAheadMessage } from "./search-ahead.ts";
import { lowerThreadPriority } from "./thread-priority.ts";

parentPort!.on("message", () => void close().finally(() => process.exit(0)));
parentPort!.unref();

// Before Pagefind's process starts: it inherits this thread's priority (thread-priority.ts).
if ((workerData as SearchAheadInput).background) lowerThreadPriority(19);

let message: SearchAheadMessage;
try {
  await buildSearchBundle(workerData as SearchAheadInput);
  message = { kind: "written" };
} catch (error) {
  // Stopped mid-index (search-ahead.ts's stop flag): nothing to say, as when told to stop by message.
  if (error instanceof SearchStopped) await close().finally(() => process.exit(0));
  message = { kind: "error", message: error instanceof Error ? error.message : String(error) };
}
parentPort!.postMessage(message);
